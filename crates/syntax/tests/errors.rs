//! Syntax errors: CPython 3.11's message, exception class and caret position.

use gilvm_syntax::SyntaxErrorKind::{self, IndentationError, SyntaxError, TabError};
use gilvm_syntax::{parse_expression, parse_module};

/// (source, class, message, line, column, end line, end column) as
/// `compile(source, "f", "exec")` reports them; where CPython gives no range, and for
/// `IndentationError` (whose range CPython never prints), the end is `(line, column + 1)`.
type Case = (
    &'static str,
    SyntaxErrorKind,
    &'static str,
    u32,
    u32,
    u32,
    u32,
);

const CASES: &[Case] = &[
    ("x = 1\n    y = 2\n", IndentationError, "unexpected indent", 2, 4, 2, 5),
    ("if x:\npass\n", IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1, 2, 2),
    ("if x:\n", IndentationError, "expected an indented block after 'if' statement on line 1", 1, 6, 1, 7),
    ("def f():\nreturn\n", IndentationError, "expected an indented block after function definition on line 1", 2, 1, 2, 2),
    ("class A:\nx\n", IndentationError, "expected an indented block after class definition on line 1", 2, 1, 2, 2),
    ("for x in y:\nz\n", IndentationError, "expected an indented block after 'for' statement on line 1", 2, 1, 2, 2),
    ("while x:\n\nz\n", IndentationError, "expected an indented block after 'while' statement on line 1", 3, 1, 3, 2),
    ("try:\nx\n", IndentationError, "expected an indented block after 'try' statement on line 1", 2, 1, 2, 2),
    ("try:\n  x\nexcept:\nx\n", IndentationError, "expected an indented block after 'except' statement on line 3", 4, 1, 4, 2),
    ("try:\n  x\nfinally:\nx\n", IndentationError, "expected an indented block after 'finally' statement on line 3", 4, 1, 4, 2),
    ("with a:\nx\n", IndentationError, "expected an indented block after 'with' statement on line 1", 2, 1, 2, 2),
    ("if a:\n x\nelif b:\nx\n", IndentationError, "expected an indented block after 'elif' statement on line 3", 4, 1, 4, 2),
    ("if a:\n x\nelse:\nx\n", IndentationError, "expected an indented block after 'else' statement on line 3", 4, 1, 4, 2),
    ("if x:\n    a\n  b\n", IndentationError, "unindent does not match any outer indentation level", 3, 4, 3, 5),
    ("if x\n  pass\n", SyntaxError, "expected ':'", 1, 5, 1, 6),
    ("def f()\n", SyntaxError, "expected ':'", 1, 8, 1, 9),
    ("class A\n", SyntaxError, "expected ':'", 1, 8, 1, 9),
    ("while x\n", SyntaxError, "expected ':'", 1, 8, 1, 9),
    ("for x in y\n", SyntaxError, "expected ':'", 1, 11, 1, 12),
    ("else\n", SyntaxError, "invalid syntax", 1, 1, 1, 5),
    ("x = (1 +\n", SyntaxError, "'(' was never closed", 1, 5, 1, 6),
    ("foo(1, 2\nx = 3\n", SyntaxError, "'(' was never closed", 1, 4, 1, 5),
    ("x = )\n", SyntaxError, "unmatched ')'", 1, 5, 1, 6),
    ("x = 'abc\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 6),
    ("x = '''abc\n\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 6),
    ("x = 1a\n", SyntaxError, "invalid decimal literal", 1, 5, 1, 6),
    ("x = 1_\n", SyntaxError, "invalid decimal literal", 1, 6, 1, 7),
    ("x = a € b\n", SyntaxError, "invalid character '€' (U+20AC)", 1, 7, 1, 8),
    ("x = 1 +\n", SyntaxError, "invalid syntax", 1, 8, 1, 9),
    ("print(1 +)\n", SyntaxError, "invalid syntax", 1, 10, 1, 11),
    ("1 = x\n", SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2),
    ("f() = 1\n", SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4),
    ("a + 1 = 2\n", SyntaxError, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6),
    ("f() += 1\n", SyntaxError, "'function call' is an illegal expression for augmented assignment", 1, 1, 1, 4),
    ("for 1 in x: pass\n", SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
    ("del f()\n", SyntaxError, "cannot delete function call", 1, 5, 1, 8),
    ("x = [1, 2\n", SyntaxError, "'[' was never closed", 1, 5, 1, 6),
    ("a b\n", SyntaxError, "invalid syntax", 1, 3, 1, 4),
    ("x = 0777\n", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6),
    ("x = 'a' b'b'\n", SyntaxError, "cannot mix bytes and nonbytes literals", 1, 13, 1, 14),
    ("x = 09\n", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6),
    ("x = 0x\n", SyntaxError, "invalid hexadecimal literal", 1, 6, 1, 7),
    ("(a, 1) = 2\n", SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
    ("def f(a=1, b): pass\n", SyntaxError, "non-default argument follows default argument", 1, 12, 1, 13),
    ("x = \\ y\n", SyntaxError, "unexpected character after line continuation character", 1, 6, 1, 7),
    ("f(x for x in y, 1)\n", SyntaxError, "Generator expression must be parenthesized", 1, 3, 1, 15),
    ("f'{'\n", SyntaxError, "f-string: expecting '}'", 1, 5, 1, 6),
    ("f'}'\n", SyntaxError, "f-string: single '}' is not allowed", 1, 5, 1, 6),
    ("x = 5 $\n", SyntaxError, "invalid syntax", 1, 7, 1, 8),
    ("x = 'a\\\nb\n", SyntaxError, "unterminated string literal (detected at line 2)", 1, 5, 1, 6),
    ("x = (]\n", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 7),
    ("\n\n  x\n", IndentationError, "unexpected indent", 3, 2, 3, 3),
    ("if x:\n  y\n z\n", IndentationError, "unindent does not match any outer indentation level", 3, 3, 3, 4),
    ("x = 123abc\n", SyntaxError, "invalid decimal literal", 1, 7, 1, 8),
    ("x = 1__0\n", SyntaxError, "invalid decimal literal", 1, 6, 1, 7),
    ("x = 1e\n", SyntaxError, "invalid decimal literal", 1, 5, 1, 6),
    ("x = 1.5a\n", SyntaxError, "invalid decimal literal", 1, 7, 1, 8),
    ("x = 0b12\n", SyntaxError, "invalid digit '2' in binary literal", 1, 8, 1, 9),
    ("x = 0o8\n", SyntaxError, "invalid digit '8' in octal literal", 1, 7, 1, 8),
    ("x = b'é'\n", SyntaxError, "bytes can only contain ASCII literal characters", 1, 5, 1, 9),
    ("x = '\\x1'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, 1, 11),
    ("x = (1,\n  2]\n", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 4, 2, 5),
    ("def f(*): pass\n", SyntaxError, "named arguments must follow bare *", 1, 7, 1, 8),
    ("def f(a, /, b, /): pass\n", SyntaxError, "/ may appear only once", 1, 16, 1, 17),
    ("f(**a, b)\n", SyntaxError, "positional argument follows keyword argument unpacking", 1, 9, 1, 10),
    ("f(a=1, b)\n", SyntaxError, "positional argument follows keyword argument", 1, 9, 1, 10),
    ("x, y += 1\n", SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 5),
    ("a, b: int\n", SyntaxError, "only single target (not tuple) can be annotated", 1, 1, 1, 2),
    ("x = f'{}'\n", SyntaxError, "f-string: empty expression not allowed", 1, 10, 1, 11),
    ("x = f'{a!x}'\n", SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 14),
    ("True = 1\n", SyntaxError, "cannot assign to True", 1, 1, 1, 5),
    ("a = 1 = 2\n", SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
    ("with a as 1: pass\n", SyntaxError, "cannot assign to literal", 1, 11, 1, 12),
    ("x = [i for 1 in y]\n", SyntaxError, "cannot assign to literal", 1, 12, 1, 13),
    ("x = 1 abc\n", SyntaxError, "invalid syntax", 1, 7, 1, 10),
    ("while True pass\n", SyntaxError, "invalid syntax", 1, 12, 1, 16),
    ("x.y() = 1\n", SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6),
    ("'a' 'b' = 1\n", SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 8),
    ("x = (1 +\n 2) = 3\n", SyntaxError, "cannot assign to expression", 1, 6, 2, 3),
    ("[x for x in y] = 1\n", SyntaxError, "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1, 1, 15),
    ("x if y else z = 1\n", SyntaxError, "cannot assign to conditional expression", 1, 1, 1, 14),
    ("a < b = 1\n", SyntaxError, "cannot assign to comparison", 1, 1, 1, 6),
    ("del [a + 1]\n", SyntaxError, "cannot delete expression", 1, 6, 1, 11),
    ("del (a, 1)\n", SyntaxError, "cannot delete literal", 1, 9, 1, 10),
    ("{a: b} = 1\n", SyntaxError, "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 7),
    ("None = 1\n", SyntaxError, "cannot assign to None", 1, 1, 1, 5),
    ("for f() in x: pass\n", SyntaxError, "cannot assign to function call", 1, 5, 1, 8),
    ("with a as f(): pass\n", SyntaxError, "cannot assign to function call", 1, 11, 1, 14),
    ("lambda: 1 = 1\n", SyntaxError, "cannot assign to lambda", 1, 1, 1, 10),
    ("not x = 1\n", SyntaxError, "cannot assign to expression", 1, 1, 1, 6),
    ("-x = 1\n", SyntaxError, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 3),
    ("... = 1\n", SyntaxError, "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4),
    ("a.b c\n", SyntaxError, "invalid syntax", 1, 5, 1, 6),
    ("for in x: pass\n", SyntaxError, "invalid syntax", 1, 5, 1, 7),
    ("f(x=1, 2)\n", SyntaxError, "positional argument follows keyword argument", 1, 9, 1, 10),
    ("f(**k, *a)\n", SyntaxError, "iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9),
    ("def f(**k, a): pass\n", SyntaxError, "arguments cannot follow var-keyword argument", 1, 12, 1, 13),
    ("def f(**k, *a): pass\n", SyntaxError, "arguments cannot follow var-keyword argument", 1, 12, 1, 13),
    ("(a, b): int\n", SyntaxError, "only single target (not tuple) can be annotated", 1, 1, 1, 7),
    ("x = b'aé'\n", SyntaxError, "bytes can only contain ASCII literal characters", 1, 5, 1, 10),
    ("x: int, y = 1\n", SyntaxError, "invalid syntax", 1, 7, 1, 8),
    ("[a, b]: int\n", SyntaxError, "only single target (not list) can be annotated", 1, 1, 1, 7),
    ("f(): int\n", SyntaxError, "illegal target for annotation", 1, 1, 1, 4),
    ("if x:\n    y = (1 +\n  2) = 3\n", SyntaxError, "cannot assign to expression", 2, 10, 3, 4),
    ("x = 1 +\n", SyntaxError, "invalid syntax", 1, 8, 1, 9),
    ("if 1:\n\tx = 1\n        y = 2\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 2),
];

#[test]
fn errors_match_cpython() {
    let mut mismatches = Vec::new();
    for &(source, kind, message, line, column, end_line, end_column) in CASES {
        let error = parse_module(source).expect_err(source);
        let got = (
            error.kind,
            error.message.as_str(),
            error.line,
            error.column,
            error.end_line,
            error.end_column,
        );
        if got != (kind, message, line, column, end_line, end_column) {
            mismatches.push(format!("{source:?}: got {got:?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn valid_code_after_an_error_case_still_parses() {
    assert!(parse_module("x = (1 +\n 2)\n").is_ok());
    assert!(parse_module("if x:\n    pass\n").is_ok());
}

#[test]
fn imaginary_literals_parse_and_leading_zeros_stay_invalid_without_j() {
    assert!(parse_module("x = 02j + 1.5J\n").is_ok());
    let error = parse_module("x = 03 + 2j\n").unwrap_err();
    assert!(error.message.starts_with("leading zeros"));
}

#[test]
fn expression_errors_point_at_the_end() {
    let error = parse_expression("1 +").unwrap_err();
    assert_eq!(
        (error.message.as_str(), error.line, error.column),
        ("invalid syntax", 1, 4)
    );
}

#[test]
fn deep_bracket_nesting_is_an_error_not_a_crash() {
    let source = format!("x = {}1{}\n", "(".repeat(300), ")".repeat(300));
    let error = parse_module(&source).unwrap_err();
    assert_eq!(error.message, "too many nested parentheses");
    let fine = format!("x = {}1{}\n", "(".repeat(100), ")".repeat(100));
    assert!(parse_module(&fine).is_ok());
}

#[test]
fn lone_surrogates_are_accepted_except_in_fstrings() {
    assert!(parse_module("s = '\\ud800' 'x' '\\U0001f600'\n").is_ok());
    let error = parse_module("s = f'\\ud800{1}'\n").unwrap_err();
    assert_eq!(
        error.message,
        "(unicode error) lone surrogates are not supported in f-strings"
    );
}
