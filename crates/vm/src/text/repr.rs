//! `repr`, `str` and `ascii` of any value (a user class's `__repr__`/`__str__`, with the
//! recursion guard for containers that contain themselves). `format(value, spec)` is in
//! [`crate::text::format_spec`], `%`-formatting in [`crate::text::percent`].

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::{exc_data, ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::TypeObj;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::float::float_repr;
use crate::protocol::call::call_value;
use crate::protocol::class;
use crate::protocol::iter;

pub use gilvm_compiler::repr::{code_points_repr, str_repr};

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Escapes non-ASCII characters (`ascii()`).
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n => gilvm_compiler::repr::push_point_escape(&mut out, n),
        }
    }
    out
}

/// A class's module: its `__module__` as it is now (a script may have reassigned it; CPython
/// reads the dict's), else the one it was made in.
pub fn class_module(t: &TypeObj) -> String {
    let dict = t.try_dict().ok();
    match dict
        .as_ref()
        .and_then(|d| d.get_str("__module__")?.as_str())
    {
        Some(m) => m.as_str().to_owned(),
        None => t.module.clone(),
    }
}

pub fn class_display_name(t: &TypeObj) -> String {
    let module = class_module(t);
    if module == "builtins" {
        t.qualname()
    } else {
        format!("{module}.{}", t.qualname())
    }
}

fn join_reprs(ts: &mut ThreadState, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for v in items {
        parts.push(repr(ts, v)?);
    }
    Ok(parts.join(", "))
}

/// Runs `body` with `o` marked as being printed; `None` if it already is (a cycle).
pub fn guarded(
    ts: &mut ThreadState,
    o: &ObjRef,
    body: impl FnOnce(&mut ThreadState) -> PyResult<String>,
) -> PyResult<Option<String>> {
    if ts.repr_stack.contains(&o.id()) {
        return Ok(None);
    }
    ts.enter()?;
    if let Err(e) = ts.enter_native() {
        ts.leave();
        return Err(e);
    }
    ts.repr_stack.push(o.id());
    let r = body(ts);
    ts.repr_stack.pop();
    ts.leave_native();
    ts.leave();
    r.map(Some)
}

pub fn repr(ts: &mut ThreadState, v: &Value) -> PyResult<String> {
    let o = match v {
        Value::Null => return Ok("<NULL>".into()),
        Value::None => return Ok("None".into()),
        Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => return Ok(crate::objects::int::small_int_text(*i)),
        Value::Float(f) => return Ok(float_repr(*f)),
        Value::Obj(o) => o,
    };
    Ok(match &**o {
        Obj::Str(s) => match s.has_surrogates() {
            false => str_repr(s.as_str()),
            true => code_points_repr(&s.code_points().collect::<Vec<_>>()),
        },
        Obj::Bytes(b) => bytes_repr(b),
        Obj::MemoryView(m) => crate::objects::memoryview::methods::repr(o, m),
        Obj::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow())),
        Obj::BigInt(b) => crate::objects::int::decimal_text(ts, b)?,
        Obj::List(l) => {
            let items = l.borrow().clone();
            guarded(ts, o, |ts| Ok(format!("[{}]", join_reprs(ts, &items)?)))?
                .unwrap_or_else(|| "[...]".into())
        }
        Obj::Tuple(t) => {
            let t = t.clone();
            let one = t.len() == 1;
            guarded(ts, o, |ts| {
                let inner = join_reprs(ts, &t)?;
                Ok(if one {
                    format!("({inner},)")
                } else {
                    format!("({inner})")
                })
            })?
            .unwrap_or_else(|| "(...)".into())
        }
        Obj::Dict(d) => {
            let entries: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            guarded(ts, o, |ts| {
                let mut parts = Vec::new();
                for (k, v) in &entries {
                    parts.push(format!("{}: {}", repr(ts, k)?, repr(ts, v)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            })?
            .unwrap_or_else(|| "{...}".into())
        }
        Obj::Set { frozen, .. } => set_repr(ts, o, if *frozen { "frozenset" } else { "set" })?,
        Obj::Range { start, stop, step } => {
            if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Obj::Slice { start, stop, step } => {
            format!(
                "slice({}, {}, {})",
                repr(ts, start)?,
                repr(ts, stop)?,
                repr(ts, step)?
            )
        }
        Obj::Function(f) => format!("<function {} at {:#x}>", f.current_qualname(), o.id()),
        Obj::Native(n) if n.this.is_null() => native_repr(ts, n),
        Obj::Native(n) => format!(
            "<built-in method {} of {} object at {:#x}>",
            n.name,
            type_name(ts, &n.this),
            o.id()
        ),
        Obj::BoundMethod { func, this } => {
            let name = match func.obj().map(|f| &**f) {
                Some(Obj::Function(f)) => f.current_qualname(),
                _ => "?".into(),
            };
            format!("<bound method {name} of {}>", repr(ts, this)?)
        }
        Obj::Type(t) => match class::meta_special(ts, v, Dunder::Repr) {
            Some(m) => {
                let r = call_value(ts, &m, std::slice::from_ref(v), &[])?;
                return Ok(checked_repr_result(ts, r)?.1);
            }
            None => format!("<class '{}'>", class_display_name(t)),
        },
        Obj::Instance(inst) => return instance_repr(ts, v, o, inst.class()),
        Obj::Cell(_) => format!("<cell at {:#x}>", o.id()),
        Obj::Code(c) => format!("<code object {} at {:#x}>", c.code.name, o.id()),
        Obj::Module { name, .. } => format!("<module '{name}'>"),
        Obj::Iter(state) => match tool_repr_parts(&state.borrow()) {
            Some((name, first, second)) => {
                let first = repr(ts, &first)?;
                match second {
                    Some(second) => format!("{name}({first}, {})", repr(ts, &second)?),
                    None => format!("{name}({first})"),
                }
            }
            None => format!("<{} object at {:#x}>", state.borrow().type_name(), o.id()),
        },
        Obj::Generator(g) => format!(
            "<{} object {} at {:#x}>",
            g.kind.type_id().name(),
            g.qualname.as_str().map_or("", |s| s.as_str()),
            o.id()
        ),
        Obj::Super { .. } => "<super object>".into(),
        Obj::Property {
            native: Some(d), ..
        } => crate::objects::descriptors::repr(d),
        Obj::Property { .. } => format!("<property object at {:#x}>", o.id()),
        Obj::ClassMethod(_) => format!("<classmethod object at {:#x}>", o.id()),
        Obj::StaticMethod(_) => format!("<staticmethod object at {:#x}>", o.id()),
        Obj::DictView { dict, kind } => {
            let it = iter::get_iter(
                ts,
                &Value::Obj(ObjRef::new(Obj::DictView {
                    dict: dict.clone(),
                    kind: *kind,
                })),
            )?;
            let mut items = Vec::new();
            while let Some(x) = iter::next_value(ts, &it)? {
                items.push(x);
            }
            format!("{}([{}])", type_name(ts, v), join_reprs(ts, &items)?)
        }
        Obj::NotImplemented => "NotImplemented".into(),
        Obj::Ellipsis => "Ellipsis".into(),
        Obj::Complex(c) => crate::objects::complex::complex_repr(*c),
        Obj::Socket(h) => h.repr(),
        Obj::Handle(h) => h.repr(),
        Obj::Lock(lock) => {
            let state = if lock.borrow().is_locked() {
                "locked"
            } else {
                "unlocked"
            };
            format!("<{state} _thread.lock object at {:#x}>", o.id())
        }
    })
}

/// The text of a str or of an instance of a subclass of str.
fn str_text(v: &Value) -> Option<String> {
    match v.as_str() {
        Some(s) => Some(s.as_str().to_string()),
        None => class::builtin_base(v)?
            .as_str()
            .map(|s| s.as_str().to_string()),
    }
}

/// What a `__repr__` returned (a str, or an instance of a subclass of str, as CPython allows),
/// or the TypeError for anything else.
fn checked_repr_result(ts: &ThreadState, r: Value) -> PyResult<(Value, String)> {
    match str_text(&r) {
        Some(text) => Ok((r, text)),
        None => Err(ts.type_error(format!(
            "__repr__ returned non-string (type {})",
            type_name(ts, &r)
        ))),
    }
}

/// `repr(v)` as an object: what a class's `__repr__` returned, unchanged (a str subclass's
/// instance stays one, as in CPython), else a new str.
pub fn repr_object(ts: &mut ThreadState, v: &Value) -> PyResult<Value> {
    if let Some(inst) = v.as_instance() {
        if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Repr) {
            let r = call_value(ts, &m, std::slice::from_ref(v), &[])?;
            return Ok(checked_repr_result(ts, r)?.0);
        }
    }
    Ok(Value::new_str(repr(ts, v)?))
}

/// `ascii(v)`: the repr unchanged when it is all ASCII (CPython keeps a str subclass's
/// instance then), else a new str with the rest escaped.
pub fn ascii_object(ts: &mut ThreadState, v: &Value) -> PyResult<Value> {
    let r = repr_object(ts, v)?;
    let text = str_text(&r).unwrap_or_default();
    if text.is_ascii() {
        return Ok(r);
    }
    Ok(Value::new_str(ascii(&text)))
}

/// A set's repr under the name of its type: `{1, 2}` for a `set`, `name({1, 2})` for the others
/// (`frozenset`, subclasses), `name()` empty, `name(...)` inside itself.
fn set_repr(ts: &mut ThreadState, o: &ObjRef, name: &str) -> PyResult<String> {
    let Obj::Set { items, .. } = &**o else {
        return Ok(format!("{name}()"));
    };
    let keys: Vec<Value> = items.borrow().keys().cloned().collect();
    if keys.is_empty() {
        return Ok(format!("{name}()"));
    }
    Ok(guarded(ts, o, |ts| {
        let inner = join_reprs(ts, &keys)?;
        Ok(if name == "set" {
            format!("{{{inner}}}")
        } else {
            format!("{name}({{{inner}}})")
        })
    })?
    .unwrap_or_else(|| format!("{name}(...)")))
}

fn instance_repr(ts: &mut ThreadState, v: &Value, o: &ObjRef, class: &Obj) -> PyResult<String> {
    if let Some(m) = class::lookup_special(ts, class, Dunder::Repr) {
        let r = call_value(ts, &m, std::slice::from_ref(v), &[])?;
        return Ok(checked_repr_result(ts, r)?.1);
    }
    let Obj::Type(t) = class else {
        return Ok("<?>".into());
    };
    if let Some(base) = class::builtin_base(v) {
        return match base.obj() {
            Some(set) if matches!(&**set, Obj::Set { .. }) => set_repr(ts, set, &t.name),
            // `bytearray`'s repr names the value's class, as `set`'s does.
            Some(b) if matches!(&**b, Obj::ByteArray(_)) => {
                let text = repr(ts, &base)?;
                Ok(format!("{}{}", t.name, &text["bytearray".len()..]))
            }
            _ => repr(ts, &base),
        };
    }
    if let Some(data) = exc_data(o) {
        let args = data.borrow().args.clone();
        let inner = join_reprs(ts, &args)?;
        return Ok(format!("{}({})", t.name, inner));
    }
    Ok(default_repr(ts, v))
}

/// `<module.Class object at 0x...>`, ignoring any `__repr__` the class defines.
pub fn default_repr(ts: &ThreadState, v: &Value) -> String {
    let class = crate::object::class_of::class_of(ts, v);
    let name = match &*class {
        Obj::Type(t) => class_display_name(t),
        _ => "object".into(),
    };
    let id = v.obj().map_or(0, |o| o.id());
    format!("<{name} object at {id:#x}>")
}

pub fn str_of(ts: &mut ThreadState, v: &Value) -> PyResult<String> {
    if let Value::Obj(o) = v {
        match &**o {
            Obj::Str(s) => return Ok(s.as_str().to_string()),
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Str) {
                    let r = call_value(ts, &m, std::slice::from_ref(v), &[])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => Err(ts.type_error(format!(
                            "__str__ returned non-string (type {})",
                            type_name(ts, &r)
                        ))),
                    };
                }
                // `str.__str__`, inherited: the text itself, whatever `__repr__` says.
                if let Some(text) = class::builtin_base(v).as_ref().and_then(Value::as_str) {
                    return Ok(text.as_str().to_string());
                }
                if let Some(data) = exc_data(o) {
                    let args = data.borrow().args.clone();
                    let filename = inst.attr_str("filename");
                    if let (Some(filename), [errno, strerror]) = (filename, &args[..]) {
                        if ts.exc_matches(o, ExcKind::OSError) && !filename.is_none() {
                            let (errno, strerror) = (str_of(ts, errno)?, str_of(ts, strerror)?);
                            let filename = repr(ts, &filename)?;
                            return Ok(format!("[Errno {errno}] {strerror}: {filename}"));
                        }
                    }
                    if ts.exc_matches(o, ExcKind::SyntaxError) {
                        if let Some(s) = syntax_error_str(ts, inst)? {
                            return Ok(s);
                        }
                    }
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if ts.exc_matches(o, ExcKind::KeyError) => repr(ts, &args[0]),
                        1 => str_of(ts, &args[0]),
                        2..=5 if ts.exc_matches(o, ExcKind::OSError) => Ok(format!(
                            "[Errno {}] {}",
                            str_of(ts, &args[0])?,
                            str_of(ts, &args[1])?
                        )),
                        _ => repr(ts, &Value::new_tuple(args)),
                    };
                }
            }
            _ => {}
        }
    }
    repr(ts, v)
}

/// CPython's `SyntaxError.__str__`: `msg (file, line N)` from its attributes (the file's base
/// name); `None` when it has no `msg` attribute.
fn syntax_error_str(
    ts: &mut ThreadState,
    inst: &crate::object::typeobj::Instance,
) -> PyResult<Option<String>> {
    let (msg, filename, lineno) = (
        inst.attr_str("msg"),
        inst.attr_str("filename"),
        inst.attr_str("lineno"),
    );
    let Some(msg) = msg else { return Ok(None) };
    let msg = str_of(ts, &msg)?;
    let file = filename
        .as_ref()
        .and_then(|f| f.as_str())
        .map(|f| f.as_str().rsplit('/').next().unwrap_or("").to_string());
    let line = match lineno {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    Ok(Some(match (file, line) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    }))
}

/// An unbound built-in: a module's function, or a built-in type's method as its class
/// holds it (`<method 'append' of 'list' objects>`, `<slot wrapper '__add__' of 'int'
/// objects>`; a class-level one is bound to its type).
fn native_repr(ts: &ThreadState, n: &crate::objects::function::NativeFunction) -> String {
    let Some(owner) = n.of_builtin_type.filter(|_| n.is_method) else {
        return format!("<built-in function {}>", n.name);
    };
    if crate::protocol::call::is_class_level(n.name) {
        let id = ts.rt.type_obj(owner).id();
        return format!("<built-in method {} of type object at {id:#x}>", n.name);
    }
    let kind = if crate::objects::slot_wrappers::is_slot_wrapper(owner, n.name) {
        "slot wrapper"
    } else {
        "method"
    };
    format!("<{kind} '{}' of '{}' objects>", n.name, owner.name())
}

/// What `itertools.count` and `repeat` show: `count(start[, step])` (the step unless it is
/// an int equal to 1, `True` too), `repeat(item[, times left])`.
fn tool_repr_parts(
    state: &crate::objects::iterators::IterState,
) -> Option<(&'static str, Value, Option<Value>)> {
    use crate::objects::itertools_state::Tool;
    let crate::objects::iterators::IterState::Tool(tool) = state else {
        return None;
    };
    match &**tool {
        Tool::Count { next, step } => {
            let step = (!matches!(step, Value::Int(1) | Value::Bool(true))).then(|| step.clone());
            Some(("count", next.clone(), step))
        }
        Tool::Repeat { item, left } => {
            Some(("repeat", item.clone(), left.map(|n| Value::Int(n as i64))))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_reprs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb"), "'a\\nb'");
        assert_eq!(bytes_repr(b"a\x00"), "b'a\\x00'");
    }
}
