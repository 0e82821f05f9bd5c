//! The lone surrogates of a str: where each stands (as U+FFFD) in the text, and its value.
//! Lists are ascending by offset; the helpers here keep them so when strs are joined,
//! repeated or cut.

/// One lone surrogate: the byte offset of its U+FFFD in the text, and the surrogate
/// (0xD800..=0xDFFF).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lone {
    at: usize,
    unit: u16,
}

impl Lone {
    /// `point` is a surrogate (a code point `char::from_u32` refuses).
    pub fn new(at: usize, point: u32) -> Lone {
        Lone {
            at,
            unit: point as u16,
        }
    }
    pub fn at(self) -> usize {
        self.at
    }
    pub fn point(self) -> u32 {
        u32::from(self.unit)
    }
    fn shifted(self, by: usize) -> Lone {
        Lone {
            at: self.at + by,
            unit: self.unit,
        }
    }
}

/// The surrogate whose U+FFFD is at byte `at`, if one is.
pub fn find(lone: Option<&[Lone]>, at: usize) -> Option<u32> {
    let lone = lone?;
    let i = lone.binary_search_by_key(&at, |l| l.at).ok()?;
    Some(lone[i].point())
}

/// The list of `head + tail`, where `head`'s text is `head_len` bytes long.
pub fn joined(
    head: Option<&[Lone]>,
    head_len: usize,
    tail: Option<&[Lone]>,
) -> Option<Box<[Lone]>> {
    if head.is_none() && tail.is_none() {
        return None;
    }
    let head = head.unwrap_or(&[]).iter().copied();
    let tail = tail.unwrap_or(&[]).iter().map(|l| l.shifted(head_len));
    Some(head.chain(tail).collect())
}

/// The list of `n` copies of a text `len` bytes long.
pub fn repeated(lone: &[Lone], len: usize, n: usize) -> Vec<Lone> {
    (0..n)
        .flat_map(|k| lone.iter().map(move |l| l.shifted(k * len)))
        .collect()
}

/// The surrogates within bytes `[from, to)`, as offsets of that slice.
pub fn within(lone: &[Lone], from: usize, to: usize) -> Vec<Lone> {
    lone.iter()
        .filter(|l| (from..to).contains(&l.at))
        .map(|l| Lone {
            at: l.at - from,
            unit: l.unit,
        })
        .collect()
}
