//! Progress on standard error while an import or a long list runs: only
//! when standard error is a terminal and the output is text (never in a
//! pipe, a file or JSON/CSV/iCalendar output), and only once the work has
//! taken half a second, so that quick answers draw nothing.
//!
//! Where the work is countable (the years a long list computes, the
//! occurrences of an import, each checked, counted by
//! [`clash_app::Progress`]) it is a bar with the position and length;
//! before that stage, and for work that is not counted (reading the file,
//! writing a long list), a spinner.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use clash_app::{Command, Format, Progress, Request};

/// How long the work may take before anything shows.
pub const DELAY: Duration = Duration::from_millis(500);

/// The fewest steps worth a bar (one step tells nothing).
const MIN_BAR: u64 = 2;

/// Whether progress may be drawn for `request` when standard error is a
/// terminal (`stderr_tty`): text output of `import`, `list` or `export`.
pub fn wanted(request: &Request, stderr_tty: bool) -> bool {
    stderr_tty
        && request.format == Format::Text
        && matches!(
            request.command,
            Command::Import(_) | Command::List(_) | Command::Export(_)
        )
}

/// What is drawn for the work's position (see [`Progress::position`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The work goes on; how far is not known.
    Spinner,
    /// `position` steps of `length` done.
    Bar {
        /// Steps done.
        position: u64,
        /// Steps in all.
        length: u64,
    },
}

/// The shape for a position: a bar once a countable stage of at least
/// [`MIN_BAR`] steps has begun, else a spinner.
pub fn shape(position: Option<(u64, u64)>) -> Shape {
    match position {
        Some((done, total)) if total >= MIN_BAR => Shape::Bar {
            position: done.min(total),
            length: total,
        },
        _ => Shape::Spinner,
    }
}

/// A spinner, then a bar, that appears after [`DELAY`] unless finished
/// before.
pub struct Indicator {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Indicator {
    /// Starts the wait for `what` (`checking the calendar`), showing how
    /// far `progress` has come.
    pub fn start(what: &'static str, progress: Arc<Progress>) -> Indicator {
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
            let mut drawn = Shape::Spinner;
            while !flag.load(Ordering::Relaxed) {
                let now = shape(progress.position());
                if let Shape::Bar { position, length } = now {
                    if !matches!(drawn, Shape::Bar { .. }) {
                        bar.disable_steady_tick();
                        bar.set_style(bar_style());
                    }
                    bar.set_length(length);
                    bar.set_position(position);
                }
                drawn = now;
                std::thread::sleep(Duration::from_millis(50));
            }
            bar.finish_and_clear();
        });
        Indicator {
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

impl Drop for Indicator {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `checking the calendar… [#####     ] 512/1024`.
fn bar_style() -> indicatif::ProgressStyle {
    indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
        .map(|s| s.progress_chars("#> "))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
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
        Indicator::start("checking", Arc::new(Progress::new())).finish();
        assert!(started.elapsed() < DELAY);
    }

    /// A bar only once a countable stage of two steps or more has begun,
    /// its length the stage's steps and its position never past them.
    #[test]
    fn bar_or_spinner() {
        let bar = |position, length| Shape::Bar { position, length };
        let cases = [
            (None, Shape::Spinner),
            (Some((0, 0)), Shape::Spinner),
            (Some((0, 1)), Shape::Spinner),
            (Some((1, 1)), Shape::Spinner),
            (Some((0, 2)), bar(0, 2)),
            (Some((512, 1024)), bar(512, 1024)),
            (Some((10_000, 10_000)), bar(10_000, 10_000)),
            (Some((12, 10)), bar(10, 10)),
        ];
        for (position, want) in cases {
            assert_eq!(shape(position), want, "{position:?}");
        }
    }
}
