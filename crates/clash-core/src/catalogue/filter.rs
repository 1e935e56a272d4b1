//! Which occurrences a query or listing is about.

use super::Catalogue;
use crate::error::Result;
use crate::model::{Category, Impact, ObservanceId, RegionSet, Set, Tradition};
use crate::observance::Observance;

/// A filter on observances and their occurrences. The default keeps every
/// observance except weekly ones.
///
/// ```
/// use clash_core::{Filter, Impact, Tradition};
/// let f = Filter::default()
///     .traditions([Tradition::Christian])
///     .min_impact(Impact::High);
/// # let _ = f;
/// ```
#[derive(Debug, Clone, Default)]
pub struct Filter {
    ids: Vec<ObservanceId>,
    traditions: Option<Set<Tradition>>,
    exclude: Set<Tradition>,
    min_impact: Option<Impact>,
    categories: Option<Set<Category>>,
    regions: Option<RegionSet>,
}

impl Filter {
    /// Keeps only these observance ids (none given: all).
    #[must_use]
    pub fn ids(mut self, ids: impl IntoIterator<Item = ObservanceId>) -> Self {
        self.ids.extend(ids);
        self
    }

    /// Keeps only these traditions.
    #[must_use]
    pub fn traditions(mut self, t: impl IntoIterator<Item = Tradition>) -> Self {
        let set = self.traditions.get_or_insert_with(Set::<Tradition>::empty);
        for t in t {
            set.insert(t);
        }
        self
    }

    /// Leaves out these traditions.
    #[must_use]
    pub fn exclude_traditions(mut self, t: impl IntoIterator<Item = Tradition>) -> Self {
        for t in t {
            self.exclude.insert(t);
        }
        self
    }

    /// Keeps only observances of at least this impact.
    #[must_use]
    pub fn min_impact(mut self, impact: Impact) -> Self {
        self.min_impact = Some(impact);
        self
    }

    /// The minimum impact, split off: the filter without it, and it.
    /// Timed checks apply it to each clash's own impact, which an iftar
    /// raises and the hours outside a fast lower.
    pub(crate) fn split_min_impact(&self) -> (Filter, Option<Impact>) {
        let mut rest = self.clone();
        let min = rest.min_impact.take();
        (rest, min)
    }

    /// Keeps only occurrences in these categories. Without this, every
    /// category but `weekly` is kept.
    #[must_use]
    pub fn categories(mut self, c: impl IntoIterator<Item = Category>) -> Self {
        let set = self.categories.get_or_insert_with(Set::<Category>::empty);
        for c in c {
            set.insert(c);
        }
        self
    }

    /// The audience's regions: keeps observances that are not regional,
    /// regional ones (public holidays, a locality's own events) that apply
    /// in one of these regions, and, elsewhere, those that are also
    /// religious days (Christmas Day, Good Friday:
    /// [`Observance::impact_elsewhere`]), with that impact. Checks report
    /// the other nations' holidays as "also" (SPEC §6.1). A locality brings
    /// its nation (`leicester` is in `gb-eng`, whose bank holidays apply).
    ///
    /// ```
    /// use clash_core::{Catalogue, Filter, Region};
    /// let cat = Catalogue::embedded()?;
    /// let leicester = Filter::default().regions([Region::Leicester]);
    /// let carnival = cat.get("leicester-caribbean-carnival").ok_or("in the catalogue")?;
    /// assert!(leicester.matches_entry(carnival));
    /// assert!(!Filter::default().regions([Region::GbEng]).matches_entry(carnival));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn regions(mut self, r: impl IntoIterator<Item = crate::model::Region>) -> Self {
        let set = self.regions.get_or_insert_with(RegionSet::empty);
        for r in r {
            set.insert(r);
            set.insert(r.nation());
        }
        self
    }

    /// Replaces the audience's regions (see [`Filter::regions`]).
    #[must_use]
    pub fn nations(mut self, set: RegionSet) -> Self {
        self.regions = Some(set.with_nations());
        self
    }

    /// The regions named, if any.
    pub(crate) fn region_set(&self) -> Option<RegionSet> {
        self.regions
    }

    /// Checks that every id named exists in `catalogue`.
    ///
    /// # Errors
    /// [`crate::ErrorKind::Unknown`] for the first unknown id.
    pub fn validate(&self, catalogue: &Catalogue) -> Result<()> {
        for id in &self.ids {
            catalogue.require(id.as_str())?;
        }
        Ok(())
    }

    /// Whether the observance is in the filter's scope (ids, traditions),
    /// whatever its impact: what an index for this filter must expand
    /// (a timed check raises an observance's impact, so it cannot be left
    /// out by its own).
    pub(crate) fn in_scope(&self, o: &Observance) -> bool {
        (self.ids.is_empty() || self.ids.contains(&o.id)) && self.traditions_ok(o.traditions())
    }

    /// Whether every observance is in scope, whatever it is: no ids, no
    /// traditions asked for and none left out.
    pub(crate) fn scopes_all(&self) -> bool {
        self.ids.is_empty() && self.traditions.is_none() && self.exclude.is_empty()
    }

    /// Whether an observance kept by `traditions` (its own and those that
    /// also keep it) passes: one of them is asked for, and not all of them
    /// are left out (Ethiopian Christmas stays for Rastafari when Orthodox
    /// Christian days are left out).
    fn traditions_ok(&self, traditions: Set<Tradition>) -> bool {
        self.traditions.is_none_or(|t| t.intersects(traditions))
            && traditions.bits() & !self.exclude.bits() != 0
    }

    /// Whether the observance itself passes (ids, traditions, impact).
    pub fn matches_observance(&self, o: &Observance) -> bool {
        (self.ids.is_empty() || self.ids.contains(&o.id))
            && self.traditions_ok(o.traditions())
            && self.min_impact.is_none_or(|m| o.impact >= m)
    }

    /// Whether a catalogue entry passes the whole filter, judged by its own
    /// category and regions (for listing the catalogue).
    pub fn matches_entry(&self, o: &Observance) -> bool {
        let category_ok = match self.categories {
            Some(set) => set.contains(o.category),
            None => true,
        };
        let region_ok = match self.regions {
            Some(set) => {
                o.regions.is_empty() || o.regions.intersects(set) || o.impact_elsewhere.is_some()
            }
            None => true,
        };
        category_ok && region_ok && self.matches_observance(o)
    }

    /// Whether an occurrence with this packed key passes (see
    /// [`pack_key`]); `None` when the filter names ids, or traditions of
    /// an observance more than one tradition keeps, which the key cannot
    /// answer.
    pub(crate) fn matches_key(&self, key: u32) -> Option<bool> {
        let by_tradition = self.traditions.is_some() || !self.exclude.is_empty();
        if !self.ids.is_empty() || (by_tradition && key & ALSO_TRADITIONS != 0) {
            return None;
        }
        let tradition = key & 0x1f;
        let category = (key >> 5) & 0x7;
        let impact = (key >> 8) & 0x3;
        let regions = (key >> 10) & REGION_BITS;
        let tradition_ok = self
            .traditions
            .is_none_or(|t| t.bits() & (1 << tradition) != 0)
            && self.exclude.bits() & (1 << tradition) == 0;
        let impact_ok = self.min_impact.is_none_or(|m| impact >= m.index());
        // Outside its nations, a religious public holiday is a holy day.
        let elsewhere = regions != 0 && self.regions.is_some_and(|set| regions & set.bits() == 0);
        let category = match elsewhere {
            true => Category::HolyDay.index(),
            false => category,
        };
        let category_ok = match self.categories {
            Some(set) => set.bits() & (1 << category) != 0,
            None => category != Category::Weekly.index(),
        };
        let region_ok = match self.regions {
            Some(set) => regions == 0 || regions & set.bits() != 0 || key & KEPT_ELSEWHERE != 0,
            None => true,
        };
        Some(tradition_ok && impact_ok && category_ok && region_ok)
    }

    /// Whether an occurrence of `o` passes the whole filter, judged by the
    /// occurrence's own `category` and `regions` and whether it is a
    /// `substitute` day (the index asks this of each occurrence).
    pub(crate) fn matches_day(
        &self,
        o: &Observance,
        category: Category,
        regions: RegionSet,
        substitute: bool,
    ) -> bool {
        // Outside its nations, a religious public holiday is a holy day.
        let category = match self.is_elsewhere(regions) {
            true => Category::HolyDay,
            false => category,
        };
        let category_ok = match self.categories {
            Some(set) => set.contains(category),
            None => category != Category::Weekly,
        };
        let region_ok = match self.regions {
            Some(set) => {
                regions.is_empty() || regions.intersects(set) || kept_elsewhere(o, substitute)
            }
            None => true,
        };
        category_ok && region_ok && self.matches_observance(o)
    }

    /// Whether an occurrence that is a public holiday in `regions` is,
    /// for this filter, one outside the filter's nations (kept as a
    /// religious day: see [`Observance::impact_elsewhere`]).
    pub(crate) fn is_elsewhere(&self, regions: RegionSet) -> bool {
        self.regions
            .is_some_and(|set| !regions.is_empty() && !regions.intersects(set))
    }

    /// The same filter without its regions and minimum impact: what the
    /// public holidays of other nations are looked up with.
    pub(crate) fn without_regions(&self) -> Filter {
        let mut rest = self.clone();
        rest.regions = None;
        rest.min_impact = None;
        rest
    }

    /// The same filter for public holidays anywhere (no regions, no
    /// minimum impact), or `None` when its categories leave them out.
    pub(crate) fn public_holidays_anywhere(&self) -> Option<Filter> {
        if self
            .categories
            .is_some_and(|c| !c.contains(Category::PublicHoliday))
        {
            return None;
        }
        let mut f = self.without_regions();
        f.categories = Some([Category::PublicHoliday].into_iter().collect());
        Some(f)
    }

    /// Whether any observance of `catalogue` can pass this filter (SPEC
    /// §6.1: a filter that matches nothing is an error, not an all-clear).
    pub fn matches_any(&self, catalogue: &Catalogue) -> bool {
        catalogue
            .observances()
            .iter()
            .any(|o| self.matches_entry(o))
    }
}

/// Whether an occurrence of a public holiday stays (as a religious day)
/// outside its regions: it has an impact there and is not a `substitute`
/// day.
fn kept_elsewhere(o: &Observance, substitute: bool) -> bool {
    o.impact_elsewhere.is_some() && !substitute
}

/// The key's region bits (six: the four nations, Leicester, one spare).
const REGION_BITS: u32 = 0x3f;

/// The key bit for [`kept_elsewhere`].
const KEPT_ELSEWHERE: u32 = 1 << 16;

/// The key bit of an observance that more traditions keep than its own.
const ALSO_TRADITIONS: u32 = 1 << 17;

/// Packs what a filter looks at into 32 bits: tradition (5), the
/// occurrence's `category` (3), impact (2), the occurrence's `regions` (6),
/// whether it stays outside its regions (1: not for a `substitute` day),
/// whether other traditions keep it too (1) and the observance's
/// `position` (14, for debugging: no filter reads it).
pub(crate) fn pack_key(
    o: &Observance,
    category: Category,
    regions: RegionSet,
    substitute: bool,
    position: usize,
) -> u32 {
    o.tradition.index()
        | category.index() << 5
        | o.impact.index() << 8
        | (regions.bits() & REGION_BITS) << 10
        | if kept_elsewhere(o, substitute) {
            KEPT_ELSEWHERE
        } else {
            0
        }
        | if o.also_traditions.is_empty() {
            0
        } else {
            ALSO_TRADITIONS
        }
        | (u32::try_from(position).unwrap_or(0x3fff) & 0x3fff) << 18
}

// The key has room for every region, tradition and category.
const _: () = assert!(
    crate::model::Region::ALL.len() <= 6 && Tradition::ALL.len() <= 32 && Category::ALL.len() <= 8
);
