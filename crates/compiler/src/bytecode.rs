//! The bytecode: the contract between `gilvm-compiler` (which emits it) and `gilvm-vm` (which
//! runs it). Each instruction documents its stack effect as `before -> after`, top of stack on
//! the right. Jump targets are absolute instruction indices into `CodeObject::instructions`.
//!
//! The scheme follows CPython 3.9/3.10 (a block stack for exception handlers, `finally` bodies
//! inlined by the compiler on the non-exceptional exits) because it keeps both the compiler and
//! the eval loop small.
//!
//! ## Exception handling
//! `SetupFinally(h)` pushes a *handler block* recording `h` and the current value-stack depth.
//! When an exception propagates inside a frame, the VM pops blocks until it finds one:
//! - a handler block: the VM truncates the value stack to the recorded depth, pushes an
//!   *except-handler block* (which remembers the previously handled exception and that same
//!   depth), makes the new exception the thread's currently handled exception (what bare `raise`
//!   re-raises and what becomes `__context__` of exceptions raised meanwhile), pushes the
//!   exception object and jumps to `h`;
//! - an except-handler block: popped on the way out; the VM restores the previously handled
//!   exception and truncates the value stack to its depth.
//!
//! If no block is left the frame is popped, a traceback entry is added, and the exception
//! propagates to the caller.
//!
//! Compiler templates (`<x>` is compiled code):
//! ```text
//! try/except:                              try/finally:
//!     SetupFinally(H)                          SetupFinally(F)
//!     <body>                                   <body>
//!     PopBlock                                 PopBlock
//!     <orelse>                                 <finalbody>
//!     Jump(END)                                Jump(END)
//! H:  <type1>                              F:  <finalbody>        # exc on stack
//!     JumpIfNotExcMatch(H2)                    Reraise
//!     StoreFast(e) | PopTop                END:
//!     <handler body>
//!     PopExcept                            with:
//!     (e = None; del e)                        <context>
//!     Jump(END)                                SetupWith(F)
//! H2: ...                                      StoreFast(x) | PopTop
//!     Reraise                                  <body>
//! END:                                         PopBlock
//!                                              LoadConst(None) x3; Call(3); PopTop
//!                                              Jump(END)
//!                                          F:  WithExceptStart    # [exit, exc, res]
//!                                              PopJumpIfTrue(S)
//!                                              Reraise
//!                                          S:  PopTop; PopExcept; PopTop
//!                                          END:
//! ```
//! `return`, `break` and `continue` leaving a `try`/`with`/`except` emit, for each block they
//! leave (innermost first): `PopBlock` + the inlined `finally` body / the `__exit__(None, None,
//! None)` call; `PopExcept` for an except handler; `PopTop` for a `for` loop's iterator (not for
//! `return`, whose value is kept on top of the stack by rotating it below the items it pops).
//!
//! ## Calls
//! Keyword arguments are passed as `CallKw(n)`: `n` counts all arguments, and the constant tuple
//! of keyword names on top says how many of the last arguments are keywords. Star-args compile to
//! `CallFunctionEx`. `LoadMethod`/`CallMethod` avoid creating a bound method for `obj.m(args)`.
//!
//! ## Closures
//! A code object's cells are `cellvars` followed by `freevars`; `LoadDeref(i)` etc. index that
//! combined list. On frame entry the VM creates an empty cell for each cellvar and takes the
//! function's closure tuple as the free cells. A parameter that is also a cellvar is copied into
//! its cell by a compiler-emitted prologue (`LoadFast(p); StoreDeref(c)`).
//!
//! ## Classes
//! `class C(B): body` compiles to `LoadBuildClass`, `LoadConst(code)`, `LoadConst(qualname)`
//! `MakeFunction`, the name, the bases (and keywords), then `Call`/`CallKw`, then decorators and
//! the store. The body function runs with a fresh dict as its namespace (the `*Name`
//! instructions use it); it returns the `__class__` cell when a method uses `super()` or
//! `__class__` (`LoadClosure` of that cellvar), else `None`; `__build_class__` fills that cell.
//!
//! ## Generators
//! A code object with [`CodeFlags::GENERATOR`] returns a generator on call instead of running.
//! `YieldValue` suspends the frame; resuming pushes the sent value (None for `next`).
//!
//! ## Coroutines
//! [`CodeFlags::COROUTINE`] code returns a coroutine, with `GENERATOR` too an async
//! generator. `await x` is `GetAwaitable(0)`, `LoadConst(None)`, `YieldFrom`: what the
//! awaited iterator yields passes up to whoever drives the coroutine (the event loop). In an
//! async generator a `YieldValue` yields to the `async for` (the `asend` awaitable finishes
//! with it) while a `YieldFrom` yields to the event loop.
//! ```text
//! async for:                               async with:
//!     <iter>; GetAiter                         <context>; BeforeAsyncWith
//! S:  SetupFinally(E)                          GetAwaitable(1); LoadConst(None); YieldFrom
//!     GetAnext; LoadConst(None); YieldFrom     SetupAsyncWith(F)
//!     PopBlock                                 (as `with`, each `__exit__` call followed by
//!     <store>; <body>; Jump(S)                  GetAwaitable(2); LoadConst(None); YieldFrom)
//! E:  EndAsyncFor
//!     <orelse>
//! ```

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

/// One bytecode instruction: an opcode with its (at most one) operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub enum Instruction {
    // --- stack manipulation ---
    /// `a ->`
    PopTop,
    /// `a ->`: calls `sys.displayhook(a)` (an expression statement of `'single'` code: typed
    /// at the interactive prompt, or `compile(..., 'single')`).
    PrintExpr,
    /// `a b -> b a`
    RotTwo,
    /// `a b c -> c a b`
    RotThree,
    /// `a b c d -> d a b c`
    RotFour,
    /// `a -> a a`
    DupTop,
    /// `a b -> a b a b`
    DupTopTwo,
    /// Swaps the top of the stack with the `n`-th item (1 is the top).
    Swap(u32),

    // --- constants and variables ---
    /// `-> consts[i]`
    LoadConst(u32),
    /// `-> locals[i]`, a local the compiler proved bound (`crate::bound`).
    LoadFast(u32),
    /// `-> locals[i]`; `UnboundLocalError` if unset.
    LoadFastCheck(u32),
    /// `v ->`; stores into fast local slot `i`.
    StoreFast(u32),
    /// Unbinds fast local `i` (`UnboundLocalError` if unset).
    DeleteFast(u32),
    /// `-> cell[i].contents`; `NameError`/`UnboundLocalError` ("free variable ... referenced
    /// before assignment") if empty.
    LoadDeref(u32),
    /// `v ->`
    StoreDeref(u32),
    DeleteDeref(u32),
    /// `-> cell[i]` (the cell object itself, to build a closure tuple).
    LoadClosure(u32),
    /// In a class body: the namespace dict under the cell's name first, then cell `i`.
    LoadClassDeref(u32),
    /// `-> globals[names[i]]` or builtins; `NameError` if neither has it.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: namespace dict, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    // --- attributes and items ---
    /// `obj -> obj.names[i]`
    LoadAttr(u32),
    /// `v obj ->` (`obj.names[i] = v`)
    StoreAttr(u32),
    /// `obj ->`
    DeleteAttr(u32),
    /// `obj -> meth self` when `names[i]` is a plain function found on the type (not shadowed
    /// by the instance), else `obj -> attr NULL`. Always followed by `CallMethod`.
    LoadMethod(u32),
    /// `meth self_or_null a1..an -> result`
    CallMethod(u32),
    /// `container index -> container[index]`
    BinarySubscr,
    /// `v container index ->`
    StoreSubscr,
    /// `container index ->`
    DeleteSubscr,
    /// `lower upper -> slice` (n = 2) or `lower upper step -> slice` (n = 3).
    BuildSlice(u32),

    // --- operators ---
    /// `a -> -a`, `+a`, `~a`, `not a`
    UnaryNegative,
    UnaryPositive,
    UnaryInvert,
    UnaryNot,
    /// `a b -> a op b`
    BinaryOp(BinaryOperator),
    /// `a b -> a op= b` (tries `__iop__` first, then falls back to `op`).
    InplaceOp(BinaryOperator),
    /// `a b -> a op b` for `< <= == != > >=`.
    CompareOp(Comparison),
    /// `a b -> a is b` (or `is not` when the operand is true).
    IsOp(bool),
    /// `a b -> a in b` (or `not in` when the operand is true).
    ContainsOp(bool),

    // --- control flow (operands are absolute instruction indices) ---
    /// A backward jump is an eval-breaker check point.
    Jump(u32),
    /// `cond ->`
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `cond -> cond` if jumping, `cond ->` otherwise (for `and`/`or`).
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `iterable -> iterator`
    GetIter,
    /// `it -> it next` or, when `it` is exhausted, `it ->` and jump.
    ForIter(u32),

    // --- functions and calls ---
    /// `[defaults] [kwdefaults] [closure] code qualname -> function`; operand bits are
    /// [`MakeFunctionFlags`] saying which of the optional items are present (a defaults tuple,
    /// a kw-only defaults dict, a tuple of cells).
    MakeFunction(u32),
    /// `f a1..an -> result`; an eval-breaker check point.
    Call(u32),
    /// `f a1..an kwnames -> result`: `n` arguments in all, the last `len(kwnames)` of them
    /// passed by keyword (`kwnames` is a constant tuple of str).
    CallKw(u32),
    /// `f args_tuple -> result`, or `f args_tuple kwargs_dict -> result` when the operand is 1.
    /// For `f(*xs)` alone, `args_tuple` is `xs` itself, any iterable (checked by the call).
    CallFunctionEx(u32),
    /// `v ->`, returns from the frame.
    ReturnValue,
    /// `-> __build_class__`
    LoadBuildClass,

    // --- building values ---
    /// `a1..an -> (a1, ..., an)`
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `k1 v1 .. kn vn -> {k1: v1, ...}`
    BuildMap(u32),
    /// `s1..sn -> s1 + ... + sn` (all str; for f-strings).
    BuildString(u32),
    /// `v -> str` formatting for f-strings: operand is [`FormatFlags`]; with `HAS_SPEC` the
    /// stack is `v spec -> str`.
    FormatValue(u32),
    /// Comprehension helpers: `... coll [i-1 items] v -> ... coll [i-1 items]` where `coll` is
    /// the `i`-th item below `v` (i = 1 means directly below).
    ListAppend(u32),
    SetAdd(u32),
    /// `... dict [..] k v -> ... dict [..]`
    MapAdd(u32),
    /// `... list [..] iterable -> ... list [..]` (for `[*a, *b]`)
    ListExtend(u32),
    SetUpdate(u32),
    /// `... dict [..] mapping -> ... dict [..]` (for `{**a}`)
    DictUpdate(u32),
    /// Like `DictUpdate` but raises `TypeError` on a repeated key (for `f(**a, **b)`).
    DictMerge(u32),
    /// `list -> tuple`
    ListToTuple,
    /// `seq -> vn .. v1` (v1 on top); `ValueError` unless exactly `n` items.
    UnpackSequence(u32),
    /// `a, *b, c = seq`: operand is `before | (after << 8)`;
    /// `seq -> v_last .. starred_list .. v1` (v1 on top).
    UnpackEx(u32),

    // --- exceptions and blocks ---
    /// Pushes a handler block (see module docs).
    SetupFinally(u32),
    /// Pops the innermost handler block (normal exit from a `try`).
    PopBlock,
    /// Pops the innermost except-handler block and restores the previously handled exception.
    PopExcept,
    /// `exc type -> exc` and jumps unless `exc` is an instance of `type` (a class or a tuple).
    JumpIfNotExcMatch(u32),
    /// `exc ->` and re-raises `exc` without adding a traceback entry for this line.
    Reraise,
    /// `->` bare `raise` (n = 0), `exc ->` (n = 1), `exc cause ->` (n = 2, `raise exc from cause`).
    RaiseVarargs(u32),
    /// `mgr -> exit enter_result`: binds `mgr.__exit__`, calls `mgr.__enter__()` and pushes a
    /// handler block for `h` whose depth is just above `exit`.
    SetupWith(u32),
    /// `exit exc -> exit exc result` with `result = exit(type(exc), exc, traceback)`.
    WithExceptStart,
    /// `-> AssertionError` (the class, so that `assert` ignores a shadowing global).
    LoadAssertionError,

    // --- imports ---
    /// `level fromlist -> module` importing `names[i]`; with an empty/None fromlist the top-level
    /// package is pushed (as `import a.b` binds `a`).
    ImportName(u32),
    /// `module -> module module.names[i]` (`ImportError` if missing).
    ImportFrom(u32),
    /// `module ->`, binding its public names in the current namespace.
    ImportStar,

    // --- generators ---
    /// `v -> sent` (suspends the frame yielding `v`; resumes with the sent value pushed).
    YieldValue,
    /// `iterable -> iterator` for `yield from` (generators are kept as is).
    GetYieldFromIter,
    /// `iter sent -> result`: sends `sent` into `iter`; while it yields, suspends yielding
    /// that value and re-runs this instruction on resume; on `StopIteration(v)` pushes `v`.
    YieldFrom,

    // --- coroutines ---
    /// `v -> iterator` for `await v` (then `LoadConst(None)`, `YieldFrom`): a coroutine
    /// itself, else `v.__await__()`. The operand names the context in error messages:
    /// 0 `await`, 1 the result of `__aenter__`, 2 that of `__aexit__`.
    GetAwaitable(u32),
    /// `v -> v.__aiter__()` for `async for`.
    GetAiter,
    /// `aiter -> aiter awaitable`: the awaitable of `aiter.__anext__()`.
    GetAnext,
    /// `aiter exc ->` in the handler around an `async for`'s `GetAnext`: a
    /// `StopAsyncIteration` ends the loop (the handler block and the iterator are popped),
    /// anything else is re-raised.
    EndAsyncFor,
    /// `mgr -> aexit aenter_result`: the bound `__aexit__` and the (not yet awaited)
    /// result of `__aenter__()`.
    BeforeAsyncWith,
    /// `aexit entered -> aexit entered`: sets up the handler block (jumping to the target)
    /// at the depth below `entered`, as `SetupWith` does.
    SetupAsyncWith(u32),

    // --- pattern matching (the `match` statement) ---
    /// `subject -> subject bool`: whether `subject` is a sequence a pattern may take
    /// apart (not str, bytes or bytearray).
    MatchSequence,
    /// `subject -> subject bool`: whether `subject` is a mapping.
    MatchMapping,
    /// `obj -> obj len(obj)`
    GetLen,
    /// `subject keys -> subject keys values`: the tuple of `subject`'s values for the
    /// tuple `keys`, or `None` when one is missing.
    MatchKeys,
    /// `subject cls names -> attrs`: when `subject` is an instance of `cls`, the tuple of
    /// its `n` positional sub-pattern values (by `__match_args__`) then of the attributes
    /// named by the constant tuple `names`; else (or when one is missing) `None`.
    MatchClass(u32),
    /// `subject keys -> rest`: a dict of `subject`'s items without `keys` (for `**rest`).
    CopyDictWithoutKeys,

    /// Does nothing (a jump target placeholder the peephole pass may leave).
    Nop,

    // --- superinstructions (see `crate::peephole::fuse_pairs`) ---
    // Each runs the pair its name says and skips the next instruction, which is the second of
    // the pair kept in place for jumps that land on it. The operand is [`pack_pair`]'s.
    /// `LoadFast(a); LoadFast(b)`
    LoadFastLoadFast(u32),
    /// `LoadFast(a); LoadConst(c)`
    LoadFastLoadConst(u32),
    /// `StoreFast(a); LoadFast(b)`
    StoreFastLoadFast(u32),
}

/// The operand of a superinstruction: `first` in the low 16 bits, `second` in the high
/// ones; `None` when either does not fit.
pub fn pack_pair(first: u32, second: u32) -> Option<u32> {
    (first <= 0xffff && second <= 0xffff).then_some(first | second << 16)
}

impl Instruction {
    /// The instruction as the compiler emitted it before the peephole pass fused pairs: a
    /// superinstruction's first half (its second half still follows it), `LoadFast` for
    /// `LoadFastCheck`; others unchanged.
    pub fn unfused(self) -> Instruction {
        match self {
            Instruction::LoadFastLoadFast(pair) | Instruction::LoadFastLoadConst(pair) => {
                Instruction::LoadFast(unpack_pair(pair).0)
            }
            Instruction::StoreFastLoadFast(pair) => Instruction::StoreFast(unpack_pair(pair).0),
            // CPython 3.11 has one `LOAD_FAST`, checking.
            Instruction::LoadFastCheck(i) => Instruction::LoadFast(i),
            other => other,
        }
    }
}

/// The two operands [`pack_pair`] packed, first first.
#[inline(always)]
pub fn unpack_pair(operand: u32) -> (u32, u32) {
    (operand & 0xffff, operand >> 16)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub enum BinaryOperator {
    Add,
    Subtract,
    Multiply,
    MatrixMultiply,
    TrueDivide,
    FloorDivide,
    Remainder,
    Power,
    LeftShift,
    RightShift,
    And,
    Or,
    Xor,
}

impl BinaryOperator {
    /// The operator's symbol as Python writes it (`+`, `//`, ...), for messages and `--dis`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOperator::Add => "+",
            BinaryOperator::Subtract => "-",
            BinaryOperator::Multiply => "*",
            BinaryOperator::MatrixMultiply => "@",
            BinaryOperator::TrueDivide => "/",
            BinaryOperator::FloorDivide => "//",
            BinaryOperator::Remainder => "%",
            BinaryOperator::Power => "**",
            BinaryOperator::LeftShift => "<<",
            BinaryOperator::RightShift => ">>",
            BinaryOperator::And => "&",
            BinaryOperator::Or => "|",
            BinaryOperator::Xor => "^",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub enum Comparison {
    Less,
    LessEqual,
    Equal,
    NotEqual,
    Greater,
    GreaterEqual,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Less => "<",
            Comparison::LessEqual => "<=",
            Comparison::Equal => "==",
            Comparison::NotEqual => "!=",
            Comparison::Greater => ">",
            Comparison::GreaterEqual => ">=",
        }
    }
}

/// Operand bits of [`Instruction::MakeFunction`].
pub struct MakeFunctionFlags;

impl MakeFunctionFlags {
    pub const DEFAULTS: u32 = 0x01;
    pub const KW_DEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// Operand bits of [`Instruction::FormatValue`].
pub struct FormatFlags;

impl FormatFlags {
    pub const CONVERSION_MASK: u32 = 0x03;
    pub const CONVERSION_NONE: u32 = 0;
    pub const CONVERSION_STR: u32 = 1;
    pub const CONVERSION_REPR: u32 = 2;
    pub const CONVERSION_ASCII: u32 = 3;
    pub const HAS_SPEC: u32 = 0x04;
}

/// Properties of a code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Has a `*args` parameter (its slot follows the positional and keyword-only ones).
    pub const VARARGS: u32 = 0x04;
    /// Has a `**kwargs` parameter (its slot follows `*args`'s, if any).
    pub const VARKEYWORDS: u32 = 0x08;
    pub const GENERATOR: u32 = 0x20;
    /// `async def` (or an async comprehension): calling it makes a coroutine.
    pub const COROUTINE: u32 = 0x80;
    /// `async def` with `yield`, or an async generator expression.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// Module or class body: runs with a namespace dict (`*Name` instructions).
    pub const NAMESPACE: u32 = 0x100;

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

/// Source location of one instruction: 1-based lines, 0-based character columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// A compile-time constant in a code object's pool.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// Ints that fit in an `i64` are always `Int`, never `BigInt`.
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Arc<str>),
    /// A str holding a lone surrogate (`'\ud800'`), as code points.
    SurrogateStr(Arc<[u32]>),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Constant]>),
    /// The members of a set display of three or more constants, in source order (CPython
    /// builds such a display as `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1`, and the
    /// frozenset's table order shows through).
    FrozenSet(Arc<[Constant]>),
    Code(Arc<CodeObject>),
}

/// A compiled function, module, class body, lambda or comprehension.
///
/// Fast-local slots are `varnames`: positional parameters first (`arg_count` of them, the first
/// `posonly_arg_count` positional-only), then `kwonly_arg_count` keyword-only parameters, then
/// `*args` and `**kwargs` if [`CodeFlags`] says so, then other locals.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "frozen", derive(serde::Serialize, serde::Deserialize))]
pub struct CodeObject {
    /// `f`, `<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, ...
    pub name: Arc<str>,
    /// Dotted path as CPython's `__qualname__` (`C.m.<locals>.g`).
    pub qualname: Arc<str>,
    /// Not in the frozen form: [`crate::frozen::decode`] sets it.
    #[cfg_attr(feature = "frozen", serde(skip))]
    pub filename: Arc<str>,
    pub first_line: u32,
    pub flags: CodeFlags,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub instructions: Vec<Instruction>,
    /// One entry per instruction.
    pub locations: Vec<Location>,
    pub constants: Vec<Constant>,
    /// Global, attribute, import and namespace names (`LoadGlobal(i)` means `names[i]`).
    pub names: Vec<Arc<str>>,
    pub varnames: Vec<Arc<str>>,
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    /// Upper bound on the value-stack depth this code needs.
    pub max_stack: u32,
}

impl fmt::Display for Instruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Code objects nest as deep as the functions and lambdas of the source (up to the tree's
/// depth limit, about 3,000): dropping them field by field would recurse once per level.
/// Nested code objects this one owns alone are taken out and dropped one at a time.
impl Drop for CodeObject {
    fn drop(&mut self) {
        let mut work = take_nested_code(&mut self.constants);
        while let Some(code) = work.pop() {
            if let Ok(mut code) = Arc::try_unwrap(code) {
                work.extend(take_nested_code(&mut code.constants));
            }
        }
    }
}

fn take_nested_code(constants: &mut Vec<Constant>) -> Vec<Arc<CodeObject>> {
    if !constants.iter().any(|c| matches!(c, Constant::Code(_))) {
        return Vec::new();
    }
    std::mem::take(constants)
        .into_iter()
        .filter_map(|c| match c {
            Constant::Code(code) => Some(code),
            _ => None,
        })
        .collect()
}
