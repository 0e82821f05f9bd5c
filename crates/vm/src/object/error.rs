//! Python exceptions on the Rust side: `PyResult`, the built-in exception classes, and helpers
//! that build exception instances with CPython's messages.

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::typeobj::{ExcData, Instance};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;

/// `Err` holds the raised exception instance.
pub type PyResult<T = Value> = Result<T, ObjRef>;

macro_rules! exc_kinds {
    ($($kind:ident : $parent:ident),* $(,)?) => {
        /// The built-in exception classes (each listed after its base).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ExcKind { BaseException, $($kind),* }

        impl ExcKind {
            pub const ALL: &'static [(ExcKind, &'static str, Option<ExcKind>)] = &[
                (ExcKind::BaseException, "BaseException", None),
                $((ExcKind::$kind, stringify!($kind), Some(ExcKind::$parent))),*
            ];
        }
    };
}

exc_kinds! {
    Exception: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    LimitExceeded: BaseException,
    GeneratorExit: BaseException,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    ValueError: Exception,
    UnicodeError: ValueError,
    TypeError: Exception,
    AttributeError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    RuntimeError: Exception,
    SystemError: Exception,
    RecursionError: RuntimeError,
    NotImplementedError: RuntimeError,
    AssertionError: Exception,
    MemoryError: Exception,
    BufferError: Exception,
    ReferenceError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    OSError: Exception,
    FileNotFoundError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    BlockingIOError: OSError,
    InterruptedError: OSError,
    TimeoutError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    ProcessLookupError: OSError,
    ChildProcessError: OSError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    EOFError: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    RuntimeWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

/// Creates an exception instance of class `class` with `args`.
pub fn new_exception(class: &ObjRef, args: Vec<Value>) -> ObjRef {
    ObjRef::new(Obj::Instance(Instance::new(
        class.clone(),
        Dict::new(),
        Some(RefCell::new(ExcData {
            args,
            cause: Value::None,
            context: Value::None,
            ..ExcData::default()
        })),
    )))
}

impl ThreadState {
    pub fn exc_class(&self, kind: ExcKind) -> &ObjRef {
        &self.rt.exc_types[kind as usize]
    }

    /// A new exception of a built-in class with a single message argument.
    pub fn new_exc(&self, kind: ExcKind, msg: impl Into<String>) -> ObjRef {
        new_exception(self.exc_class(kind), vec![Value::new_str(msg.into())])
    }

    pub fn type_error(&self, msg: impl Into<String>) -> ObjRef {
        self.new_exc(ExcKind::TypeError, msg)
    }

    pub fn value_error(&self, msg: impl Into<String>) -> ObjRef {
        self.new_exc(ExcKind::ValueError, msg)
    }

    pub fn index_error(&self, msg: impl Into<String>) -> ObjRef {
        self.new_exc(ExcKind::IndexError, msg)
    }

    pub fn zero_division(&self, msg: impl Into<String>) -> ObjRef {
        self.new_exc(ExcKind::ZeroDivisionError, msg)
    }

    pub fn key_error(&self, key: Value) -> ObjRef {
        new_exception(self.exc_class(ExcKind::KeyError), vec![key])
    }

    pub fn stop_iteration(&self, value: Value) -> ObjRef {
        let args = if value.is_none() { vec![] } else { vec![value] };
        new_exception(self.exc_class(ExcKind::StopIteration), args)
    }

    /// Whether exception `exc` is an instance of the built-in class `kind`.
    pub fn exc_matches(&self, exc: &ObjRef, kind: ExcKind) -> bool {
        match &**exc {
            Obj::Instance(inst) => {
                crate::object::typeobj::is_subclass(inst.class(), self.exc_class(kind))
            }
            _ => false,
        }
    }
}

/// The exception data of an exception instance.
pub fn exc_data(exc: &ObjRef) -> Option<&RefCell<ExcData>> {
    match &**exc {
        Obj::Instance(inst) => inst.exc.as_deref(),
        _ => None,
    }
}
