//! `ast.parse`: gilvm's syntax tree (`gilvm_syntax::ast`) as CPython's `ast` node objects,
//! instances of the classes of `_ast.py`, with CPython's positions (1-based lines, 0-based
//! columns counted in UTF-8 bytes).

use std::collections::HashMap;

use gilvm_syntax::ast::{
    Alias, Comprehension, Constant, ExceptHandler, Expr, ExprKind, FStringPart, Keyword, MatchCase,
    Param, Parameters, Pattern, PatternKind, Span, Stmt, StmtKind, WithItem,
};

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::typeobj::Instance;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::{dict_get, Dict};

/// The expression context CPython records on names, attributes, subscripts and displays.
#[derive(Clone, Copy)]
enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    fn name(self) -> &'static str {
        match self {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        }
    }
}

/// Builds node objects for one parsed source.
pub struct ToPy<'s> {
    /// The namespace of `_ast`, where the node classes are.
    classes: ObjRef,
    source: &'s str,
    /// Byte offset of each line's start.
    line_starts: Vec<u32>,
    /// Spans count from this byte of `source` (`eval` skips leading blanks).
    offset: u32,
    /// One instance per class without fields (`Load()`, `Add()`), shared as CPython does.
    singletons: HashMap<&'static str, Value>,
}

type R = PyResult<Value>;

impl<'s> ToPy<'s> {
    pub fn new(classes: ObjRef, source: &'s str, offset: u32) -> ToPy<'s> {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        ToPy {
            classes,
            source,
            line_starts,
            offset,
            singletons: HashMap::new(),
        }
    }

    /// 1-based line and 0-based byte column of a byte offset (relative to `offset`).
    fn position(&self, at: u32) -> (Value, Value) {
        let at = (at + self.offset).min(self.source.len() as u32);
        let line = self.line_starts.partition_point(|&s| s <= at);
        let start = self.line_starts[line.max(1) - 1];
        (Value::Int(line as i64), Value::Int((at - start) as i64))
    }

    /// Where a node's text ends: the parser's spans may run on over the blanks before the
    /// next token, where CPython's end at the node's last character.
    fn trimmed_end(&self, span: Span) -> u32 {
        let text = self.source.as_bytes();
        let start = span.start + self.offset;
        let mut end = (span.end + self.offset).min(text.len() as u32).max(start);
        while end > start && text[end as usize - 1].is_ascii_whitespace() {
            end -= 1;
        }
        end - self.offset
    }

    /// A statement's span as CPython gives it: a compound statement ends where the last
    /// statement of its last block ends (not after a comment that follows).
    fn stmt_span(&self, s: &Stmt) -> Span {
        Span {
            start: s.span.start,
            end: self.stmt_end(s),
        }
    }

    fn stmt_end(&self, s: &Stmt) -> u32 {
        let last_block: Option<&[Stmt]> = match &s.kind {
            StmtKind::FunctionDef(f) => Some(&f.body),
            StmtKind::ClassDef(c) => Some(&c.body),
            StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::If { body, orelse, .. } => {
                Some(if orelse.is_empty() { body } else { orelse })
            }
            StmtKind::With { body, .. } => Some(body),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => Some(if !finalbody.is_empty() {
                finalbody
            } else if !orelse.is_empty() {
                orelse
            } else {
                handlers.last().map_or(body, |h| &h.body)
            }),
            StmtKind::Match { cases, .. } => cases.last().map(|c| &c.body[..]),
            _ => None,
        };
        match last_block.and_then(|b| b.last()) {
            Some(last) => self.stmt_end(last),
            None => self.trimmed_end(s.span),
        }
    }

    /// A generator expression that is a call's only argument: CPython's span takes in the
    /// call's parentheses, `f(x for x in y)`.
    fn call_genexp_span(&self, call: Span, func: &Expr, arg: &Expr) -> Span {
        let text = self.source.as_bytes();
        let at = |o: u32| text.get((o + self.offset) as usize).copied();
        // Without parentheses of its own, the parser's span starts with the element.
        match &arg.kind {
            ExprKind::GeneratorExp { elt, .. } if elt.span.start == arg.span.start => {}
            _ => return arg.span,
        }
        let paren = (func.span.end..arg.span.start).find(|&o| at(o) == Some(b'('));
        match paren {
            Some(start) => Span {
                start,
                end: call.end,
            },
            None => arg.span,
        }
    }

    fn class(&self, ts: &ThreadState, name: &str) -> PyResult<ObjRef> {
        match dict_get(&self.classes, &Value::new_str(name)) {
            Some(Value::Obj(c)) if matches!(&*c, Obj::Type(_)) => Ok(c),
            _ => Err(ts.type_error(format!("_ast.{name} is not a class"))),
        }
    }

    /// A node of class `name` with `fields`, and positions when it has a span.
    fn node<const N: usize>(
        &mut self,
        ts: &ThreadState,
        name: &str,
        fields: [(&str, Value); N],
        span: Option<Span>,
    ) -> R {
        let class = self.class(ts, name)?;
        let mut d = Dict::new();
        for (k, v) in fields {
            d.set_str(k, v);
        }
        if let Some(span) = span {
            let (line, col) = self.position(span.start);
            let (end_line, end_col) = self.position(self.trimmed_end(span));
            d.set_str("lineno", line);
            d.set_str("col_offset", col);
            d.set_str("end_lineno", end_line);
            d.set_str("end_col_offset", end_col);
        }
        Ok(Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
            class, d, None,
        )))))
    }

    /// The shared instance of a class without fields.
    fn singleton(&mut self, ts: &ThreadState, name: &'static str) -> R {
        if let Some(v) = self.singletons.get(name) {
            return Ok(v.clone());
        }
        let v = self.node(ts, name, [], None)?;
        self.singletons.insert(name, v.clone());
        Ok(v)
    }

    fn list<T>(&mut self, items: &[T], f: impl Fn(&mut Self, &T) -> R) -> R {
        let items = items.iter().map(|i| f(self, i)).collect::<PyResult<_>>()?;
        Ok(Value::new_list(items))
    }

    fn option<T>(&mut self, item: Option<&T>, f: impl FnOnce(&mut Self, &T) -> R) -> R {
        item.map_or(Ok(Value::None), |i| f(self, i))
    }

    fn body(&mut self, ts: &ThreadState, body: &[Stmt]) -> R {
        self.list(body, |b, s| b.stmt(ts, s))
    }

    fn exprs(&mut self, ts: &ThreadState, exprs: &[Expr], ctx: Ctx) -> R {
        self.list(exprs, |b, e| b.expr(ts, e, ctx))
    }

    fn names(names: &[String]) -> Value {
        Value::new_list(names.iter().map(Value::new_str).collect())
    }

    fn opt_str(s: Option<&String>) -> Value {
        s.map_or(Value::None, Value::new_str)
    }

    /// `Module`, `Expression` or `Interactive`, as `mode` asks.
    pub fn module(&mut self, ts: &ThreadState, body: &[Stmt], mode: &str) -> R {
        match (mode, body) {
            (
                "eval",
                [Stmt {
                    kind: StmtKind::Expr(e),
                    ..
                }],
            ) => {
                let e = self.expr(ts, e, Ctx::Load)?;
                self.node(ts, "Expression", [("body", e)], None)
            }
            ("single", _) => {
                let body = self.body(ts, body)?;
                self.node(ts, "Interactive", [("body", body)], None)
            }
            _ => {
                let body = self.body(ts, body)?;
                let ignores = Value::new_list(vec![]);
                self.node(
                    ts,
                    "Module",
                    [("body", body), ("type_ignores", ignores)],
                    None,
                )
            }
        }
    }

    fn stmt(&mut self, ts: &ThreadState, s: &Stmt) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_kind(ts, s))
    }

    fn stmt_kind(&mut self, ts: &ThreadState, s: &Stmt) -> R {
        let span = Some(self.stmt_span(s));
        let none = || Value::None;
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                let name = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                let args = self.arguments(ts, &f.params)?;
                let body = self.body(ts, &f.body)?;
                let decorators = self.exprs(ts, &f.decorators, Ctx::Load)?;
                let returns = self.option(f.returns.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
                let fields = [
                    ("name", Value::new_str(&f.name)),
                    ("args", args),
                    ("body", body),
                    ("decorator_list", decorators),
                    ("returns", returns),
                    ("type_comment", none()),
                ];
                self.node(ts, name, fields, span)
            }
            StmtKind::ClassDef(c) => {
                let bases = self.exprs(ts, &c.bases, Ctx::Load)?;
                let keywords = self.list(&c.keywords, |b, k| b.keyword(ts, k))?;
                let body = self.body(ts, &c.body)?;
                let decorators = self.exprs(ts, &c.decorators, Ctx::Load)?;
                let fields = [
                    ("name", Value::new_str(&c.name)),
                    ("bases", bases),
                    ("keywords", keywords),
                    ("body", body),
                    ("decorator_list", decorators),
                ];
                self.node(ts, "ClassDef", fields, span)
            }
            StmtKind::Return(value) => {
                let value = self.option(value.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
                self.node(ts, "Return", [("value", value)], span)
            }
            StmtKind::Delete(targets) => {
                let targets = self.exprs(ts, targets, Ctx::Del)?;
                self.node(ts, "Delete", [("targets", targets)], span)
            }
            StmtKind::Assign { targets, value } => {
                let targets = self.exprs(ts, targets, Ctx::Store)?;
                let value = self.expr(ts, value, Ctx::Load)?;
                let fields = [
                    ("targets", targets),
                    ("value", value),
                    ("type_comment", none()),
                ];
                self.node(ts, "Assign", fields, span)
            }
            StmtKind::AugAssign { target, op, value } => {
                let target = self.expr(ts, target, Ctx::Store)?;
                let op = self.singleton(ts, bin_op(*op))?;
                let value = self.expr(ts, value, Ctx::Load)?;
                let fields = [("target", target), ("op", op), ("value", value)];
                self.node(ts, "AugAssign", fields, span)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let target = self.expr(ts, target, Ctx::Store)?;
                let annotation = self.expr(ts, annotation, Ctx::Load)?;
                let value = self.option(value.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
                let fields = [
                    ("target", target),
                    ("annotation", annotation),
                    ("value", value),
                    ("simple", Value::Int(*simple as i64)),
                ];
                self.node(ts, "AnnAssign", fields, span)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                let name = if *is_async { "AsyncFor" } else { "For" };
                let fields = [
                    ("target", self.expr(ts, target, Ctx::Store)?),
                    ("iter", self.expr(ts, iter, Ctx::Load)?),
                    ("body", self.body(ts, body)?),
                    ("orelse", self.body(ts, orelse)?),
                    ("type_comment", none()),
                ];
                self.node(ts, name, fields, span)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let name = match s.kind {
                    StmtKind::While { .. } => "While",
                    _ => "If",
                };
                let fields = [
                    ("test", self.expr(ts, test, Ctx::Load)?),
                    ("body", self.body(ts, body)?),
                    ("orelse", self.body(ts, orelse)?),
                ];
                self.node(ts, name, fields, span)
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                let name = if *is_async { "AsyncWith" } else { "With" };
                let fields = [
                    ("items", self.list(items, |b, i| b.with_item(ts, i))?),
                    ("body", self.body(ts, body)?),
                    ("type_comment", none()),
                ];
                self.node(ts, name, fields, span)
            }
            StmtKind::Raise { exc, cause } => {
                let exc = self.option(exc.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
                let cause = self.option(cause.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
                self.node(ts, "Raise", [("exc", exc), ("cause", cause)], span)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let fields = [
                    ("body", self.body(ts, body)?),
                    ("handlers", self.list(handlers, |b, h| b.handler(ts, h))?),
                    ("orelse", self.body(ts, orelse)?),
                    ("finalbody", self.body(ts, finalbody)?),
                ];
                self.node(ts, "Try", fields, span)
            }
            StmtKind::Assert { test, msg } => {
                let test = self.expr(ts, test, Ctx::Load)?;
                let msg = self.option(msg.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
                self.node(ts, "Assert", [("test", test), ("msg", msg)], span)
            }
            StmtKind::Import(names) => {
                let names = self.list(names, |b, a| b.alias(ts, a))?;
                self.node(ts, "Import", [("names", names)], span)
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let fields = [
                    ("module", Self::opt_str(module.as_ref())),
                    ("names", self.list(names, |b, a| b.alias(ts, a))?),
                    ("level", Value::Int(*level as i64)),
                ];
                self.node(ts, "ImportFrom", fields, span)
            }
            StmtKind::Match { subject, cases } => {
                let subject = self.expr(ts, subject, Ctx::Load)?;
                let cases = self.list(cases, |b, c| b.match_case(ts, c))?;
                self.node(ts, "Match", [("subject", subject), ("cases", cases)], span)
            }
            StmtKind::Global(names) => {
                self.node(ts, "Global", [("names", Self::names(names))], span)
            }
            StmtKind::Nonlocal(names) => {
                self.node(ts, "Nonlocal", [("names", Self::names(names))], span)
            }
            StmtKind::Expr(e) => {
                let value = self.expr(ts, e, Ctx::Load)?;
                self.node(ts, "Expr", [("value", value)], span)
            }
            StmtKind::Pass => self.node(ts, "Pass", [], span),
            StmtKind::Break => self.node(ts, "Break", [], span),
            StmtKind::Continue => self.node(ts, "Continue", [], span),
        }
    }

    fn arguments(&mut self, ts: &ThreadState, p: &Parameters) -> R {
        let positional = p.posonly.iter().chain(&p.args);
        let defaults: Vec<&Expr> = positional.filter_map(|a| a.default.as_ref()).collect();
        let defaults = self.list(&defaults, |b, e| b.expr(ts, e, Ctx::Load))?;
        let kw_defaults = self.list(&p.kwonly, |b, a| {
            b.option(a.default.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))
        })?;
        let fields = [
            ("posonlyargs", self.list(&p.posonly, |b, a| b.arg(ts, a))?),
            ("args", self.list(&p.args, |b, a| b.arg(ts, a))?),
            (
                "vararg",
                self.option(p.vararg.as_ref(), |b, a| b.arg(ts, a))?,
            ),
            ("kwonlyargs", self.list(&p.kwonly, |b, a| b.arg(ts, a))?),
            ("kw_defaults", kw_defaults),
            ("kwarg", self.option(p.kwarg.as_ref(), |b, a| b.arg(ts, a))?),
            ("defaults", defaults),
        ];
        self.node(ts, "arguments", fields, None)
    }

    fn arg(&mut self, ts: &ThreadState, a: &Param) -> R {
        let annotation = self.option(a.annotation.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?;
        let fields = [
            ("arg", Value::new_str(&a.name)),
            ("annotation", annotation),
            ("type_comment", Value::None),
        ];
        self.node(ts, "arg", fields, Some(a.span))
    }

    fn keyword(&mut self, ts: &ThreadState, k: &Keyword) -> R {
        let value = self.expr(ts, &k.value, Ctx::Load)?;
        let fields = [("arg", Self::opt_str(k.arg.as_ref())), ("value", value)];
        self.node(ts, "keyword", fields, Some(k.span))
    }

    fn alias(&mut self, ts: &ThreadState, a: &Alias) -> R {
        let fields = [
            ("name", Value::new_str(&a.name)),
            ("asname", Self::opt_str(a.asname.as_ref())),
        ];
        self.node(ts, "alias", fields, Some(a.span))
    }

    fn with_item(&mut self, ts: &ThreadState, i: &WithItem) -> R {
        let context = self.expr(ts, &i.context, Ctx::Load)?;
        let vars = self.option(i.target.as_ref(), |b, e| b.expr(ts, e, Ctx::Store))?;
        let fields = [("context_expr", context), ("optional_vars", vars)];
        self.node(ts, "withitem", fields, None)
    }

    fn handler(&mut self, ts: &ThreadState, h: &ExceptHandler) -> R {
        let fields = [
            (
                "type",
                self.option(h.typ.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?,
            ),
            ("name", Self::opt_str(h.name.as_ref())),
            ("body", self.body(ts, &h.body)?),
        ];
        let end = h.body.last().map_or(h.span.end, |s| self.stmt_end(s));
        let span = Span {
            start: h.span.start,
            end,
        };
        self.node(ts, "ExceptHandler", fields, Some(span))
    }

    fn match_case(&mut self, ts: &ThreadState, c: &MatchCase) -> R {
        let fields = [
            ("pattern", self.pattern(ts, &c.pattern)?),
            (
                "guard",
                self.option(c.guard.as_ref(), |b, e| b.expr(ts, e, Ctx::Load))?,
            ),
            ("body", self.body(ts, &c.body)?),
        ];
        self.node(ts, "match_case", fields, None)
    }

    fn comprehension(&mut self, ts: &ThreadState, c: &Comprehension) -> R {
        let fields = [
            ("target", self.expr(ts, &c.target, Ctx::Store)?),
            ("iter", self.expr(ts, &c.iter, Ctx::Load)?),
            ("ifs", self.exprs(ts, &c.ifs, Ctx::Load)?),
            ("is_async", Value::Int(c.is_async as i64)),
        ];
        self.node(ts, "comprehension", fields, None)
    }

    fn patterns(&mut self, ts: &ThreadState, patterns: &[Pattern]) -> R {
        self.list(patterns, |b, p| b.pattern(ts, p))
    }

    fn pattern(&mut self, ts: &ThreadState, p: &Pattern) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.pattern_kind(ts, p))
    }

    fn pattern_kind(&mut self, ts: &ThreadState, p: &Pattern) -> R {
        let span = Some(p.span);
        match &p.kind {
            PatternKind::Value(e) => {
                let value = self.expr(ts, e, Ctx::Load)?;
                self.node(ts, "MatchValue", [("value", value)], span)
            }
            PatternKind::Singleton(c) => {
                self.node(ts, "MatchSingleton", [("value", constant(c))], span)
            }
            PatternKind::Sequence(patterns) => {
                let patterns = self.patterns(ts, patterns)?;
                self.node(ts, "MatchSequence", [("patterns", patterns)], span)
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                let fields = [
                    ("keys", self.exprs(ts, keys, Ctx::Load)?),
                    ("patterns", self.patterns(ts, patterns)?),
                    ("rest", Self::opt_str(rest.as_ref())),
                ];
                self.node(ts, "MatchMapping", fields, span)
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let fields = [
                    ("cls", self.expr(ts, cls, Ctx::Load)?),
                    ("patterns", self.patterns(ts, patterns)?),
                    ("kwd_attrs", Self::names(kwd_attrs)),
                    ("kwd_patterns", self.patterns(ts, kwd_patterns)?),
                ];
                self.node(ts, "MatchClass", fields, span)
            }
            PatternKind::Star(name) => self.node(
                ts,
                "MatchStar",
                [("name", Self::opt_str(name.as_ref()))],
                span,
            ),
            PatternKind::As { pattern, name } => {
                let pattern = self.option(pattern.as_deref(), |b, p| b.pattern(ts, p))?;
                let fields = [("pattern", pattern), ("name", Self::opt_str(name.as_ref()))];
                self.node(ts, "MatchAs", fields, span)
            }
            PatternKind::Or(patterns) => {
                let patterns = self.patterns(ts, patterns)?;
                self.node(ts, "MatchOr", [("patterns", patterns)], span)
            }
        }
    }

    fn expr(&mut self, ts: &ThreadState, e: &Expr, ctx: Ctx) -> R {
        self.expr_at(ts, e, ctx, e.span)
    }

    /// The node of `e`, placed at `span`.
    fn expr_at(&mut self, ts: &ThreadState, e: &Expr, ctx: Ctx, span: Span) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_kind(ts, e, ctx, span))
    }

    fn load(&mut self, ts: &ThreadState, e: &Expr) -> R {
        self.expr(ts, e, Ctx::Load)
    }

    fn generators(&mut self, ts: &ThreadState, generators: &[Comprehension]) -> R {
        self.list(generators, |b, c| b.comprehension(ts, c))
    }

    fn expr_kind(&mut self, ts: &ThreadState, e: &Expr, ctx: Ctx, span: Span) -> R {
        let span = Some(span);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let op = self.singleton(ts, bool_op(*op))?;
                let values = self.exprs(ts, values, Ctx::Load)?;
                self.node(ts, "BoolOp", [("op", op), ("values", values)], span)
            }
            ExprKind::NamedExpr { target, value } => {
                let target = self.expr(ts, target, Ctx::Store)?;
                let value = self.load(ts, value)?;
                self.node(
                    ts,
                    "NamedExpr",
                    [("target", target), ("value", value)],
                    span,
                )
            }
            ExprKind::BinOp { left, op, right } => {
                let left = self.load(ts, left)?;
                let op = self.singleton(ts, bin_op(*op))?;
                let right = self.load(ts, right)?;
                let fields = [("left", left), ("op", op), ("right", right)];
                self.node(ts, "BinOp", fields, span)
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = self.singleton(ts, unary_op(*op))?;
                let operand = self.load(ts, operand)?;
                self.node(ts, "UnaryOp", [("op", op), ("operand", operand)], span)
            }
            ExprKind::Lambda { params, body } => {
                let args = self.arguments(ts, params)?;
                let body = self.load(ts, body)?;
                self.node(ts, "Lambda", [("args", args), ("body", body)], span)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let fields = [
                    ("test", self.load(ts, test)?),
                    ("body", self.load(ts, body)?),
                    ("orelse", self.load(ts, orelse)?),
                ];
                self.node(ts, "IfExp", fields, span)
            }
            ExprKind::Dict { keys, values } => {
                let keys = self.list(keys, |b, k| b.option(k.as_ref(), |b, k| b.load(ts, k)))?;
                let values = self.exprs(ts, values, Ctx::Load)?;
                self.node(ts, "Dict", [("keys", keys), ("values", values)], span)
            }
            ExprKind::Set(elts) => {
                let elts = self.exprs(ts, elts, Ctx::Load)?;
                self.node(ts, "Set", [("elts", elts)], span)
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let elt = self.load(ts, elt)?;
                let generators = self.generators(ts, generators)?;
                self.node(ts, name, [("elt", elt), ("generators", generators)], span)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let fields = [
                    ("key", self.load(ts, key)?),
                    ("value", self.load(ts, value)?),
                    ("generators", self.generators(ts, generators)?),
                ];
                self.node(ts, "DictComp", fields, span)
            }
            ExprKind::Yield(value) => {
                let value = self.option(value.as_deref(), |b, e| b.load(ts, e))?;
                self.node(ts, "Yield", [("value", value)], span)
            }
            ExprKind::YieldFrom(value) | ExprKind::Await(value) => {
                let name = match e.kind {
                    ExprKind::YieldFrom(_) => "YieldFrom",
                    _ => "Await",
                };
                let value = self.load(ts, value)?;
                self.node(ts, name, [("value", value)], span)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let left = self.load(ts, left)?;
                let ops = self.list(ops, |b, op| b.singleton(ts, cmp_op(*op)))?;
                let comparators = self.exprs(ts, comparators, Ctx::Load)?;
                let fields = [("left", left), ("ops", ops), ("comparators", comparators)];
                self.node(ts, "Compare", fields, span)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let args = match (&args[..], keywords.is_empty()) {
                    ([arg], true) => {
                        let span = self.call_genexp_span(e.span, func, arg);
                        Value::new_list(vec![self.expr_at(ts, arg, Ctx::Load, span)?])
                    }
                    _ => self.exprs(ts, args, Ctx::Load)?,
                };
                let fields = [
                    ("func", self.load(ts, func)?),
                    ("args", args),
                    ("keywords", self.list(keywords, |b, k| b.keyword(ts, k))?),
                ];
                self.node(ts, "Call", fields, span)
            }
            ExprKind::JoinedStr(parts) => self.joined_str(ts, parts, e.span),
            ExprKind::Constant(c) => self.node(
                ts,
                "Constant",
                [("value", constant(c)), ("kind", Value::None)],
                span,
            ),
            ExprKind::Attribute { value, attr } => {
                let fields = [
                    ("value", self.load(ts, value)?),
                    ("attr", Value::new_str(attr)),
                    ("ctx", self.singleton(ts, ctx.name())?),
                ];
                self.node(ts, "Attribute", fields, span)
            }
            ExprKind::Subscript { value, index } => {
                let fields = [
                    ("value", self.load(ts, value)?),
                    ("slice", self.load(ts, index)?),
                    ("ctx", self.singleton(ts, ctx.name())?),
                ];
                self.node(ts, "Subscript", fields, span)
            }
            ExprKind::Starred(value) => {
                let value = self.expr(ts, value, ctx)?;
                let ctx = self.singleton(ts, ctx.name())?;
                self.node(ts, "Starred", [("value", value), ("ctx", ctx)], span)
            }
            ExprKind::Name(id) => {
                let ctx = self.singleton(ts, ctx.name())?;
                self.node(ts, "Name", [("id", Value::new_str(id)), ("ctx", ctx)], span)
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                let name = match e.kind {
                    ExprKind::List(_) => "List",
                    _ => "Tuple",
                };
                let elts = self.exprs(ts, elts, ctx)?;
                let ctx = self.singleton(ts, ctx.name())?;
                self.node(ts, name, [("elts", elts), ("ctx", ctx)], span)
            }
            ExprKind::Slice { lower, upper, step } => {
                let fields = [
                    (
                        "lower",
                        self.option(lower.as_deref(), |b, e| b.load(ts, e))?,
                    ),
                    (
                        "upper",
                        self.option(upper.as_deref(), |b, e| b.load(ts, e))?,
                    ),
                    ("step", self.option(step.as_deref(), |b, e| b.load(ts, e))?),
                ];
                self.node(ts, "Slice", fields, span)
            }
        }
    }

    /// An f-string: its literal parts are `Constant`s and its replacement fields
    /// `FormattedValue`s, all at the f-string's position (as CPython 3.11 places them).
    fn joined_str(&mut self, ts: &ThreadState, parts: &[FStringPart], span: Span) -> R {
        let values = self.list(parts, |b, part| match part {
            FStringPart::Literal(s) => {
                let fields = [("value", Value::new_str(s)), ("kind", Value::None)];
                b.node(ts, "Constant", fields, Some(span))
            }
            FStringPart::Expr {
                value,
                conversion,
                format_spec,
            } => {
                let value = b.load(ts, value)?;
                let conversion = Value::Int(conversion.map_or(-1, |c| c as i64));
                let spec = match format_spec {
                    Some(spec) => b.joined_str(ts, spec, span)?,
                    None => Value::None,
                };
                let fields = [
                    ("value", value),
                    ("conversion", conversion),
                    ("format_spec", spec),
                ];
                b.node(ts, "FormattedValue", fields, Some(span))
            }
        })?;
        self.node(ts, "JoinedStr", [("values", values)], Some(span))
    }
}

fn constant(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Obj(ObjRef::new(Obj::Ellipsis)),
        Constant::Int(i) => crate::objects::int::from_big(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => crate::objects::complex::new_complex(
            crate::objects::complex::Complex::new(*real, *imag),
        ),
        Constant::Str(s) => Value::new_str(s),
        Constant::SurrogateStr(p) => Value::from_pystr(
            crate::objects::str::PyStr::from_code_points(p.iter().copied()),
        ),
        Constant::Bytes(b) => Value::Obj(ObjRef::new(Obj::Bytes(b.clone().into_boxed_slice()))),
    }
}

pub(super) fn bin_op(op: gilvm_syntax::ast::BinOp) -> &'static str {
    use gilvm_syntax::ast::BinOp::*;
    match op {
        Add => "Add",
        Sub => "Sub",
        Mult => "Mult",
        MatMult => "MatMult",
        Div => "Div",
        FloorDiv => "FloorDiv",
        Mod => "Mod",
        Pow => "Pow",
        LShift => "LShift",
        RShift => "RShift",
        BitOr => "BitOr",
        BitXor => "BitXor",
        BitAnd => "BitAnd",
    }
}

pub(super) fn unary_op(op: gilvm_syntax::ast::UnaryOp) -> &'static str {
    use gilvm_syntax::ast::UnaryOp::*;
    match op {
        Invert => "Invert",
        Not => "Not",
        UAdd => "UAdd",
        USub => "USub",
    }
}

pub(super) fn bool_op(op: gilvm_syntax::ast::BoolOp) -> &'static str {
    match op {
        gilvm_syntax::ast::BoolOp::And => "And",
        gilvm_syntax::ast::BoolOp::Or => "Or",
    }
}

pub(super) fn cmp_op(op: gilvm_syntax::ast::CmpOp) -> &'static str {
    use gilvm_syntax::ast::CmpOp::*;
    match op {
        Eq => "Eq",
        NotEq => "NotEq",
        Lt => "Lt",
        LtE => "LtE",
        Gt => "Gt",
        GtE => "GtE",
        Is => "Is",
        IsNot => "IsNot",
        In => "In",
        NotIn => "NotIn",
    }
}
