//! Calls: argument binding with CPython's error messages, the eval loop's call path (which
//! hands Python frames back to the loop instead of recursing), and `call_value` for native
//! callers.

use gilvm_compiler::bytecode::CodeFlags;

use crate::interp::eval::{run_frame, FrameExit};
use crate::interp::frame::Frame;
use crate::interp::generator;
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::PyResult;
use crate::object::names::Dunder;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{Args, Function};
use crate::protocol::class;
use crate::protocol::iter;

/// Gives `frame` the cells of `func`: fresh ones for its cellvars, then its closure. Inlined
/// into every call path as two tests; the work is out of line.
#[inline(always)]
fn add_cells(func: &Function, frame: &mut Frame) {
    if func.code.makes_cells || !func.closure.is_empty() {
        fill_cells(func, frame);
    }
}

#[inline(never)]
fn fill_cells(func: &Function, frame: &mut Frame) {
    let cellvars = func.code.code.cellvars.len();
    frame
        .cells
        .extend((0..cellvars).map(|_| Value::new_cell(Value::Null)));
    frame.cells.extend(func.closure.iter().cloned());
}

/// Binds `args` (the last `kwnames.len()` by keyword) to `func`'s parameters.
#[inline(never)]
pub fn bind_frame(
    ts: &mut ThreadState,
    func: &Function,
    args: &[Value],
    kwnames: &[Value],
    namespace: Option<ObjRef>,
) -> PyResult<Box<Frame>> {
    let mut frame = ts.new_frame(&func.code, &func.globals, namespace);
    if let Err(msg) = bind_args(func, args, kwnames, &mut frame.slots) {
        ts.recycle_frame(frame);
        return Err(ts.type_error(format!("{}() {}", func.current_qualname(), msg)));
    }
    add_cells(func, &mut frame);
    Ok(frame)
}

fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The message for required parameters of one `kind` that got no argument, without the
/// function's name: "missing 2 required positional arguments: 'a' and 'b'".
fn missing_arguments(kind: &str, names: &[&str]) -> String {
    let s = if names.len() == 1 { "" } else { "s" };
    format!(
        "missing {} required {kind} argument{s}: {}",
        names.len(),
        name_list(names)
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// CPython's `too_many_positional`, without the function's name: "takes from 1 to 2
/// positional arguments but 3 positional arguments (and 1 keyword-only argument) were given".
fn too_many_positional(argc: usize, ndefaults: usize, given: usize, kwonly_given: usize) -> String {
    let takes = if ndefaults > 0 {
        format!("from {} to {} positional arguments", argc - ndefaults, argc)
    } else {
        plural(argc, "positional argument")
    };
    if kwonly_given == 0 {
        let verb = if given == 1 { "was" } else { "were" };
        return format!("takes {takes} but {given} {verb} given");
    }
    format!(
        "takes {takes} but {} (and {}) were given",
        plural(given, "positional argument"),
        plural(kwonly_given, "keyword-only argument")
    )
}

/// The argument binding proper; `Err` is the message after `name()`.
fn bind_args(
    func: &Function,
    args: &[Value],
    kwnames: &[Value],
    slots: &mut [Value],
) -> Result<(), String> {
    let code = &func.code.code;
    let argc = code.arg_count as usize;
    let kwonly = code.kwonly_arg_count as usize;
    let posonly = code.posonly_arg_count as usize;
    let has_varargs = code.flags.has(CodeFlags::VARARGS);
    let has_varkw = code.flags.has(CodeFlags::VARKEYWORDS);
    let npos = args.len() - kwnames.len();
    let ndefaults = func.defaults.len();

    for (slot, v) in slots.iter_mut().zip(&args[..npos.min(argc)]) {
        *slot = v.clone();
    }
    if has_varargs {
        let extra = if npos > argc {
            args[argc..npos].to_vec()
        } else {
            Vec::new()
        };
        slots[argc + kwonly] = Value::new_tuple(extra);
    }

    let mut kwdict = has_varkw.then(Dict::new);
    let mut posonly_as_kw = Vec::new();
    for (name, value) in kwnames.iter().zip(&args[npos..]) {
        let key = name.as_str().map_or("", |s| s.as_str());
        let found = code.varnames[posonly..argc + kwonly]
            .iter()
            .position(|n| &**n == key);
        match found {
            Some(i) => {
                let slot = &mut slots[posonly + i];
                if !slot.is_null() {
                    return Err(format!("got multiple values for argument '{key}'"));
                }
                *slot = value.clone();
            }
            None => match kwdict.as_mut() {
                Some(d) => d.insert(name.clone(), value.clone()),
                None if code.varnames[..posonly].iter().any(|n| &**n == key) => {
                    posonly_as_kw.push(key.to_string())
                }
                None => return Err(format!("got an unexpected keyword argument '{key}'")),
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(format!(
            "got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        ));
    }
    if let Some(d) = kwdict {
        let at = argc + kwonly + has_varargs as usize;
        slots[at] = Value::new_dict(d);
    }
    if npos > argc && !has_varargs {
        // After the keywords, as CPython: their errors come first, and the message counts
        // the keyword-only arguments they gave.
        let kwonly_given = slots[argc..argc + kwonly].iter().filter(|s| !s.is_null());
        return Err(too_many_positional(
            argc,
            ndefaults,
            npos,
            kwonly_given.count(),
        ));
    }

    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(argc).skip(npos.min(argc)) {
        if slot.is_null() {
            match (i + ndefaults).checked_sub(argc) {
                Some(d) => *slot = func.defaults[d].clone(),
                None => missing.push(&*code.varnames[i]),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments("positional", &missing));
    }
    for (i, slot) in slots.iter_mut().enumerate().take(argc + kwonly).skip(argc) {
        if slot.is_null() {
            let default = func.kwdefaults.as_ref().and_then(|d| match &**d {
                Obj::Dict(d) => d.borrow().get_str(&code.varnames[i]).cloned(),
                _ => None,
            });
            match default {
                Some(v) => *slot = v,
                None => missing.push(&*code.varnames[i]),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments("keyword-only", &missing));
    }
    Ok(())
}

/// The eval loop's `Call(n)` / `CallMethod(n)` with `nargs` positional arguments: the
/// eval-breaker check, the inlined path for plain Python functions, else [`call_from_stack`].
#[inline(always)]
pub fn call_positional(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
) -> PyResult<Option<Box<Frame>>> {
    ts.check_eval_breaker()?;
    match plain_python_frame(ts, f, nargs)? {
        Some(frame) => Ok(Some(frame)),
        None => call_stack_values(ts, f, nargs, &[]),
    }
}

/// A call of a function whose [`CodeInfo::plain_arity`](crate::objects::code::CodeInfo) is
/// `nargs`, or more with defaults for the rest: the arguments move from the caller's stack
/// into the new frame's first locals, no binding. `Ok(None)`, with nothing consumed, for any
/// other callee.
#[inline(always)]
fn plain_python_frame(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
) -> PyResult<Option<Box<Frame>>> {
    let callee_index = f.slots.len() - nargs - 1;
    let Value::Obj(o) = &f.slots[callee_index] else {
        return Ok(None);
    };
    let Obj::Function(func) = &**o else {
        return Ok(None);
    };
    if func.code.plain_arity != Some(nargs) {
        return plain_frame_with_defaults(ts, f, nargs);
    }
    ts.enter()?;
    let nlocals = func.code.nlocals;
    let mut frame = ts.empty_frame(&func.code, &func.globals, None);
    add_cells(func, &mut frame);
    // `nargs == arg_count <= nlocals`: the arguments are the first locals.
    frame.take_args(f, nargs);
    frame.fill_locals(nlocals);
    f.drop_top();
    Ok(Some(frame))
}

/// [`plain_python_frame`] for fewer arguments than parameters, the rest from the defaults.
#[inline(never)]
fn plain_frame_with_defaults(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
) -> PyResult<Option<Box<Frame>>> {
    let callee_index = f.slots.len() - nargs - 1;
    let callee = f.slots[callee_index].clone();
    let Some(Obj::Function(func)) = callee.obj().map(|o| &**o) else {
        return Ok(None);
    };
    if !takes_plainly(func, nargs) {
        return Ok(None);
    }
    ts.enter()?;
    let mut frame = ts.empty_frame(&func.code, &func.globals, None);
    frame.take_args(f, nargs);
    push_defaults(&mut frame, func);
    f.drop_top();
    Ok(Some(frame))
}

/// Whether a call of `func` with `nargs` positional arguments only has to move them into
/// the frame's first locals (and the last defaults after them): see
/// [`CodeInfo::plain_arity`](crate::objects::code::CodeInfo).
#[inline(always)]
fn takes_plainly(func: &Function, nargs: usize) -> bool {
    func.code
        .plain_arity
        .is_some_and(|argc| nargs <= argc && argc - nargs <= func.defaults.len())
}

/// Completes the locals of a frame whose slots hold the positional arguments: the defaults
/// of the parameters not passed, then unbound locals; and its cells.
#[inline(always)]
fn push_defaults(frame: &mut Frame, func: &Function) {
    let argc = func.code.code.arg_count as usize;
    let missing = argc - frame.slots.len();
    frame
        .slots
        .extend_from_slice(&func.defaults[func.defaults.len() - missing..]);
    frame.fill_locals(func.code.nlocals);
    add_cells(func, frame);
}

/// `func(this, *args, **kwargs)` for native callers (a bound method, `__init__`, `__call__`):
/// a plain positional call fills the frame straight from `this` and `args`, without an
/// argument vector or the general binding.
fn call_function_with(
    ts: &mut ThreadState,
    func: &Function,
    this: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    if !(kwnames.is_empty() && takes_plainly(func, args.len() + 1)) {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(this.clone());
        full.extend_from_slice(args);
        return call_function(ts, func, &full, kwnames);
    }
    ts.check_eval_breaker()?;
    let mut frame = ts.empty_frame(&func.code, &func.globals, None);
    frame.slots.push(this.clone());
    frame.slots.extend_from_slice(args);
    push_defaults(&mut frame, func);
    match run_frame(ts, frame, None)? {
        FrameExit::Return(v) | FrameExit::Yield(v, _) => Ok(v),
    }
}

/// The eval loop's call of the callee `nargs + 1` slots below the top. Returns the frame to
/// switch to for a Python function; any other result is pushed onto `f`'s stack.
pub fn call_from_stack(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
    kwnames: &[Value],
) -> PyResult<Option<Box<Frame>>> {
    ts.check_eval_breaker()?;
    call_stack_values(ts, f, nargs, kwnames)
}

/// [`call_from_stack`] after its eval-breaker check.
fn call_stack_values(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
    kwnames: &[Value],
) -> PyResult<Option<Box<Frame>>> {
    let callee_index = f.slots.len() - nargs - 1;
    if kwnames.is_empty() {
        if let Some(result) = plain_native_call(ts, f, callee_index) {
            let result = result?;
            for _ in 0..=nargs {
                f.drop_top();
            }
            f.push(result);
            return Ok(None);
        }
        if nargs == 1 {
            let (callee, arg) = (&f.slots[callee_index], &f.slots[callee_index + 1]);
            if let Some(text) = crate::objects::constructors::plain_str_call(ts, callee, arg) {
                f.slots.truncate(callee_index);
                f.push(text);
                return Ok(None);
            }
        }
    }
    if let Some(frame) = class::init_frame(ts, f, nargs, kwnames)? {
        return Ok(Some(frame));
    }
    let callee = f.slots[callee_index].clone();
    if let Value::Obj(o) = &callee {
        if let Obj::BoundMethod { func, this } = &**o {
            if let Some(Obj::Function(func)) = func.obj().map(|o| &**o) {
                return receiver_frame_from_stack(ts, f, func, this.clone(), nargs, kwnames);
            }
        }
    }
    if let Value::Obj(o) = &callee {
        match &**o {
            Obj::Function(func) => return call_function_from_stack(ts, f, func, nargs, kwnames),
            Obj::Type(t) if t.builtin == TypeId::Super && nargs == 0 && kwnames.is_empty() => {
                let sup = class::zero_arg_super(ts, f)?;
                f.slots.truncate(callee_index);
                f.push(sup);
                return Ok(None);
            }
            Obj::Native(n) if nargs == 0 && kwnames.is_empty() => {
                if let Some(read_frame) = n.reads_frame {
                    let v = read_frame(ts, f);
                    f.slots.truncate(callee_index);
                    f.push(v);
                    return Ok(None);
                }
                if n.caller_scope {
                    let locals = crate::interp::frame_builtins::locals(f);
                    ts.caller_scope = Some((f.globals.clone(), locals));
                }
            }
            Obj::Native(n) if n.this.is_null() && n.caller_scope => {
                let locals = crate::interp::frame_builtins::locals(f);
                ts.caller_scope = Some((f.globals.clone(), locals));
            }
            _ => {}
        }
    }
    let result = call_value(ts, &callee, &f.slots[callee_index + 1..], kwnames);
    ts.caller_scope = None;
    let result = result?;
    f.slots.truncate(callee_index);
    f.push(result);
    Ok(None)
}

/// A builtin called with positional arguments straight off the stack (no clone of the
/// callee, no argument copy); `None` for any other callee, for builtins that need the
/// calling frame, and for an unbound method without a receiver (the general path raises).
#[inline(always)]
fn plain_native_call(ts: &mut ThreadState, f: &Frame, callee_index: usize) -> Option<PyResult> {
    let Value::Obj(o) = &f.slots[callee_index] else {
        return None;
    };
    let Obj::Native(n) = &**o else {
        return None;
    };
    if n.reads_frame.is_some() || n.caller_scope {
        return None;
    }
    let args = &f.slots[callee_index + 1..];
    if n.is_method && n.this.is_null() {
        // An unbound method of a built-in type (`CallMethod` after `LoadMethod`, or
        // `str.upper(s)`): the first argument is the receiver.
        let (this, rest) = args.split_first()?;
        // The general path checks (and unwraps) a receiver that is not a value of the type.
        if n.of_builtin_type
            .is_some_and(|owner| !is_value_of(this, owner))
        {
            return None;
        }
        return Some(ts.nested_native(|ts| (n.f)(ts, this, &Args::new(rest, &[]))));
    }
    Some(ts.nested_native(|ts| (n.f)(ts, &n.this, &Args::new(args, &[]))))
}

/// Whether `v` is a value of built-in type `owner` itself (not of a subclass). The receivers
/// of most method calls (str, list, dict, bytes) are told inline, without the call to
/// [`builtin_type_id`](crate::object::class_of::builtin_type_id) and its match of every type.
#[inline(always)]
fn is_value_of(v: &Value, owner: TypeId) -> bool {
    if let Value::Obj(o) = v {
        match (&**o, owner) {
            (Obj::Str(_), TypeId::Str)
            | (Obj::List(_), TypeId::List)
            | (Obj::Dict(_), TypeId::Dict)
            | (Obj::Bytes(_), TypeId::Bytes) => return true,
            _ => {}
        }
    }
    crate::object::class_of::builtin_type_id(v) == Some(owner)
}

/// The eval loop's call of Python function `func` with receiver `this` (a bound method's,
/// or the new instance for `__init__`) before the `nargs` arguments on top of `f`'s stack:
/// pops the callee and the arguments, and returns the frame to switch to (a generator
/// function's generator is pushed instead). A plain call moves the arguments straight into
/// the frame's locals after the receiver.
pub fn receiver_frame_from_stack(
    ts: &mut ThreadState,
    f: &mut Frame,
    func: &Function,
    this: Value,
    nargs: usize,
    kwnames: &[Value],
) -> PyResult<Option<Box<Frame>>> {
    let callee_index = f.slots.len() - nargs - 1;
    if !(kwnames.is_empty() && takes_plainly(func, nargs + 1)) {
        f.slots.insert(callee_index + 1, this);
        return call_function_from_stack(ts, f, func, nargs + 1, kwnames);
    }
    ts.enter()?;
    let mut frame = ts.empty_frame(&func.code, &func.globals, None);
    // The receiver is the first parameter (`takes_plainly`: there is one).
    frame.push(this);
    frame.take_args(f, nargs);
    push_defaults(&mut frame, func);
    f.drop_top();
    Ok(Some(frame))
}

/// The eval loop's call of Python function `func`, the callee `nargs + 1` slots below the
/// top of `f`'s stack: binds the arguments, pops the callee and them, and returns the frame to
/// switch to (a generator function's generator is pushed instead).
fn call_function_from_stack(
    ts: &mut ThreadState,
    f: &mut Frame,
    func: &Function,
    nargs: usize,
    kwnames: &[Value],
) -> PyResult<Option<Box<Frame>>> {
    let callee_index = f.slots.len() - nargs - 1;
    let code = &func.code;
    let frame = if kwnames.is_empty() && code.simple_args && nargs == code.code.arg_count as usize {
        let mut frame = ts.new_frame(&func.code, &func.globals, None);
        for (slot, arg) in frame
            .slots
            .iter_mut()
            .zip(f.slots.drain(callee_index + 1..))
        {
            *slot = arg;
        }
        add_cells(func, &mut frame);
        frame
    } else {
        bind_frame(ts, func, &f.slots[callee_index + 1..], kwnames, None)?
    };
    f.slots.truncate(callee_index);
    if code.is_generator {
        f.push(generator::new_generator(frame, func));
        return Ok(None);
    }
    ts.enter()?;
    Ok(Some(frame))
}

/// Runs a Python function to completion (native callers).
pub fn call_function(
    ts: &mut ThreadState,
    func: &Function,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    // The eval-breaker check of a call made by native code (CPython checks at every
    // function entry): without it, a builtin calling back a loop-free function —
    // `sorted(xs, key=lambda x: -x)` — would hold the GIL for its whole run, drop request
    // or not.
    ts.check_eval_breaker()?;
    let frame = bind_frame(ts, func, args, kwnames, None)?;
    if func.code.is_generator {
        return Ok(generator::new_generator(frame, func));
    }
    match run_frame(ts, frame, None)? {
        FrameExit::Return(v) => Ok(v),
        FrameExit::Yield(v, _) => Ok(v),
    }
}

/// The receiver a built-in type's method called unbound acts on (`list.append(x, 1)`): the
/// value `this` wraps when it is an instance of a subclass of `owner`, `this` itself when it
/// is a value of `owner` or the method is a class-level one (`int.from_bytes`,
/// `dict.fromkeys` take any first argument), else CPython's `TypeError`: the native method
/// may rely on its receiver's type.
fn descriptor_receiver(
    ts: &ThreadState,
    owner: TypeId,
    name: &str,
    this: &Value,
) -> PyResult<Value> {
    if is_class_level(name) {
        return Ok(this.clone());
    }
    let cls = class_of(ts, this);
    if !crate::object::typeobj::is_subclass(&cls, ts.rt.type_obj(owner)) {
        let (owner, got) = (owner.name(), crate::object::class_of::class_name(&cls));
        return Err(
            ts.type_error(if crate::objects::slot_wrappers::NAMES.contains(&name) {
                format!("descriptor '{name}' requires a '{owner}' object but received a '{got}'")
            } else {
                format!(
                    "descriptor '{name}' for '{owner}' objects doesn't apply to a '{got}' object"
                )
            }),
        );
    }
    // Pickling's defaults act on the instance itself (its class, its __dict__).
    if crate::objects::object::instance_method(name).is_some() {
        return Ok(this.clone());
    }
    Ok(class::builtin_base(this).unwrap_or_else(|| this.clone()))
}

/// Whether the built-in types' method `name` is a class-level one (see below).
pub fn is_class_level(name: &str) -> bool {
    CLASS_LEVEL_METHODS.contains(&name)
}

/// Methods of built-in types that act on the class, not a value (`classmethod`s and
/// `staticmethod`s in CPython).
const CLASS_LEVEL_METHODS: &[&str] = &[
    "fromkeys",
    "from_bytes",
    "fromhex",
    "maketrans",
    "__prepare__",
    "__init_subclass__",
    "__subclasshook__",
    "__new__",
];

/// Calls any callable from native code.
pub fn call_value(
    ts: &mut ThreadState,
    callee: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    if let Value::Obj(o) = callee {
        match &**o {
            Obj::Function(func) => return call_function(ts, func, args, kwnames),
            Obj::Native(n) if n.is_method && n.this.is_null() => {
                let Some((this, rest)) = args.split_first().filter(|_| args.len() > kwnames.len())
                else {
                    let qualname = match n.of_builtin_type {
                        Some(owner) => format!("{}.{}", owner.name(), n.name),
                        None => n.name.to_string(),
                    };
                    return Err(
                        ts.type_error(format!("unbound method {qualname}() needs an argument"))
                    );
                };
                let this = match n.of_builtin_type {
                    Some(owner) => &descriptor_receiver(ts, owner, n.name, this)?,
                    None => this,
                };
                return ts.nested_native(|ts| (n.f)(ts, this, &Args::new(rest, kwnames)));
            }
            Obj::Native(n) => {
                return ts.nested_native(|ts| (n.f)(ts, &n.this, &Args::new(args, kwnames)))
            }
            Obj::BoundMethod { func, this } => {
                return call_with_receiver(ts, func, this, args, kwnames);
            }
            Obj::Type(t) => {
                if let Some(call) = t
                    .metaclass
                    .as_ref()
                    .and_then(|m| class::lookup_special(ts, m, Dunder::Call))
                {
                    return call_with_receiver(ts, &call, callee, args, kwnames);
                }
                return class::call_type(ts, o, args, kwnames);
            }
            Obj::Instance(inst) => {
                if let Some(call) = class::lookup_special(ts, inst.class(), Dunder::Call) {
                    // An instance whose `__call__` is itself recurses here without a frame.
                    return ts
                        .nested_native(|ts| call_with_receiver(ts, &call, callee, args, kwnames));
                }
            }
            _ => {}
        }
    }
    Err(ts.type_error(format!(
        "'{}' object is not callable",
        type_name(ts, callee)
    )))
}

/// `callee(this, *args, **kwargs)`: a Python function's frame is filled straight from
/// `this` and `args` ([`call_function_with`]); any other callee gets an argument vector.
pub fn call_with_receiver(
    ts: &mut ThreadState,
    callee: &Value,
    this: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    if let Some(Obj::Function(func)) = callee.obj().map(|o| &**o) {
        return call_function_with(ts, func, this, args, kwnames);
    }
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(this.clone());
    full.extend_from_slice(args);
    call_value(ts, callee, &full, kwnames)
}

/// `f(*args, **kwargs)`.
pub fn call_ex(
    ts: &mut ThreadState,
    callee: &Value,
    args: &Value,
    kwargs: Option<&Value>,
) -> PyResult {
    let (all, kwnames) = ex_arguments(ts, callee, args, kwargs)?;
    call_value(ts, callee, &all, &kwnames)
}

/// The eval loop's `CallFunctionEx`: `callee(*args, **kwargs)` from the top of `f`'s stack.
/// A Python function (or a method bound to one) gets a frame for the loop to switch to, as
/// for any other call from the loop; any other result is pushed onto `f`'s stack.
pub fn call_ex_from_stack(
    ts: &mut ThreadState,
    f: &mut Frame,
    has_kwargs: bool,
) -> PyResult<Option<Box<Frame>>> {
    let kwargs = has_kwargs.then(|| f.pop());
    let args = f.pop();
    let callee = f.pop();
    let (mut all, kwnames) = ex_arguments(ts, &callee, &args, kwargs.as_ref())?;
    let Some(func) = python_callee(&callee, &mut all) else {
        let r = call_value(ts, &callee, &all, &kwnames)?;
        f.push(r);
        return Ok(None);
    };
    ts.check_eval_breaker()?;
    let frame = bind_frame(ts, func, &all, &kwnames, None)?;
    if func.code.is_generator {
        f.push(generator::new_generator(frame, func));
        return Ok(None);
    }
    ts.enter()?;
    Ok(Some(frame))
}

/// `callee(*args, **kwargs)` as a frame for the caller to run, when `callee` is a Python
/// function (or a method bound to one) that is no generator; `None` (nothing called) for
/// any other callee. A new thread starts this way: its bottom `execute` then runs straight
/// under the thread's own frame, not under the native call path's few hundred bytes of
/// stack, which every idle thread would keep resident.
#[inline(never)]
pub fn call_ex_frame(
    ts: &mut ThreadState,
    callee: &Value,
    args: &Value,
    kwargs: Option<&Value>,
) -> PyResult<Option<Box<Frame>>> {
    let (mut all, kwnames) = ex_arguments(ts, callee, args, kwargs)?;
    match python_callee(callee, &mut all) {
        Some(func) if !func.code.is_generator => {
            ts.check_eval_breaker()?;
            bind_frame(ts, func, &all, &kwnames, None).map(Some)
        }
        _ => Ok(None),
    }
}

/// The Python function `callee` is, or a method bound to one (its receiver then goes in
/// front of `all`).
fn python_callee<'a>(callee: &'a Value, all: &mut Vec<Value>) -> Option<&'a Function> {
    match callee.obj().map(|o| &**o) {
        Some(Obj::Function(func)) => Some(func),
        Some(Obj::BoundMethod { func, this }) => match func.obj().map(|o| &**o) {
            Some(Obj::Function(func)) => {
                all.insert(0, this.clone());
                Some(func)
            }
            _ => None,
        },
        _ => None,
    }
}

/// The arguments of `callee(*args, **kwargs)` as a call's values (positional, then keyword)
/// and keyword names, with CPython's error for an `args` that is not iterable.
#[inline(never)]
fn ex_arguments(
    ts: &mut ThreadState,
    callee: &Value,
    args: &Value,
    kwargs: Option<&Value>,
) -> PyResult<(Vec<Value>, Vec<Value>)> {
    let mut all = match args.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) => items.to_vec(),
        _ => iter::collect(ts, args).map_err(|e| {
            if ts.exc_matches(&e, crate::object::error::ExcKind::TypeError)
                && iter::get_iter(ts, args).is_err()
            {
                let callee = function_str(ts, callee);
                let kind = type_name(ts, args);
                ts.type_error(format!(
                    "{callee} argument after * must be an iterable, not {kind}"
                ))
            } else {
                e
            }
        })?,
    };
    let mut kwnames = Vec::new();
    if let Some(Value::Obj(o)) = kwargs {
        if let Obj::Dict(d) = &**o {
            let d = d.borrow();
            kwnames.reserve(d.len());
            all.reserve(d.len());
            for (k, v) in d.iter() {
                kwnames.push(k.clone());
                all.push(v.clone());
            }
        }
    }
    Ok((all, kwnames))
}

/// The eval loop's `CallKw(n)`: the keyword names are the tuple `kwnames` (popped), bound
/// straight from it.
pub fn call_kw_from_stack(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
    kwnames: &Value,
) -> PyResult<Option<Box<Frame>>> {
    let names: &[Value] = match kwnames.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) => items,
        _ => &[],
    };
    call_from_stack(ts, f, nargs, names)
}

/// The callable as CPython names it in argument errors (`_PyObject_FunctionStr`):
/// `print()`, `__main__.collect()`, `__main__.A()`, `str.upper()`.
pub fn function_str(ts: &mut ThreadState, callee: &Value) -> String {
    let Value::Obj(o) = callee else {
        return crate::text::repr::str_of(ts, callee).unwrap_or_default();
    };
    match &**o {
        Obj::Function(func) => {
            let module = match &*func.globals {
                Obj::Dict(d) => d
                    .borrow()
                    .get_str("__name__")
                    .and_then(|m| m.as_str().map(|m| m.as_str().to_string())),
                _ => None,
            };
            match module {
                Some(m) if m != "builtins" => format!("{m}.{}()", func.current_qualname()),
                _ => format!("{}()", func.current_qualname()),
            }
        }
        Obj::BoundMethod { func, .. } => function_str(ts, &func.clone()),
        Obj::Native(n) if n.this.is_null() => format!("{}()", n.name),
        Obj::Native(n) => format!("{}.{}()", type_name(ts, &n.this), n.name),
        Obj::Type(t) if class::is_user_class(t) => format!("{}.{}()", t.module, t.name),
        Obj::Type(t) => format!("{}()", t.name),
        _ => crate::text::repr::str_of(ts, callee).unwrap_or_default(),
    }
}

/// `**` merge errors raised while building a call's keyword dict ("got multiple values for
/// keyword argument 'a'", "argument after ** must be a mapping, not int") name the callee in
/// CPython; other errors (from a mapping's own `keys()`...) pass through unchanged.
#[inline(never)]
pub fn name_kwargs_error(ts: &mut ThreadState, callee: &Value, exc: ObjRef) -> ObjRef {
    let message = crate::object::error::exc_data(&exc).and_then(|d| {
        d.borrow()
            .args
            .first()
            .and_then(|m| m.as_str().map(|m| m.as_str().to_string()))
    });
    match message {
        Some(m)
            if ts.exc_matches(&exc, crate::object::error::ExcKind::TypeError)
                && (m.starts_with("got multiple values for keyword argument")
                    || m.starts_with("argument after ** must be a mapping")) =>
        {
            let callee = function_str(ts, callee);
            ts.type_error(format!("{callee} {m}"))
        }
        _ => exc,
    }
}
