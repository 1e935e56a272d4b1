//! On Linux, link the `clash` binary at a fixed address (not
//! position-independent): the 35,000 relocations of its tables (time
//! zones, names) are then resolved by the linker instead of at every
//! start, which took a third of a `clash check` process (2.8 ms → see
//! README, Performance). The embedded catalogue is prepared by
//! `clash-app`'s build script.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
