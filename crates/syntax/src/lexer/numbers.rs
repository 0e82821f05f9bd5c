//! Number literals: scanning, validation with CPython's messages, and decoding.

use num_bigint::BigInt;

use crate::error_at::ErrorAt;
use crate::token::Tok;

/// Keywords CPython (3.11) accepts directly after a number, as in `1if x else 2`.
const KEYWORDS_AFTER_NUMBER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

/// Scans the number literal at the start of `text` (which begins at byte `base` of the
/// source) and returns its token and length in bytes.
pub fn scan_number(text: &str, base: usize) -> Result<(Tok, usize), ErrorAt> {
    let bytes = text.as_bytes();
    if bytes[0] == b'0' && bytes.len() > 1 {
        if let Some((radix, name)) = radix_of(bytes[1]) {
            return scan_radix_int(text, base, radix, name);
        }
    }
    scan_decimal(text, base)
}

fn radix_of(prefix: u8) -> Option<(u32, &'static str)> {
    match prefix {
        b'x' | b'X' => Some((16, "hexadecimal")),
        b'o' | b'O' => Some((8, "octal")),
        b'b' | b'B' => Some((2, "binary")),
        _ => None,
    }
}

/// Length of a run of `digit (_? digit)*` at `pos`; `Err(offset)` points at a `_` that is not
/// followed by a digit.
fn digit_run(bytes: &[u8], pos: usize, is_digit: impl Fn(u8) -> bool) -> Result<usize, usize> {
    let mut i = pos;
    while i < bytes.len() {
        if is_digit(bytes[i]) {
            i += 1;
        } else if bytes[i] == b'_' && i > pos {
            if bytes.get(i + 1).is_some_and(|&b| is_digit(b)) {
                i += 1;
            } else {
                return Err(i);
            }
        } else {
            break;
        }
    }
    Ok(i - pos)
}

fn scan_radix_int(
    text: &str,
    base: usize,
    radix: u32,
    name: &str,
) -> Result<(Tok, usize), ErrorAt> {
    let bytes = text.as_bytes();
    let invalid = |offset: usize| ErrorAt::syntax(format!("invalid {name} literal"), base + offset);
    let is_digit = |b: u8| (b as char).is_digit(radix);
    // A single `_` may separate the prefix from the first digit: `0x_ff`.
    let start = if bytes.get(2) == Some(&b'_') { 3 } else { 2 };
    let len = digit_run(bytes, start, is_digit).map_err(invalid)?;
    let end = start + len;
    if let Some(&next) = bytes.get(end) {
        if next.is_ascii_digit() {
            let message = format!("invalid digit '{}' in {name} literal", next as char);
            return Err(ErrorAt::syntax(message, base + end));
        }
    }
    if len == 0 {
        return Err(invalid(start - 1));
    }
    check_end_of_number(text, end).map_err(|()| invalid(end - 1))?;
    let digits: Vec<u8> = bytes[start..end]
        .iter()
        .copied()
        .filter(|&b| b != b'_')
        .collect();
    let value = BigInt::parse_bytes(&digits, radix).ok_or_else(|| invalid(0))?;
    Ok((Tok::Int(value), end))
}

fn scan_decimal(text: &str, base: usize) -> Result<(Tok, usize), ErrorAt> {
    let bytes = text.as_bytes();
    let invalid = |offset: usize| ErrorAt::syntax("invalid decimal literal", base + offset);
    let is_digit = |b: u8| b.is_ascii_digit();
    let int_len = digit_run(bytes, 0, is_digit).map_err(invalid)?;
    let mut end = int_len;
    let mut is_float = false;
    if bytes.get(end) == Some(&b'.') {
        is_float = true;
        end += 1 + digit_run(bytes, end + 1, is_digit).map_err(invalid)?;
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        if bytes
            .get(end + 1 + sign)
            .is_some_and(|b| b.is_ascii_digit())
        {
            is_float = true;
            end += 1 + sign + digit_run(bytes, end + 1 + sign, is_digit).map_err(invalid)?;
        }
    }
    let literal: String = text[..end].chars().filter(|&c| c != '_').collect();
    if matches!(bytes.get(end), Some(b'j' | b'J')) {
        // An imaginary literal: leading zeros are fine here (`02j`), as in CPython.
        check_end_of_number(text, end + 1).map_err(|()| invalid(end))?;
        let value: f64 = normalise_float(&literal).parse().map_err(|_| invalid(0))?;
        return Ok((Tok::Imaginary(value), end + 1));
    }
    check_end_of_number(text, end).map_err(|()| invalid(end.saturating_sub(1)))?;
    if is_float {
        let value: f64 = normalise_float(&literal).parse().map_err(|_| invalid(0))?;
        return Ok((Tok::Float(value), end));
    }
    if literal.starts_with('0') && literal.bytes().any(|b| b != b'0') {
        let message = "leading zeros in decimal integer literals are not permitted; \
                       use an 0o prefix for octal integers";
        return Err(ErrorAt::syntax(message, base));
    }
    let value = BigInt::parse_bytes(literal.as_bytes(), 10).ok_or_else(|| invalid(0))?;
    Ok((Tok::Int(value), end))
}

/// Rust's float parser wants digits on both sides of the point in `1.e5`.
fn normalise_float(literal: &str) -> String {
    literal.replace(".e", ".0e").replace(".E", ".0E")
}

/// A number may not run straight into a name, except into the keywords CPython tolerates.
fn check_end_of_number(text: &str, end: usize) -> Result<(), ()> {
    let rest = &text[end..];
    match rest.chars().next() {
        Some(c) if c.is_alphanumeric() || c == '_' => {
            if KEYWORDS_AFTER_NUMBER.iter().any(|kw| rest.starts_with(kw)) {
                Ok(())
            } else {
                Err(())
            }
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Tok {
        scan_number(text, 0).expect("valid number").0
    }

    fn error(text: &str) -> (String, usize) {
        let err = scan_number(text, 0).expect_err("invalid number");
        (err.message, err.offset)
    }

    #[test]
    fn decodes_integers_in_every_radix() {
        assert_eq!(value("1_000"), Tok::Int(BigInt::from(1000)));
        assert_eq!(value("0xff"), Tok::Int(BigInt::from(255)));
        assert_eq!(value("0o17"), Tok::Int(BigInt::from(15)));
        assert_eq!(value("0b_101"), Tok::Int(BigInt::from(5)));
        assert_eq!(value("000"), Tok::Int(BigInt::from(0)));
        let big = "123456789012345678901234567890";
        assert_eq!(value(big), Tok::Int(big.parse().unwrap()));
    }

    #[test]
    fn decodes_floats() {
        assert_eq!(value("1_000.5"), Tok::Float(1000.5));
        assert_eq!(value(".5"), Tok::Float(0.5));
        assert_eq!(value("5."), Tok::Float(5.0));
        assert_eq!(value("1e3"), Tok::Float(1000.0));
        assert_eq!(value("1.e-2"), Tok::Float(0.01));
        assert_eq!(value("2E+2"), Tok::Float(200.0));
    }

    #[test]
    fn decodes_imaginary_literals() {
        assert_eq!(value("1j"), Tok::Imaginary(1.0));
        assert_eq!(value("02J"), Tok::Imaginary(2.0));
        assert_eq!(value("1.5e3j"), Tok::Imaginary(1500.0));
        assert_eq!(scan_number("2j+1", 0).unwrap().1, 2);
    }

    #[test]
    fn stops_before_what_follows() {
        assert_eq!(scan_number("1)", 0).unwrap().1, 1);
        assert_eq!(scan_number("1if x", 0).unwrap().1, 1);
        assert_eq!(scan_number("1.5.real", 0).unwrap().1, 3);
    }

    #[test]
    fn reports_cpython_errors() {
        assert_eq!(error("1a"), ("invalid decimal literal".into(), 0));
        assert_eq!(error("123abc"), ("invalid decimal literal".into(), 2));
        assert_eq!(error("1_"), ("invalid decimal literal".into(), 1));
        assert_eq!(error("1__0"), ("invalid decimal literal".into(), 1));
        assert_eq!(error("0x"), ("invalid hexadecimal literal".into(), 1));
        assert_eq!(
            error("0b12"),
            ("invalid digit '2' in binary literal".into(), 3)
        );
        assert_eq!(
            error("0o8"),
            ("invalid digit '8' in octal literal".into(), 2)
        );
        assert!(error("0777").0.starts_with("leading zeros"));
        assert_eq!(error("1jx"), ("invalid decimal literal".into(), 1));
    }
}
