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
        ast::Constant::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
        ast::Constant::Str(s) => Constant::Str(Arc::from(s.as_str())),
        ast::Constant::SurrogateStr(p) => Constant::SurrogateStr(Arc::from(p.as_slice())),
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

/// What identifies a constant in the pool: two constants share a slot when their keys are
/// equal — same type and same value, where floats compare by bits (so `0.0` and `-0.0` stay
/// apart) and `1`, `1.0`, `True` are all distinct. Code objects have no key: never shared.
/// Hashable, so the pool finds a constant in constant time (a module of 100,000 distinct
/// constants compiles in linear time).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PoolKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Arc<str>),
    SurrogateStr(Arc<[u32]>),
    Bytes(Arc<[u8]>),
    Tuple(Vec<PoolKey>),
    FrozenSet(Vec<PoolKey>),
}

pub(crate) fn pool_key(constant: &Constant) -> Option<PoolKey> {
    Some(match constant {
        Constant::None => PoolKey::None,
        Constant::Ellipsis => PoolKey::Ellipsis,
        Constant::Bool(b) => PoolKey::Bool(*b),
        Constant::Int(i) => PoolKey::Int(*i),
        Constant::BigInt(i) => PoolKey::BigInt(i.clone()),
        Constant::Float(f) => PoolKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => PoolKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => PoolKey::Str(s.clone()),
        Constant::SurrogateStr(p) => PoolKey::SurrogateStr(p.clone()),
        Constant::Bytes(b) => PoolKey::Bytes(b.clone()),
        Constant::FrozenSet(items) => {
            PoolKey::FrozenSet(items.iter().map(pool_key).collect::<Option<_>>()?)
        }
        Constant::Tuple(items) => {
            PoolKey::Tuple(items.iter().map(pool_key).collect::<Option<_>>()?)
        }
        Constant::Code(_) => return None,
    })
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
            ExprKind::Constant(ast::Constant::Complex { real, imag }) => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => None,
        },
        ExprKind::Tuple(elts) => {
            let items: Option<Vec<Constant>> = elts.iter().map(fold).collect();
            items.map(|items| Constant::Tuple(Arc::from(items)))
        }
        _ => None,
    }
}
