//! The named feeds (SPEC §13): the subscriptions every front end offers by
//! name (`clash serve`'s `/feeds/NAME.ics`, `clash publish`'s files), one
//! list for all of them.

use clash_core::{Catalogue, Impact, Region, Tradition};

use crate::request::Options;

/// A feed by name: the options that choose its observances.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedFeed {
    /// Its file name without `.ics`: `all`, `all-high`, `hindu`,
    /// `hindu-high`, `holidays-gb-sct`.
    pub name: String,
    /// The options it stands for.
    pub options: Options,
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
    for &r in Region::ALL {
        out.push(NamedFeed {
            name: format!("holidays-{}", r.as_str()),
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
            "holidays-gb-eng",
            "holidays-gb-sct",
            "holidays-gb-wls",
            "holidays-gb-nir",
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
}
