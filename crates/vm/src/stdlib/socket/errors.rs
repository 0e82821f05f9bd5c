//! OS errors as CPython raises them: the `OSError` subclass chosen by errno, with
//! `(errno, strerror)` arguments so that `str(e)` is `[Errno 111] Connection refused`.

use crate::interp::thread_state::ThreadState;
use crate::object::error::{new_exception, ExcKind};
use crate::object::value::{ObjRef, Value};

/// The `OSError` subclass CPython picks for `errno` (PEP 3151).
fn kind_for_errno(errno: i32) -> ExcKind {
    match errno {
        libc::EPIPE | libc::ESHUTDOWN => ExcKind::BrokenPipeError,
        libc::ECONNABORTED => ExcKind::ConnectionAbortedError,
        libc::ECONNREFUSED => ExcKind::ConnectionRefusedError,
        libc::ECONNRESET => ExcKind::ConnectionResetError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcKind::BlockingIOError,
        libc::EINTR => ExcKind::InterruptedError,
        libc::ETIMEDOUT => ExcKind::TimeoutError,
        libc::ENOENT => ExcKind::FileNotFoundError,
        libc::ESRCH => ExcKind::ProcessLookupError,
        libc::ECHILD => ExcKind::ChildProcessError,
        libc::EPERM | libc::EACCES => ExcKind::PermissionError,
        _ => ExcKind::OSError,
    }
}

/// The C library's message for `errno` ("Connection refused").
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// `OSError(errno, strerror)` of the right subclass.
pub fn os_error(ts: &ThreadState, errno: i32) -> ObjRef {
    let class = ts.exc_class(kind_for_errno(errno));
    let args = vec![Value::Int(errno as i64), Value::new_str(strerror(errno))];
    new_exception(class, args)
}

/// `socket.timeout` (`TimeoutError('timed out')`), raised when a socket timeout expires.
pub fn timed_out(ts: &ThreadState) -> ObjRef {
    ts.new_exc(ExcKind::TimeoutError, "timed out")
}

/// `OSError: [Errno 9] Bad file descriptor`: the socket is closed.
pub fn bad_fd(ts: &ThreadState) -> ObjRef {
    os_error(ts, libc::EBADF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strerror_drops_the_rust_suffix() {
        assert_eq!(strerror(libc::ECONNREFUSED), "Connection refused");
        assert_eq!(strerror(libc::EBADF), "Bad file descriptor");
    }

    #[test]
    fn connection_errnos_pick_their_subclass() {
        assert_eq!(
            kind_for_errno(libc::ECONNRESET),
            ExcKind::ConnectionResetError
        );
        assert_eq!(kind_for_errno(libc::EPIPE), ExcKind::BrokenPipeError);
        assert_eq!(kind_for_errno(libc::EBADF), ExcKind::OSError);
    }
}
