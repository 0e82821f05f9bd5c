//! Allocations whose size a script chooses (`'x' * n`, `bytes(n)`, a format width, a shift):
//! checked and fallible, so that a request too big for the machine raises `MemoryError` (what
//! CPython's `PyErr_NoMemory` raises) and the interpreter goes on, where an infallible
//! allocation would abort the process.
//!
//! A request above [`ceiling`] (the machine's physical memory) is refused before the allocator
//! is asked: under Linux's overcommit a huge allocation can "succeed" and the process be killed
//! later while filling it. Below the ceiling, `try_reserve` turns the allocator's refusal (an
//! address-space rlimit, a full machine) into the same error. Every helper here goes through
//! [`check`], the one place to add accounting against a memory limit.

use std::sync::OnceLock;

use crate::interp::thread_state::ThreadState;
use crate::object::error::{new_exception, ExcKind};
use crate::object::value::ObjRef;

/// An allocation that was refused: raised as `MemoryError` by [`ThreadState::memory_error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooBig;

/// The largest single allocation a script may ask for, in bytes: the machine's physical
/// memory, and never more than `isize::MAX` (Rust's limit for one allocation).
pub fn ceiling() -> usize {
    static CEILING: OnceLock<usize> = OnceLock::new();
    *CEILING.get_or_init(|| {
        physical_memory()
            .unwrap_or(usize::MAX)
            .min(isize::MAX as usize)
    })
}

#[cfg(unix)]
fn physical_memory() -> Option<usize> {
    // SAFETY: `sysconf` only reads system configuration; it takes no pointers.
    let (pages, page_size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    let pages = usize::try_from(pages).ok().filter(|&p| p > 0)?;
    let page_size = usize::try_from(page_size).ok().filter(|&p| p > 0)?;
    pages.checked_mul(page_size)
}

#[cfg(not(unix))]
fn physical_memory() -> Option<usize> {
    None
}

/// Whether `bytes` more may be allocated at once.
pub fn check(bytes: usize) -> Result<(), TooBig> {
    if bytes > ceiling() {
        Err(TooBig)
    } else {
        Ok(())
    }
}

/// Requests from this size up are [`probe`]d; smaller ones are left to the emergency reserve
/// (`interp::sandbox::reserve`).
pub const PROBED_FROM: usize = 1 << 20;

/// Whether `bytes` can be allocated now, found by allocating and freeing them: for work that
/// allocates infallibly inside a library (num-bigint's arithmetic), so that it raises
/// `MemoryError` before it starts instead of aborting halfway. The room may be gone by the
/// time the work allocates; callers probe for a generous estimate.
pub fn probe(bytes: usize) -> Result<(), TooBig> {
    check(bytes)?;
    if bytes >= PROBED_FROM {
        Vec::<u8>::new()
            .try_reserve_exact(bytes)
            .map_err(|_| TooBig)?;
    }
    Ok(())
}

/// Whether `count` items of `T` may be allocated at once (`count * size_of::<T>()` may
/// overflow: that is too big too).
pub fn check_items<T>(count: usize) -> Result<(), TooBig> {
    check(count.checked_mul(std::mem::size_of::<T>()).ok_or(TooBig)?)
}

/// Room for `additional` more items in `v` (growing it geometrically, as `push` does), or
/// `TooBig`.
pub fn reserve<T>(v: &mut Vec<T>, additional: usize) -> Result<(), TooBig> {
    check_items::<T>(v.len().checked_add(additional).ok_or(TooBig)?)?;
    v.try_reserve(additional).map_err(|_| TooBig)
}

/// Appends `item`, growing `v` fallibly (doubling) when it is full: the loops that build a
/// container of a size no one announced (`list(iterator)`, `append`).
pub fn push<T>(v: &mut Vec<T>, item: T) -> Result<(), TooBig> {
    if v.len() == v.capacity() {
        reserve(v, 1)?;
    }
    v.push(item);
    Ok(())
}

/// An empty vector with room for exactly `count` items.
pub fn vec_with_capacity<T>(count: usize) -> Result<Vec<T>, TooBig> {
    check_items::<T>(count)?;
    let mut v = Vec::new();
    v.try_reserve_exact(count).map_err(|_| TooBig)?;
    Ok(v)
}

/// An empty string with room for `bytes` bytes.
pub fn string_with_capacity(bytes: usize) -> Result<String, TooBig> {
    check(bytes)?;
    let mut s = String::new();
    s.try_reserve_exact(bytes).map_err(|_| TooBig)?;
    Ok(s)
}

/// A copy of `items` (`list(a_list)`, `l.extend(l)`).
pub fn copy_of<T: Clone>(items: &[T]) -> Result<Vec<T>, TooBig> {
    concat_slices(items, &[])
}

/// `a` then `b` (`list + list`, `bytes + bytes`).
pub fn concat_slices<T: Clone>(a: &[T], b: &[T]) -> Result<Vec<T>, TooBig> {
    let mut out = vec_with_capacity(a.len().checked_add(b.len()).ok_or(TooBig)?)?;
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    Ok(out)
}

/// `n` copies of `items` in a row.
pub fn repeat_slice<T: Clone>(items: &[T], n: usize) -> Result<Vec<T>, TooBig> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = vec_with_capacity(items.len().checked_mul(n).ok_or(TooBig)?)?;
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// `n` copies of `text` in a row.
pub fn repeat_str(text: &str, n: usize) -> Result<String, TooBig> {
    if text.is_empty() {
        return Ok(String::new());
    }
    let mut out = string_with_capacity(text.len().checked_mul(n).ok_or(TooBig)?)?;
    for _ in 0..n {
        out.push_str(text);
    }
    Ok(out)
}

/// `n` zero bytes (`bytes(n)`, `bytearray(n)`).
pub fn zeroed(n: usize) -> Result<Vec<u8>, TooBig> {
    let mut out = vec_with_capacity(n)?;
    out.resize(n, 0);
    Ok(out)
}

/// `head`, `left` copies of `fill`, `body`, `right` copies of `fill`: the padding of
/// `str.center`, `zfill`, format widths.
pub fn padded(
    head: &str,
    fill: char,
    left: usize,
    body: &str,
    right: usize,
) -> Result<String, TooBig> {
    let bytes = left
        .checked_add(right)
        .and_then(|pad| pad.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(head.len() + body.len()))
        .ok_or(TooBig)?;
    let mut out = string_with_capacity(bytes)?;
    out.push_str(head);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// [`padded`] for `bytes`.
pub fn padded_bytes(
    head: &[u8],
    fill: u8,
    left: usize,
    body: &[u8],
    right: usize,
) -> Result<Vec<u8>, TooBig> {
    let len = left
        .checked_add(right)
        .and_then(|pad| pad.checked_add(head.len() + body.len()))
        .ok_or(TooBig)?;
    let mut out = vec_with_capacity(len)?;
    out.extend_from_slice(head);
    out.resize(out.len() + left, fill);
    out.extend_from_slice(body);
    out.resize(out.len() + right, fill);
    Ok(out)
}

/// Room for `additional` more bytes in `text`.
pub fn reserve_text(text: &mut String, additional: usize) -> Result<(), TooBig> {
    check(text.len().checked_add(additional).ok_or(TooBig)?)?;
    text.try_reserve(additional).map_err(|_| TooBig)
}

impl ThreadState {
    /// `MemoryError()`, without a message, as CPython's `PyErr_NoMemory` raises it.
    pub fn memory_error(&self) -> ObjRef {
        new_exception(self.exc_class(ExcKind::MemoryError), vec![])
    }
}

/// `Result<T, TooBig>` as a Python result: `TooBig` raises `MemoryError`.
pub trait OrMemoryError<T> {
    fn or_memory_error(self, ts: &ThreadState) -> crate::object::error::PyResult<T>;
}

impl<T> OrMemoryError<T> for Result<T, TooBig> {
    fn or_memory_error(self, ts: &ThreadState) -> crate::object::error::PyResult<T> {
        self.map_err(|TooBig| ts.memory_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_is_the_machine_and_refuses_what_overflows() {
        assert!(ceiling() > 1 << 20 && ceiling() <= isize::MAX as usize);
        assert_eq!(check(ceiling()), Ok(()));
        assert_eq!(check(ceiling() + 1), Err(TooBig));
        assert_eq!(check_items::<u64>(usize::MAX / 4), Err(TooBig));
        assert_eq!(repeat_slice(&[1u8, 2], usize::MAX / 2 + 1), Err(TooBig));
        assert_eq!(repeat_str("ab", 1 << 62), Err(TooBig));
        assert_eq!(padded("", 'x', usize::MAX, "", 1), Err(TooBig));
        assert_eq!(padded_bytes(b"", b'x', 1 << 62, b"", 1 << 62), Err(TooBig));
        assert_eq!(probe(ceiling() / 2 + 1).and(probe(usize::MAX)), Err(TooBig));
        assert_eq!(probe(PROBED_FROM), Ok(()));
    }

    #[test]
    fn what_fits_is_built() {
        assert_eq!(repeat_slice(&[1u8, 2], 3), Ok(vec![1, 2, 1, 2, 1, 2]));
        assert_eq!(repeat_str("ab", 2).as_deref(), Ok("abab"));
        assert_eq!(padded("-", 'é', 1, "x", 2).as_deref(), Ok("-éxéé"));
        assert_eq!(padded_bytes(b"+", b'0', 2, b"1", 1), Ok(b"+0010".to_vec()));
        assert_eq!(zeroed(3), Ok(vec![0, 0, 0]));
        assert_eq!(repeat_str("", usize::MAX).as_deref(), Ok(""));
        assert_eq!(repeat_slice::<u8>(&[], usize::MAX), Ok(vec![]));
    }
}
