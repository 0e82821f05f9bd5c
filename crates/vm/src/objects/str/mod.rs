//! The `str` payload: text indexed by code point. Immutable to Python code; the eval loop
//! may append to one in place only while it holds the sole reference (see [`PyStr::append`]).
//!
//! A Python str is any sequence of code points, lone surrogates (`'\ud800'`, what
//! `surrogateescape` decodes undecodable bytes to) included, which UTF-8 — and so Rust's
//! `str` — cannot hold. A str keeps its text as a `String` in which each lone surrogate
//! stands as U+FFFD, and beside it the list of those surrogates, by byte offset
//! ([`Lone`]); the list is `None` for every str without one, so ordinary text pays one
//! pointer and a `None` test. [`PyStr::as_str`] is that text: right for every str without
//! surrogates, and a safe stand-in (what `'replace'` would give) for the few callers that
//! do not care; what must see surrogates (equality, hashing, ordering, indexing, slicing,
//! iteration, `repr`, `ord`, codecs) goes through [`PyStr::code_points`] and friends.

pub mod concat;
pub mod methods;
pub mod stand_ins;
pub mod surrogates;
pub mod translate;
pub mod ucd;

use std::hash::{Hash, Hasher};

use crate::object::alloc::{self, TooBig};
use crate::object::text::Text;
use crate::object::value::HashCache;
pub use surrogates::Lone;

#[derive(Debug)]
pub struct PyStr {
    /// Inline when short (one allocation per str), else a `String` with room to grow. Each
    /// lone surrogate stands here as U+FFFD.
    text: Text,
    /// Length in code points (equal to the byte length for ASCII text).
    char_len: usize,
    /// The lone surrogates, by the byte offset of their U+FFFD in `text`, ascending; `None`
    /// when there are none (never an empty list, so two equal strs have equal fields).
    lone: Option<Box<[Lone]>>,
    hash: HashCache,
}

/// SipHash of a str's text and surrogates (computed once per str object, see [`PyStr::hash`]).
#[inline(never)]
fn hash_text(text: &str, lone: Option<&[Lone]>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    if let Some(lone) = lone {
        lone.hash(&mut h);
    }
    h.finish()
}

/// A str's list of lone surrogates: `None` for none (never an empty list).
fn lone_list(lone: Vec<Lone>) -> Option<Box<[Lone]>> {
    (!lone.is_empty()).then(|| lone.into_boxed_slice())
}

fn count_chars(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

impl PyStr {
    pub fn new(text: String) -> PyStr {
        PyStr::from_text(Text::from_string(text), None)
    }
    /// The str of a copy of `text` (no allocation besides the object's box when it is short).
    pub fn from_str(text: &str) -> PyStr {
        PyStr::from_text(Text::new(text), None)
    }
    fn from_text(text: Text, lone: Option<Box<[Lone]>>) -> PyStr {
        PyStr {
            char_len: count_chars(&text),
            text,
            lone,
            hash: HashCache::default(),
        }
    }
    /// The str of these code points (each at most 0x10FFFF), lone surrogates included.
    pub fn from_code_points(points: impl IntoIterator<Item = u32>) -> PyStr {
        let mut out = PyStrBuilder::default();
        for p in points {
            out.push_point(p);
        }
        out.finish()
    }
    /// The str of `text` whose U+FFFD at each of `lone`'s offsets (ascending) stands for that
    /// surrogate.
    pub fn with_lone(text: String, lone: Vec<Lone>) -> PyStr {
        PyStr::from_text(Text::from_string(text), lone_list(lone))
    }
    /// `head + tail` as a new string (inline when short, else on the heap with room to grow:
    /// it is usually appended to next, see [`PyStr::append`]); `TooBig` when the machine
    /// cannot hold it.
    pub fn concat(head: &PyStr, tail: &PyStr) -> Result<PyStr, TooBig> {
        let len = head.text.len().checked_add(tail.text.len()).ok_or(TooBig)?;
        let mut text = Text::default();
        text.reserve(len)?;
        text.push_str(&head.text);
        text.push_str(&tail.text);
        Ok(PyStr {
            text,
            char_len: head.char_len + tail.char_len,
            lone: surrogates::joined(head.lone(), head.text.len(), tail.lone()),
            hash: HashCache::default(),
        })
    }
    /// Appends `tail` in place. Only for a string no one else can observe (the caller holds
    /// its only reference): every cached derivative of the text is updated or dropped here.
    pub fn append(&mut self, tail: &PyStr) -> Result<(), TooBig> {
        self.text.reserve(tail.text.len())?;
        if tail.lone.is_some() {
            self.lone = surrogates::joined(self.lone(), self.text.len(), tail.lone());
        }
        self.text.push_str(&tail.text);
        self.char_len += tail.char_len;
        self.hash = HashCache::default();
        Ok(())
    }
    /// `n` copies of this str in a row.
    pub fn repeat(&self, n: usize) -> Result<PyStr, TooBig> {
        let text = alloc::repeat_str(&self.text, n)?;
        let lone = self
            .lone()
            .map(|lone| surrogates::repeated(lone, self.text.len(), n));
        Ok(PyStr::with_lone(text, lone.unwrap_or_default()))
    }
    /// The text, each lone surrogate standing as U+FFFD: exact unless
    /// [`PyStr::has_surrogates`].
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// The bytes its text takes outside the object's box (`sys.getsizeof`).
    pub fn heap_bytes(&self) -> usize {
        self.text.heap_bytes()
    }
    pub fn has_surrogates(&self) -> bool {
        self.lone.is_some()
    }
    fn lone(&self) -> Option<&[Lone]> {
        self.lone.as_deref()
    }
    /// The lone surrogates, by the byte offset of their U+FFFD in [`PyStr::as_str`].
    pub fn surrogates(&self) -> &[Lone] {
        self.lone().unwrap_or(&[])
    }
    /// The text when it holds no lone surrogate, for callers that must not take U+FFFD for one.
    pub fn exact_str(&self) -> Option<&str> {
        (!self.has_surrogates()).then_some(self.text.as_str())
    }
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }
    #[inline]
    pub fn hash(&self) -> u64 {
        self.hash.get_or(|| hash_text(&self.text, self.lone()))
    }
    /// The hash a str of exactly `text` (no lone surrogates) has, without building one.
    pub fn hash_of_text(text: &str) -> u64 {
        hash_text(text, None)
    }
    /// The code point whose UTF-8 starts at byte `at` of the text, and its length there.
    pub fn code_point_at_byte(&self, at: usize) -> Option<(u32, usize)> {
        let c = self.text.get(at..)?.chars().next()?;
        let point = surrogates::find(self.lone(), at).unwrap_or(c as u32);
        Some((point, c.len_utf8()))
    }
    /// The code point at index `i` (already bounds-checked by the caller).
    pub fn code_point_at(&self, i: usize) -> u32 {
        if self.is_ascii() {
            return self.text.as_bytes()[i] as u32;
        }
        let at = self.byte_offset(i);
        self.code_point_at_byte(at).map_or(0, |(p, _)| p)
    }
    /// The code point at index `i` as a char, U+FFFD for a lone surrogate.
    pub fn char_at(&self, i: usize) -> char {
        char::from_u32(self.code_point_at(i)).unwrap_or(char::REPLACEMENT_CHARACTER)
    }
    fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.text.len());
        }
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(at, _)| at)
    }
    /// The code points `[start, end)` as a new string.
    pub fn substring(&self, start: usize, end: usize) -> PyStr {
        let (from, to) = (self.byte_offset(start), self.byte_offset(end));
        let text = Text::new(&self.text[from..to]);
        let lone = self.lone().map(|lone| surrogates::within(lone, from, to));
        PyStr::from_text(text, lone.and_then(lone_list))
    }
    /// Every code point, lone surrogates as themselves.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        let mut lone = self.lone().unwrap_or(&[]).iter().peekable();
        self.text
            .char_indices()
            .map(move |(at, c)| match lone.next_if(|l| l.at() == at) {
                Some(l) => l.point(),
                None => c as u32,
            })
    }
    /// `sub in self`, by code point.
    pub fn contains(&self, sub: &PyStr) -> bool {
        if self.lone.is_none() && sub.lone.is_none() {
            let (hay, needle) = (self.text.as_bytes(), sub.text.as_bytes());
            // One ASCII character (`d in "123456789"`): a byte scan, without a searcher.
            return match needle {
                [byte] => memchr::memchr(*byte, hay).is_some(),
                _ => memchr::memmem::find(hay, needle).is_some(),
            };
        }
        let (hay, needle): (Vec<u32>, Vec<u32>) =
            (self.code_points().collect(), sub.code_points().collect());
        needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
    }
    /// The text in runs without surrogates, each followed by the lone surrogate that ends it
    /// (`None` after the last run).
    pub fn runs(&self) -> impl Iterator<Item = (&str, Option<u32>)> + '_ {
        let lone = self.lone().unwrap_or(&[]);
        let ends = lone.iter().map(|l| (l.at(), Some(l.point())));
        let mut from = 0;
        ends.chain([(self.text.len(), None)])
            .map(move |(at, point)| {
                let run = &self.text[from..at];
                from = at + char::REPLACEMENT_CHARACTER.len_utf8();
                (run, point)
            })
    }
}

/// Builds a str piece by piece, lone surrogates included (what decoders produce).
#[derive(Default)]
pub struct PyStrBuilder {
    text: Text,
    lone: Vec<Lone>,
}

impl PyStrBuilder {
    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }
    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }
    /// One code point (at most 0x10FFFF): a char, or a lone surrogate.
    pub fn push_point(&mut self, p: u32) {
        match char::from_u32(p) {
            Some(c) => self.text.push(c),
            None => {
                self.lone.push(Lone::new(self.text.len(), p));
                self.text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    pub fn finish(self) -> PyStr {
        PyStr::from_text(self.text, lone_list(self.lone))
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        // U+FFFD stands for each surrogate, so equal texts with equal lists are equal strs.
        self.text == other.text && self.lone == other.lone
    }
}

impl Eq for PyStr {}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    /// By code point, as CPython (UTF-8's byte order is code point order).
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        if self.lone.is_none() && other.lone.is_none() {
            return self.text.cmp(&other.text);
        }
        self.code_points().cmp(other.code_points())
    }
}

#[cfg(test)]
mod tests {
    use super::PyStr;

    #[test]
    fn append_updates_length_and_hash() {
        let mut s = PyStr::new("ab".into());
        let stale = s.hash();
        s.append(&PyStr::new("\u{e9}c".into())).expect("fits");
        let fresh = PyStr::new("ab\u{e9}c".into());
        assert_eq!(s.as_str(), "ab\u{e9}c");
        assert_eq!(s.char_len(), 4);
        assert!(!s.is_ascii());
        assert_eq!(s.char_at(2), '\u{e9}');
        assert_ne!(s.hash(), stale);
        assert_eq!(s.hash(), fresh.hash());
    }

    fn points(s: &PyStr) -> Vec<u32> {
        s.code_points().collect()
    }

    #[test]
    fn lone_surrogates_are_code_points_of_their_own() {
        let s = PyStr::from_code_points([0x61, 0xd800, 0xfffd, 0xe9, 0xdfff]);
        assert!(s.has_surrogates() && s.exact_str().is_none());
        assert_eq!(s.char_len(), 5);
        assert_eq!(points(&s), [0x61, 0xd800, 0xfffd, 0xe9, 0xdfff]);
        assert_eq!(s.code_point_at(1), 0xd800);
        assert_eq!(s.code_point_at(2), 0xfffd);
        assert_eq!(points(&s.substring(1, 4)), [0xd800, 0xfffd, 0xe9]);
        assert!(!s.substring(2, 4).has_surrogates());
        let twice = PyStr::concat(&s, &s).expect("fits");
        assert_eq!(points(&twice)[5..], points(&s)[..]);
        assert_eq!(twice, s.repeat(2).expect("fits"));
        let runs: Vec<_> = s.runs().collect();
        assert_eq!(
            runs,
            [
                ("a", Some(0xd800)),
                ("\u{fffd}\u{e9}", Some(0xdfff)),
                ("", None)
            ]
        );
    }

    #[test]
    fn a_surrogate_never_equals_its_stand_in() {
        let lone = PyStr::from_code_points([0xd800]);
        let replacement = PyStr::new("\u{fffd}".into());
        assert_eq!(lone.as_str(), replacement.as_str());
        assert_ne!(lone, replacement);
        assert_ne!(lone.hash(), replacement.hash());
        assert_eq!(lone.cmp(&replacement), std::cmp::Ordering::Less);
        assert_eq!(lone, PyStr::from_code_points([0xd800]));
        assert_eq!(lone.hash(), PyStr::from_code_points([0xd800]).hash());
        let mut grown = PyStr::new("x".into());
        grown.append(&lone).expect("fits");
        assert_eq!(points(&grown), [0x78, 0xd800]);
        assert!(grown.contains(&lone) && !grown.contains(&replacement));
    }
}
