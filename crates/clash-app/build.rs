//! Prepares the embedded catalogue so that an `Engine` starts fast (a
//! `clash` process, or a server):
//! its compact form (parsed once here, read as JSON at startup:
//! `CatalogueBuilder::compact_embedded`), and its expansion at the default
//! settings for 1899–2100 (`clash_core::Baked`), from which a query reads
//! the years it needs instead of recomputing them. Cargo reruns this
//! whenever `clash-core` (and with it the embedded catalogue) changes.

use std::path::PathBuf;
use std::process::ExitCode;

use clash_core::{Baked, CatalogueBuilder, Settings};

/// The years baked: a query for `first..=last` reads `first - 1..=last`.
const YEARS: std::ops::RangeInclusive<i32> = 1899..=2100;

fn main() -> ExitCode {
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set");
        return ExitCode::FAILURE;
    };
    // Baked from the compact form, as the binary loads it (baked data is
    // tied to the text its catalogue was read from).
    let prepared = CatalogueBuilder::compact_embedded().and_then(|compact| {
        let catalogue = CatalogueBuilder::new().add_compact(&compact)?.build()?;
        Ok((
            Baked::bake(&catalogue, &Settings::default(), YEARS)?,
            compact,
        ))
    });
    let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes);
    let written = prepared
        .map_err(|e| e.to_string())
        .and_then(|(bytes, compact)| {
            write("baked.bin", &bytes)
                .and_then(|()| write("catalogue.json", compact.as_bytes()))
                .map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => {
            println!("cargo::rerun-if-changed=build.rs");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("preparing the embedded catalogue failed: {e}");
            ExitCode::FAILURE
        }
    }
}
