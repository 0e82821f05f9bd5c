//! `gilvm experiment NAME [-o DIR] [--quick] [--cpus LIST]`: David Beazley's GIL
//! experiments, one command each. Every run is a child `gilvm` process (this executable) on
//! a Python script embedded in the binary (the ones in `programs/`), under each relevant GIL
//! policy; the command prints a table and writes a folder with one SVG timeline and one
//! interactive HTML page per run that was traced, and a README.md saying what was run, on
//! which machine, and what to look for.

mod child;
mod echo;
mod lab;
mod runs;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

pub use lab::Lab;

/// Run one of David Beazley's GIL experiments (see --list).
#[derive(Args, Debug)]
pub struct ExperimentArgs {
    /// The experiment: thrash, convoy, priority, sleeper or scale.
    #[arg(value_name = "NAME", required_unless_present = "list")]
    name: Option<String>,

    /// List the experiments and the talks they reproduce.
    #[arg(long)]
    list: bool,

    /// The folder to write into (default: a new folder named after the experiment, in the
    /// current one).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: Option<PathBuf>,

    /// Small workloads: each experiment takes a few seconds (for tests; ratios are noisier).
    #[arg(long)]
    quick: bool,

    /// Pin every process of the experiment to these CPUs (e.g. 0,1 or 0-1).
    #[arg(long, value_name = "LIST", value_parser = parse_cpus)]
    cpus: Option<Cpus>,

    /// `scale`: how many concurrent clients (default 1400, 50 with --quick).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20_000))]
    threads: Option<u32>,
}

/// One experiment: what it reproduces and how to run it.
pub struct Spec {
    pub name: &'static str,
    /// The talk, its year and the slide.
    pub source: &'static str,
    /// What the talk claimed.
    pub claim: &'static str,
    pub run: fn(&mut Lab) -> Result<Report, String>,
}

/// What an experiment measured.
pub struct Report {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// The figure the claim is about, and whether this run reproduces it.
    pub verdict: String,
    /// What to look for in the pictures.
    pub look_for: &'static str,
}

pub const EXPERIMENTS: [Spec; 5] = [
    runs::THRASH,
    runs::CONVOY,
    runs::PRIORITY,
    runs::SLEEPER,
    runs::SCALE,
];

pub fn run(args: ExperimentArgs) -> ExitCode {
    if args.list {
        for spec in &EXPERIMENTS {
            println!("{:<9} {}\n          {}", spec.name, spec.source, spec.claim);
        }
        return ExitCode::SUCCESS;
    }
    let name = args.name.unwrap_or_default();
    let Some(spec) = EXPERIMENTS.iter().find(|spec| spec.name == name) else {
        let names: Vec<&str> = EXPERIMENTS.iter().map(|s| s.name).collect();
        eprintln!(
            "gilvm experiment: unknown experiment '{name}' (one of: {})",
            names.join(", ")
        );
        return ExitCode::from(2);
    };
    let cpus = args.cpus.map(|Cpus(list)| list);
    if let Some(cpus) = &cpus {
        if let Err(msg) = lab::pin_to_cpus(cpus) {
            eprintln!("gilvm experiment: --cpus: {msg}");
            return ExitCode::from(2);
        }
    }
    let dir = match lab::output_dir(args.output, spec.name) {
        Ok(dir) => dir,
        Err(msg) => {
            eprintln!("gilvm experiment: {msg}");
            return ExitCode::from(2);
        }
    };
    let mut lab = match Lab::new(dir, args.quick, cpus, args.threads) {
        Ok(lab) => lab,
        Err(msg) => {
            eprintln!("gilvm experiment: {msg}");
            return ExitCode::from(1);
        }
    };
    println!("{}: {}", spec.name, spec.source);
    println!("claim: {}", spec.claim);
    println!("{}", lab.machine.describe_before());
    let report = match (spec.run)(&mut lab) {
        Ok(report) => report,
        Err(msg) => {
            eprintln!("gilvm experiment {}: {msg}", spec.name);
            return ExitCode::from(1);
        }
    };
    lab.machine.measure_after();
    print!("{}", lab::text_table(&report.header, &report.rows));
    println!("{}", report.verdict);
    for note in lab.machine.notes() {
        println!("note: {note}");
    }
    match lab.write_readme(spec, &report) {
        Ok(path) => {
            println!("wrote {}", lab.dir.display());
            for file in &lab.files {
                println!("  {}", file.display());
            }
            println!("  {}", path.display());
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("gilvm experiment: {msg}");
            ExitCode::from(1)
        }
    }
}

/// A list of CPUs (`--cpus`), one value for clap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cpus(Vec<usize>);

/// `0,1`, `0-3`, `0,2-3`.
fn parse_cpus(text: &str) -> Result<Cpus, String> {
    let mut cpus = Vec::new();
    for part in text.split(',') {
        let bad = || format!("'{text}' is not a CPU list such as 0,1 or 0-3");
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (usize, usize) = (
                    a.trim().parse().map_err(|_| bad())?,
                    b.trim().parse().map_err(|_| bad())?,
                );
                if b < a || b >= 1024 {
                    return Err(bad());
                }
                cpus.extend(a..=b);
            }
            None => {
                let cpu: usize = part.trim().parse().map_err(|_| bad())?;
                if cpu >= 1024 {
                    return Err(bad());
                }
                cpus.push(cpu);
            }
        }
    }
    cpus.sort_unstable();
    cpus.dedup();
    Ok(Cpus(cpus))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_lists() {
        assert_eq!(parse_cpus("0,1"), Ok(Cpus(vec![0, 1])));
        assert_eq!(parse_cpus("2-4,0"), Ok(Cpus(vec![0, 2, 3, 4])));
        for bad in ["", "a", "3-1", "0,,1", "5000"] {
            assert!(parse_cpus(bad).is_err(), "{bad}");
        }
    }
}
