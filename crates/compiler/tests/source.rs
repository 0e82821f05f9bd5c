//! End to end from source text: errors with CPython's positions, locations, qualnames and
//! well-formedness of a representative program.

use gilvm_compiler::bytecode::{CodeObject, Constant, Instruction};
use gilvm_compiler::{compile_source, disassemble};

fn error_of(source: &str) -> (String, u32, u32) {
    let error = compile_source(source, "t.py").expect_err("is rejected");
    (error.message, error.line, error.column)
}

#[test]
fn compile_errors_match_cpython_positions() {
    let cases = [
        ("return 1", "'return' outside function", 1, 1),
        (
            "def f():\n    print(x)\n    global x",
            "name 'x' is used prior to global declaration",
            3,
            5,
        ),
        (
            "def f():\n    nonlocal x",
            "no binding for nonlocal 'x' found",
            2,
            5,
        ),
        (
            "nonlocal x",
            "nonlocal declaration not allowed at module level",
            1,
            1,
        ),
        ("for i in x:\n    pass\nbreak", "'break' outside loop", 3, 1),
        (
            "*a = b",
            "starred assignment target must be in a list or tuple",
            1,
            1,
        ),
        (
            "a, *b, *c = d",
            "multiple starred expressions in assignment",
            1,
            1,
        ),
        ("class C:\n    yield 1", "'yield' outside function", 2, 5),
        (
            "while 1:\n    def f():\n        continue",
            "'continue' not properly in loop",
            3,
            9,
        ),
    ];
    for (source, message, line, column) in cases {
        assert_eq!(
            error_of(source),
            (message.to_string(), line, column),
            "for {source:?}"
        );
    }
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
