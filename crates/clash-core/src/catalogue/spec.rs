//! The TOML form of a catalogue file (parsed with serde, validated in
//! [`super::validate`]). The format is documented in `data/observances/README.md`.
//! The same structures, as JSON, are the compact form of the embedded
//! catalogue ([`super::CatalogueBuilder::compact_embedded`]), which leaves
//! out absent and empty fields: each one written as `null` or `[]` cost a
//! key to match when the binary starts.

use serde::{Deserialize, Serialize};

use super::tagged;
pub(crate) use super::text::Text;

/// One catalogue file.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileSpec<'a> {
    #[serde(default, borrow)]
    pub observance: Vec<ObservanceSpec<'a>>,
}

/// Where each observance's id is in a TOML file (for error lines); the
/// other fields are ignored.
#[derive(Debug, Deserialize)]
pub(crate) struct IdsAt {
    #[serde(default)]
    pub observance: Vec<IdAt>,
}

/// One observance's id, with its position.
#[derive(Debug, Deserialize)]
pub(crate) struct IdAt {
    pub id: toml::Spanned<String>,
}

/// One `[[observance]]` table.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ObservanceSpec<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub tradition: Text<'a>,
    #[serde(borrow)]
    pub category: Text<'a>,
    #[serde(borrow)]
    pub impact: Text<'a>,
    #[serde(
        borrow,
        deserialize_with = "tagged::deserialize",
        serialize_with = "tagged::serialize"
    )]
    pub rule: RuleSpec<'a>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub begins: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub certainty: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertainty_days: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub israel_duration: Option<u16>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        borrow,
        deserialize_with = "tagged::deserialize_some",
        serialize_with = "tagged::serialize_some"
    )]
    pub end: Option<EndSpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<YearsSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", borrow)]
    pub also_traditions: Vec<Text<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", borrow)]
    pub regions: Vec<Text<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", borrow)]
    pub exceptions: Vec<ExceptionSpec<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", borrow)]
    pub announced: Vec<AnnouncedSpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub holiday_group: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub substitute: Option<SubstituteSpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub also: Option<AlsoSpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub hours: Option<HoursSpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub fast: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub ends: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub begins_early: Option<BeginsEarlySpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub eve: Option<EveSpec<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub food: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub impact_elsewhere: Option<Text<'a>>,
    #[serde(borrow)]
    pub summary: Text<'a>,
    #[serde(borrow)]
    pub advice: Text<'a>,
    #[serde(borrow)]
    pub source: Text<'a>,
}

/// `hours = { from = "…", to = "…", what = "…" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HoursSpec<'a> {
    #[serde(borrow)]
    pub from: Text<'a>,
    #[serde(borrow)]
    pub to: Text<'a>,
    #[serde(borrow)]
    pub what: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_day: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub on: Option<Text<'a>>,
}

/// `begins_early = { minutes = 18, what = "candle lighting" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BeginsEarlySpec<'a> {
    pub minutes: u16,
    #[serde(borrow)]
    pub what: Text<'a>,
}

/// `eve = { from = "solar-noon", what = "…" }`: hours on the afternoon
/// before, until the observance begins.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EveSpec<'a> {
    #[serde(borrow)]
    pub from: Text<'a>,
    #[serde(borrow)]
    pub what: Text<'a>,
}

/// `rule = { kind = "…", … }` (read and written by [`super::tagged`]).
#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) enum RuleSpec<'a> {
    Fixed {
        month: u32,
        day: u32,
    },
    Weekday {
        month: u32,
        #[serde(borrow)]
        weekday: Text<'a>,
        nth: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        from_day: Option<u32>,
    },
    Rrule {
        #[serde(borrow)]
        rrule: Text<'a>,
        #[serde(skip_serializing_if = "Option::is_none", borrow)]
        dtstart: Option<Text<'a>>,
    },
    Dates {
        #[serde(borrow)]
        dates: Vec<Text<'a>>,
    },
    Easter {
        #[serde(borrow)]
        computus: Text<'a>,
        #[serde(default)]
        offset: i64,
    },
    Relative {
        #[serde(borrow)]
        to: Text<'a>,
        #[serde(default)]
        offset: i64,
    },
    Julian {
        month: u8,
        day: u8,
    },
    Hebrew {
        #[serde(borrow)]
        month: Text<'a>,
        day: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        israel_day: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none", borrow)]
        adjust: Option<Text<'a>>,
    },
    Hijri {
        month: u8,
        day: u8,
    },
    Chinese {
        month: u8,
        #[serde(default)]
        leap: bool,
        day: u8,
    },
    Thai {
        month: u8,
        day: u8,
        #[serde(skip_serializing_if = "Option::is_none", borrow)]
        athikamat: Option<Text<'a>>,
    },
    SolarLongitude {
        longitude: f64,
        #[serde(borrow)]
        zone: Text<'a>,
    },
    Ethiopian {
        month: u8,
        day: u8,
    },
    Named {
        #[serde(borrow)]
        name: Text<'a>,
    },
    Cycle {
        #[serde(borrow)]
        anchor: Text<'a>,
        days: u16,
    },
    Weekly {
        #[serde(borrow)]
        weekday: Text<'a>,
    },
    Hindu(#[serde(borrow)] TithiSpec<'a>),
    Sankranti {
        #[serde(borrow)]
        sign: Text<'a>,
        #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
        after_sunset: Option<Text<'a>>,
    },
}

/// `end = { kind = "…", … }` (read and written by [`super::tagged`]).
#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) enum EndSpec<'a> {
    Date {
        month: u32,
        day: u32,
    },
    EndOfMonth,
    Relative {
        #[serde(borrow)]
        to: Text<'a>,
        #[serde(default)]
        offset: i64,
    },
    Hindu(#[serde(borrow)] TithiSpec<'a>),
}

/// A tithi kept in a window, as a rule or an end: `{ kind = "hindu",
/// month = "phalguna", paksha = "shukla", tithi = 14, window = "sunrise" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TithiSpec<'a> {
    #[serde(borrow)]
    pub month: Text<'a>,
    #[serde(borrow)]
    pub paksha: Text<'a>,
    pub tithi: u8,
    #[serde(borrow)]
    pub window: Text<'a>,
}

/// `years = { from = …, to = … }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct YearsSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
}

/// One entry of `exceptions = [ … ]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExceptionSpec<'a> {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub date: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub dates: Option<Vec<Text<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub end: Option<Text<'a>>,
    #[serde(default)]
    pub skip: bool,
    #[serde(borrow)]
    pub reason: Text<'a>,
}

/// One row of `announced = [ … ]`: `{ year = 2025, date = "2025-08-02",
/// end = "2025-08-02", source = "…" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnnouncedSpec<'a> {
    pub year: i32,
    #[serde(borrow)]
    pub date: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub end: Option<Text<'a>>,
    #[serde(borrow)]
    pub source: Text<'a>,
}

/// `also = { to = "…", offset = …, what = "…" }`: another possible date.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AlsoSpec<'a> {
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub to: Option<Text<'a>>,
    #[serde(default)]
    pub offset: i64,
    #[serde(borrow)]
    pub what: Text<'a>,
}

/// `substitute = { rule = "next-free-weekday", weekend_category = "…" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubstituteSpec<'a> {
    #[serde(borrow)]
    pub rule: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none", borrow)]
    pub weekend_category: Option<Text<'a>>,
}
