//! The Sun's apparent geocentric longitude (Meeus ch. 25, "higher
//! accuracy"): the Earth's heliocentric position from VSOP87D (truncated,
//! [`super::vsop87_earth`]; within 1″ of the full series over 1900–2100,
//! checked by a test against the `vsop87` crate), turned round, corrected to
//! the FK5 frame, plus nutation and aberration.

use super::{normalize, JulianDay};

const ARCSEC: f64 = 1.0 / 3600.0;

/// Nutation in longitude, degrees (Meeus ch. 22, abridged: within 0.5″).
pub(crate) fn nutation_in_longitude(t: f64) -> f64 {
    let omega =
        (125.04452 - 1934.136261 * t + 0.0020708 * t * t + t.powi(3) / 450_000.0).to_radians();
    let sun = (280.4665 + 36_000.7698 * t).to_radians();
    let moon = (218.3165 + 481_267.8813 * t).to_radians();
    (-17.20 * omega.sin() - 1.32 * (2.0 * sun).sin() - 0.23 * (2.0 * moon).sin()
        + 0.21 * (2.0 * omega).sin())
        * ARCSEC
}

/// The Sun's apparent geocentric ecliptic longitude of date, in degrees
/// `[0, 360)`.
///
/// ```
/// use clash_core::calendars::astro::{solar_longitude, JulianDay};
/// // Meeus, Example 25.b: 1992 October 13.0 TD, λ = 199°54′21.818″.
/// let ut = JulianDay(2_448_908.5 - 59.0 / 86_400.0);
/// assert!((solar_longitude(ut) - 199.906_06).abs() < 0.0003);
/// ```
pub fn solar_longitude(t: JulianDay) -> f64 {
    let jde = t.to_tt();
    let centuries = (jde - 2_451_545.0) / 36_525.0;
    let (longitude, distance) = super::vsop87_earth::earth(centuries / 10.0);
    let geometric = longitude.to_degrees() + 180.0;
    // FK5 correction (Meeus 25.9): −0.09033″ in longitude.
    let fk5 = -0.09033 * ARCSEC;
    let aberration = -20.4898 * ARCSEC / distance;
    normalize(geometric + fk5 + nutation_in_longitude(centuries) + aberration)
}

/// The mean Lahiri (Chitrapaksha) ayanamsa in degrees: 23°15′00.658″ on
/// 1956-03-21 0h TT (the Indian Astronomical Ephemeris, a true value, so
/// less that day's nutation of 0.004658035°: 23.245524743° mean), plus the
/// general precession in longitude since then (Lieske et al. 1977:
/// 5029.0966″ T + 1.11113″ T² − 0.000006″ T³). These are the Swiss
/// Ephemeris's Lahiri constants. (The sidereal longitudes use the true
/// ayanamsa, [`lahiri_true_ayanamsa`].)
pub(crate) fn lahiri_ayanamsa(t: JulianDay) -> f64 {
    let precession = |c: f64| (5029.0966 * c + 1.11113 * c * c - 0.000006 * c.powi(3)) * ARCSEC;
    let epoch = (2_435_553.5 - 2_451_545.0) / 36_525.0;
    let at_epoch = 23.0 + 15.0 / 60.0 + 0.658 / 3600.0 - 0.004_658_035;
    at_epoch + precession(t.centuries_tt()) - precession(epoch)
}

/// The true Lahiri ayanamsa: the mean one plus the nutation in longitude,
/// so that an apparent longitude minus it is a sidereal longitude free of
/// nutation (the convention of the Indian Astronomical Ephemeris and the
/// Swiss Ephemeris).
pub fn lahiri_true_ayanamsa(t: JulianDay) -> f64 {
    lahiri_ayanamsa(t) + nutation_in_longitude(t.centuries_tt())
}

/// The Sun's sidereal longitude with the (true) Lahiri ayanamsa, degrees
/// `[0, 360)` (0 = start of Mesha; 270 = start of Makara).
pub fn sidereal_solar_longitude(t: JulianDay) -> f64 {
    normalize(solar_longitude(t) - lahiri_true_ayanamsa(t))
}

#[cfg(test)]
mod tests {
    #[test]
    fn mean_ayanamsa_in_2024() {
        use super::{lahiri_ayanamsa, JulianDay};
        // About 24°11′ in 2024.
        let a = lahiri_ayanamsa(JulianDay::from_ymd_hms(2024, 1, 1, 0, 0, 0.0));
        assert!((a - 24.19).abs() < 0.01);
    }

    /// The truncated series against the full VSOP87D (`vsop87` crate) every
    /// 10 days over 1900–2100: within 1″ in longitude.
    #[test]
    fn truncated_series_matches_full_vsop87() {
        let mut worst: f64 = 0.0;
        let mut jde = 2_415_020.5; // 1900-01-01
        while jde < 2_488_434.5 {
            let tau = (jde - 2_451_545.0) / 365_250.0;
            let (l, r) = crate::calendars::astro::vsop87_earth::earth(tau);
            let full = vsop87::vsop87d::earth(jde);
            let dl = super::super::signed((l - full.longitude()).to_degrees()) * 3600.0;
            worst = worst.max(dl.abs());
            // The radius only enters the aberration (20.5″/R): 1e-5 AU is 0.0002″.
            assert!((r - full.distance()).abs() < 2e-5, "{jde}");
            jde += 10.0;
        }
        eprintln!("truncated VSOP87: worst longitude difference {worst:.3}″");
        assert!(worst < 1.0, "worst {worst}″");
    }
}
