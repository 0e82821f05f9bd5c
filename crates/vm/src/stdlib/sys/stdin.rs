//! Reading standard input: `sys.stdin`'s methods and `input()`. Every read blocks, so it runs
//! without the GIL; the process's stdin buffer is shared, so all readers see one stream.

use std::io::{BufRead, IsTerminal, Read};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::interp::interruptible;
use crate::interp::signals::is_main_thread;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::function::Args;

/// Set when a partial read may have left bytes in std's stdin buffer, where `poll` cannot
/// see them; cleared once a whole line was read from a terminal (which hands over one line
/// per `read`, so nothing is left then).
static MAYBE_BUFFERED: AtomicBool = AtomicBool::new(false);

/// One line of text including its `\n` (none at end of input), `""` at end of input.
pub fn read_line(ts: &mut ThreadState) -> PyResult<String> {
    wait_for_terminal_line(ts)?;
    let bytes = ts.allow_threads(|| {
        let mut line = Vec::new();
        std::io::stdin()
            .lock()
            .read_until(b'\n', &mut line)
            .map(|_| line)
    });
    if bytes.as_ref().is_ok_and(|line| line.ends_with(b"\n")) {
        MAYBE_BUFFERED.store(false, Ordering::Relaxed);
    }
    decode(ts, bytes)
}

/// In the main thread, reading a line from a terminal (Ctrl-C's case): waits for the line
/// with `poll`, so that a signal's handler runs meanwhile and its `KeyboardInterrupt` ends
/// the wait (PEP 475). Not for a pipe or a file, whose reads never wait on a person.
fn wait_for_terminal_line(ts: &mut ThreadState) -> PyResult<()> {
    if !is_main_thread(ts)
        || MAYBE_BUFFERED.load(Ordering::Relaxed)
        || !std::io::stdin().is_terminal()
    {
        return Ok(());
    }
    interruptible::wait(ts, None, |until| {
        let wait = until.map_or(-1, |u| {
            u.saturating_duration_since(std::time::Instant::now())
                .as_millis()
                .min(i32::MAX as u128) as i32
        });
        let mut fds = [libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        }];
        // SAFETY: `fds` is a valid array of one pollfd; fd 0 stays open (std never closes it).
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), 1, wait) };
        // Ready, or an error the read itself will report.
        (ready != 0
            && !(ready < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR)))
        .then_some(())
    })?;
    Ok(())
}

/// Up to `count` characters (all that is left if `None`).
fn read_chars(ts: &mut ThreadState, count: Option<usize>) -> PyResult<String> {
    MAYBE_BUFFERED.store(true, Ordering::Relaxed);
    let bytes = ts.allow_threads(|| {
        let mut data = Vec::new();
        let mut input = std::io::stdin().lock();
        match count {
            None => input.read_to_end(&mut data).map(|_| data),
            Some(n) => (0..n)
                .map_while(|_| read_char(&mut input, &mut data).transpose())
                .collect::<std::io::Result<()>>()
                .map(|()| data),
        }
    });
    decode(ts, bytes)
}

/// Appends one UTF-8 encoded character's bytes to `data`; `None` at end of input.
fn read_char(input: &mut impl Read, data: &mut Vec<u8>) -> std::io::Result<Option<()>> {
    let mut first = [0u8];
    if input.read(&mut first)? == 0 {
        return Ok(None);
    }
    let width = match first[0] {
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        _ => 1,
    };
    data.push(first[0]);
    input.by_ref().take(width - 1).read_to_end(data)?;
    Ok(Some(()))
}

/// Text from stdin's bytes: UTF-8, with `\r\n` line ends read as `\n` (universal newlines).
fn decode(ts: &ThreadState, bytes: std::io::Result<Vec<u8>>) -> PyResult<String> {
    let bytes = bytes.map_err(|e| ts.new_exc(ExcKind::OSError, e.to_string()))?;
    match String::from_utf8(bytes) {
        Ok(text) if text.contains('\r') => Ok(text.replace("\r\n", "\n")),
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes().get(at).copied().unwrap_or(0);
            Err(ts.new_exc(
                ExcKind::UnicodeDecodeError,
                format!("'utf-8' codec can't decode byte {byte:#04x} in position {at}: invalid start byte"),
            ))
        }
    }
}

/// A `size` argument: `None` (or negative) means no limit.
fn size_arg(ts: &mut ThreadState, size: Option<&Value>) -> PyResult<Option<usize>> {
    match size {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(usize::try_from(int_arg(ts, v)?).ok()),
    }
}

/// `sys.stdin.readline([size])`.
pub fn readline(ts: &mut ThreadState, args: &Args) -> PyResult {
    let a = positional(ts, "readline", args, 0, 1)?;
    let line = match size_arg(ts, a.first())? {
        None => read_line(ts)?,
        // A bounded line is rare (and stdin cannot be peeked): read characters up to `\n`.
        Some(limit) => {
            let mut line = String::new();
            while line.chars().count() < limit && !line.ends_with('\n') {
                let c = read_chars(ts, Some(1))?;
                if c.is_empty() {
                    break;
                }
                line.push_str(&c);
            }
            line
        }
    };
    Ok(Value::new_str(line))
}

/// `sys.stdin.read([size])`.
pub fn read(ts: &mut ThreadState, args: &Args) -> PyResult {
    let a = positional(ts, "read", args, 0, 1)?;
    let count = size_arg(ts, a.first())?;
    Ok(Value::new_str(read_chars(ts, count)?))
}

/// `sys.stdin.readlines()`.
pub fn readlines(ts: &mut ThreadState, args: &Args) -> PyResult {
    positional(ts, "readlines", args, 0, 1)?;
    let mut lines = Vec::new();
    loop {
        let line = read_line(ts)?;
        if line.is_empty() {
            return Ok(Value::new_list(lines));
        }
        lines.push(Value::new_str(line));
    }
}

/// `next(sys.stdin)`: the next line, `StopIteration` at end of input.
pub fn next_line(ts: &mut ThreadState) -> PyResult {
    let line = read_line(ts)?;
    if line.is_empty() {
        let stop = ts.exc_class(ExcKind::StopIteration);
        return Err(crate::object::error::new_exception(stop, Vec::new()));
    }
    Ok(Value::new_str(line))
}
