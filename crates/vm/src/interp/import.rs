//! `import`: built-in modules (see `stdlib`) and the user's `.py` files next to the main
//! script, cached in `sys.modules`.

use std::sync::Arc;

use gilvm_compiler::bytecode::CodeObject;

use crate::interp::eval::run_frame;
use crate::interp::frame::Frame;
use crate::objects::dict::{dict_get, new_dict_obj, store_dict};

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;

/// Creates a module object with a fresh namespace holding `__name__`.
pub fn new_module(name: &str) -> (Value, ObjRef) {
    let dict = new_dict_obj();
    store_dict(&dict, &Value::new_str("__name__"), Value::new_str(name));
    store_dict(&dict, &Value::new_str("__doc__"), Value::None);
    let module = Value::Obj(ObjRef::new(Obj::Module {
        name: name.to_string(),
        dict: dict.clone(),
    }));
    (module, dict)
}

/// Runs a module body with `globals` as its namespace.
pub fn run_module_code(
    ts: &mut ThreadState,
    code: Arc<CodeObject>,
    globals: &ObjRef,
) -> PyResult<()> {
    let info = CodeInfo::new(code);
    let mut frame = ts.new_frame(&info, globals, Some(globals.clone()));
    frame
        .cells
        .extend((0..info.ncells()).map(|_| Value::new_cell(Value::Null)));
    run_frame(ts, frame, None).map(|_| ())
}

pub fn import_name(
    ts: &mut ThreadState,
    name: &Value,
    fromlist: &Value,
    _level: &Value,
) -> PyResult {
    let full = name.as_str().map_or("", |s| s.as_str()).to_string();
    let top = import_module(ts, full.split('.').next().unwrap_or(""))?;
    let mut leaf = top.clone();
    // Submodules exist only as built-in ones, registered when their package is imported.
    if full.contains('.') {
        leaf = dict_get(&ts.rt.sys_modules, name)
            .filter(|m| matches!(m.obj().map(|o| &**o), Some(Obj::Module { .. })))
            .ok_or_else(|| {
                ts.new_exc(
                    ExcKind::ModuleNotFoundError,
                    format!("No module named '{full}'"),
                )
            })?;
    }
    let wants_leaf =
        !fromlist.is_none() && crate::protocol::ops::truthy(ts, fromlist).unwrap_or(false);
    Ok(if wants_leaf { leaf } else { top })
}

pub fn import_module(ts: &mut ThreadState, name: &str) -> PyResult {
    let key = Value::new_str(name);
    if let Some(m) = dict_get(&ts.rt.sys_modules, &key) {
        return Ok(m);
    }
    if let Some(created) = crate::stdlib::create(ts, name) {
        let m = created?;
        store_dict(&ts.rt.sys_modules, &key, m.clone());
        return Ok(m);
    }
    let path = ts.rt.module_dir.borrow().join(format!("{name}.py"));
    let Ok(source) = std::fs::read_to_string(&path) else {
        return Err(ts.new_exc(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ));
    };
    let filename = path.to_string_lossy().to_string();
    let code = (ts.rt.compile)(&source, &filename).map_err(|e| {
        ts.new_exc(
            ExcKind::SyntaxError,
            format!(
                "{} ({}, line {})",
                e.message,
                path.file_name()
                    .map_or(String::new(), |f| f.to_string_lossy().to_string()),
                e.line
            ),
        )
    })?;
    ts.rt
        .sources
        .borrow_mut()
        .insert(filename.clone(), source.into());
    let (module, dict) = new_module(name);
    store_dict(
        &dict,
        &Value::new_str("__file__"),
        Value::new_str(&filename),
    );
    store_dict(&ts.rt.sys_modules, &key, module.clone());
    if let Err(e) = run_module_code(ts, code, &dict) {
        if let Obj::Dict(d) = &*ts.rt.sys_modules {
            d.borrow_mut().remove(&key);
        }
        return Err(e);
    }
    Ok(module)
}

pub fn import_from(ts: &mut ThreadState, module: &Value, name: &Value) -> PyResult {
    crate::protocol::attr::get_attr(ts, module, name).map_err(|_| {
        let (m, location) = match module.obj().map(|o| &**o) {
            Some(Obj::Module { name, dict }) => (
                name.clone(),
                dict_get(dict, &Value::new_str("__file__"))
                    .and_then(|f| f.as_str().map(|s| s.as_str().to_string()))
                    .unwrap_or_else(|| "unknown location".into()),
            ),
            _ => ("?".into(), "unknown location".into()),
        };
        let n = name.as_str().map_or("", |s| s.as_str());
        ts.new_exc(
            ExcKind::ImportError,
            format!("cannot import name '{n}' from '{m}' ({location})"),
        )
    })
}

pub fn import_star(ts: &mut ThreadState, f: &Frame, module: &Value) -> PyResult<()> {
    let Some(Obj::Module { dict, .. }) = module.obj().map(|o| &**o) else {
        return Err(ts.type_error("import * from a non-module"));
    };
    let target = f.namespace.as_ref().unwrap_or(&f.globals);
    if let Obj::Dict(d) = &**dict {
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            if k.as_str().is_some_and(|s| !s.as_str().starts_with('_')) {
                store_dict(target, &k, v);
            }
        }
    }
    Ok(())
}
