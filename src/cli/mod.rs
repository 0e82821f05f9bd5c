//! CPython's command line: `gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...`.
//!
//! [`parse`] reads the options as CPython's `getopt` does — short options may be grouped
//! (`-qi`), `-c`, `-m`, `-X` and `-W` take the rest of their word or the next one, and the
//! first of `-c`, `-m`, a file name or `-` ends the options — and hands gilvm's own long options
//! (`--gil tick`, `--gil-stats`...) and `-X` settings (`-X gil=tick`) to clap. Environment
//! variables: `PYTHONPATH`, `PYTHONUNBUFFERED`, `PYTHONINSPECT`, `PYTHONDONTWRITEBYTECODE`,
//! `PYTHONSAFEPATH`, `PYTHONINTMAXSTRDIGITS`, `PYTHONWARNINGS` (all ignored with `-E` or `-I`).

pub mod session;

use std::io::IsTerminal;
use std::path::Path;

use gilvm::{CommandLine, SysFlags};

/// The end of `gilvm --help`: CPython's options and the environment.
pub const HELP: &str = "\
CPython's options:
  -c cmd   program passed in as string (terminates option list)
  -m mod   run library module as a script (terminates option list)
  -        program read from stdin (default; interactive mode if a tty)
  -i       inspect interactively after running script
  -q       don't print version and copyright messages on interactive startup
  -u       force the stdout and stderr streams to be unbuffered
  -E       ignore PYTHON* environment variables (such as PYTHONPATH)
  -I       isolate: no PYTHON* environment, no script directory in sys.path
  -P       don't prepend a potentially unsafe path to sys.path
  -B -O -s -S -v -b -d   accepted (sys.flags), no effect
  -W arg   warning control (sys.warnoptions)
  -X opt   gilvm settings: -X gil=tick|timeout|priority, -X switch-interval=5ms,
           -X check-interval=N, -X gil-stats, -X gil-trace=FILE, -X io-fast-path=on|off,
           -X int_max_str_digits=N (CPython's);
           every -X option is also in sys._xoptions
Environment: PYTHONPATH, PYTHONUNBUFFERED, PYTHONINSPECT, PYTHONDONTWRITEBYTECODE,
PYTHONSAFEPATH, PYTHONINTMAXSTRDIGITS, PYTHONWARNINGS.

Draw a trace: gilvm timeline TRACE.json -o OUT.svg|OUT.html (see gilvm timeline --help)
Beazley's GIL experiments: gilvm experiment --list";

/// What runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `gilvm FILE`.
    Script(String),
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE`.
    Module(String),
    /// `-`, or nothing with a pipe on stdin: the script is read from stdin.
    Stdin { dash: bool },
}

#[derive(Debug)]
pub struct Parsed {
    /// The program name and gilvm's long options, for clap.
    pub clap_args: Vec<String>,
    /// `None` when no target was given (the prompt, or a script piped on stdin).
    pub target: Option<Target>,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    pub flags: SysFlags,
    /// `-u` / `PYTHONUNBUFFERED`.
    pub unbuffered: bool,
    pub xoptions: Vec<(String, Option<String>)>,
    pub warnoptions: Vec<String>,
}

/// gilvm's long options that take a value (`--gil tick` or `--gil=tick`).
const LONG_WITH_VALUE: &[&str] = &[
    "--gil",
    "--switch-interval",
    "--check-interval",
    "--gil-trace",
    "--io-fast-path",
    "--allow-read",
    "--allow-write",
    "--allow-net",
    "--timeout",
    "--max-instructions",
    "--max-memory",
    "--max-threads",
];
/// gilvm's long options without a value.
const LONG_FLAGS: &[&str] = &["--dis", "--gil-stats", "--help", "--version", "--sandbox"];

/// `-X` settings that are gilvm options: `-X gil=tick` is `--gil tick`.
const X_SETTINGS: &[(&str, &str)] = &[
    ("gil", "--gil"),
    ("switch-interval", "--switch-interval"),
    ("switch_interval", "--switch-interval"),
    ("check-interval", "--check-interval"),
    ("check_interval", "--check-interval"),
    ("gil-trace", "--gil-trace"),
    ("io-fast-path", "--io-fast-path"),
];

/// CPython's usage lines, printed with a usage error (exit status 2).
pub const USAGE: &str = "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
                         Try `gilvm -h' for more information.";

/// Parses the arguments after the program name; `Err` holds the first line of a usage error
/// (CPython's wording: `Unknown option: -z`).
pub fn parse(program: String, argv: &[String]) -> Result<Parsed, String> {
    let mut parsed = Parsed {
        clap_args: vec![program],
        target: None,
        args: Vec::new(),
        flags: SysFlags::new(),
        unbuffered: false,
        xoptions: Vec::new(),
        warnoptions: Vec::new(),
    };
    let mut i = 0;
    while i < argv.len() {
        let arg = &argv[i];
        i += 1;
        if arg == "-" {
            parsed.target = Some(Target::Stdin { dash: true });
            break;
        }
        if arg == "--" {
            if let Some(file) = argv.get(i) {
                parsed.target = Some(Target::Script(file.clone()));
                i += 1;
            }
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let name = format!("--{}", long.split('=').next().unwrap_or(long));
            if LONG_WITH_VALUE.contains(&name.as_str()) {
                parsed.clap_args.push(arg.clone());
                if !arg.contains('=') {
                    match argv.get(i) {
                        Some(value) => parsed.clap_args.push(value.clone()),
                        None => return Err(format!("Argument expected for the {name} option")),
                    }
                    i += 1;
                }
            } else if LONG_FLAGS.contains(&arg.as_str()) || name == "--gil-stats" {
                // `--gil-stats` or `--gil-stats=DURATION` (clap checks the duration).
                parsed.clap_args.push(arg.clone());
            } else {
                return Err(format!("unknown option {arg}"));
            }
            continue;
        }
        let Some(letters) = arg.strip_prefix('-') else {
            parsed.target = Some(Target::Script(arg.clone()));
            break;
        };
        for (at, letter) in letters.char_indices() {
            let rest = &letters[at + letter.len_utf8()..];
            if matches!(letter, 'c' | 'm' | 'X' | 'W') {
                let value = if rest.is_empty() {
                    let Some(value) = argv.get(i) else {
                        return Err(format!("Argument expected for the -{letter} option"));
                    };
                    i += 1;
                    value.clone()
                } else {
                    rest.to_string()
                };
                match letter {
                    'c' => parsed.target = Some(Target::Command(value)),
                    'm' => parsed.target = Some(Target::Module(value)),
                    'X' => x_option(&mut parsed, &value)?,
                    _ => parsed.warnoptions.push(value),
                }
                break;
            }
            let f = &mut parsed.flags;
            match letter {
                'b' => f.bytes_warning += 1,
                'B' => f.dont_write_bytecode = 1,
                'd' => f.debug += 1,
                'E' => f.ignore_environment = 1,
                'i' => {
                    f.inspect = 1;
                    f.interactive = 1;
                }
                'I' => {
                    f.isolated = 1;
                    f.ignore_environment = 1;
                    f.no_user_site = 1;
                    f.safe_path = true;
                }
                'O' => f.optimize += 1,
                'P' => f.safe_path = true,
                'q' => f.quiet = 1,
                's' => f.no_user_site = 1,
                'S' => f.no_site = 1,
                'u' => parsed.unbuffered = true,
                'v' => f.verbose += 1,
                'h' | '?' => parsed.clap_args.push("--help".into()),
                'V' => parsed.clap_args.push("--version".into()),
                other => return Err(format!("Unknown option: -{other}")),
            }
        }
        if parsed.target.is_some() {
            break;
        }
    }
    parsed.args = argv[i.min(argv.len())..].to_vec();
    apply_environment(&mut parsed)?;
    Ok(parsed)
}

/// `-X name[=value]`: kept for `sys._xoptions`; gilvm's settings also become their option.
fn x_option(parsed: &mut Parsed, option: &str) -> Result<(), String> {
    let (name, value) = match option.split_once('=') {
        Some((n, v)) => (n, Some(v.to_string())),
        None => (option, None),
    };
    if name == "int_max_str_digits" {
        parsed.flags.int_max_str_digits =
            int_max_str_digits(value.as_deref(), "-X int_max_str_digits")?;
    }
    if let Some((_, long)) = X_SETTINGS.iter().find(|(x, _)| *x == name) {
        parsed.clap_args.push(long.to_string());
        parsed.clap_args.push(value.clone().unwrap_or_default());
    } else if name == "gil-stats" || name == "gil_stats" {
        parsed.clap_args.push("--gil-stats".into());
    }
    parsed.xoptions.push((name.to_string(), value));
    Ok(())
}

/// The digit limit of `-X int_max_str_digits=N` / `PYTHONINTMAXSTRDIGITS=N`: 0 (none) or at
/// least 640, else CPython's fatal error.
fn int_max_str_digits(value: Option<&str>, source: &str) -> Result<i64, String> {
    value
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|&n| n == 0 || n >= 640)
        .ok_or_else(|| {
            format!(
                "Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; \
                 must be >= 640 or 0 for unlimited."
            )
        })
}

fn env_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

fn apply_environment(parsed: &mut Parsed) -> Result<(), String> {
    if parsed.flags.ignore_environment > 0 {
        return Ok(());
    }
    if let Some(value) = std::env::var("PYTHONINTMAXSTRDIGITS")
        .ok()
        .filter(|v| !v.is_empty())
    {
        if parsed.flags.int_max_str_digits < 0 {
            parsed.flags.int_max_str_digits =
                int_max_str_digits(Some(&value), "PYTHONINTMAXSTRDIGITS")?;
        }
    }
    if env_set("PYTHONUNBUFFERED") {
        parsed.unbuffered = true;
    }
    if env_set("PYTHONINSPECT") {
        parsed.flags.inspect = 1;
    }
    if env_set("PYTHONDONTWRITEBYTECODE") {
        parsed.flags.dont_write_bytecode = 1;
    }
    if env_set("PYTHONSAFEPATH") {
        parsed.flags.safe_path = true;
    }
    // CPython puts PYTHONWARNINGS' comma-separated entries before the `-W` options.
    if let Ok(value) = std::env::var("PYTHONWARNINGS") {
        let from_env = value.split(',').map(str::trim).filter(|w| !w.is_empty());
        let mut options: Vec<String> = from_env.map(String::from).collect();
        options.append(&mut parsed.warnoptions);
        parsed.warnoptions = options;
    }
    Ok(())
}

/// Decides what runs (a pipe on stdin without a target is a script read from it), and records
/// the command line for `sys` (`sys.flags`, `sys.path[0]`, `PYTHONPATH`, `sys.orig_argv`).
pub fn start(parsed: &Parsed, orig_argv: Vec<String>) -> Option<Target> {
    let target = match &parsed.target {
        None if !std::io::stdin().is_terminal() => Some(Target::Stdin { dash: false }),
        other => other.clone(),
    };
    let path0 = if parsed.flags.safe_path {
        None
    } else {
        Some(match &target {
            Some(Target::Script(file)) => std::path::absolute(file)
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .map_or_else(String::new, |d| d.to_string_lossy().into_owned()),
            Some(Target::Module(_)) => std::env::current_dir()
                .map_or_else(|_| String::new(), |d| d.to_string_lossy().into_owned()),
            _ => String::new(),
        })
    };
    gilvm::set_command_line(CommandLine {
        flags: parsed.flags,
        orig_argv,
        path0,
        pythonpath: pythonpath(&parsed.flags),
        xoptions: parsed.xoptions.clone(),
        warnoptions: parsed.warnoptions.clone(),
        unbuffered: parsed.unbuffered,
    });
    target
}

/// Whether a run ended with an uncaught `KeyboardInterrupt`.
pub fn interrupted(error: &gilvm::PyErr) -> bool {
    error.type_name() == "KeyboardInterrupt"
}

/// After an uncaught `KeyboardInterrupt` (its traceback printed, the interpreter finalized),
/// dies by SIGINT as CPython does, so that the shell sees "killed by signal 2" (status 130).
pub fn die_by_sigint() -> ! {
    // SAFETY: restoring the default action and raising it in this thread: the process ends
    // here (SIGINT's default action); plain libc calls with valid arguments.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
    // SIGINT blocked in this thread: end with the status the shell would show.
    std::process::exit(130)
}
/// `PYTHONPATH`'s directories (none with `-E`/`-I`).
pub fn pythonpath(flags: &SysFlags) -> Vec<String> {
    if flags.ignore_environment > 0 {
        return Vec::new();
    }
    match std::env::var("PYTHONPATH") {
        Ok(path) => path
            .split(':')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn parse_list(list: &[&str]) -> Result<Parsed, String> {
        parse("gilvm".into(), &args(list))
    }

    #[test]
    fn options_end_at_the_target() {
        let p = parse_list(&["-qi", "-X", "gil=tick", "s.py", "-z", "--gil"]).unwrap();
        assert_eq!(p.target, Some(Target::Script("s.py".into())));
        assert_eq!(p.args, args(&["-z", "--gil"]));
        assert_eq!(
            (p.flags.quiet, p.flags.inspect, p.flags.interactive),
            (1, 1, 1)
        );
        assert_eq!(p.clap_args, args(&["gilvm", "--gil", "tick"]));
        let p = parse_list(&["-cprint(1)", "a"]).unwrap();
        assert_eq!(p.target, Some(Target::Command("print(1)".into())));
        assert_eq!(p.args, args(&["a"]));
        let p = parse_list(&["--gil", "timeout", "-m", "pkg.mod", "x"]).unwrap();
        assert_eq!(p.target, Some(Target::Module("pkg.mod".into())));
        assert_eq!(p.clap_args, args(&["gilvm", "--gil", "timeout"]));
        let p = parse_list(&["-", "a"]).unwrap();
        assert_eq!(p.target, Some(Target::Stdin { dash: true }));
        assert_eq!(p.args, args(&["a"]));
        let p = parse_list(&["-OO", "-B", "-I"]).unwrap();
        assert_eq!(p.target, None);
        assert_eq!((p.flags.optimize, p.flags.isolated), (2, 1));
        assert!(p.flags.safe_path);
    }

    #[test]
    fn sandbox_options_go_to_clap_before_the_script() {
        let p = parse_list(&[
            "--sandbox",
            "--allow-read",
            "/data",
            "--allow-net=loopback",
            "--timeout",
            "1s",
            "--max-memory",
            "64M",
            "-X",
            "gil=tick",
            "s.py",
            "--timeout",
        ])
        .unwrap();
        assert_eq!(p.target, Some(Target::Script("s.py".into())));
        assert_eq!(p.args, args(&["--timeout"]));
        assert_eq!(
            p.clap_args,
            args(&[
                "gilvm",
                "--sandbox",
                "--allow-read",
                "/data",
                "--allow-net=loopback",
                "--timeout",
                "1s",
                "--max-memory",
                "64M",
                "--gil",
                "tick"
            ])
        );
    }

    #[test]
    fn usage_errors_use_cpythons_words() {
        assert_eq!(parse_list(&["-z"]).unwrap_err(), "Unknown option: -z");
        assert_eq!(
            parse_list(&["--gil-trac", "t.json", "s.py"]).unwrap_err(),
            "unknown option --gil-trac"
        );
        assert_eq!(
            parse_list(&["-c"]).unwrap_err(),
            "Argument expected for the -c option"
        );
    }
}
