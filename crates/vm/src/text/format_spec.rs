//! The format mini-language shared by `format(value, spec)`, `str.format` and f-strings:
//! `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`, with CPython's rules and
//! error messages.

use num_bigint::{BigInt, Sign};

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::Value;
use crate::objects::float::float_repr;
use crate::objects::int::{big_to_f64, to_big};
use crate::protocol::call::call_value;
use crate::protocol::class;
use crate::text::repr::str_of;

/// A parsed format spec. `zero` is the `0` flag; `fill`/`align` are what the text gave.
#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

impl Spec {
    /// The fill and alignment in effect, given the type's default alignment: the `0` flag
    /// means fill `0` and, for numbers, sign-aware (`=`) alignment.
    fn layout(&self, default_align: char) -> (char, char) {
        let fill = self.fill.unwrap_or(if self.zero { '0' } else { ' ' });
        let align = match self.align {
            Some(a) => a,
            None if self.zero && default_align == '>' => '=',
            None => default_align,
        };
        (fill, align)
    }
}

fn digits_at(chars: &[char], i: &mut usize) -> Option<String> {
    let start = *i;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        *i += 1;
    }
    (*i > start).then(|| chars[start..*i].iter().collect())
}

/// Parses `text`; errors carry CPython's messages (`type_name` names the formatted value).
pub fn parse_spec(text: &str, type_name: &str) -> Result<Spec, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        (s.fill, s.align, i) = (Some(chars[0]), Some(chars[1]), 2);
    } else if !chars.is_empty() && is_align(chars[0]) {
        (s.align, i) = (Some(chars[0]), 1);
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        s.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    if let Some(w) = digits_at(&chars, &mut i) {
        s.width = w
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(if chars[i] == chars[i - 1] {
                format!("Cannot specify '{}' with '{}'.", chars[i], chars[i])
            } else {
                "Cannot specify both ',' and '_'.".into()
            });
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let p = digits_at(&chars, &mut i).ok_or("Format specifier missing precision")?;
        s.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if chars.len() - i > 1 {
        return Err(format!(
            "Invalid format specifier '{text}' for object of type '{type_name}'"
        ));
    }
    s.kind = chars.get(i).copied();
    if let (Some(sep), Some(kind)) = (s.grouping, s.kind) {
        let allowed = match sep {
            ',' => "deEfFgG%",
            _ => "deEfFgG%boxX",
        };
        if !allowed.contains(kind) {
            return Err(format!("Cannot specify '{sep}' with '{kind}'."));
        }
    }
    Ok(s)
}

/// A number split into the parts that padding and grouping treat differently.
pub struct NumberParts {
    pub negative: bool,
    pub prefix: &'static str,
    pub digits: String,
    /// Everything after the integer digits: the fraction, exponent, `%`.
    pub rest: String,
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / every);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (n - k).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Joins sign, prefix, (grouped, maybe zero-padded) digits and the rest, then aligns.
pub fn pad_number(spec: &Spec, parts: NumberParts) -> String {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let (fill, align) = spec.layout('>');
    let head = format!("{sign}{}", parts.prefix);
    let fixed = head.chars().count() + parts.rest.chars().count();
    let mut digits = parts.digits;
    if let Some(sep) = spec.grouping {
        let every = if matches!(spec.kind, Some('b' | 'o' | 'x' | 'X')) {
            4
        } else {
            3
        };
        let mut grouped = group(&digits, sep, every);
        if fill == '0' && align == '=' {
            while fixed + grouped.chars().count() < spec.width {
                digits.insert(0, '0');
                grouped = group(&digits, sep, every);
            }
        }
        digits = grouped;
    }
    let body = format!("{digits}{}", parts.rest);
    align_text(fill, align, spec.width, &head, &body)
}

/// Pads `head + body` to `width`; `=` puts the padding between them.
pub fn align_text(fill: char, align: char, width: usize, head: &str, body: &str) -> String {
    let len = head.chars().count() + body.chars().count();
    if len >= width {
        return format!("{head}{body}");
    }
    let pad = width - len;
    let fill_str = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{head}{body}{}", fill_str(pad)),
        '^' => format!(
            "{}{head}{body}{}",
            fill_str(pad / 2),
            fill_str(pad - pad / 2)
        ),
        '=' => format!("{head}{}{body}", fill_str(pad)),
        _ => format!("{}{head}{body}", fill_str(pad)),
    }
}

/// `%e`-style text with Python's two-digit signed exponent.
pub fn format_exp(x: f64, precision: usize, upper: bool, alternate: bool) -> String {
    let s = format!("{:.*e}", precision, x);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    let dot = if alternate && !mantissa.contains('.') {
        "."
    } else {
        ""
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}{dot}{e}{esign}{:02}", exp.abs())
}

/// `%g`-style text of a finite, non-negative `x`.
pub fn format_general(x: f64, precision: usize, alternate: bool, upper: bool) -> String {
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let text = if -4 <= exp && exp < p as i32 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let fixed = format!("{x:.decimals$}");
        if alternate && decimals == 0 {
            fixed + "."
        } else {
            fixed
        }
    } else {
        format_exp(x, p - 1, upper, alternate)
    };
    if alternate {
        text
    } else {
        strip_fraction_zeros(&text)
    }
}

fn strip_fraction_zeros(text: &str) -> String {
    let (num, exp) = match text.find(['e', 'E']) {
        Some(p) => text.split_at(p),
        None => (text, ""),
    };
    let num = if num.contains('.') {
        num.trim_end_matches('0').trim_end_matches('.')
    } else {
        num
    };
    format!("{num}{exp}")
}

fn float_special(x: f64, upper: bool) -> String {
    let s = if x.is_nan() { "nan" } else { "inf" };
    if upper {
        s.to_uppercase()
    } else {
        s.to_string()
    }
}

/// The text of a non-negative float for a float presentation type (`None`: like `repr`, or
/// `g` keeping a `.0` when a precision is given).
pub fn float_body(a: f64, kind: Option<char>, precision: Option<usize>, alternate: bool) -> String {
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    if !a.is_finite() {
        let s = float_special(a, upper);
        return if kind == Some('%') { s + "%" } else { s };
    }
    let p = precision.unwrap_or(6);
    let dot = |s: String| {
        if alternate && !s.contains('.') {
            s + "."
        } else {
            s
        }
    };
    match kind {
        Some('f' | 'F') => dot(format!("{a:.p$}")),
        Some('e' | 'E') => format_exp(a, p, upper, alternate),
        Some('g' | 'G' | 'n') => format_general(a, p, alternate, upper),
        Some('%') => dot(format!("{:.p$}", a * 100.0)) + "%",
        _ => match precision {
            None => float_repr(a),
            Some(p) => {
                let s = format_general(a, p, alternate, false);
                if s.contains(['.', 'e']) {
                    s
                } else {
                    s + ".0"
                }
            }
        },
    }
}

/// Splits a float body into integer digits and the rest.
fn split_float(body: String) -> (String, String) {
    let end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let rest = body[end..].to_string();
    let mut digits = body;
    digits.truncate(end);
    (digits, rest)
}

fn unknown_code(ts: &ThreadState, c: char, v: &Value) -> crate::object::value::ObjRef {
    ts.value_error(format!(
        "Unknown format code '{c}' for object of type '{}'",
        type_name(ts, v)
    ))
}

fn format_float(ts: &ThreadState, x: f64, spec: &Spec, v: &Value) -> PyResult<String> {
    if let Some(c) = spec.kind.filter(|c| !"eEfFgGn%".contains(*c)) {
        return Err(unknown_code(ts, c, v));
    }
    let body = float_body(x.abs(), spec.kind, spec.precision, spec.alternate);
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && spec.no_neg_zero && body.chars().all(|c| !('1'..='9').contains(&c)) {
        negative = false;
    }
    let (digits, rest) = split_float(body);
    Ok(pad_number(
        spec,
        NumberParts {
            negative,
            prefix: "",
            digits,
            rest,
        },
    ))
}

/// Digits and `#` prefix of an integer's magnitude in a radix presentation type.
pub fn int_digits(mag: &BigInt, kind: char) -> (String, &'static str) {
    match kind {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (mag.to_string(), ""),
    }
}

fn format_int(ts: &ThreadState, big: BigInt, spec: &Spec, v: &Value) -> PyResult<String> {
    if matches!(spec.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        let x = big_to_f64(&big).ok_or_else(|| {
            ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")
        })?;
        return format_float(ts, x, spec, v);
    }
    let kind = spec.kind.unwrap_or('d');
    if !"dnbxXoc".contains(kind) {
        return Err(unknown_code(ts, kind, v));
    }
    if spec.precision.is_some() {
        return Err(ts.value_error("Precision not allowed in integer format specifier"));
    }
    if kind == 'c' {
        return format_char(ts, &big, spec);
    }
    let negative = big.sign() == Sign::Minus;
    let mag = if negative { -big } else { big };
    let (digits, prefix) = int_digits(&mag, kind);
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(pad_number(
        spec,
        NumberParts {
            negative,
            prefix,
            digits,
            rest: String::new(),
        },
    ))
}

fn format_char(ts: &ThreadState, code: &BigInt, spec: &Spec) -> PyResult<String> {
    if spec.sign.is_some() {
        return Err(ts.value_error("Sign not allowed with integer format specifier 'c'"));
    }
    if spec.alternate {
        return Err(
            ts.value_error("Alternate form (#) not allowed with integer format specifier 'c'")
        );
    }
    let c = num_traits::ToPrimitive::to_u32(code)
        .and_then(char::from_u32)
        .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
    let (fill, align) = spec.layout('>');
    Ok(align_text(fill, align, spec.width, "", &c.to_string()))
}

fn format_str(ts: &ThreadState, s: String, spec: &Spec, v: &Value) -> PyResult<String> {
    if let Some(c) = spec.kind.filter(|&c| c != 's') {
        return Err(unknown_code(ts, c, v));
    }
    if spec.sign.is_some() {
        return Err(ts.value_error("Sign not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(ts.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(ts.value_error("'=' alignment not allowed in string format specifier"));
    }
    let s = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    let (fill, align) = spec.layout('<');
    Ok(align_text(fill, align, spec.width, "", &s))
}

/// `format(v, spec_text)`: `__format__` of instances, the mini-language for builtins.
pub fn format_with_spec(ts: &mut ThreadState, v: &Value, spec_text: &str) -> PyResult<String> {
    if let Some(inst) = v.as_instance() {
        if let Some(m) = class::lookup_special(ts, &inst.class, Dunder::Format) {
            let r = call_value(ts, &m, &[v.clone(), Value::new_str(spec_text)], &[])?;
            return str_of(ts, &r);
        }
    }
    if spec_text.is_empty() {
        return str_of(ts, v);
    }
    let base = class::builtin_base(v).unwrap_or_else(|| v.clone());
    let is_text = base.as_str().is_some();
    if !is_text && !matches!(base, Value::Float(_)) && to_big(&base).is_none() {
        return Err(ts.type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(ts, v)
        )));
    }
    let spec = parse_spec(spec_text, &type_name(ts, v)).map_err(|m| ts.value_error(m))?;
    match &base {
        Value::Float(x) => format_float(ts, *x, &spec, v),
        _ if is_text => {
            let s = str_of(ts, &base)?;
            format_str(ts, s, &spec, v)
        }
        _ => format_int(ts, to_big(&base).unwrap_or_default(), &spec, v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_and_exponent_formats() {
        assert_eq!(format_general(1234567.0, 6, false, false), "1.23457e+06");
        assert_eq!(format_general(0.0001, 6, false, false), "0.0001");
        assert_eq!(format_general(2.5, 6, false, false), "2.5");
        assert_eq!(format_general(0.0, 3, true, false), "0.00");
        assert_eq!(format_general(100.0, 2, false, false), "1e+02");
        assert_eq!(format_exp(12345.678, 2, false, false), "1.23e+04");
    }

    #[test]
    fn spec_parsing_and_errors() {
        let s = parse_spec("*^10,.2f", "float").expect("valid spec");
        assert_eq!(
            (s.fill, s.align, s.width, s.grouping, s.precision, s.kind),
            (Some('*'), Some('^'), 10, Some(','), Some(2), Some('f'))
        );
        assert_eq!(
            parse_spec("10q!", "int").unwrap_err(),
            "Invalid format specifier '10q!' for object of type 'int'"
        );
        assert_eq!(
            parse_spec(",x", "int").unwrap_err(),
            "Cannot specify ',' with 'x'."
        );
        assert!(parse_spec(".", "int").is_err());
    }

    #[test]
    fn zero_padding_extends_grouping() {
        let spec = parse_spec("010,", "int").expect("valid spec");
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "1234".into(),
            rest: String::new(),
        };
        assert_eq!(pad_number(&spec, parts), "00,001,234");
        let spec = parse_spec("#012_x", "int").expect("valid spec");
        let parts = NumberParts {
            negative: false,
            prefix: "0x",
            digits: "ff".into(),
            rest: String::new(),
        };
        assert_eq!(pad_number(&spec, parts), "0x0_0000_00ff");
    }
}
