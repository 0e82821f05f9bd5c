//! What the command line told the interpreter, for `sys.flags`, `sys.orig_argv`,
//! `sys.path[0]`, `sys.executable`, `sys._xoptions` and `sys.warnoptions`.
//!
//! It is process-wide, as CPython's `PyConfig` is: the `gilvm` command sets it once, before
//! the interpreter starts ([`set_command_line`]); an embedding host that sets nothing gets the
//! defaults (no flags, `sys.path[0]` the interpreter's search directory, no `PYTHONPATH`).

use std::sync::OnceLock;

/// `sys.flags`, CPython 3.11's fields (counts for the options that may repeat).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SysFlags {
    pub debug: u8,
    pub inspect: u8,
    pub interactive: u8,
    pub optimize: u8,
    pub dont_write_bytecode: u8,
    pub no_user_site: u8,
    pub no_site: u8,
    pub ignore_environment: u8,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: u8,
    pub hash_randomization: u8,
    pub isolated: u8,
    pub dev_mode: bool,
    pub utf8_mode: u8,
    pub warn_default_encoding: u8,
    pub safe_path: bool,
    pub int_max_str_digits: i64,
}

impl SysFlags {
    /// CPython's defaults when no option is given (`hash_randomization` is on, the
    /// integer string conversion limit is unset: -1).
    pub fn new() -> SysFlags {
        SysFlags {
            hash_randomization: 1,
            int_max_str_digits: -1,
            ..SysFlags::default()
        }
    }

    /// The fields in CPython's order, as `(name, value)`; booleans stay booleans.
    pub fn fields(&self) -> Vec<(&'static str, FlagValue)> {
        use FlagValue::{Bool, Int};
        vec![
            ("debug", Int(self.debug.into())),
            ("inspect", Int(self.inspect.into())),
            ("interactive", Int(self.interactive.into())),
            ("optimize", Int(self.optimize.into())),
            ("dont_write_bytecode", Int(self.dont_write_bytecode.into())),
            ("no_user_site", Int(self.no_user_site.into())),
            ("no_site", Int(self.no_site.into())),
            ("ignore_environment", Int(self.ignore_environment.into())),
            ("verbose", Int(self.verbose.into())),
            ("bytes_warning", Int(self.bytes_warning.into())),
            ("quiet", Int(self.quiet.into())),
            ("hash_randomization", Int(self.hash_randomization.into())),
            ("isolated", Int(self.isolated.into())),
            ("dev_mode", Bool(self.dev_mode)),
            ("utf8_mode", Int(self.utf8_mode.into())),
            (
                "warn_default_encoding",
                Int(self.warn_default_encoding.into()),
            ),
            ("safe_path", Bool(self.safe_path)),
            ("int_max_str_digits", Int(self.int_max_str_digits)),
        ]
    }
}

/// A value of `sys.flags`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagValue {
    Int(i64),
    Bool(bool),
}

/// The command line of the process, as the interpreter sees it.
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    pub flags: SysFlags,
    /// `sys.orig_argv`: every argument the process got, the program name first.
    pub orig_argv: Vec<String>,
    /// `sys.path[0]`: `''` for `-c` and the interactive prompt, the script's directory, the
    /// current directory for `-m`; `None` with `-P`/`-I` (nothing is prepended).
    pub path0: Option<String>,
    /// Directories from `PYTHONPATH` (empty when `-E`/`-I`).
    pub pythonpath: Vec<String>,
    /// `-X name[=value]` options (`sys._xoptions`; a bare name maps to `True`).
    pub xoptions: Vec<(String, Option<String>)>,
    /// `-W` options (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// `-u` / `PYTHONUNBUFFERED`: stdout is written at every `write`.
    pub unbuffered: bool,
}

static COMMAND_LINE: OnceLock<CommandLine> = OnceLock::new();

/// Records the process's command line (the first call wins; later calls are ignored).
pub fn set_command_line(command_line: CommandLine) {
    let _ = COMMAND_LINE.set(command_line);
}

/// The command line set by [`set_command_line`], if any.
pub fn command_line() -> Option<&'static CommandLine> {
    COMMAND_LINE.get()
}
