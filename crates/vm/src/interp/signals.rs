//! Signals, turned into Python calls at the eval breaker, as CPython's `signalmodule.c` does.
//!
//! A signal lands in a native handler ([`on_signal`], installed without `SA_RESTART`) on
//! whatever OS thread the kernel picks; it only marks the signal tripped in two atomics, which
//! is async-signal-safe. An embedding host does the same through [`trip`] (the keyboard
//! interrupt handle, the prompt's Ctrl-C). Every eval-breaker check point
//! (`ThreadState::check_eval_breaker`: backward jumps and calls) reads [`pending`] with one
//! relaxed load; the slow path, [`handle_pending`], runs only in the script's main thread,
//! which calls the Python handler of each tripped signal (SIGINT's default,
//! `default_int_handler`, raises `KeyboardInterrupt`). Other threads leave the flag for it:
//! a thread spinning with the GIL hands the lock over at the next forced switch, and a main
//! thread blocked without the GIL wakes within one slice of its wait
//! (`interp::interruptible`).
//!
//! A deadly signal left to its default (SIGTERM) is caught too, only to write out what the
//! program buffered before dying by it (`interp::signal_exit`).
//!
//! The Python-visible handlers are per runtime (`Runtime::signal_handlers`); the tripped
//! flags are per process, like the signals themselves.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::interp::sandbox::reserve;
use crate::interp::signal_exit;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::function::{native_value, Args};
use crate::protocol::call::call_value;

/// Signal numbers are `1..NSIG` (Linux: 64 signals, real-time ones included).
pub const NSIG: usize = 65;

/// `signal.SIG_DFL` and `signal.SIG_IGN`, as the handler table stores them.
pub const SIG_DFL: i64 = 0;
pub const SIG_IGN: i64 = 1;

static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Set with any [`TRIPPED`] flag: the eval breaker's one load.
static PENDING: AtomicBool = AtomicBool::new(false);

/// Marks `signum` to be handled by the main thread at its next check point
/// (async-signal-safe: two atomic stores).
pub fn trip(signum: usize) {
    if let Some(flag) = TRIPPED.get(signum) {
        flag.store(true, Ordering::SeqCst);
        PENDING.store(true, Ordering::SeqCst);
    }
}

/// Makes every thread's next check point call [`handle_pending`] (the emergency memory
/// reserve uses it: `interp::sandbox::reserve`).
pub fn wake_eval_breaker() {
    PENDING.store(true, Ordering::SeqCst);
}

/// Asks the main thread to run SIGINT's handler (by default: raise `KeyboardInterrupt`).
pub fn request_interrupt() {
    trip(libc::SIGINT as usize);
}

/// Forgets a pending interrupt (the prompt cancels its line itself).
pub fn clear_interrupt() {
    TRIPPED[libc::SIGINT as usize].store(false, Ordering::SeqCst);
}

/// Whether a signal waits (one relaxed load: the eval breaker's fast path).
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// The native handler of every signal with a Python handler.
extern "C" fn on_signal(signum: libc::c_int) {
    trip(signum as usize);
    signal_exit::on_signal(signum);
}

/// Sets the OS disposition of `signum`: [`SIG_DFL`], [`SIG_IGN`], or (`None`) our handler.
/// Without `SA_RESTART`, so a system call it interrupts fails with `EINTR` (PEP 475: the
/// caller runs the handlers and retries).
pub fn set_os_handler(signum: i32, disposition: Option<i64>) -> std::io::Result<()> {
    let handler: libc::sighandler_t = match disposition {
        Some(SIG_DFL) => libc::SIG_DFL,
        Some(_) => libc::SIG_IGN,
        None => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: a zeroed `sigaction` is a valid empty one (no flags, and `sigemptyset` fills
    // the mask); the handler only stores to atomics, which is async-signal-safe.
    let failed = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(signum, &action, std::ptr::null_mut()) != 0
    };
    match failed {
        true => Err(std::io::Error::last_os_error()),
        false => Ok(()),
    }
}

/// The OS disposition of `signum` as `getsignal` shows one Python never set: `SIG_DFL`,
/// `SIG_IGN`, or `None` (a handler installed by the host).
fn os_disposition(signum: usize) -> Value {
    // SAFETY: a zeroed `sigaction` is a valid output buffer; a null new action only reads.
    let current = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signum as i32, std::ptr::null(), &mut action) != 0 {
            return Value::None;
        }
        action.sa_sigaction
    };
    match current {
        libc::SIG_DFL => Value::Int(SIG_DFL),
        libc::SIG_IGN => Value::Int(SIG_IGN),
        _ => Value::None,
    }
}

/// The Python-visible handler of each signal (`Null`: not read from the OS yet).
pub struct SignalHandlers {
    table: RefCell<Vec<Value>>,
    /// `signal.default_int_handler`, SIGINT's handler from the start.
    pub default_int_handler: Value,
}

impl SignalHandlers {
    /// The table of a new runtime. With `install` (the `gilvm` command, CPython's
    /// `Py_Initialize`), SIGINT raises `KeyboardInterrupt` unless the process started with it
    /// ignored, and SIGTERM's default first flushes what the program wrote
    /// ([`signal_exit::die_by`]).
    pub fn new(install: bool) -> SignalHandlers {
        let default_int_handler =
            native_value("default_int_handler", default_int_handler, Value::Null);
        let mut table = vec![Value::Null; NSIG];
        let sigint = libc::SIGINT as usize;
        table[sigint] = default_int_handler.clone();
        if install {
            if matches!(os_disposition(sigint), Value::Int(SIG_IGN)) {
                table[sigint] = Value::Int(SIG_IGN);
            } else {
                let _ = set_os_handler(libc::SIGINT, None);
            }
            let sigterm = libc::SIGTERM as usize;
            if matches!(os_disposition(sigterm), Value::Int(SIG_DFL)) {
                table[sigterm] = Value::Int(SIG_DFL);
                signal_exit::catch_to_flush(libc::SIGTERM);
            }
        }
        SignalHandlers {
            table: RefCell::new(table),
            default_int_handler,
        }
    }

    /// `getsignal(signum)` (`signum` in `1..NSIG`).
    pub fn get(&self, signum: usize) -> Value {
        let mut table = self.table.borrow_mut();
        if matches!(table[signum], Value::Null) {
            table[signum] = os_disposition(signum);
        }
        table[signum].clone()
    }

    /// Records `handler` (the caller has set the OS disposition to match).
    pub fn set(&self, signum: usize, handler: Value) {
        signal_exit::stop_catching(signum);
        self.table.borrow_mut()[signum] = handler;
    }
}

/// `signal.default_int_handler(signalnum, frame)`: raises `KeyboardInterrupt`.
fn default_int_handler(ts: &mut ThreadState, _this: &Value, _args: &Args) -> PyResult {
    Err(new_exception(
        ts.exc_class(ExcKind::KeyboardInterrupt),
        Vec::new(),
    ))
}

/// Whether `ts` is the script's main thread, the one that runs signal handlers.
pub fn is_main_thread(ts: &ThreadState) -> bool {
    ts.ident() == ts.rt.threads.main_ident.get()
}

/// The slow path of the eval breaker: a `MemoryError` the emergency reserve owes (any
/// thread), then, in the main thread, the handler of each tripped signal; an exception from
/// one propagates (the others run at the next check point).
#[cold]
pub fn handle_pending(ts: &mut ThreadState) -> PyResult<()> {
    reserve::at_check_point(ts)?;
    let result = run_handlers(ts);
    if reserve::wants_check_points() {
        PENDING.store(true, Ordering::SeqCst);
    }
    result
}

fn run_handlers(ts: &mut ThreadState) -> PyResult<()> {
    if !is_main_thread(ts) || !PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for (signum, tripped) in TRIPPED.iter().enumerate().skip(1) {
        if !tripped.swap(false, Ordering::SeqCst) {
            continue;
        }
        let handler = ts.rt.signal_handlers.get(signum);
        let result = match handler {
            // Caught by us only to flush first (SIGTERM); tripped by a host, ignored.
            Value::Int(SIG_DFL) => {
                if signal_exit::caught_to_flush(signum) {
                    signal_exit::die_by(ts, signum as i32);
                }
                Ok(Value::None)
            }
            Value::Int(_) | Value::None => Ok(Value::None),
            handler => call_value(ts, &handler, &[Value::Int(signum as i64), Value::None], &[]),
        };
        if let Err(exc) = result {
            PENDING.store(true, Ordering::SeqCst);
            return Err(exc);
        }
    }
    Ok(())
}
