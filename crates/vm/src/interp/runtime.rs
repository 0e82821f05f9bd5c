//! Interpreter-wide state shared by all threads: type objects, builtins, `sys.modules`,
//! settings and the output streams.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use gilvm_gil::GilConfig;

use crate::object::error::ExcKind;
use crate::object::typeobj::{TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::new_dict_obj;
use crate::objects::dict::Dict;

/// Where `sys.stdout` / `sys.stderr` output goes.
pub enum Output {
    /// Flushed at each newline when `line_buffered` (a terminal, as CPython's stdout is
    /// line-buffered there) and at each write when unbuffered (`-u`).
    Stdout(std::io::BufWriter<std::io::Stdout>, Buffering),
    Stderr(std::io::Stderr),
    /// Tests: everything appended to a shared buffer.
    Capture(Arc<Mutex<Vec<u8>>>),
}

impl Output {
    pub fn write_str(&mut self, s: &str) {
        self.write_bytes(s.as_bytes());
    }
    /// Encoded text (what a str holding lone surrogates encodes to need not be UTF-8).
    pub fn write_bytes(&mut self, s: &[u8]) {
        // Write errors (closed pipe...) are ignored, as CPython ignores them at exit.
        let _ = match self {
            Output::Stdout(w, buffering) => w.write_all(s).and_then(|()| match buffering {
                Buffering::Unbuffered => w.flush(),
                Buffering::Line if s.contains(&b'\n') => w.flush(),
                _ => Ok(()),
            }),
            Output::Stderr(w) => w.write_all(s),
            Output::Capture(buf) => {
                if let Ok(mut b) = buf.lock() {
                    b.extend_from_slice(s);
                }
                Ok(())
            }
        };
    }
    pub fn flush(&mut self) {
        let _ = match self {
            Output::Stdout(w, _) => w.flush(),
            Output::Stderr(w) => w.flush(),
            Output::Capture(_) => Ok(()),
        };
    }
}

/// Settings of an interpreter: the one configuration every runtime is booted from
/// ([`Runtime::boot`]), whoever embeds it (the `gilvm` crate's `Interpreter` keeps one).
#[derive(Clone, Debug)]
pub struct Config {
    /// `sys.argv` (default `['']`; the `gilvm` command passes the script path first).
    pub argv: Vec<String>,
    /// Initial `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// When set, everything written to stdout and stderr is appended here instead.
    pub capture_output: Option<Arc<Mutex<Vec<u8>>>>,
    /// The GIL's policy and time constants (`sys.setswitchinterval` changes the interval).
    pub gil: GilConfig,
    /// Socket calls that would not block run without releasing the GIL (`--io-fast-path`).
    pub io_fast_path: bool,
    /// Directory searched for imported `.py` modules (default: the current directory; a
    /// program run as the main script searches its own directory instead).
    pub search_path: Option<PathBuf>,
    /// Write the traceback of an uncaught exception in the main script to stderr as soon as
    /// it fails, before waiting for non-daemon threads (CPython's order). The error returned
    /// still carries it: the caller must then not print it again.
    pub print_traceback: bool,
    /// Install the process's signal handlers as CPython's `Py_Initialize` does: SIGINT raises
    /// `KeyboardInterrupt`, SIGTERM flushes the program's files before it kills (the `gilvm`
    /// command sets it; an embedding host decides for its process).
    pub handle_signals: bool,
    /// The process ends right after the session is finalized (the `gilvm` command): the
    /// runtime's objects are then left to the OS rather than freed one by one, which was a
    /// fifth of `gilvm -c pass`. Finalization itself (threads, `atexit`, finalizers, flushing
    /// every file) runs as usual.
    pub exit_after_finalize: bool,
    /// The capabilities of a sandboxed script (`None`: unrestricted, as `python3`).
    pub sandbox: Option<crate::interp::sandbox::Sandbox>,
    /// Time, instruction, memory and thread limits (none by default).
    pub limits: crate::interp::sandbox::Limits,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            argv: vec![String::new()],
            recursion_limit: 1000,
            capture_output: None,
            gil: GilConfig::default(),
            io_fast_path: true,
            search_path: None,
            print_traceback: false,
            handle_signals: false,
            exit_after_finalize: false,
            sandbox: None,
            limits: Default::default(),
        }
    }
}

/// When stdout's buffer is written out (besides explicit flushes and exit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Buffering {
    Block,
    Line,
    Unbuffered,
}

impl Buffering {
    /// CPython's choice: unbuffered with `-u`, line-buffered on a terminal, else blocks.
    fn for_stdout() -> Buffering {
        use std::io::IsTerminal;
        let unbuffered = crate::stdlib::sys::config::command_line().is_some_and(|c| c.unbuffered);
        if unbuffered {
            Buffering::Unbuffered
        } else if std::io::stdout().is_terminal() {
            Buffering::Line
        } else {
            Buffering::Block
        }
    }
}

pub struct Runtime {
    pub types: Vec<ObjRef>,
    pub exc_types: Vec<ObjRef>,
    pub builtins: ObjRef,
    pub sys_modules: ObjRef,
    pub recursion_limit: Cell<u32>,
    /// `sys.get_int_max_str_digits()`: the most decimal digits `int(str)` and `str(int)`
    /// convert (0: no limit).
    pub int_max_str_digits: Cell<usize>,
    /// Locks and thread counts of the `_thread` module.
    pub threads: crate::interp::gil::ThreadRegistry,
    pub stdout: RefCell<Output>,
    pub stderr: RefCell<Output>,
    pub argv: Vec<String>,
    /// Directory searched for user modules (the main script's).
    pub module_dir: RefCell<PathBuf>,
    /// Modules whose body is running (`import`), innermost last: a circular import's
    /// "partially initialized module" error names them.
    pub initializing: RefCell<Vec<String>>,
    /// Source text per file name, for traceback lines.
    pub sources: RefCell<std::collections::HashMap<String, Rc<str>>>,
    pub not_implemented: Value,
    /// The one-character strings of U+0000..U+00FF, shared as CPython shares them (`s[0] is
    /// s[0]` holds for them).
    pub latin1_chars: Box<[Value]>,
    /// Interned special-method names (`ThreadState::dunder`).
    pub names: crate::object::names::Names,
    /// Origin of `time.monotonic()`.
    pub started: std::time::Instant,
    /// Compiles imported modules' source.
    pub compile: CompileFn,
    /// The interpreter's GIL recorder (`gil.trace_start()`).
    pub gil_tracer: Option<Arc<crate::interp::gil_trace::GilTracer>>,
    /// Sockets try each call without blocking while holding the GIL, and release it only to
    /// wait (see `stdlib::socket::io`); off: they release it around every call.
    pub io_fast_path: Cell<bool>,
    /// The class of `sys.unraisablehook`'s argument (made by `sys`'s Python part).
    pub unraisable_hook_args: RefCell<Option<ObjRef>>,
    /// The Python handler of each signal (`signal.signal`).
    pub signal_handlers: crate::interp::signals::SignalHandlers,
    /// The sandbox's capabilities and limits (each `ThreadState` holds a clone).
    pub guard: Arc<crate::interp::sandbox::Guard>,
    /// The cycle collector's generations. Last: every object the fields above free is
    /// unlinked from it before it goes.
    pub heap: crate::object::gc::heap::Heap,
}

pub type CompileFn =
    fn(&str, &str) -> Result<Arc<gilvm_compiler::bytecode::CodeObject>, gilvm_syntax::SyntaxError>;

use std::rc::Rc;

impl Runtime {
    /// A one-character string: the shared one for U+0000..U+00FF, else a new one.
    pub fn char_str(&self, c: char) -> Value {
        match self.latin1_chars.get(c as usize) {
            Some(shared) => shared.clone(),
            None => Value::new_str(c.to_string()),
        }
    }

    /// The interpreter-wide state of a new interpreter, from its settings: type objects,
    /// empty `builtins` and `sys.modules` (the caller installs the builtins once the first
    /// thread state exists), streams, and `tracer` as the GIL recorder. Every runtime starts
    /// here (`embed::Session` is the one caller).
    pub fn boot(
        config: &Config,
        tracer: Arc<crate::interp::gil_trace::GilTracer>,
        guard: Arc<crate::interp::sandbox::Guard>,
    ) -> Runtime {
        let types = make_builtin_types();
        let exc_types = make_exception_types(&types[TypeId::Object as usize]);
        let (stdout, stderr) = match &config.capture_output {
            Some(buf) => (Output::Capture(buf.clone()), Output::Capture(buf.clone())),
            None => (
                Output::Stdout(
                    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
                    Buffering::for_stdout(),
                ),
                Output::Stderr(std::io::stderr()),
            ),
        };
        let module_dir = config
            .search_path
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        Runtime {
            types,
            exc_types,
            builtins: new_dict_obj(),
            sys_modules: new_dict_obj(),
            recursion_limit: Cell::new(config.recursion_limit),
            int_max_str_digits: Cell::new(crate::stdlib::sys::initial_int_max_str_digits()),
            threads: Default::default(),
            stdout: RefCell::new(stdout),
            stderr: RefCell::new(stderr),
            argv: config.argv.clone(),
            module_dir: RefCell::new(module_dir),
            initializing: RefCell::new(Vec::new()),
            sources: RefCell::new(Default::default()),
            not_implemented: Value::Obj(ObjRef::new(Obj::NotImplemented)),
            latin1_chars: (0..=255u8)
                .map(|b| Value::new_str(char::from(b).to_string()))
                .collect(),
            names: crate::object::names::Names::new(),
            started: std::time::Instant::now(),
            compile: gilvm_compiler::compile_source,
            gil_tracer: Some(tracer),
            io_fast_path: Cell::new(config.io_fast_path),
            unraisable_hook_args: RefCell::new(None),
            signal_handlers: crate::interp::signals::SignalHandlers::new(config.handle_signals),
            guard,
            heap: Default::default(),
        }
    }

    pub fn type_obj(&self, id: TypeId) -> &ObjRef {
        &self.types[id as usize]
    }

    /// Writes to stderr, flushing stdout first so that interleaving looks right.
    pub fn write_stderr(&self, s: &str) {
        self.stdout.borrow_mut().flush();
        let mut err = self.stderr.borrow_mut();
        err.write_str(s);
        err.flush();
    }
}

fn new_type(name: &str, bases: Vec<ObjRef>, builtin: TypeId, is_exception: bool) -> ObjRef {
    let mut mro = Vec::new();
    for b in &bases {
        mro.push(b.clone());
        if let Obj::Type(t) = &**b {
            mro.extend(t.mro().iter().cloned());
        }
    }
    let mut class = TypeObj::plain(
        name.to_string(),
        builtin.module().into(),
        bases,
        mro,
        Dict::new(),
        builtin,
        is_exception,
    );
    // Native, whichever module names it (`_thread.lock`).
    class.user_class = false;
    class.into_class()
}

/// The built-in type objects, each with its methods in its dict.
fn make_builtin_types() -> Vec<ObjRef> {
    let object = new_type("object", vec![], TypeId::Object, false);
    let mut types: Vec<ObjRef> = Vec::new();
    for id in TypeId::ALL {
        let t = match id {
            TypeId::Object => object.clone(),
            TypeId::Bool => new_type("bool", vec![types[TypeId::Int as usize].clone()], id, false),
            _ => new_type(id.name(), vec![object.clone()], id, false),
        };
        if let Obj::Type(tobj) = &*t {
            *tobj.dict_mut() = crate::objects::method_tables::type_dict(id, &t);
        }
        types.push(t);
    }
    types
}

fn make_exception_types(object: &ObjRef) -> Vec<ObjRef> {
    let mut out: Vec<ObjRef> = Vec::new();
    for (kind, name, parent) in ExcKind::ALL {
        debug_assert_eq!(*kind as usize, out.len());
        let base = match parent {
            Some(p) => out[*p as usize].clone(),
            None => object.clone(),
        };
        out.push(new_type(name, vec![base], TypeId::Object, true));
    }
    out
}
