//! How socket calls block, and where the GIL is released.
//!
//! Every OS socket is non-blocking; CPython's blocking and timeout semantics are emulated by
//! retrying a call after `poll()` says the socket is ready. With the I/O fast path (the
//! default) the call itself runs while holding the GIL and the lock is released only around
//! `poll()`, i.e. only when the call would really block: most `recv`/`send` calls of a busy
//! server complete at once, and releasing the GIL for them is what lets a CPU-bound thread
//! take the lock and delay the I/O thread (Beazley's convoy effect). Without the fast path,
//! the GIL is released around every call, as CPython does.

use crate::interp::sandbox::limits::{check_tripped, wait_until};
use crate::interp::sandbox::Guard;
use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::stdlib::socket::errors;

/// What a call that would block waits for.
#[derive(Clone, Copy, Debug)]
pub enum Wait {
    Readable,
    Writable,
}

/// Why a socket call failed.
enum Failure {
    TimedOut,
    Os(Errno),
}

/// Runs the socket call `op` on `fd` with CPython's semantics for the socket's `timeout`
/// (`None`: block; zero: never wait; otherwise raise `TimeoutError` when it expires).
pub fn call<R: Send>(
    ts: &mut ThreadState,
    fd: &OwnedFd,
    timeout: Option<Duration>,
    wait: Wait,
    mut op: impl FnMut(&OwnedFd) -> Result<R, Errno> + Send,
) -> PyResult<R> {
    let deadline = timeout.map(|t| Instant::now() + t);
    let guard = std::sync::Arc::clone(&ts.guard);
    let outcome = if timeout == Some(Duration::ZERO) {
        op(fd).map_err(Failure::Os)
    } else if ts.rt.io_fast_path.get() {
        retry(fd, &mut op, |fd| {
            ts.allow_threads(|| wait_guarded(&guard, fd, wait, deadline))
        })
    } else {
        ts.allow_threads(|| retry(fd, &mut op, |fd| wait_guarded(&guard, fd, wait, deadline)))
    };
    if matches!(outcome, Err(Failure::TimedOut)) {
        check_tripped(ts)?;
    }
    outcome.map_err(|failure| match failure {
        Failure::TimedOut => errors::timed_out(ts),
        Failure::Os(errno) => errors::os_error(ts, errno.raw_os_error()),
    })
}

/// Calls `op` until it does not report "would block", waiting with `wait` in between.
fn retry<R>(
    fd: &OwnedFd,
    op: &mut impl FnMut(&OwnedFd) -> Result<R, Errno>,
    mut wait: impl FnMut(&OwnedFd) -> Result<bool, Errno>,
) -> Result<R, Failure> {
    loop {
        match op(fd) {
            Err(Errno::AGAIN) | Err(Errno::INTR) => {}
            other => return other.map_err(Failure::Os),
        }
        if !wait(fd).map_err(Failure::Os)? {
            return Err(Failure::TimedOut);
        }
    }
}

/// [`wait_ready`], cut short (false) when a sandbox limit fires.
fn wait_guarded(
    guard: &Guard,
    fd: &OwnedFd,
    wait: Wait,
    deadline: Option<Instant>,
) -> Result<bool, Errno> {
    let mut error = None;
    let ready = wait_until(guard, deadline, |slice| {
        match wait_ready(fd, wait, slice.map(|s| Instant::now() + s)) {
            Ok(ready) => ready,
            Err(e) => {
                error = Some(e);
                true
            }
        }
    });
    error.map_or(Ok(ready), Err)
}

/// Waits until `fd` is ready for `wait` (true) or `deadline` passes (false).
pub fn wait_ready(fd: &OwnedFd, wait: Wait, deadline: Option<Instant>) -> Result<bool, Errno> {
    let flags = match wait {
        Wait::Readable => PollFlags::IN,
        Wait::Writable => PollFlags::OUT,
    };
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let timespec = left.map(|left| Timespec {
            tv_sec: left.as_secs() as _,
            tv_nsec: left.subsec_nanos() as _,
        });
        let mut fds = [PollFd::new(fd, flags)];
        match rustix::event::poll(&mut fds, timespec.as_ref()) {
            Ok(ready) => return Ok(ready > 0),
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::net::{socketpair, AddressFamily, SocketFlags, SocketType};

    #[test]
    fn waiting_times_out_then_sees_data() {
        let (a, b) = socketpair(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::NONBLOCK,
            None,
        )
        .unwrap();
        let soon = Some(Instant::now() + Duration::from_millis(20));
        assert_eq!(wait_ready(&a, Wait::Readable, soon), Ok(false));
        rustix::io::write(&b, b"x").unwrap();
        assert_eq!(wait_ready(&a, Wait::Readable, None), Ok(true));
        assert_eq!(wait_ready(&a, Wait::Writable, None), Ok(true));
    }

    #[test]
    fn retry_waits_only_after_would_block() {
        let (a, _b) = socketpair(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::NONBLOCK,
            None,
        )
        .unwrap();
        let mut calls = 0;
        let mut waits = 0;
        let mut op = |_: &OwnedFd| {
            calls += 1;
            if calls < 3 {
                Err(Errno::AGAIN)
            } else {
                Ok(calls)
            }
        };
        let result = retry(&a, &mut op, |_| {
            waits += 1;
            Ok(true)
        });
        assert!(matches!(result, Ok(3)));
        assert_eq!(waits, 2);
        let timed_out = retry(&a, &mut |_| Err::<(), _>(Errno::AGAIN), |_| Ok(false));
        assert!(matches!(timed_out, Err(Failure::TimedOut)));
    }
}
