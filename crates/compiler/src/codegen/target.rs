//! Assignment targets: stores (with sequence unpacking), deletes and augmented assignment.

use gilvm_syntax::ast::{BinOp, Expr, ExprKind};

use super::expr::binary_operator;
use super::{CompileResult, Compiler, NameOp};
use crate::bytecode::Instruction;

impl<'a> Compiler<'a, '_> {
    /// Stores the value on top of the stack into `target`.
    pub(super) fn store_target(&mut self, target: &'a Expr) -> CompileResult {
        let saved = self.set_location(target.span);
        let result = crate::deep(|| self.store_target_kind(target));
        self.restore_location(saved);
        result
    }

    fn store_target_kind(&mut self, target: &'a Expr) -> CompileResult {
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, NameOp::Store),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instruction::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(Instruction::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                self.unpack(target, elts)?;
                for elt in elts {
                    match &elt.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(elt)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                let msg = "starred assignment target must be in a list or tuple";
                return Err(self.error(target.span, msg));
            }
            _ => return Err(self.error(target.span, "cannot assign to expression")),
        }
        Ok(())
    }

    /// `a, b = x, y` (two or three names each side, no starred item) without building and
    /// unpacking a tuple: the values are evaluated in order, then `SWAP` puts the first on
    /// top, as CPython's optimizer rewrites `BUILD_TUPLE n; UNPACK_SEQUENCE n`. False when
    /// the statement has another shape (nothing emitted).
    pub(super) fn swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> CompileResult<bool> {
        let (ExprKind::Tuple(names) | ExprKind::List(names), ExprKind::Tuple(values)) =
            (&target.kind, &value.kind)
        else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
        let n = names.len();
        if !(2..=3).contains(&n)
            || values.len() != n
            || names.iter().any(starred)
            || values.iter().any(starred)
        {
            return Ok(false);
        }
        self.compile_exprs(values)?;
        self.emit(Instruction::Swap(n as u32));
        for name in names {
            self.store_target(name)?;
        }
        Ok(true)
    }

    fn unpack(&mut self, target: &Expr, elts: &[Expr]) -> CompileResult {
        let mut starred = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)));
        let Some((star, _)) = starred.next() else {
            self.emit(Instruction::UnpackSequence(elts.len() as u32));
            return Ok(());
        };
        if starred.next().is_some() {
            let msg = "multiple starred expressions in assignment";
            return Err(self.error(target.span, msg));
        }
        let after = elts.len() - star - 1;
        if star >= 1 << 8 || after >= 1 << 24 {
            let msg = "too many expressions in star-unpacking assignment";
            return Err(self.error(target.span, msg));
        }
        self.emit(Instruction::UnpackEx(star as u32 | (after as u32) << 8));
        Ok(())
    }

    pub(super) fn delete_target(&mut self, target: &'a Expr) -> CompileResult {
        let saved = self.set_location(target.span);
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, NameOp::Delete),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instruction::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(Instruction::DeleteSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.delete_target(e))?;
            }
            _ => return Err(self.error(target.span, "cannot delete expression")),
        }
        self.restore_location(saved);
        Ok(())
    }

    /// `t op= v`: an attribute or subscript target's container (and index) is evaluated once
    /// and kept on the stack for the store.
    pub(super) fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> CompileResult {
        let inplace = Instruction::InplaceOp(binary_operator(op));
        let saved = self.set_location(target.span);
        match &target.kind {
            ExprKind::Name(name) => {
                self.name_op(name, NameOp::Load);
                self.compile_expr(value)?;
                self.emit(inplace);
                self.name_op(name, NameOp::Store);
            }
            ExprKind::Attribute {
                value: object,
                attr,
            } => {
                self.compile_expr(object)?;
                let i = self.name_index(attr);
                self.emit(Instruction::DupTop);
                self.emit(Instruction::LoadAttr(i));
                self.compile_expr(value)?;
                self.emit(inplace);
                self.emit(Instruction::RotTwo);
                self.emit(Instruction::StoreAttr(i));
            }
            ExprKind::Subscript {
                value: container,
                index,
            } => {
                self.compile_expr(container)?;
                self.compile_expr(index)?;
                self.emit(Instruction::DupTopTwo);
                self.emit(Instruction::BinarySubscr);
                self.compile_expr(value)?;
                self.emit(inplace);
                self.emit(Instruction::RotThree);
                self.emit(Instruction::StoreSubscr);
            }
            _ => {
                let msg = "'expression' is an illegal expression for augmented assignment";
                return Err(self.error(target.span, msg));
            }
        }
        self.restore_location(saved);
        Ok(())
    }
}
