//! One observance of the catalogue: what it is and how its dates are found.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::model::{
    Category, Certainty, DayStart, Impact, ObservanceId, RegionSet, Set, Tradition,
};
use crate::rules::{Also, Announced, Exception, ExceptionAction, Extent, Rule, Substitute};

/// An observance: a festival, holy day, fast, public holiday or awareness day,
/// with the rule that finds its dates (SPEC §3).
#[derive(Debug, Clone)]
pub struct Observance {
    pub(crate) id: ObservanceId,
    pub(crate) name: String,
    pub(crate) tradition: Tradition,
    pub(crate) also_traditions: Set<Tradition>,
    pub(crate) category: Category,
    pub(crate) impact: Impact,
    pub(crate) begins: DayStart,
    pub(crate) certainty: Certainty,
    pub(crate) uncertainty_days: u8,
    pub(crate) regions: RegionSet,
    pub(crate) summary: String,
    pub(crate) advice: String,
    pub(crate) source: String,
    pub(crate) rule: Rule,
    pub(crate) extent: Extent,
    pub(crate) israel_extent: Option<Extent>,
    pub(crate) first_year: Option<i32>,
    pub(crate) last_year: Option<i32>,
    pub(crate) exceptions: Vec<Exception>,
    pub(crate) announced: Vec<Announced>,
    pub(crate) substitute: Option<Substitute>,
    pub(crate) also: Option<Also>,
    pub(crate) holiday_group: Option<String>,
    pub(crate) impact_elsewhere: Option<Impact>,
    pub(crate) timing: crate::timing::Timing,
    pub(crate) origin: PathBuf,
}

impl Observance {
    /// The stable id, e.g. `easter-sunday`.
    pub fn id(&self) -> &ObservanceId {
        &self.id
    }
    /// The display name in English.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The tradition it belongs to.
    pub fn tradition(&self) -> Tradition {
        self.tradition
    }
    /// The other traditions that keep it too (Rastafari keep Ethiopian
    /// Christmas): a filter on any of them shows it.
    pub fn also_traditions(&self) -> Set<Tradition> {
        self.also_traditions
    }
    /// Its own tradition and those that keep it too.
    pub fn traditions(&self) -> Set<Tradition> {
        let mut all = self.also_traditions;
        all.insert(self.tradition);
        all
    }
    /// Its category (an occurrence may carry another; see [`crate::Occurrence::category`]).
    pub fn category(&self) -> Category {
        self.category
    }
    /// How much it matters to an organiser.
    pub fn impact(&self) -> Impact {
        self.impact
    }
    /// When its day begins.
    pub fn begins(&self) -> DayStart {
        self.begins
    }
    /// How sure its dates are.
    pub fn certainty(&self) -> Certainty {
        self.certainty
    }
    /// How many days either side an estimated date may move.
    pub fn uncertainty_days(&self) -> u8 {
        self.uncertainty_days
    }
    /// Where it is a public holiday (empty for observances that are not).
    pub fn regions(&self) -> RegionSet {
        self.regions
    }
    /// For a public holiday that is also a religious day (Christmas Day,
    /// Good Friday): its impact where it is not a public holiday. `None`
    /// for the rest, which elsewhere are only "a public holiday in … only".
    pub fn impact_elsewhere(&self) -> Option<Impact> {
        self.impact_elsewhere
    }
    /// One line: what it is.
    pub fn summary(&self) -> &str {
        &self.summary
    }
    /// One line: what an organiser should avoid.
    pub fn advice(&self) -> &str {
        &self.advice
    }
    /// Where the rule or the dates come from.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The rule that finds its start dates.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }
    /// When within its days it matters: daily hours, fast, how it ends.
    pub fn timing(&self) -> &crate::timing::Timing {
        &self.timing
    }
    /// How long each occurrence lasts.
    pub fn extent(&self) -> &Extent {
        &self.extent
    }

    /// How long each occurrence lasts under `settings` (Israel's customs
    /// differ for some Jewish festivals).
    pub fn extent_for(&self, settings: &crate::settings::Settings) -> &Extent {
        match (&self.israel_extent, settings.jewish()) {
            (Some(e), crate::settings::JewishCustoms::Israel) => e,
            _ => &self.extent,
        }
    }
    /// The first and last years in which it is observed, where bounded.
    pub fn years(&self) -> (Option<i32>, Option<i32>) {
        (self.first_year, self.last_year)
    }
    /// The table of announced dates, in order, each with its source; the
    /// other years are the rule's estimates (see [`Announced`]).
    pub fn announced(&self) -> &[Announced] {
        &self.announced
    }
    /// The announced dates of `year`, if any were announced.
    pub fn announced_in(&self, year: i32) -> impl Iterator<Item = &Announced> {
        self.announced.iter().filter(move |a| a.year == year)
    }
    /// Per-year exceptions (moved or skipped years).
    pub fn exceptions(&self) -> &[Exception] {
        &self.exceptions
    }
    /// The substitute-day policy, for public holidays.
    pub fn substitute(&self) -> Option<&Substitute> {
        self.substitute.as_ref()
    }
    /// Another day some keep, offered as a possible date (`also`).
    pub fn also(&self) -> Option<&Also> {
        self.also.as_ref()
    }
    /// The catalogue file it was loaded from (`<embedded>/…` for the built-in one).
    pub fn origin(&self) -> &std::path::Path {
        &self.origin
    }

    /// Whether the observance exists in `year`.
    pub(crate) fn in_years(&self, year: i32) -> bool {
        self.first_year.is_none_or(|y| year >= y) && self.last_year.is_none_or(|y| year <= y)
    }

    /// A short human-readable description of the whole rule: the date rule,
    /// duration, years, substitutes and exceptions.
    ///
    /// ```
    /// let cat = clash_core::Catalogue::embedded()?;
    /// let easter = cat.get("easter-monday").unwrap();
    /// assert!(easter.describe_rule().starts_with("Western Easter Sunday"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn describe_rule(&self) -> String {
        let mut s = self.rule.to_string();
        if self.extent != Extent::Days(1) {
            let _ = write!(s, "; lasts {}", self.extent);
        }
        if let Some(e) = &self.israel_extent {
            let _ = write!(s, " ({e} in Israel)");
        }
        if self.begins == DayStart::SunsetBefore {
            s.push_str("; begins at sunset the evening before");
        }
        match (self.first_year, self.last_year) {
            (Some(a), Some(b)) => {
                let _ = write!(s, "; {a}–{b}");
            }
            (Some(a), None) => {
                let _ = write!(s, "; from {a}");
            }
            (None, Some(b)) => {
                let _ = write!(s, "; until {b}");
            }
            (None, None) => {}
        }
        if self.substitute.is_some() {
            s.push_str("; on a weekend, the next weekday that is not already a holiday");
        }
        if let Some(a) = &self.also {
            let days = |n: i64| match n {
                1 => " the day after".to_string(),
                -1 => " the day before".to_string(),
                n if n > 0 => format!(" {n} days after"),
                n => format!(" {} days before", -n),
            };
            let day = match (&a.to, a.offset) {
                (None, n) => format!("{} its date", days(n).trim_start()),
                (Some(to), 0) => format!("the date of `{to}`"),
                (Some(to), n) => format!("{} `{to}`", days(n).trim_start()),
            };
            let _ = write!(s, "; also possible: {day} ({})", a.what);
        }
        if let (Some(first), Some(last)) = (self.announced.first(), self.announced.last()) {
            let years = match first.year == last.year {
                true => first.year.to_string(),
                false => format!("{}–{}", first.year, last.year),
            };
            let _ = write!(
                s,
                "; announced dates for {years} (see their sources), the other years estimated by this rule"
            );
        }
        // Announced years are listed with their sources, not here.
        for e in self
            .exceptions
            .iter()
            .filter(|e| self.announced_in(e.year).next().is_none())
        {
            match &e.action {
                ExceptionAction::Skip => {
                    let _ = write!(s, "; not in {} ({})", e.year, e.reason);
                }
                ExceptionAction::Move(dates) => {
                    let list: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
                    let until = e.end.map(|d| format!(" to {d}")).unwrap_or_default();
                    let _ = write!(
                        s,
                        "; {} on {}{until} ({})",
                        e.year,
                        list.join(", "),
                        e.reason
                    );
                }
            }
        }
        s
    }
}
