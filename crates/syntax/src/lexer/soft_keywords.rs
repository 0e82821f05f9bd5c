//! The soft keywords `match` and `case` (PEP 634). CPython's PEG parser tries the statement
//! and backtracks; this LR parser needs them decided up front:
//! - `match` opens a statement when the logical line it starts ends with `:` (no simple
//!   statement ends with `:`, so this never takes `match = 1` or `match(x)`);
//! - `case` opens a statement when it starts a line directly in a match statement's block
//!   (nothing else may stand there).
//!
//! Anywhere else both stay names.

use crate::token::{Spanned, Tok};

/// Turns the names `match` and `case` that open statements into [`Tok::Match`] and
/// [`Tok::Case`].
pub fn mark(tokens: &mut [Spanned]) {
    let mut line_start = true;
    // Indentation depth, the depths of the match blocks we are in, and whether the next
    // INDENT opens one.
    let mut depth = 0usize;
    let mut match_blocks: Vec<usize> = Vec::new();
    let mut match_header = false;
    for i in 0..tokens.len() {
        let at_start = line_start;
        line_start = matches!(
            tokens[i].1,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule
        );
        match &tokens[i].1 {
            Tok::Indent => {
                depth += 1;
                if std::mem::take(&mut match_header) {
                    match_blocks.push(depth);
                }
                continue;
            }
            Tok::Dedent => {
                depth = depth.saturating_sub(1);
                while match_blocks.last().is_some_and(|&d| d > depth) {
                    match_blocks.pop();
                }
                continue;
            }
            Tok::Newline => continue,
            Tok::Name(name) if at_start && name == "match" && opens_block(&tokens[i + 1..]) => {
                tokens[i].1 = Tok::Match;
                match_header = true;
                continue;
            }
            Tok::Name(name)
                if at_start && name == "case" && match_blocks.last() == Some(&depth) =>
            {
                tokens[i].1 = Tok::Case;
            }
            _ => {}
        }
        if at_start {
            match_header = false;
        }
    }
}

/// Whether the logical line after `match` has something before a final `:`.
fn opens_block(rest: &[Spanned]) -> bool {
    let Some(end) = rest.iter().position(|(_, tok, _)| *tok == Tok::Newline) else {
        return false;
    };
    end >= 2 && rest[end - 1].1 == Tok::Colon && !matches!(rest[0].1, Tok::Colon | Tok::Equal)
}
