//! The layout pass: NEWLINE at the end of each logical line, INDENT / DEDENT when the
//! indentation changes, implicit line joining inside brackets, bracket matching errors.

use super::Mode;
use crate::error_at::ErrorAt;
use crate::token::{Spanned, Tok};
use crate::{LineIndex, SyntaxErrorKind};

const TAB_SIZE: u32 = 8;

/// CPython's limit on bracket nesting; it also keeps the parser's recursive consumers
/// (target checks, dropping the tree) far from the stack's end.
const MAX_NESTING: usize = 200;

/// CPython's limit on indentation levels (its tokenizer's `MAXINDENT`): at most 99 blocks
/// deep, the enclosing level 0 included in the count of 100.
const MAX_INDENT: usize = 100;

/// An indentation level measured with tab stops of 8 (`col`) and of 1 (`alt_col`); the two
/// orders disagree exactly when tabs and spaces are mixed inconsistently.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Indentation {
    col: u32,
    alt_col: u32,
}

pub struct Layout<'s> {
    source: &'s str,
    mode: Mode,
    tokens: Vec<Spanned>,
    indents: Vec<Indentation>,
    /// Open brackets and their offsets.
    brackets: Vec<(u8, usize)>,
    /// No token yet on the current logical line.
    at_line_start: bool,
    /// Where the last NEWLINE was; DEDENTs are placed there so statement spans end on code.
    last_newline: usize,
}

impl<'s> Layout<'s> {
    pub fn new(source: &'s str, mode: Mode) -> Layout<'s> {
        Layout {
            source,
            mode,
            tokens: Vec::new(),
            indents: vec![Indentation { col: 0, alt_col: 0 }],
            brackets: Vec::new(),
            at_line_start: mode == Mode::Module,
            last_newline: 0,
        }
    }

    pub fn push_token(&mut self, start: usize, tok: Tok, end: usize) {
        self.tokens.push((start, tok, end));
    }

    /// A line break in the source at `offset`.
    pub fn newline(&mut self, offset: usize) {
        if self.mode == Mode::Expression || !self.brackets.is_empty() || self.at_line_start {
            return;
        }
        self.push_token(offset, Tok::Newline, offset);
        self.last_newline = offset;
        self.at_line_start = true;
    }

    /// Any token other than a line break.
    pub fn token(&mut self, start: usize, tok: Tok, end: usize) -> Result<(), ErrorAt> {
        if self.at_line_start {
            self.at_line_start = false;
            self.indentation(start)?;
        }
        self.track_brackets(start, &tok)?;
        self.push_token(start, tok, end);
        Ok(())
    }

    fn track_brackets(&mut self, offset: usize, tok: &Tok) -> Result<(), ErrorAt> {
        let close = match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_NESTING {
                    return Err(ErrorAt::syntax("too many nested parentheses", offset));
                }
                self.brackets.push((self.source.as_bytes()[offset], offset));
                return Ok(());
            }
            Tok::RPar => b'(',
            Tok::RSqb => b'[',
            Tok::RBrace => b'{',
            _ => return Ok(()),
        };
        let closing = self.source.as_bytes()[offset] as char;
        match self.brackets.pop() {
            None => Err(ErrorAt::syntax(format!("unmatched '{closing}'"), offset)),
            Some((open, _)) if open == close => Ok(()),
            Some((open, open_at)) => {
                let open = open as char;
                let mut message = format!(
                    "closing parenthesis '{closing}' does not match opening parenthesis '{open}'"
                );
                let index = LineIndex::new(self.source);
                let open_line = index.line(open_at as u32);
                if open_line != index.line(offset as u32) {
                    message.push_str(&format!(" on line {open_line}"));
                }
                Err(ErrorAt::syntax(message, offset))
            }
        }
    }

    /// Compares the indentation of the line holding the first token of a logical line
    /// (at `start`) with the enclosing blocks.
    fn indentation(&mut self, start: usize) -> Result<(), ErrorAt> {
        let line_start = self.source[..start]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let current = measure(&self.source[line_start..start]);
        let top = *self
            .indents
            .last()
            .unwrap_or(&Indentation { col: 0, alt_col: 0 });
        if current.col > top.col {
            if current.alt_col <= top.alt_col {
                return Err(tab_error(line_start));
            }
            if self.indents.len() >= MAX_INDENT {
                // CPython reports it at the start of the line: no caret.
                let message = "too many levels of indentation";
                return Err(ErrorAt::indentation(message, line_start));
            }
            self.indents.push(current);
            self.push_token(start, Tok::Indent, start);
            return Ok(());
        }
        while self.indents.len() > 1 && current.col < self.indents[self.indents.len() - 1].col {
            self.indents.pop();
            self.push_token(self.last_newline, Tok::Dedent, self.last_newline);
        }
        let top = self.indents[self.indents.len() - 1];
        if current.col != top.col {
            let line_end = self.source[start..]
                .find(['\n', '\r'])
                .map_or(self.source.len(), |i| start + i);
            let message = "unindent does not match any outer indentation level";
            return Err(ErrorAt::indentation(message, line_end));
        }
        if current.alt_col != top.alt_col {
            return Err(tab_error(line_start));
        }
        Ok(())
    }

    /// Ends the token stream at offset `end`.
    pub fn finish(mut self, end: usize) -> Result<Vec<Spanned>, ErrorAt> {
        if let Some(&(open, offset)) = self.brackets.last() {
            let message = format!("'{}' was never closed", open as char);
            return Err(ErrorAt::syntax(message, offset));
        }
        if self.mode == Mode::Module {
            if !self.at_line_start {
                self.push_token(end, Tok::Newline, end);
                self.last_newline = end;
            }
            for _ in 1..self.indents.len() {
                self.push_token(self.last_newline, Tok::Dedent, self.last_newline);
            }
        }
        Ok(self.tokens)
    }
}

fn measure(prefix: &str) -> Indentation {
    let mut indentation = Indentation { col: 0, alt_col: 0 };
    for c in prefix.chars() {
        match c {
            ' ' => {
                indentation.col += 1;
                indentation.alt_col += 1;
            }
            '\t' => {
                indentation.col = (indentation.col / TAB_SIZE + 1) * TAB_SIZE;
                indentation.alt_col += 1;
            }
            '\x0c' => indentation = Indentation { col: 0, alt_col: 0 },
            _ => break,
        }
    }
    indentation
}

/// CPython reports a `TabError` at the start of the line (so no caret is printed).
fn tab_error(offset: usize) -> ErrorAt {
    ErrorAt {
        kind: SyntaxErrorKind::TabError,
        message: "inconsistent use of tabs and spaces in indentation".into(),
        offset,
        end: None,
    }
}
