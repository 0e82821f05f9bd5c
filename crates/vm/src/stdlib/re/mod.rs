//! The native part of `re`: patterns are translated from Python's syntax (`translate.rs`) and
//! compiled with fancy-regex; `re.py` holds the Python API (`Pattern`, `Match`, `sub`,
//! `split`...) over `_compile` and `_search`.

mod translate;

use std::cell::OnceCell;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_compile", compile), ("_search", search)];

/// A compiled pattern: the translated body and its three compiled forms (searching,
/// anchored at the start position, and anchored at both ends), built on first use.
struct Compiled {
    body: String,
    groups: usize,
    search: OnceCell<fancy_regex::Regex>,
    anchored: OnceCell<fancy_regex::Regex>,
    full: OnceCell<fancy_regex::Regex>,
}

impl NativeHandle for Compiled {
    fn repr(&self) -> String {
        format!("<compiled pattern {:?}>", self.body)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn build(body: &str) -> Result<fancy_regex::Regex, Box<fancy_regex::Error>> {
    fancy_regex::RegexBuilder::new(body)
        .backtrack_limit(50_000_000)
        .build()
        .map_err(Box::new)
}

/// The message of a fancy-regex error in CPython's words where there is one.
fn build_error(e: &fancy_regex::Error) -> (String, bool) {
    use fancy_regex::{CompileError, Error};
    match e {
        Error::CompileError(CompileError::LookBehindNotConst) => {
            ("look-behind requires fixed-width pattern".into(), false)
        }
        other => (format!("{other}"), false),
    }
}

/// `_compile(pattern, flags)`: `(handle, groups, groupindex, flags, close_order)`, or
/// `(None, msg, pos)` for a bad pattern.
fn compile(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_compile", args, 2, 2)?;
    let Some(pattern) = a[0].as_str() else {
        return Err(ts.type_error(format!(
            "first argument must be string or compiled pattern, not {}",
            type_name(ts, &a[0])
        )));
    };
    let flags = int_arg(ts, &a[1])?;
    let tr = match translate::translate(pattern.as_str(), flags) {
        Ok(tr) => tr,
        Err(e) => {
            return Ok(Value::new_tuple(vec![
                Value::None,
                Value::new_str(e.msg),
                e.pos.map_or(Value::None, |p| Value::Int(p as i64)),
            ]))
        }
    };
    let search = match build(&tr.body) {
        Ok(r) => r,
        Err(e) => {
            let (msg, _) = build_error(&e);
            return Ok(Value::new_tuple(vec![
                Value::None,
                Value::new_str(msg),
                Value::None,
            ]));
        }
    };
    let cell = OnceCell::new();
    let _ = cell.set(search);
    let mut index = Dict::new();
    for (name, n) in &tr.names {
        index.insert(Value::new_str(name.clone()), Value::Int(*n as i64));
    }
    let close: Vec<Value> = tr.close_at.iter().map(|c| Value::Int(*c as i64)).collect();
    let handle = Compiled {
        body: tr.body,
        groups: tr.groups,
        search: cell,
        anchored: OnceCell::new(),
        full: OnceCell::new(),
    };
    Ok(Value::new_tuple(vec![
        Value::Obj(ObjRef::new(Obj::Handle(Box::new(handle)))),
        Value::Int(tr.groups as i64),
        Value::new_dict(index),
        Value::Int(tr.flags),
        Value::new_list(close),
    ]))
}

fn char_to_byte(text: &str, ascii: bool, chars: usize) -> usize {
    if ascii {
        return chars.min(text.len());
    }
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// `_search(handle, string, pos, endpos, mode)`: mode 0 searches, 1 matches at `pos`, 2
/// matches all of `string[pos:endpos]`. `None`, or a tuple of `2 * (groups + 1)` character
/// offsets (`-1` for a group that did not take part).
fn search(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_search", args, 5, 5)?;
    let Some(compiled) = a[0].obj().and_then(|o| o.handle::<Compiled>()) else {
        return Err(ts.type_error("_search: not a compiled pattern"));
    };
    let Some(s) = a[1].as_str() else {
        return Err(ts.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            type_name(ts, &a[1])
        )));
    };
    let text = s.as_str();
    let ascii = s.is_ascii();
    let len = if ascii { text.len() } else { s.char_len() };
    let pos = (int_arg(ts, &a[2])?.max(0) as usize).min(len);
    let endpos = (int_arg(ts, &a[3])?.max(0) as usize).min(len);
    if endpos < pos {
        return Ok(Value::None);
    }
    let mode = int_arg(ts, &a[4])?;
    let byte_pos = char_to_byte(text, ascii, pos);
    let byte_end = char_to_byte(text, ascii, endpos);
    let hay = &text[..byte_end];
    let regex = match mode {
        0 => compiled.search.get(),
        1 => Some(compiled.anchored.get_or_init(|| {
            build(&format!("\\G{}", compiled.body))
                .unwrap_or_else(|_| build("(?!)").expect("a valid pattern"))
        })),
        _ => Some(compiled.full.get_or_init(|| {
            build(&format!("\\G(?:{})\\z", compiled.body))
                .unwrap_or_else(|_| build("(?!)").expect("a valid pattern"))
        })),
    };
    let Some(regex) = regex else {
        return Ok(Value::None);
    };
    let caps = match regex.captures_from_pos(hay, byte_pos) {
        Ok(Some(c)) => c,
        Ok(None) => return Ok(Value::None),
        Err(e) => {
            return Err(ts.new_exc(
                ExcKind::RuntimeError,
                format!("regular expression too complex to run: {e}"),
            ))
        }
    };
    if mode != 0 && caps.get(0).is_some_and(|m| m.start() != byte_pos) {
        return Ok(Value::None);
    }
    let mut spans = Vec::with_capacity(2 * (compiled.groups + 1));
    let to_char = |b: usize| -> i64 {
        if ascii {
            b as i64
        } else {
            text[..b].chars().count() as i64
        }
    };
    for g in 0..=compiled.groups {
        match caps.get(g) {
            Some(m) => {
                spans.push(Value::Int(to_char(m.start())));
                spans.push(Value::Int(to_char(m.end())));
            }
            None => {
                spans.push(Value::Int(-1));
                spans.push(Value::Int(-1));
            }
        }
    }
    Ok(Value::new_tuple(spans))
}
