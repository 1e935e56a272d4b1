//! A spinner on standard error while an import or a long list runs: only
//! when standard error is a terminal and the output is text (never in a
//! pipe, a file or JSON/CSV/iCalendar output), and only once the work has
//! taken half a second, so that quick answers draw nothing.
//!
//! It shows that the work goes on, not how far it is: the application
//! layer reports no progress of its own yet.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use clash_app::{Command, Format, Request};

/// How long the work may take before the spinner shows.
pub const DELAY: Duration = Duration::from_millis(500);

/// Whether a spinner may be drawn for `request` when standard error is a
/// terminal (`stderr_tty`): text output of `import`, `list` or `export`.
pub fn wanted(request: &Request, stderr_tty: bool) -> bool {
    stderr_tty
        && request.format == Format::Text
        && matches!(
            request.command,
            Command::Import(_) | Command::List(_) | Command::Export(_)
        )
}

/// A spinner that appears after [`DELAY`] unless finished before.
pub struct Spinner {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Spinner {
    /// Starts the wait for `what` (`checking the calendar`).
    pub fn start(what: &'static str) -> Spinner {
        let done = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&done);
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            while started.elapsed() < DELAY {
                if flag.load(Ordering::Relaxed) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message(format!("{what}…"));
            bar.enable_steady_tick(Duration::from_millis(100));
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
            }
            bar.finish_and_clear();
        });
        Spinner {
            done,
            thread: Some(thread),
        }
    }

    /// Stops and clears it (before anything else is written).
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clash_app::chrono::{TimeZone, Utc};
    use clash_app::{Calendar, FromTo, Import, List};

    /// Only text output of import, list and export, and only on a
    /// terminal: never in a pipe or in JSON, CSV or iCalendar output.
    #[test]
    fn only_on_a_terminal_for_text() {
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let import = Command::Import(Import {
            calendar: Calendar::Stdin,
            range: FromTo::default(),
            with_food: false,
        });
        let list = Command::List(List::default());
        let cases = [
            (import.clone(), Format::Text, true, true),
            (import.clone(), Format::Text, false, false),
            (import.clone(), Format::Json, true, false),
            (import, Format::Csv, true, false),
            (list.clone(), Format::Text, true, true),
            (list.clone(), Format::Ics, true, false),
            (list, Format::Json, false, false),
            (Command::Locations, Format::Text, true, false),
        ];
        for (command, format, tty, want) in cases {
            let r = Request::new(command.clone(), now).format(format);
            assert_eq!(wanted(&r, tty), want, "{command:?} {format:?} tty={tty}");
        }
    }

    /// A quick answer draws nothing and finishing returns at once.
    #[test]
    fn a_quick_answer_draws_nothing() {
        let started = Instant::now();
        Spinner::start("checking").finish();
        assert!(started.elapsed() < DELAY);
    }
}
