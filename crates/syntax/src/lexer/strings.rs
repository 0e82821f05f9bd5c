//! String literals: finding where one ends and decoding its body.

use super::escapes::{decode_bytes, decode_str};
use super::fstring::parse_fstring;
use crate::error_at::ErrorAt;
use crate::token::StrLit;
use crate::LineIndex;

struct Prefix {
    raw: bool,
    bytes: bool,
    format: bool,
}

/// Lexes the string literal whose prefix starts at `start`; it must end before `limit`.
/// Returns the literal and the offset just past its closing quote.
pub fn lex_string(source: &str, start: usize, limit: usize) -> Result<(StrLit, usize), ErrorAt> {
    let bytes = source.as_bytes();
    let mut quote_at = start;
    while !matches!(bytes[quote_at], b'\'' | b'"') {
        quote_at += 1;
    }
    let prefix = parse_prefix(&source[start..quote_at]);
    let quote = bytes[quote_at];
    let triple = source.as_bytes()[quote_at..limit].starts_with(&[quote; 3]);
    let body_start = quote_at + if triple { 3 } else { 1 };
    let body_end = find_body_end(source, start, body_start, limit, quote, triple)?;
    let end = body_end + if triple { 3 } else { 1 };
    // CPython reads source with universal newlines: a line break in a literal is always `\n`.
    let body = source[body_start..body_end]
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let body = body.as_str();
    let literal = if prefix.format {
        StrLit::FString(parse_fstring(
            source,
            (body_start, body_end),
            end,
            prefix.raw,
        )?)
    } else if prefix.bytes {
        if !body.is_ascii() {
            let message = "bytes can only contain ASCII literal characters";
            return Err(ErrorAt::syntax(message, start).until(end));
        }
        let decoded = if prefix.raw {
            Ok(body.as_bytes().to_vec())
        } else {
            decode_bytes(body)
        };
        StrLit::Bytes(decoded.map_err(|message| ErrorAt::syntax(message, end))?)
    } else {
        if prefix.raw {
            StrLit::Str(body.to_string())
        } else {
            decode_str(body)
                .map_err(|message| ErrorAt::syntax(message, end))?
                .into_literal()
        }
    };
    Ok((literal, end))
}

fn parse_prefix(prefix: &str) -> Prefix {
    let has = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
    Prefix {
        raw: has('r'),
        bytes: has('b'),
        format: has('f'),
    }
}

/// Offset of the closing quote(s). A backslash always protects the next character, even in
/// raw strings (`r'\''` is one quote character long).
fn find_body_end(
    source: &str,
    start: usize,
    body_start: usize,
    limit: usize,
    quote: u8,
    triple: bool,
) -> Result<usize, ErrorAt> {
    let bytes = &source.as_bytes()[..limit];
    let mut i = body_start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                i += if bytes[i + 1..].starts_with(b"\r\n") {
                    3
                } else {
                    2
                }
            }
            b if b == quote => {
                if !triple || bytes[i..].starts_with(&[quote; 3]) {
                    return Ok(i);
                }
                i += 1;
            }
            b'\n' | b'\r' if !triple => return Err(unterminated(source, start, i, false)),
            _ => i += 1,
        }
    }
    Err(unterminated(source, start, limit.saturating_sub(1), triple))
}

fn unterminated(source: &str, start: usize, detected_at: usize, triple: bool) -> ErrorAt {
    let line = LineIndex::new(source).line(detected_at.max(start) as u32);
    let what = if triple {
        "triple-quoted string"
    } else {
        "string"
    };
    ErrorAt::syntax(
        format!("unterminated {what} literal (detected at line {line})"),
        start,
    )
}
