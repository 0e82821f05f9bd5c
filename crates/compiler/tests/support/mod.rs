//! Small constructors for hand-built ASTs (all spans empty: every location is line 1).
#![allow(dead_code)]

use std::sync::Arc;

use gilvm_compiler::bytecode::{CodeObject, Constant};
use gilvm_compiler::compile_module;
use gilvm_syntax::ast::*;
use gilvm_syntax::SyntaxError;

pub fn e(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}

pub fn s(kind: StmtKind) -> Stmt {
    Stmt {
        kind,
        span: Span::default(),
    }
}

pub fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.to_string()))
}

pub fn int(i: i64) -> Expr {
    e(ExprKind::Constant(gilvm_syntax::ast::Constant::Int(
        i.into(),
    )))
}

pub fn float(f: f64) -> Expr {
    e(ExprKind::Constant(gilvm_syntax::ast::Constant::Float(f)))
}

pub fn boolean(b: bool) -> Expr {
    e(ExprKind::Constant(gilvm_syntax::ast::Constant::Bool(b)))
}

pub fn string(text: &str) -> Expr {
    e(ExprKind::Constant(gilvm_syntax::ast::Constant::Str(
        text.to_string(),
    )))
}

pub fn neg(operand: Expr) -> Expr {
    e(ExprKind::UnaryOp {
        op: UnaryOp::USub,
        operand: Box::new(operand),
    })
}

pub fn bin(left: Expr, op: BinOp, right: Expr) -> Expr {
    e(ExprKind::BinOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    })
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    e(ExprKind::Compare {
        left: Box::new(left),
        ops,
        comparators,
    })
}

pub fn call(func: Expr, args: Vec<Expr>) -> Expr {
    call_kw(func, args, vec![])
}

pub fn keyword(arg: Option<&str>, value: Expr) -> Keyword {
    Keyword {
        arg: arg.map(str::to_string),
        value,
        span: Span::default(),
    }
}

pub fn call_kw(func: Expr, args: Vec<Expr>, keywords: Vec<Keyword>) -> Expr {
    e(ExprKind::Call {
        func: Box::new(func),
        args,
        keywords,
    })
}

pub fn attr(value: Expr, attr: &str) -> Expr {
    e(ExprKind::Attribute {
        value: Box::new(value),
        attr: attr.to_string(),
    })
}

pub fn subscript(value: Expr, index: Expr) -> Expr {
    e(ExprKind::Subscript {
        value: Box::new(value),
        index: Box::new(index),
    })
}

pub fn tuple(elts: Vec<Expr>) -> Expr {
    e(ExprKind::Tuple(elts))
}

pub fn list(elts: Vec<Expr>) -> Expr {
    e(ExprKind::List(elts))
}

pub fn starred(value: Expr) -> Expr {
    e(ExprKind::Starred(Box::new(value)))
}

pub fn walrus(target: &str, value: Expr) -> Expr {
    e(ExprKind::NamedExpr {
        target: Box::new(name(target)),
        value: Box::new(value),
    })
}

pub fn listcomp(elt: Expr, target: Expr, iter: Expr) -> Expr {
    e(ExprKind::ListComp {
        elt: Box::new(elt),
        generators: vec![Comprehension {
            target,
            iter,
            ifs: vec![],
            is_async: false,
        }],
    })
}

pub fn yield_(value: Option<Expr>) -> Expr {
    e(ExprKind::Yield(value.map(Box::new)))
}

pub fn assign(target: Expr, value: Expr) -> Stmt {
    s(StmtKind::Assign {
        targets: vec![target],
        value,
    })
}

pub fn expr(value: Expr) -> Stmt {
    s(StmtKind::Expr(value))
}

pub fn ret(value: Option<Expr>) -> Stmt {
    s(StmtKind::Return(value))
}

pub fn param(n: &str) -> Param {
    Param {
        name: n.to_string(),
        annotation: None,
        default: None,
        span: Span::default(),
    }
}

pub fn def(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    s(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: n.to_string(),
        params: Parameters {
            args: params.iter().map(|p| param(p)).collect(),
            ..Parameters::default()
        },
        body,
        decorators: vec![],
        returns: None,
        is_async: false,
    })))
}

pub fn class(n: &str, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::ClassDef(Box::new(ClassDef {
        name: n.to_string(),
        bases: vec![],
        keywords: vec![],
        body,
        decorators: vec![],
    })))
}

pub fn while_(test: Expr, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::While {
        test,
        body,
        orelse: vec![],
    })
}

pub fn for_(target: Expr, iter: Expr, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::For {
        target,
        iter,
        body,
        orelse: vec![],
        is_async: false,
    })
}

pub fn try_(body: Vec<Stmt>, handlers: Vec<ExceptHandler>, finalbody: Vec<Stmt>) -> Stmt {
    s(StmtKind::Try {
        body,
        handlers,
        orelse: vec![],
        finalbody,
    })
}

pub fn handler(typ: Option<Expr>, n: Option<&str>, body: Vec<Stmt>) -> ExceptHandler {
    ExceptHandler {
        typ,
        name: n.map(str::to_string),
        body,
        span: Span::default(),
    }
}

pub fn compile(body: Vec<Stmt>) -> Arc<CodeObject> {
    compile_module(&Module { body }, "", "t.py").expect("compiles")
}

pub fn compile_err(body: Vec<Stmt>) -> SyntaxError {
    compile_module(&Module { body }, "", "t.py").expect_err("is rejected")
}

/// The code object of the `index`-th code constant of `code`.
pub fn inner(code: &CodeObject, index: usize) -> Arc<CodeObject> {
    code.constants
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some(c.clone()),
            _ => None,
        })
        .nth(index)
        .expect("nested code object")
}

pub fn names(table: &[Arc<str>]) -> Vec<&str> {
    table.iter().map(|n| &**n).collect()
}
