//! Python functions (code + globals + defaults + closure) and native functions.

use std::rc::Rc;

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;

pub struct Function {
    pub code: Rc<CodeInfo>,
    /// The code object `code` came in (the constant `MakeFunction` took): `f.__code__`, the
    /// same object each time and the one in the enclosing code's `co_consts`.
    pub code_object: ObjRef,
    /// Attributes set on the function object (`f.calls = 0`, `wrapper.__name__ = ...`).
    pub attrs: std::cell::RefCell<crate::objects::dict::Dict>,
    pub globals: ObjRef,
    /// The `__qualname__` it was defined with: the str object `MakeFunction` took, shared
    /// (with the generators it makes, too) rather than copied.
    pub qualname: Value,
    pub defaults: Vec<Value>,
    /// Keyword-only defaults (a dict), if any.
    pub kwdefaults: Option<ObjRef>,
    pub closure: Vec<ObjRef>,
}

impl Function {
    pub fn name(&self) -> &str {
        &self.code.code.name
    }

    /// The `__qualname__` it was defined with.
    pub fn qualname(&self) -> &str {
        self.qualname.as_str().map_or("", |s| s.as_str())
    }

    /// The `__qualname__`: one assigned to the function (`functools.wraps`, dataclasses),
    /// else the one it was defined with.
    pub fn current_qualname(&self) -> String {
        match self
            .attrs
            .borrow()
            .get_str("__qualname__")
            .and_then(|v| v.as_str())
        {
            Some(s) => s.as_str().to_string(),
            None => self.qualname().to_string(),
        }
    }
}

/// Arguments as a native function sees them.
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kwnames: &'a [Value],
    pub kwvals: &'a [Value],
}

impl<'a> Args<'a> {
    /// Splits a call's arguments: the last `kwnames.len()` are the keyword ones.
    pub fn new(args: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        let split = args.len() - kwnames.len().min(args.len());
        Args {
            pos: &args[..split],
            kwnames,
            kwvals: &args[split..],
        }
    }
    /// The keyword argument `name`, if passed.
    pub fn kw(&self, name: &str) -> Option<&Value> {
        self.kwnames
            .iter()
            .position(|k| k.as_str().is_some_and(|s| s.as_str() == name))
            .map(|i| &self.kwvals[i])
    }
}

pub type NativeFn = fn(&mut ThreadState, &Value, &Args) -> PyResult;

pub struct NativeFunction {
    pub name: &'static str,
    pub f: NativeFn,
    /// The bound receiver of a method, `Null` for a plain builtin.
    pub this: Value,
    /// A method of a built-in type: called unbound (`str.upper(s)`), the first argument is
    /// the receiver.
    pub is_method: bool,
    /// Set for builtins that read the caller's frame (`globals()`, `locals()`): a direct call
    /// without arguments is answered by this from the calling frame, not by `f`.
    pub reads_frame: Option<FrameFn>,
    /// Set for builtins that read the caller's scope (`eval`, `exec`, `dir`, `vars`): a call
    /// from Python code hands them the calling frame's globals and locals in
    /// `ThreadState::caller_scope`.
    pub caller_scope: bool,
    /// The built-in type whose dict holds this method (installed at start-up by
    /// `method_tables::type_dict`): the dunder dispatch of user classes passes it by, the
    /// native operation standing for it; it binds to the built-in value an instance wraps;
    /// called unbound, its receiver must be an instance of that type.
    pub of_builtin_type: Option<crate::object::typeobj::TypeId>,
}

/// The frame-reading implementation of a builtin like `globals()` (see
/// [`NativeFunction::reads_frame`]).
pub type FrameFn =
    fn(&crate::interp::thread_state::ThreadState, &crate::interp::frame::Frame) -> Value;

/// A method of a built-in type as a Python value: it binds to instances, and called unbound
/// its first argument is the receiver (`Exception.__init__(self, msg)`).
pub fn method_value(name: &'static str, f: NativeFn) -> Value {
    Value::Obj(ObjRef::new(Obj::Native(NativeFunction {
        name,
        f,
        this: Value::Null,
        is_method: true,
        reads_frame: None,
        caller_scope: false,
        of_builtin_type: None,
    })))
}

/// A method of a built-in type for its dict (see [`NativeFunction::of_builtin_type`]).
pub fn builtin_type_method(
    owner: crate::object::typeobj::TypeId,
    name: &'static str,
    f: NativeFn,
) -> Value {
    Value::Obj(ObjRef::new(Obj::Native(NativeFunction {
        name,
        f,
        this: Value::Null,
        is_method: true,
        reads_frame: None,
        caller_scope: false,
        of_builtin_type: Some(owner),
    })))
}

/// A native function as a Python value (`this` is the bound receiver, or `Null`).
pub fn native_value(name: &'static str, f: NativeFn, this: Value) -> Value {
    Value::Obj(ObjRef::new(Obj::Native(NativeFunction {
        name,
        f,
        this,
        is_method: false,
        reads_frame: None,
        caller_scope: false,
        of_builtin_type: None,
    })))
}
