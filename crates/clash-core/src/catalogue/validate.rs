//! Turning the parsed TOML ([`super::spec`]) into validated [`Observance`]s.
//! Every error names the field, the value and what is allowed; the caller adds
//! the file, line and observance id.

use std::path::Path;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};

use super::spec::{
    AnnouncedSpec, EndSpec, ExceptionSpec, HoursSpec, ObservanceSpec, RuleSpec, SubstituteSpec,
    Text, TithiSpec,
};
use crate::calendars::hebrew::HebrewMonth;
use crate::calendars::hindu::{Window, MASA_NAMES};
use crate::error::{Error, Result};
use crate::model::SUPPORTED_YEARS;
use crate::model::{Category, Certainty, DayStart, Impact, ObservanceId, Region, Tradition};
use crate::observance::Observance;
use crate::rules::hindu::{HinduRule, SIGN_NAMES};
use crate::rules::{
    Also, Announced, Computus, Exception, ExceptionAction, Extent, HebrewAdjust, Named, RRuleRule,
    Rule, Substitute, Zone, ALSO_NEAR_DAYS, MAX_SPAN_DAYS,
};
use crate::timing::{At, DayEnd, Early, EveHours, Fast, Hours, Timing};

/// Validates one observance; `origin` is recorded on it.
pub(crate) fn observance(spec: ObservanceSpec, origin: &Path) -> Result<Observance> {
    let id = ObservanceId::new(&spec.id).map_err(|e| e.with_field("id"))?;
    let rule = field("rule", rule(spec.rule))?;
    let certainty = match &spec.certainty {
        Some(c) => field("certainty", Certainty::from_str(c))?,
        None => default_certainty(&rule),
    };
    let uncertainty_days = match (certainty, spec.uncertainty_days) {
        (Certainty::Estimated, None) => 1,
        (Certainty::Estimated, Some(n @ 1..=3)) => n,
        (Certainty::Estimated, Some(n)) => {
            return Err(bad(
                "uncertainty_days",
                n,
                "1 to 3 for an estimated observance",
            ))
        }
        (_, None | Some(0)) => 0,
        (_, Some(n)) => {
            return Err(bad(
                "uncertainty_days",
                n,
                "0 unless `certainty = \"estimated\"`",
            ))
        }
    };
    let extent = match (spec.duration, spec.end) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid("give either `duration` or `end`, not both"))
        }
        (Some(n), None) if n >= 1 && i64::from(n) <= MAX_SPAN_DAYS => Extent::Days(n),
        (Some(n), None) => return Err(bad("duration", n, &format!("1 to {MAX_SPAN_DAYS} days"))),
        (None, Some(end)) => field("end", extent(end))?,
        (None, None) => Extent::Days(1),
    };
    let israel_extent = match spec.israel_duration {
        None => None,
        Some(n)
            if n >= 1 && i64::from(n) <= MAX_SPAN_DAYS && matches!(rule, Rule::Hebrew { .. }) =>
        {
            Some(Extent::Days(n))
        }
        Some(n) => {
            return Err(bad(
                "israel_duration",
                n,
                "1 to 400 days, for a Hebrew-calendar rule",
            ))
        }
    };
    let (first_year, last_year) = match spec.years {
        Some(y) => {
            for year in [y.from, y.to].into_iter().flatten() {
                check_year("years", year)?;
            }
            if let (Some(a), Some(b)) = (y.from, y.to) {
                if a > b {
                    return Err(bad("years", format!("{a}..{b}"), "`from` not after `to`"));
                }
            }
            (y.from, y.to)
        }
        None => (None, None),
    };
    let regions = spec
        .regions
        .iter()
        .map(|r| field("regions", Region::from_str(r)))
        .collect::<Result<_>>()?;
    let begins = match &spec.begins {
        Some(b) => field("begins", DayStart::from_str(b))?,
        None => DayStart::Midnight,
    };
    let mut timing = timing(
        spec.hours.as_ref(),
        spec.fast.as_deref(),
        spec.ends.as_deref(),
        begins,
    )?;
    timing.early = match spec.begins_early {
        Some(e) => {
            if begins != DayStart::SunsetBefore {
                return Err(
                    Error::invalid("`begins_early` needs `begins = \"sunset-before\"`")
                        .with_field("begins_early"),
                );
            }
            if e.minutes == 0 || e.minutes > 120 {
                return Err(
                    Error::invalid("must be 1 to 120 minutes").with_field("begins_early.minutes")
                );
            }
            Some(Early {
                minutes: e.minutes,
                what: short_line("begins_early.what", e.what)?,
            })
        }
        None => None,
    };
    timing.eve = match spec.eve {
        Some(e) => {
            if begins != DayStart::SunsetBefore {
                return Err(
                    Error::invalid("`eve` needs `begins = \"sunset-before\"`").with_field("eve")
                );
            }
            Some(EveHours {
                from: field("eve.from", At::from_str(&e.from))?,
                what: short_line("eve.what", e.what)?,
            })
        }
        None => None,
    };
    timing.food = match spec.food {
        Some(f) => Some(short_line("food", f)?),
        None => None,
    };
    let impact_elsewhere = match &spec.impact_elsewhere {
        Some(i) if spec.regions.is_empty() => {
            return Err(
                Error::invalid(format!("`impact_elsewhere = \"{i}\"` needs `regions`"))
                    .with_field("impact_elsewhere"),
            )
        }
        Some(i) => Some(field("impact_elsewhere", Impact::from_str(i))?),
        None => None,
    };
    let mut exceptions = spec
        .exceptions
        .into_iter()
        .map(|e| field("exceptions", exception(e)))
        .collect::<Result<Vec<_>>>()?;
    let substitute = match spec.substitute {
        Some(s) => {
            let group = spec.holiday_group.clone().ok_or_else(|| {
                Error::invalid("`substitute` needs a `holiday_group` naming the holidays it skips")
            })?;
            Some(field("substitute", substitute(s, group.into_string()))?)
        }
        None => None,
    };
    let also = match spec.also {
        Some(a) => {
            if a.offset.abs() > ALSO_NEAR_DAYS {
                return Err(bad("also.offset", a.offset, "-7 to 7 days"));
            }
            if a.to.is_none() && a.offset == 0 {
                return Err(bad(
                    "also.offset",
                    0,
                    "a day other than the observance's own",
                ));
            }
            let to = match a.to {
                Some(to) => Some(field("also.to", ObservanceId::new(&to))?),
                None => None,
            };
            Some(Also {
                to,
                offset: a.offset,
                what: short_line("also.what", a.what)?,
            })
        }
        None => None,
    };
    if spec.holiday_group.is_some() && spec.regions.is_empty() {
        return Err(
            Error::invalid("a `holiday_group` member needs `regions`").with_field("regions")
        );
    }
    for (name, text) in [
        ("name", &spec.name),
        ("summary", &spec.summary),
        ("advice", &spec.advice),
        ("source", &spec.source),
    ] {
        if text.trim().is_empty() {
            return Err(Error::invalid("must not be empty").with_field(name));
        }
        if text.len() > 1000 || has_newline(text) {
            return Err(Error::invalid("must be one line of at most 1000 bytes").with_field(name));
        }
    }
    let tradition = field("tradition", Tradition::from_str(&spec.tradition))?;
    let mut also_traditions = crate::model::Set::<Tradition>::empty();
    for t in &spec.also_traditions {
        let t = field("also_traditions", Tradition::from_str(t))?;
        if t == tradition {
            return Err(bad(
                "also_traditions",
                t,
                "another tradition than the observance's own",
            ));
        }
        also_traditions.insert(t);
    }
    let announced = field("announced", announced(spec.announced, certainty))?;
    for year in announced_years(&announced) {
        if exceptions.iter().any(|e| e.year == year) {
            return Err(bad(
                "announced",
                year,
                "a year that is not also in `exceptions`",
            ));
        }
        let rows: Vec<&Announced> = announced.iter().filter(|a| a.year == year).collect();
        exceptions.push(Exception {
            year,
            action: ExceptionAction::Move(rows.iter().map(|a| a.start).collect()),
            end: None,
            spans: rows.iter().map(|a| (a.start, a.end)).collect(),
            reason: format!(
                "announced: {}",
                rows.first().map_or("", |a| a.source.as_str())
            ),
        });
    }
    Ok(Observance {
        id,
        name: spec.name.into_string(),
        tradition,
        also_traditions,
        announced,
        category: field("category", Category::from_str(&spec.category))?,
        impact: field("impact", Impact::from_str(&spec.impact))?,
        begins,
        certainty,
        uncertainty_days,
        regions,
        summary: spec.summary.into_string(),
        advice: spec.advice.into_string(),
        source: spec.source.into_string(),
        rule,
        extent,
        israel_extent,
        first_year,
        last_year,
        exceptions,
        substitute,
        also,
        holiday_group: spec.holiday_group.map(Text::into_string),
        impact_elsewhere,
        timing,
        origin: origin.to_path_buf(),
    })
}

/// `hours`, `fast` and `ends` (the timing module's documentation).
fn timing(
    hours: Option<&HoursSpec>,
    fast: Option<&str>,
    ends: Option<&str>,
    begins: DayStart,
) -> Result<Timing> {
    let hours = match hours {
        Some(h) => {
            if h.what.trim().is_empty() || h.what.len() > 200 {
                return Err(Error::invalid("must be one short line").with_field("hours.what"));
            }
            let on_eve = match h.on.as_deref() {
                None | Some("eve") if begins == DayStart::SunsetBefore => true,
                None => false,
                Some("day") => false,
                Some("eve") => {
                    return Err(
                        Error::invalid("`on = \"eve\"` needs `begins = \"sunset-before\"`")
                            .with_field("hours.on"),
                    )
                }
                Some(other) => {
                    return Err(Error::invalid(format!(
                        "invalid value `{other}` (allowed: eve, day)"
                    ))
                    .with_field("hours.on"))
                }
            };
            Some(Hours {
                from: field("hours.from", At::from_str(&h.from))?,
                to: field("hours.to", At::from_str(&h.to))?,
                what: h.what.to_string(),
                all_day: h.all_day.unwrap_or(false),
                on_eve,
            })
        }
        None => None,
    };
    let fast = match fast {
        Some(f) => Some(field("fast", Fast::from_str(f))?),
        None => None,
    };
    if hours.is_some() && fast.is_some() {
        return Err(Error::invalid("give `hours` or `fast`, not both").with_field("fast"));
    }
    let ends = match ends {
        Some(e) if begins != DayStart::SunsetBefore => {
            return Err(Error::invalid(format!(
                "`ends = \"{e}\"` needs `begins = \"sunset-before\"`"
            ))
            .with_field("ends"))
        }
        Some(e) => field("ends", DayEnd::from_str(e))?,
        None => DayEnd::default(),
    };
    Ok(Timing {
        hours,
        fast,
        ends,
        ..Timing::default()
    })
}

/// A one-line text of at most 300 bytes.
fn short_line(name: &str, text: Text<'_>) -> Result<String> {
    if text.trim().is_empty() || text.len() > 300 || text.chars().any(char::is_control) {
        return Err(Error::invalid("must be one short line").with_field(name));
    }
    Ok(text.into_string())
}

fn field<T>(name: &str, r: Result<T>) -> Result<T> {
    r.map_err(|e| e.with_field(name))
}

fn bad(name: &str, value: impl std::fmt::Display, allowed: &str) -> Error {
    Error::invalid(format!("invalid value `{value}` (allowed: {allowed})")).with_field(name)
}

fn check_year(name: &str, year: i32) -> Result<()> {
    if SUPPORTED_YEARS.contains(&year) {
        Ok(())
    } else {
        Err(bad(
            name,
            year,
            &format!("{}..={}", SUPPORTED_YEARS.start(), SUPPORTED_YEARS.end()),
        ))
    }
}

fn default_certainty(rule: &Rule) -> Certainty {
    match rule {
        Rule::Fixed { .. } | Rule::Weekday { .. } | Rule::RRule(_) | Rule::Dates(_) => {
            Certainty::Fixed
        }
        _ => Certainty::Computed,
    }
}

fn month_day(month: u32, day: u32) -> Result<()> {
    if !(1..=12).contains(&month) {
        return Err(bad("month", month, "1 to 12"));
    }
    // 2024 is a leap year, so 29 February is accepted (it is skipped in other years).
    if NaiveDate::from_ymd_opt(2024, month, day).is_none() {
        return Err(bad("day", day, "a day that exists in that month"));
    }
    Ok(())
}

/// Parses `YYYY-MM-DD` within the supported years.
pub(crate) fn date(text: &str) -> Result<NaiveDate> {
    let d = iso_date(text)
        .ok_or_else(|| Error::invalid(format!("invalid date `{text}` (expected YYYY-MM-DD)")))?;
    check_year("date", chrono::Datelike::year(&d))?;
    Ok(d)
}

/// A date written exactly `YYYY-MM-DD` (four, two and two ASCII digits), if
/// it exists. Several times faster than chrono's format-string parser, which
/// showed in the catalogue's load.
fn iso_date(text: &str) -> Option<NaiveDate> {
    let bytes: &[u8; 10] = text.as_bytes().try_into().ok()?;
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *bytes else {
        return None;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(&[y0, y1, y2, y3])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&[m0, m1])?, number(&[d0, d1])?)
}

/// Whether a text has a line break (memchr: the catalogue's texts are read
/// at every start of the binary).
fn has_newline(text: &str) -> bool {
    memchr::memchr(b'\n', text.as_bytes()).is_some()
}

fn weekday(text: &str) -> Result<Weekday> {
    crate::model::parse_weekday(text).ok_or_else(|| bad("weekday", text, "monday … sunday"))
}

fn rule(spec: RuleSpec) -> Result<Rule> {
    Ok(match spec {
        RuleSpec::Fixed { month, day } => {
            month_day(month, day)?;
            Rule::Fixed { month, day }
        }
        RuleSpec::Weekday {
            month,
            weekday: w,
            nth,
            from_day,
        } => {
            month_day(month, from_day.unwrap_or(1))?;
            if nth == 0 || !(-5..=5).contains(&nth) {
                return Err(bad("nth", nth, "1 to 5, or -1 (last) to -5"));
            }
            Rule::Weekday {
                month,
                weekday: weekday(&w)?,
                nth,
                from_day,
            }
        }
        RuleSpec::Rrule { rrule, dtstart } => {
            let dtstart = match dtstart {
                Some(d) => date(&d).map_err(|e| e.with_field("dtstart"))?,
                None => NaiveDate::from_ymd_opt(*SUPPORTED_YEARS.start(), 1, 1)
                    .ok_or_else(|| Error::invalid("bad default dtstart"))?,
            };
            if rrule.to_ascii_uppercase().contains("DTSTART") {
                return Err(bad(
                    "rrule",
                    &rrule,
                    "one RRULE value without DTSTART (use `dtstart`)",
                ));
            }
            let invalid = |e: String| bad("rrule", &rrule, &format!("an RFC 5545 RRULE ({e})"));
            let raw = crate::rules::parse_rrule(&rrule).map_err(invalid)?;
            // Observances are days: a rule more frequent than daily, or
            // with times of day, would make the expansion walk every hour
            // or second since 1583; a long COUNT, every instance since.
            if !matches!(
                raw.get_freq(),
                rrule::Frequency::Yearly
                    | rrule::Frequency::Monthly
                    | rrule::Frequency::Weekly
                    | rrule::Frequency::Daily
            ) {
                return Err(bad(
                    "rrule",
                    &rrule,
                    "a rule at most daily (FREQ=YEARLY, MONTHLY, WEEKLY or DAILY)",
                ));
            }
            if !(raw.get_by_hour().is_empty()
                && raw.get_by_minute().is_empty()
                && raw.get_by_second().is_empty())
            {
                return Err(bad(
                    "rrule",
                    &rrule,
                    "a rule of days, without BYHOUR, BYMINUTE or BYSECOND",
                ));
            }
            if raw.get_count().is_some_and(|c| c > 10_000) {
                return Err(bad("rrule", &rrule, "COUNT at most 10000"));
            }
            let set = crate::rules::rrule_set(&rrule, dtstart.and_time(chrono::NaiveTime::MIN))
                .map_err(invalid)?;
            Rule::RRule(Box::new(RRuleRule {
                text: rrule.into_string(),
                dtstart,
                set,
            }))
        }
        RuleSpec::Dates { dates } => {
            if dates.is_empty() || dates.len() > 10_000 {
                return Err(bad("dates", dates.len(), "1 to 10000 dates"));
            }
            let mut parsed = dates.iter().map(|d| date(d)).collect::<Result<Vec<_>>>()?;
            parsed.sort_unstable();
            parsed.dedup();
            Rule::Dates(parsed)
        }
        RuleSpec::Easter { computus, offset } => {
            let computus = match computus.as_str() {
                "western" | "gregorian" => Computus::Western,
                "orthodox" | "julian" => Computus::Orthodox,
                _ => return Err(bad("computus", computus, "western, orthodox")),
            };
            check_offset(offset)?;
            Rule::Easter { computus, offset }
        }
        RuleSpec::Relative { to, offset } => {
            check_offset(offset)?;
            Rule::Relative {
                to: ObservanceId::new(&to).map_err(|e| e.with_field("to"))?,
                offset,
            }
        }
        RuleSpec::Hebrew {
            month,
            day,
            israel_day,
            adjust,
        } => {
            let month = HebrewMonth::from_code(&month).ok_or_else(|| {
                bad(
                    "month",
                    &month,
                    "a Hebrew month code M01–M12 or M05L (Adar I)",
                )
            })?;
            for d in std::iter::once(day).chain(israel_day) {
                if !(1..=30).contains(&d) {
                    return Err(bad("day", d, "1 to 30"));
                }
            }
            let adjust = match adjust {
                Some(a) => Some(HebrewAdjust::from_name(&a).ok_or_else(|| {
                    bad(
                        "adjust",
                        &a,
                        "shabbat-to-sunday, fast-of-esther, shabbat-to-thursday, yom-hashoah, yom-haatzmaut",
                    )
                })?),
                None => None,
            };
            Rule::Hebrew {
                month,
                day,
                israel_day,
                adjust,
            }
        }
        RuleSpec::Hijri { month, day } => {
            if !(1..=12).contains(&month) {
                return Err(bad("month", month, "1 (Muharram) to 12 (Dhu al-Hijjah)"));
            }
            if !(1..=30).contains(&day) {
                return Err(bad("day", day, "1 to 30"));
            }
            Rule::Hijri { month, day }
        }
        RuleSpec::Chinese { month, leap, day } => {
            if !(1..=12).contains(&month) {
                return Err(bad("month", month, "1 to 12"));
            }
            if !(1..=30).contains(&day) {
                return Err(bad("day", day, "1 to 30"));
            }
            Rule::Chinese { month, leap, day }
        }
        RuleSpec::Thai {
            month,
            day,
            athikamat,
        } => {
            if !(1..=12).contains(&month) {
                return Err(bad("month", month, "1 to 12"));
            }
            if !(1..=30).contains(&day) {
                return Err(bad("day", day, "1 to 30"));
            }
            let next_in_athikamat = match athikamat.as_deref() {
                None | Some("same") => false,
                Some("next") if month < 12 => true,
                Some(other) => return Err(bad(
                    "athikamat",
                    other,
                    "same, next (the month after, the second 8th after the 8th; months 1 to 11)",
                )),
            };
            Rule::Thai {
                month,
                day,
                next_in_athikamat,
            }
        }
        RuleSpec::SolarLongitude { longitude, zone } => {
            if !(0.0..360.0).contains(&longitude) {
                return Err(bad("longitude", longitude, "0 to 360 (exclusive)"));
            }
            let zone = match zone.as_str() {
                "location" => Zone::Location,
                "china" | "+08:00" => Zone::Fixed(480),
                "utc" | "+00:00" => Zone::Fixed(0),
                _ => return Err(bad("zone", &zone, "location, china (+08:00), utc")),
            };
            Rule::SolarLongitude { longitude, zone }
        }
        RuleSpec::Ethiopian { month, day } => {
            if !(1..=13).contains(&month) || !(1..=30).contains(&day) || (month == 13 && day > 6) {
                return Err(bad(
                    "day",
                    format!("{month}-{day}"),
                    "months 1–12 of 30 days, 13 of 5 or 6",
                ));
            }
            Rule::Ethiopian { month, day }
        }
        RuleSpec::Hindu(t) => Rule::Hindu(hindu_tithi(&t)?),
        RuleSpec::Sankranti { sign, after_sunset } => {
            let k = SIGN_NAMES
                .iter()
                .position(|m| *m == sign.as_str())
                .ok_or_else(|| bad("sign", &sign, &SIGN_NAMES.join(", ")))?;
            let after_sunset_next_day = match after_sunset.as_deref() {
                None | Some("next-day") => true,
                Some("same-day") => false,
                Some(other) => return Err(bad("after_sunset", other, "next-day, same-day")),
            };
            Rule::Hindu(HinduRule::Sankranti {
                sign: u8::try_from(k).unwrap_or(0),
                after_sunset_next_day,
            })
        }
        RuleSpec::Named { name } if HinduRule::from_name(&name).is_some() => Rule::Hindu(
            HinduRule::from_name(&name).ok_or_else(|| bad("name", &name, "a named rule"))?,
        ),
        RuleSpec::Named { name } => {
            Rule::Named(Named::from_name(&name).ok_or_else(|| bad("name", &name, &named_rules()))?)
        }
        RuleSpec::Weekly { weekday: w } => Rule::Weekly {
            weekday: weekday(&w)?,
        },
        RuleSpec::Cycle { anchor, days } => {
            if !(7..=10_000).contains(&days) {
                return Err(bad("days", days, "7 to 10000"));
            }
            Rule::Cycle {
                anchor: date(&anchor).map_err(|e| e.with_field("anchor"))?,
                days,
            }
        }
        RuleSpec::Julian { month, day } => {
            if !(1..=12).contains(&month) || day == 0 || day > 31 {
                return Err(bad(
                    "day",
                    format!("{month}-{day}"),
                    "a Julian month 1–12 and day",
                ));
            }
            month_day(u32::from(month), u32::from(day))?;
            Rule::Julian { month, day }
        }
    })
}

/// A tithi rule (`kind = "hindu"`, as a rule or as an `end`): `month`
/// (amanta), `paksha`, `tithi` 1–15 in the paksha and `window`.
fn hindu_tithi(spec: &TithiSpec) -> Result<HinduRule> {
    let masa = MASA_NAMES
        .iter()
        .position(|m| *m == spec.month.as_str())
        .ok_or_else(|| bad("month", &spec.month, &MASA_NAMES.join(", ")))?;
    let offset = match spec.paksha.as_str() {
        "shukla" => 0,
        "krishna" => 15,
        _ => return Err(bad("paksha", &spec.paksha, "shukla, krishna")),
    };
    if !(1..=15).contains(&spec.tithi) {
        return Err(bad(
            "tithi",
            spec.tithi,
            "1 to 15 (15 is Purnima in Shukla, Amavasya in Krishna)",
        ));
    }
    let window = Window::from_name(&spec.window).ok_or_else(|| {
        bad(
            "window",
            &spec.window,
            "sunrise, madhyahna, aparahna, pradosh, nishita, moonrise",
        )
    })?;
    Ok(HinduRule::Tithi {
        masa: u8::try_from(masa + 1).unwrap_or(1),
        tithi: spec.tithi + offset,
        window,
    })
}

fn check_offset(offset: i64) -> Result<()> {
    if offset.abs() <= MAX_SPAN_DAYS {
        Ok(())
    } else {
        Err(bad(
            "offset",
            offset,
            &format!("-{MAX_SPAN_DAYS} to {MAX_SPAN_DAYS} days"),
        ))
    }
}

fn extent(spec: EndSpec) -> Result<Extent> {
    Ok(match spec {
        EndSpec::Date { month, day } => {
            month_day(month, day)?;
            Extent::UntilDate { month, day }
        }
        EndSpec::EndOfMonth => Extent::EndOfMonth,
        EndSpec::Relative { to, offset } => {
            check_offset(offset)?;
            Extent::Relative {
                to: ObservanceId::new(&to).map_err(|e| e.with_field("to"))?,
                offset,
            }
        }
        EndSpec::Hindu(t) => Extent::Hindu(hindu_tithi(&t)?),
    })
}

fn exception(spec: ExceptionSpec) -> Result<Exception> {
    check_year("year", spec.year)?;
    if spec.reason.trim().is_empty() {
        return Err(Error::invalid("every exception needs a `reason`").with_field("reason"));
    }
    let action = match (spec.date, spec.dates, spec.skip) {
        (Some(d), None, false) => ExceptionAction::Move(vec![date(&d)?]),
        (None, Some(ds), false) if !ds.is_empty() && ds.len() <= 31 => {
            ExceptionAction::Move(ds.iter().map(|d| date(d)).collect::<Result<_>>()?)
        }
        (None, None, true) => ExceptionAction::Skip,
        _ => {
            return Err(Error::invalid(
                "an exception has exactly one of `date`, `dates` (1 to 31) or `skip = true`",
            ))
        }
    };
    let end = match (spec.end, &action) {
        (None, _) => None,
        (Some(e), ExceptionAction::Move(dates)) if dates.len() == 1 => {
            let end = date(&e).map_err(|e| e.with_field("end"))?;
            let span = dates.first().map_or(-1, |start| (end - *start).num_days());
            if !(0..MAX_SPAN_DAYS).contains(&span) {
                return Err(bad(
                    "end",
                    end,
                    "a date on or after `date`, within the span limit",
                ));
            }
            Some(end)
        }
        (Some(_), _) => {
            return Err(Error::invalid("`end` needs exactly one `date`").with_field("end"))
        }
    };
    Ok(Exception {
        year: spec.year,
        action,
        end,
        spans: Vec::new(),
        reason: spec.reason.into_string(),
    })
}

/// Most rows of an announced-dates table (bounded work).
const MAX_ANNOUNCED: usize = 2000;

/// The table of announced dates: each row's date in its year, its end on
/// or after it (within the span limit), a source, the rows in order
/// without overlaps, and the observance's own dates estimates.
fn announced(specs: Vec<AnnouncedSpec>, certainty: Certainty) -> Result<Vec<Announced>> {
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    if certainty != Certainty::Estimated {
        return Err(Error::invalid(
            "a table of announced dates needs `certainty = \"estimated\"` (the rule estimates the other years)",
        ));
    }
    if specs.len() > MAX_ANNOUNCED {
        return Err(bad("announced", specs.len(), "at most 2000 rows"));
    }
    let mut out: Vec<Announced> = Vec::with_capacity(specs.len());
    for spec in specs {
        check_year("year", spec.year)?;
        let start = date(&spec.date).map_err(|e| e.with_field("date"))?;
        if start.year() != spec.year {
            return Err(bad("date", start, &format!("a date in {}", spec.year)));
        }
        let end = match &spec.end {
            Some(e) => date(e).map_err(|e| e.with_field("end"))?,
            None => start,
        };
        if !(0..MAX_SPAN_DAYS).contains(&(end - start).num_days()) {
            return Err(bad(
                "end",
                end,
                "a date on or after `date`, within the span limit",
            ));
        }
        if spec.source.trim().is_empty() || spec.source.len() > 1000 || has_newline(&spec.source) {
            return Err(bad(
                "source",
                format!("{:?}", spec.source),
                "one line of at most 1000 bytes naming where the date was announced",
            ));
        }
        if let Some(last) = out.last() {
            if start <= last.end {
                return Err(bad(
                    "date",
                    start,
                    &format!("a date after the previous row's end ({})", last.end),
                ));
            }
        }
        out.push(Announced {
            year: spec.year,
            start,
            end,
            source: spec.source.into_string(),
        });
    }
    Ok(out)
}

/// The distinct years of a table, in order.
fn announced_years(rows: &[Announced]) -> Vec<i32> {
    let mut years: Vec<i32> = rows.iter().map(|a| a.year).collect();
    years.dedup();
    years
}

fn substitute(spec: SubstituteSpec, group: String) -> Result<Substitute> {
    if spec.rule.as_str() != "next-free-weekday" {
        return Err(bad("rule", spec.rule, "next-free-weekday"));
    }
    Ok(Substitute {
        group,
        weekend_category: spec
            .weekend_category
            .map(|c| Category::from_str(&c).map_err(|e| e.with_field("weekend_category")))
            .transpose()?,
    })
}

/// Every name `kind = "named"` takes, for the error hint: from the same
/// lists the parsers read, so that the hint cannot leave one out.
fn named_rules() -> String {
    let named = Named::ALL.iter().map(|n| n.name());
    let hindu = HinduRule::NAMED.iter().map(|(n, _)| *n);
    named.chain(hindu).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written parser agrees with chrono's for every day of
    /// 1600–2400 and rejects what is not exactly `YYYY-MM-DD`.
    #[test]
    fn iso_dates_as_chrono_reads_them() {
        let mut d = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2400, 12, 31).unwrap();
        while d <= last {
            let text = d.format("%Y-%m-%d").to_string();
            assert_eq!(iso_date(&text), Some(d), "{text}");
            d = d.succ_opt().unwrap();
        }
        for bad in [
            "",
            "2026-2-29",
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "2026-01-32",
            "2026/01/01",
            "20260101",
            "2026-01-01 ",
            " 2026-01-01",
            "+202-01-01",
            "2026-0a-01",
            "２０２６-01-01",
            "2026-01-1\u{e9}",
        ] {
            assert_eq!(iso_date(bad), None, "{bad:?}");
        }
    }
}
