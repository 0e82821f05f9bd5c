//! Recording overhead: uncontended GIL acquire/release cycles with no hook,
//! with the recorder installed but off, and recording.
//!
//! cargo run --release -p gilvm-trace --example overhead

use std::hint::black_box;
use std::time::{Duration, Instant};

use gilvm_gil::{Gil, GilConfig};
use gilvm_trace::Recorder;

const CYCLES: u32 = 1_000_000;

fn cycles_per_ns(gil: &std::sync::Arc<Gil>) -> Duration {
    let me = gil.register_thread("bench");
    let start = Instant::now();
    for _ in 0..CYCLES {
        me.acquire();
        black_box(&me);
        me.release();
    }
    start.elapsed() / CYCLES
}

fn best_of_five(run: impl Fn() -> Duration) -> Duration {
    (0..5).map(|_| run()).min().unwrap_or_default()
}

fn main() {
    let config = GilConfig::default();
    let no_hook = best_of_five(|| cycles_per_ns(&Gil::new(config)));
    let off = best_of_five(|| {
        let recorder = Recorder::new();
        cycles_per_ns(&Gil::with_hook(config, recorder.hook()))
    });
    let on = best_of_five(|| {
        let recorder = Recorder::new();
        let gil = Gil::with_hook(config, recorder.hook());
        recorder.start();
        let per_cycle = cycles_per_ns(&gil);
        black_box(recorder.stop());
        per_cycle
    });
    println!("acquire+release cycle, {CYCLES} cycles, best of 5:");
    println!("  no hook:            {no_hook:?}");
    println!("  recorder off:       {off:?}");
    println!("  recorder recording: {on:?}");
}
