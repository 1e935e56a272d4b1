//! Moonrise (Meeus ch. 13, 15): the Moon's geocentric equatorial position,
//! Greenwich sidereal time, and the instant its altitude reaches
//! h₀ = 0.7275·π − 0°34′ (π the horizontal parallax: the upper limb on the
//! horizon with standard refraction, seen from the Earth's surface).

use super::lunar::moon_position_at;
use super::solar::nutation_in_longitude;
use super::{normalize, JulianDay};

/// The true obliquity of the ecliptic, degrees (Meeus 22.2 with the
/// abridged nutation in obliquity).
fn obliquity(c: f64) -> f64 {
    let mean = 23.0
        + 26.0 / 60.0
        + (21.448 - 46.8150 * c - 0.00059 * c * c + 0.001813 * c.powi(3)) / 3600.0;
    let omega = (125.04452 - 1934.136261 * c).to_radians();
    let sun = (280.4665 + 36_000.7698 * c).to_radians();
    let moon = (218.3165 + 481_267.8813 * c).to_radians();
    let nutation = 9.20 * omega.cos() + 0.57 * (2.0 * sun).cos() + 0.10 * (2.0 * moon).cos()
        - 0.09 * (2.0 * omega).cos();
    mean + nutation / 3600.0
}

/// Apparent Greenwich sidereal time, degrees (Meeus 12.4 plus the equation
/// of the equinoxes).
fn sidereal_time(t: JulianDay, nutation: f64, epsilon: f64) -> f64 {
    let d = t.0 - 2_451_545.0;
    let cu = d / 36_525.0;
    let mean = 280.460_618_37 + 360.985_647_366_29 * d + 0.000_387_933 * cu * cu
        - cu.powi(3) / 38_710_000.0;
    normalize(mean + nutation * epsilon.to_radians().cos())
}

/// The Moon's altitude above h₀ at `t`, degrees, for an observer at
/// `latitude` north, `longitude` east.
fn moon_altitude_above_h0(t: JulianDay, latitude: f64, longitude: f64) -> f64 {
    // TT, the nutation and the obliquity once for both the Moon and the
    // sidereal time (each was computed twice before, to the same values).
    let c = t.centuries_tt();
    let nutation = nutation_in_longitude(c);
    let p = moon_position_at(c, nutation, true);
    let obliquity_deg = obliquity(c);
    let eps = obliquity_deg.to_radians();
    let (lam, beta) = (p.longitude.to_radians(), p.latitude.to_radians());
    let ra = (lam.sin() * eps.cos() - beta.tan() * eps.sin()).atan2(lam.cos());
    let dec = (beta.sin() * eps.cos() + beta.cos() * eps.sin() * lam.sin()).asin();
    let hour_angle = (sidereal_time(t, nutation, obliquity_deg) + longitude).to_radians() - ra;
    let phi = latitude.to_radians();
    let altitude = (phi.sin() * dec.sin() + phi.cos() * dec.cos() * hour_angle.cos())
        .asin()
        .to_degrees();
    let parallax = (6378.14 / p.distance_km).asin().to_degrees();
    altitude - (0.7275 * parallax - 34.0 / 60.0)
}

/// The first moonrise in `[from, to)` (UT) at the given place, to about a
/// second of the model; `None` if the Moon does not rise then. Bounded
/// work: the scan steps ahead by as much as the altitude's distance from
/// the horizon allows (it changes by less than 15.05° cos φ + 0.5° an
/// hour at latitude φ), at least two
/// minutes, and the crossing is refined by the Illinois false-position
/// method to a tenth of a second.
///
/// ```
/// use clash_core::calendars::astro::{moonrise_between, JulianDay};
/// // Karva Chauth 2024 at New Delhi: moonrise 19:54 IST (14:24 UTC).
/// let from = JulianDay::from_ymd_hms(2024, 10, 19, 18, 30, 0.0);
/// let to = JulianDay(from.0 + 1.0);
/// let rise = moonrise_between(from, to, 28.6139, 77.2090).unwrap().to_datetime().unwrap();
/// assert_eq!(rise.format("%H:%M").to_string(), "14:24");
/// ```
pub fn moonrise_between(
    from: JulianDay,
    to: JulianDay,
    latitude: f64,
    longitude: f64,
) -> Option<JulianDay> {
    let rate = max_altitude_rate(latitude);
    const MIN_STEP: f64 = 2.0 / 1440.0;
    let f = |t: f64| moon_altitude_above_h0(JulianDay(t), latitude, longitude);
    let mut a = from.0;
    let mut fa = f(a);
    // At most a day's worth of two-minute steps per day of range.
    let limit = ((to.0 - from.0) / MIN_STEP).ceil().clamp(0.0, 100_000.0) as usize;
    for _ in 0..limit {
        if a >= to.0 {
            break;
        }
        // Rising needs the altitude to climb from below; when above, it must
        // first set, which it cannot do faster than `rate` either.
        let b = (a + (fa.abs() / rate).max(MIN_STEP)).min(to.0);
        let fb = f(b);
        if fa < 0.0 && fb >= 0.0 {
            return Some(JulianDay(illinois(&f, (a, fa), (b, fb))));
        }
        a = b;
        fa = fb;
    }
    None
}

/// A bound on how fast the Moon's altitude (less h₀) changes at `latitude`,
/// degrees a day. Differentiating sin h = sin φ sin δ + cos φ cos δ cos H
/// gives dh/dt = cos q · dδ/dt − cos φ sin A · dH/dt (q the parallactic
/// angle, A the azimuth), so |dh/dt| ≤ cos φ |dH/dt| + |dδ/dt|. The hour
/// angle turns at sidereal rate less the Moon's own motion in right
/// ascension, which is always eastward: under 15.05° an hour (sidereal
/// time turns 15.041° an hour). The Moon's declination changes by at most
/// about 0.31° an hour (0.64° an hour along its path at perigee, which
/// crosses the equator at up to 28.7°) and h₀ (through the parallax) by
/// under 0.001° an hour, so 0.5° an hour covers both. At the equator this is
/// 15.55° an hour (the old latitude-free bound was 16°); at New Delhi 13.7°,
/// at Leicester 9.6°, so the scan takes longer steps there.
fn max_altitude_rate(latitude: f64) -> f64 {
    (15.05 * latitude.to_radians().cos().abs() + 0.5) * 24.0
}

/// The root of `f` in `[a, b]` where `f(a) < 0 <= f(b)`, by the Illinois
/// variant of false position, to 1e-6 day (0.09 s); bounded to 60 steps.
fn illinois(
    f: &impl Fn(f64) -> f64,
    (mut a, mut fa): (f64, f64),
    (mut b, mut fb): (f64, f64),
) -> f64 {
    let mut side = 0;
    for _ in 0..60 {
        if b - a < 1e-6 {
            break;
        }
        let c = (a * fb - b * fa) / (fb - fa);
        let fc = f(c);
        if fc < 0.0 {
            a = c;
            fa = fc;
            if side == -1 {
                fb *= 0.5;
            }
            side = -1;
        } else {
            b = c;
            fb = fc;
            if side == 1 {
                fa *= 0.5;
            }
            side = 1;
        }
        if fc.abs() < 1e-7 {
            return c;
        }
    }
    0.5 * (a + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn altitude_rate_within_bound() {
        // Every minute of a lunar month in 2025 (a major lunar standstill
        // year, the declination's widest swing) at the equator, New Delhi,
        // Leicester and 70° S: the altitude never changes faster than the
        // bound the moonrise scan relies on.
        let start = JulianDay::from_ymd_hms(2025, 1, 1, 0, 0, 0.0).0;
        for (lat, lon) in [
            (0.0, 0.0),
            (28.6139, 77.2090),
            (52.6369, -1.1398),
            (-70.0, 10.0),
        ] {
            let bound = max_altitude_rate(lat);
            let f = |t: f64| moon_altitude_above_h0(JulianDay(t), lat, lon);
            let step = 1.0 / 1440.0;
            let mut prev = f(start);
            let mut fastest: f64 = 0.0;
            for k in 1..(30 * 1440) {
                let t = start + f64::from(k) * step;
                let now = f(t);
                fastest = fastest.max((now - prev).abs() / step);
                prev = now;
            }
            assert!(fastest < bound, "{lat}: {fastest} >= {bound}");
            // And the bound is not loose by more than the 0.5° an hour margin.
            assert!(fastest > bound - 1.0 * 24.0, "{lat}: {fastest} << {bound}");
        }
    }
}
