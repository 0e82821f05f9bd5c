//! Calling the built-in types: `int(...)`, `str(...)`, `list(...)`, `range(...)`, ...

use crate::object::alloc::{self, OrMemoryError};
use num_bigint::BigInt;

use crate::interp::build_values::{mapping_items, new_set};
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::{Instance, TypeId};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::bytes::methods as bytes_methods;
use crate::objects::dict::Dict;
use crate::objects::function::Args;
use crate::objects::int::{from_big, parse_int_checked, to_big};
use crate::protocol::iter;
use crate::protocol::ops;
use crate::text::repr::{str_of, str_repr};

pub fn construct(ts: &mut ThreadState, id: TypeId, args: &Args) -> PyResult {
    match id {
        TypeId::Int => int(ts, args),
        TypeId::Float => float(ts, args),
        TypeId::Complex => crate::objects::complex::construct(ts, args),
        TypeId::Str => string(ts, args),
        TypeId::Bool => {
            let a = positional(ts, "bool", args, 0, 1)?;
            Ok(Value::Bool(match a.first() {
                Some(v) => ops::truthy(ts, v)?,
                None => false,
            }))
        }
        TypeId::List => {
            let a = positional(ts, "list", args, 0, 1)?;
            Ok(Value::new_list(match a.first() {
                Some(v) => iter::collect(ts, v)?,
                None => Vec::new(),
            }))
        }
        TypeId::Tuple => {
            let a = positional(ts, "tuple", args, 0, 1)?;
            Ok(match a.first() {
                Some(v) if matches!(v.obj().map(|o| &**o), Some(Obj::Tuple(_))) => v.clone(),
                Some(v) => Value::new_tuple(iter::collect(ts, v)?),
                None => Value::new_tuple(Vec::new()),
            })
        }
        TypeId::Dict => dict(ts, args),
        TypeId::Set | TypeId::FrozenSet => {
            let name = id.name();
            let a = positional(ts, name, args, 0, 1)?;
            let set = new_set(ts, Vec::new(), id == TypeId::FrozenSet)?;
            if let Some(v) = a.first() {
                crate::interp::build_values::set_update(ts, &set, v)?;
            }
            Ok(set)
        }
        TypeId::Range => range(ts, args),
        TypeId::Type if args.pos.len() == 3 => {
            let cls = ts.rt.type_obj(TypeId::Type).clone();
            crate::protocol::class_new::type_new(ts, &cls, args)
        }
        TypeId::Type => {
            let a = positional(ts, "type", args, 1, 1)
                .map_err(|_| ts.type_error("type() takes 1 or 3 arguments"))?;
            Ok(Value::Obj(class_of(ts, &a[0])))
        }
        TypeId::Object => {
            positional(ts, "object", args, 0, 0)
                .map_err(|_| ts.type_error("object() takes no arguments"))?;
            Ok(Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
                ts.rt.type_obj(TypeId::Object).clone(),
                Dict::new(),
                None,
            )))))
        }
        TypeId::Slice => {
            let a = positional(ts, "slice", args, 1, 3)?;
            let (start, stop, step) = match a.len() {
                1 => (Value::None, a[0].clone(), Value::None),
                2 => (a[0].clone(), a[1].clone(), Value::None),
                _ => (a[0].clone(), a[1].clone(), a[2].clone()),
            };
            Ok(Value::Obj(ObjRef::new(Obj::Slice { start, stop, step })))
        }
        TypeId::Bytes => bytes(ts, args),
        TypeId::ByteArray => bytearray(ts, args),
        TypeId::MemoryView => {
            let a = positional(ts, "memoryview", args, 1, 1)?;
            crate::objects::memoryview::construct(ts, &a[0])
        }
        TypeId::Super => {
            let a = positional(ts, "super", args, 1, 2)?;
            match a[0].obj() {
                Some(c) if matches!(&**c, Obj::Type(_)) => {
                    Ok(Value::Obj(ObjRef::new(Obj::Super {
                        class: c.clone(),
                        // `super(C)` is unbound: no object to bind to.
                        this: a.get(1).cloned().unwrap_or(Value::Null),
                    })))
                }
                _ => Err(ts.type_error("super() argument 1 must be a type")),
            }
        }
        TypeId::Property => crate::objects::property::construct(ts, args),
        TypeId::ClassMethod => {
            let a = positional(ts, "classmethod", args, 1, 1)?;
            Ok(Value::Obj(ObjRef::new(Obj::ClassMethod(a[0].clone()))))
        }
        TypeId::StaticMethod => {
            let a = positional(ts, "staticmethod", args, 1, 1)?;
            Ok(Value::Obj(ObjRef::new(Obj::StaticMethod(a[0].clone()))))
        }
        TypeId::Enumerate => crate::objects::iterators::enumerate(ts, args),
        TypeId::Zip => crate::objects::iterators::zip(ts, args),
        TypeId::Map => crate::objects::iterators::map(ts, args),
        TypeId::Filter => crate::objects::iterators::filter(ts, args),
        TypeId::Ellipsis => {
            positional(ts, "ellipsis", args, 0, 0)?;
            Ok(Value::Obj(ObjRef::new(Obj::Ellipsis)))
        }
        TypeId::NotImplementedType => {
            positional(ts, "NotImplementedType", args, 0, 0)?;
            Ok(Value::Obj(ObjRef::new(Obj::NotImplemented)))
        }
        other => Err(ts.type_error(format!(
            "cannot create '{}' instances",
            other.qualified_name()
        ))),
    }
}

pub fn float_to_int(ts: &ThreadState, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(ts.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(ts.new_exc(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mag = BigInt::from(mantissa) << (exp as usize);
    Ok(from_big(if t < 0.0 { -mag } else { mag }))
}

fn int(ts: &mut ThreadState, args: &Args) -> PyResult {
    let base_arg = args.pos.get(1).or(args.kw("base")).cloned();
    let Some(x) = args.pos.first() else {
        return Ok(Value::Int(0));
    };
    let literal = match x.as_str() {
        Some(s) => Some(s.as_str().to_string()),
        None => bytes_methods::bytes_data(x).map(|b| b.iter().map(|&c| c as char).collect()),
    };
    if let Some(base) = base_arg {
        let base = int_arg(ts, &base)?;
        if !(base == 0 || (2..=36).contains(&base)) {
            return Err(ts.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Some(text) = literal else {
            return Err(ts.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int_literal(ts, x, &text, base as u32);
    }
    if let Some(text) = literal {
        return parse_int_literal(ts, x, &text, 10);
    }
    match x {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(ts, *f),
        Value::Obj(o) => match &**o {
            Obj::BigInt(_) => Ok(x.clone()),
            Obj::Str(s) => parse_int_literal(ts, x, s.as_str(), 10),
            Obj::Instance(inst) => {
                match crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Int).or_else(
                    || crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Index),
                ) {
                    Some(m) => {
                        crate::protocol::call::call_value(ts, &m, std::slice::from_ref(x), &[])
                    }
                    // An instance of a subclass of a built-in type: `int()` of its value.
                    None => match crate::protocol::class::builtin_base(x) {
                        Some(base) => int(ts, &Args::new(std::slice::from_ref(&base), &[])),
                        None => Err(int_type_error(ts, x)),
                    },
                }
            }
            _ => Err(int_type_error(ts, x)),
        },
        _ => Err(int_type_error(ts, x)),
    }
}

/// `int(text, base)` of a str or bytes `x` whose characters are `text`.
fn parse_int_literal(ts: &mut ThreadState, x: &Value, text: &str, base: u32) -> PyResult {
    match parse_int_checked(ts, text, base)? {
        Some(n) => Ok(from_big(n)),
        None => {
            let shown = match x.as_str() {
                Some(s) => str_repr(s.as_str()),
                None => crate::text::repr::repr(ts, x)?,
            };
            // CPython's `%.200R`: the repr cut to 200 characters.
            let shown: String = shown.chars().take(200).collect();
            Err(ts.value_error(format!(
                "invalid literal for int() with base {base}: {shown}"
            )))
        }
    }
}

fn int_type_error(ts: &ThreadState, x: &Value) -> ObjRef {
    ts.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(ts, x)
    ))
}

/// Parses Python float syntax (`1e3`, `inf`, `-nan`, `1_000.5`, surrounding whitespace).
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if matches!(unsigned, "inf" | "infinity" | "nan") {
        let negative = lower.starts_with('-');
        return Some(match unsigned {
            "nan" => crate::objects::float::fresh_nan(negative),
            _ if negative => f64::NEG_INFINITY,
            _ => f64::INFINITY,
        });
    }
    if t.is_empty()
        || t.starts_with('_')
        || t.ends_with('_')
        || t.contains("__")
        || lower.contains("_.")
        || lower.contains("._")
    {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if !clean
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    clean.parse().ok()
}

fn float(ts: &mut ThreadState, args: &Args) -> PyResult {
    let a = positional(ts, "float", args, 0, 1)?;
    let Some(x) = a.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => crate::objects::int::big_to_f64(b)
                .map(Value::Float)
                .ok_or_else(|| {
                    ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")
                }),
            Obj::Str(s) => parse_float(s.as_str()).map(Value::Float).ok_or_else(|| {
                ts.value_error(format!(
                    "could not convert string to float: {}",
                    str_repr(s.as_str())
                ))
            }),
            Obj::Bytes(b) => std::str::from_utf8(b)
                .ok()
                .and_then(parse_float)
                .map(Value::Float)
                .ok_or_else(|| {
                    ts.value_error(format!(
                        "could not convert string to float: {}",
                        crate::text::repr::bytes_repr(b)
                    ))
                }),
            Obj::Instance(inst) => {
                match crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Float) {
                    Some(m) => {
                        crate::protocol::call::call_value(ts, &m, std::slice::from_ref(x), &[])
                    }
                    None => match crate::protocol::class::builtin_base(x) {
                        Some(base) => float(ts, &Args::new(std::slice::from_ref(&base), &[])),
                        None => Err(float_type_error(ts, x)),
                    },
                }
            }
            _ => Err(float_type_error(ts, x)),
        },
        _ => Err(float_type_error(ts, x)),
    }
}

fn float_type_error(ts: &ThreadState, x: &Value) -> ObjRef {
    ts.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(ts, x)
    ))
}

/// `str(x)` for the eval loop's call of the `str` type itself with one int, float or str of
/// the built-in types, straight off the stack: no `Args`, no class checks, the text written
/// at its exact length. `None` for any other call (the general path: subclasses,
/// `__str__`, bools, keywords).
#[inline]
pub fn plain_str_call(ts: &ThreadState, callee: &Value, arg: &Value) -> Option<Value> {
    if !callee
        .obj()
        .is_some_and(|c| ObjRef::ptr_eq(c, ts.rt.type_obj(TypeId::Str)))
    {
        return None;
    }
    match arg {
        Value::Int(i) => Some(crate::objects::int::small_int_str(*i)),
        Value::Float(x) => Some(Value::new_str(crate::objects::float::float_repr(*x))),
        Value::Obj(o) if matches!(&**o, Obj::Str(_)) => Some(arg.clone()),
        _ => None,
    }
}

fn string(ts: &mut ThreadState, args: &Args) -> PyResult {
    let given = args.pos.len() + args.kwnames.len();
    if given > 3 {
        return Err(ts.type_error(format!("str() takes at most 3 arguments ({given} given)")));
    }
    let names = args.kwnames.iter().filter_map(Value::as_str);
    if let Some(bad) = names
        .map(|n| n.as_str())
        .find(|n| !matches!(*n, "object" | "encoding" | "errors"))
    {
        return Err(ts.type_error(format!("'{bad}' is an invalid keyword argument for str()")));
    }
    let Some(x) = args.pos.first().or_else(|| args.kw("object")) else {
        return Ok(Value::new_str(""));
    };
    if let (Some(b), true) = (
        bytes_methods::bytes_data(x),
        args.pos.len() > 1 || args.kw("encoding").is_some() || args.kw("errors").is_some(),
    ) {
        let (encoding, errors) = bytes_methods::codec_args_from(ts, args, 1)?;
        return Ok(Value::from_pystr(crate::text::codecs::decode(
            ts, &b, encoding, errors,
        )?));
    }
    if x.as_str().is_some() {
        return Ok(x.clone());
    }
    Ok(Value::new_str(str_of(ts, x)?))
}

fn dict(ts: &mut ThreadState, args: &Args) -> PyResult {
    if args.pos.len() > 1 {
        return Err(ts.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut d = Dict::new();
    if let Some(src) = args.pos.first() {
        for (k, v) in mapping_items(ts, src)? {
            crate::objects::dict::keys::insert_new(ts, &mut d, k, v)?;
        }
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        d.insert(k.clone(), v.clone());
    }
    Ok(Value::new_dict(d))
}

fn range(ts: &mut ThreadState, args: &Args) -> PyResult {
    let a = positional(ts, "range", args, 1, 3)?;
    let mut ints = Vec::with_capacity(3);
    for v in a {
        let n = crate::protocol::ops::index_of(ts, v)?.unwrap_or_else(|| v.clone());
        ints.push(int_arg(ts, &n)?);
    }
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(ts.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(ObjRef::new(Obj::Range { start, stop, step })))
}

/// The contents of `bytes(...)` / `bytearray(...)`: nothing, a count of zero bytes, an
/// encoded str, or an iterable of ints.
fn byte_source(ts: &mut ThreadState, args: &Args) -> PyResult<Vec<u8>> {
    let Some(v) = args.pos.first().or_else(|| args.kw("source")) else {
        return Ok(Vec::new());
    };
    if let Some(s) = v.as_str() {
        if args.pos.len() < 2 && args.kw("encoding").is_none() {
            return Err(ts.type_error("string argument without an encoding"));
        }
        let (encoding, errors) = bytes_methods::codec_args_from(ts, args, 1)?;
        return crate::text::codecs::encode(ts, v, s, encoding, errors);
    }
    if args.pos.len() > 1 || args.kw("encoding").is_some() {
        return Err(ts.type_error("encoding without a string argument"));
    }
    if let Some(n) = to_big(v).filter(|_| !matches!(v, Value::Bool(_))) {
        let n = i64::try_from(n).map_err(|_| {
            ts.new_exc(
                ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )
        })?;
        if n < 0 {
            return Err(ts.value_error("negative count"));
        }
        return alloc::zeroed(n as usize).or_memory_error(ts);
    }
    if let Some(b) = bytes_methods::bytes_data(v) {
        return Ok(b);
    }
    let mut out = Vec::new();
    for item in iter::collect(ts, v)? {
        match to_big(&item) {
            Some(b) => out.push(
                u8::try_from(b).map_err(|_| ts.value_error("bytes must be in range(0, 256)"))?,
            ),
            None => {
                return Err(ts.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(ts, &item)
                )))
            }
        }
    }
    Ok(out)
}

fn bytes(ts: &mut ThreadState, args: &Args) -> PyResult {
    if let ([arg], true) = (args.pos, args.kwnames.is_empty()) {
        if let Some(result) = call_dunder_bytes(ts, arg)? {
            return Ok(result);
        }
    }
    Ok(bytes_methods::new_bytes(byte_source(ts, args)?))
}

/// `bytes(x)` of an instance whose class defines `__bytes__`: its result (which must be bytes).
fn call_dunder_bytes(ts: &mut ThreadState, arg: &Value) -> PyResult<Option<Value>> {
    let Some(inst) = arg.as_instance() else {
        return Ok(None);
    };
    let Obj::Type(t) = inst.class() else {
        return Ok(None);
    };
    let Some(method) = t.lookup(ts.rt.names.get(crate::object::names::Dunder::Bytes)) else {
        return Ok(None);
    };
    let result = crate::protocol::call::call_value(ts, &method, std::slice::from_ref(arg), &[])?;
    if !matches!(result.obj().map(|o| &**o), Some(Obj::Bytes(_))) {
        return Err(ts.type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            type_name(ts, &result)
        )));
    }
    Ok(Some(result))
}

fn bytearray(ts: &mut ThreadState, args: &Args) -> PyResult {
    Ok(bytes_methods::new_bytearray(byte_source(ts, args)?))
}
