//! The `math` module.

use num_bigint::BigInt;
use num_integer::Integer;

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::{from_big, is_int, to_big};
use crate::stdlib::add_functions;

pub fn fill(dict: &ObjRef) {
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        store_dict(dict, &Value::new_str(name), Value::Float(v));
    }
    add_functions(dict, FUNCTIONS);
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("isnan", isnan),
    ("isinf", isinf),
    ("isfinite", isfinite),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("exp", exp),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("atan", atan),
    ("atan2", atan2),
    ("hypot", hypot),
    ("fabs", fabs),
    ("pow", pow),
    ("gcd", gcd),
    ("factorial", factorial),
    ("copysign", copysign),
    ("acos", acos),
    ("asin", asin),
    ("acosh", acosh),
    ("asinh", asinh),
    ("atanh", atanh),
    ("cosh", cosh),
    ("sinh", sinh),
    ("tanh", tanh),
    ("cbrt", cbrt),
    ("exp2", exp2),
    ("expm1", expm1),
    ("log1p", log1p),
    ("erf", erf),
    ("erfc", erfc),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("nextafter", nextafter),
    ("ulp", ulp),
];

/// CPython's `PyFloat_AsDouble`: floats, ints, then `__float__`, then `__index__`.
fn to_f64(ts: &mut ThreadState, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        v if is_int(v) => crate::objects::int::big_to_f64(&to_big(v).unwrap_or_default())
            .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")),
        v => match v.as_instance() {
            Some(inst) => {
                let class = inst.class_ref();
                if let Some(m) = crate::protocol::class::lookup_special(ts, &class, Dunder::Float) {
                    let r =
                        crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
                    return match r {
                        Value::Float(f) => Ok(f),
                        _ => Err(ts.type_error(format!(
                            "{}.__float__ returned non-float (type {})",
                            type_name(ts, v),
                            type_name(ts, &r)
                        ))),
                    };
                }
                match crate::protocol::ops::index_of(ts, v)? {
                    Some(i) => to_f64(ts, &i),
                    None => Err(real_number_error(ts, v)),
                }
            }
            None => Err(real_number_error(ts, v)),
        },
    }
}

fn real_number_error(ts: &ThreadState, v: &Value) -> ObjRef {
    ts.type_error(format!("must be real number, not {}", type_name(ts, v)))
}

fn domain_error(ts: &ThreadState) -> crate::object::value::ObjRef {
    ts.value_error("math domain error")
}

fn unary(ts: &mut ThreadState, args: &Args, name: &str) -> PyResult<f64> {
    let a = positional(ts, name, args, 1, 1)?;
    to_f64(ts, &a[0])
}

fn sqrt(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let x = unary(ts, args, "sqrt")?;
    if x < 0.0 {
        return Err(domain_error(ts));
    }
    Ok(Value::Float(x.sqrt()))
}

/// `math.floor`/`ceil`/`trunc`: ints as they are, the class's `__floor__`/`__ceil__`/
/// `__trunc__` where it has one (a `Fraction`), else the float's rounding.
fn rounding(ts: &mut ThreadState, args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult {
    let a = positional(ts, name, args, 1, 1)?;
    if is_int(&a[0]) {
        return Ok(from_big(to_big(&a[0]).unwrap_or_default()));
    }
    let float = match &a[0] {
        Value::Float(x) => Some(*x),
        v => match crate::protocol::class::builtin_base(v) {
            Some(Value::Float(x)) => Some(x),
            _ => None,
        },
    };
    if let Some(x) = float {
        return crate::objects::constructors::float_to_int(ts, f(x));
    }
    let dunder = Value::new_str(format!("__{name}__"));
    let special = match a[0].as_instance().map(|inst| inst.class()) {
        Some(Obj::Type(t)) => t.lookup(&dunder),
        _ => None,
    };
    if let Some(m) = special {
        return crate::protocol::call::call_value(ts, &m, std::slice::from_ref(&a[0]), &[]);
    }
    if name == "trunc" {
        let type_name = type_name(ts, &a[0]);
        return Err(ts.type_error(format!("type {type_name} doesn't define __trunc__ method")));
    }
    let x = to_f64(ts, &a[0])?;
    crate::objects::constructors::float_to_int(ts, f(x))
}

fn floor(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    rounding(ts, args, "floor", f64::floor)
}

fn ceil(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    rounding(ts, args, "ceil", f64::ceil)
}

fn trunc(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    rounding(ts, args, "trunc", f64::trunc)
}

fn isnan(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Bool(unary(ts, args, "isnan")?.is_nan()))
}

fn isinf(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Bool(unary(ts, args, "isinf")?.is_infinite()))
}

fn isfinite(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Bool(unary(ts, args, "isfinite")?.is_finite()))
}

fn log(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "log", args, 1, 2)?;
    let x = to_f64(ts, &a[0])?;
    if x <= 0.0 {
        return Err(domain_error(ts));
    }
    match a.get(1) {
        Some(b) => {
            let b = to_f64(ts, b)?;
            if b <= 0.0 || b == 1.0 {
                return Err(if b == 1.0 {
                    ts.zero_division("float division by zero")
                } else {
                    domain_error(ts)
                });
            }
            Ok(Value::Float(x.ln() / b.ln()))
        }
        None => Ok(Value::Float(x.ln())),
    }
}

fn positive_log(ts: &mut ThreadState, args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult {
    let x = unary(ts, args, name)?;
    if x <= 0.0 {
        return Err(domain_error(ts));
    }
    Ok(Value::Float(f(x)))
}

fn log2(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positive_log(ts, args, "log2", f64::log2)
}

fn log10(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positive_log(ts, args, "log10", f64::log10)
}

fn exp(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let r = unary(ts, args, "exp")?.exp();
    if r.is_infinite() {
        return Err(ts.new_exc(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn sin(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Float(unary(ts, args, "sin")?.sin()))
}

fn cos(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Float(unary(ts, args, "cos")?.cos()))
}

fn tan(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Float(unary(ts, args, "tan")?.tan()))
}

fn atan(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Float(unary(ts, args, "atan")?.atan()))
}

fn binary(ts: &mut ThreadState, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    let a = positional(ts, name, args, 2, 2)?;
    Ok((to_f64(ts, &a[0])?, to_f64(ts, &a[1])?))
}

fn atan2(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (y, x) = binary(ts, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn hypot(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(ts.type_error("hypot() takes no keyword arguments"));
    }
    let mut coords = Vec::with_capacity(args.pos.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in args.pos {
        let x = to_f64(ts, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, found_nan)))
}

/// `x * y` as an unevaluated sum of two doubles (exact).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// `a + b` as an unevaluated sum of two doubles, for `|a| >= |b|` (exact).
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, b - z)
}

/// The exponent `e` of `frexp(x)` for a finite `x > 0` (`x = m * 2**e`, `0.5 <= m < 1`).
fn frexp_exp(x: f64) -> i32 {
    if x < f64::MIN_POSITIVE {
        return frexp_exp(x * 2f64.powi(64)) - 64;
    }
    ((x.to_bits() >> 52) & 0x7ff) as i32 - 1022
}

/// CPython 3.11's `vector_norm`: the Euclidean norm of non-negative coordinates, correctly
/// rounded in almost all cases (scaled, squared and summed exactly, then corrected).
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp_exp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = 2f64.powi(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.0);
        csum = sm.0;
        frac1 += pr.1;
        frac2 += sm.1;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.0);
    csum = sm.0;
    frac1 += pr.1;
    frac2 += sm.1;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn fabs(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    Ok(Value::Float(unary(ts, args, "fabs")?.abs()))
}

fn pow(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (x, y) = binary(ts, args, "pow")?;
    if x < 0.0 && y.fract() != 0.0 {
        return Err(domain_error(ts));
    }
    Ok(Value::Float(x.powf(y)))
}

fn copysign(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (x, y) = binary(ts, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<BigInt> {
    to_big(v).ok_or_else(|| {
        ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ts, v)
        ))
    })
}

fn gcd(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let mut acc = BigInt::from(0);
    for v in args.pos {
        acc = acc.gcd(&int_arg(ts, v)?);
    }
    Ok(from_big(acc))
}

fn factorial(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "factorial", args, 1, 1)?;
    let n = int_arg(ts, &a[0])?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(ts.value_error("factorial() not defined for negative values"));
    }
    let n: u64 = n.try_into().map_err(|_| {
        ts.new_exc(
            ExcKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        )
    })?;
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(from_big(acc))
}

/// The C library's functions, as CPython calls them (Rust's own `asinh`/`acosh`/`atanh` are
/// formulas that can differ from them in the last place).
mod libm {
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn cbrt(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn tgamma(x: f64) -> f64;
        pub fn lgamma(x: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
    }
}

/// CPython's `math_1`: a NaN out of a non-NaN is a domain error; an infinity out of a finite
/// value is a range error when the function can overflow, else a domain error.
fn libm_1(
    ts: &mut ThreadState,
    args: &Args,
    name: &str,
    f: unsafe extern "C" fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult {
    let x = unary(ts, args, name)?;
    // SAFETY: a pure C math function of one double, with no pointer arguments.
    let r = unsafe { f(x) };
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(ts));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            ts.new_exc(ExcKind::OverflowError, "math range error")
        } else {
            domain_error(ts)
        });
    }
    Ok(Value::Float(r))
}

fn acos(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "acos", libm::acos, false)
}

fn asin(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "asin", libm::asin, false)
}

fn acosh(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "acosh", libm::acosh, false)
}

fn asinh(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "asinh", libm::asinh, false)
}

fn atanh(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "atanh", libm::atanh, false)
}

fn cosh(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "cosh", libm::cosh, true)
}

fn sinh(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "sinh", libm::sinh, true)
}

fn tanh(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "tanh", libm::tanh, false)
}

fn cbrt(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "cbrt", libm::cbrt, false)
}

fn exp2(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "exp2", libm::exp2, true)
}

fn expm1(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "expm1", libm::expm1, true)
}

fn log1p(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "log1p", libm::log1p, false)
}

fn erf(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "erf", libm::erf, false)
}

fn erfc(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    libm_1(ts, args, "erfc", libm::erfc, false)
}

/// `gamma` and `lgamma`: poles (zero and the negative integers) are domain errors, other
/// infinities out of finite arguments range errors.
fn gamma_like(
    ts: &mut ThreadState,
    args: &Args,
    name: &str,
    f: unsafe extern "C" fn(f64) -> f64,
) -> PyResult {
    let x = unary(ts, args, name)?;
    if x.is_finite() && x <= 0.0 && x == x.floor() {
        return Err(domain_error(ts));
    }
    if x == f64::NEG_INFINITY && name == "gamma" {
        return Err(domain_error(ts));
    }
    // SAFETY: a pure C math function of one double, with no pointer arguments.
    let r = unsafe { f(x) };
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(ts));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(ts.new_exc(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn gamma(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    // CPython answers the integers 1..=23 exactly, from a table of factorials.
    if let [v] = args.pos {
        if let Ok(x) = to_f64(ts, v) {
            if x == x.floor() && (1.0..=23.0).contains(&x) {
                let factorial: u128 = (1..x as u128).product();
                return Ok(Value::Float(factorial as f64));
            }
        }
    }
    gamma_like(ts, args, "gamma", libm::tgamma)
}

fn lgamma(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    gamma_like(ts, args, "lgamma", libm::lgamma)
}

fn next_after(x: f64, y: f64) -> f64 {
    // SAFETY: a pure C math function of two doubles, with no pointer arguments.
    unsafe { libm::nextafter(x, y) }
}

fn nextafter(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "nextafter", args, 2, 2)?;
    let x = to_f64(ts, &a[0])?;
    let y = to_f64(ts, &a[1])?;
    Ok(Value::Float(next_after(x, y)))
}

fn ulp(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let x = unary(ts, args, "ulp")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}
