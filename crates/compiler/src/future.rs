//! `from __future__ import ...`: CPython's `future.c` checks, made before the symbol table.
//! Every feature CPython 3.11 knows is accepted (they are all mandatory by now, and
//! `annotations` is accepted without turning annotations into strings).

use gilvm_syntax::ast::{self, ExprKind, Stmt, StmtKind};
use gilvm_syntax::{SyntaxError, SyntaxErrorKind};

use crate::error::SourceMap;

const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_future_import(stmt: &Stmt) -> Option<&[ast::Alias]> {
    match &stmt.kind {
        StmtKind::ImportFrom {
            module: Some(module),
            names,
            level: 0,
        } if module == "__future__" => Some(names),
        _ => None,
    }
}

/// Future imports name known features and come first (after a docstring).
pub(crate) fn check(module: &ast::Module, map: &SourceMap) -> Result<(), SyntaxError> {
    let mut done = false;
    for (i, stmt) in module.body.iter().enumerate() {
        let Some(names) = is_future_import(stmt) else {
            let docstring = i == 0
                && matches!(&stmt.kind, StmtKind::Expr(e)
                    if matches!(e.kind, ExprKind::Constant(ast::Constant::Str(_))));
            done |= !docstring;
            continue;
        };
        if done {
            let message = "from __future__ imports must occur at the beginning of the file";
            return Err(map.error(stmt.span, message));
        }
        for alias in names {
            let message = match alias.name.as_str() {
                name if FEATURES.contains(&name) => continue,
                "braces" => "not a chance".to_string(),
                name => format!("future feature {name} is not defined"),
            };
            // CPython points at the statement's start without a range.
            let location = map.location(stmt.span);
            let mut error = SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                message,
                location.line,
                location.col + 1,
            );
            error.end_column = 0;
            return Err(error);
        }
    }
    Ok(())
}
