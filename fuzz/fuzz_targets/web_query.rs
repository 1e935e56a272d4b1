//! Fuzz target: `clash_tests::web_query` (its documentation says what must hold).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| clash_tests::web_query(data));
