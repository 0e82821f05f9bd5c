//! Loops, `try`, `with`, and the exits (`return`, `break`, `continue`) that unwind the open
//! blocks, following the templates in the `bytecode` module docs.

use gilvm_syntax::ast::{ExceptHandler, Expr, ExprKind, Span, Stmt, WithItem};

use super::coroutines::Awaited;
use super::unit::FrameBlock;
use super::{CompileResult, Compiler, NameOp};
use crate::bytecode::{CodeFlags, Constant, Instruction};
use crate::constants::from_ast;

/// A loop found while unwinding for `break`/`continue`.
struct LoopTarget {
    is_for: bool,
    start: super::Label,
    end: super::Label,
}

impl<'a> Compiler<'a, '_> {
    pub(super) fn compile_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult {
        let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(iter)?;
        self.emit(Instruction::GetIter);
        self.bind(start);
        self.jump(Instruction::ForIter, cleanup);
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
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn compile_while(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult {
        let (start, otherwise, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(start);
        if !is_constant_true(test) {
            self.jump_if(test, false, otherwise)?;
        }
        self.push_block(FrameBlock::Loop {
            is_for: false,
            start,
            end,
        });
        self.compile_body(body)?;
        self.pop_block();
        self.jump(Instruction::Jump, start);
        self.bind(otherwise);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn compile_try(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CompileResult {
        if finalbody.is_empty() {
            return self.compile_try_except(body, handlers, orelse);
        }
        let (handler, end) = (self.new_label(), self.new_label());
        self.jump(Instruction::SetupFinally, handler);
        self.push_block(FrameBlock::FinallyTry(finalbody));
        if handlers.is_empty() {
            self.compile_body(body)?;
            self.compile_body(orelse)?;
        } else {
            self.compile_try_except(body, handlers, orelse)?;
        }
        self.pop_block();
        self.emit(Instruction::PopBlock);
        self.compile_body(finalbody)?;
        self.jump(Instruction::Jump, end);
        self.bind(handler);
        self.push_block(FrameBlock::FinallyEnd);
        self.compile_body(finalbody)?;
        self.pop_block();
        self.emit(Instruction::Reraise);
        self.bind(end);
        Ok(())
    }

    fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CompileResult {
        let (handler, end) = (self.new_label(), self.new_label());
        self.jump(Instruction::SetupFinally, handler);
        self.push_block(FrameBlock::TryExcept);
        self.compile_body(body)?;
        self.pop_block();
        self.emit(Instruction::PopBlock);
        self.compile_body(orelse)?;
        self.jump(Instruction::Jump, end);
        self.bind(handler);
        for (i, h) in handlers.iter().enumerate() {
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error(h.span, "default 'except:' must be last"));
            }
            self.compile_handler(h, end)?;
        }
        self.emit(Instruction::Reraise);
        self.bind(end);
        Ok(())
    }

    /// One `except` clause; the exception is on the stack. Falls through to the next clause
    /// when the type does not match.
    fn compile_handler(&mut self, h: &'a ExceptHandler, end: super::Label) -> CompileResult {
        let saved = self.set_location(h.span);
        let next = self.new_label();
        if let Some(typ) = &h.typ {
            self.compile_expr(typ)?;
            self.jump(Instruction::JumpIfNotExcMatch, next);
        }
        match &h.name {
            Some(name) => self.name_op(name, NameOp::Store),
            None => self.emit(Instruction::PopTop),
        }
        self.push_block(FrameBlock::HandlerCleanup(h.name.as_deref()));
        self.compile_body(&h.body)?;
        self.pop_block();
        self.emit(Instruction::PopExcept);
        if let Some(name) = &h.name {
            self.clear_handler_name(name);
        }
        self.jump(Instruction::Jump, end);
        self.bind(next);
        self.restore_location(saved);
        Ok(())
    }

    /// `e = None; del e` at the end of `except ... as e`.
    fn clear_handler_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.name_op(name, NameOp::Store);
        self.name_op(name, NameOp::Delete);
    }

    /// `with` (and, `is_async`, `async with`: `__aenter__`/`__aexit__` awaited), one item per
    /// nested block.
    pub(super) fn compile_with(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CompileResult {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_body(body);
        };
        let (exit, suppress, end) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(&item.context)?;
        if is_async {
            self.emit(Instruction::BeforeAsyncWith);
            self.emit_await(Awaited::Aenter);
            self.jump(Instruction::SetupAsyncWith, exit);
        } else {
            self.jump(Instruction::SetupWith, exit);
        }
        match &item.target {
            Some(target) => self.store_target(target)?,
            None => self.emit(Instruction::PopTop),
        }
        self.push_block(if is_async {
            FrameBlock::AsyncWith
        } else {
            FrameBlock::With
        });
        self.compile_with(rest, body, is_async)?;
        self.pop_block();
        self.emit(Instruction::PopBlock);
        self.call_exit_with_nones(is_async);
        self.jump(Instruction::Jump, end);
        self.bind(exit);
        self.emit(Instruction::WithExceptStart);
        if is_async {
            self.emit_await(Awaited::Aexit);
        }
        self.jump(Instruction::PopJumpIfTrue, suppress);
        self.emit(Instruction::Reraise);
        self.bind(suppress);
        self.emit(Instruction::PopTop);
        self.emit(Instruction::PopExcept);
        self.emit(Instruction::PopTop);
        self.bind(end);
        Ok(())
    }

    /// `exit ->`: calls `__exit__(None, None, None)` (awaiting the result for `async with`)
    /// and drops its result.
    pub(super) fn call_exit_with_nones(&mut self, is_async: bool) {
        for _ in 0..3 {
            self.load_const(Constant::None);
        }
        self.emit(Instruction::Call(3));
        if is_async {
            self.emit_await(super::coroutines::Awaited::Aexit);
        }
        self.emit(Instruction::PopTop);
    }

    pub(super) fn compile_return(&mut self, value: Option<&'a Expr>, span: Span) -> CompileResult {
        self.check_function_scope(span, "return")?;
        if value.is_some() && self.unit_ref().flags & CodeFlags::ASYNC_GENERATOR != 0 {
            return Err(self.error(span, "'return' with value in async generator"));
        }
        let preserve = value.is_some();
        if let Some(value) = value {
            self.compile_expr(value)?;
        }
        self.unwind_blocks(preserve, false)?;
        if !preserve {
            self.load_const(Constant::None);
        }
        self.emit(Instruction::ReturnValue);
        Ok(())
    }

    pub(super) fn compile_break(&mut self, span: Span) -> CompileResult {
        let Some(target) = self.unwind_blocks(false, true)? else {
            return Err(self.error(span, "'break' outside loop"));
        };
        if target.is_for {
            self.emit(Instruction::PopTop);
        }
        self.jump(Instruction::Jump, target.end);
        Ok(())
    }

    pub(super) fn compile_continue(&mut self, span: Span) -> CompileResult {
        let Some(target) = self.unwind_blocks(false, true)? else {
            return Err(self.error(span, "'continue' not properly in loop"));
        };
        self.jump(Instruction::Jump, target.start);
        Ok(())
    }

    /// Emits the cleanup of each open block, innermost first, up to the innermost loop when
    /// `to_loop` (which is returned; `None` if there is none) or all of them. Each block is
    /// popped while its cleanup compiles, so a final body sees only the blocks around it.
    fn unwind_blocks(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CompileResult<Option<LoopTarget>> {
        if to_loop
            && !self
                .unit_ref()
                .blocks
                .iter()
                .any(|b| matches!(b, FrameBlock::Loop { .. }))
        {
            return Ok(None);
        }
        let mut unwound = Vec::new();
        let mut found = None;
        let mut result = Ok(());
        while let Some(block) = self.unit().blocks.pop() {
            if let (true, FrameBlock::Loop { is_for, start, end }) = (to_loop, block) {
                found = Some(LoopTarget { is_for, start, end });
                self.unit().blocks.push(block);
                break;
            }
            unwound.push(block);
            result = self.unwind_block(block, preserve_tos);
            if result.is_err() {
                break;
            }
        }
        while let Some(block) = unwound.pop() {
            self.unit().blocks.push(block);
        }
        result.map(|()| found)
    }

    fn unwind_block(&mut self, block: FrameBlock<'a>, preserve_tos: bool) -> CompileResult {
        let rot_if_preserving = |this: &mut Self| {
            if preserve_tos {
                this.emit(Instruction::RotTwo);
            }
        };
        match block {
            FrameBlock::Loop { is_for, .. } => {
                if is_for {
                    rot_if_preserving(self);
                    self.emit(Instruction::PopTop);
                }
            }
            FrameBlock::TryExcept => self.emit(Instruction::PopBlock),
            FrameBlock::FinallyTry(finalbody) => {
                self.emit(Instruction::PopBlock);
                if preserve_tos {
                    self.push_block(FrameBlock::PopValue);
                }
                self.compile_body(finalbody)?;
                if preserve_tos {
                    self.pop_block();
                }
            }
            FrameBlock::FinallyEnd => {
                rot_if_preserving(self);
                self.emit(Instruction::PopTop);
                self.emit(Instruction::PopExcept);
            }
            FrameBlock::With | FrameBlock::AsyncWith => {
                self.emit(Instruction::PopBlock);
                rot_if_preserving(self);
                self.call_exit_with_nones(matches!(block, FrameBlock::AsyncWith));
            }
            FrameBlock::HandlerCleanup(name) => {
                self.emit(Instruction::PopExcept);
                if let Some(name) = name {
                    self.clear_handler_name(name);
                }
            }
            FrameBlock::PopValue => {
                rot_if_preserving(self);
                self.emit(Instruction::PopTop);
            }
        }
        Ok(())
    }
}

fn is_constant_true(test: &Expr) -> bool {
    match &test.kind {
        ExprKind::Constant(c) => match from_ast(c) {
            Constant::Bool(b) => b,
            Constant::Int(i) => i != 0,
            _ => false,
        },
        _ => false,
    }
}
