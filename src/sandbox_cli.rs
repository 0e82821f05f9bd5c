//! The command line's sandbox: `--sandbox`, `--allow-read PATH`, `--allow-write PATH`,
//! `--allow-net HOST:PORT|loopback` (each repeatable, each implying `--sandbox`), and the
//! limits `--timeout DURATION`, `--max-instructions N`, `--max-memory SIZE`,
//! `--max-threads N`. When a limit stops the run, [`report`] writes the last stderr line.

use std::path::PathBuf;

use gilvm::{Builder, Limits, NetAccess, PyErr, Sandbox};

/// The sandbox options, as clap parsed them.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SandboxArgs {
    /// Run the script in a sandbox: no files, sockets, environment or process access unless
    /// granted by the --allow-* options (each implies --sandbox).
    #[arg(long)]
    sandbox: bool,

    /// Let a sandboxed script read files under PATH (repeatable).
    #[arg(long, value_name = "PATH")]
    allow_read: Vec<PathBuf>,

    /// Let a sandboxed script read and write files under PATH (repeatable).
    #[arg(long, value_name = "PATH")]
    allow_write: Vec<PathBuf>,

    /// Let a sandboxed script use the network: `loopback`, or one HOST:PORT (repeatable).
    #[arg(long, value_name = "HOST:PORT|loopback", value_parser = parse_net)]
    allow_net: Vec<NetAccess>,

    /// Stop the script after this much wall-clock time (e.g. 1s, 500ms).
    #[arg(long, value_name = "DURATION", value_parser = crate::gil_cli::parse_duration)]
    timeout: Option<std::time::Duration>,

    /// Stop the script after N check points (loop iterations and calls).
    #[arg(long, value_name = "N")]
    max_instructions: Option<u64>,

    /// Raise MemoryError past SIZE bytes of heap (e.g. 64M, 1G, 500K).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<usize>,

    /// Refuse to start more than N threads at once besides the main one.
    #[arg(long, value_name = "N")]
    max_threads: Option<usize>,
}

impl SandboxArgs {
    /// The builder with these options applied.
    pub fn apply(&self, builder: Builder) -> Builder {
        let builder = builder.limits(Limits {
            time: self.timeout,
            instructions: self.max_instructions,
            memory: self.max_memory,
            threads: self.max_threads,
        });
        let sandboxed = self.sandbox
            || !self.allow_read.is_empty()
            || !self.allow_write.is_empty()
            || !self.allow_net.is_empty();
        if !sandboxed {
            return builder;
        }
        builder.sandbox(Sandbox {
            read: self.allow_read.clone(),
            write: self.allow_write.clone(),
            net: self.net(),
            process: false,
        })
    }

    /// The `--allow-net` options together: loopback if any says so, else their hosts.
    fn net(&self) -> NetAccess {
        let mut hosts = Vec::new();
        for grant in &self.allow_net {
            match grant {
                NetAccess::Loopback => return NetAccess::Loopback,
                NetAccess::Hosts(h) => hosts.extend(h.iter().cloned()),
                NetAccess::None => {}
            }
        }
        match hosts.is_empty() {
            true => NetAccess::None,
            false => NetAccess::Hosts(hosts),
        }
    }
}

/// Writes `gilvm: time limit of 1s reached` when `error` is a limit's (after its traceback).
pub fn report(error: &PyErr) {
    if error.limit().is_some() {
        eprintln!("gilvm: {}", error.message());
    }
}

/// `loopback` or `HOST:PORT`.
fn parse_net(text: &str) -> Result<NetAccess, String> {
    if text == "loopback" {
        return Ok(NetAccess::Loopback);
    }
    let (host, port) = text
        .rsplit_once(':')
        .ok_or_else(|| format!("'{text}' is neither loopback nor HOST:PORT"))?;
    let port = port
        .parse::<u16>()
        .map_err(|_| format!("'{port}' is not a port number"))?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    Ok(NetAccess::Hosts(vec![(host.to_string(), port)]))
}

/// `64M`, `1G`, `500K`, `1000` (binary units; a trailing `B` or `iB` is allowed).
fn parse_size(text: &str) -> Result<usize, String> {
    let upper = text.to_ascii_uppercase();
    let trimmed = upper.trim_end_matches("IB").trim_end_matches('B');
    let (number, shift) = match trimmed.chars().last() {
        Some('K') => (&trimmed[..trimmed.len() - 1], 10),
        Some('M') => (&trimmed[..trimmed.len() - 1], 20),
        Some('G') => (&trimmed[..trimmed.len() - 1], 30),
        _ => (trimmed, 0),
    };
    let value: usize = number
        .parse()
        .map_err(|_| format!("'{text}' is not a size (e.g. 64M, 1G, 500K)"))?;
    value
        .checked_mul(1 << shift)
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| format!("'{text}' must be positive and fit in memory"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_net_grants_parse() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("500KiB"), Ok(500 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(parse_net("loopback"), Ok(NetAccess::Loopback));
        assert_eq!(
            parse_net("example.com:80"),
            Ok(NetAccess::Hosts(vec![("example.com".into(), 80)]))
        );
        assert_eq!(
            parse_net("[::1]:8080"),
            Ok(NetAccess::Hosts(vec![("::1".into(), 8080)]))
        );
        assert!(parse_net("example.com").is_err());
    }
}
