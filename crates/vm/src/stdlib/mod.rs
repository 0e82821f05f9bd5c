//! The standard library's built-in modules: one registry ([`MODULES`]: name, native
//! functions, native `init`, embedded Python source) and one file or folder per module, its
//! embedded `.py` source next to it (`threading.py`, `collections.py`, ...).
//!
//! Imports: every layer below it (`object/` to `interp/`). From above, `interp::import`
//! calls [`create`], and `Obj::Socket` (in `object::value`) holds a `socket::SocketHandle`.

pub mod _bisect;
pub mod _collections;
pub mod _frames;
pub mod _heapq;
pub mod _posixshmem;
pub mod _random;
pub mod _thread;
pub mod _weakref;
pub mod array;
pub mod ast;
pub mod asyncio;
pub mod atexit;
pub mod contextvars;
pub mod ctypes;
pub mod dis;
pub mod frozen;
pub mod gc;
pub mod gilmod;
pub mod hashlib;
pub mod io;
pub mod io_sink;
pub mod itertools;
pub mod json;
pub mod lzma;
pub mod math;
pub mod multiprocessing;
pub mod os;
pub mod os_fd;
pub mod os_process;
pub mod os_stat;
pub mod platform;
pub mod pwd;
pub mod pyexpat;
pub mod re;
pub mod resource;
pub mod select;
pub mod signal;
pub mod socket;
pub mod sqlite3;
pub mod ssl;
#[path = "struct_/mod.rs"]
pub mod struct_;
pub mod subprocess;
pub mod sys;
pub mod time;
pub mod traceback;
pub mod unicodedata;
pub mod xml;
pub mod zlib;

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{native_value, NativeFn};
use crate::objects::module::new_module;

/// How the native part of a module fills its fresh namespace.
pub type Init = fn(&mut ThreadState, &ObjRef) -> PyResult<()>;

/// A built-in module: its native functions are stored in the new namespace first, then its
/// `init` runs, then its embedded Python source (reported as `<frozen NAME>`).
pub struct ModuleDef {
    pub name: &'static str,
    pub functions: &'static [(&'static str, NativeFn)],
    pub init: Option<Init>,
    pub source: Option<&'static str>,
}

impl ModuleDef {
    const fn new(name: &'static str) -> ModuleDef {
        ModuleDef {
            name,
            functions: &[],
            init: None,
            source: None,
        }
    }

    const fn functions(self, functions: &'static [(&'static str, NativeFn)]) -> ModuleDef {
        ModuleDef { functions, ..self }
    }

    const fn init(self, init: Init) -> ModuleDef {
        ModuleDef {
            init: Some(init),
            ..self
        }
    }

    const fn source(self, source: &'static str) -> ModuleDef {
        ModuleDef {
            source: Some(source),
            ..self
        }
    }
}

/// The registry: every built-in module but `builtins` (the runtime's own namespace).
pub const MODULES: &[ModuleDef] = &[
    ModuleDef::new("sys")
        .init(|ts, dict| {
            sys::fill(ts, dict);
            Ok(())
        })
        .source(include_str!("sys.py")),
    ModuleDef::new("time")
        .functions(time::FUNCTIONS)
        .init(|_, dict| {
            add_functions(dict, time::CALENDAR);
            Ok(())
        })
        .source(include_str!("time.py")),
    ModuleDef::new("socket").init(|ts, dict| {
        socket::fill(ts, dict);
        Ok(())
    }),
    ModuleDef::new("_thread")
        .functions(_thread::FUNCTIONS)
        .source(include_str!("_thread.py")),
    ModuleDef::new("gc").functions(gc::FUNCTIONS).init(gc::init),
    ModuleDef::new("_weakref")
        .functions(_weakref::FUNCTIONS)
        .source(include_str!("_weakref.py")),
    ModuleDef::new("weakref").source(include_str!("weakref.py")),
    ModuleDef::new("_weakrefset").source(include_str!("_weakrefset.py")),
    ModuleDef::new("tempfile").source(include_str!("tempfile.py")),
    ModuleDef::new("threading").source(include_str!("threading.py")),
    ModuleDef::new("collections").source(include_str!("collections.py")),
    ModuleDef::new("reprlib").source(include_str!("reprlib.py")),
    ModuleDef::new("stat").source(include_str!("stat.py")),
    ModuleDef::new("concurrent").init(asyncio::package),
    ModuleDef::new("concurrent.futures")
        .init(asyncio::package)
        .source(include_str!("concurrent/futures_init.py")),
    ModuleDef::new("concurrent.futures._base").source(include_str!("concurrent/futures_base.py")),
    ModuleDef::new("concurrent.futures.thread")
        .source(include_str!("concurrent/futures_thread.py")),
    ModuleDef::new("types")
        .functions(crate::objects::coroutines::TYPES_FUNCTIONS)
        .source(include_str!("classes/types.py")),
    ModuleDef::new("abc").source(include_str!("classes/abc.py")),
    ModuleDef::new("enum").source(include_str!("classes/enum.py")),
    ModuleDef::new("_ast").source(include_str!("ast/_ast.py")),
    ModuleDef::new("ast").source(include_str!("ast/ast.py")),
    ModuleDef::new("token").source(include_str!("token.py")),
    ModuleDef::new("tokenize").source(include_str!("tokenize.py")),
    ModuleDef::new("inspect").source(include_str!("classes/inspect.py")),
    ModuleDef::new("typing").source(include_str!("classes/typing.py")),
    ModuleDef::new("dataclasses").source(include_str!("classes/dataclasses.py")),
    ModuleDef::new("keyword").source(include_str!("classes/keyword.py")),
    ModuleDef::new("contextlib").source(include_str!("classes/contextlib.py")),
    ModuleDef::new("_collections_abc").source(include_str!("classes/_collections_abc.py")),
    ModuleDef::new("os").init(|ts, dict| {
        os::init(ts, dict)?;
        add_functions(dict, os_stat::FUNCTIONS);
        add_functions(dict, os_fd::FUNCTIONS);
        add_functions(dict, os_process::FUNCTIONS);
        run_embedded(ts, "os", include_str!("os.py"), dict)?;
        run_embedded(ts, "os", include_str!("os_extra.py"), dict)?;
        run_embedded(ts, "os", include_str!("os_process.py"), dict)
    }),
    ModuleDef::new("_random")
        .init(_random::init)
        .source(include_str!("_random.py")),
    ModuleDef::new("_collections")
        .init(_collections::init)
        .source(include_str!("_collections.py")),
    ModuleDef::new("random").source(include_str!("random.py")),
    ModuleDef::new("queue").source(include_str!("queue.py")),
    ModuleDef::new("functools").source(include_str!("functools.py")),
    ModuleDef::new("itertools")
        .functions(itertools::FUNCTIONS)
        .source(include_str!("itertools.py")),
    ModuleDef::new("io")
        .functions(io::FUNCTIONS)
        .init(|ts, dict| {
            add_functions(dict, io_sink::FUNCTIONS);
            run_embedded(ts, "io", include_str!("io_memory.py"), dict)
        })
        .source(include_str!("io.py")),
    ModuleDef::new("_io_bases").source(include_str!("io_bases.py")),
    // CPython's C half of `io`: the same classes here.
    ModuleDef::new("_io").source(
        "from io import *\nfrom io import BytesIO, FileIO, StringIO, UnsupportedOperation, open\n",
    ),
    ModuleDef::new("math")
        .init(|_, dict| {
            math::fill(dict);
            Ok(())
        })
        .source(include_str!("math.py")),
    ModuleDef::new("gil").functions(gilmod::FUNCTIONS),
    ModuleDef::new("json")
        .functions(json::FUNCTIONS)
        .source(include_str!("json/json.py")),
    ModuleDef::new("json.decoder").source(include_str!("json/decoder.py")),
    ModuleDef::new("json.encoder").source(include_str!("json/encoder.py")),
    ModuleDef::new("re")
        .functions(re::FUNCTIONS)
        .source(include_str!("re/re.py")),
    ModuleDef::new("select")
        .functions(select::FUNCTIONS)
        .source(include_str!("select/select.py")),
    ModuleDef::new("selectors").source(include_str!("select/selectors.py")),
    ModuleDef::new("struct")
        .functions(struct_::FUNCTIONS)
        .source(include_str!("struct_/struct.py")),
    ModuleDef::new("importlib")
        .functions(&[
            ("_gcd_import", crate::interp::import::gcd_import),
            ("_reload", crate::interp::import::reload),
        ])
        .source(include_str!("importlib.py")),
    ModuleDef::new("platform")
        .functions(platform::FUNCTIONS)
        .source(include_str!("platform.py")),
    ModuleDef::new("operator").source(include_str!("operator.py")),
    ModuleDef::new("_operator").source(include_str!("_operator.py")),
    ModuleDef::new("__hello__").source(include_str!("__hello__.py")),
    ModuleDef::new("_bisect").functions(_bisect::FUNCTIONS),
    ModuleDef::new("bisect").source(include_str!("bisect.py")),
    ModuleDef::new("cmath").source(include_str!("cmath.py")),
    ModuleDef::new("_heapq").functions(_heapq::FUNCTIONS),
    ModuleDef::new("heapq").source(include_str!("heapq.py")),
    ModuleDef::new("copy").source(include_str!("copy.py")),
    ModuleDef::new("pickle").source(include_str!("pickle/pickle.py")),
    ModuleDef::new("_codecs").source(include_str!("_codecs.py")),
    ModuleDef::new("copyreg").source(include_str!("pickle/copyreg.py")),
    ModuleDef::new("_compat_pickle").source(include_str!("pickle/_compat_pickle.py")),
    ModuleDef::new("string").source(include_str!("string.py")),
    ModuleDef::new("textwrap").source(include_str!("textwrap.py")),
    ModuleDef::new("errno").source(include_str!("errno.py")),
    ModuleDef::new("binascii")
        .functions(zlib::CRC32)
        .source(include_str!("binascii.py")),
    ModuleDef::new("atexit")
        .functions(atexit::FUNCTIONS)
        .source(include_str!("atexit.py")),
    ModuleDef::new("signal")
        .functions(signal::FUNCTIONS)
        .init(signal::init)
        .source(include_str!("signal.py")),
    ModuleDef::new("base64").source(include_str!("base64.py")),
    ModuleDef::new("_lzma")
        .init(lzma::init)
        .source(include_str!("lzma/_lzma.py")),
    // CPython's own lzma.py and _compression.py, unchanged.
    ModuleDef::new("lzma").source(include_str!("lzma/lzma.py")),
    ModuleDef::new("_compression").source(include_str!("_compression.py")),
    ModuleDef::new("dis")
        .functions(dis::FUNCTIONS)
        .init(dis::init)
        .source(include_str!("dis.py")),
    ModuleDef::new("array")
        .functions(array::FUNCTIONS)
        .source(include_str!("array.py")),
    ModuleDef::new("hashlib")
        .functions(hashlib::FUNCTIONS)
        .source(include_str!("hashlib.py")),
    // The single-algorithm modules CPython's hashlib is built on.
    ModuleDef::new("_md5").source("from hashlib import md5\n"),
    ModuleDef::new("_sha1").source("from hashlib import sha1\n"),
    ModuleDef::new("_sha256").source("from hashlib import sha224, sha256\n"),
    ModuleDef::new("_sha512").source("from hashlib import sha384, sha512\n"),
    ModuleDef::new("_sha3").source(
        "from hashlib import sha3_224, sha3_256, sha3_384, sha3_512, shake_128, shake_256\n",
    ),
    ModuleDef::new("_blake2").source("from hashlib import blake2b, blake2s\n"),
    ModuleDef::new("zlib")
        .init(zlib::init)
        .source(include_str!("zlib.py")),
    ModuleDef::new("_posixshmem")
        .functions(_posixshmem::FUNCTIONS)
        .source(include_str!("_posixshmem.py")),
    ModuleDef::new("unicodedata")
        .functions(unicodedata::FUNCTIONS)
        .init(unicodedata::init)
        .source(include_str!("unicodedata/unicodedata.py")),
    ModuleDef::new("pwd")
        .functions(pwd::FUNCTIONS)
        .source(include_str!("pwd.py")),
    ModuleDef::new("resource")
        .functions(resource::FUNCTIONS)
        .init(resource::init)
        .source(include_str!("resource.py")),
    ModuleDef::new("_contextvars")
        .functions(contextvars::FUNCTIONS)
        .source(include_str!("_contextvars.py")),
    ModuleDef::new("contextvars")
        .source("from _contextvars import Context, ContextVar, Token, copy_context\n"),
    ModuleDef::new("subprocess")
        .functions(subprocess::FUNCTIONS)
        .source(include_str!("subprocess.py")),
    // sqlite3: the native `_sqlite3` and CPython's package layout over it.
    ModuleDef::new("_sqlite3")
        .functions(sqlite3::FUNCTIONS)
        .init(sqlite3::init),
    ModuleDef::new("sqlite3")
        .init(asyncio::package)
        .source(include_str!("sqlite3/sqlite3.py")),
    ModuleDef::new("sqlite3.dbapi2").source(include_str!("sqlite3/dbapi2.py")),
    // CPython's own sqlite3/dump.py, unchanged.
    ModuleDef::new("sqlite3.dump").source(include_str!("sqlite3/dump.py")),
    // ssl: the native `_ssl` (rustls) and CPython's API over it.
    ModuleDef::new("_ssl")
        .functions(ssl::FUNCTIONS)
        .source(include_str!("ssl/_ssl.py")),
    ModuleDef::new("ssl").source(include_str!("ssl/ssl.py")),
    ModuleDef::new("argparse").source(include_str!("argparse.py")),
    ModuleDef::new("datetime").source(include_str!("datetime.py")),
    ModuleDef::new("calendar").source(include_str!("calendar.py")),
    ModuleDef::new("_strptime").source(include_str!("_strptime.py")),
    ModuleDef::new("_frames")
        .init(_frames::init)
        .source(include_str!("_frames.py")),
    ModuleDef::new("traceback")
        .functions(traceback::FUNCTIONS)
        .init(traceback::init)
        .source(include_str!("traceback.py")),
    ModuleDef::new("warnings").source(include_str!("warnings.py")),
    ModuleDef::new("_warnings").source(include_str!("_warnings.py")),
    ModuleDef::new("numbers").source(include_str!("numbers.py")),
    ModuleDef::new("fractions").source(include_str!("fractions.py")),
    ModuleDef::new("statistics").source(include_str!("statistics.py")),
    ModuleDef::new("linecache").source(include_str!("linecache.py")),
    ModuleDef::new("logging").source(include_str!("logging.py")),
    ModuleDef::new("pprint").source(include_str!("pprint.py")),
    ModuleDef::new("difflib").source(include_str!("difflib.py")),
    ModuleDef::new("unittest").source(include_str!("unittest.py")),
    // The parser under the `xml` package (xml::MODULES).
    ModuleDef::new("pyexpat")
        .functions(pyexpat::FUNCTIONS)
        .init(asyncio::package)
        .source(include_str!("pyexpat/pyexpat.py")),
    ModuleDef::new("pyexpat.errors").source(include_str!("pyexpat/errors.py")),
    ModuleDef::new("pyexpat.model").source(include_str!("pyexpat/model.py")),
    // ctypes: the native `_ctypes` and CPython's own package on it.
    ModuleDef::new("_ctypes")
        .init(ctypes::init)
        .source(include_str!("ctypes/_ctypes.py")),
    ModuleDef::new("ctypes")
        .init(asyncio::package)
        .source(include_str!("ctypes/__init__.py")),
    ModuleDef::new("ctypes._endian").source(include_str!("ctypes/_endian.py")),
    ModuleDef::new("ctypes.util").source(include_str!("ctypes/util.py")),
];

/// The embedded module `name`, from [`MODULES`] or the embedded packages.
pub fn find(name: &str) -> Option<&'static ModuleDef> {
    MODULES
        .iter()
        .chain(asyncio::MODULES)
        .chain(xml::MODULES)
        .chain(multiprocessing::MODULES)
        .find(|def| def.name == name)
}

/// Creates the built-in module `name`; `None` if there is none. Creation runs the module's
/// Python source, so it can fail.
pub fn create(ts: &mut ThreadState, name: &str) -> Option<PyResult> {
    if name == "builtins" {
        return Some(Ok(Value::Obj(ObjRef::new(Obj::Module {
            name: name.into(),
            dict: ts.rt.builtins.clone(),
        }))));
    }
    let def = find(name)?;
    if let Err(refused) = crate::interp::sandbox::check_import(ts, name) {
        return Some(Err(refused));
    }
    let (module, dict) = new_module(name);
    // In `sys.modules` while its source runs, as CPython does: the modules of a package
    // (asyncio's) import each other and the package.
    let key = Value::new_str(name);
    store_dict(&ts.rt.sys_modules, &key, module.clone());
    let filled = fill(ts, def, &dict);
    if filled.is_err() {
        if let Obj::Dict(d) = &*ts.rt.sys_modules {
            d.borrow_mut().remove(&key);
        }
    }
    Some(filled.map(|()| module))
}

/// Fills a new module's namespace: native functions, then `init`, then the embedded source.
fn fill(ts: &mut ThreadState, def: &ModuleDef, dict: &ObjRef) -> PyResult<()> {
    add_functions(dict, def.functions);
    if let Some(init) = def.init {
        init(ts, dict)?;
    }
    match def.source {
        Some(source) => run_embedded(ts, def.name, source, dict),
        None => Ok(()),
    }
}

pub fn add_functions(dict: &ObjRef, functions: &[(&'static str, NativeFn)]) {
    for (name, f) in functions {
        store_dict(
            dict,
            &Value::new_str(*name),
            native_value(name, *f, Value::Null),
        );
    }
}

/// Runs a module's Python source embedded in the binary (reported as `<frozen NAME>`, as
/// CPython reports its frozen modules).
pub fn run_embedded(ts: &mut ThreadState, name: &str, source: &str, dict: &ObjRef) -> PyResult<()> {
    let filename = format!("<frozen {name}>");
    if let Some(code) = frozen::code(source, &filename) {
        return crate::interp::import::run_module_code(ts, code, dict);
    }
    let code = (ts.rt.compile)(source, &filename).map_err(|e| {
        crate::interp::exceptions::syntax_error(
            ts,
            &e,
            &filename,
            source,
            gilvm_compiler::Mode::Exec,
        )
    })?;
    crate::interp::import::run_module_code(ts, code, dict)
}
