//! The collector seen from the command line: a raising `__del__` is reported as CPython does
//! (its address aside) and never propagates; `--gil-stats` reports the collector's pauses.

#[path = "support/cli.rs"]
mod support;

use support::{gilvm, text};

/// `0x` followed by hex digits, replaced by `0xADDR`.
fn hide_addresses(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        out.push_str("0xADDR");
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn a_raising_finalizer_is_reported_and_ignored() {
    let out = gilvm(&["tests/gc/del_raises.py"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "after\nTrue\nend\n");
    let report = "Exception ignored in: <function C.__del__ at 0xADDR>\n\
         Traceback (most recent call last):\n  \
         File \"tests/gc/del_raises.py\", line 6, in __del__\n    \
         1/0\n    ~^~\n\
         ZeroDivisionError: division by zero\n";
    // gilvm names the script by its absolute path.
    let err = text(&out.stderr).replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), "");
    assert_eq!(hide_addresses(&err), report.repeat(2));
}

#[test]
fn gil_stats_report_the_collector() {
    let script = "l = []\nfor i in range(5000):\n    c = []\n    c.append(c)\n";
    let out = gilvm(&["--gil-stats", "-c", script]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.starts_with("gc: "))
        .expect("a gc line");
    let collections: u64 = line[4..].split(' ').next().unwrap().parse().unwrap();
    assert!(collections >= 5, "{line}");
    assert!(line.contains("objects freed, pauses"), "{line}");
}
