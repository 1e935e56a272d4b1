//! `clash`: check meeting dates against religious, cultural, national and
//! international observances. A thin layer over `clash-core`:
//! arguments → validated config → one core call → one printer per format.
//!
//! The command is a library so that the fuzz targets (`fuzz/`) can drive
//! its argument parsers in-process; the binary (`src/main.rs`) only calls
//! [`main`]. Nothing here is a stable API: embed `clash-core` instead.

mod args;
mod cmd;
mod config;
mod output;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

/// Runs `clash` with the process's arguments and standard streams.
pub fn main() -> ExitCode {
    let args = match args::Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let color = stdout.is_terminal()
        && args.common.format == args::Format::Text
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // Long JSON lists are written here as they are serialised.
    let mut lock = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match cmd::run(&args, color, &mut lock) {
        Ok(outcome) => {
            // Warnings first, on standard error (JSON on stdout stays
            // parseable); a closed stderr is no reason to fail.
            let mut err = std::io::stderr().lock();
            for w in &outcome.warnings {
                let _ = writeln!(err, "warning: {w}");
            }
            drop(err);
            match lock
                .write_all(outcome.output.as_bytes())
                .and_then(|()| lock.flush())
            {
                Ok(()) => ExitCode::from(outcome.code),
                // A closed pipe (`clash list | head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(outcome.code)
                }
                Err(e) => {
                    eprintln!("clash: error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(e) => {
            eprintln!("clash: error: {}", e.message);
            if let Some(hint) = e.hint {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(2)
        }
    }
}

/// The parsers of command-line values, for the fuzz targets.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::args::RangeArgs;
    pub use crate::config::{meeting_time, parse_range, resolve_range};

    /// Whether the command line parses (clap's own checks).
    pub fn parses<I, T>(argv: I) -> bool
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::Parser;
        crate::args::Args::try_parse_from(argv).is_ok()
    }
}
