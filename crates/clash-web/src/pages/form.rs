//! The pieces of the question pages: reading a form's values from the
//! query string (errors kept against their fields), the date input as
//! day, month and year, and the meeting's time, length, food and place.

use clash_app::chrono::NaiveDate;
use clash_app::clash_core::PRESETS;
use maud::{html, Markup};

use super::{error_message, field_error, place_name, sentence, FieldError};
use crate::query::Query;

/// A query string being read into a form: each value trimmed, an error
/// (a name given twice) kept against its field.
pub(crate) struct Reader {
    q: Query,
    pub errors: Vec<FieldError>,
}

impl Reader {
    pub fn new(raw: Option<&str>) -> Reader {
        Reader {
            q: Query::parse(raw),
            errors: Vec::new(),
        }
    }

    /// The value of `name` ("" when absent), its error against `field`.
    pub fn text(&mut self, name: &str, field: &'static str) -> String {
        match self.q.one(name) {
            Ok(v) => v.unwrap_or_default().trim().to_string(),
            Err(e) => {
                self.errors.push(FieldError::new(field, e.message()));
                String::new()
            }
        }
    }

    /// Every value of `name`, repeated or comma-separated.
    pub fn many(&mut self, name: &str) -> Vec<String> {
        self.q.many(name)
    }

    /// Whether `name` is in the query at all.
    pub fn has(&self, name: &str) -> bool {
        self.q.has(name)
    }

    /// A yes/no value.
    pub fn flag(&mut self, name: &str, field: &'static str) -> bool {
        match self.q.flag(name) {
            Ok(f) => f,
            Err(e) => {
                self.errors.push(FieldError::new(field, e.message()));
                false
            }
        }
    }

    /// A date as day, month and year (`PREFIX-day`, … or, with no
    /// prefix, `day`, …), or whole as `whole=YYYY-MM-DD` from a link.
    pub fn date(&mut self, prefix: &'static str, whole: &str) -> DateParts {
        let ids = DateIds::of(prefix);
        let name = |part: &str| match prefix {
            "date" => part.to_string(),
            p => format!("{p}-{part}"),
        };
        let mut parts = DateParts {
            day: self.text(&name("day"), ids.day),
            month: self.text(&name("month"), ids.day),
            year: self.text(&name("year"), ids.day),
        };
        let given = self.text(whole, ids.day);
        let mut pieces = given.splitn(3, '-');
        if let (Some(y), Some(m), Some(d)) = (pieces.next(), pieces.next(), pieces.next()) {
            parts = DateParts {
                day: d.to_string(),
                month: m.to_string(),
                year: y.to_string(),
            };
        }
        parts
    }
}

/// The ids of a date input's three fields.
pub(crate) struct DateIds {
    pub prefix: &'static str,
    pub day: &'static str,
    pub month: &'static str,
    pub year: &'static str,
}

impl DateIds {
    pub fn of(prefix: &'static str) -> DateIds {
        match prefix {
            "from" => DateIds {
                prefix,
                day: "from-day",
                month: "from-month",
                year: "from-year",
            },
            "to" => DateIds {
                prefix,
                day: "to-day",
                month: "to-month",
                year: "to-year",
            },
            _ => DateIds {
                prefix: "date",
                day: "date-day",
                month: "date-month",
                year: "date-year",
            },
        }
    }
}

/// A date as typed: day, month and year.
#[derive(Debug, Clone, Default)]
pub(crate) struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    /// The parts of `date`.
    pub fn of(date: NaiveDate) -> DateParts {
        use clash_app::chrono::Datelike;
        DateParts {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    /// The date, checked by the application's own parser, or the error to
    /// show against the field of `ids` that is wrong. `what` names the
    /// date in a message ("the date of the meeting").
    pub fn parse(
        &self,
        ids: &DateIds,
        what: &str,
        today: NaiveDate,
    ) -> Result<NaiveDate, FieldError> {
        let parts = [
            ("day", &self.day, ids.day),
            ("month", &self.month, ids.month),
            ("year", &self.year, ids.year),
        ];
        let missing: Vec<_> = parts.iter().filter(|(_, v, _)| v.is_empty()).collect();
        let message = match missing.len() {
            0 => None,
            3 => Some(format!("Enter {what}")),
            _ => {
                let names: Vec<&str> = missing.iter().map(|(n, ..)| *n).collect();
                Some(format!(
                    "{} must include a {}",
                    sentence(what),
                    names.join(" and a ")
                ))
            }
        };
        if let Some(message) = message {
            let field = missing.first().map_or(ids.day, |(.., id)| *id);
            return Err(FieldError { field, message });
        }
        let pad = |s: &str, n: usize| format!("{s:0>n$}");
        let text = format!(
            "{}-{}-{}",
            pad(&self.year, 4),
            pad(&self.month, 2),
            pad(&self.day, 2)
        );
        clash_app::input::parse_date(&text, today)
            .and_then(|d| clash_app::input::check_range(d, d))
            .map(|(d, _)| d)
            .map_err(|e| FieldError::new(ids.day, e.message()))
    }
}

/// The GOV.UK date input: a fieldset of day, month and year, with its
/// hint and, when wrong, its error.
pub(crate) fn date_input(
    ids: &DateIds,
    legend: &str,
    parts: &DateParts,
    errors: &[FieldError],
) -> Markup {
    let error = errors
        .iter()
        .find(|e| [ids.day, ids.month, ids.year].contains(&e.field));
    let hint = format!("{}-hint", ids.prefix);
    let error_id = format!("{}-error", ids.prefix);
    let described = match error {
        Some(_) => format!("{hint} {error_id}"),
        None => hint.clone(),
    };
    let name = |part: &str| match ids.prefix {
        "date" => part.to_string(),
        p => format!("{p}-{part}"),
    };
    let field = |id: &str, part: &str, value: &str, width: &str, label: &str| {
        let class = match error {
            Some(_) => format!("{width} input--error"),
            None => width.to_string(),
        };
        html! {
            div {
                label for=(id) { (label) }
                input type="text" id=(id) name=(name(part)) value=(value) class=(class)
                    inputmode="numeric" autocomplete="off";
            }
        }
    };
    html! {
        div class={ "form-group" @if error.is_some() { " form-group--error" } } {
            fieldset role="group" aria-describedby=(described) {
                legend class="question" { (legend) }
                p class="hint" id=(hint) { "For example, 25 12 2026" }
                @if let Some(e) = error { (error_message(&error_id, e)) }
                div class="date-input" {
                    (field(ids.day, "day", &parts.day, "width-2", "Day"))
                    (field(ids.month, "month", &parts.month, "width-2", "Month"))
                    (field(ids.year, "year", &parts.year, "width-4", "Year"))
                }
            }
        }
    }
}

/// The class of a form group: marked when its field is in error.
fn group(error: Option<&FieldError>) -> &'static str {
    match error {
        Some(_) => "form-group form-group--error",
        None => "form-group",
    }
}

/// The meeting lengths offered: (value as the CLI takes it, words).
pub(crate) const DURATIONS: &[(&str, &str)] = &[
    ("30m", "30 minutes"),
    ("1h", "1 hour"),
    ("90m", "1 hour 30 minutes"),
    ("2h", "2 hours"),
    ("3h", "3 hours"),
    ("4h", "4 hours"),
    ("8h", "8 hours"),
];

/// A meeting's time of day, length, food and place, as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct MeetingFields {
    pub time: String,
    pub duration: String,
    pub with_food: bool,
    pub location: String,
}

impl MeetingFields {
    /// Reads the fields; the location is `default_location` when not
    /// given.
    pub fn read(r: &mut Reader, default_location: &str) -> MeetingFields {
        let mut m = MeetingFields {
            time: r.text("time", "time"),
            duration: r.text("duration", "duration"),
            with_food: r.flag("with-food", "with-food"),
            location: r.text("location", "location"),
        };
        if m.location.is_empty() {
            m.location = default_location.to_string();
        }
        m
    }

    /// Checks the time and length with the application's parser,
    /// `max_minutes` the longest meeting; errors against their fields.
    pub fn check(&self, max_minutes: i64, errors: &mut Vec<FieldError>) {
        if self.time.is_empty() {
            return;
        }
        let duration = Some(self.duration.as_str()).filter(|d| !d.is_empty());
        if let Err(e) = clash_app::input::meeting_time(&self.time, None, max_minutes) {
            errors.push(FieldError::new("time", e.message()));
        } else if let Err(e) = clash_app::input::meeting_time(&self.time, duration, max_minutes) {
            errors.push(FieldError::new("duration", e.message()));
        }
    }

    /// The meeting as the application takes it (no time: whole days).
    pub fn meeting(&self) -> clash_app::Meeting {
        let timed = !self.time.is_empty();
        clash_app::Meeting {
            time: timed.then(|| self.time.clone()),
            duration: (timed && !self.duration.is_empty()).then(|| self.duration.clone()),
            with_food: self.with_food,
        }
    }

    /// Appends the fields to a link's query.
    pub fn append(&self, q: &mut form_urlencoded::Serializer<'_, String>) {
        if !self.time.is_empty() {
            q.append_pair("time", &self.time);
            if !self.duration.is_empty() {
                q.append_pair("duration", &self.duration);
            }
        }
        if self.with_food {
            q.append_pair("with-food", "yes");
        }
        q.append_pair("location", &self.location);
    }

    /// The form fields without the time and length: food, place (for a
    /// calendar, whose events carry their own times).
    pub fn inputs_without_time(&self, errors: &[FieldError]) -> Markup {
        html! {
            (self.food_input(errors))
            (self.location_input(errors))
        }
    }

    /// The form fields: time, length, food, place.
    pub fn inputs(&self, errors: &[FieldError]) -> Markup {
        let time_error = field_error(errors, "time");
        let duration_error = field_error(errors, "duration");
        html! {
            div class=(group(time_error)) {
                label for="time" { "Start time (optional)" }
                p class="hint" id="time-hint" {
                    "In the 24-hour clock, for example 18:00. Leave it empty for whole days."
                }
                @if let Some(e) = time_error { (error_message("time-error", e)) }
                input type="text" id="time" name="time" value=(self.time)
                    class={ "width-5" @if time_error.is_some() { " input--error" } }
                    autocomplete="off"
                    aria-describedby=@if time_error.is_some() { "time-hint time-error" } @else { "time-hint" };
            }
            div class=(group(duration_error)) {
                label for="duration" { "How long (with a start time)" }
                @if let Some(e) = duration_error { (error_message("duration-error", e)) }
                select id="duration" name="duration"
                    class=@if duration_error.is_some() { "input--error" }
                    aria-describedby=@if duration_error.is_some() { "duration-error" } {
                    @for (value, words) in DURATIONS {
                        @let chosen = self.duration == *value || (self.duration.is_empty() && *value == "1h");
                        option value=(value) selected[chosen] { (words) }
                    }
                }
            }
            (self.food_input(errors))
            (self.location_input(errors))
        }
    }

    /// "Food or drink will be served".
    fn food_input(&self, errors: &[FieldError]) -> Markup {
        let with_food_error = field_error(errors, "with-food");
        html! {
            div class=(group(with_food_error)) {
                @if let Some(e) = with_food_error { (error_message("with-food-error", e)) }
                div class="checkbox" {
                    input type="checkbox" id="with-food" name="with-food" value="yes"
                        checked[self.with_food];
                    label for="with-food" { "Food or drink will be served" }
                }
            }
        }
    }

    /// "Where is the meeting?"
    fn location_input(&self, errors: &[FieldError]) -> Markup {
        let location_error = field_error(errors, "location");
        html! {
            div class=(group(location_error)) {
                label for="location" { "Where is the meeting?" }
                @if let Some(e) = location_error { (error_message("location-error", e)) }
                select id="location" name="location"
                    class=@if location_error.is_some() { "input--error" }
                    aria-describedby=@if location_error.is_some() { "location-error" } {
                    @for (name, ..) in PRESETS {
                        option value=(name) selected[self.location.eq_ignore_ascii_case(name)] {
                            (place_name(name))
                        }
                    }
                    @if !PRESETS.iter().any(|(n, ..)| self.location.eq_ignore_ascii_case(n)) {
                        option value=(self.location) selected { (self.location) }
                    }
                }
            }
        }
    }
}

/// "Who is the meeting for?": the audience profiles, `chosen` selected.
pub(crate) fn profile_input(chosen: &str, errors: &[FieldError]) -> Markup {
    use clash_app::clash_core::{Profile, PROFILES};
    let error = field_error(errors, "profile");
    html! {
        div class=(group(error)) {
            label for="profile" { "Who is the meeting for?" }
            p class="hint" id="profile-hint" {
                "Better dates are weighed by how many people in this population keep each tradition."
            }
            @if let Some(e) = error { (error_message("profile-error", e)) }
            select id="profile" name="profile"
                aria-describedby=@if error.is_some() { "profile-hint profile-error" } @else { "profile-hint" } {
                @for (name, _) in PROFILES {
                    @let title = Profile::embedded(name).map(|p| p.title().to_string()).unwrap_or_else(|_| (*name).to_string());
                    option value=(name) selected[chosen == *name] { (title) }
                }
            }
        }
    }
}
