//! Method tables of the built-in types, and their data attributes.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::bytes::bytearray as bytearray_methods;
use crate::objects::bytes::methods as bytes_methods;
use crate::objects::coroutines;
use crate::objects::dict::methods as map_methods;
use crate::objects::dict::Dict;
use crate::objects::function::{builtin_type_method, Args, NativeFn};
use crate::objects::int::methods as number_methods;
use crate::objects::list::methods as list_methods;
use crate::objects::object as object_methods;
use crate::objects::property;
use crate::objects::set as set_methods;
use crate::objects::slot_wrappers;
use crate::objects::str::methods as str_methods;

/// The `__dict__` of built-in type `id`: its own methods and special methods (`None` as
/// `__hash__` of the unhashable ones), as `str.__dict__['upper']` shows. `Runtime::boot`
/// installs it in the type object, where `TypeObj::lookup` finds it for the type, its
/// values and its subclasses.
pub fn type_dict(id: TypeId, owner: &ObjRef) -> Dict {
    let mut d = Dict::new();
    crate::objects::descriptors::install(id, owner, &mut d);
    let (first, then) = tables(id);
    for (name, f) in first.iter().chain(then) {
        d.set_str(name, builtin_type_method(id, name, *f));
    }
    for name in slot_wrappers::NAMES {
        // The type's slots first: most names are not among them, and this test hashes
        // nothing (the dict lookup was a third of the start-up's instructions).
        let slot = match id {
            TypeId::Object => slot_wrappers::object_lookup(name),
            _ => slot_wrappers::lookup(id, name),
        };
        if let Some((name, f)) = slot.filter(|(name, _)| d.get_str(name).is_none()) {
            d.set_str(name, builtin_type_method(id, name, f));
        }
    }
    if slot_wrappers::is_unhashable(id) {
        d.set_str("__hash__", Value::None);
    }
    if let Some(doc) = crate::objects::type_docs::type_doc(id) {
        d.set_str("__doc__", Value::new_str(doc));
    }
    d
}

/// A method table: names and their native functions.
type MethodTable = &'static [(&'static str, NativeFn)];

/// The method tables of built-in type `id`, the second one's entries replacing the first's
/// (`bytearray` adds its own to `bytes`').
fn tables(id: TypeId) -> (MethodTable, MethodTable) {
    let own = match id {
        TypeId::ByteArray => return (bytes_methods::METHODS, bytearray_methods::METHODS),
        TypeId::Object => object_methods::METHODS,
        TypeId::Type => TYPE_METHODS,
        TypeId::Str => str_methods::METHODS,
        TypeId::List => list_methods::LIST_METHODS,
        TypeId::Tuple => list_methods::TUPLE_METHODS,
        TypeId::Dict => map_methods::DICT_METHODS,
        TypeId::Set | TypeId::FrozenSet => set_methods::SET_METHODS,
        TypeId::Int => INT_METHODS,
        TypeId::Float => FLOAT_METHODS,
        TypeId::Bytes => bytes_methods::METHODS,
        TypeId::Complex => crate::objects::complex::METHODS,
        TypeId::Ellipsis | TypeId::NotImplementedType => SINGLETON_METHODS,
        TypeId::Generator => GENERATOR_METHODS,
        TypeId::Coroutine => coroutines::COROUTINE_METHODS,
        TypeId::AsyncGenerator => coroutines::ASYNC_GENERATOR_METHODS,
        TypeId::CoroutineWrapper | TypeId::AsyncGenASend | TypeId::AsyncGenAThrow => {
            coroutines::AWAIT_METHODS
        }
        TypeId::MemoryView => crate::objects::memoryview::methods::METHODS,
        TypeId::ThreadLock => crate::stdlib::_thread::LOCK_METHODS,
        TypeId::Property => property::METHODS,
        TypeId::GetSetDescriptor | TypeId::MemberDescriptor => property::ACCESS_METHODS,
        TypeId::DictKeys | TypeId::DictItems => map_methods::VIEW_METHODS,
        TypeId::Slice => SLICE_METHODS,
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
        | TypeId::Reversed => return (ITERATOR_METHODS, SIZED_ITERATOR_METHODS),
        TypeId::Enumerate
        | TypeId::Zip
        | TypeId::Map
        | TypeId::Filter
        | TypeId::CallableIterator
        | TypeId::Permutations
        | TypeId::Combinations
        | TypeId::Count
        | TypeId::Repeat
        | TypeId::Chain
        | TypeId::Islice
        | TypeId::Starmap
        | TypeId::TakeWhile
        | TypeId::DropWhile => ITERATOR_METHODS,
        _ => &[],
    };
    (own, &[])
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
            (
                Obj::Property {
                    native: Some(d), ..
                },
                _,
            ) => crate::objects::descriptors::data_attr(d, name),
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
        "co_stacksize" => Value::Int(code.max_stack.into()),
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

/// What the iterators over collections add to [`ITERATOR_METHODS`].
const SIZED_ITERATOR_METHODS: &[(&str, NativeFn)] =
    &[("__length_hint__", crate::objects::iterators::length_hint)];

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
