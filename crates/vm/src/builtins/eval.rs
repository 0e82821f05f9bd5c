//! `eval`, `exec`, `compile`, `dir`, `vars` and `breakpoint`: the built-ins that compile code
//! at run time or read the caller's scope.
//!
//! The caller's scope (its globals, and its locals: the namespace of a module or class body, a
//! snapshot of a function's variables) is handed over by the call path in
//! `ThreadState::caller_scope` when one of these is called directly from Python code; reached
//! any other way (`map(eval, ...)`), they fall back to `__main__`'s namespace.

use std::sync::Arc;

use gilvm_compiler::bytecode::{CodeFlags, CodeObject};
use gilvm_compiler::Mode;

use crate::interp::exceptions::syntax_error;
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;
use crate::objects::dict::{dict_get, store_dict, Dict};
use crate::objects::function::{Args, Function, NativeFn};
use crate::protocol::{attr, call::call_value, iter};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("compile", compile), ("breakpoint", breakpoint)];

/// The built-ins that want the caller's scope (see the module docs): installed with
/// `NativeFunction::caller_scope` set.
pub const SCOPED_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("eval", eval),
    ("exec", exec),
    ("dir", dir),
    ("vars", crate::builtins::functions::vars),
];

/// The caller's `(globals, locals)`: from the call path, else `__main__`'s namespace.
pub fn caller_scope(ts: &mut ThreadState) -> (ObjRef, Value) {
    if let Some(scope) = ts.caller_scope.take() {
        return scope;
    }
    let main = dict_get(&ts.rt.sys_modules, &Value::new_str("__main__"));
    let globals = match main.as_ref().and_then(|m| m.obj()).map(|o| &**o) {
        Some(Obj::Module { dict, .. }) => dict.clone(),
        _ => crate::objects::dict::new_dict_obj(),
    };
    (globals.clone(), Value::Obj(globals))
}

/// The text of a source argument: `str`, or `bytes` decoded as UTF-8.
fn source_text(ts: &ThreadState, v: &Value, who: &str, what: &str) -> PyResult<Option<String>> {
    let text = if let Some(s) = v.as_str() {
        // The source is encoded to UTF-8 first, which refuses a lone surrogate.
        if s.has_surrogates() {
            crate::text::codecs::encode(ts, v, s, "utf-8", "strict")?;
        }
        s.as_str().to_string()
    } else if let Some(b) = crate::objects::bytes::methods::bytes_data(v) {
        String::from_utf8(b.to_vec()).map_err(|e| {
            ts.new_exc(
                ExcKind::SyntaxError,
                format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b[e.utf8_error().valid_up_to()],
                    e.utf8_error().valid_up_to()
                ),
            )
        })?
    } else if matches!(v.obj().map(|o| &**o), Some(Obj::Code(_))) {
        return Ok(None);
    } else {
        return Err(ts.type_error(format!("{who}() arg 1 must be a {what} object")));
    };
    if text.contains('\0') {
        return Err(ts.new_exc(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    Ok(Some(text))
}

fn compile_text(
    ts: &ThreadState,
    text: &str,
    filename: &str,
    mode: Mode,
) -> PyResult<Arc<CodeObject>> {
    gilvm_compiler::compile_source_mode(text, filename, mode)
        .map_err(|e| syntax_error(ts, &e, filename, text, mode))
}

/// Checks and completes the `globals`/`locals` arguments of `eval`/`exec`: the globals dict
/// the code stores its globals in, and the namespace its names are looked up in (any mapping;
/// a dict subclass given as globals is that namespace too when no locals are given, so its
/// `__getitem__`/`__missing__` answer, as in CPython's `LOAD_NAME`).
fn scope_args(ts: &mut ThreadState, who: &str, a: &[Value]) -> PyResult<(ObjRef, Value)> {
    let globals_arg = a.get(1).filter(|v| !v.is_none());
    let locals = a.get(2).filter(|v| !v.is_none()).cloned();
    let Some(globals_arg) = globals_arg else {
        let (g, l) = caller_scope(ts);
        let locals = locals.unwrap_or(l);
        check_locals(ts, who, &locals)?;
        return Ok((g, locals));
    };
    ts.caller_scope = None;
    let Some(globals) = crate::protocol::class::dict_storage(globals_arg) else {
        let msg = if who == "exec" {
            format!(
                "exec() globals must be a dict, not {}",
                type_name(ts, globals_arg)
            )
        } else if is_mapping(ts, globals_arg) {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        } else {
            "globals must be a dict".to_string()
        };
        return Err(ts.type_error(msg));
    };
    if dict_get(&globals, &Value::new_str("__builtins__")).is_none() {
        store_dict(
            &globals,
            &Value::new_str("__builtins__"),
            Value::Obj(ts.rt.builtins.clone()),
        );
    }
    let locals = locals.unwrap_or_else(|| globals_arg.clone());
    check_locals(ts, who, &locals)?;
    Ok((globals, locals))
}

fn check_locals(ts: &mut ThreadState, who: &str, v: &Value) -> PyResult<()> {
    if matches!(v, Value::Obj(_)) && is_mapping(ts, v) {
        return Ok(());
    }
    let msg = if who == "exec" {
        format!("locals must be a mapping or None, not {}", type_name(ts, v))
    } else {
        "locals must be a mapping".to_string()
    };
    Err(ts.type_error(msg))
}

/// Runs module-level code with `globals` and the namespace `locals`; returns its value.
pub fn run_code(
    ts: &mut ThreadState,
    info: &std::rc::Rc<CodeInfo>,
    globals: &ObjRef,
    locals: &Value,
) -> PyResult {
    let locals = locals.obj().cloned().expect("a namespace is an object");
    let mut frame = ts.new_frame(info, globals, Some(locals));
    frame
        .cells
        .extend((0..info.ncells()).map(|_| Value::new_cell(Value::Null)));
    match crate::interp::eval::run_frame(ts, frame, None)? {
        crate::interp::eval::FrameExit::Return(v) => Ok(v),
        crate::interp::eval::FrameExit::Yield(v, _) => Ok(v),
    }
}

/// Whether a code object has parameters or free variables (a function's `__code__`): the
/// eval loop reads its parameters without an unbound check, so it cannot run on an empty frame.
fn takes_arguments(info: &CodeInfo) -> bool {
    let code = &info.code;
    let star = CodeFlags::VARARGS | CodeFlags::VARKEYWORDS;
    code.arg_count + code.kwonly_arg_count > 0
        || code.flags.0 & star != 0
        || !code.freevars.is_empty()
}

/// `eval`/`exec` of a function's code, as CPython's `PyEval_EvalCode`: free variables are
/// refused, and the parameters are bound as by a call without arguments (`f() missing 1
/// required positional argument: 'x'`; `*args` and `**kwargs` empty).
fn run_function_code(
    ts: &mut ThreadState,
    who: &str,
    code_object: &ObjRef,
    info: &std::rc::Rc<CodeInfo>,
    globals: &ObjRef,
) -> PyResult {
    let free = info.code.freevars.len();
    if free > 0 {
        return Err(ts.type_error(match who {
            "exec" => format!("code object requires a closure of exactly length {free}"),
            _ => format!("code object passed to {who}() may not contain free variables"),
        }));
    }
    let function = Value::Obj(ObjRef::new(Obj::Function(Box::new(Function {
        code: info.clone(),
        code_object: code_object.clone(),
        attrs: std::cell::RefCell::new(Dict::new()),
        globals: globals.clone(),
        qualname: Value::new_str(&*info.code.qualname),
        defaults: Vec::new(),
        kwdefaults: None,
        closure: Vec::new(),
    }))));
    call_value(ts, &function, &[], &[])
}

fn code_of(v: &Value) -> Option<std::rc::Rc<CodeInfo>> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Code(info)) => Some(info.clone()),
        _ => None,
    }
}

fn eval_or_exec(ts: &mut ThreadState, args: &Args, who: &str, mode: Mode) -> PyResult {
    let a = match crate::object::args::positional(ts, who, args, 1, 3) {
        Ok(a) => a,
        Err(e) => {
            ts.caller_scope = None;
            return Err(e);
        }
    };
    let text = match source_text(ts, &a[0], who, "string, bytes or code") {
        Ok(t) => t,
        Err(e) => {
            ts.caller_scope = None;
            return Err(e);
        }
    };
    let (globals, locals) = scope_args(ts, who, a)?;
    let info = match text {
        None => code_of(&a[0]).expect("a code object"),
        Some(text) => CodeInfo::new(compile_text(ts, &text, "<string>", mode)?),
    };
    let v = match a[0].obj().filter(|_| takes_arguments(&info)) {
        Some(code_object) => run_function_code(ts, who, code_object, &info, &globals)?,
        None => run_code(ts, &info, &globals, &locals)?,
    };
    Ok(if mode == Mode::Exec { Value::None } else { v })
}

/// `eval(source, globals=None, locals=None, /)`.
fn eval(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    eval_or_exec(ts, args, "eval", Mode::Eval)
}

/// `exec(source, globals=None, locals=None, /)`.
fn exec(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    eval_or_exec(ts, args, "exec", Mode::Exec)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    const NAMES: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let mut slots: [Option<Value>; 6] = Default::default();
    if args.pos.len() > 6 {
        return Err(ts.type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            args.pos.len() + args.kwnames.len()
        )));
    }
    for (i, v) in args.pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let name = k.as_str().map_or("", |s| s.as_str());
        match NAMES.iter().position(|n| *n == name) {
            Some(i) if slots[i].is_some() => {
                return Err(ts.type_error(format!(
                    "argument for compile() given by name ('{name}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(v.clone()),
            None if name == "_feature_version" => {}
            None => {
                return Err(ts.type_error(format!(
                    "compile() got an unexpected keyword argument '{name}'"
                )))
            }
        }
    }
    for (i, name) in NAMES.iter().enumerate().take(3) {
        if slots[i].is_none() {
            return Err(ts.type_error(format!(
                "compile() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let filename = match &slots[1] {
        Some(v) => match v.as_str() {
            Some(s) => s.as_str().to_string(),
            None => match crate::objects::bytes::methods::bytes_data(v) {
                Some(b) => String::from_utf8_lossy(&b).into_owned(),
                None => {
                    return Err(ts.type_error(format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        type_name(ts, v)
                    )))
                }
            },
        },
        None => unreachable!("checked above"),
    };
    let mode_value = slots[2].clone().unwrap_or(Value::None);
    let Some(mode_name) = mode_value.as_str() else {
        return Err(ts.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            type_name(ts, &mode_value)
        )));
    };
    let mode = match mode_name.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return Err(ts.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let flags = match &slots[3] {
        None => 0,
        Some(Value::Int(f)) => *f,
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => {
            return Err(ts.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(ts, other)
            )))
        }
    };
    let source = slots[0].clone().unwrap_or(Value::None);
    if code_of(&source).is_some() {
        return Err(ts.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let only_ast = flags & crate::stdlib::ast::ONLY_AST != 0;
    let code = if crate::stdlib::ast::is_node(ts, &source)? {
        if only_ast {
            return Ok(source);
        }
        crate::stdlib::ast::compile_tree(ts, &source, &filename, mode)?
    } else {
        let text = source_text(ts, &source, "compile", "string, bytes or AST")?
            .expect("not a code object");
        if only_ast {
            return crate::stdlib::ast::parse(ts, &text, &filename, mode);
        }
        compile_text(ts, &text, &filename, mode)?
    };
    Ok(Value::Obj(ObjRef::new(Obj::Code(CodeInfo::new(code)))))
}

/// `breakpoint()`: there is no debugger.
fn breakpoint(ts: &mut ThreadState, _this: &Value, _args: &Args) -> PyResult {
    Err(ts.new_exc(
        ExcKind::NotImplementedError,
        "breakpoint() is not supported: gilvm has no debugger (pdb)",
    ))
}

/// `dir()` / `dir(obj)`: the sorted names of the caller's scope, or of `obj`'s attributes
/// (its `__dir__`, or for a class its namespace and its bases', for an instance also its
/// class's, for a module its namespace).
fn dir(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let scope = ts.caller_scope.take();
    let a = crate::object::args::positional(ts, "dir", args, 0, 1)?;
    let names: Vec<Value> = match a.first() {
        None => {
            let locals = match scope {
                Some((_, l)) => l,
                None => {
                    let (_, l) = caller_scope(ts);
                    l
                }
            };
            mapping_keys(ts, &locals)?
        }
        Some(obj) => {
            let method = attr::get_attr(ts, obj, &Value::new_str("__dir__"));
            match method {
                Ok(m) if !matches!(m.obj().map(|o| &**o), Some(Obj::Native(_))) => {
                    let r = call_value(ts, &m, &[], &[])?;
                    iter::collect(ts, &r)?
                }
                _ => default_dir(ts, obj)?,
            }
        }
    };
    let list = Value::new_list(names);
    if let Some(Obj::List(l)) = list.obj().map(|o| &**o) {
        let mut items = l.borrow().clone();
        crate::objects::list::sort::sort_values(ts, &mut items, &Value::None, false)?;
        *l.borrow_mut() = items;
    }
    Ok(list)
}

/// CPython's `PyMapping_Keys`: a dict's keys, else what the mapping's `keys()` yields.
fn mapping_keys(ts: &mut ThreadState, mapping: &Value) -> PyResult<Vec<Value>> {
    if matches!(mapping.obj().map(|o| &**o), Some(Obj::Dict(_))) {
        return iter::collect(ts, mapping);
    }
    let keys = attr::get_attr(ts, mapping, &Value::new_str("keys"))?;
    let keys = call_value(ts, &keys, &[], &[])?;
    iter::collect(ts, &keys)
}

/// Adds the keys of the dict `d` to `out`.
fn add_keys(out: &mut Dict, d: &ObjRef) {
    if let Obj::Dict(d) = &**d {
        for k in d.borrow().keys() {
            out.insert(k.clone(), Value::None);
        }
    }
}

/// `object.__dir__` and `type.__dir__`.
fn default_dir(ts: &mut ThreadState, obj: &Value) -> PyResult<Vec<Value>> {
    let mut names = Dict::new();
    if let Some(Obj::Module { dict, .. }) = obj.obj().map(|o| &**o) {
        add_keys(&mut names, dict);
        return Ok(names.keys().cloned().collect());
    }
    let is_class = matches!(obj.obj().map(|o| &**o), Some(Obj::Type(_)));
    if !is_class {
        if let Some(inst) = obj.as_instance() {
            for name in inst.attr_names() {
                names.insert(name, Value::None);
            }
        } else if let Ok(Value::Obj(d)) = attr::get_attr(ts, obj, &Value::new_str("__dict__")) {
            add_keys(&mut names, &d);
        }
    }
    let class = if is_class {
        obj.obj().cloned().expect("a class")
    } else {
        class_of(ts, obj)
    };
    let mro = attr::get_attr(ts, &Value::Obj(class), &Value::new_str("__mro__"))?;
    for c in iter::collect(ts, &mro)? {
        if let Some(Obj::Type(t)) = c.obj().map(|o| &**o) {
            for k in t.dict().keys() {
                names.insert(k.clone(), Value::None);
            }
        }
    }
    Ok(names.keys().cloned().collect())
}

/// CPython's `PyMapping_Check`: the type supports `[]` (lists and strings do too).
fn is_mapping(ts: &mut ThreadState, v: &Value) -> bool {
    match v.obj().map(|o| &**o) {
        Some(Obj::Dict(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_)) => true,
        Some(Obj::ByteArray(_) | Obj::Range { .. }) => true,
        Some(Obj::Instance(_)) => attr::get_attr(ts, v, &Value::new_str("__getitem__")).is_ok(),
        _ => false,
    }
}
