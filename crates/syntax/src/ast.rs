//! The abstract syntax tree produced by the parser and consumed by `gilvm-compiler`.
//!
//! It mirrors CPython's `ast` module closely (same node names where they exist) so that the
//! compiler can follow CPython's compilation scheme. Every statement and expression carries the
//! [`Span`] of source text it came from; [`crate::LineIndex`] turns a span into line/column.
//!
//! Expression context (load / store / delete) is not recorded: the compiler knows it from the
//! position of the expression (an assignment target, a `del` operand, ...).

use num_bigint::BigInt;

/// A half-open range of byte offsets `[start, end)` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A whole source file (`exec` mode).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    /// `del a, b[0], c.d`
    Delete(Vec<Expr>),
    /// `a = b = value`: `targets` holds `[a, b]` in source order.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`; `op` is the binary operator (`Add` for `+=`).
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`. `simple` is true when the target is a plain name
    /// not in parentheses (CPython stores those annotations in `__annotations__`).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    /// `for` / `async for` (`is_async`).
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `elif` chains are nested `If`s in `orelse`, as in CPython.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `with` / `async with` (`is_async`).
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from ..pkg.mod import a as b, c` / `from m import *` (a single alias named `*`).
    /// `level` counts the leading dots.
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    /// `match subject:` with its `case` blocks (PEP 634).
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub params: Parameters,
    pub body: Vec<Stmt>,
    /// Outermost first, as written.
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    /// `async def`: calling it makes a coroutine (or an async generator).
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    /// `metaclass=...` and other class keywords.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// `def f(a, b=1, /, c=2, *args, d, e=3, **kwargs)`
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameters {
    /// Parameters before `/`.
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    /// Parameters after `*` or `*args`; each may have its own default.
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

/// `name as asname` in imports; `name` may be dotted (`os.path`).
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub span: Span,
}

/// `name=value` at a call site, or `**value` when `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` (one node for the whole chain of the same operator).
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value`
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        params: Box<Parameters>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key means `**values[i]`.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Await(Box<Expr>),
    /// `a < b <= c`: `ops` and `comparators` have the same length.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// Positional `args` may contain `Starred` (`f(*xs)`); `keywords` may contain `**m`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// An f-string, or implicit concatenation of strings with at least one f-string.
    JoinedStr(Vec<FStringPart>),
    Constant(Constant),
    Attribute {
        value: Box<Expr>,
        attr: String,
    },
    /// `value[index]`; `a[1:2, 3]` has a `Tuple` of a `Slice` and a constant as index.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// `*value` in a call, display or assignment target.
    Starred(Box<Expr>),
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// Only inside a subscript: `lower:upper:step`.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Literal(String),
    /// `{value!conversion:format_spec}`; `conversion` is `'s'`, `'r'` or `'a'`.
    /// A self-documenting `{x=}` is expanded by the parser into a literal `"x="` part
    /// followed by this part (with `conversion` `'r'` when neither it nor a spec was given).
    Expr {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Vec<FStringPart>>,
    },
}

/// `case pattern if guard: body`
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

/// The patterns of PEP 634, as CPython's `ast` names them.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted name, compared with `==`.
    Value(Expr),
    /// `None`, `True`, `False`, compared with `is`.
    Singleton(Constant),
    /// `[p, *rest]` / `(p, q)` / `p, q`.
    Sequence(Vec<Pattern>),
    /// `{key: p, **rest}`
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    /// `cls(p, attr=q)`
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` in a sequence pattern (`None` for `*_`).
    Star(Option<String>),
    /// `p as name`, a capture `name` (no pattern) or the wildcard `_` (neither).
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    /// `p | q`
    Or(Vec<Pattern>),
}

/// `for target in iter if cond1 if cond2`
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `async for target in iter`
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    /// Adjacent string literals are already concatenated.
    Str(String),
    /// A str holding a lone surrogate (`'\ud800'`), which a `String` cannot: its code points.
    SurrogateStr(Vec<u32>),
    Bytes(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Pattern {
    /// Calls `visit` on the expressions a pattern holds (values, mapping keys, class
    /// names), outermost first.
    pub fn for_each_expr<'a>(&'a self, visit: &mut impl FnMut(&'a Expr)) {
        match &self.kind {
            PatternKind::Value(value) => visit(value),
            PatternKind::Singleton(_) | PatternKind::Star(_) => {}
            PatternKind::Sequence(patterns) | PatternKind::Or(patterns) => {
                patterns.iter().for_each(|p| p.for_each_expr(visit));
            }
            PatternKind::Mapping { keys, patterns, .. } => {
                keys.iter().for_each(&mut *visit);
                patterns.iter().for_each(|p| p.for_each_expr(visit));
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                visit(cls);
                let all = patterns.iter().chain(kwd_patterns);
                all.for_each(|p| p.for_each_expr(visit));
            }
            PatternKind::As { pattern, .. } => {
                if let Some(pattern) = pattern {
                    pattern.for_each_expr(visit);
                }
            }
        }
    }

    /// Calls `visit` on each name the pattern binds, in source order.
    pub fn for_each_name<'a>(&'a self, visit: &mut impl FnMut(&'a str, Span)) {
        match &self.kind {
            PatternKind::Value(_) | PatternKind::Singleton(_) => {}
            PatternKind::Star(name) => {
                if let Some(name) = name {
                    visit(name, self.span);
                }
            }
            PatternKind::Sequence(patterns) | PatternKind::Or(patterns) => {
                patterns.iter().for_each(|p| p.for_each_name(visit));
            }
            PatternKind::Mapping { patterns, rest, .. } => {
                patterns.iter().for_each(|p| p.for_each_name(visit));
                if let Some(rest) = rest {
                    visit(rest, self.span);
                }
            }
            PatternKind::Class {
                patterns,
                kwd_patterns,
                ..
            } => {
                let all = patterns.iter().chain(kwd_patterns);
                all.for_each(|p| p.for_each_name(visit));
            }
            PatternKind::As { pattern, name } => {
                if let Some(pattern) = pattern {
                    pattern.for_each_name(visit);
                }
                if let Some(name) = name {
                    visit(name, self.span);
                }
            }
        }
    }
}
