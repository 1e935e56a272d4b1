//! The observance catalogue: loading TOML files (the embedded default and a
//! user's own), validation, id lookup and filters.

mod filter;
mod spec;
mod tagged;
mod text;
mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Category, Impact};
use crate::observance::Observance;

pub(crate) use filter::pack_key;
pub use filter::Filter;

/// The catalogue files compiled into the library, as (name, TOML text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "christian.toml",
        include_str!("../../../../data/observances/christian.toml"),
    ),
    (
        "orthodox-christian.toml",
        include_str!("../../../../data/observances/orthodox-christian.toml"),
    ),
    (
        "uk-bank-holidays.toml",
        include_str!("../../../../data/observances/uk-bank-holidays.toml"),
    ),
    (
        "uk-national.toml",
        include_str!("../../../../data/observances/uk-national.toml"),
    ),
    (
        "international.toml",
        include_str!("../../../../data/observances/international.toml"),
    ),
    (
        "leicester.toml",
        include_str!("../../../../data/observances/leicester.toml"),
    ),
    (
        "awareness.toml",
        include_str!("../../../../data/observances/awareness.toml"),
    ),
    (
        "jewish.toml",
        include_str!("../../../../data/observances/jewish.toml"),
    ),
    (
        "muslim.toml",
        include_str!("../../../../data/observances/muslim.toml"),
    ),
    (
        "chinese.toml",
        include_str!("../../../../data/observances/chinese.toml"),
    ),
    (
        "bahai.toml",
        include_str!("../../../../data/observances/bahai.toml"),
    ),
    (
        "astronomical.toml",
        include_str!("../../../../data/observances/astronomical.toml"),
    ),
    (
        "other-traditions.toml",
        include_str!("../../../../data/observances/other-traditions.toml"),
    ),
    (
        "hindu.toml",
        include_str!("../../../../data/observances/hindu.toml"),
    ),
    (
        "sikh.toml",
        include_str!("../../../../data/observances/sikh.toml"),
    ),
    (
        "jain.toml",
        include_str!("../../../../data/observances/jain.toml"),
    ),
    (
        "buddhist.toml",
        include_str!("../../../../data/observances/buddhist.toml"),
    ),
];

/// Largest catalogue file read from disk, in bytes (bounded work).
pub const MAX_FILE_BYTES: u64 = 4 << 20;
/// Most catalogue files read from one folder.
pub const MAX_FILES: usize = 1000;
/// Most observances in a catalogue.
pub const MAX_OBSERVANCES: usize = 20_000;

/// A validated set of observances with unique ids.
///
/// ```
/// let cat = clash_core::Catalogue::embedded()?;
/// let christmas = cat.get("christmas-day").unwrap();
/// assert_eq!(christmas.name(), "Christmas Day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalogue {
    observances: Vec<Observance>,
    /// Positions in `observances`, sorted by id (see [`find`]).
    by_id: Vec<u32>,
    /// Expansion order: every observance after the ones its rule and extent
    /// refer to.
    order: Vec<usize>,
    /// The rank of each observance's id in sorted order (fast id ordering).
    id_rank: Vec<u32>,
    /// A hash of the texts it was built from (see [`content_hash`]).
    content: u64,
}

/// Builds a [`Catalogue`] from the embedded files and a user's own.
///
/// ```
/// use clash_core::CatalogueBuilder;
/// let toml = r#"
/// [[observance]]
/// id = "founders-day"
/// name = "Founders' Day"
/// tradition = "national"
/// category = "commemoration"
/// impact = "low"
/// rule = { kind = "fixed", month = 3, day = 14 }
/// summary = "Our organisation's founding."
/// advice = "No restriction."
/// source = "Board minutes, 1998"
/// "#;
/// let cat = CatalogueBuilder::new().embedded()?.add_str("mine.toml", toml)?.build()?;
/// assert!(cat.get("founders-day").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct CatalogueBuilder {
    observances: Vec<Observance>,
    content: u64,
}

impl CatalogueBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the embedded catalogue.
    ///
    /// # Errors
    /// Only if the embedded data is invalid (a bug, caught by tests).
    pub fn embedded(mut self) -> Result<Self> {
        for (name, text) in EMBEDDED {
            self = self.add_str(Path::new("<embedded>").join(name), text)?;
        }
        Ok(self)
    }

    /// Adds the observances in one TOML text; `origin` names it in errors.
    ///
    /// # Errors
    /// Syntax errors (with line), unknown fields, invalid values.
    pub fn add_str(mut self, origin: impl AsRef<Path>, text: &str) -> Result<Self> {
        let origin = origin.as_ref();
        self.content = content_hash(self.content, text.as_bytes());
        let spec: spec::FileSpec = toml::from_str(text).map_err(|e| {
            let mut err = Error::new(ErrorKind::Syntax, one_line(e.message())).with_file(origin);
            if let Some(span) = e.span() {
                err = err.with_line(line_of(text, span.start));
            }
            err
        })?;
        // Each observance's line, wanted only for an error: its id's, from
        // a second, light parse that keeps positions (the spec itself has
        // none, so that it also reads from the compact form).
        let line = |k: usize| {
            let ids = toml::from_str::<spec::IdsAt>(text).ok()?;
            let at = ids.observance.get(k)?.id.span().start;
            Some(line_of(text, at))
        };
        self.add_specs(origin, spec.observance, &line)
    }

    /// Validates and adds parsed observances; `line(k)` is the line of the
    /// `k`th, if known.
    fn add_specs(
        mut self,
        origin: &Path,
        specs: Vec<spec::ObservanceSpec>,
        line: &dyn Fn(usize) -> Option<usize>,
    ) -> Result<Self> {
        for (k, o) in specs.into_iter().enumerate() {
            let id = o.id.clone();
            let obs = validate::observance(o, origin).map_err(|e| {
                let e = e.with_file(origin).with_observance(id.clone());
                match line(k) {
                    Some(line) => e.with_line(line),
                    None => e,
                }
            })?;
            if self.observances.len() >= MAX_OBSERVANCES {
                return Err(
                    Error::invalid(format!("more than {MAX_OBSERVANCES} observances"))
                        .with_file(origin),
                );
            }
            self.observances.push(obs);
        }
        Ok(self)
    }

    /// The embedded catalogue in compact form: its parsed TOML as JSON,
    /// which [`CatalogueBuilder::add_compact`] reads several times faster
    /// than the TOML (the `clash` binary makes it in its build script).
    ///
    /// # Errors
    /// Only if the embedded data is invalid (a bug, caught by tests).
    pub fn compact_embedded() -> Result<String> {
        let mut files = Vec::new();
        for (name, text) in EMBEDDED {
            let spec: spec::FileSpec = toml::from_str(text)
                .map_err(|e| Error::new(ErrorKind::Syntax, one_line(e.message())))?;
            files.push((*name, spec));
        }
        serde_json::to_string(&files).map_err(|e| Error::invalid(e.to_string()))
    }

    /// Adds a catalogue in the form [`CatalogueBuilder::compact_embedded`]
    /// makes, validated as its TOML would be (errors have no line numbers).
    ///
    /// ```
    /// use clash_core::{Catalogue, CatalogueBuilder};
    /// let compact = CatalogueBuilder::compact_embedded()?;
    /// let fast = CatalogueBuilder::new().add_compact(&compact)?.build()?;
    /// let slow = Catalogue::embedded()?;
    /// assert_eq!(format!("{:?}", fast.observances()), format!("{:?}", slow.observances()));
    /// # Ok::<(), clash_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Malformed input; everything [`CatalogueBuilder::add_str`] reports.
    pub fn add_compact(mut self, json: &str) -> Result<Self> {
        self.content = content_hash(self.content, json.as_bytes());
        let files: Vec<(String, spec::FileSpec)> =
            serde_json::from_str(json).map_err(|e| Error::new(ErrorKind::Syntax, e.to_string()))?;
        for (name, file) in files {
            let origin = Path::new("<embedded>").join(name);
            self = self.add_specs(&origin, file.observance, &|_| None)?;
        }
        Ok(self)
    }

    /// Adds a TOML file, or every `*.toml` file in a folder (not recursive,
    /// in name order).
    ///
    /// # Errors
    /// I/O errors, files over 4 MiB, and everything
    /// [`CatalogueBuilder::add_str`] reports.
    pub fn add_path(mut self, path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let io = |e: std::io::Error| Error::new(ErrorKind::Io, e.to_string()).with_file(path);
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .take(MAX_FILES + 1)
                .collect();
            if files.len() > MAX_FILES {
                return Err(
                    Error::invalid(format!("more than {MAX_FILES} catalogue files"))
                        .with_file(path),
                );
            }
            files.sort();
            for f in files {
                self = self.add_file(&f)?;
            }
            Ok(self)
        } else {
            self.add_file(path)
        }
    }

    /// Adds the events of an iCalendar file as observances of tradition
    /// `local` (an organisation's own days: school terms, local festivals),
    /// each UID one observance on the dates its occurrences start (within
    /// the supported years; the importer's caps bound the work), with this
    /// impact and category. Timed events count as the days they touch in
    /// their own zone.
    ///
    /// # Errors
    /// Everything [`crate::ical::IcsCalendar::from_file`] reports; a
    /// calendar with no events.
    pub fn add_ics(
        self,
        path: impl AsRef<Path>,
        impact: Impact,
        category: Category,
    ) -> Result<Self> {
        use crate::ical::import::{IcsCalendar, When};
        let path = path.as_ref();
        let cal = IcsCalendar::from_file(path)?;
        let Some((from, to)) = cal.span() else {
            return Err(Error::invalid("no events to load as observances").with_file(path));
        };
        let years = crate::model::SUPPORTED_YEARS;
        let clamp = |d: chrono::NaiveDate| {
            let lo = chrono::NaiveDate::from_ymd_opt(*years.start(), 1, 1).unwrap_or(d);
            let hi = chrono::NaiveDate::from_ymd_opt(*years.end(), 12, 31).unwrap_or(d);
            d.clamp(lo, hi)
        };
        let (occurrences, _) = cal
            .occurrences(clamp(from), clamp(to))
            .map_err(|e| e.with_file(path))?;
        // (uid, summary, length in days) → start dates, in first-seen order.
        let mut groups: Vec<((String, String, i64), Vec<chrono::NaiveDate>)> = Vec::new();
        let mut seen: HashMap<(String, String, i64), usize> = HashMap::new();
        for o in &occurrences {
            let start = o.local_start;
            let days = match (o.start, o.end) {
                (When::Date(a), When::Date(b)) => (b - a).num_days().max(1),
                (When::Time(a), When::Time(b)) => {
                    let end = start + (b - a) - chrono::Duration::seconds(1);
                    (end.date() - start.date()).num_days().max(0) + 1
                }
                _ => continue,
            };
            let key = (o.uid.clone(), o.summary.clone(), days.min(366));
            match seen.get(&key).and_then(|&k| groups.get_mut(k)) {
                Some((_, dates)) => dates.push(start.date()),
                None => {
                    seen.insert(key.clone(), groups.len());
                    groups.push((key, vec![start.date()]));
                }
            }
        }
        let file = path.display().to_string();
        let mut specs = Vec::with_capacity(groups.len());
        for (k, ((uid, summary, days), dates)) in groups.iter().enumerate() {
            let slug: String = summary
                .to_ascii_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .split('-')
                .filter(|w| !w.is_empty())
                .take(6)
                .collect::<Vec<_>>()
                .join("-");
            let id = format!(
                "local-{}-{}",
                if slug.is_empty() { "event" } else { &slug },
                k + 1
            );
            let name: String = summary.chars().take(100).collect();
            let name = if name.trim().is_empty() {
                "(no title)".to_string()
            } else {
                name
            };
            let dates: Vec<String> = dates.iter().take(10_000).map(|d| d.to_string()).collect();
            specs.push(spec::ObservanceSpec {
                id: id.into(),
                name: name.into(),
                tradition: "local".into(),
                category: category.as_str().into(),
                impact: impact.as_str().into(),
                rule: spec::RuleSpec::Dates {
                    dates: dates.into_iter().map(Into::into).collect(),
                },
                begins: Some("midnight".into()),
                certainty: Some("fixed".into()),
                uncertainty_days: None,
                // At most 366 (the key above is capped).
                duration: Some(u16::try_from(*days).unwrap_or(366)),
                israel_duration: None,
                end: None,
                years: None,
                also_traditions: Vec::new(),
                regions: Vec::new(),
                exceptions: Vec::new(),
                announced: Vec::new(),
                holiday_group: None,
                substitute: None,
                also: None,
                hours: None,
                fast: None,
                ends: None,
                begins_early: None,
                eve: None,
                food: None,
                impact_elsewhere: None,
                summary: "A day of the organisation's own calendar (imported).".into(),
                advice: "Check with the organisers before booking anything on this day.".into(),
                source: format!("{file}, UID {}", uid.chars().take(80).collect::<String>()).into(),
            });
        }
        // What the catalogue is built from, for its content hash (the specs
        // serialise infallibly: strings, numbers and lists only).
        let content = serde_json::to_string(&specs).unwrap_or_default();
        let mut builder = self;
        builder.content = content_hash(builder.content, content.as_bytes());
        // Errors name the line each observance had when these were written
        // out as a TOML file of thirteen-line tables (the id on the second),
        // as earlier versions did.
        builder.add_specs(path, specs, &|k| Some(13 * k + 2))
    }

    fn add_file(self, path: &Path) -> Result<Self> {
        let text = crate::file::read_text(path, MAX_FILE_BYTES)?;
        self.add_str(path, &text)
    }

    /// Checks ids are unique and references resolve, and orders the
    /// observances for expansion.
    ///
    /// # Errors
    /// Duplicate ids, references to unknown observances, reference cycles.
    pub fn build(self) -> Result<Catalogue> {
        // One sort by id gives the lookup table, the duplicates (neighbours,
        // the first defined first: the sort is stable) and the id ranks.
        let obs = &self.observances;
        let id = |i: u32| obs.get(i as usize).map_or("", |o| o.id.as_str());
        let count = u32::try_from(obs.len()).map_err(|_| Error::invalid("too many observances"))?;
        let mut by_id: Vec<u32> = (0..count).collect();
        by_id.sort_by(|&a, &b| id(a).cmp(id(b)));
        let twice = by_id.windows(2).find_map(|pair| match *pair {
            [a, b] if id(a) == id(b) => obs.get(a as usize).zip(obs.get(b as usize)),
            _ => None,
        });
        if let Some((first, again)) = twice {
            return Err(Error::new(
                ErrorKind::DuplicateId,
                format!("duplicate id (first defined in {})", first.origin.display()),
            )
            .with_file(&again.origin)
            .with_observance(again.id.as_str()));
        }
        let order = expansion_order(obs, &by_id)?;
        let mut id_rank = vec![0u32; obs.len()];
        for (rank, &i) in (0u32..).zip(&by_id) {
            if let Some(r) = id_rank.get_mut(i as usize) {
                *r = rank;
            }
        }
        Ok(Catalogue {
            observances: self.observances,
            by_id,
            order,
            id_rank,
            content: self.content,
        })
    }
}

/// The position of the observance with this id, by binary search of the
/// positions sorted by id.
fn find(obs: &[Observance], by_id: &[u32], id: &str) -> Option<usize> {
    let id_of = |i: u32| obs.get(i as usize).map_or("", |o| o.id.as_str());
    let k = by_id.binary_search_by(|&i| id_of(i).cmp(id)).ok()?;
    by_id.get(k).map(|&i| i as usize)
}

/// A fast, non-cryptographic hash of what a catalogue was built from, so
/// that data derived from one catalogue ([`crate::Baked`]) is not applied to
/// another with the same ids (it runs on every start, over 200 kB).
fn content_hash(mut h: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().unwrap_or_default());
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    (h ^ bytes.len() as u64).wrapping_mul(K)
}

/// Orders observances so that each comes after those it refers to
/// (depth-first topological sort; a cycle is an error).
fn expansion_order(obs: &[Observance], by_id: &[u32]) -> Result<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let deps = |o: &Observance| -> Result<Vec<usize>> {
        [
            o.rule.dependency(),
            o.extent.dependency(),
            o.also.as_ref().and_then(|a| a.to.as_ref()),
        ]
        .into_iter()
        .flatten()
        .map(|to| {
            find(obs, by_id, to.as_str()).ok_or_else(|| {
                Error::unknown(format!("refers to unknown observance `{to}`"))
                    .with_file(&o.origin)
                    .with_observance(o.id.as_str())
            })
        })
        .collect()
    };
    let mut marks = vec![Mark::New; obs.len()];
    let mut order = Vec::with_capacity(obs.len());
    for root in 0..obs.len() {
        // Iterative DFS: (node, dependencies, next dependency to visit).
        let mut stack: Vec<(usize, Vec<usize>, usize)> = Vec::new();
        if marks.get(root) != Some(&Mark::New) {
            continue;
        }
        let root_obs = obs.get(root).ok_or_else(|| Error::invalid("bad index"))?;
        stack.push((root, deps(root_obs)?, 0));
        if let Some(m) = marks.get_mut(root) {
            *m = Mark::Active;
        }
        while let Some((node, node_deps, next)) = stack.last_mut() {
            if let Some(&dep) = node_deps.get(*next) {
                *next += 1;
                match marks.get(dep).copied() {
                    Some(Mark::New) => {
                        let dep_obs = obs.get(dep).ok_or_else(|| Error::invalid("bad index"))?;
                        let d = deps(dep_obs)?;
                        if let Some(m) = marks.get_mut(dep) {
                            *m = Mark::Active;
                        }
                        stack.push((dep, d, 0));
                    }
                    Some(Mark::Active) => {
                        let o = obs.get(*node).ok_or_else(|| Error::invalid("bad index"))?;
                        return Err(Error::invalid("rules refer to each other in a cycle")
                            .with_file(&o.origin)
                            .with_observance(o.id.as_str()));
                    }
                    _ => {}
                }
            } else {
                let node = *node;
                if let Some(m) = marks.get_mut(node) {
                    *m = Mark::Done;
                }
                order.push(node);
                stack.pop();
            }
        }
    }
    Ok(order)
}

impl Catalogue {
    /// A hash of the texts it was built from.
    pub(crate) fn content(&self) -> u64 {
        self.content
    }

    /// The catalogue compiled into the library.
    ///
    /// # Errors
    /// Only if the embedded data is invalid (a bug, caught by tests).
    pub fn embedded() -> Result<Catalogue> {
        CatalogueBuilder::new().embedded()?.build()
    }

    /// Every observance, in file order.
    pub fn observances(&self) -> &[Observance] {
        &self.observances
    }

    /// The observance with this id.
    pub fn get(&self, id: &str) -> Option<&Observance> {
        find(&self.observances, &self.by_id, id).and_then(|i| self.observances.get(i))
    }

    /// The position of the observance with this id in [`Catalogue::observances`].
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        find(&self.observances, &self.by_id, id)
    }

    /// The observance with this id, or an error naming the id.
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`] with a hint when no observance has this id.
    pub fn require(&self, id: &str) -> Result<&Observance> {
        self.get(id).ok_or_else(|| {
            let hint = self
                .observances
                .iter()
                .map(|o| o.id.as_str())
                .filter(|c| c.contains(id) || id.contains(*c))
                .take(3)
                .collect::<Vec<_>>();
            let mut msg = format!("unknown observance id `{id}`");
            if !hint.is_empty() {
                msg.push_str(&format!(" (did you mean: {}?)", hint.join(", ")));
            }
            Error::unknown(msg)
        })
    }

    /// Which observances a query that keeps those passing `keep` needs
    /// expanded: they, what their rules and extents refer to (transitively),
    /// and every member of a holiday group one of them is in (substitute
    /// days need the whole group). Indexed like [`Catalogue::observances`].
    pub(crate) fn closure(&self, keep: impl Fn(&Observance) -> bool) -> Vec<bool> {
        let obs = &self.observances;
        let mut need: Vec<bool> = obs.iter().map(&keep).collect();
        let mut stack: Vec<usize> = (0..obs.len())
            .filter(|&i| need.get(i) == Some(&true))
            .collect();
        let groups: Vec<&str> = obs
            .iter()
            .enumerate()
            .filter(|(i, _)| need.get(*i) == Some(&true))
            .filter_map(|(_, o)| o.holiday_group.as_deref())
            .collect();
        for (i, o) in obs.iter().enumerate() {
            if o.holiday_group
                .as_deref()
                .is_some_and(|g| groups.contains(&g))
            {
                if let Some(n) = need.get_mut(i) {
                    if !*n {
                        *n = true;
                        stack.push(i);
                    }
                }
            }
        }
        while let Some(i) = stack.pop() {
            let Some(o) = obs.get(i) else { continue };
            let deps = [
                o.rule.dependency(),
                o.extent.dependency(),
                o.israel_extent.as_ref().and_then(|e| e.dependency()),
                o.also.as_ref().and_then(|a| a.to.as_ref()),
            ];
            for to in deps.into_iter().flatten() {
                if let Some(j) = find(&self.observances, &self.by_id, to.as_str()) {
                    if let Some(n) = need.get_mut(j) {
                        if !*n {
                            *n = true;
                            stack.push(j);
                        }
                    }
                }
            }
        }
        need
    }

    /// What an index for `filter` needs expanded ([`Catalogue::closure`]
    /// of its scope); `None`, everything, when there is no filter or it
    /// scopes every observance (no closure to work out: a tenth of a
    /// one-day check).
    pub(crate) fn need(&self, filter: Option<&Filter>) -> Option<Vec<bool>> {
        filter
            .filter(|f| !f.scopes_all())
            .map(|f| self.closure(|o| f.in_scope(o)))
    }

    pub(crate) fn order(&self) -> &[usize] {
        &self.order
    }

    /// The position of observance `i`'s id in id order.
    pub(crate) fn id_rank(&self, i: usize) -> u32 {
        self.id_rank.get(i).copied().unwrap_or(u32::MAX)
    }
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 1-based line of byte offset `at` in `text`.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(at)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
