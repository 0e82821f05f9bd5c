//! `gilvm experiment`, run through the built binary with `--quick`: the table's shape, the
//! files written and their contents. Figures are never asserted (the machine is small and
//! noisy), only that each is a measured number.

use std::path::{Path, PathBuf};

use gilvm_trace::{check, read_chrome_file};

#[path = "support/cli.rs"]
mod support;

use support::{gilvm, text};

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilvm-exp-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The table's rows: the lines after the header line starting with `first_column`, up to the
/// verdict.
fn table_rows<'a>(stdout: &'a str, first_column: &str) -> Vec<Vec<&'a str>> {
    let lines: Vec<&str> = stdout.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with(first_column))
        .unwrap_or_else(|| panic!("no table header in {stdout}"));
    lines[header + 1..]
        .iter()
        .take_while(|l| !l.is_empty() && !l.contains(". ") && !l.starts_with("note:"))
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect()
}

/// `gilvm experiment NAME --quick -o DIR`, which must succeed: DIR and what it printed.
fn run_quick(name: &str, extra: &[&str]) -> (PathBuf, String) {
    let dir = scratch(&format!("{name}{}", extra.join("")));
    let mut args = vec!["experiment", name, "--quick", "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = gilvm(&args);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    (dir, stdout)
}

fn is_ratio(cell: &str) -> bool {
    cell.strip_suffix('x')
        .is_some_and(|n| n.parse::<f64>().is_ok_and(|r| r.is_finite() && r > 0.0))
}

fn is_time(cell: &str) -> bool {
    let mut parts = cell.split(' ');
    let number = parts.next().and_then(|n| n.parse::<f64>().ok());
    number.is_some_and(|n| n > 0.0) && matches!(parts.next(), Some("s" | "ms" | "us"))
}

fn assert_drawn(dir: &Path, stem: &str, lanes: &[&str]) {
    let trace = read_chrome_file(&dir.join(format!("{stem}.json"))).expect(stem);
    if let Err(violation) = check(&trace) {
        panic!("{stem}: {violation}");
    }
    assert!(
        trace.meta.policy.is_some(),
        "{stem}: no policy in the trace"
    );
    let names: Vec<&str> = trace.threads.iter().map(|t| t.name.as_str()).collect();
    for lane in lanes {
        assert!(
            names.iter().any(|n| n.contains(lane)),
            "{stem}: lanes {names:?}"
        );
    }
    let svg = std::fs::read_to_string(dir.join(format!("{stem}.svg"))).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("policy "),
        "{stem}.svg"
    );
    let html = std::fs::read_to_string(dir.join(format!("{stem}.html"))).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("trace-data"));
}

#[test]
fn thrash_quick_prints_a_ratio_per_policy_and_writes_pictures_and_a_readme() {
    let (dir, stdout) = run_quick("thrash", &[]);
    assert!(stdout.contains("Inside the Python GIL"), "{stdout}");
    assert!(stdout.contains("load average"), "{stdout}");
    let rows = table_rows(&stdout, "policy");
    let policies: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(policies, ["tick", "timeout", "priority"], "{stdout}");
    for row in &rows {
        assert_eq!(row.len(), 4, "{row:?}");
        assert!(is_time(row[1]) && is_time(row[2]), "{row:?}");
        assert!(is_ratio(row[3]), "{row:?}");
    }
    assert!(stdout.contains("threaded / sequential under tick: "));
    for policy in ["tick", "timeout", "priority"] {
        assert_drawn(
            &dir,
            &format!("thrash-{policy}"),
            &["Thread-1 (count)", "Thread-2 (count)"],
        );
    }
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for needle in [
        "Inside the Python GIL",
        "load average",
        "| tick |",
        "What to look for",
        "programs/count.py",
    ] {
        assert!(readme.contains(needle), "README lacks {needle}: {readme}");
    }
}

#[test]
fn convoy_quick_measures_unloaded_and_loaded_round_trips() {
    let (dir, stdout) = run_quick("convoy", &[]);
    let rows = table_rows(&stdout, "policy");
    let policies: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(policies, ["timeout", "priority", "tick"], "{stdout}");
    for row in &rows {
        assert_eq!(row.len(), 8, "{row:?}");
        assert!(row[1..5].iter().all(|c| is_time(c)), "{row:?}");
        assert!(row[5].ends_with(" %"), "{row:?}");
        assert!(row[6] == "-" || is_time(row[6]), "{row:?}");
        assert!(is_ratio(row[7]), "{row:?}");
    }
    assert!(
        stdout.contains("under timeout, the server's requests"),
        "{stdout}"
    );
    for policy in ["timeout", "priority", "tick"] {
        assert_drawn(&dir, &format!("convoy-{policy}"), &["serve_client", "spin"]);
    }
}

#[test]
fn experiments_are_listed_and_unknown_ones_are_usage_errors() {
    let out = gilvm(&["experiment", "--list"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    for name in ["thrash", "convoy", "priority", "sleeper", "scale"] {
        assert!(stdout.lines().any(|l| l.starts_with(name)), "{stdout}");
    }
    let out = gilvm(&["experiment", "nonesuch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown experiment 'nonesuch'"));
    let out = gilvm(&["experiment", "thrash", "--cpus", "x"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sleeper_pinned_to_one_cpu_says_so() {
    let (dir, stdout) = run_quick("sleeper", &["--cpus", "0"]);
    assert!(stdout.contains("machine: 1 of "), "{stdout}");
    assert!(stdout.contains("only one CPU is usable"), "{stdout}");
    let rows = table_rows(&stdout, "policy");
    assert_eq!(rows.len(), 3, "{stdout}");
    for row in &rows {
        assert_eq!(row.len(), 8, "{row:?}");
        assert!(is_ratio(row[7]), "{row:?}");
    }
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(readme.contains("--cpus 0"), "{readme}");
    assert_drawn(&dir, "sleeper-priority", &["high", "low"]);
}
