//! The methods of `str` on strs that hold lone surrogates. The method code shared with
//! `bytes` ([`crate::objects::anystr`]) reads text as `&str`, which cannot hold a surrogate.
//! When the receiver or an argument holds one, each surrogate is swapped for a stand-in — a
//! private-use character, `base + (s - 0xD800)`, from a block of 2,048 that none of the
//! call's strs contains — the method runs, and its result swaps them back. Private-use
//! characters behave as surrogates do in every such method: one code point each, no case,
//! not space, digit, letter or printable, so the results are CPython's.
//!
//! A str without surrogates takes none of this: [`call`] checks the call's strs and runs
//! the method directly.

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::OrMemoryError;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::str::{concat, PyStr};
use crate::protocol::iter;

const BLOCK: u32 = 0x800;
/// The private-use planes 15 and 16, in blocks of 2,048 (the last, shorter, is left out).
const BASES: std::ops::Range<u32> = 0xF0000 / BLOCK..0x10F800 / BLOCK;

fn has_surrogates(v: &Value) -> bool {
    v.as_str().is_some_and(PyStr::has_surrogates)
}

/// A stand-in block none of `strs` uses, by its first code point.
fn free_base<'a>(strs: impl Iterator<Item = &'a Value> + Clone) -> Option<u32> {
    BASES.map(|b| b * BLOCK).find(|&base| {
        let block = base..base + BLOCK;
        strs.clone()
            .filter_map(Value::as_str)
            .all(|s| !s.as_str().chars().any(|c| block.contains(&(c as u32))))
    })
}

/// `v` with its surrogates swapped for stand-ins (`v` itself when it has none).
fn swap_in(v: &Value, base: u32) -> Value {
    match v.as_str().filter(|s| s.has_surrogates()) {
        Some(s) => Value::new_str(
            s.code_points()
                .map(|p| match p {
                    0xD800..=0xDFFF => char::from_u32(base + p - 0xD800),
                    _ => char::from_u32(p),
                })
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect::<String>(),
        ),
        None => v.clone(),
    }
}

/// A method's result with the stand-ins swapped back: a str, or the strs of a list or tuple
/// (`split`, `partition`).
fn swap_out(v: Value, base: u32) -> Value {
    let block = base..base + BLOCK;
    let Some(o) = v.obj() else {
        return v;
    };
    match &**o {
        Obj::Str(s) if s.as_str().chars().any(|c| block.contains(&(c as u32))) => {
            Value::from_pystr(PyStr::from_code_points(s.code_points().map(|p| {
                match block.contains(&p) {
                    true => p - base + 0xD800,
                    false => p,
                }
            })))
        }
        Obj::List(items) => {
            let items = items
                .borrow()
                .iter()
                .map(|i| swap_out(i.clone(), base))
                .collect();
            Value::new_list(items)
        }
        Obj::Tuple(items) => {
            Value::new_tuple(items.iter().map(|i| swap_out(i.clone(), base)).collect())
        }
        _ => v,
    }
}

/// Runs a method of `str`, through stand-ins when one of its strs holds a surrogate.
pub fn call(ts: &mut ThreadState, this: &Value, args: &Args, method: NativeFn) -> PyResult {
    let strs = std::iter::once(this).chain(args.pos).chain(args.kwvals);
    if !strs.clone().any(has_surrogates) {
        return method(ts, this, args);
    }
    let Some(base) = free_base(strs) else {
        // Every block is in use: the surrogates stay U+FFFD for this call.
        return method(ts, this, args);
    };
    let pos: Vec<Value> = args.pos.iter().map(|v| swap_in(v, base)).collect();
    let kwvals: Vec<Value> = args.kwvals.iter().map(|v| swap_in(v, base)).collect();
    let swapped = Args {
        pos: &pos,
        kwnames: args.kwnames,
        kwvals: &kwvals,
    };
    let result = method(ts, &swap_in(this, base), &swapped)?;
    Ok(swap_out(result, base))
}

/// `str.join`, whose strs are the items of its iterable: a list or tuple is looked through,
/// anything else collected first (as CPython does), so that their surrogates are seen.
pub fn join(ts: &mut ThreadState, this: &Value, args: &Args, method: NativeFn) -> PyResult {
    let [iterable] = args.pos else {
        return call(ts, this, args, method);
    };
    let sep = this.as_str();
    let joined = match (sep, iterable.obj().map(|o| &**o)) {
        (Some(sep), Some(Obj::List(items))) => concat::join_plain(sep, &items.borrow()),
        (Some(sep), Some(Obj::Tuple(items))) => concat::join_plain(sep, items),
        _ => None,
    };
    if let Some(joined) = joined {
        return Ok(Value::from_pystr(joined.or_memory_error(ts)?));
    }
    let plain = match iterable.obj().map(|o| &**o) {
        Some(Obj::List(items)) => !items.borrow().iter().any(has_surrogates),
        Some(Obj::Tuple(items)) => !items.iter().any(has_surrogates),
        _ => false,
    };
    if plain {
        return call(ts, this, args, method);
    }
    let mut strs = vec![this.clone()];
    strs.extend(iter::collect_fast(ts, iterable)?);
    if let Some(joined) = sep.and_then(|sep| concat::join_plain(sep, &strs[1..])) {
        // A generator's strs, collected once (not again by the general join).
        return Ok(Value::from_pystr(joined.or_memory_error(ts)?));
    }
    let base = match strs.iter().any(has_surrogates) {
        true => free_base(strs.iter()),
        false => None,
    };
    let Some(base) = base else {
        let items = Value::new_list(strs.split_off(1));
        return method(
            ts,
            this,
            &Args {
                pos: std::slice::from_ref(&items),
                ..*args
            },
        );
    };
    let items = Value::new_list(strs[1..].iter().map(|v| swap_in(v, base)).collect());
    let swapped = Args {
        pos: std::slice::from_ref(&items),
        ..*args
    };
    let result = method(ts, &swap_in(this, base), &swapped)?;
    Ok(swap_out(result, base))
}
