//! The renderers: one per output format (text for people, the JSON
//! contract, CSV, iCalendar through the core's feed writer), and
//! [`render`], which writes a report in the format asked for. Room is left
//! for HTML: a renderer is a function of a report.

mod csv;
pub(crate) mod json;
mod text;

use std::io::Write;

use crate::error::{Error, Result};
use crate::report::Report;
use crate::request::Format;

pub use crate::words::{iso_date, region_codes};
pub use text::Style;

use chrono::{DateTime, SecondsFormat};
use chrono_tz::Tz;

/// RFC 3339 with the local offset, to the second.
pub fn rfc3339(t: &DateTime<Tz>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Writes `report` to `out` in `format`: JSON as it is serialised (a
/// 201-year list is tens of megabytes), the others whole. A closed pipe is
/// the reader's choice, not an error.
pub fn render(
    report: &Report<'_>,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> Result<()> {
    let written = match format {
        Format::Json => json::render_to(out, report),
        _ => {
            let text = to_text(report, format, style)?;
            out.write_all(text.as_bytes())
        }
    };
    written_ok(written)
}

/// As [`render`], added to `out`: JSON straight into the vector, with no
/// buffer in front of it (the server's answers).
///
/// # Errors
/// As [`render`].
pub fn render_into(
    report: &Report<'_>,
    format: Format,
    style: Style,
    out: &mut Vec<u8>,
) -> Result<()> {
    match format {
        Format::Json => written_ok(json::render_vec(out, report)),
        _ => render(report, format, style, out),
    }
}

/// `report` in `format`, as a string.
pub fn to_string(report: &Report<'_>, format: Format, style: Style) -> Result<String> {
    match format {
        Format::Json => {
            let mut out = Vec::with_capacity(1 << 16);
            render_into(report, format, style, &mut out)?;
            // serde_json writes UTF-8 only.
            Ok(String::from_utf8_lossy(&out).into_owned())
        }
        _ => to_text(report, format, style),
    }
}

/// A report in a format other than JSON.
fn to_text(report: &Report<'_>, format: Format, style: Style) -> Result<String> {
    use Format::{Csv, Ics, Text};
    Ok(match (report, format) {
        (Report::Check(r), Text) => text::clashes(
            &r.found.verdict,
            (r.query.from.0, r.query.to.0),
            r.query.with_food,
            r.query.location.0,
            style,
        ),
        (Report::Check(r), Csv) => csv::clashes(&r.found.verdict, r.query.location.0),
        (Report::Timed(r), Text) => {
            text::timed(&r.meetings.list, &r.query.notes, r.query.location.0, style)
        }
        (Report::Timed(r), Csv) => csv::timed(&r.meetings.list),
        (Report::Suggest(r), Text) => text::suggestions(
            &r.found.suggestions,
            &r.request,
            r.profile,
            r.query.location.0,
            style,
        ),
        (Report::Suggest(r), Csv) => csv::suggestions(&r.found.suggestions),
        (Report::List(r), Text) => {
            text::occurrences(&r.occurrences.list, r.from.0, r.to.0, r.location.0, style)
        }
        (Report::List(r) | Report::Export(r), Ics) | (Report::Export(r), Text) => {
            clash_core::ical::feed(&r.feed_name, r.location.0, &r.occurrences.list, &r.notes)
        }
        (Report::List(r), Csv) => csv::occurrences(&r.occurrences.list, r.location.0),
        (Report::Import(r), Text) => text::imported(r, style),
        (Report::Import(r), Csv) => csv::imported(&r.events.list),
        (Report::Observances(r), Text) => text::observances(&r.observances.0, style),
        (Report::Observances(r), Csv) => csv::observances(&r.observances.0),
        (Report::Show(r), Text) => {
            text::show(r.observance.0, &r.occurrences.list, r.location.0, style)
        }
        (Report::Show(r), Csv) => csv::occurrences(&r.occurrences.list, r.location.0),
        (Report::Sun(r), Text) => text::sun(&r.days.0, r.location.0, style),
        (Report::Sun(r), Csv) => csv::sun(&r.days.0),
        (Report::Locations(_), Text) => text::locations(style),
        (Report::Locations(r), Csv) => csv::locations(r),
        (_, _) => return Err(Error::usage(format!("this report has no {format:?} form"))),
    })
}

/// Writes a line of the front end's own to `out` (a closed pipe is not an
/// error).
pub fn write_text(out: &mut dyn Write, text: &str) -> Result<()> {
    written_ok(out.write_all(text.as_bytes()))
}

/// A write's outcome for the user: a closed pipe (`clash list | head`) is
/// the reader's choice, not an error; any other failure is one.
pub fn written_ok(written: std::io::Result<()>) -> Result<()> {
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::usage(e.to_string())),
        _ => Ok(()),
    }
}
