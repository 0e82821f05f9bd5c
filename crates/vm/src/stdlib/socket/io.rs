//! How socket calls block, and where the GIL is released.
//!
//! Every OS socket is non-blocking; CPython's blocking and timeout semantics are emulated by
//! retrying a call after `poll()` says the socket is ready. With the I/O fast path (the
//! default) the call itself runs while holding the GIL and the lock is released only around
//! `poll()`, i.e. only when the call would really block: most `recv`/`send` calls of a busy
//! server complete at once, and releasing the GIL for them is what lets a CPU-bound thread
//! take the lock and delay the I/O thread (Beazley's convoy effect). Without the fast path,
//! the GIL is released around every call, as CPython does.

use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;

use crate::interp::interruptible;
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
    /// A signal handler raised while the call waited (PEP 475); the exception is kept aside.
    Interrupted,
}

/// Runs the socket call `op` on `fd` with CPython's semantics for the socket's `timeout`
/// (`None`: block; zero: never wait; otherwise raise `TimeoutError` when it expires). In the
/// main thread a signal's handler runs during the wait; if it raises, the call raises.
pub fn call<R: Send>(
    ts: &mut ThreadState,
    fd: &OwnedFd,
    timeout: Option<Duration>,
    wait: Wait,
    mut op: impl FnMut(&OwnedFd) -> Result<R, Errno> + Send,
) -> PyResult<R> {
    let deadline = timeout.map(|t| Instant::now() + t);
    let mut raised = None;
    let outcome = if timeout == Some(Duration::ZERO) {
        op(fd).map_err(Failure::Os)
    } else if ts.rt.io_fast_path.get() {
        retry(fd, &mut op, |fd| {
            wait_interruptibly(ts, fd, wait, deadline).map_err(|exc| {
                raised = Some(exc);
                Failure::Interrupted
            })?
        })
    } else {
        // The call itself runs without the GIL too, one slice of the wait at a time.
        let released = interruptible::wait(ts, deadline, |until| {
            match retry(fd, &mut op, |fd| {
                wait_ready(fd, wait, until).map_err(Failure::Os)
            }) {
                Err(Failure::TimedOut) => None,
                other => Some(other),
            }
        });
        match released {
            Ok(Some(outcome)) => outcome,
            Ok(None) => Err(Failure::TimedOut),
            Err(exc) => {
                raised = Some(exc);
                Err(Failure::Interrupted)
            }
        }
    };
    outcome.map_err(|failure| match failure {
        Failure::TimedOut => errors::timed_out(ts),
        Failure::Os(errno) => errors::os_error(ts, errno.raw_os_error()),
        Failure::Interrupted => raised.take().unwrap_or_else(|| errors::timed_out(ts)),
    })
}

/// Waits without the GIL until `fd` is ready (true) or `deadline` passes (false); `Err`: a
/// signal handler's exception.
fn wait_interruptibly(
    ts: &mut ThreadState,
    fd: &OwnedFd,
    wait: Wait,
    deadline: Option<Instant>,
) -> PyResult<Result<bool, Failure>> {
    let ready = interruptible::wait(ts, deadline, |until| match wait_ready(fd, wait, until) {
        Ok(false) => None,
        other => Some(other),
    });
    Ok(match ready? {
        Some(ready) => ready.map_err(Failure::Os),
        None => Ok(false),
    })
}

/// Calls `op` until it does not report "would block", waiting with `wait` in between.
fn retry<R>(
    fd: &OwnedFd,
    op: &mut impl FnMut(&OwnedFd) -> Result<R, Errno>,
    mut wait: impl FnMut(&OwnedFd) -> Result<bool, Failure>,
) -> Result<R, Failure> {
    loop {
        match op(fd) {
            Err(Errno::AGAIN) | Err(Errno::INTR) => {}
            other => return other.map_err(Failure::Os),
        }
        if !wait(fd)? {
            return Err(Failure::TimedOut);
        }
    }
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
            Ok::<_, Failure>(true)
        });
        assert!(matches!(result, Ok(3)));
        assert_eq!(waits, 2);
        let timed_out = retry(&a, &mut |_| Err::<(), _>(Errno::AGAIN), |_| Ok(false));
        assert!(matches!(timed_out, Err(Failure::TimedOut)));
    }
}
