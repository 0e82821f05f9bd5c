//! The `str` payload: UTF-8 text indexed by code point. Immutable to Python code; the eval loop
//! may append to one in place only while it holds the sole reference (see [`PyStr::append`]).

pub mod concat;
pub mod methods;
pub mod translate;

use std::hash::{Hash, Hasher};

use crate::object::alloc::{self, TooBig};
use crate::object::value::HashCache;

pub struct PyStr {
    /// A `String`, not a `Box<str>`: its spare capacity gives in-place `+=` amortised growth.
    text: String,
    /// Length in code points (equal to the byte length for ASCII text).
    char_len: usize,
    hash: HashCache,
}

/// SipHash of a str's text (computed once per str object, see [`PyStr::hash`]).
#[inline(never)]
fn hash_text(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl PyStr {
    pub fn new(text: String) -> PyStr {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            char_len,
            hash: HashCache::default(),
        }
    }
    /// `head + tail` as a new string, with room to grow (the result is usually appended to
    /// next: see [`PyStr::append`]); `TooBig` when the machine cannot hold it.
    pub fn concat(head: &PyStr, tail: &PyStr) -> Result<PyStr, TooBig> {
        let len = head.text.len().checked_add(tail.text.len()).ok_or(TooBig)?;
        let mut text = alloc::string_with_capacity(len.saturating_mul(2))
            .or_else(|_| alloc::string_with_capacity(len))?;
        text.push_str(&head.text);
        text.push_str(&tail.text);
        Ok(PyStr {
            text,
            char_len: head.char_len + tail.char_len,
            hash: HashCache::default(),
        })
    }
    /// Appends `tail` in place. Only for a string no one else can observe (the caller holds
    /// its only reference): every cached derivative of the text is updated or dropped here.
    pub fn append(&mut self, tail: &PyStr) -> Result<(), TooBig> {
        alloc::reserve_text(&mut self.text, tail.text.len())?;
        self.text.push_str(&tail.text);
        self.char_len += tail.char_len;
        self.hash = HashCache::default();
        Ok(())
    }
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }
    #[inline]
    pub fn hash(&self) -> u64 {
        self.hash.get_or(|| hash_text(&self.text))
    }
    /// The code point at index `i` (already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[i] as char
        } else {
            self.text.chars().nth(i).unwrap_or('\0')
        }
    }
    /// The code points `[start, end)` as a new string.
    pub fn substring(&self, start: usize, end: usize) -> String {
        if self.is_ascii() {
            self.text[start..end].to_string()
        } else {
            self.text.chars().skip(start).take(end - start).collect()
        }
    }
    pub fn chars_vec(&self) -> Vec<char> {
        self.text.chars().collect()
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
}
