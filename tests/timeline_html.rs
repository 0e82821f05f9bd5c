//! The interactive timeline in a real browser: headless Chromium loads the page from
//! `file://` with `#selftest`, which makes the page check that every thread's row was painted,
//! zoom with the mouse wheel and keys through its real event handlers, and write the results
//! into the DOM (`--dump-dom`). Skipped, saying so, when no Chromium is installed (`.ci/run`
//! installs the Debian package `chromium`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use gilvm_trace::{write_chrome_file, Span, SpanKind, ThreadInfo, Trace};

#[path = "support/cli.rs"]
mod support;

use support::{gilvm, text};

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilvm-html-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The page's DOM after its scripts ran, as Chromium dumps it (two minutes at most).
fn dump_dom(browser: &Path, page: &Path, profile: &Path) -> String {
    let url = format!("file://{}#selftest", page.display());
    let child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,900",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(output) => text(&output.expect("chromium ran").stdout),
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("chromium did not finish in 2 minutes");
        }
    }
}

/// The self-test's report: the text of `<div id="selftest" ...>`.
fn selftest_report(dom: &str) -> &str {
    let start = dom
        .find("<div id=\"selftest\"")
        .unwrap_or_else(|| panic!("no self-test in the page: {}", &dom[..dom.len().min(2000)]));
    let report = &dom[start..];
    &report[..report.find("</div>").unwrap_or(report.len())]
}

/// Draws the trace `json` as an HTML page with `gilvm timeline`, loads it in Chromium and
/// checks the self-test's report; returns the report.
fn check_page(browser: &Path, dir: &Path, json: &Path, threads: usize) -> String {
    let html = json.with_extension("html");
    let out = gilvm(&[
        "timeline",
        json.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dom = dump_dom(browser, &html, &dir.join("profile"));
    let report = selftest_report(&dom).to_owned();
    assert!(report.contains("data-status=\"pass\""), "{report}");
    assert!(report.contains("SELFTEST PASS"), "{report}");
    assert!(
        report.contains(&format!("rows drawn: {threads} of {threads}")),
        "{report}"
    );
    let painted = report.lines().filter(|l| l.starts_with("ok row ")).count();
    assert_eq!(painted, threads, "{report}");
    assert!(report.contains("ok wheel zoom"), "{report}");
    assert!(report.contains("ok script errors: 0"), "{report}");
    report
}

#[test]
fn the_html_timeline_draws_every_thread_and_zooms_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on PATH (.ci/run installs the Debian package)");
        return;
    };
    let dir = scratch("fair");
    let json = dir.join("fair.json");
    let out = gilvm(&[
        "--gil",
        "timeout",
        "--gil-trace",
        json.to_str().unwrap(),
        "programs/threads_fair.py",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = check_page(&browser, &dir, &json, 3);
    assert!(report.contains("Thread-2 (spin)"), "{report}");
}

#[test]
fn a_trace_of_300_000_spans_stays_drawable() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on PATH (.ci/run installs the Debian package)");
        return;
    };
    // Four threads taking turns every 250 ns to 1.25 us: mostly sub-pixel spans.
    let threads = 4u64;
    let mut trace = Trace::default();
    for tid in 1..=threads {
        trace.threads.push(ThreadInfo {
            tid,
            name: format!("worker-{tid}"),
        });
    }
    let mut at = 0;
    for i in 0..300_000u64 {
        let tid = i % threads + 1;
        let length = 250 + (i * 7919) % 1000;
        let kind = SpanKind::ALL[(i / threads % SpanKind::ALL.len() as u64) as usize];
        trace.spans.push(Span {
            tid,
            kind,
            start_ns: at,
            end_ns: at + length,
        });
        if tid == threads {
            at += length;
        }
    }
    trace.duration_ns = at;
    trace.sort();
    let dir = scratch("big");
    let json = dir.join("big.json");
    write_chrome_file(&trace, &json).unwrap();
    let report = check_page(&browser, &dir, &json, threads as usize);
    let redraw = report
        .lines()
        .find(|l| l.contains("whole-trace redraw"))
        .unwrap();
    eprintln!("{redraw}");
}
