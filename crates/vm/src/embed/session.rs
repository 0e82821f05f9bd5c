//! Sessions: a long-lived runtime that host threads enter under the GIL, host thread
//! registrations, and the queue of releases deferred by threads that did not hold the lock.

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::{Arc, Mutex, MutexGuard};

use gilvm_gil::{Gil, GilConfig, ThreadHandle, ThreadId};

use crate::embed::Object;
use crate::interp::gil_trace::{GilTracer, TraceStateError};
use crate::interp::runtime::Runtime;
use crate::interp::thread_state::ThreadState;
use crate::object::value::Value;
use crate::Trace;

/// Settings of a [`Session`].
#[derive(Clone, Debug)]
pub struct SessionConfig {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Initial `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// When set, everything written to stdout and stderr is appended here instead.
    pub capture_output: Option<Arc<Mutex<Vec<u8>>>>,
    /// The GIL's policy and time constants.
    pub gil: GilConfig,
    /// Directory searched for imported `.py` modules (default: the current directory).
    pub search_path: Option<PathBuf>,
}

impl Default for SessionConfig {
    fn default() -> SessionConfig {
        SessionConfig {
            argv: vec![String::new()],
            recursion_limit: 1000,
            capture_output: None,
            gil: GilConfig::default(),
            search_path: None,
        }
    }
}

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
    config: SessionConfig,
    /// Created by the first thread that enters.
    runtime: Mutex<Option<GilOwned<Rc<Runtime>>>>,
    /// Values released by threads that did not hold the GIL, dropped by the next one that
    /// enters (PyO3's reference pool).
    pending: Mutex<Vec<GilOwned<Value>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // The protected data stays valid if a holder panicked: every update is a single push,
    // take or replace.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Session {
    pub fn new(config: SessionConfig) -> Arc<Session> {
        let (gil, tracer) = GilTracer::new_gil(config.gil);
        Arc::new(Session {
            gil,
            tracer,
            config,
            runtime: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
        })
    }

    pub fn gil(&self) -> &Arc<Gil> {
        &self.gil
    }

    /// Starts recording every GIL event (see [`crate::Interpreter::trace_start`]).
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
        match take_registration(&self.gil) {
            Taken::Handle(handle) => {
                let key = gil_key(&self.gil);
                let restore = RestoreOnExit { key };
                let (result, handle) = self.run_holding(handle, f);
                handle.release();
                put_back(key, handle);
                drop(restore);
                result
            }
            Taken::Nested => {
                // Inside `allow_threads` of an outer scope: a temporary registration.
                let handle = self.gil.register_thread(&host_thread_name());
                let (result, handle) = self.run_holding(handle, f);
                drop(handle);
                result
            }
        }
    }

    fn run_holding<R>(
        &self,
        handle: ThreadHandle,
        f: impl FnOnce(&mut ThreadState) -> R,
    ) -> (R, ThreadHandle) {
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
        self.drain_pending(&ts);
        (result, into_handle(ts))
    }

    /// The runtime (a new reference), creating it on first use; `true` if just created.
    fn runtime(&self, holder: &ThreadHandle) -> (Rc<Runtime>, bool) {
        let mut slot = lock(&self.runtime);
        if let Some(rt) = slot.as_ref() {
            return (rt.get(holder).clone(), false);
        }
        let config = &self.config;
        let mut rt = Runtime::new(
            config.argv.clone(),
            config.recursion_limit,
            config.capture_output.clone(),
            gilvm_compiler::compile_source,
        );
        rt.gil_tracer = Some(Arc::clone(&self.tracer));
        let rt = Rc::new(rt);
        if let Some(dir) = &config.search_path {
            *rt.module_dir.borrow_mut() = dir.clone();
        }
        *slot = Some(GilOwned::new(rt.clone()));
        (rt, true)
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

    /// Ends the session: waits for the non-daemon script threads (`threading._shutdown`) and
    /// releases the runtime under the GIL. A later `enter` starts a fresh runtime.
    pub fn finalize(self: &Arc<Self>) {
        if lock(&self.runtime).is_none() {
            return;
        }
        // SAFETY: nothing made inside escapes: the runtime leaves its slot and is dropped here,
        // under the GIL.
        unsafe {
            self.enter(|ts| {
                crate::stdlib::_thread::shutdown(ts);
                let rt = lock(&self.runtime).take();
                drop(rt.map(|rt| rt.into_inner(&ts.gil)));
            })
        }
    }
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

fn take_registration(gil: &Arc<Gil>) -> Taken {
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
        let handle = gil.register_thread(&host_thread_name());
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
