//! CPython 3.11's `xml` package, as it is (see `NOTICE`): pure Python over `pyexpat`.
//! `xml.etree.ElementTree` uses its Python classes (there is no `_elementtree`
//! accelerator), and `xml.sax.saxutils` imports `urllib` only where it opens a system id.

use super::asyncio::package;
use super::ModuleDef;

pub const MODULES: &[ModuleDef] = &[
    ModuleDef::new("xml")
        .init(package)
        .source(include_str!("__init__.py")),
    ModuleDef::new("xml.dom")
        .init(package)
        .source(include_str!("dom/__init__.py")),
    ModuleDef::new("xml.dom.NodeFilter").source(include_str!("dom/NodeFilter.py")),
    ModuleDef::new("xml.dom.domreg").source(include_str!("dom/domreg.py")),
    ModuleDef::new("xml.dom.expatbuilder").source(include_str!("dom/expatbuilder.py")),
    ModuleDef::new("xml.dom.minicompat").source(include_str!("dom/minicompat.py")),
    ModuleDef::new("xml.dom.minidom").source(include_str!("dom/minidom.py")),
    ModuleDef::new("xml.dom.pulldom").source(include_str!("dom/pulldom.py")),
    ModuleDef::new("xml.dom.xmlbuilder").source(include_str!("dom/xmlbuilder.py")),
    ModuleDef::new("xml.etree")
        .init(package)
        .source(include_str!("etree/__init__.py")),
    ModuleDef::new("xml.etree.ElementInclude").source(include_str!("etree/ElementInclude.py")),
    ModuleDef::new("xml.etree.ElementPath").source(include_str!("etree/ElementPath.py")),
    ModuleDef::new("xml.etree.ElementTree").source(include_str!("etree/ElementTree.py")),
    ModuleDef::new("xml.etree.cElementTree").source(include_str!("etree/cElementTree.py")),
    ModuleDef::new("xml.parsers")
        .init(package)
        .source(include_str!("parsers/__init__.py")),
    ModuleDef::new("xml.parsers.expat").source(include_str!("parsers/expat.py")),
    ModuleDef::new("xml.sax")
        .init(package)
        .source(include_str!("sax/__init__.py")),
    ModuleDef::new("xml.sax._exceptions").source(include_str!("sax/_exceptions.py")),
    ModuleDef::new("xml.sax.expatreader").source(include_str!("sax/expatreader.py")),
    ModuleDef::new("xml.sax.handler").source(include_str!("sax/handler.py")),
    ModuleDef::new("xml.sax.saxutils").source(include_str!("sax/saxutils.py")),
    ModuleDef::new("xml.sax.xmlreader").source(include_str!("sax/xmlreader.py")),
];
