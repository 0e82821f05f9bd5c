//! Records three CPU-bound threads and one I/O thread under a policy and
//! writes `DIR/gil-trace.json` and `DIR/gil-timeline.svg`.
//!
//! cargo run -p gilvm-trace --example demo -- DIR [tick|timeout|priority]

use std::path::PathBuf;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use gilvm_gil::{Gil, GilConfig, Policy};
use gilvm_trace::{check, timeline_command, write_chrome_file, Recorder, SvgOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "/tmp".into()));
    let policy = match args.next().as_deref() {
        Some("tick") => Policy::Tick,
        Some("timeout") => Policy::Timeout,
        _ => Policy::Priority,
    };
    let recorder = Recorder::new();
    let config = GilConfig {
        policy,
        switch_interval: Duration::from_millis(5),
        ..GilConfig::default()
    };
    let gil = Gil::with_hook(config, recorder.hook());
    recorder.start();
    let mut threads: Vec<_> = (0..3)
        .map(|index| {
            let gil = Arc::clone(&gil);
            thread::spawn(move || {
                let me = gil.register_thread(&format!("cpu-{index}"));
                me.acquire();
                spin(&me, Duration::from_millis(60));
            })
        })
        .collect();
    let io_gil = Arc::clone(&gil);
    threads.push(thread::spawn(move || {
        let me = io_gil.register_thread("io");
        me.acquire();
        for _ in 0..6 {
            spin(&me, Duration::from_micros(300));
            me.blocking(|| thread::sleep(Duration::from_millis(8)));
        }
    }));
    for handle in threads {
        handle.join().map_err(|_| "a thread panicked")?;
    }
    let trace = recorder.stop();
    check(&trace)?;
    let json = dir.join("gil-trace.json");
    let svg = dir.join("gil-timeline.svg");
    write_chrome_file(&trace, &json)?;
    let options = SvgOptions {
        title: format!("GIL timeline ({policy:?} policy)"),
        ..SvgOptions::default()
    };
    timeline_command(&json, &svg, &options)?;
    println!("wrote {} and {}", json.display(), svg.display());
    Ok(())
}

fn spin(me: &gilvm_gil::ThreadHandle, how_long: Duration) {
    let start = Instant::now();
    while start.elapsed() < how_long {
        me.tick();
    }
}
