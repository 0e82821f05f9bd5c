//! The native part of `unicodedata`, over the unicode-rs crates' tables: general category
//! (`unicode-general-category`), names (`unicode_names2`), normalization and combining
//! classes (`unicode-normalization`), bidirectional classes (`unicode-bidi`). `unicodedata.py`
//! gives the functions their signatures and defaults. What those crates do not carry comes
//! from CPython 3.11's own database, in the tables `str`'s predicates share
//! (`objects/str/ucd`):
//! `decomposition`, `digit`, `numeric`, `mirrored`, `east_asian_width`, and Unicode 3.2.0's
//! categories, bidirectional classes, widths and mirroring for `ucd_3_2_0`. Not here: name
//! aliases and named sequences in `lookup`.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd, UnicodeNormalization};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{positional, str_arg};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::str::ucd::{self, entry, run_value, tables};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_category", category),
    ("_name", name),
    ("_lookup", lookup),
    ("_normalize", normalize),
    ("_is_normalized", is_normalized),
    ("_combining", combining),
    ("_bidirectional", bidirectional),
    ("_decimal", decimal),
    ("_east_asian_width", east_asian_width),
    ("_mirrored", mirrored),
    ("_decomposition", decomposition),
    ("_digit", digit),
    ("_numeric", numeric),
    ("_old", old_property),
];

/// Sets `unidata_version`: the version of the Unicode Character Database the general
/// categories come from.
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    let (major, minor, patch) = unicode_general_category::UNICODE_VERSION;
    let version = Value::new_str(format!("{major}.{minor}.{patch}"));
    store_dict(dict, &Value::new_str("unidata_version"), version);
    Ok(())
}

/// The one character of `func`'s argument, with CPython's TypeError for anything else.
fn char_arg(ts: &mut ThreadState, func: &str, args: &Args) -> PyResult<char> {
    let a = positional(ts, func, args, 1, 1)?;
    char_of(ts, func, &a[0])
}

/// `v` as one character, with CPython's TypeError for anything else.
fn char_of(ts: &mut ThreadState, func: &str, v: &Value) -> PyResult<char> {
    let mut chars = v.as_str().map(|s| s.as_str().chars());
    match chars.as_mut().map(|c| (c.next(), c.next())) {
        Some((Some(c), None)) => Ok(c),
        _ => Err(ts.type_error(format!(
            "{func}() argument must be a unicode character, not {}",
            type_name(ts, v)
        ))),
    }
}

fn category(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "category", args)?;
    Ok(Value::new_str(ucd::category(c)))
}

/// `_name(chr)`: the character's name, or `None` when it has none.
fn name(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "name", args)?;
    Ok(unicode_names2::name(c).map_or(Value::None, |n| Value::new_str(n.to_string())))
}

/// `_lookup(name)`: the character of that name (any case, as CPython matches), or `None`.
fn lookup(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "lookup", args, 1, 1)?;
    let wanted = str_arg(ts, &a[0], "lookup() argument")?;
    // The crate matches loosely (spaces, `_` and `-` ignored); CPython only ignores case.
    let found = unicode_names2::character(wanted).filter(|&c| {
        unicode_names2::name(c).is_some_and(|n| n.to_string().eq_ignore_ascii_case(wanted))
    });
    Ok(found.map_or(Value::None, |c| Value::new_str(c.to_string())))
}

/// The normal form `form` names, or CPython's ValueError.
fn form_arg(ts: &mut ThreadState, func: &str, args: &Args) -> PyResult<(String, String)> {
    let a = positional(ts, func, args, 2, 2)?;
    let form = str_arg(ts, &a[0], &format!("{func}() argument 1"))?.to_string();
    let text = str_arg(ts, &a[1], &format!("{func}() argument 2"))?.to_string();
    if !matches!(form.as_str(), "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(ts.value_error("invalid normalization form"));
    }
    Ok((form, text))
}

fn normalize(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (form, text) = form_arg(ts, "normalize", args)?;
    let normal: String = match form.as_str() {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        _ => text.nfkd().collect(),
    };
    Ok(Value::new_str(normal))
}

fn is_normalized(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (form, text) = form_arg(ts, "is_normalized", args)?;
    Ok(Value::Bool(match form.as_str() {
        "NFC" => is_nfc(&text),
        "NFD" => is_nfd(&text),
        "NFKC" => is_nfkc(&text),
        _ => is_nfkd(&text),
    }))
}

fn combining(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "combining", args)?;
    Ok(Value::Int(canonical_combining_class(c).into()))
}

/// The bidirectional class's abbreviation (`L`, `AN`…); `""` for an unassigned character, as
/// CPython gives.
fn bidirectional(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "bidirectional", args)?;
    if ucd::category(c) == "Cn" {
        return Ok(Value::new_str(""));
    }
    Ok(Value::new_str(format!("{:?}", unicode_bidi::bidi_class(c))))
}

/// `_decimal(chr)`: the value of a decimal digit (category `Nd`), or `None`.
fn decimal(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "decimal", args)?;
    let value = ucd::is_decimal(c).then(|| ucd::digit_value(c)).flatten();
    Ok(value.map_or(Value::None, |d| Value::Int(d.into())))
}

fn east_asian_width(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "east_asian_width", args)?;
    Ok(Value::new_str(
        tables::WIDTHS[run_value(tables::EAST_ASIAN_WIDTH, c)],
    ))
}

fn mirrored(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "mirrored", args)?;
    Ok(Value::Int(run_value(tables::MIRRORED, c) as i64))
}

fn decomposition(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "decomposition", args)?;
    Ok(Value::new_str(
        entry(tables::DECOMPOSITION, c).unwrap_or(""),
    ))
}

/// `_digit(chr)`: the digit value, or `None`.
fn digit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "digit", args)?;
    Ok(ucd::digit_value(c).map_or(Value::None, |d| Value::Int(d.into())))
}

/// `_numeric(chr)`: the numeric value, or `None`.
fn numeric(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "numeric", args)?;
    Ok(ucd::numeric_value(c).map_or(Value::None, Value::Float))
}

/// `_old(property, chr)`: `chr`'s `category`, `bidirectional`, `east_asian_width` or
/// `mirrored` in Unicode 3.2.0 (`ucd_3_2_0`).
fn old_property(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_old", args, 2, 2)?;
    let property = str_arg(ts, &a[0], "property")?.to_string();
    let c = char_of(ts, &property, &a[1])?;
    Ok(match property.as_str() {
        "category" => Value::new_str(tables::CATEGORIES[run_value(tables::OLD_CATEGORY, c)]),
        "bidirectional" => Value::new_str(tables::BIDI_CLASSES[run_value(tables::OLD_BIDI, c)]),
        "east_asian_width" => {
            Value::new_str(tables::WIDTHS[run_value(tables::OLD_EAST_ASIAN_WIDTH, c)])
        }
        _ => Value::Int(run_value(tables::OLD_MIRRORED, c) as i64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_of_each_kind() {
        assert_eq!(ucd::category('a'), "Ll");
        assert_eq!(ucd::category('A'), "Lu");
        assert_eq!(ucd::category('7'), "Nd");
        assert_eq!(ucd::category('\u{0378}'), "Cn");
    }

    #[test]
    fn runs_and_entries_are_found_at_their_edges() {
        assert_eq!(
            tables::WIDTHS[run_value(tables::EAST_ASIAN_WIDTH, '\u{231a}')],
            "W"
        );
        assert_eq!(
            tables::WIDTHS[run_value(tables::EAST_ASIAN_WIDTH, 'a')],
            "Na"
        );
        assert_eq!(
            tables::WIDTHS[run_value(tables::OLD_EAST_ASIAN_WIDTH, '\u{231a}')],
            "N"
        );
        assert_eq!(run_value(tables::MIRRORED, '('), 1);
        assert_eq!(run_value(tables::MIRRORED, 'a'), 0);
        assert_eq!(entry(tables::DECOMPOSITION, '\u{f951}'), Some("964B"));
        assert_eq!(entry(tables::DECOMPOSITION, 'a'), None);
        assert_eq!(entry(tables::DIGIT, '\u{00b2}'), Some(2));
        assert_eq!(
            tables::CATEGORIES[run_value(tables::OLD_CATEGORY, '\u{e000}')],
            "Co"
        );
        let last = char::from_u32(0x10ffff).unwrap_or_default();
        assert_eq!(
            tables::CATEGORIES[run_value(tables::OLD_CATEGORY, last)],
            "Cn"
        );
    }
}
