//! Python values seen from Rust, and what an embedder does with them: build, inspect,
//! get and set attributes and items, call, run code, and read exceptions.

use std::sync::Arc;

use gilvm_compiler::bytecode::CodeObject;
use num_bigint::BigInt;

use crate::interp::eval::run_frame;
use crate::objects::dict::{dict_get, new_dict_obj, store_dict};

use crate::interp::thread_state::ThreadState;
use crate::object::error::{exc_data, new_exception, ExcKind, PyResult};
use crate::object::typeobj::is_subclass;
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;

/// A Python value (a new reference). See the module docs of [`crate::embed`] for how long
/// one may live.
#[derive(Clone, Debug)]
pub struct Object(pub(crate) Value);

/// An operation's result: the raised exception instance on failure.
pub type ObjResult<T = Object> = Result<T, Object>;

/// What a value is, for conversions to Rust types.
#[derive(Debug)]
pub enum View<'a> {
    None,
    Bool(bool),
    Int(i64),
    BigInt(&'a BigInt),
    Float(f64),
    Str(&'a str),
    Bytes(&'a [u8]),
    /// Anything else (containers, functions, instances...).
    Other,
}

fn wrap(result: PyResult) -> ObjResult {
    result.map(Object).map_err(|e| Object(Value::Obj(e)))
}

fn wrap_unit(result: PyResult<()>) -> ObjResult<()> {
    result.map_err(|e| Object(Value::Obj(e)))
}

impl Object {
    pub fn none() -> Object {
        Object(Value::None)
    }
    pub fn bool(b: bool) -> Object {
        Object(Value::Bool(b))
    }
    pub fn int(i: i64) -> Object {
        Object(Value::Int(i))
    }
    pub fn bigint(b: BigInt) -> Object {
        Object(crate::objects::int::from_big(b))
    }
    pub fn float(f: f64) -> Object {
        Object(Value::Float(f))
    }
    pub fn str(s: &str) -> Object {
        Object(Value::new_str(s))
    }
    pub fn bytes(b: &[u8]) -> Object {
        Object(Value::Obj(ObjRef::new(Obj::Bytes(b.into()))))
    }
    pub fn list(items: Vec<Object>) -> Object {
        Object(Value::new_list(items.into_iter().map(|o| o.0).collect()))
    }
    pub fn tuple(items: Vec<Object>) -> Object {
        Object(Value::new_tuple(items.into_iter().map(|o| o.0).collect()))
    }

    /// A new object holding native state (an embedder's Rust value); Python sees an opaque
    /// object whose `repr` is the handle's.
    pub fn handle(state: Box<dyn NativeHandle>) -> Object {
        Object(Value::Obj(ObjRef::new(Obj::Handle(state))))
    }

    /// The native state of type `T` this object holds, if it is such a handle.
    pub fn handle_ref<T: 'static>(&self) -> Option<&T> {
        self.0.obj()?.handle::<T>()
    }

    pub fn view(&self) -> View<'_> {
        match &self.0 {
            Value::Null | Value::None => View::None,
            Value::Bool(b) => View::Bool(*b),
            Value::Int(i) => View::Int(*i),
            Value::Float(f) => View::Float(*f),
            Value::Obj(o) => match &**o {
                Obj::BigInt(b) => View::BigInt(b),
                Obj::Str(s) => View::Str(s.as_str()),
                Obj::Bytes(b) => View::Bytes(b),
                _ => View::Other,
            },
        }
    }

    /// How many references to a heap object exist; 0 for values stored inline (`None`,
    /// bools, small ints, floats).
    pub fn ref_count(&self) -> usize {
        self.0.obj().map_or(0, ObjRef::strong_count)
    }

    /// `self is other`.
    pub fn is(&self, other: &Object) -> bool {
        self.0.is(&other.0)
    }

    /// The items of a tuple or list (a snapshot), `None` for anything else.
    pub fn tuple_or_list_items(&self) -> Option<Vec<Object>> {
        match self.0.obj().map(|o| &**o) {
            Some(Obj::Tuple(t)) => Some(t.iter().cloned().map(Object).collect()),
            Some(Obj::List(l)) => Some(l.borrow().iter().cloned().map(Object).collect()),
            _ => None,
        }
    }

    /// The entries of a dict (a snapshot, in order), `None` for anything else.
    pub fn dict_items(&self) -> Option<Vec<(Object, Object)>> {
        match self.0.obj().map(|o| &**o) {
            Some(Obj::Dict(d)) => Some(
                d.borrow()
                    .iter()
                    .map(|(k, v)| (Object(k.clone()), Object(v.clone())))
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// A dict of `pairs` (keys hashed as Python does, so this can fail).
pub fn new_dict(ts: &mut ThreadState, pairs: Vec<(Object, Object)>) -> ObjResult {
    let dict = Value::Obj(new_dict_obj());
    for (k, v) in pairs {
        wrap_unit(crate::protocol::subscript::set_item(ts, &dict, k.0, v.0))?;
    }
    Ok(Object(dict))
}

/// The items of any iterable.
pub fn collect(ts: &mut ThreadState, obj: &Object) -> ObjResult<Vec<Object>> {
    let items = crate::protocol::iter::collect(ts, &obj.0).map_err(|e| Object(Value::Obj(e)))?;
    Ok(items.into_iter().map(Object).collect())
}

pub fn get_attr(ts: &mut ThreadState, obj: &Object, name: &str) -> ObjResult {
    wrap(crate::protocol::attr::get_attr(
        ts,
        &obj.0,
        &Value::new_str(name),
    ))
}

pub fn set_attr(ts: &mut ThreadState, obj: &Object, name: &str, value: Object) -> ObjResult<()> {
    wrap_unit(crate::protocol::attr::set_attr(
        ts,
        &obj.0,
        &Value::new_str(name),
        value.0,
    ))
}

pub fn get_item(ts: &mut ThreadState, obj: &Object, key: &Object) -> ObjResult {
    wrap(crate::protocol::subscript::get_item(ts, &obj.0, &key.0))
}

pub fn set_item(ts: &mut ThreadState, obj: &Object, key: Object, value: Object) -> ObjResult<()> {
    wrap_unit(crate::protocol::subscript::set_item(
        ts, &obj.0, key.0, value.0,
    ))
}

pub fn del_item(ts: &mut ThreadState, obj: &Object, key: &Object) -> ObjResult<()> {
    wrap_unit(crate::protocol::subscript::del_item(ts, &obj.0, &key.0))
}

/// `callee(*args, **kwargs)`.
pub fn call(
    ts: &mut ThreadState,
    callee: &Object,
    args: Vec<Object>,
    kwargs: Vec<(String, Object)>,
) -> ObjResult {
    let mut all: Vec<Value> = args.into_iter().map(|o| o.0).collect();
    let mut kwnames = Vec::with_capacity(kwargs.len());
    for (name, value) in kwargs {
        kwnames.push(Value::new_str(name));
        all.push(value.0);
    }
    wrap(crate::protocol::call::call_value(
        ts, &callee.0, &all, &kwnames,
    ))
}

pub fn repr(ts: &mut ThreadState, obj: &Object) -> ObjResult<String> {
    crate::text::repr::repr(ts, &obj.0).map_err(|e| Object(Value::Obj(e)))
}

pub fn str_of(ts: &mut ThreadState, obj: &Object) -> ObjResult<String> {
    crate::text::repr::str_of(ts, &obj.0).map_err(|e| Object(Value::Obj(e)))
}

pub fn eq(ts: &mut ThreadState, a: &Object, b: &Object) -> ObjResult<bool> {
    crate::protocol::ops::eq(ts, &a.0, &b.0).map_err(|e| Object(Value::Obj(e)))
}

pub fn truthy(ts: &mut ThreadState, obj: &Object) -> ObjResult<bool> {
    crate::protocol::ops::truthy(ts, &obj.0).map_err(|e| Object(Value::Obj(e)))
}

/// The name of the value's class (`int`, `list`, a user class's name).
pub fn type_name(ts: &ThreadState, obj: &Object) -> String {
    crate::object::class_of::type_name(ts, &obj.0)
}

/// `import name` (cached in `sys.modules`).
pub fn import(ts: &mut ThreadState, name: &str) -> ObjResult {
    wrap(crate::interp::import::import_module(ts, name))
}

/// The module `name` from `sys.modules`, created empty (with `__builtins__`) if missing.
fn module_namespace(ts: &ThreadState, name: &str) -> (Object, ObjRef) {
    let key = Value::new_str(name);
    if let Some(module) = dict_get(&ts.rt.sys_modules, &key) {
        if let Some(Obj::Module { dict, .. }) = module.obj().map(|o| &**o) {
            return (Object(module.clone()), dict.clone());
        }
    }
    let (module, dict) = crate::objects::module::new_module(name);
    store_dict(
        &dict,
        &Value::new_str("__builtins__"),
        Value::Obj(ts.rt.builtins.clone()),
    );
    store_dict(&ts.rt.sys_modules, &key, module.clone());
    (Object(module), dict)
}

/// Registers `module` in `sys.modules` under `name` (so that scripts can import it).
pub fn add_module(ts: &ThreadState, name: &str, entries: Vec<(String, Object)>) -> Object {
    let (module, dict) = crate::objects::module::new_module(name);
    for (key, value) in entries {
        store_dict(&dict, &Value::new_str(key), value.0);
    }
    store_dict(&ts.rt.sys_modules, &Value::new_str(name), module.clone());
    Object(module)
}

/// Runs a compiled module body in module `name` (created if needed, else its namespace is
/// reused); `source` is kept for traceback lines. Returns the module.
pub fn exec_code(
    ts: &mut ThreadState,
    name: &str,
    code: Arc<CodeObject>,
    source: &str,
) -> ObjResult {
    let (module, globals) = module_namespace(ts, name);
    remember_source(ts, &code, source, &globals);
    wrap_unit(crate::interp::import::run_module_code(ts, code, &globals))?;
    ts.rt.stdout.borrow_mut().flush();
    Ok(module)
}

/// Runs a compiled program as the main script: in module `__main__` (created if needed),
/// with `__file__` set to its file name; `source` is kept for traceback lines.
pub fn exec_main(ts: &mut ThreadState, code: Arc<CodeObject>, source: &str) -> ObjResult<()> {
    let filename = code.filename.to_string();
    let (_, globals) = module_namespace(ts, "__main__");
    store_dict(
        &globals,
        &Value::new_str("__file__"),
        Value::new_str(&filename),
    );
    // As CPython's script `__main__`: no cached bytecode, and `__builtins__` the module
    // (other modules see the dict).
    store_dict(&globals, &Value::new_str("__cached__"), Value::None);
    if let Ok(builtins) = crate::interp::import::import_module(ts, "builtins") {
        store_dict(&globals, &Value::new_str("__builtins__"), builtins);
    }
    ts.rt.sources.borrow_mut().insert(filename, source.into());
    let result = wrap_unit(crate::interp::import::run_module_code(ts, code, &globals));
    ts.rt.stdout.borrow_mut().flush();
    result
}

/// Runs `code` (a module body that assigns its result to `result_name`) with module `name`'s
/// globals and fresh locals; returns that result.
pub fn eval_code(
    ts: &mut ThreadState,
    name: &str,
    code: Arc<CodeObject>,
    source: &str,
    result_name: &str,
) -> ObjResult {
    let (_, globals) = module_namespace(ts, name);
    remember_source(ts, &code, source, &ObjRef::clone(&globals));
    let locals = new_dict_obj();
    let info = CodeInfo::new(code);
    let mut frame = ts.new_frame(&info, &globals, Some(locals.clone()));
    frame
        .cells
        .extend((0..info.ncells()).map(|_| Value::new_cell(Value::Null)));
    wrap(run_frame(ts, frame, None).map(|_| Value::None))?;
    ts.rt.stdout.borrow_mut().flush();
    Ok(Object(
        dict_get(&locals, &Value::new_str(result_name)).unwrap_or(Value::None),
    ))
}

fn remember_source(ts: &ThreadState, code: &CodeObject, source: &str, globals: &ObjRef) {
    let filename = code.filename.to_string();
    let file_key = Value::new_str("__file__");
    if dict_get(globals, &file_key).is_none() && !filename.starts_with('<') {
        store_dict(globals, &file_key, Value::new_str(&filename));
    }
    ts.rt.sources.borrow_mut().insert(filename, source.into());
}

/// A new exception of the built-in class `type_name` (`ValueError`, `KeyError`...) with one
/// argument; `None` if no built-in exception class has that name.
pub fn new_builtin_exception(ts: &ThreadState, type_name: &str, arg: Object) -> Option<Object> {
    let class = dict_get(&ts.rt.builtins, &Value::new_str(type_name))?;
    match class.obj().map(|o| &**o) {
        Some(Obj::Type(t)) if t.is_exception => {
            Some(Object(Value::Obj(new_exception(class.obj()?, vec![arg.0]))))
        }
        _ => None,
    }
}

/// A `RuntimeError` (for failures of the host, such as a panic in a native function).
pub fn runtime_error(ts: &ThreadState, message: &str) -> Object {
    Object(Value::Obj(ts.new_exc(ExcKind::RuntimeError, message)))
}

/// Whether `obj` is an exception instance (something `raise` accepts).
pub fn is_exception(obj: &Object) -> bool {
    matches!(obj.0.obj(), Some(o) if exc_data(o).is_some())
}

/// Whether exception `exc` is an instance of the built-in class named `type_name` or of a
/// subclass of it.
pub fn exception_matches(ts: &ThreadState, exc: &Object, type_name: &str) -> bool {
    let Some(class) = dict_get(&ts.rt.builtins, &Value::new_str(type_name)) else {
        return false;
    };
    let exc_class = crate::object::class_of::class_of(ts, &exc.0);
    class.obj().is_some_and(|c| is_subclass(&exc_class, c))
}

/// An exception's class name, `str(exc)` and the traceback text CPython prints for it.
pub fn exception_report(ts: &mut ThreadState, exc: &Object) -> (String, String, String) {
    let type_name = type_name(ts, exc);
    let message = str_of(ts, exc).unwrap_or_default();
    let traceback = match exc.0.obj() {
        Some(o) => crate::interp::traceback::format_exception(ts, o),
        None => format!("{type_name}: {message}\n"),
    };
    (type_name, message, traceback)
}

/// The process exit status a `SystemExit` asks for; `None` for other exceptions.
pub fn exit_status(ts: &mut ThreadState, exc: &Object) -> Option<i32> {
    let o = exc.0.obj()?;
    ts.exc_matches(o, ExcKind::SystemExit)
        .then(|| crate::stdlib::sys::exit_status(ts, o))
}
