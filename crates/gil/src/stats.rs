//! Counters the lock keeps about itself, per thread and in total.

use std::time::Duration;

use crate::{Policy, ThreadId};

const BUCKETS: usize = 64;

/// Log2 histogram of acquisition latencies: bucket `k` counts waits of
/// `[2^(k-1), 2^k)` nanoseconds (bucket 0: zero). Quantiles are therefore
/// accurate to a factor of two, which is what latency reports need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitHistogram {
    buckets: [u64; BUCKETS],
}

impl Default for WaitHistogram {
    fn default() -> Self {
        WaitHistogram {
            buckets: [0; BUCKETS],
        }
    }
}

impl WaitHistogram {
    pub fn record(&mut self, wait: Duration) {
        let nanos = u64::try_from(wait.as_nanos()).unwrap_or(u64::MAX);
        let bucket = (u64::BITS - nanos.leading_zeros()) as usize;
        self.buckets[bucket.min(BUCKETS - 1)] += 1;
    }

    pub fn count(&self) -> u64 {
        self.buckets.iter().sum()
    }

    /// The upper bound of the bucket holding the `q`-quantile (`q` in 0..=1),
    /// or `None` when nothing was recorded.
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        let total = self.count();
        if total == 0 {
            return None;
        }
        let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (bucket, &n) in self.buckets.iter().enumerate() {
            seen += n;
            if seen >= rank {
                return Some(bucket_upper_bound(bucket));
            }
        }
        Some(bucket_upper_bound(BUCKETS - 1))
    }

    fn merge(&mut self, other: &WaitHistogram) {
        for (mine, theirs) in self.buckets.iter_mut().zip(other.buckets.iter()) {
            *mine += theirs;
        }
    }
}

fn bucket_upper_bound(bucket: usize) -> Duration {
    match bucket {
        0 => Duration::ZERO,
        b if b >= 64 => Duration::from_nanos(u64::MAX),
        b => Duration::from_nanos((1u64 << b) - 1),
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
    fn quantiles_land_in_the_right_bucket() {
        let mut h = WaitHistogram::default();
        assert_eq!(h.quantile(0.5), None);
        for _ in 0..98 {
            h.record(Duration::from_nanos(100)); // bucket 7: [64, 128)
        }
        h.record(Duration::from_millis(3));
        h.record(Duration::ZERO);
        assert_eq!(h.count(), 100);
        assert_eq!(h.quantile(0.5), Some(Duration::from_nanos(127)));
        assert_eq!(h.quantile(0.0), Some(Duration::ZERO));
        let p100 = h.quantile(1.0).unwrap();
        assert!(p100 >= Duration::from_millis(3) && p100 < Duration::from_millis(6));
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
