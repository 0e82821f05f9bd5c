//! Deeply nested trees: the limits that keep every later recursive pass (symbol table, code
//! generation) within bounds, and a `Drop` for [`Expr`] and [`Stmt`] that never recurses.
//!
//! The LR parser builds trees of any depth without recursing (`------…1`, `a.b.b.b…`,
//! `elif` chains), and dropping such a tree field by field would recurse once per level and
//! overflow the native stack. So:
//!
//! - [`check_module`] walks the tree with an explicit stack and rejects it, as CPython 3.11
//!   does, when it is nested too deep: `MemoryError` where CPython's parser runs out of its
//!   stack (prefix operators, `if`-`else` and `elif` chains, `lambda`, `**`), else
//!   `RecursionError: maximum recursion depth exceeded during compilation` when statements
//!   and expressions nest more than [`MAX_DEPTH`] levels.
//! - `Drop` takes a node's children out into a work list, so dropping any tree uses a
//!   bounded amount of native stack.

use crate::ast::*;
use crate::{SyntaxError, SyntaxErrorKind};

/// How deep statements and expressions may nest: CPython 3.11 compiling a file raises
/// `RecursionError` past 3,000 levels (its symbol table's limit).
pub const MAX_DEPTH: u32 = 3000;

/// The depth of CPython's parser stack at which it gives up with `MemoryError` (its
/// `MAXSTACK` of 6,000 less the frames above the first expression). Only right-nested
/// constructs use its stack, each by its own number of frames (see [`parser_cost`]).
const MAX_PARSER_DEPTH: u32 = 5967;

/// The message of CPython's `RecursionError` from the compiler.
pub const RECURSION_MESSAGE: &str = "maximum recursion depth exceeded during compilation";

/// A node of the tree, for the walk.
#[derive(Clone, Copy)]
enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// Rejects a tree nested deeper than CPython accepts; see the module docs.
pub fn check_module(module: &Module) -> Result<(), SyntaxError> {
    let mut walk = Walk::default();
    for stmt in &module.body {
        walk.push(Node::Stmt(stmt), 1, 0);
    }
    walk.run()
}

/// Rejects an expression nested deeper than CPython accepts.
pub fn check_expression(expr: &Expr) -> Result<(), SyntaxError> {
    let mut walk = Walk::default();
    walk.push(Node::Expr(expr), 1, 0);
    walk.run()
}

#[derive(Default)]
struct Walk<'a> {
    /// Nodes still to visit, with their depth and their parser depth.
    stack: Vec<(Node<'a>, u32, u32)>,
    too_deep: bool,
}

impl<'a> Walk<'a> {
    fn push(&mut self, node: Node<'a>, depth: u32, parser_depth: u32) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
        }
        self.stack.push((node, depth, parser_depth));
    }

    fn run(mut self) -> Result<(), SyntaxError> {
        let mut children = Vec::new();
        while let Some((node, depth, parser_depth)) = self.stack.pop() {
            if parser_depth > MAX_PARSER_DEPTH {
                return Err(SyntaxError::without_location(
                    SyntaxErrorKind::MemoryError,
                    "",
                ));
            }
            match node {
                Node::Stmt(stmt) => stmt_children(stmt, &mut children),
                Node::Expr(expr) => expr_children(expr, &mut children),
            }
            for (child, cost) in children.drain(..) {
                match child {
                    // Leaves (most of a long literal) need no visit of their own.
                    Node::Expr(leaf) if is_leaf(leaf) => self.too_deep |= depth >= MAX_DEPTH,
                    _ => self.push(child, depth + 1, parser_depth + cost),
                }
            }
        }
        if self.too_deep {
            let kind = SyntaxErrorKind::RecursionError;
            return Err(SyntaxError::without_location(kind, RECURSION_MESSAGE));
        }
        Ok(())
    }
}

/// How many frames of CPython's parser stack the edge from `parent` to its child `child`
/// costs (measured with CPython 3.11: `-` and `not` 1, `lambda` 2, `**` 2 per operator, a
/// lambda's default 8, an `else` branch of a conditional expression 1).
fn parser_cost(parent: &Expr, child: &Expr) -> u32 {
    match &parent.kind {
        ExprKind::UnaryOp { .. } => 1,
        ExprKind::IfExp { orelse, .. } if std::ptr::eq(&**orelse, child) => 1,
        ExprKind::Lambda { body, .. } if std::ptr::eq(&**body, child) => 2,
        ExprKind::Lambda { .. } => 8,
        ExprKind::BinOp {
            op: BinOp::Pow,
            right,
            ..
        } if std::ptr::eq(&**right, child) => 2,
        _ => 0,
    }
}

fn expr_children<'a>(expr: &'a Expr, out: &mut Vec<(Node<'a>, u32)>) {
    let mut add = |child: &'a Expr| out.push((Node::Expr(child), parser_cost(expr, child)));
    match &expr.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(add),
        ExprKind::NamedExpr { target, value } => {
            add(target);
            add(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            add(left);
            add(right);
        }
        ExprKind::UnaryOp { operand, .. } => add(operand),
        ExprKind::Lambda { params, body } => {
            params_exprs(params, &mut add);
            add(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            add(test);
            add(body);
            add(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut add);
            values.iter().for_each(add);
        }
        ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().for_each(add)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            add(elt);
            comprehension_exprs(generators, &mut add);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            add(key);
            add(value);
            comprehension_exprs(generators, &mut add);
        }
        ExprKind::Yield(value) => value.iter().for_each(|v| add(v)),
        ExprKind::YieldFrom(value) | ExprKind::Await(value) | ExprKind::Starred(value) => {
            add(value)
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            add(left);
            comparators.iter().for_each(add);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            add(func);
            args.iter().for_each(&mut add);
            keywords.iter().for_each(|k| add(&k.value));
        }
        ExprKind::JoinedStr(parts) => fstring_exprs(parts, &mut add),
        ExprKind::Attribute { value, .. } => add(value),
        ExprKind::Subscript { value, index } => {
            add(value);
            add(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                add(part);
            }
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}

fn params_exprs<'a>(params: &'a Parameters, add: &mut impl FnMut(&'a Expr)) {
    let all = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.kwonly);
    for param in all.chain(&params.vararg).chain(&params.kwarg) {
        param
            .annotation
            .iter()
            .chain(&param.default)
            .for_each(&mut *add);
    }
}

fn comprehension_exprs<'a>(generators: &'a [Comprehension], add: &mut impl FnMut(&'a Expr)) {
    for generator in generators {
        add(&generator.target);
        add(&generator.iter);
        generator.ifs.iter().for_each(&mut *add);
    }
}

fn fstring_exprs<'a>(parts: &'a [FStringPart], add: &mut impl FnMut(&'a Expr)) {
    for part in parts {
        if let FStringPart::Expr {
            value, format_spec, ..
        } = part
        {
            add(value);
            // A format spec's fields are at most two levels deep (CPython's limit).
            if let Some(spec) = format_spec {
                fstring_exprs(spec, add);
            }
        }
    }
}

fn stmt_children<'a>(stmt: &'a Stmt, out: &mut Vec<(Node<'a>, u32)>) {
    let mut expr = |e: &'a Expr| out.push((Node::Expr(e), 0));
    let mut bodies: Vec<&'a [Stmt]> = Vec::new();
    // An `elif` costs CPython's parser one frame: an `If` alone in an `orelse`.
    let mut elif: Option<&'a Stmt> = None;
    match &stmt.kind {
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().for_each(&mut expr);
            params_exprs(&def.params, &mut expr);
            def.returns.iter().for_each(&mut expr);
            bodies.push(&def.body);
        }
        StmtKind::ClassDef(class) => {
            class.decorators.iter().for_each(&mut expr);
            class.bases.iter().for_each(&mut expr);
            class.keywords.iter().for_each(|k| expr(&k.value));
            bodies.push(&class.body);
        }
        StmtKind::Return(value) => value.iter().for_each(expr),
        StmtKind::Delete(targets) => targets.iter().for_each(expr),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut expr);
            expr(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target);
            expr(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            expr(target);
            expr(annotation);
            value.iter().for_each(expr);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            expr(target);
            expr(iter);
            bodies.extend([&body[..], &orelse[..]]);
        }
        StmtKind::While { test, body, orelse } => {
            expr(test);
            bodies.extend([&body[..], &orelse[..]]);
        }
        StmtKind::If { test, body, orelse } => {
            expr(test);
            bodies.push(body);
            match &orelse[..] {
                [only @ Stmt {
                    kind: StmtKind::If { .. },
                    ..
                }] => elif = Some(only),
                _ => bodies.push(orelse),
            }
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                expr(&item.context);
                item.target.iter().for_each(&mut expr);
            }
            bodies.push(body);
        }
        StmtKind::Raise { exc, cause } => exc.iter().chain(cause).for_each(expr),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            bodies.push(body);
            for handler in handlers {
                handler.typ.iter().for_each(&mut expr);
                bodies.push(&handler.body);
            }
            bodies.extend([&orelse[..], &finalbody[..]]);
        }
        StmtKind::Assert { test, msg } => {
            expr(test);
            msg.iter().for_each(expr);
        }
        StmtKind::Expr(value) => expr(value),
        StmtKind::Match { subject, cases } => {
            expr(subject);
            for case in cases {
                case.pattern.for_each_expr(&mut expr);
                case.guard.iter().for_each(&mut expr);
                bodies.push(&case.body);
            }
        }
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
    out.extend(bodies.into_iter().flatten().map(|s| (Node::Stmt(s), 0)));
    out.extend(elif.map(|s| (Node::Stmt(s), 1)));
}

/// A node taken out of the tree while dropping it.
enum Owned {
    Stmt(Stmt),
    Expr(Expr),
}

/// Whether dropping the expression in place recurses no deeper than one level.
fn is_leaf(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Constant(_) | ExprKind::Name(_))
}

impl Drop for Expr {
    fn drop(&mut self) {
        if is_leaf(self) {
            return;
        }
        let mut work = Vec::new();
        take_expr_children(self, &mut work);
        dismantle(work);
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        if matches!(
            self.kind,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue
        ) {
            return;
        }
        let mut work = Vec::new();
        take_stmt_children(self, &mut work);
        dismantle(work);
    }
}

/// Drops the nodes of `work` and all their descendants, one at a time: each node is emptied
/// of its children (pushed onto `work`) before it is dropped, so no drop recurses.
fn dismantle(mut work: Vec<Owned>) {
    while let Some(node) = work.pop() {
        match node {
            Owned::Expr(mut expr) => take_expr_children(&mut expr, &mut work),
            Owned::Stmt(mut stmt) => take_stmt_children(&mut stmt, &mut work),
        }
    }
}

fn push_expr(work: &mut Vec<Owned>, expr: Expr) {
    if !is_leaf(&expr) {
        work.push(Owned::Expr(expr));
    }
}

fn push_exprs(work: &mut Vec<Owned>, exprs: impl IntoIterator<Item = Expr>) {
    for expr in exprs {
        push_expr(work, expr);
    }
}

fn push_stmts(work: &mut Vec<Owned>, stmts: Vec<Stmt>) {
    work.extend(stmts.into_iter().map(Owned::Stmt));
}

fn push_params(work: &mut Vec<Owned>, params: Parameters) {
    let Parameters {
        posonly,
        args,
        vararg,
        kwonly,
        kwarg,
    } = params;
    let all = posonly.into_iter().chain(args).chain(kwonly);
    for param in all.chain(vararg).chain(kwarg) {
        push_exprs(work, param.annotation.into_iter().chain(param.default));
    }
}

fn push_comprehensions(work: &mut Vec<Owned>, generators: Vec<Comprehension>) {
    for generator in generators {
        push_expr(work, generator.target);
        push_expr(work, generator.iter);
        push_exprs(work, generator.ifs);
    }
}

fn push_fstring(work: &mut Vec<Owned>, parts: Vec<FStringPart>) {
    for part in parts {
        if let FStringPart::Expr {
            value, format_spec, ..
        } = part
        {
            push_expr(work, *value);
            if let Some(spec) = format_spec {
                push_fstring(work, spec);
            }
        }
    }
}

fn take_expr_children(expr: &mut Expr, work: &mut Vec<Owned>) {
    let kind = std::mem::replace(&mut expr.kind, ExprKind::Constant(Constant::None));
    match kind {
        ExprKind::BoolOp { values, .. }
        | ExprKind::Set(values)
        | ExprKind::List(values)
        | ExprKind::Tuple(values) => push_exprs(work, values),
        ExprKind::NamedExpr {
            target: a,
            value: b,
        }
        | ExprKind::BinOp {
            left: a, right: b, ..
        }
        | ExprKind::Subscript { value: a, index: b } => push_exprs(work, [*a, *b]),
        ExprKind::UnaryOp { operand: a, .. }
        | ExprKind::YieldFrom(a)
        | ExprKind::Await(a)
        | ExprKind::Starred(a)
        | ExprKind::Attribute { value: a, .. } => push_expr(work, *a),
        ExprKind::Lambda { params, body } => {
            push_params(work, *params);
            push_expr(work, *body);
        }
        ExprKind::IfExp { test, body, orelse } => push_exprs(work, [*test, *body, *orelse]),
        ExprKind::Dict { keys, values } => {
            push_exprs(work, keys.into_iter().flatten());
            push_exprs(work, values);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            push_expr(work, *elt);
            push_comprehensions(work, generators);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            push_exprs(work, [*key, *value]);
            push_comprehensions(work, generators);
        }
        ExprKind::Yield(value) => push_exprs(work, value.map(|v| *v)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            push_expr(work, *left);
            push_exprs(work, comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            push_expr(work, *func);
            push_exprs(work, args);
            push_exprs(work, keywords.into_iter().map(|k| k.value));
        }
        ExprKind::JoinedStr(parts) => push_fstring(work, parts),
        ExprKind::Slice { lower, upper, step } => {
            push_exprs(work, [lower, upper, step].into_iter().flatten().map(|e| *e));
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}

fn take_stmt_children(stmt: &mut Stmt, work: &mut Vec<Owned>) {
    let kind = std::mem::replace(&mut stmt.kind, StmtKind::Pass);
    match kind {
        StmtKind::FunctionDef(def) => {
            let FunctionDef {
                params,
                body,
                decorators,
                returns,
                ..
            } = *def;
            push_exprs(work, decorators.into_iter().chain(returns));
            push_params(work, params);
            push_stmts(work, body);
        }
        StmtKind::ClassDef(class) => {
            let ClassDef {
                bases,
                keywords,
                body,
                decorators,
                ..
            } = *class;
            push_exprs(work, decorators.into_iter().chain(bases));
            push_exprs(work, keywords.into_iter().map(|k| k.value));
            push_stmts(work, body);
        }
        StmtKind::Return(value) => push_exprs(work, value),
        StmtKind::Delete(targets) => push_exprs(work, targets),
        StmtKind::Assign { targets, value } => {
            push_exprs(work, targets);
            push_expr(work, value);
        }
        StmtKind::AugAssign { target, value, .. } => push_exprs(work, [target, value]),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => push_exprs(work, [target, annotation].into_iter().chain(value)),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            push_exprs(work, [target, iter]);
            push_stmts(work, body);
            push_stmts(work, orelse);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            push_expr(work, test);
            push_stmts(work, body);
            push_stmts(work, orelse);
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                push_exprs(work, [item.context].into_iter().chain(item.target));
            }
            push_stmts(work, body);
        }
        StmtKind::Raise { exc, cause } => push_exprs(work, exc.into_iter().chain(cause)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            push_stmts(work, body);
            for handler in handlers {
                push_exprs(work, handler.typ);
                push_stmts(work, handler.body);
            }
            push_stmts(work, orelse);
            push_stmts(work, finalbody);
        }
        StmtKind::Assert { test, msg } => push_exprs(work, [test].into_iter().chain(msg)),
        StmtKind::Expr(value) => push_expr(work, value),
        StmtKind::Match { subject, cases } => {
            push_expr(work, subject);
            for case in cases {
                push_exprs(work, case.guard);
                push_stmts(work, case.body);
            }
        }
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}
