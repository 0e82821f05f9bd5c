//! The soft keywords `match` and `case` (PEP 634). CPython's PEG parser tries the statement
//! and backtracks; this LR parser needs them decided up front. A logical line that starts
//! with the name and ends with `:` (its last token before NEWLINE) is a block header, and no
//! simple statement ends with `:`, so there the name is the keyword; anywhere else (`match =
//! 1`, `match(x)`, `case.attr`) it stays a name.

use crate::token::{Spanned, Tok};

/// Turns the names `match` and `case` that open a block header into [`Tok::Match`] and
/// [`Tok::Case`].
pub fn mark(tokens: &mut [Spanned]) {
    let mut line_start = true;
    for i in 0..tokens.len() {
        let at_start = line_start;
        line_start = matches!(
            tokens[i].1,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule
        );
        if !at_start {
            continue;
        }
        let keyword = match &tokens[i].1 {
            Tok::Name(name) if name == "match" => Tok::Match,
            Tok::Name(name) if name == "case" => Tok::Case,
            _ => continue,
        };
        if opens_block(&tokens[i + 1..]) {
            tokens[i].1 = keyword;
        }
    }
}

/// Whether the logical line after the soft keyword has something before a final `:`.
fn opens_block(rest: &[Spanned]) -> bool {
    let Some(end) = rest.iter().position(|(_, tok, _)| *tok == Tok::Newline) else {
        return false;
    };
    end >= 2 && rest[end - 1].1 == Tok::Colon && !is_annotation_start(&rest[0].1)
}

/// `match: x` / `match = ...` never open a block, even when a lambda's `:` ends the line.
fn is_annotation_start(tok: &Tok) -> bool {
    matches!(tok, Tok::Colon | Tok::Equal)
}
