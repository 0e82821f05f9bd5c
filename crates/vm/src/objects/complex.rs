//! `complex`: the payload and its arithmetic (CPython's `complexobject.c`: Smith's division,
//! `c_pow` with exact integer powers), `repr`, hash, `complex(...)`, parsing
//! `complex('1+2j')`, its methods and the format mini-language for complex numbers.

use gilvm_compiler::bytecode::{BinaryOperator as B, Comparison as C};

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::float::{float_repr, hash_float};
use crate::objects::function::{Args, NativeFn};
use crate::text::format_spec::{align_text, float_body, group, Spec};

/// A complex number's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }
    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
    fn mul(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
    /// `_Py_c_quot`: Smith's algorithm; `None` for a zero divisor.
    fn div(self, o: Complex) -> Option<Complex> {
        let (abs_re, abs_im) = (o.re.abs(), o.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return None;
            }
            let ratio = o.im / o.re;
            let denom = o.re + o.im * ratio;
            Some(Complex::new(
                (self.re + self.im * ratio) / denom,
                (self.im - self.re * ratio) / denom,
            ))
        } else if abs_im >= abs_re {
            let ratio = o.re / o.im;
            let denom = o.re * ratio + o.im;
            Some(Complex::new(
                (self.re * ratio + self.im) / denom,
                (self.im * ratio - self.re) / denom,
            ))
        } else {
            // A NaN in the divisor.
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }
    /// `_Py_c_pow`; `None` for zero to a negative or complex power.
    fn pow(self, e: Complex) -> Option<Complex> {
        if e.re == 0.0 && e.im == 0.0 {
            return Some(Complex::new(1.0, 0.0));
        }
        if self.re == 0.0 && self.im == 0.0 {
            if e.im != 0.0 || e.re < 0.0 {
                return None;
            }
            return Some(Complex::new(0.0, 0.0));
        }
        let vabs = self.re.hypot(self.im);
        let mut len = vabs.powf(e.re);
        let at = self.im.atan2(self.re);
        let mut phase = at * e.re;
        if e.im != 0.0 {
            len /= (at * e.im).exp();
            phase += e.im * vabs.ln();
        }
        Some(Complex::new(len * phase.cos(), len * phase.sin()))
    }
    /// `c_powu`: repeated squaring.
    fn pow_unsigned(self, n: u64) -> Complex {
        let (mut r, mut p, mut mask) = (Complex::new(1.0, 0.0), self, 1u64);
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = r.mul(p);
            }
            mask <<= 1;
            p = p.mul(p);
        }
        r
    }
    /// `abs(z)`; `None` when finite parts overflow.
    pub fn checked_abs(self) -> Option<f64> {
        let r = self.re.hypot(self.im);
        let overflow = r.is_infinite() && self.re.is_finite() && self.im.is_finite();
        (!overflow).then_some(r)
    }
}

/// The complex value of `v` when it is a complex number.
pub fn complex_of(v: &Value) -> Option<Complex> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Complex(c) => Some(*c),
            _ => None,
        },
        _ => None,
    }
}

pub fn new_complex(c: Complex) -> Value {
    Value::Obj(ObjRef::new(Obj::Complex(c)))
}

/// The value of an int, float or complex operand of complex arithmetic. `Err` when an int is
/// too large for a float; `Ok(None)` when it is no number.
fn operand(ts: &ThreadState, v: &Value) -> PyResult<Option<Complex>> {
    Ok(match v {
        Value::Int(i) => Some(Complex::new(*i as f64, 0.0)),
        Value::Bool(b) => Some(Complex::new(*b as i64 as f64, 0.0)),
        Value::Float(f) => Some(Complex::new(*f, 0.0)),
        Value::Obj(o) => match &**o {
            Obj::Complex(c) => Some(*c),
            Obj::BigInt(b) => Some(Complex::new(big_float(ts, b)?, 0.0)),
            _ => None,
        },
        _ => None,
    })
}

fn big_float(ts: &ThreadState, b: &num_bigint::BigInt) -> PyResult<f64> {
    crate::objects::int::big_to_f64(b)
        .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "int too large to convert to float"))
}

/// `a op b` when one side is complex and the other a number; `None` otherwise.
pub fn binary_op(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if complex_of(a).is_none() && complex_of(b).is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(ts, a)?, operand(ts, b)?) else {
        return Ok(None);
    };
    let r = match op {
        B::Add => x.add(y),
        B::Subtract => x.sub(y),
        B::Multiply => x.mul(y),
        B::TrueDivide => x
            .div(y)
            .ok_or_else(|| ts.zero_division("complex division by zero"))?,
        B::Power => power(ts, x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(new_complex(r)))
}

/// `complex_pow`: small integral exponents by repeated squaring, as CPython.
fn power(ts: &ThreadState, x: Complex, e: Complex) -> PyResult<Complex> {
    let integral = e.im == 0.0 && e.re == e.re.trunc() && e.re.abs() <= 100.0;
    let r = if integral {
        let n = e.re as i64;
        if n >= 0 {
            Some(x.pow_unsigned(n as u64))
        } else {
            Complex::new(1.0, 0.0).div(x.pow_unsigned(n.unsigned_abs()))
        }
    } else {
        x.pow(e)
    };
    let r = r.ok_or_else(|| ts.zero_division("0.0 to a negative or complex power"))?;
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(ts.new_exc(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(r)
}

/// `a == b` / `a != b` when one side is complex and the other a number; `None` otherwise
/// (ordering comparisons of complex numbers are a `TypeError`, left to the caller).
pub fn compare(op: C, a: &Value, b: &Value) -> Option<Value> {
    let eq = equals(a, b)?;
    match op {
        C::Equal => Some(Value::Bool(eq)),
        C::NotEqual => Some(Value::Bool(!eq)),
        _ => None,
    }
}

/// Whether a complex number equals another number (exactly, as CPython: `1j != 10**1000`).
pub fn equals(a: &Value, b: &Value) -> Option<bool> {
    let (c, other) = match (complex_of(a), complex_of(b)) {
        (Some(x), Some(y)) => return Some(x == y),
        (Some(c), None) => (c, b),
        (None, Some(c)) => (c, a),
        (None, None) => return None,
    };
    let number = matches!(other, Value::Int(_) | Value::Bool(_) | Value::Float(_))
        || matches!(other.obj().map(|o| &**o), Some(Obj::BigInt(_)));
    if !number {
        return None;
    }
    Some(c.im == 0.0 && crate::protocol::ops::numeric_eq(&Value::Float(c.re), other)?)
}

/// CPython's `complex_hash`: the parts' hashes combined with `1000003`.
pub fn hash_complex(c: Complex) -> i64 {
    let h = (hash_float(c.re) as u64).wrapping_add((hash_float(c.im) as u64).wrapping_mul(1000003));
    match h as i64 {
        -1 => -2,
        h => h,
    }
}

/// A part of a complex repr: the float's repr without a `.0` (`1`, `1e+16`, `nan`).
fn part_repr(x: f64) -> String {
    let r = float_repr(x);
    match r.strip_suffix(".0") {
        Some(short) => short.to_string(),
        None => r,
    }
}

/// CPython's `complex_repr`: `1j`, `(1+2j)`, `(-0-1j)`.
pub fn complex_repr(c: Complex) -> String {
    let imag = part_repr(c.im);
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{imag}j");
    }
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part_repr(c.re))
}

/// `complex('1+2j')`: CPython's grammar (whitespace around, optional parentheses).
pub fn parse_complex(text: &str) -> Option<Complex> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let parse = crate::objects::constructors::parse_float;
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Some(Complex::new(parse(s)?, 0.0));
    };
    // The imaginary part starts at the last sign that is not an exponent's.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let (real, imag) = match split {
        Some(i) => (parse(&body[..i])?, &body[i..]),
        None => (0.0, body),
    };
    let imag = match imag {
        "" | "+" => 1.0,
        "-" => -1.0,
        _ => parse(imag)?,
    };
    Some(Complex::new(real, imag))
}

/// `complex(real=0, imag=0)`.
pub fn construct(ts: &mut ThreadState, args: &Args) -> PyResult {
    let (real, imag) = bind_real_imag(ts, args)?;
    let real = real.unwrap_or(Value::Int(0));
    if let Some(s) = real.as_str() {
        if imag.is_some() {
            return Err(ts.type_error("complex() can't take second arg if first is a string"));
        }
        return parse_complex(s.as_str())
            .map(new_complex)
            .ok_or_else(|| ts.value_error("complex() arg is a malformed string"));
    }
    let r = to_complex(ts, &real, "first argument must be a string or a number")?;
    let Some(imag) = imag else {
        return Ok(new_complex(r));
    };
    // As CPython: a part is only combined in when that argument is complex, so that
    // `complex(1, -0.0)` keeps its negative zero.
    let i = imag_part(ts, &imag)?;
    let re = if complex_of(&imag).is_some() {
        r.re - i.im
    } else {
        r.re
    };
    let im = if complex_of(&real).is_some() {
        r.im + i.re
    } else {
        i.re
    };
    Ok(new_complex(Complex::new(re, im)))
}

/// `complex`'s parameters `real` and `imag`, by position or by name.
fn bind_real_imag(ts: &ThreadState, args: &Args) -> PyResult<(Option<Value>, Option<Value>)> {
    let n = args.pos.len() + args.kwnames.len();
    if n > 2 {
        return Err(ts.type_error(format!("complex() takes at most 2 arguments ({n} given)")));
    }
    let mut slots = [args.pos.first().cloned(), args.pos.get(1).cloned()];
    for (name, value) in args.kwnames.iter().zip(args.kwvals) {
        let name = name
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        let index = match name.as_str() {
            "real" => 0,
            "imag" => 1,
            _ => {
                return Err(ts.type_error(format!(
                    "'{name}' is an invalid keyword argument for complex()"
                )))
            }
        };
        if index < args.pos.len() {
            return Err(ts.type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        slots[index] = Some(value.clone());
    }
    let [real, imag] = slots;
    Ok((real, imag))
}

fn imag_part(ts: &mut ThreadState, v: &Value) -> PyResult<Complex> {
    if v.as_str().is_some() {
        return Err(ts.type_error("complex() second arg can't be a string"));
    }
    to_complex(ts, v, "second argument must be a number")
}

/// A number as a complex: complex values, `__complex__`, then anything `float()` takes.
pub fn to_complex(ts: &mut ThreadState, v: &Value, what: &str) -> PyResult<Complex> {
    if let Some(c) = complex_of(v) {
        return Ok(c);
    }
    if let Some(inst) = v.as_instance() {
        if let Some(m) = crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Complex) {
            let r = crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
            return complex_of(&r).ok_or_else(|| {
                ts.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    type_name(ts, &r)
                ))
            });
        }
        if let Some(base) = crate::protocol::class::builtin_base(v) {
            return to_complex(ts, &base, what);
        }
    }
    if let Some(c) = operand(ts, v)? {
        return Ok(c);
    }
    let float_like = v.as_instance().is_some_and(|inst| {
        crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Float).is_some()
            || crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Index).is_some()
    });
    if float_like {
        let args = Args::new(std::slice::from_ref(v), &[]);
        let f = crate::objects::constructors::construct(
            ts,
            crate::object::typeobj::TypeId::Float,
            &args,
        )?;
        if let Value::Float(f) = f {
            return Ok(Complex::new(f, 0.0));
        }
    }
    Err(ts.type_error(format!("complex() {what}, not '{}'", type_name(ts, v))))
}

/// `format(z, spec)`: CPython's `format_complex_internal`.
pub fn format_complex(ts: &ThreadState, c: Complex, spec: &Spec) -> PyResult<String> {
    if let Some(k) = spec.kind.filter(|k| !"eEfFgGn".contains(*k)) {
        return Err(ts.value_error(format!(
            "Unknown format code '{k}' for object of type 'complex'"
        )));
    }
    if spec.zero || spec.fill == Some('0') && spec.align == Some('=') {
        return Err(ts.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some('=') {
        return Err(ts.value_error("Alignment '=' not allowed in complex format specifier"));
    }
    let bare = spec.kind.is_none();
    let body = |x: f64| -> PyResult<String> {
        if bare && spec.precision.is_none() {
            return Ok(part_repr(x.abs()));
        }
        let kind = spec.kind.or(Some('g'));
        let text = float_body(x.abs(), kind, spec.precision, spec.alternate).or_memory_error(ts)?;
        Ok(text)
    };
    // The grouping separator goes into each part's integer digits.
    let body = |x: f64| -> PyResult<String> {
        let text = body(x)?;
        let Some(sep) = spec.grouping else {
            return Ok(text);
        };
        let end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let digits = group(&text[..end], sep, 3).or_memory_error(ts)?;
        Ok(format!("{digits}{}", &text[end..]))
    };
    let skip_real = bare && c.re == 0.0 && c.re.is_sign_positive();
    let negative = |x: f64| x.is_sign_negative() && !x.is_nan();
    let mut text = String::new();
    if !skip_real {
        let sign = match (negative(c.re), spec.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        };
        text = format!("{sign}{}", body(c.re)?);
    }
    let im_sign = if negative(c.im) {
        "-"
    } else if skip_real {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    } else {
        "+"
    };
    text = format!("{text}{im_sign}{}j", body(c.im)?);
    if bare && !skip_real {
        text = format!("({text})");
    }
    let fill = spec.fill.unwrap_or(' ');
    align_text(fill, spec.align.unwrap_or('>'), spec.width, "", &text).or_memory_error(ts)
}

use crate::object::alloc::OrMemoryError;

fn this_complex(ts: &ThreadState, this: &Value) -> PyResult<Complex> {
    let base = crate::protocol::class::builtin_base(this).unwrap_or_else(|| this.clone());
    complex_of(&base).ok_or_else(|| {
        ts.type_error(format!(
            "descriptor requires a 'complex' object but received a '{}'",
            type_name(ts, this)
        ))
    })
}

fn conjugate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "conjugate", args, 0, 0)?;
    let c = this_complex(ts, this)?;
    Ok(new_complex(Complex::new(c.re, -c.im)))
}

fn dunder_complex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__complex__", args, 0, 0)?;
    Ok(new_complex(this_complex(ts, this)?))
}

fn getnewargs(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__getnewargs__", args, 0, 0)?;
    let c = this_complex(ts, this)?;
    Ok(Value::new_tuple(vec![
        Value::Float(c.re),
        Value::Float(c.im),
    ]))
}

pub static METHODS: &[(&str, NativeFn)] = &[
    ("conjugate", conjugate),
    ("__complex__", dunder_complex),
    ("__getnewargs__", getnewargs),
];

/// `z.real` and `z.imag`.
pub fn data_attr(c: Complex, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(c.re)),
        "imag" => Some(Value::Float(c.im)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_as_cpython() {
        assert_eq!(complex_repr(Complex::new(0.0, 1.0)), "1j");
        assert_eq!(complex_repr(Complex::new(-0.0, -1.0)), "(-0-1j)");
        assert_eq!(complex_repr(Complex::new(1e16, 1.0)), "(1e+16+1j)");
        assert_eq!(complex_repr(Complex::new(1.0, f64::NAN)), "(1+nanj)");
    }

    #[test]
    fn parses_cpython_strings() {
        let p = |s| parse_complex(s).map(|c| (c.re, c.im));
        assert_eq!(p(" ( +2.5-J )"), Some((2.5, -1.0)));
        assert_eq!(p("1e+5j"), Some((0.0, 1e5)));
        assert_eq!(p("-1e-5+2e+3j"), Some((-1e-5, 2e3)));
        assert_eq!(p("1 + 2j"), None);
        assert_eq!(p("abc"), None);
    }

    #[test]
    fn divides_and_raises_to_powers() {
        let q = Complex::new(5.0, 0.0).div(Complex::new(3.0, -4.0));
        assert_eq!(q, Some(Complex::new(0.6, 0.8)));
        assert_eq!(Complex::new(1.0, 0.0).div(Complex::new(0.0, 0.0)), None);
        assert_eq!(
            Complex::new(0.0, 1.0).pow_unsigned(2),
            Complex::new(-1.0, 0.0)
        );
    }
}
