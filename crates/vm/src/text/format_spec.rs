//! The format mini-language shared by `format(value, spec)`, `str.format` and f-strings:
//! `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`, with CPython's rules and
//! error messages.

use num_bigint::{BigInt, Sign};

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError, TooBig};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::Value;
use crate::objects::float::float_repr;
use crate::objects::int::{big_to_f64, decimal_text, to_big};
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

fn digits_at<'c>(chars: &'c [char], i: &mut usize) -> Option<&'c [char]> {
    let start = *i;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        *i += 1;
    }
    (*i > start).then(|| &chars[start..*i])
}

/// A width or precision: CPython reads them as a `Py_ssize_t`.
fn index_sized(digits: &[char]) -> Result<usize, String> {
    digits
        .iter()
        .try_fold(0usize, |n, d| {
            n.checked_mul(10)?.checked_add(d.to_digit(10)? as usize)
        })
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| "Too many decimal digits in format string".to_string())
}

/// Runs `body` on `text`'s chars, collected on the stack when `text` is short (format specs
/// and most `%` formats are): no allocation per format.
pub fn with_chars<R>(text: &str, body: impl FnOnce(&[char]) -> R) -> R {
    let mut small = ['\0'; 32];
    if text.len() <= small.len() {
        let mut n = 0;
        for (slot, c) in small.iter_mut().zip(text.chars()) {
            *slot = c;
            n += 1;
        }
        return body(&small[..n]);
    }
    body(&text.chars().collect::<Vec<char>>())
}

/// Parses `text`; errors carry CPython's messages (`type_name` names the formatted value).
pub fn parse_spec(text: &str, type_name: &str) -> Result<Spec, String> {
    with_chars(text, |chars| parse_spec_chars(chars, text, type_name))
}

fn parse_spec_chars(chars: &[char], text: &str, type_name: &str) -> Result<Spec, String> {
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
    if let Some(w) = digits_at(chars, &mut i) {
        s.width = index_sized(w)?;
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
        let p = digits_at(chars, &mut i).ok_or("Format specifier missing precision")?;
        s.precision = Some(index_sized(p)?);
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

/// How many zeros to put before `len` digits so that, grouped by `every`, they fill `width`
/// (CPython's zero padding counts the separators).
fn grouping_zeros(len: usize, width: usize, every: usize) -> usize {
    let grouped = |d: usize| d + d.saturating_sub(1) / every;
    // A first guess within one or two of the answer, then the exact count.
    let mut d = len.max(width.saturating_mul(every) / (every + 1));
    while d > len && grouped(d - 1) >= width {
        d -= 1;
    }
    while grouped(d) < width {
        d += 1;
    }
    d - len
}

pub fn group(digits: &str, sep: char, every: usize) -> Result<String, TooBig> {
    let n = digits.chars().count();
    let mut out = alloc::string_with_capacity(n.saturating_add(n / every).saturating_mul(4))?;
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (n - k).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    Ok(out)
}

/// Joins sign, prefix, (grouped, maybe zero-padded) digits and the rest, then aligns.
pub fn pad_number(spec: &Spec, parts: NumberParts) -> Result<String, TooBig> {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let (fill, align) = spec.layout('>');
    let head = [sign, parts.prefix];
    let fixed = char_count(&head) + parts.rest.chars().count();
    let mut digits = parts.digits;
    if let Some(sep) = spec.grouping {
        let every = if matches!(spec.kind, Some('b' | 'o' | 'x' | 'X')) {
            4
        } else {
            3
        };
        if fill == '0' && align == '=' {
            let zeros = grouping_zeros(digits.len(), spec.width.saturating_sub(fixed), every);
            digits = alloc::padded("", '0', zeros, &digits, 0)?;
        }
        digits = group(&digits, sep, every)?;
    }
    align_pieces(fill, align, spec.width, &head, &[&digits, &parts.rest])
}

/// Pads `head + body` to `width`; `=` puts the padding between them.
pub fn align_text(
    fill: char,
    align: char,
    width: usize,
    head: &str,
    body: &str,
) -> Result<String, TooBig> {
    align_pieces(fill, align, width, &[head], &[body])
}

fn char_count(pieces: &[&str]) -> usize {
    pieces.iter().map(|p| p.chars().count()).sum()
}

/// [`align_text`] of a head and a body given in pieces, written into one string of the
/// exact size (a number's sign and prefix, its digits and the rest).
fn align_pieces(
    fill: char,
    align: char,
    width: usize,
    head: &[&str],
    body: &[&str],
) -> Result<String, TooBig> {
    let pad = width.saturating_sub(char_count(head) + char_count(body));
    let (left, mid, right) = match align {
        '<' => (0, 0, pad),
        '=' => (0, pad, 0),
        '^' => (pad / 2, 0, pad - pad / 2),
        _ => (pad, 0, 0),
    };
    let text: usize = head.iter().chain(body).map(|p| p.len()).sum();
    let bytes = pad
        .checked_mul(fill.len_utf8())
        .and_then(|n| n.checked_add(text))
        .ok_or(TooBig)?;
    let mut out = alloc::string_with_capacity(bytes)?;
    out.extend(std::iter::repeat_n(fill, left));
    head.iter().for_each(|p| out.push_str(p));
    out.extend(std::iter::repeat_n(fill, mid));
    body.iter().for_each(|p| out.push_str(p));
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Digits a double's exact decimal expansion can have after the point (2**-1074 has 1,074):
/// a greater precision only appends zeros, which Rust's formatter (precision at most 65,535)
/// is not asked for.
const EXACT_DIGITS: usize = 1100;

/// `text` with `zeros` more `0`s inserted at byte `at`.
fn with_zeros(mut text: String, at: usize, zeros: usize) -> Result<String, TooBig> {
    if zeros > 0 {
        alloc::reserve_text(&mut text, zeros)?;
        let tail = text.split_off(at);
        text.extend(std::iter::repeat_n('0', zeros));
        text.push_str(&tail);
    }
    Ok(text)
}

/// `x` with `precision` digits after the point (Rust's `{:.p$}`, any precision).
fn fixed(x: f64, precision: usize) -> Result<String, TooBig> {
    let shown = precision.min(EXACT_DIGITS);
    let text = format!("{x:.shown$}");
    let end = text.len();
    with_zeros(text, end, precision - shown)
}

/// `%e`-style text with Python's two-digit signed exponent.
pub fn format_exp(
    x: f64,
    precision: usize,
    upper: bool,
    alternate: bool,
) -> Result<String, TooBig> {
    let shown = precision.min(EXACT_DIGITS);
    let s = format!("{:.*e}", shown, x);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mantissa = with_zeros(mantissa.to_string(), mantissa.len(), precision - shown)?;
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    let dot = if alternate && !mantissa.contains('.') {
        "."
    } else {
        ""
    };
    let esign = if exp < 0 { '-' } else { '+' };
    Ok(format!("{mantissa}{dot}{e}{esign}{:02}", exp.abs()))
}

/// `%g`-style text of a finite, non-negative `x`.
pub fn format_general(
    x: f64,
    precision: usize,
    alternate: bool,
    upper: bool,
) -> Result<String, TooBig> {
    let p = precision.max(1);
    // Past the exact digits rounding cannot carry into the exponent.
    let sci = format!("{:.*e}", (p - 1).min(EXACT_DIGITS), x);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let text = if -4 <= exp && exp < p as i32 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let fixed = fixed(x, decimals)?;
        if alternate && decimals == 0 {
            fixed + "."
        } else {
            fixed
        }
    } else {
        format_exp(x, p - 1, upper, alternate)?
    };
    Ok(if alternate {
        text
    } else {
        strip_fraction_zeros(&text)
    })
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
pub fn float_body(
    a: f64,
    kind: Option<char>,
    precision: Option<usize>,
    alternate: bool,
) -> Result<String, TooBig> {
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    if !a.is_finite() {
        let s = float_special(a, upper);
        return Ok(if kind == Some('%') { s + "%" } else { s });
    }
    let p = precision.unwrap_or(6);
    let dot = |s: String| {
        if alternate && !s.contains('.') {
            s + "."
        } else {
            s
        }
    };
    Ok(match kind {
        Some('f' | 'F') => dot(fixed(a, p)?),
        Some('e' | 'E') => format_exp(a, p, upper, alternate)?,
        Some('g' | 'G' | 'n') => format_general(a, p, alternate, upper)?,
        // A huge value times 100 overflows to `inf`, as in CPython.
        Some('%') if (a * 100.0).is_infinite() => float_special(a * 100.0, false) + "%",
        Some('%') => dot(fixed(a * 100.0, p)?) + "%",
        _ => match precision {
            None => float_repr(a),
            Some(p) => {
                // As `g`, but (CPython's `Py_DTSF_ADD_DOT_0`) the exponent form is used as
                // soon as no digit would be left after the point: `{3.1415:.0}` is `3e+00`.
                let p = p.max(1);
                let sci = format!("{:.*e}", (p - 1).min(EXACT_DIGITS), a);
                let exp: i32 = sci
                    .split_once('e')
                    .and_then(|(_, e)| e.parse().ok())
                    .unwrap_or(0);
                if exp >= p as i32 - 1 && exp >= -4 {
                    let text = format_exp(a, p - 1, false, alternate)?;
                    return Ok(if alternate {
                        text
                    } else {
                        strip_fraction_zeros(&text)
                    });
                }
                let s = format_general(a, p, alternate, false)?;
                if s.contains(['.', 'e']) {
                    s
                } else {
                    s + ".0"
                }
            }
        },
    })
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
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(ts.value_error("precision too big"));
    }
    let body =
        float_body(x.abs(), spec.kind, spec.precision, spec.alternate).or_memory_error(ts)?;
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && spec.no_neg_zero && body.chars().all(|c| !('1'..='9').contains(&c)) {
        negative = false;
    }
    let (digits, rest) = split_float(body);
    pad_number(
        spec,
        NumberParts {
            negative,
            prefix: "",
            digits,
            rest,
        },
    )
    .or_memory_error(ts)
}

/// Digits and `#` prefix of an integer's magnitude in a radix presentation type.
/// Decimal digits obey the interpreter's digit limit; power-of-two bases have none.
pub fn int_digits(ts: &ThreadState, mag: &BigInt, kind: char) -> PyResult<(String, &'static str)> {
    if let Some(m) = num_traits::ToPrimitive::to_u64(mag) {
        // Machine-sized: no big-number conversion (and far below any digit limit).
        return Ok(match kind {
            'b' => (format!("{m:b}"), "0b"),
            'o' => (format!("{m:o}"), "0o"),
            'x' => (format!("{m:x}"), "0x"),
            'X' => (format!("{m:X}"), "0X"),
            _ => (itoa::Buffer::new().format(m).to_owned(), ""),
        });
    }
    Ok(match kind {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (decimal_text(ts, mag)?, ""),
    })
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
    if spec.no_neg_zero {
        return Err(
            ts.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    if kind == 'c' {
        return format_char(ts, &big, spec);
    }
    let negative = big.sign() == Sign::Minus;
    let mag = if negative { -big } else { big };
    let (digits, prefix) = int_digits(ts, &mag, kind)?;
    let prefix = if spec.alternate { prefix } else { "" };
    pad_number(
        spec,
        NumberParts {
            negative,
            prefix,
            digits,
            rest: String::new(),
        },
    )
    .or_memory_error(ts)
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
    align_text(fill, align, spec.width, "", &c.to_string()).or_memory_error(ts)
}

fn format_str(ts: &ThreadState, s: String, spec: &Spec, v: &Value) -> PyResult<String> {
    if let Some(c) = spec.kind.filter(|&c| c != 's') {
        return Err(unknown_code(ts, c, v));
    }
    if let Some(sep) = spec.grouping {
        return Err(ts.value_error(format!("Cannot specify '{sep}' with 's'.")));
    }
    if spec.sign == Some(' ') {
        return Err(ts.value_error("Space not allowed in string format specifier"));
    }
    if spec.sign.is_some() {
        return Err(ts.value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_zero {
        return Err(
            ts.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
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
    align_text(fill, align, spec.width, "", &s).or_memory_error(ts)
}

/// `format(v, spec_text)`: `__format__` of instances, the mini-language for builtins.
/// [`parse_spec`] naming `v`'s type in the error (looked up only then: it allocates).
fn parse_spec_of(ts: &ThreadState, spec_text: &str, v: &Value) -> PyResult<Spec> {
    parse_spec(spec_text, "").map_err(|_| {
        let message = parse_spec(spec_text, &type_name(ts, v)).err();
        ts.value_error(message.unwrap_or_default())
    })
}

pub fn format_with_spec(ts: &mut ThreadState, v: &Value, spec_text: &str) -> PyResult<String> {
    if let Some(inst) = v.as_instance() {
        if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Format) {
            let r = call_value(ts, &m, &[v.clone(), Value::new_str(spec_text)], &[])?;
            let text = class::builtin_base(&r).unwrap_or_else(|| r.clone());
            if text.as_str().is_none() {
                return Err(ts.type_error(format!(
                    "__format__ must return a str, not {}",
                    type_name(ts, &r)
                )));
            }
            return str_of(ts, &text);
        }
    }
    if spec_text.is_empty() {
        return str_of(ts, v);
    }
    let base = class::builtin_base(v).unwrap_or_else(|| v.clone());
    if let Some(c) = crate::objects::complex::complex_of(&base) {
        let spec = parse_spec(spec_text, "complex").map_err(|m| ts.value_error(m))?;
        return crate::objects::complex::format_complex(ts, c, &spec);
    }
    let is_text = base.as_str().is_some();
    if !is_text && !matches!(base, Value::Float(_)) && to_big(&base).is_none() {
        return Err(ts.type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(ts, v)
        )));
    }
    let spec = parse_spec_of(ts, spec_text, v)?;
    match &base {
        Value::Float(x) => format_float(ts, *x, &spec, v),
        _ if is_text => {
            let s = str_of(ts, &base)?;
            format_str(ts, s, &spec, v)
        }
        Value::Int(i) if small_decimal(&spec) => {
            pad_number(&spec, decimal_parts(*i)).or_memory_error(ts)
        }
        _ => format_int(ts, to_big(&base).unwrap_or_default(), &spec, v),
    }
}

/// A spec that formats an int as plain decimal digits (`{i:>6}`, `{i:+,}`): a machine int
/// then needs no big-number conversion. Every other spec (another kind, and the precision
/// or `z` that `format_int` rejects) goes through `format_int`.
fn small_decimal(spec: &Spec) -> bool {
    matches!(spec.kind, None | Some('d')) && spec.precision.is_none() && !spec.no_neg_zero
}

fn decimal_parts(i: i64) -> NumberParts {
    NumberParts {
        negative: i < 0,
        prefix: "",
        digits: itoa::Buffer::new().format(i.unsigned_abs()).to_owned(),
        rest: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_and_exponent_formats() {
        let general = |x, p, alternate| format_general(x, p, alternate, false).expect("fits");
        assert_eq!(general(1234567.0, 6, false), "1.23457e+06");
        assert_eq!(general(0.0001, 6, false), "0.0001");
        assert_eq!(general(2.5, 6, false), "2.5");
        assert_eq!(general(0.0, 3, true), "0.00");
        assert_eq!(general(100.0, 2, false), "1e+02");
        assert_eq!(
            format_exp(12345.678, 2, false, false).as_deref(),
            Ok("1.23e+04")
        );
    }

    #[test]
    fn precision_past_the_exact_digits_appends_zeros() {
        let f = fixed(0.5, 70_000).expect("fits");
        assert_eq!((f.len(), &f[..4], f.ends_with('0')), (70_002, "0.50", true));
        let e = format_exp(1.5, 70_000, false, false).expect("fits");
        assert_eq!((e.len(), &e[e.len() - 5..]), (70_006, "0e+00"));
        let g = format_general(0.1, 70_000, true, false).expect("fits");
        assert!(g.starts_with("0.1000000000000000055511151231257827"));
        assert_eq!(g.len(), 70_002);
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
        assert_eq!(pad_number(&spec, parts).as_deref(), Ok("00,001,234"));
        let spec = parse_spec("#012_x", "int").expect("valid spec");
        let parts = NumberParts {
            negative: false,
            prefix: "0x",
            digits: "ff".into(),
            rest: String::new(),
        };
        assert_eq!(pad_number(&spec, parts).as_deref(), Ok("0x0_0000_00ff"));
        for width in 0..40 {
            let spec = parse_spec(&format!("0{width},"), "int").expect("valid spec");
            let digits = "1234".to_string();
            let parts = NumberParts {
                negative: false,
                prefix: "",
                digits,
                rest: String::new(),
            };
            let text = pad_number(&spec, parts).expect("fits");
            // CPython never lets the text start with the separator: one more zero then.
            assert!(
                text.len() == width.max(5) || text.len() == width + 1,
                "{width}: {text}"
            );
        }
    }
}
