//! `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `{!r}`, `{:spec}` and nested
//! fields inside the spec (`{:{w}.{p}f}`), with CPython's error messages.

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::Args;
use crate::text::format_spec::format_with_spec;
use crate::text::repr::{ascii, repr, str_of};

/// How the fields of one format string are numbered; the two styles cannot be mixed.
#[derive(PartialEq)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

struct Renderer<'a> {
    args: &'a Args<'a>,
    numbering: Numbering,
}

/// `str.format(*args, **kwargs)` of `template`.
pub fn format(ts: &mut ThreadState, template: &str, args: &Args) -> PyResult<String> {
    let mut r = Renderer {
        args,
        numbering: Numbering::Unknown,
    };
    r.render(ts, template, 2)
}

/// Splits a field `name!c:spec` into its name, conversion and spec (`[...]` may hold `:`/`!`).
fn split_field(field: &str) -> (&str, Option<&str>, &str) {
    let mut in_index = false;
    for (i, c) in field.char_indices() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            '!' | ':' if !in_index => {
                let name = &field[..i];
                if c == ':' {
                    return (name, None, &field[i + 1..]);
                }
                let after = &field[i + 1..];
                return match after.find(':') {
                    Some(p) => (name, Some(&after[..p]), &after[p + 1..]),
                    None => (name, Some(after), ""),
                };
            }
            _ => {}
        }
    }
    (field, None, "")
}

impl Renderer<'_> {
    fn render(&mut self, ts: &mut ThreadState, s: &str, depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(ts.value_error("Max string recursion exceeded"));
        }
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '}' => return Err(ts.value_error("Single '}' encountered in format string")),
                '{' if chars.peek().is_none() => {
                    return Err(ts.value_error("Single '{' encountered in format string"))
                }
                '{' => {
                    let field = take_field(&mut chars)
                        .ok_or_else(|| ts.value_error("expected '}' before end of string"))?;
                    let text = self.field(ts, &field, depth)?;
                    out.push_str(&text);
                }
                c => out.push(c),
            }
        }
        Ok(out)
    }

    fn field(&mut self, ts: &mut ThreadState, field: &str, depth: u32) -> PyResult<String> {
        let (name, conversion, spec) = split_field(field);
        let value = self.lookup(ts, name)?;
        let value = match conversion {
            Some("r") => Value::new_str(repr(ts, &value)?),
            Some("s") => Value::new_str(str_of(ts, &value)?),
            Some("a") => Value::new_str(ascii(&repr(ts, &value)?)),
            Some(c) if c.chars().count() == 1 => {
                return Err(ts.value_error(format!("Unknown conversion specifier {c}")))
            }
            Some("") => {
                return Err(ts.value_error("end of string while looking for conversion specifier"))
            }
            Some(_) => return Err(ts.value_error("expected ':' after conversion specifier")),
            None => value,
        };
        let spec = if spec.contains('{') {
            self.render(ts, spec, depth - 1)?
        } else {
            spec.to_string()
        };
        format_with_spec(ts, &value, &spec)
    }

    fn positional(&mut self, ts: &ThreadState, first: &str) -> PyResult<Option<usize>> {
        let index = if first.is_empty() {
            match self.numbering {
                Numbering::Manual => return Err(ts.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                Numbering::Auto(n) => n,
                Numbering::Unknown => 0,
            }
        } else if let Ok(i) = first.parse::<usize>() {
            if let Numbering::Auto(_) = self.numbering {
                return Err(ts.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.numbering = Numbering::Manual;
            return Ok(Some(i));
        } else {
            return Ok(None);
        };
        self.numbering = Numbering::Auto(index + 1);
        Ok(Some(index))
    }

    /// The value a field name designates: an argument, then `.attr` and `[key]` steps.
    fn lookup(&mut self, ts: &mut ThreadState, name: &str) -> PyResult<Value> {
        let end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(end);
        let mut value = match self.positional(ts, first)? {
            Some(i) => self.args.pos.get(i).cloned().ok_or_else(|| {
                ts.index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                ))
            })?,
            None => self
                .args
                .kw(first)
                .cloned()
                .ok_or_else(|| ts.key_error(Value::new_str(first)))?,
        };
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                if end == 0 {
                    return Err(ts.value_error("Empty attribute in format string"));
                }
                value = crate::protocol::attr::get_attr(ts, &value, &Value::new_str(&r[..end]))?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r
                    .find(']')
                    .ok_or_else(|| ts.value_error("Missing ']' in format string"))?;
                let key = &r[..end];
                let index = key
                    .parse::<i64>()
                    .map(Value::Int)
                    .unwrap_or_else(|_| Value::new_str(key));
                value = crate::protocol::subscript::get_item(ts, &value, &index)?;
                rest = &r[end + 1..];
            } else {
                return Err(
                    ts.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        Ok(value)
    }
}

/// The text of a replacement field up to its matching `}`; `None` if the string ends first.
fn take_field(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<String> {
    let mut field = String::new();
    let mut depth = 1;
    for c in chars.by_ref() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(field);
                }
            }
            _ => {}
        }
        field.push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::split_field;

    #[test]
    fn fields_split_at_conversion_and_spec() {
        assert_eq!(split_field("0!r:>5"), ("0", Some("r"), ">5"));
        assert_eq!(split_field("x[a:b]:d"), ("x[a:b]", None, "d"));
        assert_eq!(split_field(":{w}.{p}f"), ("", None, "{w}.{p}f"));
    }
}
