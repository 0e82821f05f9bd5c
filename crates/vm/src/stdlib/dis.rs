//! The native part of `dis`: the rows of gilvm's own disassembler (`gilvm_compiler::rows`,
//! what `gilvm --dis` prints) for one code object; `dis.py` builds CPython's `Instruction`s,
//! `Bytecode` and listings from them.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_rows", rows)];

/// Sets `opname`: every instruction name, index = opcode.
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    let names = gilvm_compiler::OPNAMES
        .iter()
        .map(|n| Value::new_str(*n))
        .collect();
    store_dict(dict, &Value::new_str("opname"), Value::new_list(names));
    Ok(())
}

fn optional_int(n: Option<u32>) -> Value {
    n.map_or(Value::None, |n| Value::Int(n.into()))
}

/// `_rows(code)`: `(offset, opname, arg, argrepr, line, is_jump_target)` per instruction.
fn rows(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_rows", args, 1, 1)?;
    let Some(Obj::Code(info)) = a[0].obj().map(|o| &**o) else {
        return Err(ts.type_error(format!(
            "_rows() argument must be code, not {}",
            type_name(ts, &a[0])
        )));
    };
    let rows = gilvm_compiler::unfused_rows(&info.code)
        .into_iter()
        .map(|row| {
            Value::new_tuple(vec![
                Value::Int(row.offset.into()),
                Value::new_str(row.opname),
                optional_int(row.arg),
                Value::new_str(row.argrepr),
                optional_int(row.line),
                Value::Bool(row.is_jump_target),
            ])
        })
        .collect();
    Ok(Value::new_list(rows))
}
