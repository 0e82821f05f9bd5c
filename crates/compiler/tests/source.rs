//! End to end from source text: errors with CPython's positions, locations, qualnames and
//! well-formedness of a representative program.

use gilvm_compiler::bytecode::{CodeObject, Constant, Instruction};
use gilvm_compiler::{compile_source, disassemble};

/// (source, message, line, column, end line, end column) as `compile(source, "t.py", "exec")`
/// reports them; where CPython gives no range, the end is `(line, column + 1)`. The compiler's
/// columns count UTF-8 bytes, as CPython's do.
const ERRORS: &[(&str, &str, u32, u32, u32, u32)] = &[
    ("return 1", "'return' outside function", 1, 1, 1, 9),
    (
        "def f():\n    print(x)\n    global x",
        "name 'x' is used prior to global declaration",
        3,
        5,
        3,
        13,
    ),
    (
        "def f():\n    nonlocal x",
        "no binding for nonlocal 'x' found",
        2,
        5,
        2,
        15,
    ),
    (
        "nonlocal x",
        "nonlocal declaration not allowed at module level",
        1,
        1,
        1,
        11,
    ),
    (
        "for i in x:\n    pass\nbreak",
        "'break' outside loop",
        3,
        1,
        3,
        6,
    ),
    (
        "*a = b",
        "starred assignment target must be in a list or tuple",
        1,
        1,
        1,
        3,
    ),
    (
        "a, *b, *c = d",
        "multiple starred expressions in assignment",
        1,
        1,
        1,
        10,
    ),
    (
        "class C:\n    yield 1",
        "'yield' outside function",
        2,
        5,
        2,
        12,
    ),
    (
        "while 1:\n    def f():\n        continue",
        "'continue' not properly in loop",
        3,
        9,
        3,
        17,
    ),
    ("break", "'break' outside loop", 1, 1, 1, 6),
    ("x = 1\nbreak  ", "'break' outside loop", 2, 1, 2, 6),
    (
        "for x in []:\n    pass\nelse:\n    continue",
        "'continue' not properly in loop",
        4,
        5,
        4,
        13,
    ),
    ("return (1,\n 2)", "'return' outside function", 1, 1, 2, 4),
    ("yield 1", "'yield' outside function", 1, 1, 1, 8),
    ("x = yield", "'yield' outside function", 1, 5, 1, 10),
    (
        "class C:\n    return 1",
        "'return' outside function",
        2,
        5,
        2,
        13,
    ),
    (
        "def g():\n    x = 1\n    def h():\n        nonlocal y\n    return h",
        "no binding for nonlocal 'y' found",
        4,
        9,
        4,
        19,
    ),
    (
        "def f():\n    x = 1\n    nonlocal x",
        "name 'x' is assigned to before nonlocal declaration",
        3,
        5,
        3,
        15,
    ),
    (
        "x = 1\ndef f():\n    print(x)\n    global x",
        "name 'x' is used prior to global declaration",
        4,
        5,
        4,
        13,
    ),
    (
        "def f():\n    x = 1\n    global x",
        "name 'x' is assigned to before global declaration",
        3,
        5,
        3,
        13,
    ),
    (
        "def f(a):\n    global a",
        "name 'a' is parameter and global",
        2,
        5,
        2,
        13,
    ),
    (
        "def f(a):\n    nonlocal a",
        "name 'a' is parameter and nonlocal",
        2,
        5,
        2,
        15,
    ),
    (
        "def f(a, a): pass",
        "duplicate argument 'a' in function definition",
        1,
        10,
        1,
        11,
    ),
    (
        "lambda x, x: 1",
        "duplicate argument 'x' in function definition",
        1,
        11,
        1,
        12,
    ),
    (
        "def f(*, a, b, a): pass",
        "duplicate argument 'a' in function definition",
        1,
        16,
        1,
        17,
    ),
    ("x = *a", "can't use starred expression here", 1, 5, 1, 7),
    ("f(x=1, x=2)", "keyword argument repeated: x", 1, 8, 1, 11),
    (
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
        "default 'except:' must be last",
        3,
        1,
        4,
        9,
    ),
    (
        "[x for x in y] = [(yield) for z in w]",
        "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?",
        1,
        1,
        1,
        15,
    ),
    (
        "def f():\n    [(yield) for z in w]",
        "'yield' inside list comprehension",
        2,
        7,
        2,
        12,
    ),
    (
        "f(*a) = 1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
        1,
        6,
    ),
    (
        "a, *b, *c = d",
        "multiple starred expressions in assignment",
        1,
        1,
        1,
        10,
    ),
    (
        "class C:\n    def f(self):\n        nonlocal __x",
        "no binding for nonlocal '_C__x' found",
        3,
        9,
        3,
        21,
    ),
    ("é = 1; break", "'break' outside loop", 1, 9, 1, 14),
    (
        "def f(é, a, a): pass",
        "duplicate argument 'a' in function definition",
        1,
        14,
        1,
        15,
    ),
];

#[test]
fn compile_errors_match_cpython_positions() {
    let mut mismatches = Vec::new();
    for &(source, message, line, column, end_line, end_column) in ERRORS {
        let error = compile_source(source, "t.py").expect_err(source);
        let got = (
            error.message.as_str(),
            error.line,
            error.column,
            error.end_line,
            error.end_column,
        );
        if got != (message, line, column, end_line, end_column) {
            mismatches.push(format!("{source:?}: got {got:?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn instructions_carry_their_expression_location() {
    let code = compile_source("x = 1\ny = (a +\n     bb)\n", "t.py").expect("compiles");
    let add = code
        .instructions
        .iter()
        .position(|i| matches!(i, Instruction::BinaryOp(_)))
        .expect("an addition");
    let location = code.locations[add];
    assert_eq!(
        (
            location.line,
            location.col,
            location.end_line,
            location.end_col
        ),
        (2, 5, 3, 7)
    );
    let load_b = code.locations[add - 1];
    assert_eq!((load_b.line, load_b.col, load_b.end_col), (3, 5, 7));
    assert_eq!(code.locations[0].line, 1);
}

const PROGRAM: &str = r#"
import os.path as p
from collections import deque
def outer(a, b=1, *args, c, d=2, **kw):
    "doc"
    total = sum(i * 2 for i in args if i)
    def inner():
        nonlocal total
        total += a
        class Local:
            def method(self):
                return super().method(), total
        return Local
    with open(a) as fh, open(b):
        for line in fh:
            if line:
                break
            else:
                continue
        else:
            pass
    try:
        return a < b < c
    except (ValueError, TypeError) as e:
        raise RuntimeError(f"{a!r:>{b}} {e}") from e
    except:
        raise
    finally:
        print(*args, sep="", **kw)
class C(object):
    x = [y for y in range(3)]
    def m(self, *, k=lambda q: q + 1):
        yield from self.__private
    async_ = {k: v for k, v in {}.items()}
"#;

fn walk<'c>(code: &'c CodeObject, out: &mut Vec<&'c CodeObject>) {
    out.push(code);
    for constant in &code.constants {
        if let Constant::Code(inner) = constant {
            walk(inner, out);
        }
    }
}

#[test]
fn representative_program_is_well_formed() {
    let module = compile_source(PROGRAM, "t.py").expect("compiles");
    let mut all = Vec::new();
    walk(&module, &mut all);
    let qualnames: Vec<&str> = all.iter().map(|c| &*c.qualname).collect();
    // as CPython 3.11 reports them
    assert_eq!(
        qualnames,
        [
            "<module>",
            "outer",
            "outer.<locals>.<genexpr>",
            "outer.<locals>.inner",
            "outer.<locals>.inner.<locals>.Local",
            "outer.<locals>.inner.<locals>.Local.method",
            "C",
            "C.<listcomp>",
            "C.<lambda>",
            "C.m",
            "C.<dictcomp>",
        ]
    );
    let outer = all[1];
    assert_eq!(outer.constants[0], Constant::Str("doc".into()));
    assert_eq!(&*outer.cellvars, ["a".into(), "total".into()]);
    assert_eq!((outer.arg_count, outer.kwonly_arg_count), (2, 2));
    for code in &all {
        assert_eq!(code.locations.len(), code.instructions.len());
        let len = code.instructions.len() as u32;
        for instr in &code.instructions {
            if let Some(target) = instr.jump_target() {
                assert!(target < len, "{instr:?} in {}", code.qualname);
            }
        }
        assert!(code.instructions.last().is_some_and(|i| i.ends_flow()));
        assert!(code.max_stack > 0, "{}", code.qualname);
    }
    assert!(all[9].names.iter().any(|n| &**n == "_C__private"));
    let listing = disassemble(&module);
    assert!(listing.contains("Disassembly of <code object method at line 11>:"));
}
