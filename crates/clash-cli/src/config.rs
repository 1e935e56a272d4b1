//! Validated configuration: every raw argument turned into a domain value,
//! each failure one clear message.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use clash_core::{
    Baked, Catalogue, CatalogueBuilder, Filter, HinduReckoning, Index, IslamicMethod,
    JewishCustoms, Location, ObservanceId, Settings,
};

use crate::args::{
    Common, Format, HinduReckoningArg, IslamicMethodArg, JewishCustomsArg, RangeArgs,
};

/// A user error: one line, plus an optional hint.
#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub hint: Option<String>,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError {
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl From<clash_core::Error> for UserError {
    fn from(e: clash_core::Error) -> Self {
        UserError::new(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, UserError>;

/// What every command needs.
pub struct Config {
    pub catalogue: Catalogue,
    pub location: Location,
    pub settings: Settings,
    pub filter: Filter,
    /// The filter for timed checks: weekly observances too, unless the
    /// categories were chosen.
    pub timed_filter: Filter,
    pub format: Format,
    pub today: NaiveDate,
    /// Whether `--region` named the nations (else the location's nation
    /// stands for them, and a profile's regions may replace it).
    pub explicit_regions: bool,
    /// Whether the catalogue is the embedded one alone (so the baked
    /// expansion may serve it).
    pub embedded_only: bool,
}

/// The embedded catalogue in compact form, made by `build.rs`.
static COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// The embedded catalogue expanded at the default settings for 1899–2100
/// by `build.rs` (see `clash_core::Baked`).
static BAKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/baked.bin"));

impl Config {
    pub fn new(c: &Common) -> Result<Self> {
        let location: Location = match &c.location {
            Some(s) => s.parse()?,
            None => Location::leicester(),
        };
        // The compact form is the embedded TOML parsed at build time.
        let mut builder = CatalogueBuilder::new().add_compact(COMPACT)?;
        for path in &c.catalogues {
            builder = if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("ics"))
            {
                builder.add_ics(path, c.ics_impact.parse()?, c.ics_category.parse()?)?
            } else {
                builder.add_path(path)?
            };
        }
        let catalogue = builder.build()?;
        let mut filter = Filter::default();
        let ids = c
            .ids
            .iter()
            .map(|id| ObservanceId::new(id).map_err(|_| unknown_id(&catalogue, id)))
            .collect::<Result<Vec<_>>>()?;
        filter = filter.ids(ids);
        filter.validate(&catalogue)?;
        let traditions = parse_all(&c.traditions)?;
        if !traditions.is_empty() {
            filter = filter.traditions(traditions);
        }
        filter = filter.exclude_traditions(parse_all(&c.exclude_traditions)?);
        if let Some(m) = &c.min_impact {
            filter = filter.min_impact(m.parse()?);
        }
        let categories = parse_all(&c.categories)?;
        let all_categories = categories.is_empty();
        if !all_categories {
            filter = filter.categories(categories);
        }
        // The location implies its nation (SPEC §6.1); `--region` overrides.
        let regions: Vec<clash_core::Region> = parse_all(&c.regions)?;
        let explicit_regions = !regions.is_empty();
        filter = match explicit_regions {
            true => filter.regions(regions),
            false => filter.regions(location.region()),
        };
        if !filter.matches_any(&catalogue) {
            return Err(UserError::new("no observance matches these filters").hint(
                "`clash observances` lists each observance's tradition, category and impact",
            ));
        }
        let timed_filter = if all_categories {
            filter
                .clone()
                .categories(clash_core::Category::ALL.iter().copied())
        } else {
            filter.clone()
        };
        let today = Utc::now().with_timezone(&location.timezone()).date_naive();
        let settings = Settings::default()
            .location(location.clone())
            .islamic_method(match c.islamic_method {
                IslamicMethodArg::UmmAlQura => IslamicMethod::UmmAlQura,
                IslamicMethodArg::Tabular => IslamicMethod::Tabular,
            })
            .jewish_customs(match c.jewish_customs {
                JewishCustomsArg::Diaspora => JewishCustoms::Diaspora,
                JewishCustomsArg::Israel => JewishCustoms::Israel,
            })
            .hindu_reckoning(match c.hindu_reckoning {
                HinduReckoningArg::India => HinduReckoning::India,
                HinduReckoningArg::Local => HinduReckoning::Local,
            });
        Ok(Config {
            catalogue,
            location,
            settings,
            filter,
            timed_filter,
            format: c.format,
            today,
            explicit_regions,
            embedded_only: c.catalogues.is_empty(),
        })
    }

    /// The index for years `first..=last`, expanding only what `filter`
    /// can see (everything without one): read from the baked expansion
    /// when it was made for this catalogue and these settings, else
    /// computed.
    pub fn index(
        &self,
        first: i32,
        last: i32,
        filter: Option<&Filter>,
    ) -> clash_core::Result<Index<'_>> {
        let baked = self
            .embedded_only
            .then(|| Baked::open(BAKED, &self.catalogue, &self.settings))
            .flatten();
        match (baked, filter) {
            (Some(b), _) => b.index(first, last, filter),
            (None, Some(f)) => Index::for_filter(&self.catalogue, first, last, &self.settings, f),
            (None, None) => Index::with_settings(&self.catalogue, first, last, &self.settings),
        }
    }
}

fn unknown_id(catalogue: &Catalogue, id: &str) -> UserError {
    match catalogue.require(id) {
        Err(e) => UserError::from(e),
        Ok(_) => UserError::new(format!("invalid id `{id}`")),
    }
    .hint("`clash observances` lists every id")
}

fn parse_all<T: std::str::FromStr<Err = clash_core::Error>>(values: &[String]) -> Result<Vec<T>> {
    values
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| v.parse::<T>().map_err(UserError::from))
        .collect()
}

/// Which end of a range a bare year stands for.
#[derive(Clone, Copy)]
enum End {
    First,
    Last,
}

/// Parses `YYYY-MM-DD`, or a year `YYYY` (its first or last day).
fn parse_day(s: &str, end: End) -> Result<NaiveDate> {
    let s = s.trim();
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = s
            .parse()
            .map_err(|_| UserError::new(format!("invalid year `{s}`")))?;
        let (m, d) = match end {
            End::First => (1, 1),
            End::Last => (12, 31),
        };
        return NaiveDate::from_ymd_opt(year, m, d)
            .ok_or_else(|| UserError::new(format!("invalid year `{s}`")));
    }
    if s.contains('T') {
        return Err(UserError::new(format!(
            "`{s}`: a time of day is not supported yet; give a date (YYYY-MM-DD)"
        )));
    }
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(UserError::new(format!(
            "invalid date `{s}` (expected YYYY-MM-DD or a year)"
        )));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| UserError::new(format!("invalid date `{s}`: no such day in the calendar")))
}

/// Parses `DATE`, `YEAR` or `FROM..TO` into an inclusive, ordered range
/// within the supported years.
pub fn parse_range(s: &str) -> Result<(NaiveDate, NaiveDate)> {
    let (from, to) = match s.split_once("..") {
        Some((a, b)) => (parse_day(a, End::First)?, parse_day(b, End::Last)?),
        None => (parse_day(s, End::First)?, parse_day(s, End::Last)?),
    };
    check_range(from, to)
}

/// A range that is in order and within the supported years.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    if from > to {
        return Err(
            UserError::new(format!("the range {from}..{to} is reversed"))
                .hint("give the earlier date first"),
        );
    }
    let years = clash_core::SUPPORTED_YEARS;
    if !years.contains(&from.year()) || !years.contains(&to.year()) {
        return Err(UserError::new(format!(
            "{from}..{to} is outside the supported years {}..{}",
            years.start(),
            years.end()
        )));
    }
    if to.year() - from.year() >= clash_core::MAX_YEARS {
        return Err(UserError::new(format!(
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
        UserError::new(format!(
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
                UserError::new(format!("invalid duration `{d}`")).hint(format!(
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
    args: &RangeArgs,
    today: NaiveDate,
    default_days: i64,
) -> Result<(NaiveDate, NaiveDate)> {
    if let Some(p) = positional {
        if args.from.is_some() || args.to.is_some() {
            return Err(UserError::new(
                "give either a RANGE or --from/--to, not both",
            ));
        }
        return parse_range(p);
    }
    let from = match &args.from {
        Some(f) => parse_day(f, End::First)?,
        None => today,
    };
    let to = match &args.to {
        Some(t) => parse_day(t, End::Last)?,
        None => from + Duration::days(default_days),
    };
    check_range(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            parse_range("2026").unwrap(),
            (d(2026, 1, 1), d(2026, 12, 31))
        );
        assert_eq!(
            parse_range("2026..2027-03-01").unwrap(),
            (d(2026, 1, 1), d(2027, 3, 1))
        );
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "26-01-01",
            "2027..2026",
            "x",
            "",
            "2026-01-01T10:00",
        ] {
            assert!(parse_range(bad).is_err(), "{bad}");
        }
    }
}
