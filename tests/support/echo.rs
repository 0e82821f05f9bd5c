//! Shared by `tests/echo.rs` and `tests/bench/echo.rs`: runs `programs/echo_server.py` as a
//! child process and talks to it over loopback.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../src/experiment/child.rs"]
mod child;

/// How long any single socket operation of a client may take before the run fails.
pub const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// A running echo server, killed when dropped.
pub struct EchoServer {
    child: Child,
    pub port: u16,
}

impl EchoServer {
    /// Starts `interpreter [options] programs/echo_server.py 0 [server_args]` and waits
    /// (at most 60 s) for its ready line.
    pub fn start(
        interpreter: &str,
        options: &[&str],
        server_args: &[&str],
    ) -> Result<EchoServer, String> {
        let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/echo_server.py");
        let child = Command::new(interpreter)
            .args(options)
            .arg(program)
            .arg("0")
            .args(server_args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {interpreter}: {e}"))?;
        // Killed when dropped, should it never say it is ready.
        let mut server = EchoServer { child, port: 0 };
        server.port = child::ready_port(&mut server.child, Duration::from_secs(60))?;
        Ok(server)
    }

    /// A field of the server's `/proc/PID/status` (`VmRSS` in kB, `Threads`...).
    pub fn status_field(&self, name: &str) -> Option<u64> {
        child::status_field(self.child.id(), name)
    }

    /// Whether the server process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for EchoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client connection with TCP_NODELAY and bounded waits.
pub fn connect(port: u16) -> std::io::Result<TcpStream> {
    let stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    Ok(stream)
}

/// Sends `message` and checks that exactly its bytes come back. Writing and reading run at
/// once (a large message would otherwise fill both directions' buffers and deadlock).
pub fn echo(stream: &mut TcpStream, message: &[u8]) -> Result<(), String> {
    let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
    let to_send = message.to_vec();
    let sender = std::thread::spawn(move || writer.write_all(&to_send));
    let mut back = vec![0; message.len()];
    let read = stream.read_exact(&mut back);
    let sent = sender.join().map_err(|_| "sender panicked")?;
    sent.map_err(|e| format!("send: {e}"))?;
    read.map_err(|e| format!("receive: {e}"))?;
    if back != message {
        return Err("the echoed bytes differ".into());
    }
    Ok(())
}

/// `count` round trips of `size` bytes, one at a time; returns each one's latency.
pub fn round_trips(
    stream: &mut TcpStream,
    count: usize,
    size: usize,
) -> Result<Vec<Duration>, String> {
    let message: Vec<u8> = (0..size).map(|i| i as u8).collect();
    let mut back = vec![0; size];
    let mut latencies = Vec::with_capacity(count);
    for _ in 0..count {
        let start = Instant::now();
        stream
            .write_all(&message)
            .map_err(|e| format!("send: {e}"))?;
        stream
            .read_exact(&mut back)
            .map_err(|e| format!("receive: {e}"))?;
        latencies.push(start.elapsed());
    }
    if back != message {
        return Err("the echoed bytes differ".into());
    }
    Ok(latencies)
}
