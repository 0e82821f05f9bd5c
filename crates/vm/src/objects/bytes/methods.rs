//! Methods of `bytes` and `bytearray` (results keep the receiver's type; the ones `str` has too
//! are in [`crate::objects::anystr`]), and the helpers that read either as a byte slice.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::anystr::{chars, search, shape};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::to_big;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("decode", decode),
    ("hex", hex),
    ("fromhex", fromhex),
    ("maketrans", maketrans),
    ("strip", shape::strip::<[u8]>),
    ("lstrip", shape::lstrip::<[u8]>),
    ("rstrip", shape::rstrip::<[u8]>),
    ("upper", chars::upper::<[u8]>),
    ("lower", chars::lower::<[u8]>),
    ("swapcase", chars::swapcase::<[u8]>),
    ("title", chars::title::<[u8]>),
    ("capitalize", chars::capitalize::<[u8]>),
    ("split", search::split::<[u8]>),
    ("rsplit", search::rsplit::<[u8]>),
    ("join", shape::join::<[u8]>),
    ("replace", search::replace::<[u8]>),
    ("find", search::find::<[u8]>),
    ("rfind", search::rfind::<[u8]>),
    ("index", search::index::<[u8]>),
    ("rindex", search::rindex::<[u8]>),
    ("count", search::count_of::<[u8]>),
    ("startswith", search::startswith::<[u8]>),
    ("endswith", search::endswith::<[u8]>),
    ("isalpha", chars::isalpha::<[u8]>),
    ("isdigit", chars::isdigit::<[u8]>),
    ("isspace", chars::isspace::<[u8]>),
    ("isalnum", chars::isalnum::<[u8]>),
    ("isupper", chars::isupper::<[u8]>),
    ("islower", chars::islower::<[u8]>),
    ("istitle", chars::istitle::<[u8]>),
    ("isascii", chars::isascii::<[u8]>),
    ("partition", search::partition::<[u8]>),
    ("rpartition", search::rpartition::<[u8]>),
    ("splitlines", shape::splitlines::<[u8]>),
    ("expandtabs", shape::expandtabs::<[u8]>),
    ("removeprefix", shape::removeprefix::<[u8]>),
    ("removesuffix", shape::removesuffix::<[u8]>),
    ("center", shape::center::<[u8]>),
    ("ljust", shape::ljust::<[u8]>),
    ("rjust", shape::rjust::<[u8]>),
    ("zfill", shape::zfill::<[u8]>),
];

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(Obj::Bytes(data.into_boxed_slice())))
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(Obj::ByteArray(
        crate::objects::bytes::bytearray::ByteArrayData::new(data),
    )))
}

/// The contents of a `bytes` or `bytearray` value.
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => Some(b.to_vec()),
        Some(Obj::ByteArray(b)) => Some(b.borrow().clone()),
        Some(Obj::MemoryView(m)) => m.to_bytes().ok(),
        _ => None,
    }
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of `frm` to the byte of
/// `to` at its place. Reached unbound, the first argument arrives as `this`.
fn maketrans(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let mut all: Vec<Value> = Vec::new();
    if !this.is_null() && args.pos.len() < 2 {
        all.push(this.clone());
    }
    all.extend_from_slice(args.pos);
    let [from, to] = all.as_slice() else {
        return Err(ts.type_error(format!("maketrans expected 2 arguments, got {}", all.len())));
    };
    let (from, to) = (bytes_arg(ts, from)?, bytes_arg(ts, to)?);
    if from.len() != to.len() {
        return Err(ts.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[usize::from(f)] = t;
    }
    Ok(new_bytes(table))
}

/// A bytes-like argument, or CPython's TypeError.
pub fn bytes_arg(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    bytes_data(v).ok_or_else(|| {
        ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ts, v)
        ))
    })
}

fn str_kw<'a>(
    ts: &ThreadState,
    args: &'a Args,
    i: usize,
    name: &str,
    default: &'a str,
) -> PyResult<&'a str> {
    match args.pos.get(i).or_else(|| args.kw(name)) {
        None => Ok(default),
        Some(v) => crate::object::args::str_arg(ts, v, name),
    }
}

/// The `(encoding, errors)` of `encode`/`decode`/`bytes()`, from `args` starting at `first`.
pub fn codec_args_from<'a>(
    ts: &ThreadState,
    args: &'a Args,
    first: usize,
) -> PyResult<(&'a str, &'a str)> {
    let encoding = str_kw(ts, args, first, "encoding", "utf-8")?;
    let errors = str_kw(ts, args, first + 1, "errors", "strict")?;
    Ok((encoding, errors))
}

pub fn codec_args<'a>(ts: &ThreadState, args: &'a Args) -> PyResult<(&'a str, &'a str)> {
    codec_args_from(ts, args, 0)
}

fn decode(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (encoding, errors) = codec_args(ts, args)?;
    let text = crate::text::codecs::decode(
        ts,
        &crate::objects::anystr::PyAnyStr::receiver(this),
        encoding,
        errors,
    )?;
    Ok(Value::from_pystr(text))
}

pub fn hex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "hex", args, 0, 2)?;
    let data = <[u8] as crate::objects::anystr::PyAnyStr>::receiver(this);
    let sep = match a.first() {
        Some(v) => crate::object::args::str_arg(ts, v, "sep")?.to_string(),
        None => String::new(),
    };
    let per = match a.get(1) {
        Some(v) => crate::object::args::int_arg(ts, v)?,
        None => 1,
    };
    Ok(Value::new_str(hex_grouped(&data, &sep, per)))
}

/// The hex digits of `data`, with `sep` between groups of `per` bytes counted from the
/// right (from the left when `per` is negative), as CPython's `bytes.hex`.
fn hex_grouped(data: &[u8], sep: &str, per: i64) -> String {
    let size = per.unsigned_abs().max(1) as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, byte) in data.iter().enumerate() {
        let boundary = if per < 0 {
            i.is_multiple_of(size)
        } else {
            (data.len() - i).is_multiple_of(size)
        };
        if i > 0 && boundary {
            out.push_str(sep);
        }
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// `bytes.fromhex(text)`: reached unbound, so the text arrives as `this`.
fn fromhex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let text = match (this.as_str(), args.pos.first()) {
        (Some(s), _) => s.as_str().to_string(),
        (None, Some(v)) => crate::object::args::str_arg(ts, v, "fromhex() argument")?.to_string(),
        (None, None) => return Err(ts.type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let digits: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| *c != ' ').collect();
    let mut out = Vec::with_capacity(digits.len() / 2);
    for pair in digits.chunks(2) {
        let hex: String = pair.iter().map(|(_, c)| c).collect();
        match u8::from_str_radix(&hex, 16) {
            Ok(b) if hex.len() == 2 => out.push(b),
            _ => {
                let pos = pair
                    .iter()
                    .find(|(_, c)| !c.is_ascii_hexdigit())
                    .map_or(text.len(), |p| p.0);
                return Err(ts.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
    }
    Ok(new_bytes(out))
}

/// The needle of `find`/`count`/`in`: bytes-like, or an int for one byte.
pub fn needle(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(n) = to_big(v) {
        return u8::try_from(n)
            .map(|b| vec![b])
            .map_err(|_| ts.value_error("byte must be in range(0, 256)"));
    }
    bytes_arg(ts, v)
}

/// Whether `needle` occurs in `hay` (the `in` operator).
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}
