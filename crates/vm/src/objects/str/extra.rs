//! More methods of `str`: title case, affix removal, tabs, translation tables, predicates.

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::args::{c_int_arg, positional, str_arg};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::dict::Dict;
use crate::objects::function::Args;

fn text(this: &Value) -> &str {
    this.as_str().map_or("", |s| s.as_str())
}

/// Title case of one character: the first char of its uppercase form, the rest lowercased
/// (`ß` → `Ss`, as CPython's titlecase mapping).
fn push_title(out: &mut String, c: char) {
    let mut upper = c.to_uppercase();
    if let Some(first) = upper.next() {
        out.push(first);
    }
    out.extend(upper.flat_map(char::to_lowercase));
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

pub fn title(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "title", args, 0, 0)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in text(this).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    Ok(Value::new_str(out))
}

pub fn capitalize(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "capitalize", args, 0, 0)?;
    let mut chars = text(this).chars();
    let mut out = String::new();
    if let Some(c) = chars.next() {
        push_title(&mut out, c);
    }
    out.extend(chars.flat_map(char::to_lowercase));
    Ok(Value::new_str(out))
}

pub fn casefold(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "casefold", args, 0, 0)?;
    Ok(Value::new_str(text(this).to_lowercase().replace('ß', "ss")))
}

pub fn istitle(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "istitle", args, 0, 0)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in text(this).chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

pub fn isascii(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "isascii", args, 0, 0)?;
    Ok(Value::Bool(text(this).is_ascii()))
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

pub fn removeprefix(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "removeprefix", args, 1, 1)?;
    let prefix = affix_arg(ts, &a[0], "removeprefix")?;
    let s = text(this);
    Ok(Value::new_str(s.strip_prefix(prefix).unwrap_or(s)))
}

pub fn removesuffix(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "removesuffix", args, 1, 1)?;
    let suffix = affix_arg(ts, &a[0], "removesuffix")?;
    let s = text(this);
    Ok(Value::new_str(s.strip_suffix(suffix).unwrap_or(s)))
}

fn affix_arg<'a>(ts: &ThreadState, v: &'a Value, name: &str) -> PyResult<&'a str> {
    v.as_str().map(|s| s.as_str()).ok_or_else(|| {
        ts.type_error(format!(
            "{name}() argument must be str, not {}",
            type_name(ts, v)
        ))
    })
}

pub fn expandtabs(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "expandtabs", args, 0, 1)?;
    let size = match a.first().or(args.kw("tabsize")) {
        Some(v) => i64::from(c_int_arg(ts, v)?),
        None => 8,
    };
    let mut out = String::new();
    let mut column = 0i64;
    for c in text(this).chars() {
        match c {
            '\t' if size > 0 => {
                let pad = size - column % size;
                alloc::reserve_text(&mut out, pad as usize).or_memory_error(ts)?;
                out.extend(std::iter::repeat_n(' ', pad as usize));
                column += pad;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::new_str(out))
}

pub fn dunder_len(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(text(this).chars().count() as i64))
}

/// `str.maketrans(x[, y[, z]])`: also reached unbound, where the first argument arrives as
/// `this`.
pub fn maketrans(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let mut all: Vec<Value> = Vec::new();
    if !this.is_null() && args.pos.len() < 3 {
        all.push(this.clone());
    }
    all.extend_from_slice(args.pos);
    let mut table = Dict::new();
    match all.as_slice() {
        [Value::Obj(o)] if matches!(&**o, Obj::Dict(_)) => {
            let Obj::Dict(d) = &**o else {
                unreachable!("matched above")
            };
            for (k, v) in d.borrow().iter() {
                let key = match k.as_str() {
                    Some(s) if s.as_str().chars().count() == 1 => {
                        Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                    }
                    _ => k.clone(),
                };
                table.insert(key, v.clone());
            }
        }
        [from, to, rest @ ..] if rest.len() <= 1 => {
            let from = str_arg(ts, from, "maketrans() argument 1")?;
            let to = str_arg(ts, to, "maketrans() argument 2")?;
            if from.chars().count() != to.chars().count() {
                return Err(
                    ts.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (f, t) in from.chars().zip(to.chars()) {
                table.insert(Value::Int(f as i64), Value::Int(t as i64));
            }
            if let Some(delete) = rest.first() {
                for c in str_arg(ts, delete, "maketrans() argument 3")?.chars() {
                    table.insert(Value::Int(c as i64), Value::None);
                }
            }
        }
        _ => {
            return Err(
                ts.type_error("if you give only one argument to maketrans it must be a dict")
            )
        }
    }
    Ok(Value::new_dict(table))
}

pub fn translate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "translate", args, 1, 1)?;
    let mut out = String::new();
    for c in text(this).chars() {
        let mapped = match crate::protocol::subscript::get_item(ts, &a[0], &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if ts.exc_matches(&e, crate::object::error::ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                None => return Err(ts.value_error("character mapping must be in range(0x110000)")),
            },
            v => match v.as_str() {
                Some(s) => out.push_str(s.as_str()),
                None => {
                    return Err(ts.type_error("character mapping must return integer, None or str"))
                }
            },
        }
    }
    Ok(Value::new_str(out))
}
