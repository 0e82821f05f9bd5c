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

/// A run of columns `[first, end)` all showing `kind`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    pub kind: SpanKind,
    pub first: usize,
    pub end: usize,
}

/// The runs of one lane's spans: each column takes the kind covering most
/// of it (any coverage counts, so short spans stay visible).
pub fn lane_runs<'a>(spans: impl Iterator<Item = &'a Span>, scale: Scale) -> Vec<Run> {
    let mut coverage = vec![[0.0f64; 3]; scale.columns];
    for span in spans {
        let (x0, x1) = (scale.x(span.start_ns), scale.x(span.end_ns));
        let slot = kind_index(span.kind);
        let last = (x1.ceil() as usize).min(scale.columns);
        for (column, cover) in coverage.iter_mut().enumerate().take(last).skip(x0 as usize) {
            let left = x0.max(column as f64);
            let right = x1.min(column as f64 + 1.0);
            // A zero-length span still marks its column, barely.
            cover[slot] += (right - left).max(1e-9);
        }
    }
    runs_of(&coverage)
}

fn kind_index(kind: SpanKind) -> usize {
    match kind {
        SpanKind::Running => 0,
        SpanKind::Waiting => 1,
        SpanKind::Blocked => 2,
    }
}

fn dominant(cover: &[f64; 3]) -> Option<SpanKind> {
    let (index, &amount) = cover.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
    (amount > 0.0).then_some(SpanKind::ALL[index])
}

fn runs_of(coverage: &[[f64; 3]]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (column, cover) in coverage.iter().enumerate() {
        let Some(kind) = dominant(cover) else {
            continue;
        };
        match runs.last_mut() {
            Some(run) if run.kind == kind && run.end == column => run.end = column + 1,
            _ => runs.push(Run {
                kind,
                first: column,
                end: column + 1,
            }),
        }
    }
    runs
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
    fn thin_spans_merge_into_one_run_per_kind() {
        let scale = Scale {
            start_ns: 0,
            ns_per_px: 100.0,
            columns: 10,
        };
        // 1000 alternating 1 ns spans in columns 0..5 (running wins each
        // column by a nose), then blocked from 600 to 1000.
        let mut spans: Vec<Span> = (0..500)
            .flat_map(|i| {
                [
                    span(SpanKind::Running, i, i + 1),
                    span(SpanKind::Waiting, 500 - i - 1, 500 - i - 1),
                ]
            })
            .collect();
        spans.push(span(SpanKind::Blocked, 600, 1000));
        let runs = lane_runs(spans.iter(), scale);
        assert_eq!(
            runs,
            vec![
                Run {
                    kind: SpanKind::Running,
                    first: 0,
                    end: 5
                },
                Run {
                    kind: SpanKind::Blocked,
                    first: 6,
                    end: 10
                },
            ]
        );
    }
}
