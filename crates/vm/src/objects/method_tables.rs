//! Method tables of the built-in types, and their data attributes.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, Value};
use crate::objects::bytes::bytearray as bytearray_methods;
use crate::objects::bytes::methods as bytes_methods;
use crate::objects::coroutines;
use crate::objects::dict::methods as map_methods;
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::methods as number_methods;
use crate::objects::list::methods as list_methods;
use crate::objects::object as object_methods;
use crate::objects::property;
use crate::objects::set as set_methods;
use crate::objects::slot_wrappers;
use crate::objects::str::methods as str_methods;

/// The native method `name` of a built-in value, if it has one.
pub fn lookup(obj: &Value, name: &str) -> Option<(&'static str, NativeFn)> {
    match obj {
        Value::Int(_) | Value::Bool(_) => INT_METHODS.iter().find(|(n, _)| *n == name).copied(),
        Value::Float(_) => FLOAT_METHODS.iter().find(|(n, _)| *n == name).copied(),
        Value::Obj(o) => {
            let table: &[(&'static str, NativeFn)] = match &**o {
                Obj::Str(_) => str_methods::METHODS,
                Obj::List(_) => list_methods::LIST_METHODS,
                Obj::Tuple(_) => list_methods::TUPLE_METHODS,
                Obj::Dict(_) => map_methods::DICT_METHODS,
                Obj::Set { .. } => set_methods::SET_METHODS,
                Obj::BigInt(_) => INT_METHODS,
                Obj::Bytes(_) => bytes_methods::METHODS,
                Obj::ByteArray(_) => return bytearray_lookup(name),
                Obj::Generator(g) => own_table(g.kind.type_id()),
                Obj::Iter(state) if state.borrow().is_awaitable() => coroutines::AWAIT_METHODS,
                Obj::Iter(_) => ITERATOR_METHODS,
                Obj::Property { .. } => property::METHODS,
                Obj::Slice { .. } => SLICE_METHODS,
                Obj::Complex(_) => crate::objects::complex::METHODS,
                Obj::MemoryView(_) => crate::objects::memoryview::methods::METHODS,
                Obj::Ellipsis | Obj::NotImplemented => SINGLETON_METHODS,
                _ => &[],
            };
            table.iter().find(|(n, _)| *n == name).copied()
        }
        _ => None,
    }
    .or_else(|| match obj.as_instance() {
        Some(_) => None,
        // Every built-in type inherits `object`'s methods: `(5).__init__`.
        None => slot_wrappers::lookup(slot_type(obj), name).or_else(|| {
            object_methods::METHODS
                .iter()
                .find(|(n, _)| *n == name)
                .copied()
        }),
    })
}

/// The type whose slot wrappers a built-in value shows: its own where `slot_wrappers` models
/// the type's special methods, `object`'s for the rest.
fn slot_type(v: &Value) -> TypeId {
    let id = crate::object::class_of::builtin_type_id(v).unwrap_or(TypeId::Object);
    match id {
        TypeId::Int
        | TypeId::Bool
        | TypeId::Float
        | TypeId::Str
        | TypeId::Bytes
        | TypeId::ByteArray
        | TypeId::List
        | TypeId::Tuple
        | TypeId::Dict
        | TypeId::Set
        | TypeId::FrozenSet
        | TypeId::Range
        | TypeId::Complex
        | TypeId::Function
        | TypeId::BuiltinFunction
        | TypeId::Method => id,
        _ => TypeId::Object,
    }
}

fn bytearray_lookup(name: &str) -> Option<(&'static str, NativeFn)> {
    bytearray_methods::METHODS
        .iter()
        .chain(bytes_methods::METHODS)
        .find(|(n, _)| *n == name)
        .copied()
}

/// The method `name` of the built-in type `id` (for unbound use: `str.upper`).
pub fn lookup_for_type(id: TypeId, name: &str) -> Option<(&'static str, NativeFn)> {
    let table: &[(&'static str, NativeFn)] = match id {
        TypeId::ByteArray => return bytearray_lookup(name),
        TypeId::Object => {
            return object_methods::METHODS
                .iter()
                .find(|(n, _)| *n == name)
                .copied()
                .or_else(|| slot_wrappers::object_lookup(name))
        }
        TypeId::Type => TYPE_METHODS,
        TypeId::Iterator
        | TypeId::ListIterator
        | TypeId::TupleIterator
        | TypeId::StrIterator
        | TypeId::BytesIterator
        | TypeId::RangeIterator
        | TypeId::DictKeyIterator
        | TypeId::DictValueIterator
        | TypeId::DictItemIterator
        | TypeId::SetIterator
        | TypeId::ListReverseIterator
        | TypeId::Reversed
        | TypeId::Enumerate
        | TypeId::Zip
        | TypeId::Map
        | TypeId::Filter
        | TypeId::CallableIterator
        | TypeId::Permutations
        | TypeId::Combinations => ITERATOR_METHODS,
        _ => own_table(id),
    };
    table
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
        .or_else(|| slot_wrappers::lookup(id, name))
}

/// The `__dict__` of built-in type `id`: its methods and special methods (`None` as
/// `__hash__` of the unhashable ones), as `str.__dict__['upper']` and `list.__dict__` show.
pub fn type_dict(id: TypeId) -> crate::objects::dict::Dict {
    let mut d = crate::objects::dict::Dict::new();
    let names = ALL_NAMES.iter().chain(slot_wrappers::NAMES);
    for name in names.copied().chain(table_names(id)) {
        let own = match id {
            TypeId::Object => lookup_for_type(id, name),
            _ => lookup_for_type(id, name).filter(|_| {
                // Only what the type itself defines, not what `object` gives every type.
                !matches!(
                    name,
                    "__init__" | "__setattr__" | "__delattr__" | "__getattribute__"
                ) || id == TypeId::Type
            }),
        };
        if let Some((n, f)) = own {
            d.set_str(n, crate::objects::function::method_value(n, f));
        }
    }
    if slot_wrappers::is_unhashable(id) {
        d.set_str("__hash__", Value::None);
    }
    d
}

/// The method table of built-in type `id` (`bytearray`'s adds its own to `bytes`').
fn own_table(id: TypeId) -> &'static [(&'static str, NativeFn)] {
    match id {
        TypeId::Str => str_methods::METHODS,
        TypeId::List => list_methods::LIST_METHODS,
        TypeId::Tuple => list_methods::TUPLE_METHODS,
        TypeId::Dict => map_methods::DICT_METHODS,
        TypeId::Set | TypeId::FrozenSet => set_methods::SET_METHODS,
        TypeId::Int | TypeId::Bool => INT_METHODS,
        TypeId::Float => FLOAT_METHODS,
        TypeId::Bytes => bytes_methods::METHODS,
        TypeId::Complex => crate::objects::complex::METHODS,
        TypeId::MemoryView => crate::objects::memoryview::methods::METHODS,
        TypeId::Ellipsis | TypeId::NotImplementedType => SINGLETON_METHODS,
        TypeId::Generator => GENERATOR_METHODS,
        TypeId::Coroutine => coroutines::COROUTINE_METHODS,
        TypeId::AsyncGenerator => coroutines::ASYNC_GENERATOR_METHODS,
        TypeId::CoroutineWrapper | TypeId::AsyncGenASend | TypeId::AsyncGenAThrow => {
            coroutines::AWAIT_METHODS
        }
        _ => &[],
    }
}

/// Names that may be in any type's table.
const ALL_NAMES: &[&str] = &["__call__", "__prepare__", "__next__", "__iter__"];

/// The names of the methods in the table of built-in type `id`.
fn table_names(id: TypeId) -> impl Iterator<Item = &'static str> {
    let table = match id {
        TypeId::ByteArray => bytes_methods::METHODS,
        TypeId::Object => object_methods::METHODS,
        _ => own_table(id),
    };
    let extra: &[(&'static str, NativeFn)] = match id {
        TypeId::ByteArray => bytearray_methods::METHODS,
        _ => &[],
    };
    table.iter().chain(extra).map(|(n, _)| *n)
}

/// Non-method attributes of built-in values (`range.start`, `int.real`, ...).
pub fn data_attr(obj: &Value, name: &str) -> Option<Value> {
    match (obj, name) {
        (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(Value::Int(
            crate::objects::int::to_big(obj).and_then(|b| i64::try_from(b).ok())?,
        )),
        (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Obj(o), _) => match (&**o, name) {
            (Obj::Complex(c), _) => crate::objects::complex::data_attr(*c, name),
            (Obj::Range { start, .. }, "start") => Some(Value::Int(*start)),
            (Obj::Range { stop, .. }, "stop") => Some(Value::Int(*stop)),
            (Obj::Range { step, .. }, "step") => Some(Value::Int(*step)),
            (Obj::Slice { start, .. }, "start") => Some(start.clone()),
            (Obj::Slice { stop, .. }, "stop") => Some(stop.clone()),
            (Obj::Slice { step, .. }, "step") => Some(step.clone()),
            (Obj::Generator(g), _) => coroutines::data_attr(g, name),
            (Obj::Property { .. }, _) => property::data_attr(o, name),
            (Obj::ClassMethod(f) | Obj::StaticMethod(f), "__func__" | "__wrapped__") => {
                Some(f.clone())
            }
            (Obj::ClassMethod(f) | Obj::StaticMethod(f), "__isabstractmethod__") => {
                Some(Value::Bool(property::is_abstract(f)))
            }
            // A module's function has no receiver (Null): CPython shows its module, here None.
            (Obj::Native(n), "__self__") => Some(match n.this {
                Value::Null => Value::None,
                ref this => this.clone(),
            }),
            (Obj::Code(c), "co_consts") => Some(Value::new_tuple(c.consts.clone())),
            (Obj::Code(c), _) => code_attr(&c.code, name),
            _ => None,
        },
        _ => None,
    }
}

/// The `co_*` attributes of a code object.
fn code_attr(code: &gilvm_compiler::bytecode::CodeObject, name: &str) -> Option<Value> {
    let names = |list: &[std::sync::Arc<str>]| {
        Value::new_tuple(list.iter().map(|n| Value::new_str(&**n)).collect())
    };
    Some(match name {
        "co_name" => Value::new_str(&*code.name),
        "co_qualname" => Value::new_str(&*code.qualname),
        "co_filename" => Value::new_str(&*code.filename),
        "co_firstlineno" => Value::Int(code.first_line as i64),
        "co_argcount" => Value::Int(code.arg_count as i64),
        "co_posonlyargcount" => Value::Int(code.posonly_arg_count as i64),
        "co_kwonlyargcount" => Value::Int(code.kwonly_arg_count as i64),
        "co_nlocals" => Value::Int(code.varnames.len() as i64),
        "co_varnames" => names(&code.varnames),
        "co_names" => names(&code.names),
        "co_cellvars" => names(&code.cellvars),
        "co_freevars" => names(&code.freevars),
        "co_flags" => Value::Int(co_flags(code)),
        _ => return None,
    })
}

/// CPython's `co_flags` of a code object: OPTIMIZED and NEWLOCALS for function bodies, the
/// `*args`/`**kwargs`/generator bits, NESTED for a closure.
fn co_flags(code: &gilvm_compiler::bytecode::CodeObject) -> i64 {
    use gilvm_compiler::bytecode::CodeFlags;
    if code.flags.0 & CodeFlags::NAMESPACE != 0 {
        return 0;
    }
    let kept = CodeFlags::VARARGS
        | CodeFlags::VARKEYWORDS
        | CodeFlags::GENERATOR
        | CodeFlags::COROUTINE
        | CodeFlags::ASYNC_GENERATOR;
    let nested = if code.freevars.is_empty() { 0 } else { 0x10 };
    i64::from(0x3 | (code.flags.0 & kept) | nested)
}

const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", identity),
    ("__index__", identity),
    ("to_bytes", number_methods::to_bytes),
    ("from_bytes", number_methods::from_bytes),
    ("as_integer_ratio", number_methods::int_as_integer_ratio),
];
const FLOAT_METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", float_is_integer),
    ("conjugate", identity),
    ("as_integer_ratio", number_methods::float_as_integer_ratio),
    ("hex", crate::objects::float_hex::float_hex),
    ("fromhex", crate::objects::float_hex::float_fromhex),
];
const TYPE_METHODS: &[(&str, NativeFn)] = &[
    ("__call__", crate::protocol::class_new::type_call),
    ("__prepare__", crate::protocol::class_new::type_prepare),
    ("__init__", object_methods::object_init),
];
const SLICE_METHODS: &[(&str, NativeFn)] = &[("indices", slice_indices)];

/// `slice.indices(length)`: the slice's bounds normalized for a sequence of that length.
fn slice_indices(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "indices", args, 1, 1)?;
    let len = crate::object::args::int_arg(ts, &a[0])?;
    if len < 0 {
        return Err(ts.value_error("length should not be negative"));
    }
    let Some(slice) = this.obj() else {
        return Ok(Value::None);
    };
    let (start, stop, step) = crate::protocol::sequence::slice_indices(ts, slice, len)?;
    Ok(Value::new_tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}

const GENERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("send", coroutines::gen_send),
    ("throw", coroutines::gen_throw),
    ("close", coroutines::gen_close),
    ("__next__", iter_next),
    ("__iter__", identity),
];
const ITERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("__next__", iter_next),
    ("__iter__", identity),
    ("__reduce__", crate::objects::iterators::reduce),
    ("__setstate__", crate::objects::iterators::setstate),
];

fn identity(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    Ok(this.clone())
}

fn int_bit_length(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "bit_length", args, 0, 0)?;
    let b = crate::objects::int::to_big(this).unwrap_or_default();
    Ok(Value::Int(b.bits() as i64))
}

fn int_bit_count(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "bit_count", args, 0, 0)?;
    let b = crate::objects::int::to_big(this).unwrap_or_default();
    Ok(Value::Int(b.magnitude().count_ones() as i64))
}

fn float_is_integer(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "is_integer", args, 0, 0)?;
    Ok(Value::Bool(
        matches!(this, Value::Float(f) if f.is_finite() && f.fract() == 0.0),
    ))
}

pub(crate) fn iter_next(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__next__", args, 0, 0)?;
    match crate::protocol::iter::next_value(ts, this)? {
        Some(v) => Ok(v),
        None => Err(ts.stop_iteration(Value::None)),
    }
}

/// `Ellipsis` and `NotImplemented`: pickled by name.
const SINGLETON_METHODS: &[(&str, NativeFn)] = &[("__reduce__", singleton_reduce)];

fn singleton_reduce(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__reduce__", args, 0, 0)?;
    match this.obj().map(|o| &**o) {
        Some(Obj::Ellipsis) => Ok(Value::new_str("Ellipsis")),
        Some(Obj::NotImplemented) => Ok(Value::new_str("NotImplemented")),
        _ => Err(ts.type_error(format!(
            "descriptor '__reduce__' for 'ellipsis' objects doesn't apply to a '{}' object",
            crate::object::class_of::type_name(ts, this)
        ))),
    }
}
