//! Windows time zone names as Outlook and Exchange write them in `TZID`s
//! without a VTIMEZONE: the zone id (`W. Europe Standard Time`) or
//! Microsoft's display name, in today's form (`(UTC+01:00) Amsterdam,
//! Berlin, Bern, Rome, Stockholm, Vienna`) or the older one (`(GMT)
//! Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London`), mapped to an
//! IANA zone through the generated table (`windows_zones.rs`, from Unicode
//! CLDR's windowsZones).
//!
//! A display name is matched by its UTC offset and its places: the same
//! places (ignoring case, `and`/`&`, dots and brackets) at the same offset,
//! else the one display name at that offset sharing the most places with
//! it, else (a zone whose offset has changed since, as Minsk's) the one
//! display name at any offset sharing the most. A tie, or no shared place,
//! maps nowhere.

use chrono_tz::Tz;

use super::windows_zones::{DISPLAY_NAMES, WINDOWS_ZONES};

/// The IANA zone of a Windows zone id or display name.
pub(crate) fn zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"').trim();
    let id = WINDOWS_ZONES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(tzid))
        .map(|(w, _)| *w)
        .or_else(|| display_name(tzid))?;
    WINDOWS_ZONES
        .iter()
        .find(|(w, _)| *w == id)
        .and_then(|(_, iana)| iana.parse::<Tz>().ok())
}

/// `(UTC±HH:MM) places` or `(GMT±HH:MM) places` (`(UTC)`, `(GMT)` for
/// zero): the offset in minutes and the places.
fn split(name: &str) -> Option<(i32, &str)> {
    let rest = name.strip_prefix('(')?;
    let close = rest.find(')')?;
    let (offset, places) = (rest.get(..close)?, rest.get(close + 1..)?);
    let offset = offset
        .strip_prefix("UTC")
        .or_else(|| offset.strip_prefix("GMT"))?
        .trim();
    let minutes = if offset.is_empty() {
        0
    } else {
        let (sign, hm) = match offset.get(..1)? {
            "+" => (1, offset.get(1..)?),
            "-" => (-1, offset.get(1..)?),
            _ => return None,
        };
        let (h, m) = hm.trim().split_once(':').unwrap_or((hm.trim(), "0"));
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 14 || m > 59 {
            return None;
        }
        sign * (h * 60 + m)
    };
    Some((minutes, places.trim()))
}

/// The places of a display name, normalised: an old-style label before
/// ` : ` dropped, lower case, `and` as `&`, no dots or brackets.
fn places(text: &str) -> Vec<String> {
    let text = text.rsplit(" : ").next().unwrap_or(text);
    text.split([',', ';'])
        .map(|p| {
            let p = p.to_lowercase().replace(" and ", " & ");
            p.chars()
                .filter(|c| !matches!(c, '.' | '(' | ')'))
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The Windows zone id of a display name (see the module's docs).
fn display_name(name: &str) -> Option<&'static str> {
    let (offset, text) = split(name)?;
    let mine = places(text);
    if mine.is_empty() {
        return None;
    }
    let known: Vec<(i32, Vec<String>, &'static str)> = DISPLAY_NAMES
        .iter()
        .filter_map(|(n, id)| split(n).map(|(o, t)| (o, places(t), *id)))
        .collect();
    if let Some((.., id)) = known.iter().find(|(o, p, _)| *o == offset && *p == mine) {
        return Some(id);
    }
    let best = |same_offset: bool| -> Option<&'static str> {
        let scored: Vec<(usize, &'static str)> = known
            .iter()
            .filter(|(o, ..)| !same_offset || *o == offset)
            .map(|(_, p, id)| (p.iter().filter(|x| mine.contains(x)).count(), *id))
            .filter(|(n, _)| *n > 0)
            .collect();
        let top = scored.iter().map(|(n, _)| *n).max()?;
        let mut ids: Vec<&str> = scored
            .iter()
            .filter(|(n, _)| *n == top)
            .map(|(_, id)| *id)
            .collect();
        ids.dedup();
        match ids.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    };
    best(true).or_else(|| best(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every CLDR Windows zone (territory 001) and every display name maps
    /// to CLDR's IANA zone, read from the source files themselves.
    #[test]
    fn every_cldr_windows_zone_and_display_name_maps() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/windows-zones");
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{dir}/windowsZones.json")).unwrap(),
        )
        .unwrap();
        let mut want = std::collections::HashMap::new();
        for entry in json["supplemental"]["windowsZones"]["mapTimezones"]
            .as_array()
            .unwrap()
        {
            let z = &entry["mapZone"];
            if z["_territory"] == "001" {
                let iana = z["_type"].as_str().unwrap().split(' ').next().unwrap();
                want.insert(z["_other"].as_str().unwrap().to_string(), iana.to_string());
            }
        }
        assert_eq!(want.len(), 139);
        let mut failures = Vec::new();
        for (id, iana) in &want {
            let tz: Tz = iana.parse().unwrap();
            for name in [id.clone(), id.to_uppercase(), format!("\"{id}\"")] {
                if zone(&name) != Some(tz) {
                    failures.push(format!("{name}: {:?}, want {iana}", zone(&name)));
                }
            }
        }
        let names = std::fs::read_to_string(format!("{dir}/display_names.tsv")).unwrap();
        let mut count = 0;
        for line in names.lines().filter(|l| !l.starts_with('#')) {
            let (name, id) = line.split_once('\t').unwrap();
            let tz: Tz = want[id].parse().unwrap();
            // As written, quoted, and in the old `(GMT…)` style.
            let old = name.replacen("(UTC", "(GMT", 1);
            for n in [name.to_string(), format!("\"{name}\""), old] {
                if zone(&n) != Some(tz) {
                    failures.push(format!("{n}: {:?}, want {tz}", zone(&n)));
                }
            }
            count += 1;
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert_eq!(count, 139);
    }

    /// Older display names (Microsoft's "Time Zone Index Values" list of
    /// Windows XP / Exchange 2003, and the examples of issue 19), and names
    /// that map nowhere.
    #[test]
    fn older_and_unknown_display_names() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
                Some("Europe/Berlin"),
            ),
            (
                "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi",
                Some("Asia/Calcutta"),
            ),
            (
                "(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London",
                Some("Europe/London"),
            ),
            (
                "(GMT-08:00) Pacific Time (US and Canada); Tijuana",
                Some("America/Los_Angeles"),
            ),
            (
                "(GMT-06:00) Central Time (US and Canada",
                Some("America/Chicago"),
            ),
            (
                "(GMT-05:00) Eastern Time (U.S. and Canada)",
                Some("America/New_York"),
            ),
            ("(GMT-05:00) Bogota, Lima, Quito", Some("America/Bogota")),
            ("(GMT-04:00) Santiago", Some("America/Santiago")),
            // La Paz is in two display names at -04:00 and -07:00 today:
            // a tie at its offset and at any.
            ("(GMT-04:00) Caracas, La Paz", None),
            (
                "(GMT+02:00) Athens, Bucharest, Istanbul",
                Some("Europe/Bucharest"),
            ),
            (
                "(GMT+02:00) Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius",
                Some("Europe/Kiev"),
            ),
            ("(GMT+02:00) Minsk", Some("Europe/Minsk")),
            (
                "(GMT+10:00) Canberra, Melbourne, Sydney",
                Some("Australia/Sydney"),
            ),
            (
                "(GMT +1:00) Brussels, Copenhagen, Madrid, Paris",
                Some("Europe/Paris"),
            ),
            ("(UTC+01:00) Atlantis", None),
            ("(UTC+99:00) Berlin", None),
            ("(UTC+01:00)", None),
            ("Amsterdam, Berlin", None),
            ("", None),
        ];
        for (name, want) in cases {
            let want = want.map(|w| w.parse::<Tz>().unwrap());
            assert_eq!(zone(name), want, "{name}");
        }
    }
}
