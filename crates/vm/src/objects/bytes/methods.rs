//! Methods shared by `bytes` and `bytearray` (results keep the receiver's type), and the
//! helpers that read either as a byte slice.

use crate::object::alloc::{self, OrMemoryError};
use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::to_big;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("decode", decode),
    ("hex", hex),
    ("fromhex", fromhex),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("title", title),
    ("split", split),
    ("rsplit", rsplit),
    ("join", join),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("isalpha", isalpha),
    ("isdigit", isdigit),
    ("isspace", isspace),
    ("isalnum", isalnum),
    ("isupper", isupper),
    ("islower", islower),
    ("partition", partition),
    ("rpartition", rpartition),
    ("splitlines", splitlines),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
];

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(Obj::Bytes(data.into_boxed_slice())))
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(Obj::ByteArray(RefCell::new(data))))
}

/// The contents of a `bytes` or `bytearray` value.
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => Some(b.to_vec()),
        Some(Obj::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
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

/// A result of the receiver's own type.
fn same_kind(this: &Value, data: Vec<u8>) -> Value {
    match this.obj().map(|o| &**o) {
        Some(Obj::ByteArray(_)) => new_bytearray(data),
        _ => new_bytes(data),
    }
}

fn data(this: &Value) -> Vec<u8> {
    bytes_data(this).unwrap_or_default()
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
    let text = crate::text::codecs::decode(ts, &data(this), encoding, errors)?;
    Ok(Value::new_str(text))
}

fn hex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "hex", args, 0, 1)?;
    let parts: Vec<String> = data(this).iter().map(|x| format!("{x:02x}")).collect();
    let sep = match a.first() {
        Some(v) => crate::object::args::str_arg(ts, v, "sep")?.to_string(),
        None => String::new(),
    };
    Ok(Value::new_str(parts.join(&sep)))
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

const WHITESPACE: &[u8] = b" \t\n\r\x0b\x0c";

fn strip_with(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let a = positional(ts, name, args, 0, 1)?;
    let chars = match a.first() {
        None | Some(Value::None) => WHITESPACE.to_vec(),
        Some(v) => bytes_arg(ts, v)?,
    };
    let d = data(this);
    let mut start = 0;
    let mut end = d.len();
    while left && start < end && chars.contains(&d[start]) {
        start += 1;
    }
    while right && end > start && chars.contains(&d[end - 1]) {
        end -= 1;
    }
    Ok(same_kind(this, d[start..end].to_vec()))
}

fn strip(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_with(ts, this, args, "strip", true, true)
}

fn lstrip(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_with(ts, this, args, "lstrip", true, false)
}

fn rstrip(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_with(ts, this, args, "rstrip", false, true)
}

fn map_bytes(this: &Value, f: impl Fn(u8) -> u8) -> PyResult {
    Ok(same_kind(this, data(this).into_iter().map(f).collect()))
}

fn upper(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    map_bytes(this, |b| b.to_ascii_uppercase())
}

fn lower(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    map_bytes(this, |b| b.to_ascii_lowercase())
}

fn swapcase(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    map_bytes(this, |b| {
        if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        }
    })
}

fn title(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let mut prev_cased = false;
    let out = data(this)
        .into_iter()
        .map(|b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(same_kind(this, out))
}

fn find_at(hay: &[u8], needle: &[u8], from_right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - needle.len();
    let hit = |&i: &usize| hay[i..i + needle.len()] == *needle;
    if from_right {
        positions.rev().find(hit)
    } else {
        positions.find(hit)
    }
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
    find_at(hay, needle, false).is_some()
}

fn search(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
    name: &str,
    right: bool,
) -> PyResult<Option<usize>> {
    let a = positional(ts, name, args, 1, 1)?;
    let n = needle(ts, &a[0])?;
    Ok(find_at(&data(this), &n, right))
}

fn as_index(hit: Option<usize>) -> Value {
    Value::Int(hit.map_or(-1, |i| i as i64))
}

fn find(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    Ok(as_index(search(ts, this, args, "find", false)?))
}

fn rfind(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    Ok(as_index(search(ts, this, args, "rfind", true)?))
}

fn index(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    match search(ts, this, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ts.value_error("subsection not found")),
    }
}

fn rindex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    match search(ts, this, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ts.value_error("subsection not found")),
    }
}

fn count(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "count", args, 1, 1)?;
    let n = needle(ts, &a[0])?;
    let d = data(this);
    if n.is_empty() {
        return Ok(Value::Int(d.len() as i64 + 1));
    }
    let (mut i, mut found) = (0, 0);
    while let Some(p) = find_at(&d[i..], &n, false) {
        found += 1;
        i += p + n.len();
    }
    Ok(Value::Int(found))
}

fn affix(ts: &mut ThreadState, this: &Value, args: &Args, name: &str, end: bool) -> PyResult {
    let a = positional(ts, name, args, 1, 1)?;
    let d = data(this);
    let candidates = match a[0].obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => vec![a[0].clone()],
    };
    for c in &candidates {
        let c = bytes_arg(ts, c)?;
        if (end && d.ends_with(&c)) || (!end && d.starts_with(&c)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    affix(ts, this, args, "startswith", false)
}

fn endswith(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    affix(ts, this, args, "endswith", true)
}

fn all_of(this: &Value, f: impl Fn(&u8) -> bool) -> PyResult {
    let d = data(this);
    Ok(Value::Bool(!d.is_empty() && d.iter().all(f)))
}

fn isalpha(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    all_of(this, u8::is_ascii_alphabetic)
}

fn isdigit(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    all_of(this, u8::is_ascii_digit)
}

fn isspace(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    all_of(this, |b| WHITESPACE.contains(b))
}

fn isalnum(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    all_of(this, u8::is_ascii_alphanumeric)
}

fn cased(this: &Value, upper: bool) -> PyResult {
    let d = data(this);
    let any_cased = d.iter().any(u8::is_ascii_alphabetic);
    let wrong_case = d.iter().any(|b| {
        if upper {
            b.is_ascii_lowercase()
        } else {
            b.is_ascii_uppercase()
        }
    });
    Ok(Value::Bool(any_cased && !wrong_case))
}

fn isupper(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    cased(this, true)
}

fn islower(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    cased(this, false)
}

fn split_args(ts: &mut ThreadState, args: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let a = positional(ts, name, args, 0, 2)?;
    let sep = match a.first().or_else(|| args.kw("sep")) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(ts, v)?),
    };
    if sep.as_ref().is_some_and(|s| s.is_empty()) {
        return Err(ts.value_error("empty separator"));
    }
    let max = match a.get(1).or_else(|| args.kw("maxsplit")) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn split_impl(this: &Value, sep: Option<Vec<u8>>, max: i64, right: bool) -> Value {
    let d = data(this);
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut rest: &[u8] = &d;
    let limit = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            while parts.len() < limit {
                let Some(p) = find_at(rest, &sep, right) else {
                    break;
                };
                if right {
                    parts.push(rest[p + sep.len()..].to_vec());
                    rest = &rest[..p];
                } else {
                    parts.push(rest[..p].to_vec());
                    rest = &rest[p + sep.len()..];
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let ws = |b: &u8| WHITESPACE.contains(b);
            loop {
                rest = trim(rest, ws, right);
                if rest.is_empty() {
                    break;
                }
                if parts.len() >= limit {
                    parts.push(rest.to_vec());
                    break;
                }
                let word_end = if right {
                    rest.iter().rposition(ws).map_or(0, |p| p + 1)
                } else {
                    rest.iter().position(ws).unwrap_or(rest.len())
                };
                if right {
                    parts.push(rest[word_end..].to_vec());
                    rest = &rest[..word_end];
                } else {
                    parts.push(rest[..word_end].to_vec());
                    rest = &rest[word_end..];
                }
            }
        }
    }
    if right {
        parts.reverse();
    }
    Value::new_list(parts.into_iter().map(|p| same_kind(this, p)).collect())
}

/// Drops whitespace from the side that splitting consumes next.
fn trim(s: &[u8], ws: impl Fn(&u8) -> bool, right: bool) -> &[u8] {
    if right {
        let end = s.iter().rposition(|b| !ws(b)).map_or(0, |p| p + 1);
        &s[..end]
    } else {
        let start = s.iter().position(|b| !ws(b)).unwrap_or(s.len());
        &s[start..]
    }
}

fn split(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (sep, max) = split_args(ts, args, "split")?;
    Ok(split_impl(this, sep, max, false))
}

fn rsplit(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (sep, max) = split_args(ts, args, "rsplit")?;
    Ok(split_impl(this, sep, max, true))
}

fn join(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "join", args, 1, 1)?;
    let sep = data(this);
    let mut out = Vec::new();
    for (i, item) in crate::protocol::iter::collect(ts, &a[0])?
        .iter()
        .enumerate()
    {
        let Some(b) = bytes_data(item) else {
            return Err(ts.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(ts, item)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(same_kind(this, out))
}

fn replace(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "replace", args, 2, 3)?;
    let (old, new) = (bytes_arg(ts, &a[0])?, bytes_arg(ts, &a[1])?);
    let mut left = match a.get(2) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let d = data(this);
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while left != 0 && !old.is_empty() {
        let Some(p) = find_at(&d[i..], &old, false) else {
            break;
        };
        out.extend_from_slice(&d[i..i + p]);
        out.extend_from_slice(&new);
        i += p + old.len();
        left -= 1;
    }
    out.extend_from_slice(&d[i..]);
    Ok(same_kind(this, out))
}

fn partition_impl(ts: &mut ThreadState, this: &Value, args: &Args, right: bool) -> PyResult {
    let a = positional(ts, "partition", args, 1, 1)?;
    let sep = bytes_arg(ts, &a[0])?;
    if sep.is_empty() {
        return Err(ts.value_error("empty separator"));
    }
    let d = data(this);
    let parts = match find_at(&d, &sep, right) {
        Some(p) => [d[..p].to_vec(), sep.clone(), d[p + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), d],
        None => [d, Vec::new(), Vec::new()],
    };
    Ok(Value::new_tuple(
        parts.into_iter().map(|p| same_kind(this, p)).collect(),
    ))
}

fn partition(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    partition_impl(ts, this, args, false)
}

fn rpartition(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    partition_impl(ts, this, args, true)
}

fn splitlines(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "splitlines", args, 0, 1)?;
    let keep = match a.first().or_else(|| args.kw("keepends")) {
        Some(v) => crate::protocol::ops::truthy(ts, &v.clone())?,
        None => false,
    };
    let d = data(this);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        let eol = match (d[i], d.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\r' | b'\n', _) => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        lines.push(same_kind(this, d[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < d.len() {
        lines.push(same_kind(this, d[start..].to_vec()));
    }
    Ok(Value::new_list(lines))
}

fn justify(ts: &mut ThreadState, this: &Value, args: &Args, name: &str, align: char) -> PyResult {
    let a = positional(ts, name, args, 1, 2)?;
    let width = int_arg(ts, &a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        Some(v) => match bytes_data(v).as_deref() {
            Some([b]) => *b,
            _ => {
                return Err(ts.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(ts, v)
                )))
            }
        },
        None => b' ',
    };
    let d = data(this);
    let pad = width.saturating_sub(d.len());
    let left = match align {
        '<' => 0,
        '>' => pad,
        // CPython's centering puts the odd extra fill on the left when the width is odd.
        _ => pad / 2 + (pad & width & 1),
    };
    let out = alloc::padded_bytes(b"", fill, left, &d, pad - left).or_memory_error(ts)?;
    Ok(same_kind(this, out))
}

fn center(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    justify(ts, this, args, "center", '^')
}

fn ljust(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    justify(ts, this, args, "ljust", '<')
}

fn rjust(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    justify(ts, this, args, "rjust", '>')
}

fn zfill(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "zfill", args, 1, 1)?;
    let width = int_arg(ts, &a[0])?.max(0) as usize;
    let d = data(this);
    let pad = width.saturating_sub(d.len());
    let sign = usize::from(matches!(d.first(), Some(b'+' | b'-')));
    let out = alloc::padded_bytes(&d[..sign], b'0', pad, &d[sign..], 0).or_memory_error(ts)?;
    Ok(same_kind(this, out))
}
