//! Expressions (calls and displays are in `call.rs`, lambdas and comprehensions in
//! `scopes.rs`).

use gilvm_syntax::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, FStringPart, UnaryOp};

use super::unit::Label;
use super::{CompileResult, Compiler, NameOp};
use crate::bytecode::{BinaryOperator, Comparison, Constant, FormatFlags, Instruction};
use crate::constants::{fold, from_ast};

pub(super) fn binary_operator(op: BinOp) -> BinaryOperator {
    match op {
        BinOp::Add => BinaryOperator::Add,
        BinOp::Sub => BinaryOperator::Subtract,
        BinOp::Mult => BinaryOperator::Multiply,
        BinOp::MatMult => BinaryOperator::MatrixMultiply,
        BinOp::Div => BinaryOperator::TrueDivide,
        BinOp::FloorDiv => BinaryOperator::FloorDivide,
        BinOp::Mod => BinaryOperator::Remainder,
        BinOp::Pow => BinaryOperator::Power,
        BinOp::LShift => BinaryOperator::LeftShift,
        BinOp::RShift => BinaryOperator::RightShift,
        BinOp::BitOr => BinaryOperator::Or,
        BinOp::BitXor => BinaryOperator::Xor,
        BinOp::BitAnd => BinaryOperator::And,
    }
}

fn compare_instruction(op: CmpOp) -> Instruction {
    match op {
        CmpOp::Eq => Instruction::CompareOp(Comparison::Equal),
        CmpOp::NotEq => Instruction::CompareOp(Comparison::NotEqual),
        CmpOp::Lt => Instruction::CompareOp(Comparison::Less),
        CmpOp::LtE => Instruction::CompareOp(Comparison::LessEqual),
        CmpOp::Gt => Instruction::CompareOp(Comparison::Greater),
        CmpOp::GtE => Instruction::CompareOp(Comparison::GreaterEqual),
        CmpOp::Is => Instruction::IsOp(false),
        CmpOp::IsNot => Instruction::IsOp(true),
        CmpOp::In => Instruction::ContainsOp(false),
        CmpOp::NotIn => Instruction::ContainsOp(true),
    }
}

impl<'a> Compiler<'a, '_> {
    pub(super) fn compile_expr(&mut self, expr: &'a Expr) -> CompileResult {
        let saved = self.set_location(expr.span);
        let result = crate::deep(|| self.compile_expr_kind(expr));
        self.restore_location(saved);
        result
    }

    pub(super) fn compile_exprs(&mut self, exprs: &'a [Expr]) -> CompileResult {
        exprs.iter().try_for_each(|e| self.compile_expr(e))
    }

    fn compile_expr_kind(&mut self, expr: &'a Expr) -> CompileResult {
        if let Some(constant) = fold(expr) {
            self.load_const(constant);
            return Ok(());
        }
        match &expr.kind {
            ExprKind::Constant(c) => self.load_const(from_ast(c)),
            ExprKind::Name(name) => self.name_op(name, NameOp::Load),
            ExprKind::BoolOp { op, values } => self.compile_bool_op(*op, values)?,
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Instruction::DupTop);
                self.store_target(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(Instruction::BinaryOp(binary_operator(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Instruction::UnaryInvert,
                    UnaryOp::Not => Instruction::UnaryNot,
                    UnaryOp::UAdd => Instruction::UnaryPositive,
                    UnaryOp::USub => Instruction::UnaryNegative,
                });
            }
            ExprKind::Lambda { params, body } => self.compile_lambda(expr, params, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let (otherwise, end) = (self.new_label(), self.new_label());
                self.jump_if(test, false, otherwise)?;
                self.compile_expr(body)?;
                self.jump(Instruction::Jump, end);
                self.bind(otherwise);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set(elts) => self.compile_display(elts, super::call::Display::Set)?,
            ExprKind::List(elts) => self.compile_display(elts, super::call::Display::List)?,
            ExprKind::Tuple(elts) => self.compile_display(elts, super::call::Display::Tuple)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.compile_comprehension(expr)?,
            ExprKind::Yield(value) => {
                self.check_function_scope(expr.span, "yield")?;
                match value {
                    Some(value) => self.compile_expr(value)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Instruction::YieldValue);
            }
            ExprKind::Await(value) => self.compile_await(value, expr.span)?,
            ExprKind::YieldFrom(value) => {
                self.check_function_scope(expr.span, "yield")?;
                if self.in_async_def() {
                    return Err(self.error(expr.span, "'yield from' inside async function"));
                }
                self.compile_expr(value)?;
                self.emit(Instruction::GetYieldFromIter);
                self.load_const(Constant::None);
                self.emit(Instruction::YieldFrom);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(func, args, keywords)?,
            ExprKind::JoinedStr(parts) => self.compile_fstring(parts)?,
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instruction::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(Instruction::BinarySubscr);
            }
            ExprKind::Starred(_) => {
                return Err(self.error(expr.span, "can't use starred expression here"))
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(e) => self.compile_expr(e)?,
                        None => self.load_const(Constant::None),
                    }
                }
                let mut count = 2;
                if let Some(step) = step {
                    self.compile_expr(step)?;
                    count = 3;
                }
                self.emit(Instruction::BuildSlice(count));
            }
        }
        Ok(())
    }

    fn compile_bool_op(&mut self, op: BoolOp, values: &'a [Expr]) -> CompileResult {
        let end = self.new_label();
        let jump = match op {
            BoolOp::And => Instruction::JumpIfFalseOrPop,
            BoolOp::Or => Instruction::JumpIfTrueOrPop,
        };
        let Some((last, init)) = values.split_last() else {
            return Ok(());
        };
        for value in init {
            self.compile_expr(value)?;
            self.jump(jump, end);
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// `a < b < c`: each middle operand is evaluated once and kept (DupTop/RotThree) for the
    /// next comparison; a false link jumps to the cleanup that drops it.
    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> CompileResult {
        self.compile_expr(left)?;
        let count = ops.len().min(comparators.len());
        if count == 0 {
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..count - 1 {
            self.compile_expr(&comparators[i])?;
            self.emit(Instruction::DupTop);
            self.emit(Instruction::RotThree);
            self.emit(compare_instruction(ops[i]));
            self.jump(Instruction::JumpIfFalseOrPop, cleanup);
        }
        self.compile_expr(&comparators[count - 1])?;
        self.emit(compare_instruction(ops[count - 1]));
        if count > 1 {
            let end = self.new_label();
            self.jump(Instruction::Jump, end);
            self.bind(cleanup);
            self.emit(Instruction::RotTwo);
            self.emit(Instruction::PopTop);
            self.bind(end);
        }
        Ok(())
    }

    /// Jumps to `target` when `expr` is truthy (`when` = true) or falsy, without
    /// materialising `not`/`and`/`or` results.
    pub(super) fn jump_if(&mut self, expr: &'a Expr, when: bool, target: Label) -> CompileResult {
        let saved = self.set_location(expr.span);
        let result = crate::deep(|| self.jump_if_kind(expr, when, target));
        self.restore_location(saved);
        result
    }

    fn jump_if_kind(&mut self, expr: &'a Expr, when: bool, target: Label) -> CompileResult {
        match &expr.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_or = *op == BoolOp::Or;
                let (last, init) = values.split_last().expect("checked non-empty");
                if is_or == when {
                    for value in init {
                        self.jump_if(value, when, target)?;
                    }
                    self.jump_if(last, when, target)
                } else {
                    let skip = self.new_label();
                    for value in init {
                        self.jump_if(value, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                    Ok(())
                }
            }
            _ => {
                self.compile_expr(expr)?;
                let jump = if when {
                    Instruction::PopJumpIfTrue
                } else {
                    Instruction::PopJumpIfFalse
                };
                self.jump(jump, target);
                Ok(())
            }
        }
    }

    /// Pushes one str: literals and formatted values joined by `BuildString`.
    fn compile_fstring(&mut self, parts: &'a [FStringPart]) -> CompileResult {
        let mut count = 0;
        for part in parts {
            match part {
                FStringPart::Literal(text) if text.is_empty() => continue,
                FStringPart::Literal(text) => self.load_str(text),
                FStringPart::Expr {
                    value,
                    conversion,
                    format_spec,
                } => {
                    self.compile_expr(value)?;
                    let mut flags = match conversion {
                        None => FormatFlags::CONVERSION_NONE,
                        Some('s') => FormatFlags::CONVERSION_STR,
                        Some('r') => FormatFlags::CONVERSION_REPR,
                        Some('a') => FormatFlags::CONVERSION_ASCII,
                        Some(other) => {
                            let message = format!(
                                "f-string: invalid conversion character '{other}': expected 's', 'r', or 'a'"
                            );
                            return Err(self.error(value.span, message));
                        }
                    };
                    if let Some(spec) = format_spec {
                        self.compile_fstring(spec)?;
                        flags |= FormatFlags::HAS_SPEC;
                    }
                    self.emit(Instruction::FormatValue(flags));
                }
            }
            count += 1;
        }
        match count {
            0 => self.load_str(""),
            1 => {}
            n => self.emit(Instruction::BuildString(n)),
        }
        Ok(())
    }
}
