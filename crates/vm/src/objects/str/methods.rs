//! Methods of `str`: the table, and the methods `bytes` does not share (the shared ones are
//! in [`crate::objects::anystr`]).

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::anystr::{chars, no_args, search, shape};
use crate::objects::function::{Args, NativeFn};
use crate::objects::str::{stand_ins, translate, ucd};

/// A method that reads strs as `&str`, run through stand-ins for lone surrogates (see
/// [`stand_ins`]).
macro_rules! via_stand_ins {
    ($method:expr) => {
        |ts, this, args| stand_ins::call(ts, this, args, $method)
    };
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("join", |ts, this, args| {
        stand_ins::join(ts, this, args, shape::join::<str>)
    }),
    ("split", via_stand_ins!(search::split::<str>)),
    ("rsplit", via_stand_ins!(search::rsplit::<str>)),
    ("splitlines", via_stand_ins!(shape::splitlines::<str>)),
    ("strip", via_stand_ins!(shape::strip::<str>)),
    ("lstrip", via_stand_ins!(shape::lstrip::<str>)),
    ("rstrip", via_stand_ins!(shape::rstrip::<str>)),
    ("replace", via_stand_ins!(search::replace::<str>)),
    ("startswith", via_stand_ins!(search::startswith::<str>)),
    ("endswith", via_stand_ins!(search::endswith::<str>)),
    ("find", via_stand_ins!(search::find::<str>)),
    ("rfind", via_stand_ins!(search::rfind::<str>)),
    ("index", via_stand_ins!(search::index::<str>)),
    ("rindex", via_stand_ins!(search::rindex::<str>)),
    ("count", via_stand_ins!(search::count_of::<str>)),
    ("upper", via_stand_ins!(chars::upper::<str>)),
    ("lower", via_stand_ins!(chars::lower::<str>)),
    ("casefold", via_stand_ins!(casefold)),
    ("capitalize", via_stand_ins!(chars::capitalize::<str>)),
    ("title", via_stand_ins!(chars::title::<str>)),
    ("istitle", via_stand_ins!(chars::istitle::<str>)),
    ("isascii", via_stand_ins!(chars::isascii::<str>)),
    ("isprintable", via_stand_ins!(isprintable)),
    ("removeprefix", via_stand_ins!(shape::removeprefix::<str>)),
    ("removesuffix", via_stand_ins!(shape::removesuffix::<str>)),
    ("expandtabs", via_stand_ins!(shape::expandtabs::<str>)),
    ("maketrans", translate::maketrans),
    ("translate", translate::translate),
    ("__len__", dunder_len),
    ("swapcase", via_stand_ins!(chars::swapcase::<str>)),
    ("isdigit", via_stand_ins!(chars::isdigit::<str>)),
    ("isdecimal", via_stand_ins!(isdecimal)),
    ("isnumeric", via_stand_ins!(isnumeric)),
    ("isalpha", via_stand_ins!(chars::isalpha::<str>)),
    ("isalnum", via_stand_ins!(chars::isalnum::<str>)),
    ("isspace", via_stand_ins!(chars::isspace::<str>)),
    ("isupper", via_stand_ins!(chars::isupper::<str>)),
    ("islower", via_stand_ins!(chars::islower::<str>)),
    ("isidentifier", via_stand_ins!(isidentifier)),
    ("format", format),
    ("encode", encode),
    ("partition", via_stand_ins!(search::partition::<str>)),
    ("rpartition", via_stand_ins!(search::rpartition::<str>)),
    ("center", via_stand_ins!(shape::center::<str>)),
    ("ljust", via_stand_ins!(shape::ljust::<str>)),
    ("rjust", via_stand_ins!(shape::rjust::<str>)),
    ("zfill", via_stand_ins!(shape::zfill::<str>)),
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
    Ok(Value::Bool(
        text(this).chars().all(gilvm_compiler::repr::is_printable),
    ))
}

pub fn dunder_len(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(text(this).chars().count() as i64))
}

/// Whether the text is not empty and every character passes `test` (a `ucd` class).
fn all_chars(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    test: fn(char) -> bool,
) -> PyResult {
    no_args::<str>(ts, method, args)?;
    let s = text(this);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(test)))
}

fn isdecimal(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_chars(ts, this, args, "isdecimal", ucd::is_decimal)
}

fn isnumeric(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_chars(ts, this, args, "isnumeric", ucd::is_numeric)
}

fn isidentifier(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    no_args::<str>(ts, "isidentifier", args)?;
    Ok(Value::Bool(ucd::is_identifier(text(this))))
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
