//! Byte offset → (line, column) conversion, and access to a line's text for error messages.

/// Start offsets of every line of a source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex {
            line_starts,
            len: source.len() as u32,
        }
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
        let col = source
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
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
    }
}
