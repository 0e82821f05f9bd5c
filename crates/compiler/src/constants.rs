//! Constants: conversion from AST literals, pool identity, and the safe constant folds.

use std::sync::Arc;

use gilvm_syntax::ast::{self, Expr, ExprKind, UnaryOp};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::bytecode::Constant;

pub(crate) fn from_ast(constant: &ast::Constant) -> Constant {
    match constant {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(i) => int_constant(i),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Str(s) => Constant::Str(Arc::from(s.as_str())),
        ast::Constant::Bytes(b) => Constant::Bytes(Arc::from(b.as_slice())),
    }
}

/// Ints that fit in an `i64` are always `Int`.
pub(crate) fn int_constant(value: &BigInt) -> Constant {
    match value.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(value.clone()),
    }
}

/// Whether two constants may share a pool slot: same type and same value, where floats
/// compare by bits (so `0.0` and `-0.0` stay apart) and `1`, `1.0`, `True` are all distinct.
/// Code objects are never shared.
pub(crate) fn same_constant(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Bool(x), Constant::Bool(y)) => x == y,
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::BigInt(x), Constant::BigInt(y)) => x == y,
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y))
        | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same_constant(a, b))
        }
        _ => false,
    }
}

/// The value of an expression that is safe to compute at compile time: literals, negated
/// numeric literals and tuples of those.
pub(crate) fn fold(expr: &Expr) -> Option<Constant> {
    match &expr.kind {
        ExprKind::Constant(c) => Some(from_ast(c)),
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(ast::Constant::Int(i)) => Some(int_constant(&-i)),
            ExprKind::Constant(ast::Constant::Float(f)) => Some(Constant::Float(-f)),
            _ => None,
        },
        ExprKind::Tuple(elts) => {
            let items: Option<Vec<Constant>> = elts.iter().map(fold).collect();
            items.map(|items| Constant::Tuple(Arc::from(items)))
        }
        _ => None,
    }
}
