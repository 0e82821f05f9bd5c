//! Checks that expressions parsed in target position (assignment, `for`, `with`, `del`,
//! augmented and annotated assignment) can be targets, with CPython's messages.

use crate::ast::{Constant, Expr, ExprKind, UnaryOp};
use crate::error_at::ErrorAt;

/// CPython's name for a kind of expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression of a store target that cannot be assigned to.
fn invalid_store_target(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred(inner) => invalid_store_target(inner),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().find_map(invalid_store_target),
        _ => Some(e),
    }
}

fn invalid_delete_target(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().find_map(invalid_delete_target),
        _ => Some(e),
    }
}

/// A `for`, `with ... as` or comprehension target.
pub fn check_store(target: &Expr) -> Result<(), ErrorAt> {
    match invalid_store_target(target) {
        Some(bad) => Err(cannot("assign to", bad)),
        None => Ok(()),
    }
}

pub fn check_delete(target: &Expr) -> Result<(), ErrorAt> {
    match invalid_delete_target(target) {
        Some(bad) => Err(cannot("delete", bad)),
        None => Ok(()),
    }
}

fn cannot(action: &str, bad: &Expr) -> ErrorAt {
    let message = format!("cannot {action} {}", describe(bad));
    highlight(message, bad)
}

/// An error highlighting the whole of `bad`, as CPython does for invalid targets.
fn highlight(message: String, bad: &Expr) -> ErrorAt {
    ErrorAt::syntax(message, bad.span.start as usize).until(bad.span.end as usize)
}

/// The targets of `t1 = t2 = value`. A lone target that is an operand-like expression gets
/// CPython's hint that `==` may have been meant.
pub fn check_assign_targets(targets: &[Expr]) -> Result<(), ErrorAt> {
    for target in targets {
        let Some(bad) = invalid_store_target(target) else {
            continue;
        };
        let mut error = cannot("assign to", bad);
        if targets.len() == 1 && std::ptr::eq(bad, target) && looks_like_operand(bad) {
            error
                .message
                .push_str(" here. Maybe you meant '==' instead of '='?");
        }
        return Err(error);
    }
    Ok(())
}

/// Whether CPython's grammar sees the expression as a `bitwise_or` operand (other than
/// `True`, `False` and `None`), the case its "Maybe you meant '=='" hint covers.
fn looks_like_operand(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(c) => !matches!(c, Constant::None | Constant::Bool(_)),
        ExprKind::UnaryOp { op, .. } => *op != UnaryOp::Not,
        ExprKind::BoolOp { .. }
        | ExprKind::Compare { .. }
        | ExprKind::IfExp { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::NamedExpr { .. }
        | ExprKind::Yield(_)
        | ExprKind::YieldFrom(_)
        | ExprKind::GeneratorExp { .. } => false,
        _ => true,
    }
}

pub fn check_aug_assign(target: &Expr) -> Result<(), ErrorAt> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        _ => {
            let message = format!(
                "'{}' is an illegal expression for augmented assignment",
                describe(target)
            );
            Err(highlight(message, target))
        }
    }
}

pub fn check_annotated(target: &Expr) -> Result<(), ErrorAt> {
    let message = match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            return Ok(())
        }
        ExprKind::Tuple(_) => "only single target (not tuple) can be annotated",
        ExprKind::List(_) => "only single target (not list) can be annotated",
        _ => "illegal target for annotation",
    };
    // CPython highlights a parenthesised tuple whole, but only the first element of a bare one.
    let highlighted = match &target.kind {
        ExprKind::Tuple(elements) => elements
            .first()
            .filter(|first| first.span.start == target.span.start)
            .unwrap_or(target),
        _ => target,
    };
    Err(highlight(message.to_string(), highlighted))
}
