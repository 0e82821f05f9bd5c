//! Methods of `str`.

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::str::extra as str_extra;
use crate::protocol::iter;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("upper", upper),
    ("lower", lower),
    ("casefold", str_extra::casefold),
    ("capitalize", str_extra::capitalize),
    ("title", str_extra::title),
    ("istitle", str_extra::istitle),
    ("isascii", str_extra::isascii),
    ("isprintable", str_extra::isprintable),
    ("removeprefix", str_extra::removeprefix),
    ("removesuffix", str_extra::removesuffix),
    ("expandtabs", str_extra::expandtabs),
    ("maketrans", str_extra::maketrans),
    ("translate", str_extra::translate),
    ("__len__", str_extra::dunder_len),
    ("swapcase", swapcase),
    ("isdigit", isdigit),
    ("isdecimal", isdigit),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isidentifier", isidentifier),
    ("format", format),
    ("encode", encode),
    ("partition", partition),
    ("rpartition", rpartition),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
];

fn text(this: &Value) -> &str {
    this.as_str().map_or("", |s| s.as_str())
}

fn join(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "join", args, 1, 1)?;
    let items: Vec<Value> = iter::collect(ts, &a[0])?
        .into_iter()
        // A `str` subclass's instance (a `StrEnum` member) joins as its string.
        .map(|v| {
            crate::protocol::class::builtin_base(&v)
                .filter(|b| b.as_str().is_some())
                .unwrap_or(v)
        })
        .collect();
    let mut parts = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        match v.as_str() {
            Some(s) => parts.push(s.as_str()),
            None => {
                return Err(ts.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(ts, v)
                )))
            }
        }
    }
    Ok(Value::new_str(parts.join(text(this))))
}

fn sep_and_max(ts: &ThreadState, args: &Args) -> PyResult<(Option<String>, i64)> {
    let sep = args.pos.first().or(args.kw("sep"));
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = str_arg(ts, v, "must be str or None, not")?;
            if s.is_empty() {
                return Err(ts.value_error("empty separator"));
            }
            Some(s.to_string())
        }
    };
    let maxsplit = match args.pos.get(1).or(args.kw("maxsplit")) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn str_list(parts: Vec<&str>) -> Value {
    Value::new_list(parts.into_iter().map(Value::new_str).collect())
}

fn split(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (sep, maxsplit) = sep_and_max(ts, args)?;
    let s = text(this);
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize + 1
    };
    Ok(match sep {
        Some(sep) => str_list(s.splitn(limit, sep.as_str()).collect()),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if parts.len() + 1 == limit {
                    parts.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            str_list(parts)
        }
    })
}

fn rsplit(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (sep, maxsplit) = sep_and_max(ts, args)?;
    let s = text(this);
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize + 1
    };
    let mut parts: Vec<&str> = match sep {
        Some(sep) => s.rsplitn(limit, sep.as_str()).collect(),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if parts.len() + 1 == limit {
                    parts.push(rest);
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                parts.push(&rest[start..]);
                rest = rest[..start].trim_end();
            }
            parts
        }
    };
    parts.reverse();
    Ok(str_list(parts))
}

fn splitlines(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let keep = match args.pos.first().or(args.kw("keepends")) {
        Some(v) => crate::protocol::ops::truthy(ts, v)?,
        None => false,
    };
    let s = text(this);
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (is_break, width) = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => (true, 2),
            b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1e => (true, 1),
            _ => match s[i..].chars().next() {
                Some(c @ ('\u{85}' | '\u{2028}' | '\u{2029}')) => (true, c.len_utf8()),
                Some(c) => (false, c.len_utf8()),
                None => (false, 1),
            },
        };
        if is_break {
            parts.push(if keep {
                &s[start..i + width]
            } else {
                &s[start..i]
            });
            start = i + width;
        }
        i += width;
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    Ok(str_list(parts))
}

fn strip_chars(ts: &ThreadState, args: &Args) -> PyResult<Option<Vec<char>>> {
    match args.pos.first() {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(str_arg(ts, v, "strip arg")?.chars().collect())),
    }
}

fn strip_with(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
    left: bool,
    right: bool,
) -> PyResult {
    positional(ts, "strip", args, 0, 1)?;
    let chars = strip_chars(ts, args)?;
    let s = text(this);
    let pred = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => c.is_whitespace(),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(Value::new_str(r))
}

fn strip(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_with(ts, this, args, true, true)
}

fn lstrip(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_with(ts, this, args, true, false)
}

fn rstrip(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_with(ts, this, args, false, true)
}

fn replace(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "replace", args, 2, 3)?;
    let old = str_arg(ts, &a[0], "replace() argument 1")?;
    let new = str_arg(ts, &a[1], "replace() argument 2")?;
    let count = match a.get(2) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let s = text(this);
    Ok(Value::new_str(if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    }))
}

/// The `[start:end]` window (character indices) of `s` as a byte range.
fn window(ts: &ThreadState, s: &str, args: &[Value]) -> PyResult<(usize, usize)> {
    let n = s.chars().count() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = int_arg(ts, v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let start = norm(args.first(), 0)?;
    let end = norm(args.get(1), n)?;
    let byte = |ci: i64| {
        s.char_indices()
            .nth(ci as usize)
            .map_or(s.len(), |(b, _)| b)
    };
    Ok((byte(start), byte(end.max(start))))
}

/// Whether an explicit start index lies beyond the end (nothing, not even "", is found).
fn start_past_end(ts: &ThreadState, s: &str, start: Option<&Value>) -> PyResult<bool> {
    match start {
        None | Some(Value::None) => Ok(false),
        Some(v) => Ok(int_arg(ts, v)? > s.chars().count() as i64),
    }
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn affix(ts: &mut ThreadState, this: &Value, args: &Args, name: &str, prefix: bool) -> PyResult {
    let a = positional(ts, name, args, 1, 3)?;
    let s = text(this);
    let (lo, hi) = window(ts, s, &a[1..])?;
    let hay = &s[lo..hi];
    let candidates: Vec<Value> = match a[0].obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => vec![a[0].clone()],
    };
    for c in &candidates {
        let Some(p) = c.as_str() else {
            return Err(ts.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                type_name(ts, c)
            )));
        };
        let hit = if prefix {
            hay.starts_with(p.as_str())
        } else {
            hay.ends_with(p.as_str())
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    affix(ts, this, args, "startswith", true)
}

fn endswith(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    affix(ts, this, args, "endswith", false)
}

fn search(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
    name: &str,
    from_right: bool,
) -> PyResult<i64> {
    let a = positional(ts, name, args, 1, 3)?;
    let needle = str_arg(ts, &a[0], "must be str, not")?;
    let s = text(this);
    if start_past_end(ts, s, a.get(1))? {
        return Ok(-1);
    }
    let (lo, hi) = window(ts, s, &a[1..])?;
    let hay = &s[lo..hi];
    let found = if from_right {
        hay.rfind(needle)
    } else {
        hay.find(needle)
    };
    Ok(found.map_or(-1, |b| char_index(s, lo + b)))
}

fn find(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    Ok(Value::Int(search(ts, this, args, "find", false)?))
}

fn rfind(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    Ok(Value::Int(search(ts, this, args, "rfind", true)?))
}

fn index(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    match search(ts, this, args, "index", false)? {
        -1 => Err(ts.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    match search(ts, this, args, "rindex", true)? {
        -1 => Err(ts.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "count", args, 1, 3)?;
    let needle = str_arg(ts, &a[0], "must be str, not")?;
    let s = text(this);
    let (lo, hi) = window(ts, s, &a[1..])?;
    let hay = &s[lo..hi];
    let n = if needle.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(needle).count()
    };
    Ok(Value::Int(n as i64))
}

fn map_text(this: &Value, f: impl Fn(&str) -> String) -> PyResult {
    Ok(Value::new_str(f(text(this))))
}

fn upper(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "upper", args, 0, 0)?;
    map_text(this, str::to_uppercase)
}

fn lower(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "lower", args, 0, 0)?;
    map_text(this, str::to_lowercase)
}

fn swapcase(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    map_text(this, |s| {
        s.chars()
            .flat_map(|c| -> Vec<char> {
                if c.is_uppercase() {
                    c.to_lowercase().collect()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect()
    })
}

fn predicate(this: &Value, f: impl Fn(char) -> bool) -> PyResult {
    let s = text(this);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    predicate(this, |c| c.is_ascii_digit())
}

fn isnumeric(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    predicate(this, char::is_numeric)
}

fn isalpha(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    predicate(this, char::is_alphabetic)
}

fn isalnum(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    predicate(this, char::is_alphanumeric)
}

fn isspace(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    predicate(this, char::is_whitespace)
}

fn isupper(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let s = text(this);
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

fn islower(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let s = text(this);
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
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
    let bytes = crate::text::codecs::encode(ts, text(this), encoding, errors)?;
    Ok(crate::objects::bytes::methods::new_bytes(bytes))
}

fn split_around(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
    name: &str,
    from_right: bool,
) -> PyResult {
    let a = positional(ts, name, args, 1, 1)?;
    let sep = str_arg(ts, &a[0], "must be str, not")?;
    if sep.is_empty() {
        return Err(ts.value_error("empty separator"));
    }
    let s = text(this);
    let found = if from_right {
        s.rfind(sep)
    } else {
        s.find(sep)
    };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if from_right => ["", "", s],
        None => [s, "", ""],
    };
    Ok(Value::new_tuple(
        parts.iter().map(|p| Value::new_str(*p)).collect(),
    ))
}

fn partition(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    split_around(ts, this, args, "partition", false)
}

fn rpartition(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    split_around(ts, this, args, "rpartition", true)
}

fn justify(ts: &mut ThreadState, this: &Value, args: &Args, name: &str, align: char) -> PyResult {
    let a = positional(ts, name, args, 1, 2)?;
    let width = int_arg(ts, &a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        Some(v) => {
            let f = str_arg(ts, v, "fill character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        ts.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    let s = text(this);
    let len = s.chars().count();
    if len >= width {
        return Ok(this.clone());
    }
    let pad = width - len;
    let (left, right) = match align {
        '<' => (0, pad),
        '>' => (pad, 0),
        _ => {
            let left = pad / 2 + (pad & width & 1);
            (left, pad - left)
        }
    };
    let out = alloc::padded("", fill, left, s, right).or_memory_error(ts)?;
    Ok(Value::new_str(out))
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
    let s = text(this);
    let len = s.chars().count();
    if len >= width {
        return Ok(this.clone());
    }
    let (sign, digits) = match s.strip_prefix(['+', '-']) {
        Some(rest) => (&s[..1], rest),
        None => ("", s),
    };
    let out = alloc::padded(sign, '0', width - len, digits, 0).or_memory_error(ts)?;
    Ok(Value::new_str(out))
}

/// `str.format`.
fn format(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let template = text(this).to_string();
    Ok(Value::new_str(crate::text::str_format::format(
        ts, &template, args,
    )?))
}
