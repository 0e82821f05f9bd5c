//! A document's bytes as text: the encoding comes from `ParserCreate`, a byte order mark or
//! the XML declaration (UTF-8, UTF-16, ISO-8859-1 and US-ASCII, the encodings expat knows);
//! a str is always read as itself. Bytes that end inside a character wait for the next call.

use super::Code;

/// What `Parse` was given.
pub enum Decoded {
    Text(String),
    Bytes(Vec<u8>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
    Utf16Le,
    Utf16Be,
}

/// Text decoded from one call's data; `invalid` says the bytes after `text` are not
/// in the document's encoding (an invalid-token error once `text` is scanned).
pub struct Chunk {
    pub text: String,
    pub invalid: bool,
}

pub struct Source {
    /// The encoding `ParserCreate` was given, which overrides the document's.
    given: Option<String>,
    encoding: Option<Encoding>,
    /// Bytes of a character split between two calls.
    tail: Vec<u8>,
}

impl Source {
    pub fn new(given: Option<String>) -> Source {
        Source {
            given,
            encoding: None,
            tail: Vec::new(),
        }
    }

    pub fn decode(&mut self, data: Decoded, last: bool) -> Result<Chunk, Code> {
        let bytes = match data {
            Decoded::Text(text) if self.tail.is_empty() => {
                self.encoding.get_or_insert(Encoding::Utf8);
                return Ok(Chunk {
                    text,
                    invalid: false,
                });
            }
            Decoded::Text(text) => text.into_bytes(),
            Decoded::Bytes(bytes) => bytes,
        };
        self.tail.extend_from_slice(&bytes);
        let mut bytes = std::mem::take(&mut self.tail);
        let encoding = match self.encoding {
            Some(e) => e,
            None => {
                let (e, bom) = self.sniff(&bytes)?;
                bytes.drain(..bom);
                self.encoding = Some(e);
                e
            }
        };
        match encoding {
            Encoding::Utf8 => Ok(self.utf8(bytes, last)),
            Encoding::Latin1 => Ok(Chunk {
                text: bytes.iter().map(|&b| b as char).collect(),
                invalid: false,
            }),
            Encoding::Utf16Le | Encoding::Utf16Be => Ok(self.utf16(bytes, encoding, last)),
        }
    }

    /// The encoding of a document starting with `bytes`, and the length of its byte order mark.
    fn sniff(&self, bytes: &[u8]) -> Result<(Encoding, usize), Code> {
        match bytes {
            [0xFF, 0xFE, ..] => return Ok((Encoding::Utf16Le, 2)),
            [0xFE, 0xFF, ..] => return Ok((Encoding::Utf16Be, 2)),
            [0xEF, 0xBB, 0xBF, ..] => return Ok((Encoding::Utf8, 3)),
            [b'<', 0, b'?', 0, ..] => return Ok((Encoding::Utf16Le, 0)),
            [0, b'<', 0, b'?', ..] => return Ok((Encoding::Utf16Be, 0)),
            _ => {}
        }
        let declared = match &self.given {
            Some(name) => Some(name.clone()),
            None => declared_encoding(bytes),
        };
        let encoding = match declared.map(|n| n.to_ascii_lowercase()) {
            None => Encoding::Utf8,
            Some(name) => match name.as_str() {
                "utf-8" | "utf8" => Encoding::Utf8,
                "iso-8859-1" | "iso8859-1" | "latin-1" | "latin1" | "us-ascii" | "ascii" => {
                    Encoding::Latin1
                }
                "utf-16" | "utf-16le" => Encoding::Utf16Le,
                "utf-16be" => Encoding::Utf16Be,
                _ => return Err(Code::UnknownEncoding),
            },
        };
        Ok((encoding, 0))
    }

    fn utf8(&mut self, mut bytes: Vec<u8>, last: bool) -> Chunk {
        match String::from_utf8(bytes) {
            Ok(text) => Chunk {
                text,
                invalid: false,
            },
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let incomplete = e.utf8_error().error_len().is_none();
                bytes = e.into_bytes();
                let rest = bytes.split_off(valid);
                let text = String::from_utf8(bytes).unwrap_or_default();
                if incomplete && !last {
                    self.tail = rest;
                    return Chunk {
                        text,
                        invalid: false,
                    };
                }
                Chunk {
                    text,
                    invalid: true,
                }
            }
        }
    }

    fn utf16(&mut self, mut bytes: Vec<u8>, encoding: Encoding, last: bool) -> Chunk {
        if bytes.len() % 2 == 1 {
            self.tail = bytes.split_off(bytes.len() - 1);
        }
        let units = bytes.chunks_exact(2).map(|pair| match encoding {
            Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
            _ => u16::from_le_bytes([pair[0], pair[1]]),
        });
        let mut text = String::new();
        let mut invalid = false;
        for unit in char::decode_utf16(units) {
            match unit {
                Ok(c) => text.push(c),
                Err(_) => {
                    invalid = true;
                    break;
                }
            }
        }
        if last && !self.tail.is_empty() {
            invalid = true;
        }
        Chunk { text, invalid }
    }
}

/// The `encoding="..."` of an XML declaration at the start of `bytes`.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    super::dtd::pseudo_attributes(decl)?
        .into_iter()
        .find(|(k, _)| k == "encoding")
        .map(|(_, v)| v)
}
