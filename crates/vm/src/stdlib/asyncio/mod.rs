//! CPython 3.11's `asyncio` package, as it is (see `NOTICE`): pure Python over `selectors`,
//! `socket` and the coroutines of `interp::coroutine`. There is no `_asyncio` accelerator
//! (asyncio falls back to its Python classes) and no Windows event loop.

use super::ModuleDef;
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;

pub const MODULES: &[ModuleDef] = &[
    ModuleDef::new("asyncio")
        .init(package)
        .source(include_str!("__init__.py")),
    ModuleDef::new("asyncio.base_events").source(include_str!("base_events.py")),
    ModuleDef::new("asyncio.base_futures").source(include_str!("base_futures.py")),
    ModuleDef::new("asyncio.base_subprocess").source(include_str!("base_subprocess.py")),
    ModuleDef::new("asyncio.base_tasks").source(include_str!("base_tasks.py")),
    ModuleDef::new("asyncio.constants").source(include_str!("constants.py")),
    ModuleDef::new("asyncio.coroutines").source(include_str!("coroutines.py")),
    ModuleDef::new("asyncio.events").source(include_str!("events.py")),
    ModuleDef::new("asyncio.exceptions").source(include_str!("exceptions.py")),
    ModuleDef::new("asyncio.format_helpers").source(include_str!("format_helpers.py")),
    ModuleDef::new("asyncio.futures").source(include_str!("futures.py")),
    ModuleDef::new("asyncio.locks").source(include_str!("locks.py")),
    ModuleDef::new("asyncio.log").source(include_str!("log.py")),
    ModuleDef::new("asyncio.mixins").source(include_str!("mixins.py")),
    ModuleDef::new("asyncio.protocols").source(include_str!("protocols.py")),
    ModuleDef::new("asyncio.queues").source(include_str!("queues.py")),
    ModuleDef::new("asyncio.runners").source(include_str!("runners.py")),
    ModuleDef::new("asyncio.selector_events").source(include_str!("selector_events.py")),
    ModuleDef::new("asyncio.sslproto").source(include_str!("sslproto.py")),
    ModuleDef::new("asyncio.staggered").source(include_str!("staggered.py")),
    ModuleDef::new("asyncio.streams").source(include_str!("streams.py")),
    ModuleDef::new("asyncio.subprocess").source(include_str!("subprocess.py")),
    ModuleDef::new("asyncio.taskgroups").source(include_str!("taskgroups.py")),
    ModuleDef::new("asyncio.tasks").source(include_str!("tasks.py")),
    ModuleDef::new("asyncio.threads").source(include_str!("threads.py")),
    ModuleDef::new("asyncio.timeouts").source(include_str!("timeouts.py")),
    ModuleDef::new("asyncio.transports").source(include_str!("transports.py")),
    ModuleDef::new("asyncio.trsock").source(include_str!("trsock.py")),
    ModuleDef::new("asyncio.unix_events").source(include_str!("unix_events.py")),
];

/// A package's namespace: an empty `__path__` (its submodules are all embedded) makes
/// relative imports resolve against the package itself.
pub fn package(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    store_dict(dict, &Value::new_str("__path__"), Value::new_list(vec![]));
    Ok(())
}
