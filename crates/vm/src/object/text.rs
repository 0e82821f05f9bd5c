//! The text of a str: up to [`INLINE`] bytes inside the object's own box, longer text in a
//! heap `String`. Most strs (names, keys, numbers, words) are short, so a str is then one
//! allocation, the box: the `str` payload is as large as `Obj`'s largest variant anyway, so
//! the inline bytes cost no memory.
//!
//! Invariant (what the `unsafe` block relies on): `bytes[..len]` of an inline text is always
//! valid UTF-8 — it is only ever written by copying whole `&str`s one after another — and
//! `len <= INLINE`.

use crate::object::alloc::{self, TooBig};

/// The most bytes of text kept inline (the rest of the 48-byte payload: a tag and a length).
pub const INLINE: usize = 46;

/// Private, so that only this module writes the inline bytes (the invariant above).
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    /// A `String`, not a `Box<str>`: its spare capacity gives in-place `+=` amortised growth.
    Heap(String),
}

impl Default for Text {
    fn default() -> Text {
        Text(Repr::Inline {
            len: 0,
            bytes: [0; INLINE],
        })
    }
}

impl Text {
    /// A copy of `s`.
    pub fn new(s: &str) -> Text {
        let mut text = Text::default();
        if !text.push_inline(s) {
            text = Text(Repr::Heap(s.to_owned()));
        }
        text
    }
    /// `s` itself when it is long (keeping its capacity), else its bytes inline.
    pub fn from_string(s: String) -> Text {
        if s.len() <= INLINE {
            Text::new(&s)
        } else {
            Text(Repr::Heap(s))
        }
    }
    /// An empty text with room for `bytes` bytes (inline when they fit).
    pub fn with_capacity(bytes: usize) -> Result<Text, TooBig> {
        if bytes <= INLINE {
            return Ok(Text::default());
        }
        alloc::string_with_capacity(bytes).map(|s| Text(Repr::Heap(s)))
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let used = &bytes[..*len as usize];
                debug_assert!(std::str::from_utf8(used).is_ok());
                // SAFETY: `bytes[..len]` is a concatenation of whole `&str`s (module
                // invariant), so it is valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(used) }
            }
            Repr::Heap(s) => s,
        }
    }
    /// The bytes of the heap allocation (0 for inline text: it is part of the box).
    pub fn heap_bytes(&self) -> usize {
        match &self.0 {
            Repr::Inline { .. } => 0,
            Repr::Heap(s) => s.capacity(),
        }
    }
    /// Makes room for `additional` more bytes: a text that outgrows the inline bytes moves to
    /// the heap with room to double (it is usually appended to again: `s += t` in a loop).
    pub fn reserve(&mut self, additional: usize) -> Result<(), TooBig> {
        match &mut self.0 {
            Repr::Heap(s) => alloc::reserve_text(s, additional),
            Repr::Inline { len, .. } => {
                let len = *len as usize;
                let needed = len.checked_add(additional).ok_or(TooBig)?;
                if needed > INLINE {
                    let mut heap = alloc::string_with_capacity(needed.max(2 * INLINE))
                        .or_else(|_| alloc::string_with_capacity(needed))?;
                    heap.push_str(self.as_str());
                    self.0 = Repr::Heap(heap);
                }
                Ok(())
            }
        }
    }
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        if !self.push_inline(s) {
            self.moved_to_heap(s.len()).push_str(s);
        }
    }
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
    /// Appends `s` inside the inline bytes; false (touching nothing) when it does not fit or
    /// the text is on the heap.
    #[inline]
    fn push_inline(&mut self, s: &str) -> bool {
        let Repr::Inline { len, bytes } = &mut self.0 else {
            return false;
        };
        let (from, to) = (*len as usize, *len as usize + s.len());
        if to > INLINE {
            return false;
        }
        bytes[from..to].copy_from_slice(s.as_bytes());
        *len = to as u8;
        true
    }
    /// The heap `String` of this text, moved there with room for `additional` more bytes.
    #[cold]
    fn moved_to_heap(&mut self, additional: usize) -> &mut String {
        if let Repr::Inline { .. } = self.0 {
            let mut heap = String::with_capacity(self.len() + additional);
            heap.push_str(self.as_str());
            self.0 = Repr::Heap(heap);
        }
        match &mut self.0 {
            Repr::Heap(s) => s,
            Repr::Inline { .. } => unreachable!("moved to the heap just above"),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::{Repr, Text, INLINE};

    #[test]
    fn text_is_one_48_byte_payload() {
        assert_eq!(std::mem::size_of::<Text>(), 48);
    }

    #[test]
    fn short_text_stays_inline_and_long_text_moves_whole() {
        let mut t = Text::new("h\u{e9}");
        assert!(matches!(t.0, Repr::Inline { .. }));
        // Multi-byte characters up to and across the inline boundary.
        let piece = "\u{20ac}x";
        let mut expected = String::from("h\u{e9}");
        while expected.len() + piece.len() <= INLINE {
            t.push_str(piece);
            expected.push_str(piece);
        }
        assert!(matches!(t.0, Repr::Inline { .. }));
        assert_eq!(t.as_str(), expected);
        t.push_str(piece);
        t.push('\u{1f600}');
        expected.push_str(piece);
        expected.push('\u{1f600}');
        assert!(matches!(t.0, Repr::Heap(_)));
        assert_eq!(t.as_str(), expected);
        assert_eq!(Text::from_string(expected.clone()), t);
    }

    #[test]
    fn reserve_moves_to_the_heap_only_past_the_inline_bytes() {
        let mut t = Text::new("abc");
        t.reserve(INLINE - 3).expect("fits");
        assert!(matches!(t.0, Repr::Inline { .. }));
        t.reserve(INLINE).expect("fits");
        assert!(matches!(&t.0, Repr::Heap(s) if s.capacity() >= INLINE + 3 && s == "abc"));
        assert!(matches!(
            Text::with_capacity(INLINE + 1),
            Ok(Text(Repr::Heap(_)))
        ));
        assert_eq!(Text::with_capacity(INLINE).expect("fits").as_str(), "");
    }
}
