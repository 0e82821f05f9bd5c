//! Finding and splitting: `find`/`rfind`/`index`/`rindex`/`count`, `startswith`/`endswith`,
//! `partition`/`rpartition`, `replace`, `split`/`rsplit`.

use std::ops::Range;

use memchr::memmem;

use super::{arg_or_kw, AnyStr, PyAnyStr};
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{OrMemoryError, TooBig};
use crate::object::args::{count, int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::Args;

/// The unit range of a method's `[start:end]` arguments, `None` when `start` lies past `end`
/// (then nothing, not even `""`, is found: CPython's `ADJUST_INDICES`).
fn window<S: AnyStr + ?Sized>(
    ts: &ThreadState,
    s: &S,
    bounds: &[Value],
) -> PyResult<Option<Range<usize>>> {
    let given = |i: usize| bounds.get(i).filter(|v| !matches!(v, Value::None));
    let (start, end) = (given(0), given(1));
    if start.is_none() && end.is_none() {
        return Ok(Some(0..s.units().len()));
    }
    let n = s.count_elements() as i64;
    let index = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => {
                let i = int_arg(ts, v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i })
            }
        }
    };
    let (start, end) = (index(start, 0)?, index(end, n)?.min(n));
    if start > end {
        return Ok(None);
    }
    Ok(Some(s.offset_of(start as usize)..s.offset_of(end as usize)))
}

/// Where `needle` occurs in `hay`, left to right and not overlapping. A one-unit needle (most
/// separators) goes to `memchr`: building a `memmem` searcher costs more than searching a
/// short text.
fn find_iter<'h>(hay: &'h [u8], needle: &'h [u8]) -> Hits<'h> {
    match needle {
        [unit] => Hits::Unit(memchr::memchr_iter(*unit, hay)),
        _ => Hits::Needle(memmem::find_iter(hay, needle)),
    }
}

/// Where `needle` occurs in `hay`, right to left and not overlapping.
fn rfind_iter<'h>(hay: &'h [u8], needle: &'h [u8]) -> Hits<'h> {
    match needle {
        [unit] => Hits::UnitFromRight(memchr::memchr_iter(*unit, hay)),
        _ => Hits::NeedleFromRight(memmem::rfind_iter(hay, needle)),
    }
}

/// The offsets [`find_iter`] and [`rfind_iter`] yield. Large (a `memmem` searcher inline), but
/// it lives on the stack for one call: boxing the searcher would cost the allocation per call
/// that `memchr` is here to save.
#[allow(clippy::large_enum_variant)]
enum Hits<'h> {
    Unit(memchr::Memchr<'h>),
    UnitFromRight(memchr::Memchr<'h>),
    Needle(memmem::FindIter<'h, 'h>),
    NeedleFromRight(memmem::FindRevIter<'h, 'h>),
}

impl Iterator for Hits<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Hits::Unit(it) => it.next(),
            Hits::UnitFromRight(it) => it.next_back(),
            Hits::Needle(it) => it.next(),
            Hits::NeedleFromRight(it) => it.next(),
        }
    }
}

/// The first occurrence of `needle` in `hay` (see [`find_iter`]).
fn find_first(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [unit] => memchr::memchr(*unit, hay),
        _ => memmem::find(hay, needle),
    }
}

/// The last occurrence of `needle` in `hay` (see [`find_iter`]).
fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [unit] => memchr::memrchr(*unit, hay),
        _ => memmem::rfind(hay, needle),
    }
}

/// The element index of `needle`'s first (or last) occurrence in the window of `bounds`.
fn search<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    from_right: bool,
) -> PyResult<Option<usize>> {
    let a = positional(ts, method, args, 1, 3)?;
    let needle = S::needle(ts, &a[0])?;
    let s = S::receiver(this);
    let Some(range) = window(ts, &*s, &a[1..])? else {
        return Ok(None);
    };
    let hay = &s.units()[range.clone()];
    let hit = if from_right {
        find_last(hay, needle.units())
    } else {
        find_first(hay, needle.units())
    };
    Ok(hit.map(|at| s.index_at(range.start + at)))
}

fn found(hit: Option<usize>) -> Value {
    Value::Int(hit.map_or(-1, |i| i as i64))
}

fn found_or_raise<S: PyAnyStr + ?Sized>(ts: &ThreadState, hit: Option<usize>) -> PyResult {
    match hit {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ts.value_error(S::NOT_FOUND)),
    }
}

pub fn find<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    Ok(found(search::<S>(ts, this, args, "find", false)?))
}

pub fn rfind<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    Ok(found(search::<S>(ts, this, args, "rfind", true)?))
}

pub fn index<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let hit = search::<S>(ts, this, args, "index", false)?;
    found_or_raise::<S>(ts, hit)
}

pub fn rindex<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let hit = search::<S>(ts, this, args, "rindex", true)?;
    found_or_raise::<S>(ts, hit)
}

pub fn count_of<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "count", args, 1, 3)?;
    let needle = S::needle(ts, &a[0])?;
    let s = S::receiver(this);
    let Some(range) = window(ts, &*s, &a[1..])? else {
        return Ok(Value::Int(0));
    };
    let n = if needle.units().is_empty() {
        s.part(range).count_elements() + 1
    } else {
        find_iter(&s.units()[range], needle.units()).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    at_end: bool,
) -> PyResult {
    let a = positional(ts, method, args, 1, 3)?;
    let candidates = match a[0].obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => &t[..],
        _ if S::join_item(&a[0]).is_none() => {
            return Err(ts.type_error(format!(
                "{method} first arg must be {name} or a tuple of {name}, not {}",
                type_name(ts, &a[0]),
                name = S::NAME
            )))
        }
        _ => &a[..1],
    };
    let s = S::receiver(this);
    let Some(range) = window(ts, &*s, &a[1..])? else {
        return Ok(Value::Bool(false));
    };
    let hay = &s.units()[range];
    for c in candidates {
        let c = match S::join_item(c) {
            Some(c) => c,
            // The message is formatted only for the error: that costs more than the test.
            None => S::arg(
                ts,
                c,
                &format!("tuple for {method} must only contain str, not {{}}"),
            )?,
        };
        let hit = if at_end {
            hay.ends_with(c.units())
        } else {
            hay.starts_with(c.units())
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn startswith<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    affix::<S>(ts, this, args, "startswith", false)
}

pub fn endswith<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    affix::<S>(ts, this, args, "endswith", true)
}

fn split_around<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    this: &Value,
    args: &Args,
    method: &str,
    from_right: bool,
) -> PyResult {
    let a = positional(ts, method, args, 1, 1)?;
    let sep = S::arg(ts, &a[0], "must be str, not {}")?;
    let sep_len = sep.units().len();
    if sep_len == 0 {
        return Err(ts.value_error("empty separator"));
    }
    let s = S::receiver(this);
    let len = s.units().len();
    let hit = if from_right {
        find_last(s.units(), sep.units())
    } else {
        find_first(s.units(), sep.units())
    };
    let (head, mid, tail) = match hit {
        Some(i) => (0..i, i..i + sep_len, i + sep_len..len),
        None if from_right => (0..0, 0..0, 0..len),
        None => (0..len, len..len, len..len),
    };
    Ok(Value::new_tuple(
        [head, mid, tail]
            .into_iter()
            .map(|r| S::result_part(this, s.part(r)))
            .collect(),
    ))
}

pub fn partition<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    split_around::<S>(ts, this, args, "partition", false)
}

pub fn rpartition<S: PyAnyStr + ?Sized>(
    ts: &mut ThreadState,
    this: &Value,
    args: &Args,
) -> PyResult {
    split_around::<S>(ts, this, args, "rpartition", true)
}

pub fn replace<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "replace", args, 2, 3)?;
    let old = S::arg(ts, &a[0], "replace() argument 1 must be str, not {}")?;
    let new = S::arg(ts, &a[1], "replace() argument 2 must be str, not {}")?;
    let limit = match a.get(2) {
        Some(v) => usize::try_from(int_arg(ts, v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let s = S::receiver(this);
    let out = replaced(&*s, &old, &new, limit).or_memory_error(ts)?;
    Ok(S::result(this, out))
}

/// `s` with the first `limit` occurrences of `old` replaced by `new`; an empty `old` matches
/// before every element and at the end.
fn replaced<S: AnyStr + ?Sized>(s: &S, old: &S, new: &S, limit: usize) -> Result<S::Owned, TooBig> {
    let len = s.units().len();
    let mut out = S::new_owned();
    // The exact size (CPython counts first too): no regrowth while splicing.
    let (old_len, new_len) = (old.units().len(), new.units().len());
    let hits = match old_len {
        0 => (s.elements().count() + 1).min(limit),
        _ => find_iter(s.units(), old.units()).take(limit).count(),
    };
    let size = (new_len.checked_mul(hits))
        .and_then(|added| (len - old_len * hits).checked_add(added))
        .ok_or(TooBig)?;
    S::reserve(&mut out, size)?;
    let mut last = 0;
    let mut splice = |at: usize, skip: usize| {
        S::push_part(&mut out, s.part(last..at));
        S::push_part(&mut out, new);
        last = at + skip;
    };
    if old.units().is_empty() {
        let boundaries = s.elements().map(|(i, _)| i).chain(std::iter::once(len));
        boundaries.take(limit).for_each(|at| splice(at, 0));
    } else {
        let skip = old.units().len();
        let hits = find_iter(s.units(), old.units());
        hits.take(limit).for_each(|at| splice(at, skip));
    }
    S::push_part(&mut out, s.part(last..len));
    Ok(out)
}

/// `split`/`rsplit`'s `(sep, maxsplit)`: `None` for whitespace, `usize::MAX` for no limit.
fn split_args<'a, S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    method: &str,
    args: &'a Args,
) -> PyResult<(Option<std::borrow::Cow<'a, S>>, usize)> {
    count(ts, method, args.pos.len(), 0, 2)?;
    let sep = match arg_or_kw(args, 0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => Some(S::arg(ts, v, "must be str or None, not {}")?),
    };
    if sep.as_ref().is_some_and(|s| s.units().is_empty()) {
        return Err(ts.value_error("empty separator"));
    }
    let limit = match arg_or_kw(args, 1, "maxsplit") {
        Some(v) => usize::try_from(int_arg(ts, v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    Ok((sep, limit))
}

pub fn split<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (sep, limit) = split_args::<S>(ts, "split", args)?;
    let s = S::receiver(this);
    let parts = match &sep {
        Some(sep) => split_at(&*s, sep, limit),
        None => split_whitespace(&*s, limit),
    };
    Ok(part_list(this, parts))
}

pub fn rsplit<S: PyAnyStr + ?Sized>(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (sep, limit) = split_args::<S>(ts, "rsplit", args)?;
    let s = S::receiver(this);
    let mut parts = match &sep {
        Some(sep) => rsplit_at(&*s, sep, limit),
        None => rsplit_whitespace(&*s, limit),
    };
    parts.reverse();
    Ok(part_list(this, parts))
}

pub(super) fn part_list<S: PyAnyStr + ?Sized>(this: &Value, parts: Vec<&S>) -> Value {
    Value::new_list(parts.into_iter().map(|p| S::result_part(this, p)).collect())
}

fn split_at<'s, S: AnyStr + ?Sized>(s: &'s S, sep: &S, limit: usize) -> Vec<&'s S> {
    let mut parts = Vec::new();
    let mut last = 0;
    for at in find_iter(s.units(), sep.units()).take(limit) {
        parts.push(s.part(last..at));
        last = at + sep.units().len();
    }
    parts.push(s.part(last..s.units().len()));
    parts
}

/// The parts from the right, last part first.
fn rsplit_at<'s, S: AnyStr + ?Sized>(s: &'s S, sep: &S, limit: usize) -> Vec<&'s S> {
    let mut parts = Vec::new();
    let mut end = s.units().len();
    for at in rfind_iter(s.units(), sep.units()).take(limit) {
        parts.push(s.part(at + sep.units().len()..end));
        end = at;
    }
    parts.push(s.part(0..end));
    parts
}

fn split_whitespace<S: AnyStr + ?Sized>(s: &S, limit: usize) -> Vec<&S> {
    let len = s.units().len();
    let mut parts = Vec::new();
    let mut elements = s.elements();
    loop {
        let Some((start, _)) = elements.find(|&(_, c)| !S::is_space(c)) else {
            return parts;
        };
        if parts.len() == limit {
            parts.push(s.part(start..len));
            return parts;
        }
        let end = elements
            .find(|&(_, c)| S::is_space(c))
            .map_or(len, |(i, _)| i);
        parts.push(s.part(start..end));
    }
}

/// The words from the right, last word first.
fn rsplit_whitespace<S: AnyStr + ?Sized>(s: &S, limit: usize) -> Vec<&S> {
    let mut parts = Vec::new();
    let mut elements = s.elements().rev();
    let after = |(i, c): (usize, S::Char)| i + S::width(c);
    loop {
        let Some(end) = elements.find(|&(_, c)| !S::is_space(c)).map(after) else {
            return parts;
        };
        if parts.len() == limit {
            parts.push(s.part(0..end));
            return parts;
        }
        let start = elements.find(|&(_, c)| S::is_space(c)).map_or(0, after);
        parts.push(s.part(start..end));
    }
}
