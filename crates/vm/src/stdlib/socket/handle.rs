//! The OS socket behind a `socket.socket` instance (stored in its `_sock` attribute).

use std::cell::{Cell, RefCell};
use std::os::fd::{AsRawFd, OwnedFd};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::stdlib::socket::errors;

/// Name of the instance attribute holding the handle.
pub const HANDLE_ATTR: &str = "_sock";

pub struct SocketHandle {
    /// `None` once closed. Shared so that a call blocked without the GIL keeps the fd number
    /// valid if another thread closes the socket meanwhile (it is closed when the call ends).
    fd: RefCell<Option<Arc<OwnedFd>>>,
    pub family: i32,
    pub kind: i32,
    /// `None`: blocking; zero: non-blocking; otherwise the timeout of each call.
    pub timeout: Cell<Option<Duration>>,
}

impl SocketHandle {
    pub fn new(fd: OwnedFd, family: i32, kind: i32) -> SocketHandle {
        SocketHandle {
            fd: RefCell::new(Some(Arc::new(fd))),
            family,
            kind,
            timeout: Cell::new(None),
        }
    }

    /// The open fd, or `OSError: [Errno 9] Bad file descriptor`.
    pub fn fd(&self, ts: &ThreadState) -> PyResult<Arc<OwnedFd>> {
        self.fd.borrow().clone().ok_or_else(|| errors::bad_fd(ts))
    }

    /// Closes the socket (a no-op if it is closed already).
    pub fn close(&self) {
        self.fd.borrow_mut().take();
    }

    /// `detach()`: the socket is closed without closing its descriptor, which is answered
    /// (-1 if it was closed). While a call blocked in another thread still uses the
    /// descriptor, that call closes it when it ends: the caller gets a duplicate instead.
    pub fn detach(&self) -> i64 {
        let Some(fd) = self.fd.borrow_mut().take() else {
            return -1;
        };
        let raw = match Arc::try_unwrap(fd) {
            Ok(fd) => std::os::fd::IntoRawFd::into_raw_fd(fd),
            // SAFETY: `dup` of a descriptor this socket owns, still open.
            Err(shared) => unsafe { libc::dup(shared.as_raw_fd()) },
        };
        // gilvm's sockets are non-blocking underneath; a blocking socket's descriptor is
        // handed over blocking, as CPython's is.
        if raw >= 0 && self.timeout.get().is_none() {
            // SAFETY: `fcntl` on the descriptor just taken over; a failure leaves it as is.
            unsafe {
                let flags = libc::fcntl(raw, libc::F_GETFL);
                if flags >= 0 {
                    libc::fcntl(raw, libc::F_SETFL, flags & !libc::O_NONBLOCK);
                }
            }
        }
        i64::from(raw)
    }

    /// `fileno()`: -1 once closed.
    pub fn fileno(&self) -> i64 {
        self.fd
            .borrow()
            .as_ref()
            .map_or(-1, |fd| fd.as_raw_fd() as i64)
    }

    pub fn repr(&self) -> String {
        format!(
            "<socket handle fd={}, family={}, type={}>",
            self.fileno(),
            self.family,
            self.kind
        )
    }
}

/// The handle of `this`, a `socket.socket` instance.
pub fn handle_of(ts: &ThreadState, this: &Value) -> PyResult<Rc<SocketHandle>> {
    let found = this
        .as_instance()
        .and_then(|inst| match inst.attr_str(HANDLE_ATTR) {
            Some(Value::Obj(o)) => match &*o {
                Obj::Socket(handle) => Some(handle.clone()),
                _ => None,
            },
            _ => None,
        });
    found.ok_or_else(|| ts.type_error("descriptor requires a 'socket.socket' object"))
}
