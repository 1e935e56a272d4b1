//! `clash`: check meeting dates against religious, cultural, national and
//! international observances. A thin front end over `clash-app`: clap
//! arguments → a typed request → [`clash_app::run`] → a renderer, and the
//! exit code (0, 1 for a clash, 2 for an error).
//!
//! The command is a library so that the fuzz targets (`fuzz/`) can drive
//! its argument parsers in-process; the binary (`src/main.rs`) only calls
//! [`main`]. Nothing here is a stable API: embed `clash-app` or
//! `clash-core` instead.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod args;
mod progress;
mod request;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use clash_app::{Engine, Error, Report, Style};

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
    match answer(&args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("clash: error: {}", e.message());
            if let Some(hint) = e.hint_text() {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// Answers the command line on standard output: the exit code, or the
/// error to print.
fn answer(args: &args::Args) -> Result<u8, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if let args::Command::Completions { shell } = &args.command {
        clap_complete::generate(*shell, &mut args::Args::command(), "clash", &mut out);
        return flush(&mut out).map(|()| 0);
    }
    if let args::Command::Serve { listen, base_url } = &args.command {
        return serve(args, listen, base_url.as_deref()).map(|()| 0);
    }
    if let args::Command::Publish {
        dir,
        range_args,
        base_url,
    } = &args.command
    {
        return publish(args, dir, range_args, base_url.as_deref(), &mut out).map(|()| 0);
    }
    let Some(request) = request::request(args, clash_app::chrono::Utc::now()) else {
        return Ok(0);
    };
    let color = std::io::stdout().is_terminal()
        && args.common.format == args::Format::Text
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let style = Style { color };
    let engine = Engine::load(&request::extra(&args.common))?;
    let output_file = match &args.command {
        args::Command::Export { output, .. } => output.as_deref(),
        _ => None,
    };
    let counted = std::sync::Arc::new(clash_app::Progress::new());
    let indicator = progress::wanted(&request, std::io::stderr().is_terminal()).then(|| {
        progress::Indicator::start(
            match request.command {
                clash_app::Command::Import(_) => "checking the calendar",
                _ => "listing",
            },
            std::sync::Arc::clone(&counted),
        )
    });
    let code = engine.run_counted(&request, &counted, |report| {
        if let Some(s) = indicator {
            s.finish();
        }
        warn(report);
        let written = match output_file {
            Some(path) => write_feed(report, path, &mut out),
            None => clash_app::render(report, request.format, style, &mut out),
        };
        written.map(|()| u8::from(report.has_clash()))
    })??;
    flush(&mut out)?;
    Ok(code)
}

/// `clash serve`: the engine loaded once, the server on `listen` until
/// SIGINT or SIGTERM, then the requests in flight finished. The options
/// given to `serve` are each request's where its query says nothing.
fn serve(args: &args::Args, listen: &str, base_url: Option<&str>) -> Result<(), Error> {
    let base_url = base_url.map(clash_web::BaseUrl::parse).transpose()?;
    let config = clash_web::Config::new(request::options(&args.common), base_url.clone());
    let engine = std::sync::Arc::new(Engine::load(&request::extra(&args.common))?);
    // Options that no request could use (an unknown location, say) stop
    // the server now, not each request later.
    let today = clash_app::Command::Check(clash_app::Check {
        when: Some("today".to_string()),
        range: clash_app::FromTo::default(),
        meeting: clash_app::Meeting::default(),
    });
    let probe = clash_app::Request::new(today, clash_app::chrono::Utc::now())
        .options(config.defaults.clone());
    engine.run(&probe, |_| ())?;
    let io = |e: std::io::Error| Error::usage(format!("cannot serve on {listen}: {e}"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(io)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen).await.map_err(io)?;
        let addr = listener.local_addr().map_err(io)?;
        eprintln!("clash serve: listening on http://{addr}");
        if let Some(base) = &base_url {
            eprintln!("clash serve: reached at {}", base.as_str());
        }
        clash_web::serve(listener, engine, config, stop_signal())
            .await
            .map_err(io)
    })?;
    eprintln!("clash serve: stopped");
    Ok(())
}

/// `clash publish DIR`: the static site, made in memory, then written
/// beside DIR and swapped in whole; one line says what was written.
fn publish(
    args: &args::Args,
    dir: &Path,
    range: &args::RangeArgs,
    base_url: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let base_url = base_url.map(clash_web::BaseUrl::parse).transpose()?;
    let config = clash_web::Config::new(request::options(&args.common), base_url);
    let engine = Engine::load(&request::extra(&args.common))?;
    let window = clash_app::FromTo {
        from: range.from.clone(),
        to: range.to.clone(),
    };
    let site = clash_web::publish::site(&engine, &config, window, clash_app::chrono::Utc::now())?;
    clash_web::publish::write(dir, &site)
        .map_err(|e| Error::usage(format!("cannot publish to {}: {e}", dir.display())))?;
    let line = format!(
        "published {} files ({:.1} MB) to {} in {:.2} s\n",
        site.files().count(),
        site.bytes() as f64 / 1e6,
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    clash_app::render::write_text(out, &line)?;
    flush(out)
}

/// Resolves at the first SIGINT (Ctrl-C) or SIGTERM.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// Warnings first, on standard error (JSON on stdout stays parseable); a
/// closed stderr is no reason to fail.
fn warn(report: &Report<'_>) {
    let mut err = std::io::stderr().lock();
    for w in report.warnings() {
        let _ = writeln!(err, "warning: {w}");
    }
}

/// `export -o FILE`: the feed to the file, a line saying so to `out`.
fn write_feed(report: &Report<'_>, path: &Path, out: &mut dyn Write) -> Result<(), Error> {
    let feed = clash_app::render::to_string(report, clash_app::Format::Ics, Style::default())?;
    std::fs::write(path, feed.as_bytes())
        .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
    if let Report::Export(r) = report {
        let line = format!(
            "wrote {} events ({} to {}) to {}\n",
            r.occurrences.list.len(),
            r.from.0,
            r.to.0,
            path.display()
        );
        clash_app::render::write_text(out, &line)?;
    }
    Ok(())
}

/// Flushes standard output; a closed pipe (`clash list | head`) is not an
/// error.
fn flush(out: &mut (impl Write + ?Sized)) -> Result<(), Error> {
    clash_app::render::written_ok(out.flush())
}

/// The parsers of command-line values, for the fuzz targets.
#[doc(hidden)]
pub mod fuzzing {
    pub use clash_app::fuzzing::{meeting_time, parse_range, resolve_range};
    pub use clash_app::FromTo as RangeArgs;

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
