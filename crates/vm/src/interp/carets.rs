//! CPython 3.11's caret line under a traceback source line: `^` under the failing expression,
//! or `~` for the operands and `^` for the operator of a binary operation / subscript.

use gilvm_compiler::bytecode::Location;
use gilvm_syntax::ast::{ExprKind, StmtKind};

/// The caret line (without the trailing newline) for `line` and an instruction's location,
/// or `None` when CPython prints none (the highlighted range covers the whole line).
pub fn caret_line(line: &str, loc: Location) -> Option<String> {
    if loc.line == 0 || loc.end_line < loc.line {
        return None;
    }
    let leading = line.chars().take_while(|c| c.is_whitespace()).count();
    let stripped_len = line.trim().chars().count();
    let start = loc.col as usize;
    let (end, anchors) = if loc.line == loc.end_line {
        let end = loc.end_col as usize;
        let segment: String = line
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        (end, anchors(&segment))
    } else {
        (leading + stripped_len, None)
    };
    // A location past the line's text (a hand-built AST's, or a stale source file) has no
    // carets: drawing them would only pad spaces out to a made-up column.
    if end <= start || start < leading || end > line.chars().count() {
        return None;
    }
    let width = end - start;
    let split = anchors.filter(|&(l, r)| l <= r && r <= width);
    if width >= stripped_len && split.is_none_or(|(l, r)| r <= l) {
        return None;
    }
    let mut out = format!("    {}", " ".repeat(start - leading));
    match split {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat(width - r));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    Some(out)
}

/// Character offsets (within `segment`) where the operator / subscript part starts and ends.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = gilvm_syntax::parse_module(segment).ok()?;
    let [stmt] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &stmt.kind else {
        return None;
    };
    let chars = |byte: u32| segment.get(..byte as usize).map(|s| s.chars().count());
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let between = segment.get(left.span.end as usize..right.span.start as usize)?;
            let offset = between.len() - between.trim_start().len();
            let left_anchor = left.span.end as usize + offset;
            let mut right_anchor = left_anchor + 1;
            if between[offset..]
                .chars()
                .nth(1)
                .is_some_and(|c| !c.is_whitespace())
            {
                right_anchor += 1;
            }
            Some((chars(left_anchor as u32)?, chars(right_anchor as u32)?))
        }
        ExprKind::Subscript { value, index } => {
            Some((chars(value.span.end)?, chars(index.span.end)? + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(line: u32, col: u32, end_col: u32) -> Location {
        Location {
            line,
            end_line: line,
            col,
            end_col,
        }
    }

    #[test]
    fn binary_operator_and_subscript_anchors() {
        assert_eq!(
            caret_line("    return 1 // 0", loc(1, 11, 17)).as_deref(),
            Some("           ~~^^~~")
        );
        assert_eq!(
            caret_line("    return data[\"key\"] * 2", loc(1, 11, 22)).as_deref(),
            Some("           ~~~~^^^^^^^")
        );
        assert_eq!(
            caret_line("{}[\"missing\"]", loc(1, 0, 13)).as_deref(),
            Some("    ~~^^^^^^^^^^^")
        );
    }

    #[test]
    fn whole_line_gets_no_carets() {
        assert_eq!(caret_line("    level1()", loc(1, 4, 12)), None);
        assert_eq!(
            caret_line("    total += level2(r)", loc(1, 13, 22)).as_deref(),
            Some("             ^^^^^^^^^")
        );
    }
}
