//! Annotations: the `__annotations__` dict of module and class bodies (`x: int = 1`) and the
//! annotations of a function's parameters and return (`def f(a: int) -> str`), evaluated
//! eagerly as in CPython 3.11 without `from __future__ import annotations`.

use gilvm_syntax::ast::{Expr, ExprKind, Parameters, Stmt, StmtKind};

use super::{CompileResult, Compiler, NameOp};
use crate::bytecode::{Instruction, MakeFunctionFlags};
use crate::symtable::ScopeKind;

/// Whether `body` holds an annotated simple name, directly or inside compound statements
/// (not nested functions or classes): the body then starts with `__annotations__ = {}`.
/// Walked with a work list: `elif` chains nest thousands deep.
fn has_annotations(body: &[Stmt]) -> bool {
    let mut work: Vec<&[Stmt]> = vec![body];
    while let Some(body) = work.pop() {
        for stmt in body {
            match &stmt.kind {
                StmtKind::AnnAssign { simple: true, .. } => return true,
                StmtKind::If { body, orelse, .. }
                | StmtKind::For { body, orelse, .. }
                | StmtKind::While { body, orelse, .. } => work.extend([&body[..], &orelse[..]]),
                StmtKind::With { body, .. } => work.push(body),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    work.extend([&body[..], &orelse[..], &finalbody[..]]);
                    work.extend(handlers.iter().map(|h| &h.body[..]));
                }
                StmtKind::Match { cases, .. } => work.extend(cases.iter().map(|c| &c.body[..])),
                _ => {}
            }
        }
    }
    false
}

impl<'a> Compiler<'a, '_> {
    /// `__annotations__ = {}` at the start of a module or class body that annotates names.
    pub(super) fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if has_annotations(body) {
            self.emit(Instruction::BuildMap(0));
            self.name_op("__annotations__", NameOp::Store);
        }
    }

    /// `target: annotation [= value]`: the assignment, then, for a simple name in a module
    /// or class body, `__annotations__[name] = annotation`.
    pub(super) fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CompileResult {
        if let Some(value) = value {
            self.compile_expr(value)?;
            self.store_target(target)?;
        }
        let in_namespace = matches!(self.unit_ref().kind, ScopeKind::Module | ScopeKind::Class);
        let ExprKind::Name(name) = &target.kind else {
            return Ok(());
        };
        if simple && in_namespace {
            self.compile_expr(annotation)?;
            self.name_op("__annotations__", NameOp::Load);
            let mangled = self.mangled(name);
            self.load_str(&mangled);
            self.emit(Instruction::StoreSubscr);
        }
        Ok(())
    }

    /// Pushes the dict of a function's annotations when it has any (in CPython's order:
    /// parameters, `*args`, keyword-only ones, `**kwargs`, `return`); returns the
    /// `MakeFunction` flag for it.
    pub(super) fn compile_annotations(
        &mut self,
        params: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> CompileResult<u32> {
        let named = params
            .args
            .iter()
            .chain(&params.posonly)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
            .filter_map(|p| p.annotation.as_ref().map(|a| (p.name.as_str(), a)));
        let mut count = 0;
        for (name, annotation) in named.chain(returns.map(|r| ("return", r))) {
            let mangled = self.mangled(name);
            self.load_str(&mangled);
            self.compile_expr(annotation)?;
            count += 1;
        }
        if count == 0 {
            return Ok(0);
        }
        self.emit(Instruction::BuildMap(count));
        Ok(MakeFunctionFlags::ANNOTATIONS)
    }
}
