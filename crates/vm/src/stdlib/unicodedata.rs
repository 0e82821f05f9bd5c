//! The native part of `unicodedata`, over the unicode-rs crates' tables: general category
//! (`unicode-general-category`), names (`unicode_names2`), normalization and combining
//! classes (`unicode-normalization`), bidirectional classes (`unicode-bidi`). `unicodedata.py`
//! gives the functions their signatures and defaults. Not here, for want of data in those
//! crates: `decomposition`, `digit`, `numeric`, `mirrored`, `east_asian_width`, name aliases
//! and named sequences in `lookup`, and the `ucd_3_2_0` database.

use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd, UnicodeNormalization};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{positional, str_arg};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_category", category),
    ("_name", name),
    ("_lookup", lookup),
    ("_normalize", normalize),
    ("_is_normalized", is_normalized),
    ("_combining", combining),
    ("_bidirectional", bidirectional),
    ("_decimal", decimal),
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
    let mut chars = a[0].as_str().map(|s| s.as_str().chars());
    match chars.as_mut().map(|c| (c.next(), c.next())) {
        Some((Some(c), None)) => Ok(c),
        _ => Err(ts.type_error(format!(
            "{func}() argument must be a unicode character, not {}",
            type_name(ts, &a[0])
        ))),
    }
}

/// The two-letter abbreviation of `c`'s general category (`Lu`, `Nd`, `Cn`…).
fn category_code(c: char) -> &'static str {
    match get_general_category(c) {
        G::UppercaseLetter => "Lu",
        G::LowercaseLetter => "Ll",
        G::TitlecaseLetter => "Lt",
        G::ModifierLetter => "Lm",
        G::OtherLetter => "Lo",
        G::NonspacingMark => "Mn",
        G::SpacingMark => "Mc",
        G::EnclosingMark => "Me",
        G::DecimalNumber => "Nd",
        G::LetterNumber => "Nl",
        G::OtherNumber => "No",
        G::ConnectorPunctuation => "Pc",
        G::DashPunctuation => "Pd",
        G::OpenPunctuation => "Ps",
        G::ClosePunctuation => "Pe",
        G::InitialPunctuation => "Pi",
        G::FinalPunctuation => "Pf",
        G::OtherPunctuation => "Po",
        G::MathSymbol => "Sm",
        G::CurrencySymbol => "Sc",
        G::ModifierSymbol => "Sk",
        G::OtherSymbol => "So",
        G::SpaceSeparator => "Zs",
        G::LineSeparator => "Zl",
        G::ParagraphSeparator => "Zp",
        G::Control => "Cc",
        G::Format => "Cf",
        G::Surrogate => "Cs",
        G::PrivateUse => "Co",
        // Unassigned (the crate's enum is non-exhaustive).
        _ => "Cn",
    }
}

fn category(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "category", args)?;
    Ok(Value::new_str(category_code(c)))
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
    if get_general_category(c) == G::Unassigned {
        return Ok(Value::new_str(""));
    }
    Ok(Value::new_str(format!("{:?}", unicode_bidi::bidi_class(c))))
}

/// `_decimal(chr)`: the value of a decimal digit (category `Nd`), or `None`. Unicode assigns
/// decimal digits in runs of ten from 0 to 9, so the value is the distance from the run's
/// start, mod 10 (runs of mathematical digits follow one another).
fn decimal(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let c = char_arg(ts, "decimal", args)?;
    if get_general_category(c) != G::DecimalNumber {
        return Ok(Value::None);
    }
    let start = (0..u32::from(c))
        .rev()
        .take_while(|&p| {
            char::from_u32(p).is_some_and(|d| get_general_category(d) == G::DecimalNumber)
        })
        .count();
    Ok(Value::Int((start % 10) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_of_each_kind() {
        assert_eq!(category_code('a'), "Ll");
        assert_eq!(category_code('A'), "Lu");
        assert_eq!(category_code('7'), "Nd");
        assert_eq!(category_code('\u{0378}'), "Cn");
    }
}
