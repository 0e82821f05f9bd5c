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
            'N' => return Err("(unicode error) \\N{...} escapes are not supported".into()),
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
        assert!(decode_str(r"\N{DASH}").is_err());
        assert!(decode_bytes(r"\xg").is_err());
    }
}
