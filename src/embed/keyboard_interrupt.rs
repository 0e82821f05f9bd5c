//! Raising `KeyboardInterrupt` in the main script thread from the host: the path a Ctrl-C
//! takes (`gilvm_vm::interp::signals`), without a signal.

use crate::Interpreter;

/// A handle that asks an interpreter's main script thread to run its SIGINT handler at its
/// next check point, as Ctrl-C does: by default that raises `KeyboardInterrupt` there, and a
/// blocking call it is in (`time.sleep`, a lock, a socket) returns early to raise it.
/// `Send + Sync + Clone`: hand it to a watchdog thread or a UI's stop button.
///
/// The tripped flag is per process, like a signal: with several interpreters in one process,
/// the first main thread to look takes it.
///
/// ```
/// use std::time::Duration;
/// let interp = gilvm::Interpreter::new();
/// let stop = interp.keyboard_interrupt_handle();
/// let watchdog = std::thread::spawn(move || {
///     std::thread::sleep(Duration::from_millis(50));
///     stop.interrupt();
/// });
/// let err = interp.run("import time\nwhile True:\n    time.sleep(0.01)").unwrap_err();
/// watchdog.join().unwrap();
/// assert_eq!(err.type_name(), "KeyboardInterrupt");
/// ```
#[derive(Clone, Debug)]
pub struct KeyboardInterruptHandle {
    _private: (),
}

impl KeyboardInterruptHandle {
    /// Raises `KeyboardInterrupt` (or runs the script's own SIGINT handler) in the main
    /// script thread at its next check point.
    pub fn interrupt(&self) {
        gilvm_vm::request_interrupt();
    }
}

impl Interpreter {
    /// A handle the host keeps to raise `KeyboardInterrupt` in this interpreter's main
    /// script thread (see [`KeyboardInterruptHandle`]).
    pub fn keyboard_interrupt_handle(&self) -> KeyboardInterruptHandle {
        KeyboardInterruptHandle { _private: () }
    }
}
