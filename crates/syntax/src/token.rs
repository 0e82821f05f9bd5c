//! The tokens the parser consumes: the lexer's output after the layout pass.

use num_bigint::BigInt;

use crate::ast::FStringPart;

/// One decoded string literal; adjacent literals are joined by the parser.
#[derive(Clone, Debug, PartialEq)]
pub enum StrLit {
    Str(String),
    /// A `str` literal holding a lone surrogate (`'\ud800'`), as code points.
    SurrogateStr(Vec<u32>),
    Bytes(Vec<u8>),
    FString(Vec<FStringPart>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Synthetic first token selecting the `exec` start rule.
    StartModule,
    /// Synthetic first token selecting the `eval` start rule.
    StartExpression,
    Newline,
    Indent,
    Dedent,
    Name(String),
    Int(BigInt),
    Float(f64),
    /// An imaginary literal (`2j`): its imaginary part.
    Imaginary(f64),
    Str(StrLit),
    /// A character that is no token (`$`, `?`, a lone `!`): the parser reports it.
    Invalid,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// The soft keywords `match` and `case` where they open a statement (see
    /// `lexer::soft_keywords`); everywhere else they are names.
    Match,
    Case,
    // Brackets.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    // Operators and delimiters.
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
}

impl Tok {
    /// The token for a keyword, or `None` for an ordinary name.
    pub fn keyword(word: &str) -> Option<Tok> {
        let tok = match word {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        };
        Some(tok)
    }
}

/// A token with its byte range `[start, end)` in the whole source text.
pub type Spanned = (usize, Tok, usize);
