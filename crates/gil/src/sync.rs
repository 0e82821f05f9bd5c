//! The synchronisation facade: the state machine is written against these
//! types so that the same code runs on `std::sync` in production and on
//! `loom`'s model-checked primitives under `--cfg loom`.
//!
//! Why `std::sync` and not `parking_lot`: a fork. `std`'s mutex and condition
//! variable (futexes on Linux) keep all their state in their own words, so the
//! child of a fork gets a usable copy (`Gil::fork`); `parking_lot` keeps its
//! sleeping threads in a process-wide table, whose bucket locks a thread caught
//! halfway through parking at the fork holds for ever in the child.
//!
//! The condition variable's API is by value (guard in, guard out) because
//! that is what both backends can offer without unsafe code.
//!
//! Time: loom cannot model real time, so a timed wait is modelled by the
//! duration it is given. Under loom a *zero* duration means "the interval has
//! already elapsed": the waiter drops the lock, lets the other threads run and
//! reports a timeout. Any non-zero duration means "the timer never fires
//! first": the wait only ends on a notification. Each model picks one of the
//! two through `GilConfig::switch_interval`.

#[cfg(not(loom))]
mod backend {
    use std::sync::PoisonError;
    use std::time::Duration;

    pub use std::sync::atomic::{AtomicBool, Ordering};

    pub type MutexGuard<'a, T> = std::sync::MutexGuard<'a, T>;

    #[derive(Debug, Default)]
    pub struct Mutex<T>(std::sync::Mutex<T>);

    impl<T> Mutex<T> {
        pub fn new(value: T) -> Self {
            Mutex(std::sync::Mutex::new(value))
        }

        /// A poisoned state is still consistent: no code panics while holding it.
        pub fn lock(&self) -> MutexGuard<'_, T> {
            self.0.lock().unwrap_or_else(PoisonError::into_inner)
        }
    }

    #[derive(Debug, Default)]
    pub struct Condvar(std::sync::Condvar);

    impl Condvar {
        pub fn new() -> Self {
            Condvar(std::sync::Condvar::new())
        }

        pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
            self.0.wait(guard).unwrap_or_else(PoisonError::into_inner)
        }

        /// Returns the guard and whether the wait timed out.
        pub fn wait_for<'a, T>(
            &self,
            guard: MutexGuard<'a, T>,
            timeout: Duration,
        ) -> (MutexGuard<'a, T>, bool) {
            let (guard, result) = self
                .0
                .wait_timeout(guard, timeout)
                .unwrap_or_else(PoisonError::into_inner);
            (guard, result.timed_out())
        }

        pub fn notify_one(&self) {
            self.0.notify_one();
        }

        pub fn notify_all(&self) {
            self.0.notify_all();
        }
    }
}

#[cfg(loom)]
mod backend {
    use std::ops::{Deref, DerefMut};
    use std::sync::PoisonError;
    use std::time::Duration;

    pub use loom::sync::atomic::{AtomicBool, Ordering};

    #[derive(Debug, Default)]
    pub struct Mutex<T>(loom::sync::Mutex<T>);

    /// Remembers its mutex so that a modelled timeout can unlock and relock.
    pub struct MutexGuard<'a, T> {
        mutex: &'a Mutex<T>,
        inner: loom::sync::MutexGuard<'a, T>,
    }

    impl<T> Mutex<T> {
        pub fn new(value: T) -> Self {
            Mutex(loom::sync::Mutex::new(value))
        }

        pub fn lock(&self) -> MutexGuard<'_, T> {
            let inner = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            MutexGuard { mutex: self, inner }
        }
    }

    impl<T> Deref for MutexGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            &self.inner
        }
    }

    impl<T> DerefMut for MutexGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            &mut self.inner
        }
    }

    #[derive(Debug, Default)]
    pub struct Condvar(loom::sync::Condvar);

    impl Condvar {
        pub fn new() -> Self {
            Condvar(loom::sync::Condvar::new())
        }

        pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
            let MutexGuard { mutex, inner } = guard;
            let inner = self.0.wait(inner).unwrap_or_else(PoisonError::into_inner);
            MutexGuard { mutex, inner }
        }

        /// Zero: the timer has fired (unlock, let others run, report a
        /// timeout). Non-zero: the timer never fires first.
        pub fn wait_for<'a, T>(
            &self,
            guard: MutexGuard<'a, T>,
            timeout: Duration,
        ) -> (MutexGuard<'a, T>, bool) {
            if timeout.is_zero() {
                let mutex = guard.mutex;
                drop(guard);
                loom::thread::yield_now();
                (mutex.lock(), true)
            } else {
                (self.wait(guard), false)
            }
        }

        pub fn notify_one(&self) {
            self.0.notify_one();
        }

        pub fn notify_all(&self) {
            self.0.notify_all();
        }
    }
}

pub(crate) use backend::*;
