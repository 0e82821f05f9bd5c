//! Stable sorting with `key=` and `reverse=` whose comparisons may raise.

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::protocol::call::call_value;
use crate::protocol::ops;

/// Sorts `items` in place like `list.sort` (stable; `reverse` keeps equal items in order).
pub fn sort_values(
    ts: &mut ThreadState,
    items: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let keys = if key.is_none() {
        items.clone()
    } else {
        let mut keys = Vec::with_capacity(items.len());
        for v in items.iter() {
            keys.push(call_value(ts, key, std::slice::from_ref(v), &[])?);
        }
        keys
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    // CPython's sort starts by comparing the second item with the first; doing the same
    // first makes a mixed-type error name the types in the same order.
    if let [first, second, ..] = order[..] {
        ops::less_than(ts, &keys[second], &keys[first])?;
    }
    let mut error = None;
    merge_sort(&mut order, &mut |a, b| {
        if error.is_some() {
            return false;
        }
        match ops::less_than(ts, &keys[b], &keys[a]) {
            Ok(lt) => lt,
            Err(e) => {
                error = Some(e);
                false
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    if reverse {
        order.reverse();
    }
    let sorted: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// A stable merge sort driven by `b_before_a(a, b)` (true when `b` must precede `a`).
fn merge_sort(v: &mut [usize], b_before_a: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    let mid = v.len() / 2;
    merge_sort(&mut v[..mid], b_before_a);
    merge_sort(&mut v[mid..], b_before_a);
    let (left, right) = (v[..mid].to_vec(), v[mid..].to_vec());
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if b_before_a(left[i], right[j]) {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    for &x in left[i..].iter().chain(&right[j..]) {
        v[k] = x;
        k += 1;
    }
}
