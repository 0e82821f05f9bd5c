//! Beazley's echo experiment: `programs/echo_server.py` (a thread per client, optionally a
//! CPU-bound fib thread) in a child `gilvm`, driven by `programs/echo_client.py` in another.

use std::process::Child;
use std::time::{Duration, Instant};

use super::child::{ready_port, status_field};
use super::lab::{field, signal, Lab, ECHO_CLIENT, ECHO_SERVER};

/// A running echo server; stopped with SIGTERM (so that its trace is written) when dropped.
pub struct EchoServer {
    child: Child,
    pub port: u16,
}

impl EchoServer {
    /// `gilvm OPTIONS echo_server.py 0 SERVER_ARGS`, once it says it is ready (60 s at most).
    pub fn start(
        lab: &mut Lab,
        options: &[String],
        server_args: &[String],
    ) -> Result<Self, String> {
        let mut args = vec!["0".to_owned()];
        args.extend(server_args.iter().cloned());
        let child = lab
            .command(options, &ECHO_SERVER, &args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .map_err(|err| format!("cannot start the echo server: {err}"))?;
        // Killed when dropped, should it never say it is ready.
        let mut server = EchoServer { child, port: 0 };
        server.port = ready_port(&mut server.child, Duration::from_secs(60))?;
        Ok(server)
    }

    /// A field of the server's `/proc/PID/status` (`VmRSS` in kB, `Threads`...).
    pub fn status_field(&self, name: &str) -> Option<u64> {
        status_field(self.child.id(), name)
    }

    /// SIGTERM, then wait (at most 60 s, then SIGKILL): `--gil-trace` writes its file.
    pub fn stop(mut self) -> Result<(), String> {
        self.terminate()
    }

    fn terminate(&mut self) -> Result<(), String> {
        signal(self.child.id(), libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        Err("the echo server did not stop on SIGTERM".into())
    }
}

impl Drop for EchoServer {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.terminate();
        }
    }
}

/// What the client measured.
pub struct RoundTrips {
    pub total: f64,
    pub p50: f64,
    pub p99: f64,
}

/// The threads of the echo server: the client's, and the CPU-bound one.
pub const SERVER_THREAD: &str = "serve_client";
pub const FIB_THREAD: &str = "spin";

/// `trips` round trips of 64 bytes from `echo_client.py` (run by gilvm, one thread).
pub fn client(lab: &mut Lab, port: u16, trips: u32) -> Result<RoundTrips, String> {
    let args = ["127.0.0.1".to_owned(), port.to_string(), trips.to_string()];
    let out = lab.run_script(&[], &ECHO_CLIENT, &args)?;
    Ok(RoundTrips {
        total: field(&out, "total:")?,
        p50: field(&out, "p50:")? * 1e-6,
        p99: field(&out, "p99:")? * 1e-6,
    })
}

/// One server configuration, without and with the CPU-bound thread; the loaded run is
/// traced into `stem.json`. Returns (unloaded, loaded).
pub fn unloaded_and_loaded(
    lab: &mut Lab,
    options: &[String],
    server_args: &[String],
    trips: u32,
    stem: &str,
) -> Result<(RoundTrips, RoundTrips), String> {
    let server = EchoServer::start(lab, options, server_args)?;
    let unloaded = client(lab, server.port, trips)?;
    server.stop()?;
    let trace = super::lab::path_arg(&lab.file(&format!("{stem}.json")));
    let mut traced = vec!["--gil-trace".to_owned(), trace];
    traced.extend(options.iter().cloned());
    let mut loaded_args = server_args.to_vec();
    loaded_args.push("--fib".into());
    let server = EchoServer::start(lab, &traced, &loaded_args)?;
    let loaded = client(lab, server.port, trips)?;
    server.stop()?;
    Ok((unloaded, loaded))
}
