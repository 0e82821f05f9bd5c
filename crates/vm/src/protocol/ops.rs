//! Operators: truthiness, arithmetic (numeric tower int → float), sequence operators,
//! comparisons, membership, with user-class dunder dispatch and CPython's error messages.

use crate::object::alloc::{self, OrMemoryError};
use gilvm_compiler::bytecode::{BinaryOperator as B, Comparison};
use num_bigint::BigInt;
use num_traits::{Pow, Signed, ToPrimitive, Zero};

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::complex;
use crate::objects::dict::hash_value;
use crate::objects::int::{self, big_to_f64, from_big};
use crate::protocol::class;
use crate::protocol::iter;
use crate::protocol::sequence as seq;

/// `operator.index(v)`: `v` itself for ints, `v.__index__()` for objects that define it,
/// `None` for anything else.
pub fn index_of(ts: &mut ThreadState, v: &Value) -> PyResult<Option<Value>> {
    if crate::objects::int::to_big(v).is_some() {
        return Ok(Some(v.clone()));
    }
    // An instance of an `int` subclass without `__index__` of its own: its int value.
    if let Some(base) = class::builtin_base(v).filter(|b| crate::objects::int::to_big(b).is_some())
    {
        let own_index = v
            .as_instance()
            .and_then(|i| class::lookup_special(ts, i.class(), Dunder::Index));
        if own_index.is_none() {
            return Ok(Some(base));
        }
    }
    let Some(m) = v
        .as_instance()
        .and_then(|inst| class::lookup_special(ts, inst.class(), Dunder::Index))
    else {
        return Ok(None);
    };
    let r = crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
    if crate::objects::int::to_big(&r).is_none() {
        return Err(ts.type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(ts, &r)
        )));
    }
    Ok(Some(r))
}

pub fn truthy(ts: &mut ThreadState, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::Null | Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Obj(o) => match &**o {
            Obj::Str(s) => s.char_len() > 0,
            Obj::Bytes(b) => !b.is_empty(),
            Obj::ByteArray(b) => !b.borrow().is_empty(),
            Obj::MemoryView(_) => seq::len_of(ts, v)? > 0,
            Obj::BigInt(b) => !b.is_zero(),
            Obj::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Obj::List(l) => !l.borrow().is_empty(),
            Obj::Tuple(t) => !t.is_empty(),
            Obj::Dict(d) => !d.borrow().is_empty(),
            Obj::Set { items, .. } => !items.borrow().is_empty(),
            Obj::Range { .. } => seq::range_len(o) > 0,
            Obj::DictView { dict, .. } => seq::len_of(ts, &Value::Obj(dict.clone()))? > 0,
            Obj::Type(_) if class::meta_special(ts, v, Dunder::Bool).is_some() => {
                let m = class::meta_special(ts, v, Dunder::Bool).unwrap_or_default();
                let r = crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
                return truthy(ts, &r);
            }
            Obj::Type(_) if class::meta_special(ts, v, Dunder::Len).is_some() => {
                seq::len_of(ts, v)? > 0
            }
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Bool) {
                    let r =
                        crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(ts.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            type_name(ts, &r)
                        ))),
                    };
                }
                if class::lookup_special(ts, inst.class(), Dunder::Len).is_some() {
                    return Ok(seq::len_of(ts, v)? > 0);
                }
                match class::builtin_base(v) {
                    Some(base) => return truthy(ts, &base),
                    None => true,
                }
            }
            _ => true,
        },
    })
}

/// A number operand.
enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn to_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => Some(Num::B(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// `a op b` when both are ints or floats (`bool` included); `None` otherwise.
pub fn try_numeric_op(
    ts: &mut ThreadState,
    op: B,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    match (to_num(a), to_num(b)) {
        (Some(x), Some(y)) => numeric_op(ts, op, x, y).map(Some),
        _ => Ok(None),
    }
}

impl Num {
    fn big(&self) -> BigInt {
        match self {
            Num::I(i) => BigInt::from(*i),
            Num::B(b) => b.clone(),
            Num::F(f) => BigInt::from(*f as i64),
        }
    }
    fn float(&self, ts: &ThreadState) -> PyResult<f64> {
        match self {
            Num::I(i) => Ok(*i as f64),
            Num::F(f) => Ok(*f),
            Num::B(b) => big_to_f64(b).ok_or_else(|| {
                ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")
            }),
        }
    }
    fn is_float(&self) -> bool {
        matches!(self, Num::F(_))
    }
}

pub fn binary_op(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult {
    match try_binary_op(ts, op, a, b)? {
        Some(r) => Ok(r),
        None => Err(binary_type_error(ts, op, a, b)),
    }
}

/// `a op b`, or `None` where no operand supports the operation (the slots of the built-in
/// types answer `NotImplemented` there: `(1).__add__('x')`).
pub fn try_binary_op(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            B::And => return Ok(Some(Value::Bool(x & y))),
            B::Or => return Ok(Some(Value::Bool(x | y))),
            B::Xor => return Ok(Some(Value::Bool(x ^ y))),
            _ => {}
        }
    }
    let operand_bytes = big_bytes(a).saturating_add(big_bytes(b));
    if operand_bytes >= alloc::PROBED_FROM {
        big_room(ts, op, operand_bytes)?;
    }
    if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
        return numeric_op(ts, op, x, y).map(Some);
    }
    if let Some(r) = class::subclass_reflected_first(ts, op, a, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = complex::binary_op(ts, op, a, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = seq::sequence_op(ts, op, a, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = class::binary_dunder(ts, op, a, b)? {
        return Ok(Some(r));
    }
    if let Some((x, y)) = class::unwrap_bases(a, b) {
        return binary_op(ts, op, &x, &y).map(Some);
    }
    if op == B::Or {
        if let Some(r) = class::type_union(ts, a, b)? {
            return Ok(Some(r));
        }
    }
    if op == B::Multiply {
        if let Some(r) = repeat_by_index(ts, a, b)? {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// The size of `v`'s digits if it is a big int, else 0.
fn big_bytes(v: &Value) -> usize {
    match v {
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => (b.bits() / 8) as usize,
            _ => 0,
        },
        _ => 0,
    }
}

/// num-bigint allocates infallibly: before an operation on big ints whose digits take
/// `operand_bytes`, `MemoryError` unless there is room for the operands' copies, the result
/// and (multiplying) the scratch space, so that a program growing a number past the
/// machine's memory (or `ulimit -v`) gets an exception, not an abort. Powers and shifts
/// check their own result sizes.
fn big_room(ts: &ThreadState, op: B, operand_bytes: usize) -> PyResult<()> {
    let factor = if op == B::Multiply { 6 } else { 4 };
    alloc::probe(operand_bytes.saturating_mul(factor)).or_memory_error(ts)
}

/// `sequence * obj` (either order) where `obj` defines `__index__`.
fn repeat_by_index(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (seq, count) = if a.as_instance().is_some() {
        (b, a)
    } else {
        (a, b)
    };
    if count.as_instance().is_none() {
        return Ok(None);
    }
    match index_of(ts, count)? {
        Some(n) => seq::sequence_op(ts, B::Multiply, seq, &n),
        None => Ok(None),
    }
}

fn binary_type_error(ts: &ThreadState, op: B, a: &Value, b: &Value) -> ObjRef {
    let (ta, tb) = (type_name(ts, a), type_name(ts, b));
    let concat = matches!(op, B::Add) && matches!(ta.as_str(), "str" | "list" | "tuple" | "bytes");
    if concat && class_of(ts, a).id() != class_of(ts, b).id() {
        return ts.type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
    }
    let seq_types = ["str", "list", "tuple", "bytes"];
    if matches!(op, B::Multiply)
        && (seq_types.contains(&ta.as_str()) || seq_types.contains(&tb.as_str()))
    {
        let other = if seq_types.contains(&ta.as_str()) {
            &tb
        } else {
            &ta
        };
        return ts.type_error(format!(
            "can't multiply sequence by non-int of type '{other}'"
        ));
    }
    let sym = if matches!(op, B::Power) {
        "** or pow()"
    } else {
        op.symbol()
    };
    ts.type_error(format!(
        "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
    ))
}

pub fn inplace_op(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult {
    if let Some(r) = seq::inplace_sequence_op(ts, op, a, b)? {
        return Ok(r);
    }
    if let Some(r) = class::inplace_dunder(ts, op, a, b)? {
        return Ok(r);
    }
    binary_op(ts, op, a, b)
}

fn numeric_op(ts: &mut ThreadState, op: B, x: Num, y: Num) -> PyResult {
    if x.is_float() || y.is_float() {
        return float_op(ts, op, x, y);
    }
    if let (Num::I(a), Num::I(b)) = (&x, &y) {
        let (a, b) = (*a, *b);
        match op {
            B::Add => return Ok(int::add(a, b)),
            B::Subtract => return Ok(int::sub(a, b)),
            B::Multiply => return Ok(int::mul(a, b)),
            B::FloorDivide => {
                return int::floordiv_small(a, b)
                    .ok_or_else(|| ts.zero_division("integer division or modulo by zero"))
            }
            B::Remainder => {
                return int::mod_small(a, b)
                    .ok_or_else(|| ts.zero_division("integer modulo by zero"))
            }
            B::And => return Ok(Value::Int(a & b)),
            B::Or => return Ok(Value::Int(a | b)),
            B::Xor => return Ok(Value::Int(a ^ b)),
            _ => {}
        }
    }
    let (a, b) = (x.big(), y.big());
    Ok(match op {
        B::Add => from_big(a + b),
        B::Subtract => from_big(a - b),
        B::Multiply => from_big(a * b),
        B::FloorDivide => from_big(
            int::floordiv(&a, &b)
                .ok_or_else(|| ts.zero_division("integer division or modulo by zero"))?,
        ),
        B::Remainder => {
            from_big(int::modulo(&a, &b).ok_or_else(|| ts.zero_division("integer modulo by zero"))?)
        }
        B::TrueDivide => {
            if b.is_zero() {
                return Err(ts.zero_division("division by zero"));
            }
            Value::Float(int_true_divide(ts, &a, &b)?)
        }
        B::Power => int_power(ts, &a, &b)?,
        B::LeftShift | B::RightShift => shift(ts, op, &a, &b)?,
        B::And => from_big(a & b),
        B::Or => from_big(a | b),
        B::Xor => from_big(a ^ b),
        B::MatrixMultiply => {
            return Err(ts.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
        }
    })
}

fn int_true_divide(ts: &ThreadState, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y)) if x.abs() < 9.0e15 && y.abs() < 9.0e15 => Ok(x / y),
        _ => {
            // Exact enough for huge operands: scale to keep 64 significant bits.
            let q = num_rational_divide(a, b);
            q.filter(|f| f.is_finite()).ok_or_else(|| {
                ts.new_exc(
                    ExcKind::OverflowError,
                    "integer division result too large for a float",
                )
            })
        }
    }
}

fn num_rational_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    let shift = (a.bits() as i64 - b.bits() as i64 - 64).max(0) as u64;
    let back = (b.bits() as i64 - a.bits() as i64 + 64).max(0) as u64;
    let scaled = ((a << back) >> shift) / b;
    let f = scaled.to_f64()?;
    Some(f * 2f64.powi(shift as i32 - back as i32))
}

fn int_power(ts: &ThreadState, a: &BigInt, b: &BigInt) -> PyResult {
    if b.is_negative() {
        if a.is_zero() {
            return Err(ts.zero_division("0.0 cannot be raised to a negative power"));
        }
        let base = big_to_f64(a).unwrap_or(f64::INFINITY);
        let exp = b.to_f64().unwrap_or(f64::NEG_INFINITY);
        return Ok(Value::Float(base.powf(exp)));
    }
    if a.magnitude().bits() <= 1 {
        // 0, 1 and -1 to any power: no digits to grow.
        let odd = b.bit(0);
        let result = if b.is_zero() || (a.is_negative() && !odd) {
            BigInt::from(1)
        } else {
            a.clone()
        };
        return Ok(from_big(result));
    }
    // The result has about `bits(a) * b` bits: more than the machine holds is CPython's
    // `MemoryError` (after a long computation; here at once).
    let bits = b
        .to_u64()
        .and_then(|e| e.checked_mul(a.magnitude().bits() - 1));
    // Squaring keeps the result and one or two intermediates of about its size.
    if bits.is_none_or(|bits| alloc::probe(((bits / 8) as usize).saturating_mul(3)).is_err()) {
        return Err(ts.memory_error());
    }
    let exp = b
        .to_u32()
        .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "exponent too large"))?;
    Ok(from_big(Pow::pow(a, exp)))
}

fn shift(ts: &ThreadState, op: B, a: &BigInt, b: &BigInt) -> PyResult {
    if b.is_negative() {
        return Err(ts.value_error("negative shift count"));
    }
    let left = matches!(op, B::LeftShift);
    if a.is_zero() || (!left && b >= &BigInt::from(a.bits())) {
        // Every bit shifted out: 0, or -1 for a negative `a` (rounding toward -infinity).
        return Ok(Value::Int(if a.is_negative() { -1 } else { 0 }));
    }
    // `b` is below `a`'s bit count when shifting right; shifting left, the result's size is
    // `MemoryError` when the machine cannot hold it, as in CPython.
    let n = b.to_usize().ok_or_else(|| ts.memory_error())?;
    if left
        && (n / 8)
            .checked_add(a.bits() as usize / 8 + 16)
            .is_none_or(|len| alloc::probe(len.saturating_mul(2)).is_err())
    {
        return Err(ts.memory_error());
    }
    Ok(if left {
        from_big(a << n)
    } else if a.is_negative() {
        // Arithmetic shift rounds toward negative infinity.
        from_big(-((-a - 1u32) >> n) - 1u32)
    } else {
        from_big(a >> n)
    })
}

fn float_op(ts: &mut ThreadState, op: B, x: Num, y: Num) -> PyResult {
    let (a, b) = (x.float(ts)?, y.float(ts)?);
    let r = match op {
        B::Add => a + b,
        B::Subtract => a - b,
        B::Multiply => a * b,
        B::TrueDivide => {
            if b == 0.0 {
                return Err(ts.zero_division("float division by zero"));
            }
            a / b
        }
        B::FloorDivide => crate::objects::float::floordiv(a, b)
            .ok_or_else(|| ts.zero_division("float floor division by zero"))?,
        B::Remainder => {
            crate::objects::float::modulo(a, b).ok_or_else(|| ts.zero_division("float modulo"))?
        }
        B::Power => {
            if a == 0.0 && b < 0.0 {
                return Err(ts.zero_division("0.0 cannot be raised to a negative power"));
            }
            if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                // A negative base to a fractional power is complex, as in CPython.
                let r = complex::binary_op(
                    ts,
                    op,
                    &complex::new_complex(complex::Complex::new(a, 0.0)),
                    &Value::Float(b),
                )?;
                return Ok(r.unwrap_or(Value::Float(f64::NAN)));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(ts.new_exc(
                    ExcKind::OverflowError,
                    "(34, 'Numerical result out of range')",
                ));
            }
            r
        }
        _ => {
            let names = |n: &Num| if n.is_float() { "float" } else { "int" };
            let sym = op.symbol();
            return Err(ts.type_error(format!(
                "unsupported operand type(s) for {sym}: '{}' and '{}'",
                names(&x),
                names(&y)
            )));
        }
    };
    Ok(Value::Float(r))
}

pub fn unary_negative(ts: &mut ThreadState, v: &Value) -> PyResult {
    match to_num(v) {
        Some(Num::I(i)) => Ok(int::sub(0, i)),
        Some(Num::B(b)) => Ok(from_big(-b)),
        Some(Num::F(f)) => Ok(Value::Float(-f)),
        None => match complex::complex_of(v) {
            Some(c) => Ok(complex::new_complex(complex::Complex::new(-c.re, -c.im))),
            None => class::unary_dunder(ts, v, Dunder::Neg, "-", unary_negative),
        },
    }
}

pub fn unary_positive(ts: &mut ThreadState, v: &Value) -> PyResult {
    match to_num(v) {
        Some(Num::I(i)) => Ok(Value::Int(i)),
        Some(_) => Ok(v.clone()),
        None if complex::complex_of(v).is_some() => Ok(v.clone()),
        None => class::unary_dunder(ts, v, Dunder::Pos, "+", unary_positive),
    }
}

pub fn unary_invert(ts: &mut ThreadState, v: &Value) -> PyResult {
    match to_num(v) {
        Some(Num::I(i)) => Ok(Value::Int(!i)),
        Some(Num::B(b)) => Ok(from_big(-b - 1u32)),
        _ => class::unary_dunder(ts, v, Dunder::Invert, "~", unary_invert),
    }
}

/// Numeric equality across int/float/bool (None when either side is not a number).
pub fn numeric_eq(a: &Value, b: &Value) -> Option<bool> {
    let (Some(x), Some(y)) = (to_num(a), to_num(b)) else {
        return complex::equals(a, b);
    };
    numeric_cmp(&x, &y)
        .map(|o| o == std::cmp::Ordering::Equal)
        .or(Some(false))
}

fn numeric_cmp(x: &Num, y: &Num) -> Option<std::cmp::Ordering> {
    match (x, y) {
        (Num::I(a), Num::I(b)) => Some(a.cmp(b)),
        (Num::F(a), Num::F(b)) => a.partial_cmp(b),
        (Num::F(a), other) => int_float_cmp(&other.big(), *a).map(std::cmp::Ordering::reverse),
        (other, Num::F(b)) => int_float_cmp(&other.big(), *b),
        _ => Some(x.big().cmp(&y.big())),
    }
}

/// Exact comparison of an int with a float (as CPython: `2**53 + 1 != 2.0**53`).
fn int_float_cmp(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering::*;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Less } else { Greater });
    }
    let floor = f.floor();
    match i.cmp(&crate::objects::float::integral_to_big(floor)) {
        Equal if f > floor => Some(Less),
        o => Some(o),
    }
}

fn ordering_matches(op: Comparison, o: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    match (op, o) {
        (Comparison::NotEqual, None) => true,
        (_, None) => false,
        (Comparison::Less, Some(o)) => o == Less,
        (Comparison::LessEqual, Some(o)) => o != Greater,
        (Comparison::Equal, Some(o)) => o == Equal,
        (Comparison::NotEqual, Some(o)) => o != Equal,
        (Comparison::Greater, Some(o)) => o == Greater,
        (Comparison::GreaterEqual, Some(o)) => o != Less,
    }
}

pub fn compare(ts: &mut ThreadState, op: Comparison, a: &Value, b: &Value) -> PyResult {
    if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
        return Ok(Value::Bool(ordering_matches(op, numeric_cmp(&x, &y))));
    }
    if let Some(r) = complex::compare(op, a, b) {
        return Ok(r);
    }
    if matches!(op, Comparison::Equal | Comparison::NotEqual) {
        if let Some(same) = crate::objects::memoryview::methods::equal(ts, a, b)? {
            return Ok(Value::Bool(same == matches!(op, Comparison::Equal)));
        }
    }
    if let Some(r) = seq::sequence_compare(ts, a, b, op)? {
        return Ok(r);
    }
    if let Some(o) = seq::builtin_compare(ts, a, b, op)? {
        return Ok(Value::Bool(ordering_matches(op, o)));
    }
    if let (Some(x), Some(y)) = (slice_as_tuple(a), slice_as_tuple(b)) {
        return compare(ts, op, &x, &y);
    }
    if let Some(r) = class::compare_dunder(ts, op, a, b)? {
        return Ok(r);
    }
    if let Some((x, y)) = class::unwrap_bases(a, b) {
        return compare(ts, op, &x, &y);
    }
    match op {
        Comparison::Equal => Ok(Value::Bool(
            a.is(b) || crate::objects::dict::keys_equal(a, b),
        )),
        Comparison::NotEqual => Ok(Value::Bool(
            !(a.is(b) || crate::objects::dict::keys_equal(a, b)),
        )),
        _ => Err(ts.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(ts, a),
            type_name(ts, b)
        ))),
    }
}

/// A slice as the tuple `(start, stop, step)`: slices compare as those tuples do.
fn slice_as_tuple(v: &Value) -> Option<Value> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Slice { start, stop, step }) => Some(Value::new_tuple(vec![
            start.clone(),
            stop.clone(),
            step.clone(),
        ])),
        _ => None,
    }
}

/// `a == b` as a bool.
pub fn eq(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Obj::Str(s), Obj::Str(t)) => Ok(s == t),
            _ => {
                let r = compare(ts, Comparison::Equal, a, b)?;
                truthy(ts, &r)
            }
        },
        _ => {
            let r = compare(ts, Comparison::Equal, a, b)?;
            truthy(ts, &r)
        }
    }
}

/// The order of two values of one type whose comparison is native and total: ints, strs,
/// floats other than NaN. `None` for everything else (take [`less_than`] / [`eq`]).
#[inline]
pub fn native_order(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Obj::Str(s), Obj::Str(t)) => Some(s.cmp(t)),
            _ => None,
        },
        _ => None,
    }
}

/// `a < b` as a bool (for sorting, min, max).
pub fn less_than(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Obj::Str(s), Obj::Str(t)) => Ok(s < t),
            (Obj::Tuple(s), Obj::Tuple(t)) => tuple_less_than(ts, s, t),
            _ => generic_less_than(ts, a, b),
        },
        _ => generic_less_than(ts, a, b),
    }
}

fn generic_less_than(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    let r = compare(ts, Comparison::Less, a, b)?;
    truthy(ts, &r)
}

/// `s < t` for tuples (sort keys such as `(-count, word)`): the first unequal items decide,
/// else the lengths, as `tuplerichcompare`; no copy of either tuple. Items of one native type
/// are ordered by one three-way comparison instead of `==` then `<`.
fn tuple_less_than(ts: &mut ThreadState, s: &[Value], t: &[Value]) -> PyResult<bool> {
    for (p, q) in s.iter().zip(t) {
        match native_order(p, q) {
            Some(std::cmp::Ordering::Equal) => {}
            Some(order) => return Ok(order == std::cmp::Ordering::Less),
            None if !eq(ts, p, q)? => return less_than(ts, p, q),
            None => {}
        }
    }
    Ok(s.len() < t.len())
}

/// The hash of a value, or `TypeError: unhashable type`.
pub fn hash(ts: &mut ThreadState, v: &Value) -> PyResult<u64> {
    if let Some(Obj::MemoryView(m)) = v.obj().map(|o| &**o) {
        return crate::objects::memoryview::methods::hash(ts, m);
    }
    if let Some(inst) = v.as_instance() {
        if let Some(m) =
            class::lookup_special(ts, inst.class(), Dunder::Hash).filter(|m| !m.is_none())
        {
            let r = crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
            return match r {
                Value::Int(-1) => Ok(-2i64 as u64),
                // An int that fits a machine word is the hash itself, as in CPython (so a
                // `__hash__` returning `hash(some_str)` hashes like that str).
                Value::Int(i) => Ok(i as u64),
                Value::Bool(_) => Ok(hash_value(&r).unwrap_or(0)),
                Value::Obj(ref o) if matches!(&**o, Obj::BigInt(_)) => {
                    Ok(hash_value(&r).unwrap_or(0))
                }
                _ => Err(ts.type_error("__hash__ method should return an integer")),
            };
        }
    }
    let unhashable_instance = v
        .as_instance()
        .and_then(|inst| class::lookup_special(ts, inst.class(), Dunder::Hash))
        .is_some_and(|m| m.is_none());
    if unhashable_instance {
        return Err(ts.type_error(format!("unhashable type: '{}'", type_name(ts, v))));
    }
    if let Some(base) = class::builtin_base(v) {
        return hash(ts, &base);
    }
    if let Some(Obj::Tuple(items)) = v.obj().map(|o| &**o) {
        // The same combination as `hash_value`, over the items' Python-level hashes.
        let mut lanes = Vec::with_capacity(items.len());
        for item in items.iter() {
            lanes.push(hash(ts, item)?);
        }
        return Ok(crate::objects::dict::hash_tuple(&lanes));
    }
    hash_value(v).ok_or_else(|| ts.type_error(format!("unhashable type: '{}'", type_name(ts, v))))
}

pub fn contains(ts: &mut ThreadState, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = container {
        match &**o {
            Obj::Str(s) => {
                return match item.as_str() {
                    Some(sub) => Ok(s.contains(sub)),
                    None => Err(ts.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(ts, item)
                    ))),
                }
            }
            Obj::Bytes(_) | Obj::ByteArray(_) => {
                let hay = crate::objects::bytes::methods::bytes_data(container).unwrap_or_default();
                let needle = crate::objects::bytes::methods::needle(ts, item)?;
                return Ok(crate::objects::bytes::methods::contains(&hay, &needle));
            }
            Obj::Dict(d) | Obj::Set { items: d, .. } => {
                if let Some(hash) = crate::objects::dict::keys::native_hash(item) {
                    return Ok(d.borrow().contains_hashed(hash, item));
                }
                let key = crate::objects::dict::keys::key_in(ts, d, item)?;
                return Ok(d.borrow().get_hashed(&key).is_some());
            }
            Obj::Range { start, stop, step } => {
                if let Value::Int(i) = item {
                    let (i, start, stop, step) = (*i, *start, *stop, *step);
                    let inside = if step > 0 {
                        start <= i && i < stop
                    } else {
                        stop < i && i <= start
                    };
                    return Ok(inside && (i - start) % step == 0);
                }
            }
            Obj::List(l) => {
                let items = l.borrow().clone();
                return any_equal(ts, &items, item);
            }
            Obj::Tuple(t) => {
                let t = t.clone();
                return any_equal(ts, &t, item);
            }
            Obj::Type(_) => {
                if let Some(m) = class::meta_special(ts, container, Dunder::Contains) {
                    return call_contains(ts, &m, container, item);
                }
            }
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Contains) {
                    return call_contains(ts, &m, container, item);
                }
                if let Some(base) = class::builtin_base(container) {
                    return contains(ts, &base, item);
                }
            }
            _ => {}
        }
    }
    let it = iter::get_iter(ts, container).map_err(|_| {
        ts.type_error(format!(
            "argument of type '{}' is not iterable",
            type_name(ts, container)
        ))
    })?;
    while let Some(v) = iter::next_value(ts, &it)? {
        if eq(ts, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `container.__contains__(item)` through the method `m` its class (or metaclass) defines.
fn call_contains(
    ts: &mut ThreadState,
    m: &Value,
    container: &Value,
    item: &Value,
) -> PyResult<bool> {
    let r = crate::protocol::call::call_value(ts, m, &[container.clone(), item.clone()], &[])?;
    truthy(ts, &r)
}

fn any_equal(ts: &mut ThreadState, items: &[Value], item: &Value) -> PyResult<bool> {
    for v in items {
        if eq(ts, v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}
