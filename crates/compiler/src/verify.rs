//! The checks a code object passes before the VM runs it: the eval loop indexes its value
//! stack, its instructions, constants and fast locals without bounds checks, on the facts
//! checked here.

use crate::bytecode::{unpack_pair, CodeObject, Instruction};
use crate::stack::{stack_depth, InvalidCode};

/// Checks `code` (not the code objects among its constants): its stack depths
/// ([`stack_depth`], no deeper than `max_stack`) and that every constant and fast-local
/// operand is in range.
pub fn verify(code: &CodeObject) -> Result<(), InvalidCode> {
    for (at, &instr) in code.instructions.iter().enumerate() {
        check_operands(code, instr).map_err(|reason| InvalidCode { at, reason })?;
    }
    let depth = stack_depth(&code.instructions)?;
    if depth > code.max_stack {
        return Err(InvalidCode {
            at: 0,
            reason: "the stack grows deeper than max_stack",
        });
    }
    Ok(())
}

fn check_operands(code: &CodeObject, instr: Instruction) -> Result<(), &'static str> {
    use Instruction::*;
    let local = |i: u32| (i as usize) < code.varnames.len();
    let constant = |i: u32| (i as usize) < code.constants.len();
    let ok = match instr {
        LoadConst(c) => constant(c),
        LoadFast(i) | LoadFastCheck(i) | StoreFast(i) | DeleteFast(i) => local(i),
        LoadFastLoadFast(pair) | StoreFastLoadFast(pair) => {
            let (a, b) = unpack_pair(pair);
            local(a) && local(b)
        }
        LoadFastLoadConst(pair) => {
            let (a, c) = unpack_pair(pair);
            local(a) && constant(c)
        }
        _ => true,
    };
    ok.then_some(()).ok_or("operand out of range")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instruction::*;

    fn code(instructions: Vec<Instruction>, max_stack: u32) -> CodeObject {
        let mut code = (*crate::compile_source("x = 1\n", "t.py").expect("compiles")).clone();
        code.instructions = instructions;
        code.max_stack = max_stack;
        code
    }

    fn reason(instructions: Vec<Instruction>, max_stack: u32) -> Option<&'static str> {
        verify(&code(instructions, max_stack))
            .err()
            .map(|e| e.reason)
    }

    #[test]
    fn compiled_code_passes() {
        let code =
            crate::compile_source("def f(a):\n    return a + 1\n", "t.py").expect("compiles");
        assert_eq!(verify(&code), Ok(()));
    }

    #[test]
    fn each_breach_is_refused() {
        assert_eq!(
            reason(vec![PopTop, LoadConst(0), ReturnValue], 1),
            Some("takes more values than the stack holds")
        );
        assert_eq!(
            reason(vec![LoadConst(0)], 1),
            Some("control reaches past the last instruction")
        );
        assert_eq!(
            reason(vec![Jump(7)], 0),
            Some("control reaches past the last instruction")
        );
        assert_eq!(
            reason(
                vec![
                    LoadConst(0),
                    LoadConst(0),
                    BinaryOp(crate::bytecode::BinaryOperator::Add),
                    ReturnValue
                ],
                1
            ),
            Some("the stack grows deeper than max_stack")
        );
        assert_eq!(
            reason(vec![LoadConst(99), ReturnValue], 1),
            Some("operand out of range")
        );
        assert_eq!(
            reason(vec![LoadFast(0), ReturnValue], 1),
            Some("operand out of range")
        );
        // A loop that pushes one more value each time round.
        assert_eq!(
            reason(vec![LoadConst(0), Jump(0)], 9),
            Some("reached with two different stack depths")
        );
    }
}
