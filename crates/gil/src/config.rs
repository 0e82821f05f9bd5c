//! How a [`crate::Gil`] schedules: the policy and its time constants.

use std::time::Duration;

/// Which historical scheduling algorithm the lock follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Policy {
    /// Python 2: the holder releases and at once re-requests the lock every
    /// `check_interval` ticks. No hand-off, so on several cores the releasing
    /// thread usually wins again (Beazley's "thrashing").
    Tick,
    /// Python 3.2+: a waiter that saw no switch for `switch_interval` sets a
    /// drop request; the holder releases at its next check and waits until
    /// another thread has taken the lock (FORCE_SWITCHING).
    Timeout,
    /// Timeout plus per-thread priorities, explicit hand-off to the most
    /// urgent waiter, an I/O boost, and aging against starvation.
    #[default]
    Priority,
}

/// Construction parameters of a [`crate::Gil`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GilConfig {
    pub policy: Policy,
    /// How long a waiter waits before asking the holder to drop the lock
    /// (`sys.setswitchinterval`). Also the aging unit of the Priority policy.
    pub switch_interval: Duration,
    /// Ticks between voluntary releases under [`Policy::Tick`]
    /// (`sys.setcheckinterval`). Zero is treated as one.
    pub check_interval: u32,
    /// Priority bonus a thread gets when it comes back from a blocking call,
    /// until it next releases the lock ([`Policy::Priority`] only).
    pub io_boost: i32,
    /// Switch intervals after which a waiter of the [`Policy::Priority`] policy is
    /// *starving*: it then outranks every thread that is not, whatever their priorities,
    /// and starving waiters are served first come first served. This bounds every thread's
    /// wait for the lock (see `docs/gil.md`). Zero is treated as one.
    pub starve_after: u32,
}

impl Default for GilConfig {
    fn default() -> Self {
        GilConfig {
            policy: Policy::Priority,
            switch_interval: Duration::from_millis(5),
            check_interval: 100,
            io_boost: 1,
            starve_after: 10,
        }
    }
}

impl GilConfig {
    /// The default configuration with another policy.
    pub fn with_policy(policy: Policy) -> Self {
        GilConfig {
            policy,
            ..GilConfig::default()
        }
    }
}
