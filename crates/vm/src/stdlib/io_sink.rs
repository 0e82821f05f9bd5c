//! The native side of a file open for writing (`io.py`'s `_File` holds it as `_sink`): the OS
//! file and the bytes written since the last flush. Nothing written is lost: the buffer is
//! written out on `flush()`/`close()`, when the handle is freed (the last reference to its
//! file object goes, as CPython's files flush when freed), and on every way out of the
//! process ([`flush_open_files`]: normal end, uncaught exception, `sys.exit`, a deadly
//! signal), since a file held by a module global is never freed before the exit.

use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::os::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_sink_open", sink_open),
    ("_sink_write", sink_write),
    ("_sink_flush", sink_flush),
    ("_sink_close", sink_close),
];

/// A buffer this big is written out without waiting for a flush (CPython's is 8 KiB).
const BUFFER_BYTES: usize = 64 << 10;

struct SinkState {
    path: String,
    /// `None` once closed.
    file: Option<std::fs::File>,
    pending: Vec<u8>,
}

impl SinkState {
    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(file) = &mut self.file {
            if !self.pending.is_empty() {
                file.write_all(&self.pending)?;
                self.pending.clear();
            }
        }
        Ok(())
    }
}

/// Every sink of the process that may hold unwritten bytes (pruned as they go).
static OPEN_SINKS: Mutex<Vec<Weak<Mutex<SinkState>>>> = Mutex::new(Vec::new());

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A poisoned buffer is still a valid buffer: write out what it holds.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Writes out every file's buffer (at exit, and before a deadly signal kills the process).
pub fn flush_open_files() {
    let sinks: Vec<_> = lock(&OPEN_SINKS).iter().filter_map(Weak::upgrade).collect();
    for sink in sinks {
        let _ = lock(&sink).flush();
    }
}

pub struct FileSink(Arc<Mutex<SinkState>>);

impl NativeHandle for FileSink {
    fn repr(&self) -> String {
        format!("<file sink {:?}>", lock(&self.0).path)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for FileSink {
    fn drop(&mut self) {
        let _ = lock(&self.0).flush();
    }
}

fn sink_of<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a FileSink> {
    v.obj()
        .and_then(|o| o.handle::<FileSink>())
        .ok_or_else(|| ts.type_error("expected a file sink"))
}

/// `_sink_open(path, append, exclusive)`: opens (creating; truncating unless `append`; failing
/// if it exists with `exclusive`) the file for writing.
fn sink_open(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sink_open", args, 3, 3)?;
    let Some(path) = a[0].as_str().map(|s| s.as_str().to_string()) else {
        return Err(ts.type_error("expected str, bytes or os.PathLike object"));
    };
    crate::interp::sandbox::check_path(ts, crate::interp::sandbox::Access::Write, &path)?;
    let append = matches!(a[1], Value::Bool(true));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).append(append).truncate(!append);
    match a[2] {
        Value::Bool(true) => options.create_new(true),
        _ => options.create(true),
    };
    let file = options.open(&path).map_err(|e| os_error(ts, &e, &path))?;
    let state = Arc::new(Mutex::new(SinkState {
        path,
        file: Some(file),
        pending: Vec::new(),
    }));
    let mut open = lock(&OPEN_SINKS);
    open.retain(|sink| sink.strong_count() > 0);
    open.push(Arc::downgrade(&state));
    let sink = FileSink(state);
    Ok(Value::Obj(ObjRef::new(Obj::Handle(Box::new(sink)))))
}

/// `_sink_write(sink, data)`: buffers str (as UTF-8) or bytes.
fn sink_write(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sink_write", args, 2, 2)?;
    let sink = sink_of(ts, &a[0])?;
    let mut state = lock(&sink.0);
    match a[1].obj().map(|o| &**o) {
        Some(Obj::Str(s)) => state.pending.extend_from_slice(s.as_str().as_bytes()),
        Some(Obj::Bytes(b)) => state.pending.extend_from_slice(b),
        _ => return Err(ts.type_error("_sink_write: data must be str or bytes")),
    }
    if state.pending.len() >= BUFFER_BYTES {
        let path = state.path.clone();
        state.flush().map_err(|e| os_error(ts, &e, &path))?;
    }
    Ok(Value::None)
}

fn sink_flush(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sink_flush", args, 1, 1)?;
    let mut state = lock(&sink_of(ts, &a[0])?.0);
    let path = state.path.clone();
    state.flush().map_err(|e| os_error(ts, &e, &path))?;
    Ok(Value::None)
}

/// `_sink_close(sink)`: flushes, then closes the OS file.
fn sink_close(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sink_close", args, 1, 1)?;
    let mut state = lock(&sink_of(ts, &a[0])?.0);
    let path = state.path.clone();
    let flushed = state.flush();
    state.file = None;
    flushed.map_err(|e| os_error(ts, &e, &path))?;
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sink_writes_its_buffer_when_dropped_and_at_exit() {
        let dir = std::env::temp_dir().join(format!("gilvm-sink-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let open = |name: &str| {
            let path = dir.join(name).display().to_string();
            let file = std::fs::File::create(&path).unwrap();
            let state = Arc::new(Mutex::new(SinkState {
                path: path.clone(),
                file: Some(file),
                pending: b"kept".to_vec(),
            }));
            lock(&OPEN_SINKS).push(Arc::downgrade(&state));
            (FileSink(state), path)
        };
        let (dropped, dropped_path) = open("dropped");
        let (alive, alive_path) = open("alive");
        drop(dropped);
        assert_eq!(std::fs::read(&dropped_path).unwrap(), b"kept");
        assert_eq!(std::fs::read(&alive_path).unwrap(), b"");
        flush_open_files();
        assert_eq!(std::fs::read(&alive_path).unwrap(), b"kept");
        drop(alive);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
