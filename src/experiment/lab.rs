//! What every experiment needs: child `gilvm` processes on embedded scripts, the machine's
//! description and load, timelines, tables and the README.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use gilvm::trace::{
    read_chrome_file, render_html, render_svg, HtmlOptions, SpanKind, SvgOptions, Trace,
};

use super::{Report, Spec};

/// A Python script embedded in the binary, under the name it has in the source tree.
pub struct Script {
    pub path: &'static str,
    pub source: &'static str,
}

/// `script!("programs/x.py")`: the file, embedded.
macro_rules! script {
    ($path:literal) => {
        Script {
            path: $path,
            source: include_str!(concat!("../../", $path)),
        }
    };
}

pub const ECHO_SERVER: Script = script!("programs/echo_server.py");
pub const ECHO_CLIENT: Script = script!("programs/echo_client.py");
pub const COUNT: Script = script!("programs/count.py");
pub const SLEEPER_SCRIPT: Script = script!("programs/priority_preempt.py");

/// The longest any one child process may run before the experiment gives up on it.
pub const CHILD_LIMIT: Duration = Duration::from_secs(300);

/// One experiment's run: where it writes, how big, and the machine it runs on.
pub struct Lab {
    exe: PathBuf,
    pub dir: PathBuf,
    pub quick: bool,
    pub cpus: Option<Vec<usize>>,
    pub threads: Option<u32>,
    pub machine: Machine,
    /// Files written so far (relative to the current folder, as given).
    pub files: Vec<PathBuf>,
    /// The command lines run, as a user would type them.
    pub commands: Vec<String>,
}

impl Lab {
    pub fn new(
        dir: PathBuf,
        quick: bool,
        cpus: Option<Vec<usize>>,
        threads: Option<u32>,
    ) -> Result<Lab, String> {
        let exe = std::env::current_exe()
            .map_err(|err| format!("cannot find the gilvm executable: {err}"))?;
        raise_file_limit();
        Ok(Lab {
            exe,
            dir,
            quick,
            cpus,
            threads,
            machine: Machine::measure(),
            files: Vec::new(),
            commands: Vec::new(),
        })
    }

    /// A `gilvm` child running `script` with `options` before it and `args` after; the
    /// command line is remembered for the README.
    pub fn command(&mut self, options: &[String], script: &Script, args: &[String]) -> Command {
        let mut shown = vec!["gilvm".to_owned()];
        shown.extend(options.iter().cloned());
        shown.push(script.path.to_owned());
        shown.extend(args.iter().cloned());
        let line = shown.join(" ");
        if !self.commands.contains(&line) {
            self.commands.push(line);
        }
        let mut command = Command::new(&self.exe);
        command
            .args(options)
            .arg("-c")
            .arg(script.source)
            .args(args)
            .stdin(Stdio::null());
        command
    }

    /// Runs `script` to completion (at most [`CHILD_LIMIT`]) and returns its stdout.
    pub fn run_script(
        &mut self,
        options: &[String],
        script: &Script,
        args: &[String],
    ) -> Result<String, String> {
        let command = self.command(options, script, args);
        let output = run_bounded(command, CHILD_LIMIT)?;
        if !output.status.success() {
            return Err(format!(
                "{} failed ({}): {}",
                script.path,
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// The path of this experiment's file `name`.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Draws the trace `stem.json` as `stem.svg` (its busiest 100 ms) and `stem.html`, and
    /// returns the trace.
    pub fn draw(&mut self, stem: &str, title: &str) -> Result<Trace, String> {
        let json = self.file(&format!("{stem}.json"));
        let trace = read_chrome_file(&json).map_err(|err| format!("{}: {err}", json.display()))?;
        let svg_options = SvgOptions {
            title: title.to_owned(),
            ..SvgOptions::default()
        };
        let html_options = HtmlOptions {
            title: title.to_owned(),
            ..HtmlOptions::default()
        };
        let svg = self.file(&format!("{stem}.svg"));
        let html = self.file(&format!("{stem}.html"));
        std::fs::write(&svg, render_svg(&trace, &svg_options))
            .map_err(|err| format!("{}: {err}", svg.display()))?;
        std::fs::write(&html, render_html(&trace, &html_options))
            .map_err(|err| format!("{}: {err}", html.display()))?;
        self.files.extend([json, svg, html]);
        Ok(trace)
    }

    pub fn write_readme(&self, spec: &Spec, report: &Report) -> Result<PathBuf, String> {
        let mut text = format!("# `{}`: {}\n\n", spec.name, spec.source);
        let _ = writeln!(text, "**The claim.** {}\n", spec.claim);
        let mut flags = String::new();
        if self.quick {
            flags.push_str(" --quick");
        }
        if let Some(cpus) = &self.cpus {
            let list: Vec<String> = cpus.iter().map(usize::to_string).collect();
            let _ = write!(flags, " --cpus {}", list.join(","));
        }
        if let Some(n) = self.threads {
            let _ = write!(flags, " --threads {n}");
        }
        let _ = writeln!(
            text,
            "Run with `gilvm experiment {}{flags}` (gilvm {}) on {}.\n",
            spec.name,
            env!("CARGO_PKG_VERSION"),
            self.machine.describe_markdown()
        );
        text.push_str("## Measured\n\n");
        text.push_str(&markdown_table(&report.header, &report.rows));
        let _ = writeln!(text, "\n{}\n", report.verdict);
        for note in self.machine.notes() {
            let _ = writeln!(text, "*Note:* {note}\n");
        }
        let _ = writeln!(text, "## What to look for\n\n{}\n", report.look_for);
        text.push_str("## Files\n\n");
        for file in &self.files {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            let what = if name.ends_with(".json") {
                "the GIL trace (Chrome Trace Event JSON: Perfetto, chrome://tracing)"
            } else if name.ends_with(".svg") {
                "timeline picture of the trace's busiest 100 ms"
            } else {
                "interactive timeline (open in a browser; wheel or +/- to zoom, drag to pan)"
            };
            let _ = writeln!(text, "- `{name}`: {what}");
        }
        text.push_str("\n## Commands run\n\nEach is a child process of `gilvm experiment`, the script embedded in the binary (as `gilvm -c`):\n\n```sh\n");
        for command in &self.commands {
            let _ = writeln!(text, "{command}");
        }
        text.push_str("```\n");
        let path = self.file("README.md");
        std::fs::write(&path, text).map_err(|err| format!("{}: {err}", path.display()))?;
        Ok(path)
    }
}

/// How often a thread asking for the GIL found a CPU-bound thread holding it, and how long it
/// then waited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contention {
    /// Share of the requests that found the CPU-bound thread holding the GIL.
    pub share: f64,
    /// The p50 of those requests' waits (seconds): the GIL's own part of the effect, whatever
    /// the OS did with the other requests. `None` when there were none.
    pub wait_p50: Option<f64>,
}

/// Of the GIL requests of the threads named with `subject`, those that found the thread named
/// with `hog` holding the GIL. A GIL effect such as the convoy needs the CPU-bound thread to
/// hold the lock when the I/O thread asks for it; when the OS scheduler keeps the CPU-bound
/// thread off the CPU (a busy machine), the I/O thread finds the lock free and the effect
/// cannot show in the totals, but the contended requests still show what the GIL does. `None`
/// if either thread is missing or never asked.
pub fn contention(trace: &Trace, subject: &str, hog: &str) -> Option<Contention> {
    let tids = |name: &str| -> Vec<u64> {
        trace
            .threads
            .iter()
            .filter(|t| t.name.contains(name))
            .map(|t| t.tid)
            .collect()
    };
    let (subjects, hogs) = (tids(subject), tids(hog));
    // The hog's running spans never overlap (one holder at a time): sorted by start.
    let held: Vec<(u64, u64)> = trace
        .spans
        .iter()
        .filter(|s| hogs.contains(&s.tid) && s.kind == SpanKind::Running)
        .map(|s| (s.start_ns, s.end_ns))
        .collect();
    let requests: Vec<(u64, u64)> = trace
        .spans
        .iter()
        .filter(|s| subjects.contains(&s.tid) && s.kind == SpanKind::Waiting)
        .map(|s| (s.start_ns, s.duration_ns()))
        .collect();
    if hogs.is_empty() || requests.is_empty() {
        return None;
    }
    let mut waits: Vec<u64> = requests
        .iter()
        .filter(|&&(at, _)| {
            let next = held.partition_point(|&(start, _)| start <= at);
            next > 0 && held[next - 1].1 > at
        })
        .map(|&(_, waited)| waited)
        .collect();
    waits.sort_unstable();
    Some(Contention {
        share: waits.len() as f64 / requests.len() as f64,
        wait_p50: (!waits.is_empty()).then(|| waits[(waits.len() - 1) / 2] as f64 * 1e-9),
    })
}

/// `93 %`.
pub fn show_share(contention: Option<Contention>) -> String {
    contention.map_or("-".into(), |c| format!("{:.0} %", c.share * 100.0))
}

/// The p50 wait of the contended requests, or `-`.
pub fn show_contended_wait(contention: Option<Contention>) -> String {
    contention
        .and_then(|c| c.wait_p50)
        .map_or("-".into(), show_secs)
}

/// Runs `command` with piped output, killing it if it takes longer than `limit`.
pub fn run_bounded(mut command: Command, limit: Duration) -> Result<Output, String> {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start gilvm: {err}"))?;
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(output) => output.map_err(|err| err.to_string()),
        Err(_) => {
            signal(pid, libc::SIGKILL);
            Err(format!("a child process ran longer than {limit:?}; killed"))
        }
    }
}

/// Sends `sig` to process `pid` (one of ours).
pub fn signal(pid: u32, sig: libc::c_int) {
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: kill(2) has no memory-safety preconditions.
        unsafe {
            libc::kill(pid, sig);
        }
    }
}

/// Pins this process, and so every child it starts, to `cpus`.
pub fn pin_to_cpus(cpus: &[usize]) -> Result<(), String> {
    if cpus.is_empty() {
        return Err("no CPU given".into());
    }
    // SAFETY: cpu_set_t is plain data; CPU_ZERO/CPU_SET write inside it, and
    // sched_setaffinity reads exactly size_of::<cpu_set_t>() bytes of it.
    let result = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_ZERO(&mut set);
        for &cpu in cpus {
            libc::CPU_SET(cpu, &mut set);
        }
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set)
    };
    if result == 0 {
        Ok(())
    } else {
        Err(format!(
            "cannot pin to CPUs {cpus:?}: {}",
            std::io::Error::last_os_error()
        ))
    }
}

/// Thousands of sockets need thousands of file descriptors: raise the soft limit to the
/// hard one (children inherit it).
fn raise_file_limit() {
    // SAFETY: getrlimit/setrlimit read and write the one struct passed.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// The machine an experiment runs on, and how busy it was.
pub struct Machine {
    /// CPUs this process may run on (after `--cpus`).
    pub usable: usize,
    /// CPUs online.
    pub online: usize,
    pub model: String,
    pub load_before: [f64; 3],
    pub load_after: Option<[f64; 3]>,
}

impl Machine {
    pub fn measure() -> Machine {
        let usable = std::thread::available_parallelism().map_or(1, |n| n.get());
        // SAFETY: sysconf has no preconditions.
        let online = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
        let model = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|info| {
                info.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split_once(':'))
                    .map(|(_, name)| name.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown CPU".into());
        Machine {
            usable,
            online: usize::try_from(online).unwrap_or(usable).max(usable),
            model,
            load_before: load_average(),
            load_after: None,
        }
    }

    pub fn measure_after(&mut self) {
        self.load_after = Some(load_average());
    }

    fn cpus(&self) -> String {
        if self.usable == self.online {
            format!("{} CPUs", self.online)
        } else {
            format!("{} of {} CPUs", self.usable, self.online)
        }
    }

    fn loads(&self) -> String {
        let [one, five, fifteen] = self.load_before;
        let mut text = format!("load average {one:.2}, {five:.2}, {fifteen:.2} before");
        if let Some([after, _, _]) = self.load_after {
            let _ = write!(text, ", {after:.2} after");
        }
        text
    }

    pub fn describe_before(&self) -> String {
        format!(
            "machine: {} ({}), {}",
            self.cpus(),
            self.model,
            self.loads()
        )
    }

    pub fn describe_markdown(&self) -> String {
        format!("{} ({}), {}", self.cpus(), self.model, self.loads())
    }

    /// Warnings when the machine's state can hide or distort the effect measured.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let busiest = self.load_after.map_or(self.load_before[0], |after| {
            after[0].max(self.load_before[0])
        });
        // Before the experiment: other processes' load. The experiment itself adds up to two
        // runnable threads.
        if self.load_before[0] >= self.usable as f64 * 0.5 {
            notes.push(format!(
                "the machine was busy: load average {:.2} before the experiment (peak {busiest:.2}) \
                 on {}. Other processes competed for the CPUs, so the OS scheduler shares in \
                 every figure above (long waits, p99s, and thread timing); compare ratios measured \
                 in one run, and rerun on a quieter machine (or with --cpus) before trusting them.",
                self.load_before[0],
                self.cpus()
            ));
        }
        if self.usable < 2 {
            notes.push(
                "only one CPU is usable: threads cannot run at the same time, so effects that \
                 need two cores (Tick's thrashing) cannot appear."
                    .into(),
            );
        }
        notes
    }
}

fn load_average() -> [f64; 3] {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut values = text.split_whitespace().map(|v| v.parse().unwrap_or(0.0));
    [(); 3].map(|()| values.next().unwrap_or(0.0))
}

/// `DIR`, or a new folder named after the experiment in the current one (`convoy`,
/// `convoy-2`...).
pub fn output_dir(given: Option<PathBuf>, name: &str) -> Result<PathBuf, String> {
    let dir = match given {
        Some(dir) => dir,
        None => (1..1000)
            .map(|n| match n {
                1 => PathBuf::from(name),
                n => PathBuf::from(format!("{name}-{n}")),
            })
            .find(|dir| !dir.exists())
            .ok_or_else(|| format!("no free folder name for {name}"))?,
    };
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    Ok(dir)
}

/// A table for the terminal: columns padded to their widest cell.
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let pad = width - cell.chars().count();
            if i == 0 {
                let _ = write!(out, "{cell}{}", " ".repeat(pad));
            } else {
                let _ = write!(out, "  {}{cell}", " ".repeat(pad));
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out
}

/// Seconds, milliseconds or microseconds, to three significant figures or so.
pub fn show_secs(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.1} us", seconds * 1e6)
    }
}

/// A ratio as the talks wrote them: `28.4x`; below 0.1 two significant figures (`0.021x`),
/// so that a small ratio never reads as `0.0x`.
pub fn show_ratio(ratio: f64) -> String {
    if ratio.is_finite() && ratio > 0.0 && ratio < 0.1 {
        let decimals = (-ratio.log10()).floor() as usize + 2;
        format!("{ratio:.decimals$}x")
    } else if ratio.is_finite() {
        format!("{ratio:.1}x")
    } else {
        "-".into()
    }
}

/// The number after `label` on the line starting with it, e.g. `field(out, "total:")`.
pub fn field(output: &str, label: &str) -> Result<f64, String> {
    output
        .lines()
        .find_map(|line| line.trim().strip_prefix(label))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|number| number.trim_end_matches(',').parse().ok())
        .ok_or_else(|| format!("no '{label}' figure in the output: {output:?}"))
}

/// The median of some measurements (they are few).
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

pub fn path_arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_figures() {
        let table = text_table(&["policy", "ratio"], &[vec!["tick".into(), "28.4x".into()]]);
        assert_eq!(table, "policy  ratio\ntick    28.4x\n");
        assert_eq!(show_ratio(28.44), "28.4x");
        assert_eq!(show_ratio(0.0213), "0.021x");
        assert_eq!(show_ratio(0.00567), "0.0057x");
        assert_eq!(show_secs(0.0123), "12.30 ms");
        let out = "round trips: 5 of 64 bytes\ntotal: 0.012 s\np50: 19.5 us\n";
        assert_eq!(field(out, "total:"), Ok(0.012));
        assert_eq!(field(out, "p50:"), Ok(19.5));
        assert!(field(out, "p99:").is_err());
        let lateness = "lateness p50 0.080 ms, p99 7.004 ms";
        assert_eq!(field(lateness, "lateness p50"), Ok(0.080));
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
    }
}
