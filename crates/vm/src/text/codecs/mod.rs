//! `str.encode` / `bytes.decode` for the utf-8, ascii and latin-1 codecs (and encoding to
//! `unicode_escape`), with CPython's error handlers — `strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `surrogateescape`, `surrogatepass` — and its
//! `UnicodeEncodeError`/`UnicodeDecodeError` (see [`error`]). Strs may hold lone
//! surrogates: utf-8 refuses them unless a handler says otherwise.

pub mod error;

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::str::{PyStr, PyStrBuilder};
use error::Failure;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    UnicodeEscape,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::UnicodeEscape => "unicodeescape",
        }
    }
    fn encodable(self, point: u32) -> bool {
        match self {
            Codec::Utf8 => !is_surrogate(point),
            Codec::Ascii => point < 128,
            Codec::Latin1 => point < 256,
            Codec::UnicodeEscape => true,
        }
    }
    fn encode_reason(self) -> &'static str {
        match self {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            Codec::Utf8 | Codec::UnicodeEscape => "surrogates not allowed",
        }
    }
}

fn is_surrogate(point: u32) -> bool {
    (0xD800..=0xDFFF).contains(&point)
}

#[derive(Clone, Copy, PartialEq)]
enum Errors {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogateEscape,
    SurrogatePass,
    /// A name no handler has: CPython looks a handler up only when an error needs it, so
    /// this fails only then (with `LookupError`, see [`unknown_handler`]).
    Unknown,
}

fn codec(ts: &ThreadState, encoding: &str) -> PyResult<Codec> {
    match encoding.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "u8" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Ok(Codec::Latin1),
        "unicode-escape" => Ok(Codec::UnicodeEscape),
        _ => Err(ts.new_exc(
            ExcKind::LookupError,
            format!("unknown encoding: {encoding}"),
        )),
    }
}

fn errors(name: &str) -> Errors {
    match name {
        "strict" => Errors::Strict,
        "ignore" => Errors::Ignore,
        "replace" => Errors::Replace,
        "backslashreplace" => Errors::BackslashReplace,
        "xmlcharrefreplace" => Errors::XmlCharRefReplace,
        "surrogateescape" => Errors::SurrogateEscape,
        "surrogatepass" => Errors::SurrogatePass,
        _ => Errors::Unknown,
    }
}

/// An encode or decode that met an error: an unknown handler's `LookupError` in place of it.
fn unknown_handler<T>(
    ts: &ThreadState,
    handler: Errors,
    name: &str,
    r: PyResult<T>,
) -> PyResult<T> {
    match (r, handler) {
        (Err(_), Errors::Unknown) => Err(ts.new_exc(
            ExcKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )),
        (r, _) => r,
    }
}

/// `\xe9`, `\u20ac`, `\U0001f600`: how `backslashreplace` and `unicode_escape` write a code point.
fn push_escape(out: &mut Vec<u8>, point: u32) {
    let mut escape = String::new();
    gilvm_compiler::repr::push_point_escape(&mut escape, point);
    out.extend_from_slice(escape.as_bytes());
}

fn push_utf8(out: &mut Vec<u8>, point: u32) {
    match char::from_u32(point) {
        Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        // A surrogate, as `surrogatepass` writes it: the three bytes UTF-8's scheme gives.
        None => out.extend_from_slice(&[
            0xe0 | (point >> 12) as u8,
            0x80 | ((point >> 6) & 0x3f) as u8,
            0x80 | (point & 0x3f) as u8,
        ]),
    }
}

/// `s.encode(encoding, errors)`; `object` is the str value itself (the error's `object`).
pub fn encode(
    ts: &ThreadState,
    object: &Value,
    s: &PyStr,
    encoding: &str,
    errors_name: &str,
) -> PyResult<Vec<u8>> {
    if super::idna::is_idna(encoding) {
        return super::idna::encode(ts, s.as_str(), errors_name);
    }
    let codec = codec(ts, encoding)?;
    let handler = errors(errors_name);
    match s.exact_str() {
        Some(text) if codec == Codec::Utf8 || (codec == Codec::Ascii && text.is_ascii()) => {
            return Ok(text.as_bytes().to_vec());
        }
        _ if codec == Codec::UnicodeEscape => return Ok(unicode_escape(s)),
        _ => {}
    }
    unknown_handler(
        ts,
        handler,
        errors_name,
        encode_points(ts, object, s, codec, handler),
    )
}

fn encode_points(
    ts: &ThreadState,
    object: &Value,
    s: &PyStr,
    codec: Codec,
    handler: Errors,
) -> PyResult<Vec<u8>> {
    let points: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(points.len());
    let mut i = 0;
    while i < points.len() {
        if codec.encodable(points[i]) {
            push_point(&mut out, codec, points[i]);
            i += 1;
            continue;
        }
        let end = i + points[i..]
            .iter()
            .take_while(|&&p| !codec.encodable(p))
            .count();
        let run = &points[i..end];
        let failure = Failure {
            encoding: codec.name(),
            start: i,
            end,
            reason: codec.encode_reason(),
        };
        if !handle_unencodable(&mut out, codec, handler, run) {
            return Err(error::encode_error(ts, object.clone(), run[0], &failure));
        }
        i = end;
    }
    Ok(out)
}

fn push_point(out: &mut Vec<u8>, codec: Codec, point: u32) {
    match codec {
        Codec::Utf8 => push_utf8(out, point),
        _ => out.push(point as u8),
    }
}

/// What `handler` writes for a run of code points `codec` cannot encode; false when it
/// gives up (`strict`, or a handler that cannot take these code points).
fn handle_unencodable(out: &mut Vec<u8>, codec: Codec, handler: Errors, run: &[u32]) -> bool {
    match handler {
        Errors::Strict | Errors::Unknown => return false,
        Errors::Ignore => {}
        Errors::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
        Errors::BackslashReplace => run.iter().for_each(|&p| push_escape(out, p)),
        Errors::XmlCharRefReplace => run
            .iter()
            .for_each(|p| out.extend_from_slice(format!("&#{p};").as_bytes())),
        Errors::SurrogateEscape => {
            if !run.iter().all(|p| (0xDC80..=0xDCFF).contains(p)) {
                return false;
            }
            out.extend(run.iter().map(|p| (p - 0xDC00) as u8));
        }
        Errors::SurrogatePass => {
            if codec != Codec::Utf8 || !run.iter().all(|&p| is_surrogate(p)) {
                return false;
            }
            run.iter().for_each(|&p| push_utf8(out, p));
        }
    }
    true
}

/// `s.encode('unicode_escape')`: printable ASCII as itself, the rest escaped.
fn unicode_escape(s: &PyStr) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.as_str().len());
    for p in s.code_points() {
        match p {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(p as u8),
            _ => push_escape(&mut out, p),
        }
    }
    out
}

/// Why the utf-8 sequence starting at `bad[0]` is invalid, and how many bytes it spans.
fn utf8_problem(bad: &[u8]) -> (&'static str, usize) {
    let window = &bad[..bad.len().min(4)];
    let error_len = match std::str::from_utf8(window) {
        Ok(_) => Some(1),
        Err(e) => e.error_len(),
    };
    match error_len {
        None => ("unexpected end of data", bad.len()),
        Some(_) if matches!(bad[0], 0x80..=0xc1 | 0xf5..=0xff) => ("invalid start byte", 1),
        Some(n) => ("invalid continuation byte", n),
    }
}

/// The surrogate `surrogatepass` reads at the start of `bytes` (`ED A0..BF 80..BF`).
fn encoded_surrogate(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf, ..] => {
            Some(0xd000 | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f))
        }
        _ => None,
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(ts: &ThreadState, data: &[u8], encoding: &str, errors_name: &str) -> PyResult<PyStr> {
    if super::idna::is_idna(encoding) {
        return super::idna::decode(ts, data, errors_name).map(PyStr::new);
    }
    let codec = codec(ts, encoding)?;
    let handler = errors(errors_name);
    let decoded = match codec {
        Codec::Latin1 => Ok(PyStr::new(data.iter().map(|&b| b as char).collect())),
        Codec::Ascii => decode_ascii(ts, data, handler),
        Codec::Utf8 => match std::str::from_utf8(data) {
            Ok(s) => Ok(PyStr::new(s.to_string())),
            Err(_) => decode_utf8(ts, data, handler),
        },
        Codec::UnicodeEscape => Err(ts.new_exc(
            ExcKind::LookupError,
            "decoding from 'unicode_escape' is not supported",
        )),
    };
    unknown_handler(ts, handler, errors_name, decoded)
}

/// What `handler` puts in place of `bad`, the bytes of one decoding error; false when it
/// gives up.
fn handle_undecodable(out: &mut PyStrBuilder, handler: Errors, bad: &[u8]) -> bool {
    match handler {
        Errors::Strict | Errors::SurrogatePass | Errors::XmlCharRefReplace | Errors::Unknown => {
            return false
        }
        Errors::Ignore => {}
        Errors::Replace => out.push(char::REPLACEMENT_CHARACTER),
        Errors::SurrogateEscape => bad
            .iter()
            .for_each(|&b| out.push_point(0xdc00 + u32::from(b))),
        Errors::BackslashReplace => bad
            .iter()
            .for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
    }
    true
}

fn decode_ascii(ts: &ThreadState, data: &[u8], handler: Errors) -> PyResult<PyStr> {
    let mut out = PyStrBuilder::default();
    for (i, &b) in data.iter().enumerate() {
        if b < 128 {
            out.push(b as char);
        } else if !handle_undecodable(&mut out, handler, &data[i..=i]) {
            let reason = "ordinal not in range(128)";
            let failure = Failure {
                encoding: "ascii",
                start: i,
                end: i + 1,
                reason,
            };
            return Err(error::decode_error(ts, data, &failure));
        }
    }
    Ok(out.finish())
}

fn decode_utf8(ts: &ThreadState, data: &[u8], handler: Errors) -> PyResult<PyStr> {
    let mut out = PyStrBuilder::default();
    let mut pos = 0;
    while pos < data.len() {
        // Only the first chunk is examined: each call costs what it consumes.
        let Some(chunk) = data[pos..].utf8_chunks().next() else {
            break;
        };
        out.push_str(chunk.valid());
        pos += chunk.valid().len();
        if chunk.invalid().is_empty() {
            continue;
        }
        if handler == Errors::SurrogatePass {
            if let Some(point) = encoded_surrogate(&data[pos..]) {
                out.push_point(point);
                pos += 3;
                continue;
            }
        }
        let (reason, len) = utf8_problem(&data[pos..]);
        if !handle_undecodable(&mut out, handler, &data[pos..pos + len]) {
            let failure = Failure {
                encoding: "utf-8",
                start: pos,
                end: pos + len,
                reason,
            };
            return Err(error::decode_error(ts, data, &failure));
        }
        pos += len;
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_reasons() {
        assert_eq!(utf8_problem(b"\xff"), ("invalid start byte", 1));
        assert_eq!(utf8_problem(b"\xc3("), ("invalid continuation byte", 1));
        assert_eq!(utf8_problem(b"\xf0\x9f\x98"), ("unexpected end of data", 3));
        let failure = Failure {
            encoding: "utf-8",
            start: 2,
            end: 3,
            reason: "invalid start byte",
        };
        assert_eq!(
            error::decode_message(b"ab\xff", &failure),
            "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
        );
    }

    #[test]
    fn surrogates_round_trip_through_surrogatepass_bytes() {
        for point in [0xd800, 0xdbff, 0xdc00, 0xdfff] {
            let mut out = Vec::new();
            push_utf8(&mut out, point);
            assert_eq!(encoded_surrogate(&out), Some(point));
        }
        assert_eq!(encoded_surrogate(b"\xed\x9f\xbf"), None);
    }
}
