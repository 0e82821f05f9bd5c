//! One code object under construction: instructions with locations, the constant and name
//! tables, jump labels (back-patched at the end) and the stack of open blocks that `return`,
//! `break` and `continue` unwind.

use std::collections::HashMap;
use std::sync::Arc;

use gilvm_syntax::ast::Stmt;

use crate::bytecode::{CodeFlags, CodeObject, Constant, Instruction, Location};
use crate::constants::{pool_key, PoolKey};
use crate::stack::max_stack_depth;
use crate::symtable::ScopeKind;

/// A jump destination, bound to an instruction index once known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// What a jump out of a block must undo for it (CPython's `fblockinfo`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum FrameBlock<'a> {
    Loop {
        is_for: bool,
        start: Label,
        end: Label,
    },
    /// The body of a `try` with `except` handlers: a handler block is set up.
    TryExcept,
    /// The body of a `try` with a `finally`: leaving it runs the (inlined) final body.
    FinallyTry(&'a [Stmt]),
    /// The final body on the exceptional path: the exception is on the stack.
    FinallyEnd,
    /// The body of a `with`: `__exit__` is on the stack.
    With,
    /// The body of an `async with`: `__aexit__` is on the stack.
    AsyncWith,
    /// An `except` handler body, with its `as` name.
    HandlerCleanup(Option<&'a str>),
    /// A return value saved on the stack while a final body runs.
    PopValue,
}

pub(crate) struct CodeUnit<'a> {
    pub scope: usize,
    pub kind: ScopeKind,
    pub private: Option<String>,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub first_line: u32,
    pub flags: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub instructions: Vec<Instruction>,
    pub locations: Vec<Location>,
    pub constants: Vec<Constant>,
    /// Where each shareable constant of `constants` is.
    constant_index: HashMap<PoolKey, u32>,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    pub blocks: Vec<FrameBlock<'a>>,
    pub location: Location,
    labels: Vec<Option<u32>>,
}

pub(crate) struct UnitHeader {
    pub scope: usize,
    pub kind: ScopeKind,
    pub private: Option<String>,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub params: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

fn arcs(names: Vec<String>) -> Vec<Arc<str>> {
    names.into_iter().map(Arc::from).collect()
}

impl<'a> CodeUnit<'a> {
    pub fn new(header: UnitHeader) -> CodeUnit<'a> {
        CodeUnit {
            scope: header.scope,
            kind: header.kind,
            private: header.private,
            name: Arc::from(header.name),
            qualname: Arc::from(header.qualname),
            first_line: header.first_line,
            flags: 0,
            arg_count: 0,
            posonly_arg_count: 0,
            kwonly_arg_count: 0,
            instructions: Vec::new(),
            locations: Vec::new(),
            constants: Vec::new(),
            constant_index: HashMap::new(),
            names: NameTable::default(),
            varnames: NameTable::new(arcs(header.params)),
            cellvars: arcs(header.cellvars),
            freevars: arcs(header.freevars),
            blocks: Vec::new(),
            location: Location {
                line: header.first_line,
                end_line: header.first_line,
                col: 0,
                end_col: 0,
            },
            labels: Vec::new(),
        }
    }

    pub fn emit(&mut self, instr: Instruction) {
        self.instructions.push(instr);
        self.locations.push(self.location);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instructions.len() as u32);
    }

    /// Emits a jumping instruction (`make` builds it from a target) to a label.
    pub fn emit_jump(&mut self, make: fn(u32) -> Instruction, label: Label) {
        self.emit(make(label.0));
    }

    pub fn add_const(&mut self, constant: Constant) -> u32 {
        let key = pool_key(&constant);
        if let Some(&index) = key.as_ref().and_then(|key| self.constant_index.get(key)) {
            return index;
        }
        let index = self.constants.len() as u32;
        self.constants.push(constant);
        if let Some(key) = key {
            self.constant_index.insert(key, index);
        }
        index
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        self.names.index_or_push(name)
    }

    pub fn varname(&mut self, name: &str) -> u32 {
        self.varnames.index_or_push(name)
    }

    /// Index of a cell in the combined `cellvars + freevars` list.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|c| &**c == name) {
            return Some(i as u32);
        }
        let i = self.freevars.iter().position(|c| &**c == name)?;
        Some((self.cellvars.len() + i) as u32)
    }

    /// Whether some label points just past the last instruction.
    fn label_at_end(&self) -> bool {
        let end = self.instructions.len() as u32;
        self.labels.contains(&Some(end))
    }

    /// Whether the code may fall off its end (and so needs an implicit `return`).
    pub fn needs_final_return(&self) -> bool {
        self.label_at_end() || self.instructions.last().is_none_or(|i| !i.ends_flow())
    }

    /// The parameters' slots (the first locals): positional, keyword-only, `*args`, `**kwargs`.
    fn param_count(&self) -> usize {
        let flags = CodeFlags(self.flags);
        (self.arg_count + self.kwonly_arg_count) as usize
            + usize::from(flags.has(CodeFlags::VARARGS))
            + usize::from(flags.has(CodeFlags::VARKEYWORDS))
    }

    pub fn finish(mut self, filename: Arc<str>) -> CodeObject {
        let labels = std::mem::take(&mut self.labels);
        for instr in self.instructions.iter_mut() {
            if let Some(label) = instr.jump_target() {
                let target = labels[label as usize].expect("every label is bound before finish");
                *instr = instr.with_jump_target(target);
            }
        }
        crate::peephole::thread_bool_jumps(&mut self.instructions);
        let (nlocals, nparams) = (self.varnames.names.len(), self.param_count());
        crate::bound::check_unproven_loads(&mut self.instructions, nlocals, nparams);
        crate::peephole::fuse_pairs(&mut self.instructions);
        let max_stack = max_stack_depth(&self.instructions);
        CodeObject {
            name: self.name,
            qualname: self.qualname,
            filename,
            first_line: self.first_line,
            flags: CodeFlags(self.flags),
            arg_count: self.arg_count,
            posonly_arg_count: self.posonly_arg_count,
            kwonly_arg_count: self.kwonly_arg_count,
            instructions: self.instructions,
            locations: self.locations,
            constants: self.constants,
            names: self.names.names,
            varnames: self.varnames.names,
            cellvars: self.cellvars,
            freevars: self.freevars,
            max_stack,
        }
    }
}

/// A code object's table of names, with a hash index: finding a name costs the same however
/// many there are.
#[derive(Default)]
pub(crate) struct NameTable {
    pub names: Vec<Arc<str>>,
    index: HashMap<Arc<str>, u32>,
}

impl NameTable {
    fn new(names: Vec<Arc<str>>) -> NameTable {
        let mut table = NameTable::default();
        for name in names {
            // Parameter names are distinct; a repeated one would keep its first slot.
            table
                .index
                .entry(name.clone())
                .or_insert(table.names.len() as u32);
            table.names.push(name);
        }
        table
    }

    fn index_or_push(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let name: Arc<str> = Arc::from(name);
        let i = self.names.len() as u32;
        self.index.insert(name.clone(), i);
        self.names.push(name);
        i
    }
}
