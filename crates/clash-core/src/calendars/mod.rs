//! Calendar arithmetic and astronomy: pure functions with no catalogue types.
//!
//! Each submodule cites the published algorithm it implements.

pub mod astro;
pub mod easter;
pub mod gregorian;
pub mod julian;
pub mod sun;
