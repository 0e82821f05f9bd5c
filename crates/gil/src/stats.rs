//! Counters the lock keeps about itself, per thread and in total.

use std::time::Duration;

use crate::{Policy, ThreadId};

/// Sub-buckets per power of two: a recorded wait is known to within 1/`SUB_BUCKETS` of its
/// value (about 3 %), and the reported quantile (the bucket's midpoint) to within half that.
const SUB_BITS: u32 = 5;
const SUB_BUCKETS: u64 = 1 << SUB_BITS;
/// Waits below this many nanoseconds have a bucket each (they are exact).
const EXACT_BELOW: u64 = 2 * SUB_BUCKETS;

/// Histogram of acquisition latencies in HdrHistogram's log-linear layout: waits under
/// 64 ns are counted exactly; above, each power of two `[2^k, 2^(k+1))` is cut into 32
/// equal buckets, so every quantile is within about 1.6 % of a recorded wait (the old
/// power-of-two buckets were only good to a factor of two). Only the buckets that counted
/// something are stored (sorted by bucket): every thread has a histogram, and a dense array
/// reaching a one-second wait is ~800 counters, which made 10,000 idle threads cost ~6 kB
/// each; a thread's waits fall in a few dozen buckets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WaitHistogram {
    /// `(bucket, count)`, ascending by bucket, every count above zero.
    counts: Vec<(u32, u64)>,
    total: u64,
    /// The longest wait recorded: the 100th percentile is exact.
    max_ns: u64,
}

/// The bucket of a wait of `ns` nanoseconds.
fn bucket_of(ns: u64) -> u32 {
    if ns < EXACT_BELOW {
        return ns as u32;
    }
    let octave = u64::BITS - 1 - ns.leading_zeros(); // >= SUB_BITS + 1
    let shift = octave - SUB_BITS;
    let sub = (ns >> shift) - SUB_BUCKETS; // 0..SUB_BUCKETS
    (EXACT_BELOW + u64::from(octave - SUB_BITS - 1) * SUB_BUCKETS + sub) as u32
}

/// The values `[low, high]` a bucket holds.
fn bucket_range(bucket: u32) -> (u64, u64) {
    let bucket = u64::from(bucket);
    if bucket < EXACT_BELOW {
        return (bucket, bucket);
    }
    let above = bucket - EXACT_BELOW;
    let octave = (above / SUB_BUCKETS) as u32 + SUB_BITS + 1;
    let sub = above % SUB_BUCKETS;
    let shift = octave - SUB_BITS;
    let low = (SUB_BUCKETS + sub) << shift;
    (low, low + ((1u64 << shift) - 1))
}

impl WaitHistogram {
    pub fn record(&mut self, wait: Duration) {
        let nanos = u64::try_from(wait.as_nanos()).unwrap_or(u64::MAX);
        self.add(bucket_of(nanos), 1);
        self.total += 1;
        self.max_ns = self.max_ns.max(nanos);
    }

    fn add(&mut self, bucket: u32, n: u64) {
        match self.counts.binary_search_by_key(&bucket, |&(b, _)| b) {
            Ok(at) => self.counts[at].1 += n,
            Err(at) => self.counts.insert(at, (bucket, n)),
        }
    }

    pub fn count(&self) -> u64 {
        self.total
    }

    /// The `q`-quantile (`q` in 0..=1, nearest rank) to within about 1.6 %: the midpoint of
    /// the bucket holding it, never above the longest wait; `None` when nothing was recorded.
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        if self.total == 0 {
            return None;
        }
        let rank = ((q.clamp(0.0, 1.0) * self.total as f64).ceil() as u64).max(1);
        if rank >= self.total {
            return Some(Duration::from_nanos(self.max_ns));
        }
        let mut seen = 0;
        for &(bucket, n) in &self.counts {
            seen += n;
            if seen >= rank {
                let (low, high) = bucket_range(bucket);
                let mid = low + (high - low) / 2;
                return Some(Duration::from_nanos(mid.min(self.max_ns)));
            }
        }
        Some(Duration::from_nanos(self.max_ns))
    }

    fn merge(&mut self, other: &WaitHistogram) {
        for &(bucket, n) in &other.counts {
            self.add(bucket, n);
        }
        self.total += other.total;
        self.max_ns = self.max_ns.max(other.max_ns);
    }
}

/// What the lock counted for one thread (or, summed, for all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThreadStats {
    /// Times the thread got the lock.
    pub acquisitions: u64,
    /// Acquisitions that took the lock from a different previous holder.
    pub switches: u64,
    /// Drop requests this thread made as a waiter.
    pub drop_requests: u64,
    /// Times this thread was made to release by a drop request and another
    /// thread got the lock.
    pub forced_switches: u64,
    pub total_wait: Duration,
    pub longest_wait: Duration,
    pub wait_histogram: WaitHistogram,
}

impl ThreadStats {
    pub(crate) fn record_acquisition(&mut self, waited: Duration) {
        self.acquisitions += 1;
        self.total_wait += waited;
        self.longest_wait = self.longest_wait.max(waited);
        self.wait_histogram.record(waited);
    }

    pub(crate) fn merge(&mut self, other: &ThreadStats) {
        self.acquisitions += other.acquisitions;
        self.switches += other.switches;
        self.drop_requests += other.drop_requests;
        self.forced_switches += other.forced_switches;
        self.total_wait += other.total_wait;
        self.longest_wait = self.longest_wait.max(other.longest_wait);
        self.wait_histogram.merge(&other.wait_histogram);
    }
}

/// One registered thread in a [`GilStats`] snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadRow {
    pub id: ThreadId,
    pub name: String,
    pub priority: i32,
    /// False once the thread's handle was dropped.
    pub registered: bool,
    pub stats: ThreadStats,
}

/// Finished threads whose rows were folded together (all but the last 100 finished): how
/// many, and their counters summed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RetiredThreads {
    pub threads: u64,
    pub stats: ThreadStats,
}

/// A snapshot of the lock's counters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GilStats {
    pub policy: Policy,
    /// The registered threads and the last 100 finished ones, in registration order.
    pub threads: Vec<ThreadRow>,
    /// The finished threads before those.
    pub retired: RetiredThreads,
    /// Every thread's counters summed, retired ones included.
    pub totals: ThreadStats,
    /// Threads blocked in `acquire` right now.
    pub waiting: usize,
}

impl GilStats {
    pub(crate) fn new(
        policy: Policy,
        threads: Vec<ThreadRow>,
        retired: RetiredThreads,
        waiting: usize,
    ) -> Self {
        let mut totals = retired.stats.clone();
        for row in &threads {
            totals.merge(&row.stats);
        }
        GilStats {
            policy,
            threads,
            retired,
            totals,
            waiting,
        }
    }

    /// The row of thread `id`, if it was registered.
    pub fn thread(&self, id: ThreadId) -> Option<&ThreadRow> {
        self.threads.iter().find(|row| row.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_within_two_percent_of_the_recorded_waits() {
        let mut h = WaitHistogram::default();
        assert_eq!(h.quantile(0.5), None);
        for _ in 0..98 {
            h.record(Duration::from_nanos(100));
        }
        h.record(Duration::from_millis(3));
        h.record(Duration::ZERO);
        assert_eq!(h.count(), 100);
        let p50 = h.quantile(0.5).unwrap().as_nanos() as f64;
        assert!((p50 - 100.0).abs() / 100.0 < 0.02, "{p50}");
        assert_eq!(h.quantile(0.0), Some(Duration::ZERO));
        assert_eq!(h.quantile(1.0), Some(Duration::from_millis(3)));
        // Five-millisecond waits (a Timeout switch interval) read as about 5 ms, not 8.39.
        let mut h = WaitHistogram::default();
        for us in 4_900..5_100 {
            h.record(Duration::from_micros(us));
        }
        let p50 = h.quantile(0.5).unwrap().as_secs_f64() * 1e3;
        assert!((p50 - 5.0).abs() < 0.1, "{p50}");
        let p99 = h.quantile(0.99).unwrap().as_secs_f64() * 1e3;
        assert!((p99 - 5.1).abs() < 0.1, "{p99}");
    }

    #[test]
    fn every_value_falls_in_a_bucket_that_holds_it() {
        let mut values: Vec<u64> = (0..5000).collect();
        values.extend((0..64).map(|k| 1u64 << k));
        values.extend((1..64).map(|k| (1u64 << k) - 1));
        values.extend([u64::MAX, 123_456_789, 5_000_000, 16_777_215]);
        for ns in values {
            let (low, high) = bucket_range(bucket_of(ns));
            assert!(low <= ns && ns <= high, "{ns}: {low}..={high}");
            assert!(high - low <= low / 32, "{ns}: {low}..={high}");
        }
        assert!(bucket_of(u64::MAX) < 2000);
    }

    #[test]
    fn merged_histograms_count_both() {
        let mut a = WaitHistogram::default();
        a.record(Duration::from_micros(10));
        let mut b = WaitHistogram::default();
        b.record(Duration::from_millis(10));
        b.record(Duration::from_millis(10));
        a.merge(&b);
        assert_eq!(a.count(), 3);
        let p50 = a.quantile(0.5).unwrap().as_secs_f64() * 1e3;
        assert!((p50 - 10.0).abs() < 0.2, "{p50}");
    }

    #[test]
    fn a_histogram_stores_only_the_buckets_it_counted() {
        let mut h = WaitHistogram::default();
        h.record(Duration::from_secs(2));
        for _ in 0..1000 {
            h.record(Duration::from_micros(40));
        }
        assert_eq!(
            h.counts,
            vec![(bucket_of(40_000), 1000), (bucket_of(2_000_000_000), 1)]
        );
        let mut merged = WaitHistogram::default();
        merged.merge(&h);
        merged.merge(&h);
        assert_eq!(merged.counts.len(), 2);
        assert_eq!(merged.count(), 2002);
    }

    #[test]
    fn totals_sum_rows_and_keep_the_longest_wait() {
        let mut a = ThreadStats::default();
        a.record_acquisition(Duration::from_micros(5));
        let mut b = ThreadStats::default();
        b.record_acquisition(Duration::from_micros(9));
        b.switches = 2;
        let row = |id, stats| ThreadRow {
            id: ThreadId(id),
            name: String::new(),
            priority: 0,
            registered: true,
            stats,
        };
        let stats = GilStats::new(
            Policy::Tick,
            vec![row(0, a), row(1, b)],
            RetiredThreads::default(),
            0,
        );
        assert_eq!(stats.totals.acquisitions, 2);
        assert_eq!(stats.totals.switches, 2);
        assert_eq!(stats.totals.total_wait, Duration::from_micros(14));
        assert_eq!(stats.totals.longest_wait, Duration::from_micros(9));
        assert_eq!(stats.totals.wait_histogram.count(), 2);
    }
}
