//! The named feeds (SPEC §13): the subscriptions every front end offers by
//! name (`clash serve`'s `/feeds/NAME.ics`, `clash publish`'s files), one
//! list for all of them.

use clash_core::{Catalogue, Impact, Region, Tradition};

use crate::request::Options;

/// A feed by name: the options that choose its observances.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedFeed {
    /// Its file name without `.ics`: `all`, `all-high`, `hindu`,
    /// `hindu-high`, `bank-holidays-gb-sct`.
    pub name: String,
    /// The options it stands for.
    pub options: Options,
}

/// A feed that was renamed: its old name keeps answering, with a
/// permanent redirect to the new one, so that no subscription breaks
/// (SPEC §13, stable URLs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovedFeed {
    /// The old name, without `.ics`.
    pub from: &'static str,
    /// The name it answers to now.
    pub to: &'static str,
}

/// Every feed ever renamed, oldest first. Never remove an entry: a
/// calendar subscribed years ago still asks for the old name.
///
/// - 2026-12: `holidays-NATION` became `bank-holidays-NATION`, because
///   the catalogue gained school holidays and "holidays" alone no longer
///   said which.
pub const MOVED_FEEDS: &[MovedFeed] = &[
    MovedFeed {
        from: "holidays-gb-eng",
        to: "bank-holidays-gb-eng",
    },
    MovedFeed {
        from: "holidays-gb-sct",
        to: "bank-holidays-gb-sct",
    },
    MovedFeed {
        from: "holidays-gb-wls",
        to: "bank-holidays-gb-wls",
    },
    MovedFeed {
        from: "holidays-gb-nir",
        to: "bank-holidays-gb-nir",
    },
];

/// The name feed `name` answers to now, when it was renamed.
pub fn moved_feed(name: &str) -> Option<&'static str> {
    MOVED_FEEDS.iter().find(|m| m.from == name).map(|m| m.to)
}

/// The named feeds of `catalogue`: `all`, `all-high`, each tradition that
/// has observances, the same at high impact where it has any, and each
/// nation's bank holidays.
pub fn named_feeds(catalogue: &Catalogue) -> Vec<NamedFeed> {
    let high = || Some("high".to_string());
    let has = |t: Tradition, only_high: bool| {
        catalogue
            .observances()
            .iter()
            .any(|o| o.tradition() == t && (!only_high || o.impact() >= Impact::High))
    };
    let mut out = vec![
        NamedFeed {
            name: "all".to_string(),
            options: Options::default(),
        },
        NamedFeed {
            name: "all-high".to_string(),
            options: Options {
                min_impact: high(),
                ..Options::default()
            },
        },
    ];
    for &t in Tradition::ALL {
        let traditions = vec![t.as_str().to_string()];
        if has(t, false) {
            out.push(NamedFeed {
                name: t.as_str().to_string(),
                options: Options {
                    traditions: traditions.clone(),
                    ..Options::default()
                },
            });
        }
        if has(t, true) {
            out.push(NamedFeed {
                name: format!("{}-high", t.as_str()),
                options: Options {
                    traditions,
                    min_impact: high(),
                    ..Options::default()
                },
            });
        }
    }
    for &r in Region::NATIONS {
        out.push(NamedFeed {
            name: format!("bank-holidays-{}", r.as_str()),
            options: Options {
                categories: vec!["public-holiday".to_string()],
                regions: vec![r.as_str().to_string()],
                ..Options::default()
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_feeds_cover_the_traditions_and_the_nations() {
        let catalogue = Catalogue::embedded().unwrap();
        let names: Vec<String> = named_feeds(&catalogue)
            .into_iter()
            .map(|f| f.name)
            .collect();
        for want in [
            "all",
            "all-high",
            "hindu",
            "hindu-high",
            "muslim",
            "jewish",
            "sikh",
            "christian",
            "bank-holidays-gb-eng",
            "bank-holidays-gb-sct",
            "bank-holidays-gb-wls",
            "bank-holidays-gb-nir",
        ] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn every_moved_feed_leads_to_a_feed_and_no_old_name_is_in_use() {
        let catalogue = Catalogue::embedded().unwrap();
        let names: Vec<String> = named_feeds(&catalogue)
            .into_iter()
            .map(|f| f.name)
            .collect();
        for m in MOVED_FEEDS {
            assert!(names.iter().any(|n| n == m.to), "{} leads nowhere", m.to);
            assert!(!names.iter().any(|n| n == m.from), "{} is in use", m.from);
            // One step: a redirect never leads to another redirect.
            assert_eq!(moved_feed(m.to), None);
        }
        assert_eq!(moved_feed("holidays-gb-sct"), Some("bank-holidays-gb-sct"));
        assert_eq!(moved_feed("all"), None);
    }

    #[test]
    fn the_nginx_site_redirects_every_moved_feed() {
        // deploy/nginx/static-site.conf serves the published site, which
        // has no old names: its redirects must follow MOVED_FEEDS.
        let conf = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../deploy/nginx/static-site.conf"
        );
        let conf = std::fs::read_to_string(conf).unwrap();
        let redirects: Vec<&str> = conf
            .lines()
            .map(str::trim)
            .filter(|l| l.contains("return 301"))
            .collect();
        let want: Vec<String> = MOVED_FEEDS
            .iter()
            .map(|m| {
                format!(
                    "location = /feeds/{}.ics {{ return 301 /feeds/{}.ics$is_args$args; }}",
                    m.from, m.to
                )
            })
            .collect();
        assert_eq!(redirects, want);
    }
}
