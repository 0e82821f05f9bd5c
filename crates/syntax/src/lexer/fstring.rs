//! f-strings: literal text, `{{`/`}}` escapes and replacement fields
//! `{expr[=][!conv][:spec]}`, whose expressions are parsed by the expression parser.

use super::escapes::decode_str;
use crate::ast::FStringPart;
use crate::error_at::ErrorAt;

/// Parses the body `source[start..end]` of an f-string; errors in its structure are reported
/// at `error_at` (just past the closing quote), as CPython does.
pub fn parse_fstring(
    source: &str,
    (start, end): (usize, usize),
    error_at: usize,
    raw: bool,
) -> Result<Vec<FStringPart>, ErrorAt> {
    let mut parser = FStringParser {
        source,
        bytes: source.as_bytes(),
        pos: start,
        end,
        error_at,
        raw,
    };
    let parts = parser.parts(false)?;
    Ok(parts)
}

struct FStringParser<'s> {
    source: &'s str,
    bytes: &'s [u8],
    pos: usize,
    end: usize,
    error_at: usize,
    raw: bool,
}

fn error(message: &str, offset: usize) -> ErrorAt {
    ErrorAt::syntax(format!("f-string: {message}"), offset)
}

impl FStringParser<'_> {
    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.bytes[self.pos])
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        (self.pos + ahead < self.end).then(|| self.bytes[self.pos + ahead])
    }

    /// Literal text and fields up to the end of the body, or (in a format spec) up to the
    /// `}` closing the field.
    fn parts(&mut self, in_spec: bool) -> Result<Vec<FStringPart>, ErrorAt> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chunk_start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'{' | b'}' if !in_spec && self.peek_at(1) == Some(b) => {
                    literal.push_str(&self.decode(chunk_start, self.pos)?);
                    literal.push(b as char);
                    self.pos += 2;
                    chunk_start = self.pos;
                }
                b'{' => {
                    literal.push_str(&self.decode(chunk_start, self.pos)?);
                    push_literal(&mut parts, std::mem::take(&mut literal));
                    self.pos += 1;
                    self.field(&mut parts)?;
                    chunk_start = self.pos;
                }
                b'}' if in_spec => break,
                b'}' => return Err(error("single '}' is not allowed", self.error_at)),
                // An escaped backslash: what follows it (`\\N{x}`) is no escape.
                b'\\' if !self.raw && self.peek_at(1) == Some(b'\\') => self.pos += 2,
                b'\\'
                    if !self.raw
                        && self.peek_at(1) == Some(b'N')
                        && self.peek_at(2) == Some(b'{') =>
                {
                    // `\N{NAME}`: the braces are the escape's, not a field's.
                    self.pos += 3;
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == b'}' {
                            break;
                        }
                    }
                }
                _ => self.pos += 1,
            }
        }
        literal.push_str(&self.decode(chunk_start, self.pos)?);
        push_literal(&mut parts, literal);
        Ok(parts)
    }

    fn decode(&self, from: usize, to: usize) -> Result<String, ErrorAt> {
        let text = &self.source[from..to];
        if self.raw {
            return Ok(text.to_string());
        }
        decode_str(text)
            .and_then(|decoded| decoded.into_text())
            .map_err(|message| ErrorAt::syntax(message, self.error_at))
    }

    /// A replacement field; `self.pos` is just after its `{`.
    fn field(&mut self, parts: &mut Vec<FStringPart>) -> Result<(), ErrorAt> {
        let expr_start = self.pos;
        self.skip_expression()?;
        let expr_end = self.pos;
        if self.source[expr_start..expr_end].trim().is_empty() {
            return Err(error("empty expression not allowed", self.error_at));
        }
        let value =
            crate::parser::parse_fstring_field(self.source, expr_start, expr_end).map_err(|e| {
                // CPython 3.11 locates these in a copy of the field, not in the source:
                // no range is reproduced.
                ErrorAt {
                    message: format!("f-string: {}", e.message),
                    end: None,
                    ..e
                }
            })?;
        let mut self_documenting = false;
        if self.peek() == Some(b'=') {
            self.pos += 1;
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += 1;
            }
            let text = self.source[expr_start..self.pos].to_string();
            push_literal(parts, text);
            self_documenting = true;
        }
        let mut conversion = None;
        if self.peek() == Some(b'!') {
            let c = self.peek_at(1).map(char::from);
            if !matches!(c, Some('s' | 'r' | 'a')) {
                let message = "invalid conversion character: expected 's', 'r', or 'a'";
                return Err(error(message, self.error_at));
            }
            conversion = c;
            self.pos += 2;
        }
        let mut format_spec = None;
        if self.peek() == Some(b':') {
            self.pos += 1;
            format_spec = Some(self.parts(true)?);
        }
        if self.peek() != Some(b'}') {
            return Err(error("expecting '}'", self.error_at));
        }
        self.pos += 1;
        if self_documenting && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        parts.push(FStringPart::Expr {
            value: Box::new(value),
            conversion,
            format_spec,
        });
        Ok(())
    }

    /// Moves to the end of a field's expression: a `}`, `!`, `:` or `=` outside brackets that
    /// is not part of an operator.
    fn skip_expression(&mut self) -> Result<(), ErrorAt> {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'\'' | b'"' => self.skip_nested_string(b)?,
                b'\\' => {
                    let message = "f-string expression part cannot include a backslash";
                    return Err(ErrorAt::syntax(message, self.error_at));
                }
                b'#' => {
                    let message = "f-string expression part cannot include '#'";
                    return Err(ErrorAt::syntax(message, self.error_at));
                }
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.pos += 1;
                }
                b')' | b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    self.pos += 1;
                }
                b'}' => return Ok(()),
                b')' | b']' => {
                    return Err(error(&format!("unmatched '{}'", b as char), self.error_at));
                }
                b'!' | b'=' | b'<' | b'>' if self.peek_at(1) == Some(b'=') => self.pos += 2,
                b'!' | b':' | b'=' if depth == 0 => return Ok(()),
                _ => self.pos += 1,
            }
        }
        Err(error("expecting '}'", self.error_at))
    }

    fn skip_nested_string(&mut self, quote: u8) -> Result<(), ErrorAt> {
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let width = if triple { 3 } else { 1 };
        self.pos += width;
        while let Some(b) = self.peek() {
            if b == quote
                && (!triple || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote)))
            {
                self.pos += width;
                return Ok(());
            }
            self.pos += 1;
        }
        Err(error("unterminated string", self.error_at))
    }
}

/// Appends literal text, merging it with a preceding literal part.
pub fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}
