//! The `gilvm` command's own behaviour: arguments, exit statuses, `-c`, `--dis`, usage errors.

#[path = "support/cli.rs"]
mod support;

use support::{gilvm, text};

#[test]
fn runs_fib_with_an_argument() {
    let out = gilvm(&["programs/fib.py", "20"]);
    assert_eq!(text(&out.stdout), "fib(20) = 6765\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn passes_sys_argv() {
    let out = gilvm(&["-c", "import sys; print(sys.argv)", "a", "-b", "--c"]);
    assert_eq!(text(&out.stdout), "['-c', 'a', '-b', '--c']\n");
}

#[test]
fn uncaught_exception_exits_1_with_traceback() {
    let out = gilvm(&["-c", "print('x')\n1/0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "x\n");
    let err = text(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.contains("  File \"<string>\", line 2, in <module>\n"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn sys_exit_sets_the_status() {
    assert_eq!(
        gilvm(&["-c", "import sys; sys.exit(4)"]).status.code(),
        Some(4)
    );
    let out = gilvm(&["-c", "import sys; sys.exit('bye')"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "bye\n");
}

#[test]
fn syntax_error_in_c_string() {
    let out = gilvm(&["-c", "x = (1,"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("  File \"<string>\", line 1\n"), "{err}");
    assert!(err.contains("SyntaxError: '(' was never closed"), "{err}");
}

#[test]
fn missing_file_is_a_usage_error() {
    let out = gilvm(&["no/such/file.py"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("can't open file"), "{err}");
    assert!(err.contains("[Errno 2] No such file or directory"), "{err}");
}

#[test]
fn unknown_option_is_a_usage_error() {
    let out = gilvm(&["--no-such-option"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn no_arguments_reads_the_script_from_stdin() {
    // Not a terminal: stdin is the script (here empty), as CPython reads it.
    let out = gilvm(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn version_and_help() {
    let out = gilvm(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("gilvm "));
    let out = gilvm(&["--help"]);
    assert!(text(&out.stdout).contains("--dis"));
}

#[test]
fn disassembles_with_line_numbers() {
    let out = gilvm(&["--dis", "programs/fib.py"]);
    assert_eq!(out.status.code(), Some(0));
    let dis = text(&out.stdout);
    for expected in ["LOAD_GLOBAL", "BINARY_OP", "RETURN_VALUE", "fib"] {
        assert!(dis.contains(expected), "missing {expected} in:\n{dis}");
    }
}

#[test]
fn binary_garbage_does_not_panic() {
    let dir = std::env::temp_dir().join(format!("gilvm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("garbage.py");
    std::fs::write(&file, [0xff, 0xfe, 0x00, 0x9c, b'\n', 0x80]).unwrap();
    let out = gilvm(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("SyntaxError"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_command_uses_only_the_public_api() {
    // The command-line program is built on the `gilvm` crate's public API alone.
    for file in [
        "src/main.rs",
        "src/gil_cli.rs",
        "src/timeline_cli.rs",
        "src/cli/mod.rs",
        "src/cli/session.rs",
        "src/repl/mod.rs",
        "src/repl/reader.rs",
        "src/repl/complete.rs",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let source = std::fs::read_to_string(&path).expect("source readable");
        for internal in [
            "gilvm_vm",
            "gilvm_compiler",
            "gilvm_trace",
            "gilvm_syntax",
            "gilvm_gil",
        ] {
            assert!(!source.contains(internal), "{file} uses {internal}");
        }
    }
}

/// Under an address-space limit (`ulimit -v`), containers that grow past it raise
/// `MemoryError` and the program goes on, where an infallible allocation would abort.
#[cfg(target_os = "linux")]
#[test]
fn growth_past_an_address_space_limit_raises_memory_error() {
    let script = "\
cases = ['s = \"x\"\\nwhile True: s += s', 's = \"x\"\\nwhile True: s = s + s + \"y\"',
         'l = [1]\\nwhile True: l = l + l', 'l = [1]\\nwhile True: l.extend(l)',
         'b = b\"x\"\\nwhile True: b = b + b', 'l = [1]\\nwhile True: l *= 2',
         't = (1,)\\nwhile True: t = t + t']
for body in cases:
    try:
        exec(body, {})
    except MemoryError:
        print('MemoryError')
print('still here')
";
    let out = under_address_space_limit(script);
    assert_eq!(
        text(&out.stdout),
        "MemoryError\n".repeat(7) + "still here\n",
        "{}",
        text(&out.stderr)
    );
}

/// Runs `gilvm -c script` under an address-space limit 32 MiB above what gilvm takes to
/// start (measured: a debug and a release build differ, and so may machines).
#[cfg(target_os = "linux")]
fn under_address_space_limit(script: &str) -> std::process::Output {
    let run = |limit_kib: u64, script: &str| {
        std::process::Command::new("sh")
            .args(["-c", "ulimit -v \"$2\" && exec \"$0\" -c \"$1\""])
            .arg(env!("CARGO_BIN_EXE_gilvm"))
            .arg(script)
            .arg(limit_kib.to_string())
            .output()
            .expect("sh runs")
    };
    let peak = run(
        512 << 10,
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmPeak')][0])",
    );
    let peak_kib: u64 = text(&peak.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("gilvm starts under a 512 MiB limit: {}", text(&peak.stderr)));
    run(peak_kib + (32 << 10), script)
}

/// Growth in many steps, through every kind of allocation (a dict's or set's table, a
/// comprehension's list, string concatenation, big-int multiplication, many small objects:
/// the emergency reserve), raises `MemoryError` at the limit and the program goes on.
#[cfg(target_os = "linux")]
#[test]
fn slow_growth_past_an_address_space_limit_raises_memory_error() {
    let script = "\
class Obj:
    pass

def grow_dict():
    d = {}
    i = 0
    while True:
        d[i] = i
        i += 1

def grow_set():
    s = set()
    i = 0
    while True:
        s.add(i)
        i += 1

def grow_comprehension():
    return [i for i in range(1 << 40)]

def grow_str():
    s = ''
    chunk = 'x' * 100_000
    while True:
        s += chunk

def grow_int():
    x = 2
    while True:
        x = x * x

def grow_objects():
    objects = []
    while True:
        objects.append(Obj())

for grow in [grow_dict, grow_set, grow_comprehension, grow_str, grow_int, grow_objects]:
    try:
        grow()
    except MemoryError:
        print(grow.__name__, 'MemoryError')
print('still here')
";
    let out = under_address_space_limit(script);
    let expected: String = ["dict", "set", "comprehension", "str", "int", "objects"]
        .iter()
        .map(|case| format!("grow_{case} MemoryError\n"))
        .collect();
    assert_eq!(
        (text(&out.stdout), out.status.code()),
        (expected + "still here\n", Some(0)),
        "{}",
        text(&out.stderr)
    );
}
