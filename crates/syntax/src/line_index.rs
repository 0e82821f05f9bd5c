//! Byte offset → (line, column) conversion, and access to a line's text for error messages.

/// Start offsets of every line of a source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// `char_counts[k]`: how many characters start in the first `k * CHUNK` bytes, so that a
    /// column costs at most `CHUNK` bytes of counting however long its line is (one line of
    /// a million statements is compiled in linear time).
    char_counts: Vec<u32>,
    len: u32,
}

/// Bytes per entry of [`LineIndex::char_counts`].
const CHUNK: usize = 256;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut char_counts = vec![0];
        let mut total = 0u32;
        for chunk in source.as_bytes().chunks(CHUNK) {
            total += chunk.iter().filter(|&&b| starts_char(b)).count() as u32;
            char_counts.push(total);
        }
        LineIndex {
            line_starts,
            char_counts,
            len: source.len() as u32,
        }
    }

    /// Whether every character of the indexed text is one byte (columns are byte counts):
    /// the common case, where `line_col` counts nothing (the compiler asks for the start and
    /// end of every node).
    fn ascii(&self) -> bool {
        self.char_counts.last().copied() == Some(self.len)
    }

    /// How many characters start in `source[..offset]`.
    fn chars_before(&self, source: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        let counted = self.char_counts.get(chunk).copied().unwrap_or_default() as usize;
        let rest = source
            .as_bytes()
            .get(chunk * CHUNK..offset)
            .unwrap_or_default();
        counted + rest.iter().filter(|&&b| starts_char(b)).count()
    }

    /// 1-based line number of a byte offset (offsets past the end map to the last line).
    pub fn line(&self, offset: u32) -> u32 {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 1-based line and 0-based column, counted in characters, of a byte offset.
    pub fn line_col(&self, source: &str, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1] as usize;
        let end = (offset.min(self.len) as usize).max(start);
        let col = if self.ascii() && source.len() == self.len as usize {
            end - start
        } else if source.len() == self.len as usize && source.is_char_boundary(end) {
            self.chars_before(source, end) - self.chars_before(source, start)
        } else {
            source
                .get(start..end)
                .map_or(end - start, |s| s.chars().count())
        };
        (line, col as u32)
    }

    /// The text of a 1-based line, without its line terminator; `None` past the end.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> Option<&'s str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(i)? as usize;
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(source.len(), |&e| e as usize);
        let text = source.get(start..end)?;
        Some(text.trim_end_matches(['\n', '\r']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncdé f\n\nx";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), (1, 0));
        assert_eq!(idx.line_col(src, 3), (2, 0));
        // 'é' is two bytes: the space after it is character column 3.
        assert_eq!(idx.line_col(src, 7), (2, 3));
        assert_eq!(idx.line_text(src, 2), Some("cdé f"));
        assert_eq!(idx.line_text(src, 3), Some(""));
        assert_eq!(idx.line_text(src, 4), Some("x"));
        assert_eq!(idx.line_text(src, 5), None);
        assert_eq!(idx.line(1000), 4);
        let ascii = "ab\n  cd";
        let idx = LineIndex::new(ascii);
        assert!(idx.ascii());
        assert_eq!(idx.line_col(ascii, 7), (2, 4));
        assert!(!LineIndex::new(src).ascii());
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        let src = format!("{}\n{}", "é".repeat(300), "aé".repeat(500));
        let idx = LineIndex::new(&src);
        assert_eq!(idx.line_col(&src, 600), (1, 300));
        assert_eq!(idx.line_col(&src, 601), (2, 0));
        // After 200 pairs of 'a' and 'é' (3 bytes each): 400 characters in.
        assert_eq!(idx.line_col(&src, 601 + 600), (2, 400));
        assert_eq!(idx.line_col(&src, 601 + 601), (2, 401));
    }
}
