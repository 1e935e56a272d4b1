//! Bakes the embedded catalogue at the default settings for 1899–2100 (see
//! `clash_core::Baked`), so that the `clash` process reads the occurrences
//! a query needs instead of recomputing them on every run. Cargo reruns
//! this whenever `clash-core` (and with it the embedded catalogue) changes.

use std::path::PathBuf;
use std::process::ExitCode;

use clash_core::{Baked, Catalogue, Settings};

/// The years baked: a query for `first..=last` reads `first - 1..=last`.
const YEARS: std::ops::RangeInclusive<i32> = 1899..=2100;

fn main() -> ExitCode {
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set");
        return ExitCode::FAILURE;
    };
    let baked = Catalogue::embedded()
        .and_then(|catalogue| Baked::bake(&catalogue, &Settings::default(), YEARS));
    let written = baked
        .map_err(|e| e.to_string())
        .and_then(|bytes| std::fs::write(out.join("baked.bin"), bytes).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            println!("cargo::rerun-if-changed=build.rs");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("baking the embedded catalogue failed: {e}");
            ExitCode::FAILURE
        }
    }
}
