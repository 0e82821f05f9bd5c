//! Deadly signals left to their default action (SIGTERM under the `gilvm` command): caught
//! only so that nothing the program wrote is lost, then the process dies by the signal as
//! the default would have killed it (the parent sees "killed by SIGTERM").
//!
//! The main thread does it at its next check point ([`die_by`], from
//! `signals::handle_pending`): it writes out every buffered file and the standard streams.
//! If the main thread does not come by within [`GRACE`] (blocked reading a pipe, or in long
//! native work), a watchdog thread, woken through a pipe by the signal handler, writes
//! out the files (which it can reach without the GIL) and ends the process itself.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Once, OnceLock};
use std::time::Duration;

use crate::interp::signals::{set_os_handler, NSIG, SIG_DFL};
use crate::interp::thread_state::ThreadState;

/// How long the watchdog leaves the main thread to die cleanly.
pub const GRACE: Duration = Duration::from_secs(2);

static CAUGHT_TO_FLUSH: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// The write end of the watchdog's pipe (-1 until it runs).
static WATCHDOG: AtomicI32 = AtomicI32::new(-1);
/// The read end of the watchdog's pipe (-1 until it runs).
static WATCHDOG_READ: AtomicI32 = AtomicI32::new(-1);
static WATCHDOG_START: Once = Once::new();

/// What the host asked to do just before the process dies by such a signal.
static BEFORE_DYING: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

/// Has `last_words` run just before the process dies by a deadly signal it left to its
/// default action (the `gilvm` command writes its `--gil-trace` file there). Process-wide,
/// set once; runs in the main thread, or in the watchdog if the main thread does not come
/// by, so it must not need the GIL. Returns false if one was already set.
pub fn before_dying_by_signal(last_words: impl Fn() + Send + Sync + 'static) -> bool {
    BEFORE_DYING.set(Box::new(last_words)).is_ok()
}

/// Catches `signum` to die by it only after flushing (its Python handler stays `SIG_DFL`).
pub fn catch_to_flush(signum: i32) {
    WATCHDOG_START.call_once(start_watchdog);
    CAUGHT_TO_FLUSH[signum as usize].store(true, Ordering::SeqCst);
    if set_os_handler(signum, None).is_err() {
        CAUGHT_TO_FLUSH[signum as usize].store(false, Ordering::SeqCst);
    }
}

/// The program set its own handler for `signum`.
pub fn stop_catching(signum: usize) {
    CAUGHT_TO_FLUSH[signum].store(false, Ordering::SeqCst);
}

pub fn caught_to_flush(signum: usize) -> bool {
    CAUGHT_TO_FLUSH[signum].load(Ordering::SeqCst)
}

/// From the native signal handler: wakes the watchdog (async-signal-safe: one `write`).
pub fn on_signal(signum: libc::c_int) {
    let fd = WATCHDOG.load(Ordering::SeqCst);
    if fd >= 0 && caught_to_flush(signum as usize) {
        let byte = signum as u8;
        // SAFETY: writing one byte from a valid buffer to the pipe's write end, which is
        // never closed; `write` is async-signal-safe. `errno` (this thread's) is put back, as
        // the interrupted code may be about to read it.
        unsafe {
            let errno = *libc::__errno_location();
            libc::write(fd, (&byte as *const u8).cast(), 1);
            *libc::__errno_location() = errno;
        }
    }
}

fn start_watchdog() {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors `pipe2` writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return;
    }
    let [read_end, write_end] = fds;
    let spawned = std::thread::Builder::new()
        .name("gilvm-signal-exit".into())
        .spawn(move || watch(read_end));
    if spawned.is_ok() {
        WATCHDOG_READ.store(read_end, Ordering::SeqCst);
        WATCHDOG.store(write_end, Ordering::SeqCst);
    }
}

/// In the child of a fork, which has no watchdog thread: starts one on a pipe of its own (the
/// parent's watchdog reads the old one, and must not die of the child's signal).
pub fn after_fork_child() {
    let write_end = WATCHDOG.swap(-1, Ordering::SeqCst);
    let read_end = WATCHDOG_READ.swap(-1, Ordering::SeqCst);
    if write_end < 0 {
        return;
    }
    // SAFETY: closing the child's copies of the two ends, which nothing else in the child
    // uses now that their thread is gone and `WATCHDOG` no longer names them.
    unsafe {
        libc::close(write_end);
        libc::close(read_end);
    }
    start_watchdog();
}

/// The watchdog: waits for a caught deadly signal, gives the main thread [`GRACE`] to die
/// by it, then does it.
fn watch(read_end: libc::c_int) {
    loop {
        let mut byte = 0u8;
        // SAFETY: reading one byte into a valid buffer from the pipe this thread owns.
        let n = unsafe { libc::read(read_end, (&mut byte as *mut u8).cast(), 1) };
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        if n != 1 {
            return;
        }
        std::thread::sleep(GRACE);
        if caught_to_flush(byte as usize) {
            crate::stdlib::io_sink::flush_open_files();
            die(byte as i32);
        }
    }
}

/// Dies by `signum`'s default action after writing out everything the program buffered.
pub fn die_by(ts: &mut ThreadState, signum: i32) {
    flush_everything(ts);
    die(signum);
}

fn die(signum: i32) {
    if let Some(last_words) = BEFORE_DYING.get() {
        last_words();
    }
    let _ = set_os_handler(signum, Some(SIG_DFL));
    // SAFETY: `raise` is safe to call with any signal number; the default action of a
    // signal caught here ends the process.
    unsafe {
        libc::raise(signum);
    }
}

/// Writes out every buffered file and the standard streams (at exit, before dying).
pub fn flush_everything(ts: &ThreadState) {
    crate::stdlib::io_sink::flush_open_files();
    ts.rt.stdout.borrow_mut().flush();
    ts.rt.stderr.borrow_mut().flush();
}
