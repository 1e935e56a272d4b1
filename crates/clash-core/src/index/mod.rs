//! The index's queries above the occurrence index itself: timed checks.

pub(crate) mod timed;
