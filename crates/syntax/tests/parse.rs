//! Parser behaviour: precedence, statements, literals, f-strings and spans.

use gilvm_syntax::ast::*;
use gilvm_syntax::{parse_expression, parse_module};

/// A compact S-expression rendering of an expression, so tests can state tree shapes.
fn sexp(e: &Expr) -> String {
    let list = |items: &[Expr]| items.iter().map(sexp).collect::<Vec<_>>().join(" ");
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Constant(Constant::Int(i)) => i.to_string(),
        ExprKind::Constant(Constant::Float(f)) => format!("{f:?}"),
        ExprKind::Constant(Constant::Str(s)) => format!("{s:?}"),
        ExprKind::Constant(c) => format!("{c:?}"),
        ExprKind::BinOp { left, op, right } => format!("({op:?} {} {})", sexp(left), sexp(right)),
        ExprKind::UnaryOp { op, operand } => format!("({op:?} {})", sexp(operand)),
        ExprKind::BoolOp { op, values } => format!("({op:?} {})", list(values)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let rest: Vec<String> = ops
                .iter()
                .zip(comparators)
                .map(|(o, c)| format!("{o:?} {}", sexp(c)))
                .collect();
            format!("(Compare {} {})", sexp(left), rest.join(" "))
        }
        ExprKind::Tuple(elts) => format!("(Tuple {})", list(elts)),
        ExprKind::List(elts) => format!("(List {})", list(elts)),
        ExprKind::Starred(v) => format!("(Starred {})", sexp(v)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let kws: Vec<String> = keywords
                .iter()
                .map(|k| format!("{}={}", k.arg.as_deref().unwrap_or("**"), sexp(&k.value)))
                .collect();
            format!("(Call {} [{}] [{}])", sexp(func), list(args), kws.join(" "))
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("(IfExp {} {} {})", sexp(test), sexp(body), sexp(orelse))
        }
        ExprKind::Attribute { value, attr } => format!("(Attr {} {attr})", sexp(value)),
        ExprKind::Subscript { value, index } => format!("(Sub {} {})", sexp(value), sexp(index)),
        ExprKind::Slice { lower, upper, step } => {
            let part = |p: &Option<Box<Expr>>| p.as_deref().map_or("_".to_string(), sexp);
            format!("(Slice {} {} {})", part(lower), part(upper), part(step))
        }
        ExprKind::NamedExpr { target, value } => {
            format!("(Walrus {} {})", sexp(target), sexp(value))
        }
        ExprKind::Lambda { body, .. } => format!("(Lambda {})", sexp(body)),
        other => format!("{other:?}"),
    }
}

fn expr(source: &str) -> String {
    sexp(&parse_expression(source).expect("parses"))
}

fn body(source: &str) -> Vec<Stmt> {
    parse_module(source).expect("parses").body
}

#[test]
fn power_binds_tighter_than_unary_minus() {
    assert_eq!(expr("-2**2"), "(USub (Pow 2 2))");
    assert_eq!(expr("2**-1"), "(Pow 2 (USub 1))");
    assert_eq!(expr("2**3**2"), "(Pow 2 (Pow 3 2))");
}

#[test]
fn boolean_operator_precedence() {
    assert_eq!(expr("a or b and not c"), "(Or a (And b (Not c)))");
    assert_eq!(expr("a or b or c"), "(Or a b c)");
    assert_eq!(expr("not a == b"), "(Not (Compare a Eq b))");
}

#[test]
fn comparisons_chain() {
    assert_eq!(expr("1 < x <= 3"), "(Compare 1 Lt x LtE 3)");
    assert_eq!(expr("a is not b not in c"), "(Compare a IsNot b NotIn c)");
}

#[test]
fn arithmetic_and_bitwise_precedence() {
    assert_eq!(
        expr("a | b ^ c & d << e + f * g"),
        "(BitOr a (BitXor b (BitAnd c (LShift d (Add e (Mult f g))))))"
    );
    assert_eq!(expr("a - b - c"), "(Sub (Sub a b) c)");
    assert_eq!(expr("a // b % c @ d"), "(MatMult (Mod (FloorDiv a b) c) d)");
    assert_eq!(
        expr("~a.b[c](d)"),
        "(Invert (Call (Sub (Attr a b) c) [d] []))"
    );
}

#[test]
fn conditional_lambda_and_walrus() {
    assert_eq!(
        expr("a if b else c if d else e"),
        "(IfExp b a (IfExp d c e))"
    );
    assert_eq!(expr("lambda x: x if y else z"), "(Lambda (IfExp y x z))");
    assert_eq!(expr("(n := 10)"), "(Walrus n 10)");
}

#[test]
fn calls_with_every_kind_of_argument() {
    assert_eq!(
        expr("f(a, *b, c=1, **d)"),
        "(Call f [a (Starred b)] [c=1 **=d])"
    );
    let genexp = parse_expression("f(x for x in y)").unwrap();
    let ExprKind::Call { args, .. } = &genexp.kind else {
        panic!("not a call")
    };
    assert!(matches!(args[0].kind, ExprKind::GeneratorExp { .. }));
}

#[test]
fn subscripts_and_slices() {
    assert_eq!(
        expr("a[1:2, ::3]"),
        "(Sub a (Tuple (Slice 1 2 _) (Slice _ _ 3)))"
    );
    assert_eq!(expr("a[:]"), "(Sub a (Slice _ _ _))");
    assert_eq!(expr("a[i]"), "(Sub a i)");
}

#[test]
fn displays_and_tuples() {
    assert_eq!(expr("()"), "(Tuple )");
    assert_eq!(expr("1,"), "(Tuple 1)");
    assert_eq!(expr("(1, *a,)"), "(Tuple 1 (Starred a))");
    assert_eq!(expr("[1, 2,]"), "(List 1 2)");
    let dict = parse_expression("{1: 2, **m}").unwrap();
    let ExprKind::Dict { keys, values } = &dict.kind else {
        panic!("not a dict")
    };
    assert!(keys[0].is_some() && keys[1].is_none());
    assert_eq!(values.len(), 2);
    assert!(matches!(
        parse_expression("{1, *a}").unwrap().kind,
        ExprKind::Set(_)
    ));
    assert!(matches!(
        parse_expression("{}").unwrap().kind,
        ExprKind::Dict { .. }
    ));
}

#[test]
fn comprehensions_with_several_clauses() {
    let e = parse_expression("[x for x in a if x if y for z in b]").unwrap();
    let ExprKind::ListComp { generators, .. } = &e.kind else {
        panic!("not a listcomp")
    };
    assert_eq!(generators.len(), 2);
    assert_eq!(generators[0].ifs.len(), 2);
    assert!(matches!(
        parse_expression("{k: v for k, v in d}").unwrap().kind,
        ExprKind::DictComp { .. }
    ));
    assert!(matches!(
        parse_expression("{k for k in d}").unwrap().kind,
        ExprKind::SetComp { .. }
    ));
    assert!(matches!(
        parse_expression("(k for k in d)").unwrap().kind,
        ExprKind::GeneratorExp { .. }
    ));
}

#[test]
fn literals_decode() {
    assert_eq!(
        expr("0x_FF + 0o17 + 0b101 + 1_000"),
        "(Add (Add (Add 255 15) 5) 1000)"
    );
    assert_eq!(expr("1_000.5"), "1000.5");
    assert_eq!(expr(r#"'a' "b" '''c''' r'\n'"#), r#""abc\\n""#);
    assert_eq!(expr(r"'\x41\u00e9\101\t'"), "\"AéA\\t\"");
    let bytes = parse_expression(r#"b'a\x00' B"b""#).unwrap();
    assert_eq!(
        bytes.kind,
        ExprKind::Constant(Constant::Bytes(vec![b'a', 0, b'b']))
    );
    assert_eq!(expr("'a\\\nb'"), "\"ab\"");
    assert_eq!(expr("'''x\ny'''"), "\"x\\ny\"");
}

#[test]
fn fstrings_parse_fields_specs_and_self_documentation() {
    let e = parse_expression("f'a{{{x!r:>{w}}}}' 'z'").unwrap();
    let ExprKind::JoinedStr(parts) = &e.kind else {
        panic!("not an f-string")
    };
    assert_eq!(parts[0], FStringPart::Literal("a{".into()));
    let FStringPart::Expr {
        value,
        conversion,
        format_spec,
    } = &parts[1]
    else {
        panic!("no field")
    };
    assert_eq!(sexp(value), "x");
    assert_eq!(*conversion, Some('r'));
    let spec = format_spec.as_ref().expect("has a spec");
    assert_eq!(spec[0], FStringPart::Literal(">".into()));
    assert!(matches!(&spec[1], FStringPart::Expr { .. }));
    assert_eq!(parts[2], FStringPart::Literal("}z".into()));

    let e = parse_expression("f'{x = }'").unwrap();
    let ExprKind::JoinedStr(parts) = &e.kind else {
        panic!("not an f-string")
    };
    assert_eq!(parts[0], FStringPart::Literal("x = ".into()));
    assert!(matches!(
        &parts[1],
        FStringPart::Expr {
            conversion: Some('r'),
            format_spec: None,
            ..
        }
    ));
}

#[test]
fn fstring_field_spans_point_into_the_source() {
    let source = "x = f'ab{name}'";
    let stmt = &body(source)[0];
    let StmtKind::Assign { value, .. } = &stmt.kind else {
        panic!("not an assignment")
    };
    let ExprKind::JoinedStr(parts) = &value.kind else {
        panic!("not an f-string")
    };
    let FStringPart::Expr { value, .. } = &parts[1] else {
        panic!("no field")
    };
    assert_eq!(
        &source[value.span.start as usize..value.span.end as usize],
        "name"
    );
}

#[test]
fn assignments() {
    let stmts = body("a = b = 1\na, *b = x\nx += 1\nx: int = 5\n(y): int\n");
    assert!(matches!(&stmts[0].kind, StmtKind::Assign { targets, .. } if targets.len() == 2));
    let StmtKind::Assign { targets, .. } = &stmts[1].kind else {
        panic!()
    };
    assert_eq!(sexp(&targets[0]), "(Tuple a (Starred b))");
    assert!(matches!(
        &stmts[2].kind,
        StmtKind::AugAssign { op: BinOp::Add, .. }
    ));
    assert!(matches!(
        &stmts[3].kind,
        StmtKind::AnnAssign {
            simple: true,
            value: Some(_),
            ..
        }
    ));
    assert!(matches!(
        &stmts[4].kind,
        StmtKind::AnnAssign {
            simple: false,
            value: None,
            ..
        }
    ));
}

#[test]
fn elif_chains_nest() {
    let stmts = body("if a:\n  x\nelif b:\n  y\nelse:\n  z\n");
    let StmtKind::If { orelse, .. } = &stmts[0].kind else {
        panic!()
    };
    let StmtKind::If { orelse: inner, .. } = &orelse[0].kind else {
        panic!("elif is an If")
    };
    assert!(matches!(inner[0].kind, StmtKind::Expr(_)));
}

#[test]
fn function_parameters_are_sorted() {
    let stmts = body("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass\n");
    let StmtKind::FunctionDef(def) = &stmts[0].kind else {
        panic!()
    };
    let names = |ps: &[Param]| ps.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&def.params.posonly), ["a", "b"]);
    assert_eq!(names(&def.params.args), ["c"]);
    assert_eq!(def.params.vararg.as_ref().unwrap().name, "args");
    assert_eq!(names(&def.params.kwonly), ["d", "e"]);
    assert_eq!(def.params.kwarg.as_ref().unwrap().name, "kw");
    assert!(def.returns.is_some());
}

#[test]
fn imports() {
    let stmts = body("import a.b as c, d\nfrom ..m import (x as y, z,)\nfrom . import *\n");
    let StmtKind::Import(names) = &stmts[0].kind else {
        panic!()
    };
    assert_eq!(
        (names[0].name.as_str(), names[0].asname.as_deref()),
        ("a.b", Some("c"))
    );
    let StmtKind::ImportFrom {
        module,
        names,
        level,
    } = &stmts[1].kind
    else {
        panic!()
    };
    assert_eq!((module.as_deref(), names.len(), *level), (Some("m"), 2, 2));
    let StmtKind::ImportFrom {
        module: None,
        names,
        level: 1,
    } = &stmts[2].kind
    else {
        panic!()
    };
    assert_eq!(names[0].name, "*");
}

#[test]
fn one_line_blocks_and_semicolons() {
    let stmts = body("if x: a = 1; b = 2\nwhile y: pass\n");
    let StmtKind::If { body, .. } = &stmts[0].kind else {
        panic!()
    };
    assert_eq!(body.len(), 2);
    assert_eq!(stmts.len(), 2);
}

#[test]
fn statement_spans_cover_their_source() {
    let source = "def f():\n    return 1\n\n# trailing comment\nx = [1,\n  2]\n";
    let stmts = body(source);
    let text = |s: &Stmt| &source[s.span.start as usize..s.span.end as usize];
    assert_eq!(text(&stmts[0]), "def f():\n    return 1");
    assert_eq!(text(&stmts[1]), "x = [1,\n  2]");
}

#[test]
fn windows_line_breaks_are_normalised() {
    let stmts = body("x = '''a\r\nb'''\r\ny = 2\r\n");
    let StmtKind::Assign { value, .. } = &stmts[0].kind else {
        panic!()
    };
    assert_eq!(sexp(value), "\"a\\nb\"");
    assert_eq!(stmts.len(), 2);
}
