//! Raw tokens recognised by logos. Strings and numbers are only recognised by their first
//! characters here; [`super::strings`] and [`super::numbers`] scan the rest by hand because
//! their ends (triple quotes, escapes, malformed literals) are not regular enough to report
//! CPython's errors from a regex.

use logos::Logos;

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip r"#[^\r\n]*")]
pub enum RawTok {
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// A backslash not followed by a line break.
    #[token("\\")]
    Backslash,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,
    /// Optional prefix and the opening quote of a string literal.
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?['"]"#)]
    StringStart,
    /// The first characters of a number literal.
    #[regex(r"[0-9]|\.[0-9]")]
    NumberStart,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    Vbar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}
