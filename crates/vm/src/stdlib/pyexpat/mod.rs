//! `pyexpat`, the parser under CPython's `xml` package, over quick-xml (see `scan.rs`).
//! `pyexpat.py` is its Python face (`xmlparser`'s attributes, `ExpatError`, the `errors`
//! and `model` constants); this file keeps each parser's native state — the scanner, the
//! text not yet scanned, the position — and calls the handlers, in document order, with
//! expat's arguments.

mod dtd;
mod scan;
mod source;

use std::cell::{Cell, RefCell};

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{Args, NativeFn};
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;
use crate::protocol::ops::truthy;

pub use scan::{Code, Scanner};
use scan::{Event, Located, XmlError};
use source::{Decoded, Source};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_new", new_parser),
    ("_parse", parse),
    ("_position", position),
];

/// Where a parser is in its document: byte index, 1-based line, 0-based column (in
/// characters, as expat counts them).
#[derive(Clone, Copy, Default)]
struct Position {
    byte: usize,
    line: usize,
    column: usize,
}

impl Position {
    /// The position after `text`, read from this one.
    fn advance(mut self, text: &str) -> Position {
        self.byte += text.len();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' | '\n' => {
                    self.line += 1;
                    self.column = 0;
                }
                _ => self.column += 1,
            }
        }
        self
    }
}

struct ParserState {
    scanner: Scanner,
    source: Source,
    /// Decoded text not yet scanned (an unfinished token waits here for more data).
    pending: String,
    /// The position of `pending`'s first byte.
    at: Position,
    error: Option<XmlError>,
    finished: bool,
    parsing: bool,
}

/// One `xmlparser`'s native state, and its current position for handlers to read.
struct Parser {
    state: RefCell<ParserState>,
    current: Cell<Position>,
}

impl NativeHandle for Parser {
    fn repr(&self) -> String {
        "<pyexpat parser>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn parser_of<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a Parser> {
    v.obj()
        .and_then(|o| o.handle::<Parser>())
        .ok_or_else(|| ts.type_error("expected a pyexpat parser handle"))
}

fn optional_str(v: &Value) -> Option<String> {
    v.as_str().map(|s| s.as_str().to_string())
}

/// `_new(encoding, namespace_separator)`: a parser's native state (arguments checked by
/// `pyexpat.py`).
fn new_parser(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_new", args, 2, 2)?;
    let state = ParserState {
        scanner: Scanner::new(optional_str(&a[1])),
        source: Source::new(optional_str(&a[0])),
        pending: String::new(),
        at: Position {
            byte: 0,
            line: 1,
            column: 0,
        },
        error: None,
        finished: false,
        parsing: false,
    };
    let parser = Parser {
        current: Cell::new(state.at),
        state: RefCell::new(state),
    };
    Ok(Value::Obj(ObjRef::new(Obj::Handle(Box::new(parser)))))
}

/// `_position(handle)`: `(line, column, byte index)` of the event being handled.
fn position(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_position", args, 1, 1)?;
    let p = parser_of(ts, &a[0])?.current.get();
    Ok(position_tuple(p))
}

fn position_tuple(p: Position) -> Value {
    Value::new_tuple(vec![
        Value::Int(p.line as i64),
        Value::Int(p.column as i64),
        Value::Int(p.byte as i64),
    ])
}

/// `_parse(handle, parser, data, isfinal)`: scans `data` (str or bytes), calls `parser`'s
/// handlers, and returns `None`, or `(code, line, column, byte index)` of the error that
/// stopped the document (`pyexpat.py` raises `ExpatError`).
fn parse(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_parse", args, 4, 4)?;
    let parser = parser_of(ts, &a[0])?;
    let last = truthy(ts, &a[3])?;
    let data = match a[2].as_str() {
        Some(s) => Decoded::Text(s.as_str().to_string()),
        None => Decoded::Bytes(crate::objects::bytes::methods::bytes_arg(ts, &a[2])?),
    };
    let options = Options::read(ts, &a[1])?;
    let (text, at, scanned, invalid) = {
        let mut state = parser.state.borrow_mut();
        state.scanner.namespace_prefixes = options.namespace_prefixes;
        if state.parsing {
            return Err(ts.new_exc(
                ExcKind::RuntimeError,
                "the parser is already parsing".to_string(),
            ));
        }
        if let Some(err) = state.error {
            return Ok(error_tuple(err.code, parser.current.get()));
        }
        if state.finished {
            return Ok(error_tuple(Code::Finished, parser.current.get()));
        }
        let decoded = match state.source.decode(data, last) {
            Ok(decoded) => decoded,
            Err(code) => {
                state.error = Some(XmlError { code, offset: 0 });
                return Ok(error_tuple(code, state.at));
            }
        };
        state.pending.push_str(&decoded.text);
        let text = std::mem::take(&mut state.pending);
        let scan_last = last && !decoded.invalid;
        let scanned = state.scanner.scan(&text, scan_last);
        let invalid = decoded.invalid.then_some(text.len());
        state.parsing = true;
        (text, state.at, scanned, invalid)
    };
    let mut cursor = Cursor {
        text: &text,
        offset: 0,
        at,
    };
    let dispatched = dispatch(ts, parser, &a[1], &options, &mut cursor, scanned.events);
    let mut state = parser.state.borrow_mut();
    state.parsing = false;
    dispatched?;
    let error = scanned.error.or(invalid.map(|offset| XmlError {
        code: Code::InvalidToken,
        offset,
    }));
    if let Some(err) = error {
        let p = cursor.seek(err.offset.max(cursor.offset));
        parser.current.set(p);
        state.error = Some(err);
        return Ok(error_tuple(err.code, p));
    }
    let rest_at = cursor.seek(scanned.consumed);
    state.pending = text[scanned.consumed..].to_string();
    state.at = rest_at;
    if last {
        state.finished = true;
        parser.current.set(rest_at);
    }
    Ok(Value::None)
}

fn error_tuple(code: Code, p: Position) -> Value {
    Value::new_tuple(vec![
        Value::Int(code as i64),
        Value::Int(p.line as i64),
        Value::Int(p.column as i64),
        Value::Int(p.byte as i64),
    ])
}

/// Walks the scanned text forward, event by event, keeping the position.
struct Cursor<'t> {
    text: &'t str,
    offset: usize,
    at: Position,
}

impl Cursor<'_> {
    fn seek(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            if let Some(skipped) = self.text.get(self.offset..offset) {
                self.at = self.at.advance(skipped);
                self.offset = offset;
            }
        }
        self.at
    }
}

/// The parser's settings, read once per `Parse` call.
struct Options {
    buffer_text: bool,
    buffer_size: usize,
    ordered_attributes: bool,
    namespace_prefixes: bool,
}

impl Options {
    fn read(ts: &mut ThreadState, parser: &Value) -> PyResult<Options> {
        let flag = |ts: &mut ThreadState, name: &str| -> PyResult<bool> {
            let v = get_attr(ts, parser, &Value::new_str(name))?;
            truthy(ts, &v)
        };
        let size = get_attr(ts, parser, &Value::new_str("buffer_size"))?;
        Ok(Options {
            buffer_text: flag(ts, "buffer_text")?,
            buffer_size: match size {
                Value::Int(n) if n > 0 => n as usize,
                _ => 8192,
            },
            ordered_attributes: flag(ts, "ordered_attributes")?,
            namespace_prefixes: flag(ts, "namespace_prefixes")?,
        })
    }
}

/// The handler of `name` on `parser`, if one is set.
fn handler(ts: &mut ThreadState, parser: &Value, name: &str) -> PyResult<Option<Value>> {
    let h = get_attr(ts, parser, &Value::new_str(name))?;
    Ok((!matches!(h, Value::None)).then_some(h))
}

fn opt_str(s: Option<String>) -> Value {
    s.map_or(Value::None, Value::new_str)
}

/// Calls the handlers of `events` in order. Character data is gathered while
/// `buffer_text` is set, and handed over before any other handler runs.
fn dispatch(
    ts: &mut ThreadState,
    native: &Parser,
    parser: &Value,
    options: &Options,
    cursor: &mut Cursor,
    events: Vec<Located>,
) -> PyResult<()> {
    let mut buffered = String::new();
    for located in events {
        native.current.set(cursor.seek(located.start));
        if let Event::Text(text) = &located.event {
            if options.buffer_text {
                if buffered.len() + text.len() > options.buffer_size {
                    flush(ts, parser, &mut buffered)?;
                }
                buffered.push_str(text);
                continue;
            }
        } else if !buffered.is_empty() {
            flush(ts, parser, &mut buffered)?;
        }
        let raw = &cursor.text[located.start..located.end.min(cursor.text.len())];
        deliver(ts, parser, options, located.event, raw)?;
    }
    flush(ts, parser, &mut buffered)
}

fn flush(ts: &mut ThreadState, parser: &Value, buffered: &mut String) -> PyResult<()> {
    if buffered.is_empty() {
        return Ok(());
    }
    let text = std::mem::take(buffered);
    match handler(ts, parser, "CharacterDataHandler")? {
        Some(h) => call_value(ts, &h, &[Value::new_str(text)], &[]).map(drop),
        None => default(ts, parser, vec![text]),
    }
}

/// The default handler, if one is set.
fn default_handler(ts: &mut ThreadState, parser: &Value) -> PyResult<Option<Value>> {
    match handler(ts, parser, "DefaultHandlerExpand")? {
        Some(h) => Ok(Some(h)),
        None => handler(ts, parser, "DefaultHandler"),
    }
}

/// The default handler's turn: text that no other handler took.
fn default(ts: &mut ThreadState, parser: &Value, pieces: Vec<String>) -> PyResult<()> {
    let Some(h) = default_handler(ts, parser)? else {
        return Ok(());
    };
    for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
        call_value(ts, &h, &[Value::new_str(piece)], &[])?;
    }
    Ok(())
}

/// Calls the handler of one event, or the default handler with its source text.
fn deliver(
    ts: &mut ThreadState,
    parser: &Value,
    options: &Options,
    event: Event,
    raw: &str,
) -> PyResult<()> {
    let (name, args): (&str, Vec<Value>) = match event {
        Event::XmlDecl {
            version,
            encoding,
            standalone,
        } => (
            "XmlDeclHandler",
            vec![
                Value::new_str(version),
                opt_str(encoding),
                Value::Int(standalone),
            ],
        ),
        Event::StartDoctype(d) => {
            let Some(h) = handler(ts, parser, "StartDoctypeDeclHandler")? else {
                return default(ts, parser, d.pieces);
            };
            let args = [
                Value::new_str(d.name),
                opt_str(d.system_id),
                opt_str(d.public_id),
                Value::Int(d.has_internal_subset as i64),
            ];
            return call_value(ts, &h, &args, &[]).map(drop);
        }
        Event::EntityDecl {
            name,
            is_parameter,
            value,
            system_id,
            public_id,
            notation,
        } => (
            "EntityDeclHandler",
            vec![
                Value::new_str(name),
                Value::Int(is_parameter as i64),
                opt_str(value),
                Value::None,
                opt_str(system_id),
                opt_str(public_id),
                opt_str(notation),
            ],
        ),
        Event::EndDoctype => ("EndDoctypeDeclHandler", vec![]),
        Event::StartNamespace { prefix, uri } => (
            "StartNamespaceDeclHandler",
            vec![opt_str(prefix), opt_str(uri)],
        ),
        Event::EndNamespace(prefix) => ("EndNamespaceDeclHandler", vec![opt_str(prefix)]),
        Event::Start { name, attrs } => {
            let attrs = if options.ordered_attributes {
                let flat = attrs
                    .into_iter()
                    .flat_map(|(k, v)| [Value::new_str(k), Value::new_str(v)])
                    .collect();
                Value::new_list(flat)
            } else {
                let mut d = Dict::new();
                for (k, v) in attrs {
                    d.insert(Value::new_str(k), Value::new_str(v));
                }
                Value::new_dict(d)
            };
            ("StartElementHandler", vec![Value::new_str(name), attrs])
        }
        Event::End(name) => ("EndElementHandler", vec![Value::new_str(name)]),
        Event::Text(text) => ("CharacterDataHandler", vec![Value::new_str(text)]),
        Event::Pi { target, data } => (
            "ProcessingInstructionHandler",
            vec![Value::new_str(target), Value::new_str(data)],
        ),
        Event::Comment(text) => ("CommentHandler", vec![Value::new_str(text)]),
        Event::StartCdata => ("StartCdataSectionHandler", vec![]),
        Event::EndCdata => ("EndCdataSectionHandler", vec![]),
        Event::SkippedEntity(name) => match handler(ts, parser, "SkippedEntityHandler")? {
            Some(h) => {
                let args = [Value::new_str(name), Value::Int(0)];
                return call_value(ts, &h, &args, &[]).map(drop);
            }
            None => return default(ts, parser, vec![format!("&{name};")]),
        },
        Event::Default(text) => return default(ts, parser, vec![text]),
    };
    match handler(ts, parser, name)? {
        Some(h) => call_value(ts, &h, &args, &[]).map(drop),
        // The source text is only made when there is a default handler to take it.
        None if has_source_text(name) => match default_handler(ts, parser)? {
            Some(h) => {
                let text = raw_text(name, &args, raw);
                if text.is_empty() {
                    return Ok(());
                }
                call_value(ts, &h, &[Value::new_str(text)], &[]).map(drop)
            }
            None => Ok(()),
        },
        None => Ok(()),
    }
}

/// Whether expat hands an event of handler `name` to the default handler when unhandled.
fn has_source_text(name: &str) -> bool {
    !matches!(
        name,
        "EntityDeclHandler"
            | "EndDoctypeDeclHandler"
            | "StartNamespaceDeclHandler"
            | "EndNamespaceDeclHandler"
    )
}

/// The text the default handler is given for an unhandled event.
fn raw_text(name: &str, args: &[Value], raw: &str) -> String {
    match name {
        "CharacterDataHandler" => args[0]
            .as_str()
            .map_or_else(String::new, |s| s.as_str().to_string()),
        "StartCdataSectionHandler" => "<![CDATA[".into(),
        "EndCdataSectionHandler" => "]]>".into(),
        // An empty element's one tag stands for both events; it is reported once.
        "EndElementHandler" if raw.ends_with("/>") => String::new(),
        _ => raw.to_string(),
    }
}
