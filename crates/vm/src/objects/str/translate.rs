//! `str.maketrans` and `str.translate`: translation tables.

use crate::interp::thread_state::ThreadState;
use crate::object::args::{positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::dict::Dict;
use crate::objects::function::Args;

fn text(this: &Value) -> &str {
    this.as_str().map_or("", |s| s.as_str())
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
