//! `await`, `async for` and `async with` (the templates in the `bytecode` module docs), and
//! the checks of where they may appear, with CPython's messages.

use gilvm_syntax::ast::{Expr, Span, Stmt, WithItem};

use super::unit::FrameBlock;
use super::{CompileResult, Compiler};
use crate::bytecode::{Constant, Instruction};
use crate::symtable::{Scope, ScopeKind};

/// `GetAwaitable`'s operand: what produced the awaited value (for its error messages).
#[derive(Clone, Copy)]
pub(super) enum Awaited {
    Expression = 0,
    Aenter = 1,
    Aexit = 2,
}

impl<'a> Compiler<'a, '_> {
    fn scope_info(&self) -> &Scope {
        &self.table.scopes[self.unit_ref().scope]
    }

    /// Whether the current unit is an `async def` body.
    pub(super) fn in_async_def(&self) -> bool {
        self.scope_info().is_async_def
    }

    /// `v -> result`: awaits the value on top of the stack.
    pub(super) fn emit_await(&mut self, awaited: Awaited) {
        self.emit(Instruction::GetAwaitable(awaited as u32));
        self.load_const(Constant::None);
        self.emit(Instruction::YieldFrom);
    }

    pub(super) fn compile_await(&mut self, value: &'a Expr, span: Span) -> CompileResult {
        let scope = self.scope_info();
        if !scope.kind.is_function_like() {
            return Err(self.error(span, "'await' outside function"));
        }
        if !scope.is_async_def && scope.kind != ScopeKind::Comprehension {
            return Err(self.error(span, "'await' outside async function"));
        }
        self.compile_expr(value)?;
        self.emit_await(Awaited::Expression);
        Ok(())
    }

    fn require_async_def(&self, span: Span, what: &str) -> CompileResult {
        if self.in_async_def() {
            Ok(())
        } else {
            Err(self.error(span, format!("'{what}' outside async function")))
        }
    }

    /// The head of one `async for` turn at `start`: the next item is on the stack, or the loop
    /// ends at `end` when the iterator raises `StopAsyncIteration` (the `EndAsyncFor` there
    /// pops the iterator).
    pub(super) fn async_for_head(&mut self, start: super::Label, end: super::Label) {
        self.bind(start);
        self.jump(Instruction::SetupFinally, end);
        self.emit(Instruction::GetAnext);
        self.load_const(Constant::None);
        self.emit(Instruction::YieldFrom);
        self.emit(Instruction::PopBlock);
    }

    pub(super) fn compile_async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> CompileResult {
        self.require_async_def(span, "async for")?;
        let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(iter)?;
        self.emit(Instruction::GetAiter);
        self.async_for_head(start, cleanup);
        self.store_target(target)?;
        self.push_block(FrameBlock::Loop {
            is_for: true,
            start,
            end,
        });
        self.compile_body(body)?;
        self.pop_block();
        self.jump(Instruction::Jump, start);
        self.bind(cleanup);
        self.emit(Instruction::EndAsyncFor);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn compile_async_with(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        span: Span,
    ) -> CompileResult {
        self.require_async_def(span, "async with")?;
        self.compile_with(items, body, true)
    }
}
