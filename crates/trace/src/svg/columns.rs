//! Sampling a lane onto pixel columns, so a long trace gives a small
//! picture: each column shows the state that covered most of it, and runs
//! of equal columns become one rectangle.

use crate::model::{Span, SpanKind};

/// Maps trace time onto pixel columns `0..columns`.
#[derive(Clone, Copy)]
pub struct Scale {
    pub start_ns: u64,
    pub ns_per_px: f64,
    pub columns: usize,
}

impl Scale {
    pub fn x(&self, ns: u64) -> f64 {
        ns.saturating_sub(self.start_ns) as f64 / self.ns_per_px
    }

    pub fn column(&self, ns: u64) -> usize {
        (self.x(ns) as usize).min(self.columns.saturating_sub(1))
    }
}

/// How many span kinds a column can show.
const KINDS: usize = SpanKind::ALL.len();

/// A run of columns `[first, end)` drawn alike: `heights[k]` pixels of
/// `SpanKind::ALL[k]`, stacked from the top (all zero: nothing recorded there).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    pub first: usize,
    pub end: usize,
    pub heights: [u32; KINDS],
}

/// Smallest height of a kind present in a column shared with others: a wait of a few
/// nanoseconds among milliseconds of running still shows.
pub const MIN_BAND: u32 = 3;

/// The runs of one lane's spans. Each column adds up how long each kind covers it
/// (aggregating every span narrower than a pixel); a column with one kind is filled with
/// it, a column with several is split between them in proportion, each at least
/// [`MIN_BAND`] pixels, so no span vanishes however short.
pub fn lane_runs<'a>(spans: impl Iterator<Item = &'a Span>, scale: Scale, bar: u32) -> Vec<Run> {
    let mut coverage = vec![[0.0f64; KINDS]; scale.columns];
    for span in spans {
        let (x0, x1) = (scale.x(span.start_ns), scale.x(span.end_ns));
        let slot = span.kind.index();
        let last = (x1.ceil() as usize).min(scale.columns);
        let first = (x0 as usize).min(scale.columns.saturating_sub(1));
        for (column, cover) in coverage
            .iter_mut()
            .enumerate()
            .take(last.max(first + 1))
            .skip(first)
        {
            let left = x0.max(column as f64);
            let right = x1.min(column as f64 + 1.0);
            // A zero-length span still marks its column, barely.
            cover[slot] += (right - left).max(1e-9);
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    for (column, cover) in coverage.iter().enumerate() {
        let heights = stack(cover, bar);
        match runs.last_mut() {
            Some(run) if run.heights == heights && run.end == column => run.end = column + 1,
            _ => runs.push(Run {
                first: column,
                end: column + 1,
                heights,
            }),
        }
    }
    runs.retain(|run| run.heights != [0; KINDS]);
    runs
}

/// Splits `bar` pixels between the kinds covering a column, in proportion to their
/// coverage, each present kind getting at least `MIN_BAND`.
fn stack(cover: &[f64; KINDS], bar: u32) -> [u32; KINDS] {
    let present = cover.iter().filter(|&&c| c > 0.0).count() as u32;
    let total: f64 = cover.iter().sum();
    let mut heights = [0u32; KINDS];
    if present == 0 {
        return heights;
    }
    let spare = bar.saturating_sub(MIN_BAND * present) as f64;
    for (height, &c) in heights.iter_mut().zip(cover) {
        if c > 0.0 {
            *height = MIN_BAND + (spare * c / total).floor() as u32;
        }
    }
    // Rounding leftovers go to the kind covering most of the column.
    let used: u32 = heights.iter().sum();
    let most = (0..KINDS)
        .max_by(|&a, &b| cover[a].total_cmp(&cover[b]))
        .unwrap_or(0);
    heights[most] += bar.saturating_sub(used);
    if present == 1 {
        heights[most] = bar;
    }
    heights
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: SpanKind, start_ns: u64, end_ns: u64) -> Span {
        Span {
            tid: 1,
            kind,
            start_ns,
            end_ns,
        }
    }

    #[test]
    fn sub_pixel_waits_stay_visible_and_equal_columns_merge() {
        let scale = Scale {
            start_ns: 0,
            ns_per_px: 100.0,
            columns: 10,
        };
        // Running 0..500 with a 1 ns wait in each of columns 0..5, then blocked 600..1000.
        let mut spans: Vec<Span> = (0..5)
            .map(|c| span(SpanKind::Waiting, c * 100 + 10, c * 100 + 11))
            .collect();
        spans.push(span(SpanKind::Running, 0, 500));
        spans.push(span(SpanKind::Blocked, 600, 1000));
        let runs = lane_runs(spans.iter(), scale, 16);
        assert_eq!(
            runs,
            vec![
                Run {
                    first: 0,
                    end: 5,
                    heights: [13, 3, 0, 0]
                },
                Run {
                    first: 6,
                    end: 10,
                    heights: [0, 0, 16, 0]
                },
            ]
        );
    }

    #[test]
    fn a_shared_column_is_split_in_proportion() {
        assert_eq!(stack(&[0.5, 0.5, 0.0, 0.0], 16), [8, 8, 0, 0]);
        assert_eq!(stack(&[0.0, 0.2, 0.0, 0.0], 16), [0, 16, 0, 0]);
        assert_eq!(stack(&[0.9, 0.0, 0.1, 0.0], 16).iter().sum::<u32>(), 16);
        assert_eq!(stack(&[0.6, 0.0, 0.0, 0.4], 16), [9, 0, 0, 7]);
        assert_eq!(stack(&[0.0; 4], 16), [0, 0, 0, 0]);
    }
}
