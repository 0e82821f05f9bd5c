//! The code generator: walks the AST with the symbol table at hand and emits one
//! [`CodeObject`] per scope, following CPython 3.10's compiler.

mod annotations;
mod call;
mod control;
mod coroutines;
mod expr;
mod patterns;
mod scopes;
mod stmt;
mod target;
mod unit;

use std::sync::Arc;

use gilvm_syntax::ast::{self, Expr, ExprKind, Span, Stmt, StmtKind};
use gilvm_syntax::SyntaxError;

use crate::bytecode::{CodeFlags, CodeObject, Constant, Instruction, Location};
use crate::error::{mangle, SourceMap};
use crate::symtable::{NameScope, ScopeKind, SymbolTable};
use unit::{CodeUnit, FrameBlock, Label, UnitHeader};

pub(crate) type CompileResult<T = ()> = Result<T, SyntaxError>;

pub(crate) struct Compiler<'a, 's> {
    map: &'a SourceMap<'s>,
    filename: Arc<str>,
    table: SymbolTable,
    /// Code objects being built, innermost last.
    units: Vec<CodeUnit<'a>>,
    /// `compile(..., 'single')`: module-level expression statements print their value.
    interactive: bool,
}

/// What `compile()` is asked to build, as its `mode` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: statements, returns `None`.
    Exec,
    /// One expression, whose value the code returns.
    Eval,
    /// One interactive statement: expression statements print their value.
    Single,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}

pub(crate) fn compile(
    module: &ast::Module,
    table: SymbolTable,
    map: &SourceMap,
    filename: &str,
    mode: Mode,
) -> CompileResult<Arc<CodeObject>> {
    let mut compiler = Compiler {
        map,
        filename: Arc::from(filename),
        table,
        units: Vec::new(),
        interactive: mode == Mode::Single,
    };
    compiler.enter_unit(0, "<module>".to_string(), 1);
    compiler.unit().flags |= CodeFlags::NAMESPACE;
    if mode == Mode::Eval {
        if let [Stmt {
            kind: StmtKind::Expr(value),
            ..
        }] = &module.body[..]
        {
            compiler.set_location(value.span);
            compiler.compile_expr(value)?;
            compiler.emit(Instruction::ReturnValue);
            return Ok(Arc::new(compiler.exit_unit()));
        }
    }
    let body = if mode == Mode::Single {
        &module.body[..]
    } else {
        compiler.namespace_docstring(&module.body)?
    };
    compiler.compile_body(body)?;
    compiler.emit_final_return(body);
    Ok(Arc::new(compiler.exit_unit()))
}

/// The docstring of a body: a leading string expression statement.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(ast::Constant::Str(s)),
            ..
        }) => Some(s),
        _ => None,
    }
}

impl<'a, 's> Compiler<'a, 's> {
    fn unit(&mut self) -> &mut CodeUnit<'a> {
        self.units
            .last_mut()
            .expect("a code unit is open while compiling")
    }

    fn unit_ref(&self) -> &CodeUnit<'a> {
        self.units
            .last()
            .expect("a code unit is open while compiling")
    }

    fn emit(&mut self, instr: Instruction) {
        self.unit().emit(instr);
    }

    fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit().bind(label);
    }

    fn jump(&mut self, make: fn(u32) -> Instruction, label: Label) {
        self.unit().emit_jump(make, label);
    }

    fn load_const(&mut self, constant: Constant) {
        let index = self.unit().add_const(constant);
        self.emit(Instruction::LoadConst(index));
    }

    fn load_str(&mut self, s: &str) {
        self.load_const(Constant::Str(Arc::from(s)));
    }

    /// The implicit `return None` at the end of a body, located at its last statement.
    fn emit_final_return(&mut self, body: &[Stmt]) {
        if !self.unit_ref().needs_final_return() {
            return;
        }
        if let Some(last) = body.last() {
            self.set_location(last.span);
        }
        self.emit_return_none();
    }

    fn emit_return_none(&mut self) {
        self.load_const(Constant::None);
        self.emit(Instruction::ReturnValue);
    }

    fn error(&self, span: Span, message: impl Into<String>) -> SyntaxError {
        self.map.error(span, message)
    }

    /// Makes `span` the location of the instructions emitted next; returns the previous one.
    fn set_location(&mut self, span: Span) -> Location {
        let location = self.map.location(span);
        std::mem::replace(&mut self.unit().location, location)
    }

    fn restore_location(&mut self, location: Location) {
        self.unit().location = location;
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// An entry of `names` for an attribute or import name (mangled like CPython does).
    fn name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangled(name);
        self.unit().add_name(&mangled)
    }

    /// Opens a code unit for scope `scope` (named by the symbol table).
    fn enter_unit(&mut self, scope: usize, qualname: String, first_line: u32) {
        let info = &self.table.scopes[scope];
        let name = match info.kind {
            ScopeKind::Module => "<module>".to_string(),
            ScopeKind::Lambda => "<lambda>".to_string(),
            ScopeKind::Comprehension => format!("<{}>", info.name),
            ScopeKind::Function | ScopeKind::Class => info.name.clone(),
        };
        let mut unit = CodeUnit::new(UnitHeader {
            scope,
            kind: info.kind,
            private: info.private.clone(),
            name,
            qualname,
            first_line,
            params: info.params.clone(),
            cellvars: info.cellvars(),
            freevars: info.freevars(),
        });
        unit.flags |= match (info.is_generator, info.is_coroutine) {
            (true, false) => CodeFlags::GENERATOR,
            (false, true) => CodeFlags::COROUTINE,
            (true, true) => CodeFlags::ASYNC_GENERATOR,
            (false, false) => 0,
        };
        self.units.push(unit);
    }

    fn exit_unit(&mut self) -> CodeObject {
        let unit = self.units.pop().expect("exit_unit matches enter_unit");
        unit.finish(self.filename.clone())
    }

    /// The qualified name of a definition called `name` in the current unit.
    fn qualname(&self, name: &str) -> String {
        let unit = self.unit_ref();
        if unit.kind == ScopeKind::Module {
            return name.to_string();
        }
        let scope = &self.table.scopes[unit.scope];
        let declared_global = scope
            .lookup(&self.mangled(name))
            .is_some_and(|s| s.scope == NameScope::GlobalExplicit);
        if declared_global {
            return name.to_string();
        }
        match unit.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{}", unit.qualname, name)
            }
            _ => format!("{}.{}", unit.qualname, name),
        }
    }

    fn compile_body(&mut self, body: &'a [Stmt]) -> CompileResult {
        body.iter().try_for_each(|s| self.compile_stmt(s))
    }

    /// Module and class bodies store their docstring as `__doc__`; returns the rest.
    fn namespace_docstring(&mut self, body: &'a [Stmt]) -> CompileResult<&'a [Stmt]> {
        self.setup_annotations(body);
        let Some(doc) = docstring(body) else {
            return Ok(body);
        };
        let saved = self.set_location(body[0].span);
        self.load_str(doc);
        self.name_op("__doc__", NameOp::Store);
        self.restore_location(saved);
        Ok(&body[1..])
    }

    /// Emits the load/store/delete of a variable, choosing the instruction family from the
    /// symbol table (CPython's `compiler_nameop`).
    fn name_op(&mut self, name: &str, op: NameOp) {
        let mangled = self.mangled(name);
        let unit = self.unit_ref();
        let kind = unit.kind;
        let scope = self.table.scopes[unit.scope]
            .lookup(&mangled)
            .map(|s| s.scope);
        let function_like = kind.is_function_like();
        let instr = match scope {
            Some(NameScope::Free | NameScope::Cell) => {
                match self.unit_ref().deref_index(&mangled) {
                    Some(i) => match op {
                        NameOp::Load if kind == ScopeKind::Class => Instruction::LoadClassDeref(i),
                        NameOp::Load => Instruction::LoadDeref(i),
                        NameOp::Store => Instruction::StoreDeref(i),
                        NameOp::Delete => Instruction::DeleteDeref(i),
                    },
                    None => self.namespace_op(&mangled, op),
                }
            }
            Some(NameScope::Local) if function_like => {
                let i = self.unit().varname(&mangled);
                match op {
                    NameOp::Load => Instruction::LoadFast(i),
                    NameOp::Store => Instruction::StoreFast(i),
                    NameOp::Delete => Instruction::DeleteFast(i),
                }
            }
            Some(NameScope::GlobalExplicit) => self.global_op(&mangled, op),
            Some(NameScope::GlobalImplicit) if function_like => self.global_op(&mangled, op),
            _ => self.namespace_op(&mangled, op),
        };
        self.emit(instr);
    }

    fn global_op(&mut self, name: &str, op: NameOp) -> Instruction {
        let i = self.unit().add_name(name);
        match op {
            NameOp::Load => Instruction::LoadGlobal(i),
            NameOp::Store => Instruction::StoreGlobal(i),
            NameOp::Delete => Instruction::DeleteGlobal(i),
        }
    }

    fn namespace_op(&mut self, name: &str, op: NameOp) -> Instruction {
        let i = self.unit().add_name(name);
        match op {
            NameOp::Load => Instruction::LoadName(i),
            NameOp::Store => Instruction::StoreName(i),
            NameOp::Delete => Instruction::DeleteName(i),
        }
    }

    fn push_block(&mut self, block: FrameBlock<'a>) {
        self.unit().blocks.push(block);
    }

    fn pop_block(&mut self) {
        self.unit().blocks.pop();
    }
}
