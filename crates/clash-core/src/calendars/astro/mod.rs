//! Astronomy for calendars: the Sun's and Moon's apparent geocentric
//! longitudes, new and full moons, the instants the Sun reaches a given
//! tropical or sidereal (Lahiri) longitude.
//!
//! Pure functions of time, no catalogue types. Time is a Julian Day in
//! Universal Time ([`JulianDay`]); the theories are evaluated in Terrestrial
//! Time, converted with ΔT (the Espenak and Meeus polynomials).
//!
//! Sources:
//! - Jean Meeus, *Astronomical Algorithms*, 2nd ed. (1998): ch. 7 (Julian
//!   Day), ch. 22 (nutation, abridged), ch. 25 (apparent solar longitude from
//!   VSOP87), ch. 47 (the Moon, ELP-2000/82 truncated, Table 47.A), ch. 49
//!   (mean lunations, as first guesses).
//! - P. Bretagnon and G. Francou, "Planetary theories in rectangular and
//!   spherical variables: VSOP87 solutions", A&A 202 (1988): the Earth's
//!   heliocentric position (VSOP87D), truncated as in Meeus Appendix III and
//!   NREL/TP-560-34302 Table A4.2. The full series (the `vsop87` crate) is
//!   65 µs an evaluation; the truncated one is a few, within 1″.
//! - F. Espenak and J. Meeus, *Five Millennium Canon of Solar Eclipses*
//!   (NASA/TP-2006-214141): polynomial expressions for ΔT.
//! - Lahiri ayanamsa: 23°15′00.658″ (true) on 1956-03-21 0h TT (Indian
//!   Calendar Reform Committee, 1955; less that day's nutation for the mean
//!   value), carried by the general precession in longitude of
//!   J. H. Lieske et al., A&A 58 (1977); sidereal longitudes subtract the
//!   true ayanamsa (mean plus nutation).

// Coefficients are written as published (no digit grouping; 3.14 is a
// phase from the table, not π).
#![allow(
    clippy::unreadable_literal,
    clippy::inconsistent_digit_grouping,
    clippy::approx_constant,
    clippy::excessive_precision
)]

mod lunar;
mod rise;
mod solar;
mod time;
mod vsop87_earth;

pub use lunar::{lunar_longitude, moon_elongation};
pub use rise::moonrise_between;
pub use solar::{lahiri_true_ayanamsa, sidereal_solar_longitude, solar_longitude};
pub use time::JulianDay;

/// Degrees in `[0, 360)`.
pub(crate) fn normalize(deg: f64) -> f64 {
    deg.rem_euclid(360.0)
}

/// Degrees in `[-180, 180)`.
pub(crate) fn signed(deg: f64) -> f64 {
    (deg + 180.0).rem_euclid(360.0) - 180.0
}

/// The mean synodic month, in days (Meeus 49.1).
pub const SYNODIC_MONTH: f64 = 29.530_588_861;

/// The mean motion of the Sun in longitude, degrees per day.
const SUN_RATE: f64 = 360.0 / 365.242_19;

/// The mean motion of the Moon away from the Sun, degrees per day.
const ELONGATION_RATE: f64 = 360.0 / SYNODIC_MONTH;

/// Solves `signed(f(t) - target) = 0` near `guess`: a first step with the
/// mean rate of `f` (degrees per day), then secant steps, which converge
/// to well under a second in four or five evaluations; bounded to 40.
fn solve(guess: f64, target: f64, rate: f64, f: impl Fn(f64) -> f64) -> f64 {
    let mut t0 = guess;
    let mut g0 = signed(target - f(t0));
    let mut t1 = t0 + g0 / rate;
    for _ in 0..40 {
        let g1 = signed(target - f(t1));
        let denom = g1 - g0;
        let secant = -g1 * (t1 - t0) / denom;
        // Fall back to the mean rate if the secant is degenerate or wild.
        let step = if denom.abs() > 1e-12 && secant.abs() < 5.0 {
            secant
        } else {
            g1 / rate
        };
        t0 = t1;
        g0 = g1;
        t1 += step;
        if step.abs() < 1e-8 {
            break;
        }
    }
    t1
}

/// The first instant at or after `after` at which the Moon–Sun elongation
/// is `phase` degrees (0 new moon, 90 first quarter, 180 full moon).
///
/// ```
/// use clash_core::calendars::astro::{moon_phase_after, JulianDay};
/// // New moon of 2024-01-11 11:57 UTC (USNO).
/// let start = JulianDay::from_ymd_hms(2024, 1, 1, 0, 0, 0.0);
/// let new_moon = moon_phase_after(start, 0.0).to_datetime().unwrap();
/// assert_eq!(new_moon.format("%Y-%m-%d %H:%M").to_string(), "2024-01-11 11:57");
/// ```
pub fn moon_phase_after(after: JulianDay, phase: f64) -> JulianDay {
    let phase = normalize(phase);
    // First guess from the present elongation and the mean rate.
    let now = moon_elongation(after);
    let mut guess = after.0 + normalize(phase - now) / ELONGATION_RATE;
    for _ in 0..3 {
        let t = solve(guess, phase, ELONGATION_RATE, |t| {
            moon_elongation(JulianDay(t))
        });
        if t >= after.0 {
            return JulianDay(t);
        }
        guess = t + SYNODIC_MONTH;
    }
    JulianDay(guess)
}

/// The instant near `guess` (within a few days) at which the Moon–Sun
/// elongation is `phase` degrees: [`moon_phase_after`] without its first
/// evaluation, for a caller that knows roughly when (a tithi's end within
/// its lunation). The caller checks the answer is the crossing it meant.
pub fn moon_phase_near(guess: JulianDay, phase: f64) -> JulianDay {
    JulianDay(solve(guess.0, normalize(phase), ELONGATION_RATE, |t| {
        moon_elongation(JulianDay(t))
    }))
}

/// The last instant before `before` at which the elongation is `phase`.
pub fn moon_phase_before(before: JulianDay, phase: f64) -> JulianDay {
    let next = moon_phase_after(JulianDay(before.0 - SYNODIC_MONTH * 1.1), phase);
    let later = moon_phase_after(JulianDay(next.0 + 1.0), phase);
    if later.0 < before.0 {
        later
    } else {
        next
    }
}

/// The first instant at or after `after` at which the Sun's apparent
/// tropical longitude is `longitude` degrees (0 March equinox, 90 June
/// solstice, 180 September equinox, 270 December solstice; multiples of 15
/// are the Chinese solar terms).
///
/// ```
/// use clash_core::calendars::astro::{solar_longitude_after, JulianDay};
/// // March equinox 2024-03-20 03:06 UTC (USNO).
/// let start = JulianDay::from_ymd_hms(2024, 1, 1, 0, 0, 0.0);
/// let equinox = solar_longitude_after(start, 0.0).to_datetime().unwrap();
/// assert_eq!(equinox.format("%Y-%m-%d %H:%M").to_string(), "2024-03-20 03:06");
/// ```
pub fn solar_longitude_after(after: JulianDay, longitude: f64) -> JulianDay {
    crossing_after(after, longitude, |t| solar_longitude(JulianDay(t)))
}

/// The first instant at or after `after` at which the Sun's sidereal
/// longitude (Lahiri) is `longitude` degrees: a sankranti (0 Mesha, 270
/// Makara).
pub fn sidereal_solar_longitude_after(after: JulianDay, longitude: f64) -> JulianDay {
    crossing_after(after, longitude, |t| sidereal_solar_longitude(JulianDay(t)))
}

fn crossing_after(after: JulianDay, target: f64, f: impl Fn(f64) -> f64) -> JulianDay {
    let target = normalize(target);
    let mut guess = after.0 + normalize(target - f(after.0)) / SUN_RATE;
    for _ in 0..3 {
        let t = solve(guess, target, SUN_RATE, &f);
        if t >= after.0 - 1e-6 {
            return JulianDay(t);
        }
        guess = t + 365.242_19;
    }
    JulianDay(guess)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: JulianDay) -> String {
        t.to_datetime()
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Within a minute of the published instant (given to the minute).
    fn near(t: JulianDay, published: &str) {
        let want = chrono::NaiveDateTime::parse_from_str(published, "%Y-%m-%d %H:%M").unwrap();
        let got = t.to_datetime().unwrap();
        let diff = (got - want).num_seconds().abs();
        assert!(diff <= 60, "{got} vs {published}");
    }

    #[test]
    fn published_instants() {
        // USNO, "Phases of the Moon" and "Earth's Seasons" (UTC, to the minute).
        let jan = JulianDay::from_ymd_hms(2024, 1, 1, 0, 0, 0.0);
        near(moon_phase_after(jan, 0.0), "2024-01-11 11:57");
        near(moon_phase_after(jan, 180.0), "2024-01-25 17:54");
        near(solar_longitude_after(jan, 0.0), "2024-03-20 03:06");
        near(solar_longitude_after(jan, 90.0), "2024-06-20 20:51");
        near(solar_longitude_after(jan, 270.0), "2024-12-21 09:20");
    }

    #[test]
    fn before_and_after_bracket() {
        let t = JulianDay::from_ymd_hms(2024, 1, 20, 0, 0, 0.0);
        let prev = moon_phase_before(t, 0.0);
        let next = moon_phase_after(t, 0.0);
        assert_eq!(at(prev), "2024-01-11 11:57");
        assert!(next.0 > t.0 && next.0 - prev.0 < 30.0);
    }
}
