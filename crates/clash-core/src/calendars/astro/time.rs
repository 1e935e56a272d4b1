//! Julian Days and ΔT.

use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// A Julian Day number in Universal Time (days since 4713 BC January 1,
/// 12h, proleptic Julian calendar).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct JulianDay(pub f64);

/// 1970-01-01T00:00 UTC.
const UNIX_EPOCH_JD: f64 = 2_440_587.5;

impl JulianDay {
    /// The Julian Day of a UTC date and time.
    pub fn from_ymd_hms(y: i32, m: u32, d: u32, h: u32, min: u32, s: f64) -> JulianDay {
        let days = NaiveDate::from_ymd_opt(y, m, d).map_or(0, |date| {
            chrono::Datelike::num_days_from_ce(&date) - 719_163
        });
        let fraction = (f64::from(h) * 3600.0 + f64::from(min) * 60.0 + s) / 86_400.0;
        JulianDay(UNIX_EPOCH_JD + f64::from(days) + fraction)
    }

    /// The Julian Day of a UTC date-time.
    pub fn from_datetime(t: NaiveDateTime) -> JulianDay {
        let days = chrono::Datelike::num_days_from_ce(&t.date()) - 719_163;
        let secs = f64::from(t.num_seconds_from_midnight()) + f64::from(t.nanosecond()) / 1e9;
        JulianDay(UNIX_EPOCH_JD + f64::from(days) + secs / 86_400.0)
    }

    /// The UTC date-time, to the millisecond; `None` outside chrono's range.
    pub fn to_datetime(self) -> Option<NaiveDateTime> {
        let ms = ((self.0 - UNIX_EPOCH_JD) * 86_400_000.0).round();
        if !ms.is_finite() || ms.abs() > 1e17 {
            return None;
        }
        chrono::DateTime::from_timestamp_millis(ms as i64).map(|t| t.naive_utc())
    }

    /// The Julian Ephemeris Day (Terrestrial Time) of this instant.
    pub fn to_tt(self) -> f64 {
        self.0 + delta_t(self.decimal_year()) / 86_400.0
    }

    /// Julian centuries of TT since J2000.0.
    pub fn centuries_tt(self) -> f64 {
        (self.to_tt() - 2_451_545.0) / 36_525.0
    }

    /// The year with a fraction (for ΔT).
    pub fn decimal_year(self) -> f64 {
        2000.0 + (self.0 - 2_451_544.5) / 365.2425
    }
}

/// Observed ΔT (TT − UT1) on 1 January of 2005, 2006, … 2025, in seconds
/// (IERS Earth orientation data, as tabulated by the US Naval Observatory).
const OBSERVED_2005: [f64; 21] = [
    64.69, 64.85, 65.15, 65.46, 65.78, 66.07, 66.32, 66.60, 66.91, 67.28, 67.64, 68.10, 68.59,
    68.97, 69.22, 69.36, 69.36, 69.29, 69.20, 69.18, 69.10,
];

/// ΔT = TT − UT in seconds for a decimal year.
///
/// - Before 2005: the polynomials of Espenak and Meeus
///   (NASA/TP-2006-214141), and their long-term parabola before 1800.
/// - 2005–2025: observed values (`OBSERVED_2005`), interpolated linearly.
/// - 2025–2100: a prediction. ΔT has grown far more slowly since 2010 than
///   Espenak and Meeus foresaw (they give 73.8 s for 2024; it was 69.2 s),
///   so this follows the current long-term prediction used by Skyfield
///   1.55 (IERS; 71.4 s in 2050, 80.4 s in 2075, 95.9 s in 2100): the
///   quadratic through 2025, 2050 and 2100.
/// - After 2100: blended over a century into the long-term parabola
///   −20 + 32·((y − 1820)/100)² (Morrison and Stephenson).
///
/// The future is uncertain by tens of seconds by 2050 and minutes by 2100.
pub(crate) fn delta_t(year: f64) -> f64 {
    let y = year;
    let parabola = |y: f64| {
        let u = (y - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u
    };
    let prediction = |y: f64| {
        let t = y - 2025.0;
        69.10 - 0.040_67 * t + 0.005_306_7 * t * t
    };
    if (1800.0..1860.0).contains(&y) {
        let t = y - 1800.0;
        13.72 - 0.332447 * t + 0.0068612 * t.powi(2) + 0.0041116 * t.powi(3)
            - 0.00037436 * t.powi(4)
            + 0.0000121272 * t.powi(5)
            - 0.0000001699 * t.powi(6)
            + 0.000000000875 * t.powi(7)
    } else if (1860.0..1900.0).contains(&y) {
        let t = y - 1860.0;
        7.62 + 0.5737 * t - 0.251754 * t.powi(2) + 0.01680668 * t.powi(3) - 0.0004473624 * t.powi(4)
            + t.powi(5) / 233_174.0
    } else if (1900.0..1920.0).contains(&y) {
        let t = y - 1900.0;
        -2.79 + 1.494119 * t - 0.0598939 * t.powi(2) + 0.0061966 * t.powi(3) - 0.000197 * t.powi(4)
    } else if (1920.0..1941.0).contains(&y) {
        let t = y - 1920.0;
        21.20 + 0.84493 * t - 0.076100 * t.powi(2) + 0.0020936 * t.powi(3)
    } else if (1941.0..1961.0).contains(&y) {
        let t = y - 1950.0;
        29.07 + 0.407 * t - t.powi(2) / 233.0 + t.powi(3) / 2547.0
    } else if (1961.0..1986.0).contains(&y) {
        let t = y - 1975.0;
        45.45 + 1.067 * t - t.powi(2) / 260.0 - t.powi(3) / 718.0
    } else if (1986.0..2005.0).contains(&y) {
        let t = y - 2000.0;
        63.86 + 0.3345 * t - 0.060374 * t.powi(2)
            + 0.0017275 * t.powi(3)
            + 0.000651814 * t.powi(4)
            + 0.00002373599 * t.powi(5)
    } else if (2005.0..2025.0).contains(&y) {
        let t = y - 2005.0;
        let i = t.floor();
        let frac = t - i;
        let at = |k: f64| OBSERVED_2005.get(k as usize).copied().unwrap_or(69.10);
        at(i) + (at(i + 1.0) - at(i)) * frac
    } else if (2025.0..2100.0).contains(&y) {
        prediction(y)
    } else if (2100.0..2200.0).contains(&y) {
        let w = (y - 2100.0) / 100.0;
        (1.0 - w) * prediction(y) + w * parabola(y)
    } else {
        parabola(y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_days() {
        // Meeus, Example 7.a: 1957 October 4.81 = JD 2436116.31.
        let jd = JulianDay::from_ymd_hms(1957, 10, 4, 19, 26, 24.0);
        assert!((jd.0 - 2_436_116.31).abs() < 1e-6);
        assert_eq!(
            JulianDay(2_451_545.0).to_datetime().unwrap().to_string(),
            "2000-01-01 12:00:00"
        );
    }

    #[test]
    fn delta_t_values() {
        // Espenak & Meeus table values (seconds): 1900 −2.8, 1950 29.1, 2000 63.9.
        assert!((delta_t(1900.0) + 2.79).abs() < 0.01);
        assert!((delta_t(1950.0) - 29.07).abs() < 0.01);
        assert!((delta_t(2000.0) - 63.86).abs() < 0.01);
        // Continuity at the joins (within a second).
        for y in [
            1860.0, 1900.0, 1920.0, 1941.0, 1961.0, 1986.0, 2005.0, 2050.0, 2150.0,
        ] {
            assert!((delta_t(y - 1e-9) - delta_t(y)).abs() < 1.0, "{y}");
        }
    }
}
