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
    // Like CPython's, the sort's first comparison is the second item with the first (so a
    // mixed-type error names the types in the same order).
    let mut error = None;
    merge_sort(&mut order, &mut |a, b| {
        if error.is_some() {
            return false;
        }
        let (a, b) = (&keys[a], &keys[b]);
        if let Some(order) = ops::native_order(b, a) {
            return order == std::cmp::Ordering::Less;
        }
        match ops::less_than(ts, b, a) {
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

/// Runs this long are sorted by binary insertion before the merges.
const RUN: usize = 32;

/// A stable merge sort driven by `b_before_a(a, b)` (true when `b` must precede `a`), which
/// may be a Python comparison: few comparisons matter more than moves. Runs of at most
/// [`RUN`] items are sorted by binary insertion, then merged through one buffer; two runs
/// already in order cost one comparison (so sorted input takes about n comparisons, as in
/// CPython). Top-down, so each half is sorted while its keys are still in cache. An
/// inconsistent order (`b_before_a` not a strict weak order) leaves some permutation of `v`,
/// never a panic.
fn merge_sort<F: FnMut(usize, usize) -> bool>(v: &mut [usize], b_before_a: &mut F) {
    let mut buffer = Vec::with_capacity(v.len() / 2 + 1);
    sort_range(v, &mut buffer, b_before_a);
}

fn sort_range<F: FnMut(usize, usize) -> bool>(
    v: &mut [usize],
    buffer: &mut Vec<usize>,
    b_before_a: &mut F,
) {
    if v.len() <= RUN {
        insertion_sort(v, b_before_a);
        return;
    }
    let mid = v.len() / 2;
    sort_range(&mut v[..mid], buffer, b_before_a);
    sort_range(&mut v[mid..], buffer, b_before_a);
    merge(v, mid, buffer, b_before_a);
}

/// Sorts `v` as CPython's `binarysort` after `count_run`: the leading run (ascending, or
/// strictly descending and then reversed) costs one comparison per item, and each later item
/// goes, by binary search, after the sorted items it does not precede. The same steps as
/// CPython's, so a short sort under an inconsistent order (NaN keys) gives CPython's result.
fn insertion_sort<F: FnMut(usize, usize) -> bool>(v: &mut [usize], b_before_a: &mut F) {
    if v.len() < 2 {
        return;
    }
    let mut first = 2;
    if b_before_a(v[0], v[1]) {
        while first < v.len() && b_before_a(v[first - 1], v[first]) {
            first += 1;
        }
        v[..first].reverse();
    } else {
        while first < v.len() && !b_before_a(v[first - 1], v[first]) {
            first += 1;
        }
    }
    for i in first..v.len() {
        let x = v[i];
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if b_before_a(v[mid], x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v[lo..=i].rotate_right(1);
    }
}

/// Merges the sorted halves `v[..mid]` and `v[mid..]`, copying the left one to `buffer`.
fn merge<F: FnMut(usize, usize) -> bool>(
    v: &mut [usize],
    mid: usize,
    buffer: &mut Vec<usize>,
    b_before_a: &mut F,
) {
    if !b_before_a(v[mid - 1], v[mid]) {
        return;
    }
    buffer.clear();
    buffer.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buffer.len() && j < v.len() {
        if b_before_a(buffer[i], v[j]) {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = buffer[i];
            i += 1;
        }
        k += 1;
    }
    // What is left of the right half is in place already.
    let rest = buffer.len() - i;
    v[k..k + rest].copy_from_slice(&buffer[i..]);
}

#[cfg(test)]
mod tests {
    use super::merge_sort;

    fn sorted_by(keys: &[i32]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..keys.len()).collect();
        merge_sort(&mut order, &mut |a, b| keys[b] < keys[a]);
        order
    }

    #[test]
    fn sorts_stably_across_runs_and_merges() {
        // Pseudo-random keys with many ties, over several runs and an odd tail.
        let keys: Vec<i32> = (0..1000).map(|i| (i * 7919 % 101) % 13).collect();
        let order = sorted_by(&keys);
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by_key(|&i| keys[i]);
        assert_eq!(order, expected);
    }

    #[test]
    fn sorted_input_takes_about_one_comparison_per_item() {
        let keys: Vec<i32> = (0..4096).collect();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        let mut comparisons = 0;
        merge_sort(&mut order, &mut |a, b| {
            comparisons += 1;
            keys[b] < keys[a]
        });
        assert!(order.iter().enumerate().all(|(i, &x)| i == x));
        assert!(comparisons < 2 * keys.len(), "{comparisons} comparisons");
    }

    #[test]
    fn an_inconsistent_order_leaves_a_permutation() {
        let mut order: Vec<usize> = (0..500).collect();
        let mut flip = false;
        merge_sort(&mut order, &mut |_, _| {
            flip = !flip;
            flip
        });
        order.sort_unstable();
        assert!(order.iter().enumerate().all(|(i, &x)| i == x));
    }
}
