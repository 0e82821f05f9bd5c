//! The special methods of the built-in types as attributes (`int.__add__`, `list.__len__`,
//! `object.__eq__`, `[].__iter__()`): each is a native that runs the protocol operation on
//! the receiver, so `hasattr(list, '__iter__')` holds and `super().__getitem__(k)` in a `dict`
//! subclass reaches the dict. A type has a slot only when it supports the operation.

use gilvm_compiler::bytecode::{BinaryOperator as B, Comparison as C};

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::{class, iter, ops, sequence, subscript};

/// What a built-in type supports, for deciding which slots it has.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Number,
    Integer,
    Sequence,
    MutableSequence,
    Mapping,
    Set,
    Other,
}

fn kind(id: TypeId) -> Kind {
    match id {
        TypeId::Int | TypeId::Bool => Kind::Integer,
        TypeId::Float | TypeId::Complex => Kind::Number,
        TypeId::Str | TypeId::Bytes | TypeId::Tuple | TypeId::Range => Kind::Sequence,
        TypeId::List | TypeId::ByteArray => Kind::MutableSequence,
        TypeId::Dict => Kind::Mapping,
        TypeId::Set | TypeId::FrozenSet | TypeId::DictKeys | TypeId::DictItems => Kind::Set,
        _ => Kind::Other,
    }
}

/// The slot `name` of built-in type `id`, if it has one.
pub fn lookup(id: TypeId, name: &str) -> Option<(&'static str, NativeFn)> {
    let k = kind(id);
    let sequence = matches!(k, Kind::Sequence | Kind::MutableSequence);
    let container = sequence || matches!(k, Kind::Mapping | Kind::Set);
    let iterable = container || matches!(id, TypeId::DictValues);
    let number = matches!(k, Kind::Number | Kind::Integer);
    let concat = sequence && id != TypeId::Range;
    let has = match name {
        "__repr__" | "__str__" | "__eq__" | "__ne__" | "__format__" => true,
        "__lt__" | "__le__" | "__gt__" | "__ge__" => true,
        "__hash__" => !is_unhashable(id),
        "__len__" => iterable,
        "__iter__" => iterable,
        "__contains__" => container,
        "__getitem__" => sequence || k == Kind::Mapping,
        "__setitem__" | "__delitem__" => matches!(k, Kind::MutableSequence | Kind::Mapping),
        "__add__" | "__mul__" | "__rmul__" => number || concat,
        "__mod__" => number || matches!(id, TypeId::Str | TypeId::Bytes),
        "__sub__" | "__rsub__" => number || k == Kind::Set,
        "__truediv__" | "__floordiv__" | "__pow__" | "__neg__" | "__pos__" | "__abs__"
        | "__int__" | "__float__" | "__radd__" => number,
        // `None` is the one non-number whose truth CPython gives as a slot (`nb_bool`).
        "__bool__" => number || id == TypeId::NoneType,
        "__and__" | "__xor__" | "__rand__" | "__rxor__" => k == Kind::Integer || k == Kind::Set,
        "__rtruediv__" | "__rpow__" => number,
        "__rfloordiv__" | "__rmod__" => number && id != TypeId::Complex,
        "__rlshift__" | "__rrshift__" => k == Kind::Integer,
        "__or__" | "__ror__" => matches!(k, Kind::Integer | Kind::Set | Kind::Mapping),
        "__ior__" => k == Kind::Mapping,
        "__call__" => matches!(
            id,
            TypeId::Function | TypeId::BuiltinFunction | TypeId::Method
        ),
        "__lshift__" | "__rshift__" | "__invert__" | "__index__" => k == Kind::Integer,
        "__trunc__" | "__floor__" | "__ceil__" | "__round__" | "__divmod__" | "__rdivmod__" => {
            number && id != TypeId::Complex
        }
        _ => false,
    };
    if !has {
        return None;
    }
    SLOTS.iter().find(|(n, _)| *n == name).copied()
}

/// Whether instances of built-in type `id` are unhashable (its `__hash__` is `None`).
pub fn is_unhashable(id: TypeId) -> bool {
    matches!(
        id,
        TypeId::List | TypeId::ByteArray | TypeId::Dict | TypeId::Set | TypeId::Slice
    )
}

/// Whether `owner.name` shows as a slot wrapper (`<slot wrapper '__add__' of 'int' objects>`)
/// rather than a method: CPython defines these few special methods as plain methods.
pub fn is_slot_wrapper(owner: TypeId, name: &str) -> bool {
    let plain_method = match name {
        "__format__" | "__trunc__" | "__floor__" | "__ceil__" | "__round__" => true,
        "__init_subclass__" | "__subclasshook__" => true,
        "__getitem__" => matches!(owner, TypeId::List | TypeId::Dict),
        "__contains__" => matches!(owner, TypeId::Dict | TypeId::Set | TypeId::FrozenSet),
        _ => false,
    };
    let slot = NAMES.contains(&name)
        || matches!(
            name,
            "__init__" | "__getattribute__" | "__setattr__" | "__delattr__"
        );
    slot && !plain_method
}

/// The names of all slots, for building a type's `__dict__`.
pub const NAMES: &[&str] = &[
    "__repr__",
    "__str__",
    "__format__",
    "__hash__",
    "__len__",
    "__iter__",
    "__contains__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__truediv__",
    "__floordiv__",
    "__pow__",
    "__and__",
    "__or__",
    "__rtruediv__",
    "__rfloordiv__",
    "__rmod__",
    "__rpow__",
    "__rand__",
    "__rxor__",
    "__rlshift__",
    "__rrshift__",
    "__ror__",
    "__ior__",
    "__xor__",
    "__lshift__",
    "__rshift__",
    "__neg__",
    "__pos__",
    "__invert__",
    "__abs__",
    "__bool__",
    "__int__",
    "__index__",
    "__float__",
    "__call__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__round__",
    "__divmod__",
    "__rdivmod__",
    "__init_subclass__",
    "__subclasshook__",
];

/// The slots of `object` itself: the defaults a user class inherits.
pub fn object_lookup(name: &str) -> Option<(&'static str, NativeFn)> {
    OBJECT_SLOTS.iter().find(|(n, _)| *n == name).copied()
}

const SLOTS: &[(&str, NativeFn)] = &[
    ("__repr__", repr),
    ("__str__", str_),
    ("__format__", format),
    ("__hash__", hash),
    ("__len__", len),
    ("__iter__", iter_),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", mod_),
    ("__truediv__", truediv),
    ("__floordiv__", floordiv),
    ("__pow__", pow),
    ("__and__", and),
    ("__or__", or),
    ("__rtruediv__", rtruediv),
    ("__rfloordiv__", rfloordiv),
    ("__rmod__", rmod),
    ("__rpow__", rpow),
    ("__rand__", rand),
    ("__rxor__", rxor),
    ("__rlshift__", rlshift),
    ("__rrshift__", rrshift),
    ("__ror__", ror),
    ("__ior__", ior),
    ("__xor__", xor),
    ("__lshift__", lshift),
    ("__rshift__", rshift),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__invert__", invert),
    ("__abs__", abs),
    ("__bool__", bool_),
    ("__int__", int),
    ("__index__", int),
    ("__float__", float),
    ("__call__", call),
    ("__trunc__", trunc),
    ("__floor__", floor),
    ("__ceil__", ceil),
    ("__round__", round),
    ("__divmod__", divmod),
    ("__rdivmod__", rdivmod),
];

const OBJECT_SLOTS: &[(&str, NativeFn)] = &[
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__hash__", object_hash),
    ("__format__", object_format),
    ("__init_subclass__", object_init_subclass),
    ("__subclasshook__", not_implemented),
    ("__lt__", not_implemented),
    ("__le__", not_implemented),
    ("__gt__", not_implemented),
    ("__ge__", not_implemented),
];

/// The built-in value the receiver stands for (an instance of a subclass of a built-in
/// type wraps one).
fn receiver(this: &Value) -> Value {
    class::builtin_base(this).unwrap_or_else(|| this.clone())
}

fn one(ts: &ThreadState, name: &str, args: &Args) -> PyResult<Value> {
    Ok(positional(ts, name, args, 1, 1)?[0].clone())
}

fn repr(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__repr__", args, 0, 0)?;
    Ok(Value::new_str(crate::text::repr::repr(
        ts,
        &receiver(this),
    )?))
}

fn str_(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__str__", args, 0, 0)?;
    Ok(Value::new_str(crate::text::repr::str_of(
        ts,
        &receiver(this),
    )?))
}

fn format(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let spec = one(ts, "__format__", args)?;
    let Some(spec) = spec.as_str() else {
        return Err(ts.type_error("__format__() argument must be str"));
    };
    let text = crate::text::format_spec::format_with_spec(ts, &receiver(this), spec.as_str())?;
    Ok(Value::new_str(text))
}

fn hash(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__hash__", args, 0, 0)?;
    Ok(Value::Int(ops::hash(ts, &receiver(this))? as i64))
}

fn len(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(sequence::len_of(ts, &receiver(this))? as i64))
}

fn iter_(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__iter__", args, 0, 0)?;
    iter::get_iter(ts, &receiver(this))
}

fn contains(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let item = one(ts, "__contains__", args)?;
    Ok(Value::Bool(ops::contains(ts, &receiver(this), &item)?))
}

fn getitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let key = one(ts, "__getitem__", args)?;
    subscript::get_item(ts, &receiver(this), &key)
}

fn setitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__setitem__", args, 2, 2)?;
    subscript::set_item(ts, &receiver(this), a[0].clone(), a[1].clone())?;
    Ok(Value::None)
}

fn delitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let key = one(ts, "__delitem__", args)?;
    subscript::del_item(ts, &receiver(this), &key)?;
    Ok(Value::None)
}

fn compare(ts: &mut ThreadState, this: &Value, args: &Args, op: C) -> PyResult {
    let other = one(ts, "__eq__", args)?;
    let other = class::builtin_base(&other).unwrap_or(other);
    let this = receiver(this);
    if !comparable(ts, &this, &other) {
        return not_implemented(ts, &this, args);
    }
    ops::compare(ts, op, &this, &other)
}

/// Where a number stands in the tower `int` (and `bool`) < `float` < `complex`.
fn number_rank(ts: &ThreadState, v: &Value) -> Option<u8> {
    match &*crate::object::class_of::class_of(ts, v) {
        Obj::Type(t) => match t.builtin {
            TypeId::Bool | TypeId::Int => Some(0),
            TypeId::Float => Some(1),
            TypeId::Complex => Some(2),
            _ => None,
        },
        _ => None,
    }
}

/// For a number `this`: whether its slots take `other` (a number no higher in the tower, as
/// CPython's `float` slots convert ints but `int`'s take ints only: `(1).__eq__(1.0)` is
/// `NotImplemented`). `None` when `this` is not a number.
fn number_operand_fits(ts: &ThreadState, this: &Value, other: &Value) -> Option<bool> {
    let rank = number_rank(ts, this)?;
    Some(number_rank(ts, other).is_some_and(|r| r <= rank))
}

/// Whether a built-in comparison relates the two values (numbers with numbers, sets with
/// sets and keys views, otherwise the same type): CPython's slots answer `NotImplemented`
/// for the rest, so `(1).__eq__('x')` is `NotImplemented`.
fn comparable(ts: &ThreadState, a: &Value, b: &Value) -> bool {
    if let Some(fits) = number_operand_fits(ts, a, b) {
        return fits;
    }
    let family = |v: &Value| match &*crate::object::class_of::class_of(ts, v) {
        Obj::Type(t) => Some(match t.builtin {
            TypeId::Bool | TypeId::Int | TypeId::Float | TypeId::Complex => TypeId::Complex,
            TypeId::Set | TypeId::FrozenSet | TypeId::DictKeys | TypeId::DictItems => TypeId::Set,
            id => id,
        }),
        _ => None,
    };
    family(a) == family(b)
}

fn binary(ts: &mut ThreadState, this: &Value, args: &Args, op: B, reflected: bool) -> PyResult {
    let other = one(ts, "__add__", args)?;
    let other = class::builtin_base(&other).unwrap_or(other);
    let this = receiver(this);
    if number_operand_fits(ts, &this, &other) == Some(false) {
        return not_implemented(ts, &this, args);
    }
    let r = match reflected {
        false => ops::try_binary_op(ts, op, &this, &other)?,
        true => ops::try_binary_op(ts, op, &other, &this)?,
    };
    match r {
        Some(r) => Ok(r),
        None => not_implemented(ts, &this, args),
    }
}

/// `dict.__ior__(other)`: `update`, then the dict itself.
fn ior(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let other = one(ts, "__ior__", args)?;
    let target = receiver(this);
    if !matches!(target.obj().map(|o| &**o), Some(Obj::Dict(_))) {
        return not_implemented(ts, this, args);
    }
    crate::objects::dict::methods::update(ts, &target, &Args::new(&[other], &[]))?;
    Ok(this.clone())
}

macro_rules! comparisons {
    ($($name:ident => $op:expr),* $(,)?) => {
        $(fn $name(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
            compare(ts, this, args, $op)
        })*
    };
}

comparisons! {
    eq => C::Equal, ne => C::NotEqual, lt => C::Less,
    le => C::LessEqual, gt => C::Greater, ge => C::GreaterEqual,
}

macro_rules! binaries {
    ($($name:ident => $op:expr, $reflected:expr),* $(,)?) => {
        $(fn $name(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
            binary(ts, this, args, $op, $reflected)
        })*
    };
}

binaries! {
    add => B::Add, false, radd => B::Add, true, sub => B::Subtract, false,
    rsub => B::Subtract, true, mul => B::Multiply, false, rmul => B::Multiply, true,
    mod_ => B::Remainder, false, truediv => B::TrueDivide, false,
    floordiv => B::FloorDivide, false, pow => B::Power, false, and => B::And, false,
    rtruediv => B::TrueDivide, true, rfloordiv => B::FloorDivide, true,
    rmod => B::Remainder, true, rpow => B::Power, true, rand => B::And, true,
    rxor => B::Xor, true, rlshift => B::LeftShift, true, rrshift => B::RightShift, true,
    or => B::Or, false, ror => B::Or, true, xor => B::Xor, false, lshift => B::LeftShift, false,
    rshift => B::RightShift, false,
}

fn neg(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    ops::unary_negative(ts, &receiver(this))
}

fn pos(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    ops::unary_positive(ts, &receiver(this))
}

fn invert(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    ops::unary_invert(ts, &receiver(this))
}

fn abs(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let abs = crate::interp::names::load_builtin(ts, "abs")?;
    crate::protocol::call::call_value(ts, &abs, &[receiver(this)], &[])
}

fn bool_(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    Ok(Value::Bool(ops::truthy(ts, &receiver(this))?))
}

fn int(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let id = TypeId::Int;
    crate::objects::constructors::construct(ts, id, &Args::new(&[receiver(this)], &[]))
}

fn float(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    let id = TypeId::Float;
    crate::objects::constructors::construct(ts, id, &Args::new(&[receiver(this)], &[]))
}

fn trunc(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    int(ts, this, _args)
}

/// `__floor__` / `__ceil__`: the int a float rounds to that way; an int itself.
fn rounded(ts: &mut ThreadState, this: &Value, up: bool) -> PyResult {
    match receiver(this) {
        Value::Float(f) => {
            let r = if up { f.ceil() } else { f.floor() };
            crate::objects::constructors::float_to_int(ts, r)
        }
        v => crate::objects::constructors::construct(ts, TypeId::Int, &Args::new(&[v], &[])),
    }
}

fn floor(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    rounded(ts, this, false)
}

fn ceil(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    rounded(ts, this, true)
}

/// Calls the builtin `name` with the receiver first, then the slot's arguments.
fn builtin_with_receiver(ts: &mut ThreadState, name: &str, this: &Value, args: &Args) -> PyResult {
    let f = crate::interp::names::load_builtin(ts, name)?;
    let mut all = vec![receiver(this)];
    all.extend_from_slice(args.pos);
    crate::protocol::call::call_value(ts, &f, &all, &[])
}

fn round(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__round__", args, 0, 1)?;
    builtin_with_receiver(ts, "round", this, args)
}

fn divmod(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let other = one(ts, "__divmod__", args)?;
    if !comparable(ts, &receiver(this), &other) {
        return not_implemented(ts, this, args);
    }
    builtin_with_receiver(ts, "divmod", this, args)
}

fn rdivmod(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let other = one(ts, "__rdivmod__", args)?;
    if !comparable(ts, &receiver(this), &other) {
        return not_implemented(ts, this, args);
    }
    let f = crate::interp::names::load_builtin(ts, "divmod")?;
    crate::protocol::call::call_value(ts, &f, &[other, receiver(this)], &[])
}

/// The `NotImplemented` singleton (`ok is NotImplemented` must hold).
fn not_implemented(ts: &mut ThreadState, _this: &Value, _args: &Args) -> PyResult {
    Ok(ts.rt.not_implemented.clone())
}

/// `object.__eq__`: identity, else `NotImplemented`.
fn object_eq(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let other = one(ts, "__eq__", args)?;
    match this.is(&other) {
        true => Ok(Value::Bool(true)),
        false => not_implemented(ts, this, args),
    }
}

/// `object.__ne__`: the negation of `__eq__` unless that is `NotImplemented`.
fn object_ne(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let other = one(ts, "__ne__", args)?;
    // The class's own `__eq__` (else `object.__eq__`), so `NotImplemented` passes through.
    let eq = match this.as_instance() {
        Some(inst) => {
            match class::lookup_special(ts, inst.class(), crate::object::names::Dunder::Eq) {
                Some(eq) => {
                    crate::protocol::call::call_value(ts, &eq, &[this.clone(), other], &[])?
                }
                None => object_eq(ts, this, args)?,
            }
        }
        None => ops::compare(ts, C::Equal, this, &other)?,
    };
    if matches!(eq.obj().map(|o| &**o), Some(Obj::NotImplemented)) {
        return Ok(eq);
    }
    Ok(Value::Bool(!ops::truthy(ts, &eq)?))
}

/// `object.__hash__`: the identity hash, whatever the class defines.
fn object_hash(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__hash__", args, 0, 0)?;
    Ok(Value::Int(
        crate::objects::dict::hash_value(this).unwrap_or(0) as i64,
    ))
}

/// `object.__format__(spec)`: `str(self)` for an empty spec, else TypeError.
fn object_format(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let spec = one(ts, "__format__", args)?;
    if spec.as_str().is_some_and(|s| !s.as_str().is_empty()) {
        return Err(ts.type_error(format!(
            "unsupported format string passed to {}.__format__",
            crate::object::class_of::type_name(ts, this)
        )));
    }
    Ok(Value::new_str(crate::text::repr::str_of(ts, this)?))
}

fn call(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let mut all = args.pos.to_vec();
    all.extend_from_slice(args.kwvals);
    crate::protocol::call::call_value(ts, this, &all, args.kwnames)
}

/// `object.__init_subclass__()`: accepts no keyword arguments (the class statement's
/// keywords that no `__init_subclass__` consumed).
pub fn object_init_subclass(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    if !args.kwnames.is_empty() {
        let name = match this.obj().map(|o| &**o) {
            Some(Obj::Type(t)) => t.name.clone(),
            _ => "object".into(),
        };
        return Err(ts.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}
