//! The `sys` module, including the `sys.stdin` / `sys.stdout` / `sys.stderr` stream objects.

pub mod config;
pub mod stdin;

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::interp::unraisable;
use crate::object::args::{int_arg, positional};
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::typeobj::{Instance, TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::dict::Dict;
use crate::objects::function::{method_value, Args, NativeFn};
use crate::objects::str::PyStr;
use crate::stdlib::add_functions;
use crate::text::repr::str_of;

const STREAM_CLASS: &str = "TextIOWrapper";
const FD_ATTR: &str = "_fd";

pub fn fill(ts: &ThreadState, dict: &ObjRef) {
    let put = |name: &str, v: Value| store_dict(dict, &Value::new_str(name), v);
    put(
        "argv",
        Value::new_list(ts.rt.argv.iter().map(Value::new_str).collect()),
    );
    put("modules", Value::Obj(ts.rt.sys_modules.clone()));
    put("maxsize", Value::Int(i64::MAX));
    put("version", Value::new_str("3.11.7 (gilvm)"));
    put("platform", Value::new_str(std::env::consts::OS));
    put(
        "byteorder",
        Value::new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    let command_line = config::command_line();
    let flags = command_line.map_or_else(config::SysFlags::new, |c| c.flags);
    let fields = flags
        .fields()
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                config::FlagValue::Int(i) => Value::Int(i),
                config::FlagValue::Bool(b) => Value::Bool(b),
            };
            Value::new_tuple(vec![Value::new_str(name), value])
        })
        .collect();
    put("_flag_fields", Value::new_list(fields));
    put("_gilvm_version", Value::new_str(env!("CARGO_PKG_VERSION")));
    put(
        "dont_write_bytecode",
        Value::Bool(flags.dont_write_bytecode > 0),
    );
    put("path", Value::new_list(initial_path(ts, command_line)));
    let executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    // The installation prefix: the directory above the one holding the executable.
    let prefix = std::path::Path::new(&executable)
        .parent()
        .and_then(|bin| bin.parent())
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        put(name, Value::new_str(&prefix));
    }
    put("executable", Value::new_str(&executable));
    put("_base_executable", Value::new_str(&executable));
    let orig_argv = match command_line {
        Some(c) => c.orig_argv.clone(),
        None => ts.rt.argv.clone(),
    };
    put(
        "orig_argv",
        Value::new_list(orig_argv.iter().map(Value::new_str).collect()),
    );
    let (xoptions, warnoptions) = match command_line {
        Some(c) => (c.xoptions.clone(), c.warnoptions.clone()),
        None => (Vec::new(), Vec::new()),
    };
    let mut x = Dict::new();
    for (name, value) in xoptions {
        x.set_str(&name, value.map_or(Value::Bool(true), Value::new_str));
    }
    put(
        "_xoptions",
        Value::Obj(ObjRef::new(Obj::Dict(Box::new(RefCell::new(x))))),
    );
    put(
        "warnoptions",
        Value::new_list(warnoptions.iter().map(Value::new_str).collect()),
    );
    let mut builtin_names: Vec<&str> = crate::interp::import::built_in_names().collect();
    builtin_names.sort_unstable();
    put(
        "builtin_module_names",
        Value::new_tuple(builtin_names.into_iter().map(Value::new_str).collect()),
    );
    put("maxunicode", Value::Int(0x10FFFF));
    put("float_repr_style", Value::new_str("short"));
    put("api_version", Value::Int(1013));
    let stream_class = stream_class(ts);
    put("stdin", new_stream(&stream_class, 0));
    put("stdout", new_stream(&stream_class, 1));
    put("stderr", new_stream(&stream_class, 2));
    add_functions(dict, FUNCTIONS);
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("exit", exit),
    ("getrecursionlimit", getrecursionlimit),
    ("get_int_max_str_digits", get_int_max_str_digits),
    ("set_int_max_str_digits", set_int_max_str_digits),
    ("setrecursionlimit", setrecursionlimit),
    ("getswitchinterval", getswitchinterval),
    ("setswitchinterval", setswitchinterval),
    ("exc_info", exc_info),
    ("getsizeof", getsizeof),
    ("intern", intern),
    ("settrace", settrace),
    ("gettrace", gettrace),
    ("setprofile", settrace),
    ("getprofile", gettrace),
    ("getdefaultencoding", utf8_encoding),
    ("getfilesystemencoding", utf8_encoding),
    ("excepthook", excepthook),
    ("__excepthook__", excepthook),
    ("unraisablehook", unraisablehook),
    ("_set_unraisable_hook_args", set_unraisable_hook_args),
];

/// `sys.path` at startup: `sys.path[0]` (the script's directory, `''`...), `PYTHONPATH`,
/// then the embedded standard library.
fn initial_path(ts: &ThreadState, command_line: Option<&config::CommandLine>) -> Vec<Value> {
    let mut path = Vec::new();
    match command_line {
        Some(c) => {
            path.extend(c.path0.iter().map(Value::new_str));
            path.extend(c.pythonpath.iter().map(Value::new_str));
        }
        None => path.push(Value::new_str(
            ts.rt.module_dir.borrow().to_string_lossy().to_string(),
        )),
    }
    path.push(Value::new_str(crate::interp::import::STDLIB_ENTRY));
    path
}

fn stream_class(ts: &ThreadState) -> ObjRef {
    native_class(ts, STREAM_CLASS, "_io", STREAM_METHODS)
}

/// A class of native methods (`object` its only base): `_io.TextIOWrapper` for the
/// streams, `_sitebuiltins.Quitter` for `exit` and `quit`.
pub fn native_class(
    ts: &ThreadState,
    name: &str,
    module: &str,
    methods: &[(&'static str, NativeFn)],
) -> ObjRef {
    let mut d = Dict::new();
    for (name, f) in methods {
        d.set_str(name, method_value(name, *f));
    }
    let object = ts.rt.type_obj(TypeId::Object).clone();
    TypeObj::plain(
        name.into(),
        module.into(),
        vec![object.clone()],
        vec![object],
        d,
        TypeId::Object,
        false,
    )
    .into_class()
}

const STREAM_METHODS: &[(&str, NativeFn)] = &[
    ("write", stream_write),
    ("flush", stream_flush),
    ("readline", stream_readline),
    ("readlines", stream_readlines),
    ("read", stream_read),
    ("__iter__", stream_iter),
    ("__next__", stream_next),
    ("fileno", stream_fileno),
    ("readable", stream_readable),
    ("writable", stream_writable),
    ("isatty", stream_isatty),
    ("close", stream_close),
];

fn new_stream(class: &ObjRef, fd: i64) -> Value {
    let mut d = Dict::new();
    d.set_str(FD_ATTR, Value::Int(fd));
    let name = match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    d.set_str("name", Value::new_str(name));
    d.set_str("closed", Value::Bool(false));
    Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
        class.clone(),
        d,
        None,
    ))))
}

/// The error handler a standard stream encodes with, as CPython chooses it: stderr
/// `backslashreplace`; stdout `surrogateescape` under the C, POSIX or C.UTF-8 locale (PEP 538,
/// 540), else `strict`.
pub fn stdio_errors(fd: i64) -> &'static str {
    if fd == 2 {
        return "backslashreplace";
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "C".into());
    match locale.as_str() {
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

/// The file descriptor of a `sys.stdout` / `sys.stderr` object.
pub fn stream_fd(v: &Value) -> Option<i64> {
    let inst = v.as_instance()?;
    match inst.class() {
        Obj::Type(t) if t.name == STREAM_CLASS && t.module == "_io" => {
            match inst.attr_str(FD_ATTR) {
                Some(Value::Int(fd)) => Some(fd),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `io.UnsupportedOperation(message)`, raised by reading stdout or writing stdin.
fn unsupported(ts: &mut ThreadState, message: &str) -> ObjRef {
    let class = crate::interp::import::import_module(ts, "io").and_then(|io| {
        crate::protocol::attr::get_attr(ts, &io, &Value::new_str("UnsupportedOperation"))
    });
    let exc = class
        .and_then(|c| crate::protocol::call::call_value(ts, &c, &[Value::new_str(message)], &[]));
    match exc {
        Ok(Value::Obj(e)) | Err(e) => e,
        Ok(_) => ts.new_exc(ExcKind::OSError, message),
    }
}

/// Fails unless `this` is `sys.stdin`, open.
fn check_readable(ts: &mut ThreadState, this: &Value) -> PyResult<()> {
    check_open(ts, this)?;
    match stream_fd(this) {
        Some(0) => Ok(()),
        _ => Err(unsupported(ts, "not readable")),
    }
}

fn stream_readline(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    check_readable(ts, this)?;
    stdin::readline(ts, args)
}

fn stream_readlines(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    check_readable(ts, this)?;
    stdin::readlines(ts, args)
}

fn stream_read(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    check_readable(ts, this)?;
    stdin::read(ts, args)
}

fn stream_iter(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__iter__", args, 0, 0)?;
    Ok(this.clone())
}

fn stream_next(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__next__", args, 0, 0)?;
    check_readable(ts, this)?;
    stdin::next_line(ts)
}

fn stream_write(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "write", args, 1, 1)?;
    check_open(ts, this)?;
    if stream_fd(this) == Some(0) {
        return Err(unsupported(ts, "not writable"));
    }
    let Some(s) = a[0].as_str() else {
        return Err(ts.type_error(format!(
            "write() argument must be str, not {}",
            crate::object::class_of::type_name(ts, &a[0])
        )));
    };
    write_std(ts, stream_fd(this).unwrap_or(1), &a[0], s)?;
    Ok(Value::Int(s.char_len() as i64))
}

/// Writes the str `value` (whose payload is `s`) to standard stream `fd` (1 or 2), encoded
/// as CPython's stream would: a lone surrogate goes through [`stdio_errors`]' handler.
pub fn write_std(ts: &mut ThreadState, fd: i64, value: &Value, s: &PyStr) -> PyResult<()> {
    let Some(text) = s.exact_str() else {
        let bytes = crate::text::codecs::encode(ts, value, s, "utf-8", stdio_errors(fd))?;
        ts.rt.stdout.borrow_mut().flush();
        match fd {
            2 => ts.rt.stderr.borrow_mut().write_bytes(&bytes),
            _ => ts.rt.stdout.borrow_mut().write_bytes(&bytes),
        }
        return Ok(());
    };
    let text = text.to_string();
    match fd {
        2 => ts.rt.write_stderr(&text),
        _ => ts.rt.stdout.borrow_mut().write_str(&text),
    }
    Ok(())
}

fn stream_flush(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    if stream_fd(this) == Some(1) {
        ts.rt.stdout.borrow_mut().flush();
    }
    Ok(Value::None)
}

/// `close()`: later reads and writes raise `ValueError`; the descriptor stays open, as
/// CPython's standard streams are made with `closefd=False`.
fn stream_close(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "close", args, 0, 0)?;
    if stream_fd(this) == Some(1) {
        ts.rt.stdout.borrow_mut().flush();
    }
    if let Some(inst) = this.as_instance() {
        inst.set_attr_str("closed", Value::Bool(true));
    }
    Ok(Value::None)
}

fn check_open(ts: &ThreadState, this: &Value) -> PyResult<()> {
    let closed = this
        .as_instance()
        .and_then(|inst| inst.attr_str("closed"))
        .is_some_and(|v| matches!(v, Value::Bool(true)));
    match closed {
        true => Err(ts.new_exc(ExcKind::ValueError, "I/O operation on closed file.")),
        false => Ok(()),
    }
}

fn stream_fileno(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "fileno", args, 0, 0)?;
    Ok(stream_fd(this).map_or(Value::None, Value::Int))
}

fn stream_readable(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "readable", args, 0, 0)?;
    Ok(Value::Bool(stream_fd(this) == Some(0)))
}

fn stream_writable(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "writable", args, 0, 0)?;
    Ok(Value::Bool(stream_fd(this).is_some_and(|fd| fd != 0)))
}

fn stream_isatty(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "isatty", args, 0, 0)?;
    let fd = stream_fd(this).unwrap_or(-1);
    // SAFETY: isatty takes any fd number (a bad one answers 0).
    Ok(Value::Bool(unsafe { libc::isatty(fd as libc::c_int) } == 1))
}

fn exit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "exit", args, 0, 1)?;
    let exc = new_exception(ts.exc_class(ExcKind::SystemExit), a.to_vec());
    Err(exc)
}

fn getrecursionlimit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(ts.rt.recursion_limit.get() as i64))
}

fn setrecursionlimit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setrecursionlimit", args, 1, 1)?;
    let n = int_arg(ts, &a[0])?;
    if n < 1 {
        return Err(ts.value_error("recursion limit must be greater or equal than 1"));
    }
    let limit = n.min(u32::MAX as i64) as u32;
    ts.rt.recursion_limit.set(limit);
    ts.recursion_limit = limit;
    Ok(Value::None)
}

/// The digit limit a new interpreter starts with: `-X int_max_str_digits` or
/// `PYTHONINTMAXSTRDIGITS` (the command line's `sys.flags.int_max_str_digits`), else CPython's
/// default.
pub fn initial_int_max_str_digits() -> usize {
    config::command_line()
        .and_then(|c| usize::try_from(c.flags.int_max_str_digits).ok())
        .unwrap_or(crate::objects::int::DEFAULT_MAX_STR_DIGITS)
}

fn get_int_max_str_digits(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "sys.get_int_max_str_digits", args, 0, 0)?;
    Ok(Value::Int(ts.rt.int_max_str_digits.get() as i64))
}

fn set_int_max_str_digits(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    const NAME: &str = "set_int_max_str_digits()";
    if args.pos.len() > 1 {
        let n = args.pos.len();
        return Err(ts.type_error(format!("{NAME} takes at most 1 argument ({n} given)")));
    }
    let Some(value) = args.pos.first().or_else(|| args.kw("maxdigits")) else {
        return Err(ts.type_error(format!(
            "{NAME} missing required argument 'maxdigits' (pos 1)"
        )));
    };
    let n = i64::from(crate::object::args::c_int_arg(ts, value)?);
    let min = crate::objects::int::MIN_MAX_STR_DIGITS as i64;
    if n != 0 && n < min {
        return Err(ts.value_error(format!("maxdigits must be 0 or larger than {min}")));
    }
    ts.rt.int_max_str_digits.set(n as usize);
    Ok(Value::None)
}

fn exc_info(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "exc_info", args, 0, 0)?;
    Ok(match ts.handled.clone() {
        Value::Obj(e) => {
            let class = Value::Obj(crate::object::class_of::class_of(
                ts,
                &Value::Obj(e.clone()),
            ));
            let tb = crate::interp::frame_objects::get_traceback(ts, &e)?;
            Value::new_tuple(vec![class, Value::Obj(e), tb])
        }
        _ => Value::new_tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// The process exit status for an uncaught `SystemExit`, printing its message like CPython.
pub fn exit_status(ts: &mut ThreadState, exc: &ObjRef) -> i32 {
    let code = crate::object::error::exc_data(exc)
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or(Value::None);
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            let text = str_of(ts, &other).unwrap_or_default();
            ts.rt.write_stderr(&format!("{text}\n"));
            1
        }
    }
}

fn getswitchinterval(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getswitchinterval", args, 0, 0)?;
    Ok(Value::Float(ts.gil.gil().switch_interval().as_secs_f64()))
}

fn setswitchinterval(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setswitchinterval", args, 1, 1)?;
    let seconds = match &a[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        v => {
            let name = crate::object::class_of::type_name(ts, v);
            return Err(ts.type_error(format!("must be real number, not {name}")));
        }
    };
    if seconds <= 0.0 || seconds.is_nan() {
        return Err(ts.value_error("switch interval must be strictly positive"));
    }
    let interval = std::time::Duration::from_secs_f64(seconds.min(1e9));
    ts.gil.gil().set_switch_interval(interval);
    Ok(Value::None)
}

/// `sys.getsizeof(object[, default])`: the bytes gilvm uses for the object: its header and
/// payload, plus the heap storage of strings, bytes and containers (not of their items).
fn getsizeof(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getsizeof", args, 1, 2)?;
    let word = std::mem::size_of::<Value>();
    let Value::Obj(o) = &a[0] else {
        return Ok(Value::Int(word as i64));
    };
    let header = std::mem::size_of::<Obj>() + 2 * std::mem::size_of::<usize>();
    let extra = match &**o {
        Obj::Str(s) => s.heap_bytes(),
        Obj::Bytes(b) => b.len(),
        Obj::List(items) => items.borrow().capacity() * word,
        Obj::Tuple(items) => items.len() * word,
        Obj::Dict(d) => d.borrow().len() * 3 * word,
        _ => 0,
    };
    Ok(Value::Int((header + extra) as i64))
}

fn intern(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "intern", args, 1, 1)?;
    if a[0].as_str().is_none() {
        let t = crate::object::class_of::type_name(ts, &a[0]);
        return Err(ts.type_error(format!("intern() argument must be str, not {t}")));
    }
    Ok(a[0].clone())
}

/// `sys.settrace` / `sys.setprofile`: gilvm has no tracing hooks; the function is accepted
/// and never called.
fn settrace(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "settrace", args, 1, 1)?;
    Ok(Value::None)
}

fn gettrace(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "gettrace", args, 0, 0)?;
    Ok(Value::None)
}

fn utf8_encoding(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getdefaultencoding", args, 0, 0)?;
    Ok(Value::new_str("utf-8"))
}

/// `sys.unraisablehook(unraisable)`, the default: writes the record as CPython does
/// ("Exception ignored in: <object>", the traceback, the exception) to `sys.stderr`.
fn unraisablehook(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "unraisablehook", args, 1, 1)?;
    let Some(fields) = unraisable::hook_args_fields(ts, &a[0]) else {
        return Err(ts.new_exc(
            ExcKind::TypeError,
            "sys.unraisablehook argument type must be UnraisableHookArgs",
        ));
    };
    let (exc_type, exc_value, exc_tb) = (&fields[0], &fields[1], Some(&fields[2]));
    let text = unraisable::default_text(ts, exc_type, exc_value, exc_tb, &fields[3], &fields[4]);
    unraisable::write_to_sys_stderr(ts, &text);
    Ok(Value::None)
}

/// `_set_unraisable_hook_args(cls)`: `sys.py` hands over the record class it made (and then
/// deletes this function).
fn set_unraisable_hook_args(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_set_unraisable_hook_args", args, 1, 1)?;
    *ts.rt.unraisable_hook_args.borrow_mut() = a[0].obj().cloned();
    Ok(Value::None)
}

/// `sys.excepthook(type, value, traceback)`: prints the exception's traceback to stderr.
fn excepthook(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "excepthook", args, 3, 3)?;
    match &a[1] {
        Value::Obj(e) if crate::object::error::exc_data(e).is_some() => {
            let text = crate::interp::traceback::format_exception(ts, e);
            ts.rt.write_stderr(&text);
        }
        other => {
            let text = str_of(ts, other).unwrap_or_default();
            ts.rt.write_stderr(&format!(
                "TypeError: print_exception(): Exception expected for value, {text} found\n"
            ));
        }
    }
    Ok(Value::None)
}
