//! `fmt % args`: printf-style formatting with CPython's flags, `*` widths, mapping keys and
//! error messages.

use num_bigint::{BigInt, Sign};
use num_traits::FromPrimitive;

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::args::{c_int_arg, int_arg};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, Value};
use crate::objects::int::{big_to_f64, to_big};
use crate::text::format_spec::{align_text, float_body, int_digits, pad_number, NumberParts, Spec};
use crate::text::repr::{ascii, repr, str_of};

/// One `%` conversion's flags, width and precision.
#[derive(Default)]
struct Conversion {
    left: bool,
    zero: bool,
    sign: Option<char>,
    alternate: bool,
    width: usize,
    precision: Option<usize>,
}

impl Conversion {
    fn spec(&self, numeric: bool) -> Spec {
        let align = if self.left {
            '<'
        } else if self.zero && numeric {
            '='
        } else {
            '>'
        };
        let fill = if align == '=' { '0' } else { ' ' };
        Spec {
            fill: Some(fill),
            align: Some(align),
            sign: self.sign,
            width: self.width,
            ..Spec::default()
        }
    }
}

/// The arguments of one `%` operation and how many have been used.
struct ArgList<'a> {
    whole: &'a Value,
    items: Vec<Value>,
    next: usize,
    mapping: bool,
}

impl ArgList<'_> {
    fn next(&mut self, ts: &ThreadState) -> PyResult<Value> {
        let v = self.items.get(self.next).cloned();
        self.next += 1;
        v.ok_or_else(|| ts.type_error("not enough arguments for format string"))
    }

    /// A `*` width (a C `Py_ssize_t` in CPython) or precision (a C `int`).
    fn star(&mut self, ts: &ThreadState, precision: bool) -> PyResult<i64> {
        let v = self.next(ts)?;
        if to_big(&v).is_none() || matches!(v, Value::Float(_)) {
            return Err(ts.type_error("* wants int"));
        }
        if precision {
            return c_int_arg(ts, &v).map(i64::from);
        }
        int_arg(ts, &v)
    }
}

/// `fmt % args`.
pub fn percent_format(ts: &mut ThreadState, fmt: &str, args: &Value) -> PyResult<String> {
    let obj = args.obj().map(|o| &**o);
    // An instance of a tuple subclass (a namedtuple) supplies its items, as a tuple does.
    let base = args.as_instance().map(|inst| inst.base());
    let items = match (obj, base.as_ref().and_then(|b| b.obj()).map(|o| &**o)) {
        (Some(Obj::Tuple(t)), _) | (_, Some(Obj::Tuple(t))) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut list = ArgList {
        whole: args,
        items,
        next: 0,
        mapping: matches!(obj, Some(Obj::Dict(_))),
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    crate::text::format_spec::with_chars(fmt, |chars| {
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            out.push_str(&conversion(ts, chars, &mut i, &mut list)?);
        }
        PyResult::Ok(())
    })?;
    if !list.mapping && list.next < list.items.len() {
        return Err(ts.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// A `(key)` after `%`: the value it names in the mapping.
fn mapping_key(
    ts: &mut ThreadState,
    chars: &[char],
    i: &mut usize,
    list: &ArgList,
) -> PyResult<Value> {
    let mut depth = 1;
    let start = *i + 1;
    let mut end = start;
    while depth > 0 {
        match chars.get(end) {
            None => return Err(ts.value_error("incomplete format key")),
            Some('(') => depth += 1,
            Some(')') => depth -= 1,
            _ => {}
        }
        end += 1;
    }
    if !list.mapping {
        return Err(ts.type_error("format requires a mapping"));
    }
    *i = end;
    let key: String = chars[start..end - 1].iter().collect();
    crate::protocol::subscript::get_item(ts, list.whole, &Value::new_str(key))
}

/// The digits at `i` as a width (`limit` `isize::MAX`) or precision (`i32::MAX`), or CPython's
/// `ValueError` naming `what` when they pass the limit.
fn number_at(
    ts: &ThreadState,
    chars: &[char],
    i: &mut usize,
    what: &str,
    limit: usize,
) -> PyResult<usize> {
    let mut n = 0usize;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= limit)
            .ok_or_else(|| ts.value_error(format!("{what} too big")))?;
        *i += 1;
    }
    Ok(n)
}

/// Parses and formats one conversion; `i` is just past its `%`.
fn conversion(
    ts: &mut ThreadState,
    chars: &[char],
    i: &mut usize,
    list: &mut ArgList,
) -> PyResult<String> {
    let keyed = match chars.get(*i) {
        Some('(') => Some(mapping_key(ts, chars, i, list)?),
        _ => None,
    };
    let mut conv = Conversion::default();
    while let Some(&c) = chars.get(*i) {
        match c {
            '-' => conv.left = true,
            '+' => conv.sign = Some('+'),
            ' ' if conv.sign.is_none() => conv.sign = Some(' '),
            ' ' => {}
            '#' => conv.alternate = true,
            '0' => conv.zero = true,
            _ => break,
        }
        *i += 1;
    }
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        let w = list.star(ts, false)?;
        conv.left |= w < 0;
        conv.width = w.unsigned_abs() as usize;
    } else {
        conv.width = number_at(ts, chars, i, "width", isize::MAX as usize)?;
    }
    if chars.get(*i) == Some(&'.') {
        *i += 1;
        conv.precision = Some(if chars.get(*i) == Some(&'*') {
            *i += 1;
            list.star(ts, true)?.max(0) as usize
        } else {
            number_at(ts, chars, i, "precision", i32::MAX as usize)?
        });
    }
    while matches!(chars.get(*i), Some('h' | 'l' | 'L')) {
        *i += 1;
    }
    let Some(&kind) = chars.get(*i) else {
        return Err(ts.value_error("incomplete format"));
    };
    *i += 1;
    if kind == '%' {
        return Ok("%".into());
    }
    if !"sradiuxXoeEfFgGc".contains(kind) {
        return Err(ts.value_error(format!(
            "unsupported format character '{kind}' ({:#x}) at index {}",
            kind as u32,
            *i - 1
        )));
    }
    let v = match keyed {
        Some(v) => v,
        None => list.next(ts)?,
    };
    format_one(ts, &conv, kind, &v)
}

fn format_one(ts: &mut ThreadState, conv: &Conversion, kind: char, v: &Value) -> PyResult<String> {
    let text = match kind {
        's' => str_of(ts, v)?,
        'r' => repr(ts, v)?,
        'a' => ascii(&repr(ts, v)?),
        'c' => char_of(ts, v)?,
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => return format_int(ts, conv, kind, v),
        _ => return format_float(ts, conv, kind, v),
    };
    let text = match conv.precision {
        Some(p) if kind != 'c' => text.chars().take(p).collect(),
        _ => text,
    };
    let spec = conv.spec(false);
    align_text(' ', spec.align.unwrap_or('>'), conv.width, "", &text).or_memory_error(ts)
}

fn char_of(ts: &ThreadState, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        if s.as_str().chars().count() == 1 {
            return Ok(s.as_str().to_string());
        }
    } else if let Some(n) = to_big(v) {
        return num_traits::ToPrimitive::to_u32(&n)
            .and_then(char::from_u32)
            .map(String::from)
            .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "%c arg not in range(0x110000)"));
    }
    Err(ts.type_error("%c requires int or char"))
}

fn int_value(ts: &ThreadState, kind: char, v: &Value) -> PyResult<BigInt> {
    if let Some(n) = to_big(v) {
        return Ok(n);
    }
    // An `int` subclass (an `IntEnum` member) formats as its value.
    let wrapped = v.obj().and_then(crate::object::args::int_subclass_value);
    if let Some(n) = wrapped.as_ref().and_then(to_big) {
        return Ok(n);
    }
    match v {
        Value::Float(f) if "diu".contains(kind) => BigInt::from_f64(f.trunc()).ok_or_else(|| {
            let what = if f.is_nan() { "NaN" } else { "infinity" };
            let kind = if f.is_nan() {
                ExcKind::ValueError
            } else {
                ExcKind::OverflowError
            };
            ts.new_exc(kind, format!("cannot convert float {what} to integer"))
        }),
        _ => {
            let needed = if "diu".contains(kind) {
                "a real number"
            } else {
                "an integer"
            };
            Err(ts.type_error(format!(
                "%{kind} format: {needed} is required, not {}",
                type_name(ts, v)
            )))
        }
    }
}

fn format_int(ts: &ThreadState, conv: &Conversion, kind: char, v: &Value) -> PyResult<String> {
    let n = int_value(ts, kind, v)?;
    let negative = n.sign() == Sign::Minus;
    let mag = if negative { -n } else { n };
    let (mut digits, prefix) = int_digits(ts, &mag, kind)?;
    if let Some(p) = conv.precision {
        digits = alloc::padded("", '0', p.saturating_sub(digits.len()), &digits, 0)
            .or_memory_error(ts)?;
    }
    let prefix = if conv.alternate { prefix } else { "" };
    let parts = NumberParts {
        negative,
        prefix,
        digits,
        rest: String::new(),
    };
    pad_number(&conv.spec(true), parts).or_memory_error(ts)
}

fn format_float(ts: &ThreadState, conv: &Conversion, kind: char, v: &Value) -> PyResult<String> {
    let x = match v {
        Value::Float(f) => *f,
        _ => match to_big(v) {
            Some(n) => big_to_f64(&n).ok_or_else(|| {
                ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")
            })?,
            None => {
                return Err(ts.type_error(format!("must be real number, not {}", type_name(ts, v))))
            }
        },
    };
    let body =
        float_body(x.abs(), Some(kind), conv.precision, conv.alternate).or_memory_error(ts)?;
    let end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let parts = NumberParts {
        negative: x.is_sign_negative() && !x.is_nan(),
        prefix: "",
        digits: body[..end].to_string(),
        rest: body[end..].to_string(),
    };
    pad_number(&conv.spec(true), parts).or_memory_error(ts)
}
