//! The `str` payload: immutable UTF-8 text indexed by code point.

use std::hash::{Hash, Hasher};

use crate::value::HashCache;

pub struct PyStr {
    text: Box<str>,
    /// Length in code points (equal to the byte length for ASCII text).
    char_len: usize,
    hash: HashCache,
}

impl PyStr {
    pub fn new(text: String) -> PyStr {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text: text.into_boxed_str(),
            char_len,
            hash: HashCache::default(),
        }
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
    pub fn hash(&self) -> u64 {
        self.hash.get_or(|| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            self.text.hash(&mut h);
            h.finish()
        })
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
