//! `compile(tree, filename, mode)`: a tree of `ast` node objects back into gilvm's syntax tree,
//! then compiled. Nodes carry line and column numbers but no source text, so each span indexes
//! a table of the positions read (`gilvm_compiler::compile_positioned`).

use std::sync::Arc;

use gilvm_compiler::bytecode::CodeObject;
use gilvm_compiler::Mode;
use gilvm_syntax::ast::{
    Alias, BinOp, BoolOp, ClassDef, CmpOp, Comprehension, Constant, ExceptHandler, Expr, ExprKind,
    FStringPart, FunctionDef, Keyword, MatchCase, Module, Param, Parameters, Pattern, PatternKind,
    Span, Stmt, StmtKind, UnaryOp, WithItem,
};

use super::to_py::{bin_op, bool_op, cmp_op, unary_op};
use crate::interp::exceptions::syntax_error;
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::dict_get;
use crate::protocol::{attr, iter};

/// How deep a tree may nest before `compile` gives up with `RecursionError` (a cyclic tree
/// nests forever).
const MAX_DEPTH: usize = 3000;

struct FromPy<'t> {
    ts: &'t mut ThreadState,
    /// The namespace of `_ast`: a node's kind is the first class of its MRO found there.
    classes: ObjRef,
    /// `(line, column)` pairs the spans index.
    positions: Vec<(u32, u32)>,
    depth: usize,
}

type P<T> = PyResult<T>;

/// Compiles the tree `tree` (`Module` for `exec`, `Expression` for `eval`, `Interactive` for
/// `single`) into code.
pub fn compile_tree(
    ts: &mut ThreadState,
    classes: ObjRef,
    tree: &Value,
    filename: &str,
    mode: Mode,
) -> P<Arc<CodeObject>> {
    let mut b = FromPy {
        ts,
        classes,
        positions: vec![(1, 0)],
        depth: 0,
    };
    let expected = match mode {
        Mode::Exec => "Module",
        Mode::Eval => "Expression",
        Mode::Single => "Interactive",
    };
    let mut kind = b.kind(tree)?;
    if kind.is_empty() {
        kind = type_name(b.ts, tree).to_string();
    }
    if kind != expected {
        return Err(b
            .ts
            .type_error(format!("expected {expected} node, got {kind}")));
    }
    let module = if mode == Mode::Eval {
        let body = b.field(tree, "body", "Expression")?;
        let e = b.expr(&body)?;
        let span = e.span;
        let kind = StmtKind::Expr(e);
        Module {
            body: vec![Stmt { kind, span }],
        }
    } else {
        Module {
            body: b.stmts(tree, "body", expected)?,
        }
    };
    let positions = std::mem::take(&mut b.positions);
    gilvm_compiler::compile_positioned(&module, &positions, filename, mode)
        .map_err(|e| syntax_error(ts, &e, filename, "", mode))
}

impl FromPy<'_> {
    /// The node class's name: the first class of its MRO that `_ast` names (empty for
    /// anything else, which every caller then refuses).
    fn kind(&mut self, node: &Value) -> P<String> {
        let class = class_of(self.ts, node);
        if let Obj::Type(t) = &*class {
            // The MRO leaves out the class itself.
            let mro = t.mro();
            for c in std::iter::once(&class).chain(mro.iter()) {
                if let Obj::Type(t) = &**c {
                    let named = dict_get(&self.classes, &Value::new_str(&t.name));
                    if named.is_some_and(|n| n.is(&Value::Obj(c.clone()))) {
                        return Ok(t.name.clone());
                    }
                }
            }
        }
        Ok(String::new())
    }

    /// A required field; `owner` names the node's abstract class in the message.
    fn field(&mut self, node: &Value, name: &str, owner: &str) -> P<Value> {
        match attr::get_attr(self.ts, node, &Value::new_str(name)) {
            Ok(v) if !v.is_none() || name == "value" => Ok(v),
            Ok(_) | Err(_) => Err(self
                .ts
                .type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field: `None` when missing.
    fn optional(&mut self, node: &Value, name: &str) -> P<Option<Value>> {
        match attr::get_attr(self.ts, node, &Value::new_str(name)) {
            Ok(v) if v.is_none() => Ok(None),
            Ok(v) => Ok(Some(v)),
            Err(e) if self.ts.exc_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn items(&mut self, node: &Value, name: &str, owner: &str) -> P<Vec<Value>> {
        let list = self.field(node, name, owner)?;
        if !matches!(list.obj().map(|o| &**o), Some(Obj::List(_))) {
            let ty = type_name(self.ts, &list);
            return Err(self.ts.type_error(format!(
                "{owner} field \"{name}\" must be a list, not a {ty}"
            )));
        }
        iter::collect(self.ts, &list)
    }

    fn identifier(&mut self, v: &Value) -> P<String> {
        match v.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(self.ts.type_error("AST identifier must be of type str")),
        }
    }

    fn name_field(&mut self, node: &Value, name: &str, owner: &str) -> P<String> {
        let v = self.field(node, name, owner)?;
        self.identifier(&v)
    }

    fn opt_name(&mut self, node: &Value, name: &str) -> P<Option<String>> {
        match self.optional(node, name)? {
            Some(v) => Ok(Some(self.identifier(&v)?)),
            None => Ok(None),
        }
    }

    fn int_field(&mut self, node: &Value, name: &str, owner: &str) -> P<i64> {
        match self.field(node, name, owner)? {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            _ => Err(self
                .ts
                .type_error("invalid integer value: field must be an int")),
        }
    }

    /// The node's span: its `lineno`/`col_offset`/`end_lineno`/`end_col_offset` as two
    /// entries of the positions table.
    fn span(&mut self, node: &Value, owner: &str) -> P<Span> {
        let line = self.int_field(node, "lineno", owner)?;
        let col = self.int_field(node, "col_offset", owner)?;
        let end_line = match self.optional(node, "end_lineno")? {
            Some(Value::Int(l)) => l,
            _ => line,
        };
        let end_col = match self.optional(node, "end_col_offset")? {
            Some(Value::Int(c)) => c,
            _ => col,
        };
        let clamp = |v: i64| v.clamp(0, u32::MAX as i64) as u32;
        let start = self.positions.len() as u32;
        self.positions.push((clamp(line), clamp(col)));
        self.positions.push((clamp(end_line), clamp(end_col)));
        Ok(Span {
            start,
            end: start + 1,
        })
    }

    /// Runs one level of the walk, counting depth (a cyclic tree ends in `RecursionError`).
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> P<T>) -> P<T> {
        if self.depth >= MAX_DEPTH {
            return Err(self.ts.new_exc(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        self.depth += 1;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(self));
        self.depth -= 1;
        r
    }

    fn stmts(&mut self, node: &Value, name: &str, owner: &str) -> P<Vec<Stmt>> {
        let items = self.items(node, name, owner)?;
        items.iter().map(|s| self.stmt(s)).collect()
    }

    /// CPython's check that two parallel lists of a node (a dict's keys and values, a
    /// pattern's keys and sub-patterns) are as long as each other: code generation pairs them.
    fn same_len(&self, a: usize, b: usize, node: &str, what: &str) -> P<()> {
        if a == b {
            return Ok(());
        }
        Err(self.ts.new_exc(
            ExcKind::ValueError,
            format!("{node} doesn't have the same number of {what}"),
        ))
    }

    fn exprs(&mut self, node: &Value, name: &str, owner: &str) -> P<Vec<Expr>> {
        let items = self.items(node, name, owner)?;
        items.iter().map(|e| self.expr(e)).collect()
    }

    fn expr_field(&mut self, node: &Value, name: &str, owner: &str) -> P<Expr> {
        let v = self.field(node, name, owner)?;
        self.expr(&v)
    }

    fn boxed(&mut self, node: &Value, name: &str, owner: &str) -> P<Box<Expr>> {
        Ok(Box::new(self.expr_field(node, name, owner)?))
    }

    fn opt_expr(&mut self, node: &Value, name: &str) -> P<Option<Expr>> {
        match self.optional(node, name)? {
            Some(v) => Ok(Some(self.expr(&v)?)),
            None => Ok(None),
        }
    }

    fn stmt(&mut self, node: &Value) -> P<Stmt> {
        self.nested(|b| {
            let span = b.span(node, "stmt")?;
            let kind = b.kind(node)?;
            let kind = b.stmt_kind(node, &kind)?;
            Ok(Stmt { kind, span })
        })
    }

    fn stmt_kind(&mut self, n: &Value, kind: &str) -> P<StmtKind> {
        Ok(match kind {
            "FunctionDef" | "AsyncFunctionDef" => {
                let params = self.field(n, "args", kind)?;
                StmtKind::FunctionDef(Box::new(FunctionDef {
                    name: self.name_field(n, "name", kind)?,
                    params: self.parameters(&params)?,
                    body: self.stmts(n, "body", kind)?,
                    decorators: self.exprs(n, "decorator_list", kind)?,
                    returns: self.opt_expr(n, "returns")?,
                    is_async: kind == "AsyncFunctionDef",
                }))
            }
            "ClassDef" => StmtKind::ClassDef(Box::new(ClassDef {
                name: self.name_field(n, "name", kind)?,
                bases: self.exprs(n, "bases", kind)?,
                keywords: self.keywords(n, kind)?,
                body: self.stmts(n, "body", kind)?,
                decorators: self.exprs(n, "decorator_list", kind)?,
            })),
            "Return" => StmtKind::Return(self.opt_expr(n, "value")?),
            "Delete" => StmtKind::Delete(self.exprs(n, "targets", kind)?),
            "Assign" => StmtKind::Assign {
                targets: self.exprs(n, "targets", kind)?,
                value: self.expr_field(n, "value", kind)?,
            },
            "AugAssign" => StmtKind::AugAssign {
                target: self.expr_field(n, "target", kind)?,
                op: self.operator(n, "op", kind, BIN_OPS, (bin_op, "operator"))?,
                value: self.expr_field(n, "value", kind)?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.expr_field(n, "target", kind)?,
                annotation: self.expr_field(n, "annotation", kind)?,
                value: self.opt_expr(n, "value")?,
                simple: self.int_field(n, "simple", kind)? != 0,
            },
            "For" | "AsyncFor" => StmtKind::For {
                target: self.expr_field(n, "target", kind)?,
                iter: self.expr_field(n, "iter", kind)?,
                body: self.stmts(n, "body", kind)?,
                orelse: self.stmts(n, "orelse", kind)?,
                is_async: kind == "AsyncFor",
            },
            "While" => StmtKind::While {
                test: self.expr_field(n, "test", kind)?,
                body: self.stmts(n, "body", kind)?,
                orelse: self.stmts(n, "orelse", kind)?,
            },
            "If" => StmtKind::If {
                test: self.expr_field(n, "test", kind)?,
                body: self.stmts(n, "body", kind)?,
                orelse: self.stmts(n, "orelse", kind)?,
            },
            "With" | "AsyncWith" => {
                let items = self.items(n, "items", kind)?;
                StmtKind::With {
                    items: items.iter().map(|i| self.with_item(i)).collect::<P<_>>()?,
                    body: self.stmts(n, "body", kind)?,
                    is_async: kind == "AsyncWith",
                }
            }
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr(n, "exc")?,
                cause: self.opt_expr(n, "cause")?,
            },
            "Try" => {
                let handlers = self.items(n, "handlers", kind)?;
                StmtKind::Try {
                    body: self.stmts(n, "body", kind)?,
                    handlers: handlers.iter().map(|h| self.handler(h)).collect::<P<_>>()?,
                    orelse: self.stmts(n, "orelse", kind)?,
                    finalbody: self.stmts(n, "finalbody", kind)?,
                }
            }
            "Assert" => StmtKind::Assert {
                test: self.expr_field(n, "test", kind)?,
                msg: self.opt_expr(n, "msg")?,
            },
            "Import" => StmtKind::Import(self.aliases(n, kind)?),
            "ImportFrom" => StmtKind::ImportFrom {
                module: self.opt_name(n, "module")?,
                names: self.aliases(n, kind)?,
                level: match self.optional(n, "level")? {
                    Some(Value::Int(l)) => l.clamp(0, u32::MAX as i64) as u32,
                    _ => 0,
                },
            },
            "Match" => {
                let cases = self.items(n, "cases", kind)?;
                StmtKind::Match {
                    subject: self.expr_field(n, "subject", kind)?,
                    cases: cases.iter().map(|c| self.match_case(c)).collect::<P<_>>()?,
                }
            }
            "Global" | "Nonlocal" => {
                let names = self.items(n, "names", kind)?;
                let names = names.iter().map(|v| self.identifier(v)).collect::<P<_>>()?;
                match kind {
                    "Global" => StmtKind::Global(names),
                    _ => StmtKind::Nonlocal(names),
                }
            }
            "Expr" => StmtKind::Expr(self.expr_field(n, "value", kind)?),
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => return Err(self.wrong("stmt", n)),
        })
    }

    /// CPython's error for a value that is not a node of the kind a field wants.
    fn wrong(&mut self, what: &str, got: &Value) -> ObjRef {
        let got = match crate::text::repr::repr(self.ts, got) {
            Ok(r) => r,
            Err(e) => return e,
        };
        self.ts
            .type_error(format!("expected some sort of {what}, but got {got}"))
    }

    fn parameters(&mut self, n: &Value) -> P<Parameters> {
        let kind = "arguments";
        let params = |b: &mut Self, name| -> P<Vec<Param>> {
            let items = b.items(n, name, kind)?;
            items.iter().map(|a| b.param(a)).collect()
        };
        let mut posonly = params(self, "posonlyargs")?;
        let mut args = params(self, "args")?;
        let mut kwonly = params(self, "kwonlyargs")?;
        let defaults = self.exprs(n, "defaults", kind)?;
        let kw_defaults = self.items(n, "kw_defaults", kind)?;
        let skip = (posonly.len() + args.len())
            .checked_sub(defaults.len())
            .ok_or_else(|| {
                self.ts.new_exc(
                    ExcKind::ValueError,
                    "more positional defaults than args on arguments",
                )
            })?;
        for (p, d) in posonly
            .iter_mut()
            .chain(args.iter_mut())
            .skip(skip)
            .zip(defaults)
        {
            p.default = Some(d);
        }
        if kw_defaults.len() != kwonly.len() {
            return Err(self.ts.new_exc(
                ExcKind::ValueError,
                "length of kwonlyargs is not the same as kw_defaults on arguments",
            ));
        }
        for (p, d) in kwonly.iter_mut().zip(kw_defaults) {
            p.default = if d.is_none() {
                None
            } else {
                Some(self.expr(&d)?)
            };
        }
        let vararg = self.optional(n, "vararg")?;
        let kwarg = self.optional(n, "kwarg")?;
        Ok(Parameters {
            posonly,
            args,
            vararg: vararg.map(|a| self.param(&a)).transpose()?,
            kwonly,
            kwarg: kwarg.map(|a| self.param(&a)).transpose()?,
        })
    }

    fn param(&mut self, n: &Value) -> P<Param> {
        Ok(Param {
            name: self.name_field(n, "arg", "arg")?,
            annotation: self.opt_expr(n, "annotation")?,
            default: None,
            span: self.span(n, "arg")?,
        })
    }

    fn keywords(&mut self, n: &Value, owner: &str) -> P<Vec<Keyword>> {
        let items = self.items(n, "keywords", owner)?;
        items
            .iter()
            .map(|k| {
                Ok(Keyword {
                    arg: self.opt_name(k, "arg")?,
                    value: self.expr_field(k, "value", "keyword")?,
                    span: self.span(k, "keyword")?,
                })
            })
            .collect()
    }

    fn aliases(&mut self, n: &Value, owner: &str) -> P<Vec<Alias>> {
        let items = self.items(n, "names", owner)?;
        items
            .iter()
            .map(|a| {
                Ok(Alias {
                    name: self.name_field(a, "name", "alias")?,
                    asname: self.opt_name(a, "asname")?,
                    span: self.span(a, "alias")?,
                })
            })
            .collect()
    }

    fn with_item(&mut self, n: &Value) -> P<WithItem> {
        Ok(WithItem {
            context: self.expr_field(n, "context_expr", "withitem")?,
            target: self.opt_expr(n, "optional_vars")?,
        })
    }

    fn handler(&mut self, n: &Value) -> P<ExceptHandler> {
        let owner = "excepthandler";
        Ok(ExceptHandler {
            typ: self.opt_expr(n, "type")?,
            name: self.opt_name(n, "name")?,
            body: self.stmts(n, "body", "ExceptHandler")?,
            span: self.span(n, owner)?,
        })
    }

    fn match_case(&mut self, n: &Value) -> P<MatchCase> {
        let pattern = self.field(n, "pattern", "match_case")?;
        Ok(MatchCase {
            pattern: self.pattern(&pattern)?,
            guard: self.opt_expr(n, "guard")?,
            body: self.stmts(n, "body", "match_case")?,
        })
    }

    fn comprehensions(&mut self, n: &Value, owner: &str) -> P<Vec<Comprehension>> {
        let items = self.items(n, "generators", owner)?;
        items
            .iter()
            .map(|c| {
                let owner = "comprehension";
                Ok(Comprehension {
                    target: self.expr_field(c, "target", owner)?,
                    iter: self.expr_field(c, "iter", owner)?,
                    ifs: self.exprs(c, "ifs", owner)?,
                    is_async: self.int_field(c, "is_async", owner)? != 0,
                })
            })
            .collect()
    }

    /// An operator field: the node's class name among `names`.
    fn operator<T: Copy>(
        &mut self,
        n: &Value,
        field: &str,
        owner: &str,
        all: &[T],
        (name, what): (fn(T) -> &'static str, &str),
    ) -> P<T> {
        let op = self.field(n, field, owner)?;
        self.op_of(&op, all, name, what)
    }

    /// The operator whose class `op` is an instance of.
    fn op_of<T: Copy>(
        &mut self,
        op: &Value,
        all: &[T],
        name: fn(T) -> &'static str,
        what: &str,
    ) -> P<T> {
        let kind = self.kind(op)?;
        all.iter()
            .copied()
            .find(|&op| name(op) == kind)
            .ok_or_else(|| self.wrong(what, op))
    }

    fn expr(&mut self, node: &Value) -> P<Expr> {
        self.nested(|b| {
            let span = b.span(node, "expr")?;
            let kind = b.kind(node)?;
            let kind = b.expr_kind(node, &kind, span)?;
            Ok(Expr { kind, span })
        })
    }

    fn expr_kind(&mut self, n: &Value, kind: &str, span: Span) -> P<ExprKind> {
        Ok(match kind {
            "BoolOp" => ExprKind::BoolOp {
                op: self.operator(n, "op", kind, BOOL_OPS, (bool_op, "boolop"))?,
                values: self.exprs(n, "values", kind)?,
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: self.boxed(n, "target", kind)?,
                value: self.boxed(n, "value", kind)?,
            },
            "BinOp" => ExprKind::BinOp {
                left: self.boxed(n, "left", kind)?,
                op: self.operator(n, "op", kind, BIN_OPS, (bin_op, "operator"))?,
                right: self.boxed(n, "right", kind)?,
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: self.operator(n, "op", kind, UNARY_OPS, (unary_op, "unaryop"))?,
                operand: self.boxed(n, "operand", kind)?,
            },
            "Lambda" => {
                let params = self.field(n, "args", kind)?;
                ExprKind::Lambda {
                    params: Box::new(self.parameters(&params)?),
                    body: self.boxed(n, "body", kind)?,
                }
            }
            "IfExp" => ExprKind::IfExp {
                test: self.boxed(n, "test", kind)?,
                body: self.boxed(n, "body", kind)?,
                orelse: self.boxed(n, "orelse", kind)?,
            },
            "Dict" => {
                let keys = self.items(n, "keys", kind)?;
                let keys = keys
                    .iter()
                    .map(|k| (!k.is_none()).then(|| self.expr(k)).transpose())
                    .collect::<P<Vec<_>>>()?;
                let values = self.exprs(n, "values", kind)?;
                self.same_len(keys.len(), values.len(), "Dict", "keys as values")?;
                ExprKind::Dict { keys, values }
            }
            "Set" => ExprKind::Set(self.exprs(n, "elts", kind)?),
            "ListComp" => ExprKind::ListComp {
                elt: self.boxed(n, "elt", kind)?,
                generators: self.comprehensions(n, kind)?,
            },
            "SetComp" => ExprKind::SetComp {
                elt: self.boxed(n, "elt", kind)?,
                generators: self.comprehensions(n, kind)?,
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: self.boxed(n, "elt", kind)?,
                generators: self.comprehensions(n, kind)?,
            },
            "DictComp" => ExprKind::DictComp {
                key: self.boxed(n, "key", kind)?,
                value: self.boxed(n, "value", kind)?,
                generators: self.comprehensions(n, kind)?,
            },
            "Await" => ExprKind::Await(self.boxed(n, "value", kind)?),
            "Yield" => ExprKind::Yield(self.opt_expr(n, "value")?.map(Box::new)),
            "YieldFrom" => ExprKind::YieldFrom(self.boxed(n, "value", kind)?),
            "Compare" => {
                let ops = self.items(n, "ops", kind)?;
                let ops = ops
                    .iter()
                    .map(|op| self.op_of(op, CMP_OPS, cmp_op, "cmpop"))
                    .collect::<P<Vec<_>>>()?;
                let comparators = self.exprs(n, "comparators", kind)?;
                if ops.is_empty() || ops.len() != comparators.len() {
                    return Err(self.ts.new_exc(
                        ExcKind::ValueError,
                        "Compare has a different number of comparators and operands",
                    ));
                }
                ExprKind::Compare {
                    left: self.boxed(n, "left", kind)?,
                    ops,
                    comparators,
                }
            }
            "Call" => ExprKind::Call {
                func: self.boxed(n, "func", kind)?,
                args: self.exprs(n, "args", kind)?,
                keywords: self.keywords(n, kind)?,
            },
            "JoinedStr" => ExprKind::JoinedStr(self.fstring_parts(n)?),
            "FormattedValue" => ExprKind::JoinedStr(vec![self.formatted_value(n)?]),
            "Constant" => {
                let value = self.field(n, "value", kind)?;
                self.constant(&value, span)?
            }
            "Attribute" => ExprKind::Attribute {
                value: self.boxed(n, "value", kind)?,
                attr: self.name_field(n, "attr", kind)?,
            },
            "Subscript" => ExprKind::Subscript {
                value: self.boxed(n, "value", kind)?,
                index: self.boxed(n, "slice", kind)?,
            },
            "Starred" => ExprKind::Starred(self.boxed(n, "value", kind)?),
            "Name" => ExprKind::Name(self.name_field(n, "id", kind)?),
            "List" => ExprKind::List(self.exprs(n, "elts", kind)?),
            "Tuple" => ExprKind::Tuple(self.exprs(n, "elts", kind)?),
            "Slice" => ExprKind::Slice {
                lower: self.opt_expr(n, "lower")?.map(Box::new),
                upper: self.opt_expr(n, "upper")?.map(Box::new),
                step: self.opt_expr(n, "step")?.map(Box::new),
            },
            _ => return Err(self.wrong("expr", n)),
        })
    }

    fn fstring_parts(&mut self, n: &Value) -> P<Vec<FStringPart>> {
        let values = self.items(n, "values", "JoinedStr")?;
        let mut parts = Vec::with_capacity(values.len());
        for v in &values {
            let part = match self.kind(v)?.as_str() {
                "Constant" => match self.field(v, "value", "Constant")?.as_str() {
                    Some(s) => FStringPart::Literal(s.as_str().to_string()),
                    None => return Err(self.wrong("str constant in JoinedStr", v)),
                },
                "FormattedValue" => self.formatted_value(v)?,
                _ => return Err(self.wrong("Constant or FormattedValue", v)),
            };
            parts.push(part);
        }
        Ok(parts)
    }

    fn formatted_value(&mut self, n: &Value) -> P<FStringPart> {
        let kind = "FormattedValue";
        let conversion = self.int_field(n, "conversion", kind)?;
        let spec = match self.optional(n, "format_spec")? {
            Some(spec) => Some(self.nested(|b| b.fstring_parts(&spec))?),
            None => None,
        };
        Ok(FStringPart::Expr {
            value: self.boxed(n, "value", kind)?,
            conversion: u32::try_from(conversion).ok().and_then(char::from_u32),
            format_spec: spec,
        })
    }

    /// A `Constant`'s value; a tuple of constants (which CPython's optimizer makes) is a
    /// tuple display of them.
    fn constant(&mut self, v: &Value, span: Span) -> P<ExprKind> {
        let c = match v {
            Value::None => Constant::None,
            Value::Bool(b) => Constant::Bool(*b),
            Value::Int(i) => Constant::Int((*i).into()),
            Value::Float(f) => Constant::Float(*f),
            Value::Obj(o) => match &**o {
                Obj::Ellipsis => Constant::Ellipsis,
                Obj::BigInt(b) => Constant::Int(b.clone()),
                Obj::Complex(c) => Constant::Complex {
                    real: c.re,
                    imag: c.im,
                },
                Obj::Str(s) => match s.exact_str() {
                    Some(text) => Constant::Str(text.to_string()),
                    None => Constant::SurrogateStr(s.code_points().collect()),
                },
                Obj::Bytes(b) => Constant::Bytes(b.to_vec()),
                Obj::Tuple(items) => {
                    let elts = items
                        .iter()
                        .map(|i| {
                            Ok(Expr {
                                kind: self.nested(|b| b.constant(i, span))?,
                                span,
                            })
                        })
                        .collect::<P<_>>()?;
                    return Ok(ExprKind::Tuple(elts));
                }
                _ => return Err(self.bad_constant(v)),
            },
            _ => return Err(self.bad_constant(v)),
        };
        Ok(ExprKind::Constant(c))
    }

    fn bad_constant(&mut self, v: &Value) -> ObjRef {
        let name = type_name(self.ts, v);
        self.ts
            .type_error(format!("got an invalid type in Constant: {name}"))
    }

    fn patterns(&mut self, n: &Value, name: &str, owner: &str) -> P<Vec<Pattern>> {
        let items = self.items(n, name, owner)?;
        items.iter().map(|p| self.pattern(p)).collect()
    }

    fn names(&mut self, n: &Value, name: &str, owner: &str) -> P<Vec<String>> {
        let items = self.items(n, name, owner)?;
        items.iter().map(|v| self.identifier(v)).collect()
    }

    fn pattern(&mut self, node: &Value) -> P<Pattern> {
        self.nested(|b| {
            let span = b.span(node, "pattern")?;
            let kind = b.kind(node)?;
            let kind = b.pattern_kind(node, &kind)?;
            Ok(Pattern { kind, span })
        })
    }

    fn pattern_kind(&mut self, n: &Value, kind: &str) -> P<PatternKind> {
        Ok(match kind {
            "MatchValue" => PatternKind::Value(self.expr_field(n, "value", kind)?),
            "MatchSingleton" => {
                let v = self.field(n, "value", kind)?;
                match v {
                    Value::None => PatternKind::Singleton(Constant::None),
                    Value::Bool(b) => PatternKind::Singleton(Constant::Bool(b)),
                    _ => {
                        return Err(self.ts.new_exc(
                            ExcKind::ValueError,
                            "MatchSingleton can only contain True, False and None",
                        ))
                    }
                }
            }
            "MatchSequence" => PatternKind::Sequence(self.patterns(n, "patterns", kind)?),
            "MatchMapping" => {
                let keys = self.exprs(n, "keys", kind)?;
                let patterns = self.patterns(n, "patterns", kind)?;
                self.same_len(keys.len(), patterns.len(), kind, "keys as patterns")?;
                PatternKind::Mapping {
                    keys,
                    patterns,
                    rest: self.opt_name(n, "rest")?,
                }
            }
            "MatchClass" => {
                let cls = self.expr_field(n, "cls", kind)?;
                let patterns = self.patterns(n, "patterns", kind)?;
                let kwd_attrs = self.names(n, "kwd_attrs", kind)?;
                let kwd_patterns = self.patterns(n, "kwd_patterns", kind)?;
                let what = "keyword attributes as patterns";
                self.same_len(kwd_attrs.len(), kwd_patterns.len(), kind, what)?;
                PatternKind::Class {
                    cls,
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                }
            }
            "MatchStar" => PatternKind::Star(self.opt_name(n, "name")?),
            "MatchAs" => {
                let pattern = match self.optional(n, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(&p)?)),
                    None => None,
                };
                PatternKind::As {
                    pattern,
                    name: self.opt_name(n, "name")?,
                }
            }
            "MatchOr" => PatternKind::Or(self.patterns(n, "patterns", kind)?),
            _ => return Err(self.wrong("pattern", n)),
        })
    }
}

const BIN_OPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mult,
    BinOp::MatMult,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::BitAnd,
];

const UNARY_OPS: &[UnaryOp] = &[UnaryOp::Invert, UnaryOp::Not, UnaryOp::UAdd, UnaryOp::USub];

const BOOL_OPS: &[BoolOp] = &[BoolOp::And, BoolOp::Or];

const CMP_OPS: &[CmpOp] = &[
    CmpOp::Eq,
    CmpOp::NotEq,
    CmpOp::Lt,
    CmpOp::LtE,
    CmpOp::Gt,
    CmpOp::GtE,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];
