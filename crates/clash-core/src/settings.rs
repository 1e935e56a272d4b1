//! Settings that change computed dates: where, and by which convention.

use crate::calendars::hijri;
use crate::location::Location;

/// Where and how dates are reckoned. The default is Leicester, Umm al-Qura
/// and diaspora customs.
///
/// ```
/// use clash_core::{IslamicMethod, JewishCustoms, Location, Settings};
/// let s = Settings::default()
///     .location(Location::preset("london").unwrap())
///     .islamic_method(IslamicMethod::Tabular)
///     .jewish_customs(JewishCustoms::Israel);
/// assert_eq!(s.location_ref().name(), Some("london"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    location: Location,
    islamic_method: hijri::Method,
    jewish_customs: JewishCustoms,
    hindu_reckoning: HinduReckoning,
}

/// Where Hindu festivals are reckoned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum HinduReckoning {
    /// For India (New Delhi): the date most UK communities follow.
    #[default]
    India,
    /// At the location.
    Local,
}

/// Which customs Jewish observances follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum JewishCustoms {
    /// Outside Israel: two days of Shavuot, eight of Passover, Simchat Torah
    /// on 23 Tishrei.
    #[default]
    Diaspora,
    /// In Israel: one day of Shavuot, seven of Passover, Simchat Torah with
    /// Shemini Atzeret on 22 Tishrei.
    Israel,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            location: Location::leicester(),
            islamic_method: hijri::Method::default(),
            jewish_customs: JewishCustoms::default(),
            hindu_reckoning: HinduReckoning::default(),
        }
    }
}

impl Settings {
    /// Sets the location (time zone of astronomical events, sunset starts).
    #[must_use]
    pub fn location(mut self, location: Location) -> Self {
        self.location = location;
        self
    }

    /// Sets how Hijri dates are computed.
    #[must_use]
    pub fn islamic_method(mut self, method: hijri::Method) -> Self {
        self.islamic_method = method;
        self
    }

    /// Sets which Jewish customs apply.
    #[must_use]
    pub fn jewish_customs(mut self, customs: JewishCustoms) -> Self {
        self.jewish_customs = customs;
        self
    }

    /// Sets where Hindu festivals are reckoned.
    #[must_use]
    pub fn hindu_reckoning(mut self, reckoning: HinduReckoning) -> Self {
        self.hindu_reckoning = reckoning;
        self
    }

    /// Where Hindu festivals are reckoned.
    pub fn hindu(&self) -> HinduReckoning {
        self.hindu_reckoning
    }

    /// The location.
    pub fn location_ref(&self) -> &Location {
        &self.location
    }

    /// The Hijri method.
    pub fn islamic(&self) -> hijri::Method {
        self.islamic_method
    }

    /// The Jewish customs.
    pub fn jewish(&self) -> JewishCustoms {
        self.jewish_customs
    }
}
