//! CPython 3.11's `multiprocessing` package with the fork start method only (its sources,
//! marked `gilvm:` where changed: no spawn/forkserver contexts, no `tempfile` at import),
//! and `_multiprocessing`, its native part: `SemLock` over POSIX semaphores
//! (`semaphore.rs`, `_multiprocessing.py`). Processes are made by `os.fork`
//! (`interp::fork`).

pub mod semaphore;

use super::ModuleDef;
use crate::stdlib::asyncio::package;

pub const MODULES: &[ModuleDef] = &[
    ModuleDef::new("_multiprocessing")
        .functions(semaphore::FUNCTIONS)
        .source(include_str!("_multiprocessing.py")),
    ModuleDef::new("multiprocessing")
        .init(package)
        .source(include_str!("__init__.py")),
    ModuleDef::new("multiprocessing.connection").source(include_str!("connection.py")),
    ModuleDef::new("multiprocessing.context").source(include_str!("context.py")),
    ModuleDef::new("multiprocessing.pool").source(include_str!("pool.py")),
    ModuleDef::new("multiprocessing.popen_fork").source(include_str!("popen_fork.py")),
    ModuleDef::new("multiprocessing.process").source(include_str!("process.py")),
    ModuleDef::new("multiprocessing.queues").source(include_str!("queues.py")),
    ModuleDef::new("multiprocessing.reduction").source(include_str!("reduction.py")),
    ModuleDef::new("multiprocessing.synchronize").source(include_str!("synchronize.py")),
    ModuleDef::new("multiprocessing.util").source(include_str!("util.py")),
];
