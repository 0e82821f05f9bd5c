//! Statements other than loops, `try` and `with` (see `control.rs`) and definitions (see
//! `scopes.rs`).

use std::sync::Arc;

use gilvm_syntax::ast::{Alias, Expr, ExprKind, Span, Stmt, StmtKind};

use super::{CompileResult, Compiler, NameOp};
use crate::bytecode::{Constant, Instruction};
use crate::constants::int_constant;

impl<'a> Compiler<'a, '_> {
    pub(super) fn compile_stmt(&mut self, stmt: &'a Stmt) -> CompileResult {
        let saved = self.set_location(stmt.span);
        let result = crate::deep(|| self.compile_stmt_kind(stmt));
        self.restore_location(saved);
        result
    }

    fn compile_stmt_kind(&mut self, stmt: &'a Stmt) -> CompileResult {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => self.compile_function_def(def, stmt.span),
            StmtKind::ClassDef(class) => self.compile_class_def(class, stmt.span),
            StmtKind::Return(value) => self.compile_return(value.as_ref(), stmt.span),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete_target(t)),
            StmtKind::Assign { targets, value } => {
                if let [target] = &targets[..] {
                    if self.swap_assign(target, value)? {
                        return Ok(());
                    }
                }
                self.compile_expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instruction::DupTop);
                    }
                    self.store_target(target)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: false,
            } => self.compile_for(target, iter, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            } => self.compile_async_for(target, iter, body, orelse, stmt.span),
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::With {
                items,
                body,
                is_async: false,
            } => self.compile_with(items, body, false),
            StmtKind::With {
                items,
                body,
                is_async: true,
            } => self.compile_async_with(items, body, stmt.span),
            StmtKind::Raise { exc, cause } => self.compile_raise(exc.as_ref(), cause.as_ref()),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.compile_try(body, handlers, orelse, finalbody),
            StmtKind::Assert { test, msg } => self.compile_assert(test, msg.as_ref()),
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases),
            StmtKind::Import(aliases) => aliases.iter().try_for_each(|a| self.compile_import(a)),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.compile_import_from(module.as_deref(), names, *level),
            StmtKind::Expr(value) if self.interactive && self.units.len() == 1 => {
                self.compile_expr(value)?;
                self.emit(Instruction::PrintExpr);
                Ok(())
            }
            StmtKind::Expr(value) => {
                if matches!(value.kind, ExprKind::Constant(_)) {
                    return Ok(());
                }
                self.compile_expr(value)?;
                self.emit(Instruction::PopTop);
                Ok(())
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Break => self.compile_break(stmt.span),
            StmtKind::Continue => self.compile_continue(stmt.span),
        }
    }

    fn compile_if(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult {
        let end = self.new_label();
        if orelse.is_empty() {
            self.jump_if(test, false, end)?;
            self.compile_body(body)?;
        } else {
            let otherwise = self.new_label();
            self.jump_if(test, false, otherwise)?;
            self.compile_body(body)?;
            self.jump(Instruction::Jump, end);
            self.bind(otherwise);
            self.compile_body(orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    fn compile_raise(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> CompileResult {
        let mut argc = 0;
        if let Some(exc) = exc {
            self.compile_expr(exc)?;
            argc = 1;
            if let Some(cause) = cause {
                self.compile_expr(cause)?;
                argc = 2;
            }
        }
        self.emit(Instruction::RaiseVarargs(argc));
        Ok(())
    }

    fn compile_assert(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> CompileResult {
        let end = self.new_label();
        self.jump_if(test, true, end)?;
        // CPython 3.11 locates the raise at the test, so tracebacks mark the test expression.
        let saved = self.set_location(test.span);
        self.emit(Instruction::LoadAssertionError);
        if let Some(msg) = msg {
            self.compile_expr(msg)?;
            self.emit(Instruction::Call(1));
        }
        self.emit(Instruction::RaiseVarargs(1));
        self.restore_location(saved);
        self.bind(end);
        Ok(())
    }

    fn import_name(&mut self, module: &str, level: u32, fromlist: Constant) {
        self.load_const(int_constant(&level.into()));
        self.load_const(fromlist);
        let i = self.name_index(module);
        self.emit(Instruction::ImportName(i));
    }

    /// `import a.b.c` binds `a`; `import a.b.c as d` binds the submodule `c`, reached
    /// through `ImportFrom` of each component. Errors point at the whole statement, as
    /// CPython's do.
    fn compile_import(&mut self, alias: &'a Alias) -> CompileResult {
        self.import_name(&alias.name, 0, Constant::None);
        match &alias.asname {
            None => {
                let top = alias.name.split('.').next().unwrap_or(&alias.name);
                self.name_op(top, NameOp::Store);
            }
            Some(asname) => {
                let components: Vec<&str> = alias.name.split('.').skip(1).collect();
                for (i, component) in components.iter().enumerate() {
                    let index = self.name_index(component);
                    self.emit(Instruction::ImportFrom(index));
                    if i + 1 < components.len() {
                        self.emit(Instruction::RotTwo);
                        self.emit(Instruction::PopTop);
                    }
                }
                self.name_op(asname, NameOp::Store);
                if !components.is_empty() {
                    self.emit(Instruction::PopTop);
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [Alias],
        level: u32,
    ) -> CompileResult {
        let fromlist: Vec<Constant> = names
            .iter()
            .map(|a| Constant::Str(Arc::from(a.name.as_str())))
            .collect();
        self.import_name(
            module.unwrap_or(""),
            level,
            Constant::Tuple(Arc::from(fromlist)),
        );
        if names.len() == 1 && names[0].name == "*" {
            self.emit(Instruction::ImportStar);
            return Ok(());
        }
        for alias in names {
            let index = self.name_index(&alias.name);
            self.emit(Instruction::ImportFrom(index));
            self.name_op(
                alias.asname.as_deref().unwrap_or(&alias.name),
                NameOp::Store,
            );
        }
        self.emit(Instruction::PopTop);
        Ok(())
    }

    pub(super) fn check_function_scope(&self, span: Span, what: &str) -> CompileResult {
        if self.unit_ref().kind.is_function_like() {
            Ok(())
        } else {
            Err(self.error(span, format!("'{what}' outside function")))
        }
    }
}
