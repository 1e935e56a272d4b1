//! Sunrise and sunset.
//!
//! The solar position follows the NOAA Global Monitoring Laboratory's solar
//! calculator, itself based on Jean Meeus, *Astronomical Algorithms* (1991):
//! geometric mean longitude and anomaly of the Sun, equation of centre,
//! apparent longitude, obliquity, declination and the equation of time. The
//! event is the moment the Sun's centre is 0.833° below the horizon (upper limb
//! on the horizon with standard refraction of 34′ and a semi-diameter of 16′)
//! for an observer at sea level. The hour angle is re-evaluated at the event
//! time itself three times, which keeps the error well under a minute at
//! latitudes within ±65°.

// Coefficients are written as published, without digit grouping.
#![allow(clippy::unreadable_literal, clippy::inconsistent_digit_grouping)]

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Altitude of the Sun's centre at sunrise and sunset, in degrees.
pub const SUNRISE_ALTITUDE: f64 = -0.833;

/// Which event to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The Sun's upper limb appears.
    Sunrise,
    /// The Sun's upper limb disappears.
    Sunset,
}

/// Why there is no sunrise or sunset on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoEvent {
    /// The Sun stays above the horizon all day (midnight sun).
    PolarDay,
    /// The Sun stays below the horizon all day.
    PolarNight,
}

/// The moment (UTC) of `event` on the solar day of `date` at the given
/// longitude, i.e. the event nearest to local apparent noon of that date.
///
/// `latitude` is in degrees north, `longitude` in degrees east.
///
/// # Errors
/// [`NoEvent`] when the Sun does not cross the horizon that day.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::sun::{event_utc, Event};
/// let d = NaiveDate::from_ymd_opt(2024, 6, 21).unwrap();
/// let set = event_utc(d, 52.6369, -1.1398, Event::Sunset).unwrap();
/// assert_eq!(set.format("%H:%M").to_string(), "20:32");
/// ```
pub fn event_utc(
    date: NaiveDate,
    latitude: f64,
    longitude: f64,
    event: Event,
) -> Result<NaiveDateTime, NoEvent> {
    altitude_utc(
        date,
        latitude,
        longitude,
        SUNRISE_ALTITUDE,
        event == Event::Sunrise,
    )
}

/// The moment (UTC) the Sun's centre passes geometric `altitude` degrees
/// (negative below the horizon; no refraction beyond what `altitude`
/// includes), rising in the morning or setting in the evening of the solar
/// day of `date`: dawn at −18°, nightfall at −8.5°.
///
/// # Errors
/// [`NoEvent::PolarDay`] when the Sun stays above `altitude` all day (for
/// dawn at −18°, the white nights of a British summer), or
/// [`NoEvent::PolarNight`] when it stays below.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::sun::altitude_utc;
/// let d = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
/// // Leicester: nightfall (−8.5°) on the equinox, 19:08 UTC (PyEphem 19:08).
/// let t = altitude_utc(d, 52.6369, -1.1398, -8.5, false).unwrap();
/// assert_eq!(t.format("%H:%M").to_string(), "19:08");
/// ```
pub fn altitude_utc(
    date: NaiveDate,
    latitude: f64,
    longitude: f64,
    altitude: f64,
    rising: bool,
) -> Result<NaiveDateTime, NoEvent> {
    let sign = if rising { 1.0 } else { -1.0 };
    let jd0 = julian_day(date);
    // First guess: local mean noon; then three refinements at the event time.
    let mut minutes = 720.0 - 4.0 * longitude;
    for _ in 0..3 {
        let pos = SolarPosition::at(jd0 + minutes / 1440.0);
        let hour_angle = hour_angle(latitude, pos.declination, altitude)?;
        minutes = 720.0 - 4.0 * (longitude + sign * hour_angle) - pos.equation_of_time;
    }
    at_minutes(date, minutes).ok_or(NoEvent::PolarNight)
}

/// The moment (UTC) of solar noon, the Sun's transit, on `date` at
/// `longitude` degrees east (NOAA: 720 − 4·longitude − the equation of
/// time, in minutes, refined twice).
pub fn solar_noon_utc(date: NaiveDate, longitude: f64) -> Option<NaiveDateTime> {
    let jd0 = julian_day(date);
    let mut minutes = 720.0 - 4.0 * longitude;
    for _ in 0..2 {
        minutes =
            720.0 - 4.0 * longitude - SolarPosition::at(jd0 + minutes / 1440.0).equation_of_time;
    }
    at_minutes(date, minutes)
}

/// `date` at 0h UT plus `minutes`, to the second.
fn at_minutes(date: NaiveDate, minutes: f64) -> Option<NaiveDateTime> {
    let seconds = (minutes * 60.0).round() as i64;
    date.and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.checked_add_signed(Duration::seconds(seconds)))
}

/// Julian Day at 0h UT of `date`.
fn julian_day(date: NaiveDate) -> f64 {
    // 2000-01-01 is day 730_120 from the common era and JD 2_451_544.5 at 0h.
    let days = chrono::Datelike::num_days_from_ce(&date) - 730_120;
    2_451_544.5 + f64::from(days)
}

/// The Sun's declination (degrees) and the equation of time (minutes).
struct SolarPosition {
    declination: f64,
    equation_of_time: f64,
}

impl SolarPosition {
    fn at(jd: f64) -> Self {
        let t = (jd - 2_451_545.0) / 36_525.0;
        let l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)).rem_euclid(360.0);
        let m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        let e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        let mr = m.to_radians();
        let centre = mr.sin() * (1.914602 - t * (0.004817 + 0.000014 * t))
            + (2.0 * mr).sin() * (0.019993 - 0.000101 * t)
            + (3.0 * mr).sin() * 0.000289;
        let true_long = l0 + centre;
        let omega = (125.04 - 1934.136 * t).to_radians();
        let apparent_long = true_long - 0.00569 - 0.00478 * omega.sin();
        let seconds = 21.448 - t * (46.815 + t * (0.00059 - t * 0.001813));
        let mean_obliquity = 23.0 + (26.0 + seconds / 60.0) / 60.0;
        let obliquity = mean_obliquity + 0.00256 * omega.cos();
        let declination = (obliquity.to_radians().sin() * apparent_long.to_radians().sin())
            .asin()
            .to_degrees();
        let y = (obliquity.to_radians() / 2.0).tan().powi(2);
        let l0r = l0.to_radians();
        let eq = y * (2.0 * l0r).sin() - 2.0 * e * mr.sin()
            + 4.0 * e * y * mr.sin() * (2.0 * l0r).cos()
            - 0.5 * y * y * (4.0 * l0r).sin()
            - 1.25 * e * e * (2.0 * mr).sin();
        SolarPosition {
            declination,
            equation_of_time: 4.0 * eq.to_degrees(),
        }
    }
}

/// The hour angle (degrees) at which the Sun's centre is at `altitude`,
/// or why it never is.
fn hour_angle(latitude: f64, declination: f64, altitude: f64) -> Result<f64, NoEvent> {
    let (lat, dec) = (latitude.to_radians(), declination.to_radians());
    let zenith = (90.0 - altitude).to_radians();
    let cos_h = zenith.cos() / (lat.cos() * dec.cos()) - lat.tan() * dec.tan();
    if cos_h > 1.0 {
        Err(NoEvent::PolarNight)
    } else if cos_h < -1.0 || cos_h.is_nan() {
        Err(NoEvent::PolarDay)
    } else {
        Ok(cos_h.acos().to_degrees())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(date: (i32, u32, u32), lat: f64, lon: f64, ev: Event) -> String {
        let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        match event_utc(d, lat, lon, ev) {
            Ok(t) => t.format("%H:%M").to_string(),
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn cases() {
        // PyEphem (tests/golden/sun/leicester.csv): 03:40:41 and 15:51:43 UTC.
        let leicester = (52.6369, -1.1398);
        assert_eq!(
            hm((2024, 6, 21), leicester.0, leicester.1, Event::Sunrise),
            "03:40"
        );
        assert_eq!(
            hm((2024, 12, 21), leicester.0, leicester.1, Event::Sunset),
            "15:51"
        );
        // Tromsø: midnight sun in June, polar night in December.
        assert_eq!(
            hm((2024, 6, 21), 69.6492, 18.9553, Event::Sunset),
            "PolarDay"
        );
        assert_eq!(
            hm((2024, 12, 21), 69.6492, 18.9553, Event::Sunrise),
            "PolarNight"
        );
    }
}
