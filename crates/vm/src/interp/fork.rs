//! `os.fork` in a threaded interpreter. The child of a fork has only the thread that forked,
//! which holds the GIL: everything other threads held or were registered in must look, in the
//! child, as if they had finished. The GIL's state (and the trace its hook records) is copied
//! under its own mutex ([`gilvm_gil::Gil::fork`]), the standard streams under their locks;
//! then [`after_fork_child`] makes the forking thread the main thread.
//! Python's `os.register_at_fork` callbacks and `threading`'s own reset run around this, from
//! `os.fork` (the `os` module's Python part).

use crate::interp::thread_state::ThreadState;

/// Forks the process; answers `fork(2)`'s result (the child's pid, 0 in the child, -1 and
/// `errno` on failure).
pub fn fork(ts: &mut ThreadState) -> libc::pid_t {
    // Like CPython, stdout's buffer is not written out first: a child that exits normally
    // writes what it copied again (multiprocessing flushes before it forks).
    let keep = ts.gil.id();
    // Held across the fork so that no other thread is halfway through writing to them.
    let stdout = std::io::stdout().lock();
    let stderr = std::io::stderr().lock();
    // SAFETY: `fork` has no preconditions; in the child only async-signal-safe work is
    // done before the locks this thread holds are released: `Gil::fork` resets plain state
    // under the mutex it holds, and allocation is fork-safe in glibc (its own at-fork hooks).
    let pid = ts
        .gil
        .gil()
        .fork(keep, || unsafe { libc::fork() }, |&pid| pid == 0);
    drop(stderr);
    drop(stdout);
    if pid == 0 {
        after_fork_child(ts);
    }
    pid
}

/// The child's reset of the interpreter's own registries: the forking thread is the main
/// thread and the only one running.
fn after_fork_child(ts: &mut ThreadState) {
    let threads = &ts.rt.threads;
    let was_main = threads.main_ident.get() == ts.ident();
    // A thread started by `_thread` counts itself until its function returns.
    threads.running.set(usize::from(!was_main));
    threads.main_ident.set(ts.ident());
    crate::interp::signal_exit::after_fork_child();
}
