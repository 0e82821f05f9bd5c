//! CPython's command line: `-m`, a script on stdin (`-`, a pipe), `-i` over a pipe, `-X`,
//! `-q`/`-E`/`-I`/`-u`, `PYTHONPATH`, `sys.flags`, and usage errors in CPython's words.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `gilvm args` in `dir` with `stdin` piped in and `env` set.
fn gilvm_in(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONINSPECT")
        .env_remove("PYTHONUNBUFFERED")
        .env_remove("PYTHONINTMAXSTRDIGITS")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gilvm runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn gilvm(args: &[&str], stdin: &str) -> Output {
    gilvm_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin, &[])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch directory with `files` (path, contents).
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilvm-cli-py-{name}-{}", std::process::id()));
    for (path, contents) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, contents).unwrap();
    }
    dir
}

#[test]
fn a_pipe_on_stdin_is_the_script() {
    let out = gilvm(
        &[],
        "import sys\nprint(sys.argv, repr(sys.path[0]))\n1 / 0\n",
    );
    assert_eq!(text(&out.stdout), "[''] ''\n");
    assert_eq!(
        text(&out.stderr),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 3, in <module>\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let out = gilvm(&["-", "a", "b"], "import sys\nprint(sys.argv)\n");
    assert_eq!(text(&out.stdout), "['-', 'a', 'b']\n");
}

#[test]
fn dash_i_over_a_pipe_prompts_on_stderr_and_echoes_results() {
    let input =
        "x = 5\nx\n1/0\nx + 1\ndef f(a):\n    return a * 2\n\nf(4)\n_\nfor i in range(2): i\n\n";
    let out = gilvm(&["-i", "-q"], input);
    assert_eq!(text(&out.stdout), "5\n6\n8\n8\n0\n1\n");
    let err = text(&out.stderr);
    assert!(err.starts_with(">>> >>> >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n>>> "), "{err}");
    assert!(err.ends_with(">>> \n"), "{err}");
    assert_eq!(out.status.code(), Some(0));
    let out = gilvm(
        &["-i", "-q"],
        "import sys\nsys.exit(4)\nprint('not reached')\n",
    );
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn dash_i_after_c_keeps_its_globals_and_banner_unless_quiet() {
    let out = gilvm(&["-i", "-c", "y = 41"], "y + 1\n");
    assert_eq!(text(&out.stdout), "42\n");
    assert!(text(&out.stderr).starts_with("gilvm "), "banner");
    let out = gilvm(&["-i", "-q", "-c", "import sys; sys.ps1 = 'py> '"], "1\n");
    assert_eq!(text(&out.stderr), "py> py> \n");
}

#[test]
fn dash_m_runs_a_module_as_main_with_its_package() {
    let dir = scratch(
        "m",
        &[
            ("tool/__init__.py", "print('package', __name__)\n"),
            ("tool/run.py", "import sys\nfrom . import helper\nprint(__name__, __package__, helper.X, sys.argv[1:], sys.argv[0].endswith('run.py'))\n"),
            ("tool/helper.py", "X = 'helped'\n"),
            ("tool/__main__.py", "print('main of', __package__)\n"),
        ],
    );
    let out = gilvm_in(&dir, &["-m", "tool.run", "a", "-z"], "", &[]);
    assert_eq!(
        text(&out.stdout),
        "package tool\n__main__ tool helped ['a', '-z'] True\n"
    );
    let out = gilvm_in(&dir, &["-m", "tool"], "", &[]);
    assert_eq!(text(&out.stdout), "package tool\nmain of tool\n");
    let out = gilvm_in(&dir, &["-m", "no_such_tool"], "", &[]);
    assert_eq!(text(&out.stderr), "gilvm: No module named no_such_tool\n");
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pythonpath_extends_sys_path_unless_ignored() {
    let dir = scratch("pp", &[("lib/extra_mod.py", "VALUE = 'from PYTHONPATH'\n")]);
    let lib = dir.join("lib");
    let lib = lib.to_str().unwrap();
    let code = "import sys, extra_mod\nprint(extra_mod.VALUE, sys.path[1] == %r)\n"
        .replace("%r", &format!("{lib:?}"));
    let out = gilvm_in(&dir, &["-c", &code], "", &[("PYTHONPATH", lib)]);
    assert_eq!(
        text(&out.stdout),
        "from PYTHONPATH True\n",
        "{}",
        text(&out.stderr)
    );
    for flag in ["-E", "-I"] {
        let out = gilvm_in(
            &dir,
            &[flag, "-c", "import extra_mod"],
            "",
            &[("PYTHONPATH", lib)],
        );
        assert!(text(&out.stderr).ends_with("ModuleNotFoundError: No module named 'extra_mod'\n"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn flags_reach_sys_flags() {
    let code = "import sys; f = sys.flags; print(f.optimize, f.quiet, f.isolated, f.safe_path, f.dont_write_bytecode, f.inspect, sys.orig_argv[1:3])";
    let out = gilvm(&["-OO", "-q", "-B", "-I", "-c", code], "");
    assert_eq!(text(&out.stdout), "2 1 1 True 1 0 ['-OO', '-q']\n");
    let out = gilvm(
        &[
            "-X",
            "gil=tick",
            "-Xswitch-interval=2ms",
            "-X",
            "dev",
            "-c",
            "import sys, gil; print(gil.policy(), sys.getswitchinterval(), sys._xoptions)",
        ],
        "",
    );
    assert_eq!(
        text(&out.stdout),
        "tick 0.002 {'gil': 'tick', 'switch-interval': '2ms', 'dev': True}\n"
    );
}

#[test]
fn int_max_str_digits_from_x_option_and_environment() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let code = "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())";
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = args.to_vec();
        all.extend(["-c", code]);
        gilvm_in(here, &all, "", env)
    };
    assert_eq!(text(&run(&[], &[]).stdout), "-1 4300\n");
    let out = run(&["-X", "int_max_str_digits=5000"], &[]);
    assert_eq!(text(&out.stdout), "5000 5000\n");
    let out = run(&[], &[("PYTHONINTMAXSTRDIGITS", "0")]);
    assert_eq!(text(&out.stdout), "0 0\n");
    // The option wins over the environment; -E ignores the environment.
    let env = [("PYTHONINTMAXSTRDIGITS", "900")];
    assert_eq!(
        text(&run(&["-X", "int_max_str_digits=1000"], &env).stdout),
        "1000 1000\n"
    );
    assert_eq!(text(&run(&["-E"], &env).stdout), "-1 4300\n");
    for (args, env) in [
        (&["-X", "int_max_str_digits=5"][..], &[][..]),
        (&[][..], &[("PYTHONINTMAXSTRDIGITS", "x")][..]),
    ] {
        let out = run(args, env);
        assert_ne!(out.status.code(), Some(0));
        let err = text(&out.stderr);
        assert!(
            err.contains("invalid limit; must be >= 640 or 0 for unlimited."),
            "{err}"
        );
    }
}

/// The first line `gilvm args` prints while it goes on running (`None` if none comes within
/// five seconds: it sits in a buffer).
fn first_line_while_running(args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(args)
        .env_remove("PYTHONUNBUFFERED")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(std::time::Duration::from_secs(5)).ok();
    child.kill().unwrap();
    child.wait().unwrap();
    line
}

#[test]
fn unbuffered_output_is_written_at_once() {
    let code = "print('ready')\nwhile True: pass";
    let ready = Some("ready\n".to_string());
    assert_eq!(first_line_while_running(&["-u", "-c", code], &[]), ready);
    assert_eq!(
        first_line_while_running(&["-c", code], &[("PYTHONUNBUFFERED", "1")]),
        ready
    );
    // Into a pipe, without `-u`, the line waits in the buffer (as in CPython).
    assert_eq!(first_line_while_running(&["-c", code], &[]), None);
}

#[test]
fn gil_trace_is_refused_where_it_does_not_record() {
    let out = gilvm(&["--gil-trace", "t.json", "-i", "-c", "pass"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("gilvm: --gil-trace records a script or -c run"));
}

#[test]
fn usage_errors_are_cpythons() {
    let usage = "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `gilvm -h' for more information.\n";
    for (args, first) in [
        (&["-z"][..], "Unknown option: -z"),
        (
            &["--gil-trac", "t.json", "programs/fib.py"][..],
            "unknown option --gil-trac",
        ),
        (&["-c"][..], "Argument expected for the -c option"),
        (&["-X"][..], "Argument expected for the -X option"),
    ] {
        let out = gilvm(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stderr), format!("{first}\n{usage}"), "{args:?}");
        assert_eq!(text(&out.stdout), "");
    }
}
