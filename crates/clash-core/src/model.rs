//! The vocabulary of the observance model (SPEC §3): ids, traditions,
//! categories, impact, certainty, day starts and regions.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// Defines a closed, string-named enum with `as_str`, `ALL`, `Display` and a
/// `FromStr` whose error lists the allowed values.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The kebab-case name used in catalogues, on the command line and in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }

            /// The position of this value in [`Self::ALL`] (for bit sets).
            #[allow(dead_code)]
            pub(crate) fn index(self) -> u32 {
                self as u32
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self, Error> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| {
                        let allowed: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        Error::new(
                            ErrorKind::Unknown,
                            format!("unknown {} `{s}` (allowed: {})", $what, allowed.join(", ")),
                        )
                    })
            }
        }
    };
}

named_enum! {
    /// The religious, cultural or civic tradition an observance belongs to.
    Tradition, "tradition" {
        /// Western Christian.
        Christian => "christian",
        /// Orthodox Christian (Julian computus and calendar).
        OrthodoxChristian => "orthodox-christian",
        /// Jewish.
        Jewish => "jewish",
        /// Muslim.
        Muslim => "muslim",
        /// Hindu.
        Hindu => "hindu",
        /// Sikh.
        Sikh => "sikh",
        /// Jain.
        Jain => "jain",
        /// Buddhist.
        Buddhist => "buddhist",
        /// Bahá'í.
        Bahai => "bahai",
        /// Chinese (traditional festivals).
        Chinese => "chinese",
        /// Zoroastrian and Persian.
        Zoroastrian => "zoroastrian",
        /// Pagan (Wheel of the Year).
        Pagan => "pagan",
        /// Rastafari.
        Rastafari => "rastafari",
        /// National (UK) days and public holidays that belong to no faith.
        National => "national",
        /// International days (United Nations and similar).
        International => "international",
        /// Awareness days, weeks and months.
        Awareness => "awareness",
        /// Astronomical events (equinoxes, solstices) and clock changes.
        Astronomical => "astronomical",
        /// An organisation's or city's own days: a city's events that
        /// belong to no one faith (Leicester's carnival, Pride, school
        /// holidays) and imported calendars (school terms, local festivals).
        Local => "local",
    }
}

named_enum! {
    /// What kind of day an observance is.
    Category, "category" {
        /// A bank or public holiday.
        PublicHoliday => "public-holiday",
        /// A festival or celebration.
        Festival => "festival",
        /// A religious holy day.
        HolyDay => "holy-day",
        /// A fast.
        Fast => "fast",
        /// A day of remembrance.
        Commemoration => "commemoration",
        /// An awareness day, week or month.
        Awareness => "awareness",
        /// A weekly observance (Shabbat, Jumu'ah, Sunday worship).
        Weekly => "weekly",
    }
}

named_enum! {
    /// How much an observance matters to an organiser (ordered: low < medium < high).
    Impact, "impact" {
        /// Awareness only.
        Low => "low",
        /// Be mindful: fasting, evening worship, partial work restrictions.
        Medium => "medium",
        /// Many people unavailable or religiously unable to work: avoid.
        High => "high",
    }
}

named_enum! {
    /// How sure a computed date is.
    Certainty, "certainty" {
        /// A fixed civil date or an announced date.
        Fixed => "fixed",
        /// Exact arithmetic or astronomy.
        Computed => "computed",
        /// Depends on moon sighting or an annual announcement.
        Estimated => "estimated",
    }
}

named_enum! {
    /// When an observance's day begins.
    DayStart, "day start" {
        /// At local midnight.
        Midnight => "midnight",
        /// At sunset on the evening before (Jewish, Islamic, Bahá'í days).
        SunsetBefore => "sunset-before",
    }
}

named_enum! {
    /// A region in which a public holiday applies (ISO 3166-2 style).
    Region, "region" {
        /// England.
        GbEng => "gb-eng",
        /// Wales.
        GbWls => "gb-wls",
        /// Scotland.
        GbSct => "gb-sct",
        /// Northern Ireland.
        GbNir => "gb-nir",
        /// Leicester: a locality of England (the city and the suburbs
        /// built up with it), for the city's own events; a location there
        /// is in it (see [`crate::Location::regions`]).
        Leicester => "leicester",
    }
}

impl Region {
    /// The four nations, whose public holidays the catalogue knows.
    pub const NATIONS: &'static [Region] =
        &[Region::GbEng, Region::GbWls, Region::GbSct, Region::GbNir];

    /// The region's name in English ("Northern Ireland", "Leicester").
    pub fn english_name(self) -> &'static str {
        match self {
            Region::GbEng => "England",
            Region::GbWls => "Wales",
            Region::GbSct => "Scotland",
            Region::GbNir => "Northern Ireland",
            Region::Leicester => "Leicester",
        }
    }

    /// The nation it is in: itself for a nation, England for Leicester.
    /// Naming a locality names its nation too (its bank holidays apply).
    ///
    /// ```
    /// use clash_core::Region;
    /// assert_eq!(Region::Leicester.nation(), Region::GbEng);
    /// assert_eq!(Region::GbSct.nation(), Region::GbSct);
    /// ```
    pub fn nation(self) -> Region {
        match self {
            Region::Leicester => Region::GbEng,
            nation => nation,
        }
    }

    /// Whether it is one of the four nations (not a locality).
    pub fn is_nation(self) -> bool {
        self.nation() == self
    }
}

/// A small set of values of one of the enums above, as a bit set.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Set<T> {
    bits: u32,
    marker: std::marker::PhantomData<T>,
}

/// A set of [`Region`]s.
pub type RegionSet = Set<Region>;

impl Set<Region> {
    /// The four nations (no locality): "everywhere in the UK".
    pub fn nations() -> Self {
        Region::NATIONS.iter().copied().collect()
    }

    /// The set with the nation of each locality in it added.
    #[must_use]
    pub fn with_nations(self) -> Self {
        let mut out = self;
        out.extend(self.iter().map(Region::nation));
        out
    }

    /// The nations' English names in declaration order, joined by commas
    /// ("England, Wales"); empty for no region. The one wording of a set
    /// of regions, for the feed and the text output.
    pub fn english_names(self) -> String {
        let names: Vec<&str> = self.iter().map(Region::english_name).collect();
        names.join(", ")
    }
}

macro_rules! impl_set {
    ($t:ty) => {
        impl Set<$t> {
            /// The empty set.
            pub const fn empty() -> Self {
                Set {
                    bits: 0,
                    marker: std::marker::PhantomData,
                }
            }

            /// Every value.
            pub fn all() -> Self {
                <$t>::ALL.iter().copied().collect()
            }

            /// Adds `value`.
            pub fn insert(&mut self, value: $t) {
                self.bits |= 1 << value.index();
            }

            /// Adds every value of `values`.
            pub fn extend(&mut self, values: impl IntoIterator<Item = $t>) {
                for v in values {
                    self.insert(v);
                }
            }

            /// Whether `value` is in the set.
            pub fn contains(self, value: $t) -> bool {
                self.bits & (1 << value.index()) != 0
            }

            /// The set as bits, one per value's position.
            pub(crate) fn bits(self) -> u32 {
                self.bits
            }

            /// The set with these bits (unknown positions are dropped).
            #[allow(dead_code)] // Baked data stores region sets only.
            pub(crate) fn from_bits(bits: u32) -> Self {
                let known = <$t>::ALL.iter().fold(0, |b, v| b | 1 << v.index());
                Set {
                    bits: bits & known,
                    marker: std::marker::PhantomData,
                }
            }

            /// Whether the set is empty.
            pub fn is_empty(self) -> bool {
                self.bits == 0
            }

            /// Whether the two sets share a value.
            pub fn intersects(self, other: Self) -> bool {
                self.bits & other.bits != 0
            }

            /// The values in declaration order.
            pub fn iter(self) -> impl Iterator<Item = $t> {
                <$t>::ALL.iter().copied().filter(move |v| self.contains(*v))
            }
        }

        impl Default for Set<$t> {
            fn default() -> Self {
                Self::empty()
            }
        }

        impl FromIterator<$t> for Set<$t> {
            fn from_iter<I: IntoIterator<Item = $t>>(iter: I) -> Self {
                let mut set = Self::empty();
                for v in iter {
                    set.insert(v);
                }
                set
            }
        }

        impl fmt::Debug for Set<$t> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_set().entries(self.iter()).finish()
            }
        }
    };
}

impl_set!(Tradition);
impl_set!(Category);
impl_set!(Region);

/// The stable kebab-case id of an observance, e.g. `eid-al-fitr`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObservanceId(Box<str>);

impl ObservanceId {
    /// Validates `s` as an id: lowercase ASCII letters and digits in words
    /// joined by single hyphens, at most 80 bytes.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`] if `s` is not kebab-case.
    ///
    /// ```
    /// use clash_core::ObservanceId;
    /// assert!(ObservanceId::new("eid-al-fitr").is_ok());
    /// assert!(ObservanceId::new("Eid al-Fitr").is_err());
    /// ```
    pub fn new(s: &str) -> Result<Self, Error> {
        // One pass: a hyphen only after a letter or digit, and not last
        // (`prev` starts as a hyphen, so an empty id fails too).
        let mut prev = b'-';
        let ok = s.len() <= 80
            && s.bytes().all(|b| {
                let fits =
                    b.is_ascii_lowercase() || b.is_ascii_digit() || (b == b'-' && prev != b'-');
                prev = b;
                fits
            })
            && prev != b'-';
        if ok {
            Ok(ObservanceId(s.into()))
        } else {
            Err(Error::invalid(format!(
                "`{s}` is not a valid id (lowercase letters and digits joined by single hyphens)"
            )))
        }
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ObservanceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How an occurrence touches the queried days (SPEC §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ClashKind {
    /// One of its days (certain or possible) is a queried day.
    Day,
    /// It begins at sunset on the last queried day: evening and late
    /// afternoon events then are affected.
    Eve,
    /// A public holiday of another nation than the audience's, shown only
    /// so that nobody wonders ("a public holiday in Scotland only").
    Elsewhere,
}

impl ClashKind {
    /// `day`, `eve` or `elsewhere`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClashKind::Day => "day",
            ClashKind::Eve => "eve",
            ClashKind::Elsewhere => "elsewhere",
        }
    }
}

impl std::fmt::Display for ClashKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a check found (SPEC §6.1): the clashes, of at least the threshold
/// impact (medium unless the filter asks for another), and the rest, "also
/// on this day" (awareness days, other nations' holidays), which never make
/// a day clash.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Verdict<T> {
    /// What counts.
    pub clashes: Vec<T>,
    /// What is worth knowing but does not count.
    pub also: Vec<T>,
}

impl<T> Verdict<T> {
    /// Whether anything counts (exit status 1 of `clash check`).
    pub fn has_clash(&self) -> bool {
        !self.clashes.is_empty()
    }
}

impl<T> Default for Verdict<T> {
    fn default() -> Self {
        Verdict {
            clashes: Vec::new(),
            also: Vec::new(),
        }
    }
}

/// The impact below which a check reports "also" rather than a clash,
/// unless the filter names a minimum impact.
pub const DEFAULT_THRESHOLD: Impact = Impact::Medium;

/// The Gregorian years the library computes dates for.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1583..=2999;

/// A weekday by its English name or any abbreviation of at least three
/// letters, in any case: `mon`, `Tues`, `wednesday`. The one parser of
/// weekdays, for catalogue rules and for `suggest --weekdays`.
pub(crate) fn parse_weekday(s: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday;
    let s = s.trim().to_ascii_lowercase();
    if s.len() < 3 {
        return None;
    }
    [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ]
    .iter()
    .find(|(name, _)| name.starts_with(&s))
    .map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_order() {
        assert_eq!(
            "orthodox-christian".parse::<Tradition>().ok(),
            Some(Tradition::OrthodoxChristian)
        );
        let err = "hindoo".parse::<Tradition>().unwrap_err();
        assert!(err.to_string().contains("allowed: christian"), "{err}");
        assert!(Impact::High > Impact::Medium && Impact::Medium > Impact::Low);
        let set: RegionSet = [Region::GbSct, Region::GbEng].into_iter().collect();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            vec![Region::GbEng, Region::GbSct]
        );
        assert!(!set.contains(Region::GbNir));
        for bad in ["", "a--b", "-a", "a-", "A", "a_b", "é"] {
            assert!(ObservanceId::new(bad).is_err(), "{bad}");
        }
    }
}
