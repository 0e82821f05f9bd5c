//! The symbol-table pass (CPython's `symtable.c`): one [`Scope`] per module, class, function,
//! lambda and comprehension, with every name classified as local, global (explicit or
//! implicit), free or cell. The code generator asks it how to load and store each name.

mod analysis;
mod builder;

use std::collections::HashMap;

use gilvm_syntax::ast::{self, Span};
use gilvm_syntax::SyntaxError;

use crate::error::SourceMap;

/// Symbol flags collected by the builder (a name may carry several).
pub(crate) mod flags {
    pub const DEF_LOCAL: u8 = 0x01;
    pub const DEF_PARAM: u8 = 0x02;
    pub const DEF_GLOBAL: u8 = 0x04;
    pub const DEF_NONLOCAL: u8 = 0x08;
    pub const USE: u8 = 0x10;
    pub const DEF_ANNOT: u8 = 0x20;
    /// Bound in this scope (assignment, parameter, import, def, ...).
    pub const DEF_BOUND: u8 = DEF_LOCAL | DEF_PARAM;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Functions, lambdas and comprehensions keep their locals in fast slots.
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Where a name lives, as decided by the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    /// Bound in an enclosing function; reached through a cell of the closure.
    Free,
    /// Local, but also used by a nested scope: lives in a cell.
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u8,
    pub scope: NameScope,
    /// Class scope only: bound in the class body *and* free in a nested scope, so the class
    /// passes the enclosing function's cell through (CPython's `DEF_FREE_CLASS`).
    pub free_class: bool,
    /// Where the `global`/`nonlocal` declaration is, for error messages.
    pub declared_at: Span,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameter names in slot order (mangled).
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    /// Calling it makes a coroutine (an async generator if also `is_generator`): an
    /// `async def`, or a comprehension with `async for` or `await`.
    pub is_coroutine: bool,
    /// An `async def` body: where `await`, `async for` and `async with` may appear.
    pub is_async_def: bool,
    /// A class whose methods use `super()` or `__class__`: it gets a `__class__` cell.
    pub needs_class_closure: bool,
    /// The class name used for private name mangling (inherited by nested functions).
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, private: Option<String>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            needs_class_closure: false,
            private,
        }
    }

    /// The symbol for an already mangled name.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    fn symbol_mut(&mut self, name: &str) -> &mut Symbol {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((
                    name.to_string(),
                    Symbol {
                        flags: 0,
                        scope: NameScope::GlobalImplicit,
                        free_class: false,
                        declared_at: Span::default(),
                    },
                ));
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i].1
    }

    /// Names living in cells created by this scope, sorted (CPython's `co_cellvars` order).
    pub fn cellvars(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if self.needs_class_closure {
            names.push("__class__".to_string());
        }
        names.sort();
        names
    }

    /// Names received through the closure, sorted.
    pub fn freevars(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Free || s.free_class)
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }
}

/// All scopes of a module; scope 0 is the module itself.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// The scope created by a node, keyed by the node's address (the AST is borrowed, not
    /// moved, between the passes, as CPython keys its table by node pointer).
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub fn build(module: &ast::Module, map: &SourceMap) -> Result<SymbolTable, SyntaxError> {
        crate::future::check(module, map)?;
        let mut table = builder::build(module, map)?;
        analysis::analyze(&mut table, map)?;
        Ok(table)
    }

    /// The scope created by a function/class definition, lambda or comprehension node.
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&node_key(node)).copied()
    }
}

fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}
