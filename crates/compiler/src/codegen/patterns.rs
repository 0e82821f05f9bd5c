//! The `match` statement (PEP 634), compiled as CPython 3.11 does: the subject and the
//! values a pattern takes apart stay on the value stack; captured values are rotated below
//! them and bound only once the whole pattern has matched. A failing test jumps to a
//! "fail-pop" label that pops exactly what the pattern had on the stack there.

use std::collections::HashSet;
use std::sync::Arc;

use gilvm_syntax::ast::{
    Constant as AstConstant, Expr, ExprKind, MatchCase, Pattern, PatternKind, Span,
};

use super::{CompileResult, Compiler, NameOp};
use crate::bytecode::{Comparison, Constant, Instruction};

use super::unit::Label;

/// CPython's `pattern_context`.
#[derive(Default)]
struct PatternContext {
    /// Names captured so far; their values are on the stack (the last one deepest).
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items then falls into `fail_pop[n - 1]`.
    fail_pop: Vec<Label>,
    /// Items on the stack above the captures that a failure must pop.
    on_top: usize,
    /// The last pattern compiled: where CPython reports a repeated or differing name.
    located: Span,
}

fn is_wildcard(pattern: &Pattern) -> bool {
    matches!(
        pattern.kind,
        PatternKind::As {
            pattern: None,
            name: None
        }
    )
}

impl<'a> Compiler<'a, '_> {
    pub(super) fn compile_match(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> CompileResult {
        self.compile_expr(subject)?;
        let end = self.new_label();
        let last = cases.len() - 1;
        let has_default = cases.len() > 1 && is_wildcard(&cases[last].pattern);
        let tested = if has_default { last } else { cases.len() };
        for (i, case) in cases[..tested].iter().enumerate() {
            let saved = self.set_location(case.pattern.span);
            // The subject is copied for every case but the last one tested.
            let keep_subject = i + 1 != tested;
            if keep_subject {
                self.emit(Instruction::DupTop);
            }
            let mut pc = PatternContext {
                allow_irrefutable: case.guard.is_some() || i == last,
                ..PatternContext::default()
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, NameOp::Store);
            }
            self.restore_location(saved);
            if let Some(guard) = &case.guard {
                let fail = self.fail_pop_label(&mut pc, 0);
                self.jump_if(guard, false, fail)?;
            }
            if keep_subject {
                self.emit(Instruction::PopTop);
            }
            self.compile_body(&case.body)?;
            self.jump(Instruction::Jump, end);
            let saved = self.set_location(case.pattern.span);
            self.emit_fail_pops(&mut pc);
            self.restore_location(saved);
        }
        if has_default {
            let case = &cases[last];
            let saved = self.set_location(case.pattern.span);
            self.emit(if tested == 0 {
                Instruction::PopTop
            } else {
                Instruction::Nop
            });
            self.restore_location(saved);
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, end)?;
            }
            self.compile_body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    /// The label that pops `pops` items and then fails.
    fn fail_pop_label(&mut self, pc: &mut PatternContext, pops: usize) -> Label {
        while pc.fail_pop.len() <= pops {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
        pc.fail_pop[pops]
    }

    /// Jumps (with `make`) to fail, popping what is on the stack and the captures.
    fn jump_to_fail(&mut self, pc: &mut PatternContext, make: fn(u32) -> Instruction) {
        let pops = pc.on_top + pc.stores.len();
        let label = self.fail_pop_label(pc, pops);
        self.jump(make, label);
    }

    fn emit_fail_pops(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (pops, label) in labels.iter().enumerate().rev() {
            self.bind(*label);
            if pops > 0 {
                self.emit(Instruction::PopTop);
            }
        }
    }

    /// Moves the top of the stack down to position `count` (1 is the top).
    fn rotate(&mut self, count: usize) {
        for n in (2..=count).rev() {
            self.emit(Instruction::Swap(n as u32));
        }
    }

    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternContext) -> CompileResult {
        let Some(name) = name else {
            self.emit(Instruction::PopTop);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(self.error(pc.located, "cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|n| n == name) {
            let message = format!("multiple assignments to name '{name}' in pattern");
            return Err(self.error(pc.located, message));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn compile_pattern(&mut self, pattern: &'a Pattern, pc: &mut PatternContext) -> CompileResult {
        let saved = self.set_location(pattern.span);
        pc.located = pattern.span;
        let result = crate::deep(|| self.compile_pattern_kind(pattern, pc));
        self.restore_location(saved);
        result
    }

    /// A pattern inside another: irrefutable ones are always allowed there.
    fn compile_subpattern(
        &mut self,
        pattern: &'a Pattern,
        pc: &mut PatternContext,
    ) -> CompileResult {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let result = self.compile_pattern(pattern, pc);
        pc.allow_irrefutable = allow;
        result
    }

    fn compile_pattern_kind(
        &mut self,
        pattern: &'a Pattern,
        pc: &mut PatternContext,
    ) -> CompileResult {
        match &pattern.kind {
            PatternKind::Value(value) => {
                self.compile_expr(value)?;
                self.emit(Instruction::CompareOp(Comparison::Equal));
                self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
            }
            PatternKind::Singleton(value) => {
                self.load_const(singleton(value));
                self.emit(Instruction::IsOp(false));
                self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
            }
            PatternKind::Star(name) => self.store_capture(name.as_deref(), pc)?,
            PatternKind::As {
                pattern: None,
                name,
            } => {
                if !pc.allow_irrefutable {
                    let message = match name {
                        Some(name) => {
                            format!("name capture '{name}' makes remaining patterns unreachable")
                        }
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(self.error(pattern.span, message));
                }
                self.store_capture(name.as_deref(), pc)?;
            }
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                pc.on_top += 1;
                self.emit(Instruction::DupTop);
                self.compile_pattern(inner, pc)?;
                pc.on_top -= 1;
                self.store_capture(name.as_deref(), pc)?;
            }
            PatternKind::Or(alternatives) => self.compile_or(alternatives, pc)?,
            PatternKind::Sequence(patterns) => self.compile_sequence(pattern, patterns, pc)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.compile_mapping(keys, patterns, rest.as_deref(), pattern, pc)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.compile_class(cls, patterns, kwd_attrs, kwd_patterns, pc)?,
        }
        Ok(())
    }

    fn compile_or(
        &mut self,
        alternatives: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult {
        let end = self.new_label();
        let outer_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alternatives.iter().enumerate() {
            let saved = self.set_location(alt.span);
            let mut alt_pc = PatternContext {
                allow_irrefutable: i + 1 == alternatives.len() && outer_allow,
                ..PatternContext::default()
            };
            self.emit(Instruction::DupTop);
            self.compile_pattern(alt, &mut alt_pc)?;
            pc.located = alt_pc.located;
            match &control {
                None => control = Some(alt_pc.stores.clone()),
                Some(control) => self.reorder_like(control, &mut alt_pc.stores, pc.located)?,
            }
            self.jump(Instruction::Jump, end);
            self.emit_fail_pops(&mut alt_pc);
            self.restore_location(saved);
        }
        let control = control.unwrap_or_default();
        // No alternative matched: pop the subject and fail.
        self.emit(Instruction::PopTop);
        self.jump_to_fail(pc, Instruction::Jump);
        self.bind(end);
        // Between the new captures and their place: the other new captures, the subject,
        // what is on top and the captures made before.
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(rotations);
            if pc.stores.contains(&name) {
                let message = format!("multiple assignments to name '{name}' in pattern");
                return Err(self.error(pc.located, message));
            }
            pc.stores.push(name);
        }
        self.emit(Instruction::PopTop);
        Ok(())
    }

    /// Makes an alternative's captures lie on the stack in the first alternative's order.
    fn reorder_like(
        &mut self,
        control: &[String],
        stores: &mut Vec<String>,
        at: Span,
    ) -> CompileResult {
        let differ = self.error(at, "alternative patterns bind different names");
        if stores.len() != control.len() {
            return Err(differ);
        }
        for icontrol in (0..control.len()).rev() {
            let Some(istores) = stores.iter().position(|n| *n == control[icontrol]) else {
                return Err(differ);
            };
            if istores != icontrol {
                let rotations = istores + 1;
                let rotated: Vec<String> = stores.drain(..rotations).collect();
                let at = icontrol - istores;
                stores.splice(at..at, rotated);
                (0..rotations).for_each(|_| self.rotate(icontrol + 1));
            }
        }
        Ok(())
    }

    fn compile_sequence(
        &mut self,
        seq: &'a Pattern,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let PatternKind::Star(name) = &p.kind {
                if star.is_some() {
                    let message = "multiple starred names in sequence pattern";
                    return Err(self.error(seq.span, message));
                }
                star_wildcard = name.is_none();
                only_wildcard &= star_wildcard;
                star = Some(i);
            } else {
                only_wildcard &= is_wildcard(p);
            }
        }
        pc.on_top += 1;
        self.emit(Instruction::MatchSequence);
        self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
        let length_check = match star {
            None => Some((size, Comparison::Equal)),
            Some(_) if size > 1 => Some((size - 1, Comparison::GreaterEqual)),
            Some(_) => None,
        };
        if let Some((length, comparison)) = length_check {
            self.emit(Instruction::GetLen);
            self.load_const(Constant::Int(length as i64));
            self.emit(Instruction::CompareOp(comparison));
            self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instruction::PopTop);
        } else if let (Some(star), true) = (star, star_wildcard) {
            self.sequence_by_index(patterns, star, pc)?;
        } else {
            self.sequence_by_unpacking(patterns, star, pc)?;
        }
        Ok(())
    }

    fn sequence_by_unpacking(
        &mut self,
        patterns: &'a [Pattern],
        star: Option<usize>,
        pc: &mut PatternContext,
    ) -> CompileResult {
        let size = patterns.len();
        match star {
            None => self.emit(Instruction::UnpackSequence(size as u32)),
            Some(star) => {
                let after = size - star - 1;
                self.emit(Instruction::UnpackEx(star as u32 | (after as u32) << 8));
            }
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[a, *_, b]`: the items are taken by index (from the end after the star).
    fn sequence_by_index(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CompileResult {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if i == star || is_wildcard(p) {
                continue;
            }
            self.emit(Instruction::DupTop);
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                self.emit(Instruction::GetLen);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(Instruction::BinaryOp(
                    crate::bytecode::BinaryOperator::Subtract,
                ));
            }
            self.emit(Instruction::BinarySubscr);
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instruction::PopTop);
        Ok(())
    }

    fn compile_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        mapping: &'a Pattern,
        pc: &mut PatternContext,
    ) -> CompileResult {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Instruction::MatchMapping);
        self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Instruction::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instruction::GetLen);
            self.load_const(Constant::Int(size as i64));
            self.emit(Instruction::CompareOp(Comparison::GreaterEqual));
            self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
        }
        let mut seen = HashSet::new();
        for key in keys {
            if let ExprKind::Constant(value) = &key.kind {
                let repr = constant_repr(value);
                if !seen.insert(repr.clone()) {
                    let message = format!("mapping pattern checks duplicate key ({repr})");
                    return Err(self.error(mapping.span, message));
                }
            }
            self.compile_expr(key)?;
        }
        self.emit(Instruction::BuildTuple(size as u32));
        self.emit(Instruction::MatchKeys);
        pc.on_top += 2;
        self.emit(Instruction::DupTop);
        self.load_const(Constant::None);
        self.emit(Instruction::IsOp(true));
        self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
        self.emit(Instruction::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(rest) => {
                self.emit(Instruction::CopyDictWithoutKeys);
                self.store_capture(Some(rest), pc)?;
            }
            None => {
                self.emit(Instruction::PopTop);
                self.emit(Instruction::PopTop);
            }
        }
        Ok(())
    }

    fn compile_class(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult {
        for (i, attr) in kwd_attrs.iter().enumerate() {
            if attr == "__debug__" {
                return Err(self.error(kwd_patterns[i].span, "cannot assign to __debug__"));
            }
            if kwd_attrs[i + 1..].contains(attr) {
                let message = format!("attribute name repeated in class pattern: {attr}");
                return Err(self.error(kwd_patterns[i + 1..][0].span, message));
            }
        }
        self.compile_expr(cls)?;
        let names = kwd_attrs
            .iter()
            .map(|a| Constant::Str(Arc::from(a.as_str())))
            .collect();
        self.load_const(Constant::Tuple(names));
        let nargs = patterns.len();
        self.emit(Instruction::MatchClass(nargs as u32));
        self.emit(Instruction::DupTop);
        self.load_const(Constant::None);
        self.emit(Instruction::IsOp(true));
        pc.on_top += 1;
        self.jump_to_fail(pc, Instruction::PopJumpIfFalse);
        let total = nargs + kwd_attrs.len();
        self.emit(Instruction::UnpackSequence(total as u32));
        pc.on_top += total;
        pc.on_top -= 1;
        for p in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Instruction::PopTop);
                continue;
            }
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }
}

fn singleton(value: &AstConstant) -> Constant {
    match value {
        AstConstant::Bool(b) => Constant::Bool(*b),
        _ => Constant::None,
    }
}

/// How CPython's message shows a duplicate mapping key (`('a')`, `(1)`).
fn constant_repr(value: &AstConstant) -> String {
    match value {
        AstConstant::None => "None".to_string(),
        AstConstant::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        AstConstant::Ellipsis => "Ellipsis".to_string(),
        AstConstant::Int(i) => i.to_string(),
        AstConstant::Float(f) => format!("{f:?}"),
        AstConstant::Complex { real, imag } => crate::dis::complex_repr(*real, *imag),
        AstConstant::Str(s) => crate::repr::str_repr(s),
        AstConstant::SurrogateStr(p) => crate::repr::code_points_repr(p),
        AstConstant::Bytes(b) => format!("b'{}'", b.escape_ascii()),
    }
}
