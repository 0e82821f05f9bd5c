//! AST-building helpers called from the grammar's actions.

use lalrpop_util::ParseError;

use super::targets;
use crate::ast::*;
use crate::error_at::ErrorAt;
use crate::lexer::push_literal;
use crate::token::{StrLit, Tok};

/// What the single start rule produced, depending on the synthetic first token.
pub enum Top {
    Module(Module),
    Expression(Expr),
}

/// One entry of a parameter list, before the list is checked and sorted into [`Parameters`].
pub enum ParamItem {
    Plain(Param),
    /// `/`, at this offset.
    Slash(usize),
    /// `*` or `*args`, the `*` at this offset.
    Star(usize, Option<Param>),
    /// `**kwargs`.
    DoubleStar(Param),
}

impl ParamItem {
    /// Where the item's first token starts.
    fn start(&self) -> usize {
        match self {
            ParamItem::Plain(param) | ParamItem::DoubleStar(param) => param.span.start as usize,
            ParamItem::Slash(at) | ParamItem::Star(at, _) => *at,
        }
    }
}

/// One call argument, before the list is checked and split into positionals and keywords.
pub enum Arg {
    /// A positional argument, possibly `*starred`.
    Positional(Expr),
    /// An unparenthesised generator expression, allowed only as the sole argument.
    Generator(Expr),
    /// `name=value` or `**mapping`.
    Keyword(Keyword),
}

pub fn user(error: ErrorAt) -> ParseError<usize, Tok, ErrorAt> {
    ParseError::User { error }
}

pub fn expr(kind: ExprKind, start: usize, end: usize) -> Expr {
    Expr {
        kind,
        span: Span::new(start, end),
    }
}

pub fn stmt(kind: StmtKind, start: usize, end: usize) -> Stmt {
    Stmt {
        kind,
        span: Span::new(start, end),
    }
}

/// `async for` / `async with`: the statement parsed after `async`, marked and widened to
/// start at the keyword.
pub fn make_async(mut s: Stmt, start: usize) -> Stmt {
    if let StmtKind::For { is_async, .. } | StmtKind::With { is_async, .. } = &mut s.kind {
        *is_async = true;
    }
    s.span.start = start as u32;
    s
}

pub fn alias(name: String, asname: Option<String>, start: usize, end: usize) -> Alias {
    Alias {
        name,
        asname,
        span: Span::new(start, end),
    }
}

pub fn bin_op(left: Expr, op: BinOp, right: Expr, start: usize, end: usize) -> Expr {
    let kind = ExprKind::BinOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    };
    expr(kind, start, end)
}

pub fn unary(op: UnaryOp, operand: Expr, start: usize, end: usize) -> Expr {
    let kind = ExprKind::UnaryOp {
        op,
        operand: Box::new(operand),
    };
    expr(kind, start, end)
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, start: usize, end: usize) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    expr(ExprKind::BoolOp { op, values }, start, end)
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, start: usize, end: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    let kind = ExprKind::Compare {
        left: Box::new(left),
        ops,
        comparators,
    };
    expr(kind, start, end)
}

/// `(inner)`: a lone starred expression may not be parenthesised.
pub fn parenthesized(inner: Expr) -> Result<Expr, ErrorAt> {
    if matches!(inner.kind, ExprKind::Starred(_)) {
        let message = "cannot use starred expression here";
        return Err(ErrorAt::syntax(message, inner.span.start as usize));
    }
    Ok(inner)
}

/// `elif` clauses become `If` statements nested in `orelse`, innermost last.
pub fn if_chain(
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    mut orelse: Vec<Stmt>,
    start: usize,
    end: usize,
) -> Stmt {
    for (elif_start, test, body) in elifs.into_iter().rev() {
        let kind = StmtKind::If { test, body, orelse };
        orelse = vec![stmt(kind, elif_start, end)];
    }
    stmt(StmtKind::If { test, body, orelse }, start, end)
}

/// `t1 = t2 = ... = value`, with each target checked.
/// `rest` holds the expressions after each `=`; the last one is the value.
pub fn assign(first: Expr, rest: Vec<Expr>, start: usize, end: usize) -> Result<Stmt, ErrorAt> {
    let mut targets = vec![first];
    targets.extend(rest);
    let value = match targets.pop() {
        Some(value) if !targets.is_empty() => value,
        _ => return Err(ErrorAt::syntax("invalid syntax", start)),
    };
    targets::check_assign_targets(&targets)?;
    let kind = StmtKind::Assign { targets, value };
    Ok(stmt(kind, start, end))
}

/// Sorts call arguments into positionals and keywords, with CPython's ordering rules.
pub fn call_args(args: Vec<Arg>) -> Result<(Vec<Expr>, Vec<Keyword>), ErrorAt> {
    let count = args.len();
    let mut positional = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    for arg in args {
        match arg {
            Arg::Generator(genexp) if count > 1 => {
                let message = "Generator expression must be parenthesized";
                let error = ErrorAt::syntax(message, genexp.span.start as usize);
                return Err(error.until(genexp.span.end as usize));
            }
            Arg::Positional(value) | Arg::Generator(value) => {
                let starred = matches!(value.kind, ExprKind::Starred(_));
                if let Some(message) = misplaced_positional(&keywords, starred) {
                    // CPython points at a starred argument, but just past a plain one.
                    let at = if starred {
                        value.span.start
                    } else {
                        value.span.end
                    };
                    return Err(ErrorAt::syntax(message, at as usize));
                }
                positional.push(value);
            }
            Arg::Keyword(keyword) => keywords.push(keyword),
        }
    }
    Ok((positional, keywords))
}

fn misplaced_positional(keywords: &[Keyword], starred: bool) -> Option<&'static str> {
    let after_unpacking = keywords.iter().any(|k| k.arg.is_none());
    if starred {
        return after_unpacking
            .then_some("iterable argument unpacking follows keyword argument unpacking");
    }
    if after_unpacking {
        Some("positional argument follows keyword argument unpacking")
    } else if !keywords.is_empty() {
        Some("positional argument follows keyword argument")
    } else {
        None
    }
}

/// Sorts a parameter list into [`Parameters`], with CPython's ordering rules.
pub fn parameters(items: Vec<ParamItem>) -> Result<Parameters, ErrorAt> {
    let mut params = Parameters::default();
    let mut seen_star: Option<usize> = None;
    let mut seen_slash = false;
    let mut seen_default = false;
    for item in items {
        if params.kwarg.is_some() {
            let message = "arguments cannot follow var-keyword argument";
            return Err(ErrorAt::syntax(message, item.start()));
        }
        match item {
            ParamItem::Plain(param) if seen_star.is_some() => params.kwonly.push(param),
            ParamItem::Plain(param) => {
                if param.default.is_some() {
                    seen_default = true;
                } else if seen_default {
                    let message = "non-default argument follows default argument";
                    return Err(ErrorAt::syntax(message, param.span.start as usize));
                }
                params.args.push(param);
            }
            ParamItem::Slash(at) => {
                if seen_slash {
                    return Err(ErrorAt::syntax("/ may appear only once", at));
                }
                if seen_star.is_some() {
                    return Err(ErrorAt::syntax("/ must be ahead of *", at));
                }
                if params.args.is_empty() {
                    return Err(ErrorAt::syntax("at least one argument must precede /", at));
                }
                seen_slash = true;
                params.posonly = std::mem::take(&mut params.args);
            }
            ParamItem::Star(at, vararg) => {
                if seen_star.is_some() {
                    return Err(ErrorAt::syntax("* argument may appear only once", at));
                }
                seen_star = Some(at);
                params.vararg = vararg;
            }
            ParamItem::DoubleStar(param) => params.kwarg = Some(param),
        }
    }
    if let Some(at) = seen_star {
        if params.vararg.is_none() && params.kwonly.is_empty() {
            return Err(ErrorAt::syntax("named arguments must follow bare *", at));
        }
    }
    Ok(params)
}

/// Joins adjacent string literals of which one holds a lone surrogate: code points, as
/// `Constant::SurrogateStr` (not in f-strings, whose parts are `String`s).
fn surrogate_strings(
    parts: Vec<StrLit>,
    has_fstring: bool,
    end: usize,
) -> Result<ExprKind, ErrorAt> {
    if has_fstring {
        let message = "(unicode error) lone surrogates are not supported in f-strings";
        return Err(ErrorAt::syntax(message, end));
    }
    let mut points = Vec::new();
    for part in parts {
        match part {
            StrLit::Str(s) => points.extend(s.chars().map(u32::from)),
            StrLit::SurrogateStr(p) => points.extend(p),
            StrLit::Bytes(_) | StrLit::FString(_) => {}
        }
    }
    Ok(ExprKind::Constant(Constant::SurrogateStr(points)))
}

/// Joins adjacent string literals; `end` is where the last one ends.
pub fn strings(parts: Vec<StrLit>, end: usize) -> Result<ExprKind, ErrorAt> {
    let bytes_count = parts
        .iter()
        .filter(|p| matches!(p, StrLit::Bytes(_)))
        .count();
    if bytes_count > 0 && bytes_count < parts.len() {
        return Err(ErrorAt::syntax(
            "cannot mix bytes and nonbytes literals",
            end,
        ));
    }
    if bytes_count > 0 {
        let mut joined = Vec::new();
        for part in parts {
            if let StrLit::Bytes(b) = part {
                joined.extend(b);
            }
        }
        return Ok(ExprKind::Constant(Constant::Bytes(joined)));
    }
    let has_fstring = parts.iter().any(|p| matches!(p, StrLit::FString(_)));
    if parts.iter().any(|p| matches!(p, StrLit::SurrogateStr(_))) {
        return surrogate_strings(parts, has_fstring, end);
    }
    if !has_fstring {
        let mut joined = String::new();
        for part in parts {
            if let StrLit::Str(s) = part {
                joined.push_str(&s);
            }
        }
        return Ok(ExprKind::Constant(Constant::Str(joined)));
    }
    let mut joined = Vec::new();
    for part in parts {
        match part {
            StrLit::Str(s) => push_literal(&mut joined, s),
            StrLit::FString(fparts) => {
                for fpart in fparts {
                    match fpart {
                        FStringPart::Literal(s) => push_literal(&mut joined, s),
                        field => joined.push(field),
                    }
                }
            }
            // Joined by `surrogate_strings` before this.
            StrLit::Bytes(_) | StrLit::SurrogateStr(_) => {}
        }
    }
    Ok(ExprKind::JoinedStr(joined))
}
