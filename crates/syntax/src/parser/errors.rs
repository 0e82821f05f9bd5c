//! Turns the LR parser's "unexpected token" into CPython's more specific messages.

use lalrpop_util::ParseError;

use crate::error_at::ErrorAt;
use crate::token::{Spanned, Tok};
use crate::LineIndex;

/// `consumed` counts the tokens the parser pulled; the last of them caused the error.
pub fn convert(
    error: ParseError<usize, Tok, ErrorAt>,
    source: &str,
    tokens: &[Spanned],
    consumed: usize,
) -> ErrorAt {
    match error {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken { token, expected } => unexpected_token(
            source,
            tokens,
            consumed.saturating_sub(1),
            &token,
            &expected,
        ),
        ParseError::UnrecognizedEof { location, .. } => unexpected_end(source, tokens, location),
        ParseError::InvalidToken { location } => ErrorAt::syntax("invalid syntax", location),
        ParseError::ExtraToken { token } => ErrorAt::syntax("invalid syntax", token.0),
    }
}

fn unexpected_token(
    source: &str,
    tokens: &[Spanned],
    index: usize,
    token: &Spanned,
    expected: &[String],
) -> ErrorAt {
    let (start, tok, end) = token;
    if *tok == Tok::Indent {
        // CPython's caret sits on the last character of the indentation.
        return ErrorAt::indentation("unexpected indent", start.saturating_sub(1));
    }
    let caret = if *tok == Tok::Dedent {
        next_real_token(tokens, index, *start)
    } else {
        *start
    };
    let only_dedents_left = tokens[index..].iter().all(|t| t.1 == Tok::Dedent);
    let block_caret = match only_dedents_left {
        true => end_of_input(source),
        false => caret,
    };
    if let Some(error) = missing_block(source, tokens, index, block_caret) {
        return error;
    }
    let wants_colon = expected.iter().any(|e| e == "\":\"");
    if *tok == Tok::Newline && wants_colon && block_header(tokens, index).is_some() {
        return ErrorAt::syntax("expected ':'", *start);
    }
    let error = ErrorAt::syntax("invalid syntax", caret);
    // CPython highlights the offending token; layout tokens have no text to highlight.
    match tok {
        Tok::Dedent | Tok::Newline => error,
        _ => error.until(*end),
    }
}

fn unexpected_end(source: &str, tokens: &[Spanned], location: usize) -> ErrorAt {
    missing_block(source, tokens, tokens.len(), end_of_input(source))
        .unwrap_or_else(|| ErrorAt::syntax("invalid syntax", location))
}

/// Where CPython's ENDMARKER is: the end of the last line, blank or comment lines included
/// (where a block missing at the end of the input is reported).
fn end_of_input(source: &str) -> usize {
    source.strip_suffix('\n').map_or(source.len(), str::len)
}

/// Where the first token after a run of DEDENTs starts.
fn next_real_token(tokens: &[Spanned], index: usize, fallback: usize) -> usize {
    tokens[index..]
        .iter()
        .find(|t| t.1 != Tok::Dedent)
        .map_or(fallback, |t| t.0)
}

/// `header: NEWLINE` followed by something other than INDENT (the token at `index`).
fn missing_block(source: &str, tokens: &[Spanned], index: usize, caret: usize) -> Option<ErrorAt> {
    if index < 2 || tokens[index - 1].1 != Tok::Newline || tokens[index - 2].1 != Tok::Colon {
        return None;
    }
    let (keyword_at, what) = block_header(tokens, index - 2)?;
    let line = LineIndex::new(source).line(keyword_at as u32);
    let message = format!("expected an indented block after {what} on line {line}");
    Some(ErrorAt::indentation(message, caret))
}

/// The compound-statement keyword starting the logical line that holds token `index`, with
/// its offset and CPython's description of the statement.
fn block_header(tokens: &[Spanned], index: usize) -> Option<(usize, &'static str)> {
    let line_start = tokens[..index]
        .iter()
        .rposition(|t| {
            matches!(
                t.1,
                Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule
            )
        })
        .map_or(0, |i| i + 1);
    let (offset, first, _) = tokens.get(line_start)?;
    let what = match first {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::Try => "'try' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::With => "'with' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        Tok::Match => "'match' statement",
        Tok::Case => "'case' statement",
        _ => return None,
    };
    Some((*offset, what))
}
