//! The disassembler prints every instruction kind with its operand's meaning.

mod support;

use std::sync::Arc;

use gilvm_compiler::bytecode::{
    BinaryOperator, CodeFlags, CodeObject, Comparison, Constant, Instruction, Instruction::*,
    Location,
};
use gilvm_compiler::disassemble;
use support::*;

fn every_instruction() -> Vec<Instruction> {
    vec![
        PopTop,
        RotTwo,
        RotThree,
        RotFour,
        DupTop,
        DupTopTwo,
        LoadConst(0),
        LoadFast(0),
        LoadFastCheck(0),
        StoreFast(0),
        DeleteFast(0),
        LoadDeref(0),
        StoreDeref(0),
        DeleteDeref(0),
        LoadClosure(1),
        LoadClassDeref(0),
        LoadGlobal(0),
        StoreGlobal(0),
        DeleteGlobal(0),
        LoadName(0),
        StoreName(0),
        DeleteName(0),
        LoadAttr(0),
        StoreAttr(0),
        DeleteAttr(0),
        LoadMethod(0),
        CallMethod(1),
        BinarySubscr,
        StoreSubscr,
        DeleteSubscr,
        BuildSlice(2),
        UnaryNegative,
        UnaryPositive,
        UnaryInvert,
        UnaryNot,
        BinaryOp(BinaryOperator::FloorDivide),
        InplaceOp(BinaryOperator::Add),
        CompareOp(Comparison::LessEqual),
        IsOp(true),
        ContainsOp(false),
        Jump(0),
        PopJumpIfFalse(0),
        PopJumpIfTrue(0),
        JumpIfFalseOrPop(0),
        JumpIfTrueOrPop(0),
        GetIter,
        ForIter(0),
        MakeFunction(9),
        Call(1),
        CallKw(2),
        CallFunctionEx(1),
        ReturnValue,
        LoadBuildClass,
        BuildTuple(2),
        BuildList(2),
        BuildSet(2),
        BuildMap(2),
        BuildString(2),
        FormatValue(6),
        ListAppend(2),
        SetAdd(2),
        MapAdd(2),
        ListExtend(1),
        SetUpdate(1),
        DictUpdate(1),
        DictMerge(1),
        ListToTuple,
        UnpackSequence(2),
        UnpackEx(0x201),
        SetupFinally(0),
        PopBlock,
        PopExcept,
        JumpIfNotExcMatch(0),
        Reraise,
        RaiseVarargs(1),
        SetupWith(0),
        WithExceptStart,
        LoadAssertionError,
        ImportName(0),
        ImportFrom(0),
        ImportStar,
        YieldValue,
        GetYieldFromIter,
        YieldFrom,
        Swap(2),
        MatchSequence,
        MatchMapping,
        GetLen,
        MatchKeys,
        MatchClass(1),
        CopyDictWithoutKeys,
        Nop,
        LoadFastLoadFast(0),
        LoadFastLoadConst(0),
        StoreFastLoadFast(0),
    ]
}

fn sample_code(instructions: Vec<Instruction>) -> CodeObject {
    let n = instructions.len();
    CodeObject {
        name: "f".into(),
        qualname: "f".into(),
        filename: "t.py".into(),
        first_line: 1,
        flags: CodeFlags::default(),
        arg_count: 0,
        posonly_arg_count: 0,
        kwonly_arg_count: 0,
        instructions,
        locations: (0..n as u32)
            .map(|i| Location {
                line: 1 + i / 4,
                end_line: 1 + i / 4,
                col: 0,
                end_col: 1,
            })
            .collect(),
        constants: vec![Constant::Str("hi".into())],
        names: vec![Arc::from("attr")],
        varnames: vec![Arc::from("local")],
        cellvars: vec![Arc::from("cell")],
        freevars: vec![Arc::from("free")],
        max_stack: 0,
    }
}

#[test]
fn every_instruction_is_listed_with_its_meaning() {
    let code = sample_code(every_instruction());
    let text = disassemble(&code);
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), code.instructions.len());
    assert!(!text.contains("<invalid>"), "{text}");
    for expected in [
        "LOAD_CONST               0 ('hi')",
        "LOAD_FAST                0 (local)",
        "LOAD_FAST_CHECK          0 (local)",
        "LOAD_CLOSURE             1 (free)",
        "LOAD_DEREF               0 (cell)",
        "LOAD_ATTR                0 (attr)",
        "BINARY_OP                5 (//)",
        "INPLACE_OP               0 (+=)",
        "COMPARE_OP               1 (<=)",
        "IS_OP                    1 (is not)",
        "MAKE_FUNCTION            9 (defaults, closure)",
        "FORMAT_VALUE             6 (repr, with format)",
        "UNPACK_EX              513 (1 before, 2 after)",
        "FOR_ITER                 0 (to 0)",
        "WITH_EXCEPT_START",
        "LOAD_FAST__LOAD_FAST     0 (local, local)",
        "LOAD_FAST__LOAD_CONST     0 (local, 'hi')",
        "STORE_FAST__LOAD_FAST     0 (local, local)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // offset 0 is a jump target; line numbers appear when they change
    assert!(
        lines[0].starts_with("   1    >>    0 POP_TOP"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("              1 ROT_TWO"),
        "{}",
        lines[1]
    );
    assert!(lines[4].starts_with("   2"), "{}", lines[4]);
}

#[test]
fn nested_code_objects_get_a_header() {
    let module = compile(vec![def("f", &[], vec![ret(Some(int(1)))])]);
    let text = disassemble(&module);
    assert!(text.contains("(<code object f at line 1>)"), "{text}");
    assert!(
        text.contains("\nDisassembly of <code object f at line 1>:\n"),
        "{text}"
    );
    assert!(text.contains("MAKE_FUNCTION            0"), "{text}");
    assert!(text.contains("STORE_NAME               0 (f)"), "{text}");
}
