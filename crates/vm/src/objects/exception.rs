//! The methods of `BaseException` that instances of every exception class inherit. An
//! exception's payload (`ExcData`: args, cause, context, traceback) and the table of built-in
//! exception classes are `object/error.rs`'s; raising and catching are `interp/exceptions.rs`'s.

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::{method_value, Args};

/// `BaseException.__init__(self, *args)`.
fn exception_init(_ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    if let Some(Obj::Instance(inst)) = this.obj().map(|o| &**o) {
        if let Some(data) = &inst.exc {
            data.borrow_mut().args = args.pos.to_vec();
        }
    }
    Ok(Value::None)
}

/// `BaseException.with_traceback(tb)`: sets `__traceback__`, returns self.
fn exception_with_traceback(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let tb = crate::object::args::positional(ts, "with_traceback", args, 1, 1)?[0].clone();
    if let Some(exc) = this
        .obj()
        .filter(|o| crate::object::error::exc_data(o).is_some())
    {
        crate::interp::frame_objects::set_traceback(ts, exc, tb)?;
    }
    Ok(this.clone())
}

/// Puts the methods into `BaseException`'s namespace.
pub fn install_methods(base_exception: &ObjRef) {
    if let Obj::Type(t) = &**base_exception {
        let mut d = t.dict.borrow_mut();
        d.set_str("__init__", method_value("__init__", exception_init));
        d.set_str(
            "with_traceback",
            method_value("with_traceback", exception_with_traceback),
        );
    }
}
