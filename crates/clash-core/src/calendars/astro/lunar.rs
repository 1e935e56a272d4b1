//! The Moon's apparent geocentric longitude (Meeus ch. 47: ELP-2000/82
//! truncated to the periodic terms of Table 47.A; about 10″).

use super::solar::{nutation_in_longitude, solar_longitude};
use super::{normalize, JulianDay};

/// Multiples of D, M, M′, F and the coefficient of the sine in 10⁻⁶ degrees
/// (Meeus 1998, Table 47.A, longitude terms).
#[rustfmt::skip]
const TERMS: [(i8, i8, i8, i8, i32); 59] = [
    (0, 0, 1, 0, 6_288_774), (2, 0, -1, 0, 1_274_027), (2, 0, 0, 0, 658_314),
    (0, 0, 2, 0, 213_618), (0, 1, 0, 0, -185_116), (0, 0, 0, 2, -114_332),
    (2, 0, -2, 0, 58_793), (2, -1, -1, 0, 57_066), (2, 0, 1, 0, 53_322),
    (2, -1, 0, 0, 45_758), (0, 1, -1, 0, -40_923), (1, 0, 0, 0, -34_720),
    (0, 1, 1, 0, -30_383), (2, 0, 0, -2, 15_327), (0, 0, 1, 2, -12_528),
    (0, 0, 1, -2, 10_980), (4, 0, -1, 0, 10_675), (0, 0, 3, 0, 10_034),
    (4, 0, -2, 0, 8_548), (2, 1, -1, 0, -7_888), (2, 1, 0, 0, -6_766),
    (1, 0, -1, 0, -5_163), (1, 1, 0, 0, 4_987), (2, -1, 1, 0, 4_036),
    (2, 0, 2, 0, 3_994), (4, 0, 0, 0, 3_861), (2, 0, -3, 0, 3_665),
    (0, 1, -2, 0, -2_689), (2, 0, -1, 2, -2_602), (2, -1, -2, 0, 2_390),
    (1, 0, 1, 0, -2_348), (2, -2, 0, 0, 2_236), (0, 1, 2, 0, -2_120),
    (0, 2, 0, 0, -2_069), (2, -2, -1, 0, 2_048), (2, 0, 1, -2, -1_773),
    (2, 0, 0, 2, -1_595), (4, -1, -1, 0, 1_215), (0, 0, 2, 2, -1_110),
    (3, 0, -1, 0, -892), (2, 1, 1, 0, -810), (4, -1, -2, 0, 759),
    (0, 2, -1, 0, -713), (2, 2, -1, 0, -700), (2, 1, -2, 0, 691),
    (2, -1, 0, -2, 596), (4, 0, 1, 0, 549), (0, 0, 4, 0, 537),
    (4, -1, 0, 0, 520), (1, 0, -2, 0, -487), (2, 1, 0, -2, -399),
    (0, 0, 2, -2, -381), (1, 1, 1, 0, 351), (3, 0, -2, 0, -340),
    (4, 0, -3, 0, 330), (2, -1, 2, 0, 327), (0, 2, 1, 0, -323),
    (1, 1, -1, 0, 299), (2, 0, 3, 0, 294),
];

/// The Moon's apparent geocentric ecliptic longitude of date, in degrees
/// `[0, 360)`.
///
/// ```
/// use clash_core::calendars::astro::{lunar_longitude, JulianDay};
/// // Meeus, Example 47.a: 1992 April 12.0 TD, apparent λ = 133.167265°.
/// let ut = JulianDay(2_448_724.5 - 59.0 / 86_400.0);
/// assert!((lunar_longitude(ut) - 133.167_265).abs() < 0.001);
/// ```
pub fn lunar_longitude(t: JulianDay) -> f64 {
    let c = t.centuries_tt();
    let (c2, c3, c4) = (c * c, c.powi(3), c.powi(4));
    // Mean elements (Meeus 47.1–47.5), degrees.
    let l = 218.316_447_7 + 481_267.881_234_21 * c - 0.001_578_6 * c2 + c3 / 538_841.0
        - c4 / 65_194_000.0;
    let d = 297.850_192_1 + 445_267.111_403_4 * c - 0.001_881_9 * c2 + c3 / 545_868.0
        - c4 / 113_065_000.0;
    let m = 357.529_109_2 + 35_999.050_290_9 * c - 0.000_153_6 * c2 + c3 / 24_490_000.0;
    let mp = 134.963_396_4 + 477_198.867_505_5 * c + 0.008_741_4 * c2 + c3 / 69_699.0
        - c4 / 14_712_000.0;
    let f = 93.272_095_0 + 483_202.017_523_3 * c - 0.003_653_9 * c2 - c3 / 3_526_000.0
        + c4 / 863_310_000.0;
    let a1 = 119.75 + 131.849 * c;
    let a2 = 53.09 + 479_264.290 * c;
    // Eccentricity of the Earth's orbit (47.6) scales terms in M.
    let e = 1.0 - 0.002_516 * c - 0.000_007_4 * c2;
    let (d, m, mp, f) = (
        d.to_radians(),
        m.to_radians(),
        mp.to_radians(),
        f.to_radians(),
    );
    let mut sum: f64 = TERMS
        .iter()
        .map(|&(kd, km, kmp, kf, coeff)| {
            let arg =
                f64::from(kd) * d + f64::from(km) * m + f64::from(kmp) * mp + f64::from(kf) * f;
            let scale = match km.abs() {
                1 => e,
                2 => e * e,
                _ => 1.0,
            };
            f64::from(coeff) * scale * arg.sin()
        })
        .sum();
    // Additive terms (Venus, Jupiter, flattening).
    sum += 3958.0 * a1.to_radians().sin()
        + 1962.0 * (l.to_radians() - f).sin()
        + 318.0 * a2.to_radians().sin();
    normalize(l + sum / 1e6 + nutation_in_longitude(c))
}

/// The Moon–Sun elongation in apparent longitude, degrees `[0, 360)`:
/// 0 at new moon, 180 at full moon.
pub fn moon_elongation(t: JulianDay) -> f64 {
    normalize(lunar_longitude(t) - solar_longitude(t))
}
