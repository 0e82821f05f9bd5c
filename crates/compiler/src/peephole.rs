//! Jump threading for `and`/`or` values, as CPython's flow-graph optimizer does it: a
//! `JumpIfFalseOrPop` that lands on another test of the same value never asks the value's
//! truth twice (`(a and b) or c` calls `a.__bool__` once, which programs can observe).
//! Then superinstructions for the pairs that run most often.

use crate::bytecode::{pack_pair, Instruction};

/// Retargets `JumpIf{False,True}OrPop` whose target tests the value again: to the same
/// test's target (the answer is known to be the same), or past the opposite test, popping
/// the value (the opposite test would fall through and pop it).
pub(crate) fn thread_bool_jumps(instructions: &mut [Instruction]) {
    use Instruction::{JumpIfFalseOrPop, JumpIfTrueOrPop, PopJumpIfFalse, PopJumpIfTrue};
    for i in 0..instructions.len() {
        // Each step moves forward along a chain of tests; a chain is never longer than the
        // code, which bounds a (malformed) cycle.
        for _ in 0..instructions.len() {
            let next = match instructions[i] {
                JumpIfFalseOrPop(t) => match instructions.get(t as usize) {
                    Some(&JumpIfFalseOrPop(t2)) if t2 != t => JumpIfFalseOrPop(t2),
                    Some(JumpIfTrueOrPop(_)) => PopJumpIfFalse(t + 1),
                    _ => break,
                },
                JumpIfTrueOrPop(t) => match instructions.get(t as usize) {
                    Some(&JumpIfTrueOrPop(t2)) if t2 != t => JumpIfTrueOrPop(t2),
                    Some(JumpIfFalseOrPop(_)) => PopJumpIfTrue(t + 1),
                    _ => break,
                },
                _ => break,
            };
            instructions[i] = next;
        }
    }
}

/// Turns the first of each `LoadFast LoadFast`, `LoadFast LoadConst` and `StoreFast
/// LoadFast` pair into the superinstruction doing both (one dispatch instead of two). The
/// second stays as it is, so jumps to it and locations keep their indices; the
/// superinstruction skips it. Pairs overlap (`LoadFast` x3 fuses the first two and the last
/// two): the second fused form only runs when a jump lands on it.
pub(crate) fn fuse_pairs(instructions: &mut [Instruction]) {
    use Instruction::{
        LoadConst, LoadFast, LoadFastLoadConst, LoadFastLoadFast, StoreFast, StoreFastLoadFast,
    };
    for i in 1..instructions.len() {
        // `i - 1` is rewritten after `i` was read: each pair is matched on the original code.
        let fused = match (instructions[i - 1], instructions[i]) {
            (LoadFast(a), LoadFast(b)) => pack_pair(a, b).map(LoadFastLoadFast),
            (LoadFast(a), LoadConst(c)) => pack_pair(a, c).map(LoadFastLoadConst),
            (StoreFast(a), LoadFast(b)) => pack_pair(a, b).map(StoreFastLoadFast),
            _ => None,
        };
        if let Some(fused) = fused {
            instructions[i - 1] = fused;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instruction::*;

    #[test]
    fn pairs_fuse_and_keep_their_second_instruction() {
        let mut code = vec![
            LoadFast(1),
            LoadFast(2),
            LoadConst(3),
            StoreFast(4),
            LoadFast(0x1_0000),
            ReturnValue,
        ];
        fuse_pairs(&mut code);
        assert_eq!(
            code,
            vec![
                LoadFastLoadFast(1 | 2 << 16),
                LoadFastLoadConst(2 | 3 << 16),
                LoadConst(3),
                // The local does not fit the packed operand: left alone.
                StoreFast(4),
                LoadFast(0x1_0000),
                ReturnValue,
            ]
        );
    }
}
