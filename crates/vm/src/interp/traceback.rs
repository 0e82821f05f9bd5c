//! CPython-format tracebacks, including chained exceptions and the collapse of repeated
//! frames (`[Previous line repeated N more times]`).

use crate::interp::sandbox::Access;
use gilvm_compiler::bytecode::Location;

use crate::interp::carets::caret_line;
use crate::interp::thread_state::ThreadState;
use crate::object::error::exc_data;
use crate::object::typeobj::TypeObj;
use crate::object::value::{Obj, ObjRef, Value};
use crate::text::repr::str_of;

/// Identical consecutive entries beyond this many are collapsed.
const REPEAT_CUTOFF: usize = 3;

/// The full text CPython prints for an uncaught exception.
pub fn format_exception(ts: &mut ThreadState, exc: &ObjRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(ts, exc, &mut out, &mut seen);
    out
}

fn format_chain(ts: &mut ThreadState, exc: &ObjRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.id());
    if let Some(data) = exc_data(exc) {
        let (cause, context, suppress) = {
            let d = data.borrow();
            (d.cause.clone(), d.context.clone(), d.suppress_context)
        };
        if let Value::Obj(c) = &cause {
            if !seen.contains(&c.id()) {
                format_chain(ts, c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let (Value::Obj(c), false) = (&context, suppress) {
            if !seen.contains(&c.id()) {
                format_chain(ts, c, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    format_single(ts, exc, out);
}

/// The raw text of a source line (read from the file the first time it is needed).
fn source_line(ts: &ThreadState, filename: &str, line: u32) -> Option<String> {
    let sources = ts.rt.sources.borrow();
    let text = match sources.get(filename) {
        Some(t) => t.clone(),
        None => {
            drop(sources);
            let readable = crate::interp::sandbox::check_path(ts, Access::Read, filename);
            readable.ok()?;
            let t: std::rc::Rc<str> = std::fs::read_to_string(filename).ok()?.into();
            ts.rt
                .sources
                .borrow_mut()
                .insert(filename.to_string(), t.clone());
            t
        }
    };
    let l = text.lines().nth((line as usize).checked_sub(1)?)?;
    (!l.trim().is_empty()).then(|| l.to_string())
}

/// One traceback entry: file, line number, function name and the instruction's location.
pub type Entry = (String, u32, String, Location);

/// The entries of `exc`'s traceback, outermost first.
pub fn exception_entries(exc: &ObjRef) -> Vec<Entry> {
    exc_data(exc)
        .map(|d| {
            d.borrow()
                .traceback
                .iter()
                .rev()
                .map(|(code, ip, _)| entry(code, *ip))
                .collect()
        })
        .unwrap_or_default()
}

/// The entry of instruction `ip` of `code`.
pub fn entry(code: &crate::objects::code::CodeInfo, ip: usize) -> Entry {
    (
        code.code.filename.to_string(),
        code.line_of(ip),
        code.code.name.to_string(),
        code.code.locations.get(ip).copied().unwrap_or_default(),
    )
}

/// The stripped source line of an entry and its caret line, as a traceback prints them.
pub fn entry_source(ts: &ThreadState, entry: &Entry) -> Option<(String, Option<String>)> {
    let (file, line, _, loc) = entry;
    let text = source_line(ts, file, *line)?;
    Some((text.trim().to_string(), caret_line(&text, *loc)))
}

fn format_single(ts: &mut ThreadState, exc: &ObjRef, out: &mut String) {
    format_traceback(ts, exc, out);
    out.push_str(&exception_only(ts, exc));
}

/// The "Traceback (most recent call last):" part of `exc`'s report (nothing if it has no
/// entries), without the exception's own line.
pub fn format_traceback(ts: &mut ThreadState, exc: &ObjRef, out: &mut String) {
    format_entries(ts, &exception_entries(exc), out);
}

/// The "Traceback (most recent call last):" part for `entries` (outermost first).
pub fn format_entries(ts: &mut ThreadState, entries: &[Entry], out: &mut String) {
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    let mut last: Option<(&str, u32, &str)> = None;
    let mut repeats = 0;
    for e in entries {
        let (file, line, name, _) = e;
        let key = (file.as_str(), *line, name.as_str());
        if last == Some(key) {
            repeats += 1;
        } else {
            flush_repeats(out, repeats);
            repeats = 0;
        }
        last = Some(key);
        if repeats >= REPEAT_CUTOFF {
            continue;
        }
        out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
        if let Some((text, carets)) = entry_source(ts, e) {
            out.push_str(&format!("    {text}\n"));
            if let Some(carets) = carets {
                out.push_str(&carets);
                out.push('\n');
            }
        }
    }
    flush_repeats(out, repeats);
}

/// The last part of a report: `Type: message`, or a `SyntaxError`'s located report.
pub fn exception_only(ts: &mut ThreadState, exc: &ObjRef) -> String {
    syntax_error_report(ts, exc).unwrap_or_else(|| exception_line(ts, exc))
}

/// A `SyntaxError` with a location prints as CPython's report: the file and line, the text
/// with its caret range, then `SyntaxError: msg` (without the location `str()` adds).
fn syntax_error_report(ts: &mut ThreadState, exc: &ObjRef) -> Option<String> {
    if !ts.exc_matches(exc, crate::object::error::ExcKind::SyntaxError) {
        return None;
    }
    let Obj::Instance(inst) = &**exc else {
        return None;
    };
    let get = |name: &str| inst.attr_str(name);
    let int = |v: Option<Value>| match v {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    let msg = get("msg")?;
    let filename = get("filename")?.as_str()?.as_str().to_string();
    let line = int(get("lineno"))?;
    let offset = int(get("offset")).unwrap_or(0);
    let end_line = int(get("end_lineno")).unwrap_or(line);
    let end_offset = int(get("end_offset")).unwrap_or(offset + 1);
    let name = exception_line(ts, exc);
    let name = name
        .split(':')
        .next()
        .unwrap_or("SyntaxError")
        .trim_end()
        .to_string();
    let msg = str_of(ts, &msg).ok()?;
    let kind = match name.as_str() {
        "IndentationError" => gilvm_syntax::SyntaxErrorKind::IndentationError,
        "TabError" => gilvm_syntax::SyntaxErrorKind::TabError,
        _ => gilvm_syntax::SyntaxErrorKind::SyntaxError,
    };
    let err = gilvm_syntax::SyntaxError {
        kind,
        message: msg.clone(),
        line: 1,
        column: offset.max(0) as u32,
        end_line: (end_line - line + 1).max(1) as u32,
        end_column: end_offset.max(0) as u32,
    };
    let text = match get("text") {
        Some(t) => t.as_str().map(|s| s.as_str().to_string()),
        None => None,
    };
    let mut out = format!("  File \"{filename}\", line {line}\n");
    if let Some(text) = text {
        let report = err.report(&filename, &text);
        if let Some((_, rest)) = report.split_once('\n') {
            out.push_str(rest);
            return Some(out);
        }
    }
    out.push_str(&format!("{name}: {msg}\n"));
    Some(out)
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= REPEAT_CUTOFF {
        let n = repeats - REPEAT_CUTOFF + 1;
        let s = if n == 1 { "" } else { "s" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

/// `ExcType: message` (or just `ExcType`), with the module prefix for user classes outside
/// `__main__`.
pub fn exception_line(ts: &mut ThreadState, exc: &ObjRef) -> String {
    let name = match &**exc {
        Obj::Instance(inst) => match inst.class() {
            Obj::Type(t) => qualified_name(t),
            _ => "?".into(),
        },
        _ => "?".into(),
    };
    let message =
        str_of(ts, &Value::Obj(exc.clone())).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {message}\n")
    }
}

fn qualified_name(t: &TypeObj) -> String {
    let module = crate::text::repr::class_module(t);
    if module == "builtins" || module == "__main__" {
        t.name.clone()
    } else {
        format!("{module}.{}", t.name)
    }
}
