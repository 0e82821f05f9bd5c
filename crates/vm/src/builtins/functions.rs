//! Built-in functions (`print`, `len`, `min`, `sorted`, ...).

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::iterators::IterState;
use crate::objects::list::sort::sort_values;
use crate::protocol::attr;
use crate::protocol::call::call_value;
use crate::protocol::iter;
use crate::protocol::ops;
use crate::protocol::sequence as seq;
use crate::text::repr::str_of;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr_fn),
    ("ascii", ascii_fn),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("abs", crate::builtins::numeric_functions::abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("reversed", reversed),
    ("iter", iter_fn),
    ("next", next),
    ("any", any),
    ("all", all),
    ("hash", hash),
    ("id", id),
    ("chr", crate::builtins::numeric_functions::chr),
    ("ord", crate::builtins::numeric_functions::ord),
    ("hex", crate::builtins::numeric_functions::hex),
    ("oct", crate::builtins::numeric_functions::oct),
    ("bin", crate::builtins::numeric_functions::bin),
    ("divmod", crate::builtins::numeric_functions::divmod),
    ("pow", crate::builtins::numeric_functions::pow),
    ("round", crate::builtins::numeric_functions::round),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("format", format_fn),
    ("input", input),
];

/// Writes `text` to a file-like object: fast path for `sys.stdout`/`sys.stderr`.
pub fn write_to(ts: &mut ThreadState, file: &Value, text: &str) -> PyResult<()> {
    match crate::stdlib::sys::stream_fd(file) {
        Some(2) => ts.rt.write_stderr(text),
        Some(1) => ts.rt.stdout.borrow_mut().write_str(text),
        _ => {
            let write = attr::get_attr(ts, file, &Value::new_str("write"))?;
            call_value(ts, &write, &[Value::new_str(text)], &[])?;
        }
    }
    Ok(())
}

fn print(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let text_kw = |ts: &mut ThreadState, name: &str, default: &str| -> PyResult<String> {
        match args.kw(name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(ts.type_error(format!(
                    "{name} must be None or a string, not {}",
                    type_name(ts, v)
                ))),
            },
        }
    };
    let sep = text_kw(ts, "sep", " ")?;
    let end = text_kw(ts, "end", "\n")?;
    let mut file = args.kw("file").cloned().unwrap_or(Value::None);
    if file.is_none() {
        // `sys.stdout` as it is now: a script may have replaced it.
        match sys_stdout(ts) {
            Some(Value::None) => return Ok(Value::None),
            Some(f) => file = f,
            None => {}
        }
    }
    let to_stream = file.is_none() || crate::stdlib::sys::stream_fd(&file).is_some();
    let mut pieces = Vec::with_capacity(args.pos.len() * 2);
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone());
        }
        if let (true, Some(s)) = (to_stream, v.as_str().filter(|s| s.has_surrogates())) {
            // What came before is written first, as CPython's buffered stream would.
            write_to_stream(ts, &file, &pieces.concat());
            pieces.clear();
            let stream = crate::stdlib::sys::stream_fd(&file).unwrap_or(1);
            crate::stdlib::sys::write_std(ts, stream, v, s)?;
            continue;
        }
        pieces.push(str_of(ts, v)?);
    }
    pieces.push(end);
    if file.is_none() {
        ts.rt.stdout.borrow_mut().write_str(&pieces.concat());
    } else if crate::stdlib::sys::stream_fd(&file).is_some() {
        write_to(ts, &file, &pieces.concat())?;
    } else {
        // A Python file object sees each piece written separately, as CPython writes them.
        for piece in &pieces {
            write_to(ts, &file, piece)?;
        }
    }
    if args
        .kw("flush")
        .is_some_and(|v| matches!(v, Value::Bool(true)))
    {
        match crate::stdlib::sys::stream_fd(&file) {
            Some(_) => ts.rt.stdout.borrow_mut().flush(),
            None if file.is_none() => ts.rt.stdout.borrow_mut().flush(),
            None => {
                let flush = attr::get_attr(ts, &file, &Value::new_str("flush"))?;
                call_value(ts, &flush, &[], &[])?;
            }
        }
    }
    Ok(Value::None)
}

/// Writes to the standard stream `file` is (`None`: the runtime's stdout).
fn write_to_stream(ts: &mut ThreadState, file: &Value, text: &str) {
    match crate::stdlib::sys::stream_fd(file) {
        Some(2) => ts.rt.write_stderr(text),
        _ => ts.rt.stdout.borrow_mut().write_str(text),
    }
}

/// The current `sys.stdout`, if the `sys` module has one.
fn sys_stdout(ts: &ThreadState) -> Option<Value> {
    let sys = crate::objects::dict::dict_get(&ts.rt.sys_modules, &Value::new_str("sys"))?;
    match sys.obj().map(|o| &**o) {
        Some(Obj::Module { dict, .. }) => {
            crate::objects::dict::dict_get(dict, &Value::new_str("stdout"))
        }
        _ => None,
    }
}

fn len(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "len", args, 1, 1)?;
    Ok(Value::Int(seq::len_of(ts, &a[0])? as i64))
}

fn repr_fn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "repr", args, 1, 1)?;
    crate::text::repr::repr_object(ts, &a[0])
}

fn ascii_fn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "ascii", args, 1, 1)?;
    crate::text::repr::ascii_object(ts, &a[0])
}

fn isinstance(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "isinstance", args, 2, 2)?;
    crate::protocol::isinstance::is_instance(ts, &a[0], &a[1]).map(Value::Bool)
}

fn issubclass(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "issubclass", args, 2, 2)?;
    crate::protocol::isinstance::is_subclass_of(ts, &a[0], &a[1]).map(Value::Bool)
}

fn min_max(ts: &mut ThreadState, args: &Args, name: &str, want_less: bool) -> PyResult {
    let items = match args.pos.len() {
        0 => return Err(ts.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => iter::collect(ts, &args.pos[0])?,
        _ if args.kw("default").is_some() => {
            return Err(ts.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )))
        }
        _ => args.pos.to_vec(),
    };
    let key = args.kw("key").filter(|k| !k.is_none()).cloned();
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => call_value(ts, f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, bk)) => {
                if want_less {
                    ops::less_than(ts, &k, bk)?
                } else {
                    ops::less_than(ts, bk, &k)?
                }
            }
        };
        if better {
            best = Some((item, k));
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match args.kw("default") {
            Some(d) => Ok(d.clone()),
            None => Err(ts.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    min_max(ts, args, "min", true)
}

fn max(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    min_max(ts, args, "max", false)
}

fn sum(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let start = args
        .pos
        .get(1)
        .or(args.kw("start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    if args.pos.is_empty() {
        return Err(ts.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if start.as_str().is_some() {
        return Err(ts.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = iter::get_iter(ts, &args.pos[0])?;
    let mut total = start;
    while let Some(v) = iter::next_value(ts, &it)? {
        total = match (&total, &v) {
            (Value::Int(a), Value::Int(b)) => crate::objects::int::add(*a, *b),
            _ => ops::binary_op(
                ts,
                gilvm_compiler::bytecode::BinaryOperator::Add,
                &total,
                &v,
            )?,
        };
    }
    Ok(total)
}

fn sorted(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    if args.pos.len() != 1 {
        return Err(ts.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut items = iter::collect(ts, &args.pos[0])?;
    let key = args.kw("key").cloned().unwrap_or(Value::None);
    let reverse = match args.kw("reverse") {
        Some(v) => ops::truthy(ts, v)?,
        None => false,
    };
    sort_values(ts, &mut items, &key, reverse)?;
    Ok(Value::new_list(items))
}

fn reversed(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "reversed", args, 1, 1)?;
    if let Some(m) = crate::protocol::class::meta_special(ts, &a[0], Dunder::Reversed) {
        return call_value(ts, &m, &a[..1], &[]);
    }
    if let Some(inst) = a[0].as_instance() {
        if let Some(m) = crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Reversed)
        {
            return call_value(ts, &m, &a[..1], &[]);
        }
        if crate::protocol::class::lookup_special(ts, inst.class(), Dunder::GetItem).is_some() {
            let n = seq::len_of(ts, &a[0])?;
            let mut items = Vec::with_capacity(n);
            for i in (0..n).rev() {
                items.push(crate::protocol::subscript::get_item(
                    ts,
                    &a[0],
                    &Value::Int(i as i64),
                )?);
            }
            return Ok(Value::new_iter(IterState::Snapshot {
                items,
                index: 0,
                kind: TypeId::Reversed,
            }));
        }
    }
    let sequence_like = matches!(
        a[0].obj().map(|o| &**o),
        Some(
            Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Str(_)
                | Obj::Range { .. }
                | Obj::Dict(_)
                | Obj::Bytes(_)
                | Obj::DictView { .. }
        )
    ) || a[0].as_instance().is_some();
    if !sequence_like {
        return Err(ts.type_error(format!(
            "'{}' object is not reversible",
            type_name(ts, &a[0])
        )));
    }
    if let Some(mut state) = a[0].obj().and_then(iter::dict_iter_state) {
        if let IterState::Dict { reversed, .. } = &mut state {
            *reversed = true;
        }
        return Ok(Value::new_iter(state));
    }
    let kind = match a[0].obj().map(|o| &**o) {
        Some(Obj::List(_)) => TypeId::ListReverseIterator,
        Some(Obj::Range { .. }) => TypeId::RangeIterator,
        Some(Obj::Dict(_)) => TypeId::DictKeyIterator,
        _ => TypeId::Reversed,
    };
    let mut items = iter::collect(ts, &a[0])?;
    items.reverse();
    Ok(Value::new_iter(IterState::Snapshot {
        items,
        index: 0,
        kind,
    }))
}

fn iter_fn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "iter", args, 1, 2)?;
    if a.len() == 2 {
        return Ok(Value::new_iter(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        }));
    }
    iter::get_iter(ts, &a[0])
}

fn next(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    use crate::interp::generator::Step;
    let a = positional(ts, "next", args, 1, 2)?;
    // Generators and awaitables finish with a value: `StopIteration(value)`.
    let stepped = match a[0].obj().map(|o| (o, &**o)) {
        Some((_, Obj::Generator(g))) => {
            if g.kind != crate::objects::generator::GenKind::Generator {
                return Err(ts.type_error(format!(
                    "'{}' object is not an iterator",
                    g.kind.type_id().name()
                )));
            }
            Some(crate::interp::generator::yield_from_step(
                ts,
                &a[0],
                Value::None,
            )?)
        }
        Some((o, Obj::Iter(state))) if state.borrow().is_awaitable() => Some(
            crate::interp::coroutine::await_step(ts, &o.clone(), Value::None, None)?,
        ),
        _ => None,
    };
    match stepped {
        Some(Step::Yielded(v)) => return Ok(v),
        Some(Step::Done(v)) => {
            return match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(ts.stop_iteration(v)),
            }
        }
        None => {}
    }
    let is_iterator = match a[0].obj().map(|o| &**o) {
        Some(Obj::Iter(_)) => true,
        Some(Obj::Instance(inst)) => {
            crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Next).is_some()
        }
        _ => false,
    };
    if !is_iterator {
        return Err(ts.type_error(format!(
            "'{}' object is not an iterator",
            type_name(ts, &a[0])
        )));
    }
    match iter::next_value(ts, &a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(ts.stop_iteration(Value::None)),
        },
    }
}

fn any(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "any", args, 1, 1)?;
    let it = iter::get_iter(ts, &a[0])?;
    while let Some(v) = iter::next_value(ts, &it)? {
        if ops::truthy(ts, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "all", args, 1, 1)?;
    let it = iter::get_iter(ts, &a[0])?;
    while let Some(v) = iter::next_value(ts, &it)? {
        if !ops::truthy(ts, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn hash(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "hash", args, 1, 1)?;
    Ok(Value::Int(ops::hash(ts, &a[0])? as i64))
}

fn id(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "id", args, 1, 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Obj(o) => o.id() as i64,
        Value::Int(i) => 0x1000 + i.wrapping_mul(32),
        Value::Bool(b) => 0x100 + *b as i64 * 32,
        Value::Float(f) => f.to_bits() as i64,
        _ => 0x10,
    }))
}

fn callable(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "callable", args, 1, 1)?;
    Ok(Value::Bool(match a[0].obj().map(|o| &**o) {
        Some(Obj::Function(_) | Obj::Native(_) | Obj::BoundMethod { .. } | Obj::Type(_)) => true,
        Some(Obj::Instance(inst)) => {
            crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Call).is_some()
        }
        _ => false,
    }))
}

fn attr_name<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a Value> {
    match v.as_str() {
        Some(_) => Ok(v),
        None => Err(ts.type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(ts, v)
        ))),
    }
}

fn getattr(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getattr", args, 2, 3)?;
    let name = attr_name(ts, &a[1])?;
    match attr::get_attr(ts, &a[0], name) {
        Err(e) if a.len() == 3 && ts.exc_matches(&e, ExcKind::AttributeError) => Ok(a[2].clone()),
        r => r,
    }
}

fn setattr(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setattr", args, 3, 3)?;
    let name = attr_name(ts, &a[1])?;
    attr::set_attr(ts, &a[0], name, a[2].clone())?;
    Ok(Value::None)
}

fn hasattr(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "hasattr", args, 2, 2)?;
    let name = attr_name(ts, &a[1])?;
    match attr::get_attr(ts, &a[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if ts.exc_matches(&e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "delattr", args, 2, 2)?;
    let name = attr_name(ts, &a[1])?;
    attr::del_attr(ts, &a[0], name)?;
    Ok(Value::None)
}

fn format_fn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "format", args, 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => crate::object::args::str_arg(ts, s, "format() argument 2")?.to_string(),
        None => String::new(),
    };
    Ok(Value::new_str(crate::text::format_spec::format_with_spec(
        ts, &a[0], &spec,
    )?))
}

fn input(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "input", args, 0, 1)?;
    if let Some(prompt) = a.first() {
        let p = str_of(ts, prompt)?;
        ts.rt.stdout.borrow_mut().write_str(&p);
    }
    let line = crate::stdlib::sys::stdin::read_line(ts)?;
    match line.strip_suffix('\n') {
        Some(text) => Ok(Value::new_str(text)),
        None if line.is_empty() => Err(ts.new_exc(ExcKind::EOFError, "EOF when reading a line")),
        None => Ok(Value::new_str(line)),
    }
}

pub(crate) fn vars(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let scope = ts.caller_scope.take();
    let a = positional(ts, "vars", args, 0, 1)?;
    if a.is_empty() {
        return Ok(match scope {
            Some((_, locals)) => locals,
            None => crate::builtins::eval::caller_scope(ts).1,
        });
    }
    attr::get_attr(ts, &a[0], &Value::new_str("__dict__"))
        .map_err(|_| ts.type_error("vars() argument must have __dict__ attribute"))
}
