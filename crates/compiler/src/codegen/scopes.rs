//! Code that creates a new scope: `def`, `lambda`, `class` and comprehensions. Each compiles
//! its body into a nested code object, then builds the function (defaults, closure) in the
//! enclosing code.

use std::sync::Arc;

use gilvm_syntax::ast::{ClassDef, Comprehension, Expr, ExprKind, FunctionDef, Parameters, Span};

use super::{docstring, CompileResult, Compiler, NameOp};
use crate::bytecode::{CodeFlags, CodeObject, Constant, Instruction, MakeFunctionFlags};
use crate::constants::fold;
use crate::symtable::ScopeKind;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a, '_> {
    fn scope_for<T>(&self, node: &T, span: Span) -> CompileResult<usize> {
        self.table
            .scope_of(node)
            .ok_or_else(|| self.error(span, "internal compiler error: scope not found"))
    }

    pub(super) fn compile_function_def(
        &mut self,
        def: &'a FunctionDef,
        span: Span,
    ) -> CompileResult {
        self.compile_exprs(&def.decorators)?;
        let mut flags = self.compile_defaults(&def.params)?;
        flags |= self.compile_annotations(&def.params, def.returns.as_ref())?;
        let scope = self.scope_for(def, span)?;
        let qualname = self.qualname(&def.name);
        self.enter_unit(scope, qualname.clone(), self.map.line(span));
        self.set_arg_counts(&def.params);
        let body = match docstring(&def.body) {
            Some(doc) => {
                self.unit().add_const(Constant::Str(Arc::from(doc)));
                &def.body[1..]
            }
            None => {
                self.unit().add_const(Constant::None);
                &def.body[..]
            }
        };
        self.copy_params_to_cells();
        self.compile_body(body)?;
        self.emit_final_return(body);
        let code = self.exit_unit();
        self.make_closure(code, &qualname, flags, span)?;
        for _ in &def.decorators {
            self.emit(Instruction::Call(1));
        }
        self.name_op(&def.name, NameOp::Store);
        Ok(())
    }

    pub(super) fn compile_lambda(
        &mut self,
        expr: &'a Expr,
        params: &'a Parameters,
        body: &'a Expr,
    ) -> CompileResult {
        let flags = self.compile_defaults(params)?;
        let scope = self.scope_for(expr, expr.span)?;
        let qualname = self.qualname("<lambda>");
        self.enter_unit(scope, qualname.clone(), self.map.line(expr.span));
        self.set_arg_counts(params);
        self.unit().add_const(Constant::None);
        self.copy_params_to_cells();
        self.compile_expr(body)?;
        if self.unit_ref().flags & CodeFlags::GENERATOR != 0 {
            self.emit(Instruction::PopTop);
            self.load_const(Constant::None);
        }
        self.emit(Instruction::ReturnValue);
        let code = self.exit_unit();
        self.make_closure(code, &qualname, flags, expr.span)
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict; returns the
    /// `MakeFunction` flags saying which are present.
    fn compile_defaults(&mut self, params: &'a Parameters) -> CompileResult<u32> {
        let mut flags = 0;
        let positional: Vec<&'a Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !positional.is_empty() {
            let folded: Option<Vec<Constant>> = positional.iter().map(|e| fold(e)).collect();
            match folded {
                Some(items) => self.load_const(Constant::Tuple(Arc::from(items))),
                None => {
                    for default in &positional {
                        self.compile_expr(default)?;
                    }
                    self.emit(Instruction::BuildTuple(positional.len() as u32));
                }
            }
            flags |= MakeFunctionFlags::DEFAULTS;
        }
        let mut kw_count = 0;
        for param in &params.kwonly {
            if let Some(default) = &param.default {
                let name = self.mangled(&param.name);
                self.load_str(&name);
                self.compile_expr(default)?;
                kw_count += 1;
            }
        }
        if kw_count > 0 {
            self.emit(Instruction::BuildMap(kw_count));
            flags |= MakeFunctionFlags::KW_DEFAULTS;
        }
        Ok(flags)
    }

    fn set_arg_counts(&mut self, params: &Parameters) {
        let unit = self.unit();
        unit.posonly_arg_count = params.posonly.len() as u32;
        unit.arg_count = (params.posonly.len() + params.args.len()) as u32;
        unit.kwonly_arg_count = params.kwonly.len() as u32;
        if params.vararg.is_some() {
            unit.flags |= CodeFlags::VARARGS;
        }
        if params.kwarg.is_some() {
            unit.flags |= CodeFlags::VARKEYWORDS;
        }
    }

    /// Parameters that are also cells start in their fast slot: copy them into the cell.
    fn copy_params_to_cells(&mut self) {
        let scope = self.unit_ref().scope;
        for param in self.table.scopes[scope].params.clone() {
            let Some(cell) = self.unit_ref().cellvars.iter().position(|c| **c == *param) else {
                continue;
            };
            let slot = self.unit().varname(&param);
            self.emit(Instruction::LoadFast(slot));
            self.emit(Instruction::StoreDeref(cell as u32));
        }
    }

    /// `[closure] code qualname MakeFunction`: the closure tuple holds the current scope's
    /// cells for each free variable of `code`.
    fn make_closure(
        &mut self,
        code: CodeObject,
        qualname: &str,
        mut flags: u32,
        span: Span,
    ) -> CompileResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let Some(i) = self.unit_ref().deref_index(name) else {
                    let message = format!("internal compiler error: no cell for '{name}'");
                    return Err(self.error(span, message));
                };
                self.emit(Instruction::LoadClosure(i));
            }
            self.emit(Instruction::BuildTuple(code.freevars.len() as u32));
            flags |= MakeFunctionFlags::CLOSURE;
        }
        self.load_const(Constant::Code(Arc::new(code)));
        self.load_str(qualname);
        self.emit(Instruction::MakeFunction(flags));
        Ok(())
    }

    pub(super) fn compile_class_def(&mut self, class: &'a ClassDef, span: Span) -> CompileResult {
        self.compile_exprs(&class.decorators)?;
        self.emit(Instruction::LoadBuildClass);
        let scope = self.scope_for(class, span)?;
        let qualname = self.qualname(&class.name);
        self.enter_unit(scope, qualname.clone(), self.map.line(span));
        self.unit().flags |= CodeFlags::NAMESPACE;
        self.name_op("__name__", NameOp::Load);
        self.name_op("__module__", NameOp::Store);
        self.load_str(&qualname);
        self.name_op("__qualname__", NameOp::Store);
        let body = self.namespace_docstring(&class.body)?;
        self.compile_body(body)?;
        match self.unit_ref().deref_index("__class__") {
            Some(cell) if self.table.scopes[scope].needs_class_closure => {
                self.emit(Instruction::LoadClosure(cell));
            }
            _ => self.load_const(Constant::None),
        }
        self.emit(Instruction::ReturnValue);
        let code = self.exit_unit();
        self.make_closure(code, &qualname, 0, span)?;
        self.load_str(&class.name);
        self.call_helper(2, &class.bases, &class.keywords)?;
        for _ in &class.decorators {
            self.emit(Instruction::Call(1));
        }
        self.name_op(&class.name, NameOp::Store);
        Ok(())
    }

    /// A comprehension is a nested function called with the iterator of its first `for`,
    /// which is evaluated in the enclosing scope.
    pub(super) fn compile_comprehension(&mut self, expr: &'a Expr) -> CompileResult {
        let (kind, generators, elements): (_, &'a [Comprehension], Vec<&'a Expr>) = match &expr.kind
        {
            ExprKind::ListComp { elt, generators } => (CompKind::List, generators, vec![elt]),
            ExprKind::SetComp { elt, generators } => (CompKind::Set, generators, vec![elt]),
            ExprKind::GeneratorExp { elt, generators } => {
                (CompKind::Generator, generators, vec![elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (CompKind::Dict, generators, vec![key, value]),
            _ => return Err(self.error(expr.span, "internal compiler error: not a comprehension")),
        };
        let Some(first) = generators.first() else {
            return Err(self.error(expr.span, "comprehension without 'for'"));
        };
        let scope = self.scope_for(expr, expr.span)?;
        let awaited = self.table.scopes[scope].is_coroutine && kind != CompKind::Generator;
        let outer = &self.table.scopes[self.unit_ref().scope];
        if awaited && !outer.is_async_def && outer.kind != ScopeKind::Comprehension {
            let msg = "asynchronous comprehension outside of an asynchronous function";
            return Err(self.error(expr.span, msg));
        }
        let name = format!("<{}>", self.table.scopes[scope].name);
        let qualname = self.qualname(&name);
        self.enter_unit(scope, qualname.clone(), self.map.line(expr.span));
        self.unit().arg_count = 1;
        match kind {
            CompKind::List => self.emit(Instruction::BuildList(0)),
            CompKind::Set => self.emit(Instruction::BuildSet(0)),
            CompKind::Dict => self.emit(Instruction::BuildMap(0)),
            CompKind::Generator => {}
        }
        self.comprehension_loop(kind, generators, 0, &elements)?;
        if kind == CompKind::Generator {
            self.load_const(Constant::None);
        }
        self.emit(Instruction::ReturnValue);
        let code = self.exit_unit();
        self.make_closure(code, &qualname, 0, expr.span)?;
        self.compile_expr(&first.iter)?;
        self.emit(match first.is_async {
            true => Instruction::GetAiter,
            false => Instruction::GetIter,
        });
        self.emit(Instruction::Call(1));
        if awaited {
            self.emit_await(super::coroutines::Awaited::Expression);
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        depth: usize,
        elements: &[&'a Expr],
    ) -> CompileResult {
        let generator = &generators[depth];
        let (start, end) = (self.new_label(), self.new_label());
        if depth == 0 {
            self.emit(Instruction::LoadFast(0));
        } else {
            self.compile_expr(&generator.iter)?;
            self.emit(match generator.is_async {
                true => Instruction::GetAiter,
                false => Instruction::GetIter,
            });
        }
        let cleanup = self.new_label();
        if generator.is_async {
            self.async_for_head(start, cleanup);
        } else {
            self.bind(start);
            self.jump(Instruction::ForIter, end);
        }
        self.store_target(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, false, start)?;
        }
        if depth + 1 < generators.len() {
            self.comprehension_loop(kind, generators, depth + 1, elements)?;
        } else {
            self.comprehension_element(kind, generators.len() as u32 + 1, elements)?;
        }
        self.jump(Instruction::Jump, start);
        if generator.is_async {
            self.bind(cleanup);
            self.emit(Instruction::EndAsyncFor);
        }
        self.bind(end);
        Ok(())
    }

    /// Adds one element to the collection `below` items down (past the iterators).
    fn comprehension_element(
        &mut self,
        kind: CompKind,
        below: u32,
        elements: &[&'a Expr],
    ) -> CompileResult {
        for element in elements {
            self.compile_expr(element)?;
        }
        match kind {
            CompKind::List => self.emit(Instruction::ListAppend(below)),
            CompKind::Set => self.emit(Instruction::SetAdd(below)),
            CompKind::Dict => self.emit(Instruction::MapAdd(below)),
            CompKind::Generator => {
                self.emit(Instruction::YieldValue);
                self.emit(Instruction::PopTop);
            }
        }
        Ok(())
    }
}
