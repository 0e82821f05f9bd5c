//! The lexer: logos recognises raw tokens, and a layout pass turns line structure into
//! NEWLINE / INDENT / DEDENT tokens the way CPython's tokenizer does.

mod escapes;
mod fstring;
mod layout;
mod numbers;
mod raw;
mod soft_keywords;
mod strings;

pub use fstring::push_literal;

use logos::Logos;

use crate::error_at::ErrorAt;
use crate::token::{Spanned, Tok};
use layout::Layout;
use raw::RawTok;

/// What the token stream is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: statements with significant line structure.
    Module,
    /// A lone expression (`eval` input, f-string field): line breaks are insignificant.
    Expression,
}

/// Tokenizes `source[start..end]`, reporting offsets into the whole `source`. The first token
/// is the synthetic start token of `mode`.
pub fn tokenize(
    source: &str,
    start: usize,
    end: usize,
    mode: Mode,
) -> Result<Vec<Spanned>, ErrorAt> {
    let start_tok = match mode {
        Mode::Module => Tok::StartModule,
        Mode::Expression => Tok::StartExpression,
    };
    let mut layout = Layout::new(source, mode);
    layout.push_token(start, start_tok, start);
    // A UTF-8 byte order mark may open a source file, as in CPython.
    let start = match source[start..end].strip_prefix('\u{feff}') {
        Some(_) if start == 0 && mode == Mode::Module => start + '\u{feff}'.len_utf8(),
        _ => start,
    };
    let mut lexer = RawTok::lexer(&source[start..end]);
    while let Some(raw) = lexer.next() {
        let span = lexer.span();
        let (tok_start, tok_end) = (start + span.start, start + span.end);
        let Ok(raw) = raw else {
            layout.token(tok_start, invalid_char(source, tok_start)?, tok_end)?;
            continue;
        };
        match raw {
            RawTok::Newline => layout.newline(tok_start),
            RawTok::Continuation => {}
            RawTok::Backslash => {
                let message = "unexpected character after line continuation character";
                return Err(ErrorAt::syntax(message, tok_end));
            }
            RawTok::Name => {
                let word = lexer.slice();
                let tok = Tok::keyword(word).unwrap_or_else(|| Tok::Name(word.to_string()));
                layout.token(tok_start, tok, tok_end)?;
            }
            RawTok::StringStart => {
                let (literal, lit_end) = strings::lex_string(source, tok_start, end)?;
                lexer.bump(lit_end - tok_end);
                layout.token(tok_start, Tok::Str(literal), lit_end)?;
            }
            RawTok::NumberStart => {
                let (tok, len) = numbers::scan_number(&source[tok_start..end], tok_start)?;
                lexer.bump(tok_start + len - tok_end);
                layout.token(tok_start, tok, tok_start + len)?;
            }
            other => layout.token(tok_start, operator(other), tok_end)?,
        }
    }
    let mut tokens = layout.finish(end)?;
    soft_keywords::mark(&mut tokens);
    Ok(tokens)
}

/// A character no token starts with: ASCII junk is left to the parser (`invalid syntax` at
/// the right place), anything else is CPython's `invalid character` error.
fn invalid_char(source: &str, offset: usize) -> Result<Tok, ErrorAt> {
    let c = source[offset..].chars().next().unwrap_or('\0');
    if c.is_ascii() {
        return Ok(Tok::Invalid);
    }
    let message = format!("invalid character '{c}' (U+{:04X})", c as u32);
    Err(ErrorAt::syntax(message, offset))
}

fn operator(raw: RawTok) -> Tok {
    match raw {
        RawTok::LPar => Tok::LPar,
        RawTok::RPar => Tok::RPar,
        RawTok::LSqb => Tok::LSqb,
        RawTok::RSqb => Tok::RSqb,
        RawTok::LBrace => Tok::LBrace,
        RawTok::RBrace => Tok::RBrace,
        RawTok::Colon => Tok::Colon,
        RawTok::Comma => Tok::Comma,
        RawTok::Semi => Tok::Semi,
        RawTok::Plus => Tok::Plus,
        RawTok::Minus => Tok::Minus,
        RawTok::Star => Tok::Star,
        RawTok::Slash => Tok::Slash,
        RawTok::Vbar => Tok::Vbar,
        RawTok::Amper => Tok::Amper,
        RawTok::Less => Tok::Less,
        RawTok::Greater => Tok::Greater,
        RawTok::Equal => Tok::Equal,
        RawTok::Dot => Tok::Dot,
        RawTok::Percent => Tok::Percent,
        RawTok::EqEqual => Tok::EqEqual,
        RawTok::NotEqual => Tok::NotEqual,
        RawTok::LessEqual => Tok::LessEqual,
        RawTok::GreaterEqual => Tok::GreaterEqual,
        RawTok::Tilde => Tok::Tilde,
        RawTok::Circumflex => Tok::Circumflex,
        RawTok::LeftShift => Tok::LeftShift,
        RawTok::RightShift => Tok::RightShift,
        RawTok::DoubleStar => Tok::DoubleStar,
        RawTok::PlusEqual => Tok::PlusEqual,
        RawTok::MinEqual => Tok::MinEqual,
        RawTok::StarEqual => Tok::StarEqual,
        RawTok::SlashEqual => Tok::SlashEqual,
        RawTok::PercentEqual => Tok::PercentEqual,
        RawTok::AmperEqual => Tok::AmperEqual,
        RawTok::VbarEqual => Tok::VbarEqual,
        RawTok::CircumflexEqual => Tok::CircumflexEqual,
        RawTok::LeftShiftEqual => Tok::LeftShiftEqual,
        RawTok::RightShiftEqual => Tok::RightShiftEqual,
        RawTok::DoubleStarEqual => Tok::DoubleStarEqual,
        RawTok::DoubleSlash => Tok::DoubleSlash,
        RawTok::DoubleSlashEqual => Tok::DoubleSlashEqual,
        RawTok::At => Tok::At,
        RawTok::AtEqual => Tok::AtEqual,
        RawTok::RArrow => Tok::RArrow,
        RawTok::Ellipsis => Tok::Ellipsis,
        RawTok::ColonEqual => Tok::ColonEqual,
        RawTok::Newline
        | RawTok::Continuation
        | RawTok::Backslash
        | RawTok::Name
        | RawTok::StringStart
        | RawTok::NumberStart => Tok::Invalid,
    }
}

#[cfg(test)]
mod tests;
