//! Long-range checks of computed dates against independent golden data in
//! `tests/golden/` (each file names its source and licence in its header).

mod astronomy;
mod bank_holidays;
mod easter;
mod jewish;
mod lunisolar;
mod sun;

use std::path::PathBuf;

/// The data lines of a golden file (comments and blank lines skipped).
pub fn golden_lines(name: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

pub fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s}: {e}"))
}
