//! `_ast` and `ast`: CPython's node classes (`_ast.py`, in Python), the tree of a source
//! (`to_py.rs`, for `compile(..., PyCF_ONLY_AST)` and so `ast.parse`) and code compiled
//! from a tree of nodes (`from_py.rs`, for `compile(tree, ...)`). `ast.py` is CPython's
//! `Lib/ast.py` (see `NOTICE`).

mod from_py;
mod to_py;

use gilvm_compiler::Mode;

use crate::interp::exceptions::syntax_error;
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};

/// CPython's `PyCF_ONLY_AST` flag of `compile`.
pub const ONLY_AST: i64 = 0x400;

/// The namespace of `_ast`, imported if need be.
fn node_classes(ts: &mut ThreadState) -> PyResult<ObjRef> {
    let module = crate::interp::import::import_module(ts, "_ast")?;
    match module.obj().map(|o| &**o) {
        Some(Obj::Module { dict, .. }) => Ok(dict.clone()),
        _ => Err(ts.type_error("_ast is not a module")),
    }
}

/// `compile(text, filename, mode, PyCF_ONLY_AST)`: the tree of `text` as node objects.
pub fn parse(ts: &mut ThreadState, text: &str, filename: &str, mode: Mode) -> PyResult {
    let (module, offset) = gilvm_compiler::parse_source_mode(text, mode).map_err(|mut e| {
        if e.kind == gilvm_syntax::SyntaxErrorKind::RecursionError {
            // CPython's words when the tree is too deep for `ast` objects.
            e.message = "maximum recursion depth exceeded during ast construction".into();
        }
        syntax_error(ts, &e, filename, text, mode)
    })?;
    let classes = node_classes(ts)?;
    let mode = match mode {
        Mode::Exec => "exec",
        Mode::Eval => "eval",
        Mode::Single => "single",
    };
    to_py::ToPy::new(classes, text, offset).module(ts, &module.body, mode)
}

/// Whether `v` is an instance of `_ast.AST` (the first argument of `compile` may be one).
pub fn is_node(ts: &mut ThreadState, v: &Value) -> PyResult<bool> {
    if v.as_instance().is_none() {
        return Ok(false);
    }
    let classes = node_classes(ts)?;
    let Some(base) = crate::objects::dict::dict_get(&classes, &Value::new_str("AST")) else {
        return Ok(false);
    };
    crate::protocol::isinstance::is_instance(ts, v, &base)
}

/// `compile(tree, filename, mode)`: the code of a tree of node objects.
pub fn compile_tree(
    ts: &mut ThreadState,
    tree: &Value,
    filename: &str,
    mode: Mode,
) -> PyResult<std::sync::Arc<gilvm_compiler::CodeObject>> {
    let classes = node_classes(ts)?;
    from_py::compile_tree(ts, classes, tree, filename, mode)
}
