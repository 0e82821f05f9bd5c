//! The capabilities of a sandboxed script, and the checks the standard library runs before it
//! touches the world: [`check_path`] (files), [`check_address`] (sockets),
//! [`check_process`] (the environment and the process), [`check_import`] (modules that cannot
//! be made safe). Without a sandbox every check passes. A refusal is a `PermissionError`
//! (`ImportError` for a module) whose message names the capability: `[sandbox] reading
//! '/etc/hostname' is not allowed`.

use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};

/// What a sandboxed script may do: nothing, until granted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sandbox {
    /// Directories (or files) the script may read below.
    pub read: Vec<PathBuf>,
    /// Directories (or files) the script may read and write below.
    pub write: Vec<PathBuf>,
    pub net: NetAccess,
    /// `os.environ` shows the process's environment, `os.getpid()`, `os.chdir()` work.
    pub process: bool,
}

/// Which sockets a sandboxed script may connect, bind or send to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum NetAccess {
    #[default]
    None,
    /// Loopback addresses (`127.0.0.0/8`, `::1`, `localhost`).
    Loopback,
    /// Exactly these `(host, port)` pairs.
    Hosts(Vec<(String, u16)>),
}

/// Modules refused at import under a sandbox, and why.
const UNSAFE_MODULES: &[(&str, &str)] = &[
    (
        "gil",
        "it changes the process's thread scheduling and writes trace files",
    ),
    (
        "_ctypes",
        "it reads and writes raw memory and calls foreign code",
    ),
    (
        "ctypes",
        "it reads and writes raw memory and calls foreign code",
    ),
];

/// File access a script asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

fn denied(ts: &ThreadState, what: String) -> crate::object::value::ObjRef {
    ts.new_exc(
        ExcKind::PermissionError,
        format!("[sandbox] {what} is not allowed"),
    )
}

/// Raises `PermissionError` unless the sandbox lets the script `access` `path`: the path is
/// made absolute, `.`/`..` removed, symbolic links resolved (for a path that does not exist
/// yet, those of its longest existing prefix), and it must then lie under a granted root.
pub fn check_path(ts: &ThreadState, access: Access, path: &str) -> PyResult<()> {
    let Some(sandbox) = &ts.guard.sandbox else {
        return Ok(());
    };
    let resolved = resolve(Path::new(path));
    let roots = match access {
        Access::Read => sandbox
            .read
            .iter()
            .chain(&sandbox.write)
            .collect::<Vec<_>>(),
        Access::Write => sandbox.write.iter().collect(),
    };
    if roots.iter().any(|root| resolved.starts_with(resolve(root))) {
        return Ok(());
    }
    let verb = match access {
        Access::Read => "reading",
        Access::Write => "writing",
    };
    Err(denied(ts, format!("{verb} '{path}'")))
}

/// `path` absolute, without `.`/`..`, its longest existing prefix canonicalised (symbolic
/// links resolved) and the rest appended as written.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    let mut existing = clean.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return clean,
        }
    }
}

/// Raises `PermissionError` for a module file at `path` outside the host's search path
/// (`Runtime::module_dir`) that the sandbox does not let the script read.
pub fn check_module_file(ts: &ThreadState, path: &Path) -> PyResult<()> {
    if ts.guard.sandbox.is_none() {
        return Ok(());
    }
    let search_root = resolve(&ts.rt.module_dir.borrow());
    if resolve(path).starts_with(search_root) {
        return Ok(());
    }
    check_path(ts, Access::Read, &path.to_string_lossy())
}

/// Raises `PermissionError` unless the sandbox lets the script `action` (`"connecting to"`,
/// `"binding"`, `"sending to"`) `host:port`. Checked before any name is resolved.
pub fn check_address(ts: &ThreadState, action: &str, host: &str, port: u16) -> PyResult<()> {
    let Some(sandbox) = &ts.guard.sandbox else {
        return Ok(());
    };
    let allowed = match &sandbox.net {
        NetAccess::None => false,
        NetAccess::Loopback => {
            host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        NetAccess::Hosts(hosts) => hosts.iter().any(|(h, p)| h == host && *p == port),
    };
    if allowed {
        return Ok(());
    }
    Err(denied(ts, format!("{action} '{host}:{port}'")))
}

/// Raises `PermissionError` unless the sandbox grants the process capability; `what` names
/// the operation (`"reading the process id"`).
pub fn check_process(ts: &ThreadState, what: &str) -> PyResult<()> {
    match &ts.guard.sandbox {
        Some(sandbox) if !sandbox.process => Err(denied(ts, what.to_string())),
        _ => Ok(()),
    }
}

/// Whether the environment is visible (`os.environ` is empty otherwise).
pub fn environment_visible(ts: &ThreadState) -> bool {
    ts.guard.sandbox.as_ref().is_none_or(|s| s.process)
}

/// Raises `ImportError` for a module a sandboxed script may not import.
pub fn check_import(ts: &ThreadState, name: &str) -> PyResult<()> {
    if ts.guard.sandbox.is_none() {
        return Ok(());
    }
    match UNSAFE_MODULES.iter().find(|(module, _)| *module == name) {
        Some((_, why)) => Err(ts.new_exc(
            ExcKind::ImportError,
            format!("[sandbox] module '{name}' cannot be imported: {why}"),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::path::Path;

    #[test]
    fn resolve_removes_dots_and_follows_links_of_the_existing_prefix() {
        let dir = std::env::temp_dir().join(format!("gilvm-resolve-{}", std::process::id()));
        let real = dir.join("real");
        std::fs::create_dir_all(&real).unwrap();
        let link = dir.join("link");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink("/etc", &link).unwrap();
        let real = real.canonicalize().unwrap();
        assert_eq!(
            resolve(&dir.join("real/../real/./new/file")),
            real.join("new/file")
        );
        assert_eq!(resolve(&link.join("hostname")), Path::new("/etc/hostname"));
        assert_eq!(
            resolve(&link.join("missing/x")),
            Path::new("/etc/missing/x")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
