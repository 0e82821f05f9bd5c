//! The time axis: round tick steps (1, 2, 5 × 10^n ns) and readable units.

/// A tick step giving about `target` ticks over `span_ns`.
pub fn tick_step(span_ns: u64, target: u64) -> u64 {
    let raw = (span_ns / target.max(1)).max(1);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| magnitude.saturating_mul(m))
        .find(|&step| step >= raw)
        .unwrap_or(magnitude)
}

/// The unit to label ticks of `step_ns` with: (name, ns per unit).
pub fn unit_for(step_ns: u64) -> (&'static str, f64) {
    match step_ns {
        s if s >= 1_000_000_000 => ("s", 1e9),
        s if s >= 1_000_000 => ("ms", 1e6),
        s if s >= 1_000 => ("µs", 1e3),
        _ => ("ns", 1.0),
    }
}

/// `ns` in `unit`, without needless decimals ("1.5", "20").
pub fn format_in(ns: u64, unit: f64) -> String {
    let text = format!("{:.3}", ns as f64 / unit);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A duration with a unit that suits its size ("1.25 ms").
pub fn format_duration(ns: u64) -> String {
    let (name, unit) = unit_for(ns);
    format!("{} {name}", format_in(ns, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(tick_step(10_000_000, 8), 2_000_000);
        assert_eq!(tick_step(35, 8), 5);
        assert_eq!(tick_step(0, 8), 1);
        assert_eq!(tick_step(1_000, 10), 100);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(format_duration(1_250_000), "1.25 ms");
        assert_eq!(format_duration(20_000), "20 µs");
        assert_eq!(format_duration(999), "999 ns");
        assert_eq!(format_duration(3_000_000_000), "3 s");
    }
}
