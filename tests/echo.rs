//! Sockets: single-process scripts compared with CPython's output (`tests/echo/*.py` and
//! their `.stdout`, recorded with python3), and `programs/echo_server.py` served to
//! concurrent native clients over loopback.

#[path = "support/echo.rs"]
mod support;

use std::io::Write;
use std::process::Command;

use support::{connect, echo, round_trips, EchoServer};

const GILVM: &str = env!("CARGO_BIN_EXE_gilvm");

fn run_script(name: &str) {
    run_script_with(&[], name);
}

fn run_script_with(options: &[&str], name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/echo");
    let out = Command::new(GILVM)
        .args(options)
        .arg(dir.join(format!("{name}.py")))
        .output()
        .expect("gilvm runs");
    let expected = std::fs::read_to_string(dir.join(format!("{name}.stdout"))).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        expected,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}

#[test]
fn tcp_server_and_client_in_one_thread() {
    run_script("tcp_one_process");
}

#[test]
fn without_the_io_fast_path_results_are_the_same() {
    run_script_with(&["--io-fast-path", "off"], "tcp_one_process");
    run_script_with(&["--io-fast-path", "off"], "errors");
}

#[test]
fn udp_sendto_recvfrom_and_timeouts() {
    run_script("udp");
}

#[test]
fn recv_into_fills_a_bytearray() {
    run_script("recv_into");
    run_script_with(&["--io-fast-path", "off"], "recv_into");
}

#[test]
fn errors_are_cpythons_oserrors() {
    run_script("errors");
}

#[test]
fn client_program_measures_round_trips() {
    let server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = server.local_addr().unwrap().port();
    let echo_thread = std::thread::spawn(move || {
        let (mut conn, _) = server.accept().unwrap();
        let _ = std::io::copy(&mut conn.try_clone().unwrap(), &mut conn);
    });
    let out = Command::new(GILVM)
        .args([
            "programs/echo_client.py",
            "127.0.0.1",
            &port.to_string(),
            "50",
            "1000",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("round trips: 50 of 1000 bytes\ntotal: "),
        "{stdout}"
    );
    assert!(stdout.contains("\np99: "), "{stdout}");
    echo_thread.join().unwrap();
}

fn start_server(args: &[&str]) -> EchoServer {
    EchoServer::start(GILVM, &[], args).expect("echo server starts")
}

#[test]
fn echo_server_serves_concurrent_clients_of_all_sizes() {
    let server = start_server(&[]);
    serve_six_clients(server.port, 7);
}

/// Six clients at once on `port`: three echo 1 MiB each (bytes `b * seed + i`), three make
/// 200 round trips of 64 bytes; panics if any of them fails.
fn serve_six_clients(port: u16, seed: u32) {
    let clients: Vec<_> = (0..6)
        .map(|i| {
            std::thread::spawn(move || {
                let mut stream = connect(port).map_err(|e| e.to_string())?;
                if i % 2 == 0 {
                    let big: Vec<u8> = (0..1 << 20).map(|b: u32| (b * seed + i) as u8).collect();
                    echo(&mut stream, &big)
                } else {
                    round_trips(&mut stream, 200, 64).map(drop)
                }
            })
        })
        .collect();
    for client in clients {
        client.join().unwrap().unwrap();
    }
}

#[test]
fn echo_server_survives_a_client_leaving_mid_message() {
    let mut server = start_server(&["--fib"]);
    {
        let mut rude = connect(server.port).unwrap();
        rude.write_all(&vec![1; 300_000]).unwrap();
        // Dropped without reading the echo: the server sees a reset or EOF mid-message.
    }
    let mut polite = connect(server.port).unwrap();
    round_trips(&mut polite, 100, 64).unwrap();
    echo(&mut polite, &vec![9; 200_000]).unwrap();
    assert!(server.is_running());
    assert!(server.status_field("Threads").is_some_and(|n| n >= 2));
}

#[test]
fn selectors_echo_server_serves_concurrent_clients_in_one_thread() {
    for interpreter in [GILVM, "python3"] {
        if interpreter == "python3" && Command::new("python3").arg("-V").output().is_err() {
            continue;
        }
        let server = EchoServer::start_program("echo_server_selectors.py", interpreter, &[], &[])
            .expect("selectors echo server starts");
        let port = server.port;
        serve_six_clients(port, 5);
        let mut rude = connect(port).unwrap();
        rude.write_all(&[1; 100_000]).unwrap();
        drop(rude);
        let mut polite = connect(port).unwrap();
        round_trips(&mut polite, 50, 16).unwrap();
    }
}
