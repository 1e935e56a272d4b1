//! The TOML catalogue loader: any text either loads (and then expands a
//! year without panicking) or gives an error; never a panic or a hang.
#![no_main]

use clash_core::{CatalogueBuilder, Index};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalogue) = CatalogueBuilder::new()
        .add_str("fuzz.toml", text)
        .and_then(CatalogueBuilder::build)
    else {
        return;
    };
    // A loaded catalogue must expand: a year, and a leap year's edge.
    let _ = Index::new(&catalogue, 2024, 2025);
});
