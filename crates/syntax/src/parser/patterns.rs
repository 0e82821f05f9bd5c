//! Pattern-building helpers for the `match` statement's grammar actions, with the checks
//! CPython's parser makes on patterns.

use super::build;
use crate::ast::*;
use crate::error_at::ErrorAt;
use crate::token::StrLit;

/// One argument of a class pattern, before positionals and keywords are separated.
pub enum ClassArg {
    Positional(Pattern),
    /// `name=pattern`
    Keyword(String, Pattern),
}

pub fn pattern(kind: PatternKind, start: usize, end: usize) -> Pattern {
    Pattern {
        kind,
        span: Span::new(start, end),
    }
}

/// A bare name: a capture, or the wildcard `_`.
pub fn capture(name: String, start: usize, end: usize) -> Pattern {
    let name = (name != "_").then_some(name);
    pattern(
        PatternKind::As {
            pattern: None,
            name,
        },
        start,
        end,
    )
}

/// `*name` / `*_` inside a sequence pattern.
pub fn star(name: String, start: usize, end: usize) -> Pattern {
    let name = (name != "_").then_some(name);
    pattern(PatternKind::Star(name), start, end)
}

/// `pattern as name` (the name at `name_at`).
pub fn as_pattern(
    inner: Pattern,
    name: String,
    name_at: usize,
    start: usize,
    end: usize,
) -> Result<Pattern, ErrorAt> {
    if name == "_" {
        return Err(ErrorAt::syntax("cannot use '_' as a target", name_at).until(end));
    }
    let kind = PatternKind::As {
        pattern: Some(Box::new(inner)),
        name: Some(name),
    };
    Ok(pattern(kind, start, end))
}

/// `first, rest...` (an open or parenthesised sequence pattern).
pub fn sequence(first: Pattern, rest: Vec<Pattern>, start: usize, end: usize) -> Pattern {
    let mut elts = vec![first];
    elts.extend(rest);
    pattern(PatternKind::Sequence(elts), start, end)
}

/// A string literal pattern: f-strings are not literals.
pub fn string(parts: Vec<StrLit>, start: usize, end: usize) -> Result<Pattern, ErrorAt> {
    let value = string_key(parts, start, end)?;
    Ok(pattern(PatternKind::Value(value), start, end))
}

pub fn string_key(parts: Vec<StrLit>, start: usize, end: usize) -> Result<Expr, ErrorAt> {
    let kind = build::strings(parts, end)?;
    if matches!(kind, ExprKind::JoinedStr(_)) {
        let message = "patterns may only match literals and attribute lookups";
        return Err(ErrorAt::syntax(message, start).until(end));
    }
    Ok(build::expr(kind, start, end))
}

/// `{key: pattern, ..., **rest}` (`rest` with its offset); `**_` is no capture target.
pub fn mapping(
    items: Vec<(Expr, Pattern)>,
    rest: Option<(usize, String)>,
    start: usize,
    end: usize,
) -> Result<Pattern, ErrorAt> {
    let rest = match rest {
        Some((at, name)) if name == "_" => return Err(ErrorAt::syntax("invalid syntax", at)),
        other => other.map(|(_, name)| name),
    };
    let (keys, patterns) = items.into_iter().unzip();
    let kind = PatternKind::Mapping {
        keys,
        patterns,
        rest,
    };
    Ok(pattern(kind, start, end))
}

/// `cls(positional..., name=pattern...)`: no positional pattern may follow a keyword one.
pub fn class(cls: Expr, args: Vec<ClassArg>, start: usize, end: usize) -> Result<Pattern, ErrorAt> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for arg in args {
        match arg {
            ClassArg::Positional(p) if !kwd_attrs.is_empty() => {
                let message = "positional patterns follow keyword patterns";
                let at = p.span.start as usize;
                return Err(ErrorAt::syntax(message, at).until(p.span.end as usize));
            }
            ClassArg::Positional(p) => patterns.push(p),
            ClassArg::Keyword(name, p) => {
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
        }
    }
    let kind = PatternKind::Class {
        cls,
        patterns,
        kwd_attrs,
        kwd_patterns,
    };
    Ok(pattern(kind, start, end))
}
