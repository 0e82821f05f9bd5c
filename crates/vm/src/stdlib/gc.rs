//! The `gc` module: the cycle collector's controls (`object::gc`, run by `interp::gc`).

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::{ExcKind, PyResult};
use crate::object::gc::collect::{is_tracked, objects, referents};
use crate::object::gc::heap::GENERATIONS;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::{new_dict_obj, store_dict};
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("collect", collect),
    ("enable", enable),
    ("disable", disable),
    ("isenabled", isenabled),
    ("get_count", get_count),
    ("get_threshold", get_threshold),
    ("set_threshold", set_threshold),
    ("is_tracked", is_tracked_fn),
    ("is_finalized", is_finalized),
    ("get_objects", get_objects),
    ("get_referents", get_referents),
    ("get_referrers", get_referrers),
    ("get_stats", get_stats),
    ("freeze", freeze),
    ("unfreeze", unfreeze),
    ("get_freeze_count", get_freeze_count),
];

/// `gc.garbage`, `gc.callbacks` and the `DEBUG_*` flags.
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    store_dict(
        dict,
        &Value::new_str("garbage"),
        Value::new_list(Vec::new()),
    );
    store_dict(
        dict,
        &Value::new_str("callbacks"),
        Value::new_list(Vec::new()),
    );
    for (name, bit) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        store_dict(dict, &Value::new_str(name), Value::Int(bit));
    }
    Ok(())
}

fn generation_arg(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let g = int_arg(ts, v)?;
    if !(0..GENERATIONS as i64).contains(&g) {
        return Err(ts.new_exc(ExcKind::ValueError, "invalid generation"));
    }
    Ok(g as usize)
}

/// `collect(generation=2)`: the number of unreachable objects found.
fn collect(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let generation = match (args.pos, args.kwnames) {
        ([], []) => GENERATIONS - 1,
        ([g], []) => generation_arg(ts, g)?,
        ([], [k]) if k.as_str().is_some_and(|s| s.as_str() == "generation") => {
            generation_arg(ts, &args.kwvals[0])?
        }
        _ => {
            positional(ts, "collect", args, 0, 1)?;
            return Err(ts.new_exc(
                ExcKind::TypeError,
                "collect() got an unexpected keyword argument",
            ));
        }
    };
    if generation == GENERATIONS - 1 {
        return Ok(Value::Int(crate::interp::gc::collect_now(ts) as i64));
    }
    crate::interp::gc::run_queued_finalizers(ts);
    let found = crate::interp::gc::collect(ts, generation);
    crate::interp::gc::run_queued_finalizers(ts);
    Ok(Value::Int(found.unreachable as i64))
}

fn enable(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "enable", args, 0, 0)?;
    ts.rt.heap.enabled.set(true);
    Ok(Value::None)
}

fn disable(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "disable", args, 0, 0)?;
    ts.rt.heap.enabled.set(false);
    Ok(Value::None)
}

fn isenabled(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "isenabled", args, 0, 0)?;
    Ok(Value::Bool(ts.rt.heap.enabled.get()))
}

fn ints(values: impl IntoIterator<Item = usize>) -> Value {
    Value::new_tuple(values.into_iter().map(|n| Value::Int(n as i64)).collect())
}

fn get_count(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "get_count", args, 0, 0)?;
    Ok(ints(ts.rt.heap.counts.iter().map(|c| c.get())))
}

fn get_threshold(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "get_threshold", args, 0, 0)?;
    Ok(ints(ts.rt.heap.thresholds.iter().map(|c| c.get())))
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "set_threshold", args, 1, 3)?;
    for (i, v) in a.iter().enumerate() {
        let n = int_arg(ts, v)?;
        ts.rt.heap.thresholds[i].set(n.max(0) as usize);
    }
    Ok(Value::None)
}

fn is_tracked_fn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "is_tracked", args, 1, 1)?;
    Ok(Value::Bool(a[0].obj().is_some_and(is_tracked)))
}

fn is_finalized(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "is_finalized", args, 1, 1)?;
    Ok(Value::Bool(
        a[0].obj()
            .is_some_and(crate::object::gc::collect::is_finalized),
    ))
}

fn get_objects(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "get_objects", args, 0, 1)?;
    let generation = match a.first() {
        None | Some(Value::None) => None,
        Some(g) => Some(generation_arg(ts, g)?),
    };
    let objs = objects(&ts.rt.heap, generation);
    Ok(Value::new_list(objs.into_iter().map(Value::Obj).collect()))
}

fn get_referents(_ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let mut out = Vec::new();
    for v in args.pos {
        if let Value::Obj(o) = v {
            out.extend(referents(o).into_iter().map(Value::Obj));
        }
    }
    Ok(Value::new_list(out))
}

fn get_referrers(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let targets: Vec<usize> = args
        .pos
        .iter()
        .filter_map(|v| v.obj().map(|o| o.id()))
        .collect();
    let referrers = objects(&ts.rt.heap, None)
        .into_iter()
        .filter(|o| referents(o).iter().any(|r| targets.contains(&r.id())))
        .map(Value::Obj)
        .collect();
    Ok(Value::new_list(referrers))
}

/// One dict per generation: `collections`, `collected`, `uncollectable`.
fn get_stats(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "get_stats", args, 0, 0)?;
    let stats = *ts.rt.heap.stats.borrow();
    let rows = (0..GENERATIONS)
        .map(|g| {
            let d = new_dict_obj();
            for (k, v) in [
                ("collections", stats.collections[g]),
                ("collected", stats.collected[g]),
                ("uncollectable", stats.uncollectable[g]),
            ] {
                store_dict(&d, &Value::new_str(k), Value::Int(v as i64));
            }
            Value::Obj(d)
        })
        .collect();
    Ok(Value::new_list(rows))
}

fn freeze(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "freeze", args, 0, 0)?;
    ts.rt.heap.freeze();
    Ok(Value::None)
}

fn unfreeze(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "unfreeze", args, 0, 0)?;
    ts.rt.heap.unfreeze();
    Ok(Value::None)
}

fn get_freeze_count(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "get_freeze_count", args, 0, 0)?;
    Ok(Value::Int(ts.rt.heap.freeze_count() as i64))
}
