use super::*;

/// The token kinds of `source` as short names, without the start token.
fn kinds(source: &str) -> Vec<String> {
    let tokens = tokenize(source, 0, source.len(), Mode::Module).expect("tokenizes");
    tokens[1..]
        .iter()
        .map(|(_, tok, _)| match tok {
            Tok::Newline => "NL".to_string(),
            Tok::Indent => "IN".to_string(),
            Tok::Dedent => "DE".to_string(),
            Tok::Name(n) => n.clone(),
            Tok::Int(i) => i.to_string(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn indentation_produces_indent_and_dedent() {
    let source = "if a:\n    b\n    if c:\n        d\ne\n";
    let expected = "If a Colon NL IN b NL If c Colon NL IN d NL DE DE e NL";
    assert_eq!(kinds(source).join(" "), expected);
}

#[test]
fn blank_and_comment_lines_are_ignored() {
    let source = "a\n\n   # comment\n\t\nb  # trailing\n";
    assert_eq!(kinds(source).join(" "), "a NL b NL");
}

#[test]
fn brackets_join_lines() {
    let source = "x = (1,\n  2,\n\n 3)\ny = [\n]\n";
    let expected = "x Equal LPar 1 Comma 2 Comma 3 RPar NL y Equal LSqb RSqb NL";
    assert_eq!(kinds(source).join(" "), expected);
}

#[test]
fn backslash_continues_a_line() {
    assert_eq!(
        kinds("x = 1 + \\\n    2\n").join(" "),
        "x Equal 1 Plus 2 NL"
    );
}

#[test]
fn end_of_file_closes_line_and_blocks() {
    assert_eq!(
        kinds("def f():\n  if x:\n    y").join(" "),
        "Def f LPar RPar Colon NL IN If x Colon NL IN y NL DE DE"
    );
    assert!(kinds("").is_empty());
    assert!(kinds("# only a comment\n\n").is_empty());
}

#[test]
fn tabs_indent_consistently() {
    let source = "if a:\n\tif b:\n\t\tc\n\td\n";
    let expected = "If a Colon NL IN If b Colon NL IN c NL DE d NL DE";
    assert_eq!(kinds(source).join(" "), expected);
}

#[test]
fn inconsistent_tabs_are_a_tab_error() {
    let source = "if a:\n        b\n\tc\n";
    let error = tokenize(source, 0, source.len(), Mode::Module).unwrap_err();
    assert_eq!(error.kind, crate::SyntaxErrorKind::TabError);
}

#[test]
fn expression_mode_ignores_line_structure() {
    let source = " a +\n b";
    let tokens = tokenize(source, 0, source.len(), Mode::Expression).unwrap();
    let names: Vec<_> = tokens.iter().map(|t| &t.1).collect();
    assert_eq!(
        names,
        [
            &Tok::StartExpression,
            &Tok::Name("a".into()),
            &Tok::Plus,
            &Tok::Name("b".into())
        ]
    );
}

#[test]
fn keywords_and_operators() {
    let source = "not x is not y // 2 ** 3 -> ... := @= >>=\n";
    let expected =
        "Not x Is Not y DoubleSlash 2 DoubleStar 3 RArrow Ellipsis ColonEqual AtEqual RightShiftEqual NL";
    assert_eq!(kinds(source).join(" "), expected);
}
