//! Timed checks (SPEC §6): which observances a meeting at a given local
//! time overlaps, which part of each (its span, daily hours, fasting hours,
//! an iftar), and why.
//!
//! Every observance has a span: from local midnight of its first day (or
//! sunset the evening before, for `begins = "sunset-before"`) to the end of
//! its last day (local midnight, or sunset or nightfall for those that
//! begin at sunset). Some narrow that to daily hours, and fasts add their
//! fasting hours and, for Ramadan, the iftar at sunset, which matter more
//! than the rest of the day (the types are in [`crate::timing`]).

use chrono::{DateTime, Duration, NaiveDate};
use chrono_tz::Tz;

use crate::catalogue::Filter;
use crate::error::{Error, Result};
use crate::location::local_instant;
use crate::model::{ClashKind, DayStart, Impact, Verdict, DEFAULT_THRESHOLD};
use crate::observance::Observance;
use crate::occurrence::{Index, OccurrenceRef};
use crate::timing::{
    DayEnd, Early, Fast, MeetingKind, Sky, SkyEvent, SpanReason, TimedPart, TimedReason,
};

/// What part of an observance a meeting overlaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// The rest of a fast day, outside its fasting hours and evening.
    Rest,
    /// The morning of a Ramadan fast (dawn to solar noon), the easiest
    /// time to meet.
    FastMorning,
    /// The afternoon before it begins (its `eve` hours).
    Eve,
    /// Its span.
    Span,
    /// Its daily hours.
    Hours,
    /// A Ramadan evening after the iftar hour (Isha and taraweeh prayers).
    FastEvening,
    /// Its fasting hours.
    Fasting,
    /// The iftar (sunset and the hour after).
    Iftar,
}

/// One part of an observance's time. Its reason is made only for the
/// part a meeting is reported against (most windows are not).
struct Window<'o> {
    from: DateTime<Tz>,
    to: DateTime<Tz>,
    part: Part,
    reason: Box<dyn Fn() -> TimedPart + 'o>,
}

/// What an observance's whole span is, for its reason.
#[derive(Clone, Copy)]
struct SpanWords<'o> {
    early: Option<&'o Early>,
    sunset_start: bool,
    from_sun: bool,
    to_label: Option<DayEnd>,
    span: (DateTime<Tz>, DateTime<Tz>),
    days: (NaiveDate, NaiveDate),
}

impl SpanWords<'_> {
    fn reason(&self) -> SpanReason {
        let (span_from, span_to) = self.span;
        let (start, end) = self.days;
        match self.from_sun {
            true => SpanReason::FromSunset {
                early: self.early.cloned(),
                start: span_from,
                until: self.to_label.map(|what| (what, span_to)),
            },
            false if self.sunset_start => SpanReason::NoSunset {
                evening: start.pred_opt().unwrap_or(start),
            },
            false => SpanReason::AllDay {
                first: start,
                last: end,
            },
        }
    }
}

/// A clash of a timed meeting with an observance.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TimedClash<'a> {
    /// What it clashes with.
    pub occurrence: OccurrenceRef<'a>,
    /// The overlap of the meeting with the observance's time.
    pub overlap: (DateTime<Tz>, DateTime<Tz>),
    /// Why: the part overlapped, with its times; its `Display` gives the
    /// words ("iftar at 17:50 (sunset)").
    pub reason: TimedReason,
    /// How much this overlap matters: the observance's impact, raised for
    /// an iftar or a meal in fasting hours, lowered outside a fast's hours.
    pub impact: Impact,
    /// True when it applies only if observed on one of its possible dates.
    pub possible: bool,
    /// [`ClashKind::Eve`] when the overlap is the afternoon before it
    /// begins (its `eve` hours), else [`ClashKind::Day`].
    pub kind: ClashKind,
}

/// The most days of an observance whose daily windows are computed.
const MAX_DAYS: i64 = 62;

/// The windows of observance `obs` occurring over `start..=end` at the
/// location of `sky`, with daily windows only for the days `near` (those
/// a meeting touches, give or take a day), so that a month-long fast
/// costs no more than a one-day one.
fn windows<'o>(
    obs: &'o Observance,
    (start, end): (NaiveDate, NaiveDate),
    sky: &Sky<'_>,
    near: (NaiveDate, NaiveDate),
) -> Vec<Window<'o>> {
    let midnight = |d: NaiveDate| sky.get(d, SkyEvent::Midnight);
    let timing = obs.timing();
    let sunset_start = obs.begins() == DayStart::SunsetBefore;
    let mut out = Vec::new();
    // The span.
    let early = timing.early.as_ref();
    let (span_from, from_sun) = match sunset_start {
        true => match start.pred_opt().and_then(|d| sky.get(d, SkyEvent::Sunset)) {
            Some(t) => {
                let lead = Duration::minutes(early.map_or(0, |e| i64::from(e.minutes)));
                (t.checked_sub_signed(lead), true)
            }
            None => (midnight(start), false),
        },
        false => (midnight(start), false),
    };
    let (span_to, to_label) = if sunset_start {
        let t = match timing.ends {
            DayEnd::Sunset => sky.get(end, SkyEvent::Sunset).map(|t| (t, DayEnd::Sunset)),
            DayEnd::Nightfall => sky
                .get(end, SkyEvent::Nightfall)
                .map(|t| (t, DayEnd::Nightfall)),
        };
        match t {
            Some((t, what)) => (Some(t), Some(what)),
            None => (end.succ_opt().and_then(midnight), None),
        }
    } else {
        (end.succ_opt().and_then(midnight), None)
    };
    let (Some(span_from), Some(span_to)) = (span_from, span_to) else {
        return out;
    };
    let span_reason = SpanWords {
        early,
        sunset_start,
        from_sun,
        to_label,
        span: (span_from, span_to),
        days: (start, end),
    };
    let days = || {
        let (first, last) = (start.max(near.0), end.min(near.1));
        first
            .iter_days()
            .take_while(move |d| *d <= last)
            .take(MAX_DAYS as usize)
    };
    // The afternoon before, up to the start (the meal before a fast, the
    // preparations for a Seder).
    if let (Some(eve), true) = (&timing.eve, from_sun) {
        let eve_day = start.pred_opt().filter(|d| *d >= near.0 && *d <= near.1);
        if let Some(a) = eve_day.and_then(|d| eve.from.on_sky(d, sky)) {
            if a < span_from {
                out.push(Window {
                    from: a,
                    to: span_from,
                    part: Part::Eve,
                    reason: Box::new(move || TimedPart::Eve {
                        what: eve.what.clone(),
                        from: eve.from,
                        start: a,
                        begins: span_from,
                    }),
                });
            }
        }
    }
    if let Some(h) = &timing.hours {
        // Daily hours narrow the span (or, with `all_day`, stand out in it,
        // or follow it: Eid's evening is after the Islamic day's sunset);
        // an observance that begins at sunset has its evenings on the eve of
        // each day unless they are `on = "day"`.
        if h.all_day {
            out.push(Window {
                from: span_from,
                to: span_to,
                part: Part::Span,
                reason: Box::new(move || TimedPart::Span(span_reason.reason())),
            });
        }
        for d in days() {
            let day = if h.on_eve {
                d.pred_opt().unwrap_or(d)
            } else {
                d
            };
            let (Some(a), Some(mut b)) = (h.from.on_sky(day, sky), h.to.on_sky(day, sky)) else {
                continue;
            };
            if b <= a {
                match day.succ_opt().and_then(|n| h.to.on_sky(n, sky)) {
                    Some(n) => b = n,
                    None => continue,
                }
            }
            out.push(Window {
                from: a,
                to: b,
                part: Part::Hours,
                reason: Box::new(move || TimedPart::Hours {
                    what: h.what.clone(),
                    from: h.from,
                    start: a,
                    to: h.to,
                    end: b,
                }),
            });
        }
        return out;
    }
    match timing.fast {
        Some(Fast::Whole) => out.push(Window {
            from: span_from,
            to: span_to,
            part: Part::Fasting,
            reason: Box::new(move || TimedPart::WholeFast(span_reason.reason())),
        }),
        Some(fast @ (Fast::SunriseToMoonrise | Fast::DawnToMoonrise)) => {
            out.push(rest_of_fast(span_from, span_to, span_reason));
            for d in days() {
                let Some(end_of_day) = d.succ_opt().and_then(midnight) else {
                    continue;
                };
                // Where the Sun does not rise (or the sky reach dawn), the
                // civil day.
                let from = match fast {
                    Fast::DawnToMoonrise => SkyEvent::Dawn,
                    _ => SkyEvent::Sunrise,
                };
                let Some(a) = sky.get(d, from).or_else(|| midnight(d)) else {
                    continue;
                };
                let rise = sky.get(d, SkyEvent::Moonrise).filter(|m| *m > a);
                let b = rise.unwrap_or(end_of_day);
                out.push(Window {
                    from: a,
                    to: b,
                    part: Part::Fasting,
                    reason: Box::new(move || TimedPart::FastToMoonrise {
                        fast,
                        start: a,
                        moonrise: rise,
                    }),
                });
                if let Some(m) = rise {
                    out.push(Window {
                        from: m,
                        to: m + Duration::hours(1),
                        part: Part::Hours,
                        reason: Box::new(move || TimedPart::BrokenAtMoonrise { moonrise: m }),
                    });
                }
            }
        }
        Some(fast) => {
            out.push(rest_of_fast(span_from, span_to, span_reason));
            for d in days() {
                let a = match fast {
                    Fast::SunriseToSunset => sky.get(d, SkyEvent::Sunrise),
                    _ => sky.get(d, SkyEvent::Dawn),
                };
                let b = match fast {
                    Fast::DawnToNightfall => sky.get(d, SkyEvent::Nightfall),
                    _ => sky.get(d, SkyEvent::Sunset),
                };
                let (Some(a), Some(b)) = (a, b) else {
                    continue;
                };
                // Ramadan's fasting hours that matter are from solar noon.
                let noon = match fast {
                    Fast::DawnToSunset => {
                        sky.get(d, SkyEvent::SolarNoon).filter(|n| a < *n && *n < b)
                    }
                    _ => None,
                };
                out.push(Window {
                    from: noon.unwrap_or(a),
                    to: b,
                    part: Part::Fasting,
                    reason: Box::new(move || TimedPart::Fasting {
                        fast,
                        start: a,
                        end: b,
                    }),
                });
                // Ramadan: the morning (dawn to solar noon) is the easiest
                // time to meet; the iftar (and Maghrib) takes the hour after sunset, and the
                // evening after it Isha and the taraweeh prayers, until
                // 23:00 (or an hour after the iftar, whichever is later).
                if fast == Fast::DawnToSunset {
                    if let Some(noon) = noon {
                        out.push(Window {
                            from: a,
                            to: noon,
                            part: Part::FastMorning,
                            reason: Box::new(move || TimedPart::FastMorning { dawn: a, sunset: b }),
                        });
                    }
                    let iftar_end = b + Duration::hours(1);
                    out.push(Window {
                        from: b,
                        to: iftar_end,
                        part: Part::Iftar,
                        reason: Box::new(move || TimedPart::Iftar { sunset: b }),
                    });
                    let late = d
                        .and_hms_opt(23, 0, 0)
                        .and_then(|n| local_instant(sky.timezone(), n).0)
                        .filter(|t| *t > iftar_end);
                    if let Some(late) = late {
                        out.push(Window {
                            from: iftar_end,
                            to: late,
                            part: Part::FastEvening,
                            reason: Box::new(move || TimedPart::RamadanEvening { iftar: b }),
                        });
                    }
                }
            }
        }
        None => out.push(Window {
            from: span_from,
            to: span_to,
            part: Part::Span,
            reason: Box::new(move || TimedPart::Span(span_reason.reason())),
        }),
    }
    out
}

/// The whole span of a fast, outside its fasting hours (low).
fn rest_of_fast(from: DateTime<Tz>, to: DateTime<Tz>, span: SpanWords<'_>) -> Window<'_> {
    Window {
        from,
        to,
        part: Part::Rest,
        reason: Box::new(move || TimedPart::OutsideFast(span.reason())),
    }
}

impl Index<'_> {
    /// The observances passing `filter` that a meeting from `from` to `to`
    /// (local times at the index's location) overlaps, one entry per
    /// occurrence with the overlap of its most important part, ordered by
    /// impact (highest first), then start, then id (SPEC §6). Weekly
    /// observances are included when `filter` lets them through. The
    /// filter's minimum impact applies to each clash's own impact (an iftar
    /// is high whatever Ramadan's impact), not the observance's.
    ///
    /// # Errors
    /// [`crate::ErrorKind::OutOfRange`] when the meeting ends before it
    /// begins, lasts over 31 days, or falls outside the index.
    pub fn clashes_at(
        &self,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Vec<TimedClash<'_>>> {
        let sky = Sky::new(self.settings().location_ref());
        self.clashes_under(&sky, from, to, filter, kind)
    }

    /// [`Index::clashes_at`] with the Sun's times of `sky` (the index's
    /// location), kept from one meeting to the next.
    pub(crate) fn clashes_under(
        &self,
        sky: &Sky<'_>,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Vec<TimedClash<'_>>> {
        if to <= from {
            return Err(Error::out_of_range("the meeting must end after it begins"));
        }
        if to - from > Duration::days(31) {
            return Err(Error::out_of_range(
                "a timed meeting may last at most 31 days",
            ));
        }
        let location = self.settings().location_ref();
        let tz = location.timezone();
        let (first, last) = (
            from.with_timezone(&tz).date_naive(),
            to.with_timezone(&tz).date_naive(),
        );
        let (lo, hi) = self.days();
        let day_from = first.pred_opt().unwrap_or(first).max(lo);
        let day_to = last.succ_opt().unwrap_or(last).min(hi);
        self.check_range(first, last)?;
        let (filter, min_impact) = filter.split_min_impact();
        let midnight = |d: NaiveDate| sky.get(d, SkyEvent::Midnight);
        let mut out = Vec::new();
        for c in self.clashes_of_days(day_from, day_to, &filter, false)? {
            let occ = c.occurrence.occurrence();
            let obs = c.occurrence.observance();
            let len = occ.end() - occ.start();
            // Every possible day is a real day (SPEC §6.1): the expected
            // start and each possible one, with its own hours.
            let starts = std::iter::once((occ.start(), false))
                .chain(occ.possible_dates().iter().map(|d| (*d, true)));
            let own = c.impact;
            // How much a part matters (an iftar, or a meal in fasting
            // hours, is high; the rest of a fast day low).
            let weigh = |part: Part| match part {
                Part::Iftar => Impact::High,
                Part::Fasting | Part::FastMorning if kind.with_food => Impact::High,
                Part::Rest | Part::FastMorning => Impact::Low,
                Part::Fasting | Part::Span | Part::Hours | Part::FastEvening | Part::Eve => own,
            };
            let mut best: Option<(Part, bool, Window)> = None;
            for (s, possible) in starts {
                let Some(e) = s.checked_add_signed(len) else {
                    continue;
                };
                // Its windows lie from noon the day before it begins (an
                // eve) to the morning after it ends (evening hours): a
                // start whose days are away from the meeting's is skipped.
                if s.pred_opt().unwrap_or(s) > last || e.succ_opt().unwrap_or(e) < first {
                    continue;
                }
                let mut ws = windows(obs, (s, e), sky, (day_from, day_to));
                // A meal on a day with a diet of its own (Navaratri).
                if let (true, Some(food), Some(a), Some(b)) = (
                    kind.with_food,
                    obs.timing().food.as_deref(),
                    midnight(s),
                    e.succ_opt().and_then(midnight),
                ) {
                    ws.push(Window {
                        from: a,
                        to: b,
                        part: Part::Span,
                        reason: Box::new(move || TimedPart::Meal {
                            food: food.to_string(),
                        }),
                    });
                }
                for w in ws {
                    let (a, b) = (w.from.max(from), w.to.min(to));
                    // The part that matters most; then a certain day
                    // before a possible one; then the more particular part.
                    let key = |part: Part, possible: bool| (weigh(part), !possible, part);
                    let better = best
                        .as_ref()
                        .is_none_or(|(p, q, ..)| key(w.part, possible) > key(*p, *q));
                    if a < b && better {
                        best = Some((
                            w.part,
                            possible,
                            Window {
                                from: a,
                                to: b,
                                ..w
                            },
                        ));
                    }
                }
            }
            let Some((part, possible, w)) = best else {
                continue;
            };
            let food_note = obs.timing().food.as_deref().filter(|_| kind.with_food);
            let impact = weigh(part);
            if min_impact.is_some_and(|m| impact < m) {
                continue;
            }
            let what = (w.reason)();
            let meal = matches!(what, TimedPart::Meal { .. });
            let reason = TimedReason {
                part: what,
                no_food: kind.with_food && matches!(part, Part::Fasting | Part::FastMorning),
                food: food_note.filter(|_| !meal).map(str::to_string),
            };
            let eve = part == Part::Eve;
            out.push(TimedClash {
                occurrence: c.occurrence,
                overlap: (w.from.with_timezone(&tz), w.to.with_timezone(&tz)),
                reason,
                impact,
                possible,
                kind: if eve { ClashKind::Eve } else { ClashKind::Day },
            });
        }
        out.sort_by(|a, b| {
            b.impact
                .cmp(&a.impact)
                .then(a.overlap.0.cmp(&b.overlap.0))
                .then(
                    a.occurrence
                        .observance()
                        .id()
                        .cmp(b.occurrence.observance().id()),
                )
        });
        Ok(out)
    }

    /// A timed check (SPEC §6.1): [`Index::clashes_at`], split into the
    /// clashes whose own impact is at least the filter's minimum impact,
    /// else [`DEFAULT_THRESHOLD`], and the rest ("also").
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use clash_core::{Catalogue, Filter, Index, MeetingKind};
    /// let cat = Catalogue::embedded()?;
    /// let index = Index::new(&cat, 2025, 2025)?;
    /// let london = chrono_tz::Europe::London;
    /// // A Friday meeting ending 15:45; sunset 15:50, candle lighting 15:32.
    /// let from = london.with_ymd_and_hms(2025, 12, 19, 14, 45, 0).unwrap();
    /// let to = london.with_ymd_and_hms(2025, 12, 19, 15, 45, 0).unwrap();
    /// let all = Filter::default().categories(clash_core::Category::ALL.iter().copied());
    /// let found = index.check_at(from, to, &all, MeetingKind::default())?;
    /// assert!(found.clashes.iter().any(|c| c.occurrence.observance().id().as_str() == "shabbat"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Index::clashes_at`].
    pub fn check_at(
        &self,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Verdict<TimedClash<'_>>> {
        let (rest, min) = filter.split_min_impact();
        let threshold = min.unwrap_or(DEFAULT_THRESHOLD);
        let (clashes, also) = self
            .clashes_at(from, to, &rest, kind)?
            .into_iter()
            .partition(|c| c.impact >= threshold);
        Ok(Verdict { clashes, also })
    }
}
