//! Which `LoadFast`s may find their local unbound: a forward "definitely assigned" dataflow
//! over the control-flow graph (as CPython 3.12's `LOAD_FAST_CHECK` analysis). A load the
//! analysis cannot prove bound becomes `LoadFastCheck` (which raises `UnboundLocalError`);
//! the others skip the check at run time.

use crate::bytecode::{BinaryOperator, Instruction};

/// A set of fast locals, one bit each.
#[derive(Clone)]
struct Locals(Vec<u64>);

impl Locals {
    /// The first `bound` of `n` locals.
    fn first(n: usize, bound: usize) -> Locals {
        let mut set = Locals(vec![0; n.div_ceil(64)]);
        (0..bound).for_each(|i| set.insert(i));
        set
    }
    fn has(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }
    fn without(mut self, other: &Locals) -> Locals {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= !b);
        self
    }
    /// Keeps what both hold; whether that changed `self`.
    fn intersect(&mut self, other: &Locals) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            changed |= *a & b != *a;
            *a &= b;
        }
        changed
    }
}

/// Turns each `LoadFast` of code with `nlocals` locals, the first `params` of them the
/// parameters (always bound on entry), into `LoadFastCheck` unless every path reaching it
/// has assigned the local and not deleted it since. Runs before `fuse_pairs`.
pub(crate) fn check_unbound_loads(code: &mut [Instruction], nlocals: usize, params: usize) {
    if nlocals == 0 || code.is_empty() {
        return;
    }
    // An exception may leave a `try` body anywhere: its handler starts with what was bound
    // at the setup, less anything unbound on the way: by a `del`, or by a `+` whose result
    // the next instruction stores (the VM releases that local while it appends in place to
    // the str it held, and leaves it unbound when the append fails: `objects/str/concat.rs`).
    let mut deleted = Locals::first(nlocals, 0);
    for (i, instr) in code.iter().enumerate() {
        let unbinds = match (*instr, code.get(i + 1)) {
            (Instruction::DeleteFast(x), _) => Some(x),
            (
                Instruction::BinaryOp(BinaryOperator::Add)
                | Instruction::InplaceOp(BinaryOperator::Add),
                Some(&Instruction::StoreFast(x)),
            ) => Some(x),
            _ => None,
        };
        if let Some(x) = unbinds {
            deleted.insert(x as usize);
        }
    }
    let mut bound_at: Vec<Option<Locals>> = vec![None; code.len()];
    bound_at[0] = Some(Locals::first(nlocals, params));
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        let before = bound_at[i].clone().expect("queued with a state");
        let instr = code[i];
        let mut after = before.clone();
        match instr {
            Instruction::StoreFast(x) => after.insert(x as usize),
            Instruction::DeleteFast(x) => after.remove(x as usize),
            _ => {}
        }
        let jump = instr.jump_target().map(|t| {
            let state = match instr {
                Instruction::SetupFinally(_)
                | Instruction::SetupWith(_)
                | Instruction::SetupAsyncWith(_) => before.clone().without(&deleted),
                _ => after.clone(),
            };
            (t as usize, state)
        });
        let fall = (!instr.ends_flow()).then(|| (i + 1, after));
        for (next, state) in jump.into_iter().chain(fall) {
            let Some(slot) = bound_at.get_mut(next) else {
                continue;
            };
            let changed = match slot {
                Some(known) => known.intersect(&state),
                None => {
                    *slot = Some(state);
                    true
                }
            };
            if changed {
                work.push(next);
            }
        }
    }
    for (instr, bound) in code.iter_mut().zip(&bound_at) {
        if let Instruction::LoadFast(x) = *instr {
            if !bound.as_ref().is_some_and(|b| b.has(x as usize)) {
                *instr = Instruction::LoadFastCheck(x);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instruction::*;

    fn checked(mut code: Vec<Instruction>, nlocals: usize, params: usize) -> Vec<bool> {
        check_unbound_loads(&mut code, nlocals, params);
        code.iter()
            .filter(|i| matches!(i, LoadFast(_) | LoadFastCheck(_)))
            .map(|i| matches!(i, LoadFastCheck(_)))
            .collect()
    }

    #[test]
    fn parameters_and_assigned_locals_skip_the_check() {
        // def f(a): b = a; return b
        let code = vec![LoadFast(0), StoreFast(1), LoadFast(1), ReturnValue];
        assert_eq!(checked(code, 2, 1), vec![false, false]);
    }

    #[test]
    fn a_local_assigned_on_one_branch_only_is_checked() {
        // def f(a): if a: b = 1; return b
        let code = vec![
            LoadFast(0),
            PopJumpIfFalse(4),
            LoadConst(0),
            StoreFast(1),
            LoadFast(1),
            ReturnValue,
        ];
        assert_eq!(checked(code, 2, 1), vec![false, true]);
    }

    #[test]
    fn del_and_handlers_make_a_local_unbound() {
        // def f(): x = 1; del x; return x
        let code = vec![
            LoadConst(0),
            StoreFast(0),
            DeleteFast(0),
            LoadFast(0),
            ReturnValue,
        ];
        assert_eq!(checked(code, 1, 0), vec![true]);
        // def f(): x = 1; try: del x; x = 2 except: return x
        let code = vec![
            LoadConst(0),
            StoreFast(0),
            SetupFinally(7),
            DeleteFast(0),
            LoadConst(0),
            StoreFast(0),
            PopBlock,
            LoadFast(0),
            ReturnValue,
        ];
        assert_eq!(checked(code, 1, 0), vec![true]);
    }
}
