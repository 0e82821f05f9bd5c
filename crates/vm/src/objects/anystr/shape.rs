//! Trimming, padding and re-flowing: the strip family, `removeprefix`/`removesuffix`,
//! `center`/`ljust`/`rjust`/`zfill`, `expandtabs`, `splitlines`, `join`.

use super::search::part_list;
use super::{arg_or_kw, PyAnyStr};
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::OrMemoryError;
use crate::object::args::{c_int_arg, count, int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::Args;

fn strip_sides<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    (left, right): (bool, bool),
) -> PyResult {
    let a = positional(ts, method, args, 0, 1)?;
    let set = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(S::arg(ts, v, "strip arg must be None or str")?),
    };
    // The set is searched in place (it is short): no list of its elements per call.
    let kept = |&(_, c): &(usize, S::Char)| match &set {
        Some(set) => !set.elements().any(|(_, x)| x == c),
        None => !S::is_space(c),
    };
    let s = S::receiver(this);
    let len = s.units().len();
    let start = match left {
        true => s.elements().find(kept).map_or(len, |(i, _)| i),
        false => 0,
    };
    let end = match right {
        true => s
            .elements()
            .rev()
            .find(kept)
            .map_or(0, |(i, c)| i + S::width(c)),
        false => len,
    };
    Ok(S::result_part(this, s.part(start..end.max(start))))
}

pub fn strip<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_sides::<S>(ts, this, args, "strip", (true, true))
}

pub fn lstrip<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_sides::<S>(ts, this, args, "lstrip", (true, false))
}

pub fn rstrip<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    strip_sides::<S>(ts, this, args, "rstrip", (false, true))
}

fn remove_affix<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    at_end: bool,
) -> PyResult {
    let a = positional(ts, method, args, 1, 1)?;
    let affix = match S::join_item(&a[0]) {
        Some(affix) => affix,
        // The message is formatted only for the error: that costs more than the method.
        None => S::arg(
            ts,
            &a[0],
            &format!("{method}() argument must be str, not {{}}"),
        )?,
    };
    let s = S::receiver(this);
    let (len, cut) = (s.units().len(), affix.units().len());
    let part = match at_end {
        true if s.units().ends_with(affix.units()) => s.part(0..len - cut),
        false if s.units().starts_with(affix.units()) => s.part(cut..len),
        _ => &*s,
    };
    Ok(S::result_part(this, part))
}

pub fn removeprefix<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    remove_affix::<S>(ts, this, args, "removeprefix", false)
}

pub fn removesuffix<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    remove_affix::<S>(ts, this, args, "removesuffix", true)
}

/// Where text goes in a wider field.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
    Center,
}

fn justify<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    align: Align,
) -> PyResult {
    let a = positional(ts, method, args, 1, 2)?;
    let width = int_arg(ts, &a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        Some(v) => S::fill(ts, v, method)?,
        None => S::from_ascii(b' '),
    };
    let s = S::receiver(this);
    let len = s.count_elements();
    if len >= width {
        return Ok(S::unchanged(this));
    }
    let pad = width - len;
    let left = match align {
        Align::Left => 0,
        Align::Right => pad,
        // CPython's centering puts the odd extra fill on the left when the width is odd.
        Align::Center => pad / 2 + (pad & width & 1),
    };
    let out = S::padded(s.part(0..0), fill, left, &s, pad - left).or_memory_error(ts)?;
    Ok(S::result(this, out))
}

pub fn center<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    justify::<S>(ts, this, args, "center", Align::Center)
}

pub fn ljust<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    justify::<S>(ts, this, args, "ljust", Align::Left)
}

pub fn rjust<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    justify::<S>(ts, this, args, "rjust", Align::Right)
}

pub fn zfill<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "zfill", args, 1, 1)?;
    let width = int_arg(ts, &a[0])?.max(0) as usize;
    let s = S::receiver(this);
    let len = s.count_elements();
    if len >= width {
        return Ok(S::unchanged(this));
    }
    let signed = |c| c == S::from_ascii(b'+') || c == S::from_ascii(b'-');
    let sign = usize::from(s.elements().next().is_some_and(|(_, c)| signed(c)));
    let (head, digits) = (s.part(0..sign), s.part(sign..s.units().len()));
    let out = S::padded(head, S::from_ascii(b'0'), width - len, digits, 0).or_memory_error(ts)?;
    Ok(S::result(this, out))
}

pub fn expandtabs<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    count(ts, "expandtabs", args.pos.len(), 0, 1)?;
    let size = match arg_or_kw(args, 0, "tabsize") {
        Some(v) => i64::from(c_int_arg(ts, v)?),
        None => 8,
    };
    let s = S::receiver(this);
    let mut out = S::new_owned();
    let mut column = 0i64;
    let (tab, newline, ret) = (
        S::from_ascii(b'\t'),
        S::from_ascii(b'\n'),
        S::from_ascii(b'\r'),
    );
    for (_, c) in s.elements() {
        if c == tab {
            if size > 0 {
                let pad = size - column % size;
                S::reserve(&mut out, pad as usize).or_memory_error(ts)?;
                (0..pad).for_each(|_| S::push(&mut out, S::from_ascii(b' ')));
                column += pad;
            }
            continue;
        }
        S::push(&mut out, c);
        column = if c == newline || c == ret {
            0
        } else {
            column + 1
        };
    }
    Ok(S::result(this, out))
}

pub fn splitlines<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    count(ts, "splitlines", args.pos.len(), 0, 1)?;
    let keep = match arg_or_kw(args, 0, "keepends") {
        Some(v) => crate::protocol::ops::truthy(ts, &v.clone())?,
        None => false,
    };
    let s = S::receiver(this);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut elements = s.elements().peekable();
    while let Some((i, c)) = elements.next() {
        if !S::is_line_break(c) {
            continue;
        }
        let mut end = i + S::width(c);
        if c == S::from_ascii(b'\r')
            && elements
                .peek()
                .is_some_and(|&(_, n)| n == S::from_ascii(b'\n'))
        {
            elements.next();
            end += 1;
        }
        lines.push(s.part(start..if keep { end } else { i }));
        start = end;
    }
    if start < s.units().len() {
        lines.push(s.part(start..s.units().len()));
    }
    Ok(part_list(this, lines))
}

pub fn join<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "join", args, 1, 1)?;
    let items: Vec<Value> = crate::protocol::iter::collect_fast(ts, &a[0])?
        .into_iter()
        // An instance of a subclass (a `StrEnum` member) joins as its built-in value.
        .map(|v| {
            crate::protocol::class::builtin_base(&v)
                .filter(|b| S::join_item(b).is_some())
                .unwrap_or(v)
        })
        .collect();
    let mut parts = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        match S::join_item(v) {
            Some(part) => parts.push(part),
            None => {
                return Err(ts.type_error(format!(
                    "sequence item {i}: {}, {} found",
                    S::JOIN_EXPECTED,
                    type_name(ts, v)
                )))
            }
        }
    }
    let sep = S::receiver(this);
    let total = parts.iter().map(|p| p.units().len()).sum::<usize>()
        + sep.units().len() * parts.len().saturating_sub(1);
    let mut out = S::new_owned();
    S::reserve(&mut out, total).or_memory_error(ts)?;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            S::push_part(&mut out, &sep);
        }
        S::push_part(&mut out, part);
    }
    Ok(S::result(this, out))
}
