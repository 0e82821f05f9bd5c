//! Text conversions: `repr`, `str`, `format(value, spec)` (the format mini-language) and
//! `%`-formatting.

use crate::call::call_value;
use crate::error::{exc_data, ExcKind, PyResult};
use crate::ops::type_name;
use crate::thread::ThreadState;
use crate::types::float::float_repr;
use crate::types::int::to_big;
use crate::types::typeobj::TypeObj;
use crate::value::{Obj, ObjRef, Value};
use crate::{class, iter};

/// `repr()` of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

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
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

pub fn class_display_name(t: &TypeObj) -> String {
    if t.module == "builtins" {
        t.name.clone()
    } else {
        format!("{}.{}", t.module, t.name)
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
fn guarded(
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
        Value::Int(i) => return Ok(i.to_string()),
        Value::Float(f) => return Ok(float_repr(*f)),
        Value::Obj(o) => o,
    };
    Ok(match &**o {
        Obj::Str(s) => str_repr(s.as_str()),
        Obj::Bytes(b) => bytes_repr(b),
        Obj::BigInt(b) => b.to_string(),
        Obj::List(l) => {
            let items = l.borrow().clone();
            guarded(ts, o, |ts| Ok(format!("[{}]", join_reprs(ts, &items)?)))?
                .unwrap_or_else(|| "[...]".into())
        }
        Obj::Tuple(t) => {
            let t = t.clone();
            let inner = guarded(ts, o, |ts| join_reprs(ts, &t))?.unwrap_or_else(|| "...".into());
            if t.len() == 1 {
                format!("({inner},)")
            } else {
                format!("({inner})")
            }
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
        Obj::Set { items, frozen } => {
            let keys: Vec<Value> = items.borrow().keys().cloned().collect();
            let name = if *frozen { "frozenset" } else { "set" };
            if keys.is_empty() {
                format!("{name}()")
            } else {
                let inner = join_reprs(ts, &keys)?;
                if *frozen {
                    format!("frozenset({{{inner}}})")
                } else {
                    format!("{{{inner}}}")
                }
            }
        }
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
        Obj::Function(f) => format!("<function {} at {:#x}>", f.qualname, o.id()),
        Obj::Native(n) if n.this.is_null() => format!("<built-in function {}>", n.name),
        Obj::Native(n) => format!(
            "<built-in method {} of {} object at {:#x}>",
            n.name,
            type_name(ts, &n.this),
            o.id()
        ),
        Obj::BoundMethod { func, this } => {
            let name = match func.obj().map(|f| &**f) {
                Some(Obj::Function(f)) => f.qualname.clone(),
                _ => "?".into(),
            };
            format!("<bound method {name} of {}>", repr(ts, this)?)
        }
        Obj::Type(t) => format!("<class '{}'>", class_display_name(t)),
        Obj::Instance(inst) => return instance_repr(ts, v, o, &inst.class),
        Obj::Cell(_) => format!("<cell at {:#x}>", o.id()),
        Obj::Code(c) => format!("<code object {} at {:#x}>", c.code.name, o.id()),
        Obj::Module { name, .. } => format!("<module '{name}'>"),
        Obj::Iter(state) => format!("<{} object at {:#x}>", state.borrow().type_name(), o.id()),
        Obj::Generator(g) => format!("<generator object {} at {:#x}>", g.qualname, o.id()),
        Obj::Super { .. } => "<super object>".into(),
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
        Obj::Socket(h) => h.repr(),
    })
}

fn instance_repr(ts: &mut ThreadState, v: &Value, o: &ObjRef, class: &ObjRef) -> PyResult<String> {
    if let Some(m) = class::lookup_special(class, "__repr__") {
        let r = call_value(ts, &m, std::slice::from_ref(v), &[])?;
        return match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(ts.type_error(format!(
                "__repr__ returned non-string (type {})",
                type_name(ts, &r)
            ))),
        };
    }
    let Obj::Type(t) = &**class else {
        return Ok("<?>".into());
    };
    if let Some(base) = class::builtin_base(v) {
        return repr(ts, &base);
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
    let class = crate::ops::class_of(ts, v);
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
                if let Some(m) = class::lookup_special(&inst.class, "__str__") {
                    let r = call_value(ts, &m, std::slice::from_ref(v), &[])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => Err(ts.type_error(format!(
                            "__str__ returned non-string (type {})",
                            type_name(ts, &r)
                        ))),
                    };
                }
                if let Some(data) = exc_data(o) {
                    let args = data.borrow().args.clone();
                    let filename = inst.attrs().borrow().get_str("filename").cloned();
                    if let (Some(filename), [errno, strerror]) = (filename, &args[..]) {
                        if ts.exc_matches(o, ExcKind::OSError) && !filename.is_none() {
                            let (errno, strerror) = (str_of(ts, errno)?, str_of(ts, strerror)?);
                            let filename = repr(ts, &filename)?;
                            return Ok(format!("[Errno {errno}] {strerror}: {filename}"));
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

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    s.width = chars[start..i]
        .iter()
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    (i == chars.len()).then_some(s)
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let (int_part, rest) = match digits.find('.') {
        Some(p) => digits.split_at(p),
        None => (digits, ""),
    };
    let mut out = String::new();
    for (n, c) in int_part.chars().enumerate() {
        if n > 0 && (int_part.len() - n) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out + rest
}

/// Applies sign, grouping, zero padding and alignment to a formatted number body.
fn pad_number(spec: &Spec, negative: bool, prefix: &str, body: String) -> String {
    let body = match spec.grouping {
        Some(sep) => group_digits(&body, sep, if prefix.is_empty() { 3 } else { 4 }),
        None => body,
    };
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let head = format!("{sign}{prefix}");
    if spec.zero && spec.align.is_none() {
        let len = head.chars().count() + body.chars().count();
        let zeros = "0".repeat(spec.width.saturating_sub(len));
        return format!("{head}{zeros}{body}");
    }
    align(spec, format!("{head}{body}"), '>', &head)
}

fn align(spec: &Spec, text: String, default: char, sign_prefix: &str) -> String {
    let len = text.chars().count();
    if len >= spec.width {
        return text;
    }
    let fill = spec.fill.unwrap_or(' ');
    let pad = spec.width - len;
    let fill_str = |n: usize| fill.to_string().repeat(n);
    match spec.align.unwrap_or(default) {
        '<' => format!("{text}{}", fill_str(pad)),
        '^' => format!("{}{text}{}", fill_str(pad / 2), fill_str(pad - pad / 2)),
        '=' => format!(
            "{sign_prefix}{}{}",
            fill_str(pad),
            &text[sign_prefix.len()..]
        ),
        _ => format!("{}{text}", fill_str(pad)),
    }
}

/// `%e`-style text with Python's two-digit signed exponent.
pub fn format_exp(x: f64, precision: usize, upper: bool) -> String {
    let s = format!("{:.*e}", precision, x);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mantissa}{e}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// `%g`-style text.
pub fn format_general(x: f64, precision: usize, alternate: bool, upper: bool) -> String {
    if !x.is_finite() {
        return float_special(x, upper);
    }
    let p = precision.max(1);
    if x == 0.0 {
        return if alternate {
            format!("{:.*}", p - 1, x)
        } else if x.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let text = if -4 <= exp && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
    } else {
        format_exp(x, p - 1, upper)
    };
    if alternate {
        return text;
    }
    strip_fraction_zeros(&text)
}

fn strip_fraction_zeros(text: &str) -> String {
    let (num, exp) = match text.find(['e', 'E']) {
        Some(p) => text.split_at(p),
        None => (text, ""),
    };
    let num = if num.contains('.') {
        num.trim_end_matches('0').trim_end_matches('.')
    } else {
        num
    };
    format!("{num}{exp}")
}

fn float_special(x: f64, upper: bool) -> String {
    let s = if x.is_nan() {
        "nan"
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    };
    if upper {
        s.to_uppercase()
    } else {
        s.to_string()
    }
}

fn format_float(ts: &ThreadState, x: f64, spec: &Spec, value: &Value) -> PyResult<String> {
    let kind = spec.kind;
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let body = match kind {
        Some('f') | Some('F') => {
            if a.is_finite() {
                format!("{:.*}", spec.precision.unwrap_or(6), a)
            } else {
                float_special(a, kind == Some('F'))
            }
        }
        Some('e') | Some('E') => {
            if a.is_finite() {
                format_exp(a, spec.precision.unwrap_or(6), kind == Some('E'))
            } else {
                float_special(a, kind == Some('E'))
            }
        }
        Some('g') | Some('G') => format_general(
            a,
            spec.precision.unwrap_or(6),
            spec.alternate,
            kind == Some('G'),
        ),
        Some('%') => {
            if a.is_finite() {
                format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0)
            } else {
                float_special(a, false) + "%"
            }
        }
        None => match spec.precision {
            Some(p) => {
                let s = format_general(a, p, spec.alternate, false);
                if s.contains(['.', 'e', 'n', 'i']) {
                    s
                } else {
                    s + ".0"
                }
            }
            None => float_repr(a),
        },
        Some(c) => {
            return Err(ts.value_error(format!(
                "Unknown format code '{c}' for object of type '{}'",
                type_name(ts, value)
            )))
        }
    };
    Ok(pad_number(spec, neg, "", body))
}

pub fn format_with_spec(ts: &mut ThreadState, v: &Value, spec_text: &str) -> PyResult<String> {
    if let Some(inst) = v.as_instance() {
        if let Some(m) = class::lookup_special(&inst.class, "__format__") {
            let r = call_value(ts, &m, &[v.clone(), Value::new_str(spec_text)], &[])?;
            return str_of(ts, &r);
        }
    }
    if spec_text.is_empty() {
        return str_of(ts, v);
    }
    let Some(spec) = parse_spec(spec_text) else {
        return Err(ts.value_error("Invalid format specifier"));
    };
    match v {
        Value::Float(x) => format_float(ts, *x, &spec, v),
        Value::Int(_) | Value::Bool(_) | Value::Obj(_) if to_big(v).is_some() => {
            let big = to_big(v).unwrap_or_default();
            if matches!(spec.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                let x = crate::types::int::big_to_f64(&big).unwrap_or(f64::INFINITY);
                return format_float(ts, x, &spec, v);
            }
            let neg = big.sign() == num_bigint::Sign::Minus;
            let mag = if neg { -big } else { big };
            let (body, prefix) = match spec.kind {
                None | Some('d') | Some('n') => (mag.to_string(), ""),
                Some('b') => (mag.to_str_radix(2), "0b"),
                Some('o') => (mag.to_str_radix(8), "0o"),
                Some('x') => (mag.to_str_radix(16), "0x"),
                Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X"),
                Some('c') => {
                    let c = num_traits::ToPrimitive::to_u32(&mag)
                        .and_then(char::from_u32)
                        .unwrap_or('\0');
                    return Ok(align(&spec, c.to_string(), '<', ""));
                }
                Some(c) => {
                    return Err(ts.value_error(format!(
                        "Unknown format code '{c}' for object of type '{}'",
                        type_name(ts, v)
                    )))
                }
            };
            Ok(pad_number(
                &spec,
                neg,
                if spec.alternate { prefix } else { "" },
                body,
            ))
        }
        _ => {
            let s = str_of(ts, v)?;
            if let Some(c) = spec.kind.filter(|&c| c != 's') {
                return Err(ts.value_error(format!(
                    "Unknown format code '{c}' for object of type '{}'",
                    type_name(ts, v)
                )));
            }
            let s = match spec.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            Ok(align(&spec, s, '<', ""))
        }
    }
}

/// `fmt % args`.
pub fn percent_format(ts: &mut ThreadState, fmt: &str, args: &Value) -> PyResult<String> {
    let mapping = matches!(args.obj().map(|o| &**o), Some(Obj::Dict(_)));
    let items: Vec<Value> = match args.obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut next = 0;
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut value = None;
        if chars.get(i) == Some(&'(') {
            let end = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
            let Some(end) = end else {
                return Err(ts.value_error("incomplete format key"));
            };
            let key: String = chars[i + 1..end].iter().collect();
            value = Some(crate::subscr::get_item(ts, args, &Value::new_str(key))?);
            i = end + 1;
        }
        let start = i;
        while i < chars.len() && "-+ #0123456789.".contains(chars[i]) {
            i += 1;
        }
        let flags: String = chars[start..i].iter().collect();
        let Some(&kind) = chars.get(i) else {
            return Err(ts.value_error("incomplete format"));
        };
        i += 1;
        if kind == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None => {
                let v = items.get(next).cloned();
                next += 1;
                v.ok_or_else(|| ts.type_error("not enough arguments for format string"))?
            }
        };
        out.push_str(&percent_one(ts, &flags, kind, &v)?);
    }
    if !mapping && next < items.len() {
        return Err(ts.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn percent_one(ts: &mut ThreadState, flags: &str, kind: char, v: &Value) -> PyResult<String> {
    let left = flags.contains('-');
    let zero = flags.contains('0') && !left;
    let digits = flags.trim_start_matches(['-', '+', ' ', '#', '0']);
    let (width, precision) = match digits.split_once('.') {
        Some((w, p)) => (w.parse().unwrap_or(0), Some(p.parse().unwrap_or(0))),
        None => (digits.parse().unwrap_or(0), None),
    };
    let mut spec = String::new();
    if left {
        spec.push('<');
    } else if !zero {
        spec.push('>');
    }
    if flags.contains('+') {
        spec.push('+');
    } else if flags.contains(' ') {
        spec.push(' ');
    }
    if flags.contains('#') {
        spec.push('#');
    }
    if zero {
        spec.push('0');
    }
    if width > 0 {
        spec.push_str(&width.to_string());
    }
    if let Some(p) = precision {
        spec.push_str(&format!(".{p}"));
    }
    match kind {
        's' => {
            let s = str_of(ts, v)?;
            format_with_spec(ts, &Value::new_str(s), &spec)
        }
        'r' | 'a' => {
            let s = repr(ts, v)?;
            format_with_spec(ts, &Value::new_str(s), &spec)
        }
        'd' | 'i' | 'u' => {
            let n = match v {
                Value::Float(f) => Value::Int(f.trunc() as i64),
                _ if to_big(v).is_some() => v.clone(),
                _ => {
                    return Err(ts.type_error(format!(
                        "%{kind} format: a real number is required, not {}",
                        type_name(ts, v)
                    )))
                }
            };
            format_with_spec(ts, &n, &(spec + "d"))
        }
        'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            format_with_spec(ts, v, &format!("{spec}{kind}"))
        }
        'c' => match v {
            Value::Int(_) => format_with_spec(ts, v, &(spec + "c")),
            _ => str_of(ts, v),
        },
        _ => Err(ts.value_error(format!(
            "unsupported format character '{kind}' ({:#x})",
            kind as u32
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_and_exponent_formats() {
        assert_eq!(format_general(1234567.0, 6, false, false), "1.23457e+06");
        assert_eq!(format_general(0.0001, 6, false, false), "0.0001");
        assert_eq!(format_general(2.5, 6, false, false), "2.5");
        assert_eq!(format_exp(12345.678, 2, false), "1.23e+04");
    }

    #[test]
    fn spec_parsing_and_padding() {
        let s = parse_spec("*^10,.2f").expect("valid spec");
        assert_eq!(
            (s.fill, s.align, s.width, s.grouping, s.precision, s.kind),
            (Some('*'), Some('^'), 10, Some(','), Some(2), Some('f'))
        );
        assert_eq!(group_digits("1234567.25", ',', 3), "1,234,567.25");
        assert!(parse_spec("10q!").is_none());
    }

    #[test]
    fn string_reprs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb"), "'a\\nb'");
        assert_eq!(bytes_repr(b"a\x00"), "b'a\\x00'");
    }
}
