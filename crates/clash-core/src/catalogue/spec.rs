//! The TOML form of a catalogue file (parsed with serde, validated in
//! [`super::validate`]). The format is documented in `data/observances/README.md`.
//! The same structures, as JSON, are the compact form of the embedded
//! catalogue ([`super::CatalogueBuilder::compact_embedded`]), which leaves
//! out absent and empty fields: each one written as `null` or `[]` cost a
//! key to match when the binary starts.

use serde::{Deserialize, Serialize};

/// One catalogue file.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileSpec {
    #[serde(default)]
    pub observance: Vec<ObservanceSpec>,
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
pub(crate) struct ObservanceSpec {
    pub id: String,
    pub name: String,
    pub tradition: String,
    pub category: String,
    pub impact: String,
    pub rule: RuleSpec,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begins: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certainty: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertainty_days: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub israel_duration: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<EndSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<YearsSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_traditions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<ExceptionSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub announced: Vec<AnnouncedSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute: Option<SubstituteSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<AlsoSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<HoursSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fast: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begins_early: Option<BeginsEarlySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eve: Option<EveSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub food: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact_elsewhere: Option<String>,
    pub summary: String,
    pub advice: String,
    pub source: String,
}

/// `hours = { from = "…", to = "…", what = "…" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HoursSpec {
    pub from: String,
    pub to: String,
    pub what: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_day: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
}

/// `begins_early = { minutes = 18, what = "candle lighting" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BeginsEarlySpec {
    pub minutes: u16,
    pub what: String,
}

/// `eve = { from = "solar-noon", what = "…" }`: hours on the afternoon
/// before, until the observance begins.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EveSpec {
    pub from: String,
    pub what: String,
}

/// `rule = { kind = "…", … }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) enum RuleSpec {
    Fixed {
        month: u32,
        day: u32,
    },
    Weekday {
        month: u32,
        weekday: String,
        nth: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        from_day: Option<u32>,
    },
    Rrule {
        rrule: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        dtstart: Option<String>,
    },
    Dates {
        dates: Vec<String>,
    },
    Easter {
        computus: String,
        #[serde(default)]
        offset: i64,
    },
    Relative {
        to: String,
        #[serde(default)]
        offset: i64,
    },
    Julian {
        month: u8,
        day: u8,
    },
    Hebrew {
        month: String,
        day: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        israel_day: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        adjust: Option<String>,
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
        #[serde(skip_serializing_if = "Option::is_none")]
        athikamat: Option<String>,
    },
    SolarLongitude {
        longitude: f64,
        zone: String,
    },
    Ethiopian {
        month: u8,
        day: u8,
    },
    Named {
        name: String,
    },
    Cycle {
        anchor: String,
        days: u16,
    },
    Weekly {
        weekday: String,
    },
    Hindu {
        month: String,
        paksha: String,
        tithi: u8,
        window: String,
    },
    Sankranti {
        sign: String,
        #[serde(default)]
        #[serde(skip_serializing_if = "Option::is_none")]
        after_sunset: Option<String>,
    },
}

/// `end = { kind = "…", … }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) enum EndSpec {
    Date {
        month: u32,
        day: u32,
    },
    EndOfMonth,
    Relative {
        to: String,
        #[serde(default)]
        offset: i64,
    },
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
pub(crate) struct ExceptionSpec {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default)]
    pub skip: bool,
    pub reason: String,
}

/// One row of `announced = [ … ]`: `{ year = 2025, date = "2025-08-02",
/// end = "2025-08-02", source = "…" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnnouncedSpec {
    pub year: i32,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub source: String,
}

/// `also = { to = "…", offset = …, what = "…" }`: another possible date.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AlsoSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default)]
    pub offset: i64,
    pub what: String,
}

/// `substitute = { rule = "next-free-weekday", weekend_category = "…" }`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubstituteSpec {
    pub rule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekend_category: Option<String>,
}
