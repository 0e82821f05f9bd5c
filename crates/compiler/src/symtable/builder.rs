//! First half of the symbol-table pass: walks the AST, creating scopes and recording how each
//! name is used (the flags of [`super::flags`]).

use std::collections::HashMap;

use gilvm_syntax::ast::{
    self, Comprehension, Expr, ExprKind, FStringPart, Parameters, Pattern, Span, Stmt, StmtKind,
};
use gilvm_syntax::SyntaxError;

use super::flags::*;
use super::{node_key, Scope, ScopeKind, SymbolTable};
use crate::error::{mangle, SourceMap};

type BuildResult = Result<(), SyntaxError>;

struct Builder<'m, 's> {
    map: &'m SourceMap<'s>,
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    /// Open scopes, innermost last.
    stack: Vec<usize>,
}

pub(super) fn build(module: &ast::Module, map: &SourceMap) -> Result<SymbolTable, SyntaxError> {
    let mut builder = Builder {
        map,
        scopes: vec![Scope::new(ScopeKind::Module, "top", None)],
        by_node: HashMap::new(),
        stack: vec![0],
    };
    builder.visit_body(&module.body)?;
    Ok(SymbolTable {
        scopes: builder.scopes,
        by_node: builder.by_node,
    })
}

impl Builder<'_, '_> {
    fn current(&self) -> usize {
        *self.stack.last().expect("the module scope is never closed")
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.current();
        &mut self.scopes[id]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize) {
        let private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.cur().private.clone(),
        };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, private));
        let parent = self.current();
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u8, span: Span) -> BuildResult {
        let id = self.current();
        self.add_def_in(id, name, flag, span)
    }

    /// CPython's compiler refuses to bind (or delete) the name `__debug__`; `action` is
    /// `assign to` or `delete`.
    fn forbid_debug(&self, name: &str, action: &str, span: Span) -> BuildResult {
        if name == "__debug__" {
            return Err(self.map.error(span, format!("cannot {action} __debug__")));
        }
        Ok(())
    }

    fn add_def_in(&mut self, scope: usize, name: &str, flag: u8, span: Span) -> BuildResult {
        if flag & (DEF_LOCAL | DEF_PARAM) != 0 {
            self.forbid_debug(name, "assign to", span)?;
        }
        let mangled = mangle(self.scopes[scope].private.as_deref(), name);
        let symbol = self.scopes[scope].symbol_mut(&mangled);
        if flag & DEF_PARAM != 0 && symbol.flags & DEF_PARAM != 0 {
            let message = format!("duplicate argument '{name}' in function definition");
            return Err(self.map.error(span, message));
        }
        symbol.flags |= flag;
        if flag & DEF_PARAM != 0 {
            self.scopes[scope].params.push(mangled);
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> BuildResult {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> BuildResult {
        exprs.into_iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> BuildResult {
        crate::deep(|| self.visit_stmt_kind(stmt))
    }

    fn visit_stmt_kind(&mut self, stmt: &Stmt) -> BuildResult {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                self.add_def(&def.name, DEF_LOCAL, stmt.span)?;
                self.visit_defaults(&def.params)?;
                self.visit_annotations(&def.params)?;
                self.visit_exprs(&def.returns)?;
                self.visit_exprs(&def.decorators)?;
                self.enter(ScopeKind::Function, &def.name, node_key(&**def));
                self.cur().is_coroutine = def.is_async;
                self.cur().is_async_def = def.is_async;
                self.visit_params(&def.params, stmt.span)?;
                self.visit_body(&def.body)?;
                self.exit();
            }
            StmtKind::ClassDef(class) => {
                self.add_def(&class.name, DEF_LOCAL, stmt.span)?;
                self.visit_exprs(&class.bases)?;
                self.visit_exprs(class.keywords.iter().map(|k| &k.value))?;
                self.visit_exprs(&class.decorators)?;
                self.enter(ScopeKind::Class, &class.name, node_key(&**class));
                self.visit_body(&class.body)?;
                self.exit();
            }
            StmtKind::Return(value) => self.visit_exprs(value)?,
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.visit_delete(t))?,
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                targets.iter().try_for_each(|t| self.visit_target(t))?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_target(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                if let (ExprKind::Name(name), None) = (&target.kind, value) {
                    self.forbid_debug(name, "assign to", stmt.span)?;
                }
                self.visit_target(target)?;
                self.visit_expr(annotation)?;
                self.visit_exprs(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_target(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context)?;
                    if let Some(target) = &item.target {
                        self.visit_target(target)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.visit_exprs(exc)?;
                self.visit_exprs(cause)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                for handler in handlers {
                    self.visit_exprs(&handler.typ)?;
                    if let Some(name) = &handler.name {
                        self.add_def(name, DEF_LOCAL, handler.span)?;
                    }
                    self.visit_body(&handler.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_exprs(msg)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_exprs(&case.guard)?;
                    self.visit_body(&case.body)?;
                }
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.split('.').next().unwrap_or(&alias.name),
                    };
                    self.forbid_debug(bound, "assign to", stmt.span)?;
                    self.add_def(bound, DEF_LOCAL, alias.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            let msg = "import * only allowed at module level";
                            return Err(self.map.error(stmt.span, msg));
                        }
                        continue;
                    }
                    let bound = alias.asname.as_deref().unwrap_or(&alias.name);
                    self.forbid_debug(bound, "assign to", stmt.span)?;
                    self.add_def(bound, DEF_LOCAL, alias.span)?;
                }
            }
            StmtKind::Global(names) => self.declare(names, DEF_GLOBAL, stmt.span)?,
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    let msg = "nonlocal declaration not allowed at module level";
                    return Err(self.map.error(stmt.span, msg));
                }
                self.declare(names, DEF_NONLOCAL, stmt.span)?;
            }
            StmtKind::Expr(value) => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// `global`/`nonlocal`: CPython's checks against earlier uses in the same scope.
    fn declare(&mut self, names: &[String], flag: u8, span: Span) -> BuildResult {
        let what = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        for name in names {
            let mangled = mangle(self.cur().private.as_deref(), name);
            let current = self.cur().lookup(&mangled).map_or(0, |s| s.flags);
            if current & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let message = if current & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if current & USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if current & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(self.map.error(span, message));
            }
            self.add_def(name, flag, span)?;
            self.cur().symbol_mut(&mangled).declared_at = span;
        }
        Ok(())
    }

    fn visit_defaults(&mut self, params: &Parameters) -> BuildResult {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        self.visit_exprs(all.filter_map(|p| p.default.as_ref()))
    }

    /// Parameter annotations, evaluated in the scope that defines the function.
    fn visit_annotations(&mut self, params: &Parameters) -> BuildResult {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        self.visit_exprs(all.filter_map(|p| p.annotation.as_ref()))
    }

    /// Binds the parameters; a forbidden name is reported at the whole definition (`span`).
    fn visit_params(&mut self, params: &Parameters, span: Span) -> BuildResult {
        let ordered = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .chain(&params.vararg)
            .chain(&params.kwarg);
        ordered.into_iter().try_for_each(|p| {
            self.forbid_debug(&p.name, "assign to", span)?;
            self.add_def(&p.name, DEF_PARAM, p.span)
        })
    }

    /// An assignment (or `del`) target: names are bound, sub-expressions are loads.
    /// A `case` pattern: its expressions are loads, its capture names are bindings.
    fn visit_pattern(&mut self, pattern: &Pattern) -> BuildResult {
        let mut exprs = Vec::new();
        pattern.for_each_expr(&mut |e| exprs.push(e));
        self.visit_exprs(exprs)?;
        let mut names = Vec::new();
        pattern.for_each_name(&mut |name, span| names.push((name, span)));
        names
            .into_iter()
            .try_for_each(|(name, span)| self.add_def(name, DEF_LOCAL, span))
    }

    /// A `del` operand: a deleted name is local to the scope, as an assigned one is.
    fn visit_delete(&mut self, target: &Expr) -> BuildResult {
        match &target.kind {
            ExprKind::Name(name) => {
                self.forbid_debug(name, "delete", target.span)?;
                self.add_def(name, DEF_LOCAL, target.span)
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.visit_delete(e))
            }
            _ => self.visit_expr(target),
        }
    }

    fn visit_target(&mut self, target: &Expr) -> BuildResult {
        match &target.kind {
            ExprKind::Name(name) => self.add_def(name, DEF_LOCAL, target.span),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.visit_target(e))
            }
            ExprKind::Starred(inner) => self.visit_target(inner),
            ExprKind::Attribute { attr, .. } => {
                self.forbid_debug(attr, "assign to", target.span)?;
                self.visit_expr(target)
            }
            _ => self.visit_expr(target),
        }
    }

    fn visit_expr(&mut self, expr: &Expr) -> BuildResult {
        crate::deep(|| self.visit_expr_kind(expr))
    }

    fn visit_expr_kind(&mut self, expr: &Expr) -> BuildResult {
        match &expr.kind {
            ExprKind::Name(name) => {
                self.add_def(name, USE, expr.span)?;
                if name == "super" && self.cur().kind.is_function_like() {
                    self.add_def("__class__", USE, expr.span)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.visit_named_target(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { params, body } => {
                self.visit_defaults(params)?;
                self.enter(ScopeKind::Lambda, "lambda", node_key(expr));
                self.visit_params(params, expr.span)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_exprs([&**test, body, orelse])?;
            }
            ExprKind::Dict { keys, values } => {
                self.visit_exprs(keys.iter().flatten())?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                self.visit_exprs(elts)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(expr, "listcomp", generators, &[elt])?
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(expr, "setcomp", generators, &[elt])?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(expr, "genexpr", generators, &[elt])?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(expr, "dictcomp", generators, &[key, value])?,
            ExprKind::Yield(value) => {
                self.mark_generator(expr.span)?;
                self.visit_exprs(value.as_deref())?;
            }
            ExprKind::YieldFrom(value) => {
                self.mark_generator(expr.span)?;
                self.visit_expr(value)?;
            }
            ExprKind::Await(value) => {
                self.visit_expr(value)?;
                if self.cur().kind == ScopeKind::Comprehension {
                    self.cur().is_coroutine = true;
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for keyword in keywords {
                    if let Some(arg) = &keyword.arg {
                        self.forbid_debug(arg, "assign to", expr.span)?;
                    }
                    self.visit_expr(&keyword.value)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.visit_fstring(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.visit_expr(value)?;
                self.visit_expr(index)?;
            }
            ExprKind::Starred(value) => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                let parts = [lower, upper, step];
                self.visit_exprs(parts.into_iter().flatten().map(|b| &**b))?;
            }
        }
        Ok(())
    }

    fn visit_fstring(&mut self, parts: &[FStringPart]) -> BuildResult {
        for part in parts {
            if let FStringPart::Expr {
                value, format_spec, ..
            } = part
            {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, span: Span) -> BuildResult {
        let scope = self.cur();
        let message = match scope.kind {
            ScopeKind::Module | ScopeKind::Class => "'yield' outside function".to_string(),
            ScopeKind::Comprehension => {
                let what = match scope.name.as_str() {
                    "listcomp" => "list comprehension",
                    "setcomp" => "set comprehension",
                    "dictcomp" => "dict comprehension",
                    _ => "generator expression",
                };
                format!("'yield' inside {what}")
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                scope.is_generator = true;
                return Ok(());
            }
        };
        Err(self.map.error(span, message))
    }

    /// The first iterator is evaluated in the enclosing scope; the rest runs in a new
    /// function scope whose only parameter `.0` is that iterator.
    fn visit_comprehension(
        &mut self,
        expr: &Expr,
        name: &str,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> BuildResult {
        let Some(first) = generators.first() else {
            return Err(self.map.error(expr.span, "comprehension without 'for'"));
        };
        self.visit_expr(&first.iter)?;
        self.enter(ScopeKind::Comprehension, name, node_key(expr));
        let is_generator = name == "genexpr";
        self.cur().is_generator = is_generator;
        if generators.iter().any(|g| g.is_async) {
            self.cur().is_coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, expr.span)?;
        for (i, generator) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&generator.iter)?;
            }
            self.visit_target(&generator.target)?;
            self.visit_exprs(&generator.ifs)?;
        }
        self.visit_exprs(elements.iter().copied())?;
        // An async list/set/dict comprehension is awaited where it is written.
        let awaited = self.cur().is_coroutine && !is_generator;
        self.exit();
        if awaited && self.cur().kind == ScopeKind::Comprehension {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }

    /// `x := v` binds `x` in the nearest enclosing non-comprehension scope.
    fn visit_named_target(&mut self, target: &Expr) -> BuildResult {
        let ExprKind::Name(name) = &target.kind else {
            let msg = "cannot use assignment expressions with this expression";
            return Err(self.map.error(target.span, msg));
        };
        if self.cur().kind != ScopeKind::Comprehension {
            return self.add_def(name, DEF_LOCAL, target.span);
        }
        for &scope in self.stack.iter().rev() {
            match self.scopes[scope].kind {
                ScopeKind::Comprehension => continue,
                ScopeKind::Function | ScopeKind::Lambda => {
                    let mangled = mangle(self.scopes[scope].private.as_deref(), name);
                    let declared_global = self.scopes[scope]
                        .lookup(&mangled)
                        .is_some_and(|s| s.flags & DEF_GLOBAL != 0);
                    let flag = if declared_global {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.span)?;
                    return self.add_def_in(scope, name, DEF_LOCAL, target.span);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.span)?;
                    return self.add_def_in(scope, name, DEF_LOCAL, target.span);
                }
                ScopeKind::Class => break,
            }
        }
        let msg = "assignment expression within a comprehension cannot be used in a class body";
        Err(self.map.error(target.span, msg))
    }
}
