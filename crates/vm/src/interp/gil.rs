//! How gilvm's non-thread-safe objects live with real OS threads: the GIL discipline
//! (the one PyO3 uses for CPython objects).
//!
//! Objects are reference counted with plain, non-atomic counts (`ObjRef` wraps `Rc`), and the
//! runtime keeps `RefCell`/`Cell` state. That is only sound because **at most one thread
//! touches Python objects at a time: the one holding the GIL**. The rules that make safe code
//! unable to break this:
//!
//! 1. `Value`, `ObjRef`, `Runtime` and `ThreadState` are `!Send` and `!Sync` (they contain
//!    `Rc`), so safe code cannot move an object to, or share one with, another thread.
//! 2. A `ThreadState` exists only on a thread that holds the GIL: it is built right after its
//!    thread acquired the lock, its GIL handle is its last field (so every value it owns is
//!    dropped before the lock is released), and the lock is only ever released inside
//!    `&mut ThreadState` methods that run no Python code meanwhile (`check_eval_breaker`,
//!    [`ThreadState::allow_threads`]). Holding a `&ThreadState` is thus proof of holding the
//!    GIL.
//! 3. Objects cross to a new thread only inside a [`GilSend`], which is built from a
//!    `&ThreadState` (so under the GIL) and opened only by a thread that holds that same GIL
//!    (checked: holding another interpreter's lock would serialize nothing). If one is
//!    dropped unopened, its contents are leaked rather than released without the lock.
//! 4. The GIL is released for blocking work only by [`ThreadState::allow_threads`], whose
//!    closure and result must be `Send`: they cannot capture or return `Value`s, `ObjRef`s or
//!    the runtime, and the `&mut ThreadState` borrow keeps the caller from running Python
//!    code until the lock is back.

use std::mem::ManuallyDrop;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use gilvm_gil::{Gil, ThreadHandle};

use crate::interp::thread_state::ThreadState;

/// A value moved to another interpreter thread; see the module docs (rule 3).
pub struct GilSend<T> {
    value: ManuallyDrop<T>,
    /// The GIL it was wrapped under: the only one that may be held to open it.
    gil: Arc<Gil>,
}

// SAFETY: the contents (objects with non-atomic counts) are only touched by the thread that
// wraps them and by the thread that opens them, each while holding the same GIL (`new` takes
// a `&ThreadState` and records its GIL, `into_inner` checks the opener holds that lock), so
// those accesses are serialized by the GIL's mutex, which also orders the memory effects. The
// wrapper itself never touches the contents, and dropping it unopened leaks them instead of
// releasing them.
unsafe impl<T> Send for GilSend<T> {}

impl<T> GilSend<T> {
    /// Wraps `value` for another thread of the same interpreter; `ts` proves the GIL is held
    /// (rule 2), and names the GIL the opener must hold.
    pub fn new(value: T, ts: &ThreadState) -> GilSend<T> {
        GilSend {
            value: ManuallyDrop::new(value),
            gil: Arc::clone(ts.gil.gil()),
        }
    }

    /// Opens the wrapper on the receiving thread, which must hold, through `holder`, the GIL
    /// it was wrapped under. Panics otherwise (no lock held, or another interpreter's lock):
    /// that would be an interpreter bug, not a user error.
    pub fn into_inner(self, holder: &ThreadHandle) -> T {
        assert!(
            Arc::ptr_eq(holder.gil(), &self.gil),
            "GilSend opened under another interpreter's GIL than the one it was made under"
        );
        assert!(
            holder.holds_gil(),
            "GilSend opened by a thread that does not hold the GIL"
        );
        ManuallyDrop::into_inner(self.value)
    }
}

impl ThreadState {
    /// Runs `blocking` without the GIL (sleeps, lock waits, joins), then takes the lock back
    /// with the I/O boost. The `Send` bounds keep Python objects out of the closure (rule 4).
    pub fn allow_threads<R: Send>(&mut self, blocking: impl FnOnce() -> R + Send) -> R {
        self.rt.stdout.borrow_mut().flush();
        self.gil.blocking(blocking)
    }

    /// The `threading.get_ident()` of this thread.
    pub fn ident(&self) -> i64 {
        ident_of(&self.gil)
    }
}

/// Thread identifiers: the GIL's registration index plus one (the main thread is 1).
pub fn ident_of(handle: &ThreadHandle) -> i64 {
    handle.id().0 as i64 + 1
}

/// The lock behind `_thread.allocate_lock()`: shared by OS threads (it is waited on without
/// the GIL), so it is made of std primitives and held in an `Arc` by its Python object
/// (`Obj::Lock`), which waiters clone before releasing the GIL.
#[derive(Default)]
pub struct RawLock {
    locked: Mutex<bool>,
    unlocked: Condvar,
}

impl RawLock {
    fn state(&self) -> MutexGuard<'_, bool> {
        // A poisoned flag is still a valid bool: no code panics while holding it.
        self.locked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the lock if it is free, without waiting.
    pub fn try_acquire(&self) -> bool {
        let mut locked = self.state();
        !std::mem::replace(&mut *locked, true)
    }

    /// Waits for the lock, at most `timeout` (forever if `None`); returns whether it got it.
    pub fn acquire_blocking(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut locked = self.state();
        while *locked {
            locked = match deadline {
                None => self
                    .unlocked
                    .wait(locked)
                    .unwrap_or_else(|e| e.into_inner()),
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return false;
                    }
                    let waited = self.unlocked.wait_timeout(locked, left);
                    waited.unwrap_or_else(|e| e.into_inner()).0
                }
            };
        }
        *locked = true;
        true
    }

    /// Releases the lock; false if it was not locked.
    pub fn release(&self) -> bool {
        let mut locked = self.state();
        if !*locked {
            return false;
        }
        *locked = false;
        self.unlocked.notify_one();
        true
    }

    pub fn is_locked(&self) -> bool {
        *self.state()
    }
}

/// Interpreter-wide threading state, in the runtime (so used under the GIL only).
#[derive(Default)]
pub struct ThreadRegistry {
    /// Threads started and not finished yet (maintained by the `_thread` module).
    pub running: std::cell::Cell<usize>,
    /// `threading.main_thread().ident`.
    pub main_ident: std::cell::Cell<i64>,
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::embed::{Config, Session};
    use crate::object::value::{Obj, ObjRef, Value};

    /// Wraps a list under `session`'s GIL.
    fn wrap_list(session: &Arc<Session>) -> GilSend<Value> {
        // SAFETY: the list leaves the scope only inside the `GilSend`, which is opened (or
        // leaked) under a GIL check.
        unsafe { session.enter(|ts| GilSend::new(Value::new_list(vec![Value::Int(1)]), ts)) }
    }

    #[test]
    fn gil_send_opens_under_the_gil_it_was_made_under() {
        let session = Session::new(Config::default());
        let payload = wrap_list(&session);
        let opened = std::thread::spawn({
            let session = Arc::clone(&session);
            // SAFETY: only a bool crosses back; the list is dropped under the GIL.
            move || unsafe {
                session.enter(|ts| matches!(payload.into_inner(&ts.gil), Value::Obj(_)))
            }
        });
        assert!(opened.join().unwrap());
    }

    #[test]
    #[should_panic(expected = "another interpreter's GIL")]
    fn gil_send_opened_under_another_interpreters_gil_panics() {
        let first = Session::new(Config::default());
        let second = Session::new(Config::default());
        let payload = wrap_list(&first);
        // SAFETY: nothing escapes; opening must panic before the list is touched.
        unsafe { second.enter(|ts| drop(payload.into_inner(&ts.gil))) }
    }

    #[test]
    fn a_lock_object_frees_its_native_lock_with_its_last_reference() {
        let raw = Arc::new(RawLock::default());
        let object = Value::Obj(ObjRef::new(Obj::Lock(Arc::clone(&raw).into())));
        let alias = object.clone();
        assert_eq!(Arc::strong_count(&raw), 2);
        drop(object);
        assert_eq!(Arc::strong_count(&raw), 2);
        drop(alias);
        assert_eq!(Arc::strong_count(&raw), 1);
    }

    #[test]
    fn raw_lock_times_out_and_hands_over() {
        let lock = Arc::new(RawLock::default());
        assert!(lock.try_acquire());
        assert!(!lock.try_acquire());
        assert!(!lock.acquire_blocking(Some(Duration::from_millis(10))));
        let other = Arc::clone(&lock);
        let waiter = std::thread::spawn(move || other.acquire_blocking(None));
        std::thread::sleep(Duration::from_millis(10));
        assert!(lock.release());
        assert!(waiter.join().unwrap());
        assert!(lock.is_locked());
        assert!(lock.release());
        assert!(!lock.release());
    }
}
