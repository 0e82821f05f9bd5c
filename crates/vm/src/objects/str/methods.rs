//! Methods of `str`: the table, and the methods `bytes` does not share (the shared ones are
//! in [`crate::objects::anystr`]).

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::anystr::{chars, search, shape};
use crate::objects::function::{Args, NativeFn};
use crate::objects::str::translate;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("join", shape::join::<str>),
    ("split", search::split::<str>),
    ("rsplit", search::rsplit::<str>),
    ("splitlines", shape::splitlines::<str>),
    ("strip", shape::strip::<str>),
    ("lstrip", shape::lstrip::<str>),
    ("rstrip", shape::rstrip::<str>),
    ("replace", search::replace::<str>),
    ("startswith", search::startswith::<str>),
    ("endswith", search::endswith::<str>),
    ("find", search::find::<str>),
    ("rfind", search::rfind::<str>),
    ("index", search::index::<str>),
    ("rindex", search::rindex::<str>),
    ("count", search::count_of::<str>),
    ("upper", chars::upper::<str>),
    ("lower", chars::lower::<str>),
    ("casefold", casefold),
    ("capitalize", chars::capitalize::<str>),
    ("title", chars::title::<str>),
    ("istitle", chars::istitle::<str>),
    ("isascii", chars::isascii::<str>),
    ("isprintable", isprintable),
    ("removeprefix", shape::removeprefix::<str>),
    ("removesuffix", shape::removesuffix::<str>),
    ("expandtabs", shape::expandtabs::<str>),
    ("maketrans", translate::maketrans),
    ("translate", translate::translate),
    ("__len__", dunder_len),
    ("swapcase", chars::swapcase::<str>),
    ("isdigit", chars::isdigit::<str>),
    ("isdecimal", chars::isdigit::<str>),
    ("isnumeric", isnumeric),
    ("isalpha", chars::isalpha::<str>),
    ("isalnum", chars::isalnum::<str>),
    ("isspace", chars::isspace::<str>),
    ("isupper", chars::isupper::<str>),
    ("islower", chars::islower::<str>),
    ("isidentifier", isidentifier),
    ("format", format),
    ("encode", encode),
    ("partition", search::partition::<str>),
    ("rpartition", search::rpartition::<str>),
    ("center", shape::center::<str>),
    ("ljust", shape::ljust::<str>),
    ("rjust", shape::rjust::<str>),
    ("zfill", shape::zfill::<str>),
];

fn text(this: &Value) -> &str {
    this.as_str().map_or("", |s| s.as_str())
}

pub fn casefold(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "casefold", args, 0, 0)?;
    Ok(Value::new_str(text(this).to_lowercase().replace('ß', "ss")))
}

pub fn isprintable(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "isprintable", args, 0, 0)?;
    let printable = |c: char| {
        c == ' '
            || !(c.is_control()
                || c.is_whitespace()
                || matches!(c, '\u{ad}' | '\u{2028}' | '\u{2029}'))
    };
    Ok(Value::Bool(text(this).chars().all(printable)))
}

pub fn dunder_len(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(text(this).chars().count() as i64))
}

fn isnumeric(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let s = text(this);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(char::is_numeric),
    ))
}

fn isidentifier(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let s = text(this);
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric());
    Ok(Value::Bool(ok))
}

fn encode(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (encoding, errors) = crate::objects::bytes::methods::codec_args(ts, args)?;
    let Some(s) = this.as_str() else {
        return Err(ts.type_error("descriptor 'encode' requires a 'str' object"));
    };
    let bytes = crate::text::codecs::encode(ts, this, s, encoding, errors)?;
    Ok(crate::objects::bytes::methods::new_bytes(bytes))
}

/// `str.format`.
fn format(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let template = text(this).to_string();
    Ok(Value::new_str(crate::text::str_format::format(
        ts, &template, args,
    )?))
}
