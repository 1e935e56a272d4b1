//! Which UK nation a point is in (SPEC §6.1: the location implies its
//! nation, whose public holidays apply there).
//!
//! The outlines are coarse polygons drawn from the land borders (the
//! Scotland–England border along the Solway, the Sark, the Cheviots and
//! the Tweed; the Wales–England border from the Dee estuary to the Severn;
//! the Northern Ireland–Ireland border from Lough Foyle to Carlingford
//! Lough), with vertices placed between towns on either side (Gretna and
//! Longtown, Berwick and Lamberton, Chester and Saltney, Oswestry and
//! Chirk, Monmouth and Chepstow on the Welsh side; Derry, Strabane,
//! Belleek, Enniskillen, Aughnacloy, Crossmaglen and Warrenpoint inside
//! Northern Ireland, Lifford, Clones, Monaghan and Dundalk outside). Along
//! the coasts they run out to sea, so they place every inhabited point of
//! Great Britain and Northern Ireland, and keep out Ireland, the Isle of
//! Man and the Channel Islands (which are not in the UK) and the
//! Continent. A point within a few kilometres of a land border may be
//! placed on the wrong side; `--region` then names the nation.

use crate::model::Region;

/// (longitude, latitude) vertices.
type Polygon = &'static [(f64, f64)];

/// Northern Ireland, from Rathlin Island west along Lough Foyle and the
/// border to Carlingford Lough, then out into the North Channel.
const NORTHERN_IRELAND: Polygon = &[
    (-6.20, 55.36),
    (-6.95, 55.24),
    (-7.22, 55.10),
    (-7.42, 55.00),
    (-7.48, 54.83),
    (-7.57, 54.78),
    (-7.72, 54.68),
    (-7.85, 54.60),
    (-8.18, 54.47),
    (-7.90, 54.30),
    (-7.60, 54.15),
    (-7.43, 54.13),
    (-7.25, 54.21),
    (-7.05, 54.38),
    (-6.88, 54.36),
    (-6.65, 54.06),
    (-6.35, 54.04),
    (-6.10, 54.02),
    (-5.40, 54.20),
    (-5.40, 55.00),
    (-6.00, 55.30),
];

/// The part of Scotland south of latitude 55.82 (north of it, all of
/// Great Britain is Scotland): north of the Solway and the land border.
const SCOTLAND_SOUTH: Polygon = &[
    (-8.00, 54.60),
    (-3.70, 54.60),
    (-3.60, 54.78),
    (-3.45, 54.93),
    (-3.20, 54.96),
    (-3.05, 54.99),
    (-2.95, 55.05),
    (-2.78, 55.13),
    (-2.58, 55.28),
    (-2.47, 55.35),
    (-2.20, 55.45),
    (-2.33, 55.63),
    (-2.20, 55.66),
    (-2.05, 55.78),
    (-2.04, 55.82),
    (-8.00, 55.82),
];

/// Wales: west of the border from the Dee estuary to the Severn, north of
/// the Bristol Channel.
const WALES: Polygon = &[
    (-3.30, 53.50),
    (-3.15, 53.30),
    (-2.95, 53.18),
    (-2.90, 53.05),
    (-2.72, 53.00),
    (-2.72, 52.93),
    (-2.98, 52.93),
    (-3.12, 52.84),
    (-3.02, 52.72),
    (-3.05, 52.60),
    (-3.10, 52.50),
    (-3.10, 52.38),
    (-2.98, 52.30),
    (-3.05, 52.22),
    (-3.08, 52.12),
    (-2.95, 52.00),
    (-2.90, 51.90),
    (-2.65, 51.85),
    (-2.62, 51.70),
    (-2.65, 51.55),
    (-2.85, 51.50),
    (-3.10, 51.38),
    (-3.50, 51.33),
    (-4.30, 51.45),
    (-5.60, 51.50),
    (-5.50, 52.10),
    (-4.90, 52.70),
    (-4.80, 53.50),
];

/// Whether (lon, lat) is inside `polygon` (even-odd rule).
fn inside(polygon: Polygon, lon: f64, lat: f64) -> bool {
    let mut inside = false;
    let mut j = polygon.len().wrapping_sub(1);
    for (i, &(xi, yi)) in polygon.iter().enumerate() {
        let Some(&(xj, yj)) = polygon.get(j) else {
            break;
        };
        if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The UK nation at `latitude`, `longitude` (degrees), or `None` outside
/// the UK (or not a finite point).
pub fn nation_at(latitude: f64, longitude: f64) -> Option<Region> {
    let (lat, lon) = (latitude, longitude);
    if !(49.85..=61.0).contains(&lat) || !(-8.7..=1.8).contains(&lon) {
        return None;
    }
    // The island of Ireland: Northern Ireland, or Ireland (not the UK).
    let ireland = lon < -5.4 && (51.3..55.45).contains(&lat) && !(lat > 55.25 && lon > -6.0);
    if ireland {
        return inside(NORTHERN_IRELAND, lon, lat).then_some(Region::GbNir);
    }
    // The Isle of Man is a Crown Dependency with holidays of its own.
    if (54.04..=54.42).contains(&lat) && (-4.85..=-4.30).contains(&lon) {
        return None;
    }
    // The Continent across the Channel: east of a line from off Selsey
    // Bill to off Dover (Dieppe, Boulogne and Calais are French).
    if lat < 51.2 && lon > 0.2 + (lat - 49.85) * 1.3 / 1.2 {
        return None;
    }
    if lat >= 55.82 || inside(SCOTLAND_SOUTH, lon, lat) {
        return Some(Region::GbSct);
    }
    if inside(WALES, lon, lat) {
        return Some(Region::GbWls);
    }
    Some(Region::GbEng)
}

/// Leicester: the City of Leicester (Leicester City Council's area,
/// 73 km²) and the suburbs that are built up with it and whose people
/// take part in the city's events (Birstall and Thurmaston to the north,
/// Oadby and Wigston to the south-east, Glen Parva, Braunstone Town and
/// Glenfield to the west: the continuous built-up area the Leicester and
/// Leicestershire Strategic Growth Plan calls the Leicester urban area).
/// A coarse outline: its vertices lie between the centres of places inside
/// (Beaumont Leys 52.667 −1.165, Birstall 52.676 −1.121, Thurmaston 52.674
/// −1.088, Humberstone 52.645 −1.070, Evington 52.625 −1.075, Oadby 52.600
/// −1.083, Wigston 52.585 −1.105, Glen Parva 52.585 −1.160, Braunstone Town
/// 52.615 −1.178, Glenfield 52.647 −1.209) and outside (Anstey 52.672
/// −1.190, Syston 52.700 −1.075, Scraptoft 52.646 −1.036, Great Glen
/// 52.573 −1.033, Countesthorpe 52.553 −1.140, Enderby 52.592 −1.208,
/// Ratby 52.643 −1.246), each place's centre from its Ordnance Survey grid
/// reference as given on its Wikipedia page. A point within a kilometre or
/// so of the edge may fall on the wrong side; `--region leicester` then
/// names the locality.
const LEICESTER: Polygon = &[
    (-1.150, 52.688),
    (-1.100, 52.693),
    (-1.062, 52.684),
    (-1.050, 52.640),
    (-1.052, 52.592),
    (-1.100, 52.568),
    (-1.160, 52.572),
    (-1.195, 52.600),
    (-1.228, 52.640),
    (-1.215, 52.655),
    (-1.180, 52.672),
];

/// The locality at `latitude`, `longitude` (degrees) whose own events the
/// catalogue knows (today only [`Region::Leicester`]), or `None`.
pub fn locality_at(latitude: f64, longitude: f64) -> Option<Region> {
    inside(LEICESTER, longitude, latitude).then_some(Region::Leicester)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Towns on both sides of each border (coordinates of their centres).
    #[test]
    fn towns_land_in_their_nations() {
        use Region::*;
        let cases: &[(&str, f64, f64, Option<Region>)] = &[
            ("Leicester", 52.6369, -1.1398, Some(GbEng)),
            ("London", 51.5074, -0.1278, Some(GbEng)),
            ("Penzance", 50.118, -5.537, Some(GbEng)),
            ("St Mary's, Scilly", 49.914, -6.315, Some(GbEng)),
            ("Lowestoft", 52.475, 1.751, Some(GbEng)),
            ("Norwich", 52.63, 1.30, Some(GbEng)),
            ("Carlisle", 54.892, -2.932, Some(GbEng)),
            ("Longtown", 55.008, -2.968, Some(GbEng)),
            ("Berwick-upon-Tweed", 55.771, -2.007, Some(GbEng)),
            ("Kielder", 55.233, -2.580, Some(GbEng)),
            ("Whitehaven", 54.549, -3.587, Some(GbEng)),
            ("Silloth", 54.868, -3.389, Some(GbEng)),
            ("Chester", 53.190, -2.891, Some(GbEng)),
            ("West Kirby", 53.373, -3.184, Some(GbEng)),
            ("Liverpool", 53.408, -2.991, Some(GbEng)),
            ("Oswestry", 52.860, -3.054, Some(GbEng)),
            ("Hereford", 52.056, -2.716, Some(GbEng)),
            ("Bristol", 51.454, -2.588, Some(GbEng)),
            ("Weston-super-Mare", 51.346, -2.977, Some(GbEng)),
            ("Newcastle", 54.978, -1.618, Some(GbEng)),
            ("Gretna", 55.000, -3.064, Some(GbSct)),
            ("Annan", 54.988, -3.262, Some(GbSct)),
            ("Stranraer", 54.903, -5.024, Some(GbSct)),
            ("Mull of Galloway", 54.637, -4.857, Some(GbSct)),
            ("Coldstream", 55.650, -2.252, Some(GbSct)),
            ("Hawick", 55.422, -2.787, Some(GbSct)),
            ("Edinburgh", 55.953, -3.188, Some(GbSct)),
            ("Glasgow", 55.8642, -4.2518, Some(GbSct)),
            ("Campbeltown", 55.425, -5.605, Some(GbSct)),
            ("Stornoway", 58.209, -6.387, Some(GbSct)),
            ("Lerwick", 60.155, -1.145, Some(GbSct)),
            ("Cardiff", 51.4816, -3.1791, Some(GbWls)),
            ("Newport", 51.584, -2.998, Some(GbWls)),
            ("Chepstow", 51.641, -2.674, Some(GbWls)),
            ("Monmouth", 51.812, -2.716, Some(GbWls)),
            ("Swansea", 51.62, -3.94, Some(GbWls)),
            ("St Davids", 51.882, -5.269, Some(GbWls)),
            ("Holyhead", 53.309, -4.633, Some(GbWls)),
            ("Wrexham", 53.046, -2.993, Some(GbWls)),
            ("Chirk", 52.934, -3.062, Some(GbWls)),
            ("Knighton", 52.343, -3.047, Some(GbWls)),
            ("Hay-on-Wye", 52.074, -3.126, Some(GbWls)),
            ("Belfast", 54.5973, -5.9301, Some(GbNir)),
            ("Derry", 54.997, -7.309, Some(GbNir)),
            ("Strabane", 54.827, -7.463, Some(GbNir)),
            ("Enniskillen", 54.344, -7.632, Some(GbNir)),
            ("Belleek", 54.478, -8.092, Some(GbNir)),
            ("Armagh", 54.350, -6.652, Some(GbNir)),
            ("Newry", 54.178, -6.337, Some(GbNir)),
            ("Rathlin Island", 55.290, -6.200, Some(GbNir)),
            ("Dublin", 53.35, -6.26, None),
            ("Dundalk", 54.000, -6.405, None),
            ("Monaghan", 54.249, -6.968, None),
            ("Lifford", 54.834, -7.484, None),
            ("Letterkenny", 54.950, -7.734, None),
            ("Cork", 51.897, -8.470, None),
            ("Douglas, Isle of Man", 54.150, -4.482, None),
            ("St Helier, Jersey", 49.186, -2.107, None),
            ("Calais", 50.951, 1.858, None),
            ("Boulogne-sur-Mer", 50.726, 1.615, None),
            ("Dieppe", 49.922, 1.078, None),
            ("Dover", 51.128, 1.313, Some(GbEng)),
            ("Folkestone", 51.081, 1.166, Some(GbEng)),
            ("Dungeness", 50.913, 0.976, Some(GbEng)),
            ("Hastings", 50.855, 0.573, Some(GbEng)),
            ("Brighton", 50.822, -0.137, Some(GbEng)),
            ("Paris", 48.857, 2.352, None),
            ("Delhi", 28.6139, 77.2090, None),
            ("not a number", f64::NAN, 0.0, None),
        ];
        for &(town, lat, lon, want) in cases {
            assert_eq!(nation_at(lat, lon), want, "{town}");
        }
    }

    /// Places in and around Leicester (centres from their Ordnance Survey
    /// grid references, as on their Wikipedia pages).
    #[test]
    fn leicester_and_its_neighbours() {
        let cases: &[(&str, f64, f64, bool)] = &[
            ("Leicester clock tower", 52.6369, -1.1351, true),
            ("Belgrave Road", 52.6500, -1.1240, true),
            ("Highfields", 52.6400, -1.1300, true),
            ("Stoneygate", 52.6100, -1.1000, true),
            ("Beaumont Leys", 52.667, -1.165, true),
            ("Hamilton", 52.660, -1.075, true),
            ("Aylestone", 52.605, -1.150, true),
            ("New Parks", 52.640, -1.190, true),
            ("Birstall", 52.676, -1.121, true),
            ("Thurmaston", 52.674, -1.088, true),
            ("Oadby", 52.600, -1.083, true),
            ("Wigston", 52.585, -1.105, true),
            ("Glenfield", 52.647, -1.209, true),
            ("Braunstone Town", 52.615, -1.178, true),
            ("Anstey", 52.672, -1.190, false),
            ("Syston", 52.700, -1.075, false),
            ("Scraptoft", 52.646, -1.036, false),
            ("Great Glen", 52.573, -1.033, false),
            ("Countesthorpe", 52.553, -1.140, false),
            ("Enderby", 52.592, -1.208, false),
            ("Ratby", 52.643, -1.246, false),
            ("Loughborough", 52.772, -1.206, false),
            ("Market Harborough", 52.478, -0.921, false),
            ("Hinckley", 52.541, -1.373, false),
            ("London", 51.5074, -0.1278, false),
            ("Glasgow", 55.8642, -4.2518, false),
            ("not a number", f64::NAN, -1.13, false),
        ];
        for &(place, lat, lon, want) in cases {
            assert_eq!(
                locality_at(lat, lon) == Some(Region::Leicester),
                want,
                "{place}"
            );
        }
    }
}
