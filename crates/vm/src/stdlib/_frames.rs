//! The native part of `_frames`: `_stack_frames()`, the calling thread's stack as the entries
//! `_frames._stack` turns into frame objects (`sys._getframe`, `inspect.currentframe`).
//!
//! Frames of outer eval loops that are inside a native call (a `sorted` key, a class's
//! `__init__`) are not on the frame stack, so the stack seen from there stops short.

use crate::interp::frame::Frame;
use crate::interp::frame_builtins::locals;
use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFunction};

/// Adds `_stack_frames()`, which reads the calling frame (see `NativeFunction::reads_frame`).
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    let f = NativeFunction {
        name: "_stack_frames",
        f: suspended_stack_frames,
        this: Value::Null,
        is_method: false,
        caller_scope: false,
        of_builtin_type: None,
        reads_frame: Some(stack_frames),
    };
    store_dict(
        dict,
        &Value::new_str("_stack_frames"),
        Value::Obj(ObjRef::new(Obj::Native(f))),
    );
    Ok(())
}

/// `(code, globals, locals, lasti, lineno)` of a frame, as `_frames._stack` takes it.
fn frame_entry(f: &Frame) -> Value {
    let ip = f.current_ip();
    Value::new_tuple(vec![
        Value::Obj(ObjRef::new(Obj::Code(f.code.clone()))),
        Value::Obj(f.globals.clone()),
        locals(f),
        Value::Int(2 * ip as i64),
        Value::Int(i64::from(f.code.line_of(ip))),
    ])
}

/// `_stack_frames()` called directly from frame `f`: the stack down to `f`, outermost first.
fn stack_frames(ts: &ThreadState, f: &Frame) -> Value {
    let mut entries: Vec<Value> = ts.frames.iter().map(|f| frame_entry(f)).collect();
    entries.push(frame_entry(f));
    Value::new_list(entries)
}

/// `_stack_frames` reached another way: the suspended frames only.
fn suspended_stack_frames(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "_stack_frames", args, 0, 0)?;
    Ok(Value::new_list(
        ts.frames.iter().map(|f| frame_entry(f)).collect(),
    ))
}
