//! How far a long piece of work has come, for a front end that shows it
//! (the CLI draws a bar on a terminal). The work counts its steps where it
//! knows how many there are; the reader asks from another thread.

use std::sync::atomic::{AtomicU64, Ordering};

/// A shared count of steps done out of a known total: zero total while
/// the length is not known (reading, parsing), so the reader shows a
/// spinner then and a bar once a countable stage starts.
///
/// # Example
/// ```
/// let p = clash_app::Progress::new();
/// assert_eq!(p.position(), None);
/// ```
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Nothing counted yet.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// A countable stage of `total` steps begins (none done).
    pub(crate) fn begin(&self, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total
            .store(u64::try_from(total).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// One more step is done.
    pub(crate) fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Steps done and the total, once a countable stage has begun (`None`
    /// before, or when its total is zero).
    pub fn position(&self) -> Option<(u64, u64)> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.done.load(Ordering::Relaxed).min(total), total))
    }
}

/// The engine's long expansions count their years here.
impl clash_core::StepCounter for Progress {
    fn begin(&self, total: usize) {
        Progress::begin(self, total);
    }

    fn step(&self) {
        Progress::step(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_steps_of_a_stage() {
        let p = Progress::new();
        assert_eq!(p.position(), None);
        p.step();
        assert_eq!(p.position(), None);
        p.begin(3);
        assert_eq!(p.position(), Some((0, 3)));
        p.step();
        p.step();
        assert_eq!(p.position(), Some((2, 3)));
        for _ in 0..5 {
            p.step();
        }
        assert_eq!(p.position(), Some((3, 3)));
        p.begin(0);
        assert_eq!(p.position(), None);
    }
}
