//! Backslash escapes in string and bytes literals.

use crate::token::StrLit;

/// A decoded `str` literal body: its text, with U+FFFD standing for each lone surrogate
/// (`'\ud800'`), and those surrogates with the byte offsets where they stand.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    lone: Vec<(usize, u32)>,
}

impl Decoded {
    /// The literal: text, or code points when it holds a lone surrogate (a `String` cannot).
    pub fn into_literal(self) -> StrLit {
        if self.lone.is_empty() {
            return StrLit::Str(self.text);
        }
        let mut lone = self.lone.into_iter().peekable();
        let points = self
            .text
            .char_indices()
            .map(|(at, c)| match lone.next_if(|l| l.0 == at) {
                Some((_, point)) => point,
                None => c as u32,
            });
        StrLit::SurrogateStr(points.collect())
    }
    /// The text, for the literal parts of f-strings, which cannot hold lone surrogates here.
    pub fn into_text(self) -> Result<String, String> {
        match self.lone.is_empty() {
            true => Ok(self.text),
            false => Err("(unicode error) lone surrogates are not supported in f-strings".into()),
        }
    }
}

/// Decodes the escapes of a `str` literal's body; `Err` carries CPython's message.
pub fn decode_str(body: &str) -> Result<Decoded, String> {
    let mut out = String::with_capacity(body.len());
    let mut lone = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'x' | 'u' | 'U' => {
                let (digits, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let value = take_hex(&mut chars, digits)
                    .ok_or_else(|| unicode_error(i, body, &format!("truncated {name} escape")))?;
                if (0xD800..=0xDFFF).contains(&value) {
                    lone.push((out.len(), value));
                    out.push(char::REPLACEMENT_CHARACTER);
                    continue;
                }
                let ch = char::from_u32(value)
                    .ok_or_else(|| unicode_error(i, body, "illegal Unicode character"))?;
                out.push(ch);
            }
            'N' => out.push(named_char(i, body, &mut chars)?),
            '0'..='7' => {
                let value = take_octal(e, &mut chars);
                out.push(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            '\r' => {
                chars.next_if(|&(_, c)| c == '\n');
            }
            _ => match simple_escape(e) {
                Some(b) => out.push(b as char),
                None if e == '\n' => {}
                None => {
                    out.push('\\');
                    out.push(e);
                }
            },
        }
    }
    Ok(Decoded { text: out, lone })
}

/// Decodes the escapes of a bytes literal's body (already checked to be ASCII).
pub fn decode_bytes(body: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c as u8);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push(b'\\');
            break;
        };
        match e {
            'x' => {
                let value = take_hex(&mut chars, 2)
                    .ok_or_else(|| format!("(value error) invalid \\x escape at position {i}"))?;
                out.push(value as u8);
            }
            '0'..='7' => out.push(take_octal(e, &mut chars) as u8),
            '\r' => {
                chars.next_if(|&(_, c)| c == '\n');
            }
            _ => match simple_escape(e) {
                Some(b) => out.push(b),
                None if e == '\n' => {}
                None => {
                    out.push(b'\\');
                    out.push(e as u8);
                }
            },
        }
    }
    Ok(out)
}

type CharIter<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn simple_escape(e: char) -> Option<u8> {
    Some(match e {
        '\\' => b'\\',
        '\'' => b'\'',
        '"' => b'"',
        'a' => 0x07,
        'b' => 0x08,
        'f' => 0x0c,
        'n' => b'\n',
        'r' => b'\r',
        't' => b'\t',
        'v' => 0x0b,
        _ => return None,
    })
}

fn take_hex(chars: &mut CharIter, digits: usize) -> Option<u32> {
    let mut value = 0u32;
    for _ in 0..digits {
        let (_, c) = chars.next_if(|(_, c)| c.is_ascii_hexdigit())?;
        value = value * 16 + c.to_digit(16)?;
    }
    Some(value)
}

/// Up to three octal digits, the first already consumed.
fn take_octal(first: char, chars: &mut CharIter) -> u32 {
    let mut value = first.to_digit(8).unwrap_or(0);
    for _ in 0..2 {
        match chars.next_if(|(_, c)| c.is_digit(8)) {
            Some((_, c)) => value = value * 8 + c.to_digit(8).unwrap_or(0),
            None => break,
        }
    }
    value
}

/// The character of a `\\N{NAME}` escape whose backslash is at `start` (the `N` consumed):
/// its name or alias, in any case, as CPython's `unicodedata.lookup` takes it.
fn named_char(start: usize, body: &str, chars: &mut CharIter) -> Result<char, String> {
    let error = |end: usize, what: &str| {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {what}",
            end - 1
        )
    };
    let malformed = "malformed \\N character escape";
    let Some((open, _)) = chars.next_if(|&(_, c)| c == '{') else {
        return Err(error(start + 2, malformed));
    };
    let name_start = open + 1;
    let Some(close) = body[name_start..].find('}').map(|at| name_start + at) else {
        while chars.next().is_some() {}
        return Err(error(body.len(), malformed));
    };
    while chars.next_if(|&(at, _)| at <= close).is_some() {}
    let name = &body[name_start..close];
    if name.is_empty() {
        return Err(error(close, malformed));
    }
    // The crate matches loosely (UAX #44: `_` for space too); CPython's names have no `_`.
    match unicode_names2::character(name).filter(|_| !name.contains('_')) {
        Some(c) => Ok(c),
        None => Err(error(close + 1, "unknown Unicode character name")),
    }
}

fn unicode_error(start: usize, body: &str, what: &str) -> String {
    let end = body[start..]
        .char_indices()
        .skip(1)
        .find(|&(_, c)| !c.is_ascii_hexdigit() && !matches!(c, 'x' | 'u' | 'U'))
        .map_or(body.len() - start, |(j, _)| j);
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
        start,
        start + end - 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_str_escapes() {
        let decoded = decode_str(r"a\n\t\\\'\x41\u00e9\U0001F600\101\0\d")
            .unwrap()
            .text;
        assert_eq!(decoded, "a\n\t\\'Aé😀A\0\\d");
        assert_eq!(decode_str("a\\\nb").unwrap().text, "ab");
    }

    #[test]
    fn lone_surrogates_make_a_code_point_literal() {
        let literal = decode_str(r"a\ud800\uFFFD\udc00b").unwrap().into_literal();
        assert_eq!(
            literal,
            StrLit::SurrogateStr(vec![0x61, 0xd800, 0xfffd, 0xdc00, 0x62])
        );
        assert_eq!(decode_str(r"\ud83d\ude00").unwrap().text.chars().count(), 2);
        assert!(decode_str(r"\udfff").unwrap().into_text().is_err());
        assert_eq!(
            decode_str("plain").unwrap().into_literal(),
            StrLit::Str("plain".into())
        );
    }

    #[test]
    fn named_escapes_and_cpythons_errors() {
        let decoded = decode_str(r"\N{SNOWMAN}\N{latin small letter a}\N{BACKSPACE}x");
        assert_eq!(decoded.unwrap().text, "\u{2603}a\u{8}x");
        let error = |s: &str| decode_str(s).unwrap_err();
        let prefix = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(
            error(r"\N"),
            format!("{prefix} 0-1: malformed \\N character escape")
        );
        assert_eq!(
            error(r"\N{"),
            format!("{prefix} 0-2: malformed \\N character escape")
        );
        assert_eq!(
            error(r"\N{}"),
            format!("{prefix} 0-2: malformed \\N character escape")
        );
        assert_eq!(
            error(r"\N{SNOWMAN"),
            format!("{prefix} 0-9: malformed \\N character escape")
        );
        assert_eq!(
            error(r"ab\N{foo}"),
            format!("{prefix} 2-8: unknown Unicode character name")
        );
        assert_eq!(
            error(r"\N{A_B}"),
            format!("{prefix} 0-6: unknown Unicode character name")
        );
    }

    #[test]
    fn decodes_bytes_escapes() {
        assert_eq!(
            decode_bytes(r"\xff\n\377a").unwrap(),
            vec![0xff, b'\n', 0xff, b'a']
        );
    }

    #[test]
    fn reports_truncated_escapes() {
        let message = decode_str(r"\x1").unwrap_err();
        assert_eq!(
            message,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: \
             truncated \\xXX escape"
        );
        assert!(decode_str(r"\N{NO SUCH NAME}").is_err());
        assert!(decode_bytes(r"\xg").is_err());
    }
}
