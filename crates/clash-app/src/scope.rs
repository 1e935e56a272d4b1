//! [`Options`] validated against a catalogue: the location, the filters
//! (one for whole days, one for times of day) and the settings every
//! command needs.

use chrono::NaiveDate;
use clash_core::{Catalogue, Category, Filter, Location, ObservanceId, Region, Settings};

use crate::error::{Error, Result};
use crate::request::Options;

/// What every command needs, validated.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    pub location: Location,
    pub settings: Settings,
    pub filter: Filter,
    /// The filter for timed checks: weekly observances too, unless the
    /// categories were chosen.
    pub timed_filter: Filter,
    /// Whether `--region` named the nations (else the location's nation
    /// stands for them, and a profile's regions may replace it).
    pub explicit_regions: bool,
    /// The location's date at the request's instant.
    pub today: NaiveDate,
}

impl Scope {
    /// Validates `options` against `catalogue`; `today` from `now` at the
    /// location.
    pub fn new(
        options: &Options,
        catalogue: &Catalogue,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Self> {
        let c = options;
        let location = c.location()?;
        let ids = c
            .ids
            .iter()
            .map(|id| ObservanceId::new(id).map_err(|_| unknown_id(catalogue, id)))
            .collect::<Result<Vec<_>>>()?;
        let mut filter = Filter::default().ids(ids);
        filter.validate(catalogue)?;
        let traditions = parse_all(&c.traditions)?;
        if !traditions.is_empty() {
            filter = filter.traditions(traditions);
        }
        filter = filter.exclude_traditions(parse_all(&c.exclude_traditions)?);
        if let Some(m) = &c.min_impact {
            filter = filter.min_impact(m.parse()?);
        }
        let categories = parse_all(&c.categories)?;
        let all_categories = categories.is_empty();
        if !all_categories {
            filter = filter.categories(categories);
        }
        // The location implies its nation and locality (SPEC §6.1: the
        // Leicester preset and points in the city are in `leicester`);
        // `--region` overrides, and a locality named brings its nation.
        let regions: Vec<Region> = parse_all(&c.regions)?;
        let explicit_regions = !regions.is_empty();
        filter = match explicit_regions {
            true => filter.regions(regions),
            false => filter.regions(location.regions().iter()),
        };
        if !filter.matches_any(catalogue) {
            return Err(Error::usage("no observance matches these filters").hint(
                "`clash observances` lists each observance's tradition, category and impact",
            ));
        }
        let timed_filter = if all_categories {
            filter.clone().categories(Category::ALL.iter().copied())
        } else {
            filter.clone()
        };
        let today = now.with_timezone(&location.timezone()).date_naive();
        let settings = c.settings_at(location.clone());
        Ok(Scope {
            location,
            settings,
            filter,
            timed_filter,
            explicit_regions,
            today,
        })
    }
}

fn unknown_id(catalogue: &Catalogue, id: &str) -> Error {
    match catalogue.require(id) {
        Err(e) => Error::from(e),
        Ok(_) => Error::usage(format!("invalid id `{id}`")),
    }
    .hint("`clash observances` lists every id")
}

fn parse_all<T: std::str::FromStr<Err = clash_core::Error>>(values: &[String]) -> Result<Vec<T>> {
    values
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| v.parse::<T>().map_err(Error::from))
        .collect()
}
