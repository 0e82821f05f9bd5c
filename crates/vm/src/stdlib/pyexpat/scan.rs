//! The document side of `pyexpat`: quick-xml splits UTF-8 text into markup and text, and
//! [`Scanner`] adds what expat checks and reports on top of it — nesting, one root element,
//! names, entities and character references, namespaces — as a list of [`Located`] events
//! and expat's error code and byte offset. Nothing here runs Python code, so any input can be
//! scanned (and fuzzed) without an interpreter.

use std::collections::HashMap;

use quick_xml::errors::{Error as QxError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event as Qx};
use quick_xml::reader::Reader;

use super::dtd::{self, Doctype, EntityValue};

/// Expat's error codes (`XML_Error`) that this scanner reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Code {
    Syntax = 2,
    NoElements = 3,
    InvalidToken = 4,
    UnclosedToken = 5,
    TagMismatch = 7,
    DuplicateAttribute = 8,
    JunkAfterDocElement = 9,
    UndefinedEntity = 11,
    RecursiveEntityRef = 12,
    BadCharRef = 14,
    MisplacedXmlPi = 17,
    UnknownEncoding = 18,
    UnclosedCdata = 20,
    UnboundPrefix = 27,
    XmlDecl = 30,
    Finished = 36,
    AmplificationLimit = 43,
}

/// A well-formedness error: its code and the byte offset it is reported at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XmlError {
    pub code: Code,
    pub offset: usize,
}

fn fail<T>(code: Code, offset: usize) -> Result<T, XmlError> {
    Err(XmlError { code, offset })
}

/// What a handler is told, in document order.
#[derive(Debug, PartialEq)]
pub enum Event {
    XmlDecl {
        version: String,
        encoding: Option<String>,
        standalone: i64,
    },
    StartDoctype(Doctype),
    EntityDecl {
        name: String,
        is_parameter: bool,
        value: Option<String>,
        system_id: Option<String>,
        public_id: Option<String>,
        notation: Option<String>,
    },
    EndDoctype,
    StartNamespace {
        prefix: Option<String>,
        uri: Option<String>,
    },
    EndNamespace(Option<String>),
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End(String),
    /// One piece of character data, cut where expat cuts it: at newlines and references.
    Text(String),
    Pi {
        target: String,
        data: String,
    },
    Comment(String),
    StartCdata,
    EndCdata,
    SkippedEntity(String),
    /// Text only the default handler sees: whitespace outside the root element.
    Default(String),
}

/// An event and where its source text starts and ends (byte offsets into the scanned text).
#[derive(Debug)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub event: Event,
}

/// What one call of [`Scanner::scan`] found: its events, how much of the text they used
/// (the rest, an unfinished token, waits for more data) and the error that stopped it.
pub struct Scan {
    pub events: Vec<Located>,
    pub consumed: usize,
    pub error: Option<XmlError>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Root {
    Before,
    Inside,
    After,
}

struct Open {
    name: String,
    declared: Vec<Option<String>>,
}

const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";
/// How deep entity references may expand inside each other.
const MAX_ENTITY_DEPTH: usize = 40;
/// How many references one reference may expand to, all levels counted (expat also stops
/// "billion laughs" documents).
const MAX_EXPANSIONS: usize = 100_000;

/// The state of one document across the chunks `Parse` is given.
pub struct Scanner {
    separator: Option<String>,
    pub namespace_prefixes: bool,
    open: Vec<Open>,
    bindings: Vec<(Option<String>, Option<String>)>,
    root: Root,
    /// Whether anything came before: an XML declaration is only allowed first.
    started: bool,
    entities: HashMap<String, EntityValue>,
    /// An external DTD subset: its entities are unknown, so undefined ones are skipped.
    external_dtd: bool,
}

impl Scanner {
    pub fn new(separator: Option<String>) -> Scanner {
        Scanner {
            separator,
            namespace_prefixes: false,
            open: Vec::new(),
            bindings: Vec::new(),
            root: Root::Before,
            started: false,
            entities: HashMap::new(),
            external_dtd: false,
        }
    }

    /// Scans `text`; `last` says no more data follows, so unfinished markup is an error.
    pub fn scan(&mut self, text: &str, last: bool) -> Scan {
        // A `\r` at the end of a chunk may be half of a `\r\n`.
        let text = match text.strip_suffix('\r') {
            Some(head) if !last => head,
            _ => text,
        };
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.check_comments = false;
        config.allow_unmatched_ends = true;
        let mut out = Scan {
            events: Vec::new(),
            consumed: 0,
            error: None,
        };
        loop {
            let start = reader.buffer_position() as usize;
            let event = match reader.read_event() {
                Ok(Qx::Eof) => {
                    if last && self.root != Root::After {
                        out.error = Some(XmlError {
                            code: Code::NoElements,
                            offset: text.len(),
                        });
                    }
                    out.consumed = text.len();
                    return out;
                }
                Ok(event) => event,
                Err(_) if !last => return out,
                Err(e) => {
                    out.error = Some(reader_error(
                        &e,
                        text,
                        start,
                        reader.error_position() as usize,
                    ));
                    return out;
                }
            };
            let end = reader.buffer_position() as usize;
            let mut span = Span {
                text,
                start,
                end,
                events: &mut out.events,
            };
            if let Err(e) = self.event(event, &mut span) {
                out.error = Some(e);
                return out;
            }
            self.started = true;
            out.consumed = end;
        }
    }

    fn event(&mut self, event: Qx, at: &mut Span) -> Result<(), XmlError> {
        match event {
            Qx::Decl(_) => self.xml_decl(at),
            Qx::DocType(_) => self.doctype(at),
            Qx::Start(e) => self.start(&e, at, false),
            Qx::Empty(e) => self.start(&e, at, true),
            Qx::End(_) => self.end(at),
            Qx::Text(t) => self.text(&t, at),
            Qx::GeneralRef(r) => self.reference(&r, at),
            Qx::CData(c) => {
                if self.root != Root::Inside {
                    return fail(self.outside_code(), at.start);
                }
                at.push(Event::StartCdata);
                push_text(at, &c, Some(at.start + 9))?;
                at.push(Event::EndCdata);
                Ok(())
            }
            Qx::Comment(c) => {
                if let Some(i) = c.find("--") {
                    return fail(Code::InvalidToken, at.start + 4 + i + 2);
                }
                check_chars(&c, at.start + 4)?;
                at.push(Event::Comment(c.to_string()));
                Ok(())
            }
            Qx::PI(_) => self.pi(at),
            Qx::Eof => Ok(()),
        }
    }

    /// The error for markup that may only appear inside the root element.
    fn outside_code(&self) -> Code {
        match self.root {
            Root::After => Code::JunkAfterDocElement,
            _ => Code::InvalidToken,
        }
    }

    fn xml_decl(&mut self, at: &mut Span) -> Result<(), XmlError> {
        if self.started {
            return fail(Code::MisplacedXmlPi, at.start);
        }
        let body = &at.raw()[5..at.raw().len() - 2];
        let pairs = dtd::pseudo_attributes(body).ok_or(XmlError {
            code: Code::XmlDecl,
            offset: at.start + 5,
        })?;
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let Some(version) = get("version") else {
            return fail(Code::XmlDecl, at.start + 5);
        };
        let standalone = match get("standalone").as_deref() {
            None => -1,
            Some("yes") => 1,
            Some("no") => 0,
            Some(_) => return fail(Code::XmlDecl, at.start + 5),
        };
        at.push(Event::XmlDecl {
            version,
            encoding: get("encoding"),
            standalone,
        });
        Ok(())
    }

    fn doctype(&mut self, at: &mut Span) -> Result<(), XmlError> {
        if self.root != Root::Before {
            return fail(self.outside_code(), at.start);
        }
        let raw = at.raw();
        let doctype = dtd::parse_doctype(&raw[9..raw.len() - 1]).ok_or(XmlError {
            code: Code::Syntax,
            offset: at.start,
        })?;
        self.external_dtd |= doctype.system_id.is_some();
        let entities = doctype.entities.clone();
        at.push(Event::StartDoctype(doctype));
        for entity in entities {
            let (value, system_id, public_id, notation) = match &entity.value {
                EntityValue::Internal(v) => (Some(v.clone()), None, None, None),
                EntityValue::External {
                    system_id,
                    public_id,
                    notation,
                } => (
                    None,
                    Some(system_id.clone()),
                    public_id.clone(),
                    notation.clone(),
                ),
            };
            at.push(Event::EntityDecl {
                name: entity.name.clone(),
                is_parameter: entity.is_parameter,
                value,
                system_id,
                public_id,
                notation,
            });
            if !entity.is_parameter {
                self.entities.entry(entity.name).or_insert(entity.value);
            }
        }
        at.push(Event::EndDoctype);
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, at: &mut Span, empty: bool) -> Result<(), XmlError> {
        match self.root {
            Root::After => return fail(Code::JunkAfterDocElement, at.start),
            Root::Before => self.root = Root::Inside,
            Root::Inside => {}
        }
        let qname = e.name().0.to_string();
        check_name(&qname, at.start + 1)?;
        let mut attrs = Vec::new();
        for (name, name_at, value, value_at) in attributes(at.raw(), qname.len() + 1, at.start)? {
            if attrs.iter().any(|(n, _)| *n == name) {
                return fail(Code::DuplicateAttribute, name_at);
            }
            let value = self.attribute_value(value, value_at)?;
            attrs.push((name, value));
        }
        let mut declared = Vec::new();
        let name = match self.separator.clone() {
            None => qname.clone(),
            Some(sep) => {
                attrs = self.declare_namespaces(attrs, &mut declared, at);
                let name = self.expand(&qname, &sep, true, at.start)?;
                for (key, _) in attrs.iter_mut() {
                    *key = self.expand(key, &sep, false, at.start)?;
                }
                name
            }
        };
        at.push(Event::Start {
            name: name.clone(),
            attrs,
        });
        if empty {
            self.close(name, declared, at);
        } else {
            self.open.push(Open {
                name: qname,
                declared,
            });
        }
        Ok(())
    }

    /// Takes the `xmlns` attributes out of `attrs` into the bindings, reporting each.
    fn declare_namespaces(
        &mut self,
        attrs: Vec<(String, String)>,
        declared: &mut Vec<Option<String>>,
        at: &mut Span,
    ) -> Vec<(String, String)> {
        let mut rest = Vec::new();
        for (key, value) in attrs {
            let prefix = match key.strip_prefix("xmlns") {
                Some("") => None,
                Some(p) if p.starts_with(':') => Some(p[1..].to_string()),
                _ => {
                    rest.push((key, value));
                    continue;
                }
            };
            let uri = (!value.is_empty()).then_some(value);
            at.push(Event::StartNamespace {
                prefix: prefix.clone(),
                uri: uri.clone(),
            });
            self.bindings.push((prefix.clone(), uri));
            declared.push(prefix);
        }
        rest
    }

    /// A qualified name as expat reports it with namespace processing: `uri SEP local`.
    fn expand(&self, qname: &str, sep: &str, element: bool, at: usize) -> Result<String, XmlError> {
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None if element => (None, qname),
            None => return Ok(qname.to_string()),
        };
        let uri = if prefix == Some("xml") {
            Some(XML_NAMESPACE.to_string())
        } else {
            let bound = self
                .bindings
                .iter()
                .rev()
                .find(|(p, _)| p.as_deref() == prefix)
                .and_then(|(_, uri)| uri.clone());
            if bound.is_none() && prefix.is_some() {
                return fail(Code::UnboundPrefix, at);
            }
            bound
        };
        Ok(match (uri, prefix) {
            (None, _) => local.to_string(),
            (Some(uri), Some(p)) if self.namespace_prefixes => format!("{uri}{sep}{local}{sep}{p}"),
            (Some(uri), _) => format!("{uri}{sep}{local}"),
        })
    }

    fn close(&mut self, name: String, declared: Vec<Option<String>>, at: &mut Span) {
        at.push(Event::End(name));
        for prefix in declared.into_iter().rev() {
            self.bindings.pop();
            at.push(Event::EndNamespace(prefix));
        }
        if self.open.is_empty() {
            self.root = Root::After;
        }
    }

    fn end(&mut self, at: &mut Span) -> Result<(), XmlError> {
        let raw = at.raw();
        let name = raw[2..raw.len() - 1].trim_end();
        let Some(open) = self.open.pop() else {
            return fail(Code::InvalidToken, at.start + 1);
        };
        if open.name != name {
            return fail(Code::TagMismatch, at.start + 2);
        }
        let name = match self.separator.clone() {
            Some(sep) => self.expand(name, &sep, true, at.start)?,
            None => open.name,
        };
        self.close(name, open.declared, at);
        Ok(())
    }

    fn text(&mut self, text: &str, at: &mut Span) -> Result<(), XmlError> {
        if self.root == Root::Inside {
            if let Some(i) = text.find("]]>") {
                return fail(Code::InvalidToken, at.start + i + 2);
            }
            return push_text(at, text, Some(at.start));
        }
        match text
            .char_indices()
            .find(|(_, c)| !matches!(c, ' ' | '\t' | '\n' | '\r'))
        {
            // Before the root, expat's prolog tokenizer stops after the character.
            Some((i, c)) if self.root == Root::Before => {
                fail(Code::InvalidToken, at.start + i + c.len_utf8())
            }
            Some((i, _)) => fail(Code::JunkAfterDocElement, at.start + i),
            None => {
                at.push(Event::Default(text.to_string()));
                Ok(())
            }
        }
    }

    fn reference(&mut self, r: &str, at: &mut Span) -> Result<(), XmlError> {
        if self.root != Root::Inside {
            return fail(Code::InvalidToken, at.start);
        }
        let mut pieces = Vec::new();
        self.resolve(r, at.start, 0, &mut pieces, &mut 0)?;
        for piece in pieces {
            match piece {
                Resolved::Text(t) => push_text(at, &t, None)?,
                Resolved::Skipped(name) => at.push(Event::SkippedEntity(name)),
            }
        }
        Ok(())
    }

    /// The replacement of the reference `&r;` at `at`: text pieces, as expat reports them
    /// (an entity's text is cut where references in it were), or entities it skips.
    fn resolve(
        &self,
        r: &str,
        at: usize,
        depth: usize,
        out: &mut Vec<Resolved>,
        expansions: &mut usize,
    ) -> Result<(), XmlError> {
        *expansions += 1;
        if *expansions > MAX_EXPANSIONS {
            return fail(Code::AmplificationLimit, at);
        }
        if let Some(num) = r.strip_prefix('#') {
            out.push(Resolved::Text(char_ref(num, at)?.to_string()));
            return Ok(());
        }
        check_name(r, at + 1)?;
        if let Some(c) = predefined(r) {
            out.push(Resolved::Text(c.to_string()));
            return Ok(());
        }
        match self.entities.get(r) {
            Some(EntityValue::Internal(value)) => {
                if depth >= MAX_ENTITY_DEPTH {
                    return fail(Code::RecursiveEntityRef, at);
                }
                self.expand_refs(value, at, depth + 1, out, expansions)
            }
            Some(EntityValue::External { .. }) => {
                out.push(Resolved::Skipped(r.to_string()));
                Ok(())
            }
            None if self.external_dtd => {
                out.push(Resolved::Skipped(r.to_string()));
                Ok(())
            }
            None => fail(Code::UndefinedEntity, at),
        }
    }

    /// An entity's replacement text with the references in it replaced (all reported at
    /// the outer reference, as expat reports them).
    fn expand_refs(
        &self,
        value: &str,
        at: usize,
        depth: usize,
        out: &mut Vec<Resolved>,
        expansions: &mut usize,
    ) -> Result<(), XmlError> {
        let mut rest = value;
        while let Some(i) = rest.find('&') {
            if i > 0 {
                out.push(Resolved::Text(rest[..i].to_string()));
            }
            let Some(j) = rest[i..].find(';') else {
                return fail(Code::InvalidToken, at);
            };
            self.resolve(&rest[i + 1..i + j], at, depth, out, expansions)?;
            rest = &rest[i + j + 1..];
        }
        if !rest.is_empty() {
            out.push(Resolved::Text(rest.to_string()));
        }
        Ok(())
    }

    /// An attribute's value: references replaced, whitespace characters made spaces.
    fn attribute_value(&self, raw: &str, at: usize) -> Result<String, XmlError> {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '<' => return fail(Code::InvalidToken, at + i),
                '&' => {
                    let Some(j) = raw[i..].find(';') else {
                        return fail(Code::InvalidToken, at + i);
                    };
                    let name = &raw[i + 1..i + j];
                    let mut pieces = Vec::new();
                    self.resolve(name, at + i, 0, &mut pieces, &mut 0)?;
                    for piece in pieces {
                        match piece {
                            Resolved::Text(t)
                                if name.starts_with('#') || predefined(name).is_some() =>
                            {
                                out.push_str(&t)
                            }
                            Resolved::Text(t) => out.extend(t.chars().map(|c| match c {
                                '\t' | '\n' | '\r' => ' ',
                                c => c,
                            })),
                            Resolved::Skipped(_) => {}
                        }
                    }
                    while chars.peek().is_some_and(|(k, _)| *k <= i + j) {
                        chars.next();
                    }
                }
                '\r' => {
                    chars.next_if(|(_, c)| *c == '\n');
                    out.push(' ');
                }
                '\n' | '\t' => out.push(' '),
                c if !is_xml_char(c) => return fail(Code::InvalidToken, at + i),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    fn pi(&mut self, at: &mut Span) -> Result<(), XmlError> {
        let raw = at.raw();
        let body = &raw[2..raw.len() - 2];
        let (target, data) = match body.find(|c: char| c.is_ascii_whitespace()) {
            Some(i) => (&body[..i], body[i..].trim_start()),
            None => (body, ""),
        };
        check_name(target, at.start + 2)?;
        if target.eq_ignore_ascii_case("xml") {
            return fail(Code::MisplacedXmlPi, at.start);
        }
        check_chars(data, at.start)?;
        at.push(Event::Pi {
            target: target.to_string(),
            data: data.to_string(),
        });
        Ok(())
    }
}

/// The replacement of one of XML's five predefined entities.
fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

enum Resolved {
    Text(String),
    Skipped(String),
}

/// The source text of the event being scanned, and where its events go.
struct Span<'t, 'e> {
    text: &'t str,
    start: usize,
    end: usize,
    events: &'e mut Vec<Located>,
}

impl<'t> Span<'t, '_> {
    fn raw(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    fn push(&mut self, event: Event) {
        self.events.push(Located {
            start: self.start,
            end: self.end,
            event,
        });
    }
}

/// Character data as expat reports it: line ends made `\n`, each one its own piece.
/// `source` is the offset of raw source text (checked for characters XML does not allow,
/// each piece reported where it starts); `None` for a reference's replacement text.
fn push_text(at: &mut Span, text: &str, source: Option<usize>) -> Result<(), XmlError> {
    if let Some(offset) = source {
        check_chars(text, offset)?;
    }
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let (piece, len) = match rest.find(['\n', '\r']) {
            Some(0) if rest.starts_with("\r\n") => ("\n", 2),
            Some(0) => ("\n", 1),
            Some(n) => (&rest[..n], n),
            None => (rest, rest.len()),
        };
        let start = source.map_or(at.start, |offset| offset + i);
        at.events.push(Located {
            start,
            end: source.map_or(at.end, |_| start + len),
            event: Event::Text(piece.to_string()),
        });
        i += len;
    }
    Ok(())
}

/// The characters XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn check_chars(text: &str, offset: usize) -> Result<(), XmlError> {
    match text.char_indices().find(|(_, c)| !is_xml_char(*c)) {
        Some((i, _)) => fail(Code::InvalidToken, offset + i),
        None => Ok(()),
    }
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == ':' || (!c.is_ascii() && !c.is_whitespace())
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-' || c == '.' || c == '\u{B7}'
}

/// An XML name, or the invalid-token error at its first bad character.
fn check_name(name: &str, offset: usize) -> Result<(), XmlError> {
    for (i, c) in name.char_indices() {
        let ok = if i == 0 {
            is_name_start(c)
        } else {
            is_name_char(c)
        };
        if !ok {
            return fail(Code::InvalidToken, offset + i);
        }
    }
    if name.is_empty() {
        return fail(Code::InvalidToken, offset);
    }
    Ok(())
}

/// The character of a character reference `&#num;` (`num` without the `#`).
fn char_ref(num: &str, at: usize) -> Result<char, XmlError> {
    let (digits, radix) = match num.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (num, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return fail(Code::InvalidToken, at + 2 + num.len().min(1));
    }
    u32::from_str_radix(digits, radix)
        .ok()
        .and_then(char::from_u32)
        .filter(|c| is_xml_char(*c))
        .ok_or(XmlError {
            code: Code::BadCharRef,
            offset: at,
        })
}

/// The attributes of the start tag `raw` (at `offset`), from byte `from` on: each name and
/// its offset, raw value and its offset.
fn attributes(
    raw: &str,
    from: usize,
    offset: usize,
) -> Result<Vec<(String, usize, &str, usize)>, XmlError> {
    let bytes = raw.as_bytes();
    let end = raw.len() - if raw.ends_with("/>") { 2 } else { 1 };
    let skip_ws = |mut i: usize| {
        while i < end && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut i = from;
    loop {
        let next = skip_ws(i);
        if next == end {
            return Ok(out);
        }
        if next == i {
            return fail(Code::InvalidToken, offset + i);
        }
        let name_start = next;
        i = next;
        while i < end && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' {
            i += 1;
        }
        let name = &raw[name_start..i];
        check_name(name, offset + name_start)?;
        i = skip_ws(i);
        if i == end || bytes[i] != b'=' {
            return fail(Code::InvalidToken, offset + i);
        }
        i = skip_ws(i + 1);
        let quote = bytes.get(i).copied().filter(|q| *q == b'"' || *q == b'\'');
        let Some(quote) = quote.filter(|_| i < end) else {
            return fail(Code::InvalidToken, offset + i);
        };
        let Some(len) = raw[i + 1..end].find(quote as char) else {
            return fail(Code::InvalidToken, offset + i);
        };
        out.push((
            name.to_string(),
            offset + name_start,
            &raw[i + 1..i + 1 + len],
            offset + i + 1,
        ));
        i += len + 2;
    }
}

/// quick-xml's error for markup it could not read, as expat reports it.
fn reader_error(e: &QxError, text: &str, start: usize, at: usize) -> XmlError {
    let (code, offset) = match e {
        QxError::Syntax(SyntaxError::UnclosedCData) => (Code::UnclosedCdata, text.len()),
        QxError::Syntax(SyntaxError::InvalidBangMarkup) => (Code::InvalidToken, start + 1),
        QxError::Syntax(_) => (Code::UnclosedToken, start),
        // Reported where the `;` should be.
        QxError::IllFormed(IllFormedError::UnclosedReference) => {
            let name = text.get(at + 1..).unwrap_or_default();
            let len = name
                .find(|c: char| !is_name_char(c) && c != '#')
                .unwrap_or(name.len());
            (Code::InvalidToken, at + 1 + len)
        }
        QxError::IllFormed(IllFormedError::MissingDoctypeName) => (Code::Syntax, at),
        _ => (Code::InvalidToken, at),
    };
    XmlError { code, offset }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(doc: &str) -> Option<(Code, usize)> {
        Scanner::new(None)
            .scan(doc, true)
            .error
            .map(|e| (e.code, e.offset))
    }

    #[test]
    fn errors_are_reported_where_expat_reports_them() {
        assert_eq!(error_of("<a></b>"), Some((Code::TagMismatch, 5)));
        assert_eq!(error_of("<a>"), Some((Code::NoElements, 3)));
        assert_eq!(error_of("<a/><b/>"), Some((Code::JunkAfterDocElement, 4)));
        assert_eq!(
            error_of("<a b='1' b='2'/>"),
            Some((Code::DuplicateAttribute, 9))
        );
        assert_eq!(error_of("<a>&foo;</a>"), Some((Code::UndefinedEntity, 3)));
        assert_eq!(error_of("<a>&amp</a>"), Some((Code::InvalidToken, 7)));
        assert_eq!(error_of("<a"), Some((Code::UnclosedToken, 0)));
        assert_eq!(error_of("<a/>"), None);
    }

    #[test]
    fn an_unfinished_tag_waits_for_the_next_chunk() {
        let mut scanner = Scanner::new(None);
        let first = scanner.scan("<a><b x='1", false);
        assert_eq!(first.consumed, 3);
        assert!(first.error.is_none());
        let rest = scanner.scan("<b x='1'/></a>", true);
        assert!(rest.error.is_none());
        assert_eq!(rest.events.len(), 3);
    }

    #[test]
    fn entities_expand_in_pieces_and_recursion_is_an_error() {
        let doc = "<!DOCTYPE a [<!ENTITY w 'world'><!ENTITY g 'hi &w;'>]><a>&g;</a>";
        let texts: Vec<_> = Scanner::new(None)
            .scan(doc, true)
            .events
            .into_iter()
            .filter_map(|e| match e.event {
                Event::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["hi ", "world"]);
        let recursive = "<!DOCTYPE a [<!ENTITY e 'x&e;'>]><a>&e;</a>";
        assert_eq!(
            error_of(recursive).map(|e| e.0),
            Some(Code::RecursiveEntityRef)
        );
        let laughs = "<!DOCTYPE a [<!ENTITY a ''><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>\
            <!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;'>\
            <!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;'><!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;'>\
            <!ENTITY g '&f;&f;&f;&f;&f;&f;&f;&f;'>]><a>&g;</a>";
        assert_eq!(
            error_of(laughs).map(|e| e.0),
            Some(Code::AmplificationLimit)
        );
    }
}
