//! The [`Engine`]: the catalogue and its precomputed expansion, loaded once
//! and shared by every request (a CLI process answers one, a server
//! thousands).

use std::path::PathBuf;

use chrono::NaiveDate;
use clash_core::{Baked, BakedLayout, Catalogue, CatalogueBuilder, Filter, Index, Settings};

use crate::error::Result;

/// The embedded catalogue in compact form, made by `build.rs`.
static COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// The embedded catalogue expanded at the default settings for 1899–2100
/// by `build.rs` (see [`clash_core::Baked`]).
static BAKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/baked.bin"));

/// Catalogues of the user's own, beside the embedded one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra {
    /// TOML files or folders, and `.ics` calendars (by extension).
    pub paths: Vec<PathBuf>,
    /// The impact of an `.ics` calendar's days: `low`, `medium`, `high`.
    pub ics_impact: String,
    /// The category of an `.ics` calendar's days (e.g. `festival`).
    pub ics_category: String,
}

impl Extra {
    /// No extra catalogue; an `.ics` file's days would be medium-impact
    /// festivals.
    pub fn none() -> Self {
        Extra {
            paths: Vec::new(),
            ics_impact: "medium".to_string(),
            ics_category: "festival".to_string(),
        }
    }
}

/// The catalogue and its precomputed data, loaded once; `Send + Sync`, so a
/// server shares one among its threads.
///
/// ```
/// use clash_app::Engine;
///
/// let engine = Engine::embedded()?;
/// // Read from the expansion baked at build time: no astronomy at run time.
/// let index = engine.index(2027, 2027, &engine.default_settings(), None)?;
/// assert!(index.occurrences().any(|o| o.observance().id().as_str() == "diwali"));
/// # Ok::<(), clash_app::Error>(())
/// ```
#[derive(Debug)]
pub struct Engine {
    catalogue: Catalogue,
    /// The baked expansion's header (its settings and years), when it
    /// serves this catalogue (the embedded one alone): checked once, at
    /// load, so that a request neither works out its fingerprint again nor
    /// opens it to learn whether it serves the request's settings.
    baked_for: Option<BakedLayout>,
    /// The observances' long texts as JSON strings, each escaped the first
    /// time an answer needs it and then kept for all (a third of a long
    /// list's JSON, and a tenth of a check's).
    texts: crate::render::json::Texts,
}

impl Engine {
    /// The embedded catalogue, with its baked expansion.
    pub fn embedded() -> Result<Self> {
        Engine::load(&Extra::none())
    }

    /// The embedded catalogue and the user's own; the baked expansion
    /// serves only the embedded catalogue alone.
    pub fn load(extra: &Extra) -> Result<Self> {
        // The compact form is the embedded TOML parsed at build time.
        let mut builder = CatalogueBuilder::new().add_compact(COMPACT)?;
        for path in &extra.paths {
            builder = if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("ics"))
            {
                builder.add_ics(path, extra.ics_impact.parse()?, extra.ics_category.parse()?)?
            } else {
                builder.add_path(path)?
            };
        }
        let catalogue = builder.build()?;
        let settings = Settings::default();
        let baked_for = match extra.paths.is_empty() {
            true => Baked::open(BAKED, &catalogue, &settings).map(|b| b.layout().clone()),
            false => None,
        };
        Ok(Engine {
            texts: crate::render::json::Texts::new(&catalogue),
            catalogue,
            baked_for,
        })
    }

    /// The observances' long texts, escaped for JSON once.
    pub(crate) fn texts(&self) -> &crate::render::json::Texts {
        &self.texts
    }

    /// The catalogue.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The settings the baked expansion was made for.
    pub fn default_settings(&self) -> Settings {
        Settings::default()
    }

    /// The index for years `first..=last` at `settings`, expanding only
    /// what `filter` can see (everything without one): read from the baked
    /// expansion when it was made for this catalogue and these settings,
    /// else computed.
    pub fn index(
        &self,
        first: i32,
        last: i32,
        settings: &Settings,
        filter: Option<&Filter>,
    ) -> Result<Index<'_>> {
        Ok(match (self.baked(settings), filter) {
            (Some(b), _) => b.index(first, last, filter)?,
            (None, Some(f)) => Index::for_filter(&self.catalogue, first, last, settings, f)?,
            (None, None) => Index::with_settings(&self.catalogue, first, last, settings)?,
        })
    }

    /// As [`Engine::index`], counting the years it computes in `progress`
    /// (none when they are baked: reading them is quick).
    ///
    /// # Errors
    /// As [`Engine::index`].
    pub fn index_counted(
        &self,
        (first, last): (i32, i32),
        settings: &Settings,
        filter: Option<&Filter>,
        progress: &crate::Progress,
    ) -> Result<Index<'_>> {
        Ok(match self.baked(settings) {
            Some(b) => b.index(first, last, filter)?,
            None => Index::counted(&self.catalogue, first, last, settings, filter, progress)?,
        })
    }

    /// Whether `request` is a check of one day or of one meeting (no
    /// range) at settings and in years this engine has baked: tens of
    /// microseconds of reading, no astronomy. A server may answer it on the
    /// thread that received it rather than hand it to a worker thread.
    pub fn is_quick(&self, request: &crate::Request) -> bool {
        let crate::Command::Check(c) = &request.command else {
            return false;
        };
        let Some(when) = c.when.as_deref() else {
            return false;
        };
        let (date, time) = when.split_once('T').unwrap_or((when, ""));
        let year = match (date.len(), date.get(..4).map(str::parse::<i32>)) {
            (10, Some(Ok(year))) if time.len() <= 5 => year,
            _ => return false,
        };
        if c.range.from.is_some() || c.range.to.is_some() {
            return false;
        }
        let Ok(location) = request.options.location() else {
            return false;
        };
        let settings = request.options.settings_at(location);
        self.baked_for.as_ref().is_some_and(|baked| {
            let years = baked.years();
            *baked.settings() == settings
                && years.contains(&(year - 1))
                && years.contains(&(year + 1))
        })
    }

    /// The baked expansion, when it was made for this catalogue and
    /// `settings`.
    fn baked(&self, settings: &Settings) -> Option<Baked<'_>> {
        self.baked_for
            .as_ref()
            .filter(|b| b.settings() == settings)
            .and_then(|b| b.reopen(BAKED, &self.catalogue))
    }

    /// As [`Engine::index`], for the days `first..=last` only: what a
    /// check of a few days needs, read without building the rest of their
    /// years.
    ///
    /// # Errors
    /// As [`Engine::index`]; a reversed range.
    pub fn index_days(
        &self,
        days: (NaiveDate, NaiveDate),
        settings: &Settings,
        filter: Option<&Filter>,
    ) -> Result<Index<'_>> {
        Ok(match self.baked(settings) {
            Some(b) => b.index_days(days, filter)?,
            None => Index::for_days(&self.catalogue, days, settings, filter)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quick: a check of one day or one meeting at the baked settings and
    /// years. Not quick: a month, a range, another place or reckoning
    /// (computed live), a year past the baked ones, another command.
    #[test]
    fn quick_requests_are_single_baked_checks() {
        use crate::{Check, Command, FromTo, List, Options, Request};
        let engine = Engine::embedded().unwrap();
        let now = chrono::Utc::now();
        let check = |when: &str, range: FromTo, options: Options| {
            let c = Command::Check(Check {
                when: Some(when.to_string()),
                range,
                meeting: crate::Meeting::default(),
            });
            engine.is_quick(&Request::new(c, now).options(options))
        };
        let none = FromTo::default();
        let at = |place: &str| Options {
            location: Some(place.to_string()),
            ..Options::default()
        };
        assert!(check("2026-12-25", none.clone(), Options::default()));
        assert!(check("2027-03-10T18:00", none.clone(), Options::default()));
        assert!(check("1900-01-01", none.clone(), at("leicester")));
        assert!(!check("2027-03", none.clone(), Options::default()));
        assert!(!check("2027", none.clone(), Options::default()));
        assert!(!check(
            "2027-03-01..2027-03-31",
            none.clone(),
            Options::default()
        ));
        assert!(!check("2100-12-31", none.clone(), Options::default()));
        assert!(!check("2500-01-01", none.clone(), Options::default()));
        assert!(!check("2026-12-25", none.clone(), at("new-york")));
        assert!(!check("2026-12-25", none.clone(), at("nowhere")));
        let tabular = Options {
            islamic_method: clash_core::IslamicMethod::Tabular,
            ..Options::default()
        };
        assert!(!check("2026-12-25", none.clone(), tabular));
        let range = FromTo {
            from: Some("2026-12-01".into()),
            to: None,
        };
        assert!(!check("2026-12-25", range, Options::default()));
        let list = Command::List(List {
            range_text: None,
            range: FromTo::default(),
        });
        assert!(!engine.is_quick(&Request::new(list, now)));
    }

    #[test]
    fn an_engine_is_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Engine>();
    }
}
