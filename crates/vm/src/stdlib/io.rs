//! The native part of file I/O: whole-file reads under `io.py`'s file objects (writes go
//! through `io_sink`), and the `open` builtin, which calls `io.open`.

use crate::interp::sandbox::{check_path, Access};
use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::os::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_read_file", read_file)];

/// `open(...)`: the `io` module's `open`.
pub fn open(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let io = crate::interp::import::import_module(ts, "io")?;
    let open = crate::protocol::attr::get_attr(ts, &io, &Value::new_str("open"))?;
    let mut all = args.pos.to_vec();
    all.extend_from_slice(args.kwvals);
    crate::protocol::call::call_value(ts, &open, &all, args.kwnames)
}

fn path_of(ts: &ThreadState, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(ts.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            crate::object::class_of::type_name(ts, v)
        ))),
    }
}

/// `_read_file(path, binary)`: the whole file as bytes, or as text decoded from UTF-8.
fn read_file(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_read_file", args, 2, 2)?;
    let path = path_of(ts, &a[0])?;
    check_path(ts, Access::Read, &path)?;
    let data = std::fs::read(&path).map_err(|e| os_error(ts, &e, &path))?;
    if matches!(a[1], Value::Bool(true)) {
        return Ok(Value::Obj(ObjRef::new(Obj::Bytes(data.into_boxed_slice()))));
    }
    match String::from_utf8(data) {
        Ok(text) => Ok(Value::new_str(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes().get(at).copied().unwrap_or(0);
            Err(ts.new_exc(
                crate::object::error::ExcKind::UnicodeDecodeError,
                format!(
                    "'utf-8' codec can't decode byte {byte:#04x} in position {at}: invalid start byte"
                ),
            ))
        }
    }
}
