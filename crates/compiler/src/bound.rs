//! Definite assignment of fast locals, as CPython 3.12's `LOAD_FAST` / `LOAD_FAST_CHECK`
//! split: a forward data-flow pass over the control-flow graph finds the locals bound on
//! every path to each `LoadFast`; the loads it cannot prove become `LoadFastCheck`, which
//! raises `UnboundLocalError` when the slot is empty. The eval loop then skips the test for
//! the rest (arguments, and locals assigned on every path before the load).
//!
//! Locals only become unbound through `DeleteFast` and through the eval loop's in-place
//! `str` concatenation, which empties the target of a `StoreFast` that follows an `Add` while
//! the add runs (see the VM's `objects/str/concat.rs`): if the add raises, the local stays
//! empty. Both are tracked on the normal edges; an exception edge (a handler setup's jump)
//! carries the state at the setup, bits only grow in the protected body except for those two,
//! so the locals they can empty are removed from it.

use crate::bytecode::{BinaryOperator, Instruction};

/// Locals as a bit per slot.
#[derive(Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn has(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    fn set(&mut self, i: u32, on: bool) {
        if let Some(w) = self.0.get_mut(i as usize / 64) {
            let bit = 1 << (i % 64);
            *w = if on { *w | bit } else { *w & !bit };
        }
    }
    /// Intersects with `other`; whether anything changed.
    fn meet(&mut self, other: &Bits) -> bool {
        let mut changed = false;
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            let m = *w & o;
            changed |= m != *w;
            *w = m;
        }
        changed
    }
}

/// Rewrites each `LoadFast` whose local is not bound on every path reaching it into
/// `LoadFastCheck`. The first `nparams` locals (the parameters) are bound on entry. Runs
/// before `fuse_pairs`: superinstructions are only made of proven loads.
pub(crate) fn check_unproven_loads(code: &mut [Instruction], nlocals: usize, nparams: usize) {
    let mut entry = Bits::new(nlocals);
    for i in 0..nparams.min(nlocals) {
        entry.set(i as u32, true);
    }
    let fragile = fragile_locals(code, nlocals);
    let mut state_in: Vec<Option<Bits>> = vec![None; code.len()];
    let mut work = vec![(0usize, entry)];
    while let Some((i, incoming)) = work.pop() {
        let Some(&instr) = code.get(i) else { continue };
        let state = match &mut state_in[i] {
            Some(known) => {
                if !known.meet(&incoming) {
                    continue;
                }
                known.clone()
            }
            slot @ None => slot.insert(incoming).clone(),
        };
        let mut after = state.clone();
        match instr {
            Instruction::StoreFast(x) => after.set(x, true),
            Instruction::DeleteFast(x) => after.set(x, false),
            _ => {}
        }
        if let Some(target) = instr.jump_target() {
            let edge = if is_handler_setup(instr) {
                let mut edge = state;
                edge.meet(&fragile);
                edge
            } else {
                after.clone()
            };
            work.push((target as usize, edge));
        }
        if !instr.ends_flow() {
            work.push((i + 1, after));
        }
    }
    for (instr, state) in code.iter_mut().zip(&state_in) {
        if let Instruction::LoadFast(x) = *instr {
            // Unreached code keeps the check too (nothing is known there).
            if !state.as_ref().is_some_and(|s| s.has(x)) {
                *instr = Instruction::LoadFastCheck(x);
            }
        }
    }
}

fn is_handler_setup(instr: Instruction) -> bool {
    matches!(
        instr,
        Instruction::SetupFinally(_) | Instruction::SetupWith(_) | Instruction::SetupAsyncWith(_)
    )
}

/// All locals but those a protected body can empty: the `del` targets and the stores after
/// an `Add` (the in-place concatenation's released target).
fn fragile_locals(code: &[Instruction], nlocals: usize) -> Bits {
    let mut keep = Bits::new(nlocals);
    for i in 0..nlocals {
        keep.set(i as u32, true);
    }
    for (i, &instr) in code.iter().enumerate() {
        match instr {
            Instruction::DeleteFast(x) => keep.set(x, false),
            Instruction::StoreFast(x) if i > 0 && is_add(code[i - 1]) => keep.set(x, false),
            _ => {}
        }
    }
    keep
}

fn is_add(instr: Instruction) -> bool {
    matches!(
        instr,
        Instruction::BinaryOp(BinaryOperator::Add) | Instruction::InplaceOp(BinaryOperator::Add)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instruction::*;

    fn checked(mut code: Vec<Instruction>, nlocals: usize, nparams: usize) -> Vec<bool> {
        check_unproven_loads(&mut code, nlocals, nparams);
        code.iter()
            .filter(|i| matches!(i, LoadFast(_) | LoadFastCheck(_)))
            .map(|i| matches!(i, LoadFastCheck(_)))
            .collect()
    }

    #[test]
    fn parameters_and_stores_prove_loads() {
        let code = vec![
            LoadFast(0),
            StoreFast(1),
            LoadFast(1),
            LoadFast(2),
            BinaryOp(BinaryOperator::Add),
            ReturnValue,
        ];
        assert_eq!(checked(code, 3, 1), [false, false, true]);
    }

    #[test]
    fn a_store_on_one_branch_only_is_not_proof() {
        let code = vec![
            LoadFast(0),
            PopJumpIfFalse(4),
            LoadConst(0),
            StoreFast(1),
            LoadFast(1),
            ReturnValue,
        ];
        assert_eq!(checked(code, 2, 1), [false, true]);
    }

    #[test]
    fn del_unbinds_and_a_loop_back_edge_is_met() {
        let code = vec![
            LoadConst(0),
            StoreFast(0),
            // 2: loop head
            LoadFast(0),
            PopJumpIfFalse(7),
            DeleteFast(0),
            Jump(2),
            Nop,
            // 7
            LoadConst(0),
            ReturnValue,
        ];
        assert_eq!(checked(code, 1, 0), [true]);
    }

    #[test]
    fn handlers_see_the_state_at_the_setup_less_what_the_body_can_empty() {
        let code = vec![
            LoadConst(0),
            StoreFast(0),
            LoadConst(0),
            StoreFast(1),
            SetupFinally(12),
            LoadFast(1),
            LoadConst(0),
            InplaceOp(BinaryOperator::Add),
            StoreFast(1),
            LoadConst(0),
            StoreFast(2),
            PopBlock,
            // 12: handler
            LoadFast(0),
            LoadFast(1),
            LoadFast(2),
            ReturnValue,
        ];
        assert_eq!(checked(code, 3, 0), [false, false, true, true]);
    }
}
