//! The disassembler behind `gilvm --dis`, formatted like CPython's `dis`.

use std::fmt::Write;

use crate::bytecode::{
    unpack_pair, CodeObject, Constant, FormatFlags, Instruction, MakeFunctionFlags,
};
use crate::repr::{code_points_repr, str_repr};

/// One listing per code object, nested code objects after their parent, each headed
/// `Disassembly of <code object NAME at line N>:`.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

/// One instruction as a disassembler shows it: what `dis.get_instructions` yields.
pub struct Row {
    /// The instruction's index in `CodeObject::instructions` (the unit of jump targets).
    pub offset: u32,
    pub opname: &'static str,
    pub arg: Option<u32>,
    /// What the argument means (`'x'`, `to 12`, `+`); empty when nothing is to be said.
    pub argrepr: String,
    pub line: Option<u32>,
    pub is_jump_target: bool,
}

/// The instructions of `code` (not of the code objects nested in it).
pub fn rows(code: &CodeObject) -> Vec<Row> {
    rows_of(code, |i| i)
}

/// [`rows`] with each superinstruction shown as the instruction it fused (its first half; the
/// second half is the next row), as Python's `dis` shows code before specialisation.
pub fn unfused_rows(code: &CodeObject) -> Vec<Row> {
    rows_of(code, Instruction::unfused)
}

fn rows_of(code: &CodeObject, shown: fn(Instruction) -> Instruction) -> Vec<Row> {
    let targets: Vec<u32> = code
        .instructions
        .iter()
        .filter_map(|i| i.jump_target())
        .collect();
    code.instructions
        .iter()
        .enumerate()
        .map(|(offset, instr)| {
            let (opname, arg, argrepr) = describe(code, shown(*instr));
            Row {
                offset: offset as u32,
                opname,
                arg,
                argrepr,
                line: code.locations.get(offset).map(|l| l.line),
                is_jump_target: targets.contains(&(offset as u32)),
            }
        })
        .collect()
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let mut last_line = None;
    for row in rows(code) {
        let line_field = if row.line != last_line {
            if last_line.is_some() {
                out.push('\n');
            }
            last_line = row.line;
            row.line.map_or(String::new(), |l| l.to_string())
        } else {
            String::new()
        };
        let marker = if row.is_jump_target { ">>" } else { "  " };
        let (offset, name) = (row.offset, row.opname);
        let mut text = format!("{line_field:>4}    {marker} {offset:>4} {name:<20}");
        if let Some(arg) = row.arg {
            let _ = write!(text, " {arg:>5}");
            if !row.argrepr.is_empty() {
                let _ = write!(text, " ({})", row.argrepr);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    for constant in &code.constants {
        if let Constant::Code(inner) = constant {
            let _ = write!(out, "\nDisassembly of {}:\n", code_repr(inner));
            disassemble_into(inner, out);
        }
    }
}

fn code_repr(code: &CodeObject) -> String {
    format!("<code object {} at line {}>", code.name, code.first_line)
}

fn name_at(table: &[std::sync::Arc<str>], i: u32) -> String {
    table
        .get(i as usize)
        .map_or_else(|| "<invalid>".to_string(), |n| n.to_string())
}

fn cell_name(code: &CodeObject, i: u32) -> String {
    let i = i as usize;
    let cells = code.cellvars.iter().chain(code.freevars.iter());
    cells
        .clone()
        .nth(i)
        .map_or_else(|| "<invalid>".to_string(), |n| n.to_string())
}

/// The name of every instruction; its index here is the number `dis.opmap` gives it (gilvm's
/// instructions have no numbering of their own).
pub const OPNAMES: &[&str] = &[
    "POP_TOP",
    "PRINT_EXPR",
    "ROT_TWO",
    "ROT_THREE",
    "ROT_FOUR",
    "DUP_TOP",
    "DUP_TOP_TWO",
    "SWAP",
    "LOAD_CONST",
    "LOAD_FAST",
    "STORE_FAST",
    "DELETE_FAST",
    "LOAD_DEREF",
    "STORE_DEREF",
    "DELETE_DEREF",
    "LOAD_CLOSURE",
    "LOAD_CLASSDEREF",
    "LOAD_GLOBAL",
    "STORE_GLOBAL",
    "DELETE_GLOBAL",
    "LOAD_NAME",
    "STORE_NAME",
    "DELETE_NAME",
    "LOAD_ATTR",
    "STORE_ATTR",
    "DELETE_ATTR",
    "LOAD_METHOD",
    "CALL_METHOD",
    "BINARY_SUBSCR",
    "STORE_SUBSCR",
    "DELETE_SUBSCR",
    "BUILD_SLICE",
    "UNARY_NEGATIVE",
    "UNARY_POSITIVE",
    "UNARY_INVERT",
    "UNARY_NOT",
    "BINARY_OP",
    "INPLACE_OP",
    "COMPARE_OP",
    "IS_OP",
    "CONTAINS_OP",
    "JUMP",
    "POP_JUMP_IF_FALSE",
    "POP_JUMP_IF_TRUE",
    "JUMP_IF_FALSE_OR_POP",
    "JUMP_IF_TRUE_OR_POP",
    "GET_ITER",
    "FOR_ITER",
    "MAKE_FUNCTION",
    "CALL_FUNCTION",
    "CALL_FUNCTION_KW",
    "CALL_FUNCTION_EX",
    "RETURN_VALUE",
    "LOAD_BUILD_CLASS",
    "BUILD_TUPLE",
    "BUILD_LIST",
    "BUILD_SET",
    "BUILD_MAP",
    "BUILD_STRING",
    "FORMAT_VALUE",
    "LIST_APPEND",
    "SET_ADD",
    "MAP_ADD",
    "LIST_EXTEND",
    "SET_UPDATE",
    "DICT_UPDATE",
    "DICT_MERGE",
    "LIST_TO_TUPLE",
    "UNPACK_SEQUENCE",
    "UNPACK_EX",
    "SETUP_FINALLY",
    "POP_BLOCK",
    "POP_EXCEPT",
    "JUMP_IF_NOT_EXC_MATCH",
    "RERAISE",
    "RAISE_VARARGS",
    "SETUP_WITH",
    "WITH_EXCEPT_START",
    "LOAD_ASSERTION_ERROR",
    "IMPORT_NAME",
    "IMPORT_FROM",
    "IMPORT_STAR",
    "YIELD_VALUE",
    "GET_YIELD_FROM_ITER",
    "YIELD_FROM",
    "GET_AWAITABLE",
    "GET_AITER",
    "GET_ANEXT",
    "END_ASYNC_FOR",
    "BEFORE_ASYNC_WITH",
    "SETUP_ASYNC_WITH",
    "MATCH_SEQUENCE",
    "MATCH_MAPPING",
    "GET_LEN",
    "MATCH_KEYS",
    "MATCH_CLASS",
    "COPY_DICT_WITHOUT_KEYS",
    "NOP",
    "LOAD_FAST__LOAD_FAST",
    "LOAD_FAST__LOAD_CONST",
    "STORE_FAST__LOAD_FAST",
    "LOAD_FAST_CHECK",
];

/// Opcode name, operand and the operand's meaning, one arm per instruction.
fn describe(code: &CodeObject, instr: Instruction) -> (&'static str, Option<u32>, String) {
    use Instruction::*;
    let none = |name| (name, None, String::new());
    let plain = |name, arg: u32| (name, Some(arg), String::new());
    let konst = |i: u32| {
        code.constants
            .get(i as usize)
            .map_or_else(|| "<invalid>".to_string(), constant_repr)
    };
    let name = |i| name_at(&code.names, i);
    let local = |i| name_at(&code.varnames, i);
    let cell = |i| cell_name(code, i);
    let to = |t: u32| format!("to {t}");
    match instr {
        PopTop => none("POP_TOP"),
        PrintExpr => none("PRINT_EXPR"),
        RotTwo => none("ROT_TWO"),
        RotThree => none("ROT_THREE"),
        RotFour => none("ROT_FOUR"),
        DupTop => none("DUP_TOP"),
        DupTopTwo => none("DUP_TOP_TWO"),
        Swap(n) => plain("SWAP", n),
        LoadConst(i) => ("LOAD_CONST", Some(i), konst(i)),
        LoadFast(i) => ("LOAD_FAST", Some(i), local(i)),
        LoadFastCheck(i) => ("LOAD_FAST_CHECK", Some(i), local(i)),
        StoreFast(i) => ("STORE_FAST", Some(i), local(i)),
        DeleteFast(i) => ("DELETE_FAST", Some(i), local(i)),
        LoadDeref(i) => ("LOAD_DEREF", Some(i), cell(i)),
        StoreDeref(i) => ("STORE_DEREF", Some(i), cell(i)),
        DeleteDeref(i) => ("DELETE_DEREF", Some(i), cell(i)),
        LoadClosure(i) => ("LOAD_CLOSURE", Some(i), cell(i)),
        LoadClassDeref(i) => ("LOAD_CLASSDEREF", Some(i), cell(i)),
        LoadGlobal(i) => ("LOAD_GLOBAL", Some(i), name(i)),
        StoreGlobal(i) => ("STORE_GLOBAL", Some(i), name(i)),
        DeleteGlobal(i) => ("DELETE_GLOBAL", Some(i), name(i)),
        LoadName(i) => ("LOAD_NAME", Some(i), name(i)),
        StoreName(i) => ("STORE_NAME", Some(i), name(i)),
        DeleteName(i) => ("DELETE_NAME", Some(i), name(i)),
        LoadAttr(i) => ("LOAD_ATTR", Some(i), name(i)),
        StoreAttr(i) => ("STORE_ATTR", Some(i), name(i)),
        DeleteAttr(i) => ("DELETE_ATTR", Some(i), name(i)),
        LoadMethod(i) => ("LOAD_METHOD", Some(i), name(i)),
        CallMethod(n) => plain("CALL_METHOD", n),
        BinarySubscr => none("BINARY_SUBSCR"),
        StoreSubscr => none("STORE_SUBSCR"),
        DeleteSubscr => none("DELETE_SUBSCR"),
        BuildSlice(n) => plain("BUILD_SLICE", n),
        UnaryNegative => none("UNARY_NEGATIVE"),
        UnaryPositive => none("UNARY_POSITIVE"),
        UnaryInvert => none("UNARY_INVERT"),
        UnaryNot => none("UNARY_NOT"),
        BinaryOp(op) => ("BINARY_OP", Some(op as u32), op.symbol().to_string()),
        InplaceOp(op) => ("INPLACE_OP", Some(op as u32), format!("{}=", op.symbol())),
        CompareOp(op) => ("COMPARE_OP", Some(op as u32), op.symbol().to_string()),
        IsOp(negated) => (
            "IS_OP",
            Some(negated.into()),
            choose(negated, "is not", "is"),
        ),
        ContainsOp(negated) => (
            "CONTAINS_OP",
            Some(negated.into()),
            choose(negated, "not in", "in"),
        ),
        Jump(t) => ("JUMP", Some(t), to(t)),
        PopJumpIfFalse(t) => ("POP_JUMP_IF_FALSE", Some(t), to(t)),
        PopJumpIfTrue(t) => ("POP_JUMP_IF_TRUE", Some(t), to(t)),
        JumpIfFalseOrPop(t) => ("JUMP_IF_FALSE_OR_POP", Some(t), to(t)),
        JumpIfTrueOrPop(t) => ("JUMP_IF_TRUE_OR_POP", Some(t), to(t)),
        GetIter => none("GET_ITER"),
        ForIter(t) => ("FOR_ITER", Some(t), to(t)),
        MakeFunction(flags) => ("MAKE_FUNCTION", Some(flags), make_function_repr(flags)),
        Call(n) => plain("CALL_FUNCTION", n),
        CallKw(n) => plain("CALL_FUNCTION_KW", n),
        CallFunctionEx(n) => plain("CALL_FUNCTION_EX", n),
        ReturnValue => none("RETURN_VALUE"),
        LoadBuildClass => none("LOAD_BUILD_CLASS"),
        BuildTuple(n) => plain("BUILD_TUPLE", n),
        BuildList(n) => plain("BUILD_LIST", n),
        BuildSet(n) => plain("BUILD_SET", n),
        BuildMap(n) => plain("BUILD_MAP", n),
        BuildString(n) => plain("BUILD_STRING", n),
        FormatValue(flags) => ("FORMAT_VALUE", Some(flags), format_repr(flags)),
        ListAppend(n) => plain("LIST_APPEND", n),
        SetAdd(n) => plain("SET_ADD", n),
        MapAdd(n) => plain("MAP_ADD", n),
        ListExtend(n) => plain("LIST_EXTEND", n),
        SetUpdate(n) => plain("SET_UPDATE", n),
        DictUpdate(n) => plain("DICT_UPDATE", n),
        DictMerge(n) => plain("DICT_MERGE", n),
        ListToTuple => none("LIST_TO_TUPLE"),
        UnpackSequence(n) => plain("UNPACK_SEQUENCE", n),
        UnpackEx(n) => (
            "UNPACK_EX",
            Some(n),
            format!("{} before, {} after", n & 0xff, n >> 8),
        ),
        SetupFinally(t) => ("SETUP_FINALLY", Some(t), to(t)),
        PopBlock => none("POP_BLOCK"),
        PopExcept => none("POP_EXCEPT"),
        JumpIfNotExcMatch(t) => ("JUMP_IF_NOT_EXC_MATCH", Some(t), to(t)),
        Reraise => none("RERAISE"),
        RaiseVarargs(n) => plain("RAISE_VARARGS", n),
        SetupWith(t) => ("SETUP_WITH", Some(t), to(t)),
        WithExceptStart => none("WITH_EXCEPT_START"),
        LoadAssertionError => none("LOAD_ASSERTION_ERROR"),
        ImportName(i) => ("IMPORT_NAME", Some(i), name(i)),
        ImportFrom(i) => ("IMPORT_FROM", Some(i), name(i)),
        ImportStar => none("IMPORT_STAR"),
        YieldValue => none("YIELD_VALUE"),
        GetYieldFromIter => none("GET_YIELD_FROM_ITER"),
        YieldFrom => none("YIELD_FROM"),
        GetAwaitable(n) => plain("GET_AWAITABLE", n),
        GetAiter => none("GET_AITER"),
        GetAnext => none("GET_ANEXT"),
        EndAsyncFor => none("END_ASYNC_FOR"),
        BeforeAsyncWith => none("BEFORE_ASYNC_WITH"),
        SetupAsyncWith(t) => ("SETUP_ASYNC_WITH", Some(t), to(t)),
        MatchSequence => none("MATCH_SEQUENCE"),
        MatchMapping => none("MATCH_MAPPING"),
        GetLen => none("GET_LEN"),
        MatchKeys => none("MATCH_KEYS"),
        MatchClass(n) => plain("MATCH_CLASS", n),
        CopyDictWithoutKeys => none("COPY_DICT_WITHOUT_KEYS"),
        Nop => none("NOP"),
        LoadFastLoadFast(pair) => {
            let (a, b) = unpack_pair(pair);
            let meaning = format!("{}, {}", local(a), local(b));
            ("LOAD_FAST__LOAD_FAST", Some(pair), meaning)
        }
        LoadFastLoadConst(pair) => {
            let (a, c) = unpack_pair(pair);
            let meaning = format!("{}, {}", local(a), konst(c));
            ("LOAD_FAST__LOAD_CONST", Some(pair), meaning)
        }
        StoreFastLoadFast(pair) => {
            let (a, b) = unpack_pair(pair);
            let meaning = format!("{}, {}", local(a), local(b));
            ("STORE_FAST__LOAD_FAST", Some(pair), meaning)
        }
    }
}

fn choose(negated: bool, if_negated: &str, otherwise: &str) -> String {
    if negated { if_negated } else { otherwise }.to_string()
}

fn make_function_repr(flags: u32) -> String {
    let parts = [
        (MakeFunctionFlags::DEFAULTS, "defaults"),
        (MakeFunctionFlags::KW_DEFAULTS, "kwdefaults"),
        (MakeFunctionFlags::ANNOTATIONS, "annotations"),
        (MakeFunctionFlags::CLOSURE, "closure"),
    ];
    let present: Vec<&str> = parts
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    present.join(", ")
}

fn format_repr(flags: u32) -> String {
    let conversion = match flags & FormatFlags::CONVERSION_MASK {
        FormatFlags::CONVERSION_STR => "str",
        FormatFlags::CONVERSION_REPR => "repr",
        FormatFlags::CONVERSION_ASCII => "ascii",
        _ => "",
    };
    let spec = if flags & FormatFlags::HAS_SPEC != 0 {
        "with format"
    } else {
        ""
    };
    [conversion, spec]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Python's `repr` of a constant.
pub(crate) fn constant_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::SurrogateStr(p) => code_points_repr(p),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            match parts.len() {
                1 => format!("({},)", parts[0]),
                _ => format!("({})", parts.join(", ")),
            }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(code) => code_repr(code),
    }
}

/// CPython's `complex_repr`: parts without a trailing `.0`, no real part when it is `+0.0`.
pub(crate) fn complex_repr(real: f64, imag: f64) -> String {
    let part = |x: f64| {
        let r = float_repr(x);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    let imag_text = part(imag);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{imag_text}j");
    }
    let sign = if imag_text.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag_text}j)", part(real))
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let magnitude = f.abs();
    if magnitude != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        let text = format!("{f:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exponent),
        };
        return format!("{mantissa}e{sign}{digits:0>2}");
    }
    let text = f.to_string();
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = format!("b{}", quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_instruction_name_is_listed() {
        let code = CodeObject {
            name: "m".into(),
            qualname: "m".into(),
            filename: "m.py".into(),
            first_line: 1,
            flags: Default::default(),
            arg_count: 0,
            posonly_arg_count: 0,
            kwonly_arg_count: 0,
            instructions: vec![Instruction::Nop, Instruction::ReturnValue],
            locations: vec![],
            constants: vec![],
            names: vec![],
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
            max_stack: 0,
        };
        for row in rows(&code) {
            assert!(OPNAMES.contains(&row.opname), "{}", row.opname);
        }
    }

    #[test]
    fn constant_reprs_follow_python() {
        assert_eq!(constant_repr(&Constant::Float(1.0)), "1.0");
        assert_eq!(constant_repr(&Constant::Float(-0.0)), "-0.0");
        assert_eq!(constant_repr(&Constant::Float(1e20)), "1e+20");
        assert_eq!(constant_repr(&Constant::Float(1.5e-5)), "1.5e-05");
        assert_eq!(constant_repr(&Constant::Float(0.1)), "0.1");
        assert_eq!(constant_repr(&Constant::Str("it's".into())), "\"it's\"");
        assert_eq!(constant_repr(&Constant::Str("a\nb".into())), "'a\\nb'");
        assert_eq!(
            constant_repr(&Constant::Bytes(b"\x00a".to_vec().into())),
            "b'\\x00a'"
        );
        let one = Constant::Tuple(vec![Constant::Int(1)].into());
        assert_eq!(constant_repr(&one), "(1,)");
    }
}
