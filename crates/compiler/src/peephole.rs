//! Jump threading for `and`/`or` values, as CPython's flow-graph optimizer does it: a
//! `JumpIfFalseOrPop` that lands on another test of the same value never asks the value's
//! truth twice (`(a and b) or c` calls `a.__bool__` once, which programs can observe).

use crate::bytecode::Instruction;

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
