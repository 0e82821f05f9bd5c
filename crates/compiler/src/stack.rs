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

    /// How many values from the top of the stack it takes or reads (at least), before
    /// pushing anything.
    pub fn stack_inputs(self) -> u32 {
        use Instruction::*;
        match self {
            Nop | LoadConst(_) | LoadFast(_) | LoadFastCheck(_) | LoadDeref(_) | LoadClosure(_)
            | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) | LoadFastLoadFast(_)
            | LoadFastLoadConst(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_)
            | DeleteName(_) | Jump(_) | LoadBuildClass | LoadAssertionError | SetupFinally(_)
            | PopBlock | PopExcept => 0,
            PopTop | PrintExpr | DupTop | StoreFast(_) | StoreFastLoadFast(_) | StoreDeref(_)
            | StoreGlobal(_) | StoreName(_) | LoadAttr(_) | DeleteAttr(_) | LoadMethod(_)
            | UnaryNegative | UnaryPositive | UnaryInvert | UnaryNot | PopJumpIfFalse(_)
            | PopJumpIfTrue(_) | JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) | GetIter
            | GetYieldFromIter | ForIter(_) | ReturnValue | ListToTuple | UnpackSequence(_)
            | UnpackEx(_) | SetupWith(_) | Reraise | ImportFrom(_) | ImportStar | YieldValue
            | GetAwaitable(_) | GetAiter | GetAnext | BeforeAsyncWith | SetupAsyncWith(_)
            | MatchSequence | MatchMapping | GetLen => 1,
            RotTwo | DupTopTwo | StoreAttr(_) | BinarySubscr | DeleteSubscr | BinaryOp(_)
            | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) | JumpIfNotExcMatch(_)
            | WithExceptStart | ImportName(_) | YieldFrom | EndAsyncFor | MatchKeys
            | CopyDictWithoutKeys => 2,
            RotThree | StoreSubscr | MatchClass(_) => 3,
            RotFour => 4,
            Swap(n) | BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n)
            | BuildString(n) | RaiseVarargs(n) => n,
            BuildMap(n) => 2 * n,
            CallMethod(argc) | CallKw(argc) => argc + 2,
            Call(argc) => argc + 1,
            CallFunctionEx(flags) => 2 + (flags & 1),
            MakeFunction(flags) => 2 + flags.count_ones(),
            FormatValue(flags) => 1 + u32::from(flags & FormatFlags::HAS_SPEC != 0),
            // The collection is the `i`-th value below the one taken; `MapAdd` takes two.
            ListAppend(i) | SetAdd(i) | ListExtend(i) | SetUpdate(i) | DictUpdate(i) => i + 1,
            MapAdd(i) => i + 2,
            // Its error names the callee, below the args tuple and the dict.
            DictMerge(i) => i + 3,
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

/// Why a code object's instructions cannot run: the eval loop relies on the facts
/// [`stack_depth`] checks (it indexes its stack, instructions and locals unchecked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidCode {
    /// The instruction at fault (or the index control reaches outside the code).
    pub at: usize,
    pub reason: &'static str,
}

impl std::fmt::Display for InvalidCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "instruction {}: {}", self.at, self.reason)
    }
}

/// The deepest value stack any path through `code` reaches: a walk of the control-flow
/// graph from instruction 0 at depth 0, which also checks what the eval loop relies on
/// (every path reaches an instruction at the same depth, no instruction takes more values
/// than the stack holds, control never runs off the end or jumps outside the code), so the
/// maximum is exact, not a bound.
pub fn stack_depth(code: &[Instruction]) -> Result<u32, InvalidCode> {
    let mut depth_at: Vec<Option<i64>> = vec![None; code.len()];
    let mut work = vec![(0usize, 0i64)];
    let mut max = 0;
    while let Some((i, depth)) = work.pop() {
        let invalid = |reason| Err(InvalidCode { at: i, reason });
        let Some(&instr) = code.get(i) else {
            return invalid("control reaches past the last instruction");
        };
        match depth_at[i] {
            Some(d) if d == depth => continue,
            Some(_) => return invalid("reached with two different stack depths"),
            None => depth_at[i] = Some(depth),
        }
        if depth < i64::from(instr.stack_inputs()) {
            return invalid("takes more values than the stack holds");
        }
        max = max.max(depth);
        for (next, after) in successors(instr, i, depth) {
            max = max.max(after);
            work.push((next, after));
        }
    }
    Ok(max as u32)
}

/// Where control goes after instruction `i` (run at `depth`), and the depth there.
fn successors(instr: Instruction, i: usize, depth: i64) -> impl Iterator<Item = (usize, i64)> {
    let jump = instr
        .jump_target()
        .map(|t| (t as usize, depth + i64::from(instr.stack_effect(true))));
    let fall = (!instr.ends_flow()).then(|| {
        (
            i + instr.width(),
            depth + i64::from(instr.stack_effect(false)),
        )
    });
    jump.into_iter().chain(fall)
}

/// [`stack_depth`] of code the compiler emitted, which always passes its checks.
pub fn max_stack_depth(code: &[Instruction]) -> u32 {
    stack_depth(code).unwrap_or_else(|e| panic!("the compiler emitted invalid code: {e}"))
}
