//! Element by element: the `is*` checks and the case mappings.

use super::{no_args, AnyStr, PyAnyStr};
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::Args;

/// Whether the text is not empty and every element passes `test`.
fn all_are<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    test: fn(S::Char) -> bool,
) -> PyResult {
    no_args::<S>(ts, method, args)?;
    let s = S::receiver(this);
    let mut elements = s.elements().map(|(_, c)| c).peekable();
    Ok(Value::Bool(elements.peek().is_some() && elements.all(test)))
}

pub fn isalpha<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_are::<S>(ts, this, args, "isalpha", S::is_alpha)
}

pub fn isdigit<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_are::<S>(ts, this, args, "isdigit", S::is_digit)
}

pub fn isalnum<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_are::<S>(ts, this, args, "isalnum", S::is_alnum)
}

pub fn isspace<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_are::<S>(ts, this, args, "isspace", S::is_space)
}

pub fn isascii<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    no_args::<S>(ts, "isascii", args)?;
    Ok(Value::Bool(S::receiver(this).units().is_ascii()))
}

/// `isupper`/`islower`: some element is upper (lower) case and none is the other case.
fn all_cased<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    upper: bool,
) -> PyResult {
    no_args::<S>(ts, method, args)?;
    let is_upper: fn(S::Char) -> bool = S::is_upper;
    let is_lower: fn(S::Char) -> bool = S::is_lower;
    let (case, other) = match upper {
        true => (is_upper, is_lower),
        false => (is_lower, is_upper),
    };
    let s = S::receiver(this);
    let mut elements = s.elements().map(|(_, c)| c);
    let mut seen = false;
    let ok = elements.all(|c| {
        seen |= case(c);
        !other(c)
    });
    Ok(Value::Bool(ok && seen))
}

pub fn isupper<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_cased::<S>(ts, this, args, "isupper", true)
}

pub fn islower<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    all_cased::<S>(ts, this, args, "islower", false)
}

pub fn istitle<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    no_args::<S>(ts, "istitle", args)?;
    let (mut cased, mut prev_cased) = (false, false);
    for (_, c) in S::receiver(this).elements() {
        let upper = S::is_upper(c);
        if upper || S::is_lower(c) {
            // An uppercase letter may not follow a cased one, nor a lowercase one start a word.
            if upper == prev_cased {
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

fn is_cased<S: AnyStr + ?Sized>(c: S::Char) -> bool {
    S::is_upper(c) || S::is_lower(c)
}

/// A new text of the receiver's kind, one element at a time.
fn map_elements<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    mut push: impl FnMut(&mut S::Owned, S::Char),
) -> PyResult {
    no_args::<S>(ts, method, args)?;
    let s = S::receiver(this);
    let mut out = S::new_owned();
    for (_, c) in s.elements() {
        push(&mut out, c);
    }
    Ok(S::result(this, out))
}

pub fn upper<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    no_args::<S>(ts, "upper", args)?;
    Ok(S::result(this, S::receiver(this).to_upper()))
}

pub fn lower<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    no_args::<S>(ts, "lower", args)?;
    Ok(S::result(this, S::receiver(this).to_lower()))
}

pub fn swapcase<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    map_elements::<S>(ts, this, args, "swapcase", |out, c| {
        if S::is_upper(c) {
            S::push_lower(out, c)
        } else {
            S::push_upper(out, c)
        }
    })
}

pub fn title<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let mut prev_cased = false;
    map_elements::<S>(ts, this, args, "title", |out, c| {
        if prev_cased {
            S::push_lower(out, c);
        } else {
            S::push_title(out, c);
        }
        prev_cased = is_cased::<S>(c);
    })
}

pub fn capitalize<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    let mut first = true;
    map_elements::<S>(ts, this, args, "capitalize", |out, c| {
        if std::mem::take(&mut first) {
            S::push_title(out, c);
        } else {
            S::push_lower(out, c);
        }
    })
}
