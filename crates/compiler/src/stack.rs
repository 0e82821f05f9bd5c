//! Control-flow facts about instructions (jump targets, stack effects) and the maximum stack
//! depth computation.

use crate::bytecode::{FormatFlags, Instruction};

impl Instruction {
    /// The absolute target of a jumping instruction (including handler setups).
    pub fn jump_target(self) -> Option<u32> {
        use Instruction::*;
        match self {
            Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t) | ForIter(t) | SetupFinally(t) | SetupWith(t)
            | JumpIfNotExcMatch(t) | SetupAsyncWith(t) => Some(t),
            _ => None,
        }
    }

    /// The same instruction jumping to `target` (unchanged if it does not jump).
    pub fn with_jump_target(self, target: u32) -> Instruction {
        use Instruction::*;
        match self {
            Jump(_) => Jump(target),
            PopJumpIfFalse(_) => PopJumpIfFalse(target),
            PopJumpIfTrue(_) => PopJumpIfTrue(target),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(target),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(target),
            ForIter(_) => ForIter(target),
            SetupFinally(_) => SetupFinally(target),
            SetupWith(_) => SetupWith(target),
            SetupAsyncWith(_) => SetupAsyncWith(target),
            JumpIfNotExcMatch(_) => JumpIfNotExcMatch(target),
            other => other,
        }
    }

    /// Whether execution never falls through to the next instruction.
    pub fn ends_flow(self) -> bool {
        use Instruction::*;
        matches!(self, Jump(_) | ReturnValue | Reraise | RaiseVarargs(_))
    }

    /// How many instructions it runs: a superinstruction runs the next one too (and skips it).
    pub fn width(self) -> usize {
        use Instruction::*;
        match self {
            LoadFastLoadFast(_) | LoadFastLoadConst(_) | StoreFastLoadFast(_) => 2,
            _ => 1,
        }
    }

    /// Net change of the value-stack depth (of the pair, for a superinstruction); `jumping` selects the effect on the jump edge
    /// (for a handler setup: the depth at which its handler starts, exception included).
    pub fn stack_effect(self, jumping: bool) -> i32 {
        use Instruction::*;
        let n = |x: u32| x as i32;
        match self {
            PopTop | PrintExpr => -1,
            RotTwo | RotThree | RotFour | Swap(_) | Nop => 0,
            MatchSequence | MatchMapping | GetLen | MatchKeys => 1,
            MatchClass(_) => -2,
            CopyDictWithoutKeys => -1,
            DupTop => 1,
            DupTopTwo => 2,
            LoadFastLoadFast(_) | LoadFastLoadConst(_) => 2,
            StoreFastLoadFast(_) => 0,
            LoadConst(_) | LoadFast(_) | LoadFastCheck(_) | LoadDeref(_) | LoadClosure(_)
            | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) => 1,
            StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
            DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
            LoadAttr(_) => 0,
            StoreAttr(_) => -2,
            DeleteAttr(_) => -1,
            LoadMethod(_) => 1,
            CallMethod(argc) => -n(argc) - 1,
            BinarySubscr => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            BuildSlice(count) => 1 - n(count),
            UnaryNegative | UnaryPositive | UnaryInvert | UnaryNot => 0,
            BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
            Jump(_) => 0,
            PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
                if jumping {
                    0
                } else {
                    -1
                }
            }
            GetIter | GetYieldFromIter => 0,
            ForIter(_) => {
                if jumping {
                    -1
                } else {
                    1
                }
            }
            MakeFunction(flags) => -1 - n(flags.count_ones()),
            Call(argc) => -n(argc),
            CallKw(argc) => -n(argc) - 1,
            CallFunctionEx(has_kwargs) => -1 - n(has_kwargs & 1),
            ReturnValue => -1,
            LoadBuildClass | LoadAssertionError => 1,
            BuildTuple(count) | BuildList(count) | BuildSet(count) | BuildString(count) => {
                1 - n(count)
            }
            BuildMap(count) => 1 - 2 * n(count),
            FormatValue(flags) => -n(u32::from(flags & FormatFlags::HAS_SPEC != 0)),
            ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
            | DictMerge(_) => -1,
            MapAdd(_) => -2,
            ListToTuple => 0,
            UnpackSequence(count) => n(count) - 1,
            UnpackEx(counts) => n(counts & 0xff) + n(counts >> 8),
            SetupFinally(_) => i32::from(jumping),
            SetupWith(_) => 1,
            PopBlock | PopExcept => 0,
            JumpIfNotExcMatch(_) => -1,
            Reraise => -1,
            RaiseVarargs(argc) => -n(argc),
            WithExceptStart => 1,
            ImportName(_) => -1,
            ImportFrom(_) => 1,
            ImportStar => -1,
            YieldValue => 0,
            YieldFrom => -1,
            GetAwaitable(_) | GetAiter => 0,
            GetAnext | BeforeAsyncWith => 1,
            EndAsyncFor => -2,
            SetupAsyncWith(_) => 0,
        }
    }
}

/// The deepest value stack any path through `code` reaches (a depth-first walk of the
/// control-flow graph, starting empty at instruction 0).
pub fn max_stack_depth(code: &[Instruction]) -> u32 {
    let mut depth_at: Vec<Option<i32>> = vec![None; code.len()];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0;
    while let Some((i, depth)) = work.pop() {
        if i >= code.len() || depth_at[i].is_some_and(|d| d >= depth) {
            continue;
        }
        depth_at[i] = Some(depth);
        max = max.max(depth);
        let instr = code[i];
        if let Some(target) = instr.jump_target() {
            let after = depth + instr.stack_effect(true);
            max = max.max(after);
            work.push((target as usize, after));
        }
        // The eval loop pops without checking for an empty stack (its frame's safety
        // invariant): no path may pop below the start.
        debug_assert!(
            depth + instr.stack_effect(false).min(instr.stack_effect(true)) >= 0,
            "stack underflow at {i}: {instr:?}"
        );
        if !instr.ends_flow() {
            let after = depth + instr.stack_effect(false);
            max = max.max(after);
            work.push((i + instr.width(), after));
        }
    }
    max.max(0) as u32
}
