//! User classes: `__build_class__`, instantiation, `super()`, and dunder-method dispatch for
//! operators.

use std::cell::RefCell;

use gilvm_compiler::bytecode::{BinaryOperator as B, Comparison};

use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::{ExcData, Instance, TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{native_value, Args};
use crate::protocol::call::{call_value, call_with_receiver, receiver_frame_from_stack};

/// Looks a special method up on a class (never on the instance).
pub fn lookup_special(ts: &ThreadState, cls: &Obj, name: Dunder) -> Option<Value> {
    match cls {
        // A built-in type's method found in the MRO under its own name is no override: the
        // native operation stands for it. Under another name (`C.__repr__ = C.__str__`) it is
        // one, called like any other.
        Obj::Type(t) => t
            .lookup(ts.rt.names.get(name))
            .filter(|m| !is_builtin_method_named(m, name))
            .map(|m| receiver_first(m, name)),
        _ => None,
    }
}

/// A special method as its callers call it: with the receiver as the first argument. A
/// function or a built-in type's method takes it so; anything else (`__call__ = an_instance`,
/// `__call__ = len`, a class method) does not: as CPython does, the call binds it through its
/// `__get__`, if it has one, and passes the rest of the arguments to the result.
fn receiver_first(m: Value, name: Dunder) -> Value {
    // `__new__` is called with the class explicitly.
    if name == Dunder::New {
        return m;
    }
    let takes_receiver = match m.obj().map(|o| &**o) {
        Some(Obj::Function(_)) => true,
        Some(Obj::Native(n)) => {
            n.is_method && (n.this.is_null() || crate::embed::is_host_method(n))
        }
        // `None` marks a blocked method (`__hash__ = None`): tested, not called.
        _ => m.is_none(),
    };
    if takes_receiver {
        return m;
    }
    native_value(name.name(), call_bound_special, m)
}

/// Calls the special method `attr` for the receiver in `args.pos[0]`, bound to it first.
fn call_bound_special(ts: &mut ThreadState, attr: &Value, args: &Args) -> PyResult {
    let Some((receiver, rest)) = args.pos.split_first() else {
        return Err(ts.type_error("a special method needs its receiver"));
    };
    let bound = crate::protocol::attr::bind_to_instance(ts, attr, receiver)?;
    let mut all = rest.to_vec();
    all.extend_from_slice(args.kwvals);
    call_value(ts, &bound, &all, args.kwnames)
}

/// Whether `m` is a built-in type's method installed in a type's dict as `name` itself.
pub fn is_builtin_method_named(m: &Value, name: Dunder) -> bool {
    match m.obj().map(|o| &**o) {
        Some(Obj::Native(n)) => n.of_builtin_type.is_some() && n.name == name.name(),
        _ => false,
    }
}

/// A special method a class's metaclass defines (`len(EnumClass)`), for a class value.
pub fn meta_special(ts: &ThreadState, v: &Value, name: Dunder) -> Option<Value> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Type(t)) => lookup_special(ts, t.metaclass.as_ref()?, name),
        _ => None,
    }
}

/// The `types` module's `name` (`GenericAlias`, `UnionType`): the classes behind `list[int]`
/// and `int | None`, written in Python.
fn types_attr(ts: &mut ThreadState, name: &str) -> PyResult {
    let module = crate::interp::import::import_module(ts, "types")?;
    crate::protocol::attr::get_attr(ts, &module, &Value::new_str(name))
}

/// `cls[item]`: the metaclass's `__getitem__`, the class's `__class_getitem__`, or a
/// `types.GenericAlias` for the generic built-in types.
pub fn class_subscript(ts: &mut ThreadState, cls: &Value, item: &Value) -> PyResult {
    if let Some(m) = meta_special(ts, cls, Dunder::GetItem) {
        return call_value(ts, &m, &[cls.clone(), item.clone()], &[]);
    }
    let Some(Obj::Type(t)) = cls.obj().map(|o| &**o) else {
        return Err(ts.type_error("not a type"));
    };
    if let Some(hook) = t.lookup(ts.rt.names.get(Dunder::ClassGetItem)) {
        let hook = match hook.obj().map(|o| &**o) {
            Some(Obj::ClassMethod(f)) => f.clone(),
            _ => hook,
        };
        return call_value(ts, &hook, &[cls.clone(), item.clone()], &[]);
    }
    let generic = matches!(
        t.builtin,
        TypeId::List
            | TypeId::Dict
            | TypeId::Tuple
            | TypeId::Set
            | TypeId::FrozenSet
            | TypeId::Type
            | TypeId::DictKeys
            | TypeId::DictValues
            | TypeId::DictItems
    );
    if generic && !is_user_class(t) {
        let alias = types_attr(ts, "GenericAlias")?;
        return call_value(ts, &alias, &[cls.clone(), item.clone()], &[]);
    }
    Err(ts.type_error(format!("type '{}' is not subscriptable", t.name)))
}

/// `a | b` where one side is a class and the other a class or `None`: `types.UnionType`.
pub fn type_union(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let is_type = |v: &Value| matches!(v.obj().map(|o| &**o), Some(Obj::Type(_)));
    let operand = |v: &Value| is_type(v) || v.is_none();
    if !(operand(a) && operand(b) && (is_type(a) || is_type(b))) {
        return Ok(None);
    }
    let union = types_attr(ts, "UnionType")?;
    call_value(ts, &union, &[a.clone(), b.clone()], &[]).map(Some)
}

/// `v`'s special method `name`: its class's, or for a class value its metaclass's
/// (`c_int * 3` runs ctypes' metaclass `__mul__`).
fn instance_method(ts: &ThreadState, v: &Value, name: Dunder) -> Option<Value> {
    v.as_instance()
        .and_then(|inst| lookup_special(ts, inst.class(), name))
        .or_else(|| meta_special(ts, v, name))
}

fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, Obj::NotImplemented))
}

fn dunder_names(op: B) -> (Dunder, Dunder, Dunder) {
    match op {
        B::Add => (Dunder::Add, Dunder::RAdd, Dunder::IAdd),
        B::Subtract => (Dunder::Sub, Dunder::RSub, Dunder::ISub),
        B::Multiply => (Dunder::Mul, Dunder::RMul, Dunder::IMul),
        B::MatrixMultiply => (Dunder::MatMul, Dunder::RMatMul, Dunder::IMatMul),
        B::TrueDivide => (Dunder::TrueDiv, Dunder::RTrueDiv, Dunder::ITrueDiv),
        B::FloorDivide => (Dunder::FloorDiv, Dunder::RFloorDiv, Dunder::IFloorDiv),
        B::Remainder => (Dunder::Mod, Dunder::RMod, Dunder::IMod),
        B::Power => (Dunder::Pow, Dunder::RPow, Dunder::IPow),
        B::LeftShift => (Dunder::LShift, Dunder::RLShift, Dunder::ILShift),
        B::RightShift => (Dunder::RShift, Dunder::RRShift, Dunder::IRShift),
        B::And => (Dunder::And, Dunder::RAnd, Dunder::IAnd),
        B::Or => (Dunder::Or, Dunder::ROr, Dunder::IOr),
        B::Xor => (Dunder::Xor, Dunder::RXor, Dunder::IXor),
    }
}

/// Calls `a.name(b)`, giving `None` when absent or `NotImplemented`.
fn try_dunder(ts: &mut ThreadState, a: &Value, name: Dunder, b: &Value) -> PyResult<Option<Value>> {
    let Some(m) = instance_method(ts, a, name) else {
        return Ok(None);
    };
    let r = call_value(ts, &m, &[a.clone(), b.clone()], &[])?;
    Ok((!is_not_implemented(&r)).then_some(r))
}

pub fn binary_dunder(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (forward, reflected, _) = dunder_names(op);
    // A subclass's reflected method takes priority over its base's forward one.
    if let (Some(x), Some(y)) = (a.as_instance(), b.as_instance()) {
        let b_is_proper_subclass = !std::ptr::eq(x.class(), y.class())
            && crate::object::typeobj::is_subclass(y.class(), x.class());
        if b_is_proper_subclass {
            if let Some(r) = try_dunder(ts, b, reflected, a)? {
                return Ok(Some(r));
            }
        }
    }
    if let Some(r) = try_dunder(ts, a, forward, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = builtin_before_reflected(ts, op, a, b)? {
        return Ok(Some(r));
    }
    if subclasses_builtin_operand(ts, a, b) {
        // Its reflected method already answered NotImplemented, before `a`'s operation.
        return Ok(None);
    }
    try_dunder(ts, b, reflected, a)
}

/// `a op b` for a built-in `a` and an instance `b` of a subclass of `a`'s type that overrides
/// the reflected method (`"%s" % StrSub()`): `b`'s method goes first, before `a`'s own
/// operation, as CPython's `binary_op1` calls the subtype's slot first.
pub fn subclass_reflected_first(
    ts: &mut ThreadState,
    op: B,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    if !subclasses_builtin_operand(ts, a, b) {
        return Ok(None);
    }
    try_dunder(ts, b, dunder_names(op).1, a)
}

/// Whether `b` is an instance of a class derived from the type of the built-in `a`: then `b`'s
/// reflected method is tried first ([`subclass_reflected_first`]), and only once.
fn subclasses_builtin_operand(ts: &ThreadState, a: &Value, b: &Value) -> bool {
    match b.as_instance().filter(|_| a.as_instance().is_none()) {
        Some(inst) => crate::object::typeobj::is_subclass(inst.class(), &class_of(ts, a)),
        None => false,
    }
}

/// `a op b` for a number `a` and an instance `b` of a subclass of another numeric type
/// (`1.5 + IntSubclass(2)`): `a`'s own operation on `b`'s value comes before `b`'s reflected
/// method, which goes first only when `b`'s class derives from `a`'s type.
fn builtin_before_reflected(
    ts: &mut ThreadState,
    op: B,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    if b.as_instance().is_none() || a.as_instance().is_some() {
        return Ok(None);
    }
    let Some(base) = builtin_base(b) else {
        return Ok(None);
    };
    crate::protocol::ops::try_numeric_op(ts, op, a, &base)
}

pub fn inplace_dunder(
    ts: &mut ThreadState,
    op: B,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    try_dunder(ts, a, dunder_names(op).2, b)
}

pub fn compare_dunder(
    ts: &mut ThreadState,
    op: Comparison,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let (forward, reflected) = match op {
        Comparison::Less => (Dunder::Lt, Dunder::Gt),
        Comparison::LessEqual => (Dunder::Le, Dunder::Ge),
        Comparison::Equal => (Dunder::Eq, Dunder::Eq),
        Comparison::NotEqual => (Dunder::Ne, Dunder::Ne),
        Comparison::Greater => (Dunder::Gt, Dunder::Lt),
        Comparison::GreaterEqual => (Dunder::Ge, Dunder::Le),
    };
    if let Some(r) = try_dunder(ts, a, forward, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = try_dunder(ts, b, reflected, a)? {
        return Ok(Some(r));
    }
    if op == Comparison::NotEqual {
        if let Some(r) = try_dunder(ts, a, Dunder::Eq, b)? {
            let t = crate::protocol::ops::truthy(ts, &r)?;
            return Ok(Some(Value::Bool(!t)));
        }
    }
    Ok(None)
}

/// A unary operator on an instance: its class's dunder, else (an instance of a subclass of a
/// built-in type, `-IntEnum.A`) the built-in operation `on_base` on the wrapped value.
pub fn unary_dunder(
    ts: &mut ThreadState,
    v: &Value,
    name: Dunder,
    symbol: &str,
    on_base: fn(&mut ThreadState, &Value) -> PyResult,
) -> PyResult {
    if let Some(m) = instance_method(ts, v, name) {
        return call_value(ts, &m, std::slice::from_ref(v), &[]);
    }
    let unsupported = |ts: &ThreadState| {
        ts.type_error(format!(
            "bad operand type for unary {symbol}: '{}'",
            type_name(ts, v)
        ))
    };
    match builtin_base(v) {
        // The built-in value's own TypeError would name the built-in type, not `v`'s class.
        Some(base) => on_base(ts, &base).map_err(|e| {
            if ts.exc_matches(&e, ExcKind::TypeError) {
                unsupported(ts)
            } else {
                e
            }
        }),
        None => Err(unsupported(ts)),
    }
}

/// Whether `cls` is a class defined in Python (not a built-in type): one a class statement or
/// `type()` made (a class `exec`uted in globals without `__name__` is of `builtins`, as in
/// CPython, and still one), or a native module's type of another module than `builtins`.
/// A flag of the type: asked on every call of a type, `str(i)` included.
#[inline(always)]
pub fn is_user_class(t: &TypeObj) -> bool {
    t.user_class
}

/// Calls a class: built-in constructors, or a new instance initialized by `__init__`.
pub fn call_type(
    ts: &mut ThreadState,
    cls: &ObjRef,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    let Obj::Type(t) = &**cls else {
        return Err(ts.type_error("not a type"));
    };
    if !t.is_exception && !is_user_class(t) {
        return crate::objects::constructors::construct(ts, t.builtin, &Args::new(args, kwnames));
    }
    let positional = &args[..args.len() - kwnames.len()];
    if let Some(init) = t.init_cache.get(t.version()) {
        // No metaclass, no `__new__`, a Python `__init__` (see `plain_init`).
        let instance = new_instance(ts, cls, t, positional)?;
        let r = call_with_receiver(ts, &init, &instance, args, kwnames)?;
        init_returned(ts, &r)?;
        return Ok(instance);
    }
    check_abstract(ts, t)?;
    if let Some(new) = lookup_special(ts, cls, Dunder::New) {
        return call_user_new(ts, cls, &new, args, kwnames);
    }
    if t.builtin == TypeId::Type {
        // A metaclass without a `__new__` of its own: `type.__new__`.
        let new = native_value("__new__", builtin_new, Value::Null);
        return call_user_new(ts, cls, &new, args, kwnames);
    }
    let init = lookup_special(ts, cls, Dunder::Init);
    if init.is_none() && wrapped_builtin(t.builtin) {
        // Without an `__init__` of its own, the class initializes its built-in value from the
        // call's arguments, as the built-in's own `__new__`/`__init__` would.
        return new_with_base(ts, cls, &Args::new(args, kwnames));
    }
    let instance = new_instance(ts, cls, t, positional)?;
    match init {
        // The instance holds its `args` already.
        Some(init)
            if t.is_exception
                && kwnames.is_empty()
                && crate::objects::exception::is_base_init(ts, &init) => {}
        Some(init) => {
            let r = call_with_receiver(ts, &init, &instance, args, kwnames)?;
            init_returned(ts, &r)?;
        }
        None if !args.is_empty() && !t.is_exception => {
            return Err(ts.type_error(format!("{}() takes no arguments", t.name)));
        }
        None => {}
    }
    Ok(instance)
}

/// A new, uninitialized instance of user class `cls` (`t`): an exception's `args` are the
/// call's positional arguments; an instance of a subclass of a wrapped built-in type holds
/// that type's empty value until `__init__` (through `super().__init__`) rebuilds it.
fn new_instance(ts: &mut ThreadState, cls: &ObjRef, t: &TypeObj, positional: &[Value]) -> PyResult {
    let base = match wrapped_builtin(t.builtin) {
        true => crate::objects::constructors::construct(ts, t.builtin, &Args::new(&[], &[]))?,
        false => Value::Null,
    };
    let instance = Instance::bare(
        cls.clone(),
        t.is_exception.then(|| {
            RefCell::new(ExcData {
                args: positional.to_vec(),
                cause: Value::None,
                context: Value::None,
                ..ExcData::default()
            })
        }),
        base,
    );
    Ok(Value::Obj(ObjRef::new(Obj::Instance(instance))))
}

/// CPython's check of what `__init__` returned.
pub fn init_returned(ts: &ThreadState, r: &Value) -> PyResult<()> {
    if r.is_none() {
        return Ok(());
    }
    Err(ts.type_error(format!(
        "__init__() should return None, not '{}'",
        type_name(ts, r)
    )))
}

/// The eval loop's call of a class (the callee `nargs + 1` slots below the top of `f`'s
/// stack) whose instances `type.__call__` makes unchanged — no metaclass `__call__`, no
/// `__new__` — and whose `__init__` is a Python function: the new instance replaces the
/// class and the arguments on the stack, and the `__init__` frame is returned for the loop
/// to switch to, flagged [`Frame::runs_init`] (no nested run of the eval loop). `Ok(None)`,
/// with the stack untouched, for any other callee.
pub fn init_frame(
    ts: &mut ThreadState,
    f: &mut Frame,
    nargs: usize,
    kwnames: &[Value],
) -> PyResult<Option<Box<Frame>>> {
    let callee_index = f.slots.len() - nargs - 1;
    let cls = match f.slots[callee_index].obj() {
        Some(o) if matches!(&**o, Obj::Type(_)) => o.clone(),
        _ => return Ok(None),
    };
    let Obj::Type(t) = &*cls else {
        return Ok(None);
    };
    if t.is_exception || !is_user_class(t) || t.builtin == TypeId::Type {
        return Ok(None);
    }
    let init = match t.init_cache.get(t.version()) {
        Some(init) => init,
        None => match plain_init(ts, &cls, t)? {
            Some(init) => init,
            None => return Ok(None),
        },
    };
    let func = match init.obj().map(|o| &**o) {
        Some(Obj::Function(func)) if !func.code.is_generator => func,
        _ => return Ok(None),
    };
    let instance = new_instance(ts, &cls, t, &[])?;
    let frame = receiver_frame_from_stack(ts, f, func, instance.clone(), nargs, kwnames)?;
    let Some(mut frame) = frame else {
        unreachable!("a function that is not a generator runs in a frame");
    };
    f.push(instance);
    frame.runs_init = true;
    Ok(Some(frame))
}

/// The `__init__` [`init_frame`] runs for user class `cls` (`t`): a Python function, not a
/// generator, when there is no metaclass `__call__` and no `__new__` (`Ok(None)` otherwise).
/// Without a metaclass, the answer is kept under the class's version tag: a later call finds
/// it without looking anything up.
#[cold]
#[inline(never)]
fn plain_init(ts: &mut ThreadState, cls: &ObjRef, t: &TypeObj) -> PyResult<Option<Value>> {
    let meta_call = t
        .metaclass
        .as_ref()
        .and_then(|m| lookup_special(ts, m, Dunder::Call));
    if meta_call.is_some() || lookup_special(ts, cls, Dunder::New).is_some() {
        return Ok(None);
    }
    let Some(init) = lookup_special(ts, cls, Dunder::Init) else {
        return Ok(None);
    };
    match init.obj().map(|o| &**o) {
        Some(Obj::Function(func)) if !func.code.is_generator => {}
        _ => return Ok(None),
    }
    check_abstract(ts, t)?;
    if t.metaclass.is_none() {
        // The lookups gave the class a tag (no code ran since).
        t.init_cache.put(t.version(), init.clone());
    }
    Ok(Some(init))
}

/// `TypeError: Can't instantiate abstract class C with abstract methods f, g` for a class
/// (made by a metaclass such as `abc.ABCMeta`) whose `__abstractmethods__` is not empty.
fn check_abstract(ts: &mut ThreadState, t: &TypeObj) -> PyResult<()> {
    if t.metaclass.is_none() {
        return Ok(());
    }
    let Some(methods) = t.dict().get_str("__abstractmethods__").cloned() else {
        return Ok(());
    };
    let mut names: Vec<String> = crate::protocol::iter::collect(ts, &methods)?
        .iter()
        .filter_map(|n| n.as_str().map(|s| s.as_str().to_string()))
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let plural = if names.len() == 1 { "" } else { "s" };
    Err(ts.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{plural} {}",
        t.name,
        names.join(", ")
    )))
}

/// Calls a class that defines `__new__`: `__new__(cls, ...)`, then `__init__` when the result
/// is an instance of the class and the class defines one.
fn call_user_new(
    ts: &mut ThreadState,
    cls: &ObjRef,
    new: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    let new = match new.obj().map(|o| &**o) {
        Some(Obj::StaticMethod(f)) => f.clone(),
        _ => new.clone(),
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(Value::Obj(cls.clone()));
    full.extend_from_slice(args);
    let instance = call_value(ts, &new, &full, kwnames)?;
    let init = lookup_special(ts, cls, Dunder::Init);
    let is_own = crate::object::typeobj::is_subclass(&class_of(ts, &instance), cls);
    if let (Some(init), true) = (init, is_own) {
        full[0] = instance.clone();
        call_value(ts, &init, &full, kwnames)?;
    }
    Ok(instance)
}

/// `T.__new__(cls, *args)` for a built-in type `T`: a bare instance of `cls`, wrapping the
/// built-in value built from `args` when `cls` derives from a wrapped built-in type.
/// `T.__new__(X, ...)` of a built-in type `T` (the receiver): `X` must be a subtype of `T`.
pub fn builtin_type_new(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    use crate::object::class_of::class_name;
    if let (Some(owner), Some(Value::Obj(cls))) = (this.obj(), args.pos.first()) {
        if matches!(&**cls, Obj::Type(_)) && !crate::object::typeobj::is_subclass(cls, owner) {
            let (x, t) = (class_name(cls), class_name(owner));
            return Err(ts.type_error(format!("{t}.__new__({x}): {x} is not a subtype of {t}")));
        }
    }
    builtin_new(ts, &Value::Null, args)
}

pub fn builtin_new(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let Some(Value::Obj(cls)) = args.pos.first() else {
        return Err(ts.type_error("__new__(): not enough arguments"));
    };
    let Obj::Type(t) = &**cls else {
        return Err(ts.type_error("__new__(X): X is not a type object"));
    };
    if t.builtin == TypeId::Type {
        let rest = Args {
            pos: &args.pos[1..],
            kwnames: args.kwnames,
            kwvals: args.kwvals,
        };
        return crate::protocol::class_new::type_new(ts, cls, &rest);
    }
    if !is_user_class(t) {
        return crate::objects::constructors::construct(
            ts,
            t.builtin,
            &Args::new(&args.pos[1..], &[]),
        );
    }
    check_abstract(ts, t)?;
    if wrapped_builtin(t.builtin) {
        return new_with_base(ts, cls, &Args::new(&args.pos[1..], &[]));
    }
    Ok(Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
        cls.clone(),
        Dict::new(),
        None,
    )))))
}

/// Whether instances of subclasses of built-in type `id` wrap a value of that type.
fn wrapped_builtin(id: TypeId) -> bool {
    matches!(
        id,
        TypeId::Dict
            | TypeId::List
            | TypeId::Tuple
            | TypeId::Set
            | TypeId::FrozenSet
            | TypeId::Str
            | TypeId::Bytes
            | TypeId::ByteArray
            | TypeId::Int
            | TypeId::Float
            | TypeId::Complex
    )
}

/// An instance of `cls` wrapping the built-in value constructed from `args`.
fn new_with_base(ts: &mut ThreadState, cls: &ObjRef, args: &Args) -> PyResult {
    let Obj::Type(t) = &**cls else {
        return Err(ts.type_error("not a type"));
    };
    let base = crate::objects::constructors::construct(ts, t.builtin, args)?;
    let inst = Instance::new(cls.clone(), Dict::new(), None);
    inst.set_base(base);
    Ok(Value::Obj(ObjRef::new(Obj::Instance(inst))))
}

/// Whether `cls` is `v`'s own class: `isinstance` answers true then without asking any
/// `__instancecheck__` (CPython's first test in `PyObject_IsInstance`).
pub fn is_exact_class(ts: &ThreadState, v: &Value, cls: &Value) -> bool {
    cls.obj()
        .is_some_and(|c| ObjRef::ptr_eq(&class_of(ts, v), c))
}

/// The dict `v` stores its items in: `v` itself, or the dict a dict subclass's instance wraps.
pub fn dict_storage(v: &Value) -> Option<ObjRef> {
    match builtin_base(v).unwrap_or_else(|| v.clone()) {
        Value::Obj(d) if matches!(&*d, Obj::Dict(_)) => Some(d),
        _ => None,
    }
}

/// The built-in value an instance of a subclass of a built-in type wraps.
pub fn builtin_base(v: &Value) -> Option<Value> {
    let base = v.as_instance()?.base();
    (!base.is_null()).then_some(base)
}

/// `(a, b)` with wrapped built-in values in place of the instances that wrap them, when at
/// least one of them does.
pub fn unwrap_bases(a: &Value, b: &Value) -> Option<(Value, Value)> {
    match (builtin_base(a), builtin_base(b)) {
        (None, None) => None,
        (x, y) => Some((
            x.unwrap_or_else(|| a.clone()),
            y.unwrap_or_else(|| b.clone()),
        )),
    }
}

/// `super().__init__(...)` in a subclass of a built-in type: (re)builds the wrapped value
/// from the arguments, as the built-in's initializer does.
pub fn base_init(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let Some(inst) = this.as_instance() else {
        return Ok(Value::None);
    };
    let Obj::Type(t) = inst.class() else {
        return Ok(Value::None);
    };
    let base = crate::objects::constructors::construct(ts, t.builtin, args)?;
    inst.set_base(base);
    Ok(Value::None)
}

/// `cls.mro()`: the class followed by its method resolution order, as a list.
pub fn type_mro(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let mut out = vec![this.clone()];
    if let Some(Obj::Type(t)) = this.obj().map(|o| &**o) {
        out.extend(t.mro().iter().cloned().map(Value::Obj));
    }
    Ok(Value::new_list(out))
}

/// A built-in type's alternate constructor (`fromkeys`, `fromhex`, `from_bytes`) reached
/// through a subclass `cls` (`bool.from_bytes` too, or `bytearray.fromhex`, whose native
/// makes bytes): bound to `cls`,
/// so that it makes an instance of `cls` as CPython's class methods do.
pub fn alternate_constructor(cls: &ObjRef, t: &TypeObj, attr: &Value) -> Option<Value> {
    let Some(Obj::Native(n)) = attr.obj().map(|o| &**o) else {
        return None;
    };
    if !matches!(n.name, "fromkeys" | "fromhex" | "from_bytes") || n.of_builtin_type.is_none() {
        return None;
    }
    let inherited = n.of_builtin_type != Some(t.builtin);
    let bytearray_fromhex = t.builtin == TypeId::ByteArray && n.name == "fromhex";
    if !is_user_class(t) && !inherited && !bytearray_fromhex {
        return None;
    }
    let this = Value::new_tuple(vec![Value::Obj(cls.clone()), attr.clone()]);
    Some(native_value(n.name, call_alternate_constructor, this))
}

/// Calls an [`alternate_constructor`]: the built-in one, then `cls(result)` — or, for
/// `fromkeys`, `cls()` filled item by item through its `__setitem__` — unless the result
/// already is an instance of `cls`.
fn call_alternate_constructor(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let Some(Obj::Tuple(parts)) = this.obj().map(|o| &**o) else {
        return Err(ts.type_error("not a bound constructor"));
    };
    let [cls, method] = &parts[..] else {
        return Err(ts.type_error("not a bound constructor"));
    };
    let mut all = args.pos.to_vec();
    all.extend_from_slice(args.kwvals);
    let made = call_value(ts, method, &all, args.kwnames)?;
    if cls
        .obj()
        .is_some_and(|c| ObjRef::ptr_eq(&class_of(ts, &made), c))
    {
        return Ok(made);
    }
    let is_fromkeys =
        matches!(method.obj().map(|o| &**o), Some(Obj::Native(n)) if n.name == "fromkeys");
    if !is_fromkeys {
        return call_value(ts, cls, &[made], &[]);
    }
    let filled = call_value(ts, cls, &[], &[])?;
    let items: Vec<(Value, Value)> = match made.obj().map(|o| &**o) {
        Some(Obj::Dict(d)) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Vec::new(),
    };
    for (k, v) in items {
        crate::protocol::subscript::set_item(ts, &filled, k, v)?;
    }
    Ok(filled)
}

/// `cls.__subclasses__()`: the live classes that name `cls` among their bases.
pub fn type_subclasses(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let subclasses = match this.obj().map(|o| &**o) {
        Some(Obj::Type(t)) => t.subclasses(),
        _ => Vec::new(),
    };
    Ok(Value::new_list(
        subclasses.into_iter().map(Value::Obj).collect(),
    ))
}

/// `super()` without arguments: the `__class__` cell and the first argument of the caller.
pub fn zero_arg_super(ts: &ThreadState, f: &Frame) -> PyResult {
    let code = &f.code.code;
    let cell_index = code
        .freevars
        .iter()
        .position(|n| &**n == "__class__")
        .map(|i| i + code.cellvars.len());
    let class = cell_index.and_then(|i| match &*f.cells[i] {
        Obj::Cell(c) => c.borrow().obj().cloned(),
        _ => None,
    });
    let Some(class) = class else {
        return Err(ts.new_exc(ExcKind::RuntimeError, "super(): __class__ cell not found"));
    };
    let this = match f.slots.first() {
        Some(v) if code.arg_count > 0 && !v.is_null() => v.clone(),
        _ => return Err(ts.new_exc(ExcKind::RuntimeError, "super(): no arguments")),
    };
    Ok(Value::Obj(ObjRef::new(Obj::Super { class, this })))
}
