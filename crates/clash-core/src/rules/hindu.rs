//! Hindu festival rules (SPEC §5): a tithi of an amanta month kept in a
//! karmakala window, the sidereal sankrantis, and the irregular festivals as
//! named functions. Each is reckoned at the primary place (New Delhi by
//! default, or the location) and at the other; where they differ, or where
//! moving the tithi by 15 minutes changes the day, the other day is
//! reported as possible.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};

use crate::calendars::astro::{
    lahiri_true_ayanamsa, lunar_longitude, sidereal_solar_longitude_after, JulianDay,
};
use crate::calendars::hindu::{
    festival_day, festival_day_with_margin, lunations_for_year, Lunation, Place, Window,
    MASA_NAMES, NEW_DELHI,
};
use crate::settings::{HinduReckoning, Settings};

/// How close (each way) a tithi boundary may come to deciding the day
/// before the neighbouring day is also given as possible.
pub const MARGIN_MINUTES: i64 = 15;

/// The sidereal signs, Mesha first.
pub const SIGN_NAMES: [&str; 12] = [
    "mesha",
    "vrishabha",
    "mithuna",
    "karka",
    "simha",
    "kanya",
    "tula",
    "vrishchika",
    "dhanu",
    "makara",
    "kumbha",
    "mina",
];

/// A Hindu calendar rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HinduRule {
    /// Tithi `tithi` (1–30; 16–30 Krishna) of amanta month `masa` (1
    /// Chaitra – 12 Phalguna, never adhika), kept in `window`.
    Tithi {
        /// The month.
        masa: u8,
        /// The tithi, 1–30.
        tithi: u8,
        /// The karmakala window.
        window: Window,
    },
    /// The civil day of the Sun's entry into sidereal sign `sign` (0 Mesha
    /// … 11 Mina).
    Sankranti {
        /// The sign.
        sign: u8,
        /// Whether a sankranti after sunset is kept the next day (the Makara
        /// and Tamil rule; Vaisakhi is kept on the sankranti's own date).
        after_sunset_next_day: bool,
    },
    /// Holika Dahan: Phalguna Purnima at pradosh, avoiding Bhadra.
    HolikaDahan,
    /// Raksha Bandhan: Shravana Purnima at sunrise lasting 144 minutes,
    /// else in the aparahna.
    RakshaBandhan,
    /// Onam: Thiruvonam (Shravana nakshatra) at sunrise and for six nazhika
    /// after, in the solar month Chingam (the Sun in sidereal Simha).
    Onam,
}

impl HinduRule {
    /// Parses a named rule.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "holika-dahan" => HinduRule::HolikaDahan,
            "raksha-bandhan" => HinduRule::RakshaBandhan,
            "onam" => HinduRule::Onam,
            _ => return None,
        })
    }

    /// The days of this rule in Gregorian `year` at `place`, each with the
    /// neighbouring day when the decision is within the margin.
    fn days_at(&self, year: i32, place: &Place) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        let margin = Duration::minutes(MARGIN_MINUTES);
        let mut out = Vec::new();
        match *self {
            HinduRule::Tithi {
                masa,
                tithi,
                window,
            } => {
                for (a, b) in tithi_spans(year, masa, tithi) {
                    out.extend(festival_day_with_margin(a, b, window, place, margin));
                }
            }
            HinduRule::HolikaDahan => {
                for (a, b) in tithi_spans(year, 12, 15) {
                    out.extend(with_margin(a, b, margin, |a, b| holika_dahan(a, b, place)));
                }
            }
            HinduRule::RakshaBandhan => {
                for (a, b) in tithi_spans(year, 5, 15) {
                    out.extend(with_margin(a, b, margin, |a, b| {
                        raksha_bandhan(a, b, place)
                    }));
                }
            }
            HinduRule::Sankranti {
                sign,
                after_sunset_next_day,
            } => {
                let mut after = JulianDay::from_ymd_hms(year, 1, 1, 0, 0, 0.0);
                after.0 -= 2.0;
                let t = sidereal_solar_longitude_after(after, f64::from(sign) * 30.0);
                let day = if after_sunset_next_day {
                    sankranti_day(t, place)
                } else {
                    place.date_of(t)
                };
                out.extend(day.map(|d| (d, None)));
            }
            HinduRule::Onam => out.extend(onam(year, place).map(|d| (d, None))),
        }
        out.retain(|(d, _)| d.year() == year);
        out
    }

    pub(crate) fn dates_in_year(
        &self,
        year: i32,
        settings: &Settings,
        out: &mut Vec<NaiveDate>,
        alternates: &mut Vec<(NaiveDate, NaiveDate)>,
    ) {
        let local = place_of(settings);
        let (primary, other) = match settings.hindu() {
            HinduReckoning::India => (NEW_DELHI, local),
            HinduReckoning::Local => (local, NEW_DELHI),
        };
        let mine = self.days_at(year, &primary);
        let theirs = if primary == other {
            Vec::new()
        } else {
            self.days_at(year, &other)
        };
        for (k, (day, near)) in mine.iter().enumerate() {
            out.push(*day);
            if let Some(n) = near {
                alternates.push((*day, *n));
            }
            // Pair with the other reckoning's occurrence of the same instance.
            if let Some((o, _)) = theirs.get(k) {
                if o != day && (*o - *day).num_days().abs() <= 3 {
                    alternates.push((*day, *o));
                }
            }
        }
    }
}

/// The day `decide` gives for a tithi `[a, b)`, and the other day it gives
/// when the tithi moves by `margin` either way, if any.
fn with_margin(
    a: JulianDay,
    b: JulianDay,
    margin: Duration,
    decide: impl Fn(JulianDay, JulianDay) -> Option<NaiveDate>,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let day = decide(a, b)?;
    let m = margin.num_seconds() as f64 / 86_400.0;
    let near = [-m, m]
        .iter()
        .filter_map(|s| decide(JulianDay(a.0 + s), JulianDay(b.0 + s)))
        .find(|d| *d != day);
    Some((day, near))
}

fn place_of(settings: &Settings) -> Place {
    let l = settings.location_ref();
    Place {
        latitude: l.latitude(),
        longitude: l.longitude(),
        timezone: l.timezone(),
    }
}

/// The spans of tithi `tithi` in the nija month `masa` whose lunation opens
/// around Gregorian `year`.
fn tithi_spans(year: i32, masa: u8, tithi: u8) -> Vec<(JulianDay, JulianDay)> {
    lunations_for_year(year)
        .iter()
        .filter(|l: &&Lunation| l.masa == masa && !l.adhika)
        .filter_map(|l| l.tithi(tithi))
        .collect()
}

fn sankranti_day(t: JulianDay, place: &Place) -> Option<NaiveDate> {
    let day = place.date_of(t)?;
    let (set, _) = place.window(day, Window::Pradosh)?;
    if t.0 > set.0 {
        day.succ_opt()
    } else {
        Some(day)
    }
}

/// Holika Dahan (issue 4): when Purnima covers pradosh on two days, the
/// second; otherwise avoid Bhadra (the first half of Purnima): if Bhadra
/// ends before the middle of the first day's night, that day; else the
/// next day if Purnima lasts at least 7/8 of its daytime from sunrise; else
/// the first day, in Bhadra's tail (punchha).
fn holika_dahan(begin: JulianDay, end: JulianDay, place: &Place) -> Option<NaiveDate> {
    let first = place.date_of(JulianDay(begin.0 - 1.0))?;
    let covering: Vec<NaiveDate> = first
        .iter_days()
        .take(4)
        .filter(|&d| {
            place
                .window(d, Window::Pradosh)
                .is_some_and(|(a, b)| b.0.min(end.0) > a.0.max(begin.0))
        })
        .collect();
    if covering.len() >= 2 {
        return covering.get(1).copied();
    }
    let day = match covering.first() {
        Some(d) => *d,
        None => festival_day(begin, end, Window::Pradosh, place)?,
    };
    let bhadra_end = 0.5 * (begin.0 + end.0);
    let (set, _) = place.window(day, Window::Pradosh)?;
    let (next_rise, _) = place.window(day.succ_opt()?, Window::Sunrise)?;
    let midnight = 0.5 * (set.0 + next_rise.0);
    if bhadra_end <= midnight {
        return Some(day);
    }
    let next = day.succ_opt()?;
    let (rise, _) = place.window(next, Window::Sunrise)?;
    let (next_set, _) = place.window(next, Window::Pradosh)?;
    if end.0 >= rise.0 + 7.0 / 8.0 * (next_set.0 - rise.0) {
        Some(next)
    } else {
        Some(day)
    }
}

/// Raksha Bandhan (issue 4): the first day on whose sunrise Purnima stands
/// and lasts at least 144 minutes after sunrise; otherwise the aparahna
/// rule.
fn raksha_bandhan(begin: JulianDay, end: JulianDay, place: &Place) -> Option<NaiveDate> {
    let first = place.date_of(JulianDay(begin.0 - 1.0))?;
    for d in first.iter_days().take(4) {
        if let Some((rise, _)) = place.window(d, Window::Sunrise) {
            if rise.0 >= begin.0 && rise.0 < end.0 && end.0 - rise.0 >= 144.0 / 1440.0 {
                return Some(d);
            }
        }
    }
    festival_day(begin, end, Window::Aparahna, place)
}

/// The nakshatra (0 Ashvini … 26 Revati) of the Moon at `t`: its sidereal
/// longitude (Lahiri) in 13°20′ steps.
fn nakshatra(t: JulianDay) -> u8 {
    let sidereal = (lunar_longitude(t) - lahiri_true_ayanamsa(t)).rem_euclid(360.0);
    (sidereal / (40.0 / 3.0)).floor().clamp(0.0, 26.0) as u8
}

/// Shravana (Thiruvonam), 0-based.
const THIRUVONAM: u8 = 21;

/// Onam: the first day in the solar month Chingam (the Sun in sidereal
/// Simha) on which Thiruvonam (Shravana nakshatra) prevails at sunrise and
/// for at least six nazhika (144 minutes) after it.
fn onam(year: i32, place: &Place) -> Option<NaiveDate> {
    let start =
        sidereal_solar_longitude_after(JulianDay::from_ymd_hms(year, 7, 1, 0, 0, 0.0), 120.0);
    let end = sidereal_solar_longitude_after(start, 150.0);
    let first = place.date_of(start)?;
    first.iter_days().take(33).find(|&d| {
        place.window(d, Window::Sunrise).is_some_and(|(rise, _)| {
            let later = JulianDay(rise.0 + 144.0 / 1440.0);
            rise.0 >= start.0
                && rise.0 < end.0
                && nakshatra(rise) == THIRUVONAM
                && nakshatra(later) == THIRUVONAM
        })
    })
}

impl fmt::Display for HinduRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HinduRule::Tithi {
                masa,
                tithi,
                window,
            } => {
                let (paksha, t) = if *tithi <= 15 {
                    ("Shukla", *tithi)
                } else {
                    ("Krishna", tithi - 15)
                };
                let name = MASA_NAMES
                    .get(usize::from(*masa).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?");
                write!(
                    f,
                    "{name} (amanta) {paksha} tithi {t}, kept in the {} (Drik rules, SPEC §5)",
                    window.name()
                )
            }
            HinduRule::Sankranti {
                sign,
                after_sunset_next_day,
            } => {
                let name = SIGN_NAMES.get(usize::from(*sign)).copied().unwrap_or("?");
                write!(f, "the Sun's entry into sidereal {name} (Lahiri)")?;
                if *after_sunset_next_day {
                    f.write_str("; the next day if after sunset")?;
                }
                Ok(())
            }
            HinduRule::HolikaDahan => f.write_str("Phalguna Purnima at pradosh, avoiding Bhadra"),
            HinduRule::RakshaBandhan => {
                f.write_str("Shravana Purnima at sunrise lasting 144 minutes, else in the aparahna")
            }
            HinduRule::Onam => f.write_str(
                "Thiruvonam nakshatra at sunrise and for 144 minutes after, in the solar month Chingam",
            ),
        }
    }
}
