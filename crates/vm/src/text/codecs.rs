//! `str.encode` / `bytes.decode` for the utf-8, ascii and latin-1 codecs, with the
//! `strict`, `ignore` and `replace` error handlers and CPython's error messages.

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
    /// The first code point the codec cannot represent.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Errors {
    Strict,
    Ignore,
    Replace,
}

fn codec(ts: &ThreadState, encoding: &str) -> PyResult<Codec> {
    match encoding.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "u8" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Ok(Codec::Latin1),
        _ => Err(ts.new_exc(
            ExcKind::LookupError,
            format!("unknown encoding: {encoding}"),
        )),
    }
}

fn errors(ts: &ThreadState, name: &str) -> PyResult<Errors> {
    match name {
        "strict" => Ok(Errors::Strict),
        // A str holds no lone surrogates here, so passing them through is being strict
        // (pickle encodes and decodes every str with it).
        "surrogatepass" => Ok(Errors::Strict),
        "ignore" => Ok(Errors::Ignore),
        "replace" => Ok(Errors::Replace),
        _ => Err(ts.new_exc(
            ExcKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )),
    }
}

fn position(start: usize, end: usize) -> String {
    if end - start == 1 {
        format!("position {start}")
    } else {
        format!("position {start}-{}", end - 1)
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(ts: &ThreadState, s: &str, encoding: &str, errors_name: &str) -> PyResult<Vec<u8>> {
    if super::idna::is_idna(encoding) {
        return super::idna::encode(ts, s, errors_name);
    }
    let codec = codec(ts, encoding)?;
    let handler = errors(ts, errors_name)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < codec.limit() {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..]
            .iter()
            .take_while(|&&c| c as u32 >= codec.limit())
            .count();
        match handler {
            Errors::Strict => {
                let what = if end - i == 1 {
                    format!(
                        "character '{}'",
                        crate::text::repr::ascii(&chars[i].to_string())
                    )
                } else {
                    "characters".into()
                };
                return Err(ts.new_exc(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'{}' codec can't encode {what} in {}: ordinal not in range({})",
                        codec.name(),
                        position(i, end),
                        codec.limit()
                    ),
                ));
            }
            Errors::Ignore => {}
            Errors::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
        }
        i = end;
    }
    Ok(out)
}

/// Why the utf-8 sequence starting at `bad[0]` is invalid, and how many bytes it spans.
fn utf8_problem(bad: &[u8], error_len: Option<usize>) -> (&'static str, usize) {
    match error_len {
        None => ("unexpected end of data", bad.len()),
        Some(_) if matches!(bad[0], 0x80..=0xc1 | 0xf5..=0xff) => ("invalid start byte", 1),
        Some(_) => ("invalid continuation byte", 1),
    }
}

fn decode_error(codec: Codec, data: &[u8], start: usize, len: usize, reason: &str) -> String {
    let what = if len == 1 {
        format!("byte {:#04x}", data[start])
    } else {
        "bytes".into()
    };
    format!(
        "'{}' codec can't decode {what} in {}: {reason}",
        codec.name(),
        position(start, start + len)
    )
}

/// `data.decode(encoding, errors)`.
pub fn decode(
    ts: &ThreadState,
    data: &[u8],
    encoding: &str,
    errors_name: &str,
) -> PyResult<String> {
    if super::idna::is_idna(encoding) {
        return super::idna::decode(ts, data, errors_name);
    }
    let codec = codec(ts, encoding)?;
    let handler = errors(ts, errors_name)?;
    let fail = |start: usize, len: usize, reason: &str| {
        ts.new_exc(
            ExcKind::UnicodeDecodeError,
            decode_error(codec, data, start, len, reason),
        )
    };
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                match (b < 128, handler) {
                    (true, _) => out.push(b as char),
                    (false, Errors::Strict) => return Err(fail(i, 1, "ordinal not in range(128)")),
                    (false, Errors::Ignore) => {}
                    (false, Errors::Replace) => out.push('\u{fffd}'),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_string()),
            Err(e) if handler == Errors::Strict => {
                let start = e.valid_up_to();
                let (reason, len) = utf8_problem(&data[start..], e.error_len());
                Err(fail(start, len, reason))
            }
            Err(_) => {
                let mut out = String::with_capacity(data.len());
                for chunk in data.utf8_chunks() {
                    out.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() && handler == Errors::Replace {
                        out.push('\u{fffd}');
                    }
                }
                Ok(out)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_reasons() {
        assert_eq!(utf8_problem(b"\xff", Some(1)), ("invalid start byte", 1));
        assert_eq!(
            utf8_problem(b"\xc3(", Some(1)),
            ("invalid continuation byte", 1)
        );
        assert_eq!(
            utf8_problem(b"\xf0\x9f\x98", None),
            ("unexpected end of data", 3)
        );
        assert_eq!(
            decode_error(Codec::Utf8, b"ab\xff", 2, 1, "invalid start byte"),
            "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
        );
    }
}
