//! The `math` module.

use num_bigint::BigInt;
use num_integer::Integer;

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{ObjRef, Value};
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
];

fn to_f64(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        v if is_int(v) => crate::objects::int::big_to_f64(&to_big(v).unwrap_or_default())
            .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")),
        v => Err(ts.type_error(format!("must be real number, not {}", type_name(ts, v)))),
    }
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

fn rounding(ts: &mut ThreadState, args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult {
    let a = positional(ts, name, args, 1, 1)?;
    if is_int(&a[0]) {
        return Ok(from_big(to_big(&a[0]).unwrap_or_default()));
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
    let mut sum = 0.0;
    for v in args.pos {
        let x = to_f64(ts, v)?;
        sum += x * x;
    }
    Ok(Value::Float(sum.sqrt()))
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
