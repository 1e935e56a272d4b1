//! The Hindu lunisolar calendar (panchang) at a place, Drik-style.
//!
//! Conventions (SPEC §5):
//! - tithi t (1–30): the Moon−Sun elongation in [12(t−1)°, 12t°); 1–15
//!   Shukla (waxing), 16–30 Krishna (waning); 15 Purnima, 30 Amavasya.
//! - Months are amanta (new moon to new moon), named by the sidereal sign
//!   (Lahiri) of the Sun at the new moon that opens the lunation: the Sun in
//!   Mina opens Chaitra … Kumbha opens Phalguna. A lunation with no
//!   sankranti is adhika (leap); festivals are kept in the following nija
//!   month of the same name. A lunation with two sankrantis is kshaya: it
//!   stands for two months (the second name is otherwise skipped) and the
//!   festivals of both are kept in it (Sewell and Dikshit, *The Indian
//!   Calendar*, 1896, §§ 45–49; the last were in 1963–64 and 1982–83, the
//!   next in 2123–24).
//! - Karmakala windows of a civil day: sunrise; madhyahna (3rd fifth of
//!   daytime); aparahna (4th fifth); pradosh (144 minutes after sunset);
//!   nishita (8th of the 15 muhurtas of the night); moonrise.
//! - Day selection: for a window, the civil day whose window overlaps the
//!   tithi most (on a tie, the earlier day); for an instant (sunrise,
//!   moonrise), the first day whose instant falls in the tithi; when no
//!   day's window touches the tithi (a kshaya tithi), the day containing
//!   most of it.
//!
//! Astronomy from [`super::astro`] (elongation, Lahiri sidereal longitude,
//! moonrise) and [`super::sun`] (sunrise and sunset, NOAA).

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::astro::{
    moon_phase_after, moon_phase_before, moon_phase_near, moonrise_between,
    sidereal_solar_longitude, JulianDay, SYNODIC_MONTH,
};
use super::sun::{event_utc, Event};

/// The twelve amanta lunar months, Chaitra first.
pub const MASA_NAMES: [&str; 12] = [
    "chaitra",
    "vaishakha",
    "jyeshtha",
    "ashadha",
    "shravana",
    "bhadrapada",
    "ashvina",
    "kartika",
    "margashirsha",
    "pausha",
    "magha",
    "phalguna",
];

/// A lunation: new moon to new moon, with its month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lunation {
    /// The opening new moon (UT).
    pub start: JulianDay,
    /// The closing new moon (UT).
    pub end: JulianDay,
    /// The month, 1 (Chaitra) to 12 (Phalguna).
    pub masa: u8,
    /// Whether it is an adhika (leap) month: no sankranti in it.
    pub adhika: bool,
    /// Whether it is a kshaya lunation: two sankrantis in it, so that it
    /// stands for two months, `masa` and the next, whose festivals are
    /// both kept in it (the next month's name is otherwise skipped).
    pub kshaya: bool,
}

/// The sidereal sign (0 Mesha … 11 Mina) of the Sun at `t`.
pub fn sun_sign(t: JulianDay) -> u8 {
    (sidereal_solar_longitude(t) / 30.0)
        .floor()
        .clamp(0.0, 11.0) as u8
}

impl Lunation {
    /// The lunation that contains instant `t`.
    pub fn containing(t: JulianDay) -> Lunation {
        let start = moon_phase_before(JulianDay(t.0 + 1e-7), 0.0);
        let end = moon_phase_after(JulianDay(start.0 + 1.0), 0.0);
        Lunation::from_new_moons(start, end)
    }

    fn from_new_moons(start: JulianDay, end: JulianDay) -> Lunation {
        let (a, b) = (sun_sign(start), sun_sign(end));
        Lunation {
            start,
            end,
            // Mina (11) opens Chaitra (1), Mesha (0) Vaishakha (2), …
            masa: (a + 1) % 12 + 1,
            adhika: a == b,
            kshaya: (a + 2) % 12 == b,
        }
    }

    /// The next lunation.
    pub fn next(&self) -> Lunation {
        let end = moon_phase_after(JulianDay(self.end.0 + 1.0), 0.0);
        Lunation::from_new_moons(self.end, end)
    }

    /// The instants tithi `t` (1–30) begins and ends in this lunation.
    pub fn tithi(&self, t: u8) -> Option<(JulianDay, JulianDay)> {
        if !(1..=30).contains(&t) {
            return None;
        }
        let begin = if t == 1 {
            self.start
        } else {
            self.boundary(t - 1)
        };
        let end = if t == 30 { self.end } else { self.boundary(t) };
        Some((begin, end))
    }

    /// The instant the elongation reaches 12·k° in this lunation,
    /// memoised (bounded: cleared past 100,000 entries), since festivals
    /// share boundaries and both reckonings use the same instants.
    fn boundary(&self, k: u8) -> JulianDay {
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};
        static CACHE: OnceLock<Mutex<HashMap<(i64, u8), f64>>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        // The new moon to the minute identifies the lunation.
        let key = ((self.start.0 * 1440.0).round() as i64, k);
        if let Some(t) = cache.lock().ok().and_then(|m| m.get(&key).copied()) {
            return JulianDay(t);
        }
        // The elongation grows through the lunation, so the crossing lies
        // between its new moons, about k/30 of the way: a guess close
        // enough to save the search one of its five or six evaluations.
        let phase = 12.0 * f64::from(k);
        let guess = self.start.0 + (self.end.0 - self.start.0) * f64::from(k) / 30.0;
        let near = moon_phase_near(JulianDay(guess), phase);
        let t = if near.0 > self.start.0 && near.0 < self.end.0 {
            near
        } else {
            moon_phase_after(self.start, phase)
        };
        if let Ok(mut m) = cache.lock() {
            if m.len() > 100_000 {
                m.clear();
            }
            m.insert(key, t.0);
        }
        t
    }
}

/// Whether the festivals of month `masa` (1–12) are kept in lunation `i`
/// of the consecutive lunations `ls`: in the nija month of that name; in a
/// kshaya lunation, for both of its months; but when the month's own
/// lunation is kshaya and an adhika month of the same name comes just
/// before it, in that adhika month ("the earlier is better": Sewell and
/// Dikshit §§ 45–49; so Maha Shivaratri in 1983 fell in the Pausha–Magha
/// kshaya lunation, and Kartika's festivals in 1963 in the adhika Kartika).
pub fn keeps(ls: &[Lunation], i: usize, masa: u8) -> bool {
    let Some(l) = ls.get(i) else {
        return false;
    };
    let prev = i.checked_sub(1).and_then(|j| ls.get(j));
    if l.adhika {
        return l.masa == masa && ls.get(i + 1).is_some_and(|n| n.kshaya && n.masa == masa);
    }
    if l.masa == masa {
        return !(l.kshaya && prev.is_some_and(|p| p.adhika && p.masa == masa));
    }
    l.kshaya && l.masa % 12 + 1 == masa
}

/// The lunations whose opening new moon falls in `[from, to)`.
pub fn lunations(from: JulianDay, to: JulianDay) -> Vec<Lunation> {
    let mut out = Vec::new();
    let mut l = Lunation::containing(from);
    if l.start.0 < from.0 {
        l = l.next();
    }
    // Bounded: at most 13 a year, and the range is a few years at most.
    let limit = ((to.0 - from.0) / SYNODIC_MONTH).ceil().clamp(0.0, 2000.0) as usize + 1;
    for _ in 0..limit {
        if l.start.0 >= to.0 {
            break;
        }
        out.push(l);
        l = l.next();
    }
    out
}

/// The lunations opening from November of `year − 1` to January of
/// `year + 1`, computed once per year and cached (bounded: the cache is
/// cleared past 256 years).
pub fn lunations_for_year(year: i32) -> std::sync::Arc<Vec<Lunation>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<i32, Arc<Vec<Lunation>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(map) = cache.lock() {
        if let Some(v) = map.get(&year) {
            return Arc::clone(v);
        }
    }
    let v = Arc::new(lunations(
        JulianDay::from_ymd_hms(year - 1, 11, 1, 0, 0, 0.0),
        JulianDay::from_ymd_hms(year + 1, 2, 1, 0, 0, 0.0),
    ));
    if let Ok(mut map) = cache.lock() {
        if map.len() > 256 {
            map.clear();
        }
        map.insert(year, Arc::clone(&v));
    }
    v
}

/// A place for the panchang: latitude, longitude and time zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// The IANA time zone whose civil days are meant.
    pub timezone: Tz,
}

/// New Delhi, the default place of reckoning for India.
pub const NEW_DELHI: Place = Place {
    latitude: 28.6139,
    longitude: 77.2090,
    timezone: Tz::Asia__Kolkata,
};

/// A karmakala window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Window {
    /// The instant of sunrise.
    Sunrise,
    /// The 3rd fifth of daytime.
    Madhyahna,
    /// The 4th fifth of daytime.
    Aparahna,
    /// 144 minutes from sunset.
    Pradosh,
    /// The 8th of the 15 muhurtas of the night (around midnight).
    Nishita,
    /// The instant of moonrise.
    Moonrise,
}

impl Window {
    /// Parses a catalogue name.
    pub fn from_name(s: &str) -> Option<Window> {
        Some(match s {
            "sunrise" => Window::Sunrise,
            "madhyahna" => Window::Madhyahna,
            "aparahna" => Window::Aparahna,
            "pradosh" => Window::Pradosh,
            "nishita" => Window::Nishita,
            "moonrise" => Window::Moonrise,
            _ => return None,
        })
    }

    /// The catalogue name.
    pub fn name(self) -> &'static str {
        match self {
            Window::Sunrise => "sunrise",
            Window::Madhyahna => "madhyahna",
            Window::Aparahna => "aparahna",
            Window::Pradosh => "pradosh",
            Window::Nishita => "nishita",
            Window::Moonrise => "moonrise",
        }
    }

    fn is_instant(self) -> bool {
        matches!(self, Window::Sunrise | Window::Moonrise)
    }
}

impl Place {
    /// Sunrise or sunset on `date`, memoised per thread (bounded: cleared
    /// past 8,192 entries, a few years of one place's festival days, under
    /// a megabyte): a festival's rule looks at the same few days' sunrises
    /// and sunsets several times (each window needs both), and each costs
    /// a dozen evaluations of the Sun's position.
    fn event(&self, date: NaiveDate, e: Event) -> Option<JulianDay> {
        use std::cell::RefCell;
        use std::collections::HashMap;
        type Key = (u64, u64, NaiveDate, bool);
        thread_local! {
            static MEMO: RefCell<HashMap<Key, Option<f64>>> = RefCell::new(HashMap::new());
        }
        let key = (
            self.latitude.to_bits(),
            self.longitude.to_bits(),
            date,
            e == Event::Sunrise,
        );
        if let Some(t) = MEMO.with(|m| m.borrow().get(&key).copied()) {
            return t.map(JulianDay);
        }
        let t = event_utc(date, self.latitude, self.longitude, e)
            .ok()
            .map(JulianDay::from_datetime);
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= 8_192 {
                m.clear();
            }
            m.insert(key, t.map(|t| t.0));
        });
        t
    }

    /// Local midnight starting `date`, as UT.
    pub(crate) fn midnight(&self, date: NaiveDate) -> Option<JulianDay> {
        let local = self
            .timezone
            .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
            .earliest()?;
        Some(JulianDay::from_datetime(local.naive_utc()))
    }

    /// The window of civil day `date`, as UT instants (equal for instants).
    pub fn window(&self, date: NaiveDate, w: Window) -> Option<(JulianDay, JulianDay)> {
        let rise = self.event(date, Event::Sunrise)?;
        let set = self.event(date, Event::Sunset)?;
        let day = set.0 - rise.0;
        Some(match w {
            Window::Sunrise => (rise, rise),
            Window::Madhyahna => (JulianDay(rise.0 + 0.4 * day), JulianDay(rise.0 + 0.6 * day)),
            Window::Aparahna => (JulianDay(rise.0 + 0.6 * day), JulianDay(rise.0 + 0.8 * day)),
            Window::Pradosh => (set, JulianDay(set.0 + 144.0 / 1440.0)),
            Window::Nishita => {
                let next_rise = self.event(date.succ_opt()?, Event::Sunrise)?;
                let muhurta = (next_rise.0 - set.0) / 15.0;
                (
                    JulianDay(set.0 + 7.0 * muhurta),
                    JulianDay(set.0 + 8.0 * muhurta),
                )
            }
            Window::Moonrise => {
                let from = self.midnight(date)?;
                let to = self.midnight(date.succ_opt()?)?;
                let t = moonrise_between(from, to, self.latitude, self.longitude)?;
                (t, t)
            }
        })
    }

    /// The civil date at `t` in this place's time zone.
    pub fn date_of(&self, t: JulianDay) -> Option<NaiveDate> {
        let utc: NaiveDateTime = t.to_datetime()?;
        Some(self.timezone.from_utc_datetime(&utc).date_naive())
    }
}

/// The windows (and civil-day spans) of a run of days at a place, computed
/// once and shared by the decisions below.
/// An optional span of instants.
type Span = Option<(JulianDay, JulianDay)>;

struct Days<'a> {
    place: &'a Place,
    window: Window,
    /// (day, its window once computed, its civil-day span).
    days: Vec<(NaiveDate, std::cell::OnceCell<Span>, Span)>,
}

impl<'a> Days<'a> {
    fn new(place: &'a Place, first: NaiveDate, last: NaiveDate, window: Window) -> Days<'a> {
        let days = first
            .iter_days()
            .take_while(|d| *d <= last)
            .take(10)
            .map(|d| {
                let civil = place
                    .midnight(d)
                    .zip(d.succ_opt().and_then(|n| place.midnight(n)));
                (d, std::cell::OnceCell::new(), civil)
            })
            .collect();
        Days {
            place,
            window,
            days,
        }
    }

    /// The window of a day, computed on first use (a moonrise costs tens
    /// of microseconds, and the instant rule usually needs only the first
    /// day or two).
    fn window_of(&self, (d, cell, _): &(NaiveDate, std::cell::OnceCell<Span>, Span)) -> Span {
        *cell.get_or_init(|| self.place.window(*d, self.window))
    }

    /// The rules in the module documentation, for a tithi `[begin, end)`.
    fn decide(&self, begin: f64, end: f64, instant: bool) -> Option<NaiveDate> {
        if instant {
            if let Some((d, ..)) = self.days.iter().find(|day| {
                self.window_of(day)
                    .is_some_and(|(t, _)| t.0 >= begin && t.0 < end)
            }) {
                return Some(*d);
            }
        } else {
            let best = Self::most(
                self.days.iter().map(|day| (day.0, self.window_of(day))),
                begin,
                end,
            );
            if best.is_some() {
                return best;
            }
        }
        // A kshaya tithi (no window touched): the civil day containing most of it.
        Self::most(self.days.iter().map(|(d, _, c)| (*d, *c)), begin, end)
    }

    /// The day whose span overlaps `[begin, end)` most (the earlier on a tie).
    fn most(
        spans: impl Iterator<Item = (NaiveDate, Span)>,
        begin: f64,
        end: f64,
    ) -> Option<NaiveDate> {
        let mut best: Option<(f64, NaiveDate)> = None;
        for (d, span) in spans {
            if let Some((a, b)) = span {
                let overlap = b.0.min(end) - a.0.max(begin);
                if overlap > 0.0 && best.is_none_or(|(o, _)| overlap > o + 1e-9) {
                    best = Some((overlap, d));
                }
            }
        }
        best.map(|(_, d)| d)
    }
}

/// The civil day on which a tithi spanning `[begin, end)` is kept at
/// `place` for window `w` (the rules in the module documentation).
pub fn festival_day(
    begin: JulianDay,
    end: JulianDay,
    w: Window,
    place: &Place,
) -> Option<NaiveDate> {
    let first = place.date_of(JulianDay(begin.0 - 1.0))?;
    let last = place.date_of(JulianDay(end.0 + 1.0))?;
    Days::new(place, first, last, w).decide(begin.0, end.0, w.is_instant())
}

/// A festival's day with how sure it is: the day, and the neighbouring day
/// when shifting the tithi by `margin` (either way) changes the decision.
pub fn festival_day_with_margin(
    begin: JulianDay,
    end: JulianDay,
    w: Window,
    place: &Place,
    margin: Duration,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let m = margin.num_seconds() as f64 / 86_400.0;
    let first = place.date_of(JulianDay(begin.0 - 1.0 - m))?;
    let last = place.date_of(JulianDay(end.0 + 1.0 + m))?;
    let days = Days::new(place, first, last, w);
    let day = days.decide(begin.0, end.0, w.is_instant())?;
    let alternative = [-m, m]
        .into_iter()
        .filter_map(|s| days.decide(begin.0 + s, end.0 + s, w.is_instant()))
        .find(|d| *d != day);
    Some((day, alternative))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    /// The lunation whose month is `masa` (not adhika) opening in `year`'s window.
    fn month(year: i32, masa: u8) -> Lunation {
        lunations(
            JulianDay::from_ymd_hms(year - 1, 12, 1, 0, 0, 0.0),
            JulianDay::from_ymd_hms(year + 1, 1, 31, 0, 0, 0.0),
        )
        .into_iter()
        .find(|l| {
            l.masa == masa && !l.adhika && l.start.to_datetime().unwrap().date().year() == year
        })
        .unwrap()
    }

    #[test]
    fn months_and_adhika() {
        // 2023 had an adhika Shravana from 18 July (IST; the new moon was at
        // 00:02 IST) to 16 August 2023 (Drik Panchang).
        let ls = lunations(
            JulianDay::from_ymd_hms(2023, 1, 1, 0, 0, 0.0),
            JulianDay::from_ymd_hms(2024, 1, 1, 0, 0, 0.0),
        );
        let adhika: Vec<_> = ls.iter().filter(|l| l.adhika).collect();
        assert_eq!(adhika.len(), 1);
        assert_eq!(adhika[0].masa, 5);
        assert_eq!(NEW_DELHI.date_of(adhika[0].start), Some(d(2023, 7, 18)));
    }

    #[test]
    fn kshaya_months_1900_to_2100() {
        // The only kshaya months of 1900–2100 were in 1963–64 and 1982–83,
        // each with an adhika month before and after (the next is in
        // 2123–24): Sewell and Dikshit's tables; hindupad.com/kshaya-masa
        // ("the last Kshaya Masa was in 1983 and the next ... in 2124").
        let y = |y| JulianDay::from_ymd_hms(y, 1, 1, 0, 0, 0.0);
        let mut ls = lunations(y(1900), y(2000));
        ls.extend(lunations(y(2000), y(2101)));
        let kshaya: Vec<_> = ls.iter().filter(|l| l.kshaya).collect();
        assert_eq!(kshaya.len(), 2);
        let starts: Vec<_> = kshaya.iter().map(|l| NEW_DELHI.date_of(l.start)).collect();
        assert_eq!(starts, [Some(d(1963, 11, 16)), Some(d(1983, 1, 14))]);
        // Kartika and Margashirsha in one lunation; Pausha and Magha in one.
        assert_eq!((kshaya[0].masa, kshaya[1].masa), (8, 10));
        let at = |k: &Lunation| ls.iter().position(|l| l == k).unwrap();
        let (i, j) = (at(kshaya[0]), at(kshaya[1]));
        // 1963: Kartika's festivals in the adhika Kartika just before,
        // Margashirsha's in the kshaya lunation; 1983: Pausha's and Magha's
        // both in it.
        assert!(ls[i - 1].adhika && keeps(&ls, i - 1, 8) && !keeps(&ls, i, 8));
        assert!(keeps(&ls, i, 9) && !keeps(&ls, i, 10));
        assert!(keeps(&ls, j, 10) && keeps(&ls, j, 11) && !keeps(&ls, j - 1, 10));
        for k in kshaya {
            let i = at(k);
            assert!(ls[i.saturating_sub(5)..i].iter().any(|l| l.adhika));
            assert!(ls[i + 1..i + 6].iter().any(|l| l.adhika));
        }
        // Every nija lunation keeps one month, the two kshaya ones two (and
        // in 1963 the adhika Kartika stands in for the kshaya's first).
        let kept: usize = (0..ls.len())
            .map(|i| (1..=12).filter(|m| keeps(&ls, i, *m)).count())
            .sum();
        let adhika = ls.iter().filter(|l| l.adhika).count();
        assert_eq!(kept, ls.len() - adhika + 2);
    }

    #[test]
    fn festivals_at_new_delhi() {
        // Drik Panchang, New Delhi: Diwali (Ashvina Amavasya, pradosh)
        // 2024-10-31; Janmashtami (Shravana Krishna Ashtami, nishita, the
        // Smarta date) 2024-08-26; Ganesh Chaturthi (Bhadrapada Shukla Chaturthi,
        // madhyahna) 2024-09-07; Karva Chauth (Ashvina Krishna Chaturthi,
        // moonrise) 2024-10-20.
        let cases = [
            (7, 30, Window::Pradosh, d(2024, 10, 31)),
            (5, 23, Window::Nishita, d(2024, 8, 26)),
            (6, 4, Window::Madhyahna, d(2024, 9, 7)),
            (7, 19, Window::Moonrise, d(2024, 10, 20)),
        ];
        for (masa, tithi, w, want) in cases {
            let (a, b) = month(2024, masa).tithi(tithi).unwrap();
            assert_eq!(
                festival_day(a, b, w, &NEW_DELHI),
                Some(want),
                "{masa} {tithi} {w:?}"
            );
        }
    }
}
