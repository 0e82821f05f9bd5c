# ExpatError: expat's messages, codes and positions, and the errors module.
import pyexpat
from xml.parsers import expat
from xml.parsers.expat import errors

print(expat.EXPAT_VERSION, expat.version_info, expat.native_encoding)
print(expat.ErrorString(7), expat.ErrorString(errors.codes[errors.XML_ERROR_SYNTAX]))
print(errors.messages[3], errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT)
print(expat.error is expat.ExpatError, pyexpat.ExpatError is expat.ExpatError)

DOCS = [
    "<a></b>", "<é></b>", "<a>", "", "  ", "<a/><b/>", "<a/>x", "x<a/>", "<a>&foo;</a>",
    "<a b='1' b='2'/>", "<1a/>", "<a b=1/>", "<a b></a>", "<a>\n<b></a>",
    "<a><!-- x -- y --></a>", "<a>]]></a>", "<?xml version='1.0'?><?xml version='1.0'?><a/>",
    "<a>&#0;</a>", "<a>&#x110000;</a>", "<a", "<a b='", "<!-- ", "<a><![CDATA[ ",
    "\n<?xml version='1.0'?><a/>", "<a>\x01</a>", "<a>&amp</a>", "<a><b></b></a></a>",
    "<a/>&amp;", "<a b='<'/>", "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;&f;</a>", "<?xml?><a/>",
    "<!--c-->", "<a/><!DOCTYPE a>", "<a>&#xZZ;</a>", "<a>&#65</a>", "<a>\n  <b>\n</a>",
]
for doc in DOCS:
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
        print(repr(doc), "ok")
    except expat.ExpatError as e:
        print(repr(doc), "->", e, e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber)

for doc in ["<p:a/>", "<a xmlns='u'><b p:x='1'/></a>", "<a xmlns:p='u'><p:b/></a>"]:
    try:
        expat.ParserCreate(namespace_separator="}").Parse(doc, True)
        print(repr(doc), "ok")
    except expat.ExpatError as e:
        print(repr(doc), "->", e)

print("parsing after the end")
p = expat.ParserCreate()
p.Parse("<a/>", True)
try:
    p.Parse("<a/>", True)
except expat.ExpatError as e:
    print(" ", e, e.code)

print("an error is reported once the data before it is handled")
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: print("  start", n)
try:
    p.Parse("<a><b>", False)
    p.Parse("</c>", False)
except expat.ExpatError as e:
    print(" ", e)

print("argument errors")
for call in [lambda: expat.ParserCreate(namespace_separator="ab"),
             lambda: expat.ParserCreate().ParseFile(3),
             lambda: expat.ParserCreate().Parse(3),
             lambda: expat.ParserCreate().SetBase(b"x"),
             lambda: expat.ParserCreate().SetParamEntityParsing(2 ** 100),
             lambda: expat.ParserCreate().SetParamEntityParsing(None)]:
    try:
        call()
    except Exception as e:
        print(" ", type(e).__name__, e)
p = expat.ParserCreate()
print(p.GetBase(), p.SetBase("doc.xml"), p.GetBase(), p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS))
print(p.buffer_size, p.buffer_text, p.ordered_attributes, p.specified_attributes, p.namespace_prefixes)
