//! Sessions: a long-lived runtime that host threads enter under the GIL, host thread
//! registrations, and the queue of releases deferred by threads that did not hold the lock.

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::path::Path;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use gilvm_compiler::bytecode::CodeObject;
use gilvm_gil::{Gil, ThreadHandle, ThreadId};

use crate::embed::{object, Object};
use crate::interp::gil_trace::{GilTracer, TraceStateError};
use crate::interp::runtime::{Config, Runtime};
use crate::interp::sandbox::Guard;
use crate::interp::thread_state::ThreadState;
use crate::object::value::Value;
use crate::Trace;

/// How a program run as `__main__` ([`Session::run_main`]) ended other than normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// An uncaught exception: its class name, its `str()`, and the full traceback text
    /// CPython prints to stderr.
    Exception {
        type_name: String,
        message: String,
        traceback: String,
    },
    /// `SystemExit`: the process exit status (its message, if any, is already printed).
    Exit(i32),
}

/// Native stack of the thread that runs a main script: Python calls do not use it, but
/// native re-entries (`__repr__`, `sorted(key=...)`, generators) do, up to the recursion
/// limit (less under `ulimit -v`: `interp::native_stack`).
const MAIN_STACK_BYTES: usize = 512 << 20;

/// A value owned outside the GIL: only touched by a thread that proves it holds the lock.
struct GilOwned<T>(ManuallyDrop<T>);

// SAFETY: the contents (objects with non-atomic counts) are only reached through `get` and
// `into_inner`, which check that the caller holds the GIL of the session that owns them, so
// all accesses are serialized by the GIL's mutex. Dropping the wrapper leaks the contents
// rather than releasing them without the lock.
unsafe impl<T> Send for GilOwned<T> {}
// SAFETY: as for `Send`: `&GilOwned` gives no access to the contents without the GIL.
unsafe impl<T> Sync for GilOwned<T> {}

impl<T> GilOwned<T> {
    fn new(value: T) -> GilOwned<T> {
        GilOwned(ManuallyDrop::new(value))
    }

    fn get(&self, holder: &ThreadHandle) -> &T {
        assert!(holder.holds_gil(), "GIL-owned value read without the GIL");
        &self.0
    }

    fn into_inner(self, holder: &ThreadHandle) -> T {
        assert!(holder.holds_gil(), "GIL-owned value opened without the GIL");
        ManuallyDrop::into_inner(self.0)
    }
}

/// An interpreter that host threads enter, each under the GIL, any number of times.
pub struct Session {
    gil: Arc<Gil>,
    /// Records the GIL's events on demand (`trace_start`, a script's `gil.trace_start()`).
    tracer: Arc<GilTracer>,
    config: Config,
    /// The sandbox and limits (shared with the runtime and the host's interrupt handles).
    guard: Arc<Guard>,
    /// Set by [`Session::finalize`] when daemon threads were still running: they keep
    /// waiting for the GIL, which the finalizing thread never releases.
    frozen: AtomicBool,
    /// Created by the first thread that enters.
    runtime: Mutex<Option<GilOwned<Rc<Runtime>>>>,
    /// Values released by threads that did not hold the GIL, dropped by the next one that
    /// enters (PyO3's reference pool).
    pending: Mutex<Vec<GilOwned<Value>>>,
    /// The cycle collector's figures when the runtime was finalized.
    final_gc_stats: Mutex<crate::GcStats>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // The protected data stays valid if a holder panicked: every update is a single push,
    // take or replace.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Session {
    /// A session with these settings; its runtime boots when a thread first enters.
    pub fn new(config: Config) -> Arc<Session> {
        let (gil, tracer) = GilTracer::new_gil(config.gil);
        Arc::new(Session {
            gil,
            tracer,
            guard: Arc::new(Guard::new(config.sandbox.clone(), config.limits.clone())),
            config,
            frozen: AtomicBool::new(false),
            runtime: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
            final_gc_stats: Mutex::default(),
        })
    }

    /// The session's GIL (its stats, its holder).
    pub fn gil(&self) -> &Arc<Gil> {
        &self.gil
    }

    /// The sandbox and limits of the session's scripts (to restart a run's budgets, to learn
    /// which limit fired, to hand out interrupt handles).
    pub fn guard(&self) -> &Arc<Guard> {
        &self.guard
    }

    /// The settings the session was made with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Starts recording every GIL event of the session's threads until
    /// [`Session::trace_stop`]. Fails if a recording is in progress (the embedder's, or a
    /// script's `gil.trace_start()`).
    pub fn trace_start(&self) -> Result<(), TraceStateError> {
        self.tracer.start_for_embedder()
    }

    /// Stops the recording started by [`Session::trace_start`] and returns it.
    pub fn trace_stop(&self) -> Result<Trace, TraceStateError> {
        self.tracer.stop_for_embedder()
    }

    /// Runs `f` on this thread holding the GIL: registers the thread with the lock the first
    /// time, waits for the lock, runs `f`, releases it. Script threads and other host threads
    /// compete for it under the session's policy.
    ///
    /// Panics if this thread already holds this session's GIL (use the state you have).
    ///
    /// # Safety
    /// No [`Object`] made inside `f` may outlive the call (returned, or stored anywhere that
    /// outlives it, thread-locals included): its reference count is only safe to touch while
    /// the GIL is held. Keep values across calls in a [`Detached`].
    pub unsafe fn enter<R>(self: &Arc<Self>, f: impl FnOnce(&mut ThreadState) -> R) -> R {
        // SAFETY: the caller's promise, passed on.
        unsafe { self.enter_as(host_thread_name, f) }
    }

    /// [`Session::enter`], registering a thread new to the session under `name()`.
    ///
    /// # Safety
    /// As for [`Session::enter`].
    unsafe fn enter_as<R>(
        self: &Arc<Self>,
        name: impl Fn() -> String,
        f: impl FnOnce(&mut ThreadState) -> R,
    ) -> R {
        assert!(
            !self.frozen.load(Ordering::Acquire),
            "the interpreter was finalized while daemon threads were running: it cannot be entered again"
        );
        match take_registration(&self.gil, &name) {
            Taken::Handle(handle) => {
                let key = gil_key(&self.gil);
                let restore = RestoreOnExit { key };
                let (result, handle) = self.run_holding(handle, f);
                if let Some(handle) = handle {
                    handle.release();
                    put_back(key, handle);
                }
                drop(restore);
                result
            }
            Taken::Nested => {
                // Inside `allow_threads` of an outer scope: a temporary registration.
                let handle = self.gil.register_thread(&name());
                let (result, handle) = self.run_holding(handle, f);
                drop(handle);
                result
            }
        }
    }

    /// Runs `f` holding the GIL; the handle back, or `None` if `f` froze the session (the
    /// state is then leaked with the lock held).
    fn run_holding<R>(
        &self,
        handle: ThreadHandle,
        f: impl FnOnce(&mut ThreadState) -> R,
    ) -> (R, Option<ThreadHandle>) {
        handle.acquire();
        let (rt, fresh) = self.runtime(&handle);
        let mut ts = ThreadState::new(rt, handle);
        if fresh {
            crate::builtins::install(&ts);
            ts.rt.threads.main_ident.set(ts.ident());
        }
        self.drain_pending(&ts);
        let result = f(&mut ts);
        ts.rt.stdout.borrow_mut().flush();
        if self.frozen.load(Ordering::Acquire) {
            // Daemon threads still run: keep the GIL forever (never drop the state) so that
            // they stay frozen, as CPython's finalization freezes them.
            std::mem::forget(ts);
            return (result, None);
        }
        self.drain_pending(&ts);
        (result, Some(into_handle(ts)))
    }

    /// The runtime (a new reference), booting it on first use; `true` if just booted.
    fn runtime(&self, holder: &ThreadHandle) -> (Rc<Runtime>, bool) {
        let mut slot = lock(&self.runtime);
        if let Some(rt) = slot.as_ref() {
            return (rt.get(holder).clone(), false);
        }
        let rt = Rc::new(Runtime::boot(
            &self.config,
            Arc::clone(&self.tracer),
            Arc::clone(&self.guard),
        ));
        *slot = Some(GilOwned::new(rt.clone()));
        (rt, true)
    }

    /// Runs `code` (a compiled module body) as a whole program, the way `python FILE` does:
    /// on a new thread with a large native stack (registered as `MainThread` when it is the
    /// session's first), in module `__main__` with `__file__` set, importing from the
    /// script's directory (unless the settings name a search path); `source` is kept for
    /// tracebacks. With [`Config::print_traceback`], an uncaught exception's traceback is
    /// written to stderr at once. Then that thread [finalizes](Session::finalize) the
    /// session: it waits for the non-daemon threads, and freezes the daemon ones.
    /// A full collection of the cycle collector now: the unreachable objects it found.
    pub fn gc_collect(self: &Arc<Self>) -> usize {
        // SAFETY: nothing made inside escapes: the closure returns a number.
        unsafe { self.enter(crate::interp::gc::collect_now) }
    }

    /// The cycle collector's figures so far (the final ones once finalized).
    pub fn gc_stats(self: &Arc<Self>) -> crate::GcStats {
        if lock(&self.runtime).is_none() || self.frozen.load(Ordering::Acquire) {
            return *lock(&self.final_gc_stats);
        }
        // SAFETY: nothing made inside escapes: the closure returns plain numbers.
        unsafe { self.enter(|ts| crate::interp::gc::stats(ts)) }
    }

    pub fn run_main(self: &Arc<Self>, code: Arc<CodeObject>, source: &str) -> Result<(), RunError> {
        let first = lock(&self.runtime).is_none();
        let name = move || match first {
            true => "MainThread".to_string(),
            false => host_thread_name(),
        };
        let pid = std::process::id();
        let main = || {
            // SAFETY: nothing made inside escapes: the closure returns strings and numbers.
            let result = unsafe {
                self.enter_as(name, |ts| {
                    let result = self.exec_main(ts, code, source);
                    self.finish(ts);
                    result
                })
            };
            if std::process::id() != pid {
                exit_forked_child(&result);
            }
            result
        };
        std::thread::scope(|scope| {
            let worker = std::thread::Builder::new()
                .name("gilvm-main".into())
                .stack_size(crate::interp::native_stack::stack_bytes(
                    MAIN_STACK_BYTES,
                    8,
                ))
                .spawn_scoped(scope, main);
            match worker.map(|handle| handle.join()) {
                Ok(Ok(result)) => result,
                Ok(Err(_)) => Err(RunError::Exception {
                    type_name: "SystemError".into(),
                    message: "gilvm internal error (interpreter thread panicked)".into(),
                    traceback: "SystemError: gilvm internal error (interpreter thread panicked)\n"
                        .into(),
                }),
                Err(e) => Err(RunError::Exception {
                    type_name: "SystemError".into(),
                    message: format!("cannot start the interpreter thread: {e}"),
                    traceback: format!("SystemError: cannot start the interpreter thread: {e}\n"),
                }),
            }
        })
    }

    fn exec_main(
        &self,
        ts: &mut ThreadState,
        code: Arc<CodeObject>,
        source: &str,
    ) -> Result<(), RunError> {
        if self.config.search_path.is_none() {
            let dir = Path::new(&*code.filename).parent();
            let dir = match dir {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => Path::new("."),
            };
            *ts.rt.module_dir.borrow_mut() = dir.to_path_buf();
        }
        let Err(exc) = object::exec_main(ts, code, source) else {
            return Ok(());
        };
        if let Some(status) = object::exit_status(ts, &exc) {
            return Err(RunError::Exit(status));
        }
        let (type_name, message, traceback) = object::exception_report(ts, &exc);
        if self.config.print_traceback {
            ts.rt.write_stderr(&traceback);
        }
        Err(RunError::Exception {
            type_name,
            message,
            traceback,
        })
    }

    fn drain_pending(&self, ts: &ThreadState) {
        let pending = std::mem::take(&mut *lock(&self.pending));
        for value in pending {
            drop(value.into_inner(&ts.gil));
        }
    }

    /// Whether the calling thread holds this session's GIL right now.
    fn held_by_this_thread(&self) -> bool {
        registered_id(&self.gil).is_some_and(|id| self.gil.holder() == Some(id))
    }

    /// Ends the session as CPython's exit does: waits for the non-daemon script threads
    /// (`threading._shutdown`), runs the `atexit` callbacks, writes out every buffered file
    /// and stream, and releases the runtime under the GIL; a later `enter` boots
    /// a fresh runtime. If daemon threads are still running, they stay frozen instead: this
    /// thread keeps the GIL forever, and entering the session again panics.
    pub fn finalize(self: &Arc<Self>) {
        if lock(&self.runtime).is_none() || self.frozen.load(Ordering::Acquire) {
            return;
        }
        // SAFETY: nothing made inside escapes: the runtime leaves its slot and is dropped here,
        // under the GIL (or, with daemon threads running, leaked with the GIL held).
        unsafe { self.enter(|ts| self.finish(ts)) }
    }

    /// [`Session::finalize`] on a thread of the session.
    fn finish(&self, ts: &mut ThreadState) {
        crate::stdlib::_thread::shutdown(ts);
        crate::stdlib::atexit::run_exitfuncs(ts);
        crate::interp::signal_exit::flush_everything(ts);
        // A thread whose Python function has just ended (letting `join` return) may still
        // need the GIL to unwind: give such threads a moment before deciding that daemon
        // threads are still running (which freezes the runtime for good).
        for _ in 0..20 {
            if ts.rt.threads.running.get() == 0 {
                break;
            }
            ts.allow_threads(|| std::thread::sleep(std::time::Duration::from_millis(1)));
        }
        if ts.rt.threads.running.get() > 0 {
            self.frozen.store(true, Ordering::Release);
        } else {
            crate::interp::gc::at_exit(ts);
            // Finalizers run by the collector at exit may have written more.
            crate::interp::signal_exit::flush_everything(ts);
            *lock(&self.final_gc_stats) = crate::interp::gc::stats(ts);
            // `ts` keeps its own reference: the runtime goes when it does, under the GIL.
            let rt = lock(&self.runtime).take().map(|rt| rt.into_inner(&ts.gil));
            if self.config.exit_after_finalize {
                // The process is about to exit: its memory goes back to the OS as a whole.
                std::mem::forget(rt);
            } else {
                drop(rt);
            }
        }
    }
}

/// The child of an `os.fork` made on the main script's thread has no thread waiting to join
/// it (only the forking thread is copied): once its script has ended, as CPython's child
/// would, it exits here with the script's status.
fn exit_forked_child(result: &Result<(), RunError>) -> ! {
    std::process::exit(match result {
        Ok(()) => 0,
        Err(RunError::Exit(status)) => *status,
        Err(RunError::Exception { .. }) => 1,
    })
}

/// A Python value kept by the host outside any GIL scope (the `gilvm` crate's `PyObject`).
pub struct Detached {
    value: ManuallyDrop<Value>,
    session: Arc<Session>,
}

// SAFETY: the value is only touched while holding the session's GIL: `bind` takes a
// `ThreadState` of the same session (proof of holding its lock), and `drop` releases the value
// only if this thread holds the lock, else hands it to the session's pending queue, which is
// drained under the lock.
unsafe impl Send for Detached {}
// SAFETY: as for `Send`; `&Detached` gives access to the value only through `bind`.
unsafe impl Sync for Detached {}

impl Detached {
    /// Detaches `object`; `None` if `ts` is not a thread of `session`.
    pub fn new(session: &Arc<Session>, ts: &ThreadState, object: Object) -> Option<Detached> {
        Arc::ptr_eq(ts.gil.gil(), &session.gil).then(|| Detached {
            value: ManuallyDrop::new(object.0),
            session: Arc::clone(session),
        })
    }

    /// A new reference for a thread of the same session; `None` for another session's thread.
    pub fn bind(&self, ts: &ThreadState) -> Option<Object> {
        Arc::ptr_eq(ts.gil.gil(), &self.session.gil).then(|| Object((*self.value).clone()))
    }

    pub fn session(&self) -> &Arc<Session> {
        &self.session
    }
}

impl Drop for Detached {
    fn drop(&mut self) {
        // SAFETY: the value is taken exactly once, here.
        let value = unsafe { ManuallyDrop::take(&mut self.value) };
        if self.session.held_by_this_thread() {
            drop(value);
        } else {
            lock(&self.session.pending).push(GilOwned::new(value));
        }
    }
}

/// The handle back out of a state, which is dropped first (while the lock is still held).
fn into_handle(ts: ThreadState) -> ThreadHandle {
    let ThreadState { gil, .. } = ts;
    gil
}

fn host_thread_name() -> String {
    std::thread::current()
        .name()
        .map_or_else(|| "host".to_string(), |n| format!("host:{n}"))
}

/// This host thread's registration with one GIL.
struct Registration {
    key: usize,
    id: ThreadId,
    /// `None` while a scope of this thread uses it.
    handle: Option<ThreadHandle>,
}

thread_local! {
    static REGISTRATIONS: RefCell<Vec<Registration>> = const { RefCell::new(Vec::new()) };
}

fn gil_key(gil: &Arc<Gil>) -> usize {
    Arc::as_ptr(gil) as usize
}

enum Taken {
    Handle(ThreadHandle),
    /// This thread is already inside a scope of this GIL (and has released it).
    Nested,
}

fn take_registration(gil: &Arc<Gil>, name: impl Fn() -> String) -> Taken {
    let key = gil_key(gil);
    REGISTRATIONS.with(|regs| {
        let mut regs = regs.borrow_mut();
        if let Some(reg) = regs.iter_mut().find(|r| r.key == key) {
            return match reg.handle.take() {
                Some(handle) => Taken::Handle(handle),
                None => {
                    assert!(
                        gil.holder() != Some(reg.id),
                        "this thread already holds the interpreter's GIL: use its token instead of entering again"
                    );
                    Taken::Nested
                }
            };
        }
        let handle = gil.register_thread(&name());
        regs.push(Registration {
            key,
            id: handle.id(),
            handle: None,
        });
        Taken::Handle(handle)
    })
}

fn put_back(key: usize, handle: ThreadHandle) {
    REGISTRATIONS.with(|regs| {
        if let Some(reg) = regs.borrow_mut().iter_mut().find(|r| r.key == key) {
            reg.handle = Some(handle);
        }
    });
}

fn registered_id(gil: &Arc<Gil>) -> Option<ThreadId> {
    let key = gil_key(gil);
    REGISTRATIONS
        .try_with(|regs| {
            regs.try_borrow()
                .ok()?
                .iter()
                .find(|r| r.key == key)
                .map(|r| r.id)
        })
        .ok()
        .flatten()
}

/// Forgets a registration whose handle was lost to a panic (the handle unregistered itself
/// when the state unwound).
struct RestoreOnExit {
    key: usize,
}

impl Drop for RestoreOnExit {
    fn drop(&mut self) {
        let _ = REGISTRATIONS.try_with(|regs| {
            regs.borrow_mut()
                .retain(|r| r.key != self.key || r.handle.is_some());
        });
    }
}
