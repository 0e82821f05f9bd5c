//! `import`, as CPython's `importlib._bootstrap` finds and loads modules: the `sys.modules`
//! cache, then the built-in modules (those CPython 3.11 builds in or freezes), then each entry
//! of `sys.path` in order — a directory holding `NAME/__init__.py` (a package), `NAME.py`, or
//! `NAME/` (a namespace package), and [`STDLIB_ENTRY`], the standard library embedded in the
//! binary. Submodules are looked up in their package's `__path__`. Relative imports resolve
//! against the importing module's `__package__` (or `__name__` and `__path__`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gilvm_compiler::bytecode::CodeObject;
use gilvm_compiler::Mode;

use crate::interp::exceptions::syntax_error;
use crate::objects::module::new_module;

use crate::interp::eval::run_frame;
use crate::interp::frame::Frame;
use crate::objects::dict::{dict_get, store_dict};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;
use crate::objects::function::Args;

/// The `sys.path` entry that stands for the standard library embedded in the binary.
pub const STDLIB_ENTRY: &str = "<gilvm stdlib>";

/// Modules found before `sys.path` is searched: those CPython 3.11 builds into the
/// interpreter or freezes (`sys.builtin_module_names`, `os`, `io`, `posixpath`...), so that a
/// user's file of the same name does not shadow them — as in CPython.
const BUILT_IN_FIRST: &[&str] = &[
    "sys",
    "builtins",
    "_thread",
    "time",
    "itertools",
    "gil",
    "os",
    "posixpath",
    "io",
    "_io",
    "errno",
    "gc",
    "atexit",
    "marshal",
    "posix",
    "pwd",
    "abc",
    "codecs",
    "stat",
    "_signal",
    "_weakref",
    "_collections",
    "_functools",
    "_operator",
    "_string",
    "_warnings",
    "_abc",
    "_codecs",
    "_imp",
    "_locale",
    "_sre",
    "_stat",
    "_symtable",
    "_tokenize",
    "_tracemalloc",
    "_typing",
    "_ast",
    "faulthandler",
    "genericpath",
    "_collections_abc",
    "importlib",
    "runpy",
];

/// Runs a module body with `globals` as its namespace.
pub fn run_module_code(
    ts: &mut ThreadState,
    code: Arc<CodeObject>,
    globals: &ObjRef,
) -> PyResult<()> {
    let info = CodeInfo::new(code);
    let mut frame = ts.new_frame(&info, globals, Some(globals.clone()));
    frame
        .cells
        .extend((0..info.ncells()).map(|_| Value::new_cell(Value::Null)));
    run_frame(ts, frame, None).map(|_| ())
}

fn str_value(v: &Value) -> Option<String> {
    v.as_str().map(|s| s.as_str().to_string())
}

fn module_dict(module: &Value) -> Option<&ObjRef> {
    match module.obj().map(|o| &**o) {
        Some(Obj::Module { dict, .. }) => Some(dict),
        _ => None,
    }
}

/// The `ImportError` (or subclass `kind`) with CPython's `name` (and `path`) attributes.
fn import_error(
    ts: &ThreadState,
    kind: ExcKind,
    message: String,
    name: Option<&str>,
    path: Option<&str>,
) -> ObjRef {
    let exc = ts.new_exc(kind, message.clone());
    if let Some(inst) = Value::Obj(exc.clone()).as_instance() {
        inst.set_attr_str("msg", Value::new_str(&message));
        inst.set_attr_str("name", name.map_or(Value::None, Value::new_str));
        inst.set_attr_str("path", path.map_or(Value::None, Value::new_str));
    }
    exc
}

fn not_found(ts: &ThreadState, name: &str, message: String) -> ObjRef {
    import_error(ts, ExcKind::ModuleNotFoundError, message, Some(name), None)
}

/// The package a module's globals import relative to (CPython's `_calc___package__`).
fn package_of(globals: &ObjRef) -> Option<String> {
    if let Some(p) = dict_get(globals, &Value::new_str("__package__")).and_then(|p| str_value(&p)) {
        return Some(p);
    }
    let name = dict_get(globals, &Value::new_str("__name__")).and_then(|n| str_value(&n))?;
    if dict_get(globals, &Value::new_str("__path__")).is_some() {
        Some(name)
    } else {
        Some(name.rsplit_once('.').map_or("", |(p, _)| p).to_string())
    }
}

/// The absolute name of `name` imported at `level` from `package` (`_resolve_name`).
fn resolve_name(
    ts: &ThreadState,
    name: &str,
    package: Option<&str>,
    level: usize,
) -> PyResult<String> {
    if level == 0 {
        if name.is_empty() {
            return Err(ts.value_error("Empty module name"));
        }
        return Ok(name.to_string());
    }
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => {
            return Err(import_error(
                ts,
                ExcKind::ImportError,
                "attempted relative import with no known parent package".into(),
                None,
                None,
            ))
        }
    };
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(import_error(
            ts,
            ExcKind::ImportError,
            "attempted relative import beyond top-level package".into(),
            None,
            None,
        ));
    }
    let base = bits[bits.len() - 1];
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// The eval loop's `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`, the
/// builtins' `__import__` (a script may replace it; the built-in one is run directly).
#[inline(never)]
pub fn import_name(
    ts: &mut ThreadState,
    globals: &ObjRef,
    name: &Value,
    fromlist: &Value,
    level: &Value,
) -> PyResult {
    match dict_get(&ts.rt.builtins, &Value::new_str("__import__")) {
        None => Err(import_error(
            ts,
            ExcKind::ImportError,
            "__import__ not found".into(),
            None,
            None,
        )),
        Some(hook) if is_builtin_import(&hook) => {
            builtin_import_name(ts, globals, name, fromlist, level)
        }
        Some(hook) => {
            let args = [
                name.clone(),
                Value::Obj(globals.clone()),
                Value::None,
                fromlist.clone(),
                level.clone(),
            ];
            crate::protocol::call::call_value(ts, &hook, &args, &[])
        }
    }
}

/// Whether `hook` is the built-in `__import__` (`builtin_import`).
fn is_builtin_import(hook: &Value) -> bool {
    let builtin: crate::objects::function::NativeFn = builtin_import;
    matches!(hook.obj().map(|o| &**o), Some(Obj::Native(n)) if std::ptr::fn_addr_eq(n.f, builtin))
}

/// `IMPORT_NAME` through the built-in `__import__`.
fn builtin_import_name(
    ts: &mut ThreadState,
    globals: &ObjRef,
    name: &Value,
    fromlist: &Value,
    level: &Value,
) -> PyResult {
    let name = str_value(name).unwrap_or_default();
    let level = match level {
        Value::Int(i) if *i >= 0 => *i as usize,
        _ => 0,
    };
    let package = if level > 0 { package_of(globals) } else { None };
    import_with(ts, &name, package.as_deref(), fromlist, level)
}

/// `__import__` once the package is known (CPython's `__import__` in `_bootstrap`).
fn import_with(
    ts: &mut ThreadState,
    name: &str,
    package: Option<&str>,
    fromlist: &Value,
    level: usize,
) -> PyResult {
    let absolute = resolve_name(ts, name, package, level)?;
    let module = import_module(ts, &absolute)?;
    let names = fromlist_names(ts, fromlist)?;
    if names.is_empty() {
        if level == 0 {
            let top = name.split('.').next().unwrap_or(name);
            return import_module(ts, top);
        }
        if name.is_empty() {
            return Ok(module);
        }
        let first = name.split('.').next().unwrap_or(name);
        let cut = absolute.len() - (name.len() - first.len());
        return import_module(ts, &absolute[..cut]);
    }
    handle_fromlist(ts, &module, &absolute, &names)?;
    Ok(module)
}

fn fromlist_names(ts: &mut ThreadState, fromlist: &Value) -> PyResult<Vec<String>> {
    if fromlist.is_none() || fromlist.is_null() {
        return Ok(Vec::new());
    }
    let items = crate::protocol::iter::collect(ts, fromlist)?;
    Ok(items.iter().filter_map(str_value).collect())
}

/// `from package import name`: a name the package lacks may be one of its submodules.
fn handle_fromlist(
    ts: &mut ThreadState,
    module: &Value,
    module_name: &str,
    names: &[String],
) -> PyResult<()> {
    let Some(dict) = module_dict(module).cloned() else {
        return Ok(());
    };
    if dict_get(&dict, &Value::new_str("__path__")).is_none() {
        return Ok(());
    }
    for name in names {
        if name == "*" {
            let all = dict_get(&dict, &Value::new_str("__all__"));
            if let Some(all) = all {
                let all = fromlist_names(ts, &all)?;
                handle_fromlist(ts, module, module_name, &all)?;
            }
            continue;
        }
        if dict_get(&dict, &Value::new_str(name)).is_some() {
            continue;
        }
        let sub = format!("{module_name}.{name}");
        if let Err(e) = import_module(ts, &sub) {
            // A missing submodule is reported by `IMPORT_FROM` ("cannot import name").
            let missing = ts.exc_matches(&e, ExcKind::ModuleNotFoundError)
                && error_name(&e).as_deref() == Some(sub.as_str());
            if !missing {
                return Err(e);
            }
        }
    }
    Ok(())
}

fn error_name(exc: &ObjRef) -> Option<String> {
    let inst = Value::Obj(exc.clone());
    let inst = inst.as_instance()?;
    let name = inst.attr_str("name")?;
    str_value(&name)
}

/// Imports the module with the absolute dotted name `name` (and its parents), returning it
/// (CPython's `_gcd_import`).
#[inline(never)]
pub fn import_module(ts: &mut ThreadState, name: &str) -> PyResult {
    let key = Value::new_str(name);
    if let Some(m) = dict_get(&ts.rt.sys_modules, &key) {
        if !m.is_none() {
            return Ok(m);
        }
    }
    let (search, parent) = match name.rsplit_once('.') {
        Some((parent, child)) => {
            let parent_module = import_module(ts, parent)?;
            // Importing the parent may have imported this module too.
            if let Some(m) = dict_get(&ts.rt.sys_modules, &key) {
                return Ok(m);
            }
            if is_embedded(name) {
                let module = crate::stdlib::create(ts, name).unwrap_or(Ok(Value::None))?;
                store_dict(&ts.rt.sys_modules, &key, module.clone());
                crate::protocol::attr::set_attr(
                    ts,
                    &parent_module,
                    &Value::new_str(child),
                    module.clone(),
                )?;
                return Ok(module);
            }
            let path =
                module_dict(&parent_module).and_then(|d| dict_get(d, &Value::new_str("__path__")));
            let Some(path) = path else {
                return Err(not_found(
                    ts,
                    name,
                    format!("No module named '{name}'; '{parent}' is not a package"),
                ));
            };
            let dirs = path_entries(ts, &path)?;
            (
                Search::Package(dirs),
                Some((parent_module, child.to_string())),
            )
        }
        None => (Search::Top, None),
    };
    let leaf = name.rsplit('.').next().unwrap_or(name);
    let module = match find(ts, leaf, search)? {
        Some(Found::Embedded) => {
            let created = crate::stdlib::create(ts, name)
                .unwrap_or_else(|| Err(not_found(ts, name, format!("No module named '{name}'"))))?;
            store_dict(&ts.rt.sys_modules, &key, created.clone());
            created
        }
        Some(Found::Source { file, package_dir }) => load_source(ts, name, &file, package_dir)?,
        Some(Found::Namespace(dirs)) => {
            let (module, dict) = new_module(name);
            let dirs = dirs.iter().map(|d| path_value(d)).collect();
            store_dict(&dict, &Value::new_str("__path__"), Value::new_list(dirs));
            store_dict(&dict, &Value::new_str("__package__"), Value::new_str(name));
            store_dict(&dict, &Value::new_str("__file__"), Value::None);
            store_dict(&ts.rt.sys_modules, &key, module.clone());
            module
        }
        None => {
            return Err(not_found(ts, name, format!("No module named '{name}'")));
        }
    };
    if let Some((parent, child)) = parent {
        crate::protocol::attr::set_attr(ts, &parent, &Value::new_str(&child), module.clone())?;
    }
    Ok(module)
}

enum Search {
    /// A top-level module: built-ins, then `sys.path`.
    Top,
    /// A submodule: the directories of its package's `__path__`.
    Package(Vec<PathBuf>),
}

enum Found {
    /// A module of the embedded standard library.
    Embedded,
    /// `NAME.py`, or `NAME/__init__.py` for a package (whose directory is `package_dir`).
    Source {
        file: PathBuf,
        package_dir: Option<PathBuf>,
    },
    /// A directory without `__init__.py` on the path (PEP 420): the directories found.
    Namespace(Vec<PathBuf>),
}

fn path_value(p: &Path) -> Value {
    Value::new_str(p.to_string_lossy())
}

/// The directories of a list of path strings (`sys.path`, a package's `__path__`); `''` is
/// the current directory, and other values are skipped as CPython skips them.
fn path_entries(ts: &mut ThreadState, list: &Value) -> PyResult<Vec<PathBuf>> {
    let items = crate::protocol::iter::collect(ts, list)?;
    Ok(items
        .iter()
        .filter_map(str_value)
        .map(|s| {
            if s.is_empty() {
                PathBuf::from(".")
            } else {
                PathBuf::from(s)
            }
        })
        .collect())
}

/// The current `sys.path` (the `sys` module is created if no code imported it yet).
fn sys_path(ts: &mut ThreadState) -> PyResult<Vec<PathBuf>> {
    let sys = import_module(ts, "sys")?;
    let path = module_dict(&sys).and_then(|d| dict_get(d, &Value::new_str("path")));
    match path {
        Some(p) => path_entries(ts, &p),
        None => Ok(Vec::new()),
    }
}

/// The built-in modules gilvm has (`sys.builtin_module_names`).
pub fn built_in_names() -> impl Iterator<Item = &'static str> {
    BUILT_IN_FIRST.iter().copied().filter(|n| is_embedded(n))
}

fn is_embedded(name: &str) -> bool {
    name == "builtins" || crate::stdlib::find(name).is_some()
}

fn find(ts: &mut ThreadState, leaf: &str, search: Search) -> PyResult<Option<Found>> {
    let top = matches!(search, Search::Top);
    let dirs = match search {
        Search::Top => {
            if BUILT_IN_FIRST.contains(&leaf) && is_embedded(leaf) {
                return Ok(Some(Found::Embedded));
            }
            sys_path(ts)?
        }
        Search::Package(dirs) => dirs,
    };
    let mut namespace = Vec::new();
    let mut saw_stdlib = false;
    for dir in &dirs {
        if dir.as_os_str() == STDLIB_ENTRY {
            saw_stdlib = true;
            if top && is_embedded(leaf) {
                return Ok(Some(Found::Embedded));
            }
            continue;
        }
        let package = dir.join(leaf);
        let init = package.join("__init__.py");
        if init.is_file() {
            return Ok(Some(Found::Source {
                file: init,
                package_dir: Some(package),
            }));
        }
        let file = dir.join(format!("{leaf}.py"));
        if file.is_file() {
            return Ok(Some(Found::Source {
                file,
                package_dir: None,
            }));
        }
        if package.is_dir() {
            namespace.push(package);
        }
    }
    if !namespace.is_empty() {
        return Ok(Some(Found::Namespace(namespace)));
    }
    // A `sys.path` without the standard library's entry still finds it, last.
    if top && !saw_stdlib && is_embedded(leaf) {
        return Ok(Some(Found::Embedded));
    }
    Ok(None)
}

/// Compiles and runs a module's source file; the module is in `sys.modules` while its body
/// runs (so circular imports see it partially initialized) and removed if the body fails.
fn load_source(
    ts: &mut ThreadState,
    name: &str,
    path: &Path,
    package_dir: Option<PathBuf>,
) -> PyResult {
    let filename = path.to_string_lossy().to_string();
    crate::interp::sandbox::check_module_file(ts, path)?;
    let source = std::fs::read_to_string(path).map_err(|e| {
        import_error(
            ts,
            ExcKind::ImportError,
            format!("cannot read '{filename}': {e}"),
            Some(name),
            Some(&filename),
        )
    })?;
    let code = (ts.rt.compile)(&source, &filename)
        .map_err(|e| syntax_error(ts, &e, &filename, &source, Mode::Exec))?;
    ts.rt
        .sources
        .borrow_mut()
        .insert(filename.clone(), source.into());
    let (module, dict) = new_module(name);
    let put = |k: &str, v: Value| store_dict(&dict, &Value::new_str(k), v);
    put("__file__", Value::new_str(&filename));
    match &package_dir {
        Some(dir) => {
            put("__package__", Value::new_str(name));
            put("__path__", Value::new_list(vec![path_value(dir)]));
        }
        None => put(
            "__package__",
            Value::new_str(name.rsplit_once('.').map_or("", |(p, _)| p)),
        ),
    }
    put("__builtins__", Value::Obj(ts.rt.builtins.clone()));
    let key = Value::new_str(name);
    store_dict(&ts.rt.sys_modules, &key, module.clone());
    ts.rt.initializing.borrow_mut().push(name.to_string());
    let result = run_module_code(ts, code, &dict);
    {
        let mut initializing = ts.rt.initializing.borrow_mut();
        if let Some(i) = initializing.iter().rposition(|n| n == name) {
            initializing.remove(i);
        }
    }
    if let Err(e) = result {
        if let Obj::Dict(d) = &*ts.rt.sys_modules {
            d.borrow_mut().remove(&key);
        }
        return Err(e);
    }
    // The module may have replaced itself in `sys.modules`.
    Ok(dict_get(&ts.rt.sys_modules, &key).unwrap_or(module))
}

/// The eval loop's `IMPORT_FROM`: an attribute of the module, else its submodule of that name
/// if already imported (a circular import), else CPython's `ImportError`.
#[inline(never)]
pub fn import_from(ts: &mut ThreadState, module: &Value, name: &Value) -> PyResult {
    let attr = crate::protocol::attr::get_attr(ts, module, name);
    let Err(error) = attr else {
        return attr;
    };
    let n = name.as_str().map_or("", |s| s.as_str()).to_string();
    let Some(dict) = module_dict(module).cloned() else {
        return Err(error);
    };
    let module_name = match dict_get(&dict, &Value::new_str("__name__")).and_then(|v| str_value(&v))
    {
        Some(m) => m,
        None => {
            return Err(import_error(
                ts,
                ExcKind::ImportError,
                format!("cannot import name '{n}' from '<unknown module name>' (unknown location)"),
                None,
                None,
            ))
        }
    };
    if let Some(sub) = dict_get(
        &ts.rt.sys_modules,
        &Value::new_str(format!("{module_name}.{n}")),
    ) {
        return Ok(sub);
    }
    let file = dict_get(&dict, &Value::new_str("__file__")).and_then(|f| str_value(&f));
    let location = file.clone().unwrap_or_else(|| "unknown location".into());
    let initializing = ts.rt.initializing.borrow().contains(&module_name);
    let message = if initializing {
        format!(
            "cannot import name '{n}' from partially initialized module '{module_name}' \
             (most likely due to a circular import) ({location})"
        )
    } else {
        format!("cannot import name '{n}' from '{module_name}' ({location})")
    };
    Err(import_error(
        ts,
        ExcKind::ImportError,
        message,
        Some(&module_name),
        file.as_deref(),
    ))
}

#[inline(never)]
pub fn import_star(ts: &mut ThreadState, f: &Frame, module: &Value) -> PyResult<()> {
    let Some(Obj::Module { dict, .. }) = module.obj().map(|o| &**o) else {
        return Err(ts.type_error("import * from a non-module"));
    };
    let target = f.namespace.as_ref().unwrap_or(&f.globals);
    if let Some(all) = dict_get(dict, &Value::new_str("__all__")) {
        for name in fromlist_names(ts, &all)? {
            let key = Value::new_str(&name);
            let v = import_from(ts, module, &key)?;
            store_dict(target, &key, v);
        }
        return Ok(());
    }
    if let Obj::Dict(d) = &**dict {
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            if k.as_str().is_some_and(|s| !s.as_str().starts_with('_')) {
                store_dict(target, &k, v);
            }
        }
    }
    Ok(())
}

/// The builtin `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = args.pos;
    if a.len() > 5 {
        return Err(ts.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            a.len()
        )));
    }
    let arg = |i: usize, kw: &str| a.get(i).or_else(|| args.kw(kw)).cloned();
    let Some(name) = arg(0, "name") else {
        return Err(ts.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = str_value(&name) else {
        let t = crate::object::class_of::type_name(ts, &name);
        return Err(ts.type_error(format!("__import__() argument 1 must be str, not {t}")));
    };
    let level = match arg(4, "level") {
        Some(v) => int_arg(ts, &v)?,
        None => 0,
    };
    if level < 0 {
        return Err(ts.value_error("level must be >= 0"));
    }
    let package = match arg(1, "globals") {
        Some(Value::Obj(g)) if matches!(&*g, Obj::Dict(_)) && level > 0 => package_of(&g),
        _ => None,
    };
    let fromlist = arg(3, "fromlist").unwrap_or(Value::None);
    import_with(ts, &name, package.as_deref(), &fromlist, level as usize)
}

/// `importlib._gcd_import(name, package=None, level=0)`: the module itself, not its top-level
/// package (what `importlib.import_module` returns).
pub fn gcd_import(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_gcd_import", args, 1, 3)?;
    let name = str_value(&a[0]).unwrap_or_default();
    let package = a.get(1).and_then(str_value);
    let level = match a.get(2) {
        Some(v) => int_arg(ts, v)? as usize,
        None => 0,
    };
    let absolute = resolve_name(ts, &name, package.as_deref(), level)?;
    import_module(ts, &absolute)
}

/// `importlib._reload(module)`: runs a source module's file again in its namespace (built-in
/// modules are left as they are).
pub fn reload(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_reload", args, 1, 1)?;
    let Some(dict) = module_dict(&a[0]).cloned() else {
        return Err(ts.type_error("reload() argument must be a module"));
    };
    let file = dict_get(&dict, &Value::new_str("__file__")).and_then(|f| str_value(&f));
    let Some(file) = file else {
        return Ok(a[0].clone());
    };
    crate::interp::sandbox::check_module_file(ts, Path::new(&file))?;
    let source = std::fs::read_to_string(&file)
        .map_err(|e| ts.new_exc(ExcKind::ImportError, format!("cannot read '{file}': {e}")))?;
    let code = (ts.rt.compile)(&source, &file)
        .map_err(|e| syntax_error(ts, &e, &file, &source, Mode::Exec))?;
    ts.rt.sources.borrow_mut().insert(file, source.into());
    run_module_code(ts, code, &dict)?;
    Ok(a[0].clone())
}
