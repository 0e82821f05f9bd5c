//! `_ctypes`: the native half of `ctypes`. Rust gives raw memory (`memory.rs`), shared
//! libraries (`dl.rs`), foreign calls through libffi (`call.rs`) and Python functions as C
//! function pointers (`callback.rs`); `_ctypes.py` builds the
//! C data types on them (`_SimpleCData`, `Structure`, `Union`, `Array`, `_Pointer`,
//! `CFuncPtr` and their metaclasses), and CPython's own `ctypes` package runs on top,
//! unchanged.

pub mod call;
pub mod callback;
pub mod dl;
pub mod memory;

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::stdlib::add_functions;
use memory::address_value;

/// Fills `_ctypes`' namespace: the native functions and the C library's constants.
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    add_functions(dict, memory::FUNCTIONS);
    add_functions(dict, dl::FUNCTIONS);
    add_functions(dict, call::FUNCTIONS);
    add_functions(dict, callback::FUNCTIONS);
    let constants = [
        ("RTLD_LOCAL", Value::Int(libc::RTLD_LOCAL.into())),
        ("RTLD_GLOBAL", Value::Int(libc::RTLD_GLOBAL.into())),
        ("FUNCFLAG_USE_ERRNO", Value::Int(call::USE_ERRNO)),
        (
            "_memmove_addr",
            address_value(libc::memmove as *const () as usize),
        ),
        (
            "_memset_addr",
            address_value(libc::memset as *const () as usize),
        ),
    ];
    for (name, value) in constants {
        store_dict(dict, &Value::new_str(name), value);
    }
    Ok(())
}
