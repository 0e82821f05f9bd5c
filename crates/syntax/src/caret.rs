//! The source line and caret line of a syntax error report, as CPython 3.11 prints them
//! (`print_exception` and `print_error_text` in `Python/pythonrun.c`).
//!
//! CPython works on the UTF-8 bytes of the line: lengths are byte counts, while the offsets
//! are used as they are, so this module does the same.

use crate::{SyntaxError, SyntaxErrorKind};

/// The indented source line, then the caret line unless the caret would fall left of the
/// line's text (e.g. `unexpected indent`, whose offset is inside the indentation).
/// `text` is the error's line without its terminator.
pub(crate) fn error_text(error: &SyntaxError, text: &str) -> String {
    let offset = i64::from(error.column);
    let end = highlight_end(error, text);
    // Computed from the offsets before the indentation is stripped, as CPython does.
    let carets = if end > 0 && end > offset {
        end - offset
    } else {
        1
    };
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    let indent = (text.len() - stripped.len()) as i64;
    let position = (offset - 1 - indent).min(stripped.len() as i64);
    let mut out = format!("    {stripped}\n");
    if position >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(position as usize));
        out.push_str(&"^".repeat(carets as usize));
        out.push('\n');
    }
    out
}

/// CPython's `end_offset` after its adjustments. Its line text keeps the newline, which
/// counts in the line's size.
fn highlight_end(error: &SyntaxError, text: &str) -> i64 {
    // Only an exact `SyntaxError` has its end read; the subclasses get a single caret.
    if error.kind != SyntaxErrorKind::SyntaxError {
        return -1;
    }
    let line_size = text.len() as i64 + 1;
    // A range that goes on to later lines is highlighted to the end of its first line.
    let end = if error.end_line > error.line {
        line_size
    } else {
        i64::from(error.end_column)
    };
    end.min(line_size + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SyntaxErrorKind::{IndentationError, SyntaxError as Plain};

    fn error(kind: SyntaxErrorKind, line: u32, column: u32, end: (u32, u32)) -> SyntaxError {
        SyntaxError {
            kind,
            message: "m".into(),
            line,
            column,
            end_line: end.0,
            end_column: end.1,
        }
    }

    fn report(source: &str, error: &SyntaxError) -> String {
        let full = error.report("x.py", source);
        let body = full.strip_prefix(&format!("  File \"x.py\", line {}\n", error.line));
        let body = body.expect("header");
        body.strip_suffix(&format!("{}: m\n", error.kind.name()))
            .expect("trailer")
            .to_string()
    }

    #[test]
    fn range_on_one_line() {
        let e = error(Plain, 1, 1, (1, 4));
        assert_eq!(report("f() = 1\n", &e), "    f() = 1\n    ^^^\n");
    }

    #[test]
    fn single_caret_without_range() {
        let e = SyntaxError::new(Plain, "m", 1, 10);
        assert_eq!(
            report("print(1 +)\n", &e),
            "    print(1 +)\n             ^\n"
        );
        // An empty or reversed range also gets one caret.
        let e = error(Plain, 1, 3, (1, 3));
        assert_eq!(report("abc\n", &e), "    abc\n      ^\n");
        let e = error(Plain, 1, 3, (1, 0));
        assert_eq!(report("abc\n", &e), "    abc\n      ^\n");
    }

    #[test]
    fn no_caret_left_of_the_text() {
        // `IndentationError: unexpected indent`: offset 4 lies inside the indentation.
        let e = SyntaxError::new(IndentationError, "m", 2, 4);
        assert_eq!(report("x = 1\n    y = 2\n", &e), "    y = 2\n");
        let e = error(Plain, 1, 0, (1, 3));
        assert_eq!(report("abc\n", &e), "    abc\n");
    }

    #[test]
    fn indentation_is_stripped_and_the_caret_follows() {
        let e = error(Plain, 2, 5, (2, 11));
        let source = "def f():\n    global x\n";
        assert_eq!(report(source, &e), "    global x\n    ^^^^^^\n");
    }

    #[test]
    fn tabs_are_stripped_when_leading_and_printed_as_is_inside() {
        let e = error(Plain, 2, 2, (2, 7));
        assert_eq!(report("if 1:\n\tbreak\n", &e), "    break\n    ^^^^^\n");
        // ` \tx = 1\t+ 2 = 3`: the target `1\t+ 2` is columns 7..12.
        let e = error(Plain, 2, 7, (2, 12));
        let source = "if 1:\n \tx = 1\t+ 2 = 3\n";
        assert_eq!(report(source, &e), "    x = 1\t+ 2 = 3\n        ^^^^^\n");
    }

    #[test]
    fn non_ascii_before_the_error_counts_columns_as_given() {
        // compile("é = = 1") reports offset 5: the caret sits under the second '='.
        let e = error(Plain, 1, 5, (1, 6));
        assert_eq!(report("é = = 1\n", &e), "    é = = 1\n        ^\n");
    }

    #[test]
    fn multi_line_range_highlights_to_the_end_of_the_first_line() {
        let e = error(Plain, 1, 6, (2, 3));
        let source = "x = (1 +\n 2) = 3\n";
        assert_eq!(report(source, &e), "    x = (1 +\n         ^^^\n");
    }

    #[test]
    fn subclasses_get_a_single_caret() {
        let e = error(IndentationError, 2, 1, (2, 7));
        let source = "def f():\nreturn 1\n";
        assert_eq!(report(source, &e), "    return 1\n    ^\n");
    }

    #[test]
    fn carets_and_offset_are_clipped_to_the_line() {
        // A range past the line's end stops one past its newline, as CPython's does.
        let e = error(Plain, 1, 100, (1, 103));
        assert_eq!(report("  abcdef\n", &e), "    abcdef\n          ^\n");
        let e = error(Plain, 1, 3, (1, 100));
        assert_eq!(report("  abcdef\n", &e), "    abcdef\n    ^^^^^^^\n");
    }

    #[test]
    fn trailing_whitespace_and_blank_lines_are_kept() {
        let e = error(Plain, 1, 1, (1, 6));
        assert_eq!(report("break   \n", &e), "    break   \n    ^^^^^\n");
        let e = SyntaxError::new(Plain, "m", 2, 1);
        assert_eq!(report("x\n\n", &e), "    \n    ^\n");
    }

    #[test]
    fn no_text_past_the_last_line() {
        let e = SyntaxError::new(Plain, "m", 5, 1);
        assert_eq!(report("x\n", &e), "");
    }
}
