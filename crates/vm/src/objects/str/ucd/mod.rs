//! The Unicode character database as `str`'s predicates read it, CPython's
//! `Objects/unicodectype.c`: what `isdecimal`, `isdigit`, `isnumeric`, `isalpha`, `isalnum`,
//! `isspace` and `isidentifier` ask of one character. General categories, digit and numeric
//! values come from CPython 3.11's own database (Unicode 14.0.0, where the unicode-rs crates
//! are newer), in the tables `make_tables.py` generates (`tables.rs`), which `unicodedata`
//! answers from too, so `"²".isdigit()` and `unicodedata.digit("²")` agree; bidirectional
//! classes come from `unicode-bidi`, identifier classes from `unicode-ident`.

pub mod tables;

/// The two-letter abbreviation of `c`'s general category (`Lu`, `Nd`, `Cn`…).
pub fn category(c: char) -> &'static str {
    tables::CATEGORIES[run_value(tables::CATEGORY, c)]
}

/// A decimal digit (`str.isdecimal`): general category `Nd`.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    category(c) == "Nd"
}

/// A character with a digit value (`str.isdigit`, `unicodedata.digit`): decimals and the
/// likes of `²`.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && digit_value(c).is_some())
}

/// A character with a numeric value (`str.isnumeric`, `unicodedata.numeric`): digits and the
/// likes of `⅓` and `Ⅻ`.
pub fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && numeric_value(c).is_some())
}

/// A letter (`str.isalpha`): general category `Lu`, `Ll`, `Lt`, `Lm` or `Lo`.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(category(c), "Lu" | "Ll" | "Lt" | "Lm" | "Lo")
}

/// `str.isalnum`: a letter or a character with a numeric value.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isspace`: bidirectional class `WS`, `B` or `S`, or general category `Zs` (so the
/// separators `\x1c`–`\x1f` count, which Rust's `White_Space` leaves out).
pub fn is_space(c: char) -> bool {
    use unicode_bidi::BidiClass as B;
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    matches!(unicode_bidi::bidi_class(c), B::WS | B::B | B::S) || category(c) == "Zs"
}

/// `str.isidentifier`: `XID_Start` or `_`, then `XID_Continue` (of the characters Unicode
/// 14.0 assigns: `unicode-ident` knows later ones).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || (unicode_ident::is_xid_start(c) && is_assigned(c)))
        && chars.all(|c| unicode_ident::is_xid_continue(c) && is_assigned(c))
}

/// An uppercase character (`str.isupper`): Rust's `Uppercase`, of Unicode 14.0's characters.
pub fn is_upper(c: char) -> bool {
    c.is_uppercase() && is_assigned(c)
}

/// A lowercase character (`str.islower`): Rust's `Lowercase`, of Unicode 14.0's characters.
pub fn is_lower(c: char) -> bool {
    c.is_lowercase() && is_assigned(c)
}

/// Whether Unicode 14.0 (CPython 3.11's database) assigns `c`.
fn is_assigned(c: char) -> bool {
    c.is_ascii() || category(c) != "Cn"
}

/// The digit value of `c`, if it has one.
pub fn digit_value(c: char) -> Option<u8> {
    entry(tables::DIGIT, c)
}

/// The numeric value of `c`, if it has one.
pub fn numeric_value(c: char) -> Option<f64> {
    entry(tables::NUMERIC, c)
}

/// The value of the run of `runs` that holds `c` (index 0 outside every run).
pub fn run_value(runs: &[(u32, u32, u8)], c: char) -> usize {
    let cp = u32::from(c);
    let i = runs.partition_point(|&(first, _, _)| first <= cp);
    match i.checked_sub(1).map(|i| runs[i]) {
        Some((_, last, v)) if cp <= last => v.into(),
        _ => 0,
    }
}

/// The entry of the table sorted by code point that is about `c`.
pub fn entry<T: Copy>(table: &[(u32, T)], c: char) -> Option<T> {
    let cp = u32::from(c);
    table
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_types_nest_as_in_cpython() {
        assert!(is_decimal('5') && is_digit('5') && is_numeric('5'));
        assert!(!is_decimal('²') && is_digit('²') && is_numeric('²'));
        assert!(!is_digit('⅓') && is_numeric('⅓'));
        assert!(is_decimal('٥') && is_digit('٥'));
        assert!(!is_numeric('a') && !is_digit('x'));
    }

    #[test]
    fn letters_spaces_and_identifiers() {
        assert!(is_alpha('あ') && is_alpha('é') && !is_alpha('\u{345}') && !is_alpha('Ⅻ'));
        assert!(is_alnum('Ⅻ') && is_alnum('²'));
        assert!(is_space('\u{3000}') && is_space('\x1c') && is_space('\u{85}'));
        assert!(!is_space('\u{200b}') && !is_space('a'));
        assert!(is_identifier("_var") && is_identifier("유니코드") && is_identifier("a·b"));
        assert!(!is_identifier("1abc") && !is_identifier("a b") && !is_identifier(""));
    }
}
