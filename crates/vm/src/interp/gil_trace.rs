//! Recording what the GIL does (`gilvm --gil-trace`, `gil.trace_start()`, and
//! [`crate::Interpreter::trace_start`]): one [`Recorder`] per interpreter, hooked into its
//! `Gil` when the lock is built. The hook costs one atomic load per GIL event while nobody
//! records, so it is always installed.
//!
//! One recording at a time, owned by whoever started it: the embedder (the command line's
//! `--gil-trace` is one) or a Python script, which names the file `gil.trace_stop()` writes.
//! Neither can stop the other's recording.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use gilvm_gil::{Gil, GilConfig};
use gilvm_trace::{Recorder, Trace};

/// Who started the recording in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Owner {
    Embedder,
    /// A script, with the file its `gil.trace_stop()` writes.
    Script(PathBuf),
}

/// Why a recording could not be started or stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceStateError {
    /// A recording is already in progress (started by the embedder if `by_embedder`).
    AlreadyRecording { by_embedder: bool },
    /// Nothing this caller started is being recorded.
    NotRecording,
}

impl std::fmt::Display for TraceStateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TraceStateError::AlreadyRecording { by_embedder: true } => {
                f.write_str("the GIL is already being traced (--gil-trace or the embedder)")
            }
            TraceStateError::AlreadyRecording { by_embedder: false } => {
                f.write_str("the GIL is already being traced (an earlier gil.trace_start())")
            }
            TraceStateError::NotRecording => f.write_str("no GIL trace is being recorded"),
        }
    }
}

impl std::error::Error for TraceStateError {}

/// The interpreter's recorder and who owns the recording in progress.
pub struct GilTracer {
    recorder: Arc<Recorder>,
    owner: Mutex<Option<Owner>>,
}

impl GilTracer {
    /// A GIL with the recorder's hook installed, and the tracer that drives it.
    pub fn new_gil(config: GilConfig) -> (Arc<Gil>, Arc<GilTracer>) {
        let recorder = Recorder::new();
        let gil = Gil::with_hook(config, recorder.hook());
        recorder.attach(&gil);
        let tracer = GilTracer {
            recorder,
            owner: Mutex::new(None),
        };
        (gil, Arc::new(tracer))
    }

    fn owner(&self) -> MutexGuard<'_, Option<Owner>> {
        // The owner is a plain value: a panic elsewhere cannot leave it half-written.
        self.owner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn is_recording(&self) -> bool {
        self.owner().is_some()
    }

    /// The recorder, to mark what the interpreter does with the GIL held (a collection's
    /// pause); its marks cost one atomic load while nothing is recorded.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    /// Starts a recording for the embedder.
    pub fn start_for_embedder(&self) -> Result<(), TraceStateError> {
        self.start(Owner::Embedder)
    }

    /// Stops the embedder's recording and returns it.
    pub fn stop_for_embedder(&self) -> Result<Trace, TraceStateError> {
        let mut owner = self.owner();
        match owner.take() {
            Some(Owner::Embedder) => Ok(self.recorder.stop()),
            other => {
                *owner = other;
                Err(TraceStateError::NotRecording)
            }
        }
    }

    /// Starts a recording for a script; `gil.trace_stop()` writes it to `path`.
    pub fn start_for_script(&self, path: &Path) -> Result<(), TraceStateError> {
        self.start(Owner::Script(path.to_path_buf()))
    }

    /// Stops the script's recording: the trace and the file it goes to.
    pub fn stop_for_script(&self) -> Result<(Trace, PathBuf), TraceStateError> {
        let mut owner = self.owner();
        match owner.take() {
            Some(Owner::Script(path)) => Ok((self.recorder.stop(), path)),
            other => {
                *owner = other;
                Err(TraceStateError::NotRecording)
            }
        }
    }

    fn start(&self, new_owner: Owner) -> Result<(), TraceStateError> {
        let mut owner = self.owner();
        if let Some(current) = &*owner {
            let by_embedder = *current == Owner::Embedder;
            return Err(TraceStateError::AlreadyRecording { by_embedder });
        }
        self.recorder.start();
        *owner = Some(new_owner);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_owner_stops_only_its_own_recording() {
        let (gil, tracer) = GilTracer::new_gil(GilConfig::default());
        let main = gil.register_thread("MainThread");
        assert_eq!(
            tracer.stop_for_embedder().unwrap_err(),
            TraceStateError::NotRecording
        );
        tracer.start_for_embedder().unwrap();
        assert_eq!(
            tracer.start_for_script(Path::new("x.json")),
            Err(TraceStateError::AlreadyRecording { by_embedder: true })
        );
        assert!(tracer.stop_for_script().is_err());
        main.acquire();
        drop(main);
        let trace = tracer.stop_for_embedder().unwrap();
        assert_eq!(trace.threads[0].name, "MainThread");
        assert!(!trace.spans.is_empty());
        assert!(!tracer.is_recording());
        tracer.start_for_script(Path::new("x.json")).unwrap();
        assert!(tracer.stop_for_embedder().is_err());
        let (_, path) = tracer.stop_for_script().unwrap();
        assert_eq!(path, Path::new("x.json"));
    }
}
