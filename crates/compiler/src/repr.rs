//! `repr()` of a str, exactly as CPython writes it. It lives here, the lowest crate that
//! needs it: the disassembler shows str constants with it and the VM's `repr()` re-exports it.

/// `repr()` of a str: single quotes unless the text has a `'` and no `"`, what is not
/// printable escaped (`\\x07`, `\\u200b`, `\\U000e0001`).
pub fn str_repr(s: &str) -> String {
    quoted(s.chars().map(u32::from), s.contains('\''), s.contains('"'))
}

/// `repr` of a str given as code points, lone surrogates (`'\\ud800'`) included.
pub fn code_points_repr(points: &[u32]) -> String {
    let has = |c: char| points.contains(&u32::from(c));
    quoted(points.iter().copied(), has('\''), has('"'))
}

fn quoted(points: impl Iterator<Item = u32>, single: bool, double: bool) -> String {
    let quote = if single && !double { '"' } else { '\'' };
    let mut out = String::with_capacity(points.size_hint().0 + 2);
    out.push(quote);
    for p in points {
        match char::from_u32(p) {
            Some(c) => push_escaped(&mut out, c, quote),
            None => out.push_str(&format!("\\u{p:04x}")),
        }
    }
    out.push(quote);
    out
}

fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_ascii() && c != '\x7f' && c >= ' ' => out.push(c),
        c if is_printable(c) => out.push(c),
        c => push_point_escape(out, c as u32),
    }
}

/// `\xe9`, `\u20ac`, `\U0001f600`: how `repr`, `ascii()`, the `backslashreplace` handler and
/// `UnicodeError` messages write a code point, in the shortest of the three forms.
pub fn push_point_escape(out: &mut String, point: u32) {
    use std::fmt::Write;
    let _ = match point {
        0..=0xff => write!(out, "\\x{point:02x}"),
        0x100..=0xffff => write!(out, "\\u{point:04x}"),
        _ => write!(out, "\\U{point:08x}"),
    };
}

/// CPython's `str.isprintable` of one character: not in the categories "Other" (controls,
/// format, surrogates, private use, unassigned) or "Separator", except the space.
pub fn is_printable(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    c == ' '
        || !matches!(
            get_general_category(c),
            G::Control
                | G::Format
                | G::Surrogate
                | G::PrivateUse
                | G::Unassigned
                | G::LineSeparator
                | G::ParagraphSeparator
                | G::SpaceSeparator
        )
}

#[cfg(test)]
mod tests {
    use super::str_repr;

    #[test]
    fn quotes_and_escapes_like_cpython() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("a\tb\x01\x7f\u{85}é"), "'a\\tb\\x01\\x7f\\x85é'");
    }
}
