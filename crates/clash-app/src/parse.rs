//! The parsers of user-given values (dates, ranges, times of day), pure:
//! `today` is passed in. Each failure is one clear message.

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::{Error, Result};
use crate::request::FromTo;

/// Which end of a range a year or a month stands for.
#[derive(Clone, Copy)]
enum End {
    First,
    Last,
}

/// `today` or `tomorrow` (in any case), relative to `today`.
fn day_word(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    if s.eq_ignore_ascii_case("today") {
        Some(today)
    } else if s.eq_ignore_ascii_case("tomorrow") {
        today.succ_opt()
    } else {
        None
    }
}

/// Whether `s` is all ASCII digits, `n` of them.
fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD`: `None` for another shape, an error for a day that does
/// not exist.
fn parse_ymd(s: &str) -> Option<Result<NaiveDate>> {
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    shape_ok.then(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| Error::usage(format!("invalid date `{s}`: no such day in the calendar")))
    })
}

/// Parses one day: `YYYY-MM-DD`, `today` or `tomorrow`.
///
/// Pure: `today` (the location's date) is passed in.
pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate> {
    let s = s.trim();
    if let Some(d) = day_word(s, today) {
        return Ok(d);
    }
    parse_ymd(s).unwrap_or_else(|| {
        Err(Error::usage(format!(
            "invalid date `{s}` (expected YYYY-MM-DD, today or tomorrow)"
        )))
    })
}

/// Parses an end of a range: `YYYY-MM-DD`, `today`, `tomorrow`, or a
/// month `YYYY-MM` or a year `YYYY` (its first or last day).
fn parse_day(s: &str, end: End, today: NaiveDate) -> Result<NaiveDate> {
    let s = s.trim();
    if let Some(d) = day_word(s, today) {
        return Ok(d);
    }
    if digits(s, 4) {
        let year: i32 = s
            .parse()
            .map_err(|_| Error::usage(format!("invalid year `{s}`")))?;
        let (m, d) = match end {
            End::First => (1, 1),
            End::Last => (12, 31),
        };
        return NaiveDate::from_ymd_opt(year, m, d)
            .ok_or_else(|| Error::usage(format!("invalid year `{s}`")));
    }
    if let Some((y, m)) = s
        .split_once('-')
        .filter(|(y, m)| digits(y, 4) && digits(m, 2))
    {
        let bad = || {
            Error::usage(format!(
                "invalid month `{s}` (expected YYYY-MM with a month from 01 to 12)"
            ))
        };
        let (year, month): (i32, u32) =
            (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        return match end {
            End::First => Ok(first),
            // The day before the first of the next month.
            End::Last => first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|next| next.pred_opt())
                .ok_or_else(bad),
        };
    }
    if s.contains('T') {
        return Err(Error::usage(format!(
            "`{s}`: a time of day is not supported here; give a date (YYYY-MM-DD)"
        )));
    }
    parse_ymd(s).unwrap_or_else(|| {
        Err(Error::usage(format!(
            "invalid date `{s}` (expected YYYY-MM-DD, a month YYYY-MM, a year, today or tomorrow)"
        )))
    })
}

/// Whether a positional `check` argument carries a time of day
/// (`YYYY-MM-DDTHH:MM`): a `T` after something other than a day word.
pub fn has_time(s: &str) -> bool {
    // `today` and `tomorrow` have a `T` only first, in any case.
    s.split_once('T').is_some_and(|(d, _)| !d.is_empty())
}

/// Parses `DATE`, `YEAR`, `MONTH` or `FROM..TO` into an inclusive, ordered
/// range within the supported years; a date is `YYYY-MM-DD`, `today` or
/// `tomorrow` (relative to `today`), a month `YYYY-MM` or a year `YYYY`
/// stands for all its days.
pub fn parse_range(s: &str, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let (from, to) = match s.split_once("..") {
        Some((a, b)) => (
            parse_day(a, End::First, today)?,
            parse_day(b, End::Last, today)?,
        ),
        None => (
            parse_day(s, End::First, today)?,
            parse_day(s, End::Last, today)?,
        ),
    };
    check_range(from, to)
}

/// A range that is in order and within the supported years.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    if from > to {
        return Err(Error::usage(format!("the range {from}..{to} is reversed"))
            .hint("give the earlier date first"));
    }
    let years = clash_core::SUPPORTED_YEARS;
    if !years.contains(&from.year()) || !years.contains(&to.year()) {
        return Err(Error::usage(format!(
            "{from}..{to} is outside the supported years {}..{}",
            years.start(),
            years.end()
        )));
    }
    if to.year() - from.year() >= clash_core::MAX_YEARS {
        return Err(Error::usage(format!(
            "a range of more than {} years is not supported",
            clash_core::MAX_YEARS
        )));
    }
    Ok((from, to))
}

/// A meeting's `--time HH:MM` (minutes after midnight) and `--duration`
/// (minutes, default 60, at most `max_minutes`).
pub fn meeting_time(time: &str, duration: Option<&str>, max_minutes: i64) -> Result<(u32, i64)> {
    let clock = clash_core::parse_clock(time).ok_or_else(|| {
        Error::usage(format!(
            "invalid time `{time}` (expected HH:MM, 00:00 to 23:59)"
        ))
    })?;
    let minutes = match duration {
        Some(d) => clash_core::parse_duration_minutes(d)
            .filter(|m| *m <= max_minutes)
            .ok_or_else(|| {
                let most = match max_minutes {
                    m if m % (24 * 60) == 0 && m > 24 * 60 => format!("{} days", m / (24 * 60)),
                    m => format!("{} hours", m / 60),
                };
                Error::usage(format!("invalid duration `{d}`")).hint(format!(
                    "use minutes or hours such as 90m, 2h or 1h30m, at most {most}"
                ))
            })?,
        None => 60,
    };
    Ok((clock, minutes))
}

/// The range of a command that takes a positional RANGE or `--from/--to`,
/// defaulting to `today .. today + default_days`.
pub fn resolve_range(
    positional: Option<&str>,
    args: &FromTo,
    today: NaiveDate,
    default_days: i64,
) -> Result<(NaiveDate, NaiveDate)> {
    if let Some(p) = positional {
        if args.from.is_some() || args.to.is_some() {
            return Err(Error::usage("give either a RANGE or --from/--to, not both"));
        }
        return parse_range(p, today);
    }
    let from = match &args.from {
        Some(f) => parse_day(f, End::First, today)?,
        None => today,
    };
    let to = match &args.to {
        Some(t) => parse_day(t, End::Last, today)?,
        None => from + Duration::days(default_days),
    };
    check_range(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    /// A fixed today: parsers never read the clock.
    const TODAY: (i32, u32, u32) = (2027, 12, 31);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn ranges() {
        let cases = [
            ("2026", (d(2026, 1, 1), d(2026, 12, 31))),
            ("2026..2027-03-01", (d(2026, 1, 1), d(2027, 3, 1))),
            // A month stands for all its days: leap and common Februaries,
            // December's end, 30- and 31-day months.
            ("2027-02", (d(2027, 2, 1), d(2027, 2, 28))),
            ("2028-02", (d(2028, 2, 1), d(2028, 2, 29))),
            ("2100-02", (d(2100, 2, 1), d(2100, 2, 28))),
            ("2000-02", (d(2000, 2, 1), d(2000, 2, 29))),
            ("2027-12", (d(2027, 12, 1), d(2027, 12, 31))),
            ("2027-11", (d(2027, 11, 1), d(2027, 11, 30))),
            ("2027-10..2027-12", (d(2027, 10, 1), d(2027, 12, 31))),
            ("2027-10..2027-10-15", (d(2027, 10, 1), d(2027, 10, 15))),
            ("2027-10-15..2027-11", (d(2027, 10, 15), d(2027, 11, 30))),
            ("2027..2028-02", (d(2027, 1, 1), d(2028, 2, 29))),
            // today and tomorrow, in any case, also across a year's end.
            ("today", (d(2027, 12, 31), d(2027, 12, 31))),
            ("tomorrow", (d(2028, 1, 1), d(2028, 1, 1))),
            ("today..tomorrow", (d(2027, 12, 31), d(2028, 1, 1))),
            ("Today..TOMORROW", (d(2027, 12, 31), d(2028, 1, 1))),
            ("today..2028-02", (d(2027, 12, 31), d(2028, 2, 29))),
            ("2027-12..today", (d(2027, 12, 1), d(2027, 12, 31))),
            (" 2027-02 ", (d(2027, 2, 1), d(2027, 2, 28))),
        ];
        for (text, want) in cases {
            assert_eq!(parse_range(text, today()).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn bad_ranges() {
        let cases = [
            ("2026-02-30", "no such day"),
            ("2026-2-3", "invalid date `2026-2-3`"),
            ("26-01-01", "invalid date `26-01-01`"),
            ("2027..2026", "reversed"),
            (
                "2027-12..2027-10",
                "the range 2027-12-01..2027-10-31 is reversed",
            ),
            ("tomorrow..today", "reversed"),
            ("2027-13", "invalid month `2027-13`"),
            ("2027-00", "invalid month `2027-00`"),
            ("2027-1", "invalid date `2027-1`"),
            ("1200-02", "outside the supported years"),
            ("x", "invalid date `x`"),
            ("yesterday", "invalid date `yesterday`"),
            ("", "invalid date ``"),
            ("2026-01-01T10:00", "a time of day"),
        ];
        for (text, needle) in cases {
            let e = parse_range(text, today()).unwrap_err();
            assert!(e.message().contains(needle), "{text}: {}", e.message());
        }
    }

    #[test]
    fn from_and_to() {
        let range = |from: Option<&str>, to: Option<&str>| {
            let args = FromTo {
                from: from.map(str::to_string),
                to: to.map(str::to_string),
            };
            resolve_range(None, &args, today(), 27).map_err(|e| e.message().to_string())
        };
        let cases = [
            (
                (Some("2027-10"), Some("2027-11")),
                (d(2027, 10, 1), d(2027, 11, 30)),
            ),
            (
                (Some("2028-02"), Some("2028-02")),
                (d(2028, 2, 1), d(2028, 2, 29)),
            ),
            (
                (Some("today"), Some("tomorrow")),
                (d(2027, 12, 31), d(2028, 1, 1)),
            ),
            ((Some("tomorrow"), None), (d(2028, 1, 1), d(2028, 1, 28))),
            ((None, Some("2028-01")), (d(2027, 12, 31), d(2028, 1, 31))),
            (
                (Some("2027"), Some("2028")),
                (d(2027, 1, 1), d(2028, 12, 31)),
            ),
        ];
        for ((from, to), want) in cases {
            assert_eq!(range(from, to), Ok(want), "{from:?} {to:?}");
        }
        assert!(range(Some("2027-13"), None).is_err());
        assert!(range(Some("tomorrow"), Some("today")).is_err());
    }

    #[test]
    fn single_dates() {
        assert_eq!(parse_date("today", today()).unwrap(), today());
        assert_eq!(parse_date("Tomorrow", today()).unwrap(), d(2028, 1, 1));
        assert_eq!(parse_date("2027-02-28", today()).unwrap(), d(2027, 2, 28));
        for bad in ["2027-02", "2027", "2027-02-29", "now", "todayT10:00"] {
            assert!(parse_date(bad, today()).is_err(), "{bad}");
        }
    }

    #[test]
    fn times_in_positional_arguments() {
        for (text, timed) in [
            ("2027-03-10T19:00", true),
            ("todayT18:00", true),
            ("today", false),
            ("Today", false),
            ("TOMORROW", false),
            ("tomorrow", false),
            ("2027-03", false),
        ] {
            assert_eq!(has_time(text), timed, "{text}");
        }
    }
}
