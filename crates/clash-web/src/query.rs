//! Query strings → the application layer's typed requests. Parameters are
//! the CLI's long option names without `--` (SPEC §11), repeated or
//! comma-separated where the CLI repeats; an unknown one is an error, as an
//! unknown flag is for the CLI.

use clash_app::clash_core::{HinduReckoning, IslamicMethod, JewishCustoms};
use clash_app::{Error, FromTo, Meeting, Options};

/// The parameters of one query, in order.
pub struct Query {
    pairs: Vec<(String, String)>,
    used: Vec<bool>,
}

impl Query {
    /// Parses `raw` (`a=1&b=2`); `None` reads as no parameters. Names are
    /// read in any case (SPEC §11); values keep theirs, as the CLI's do.
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
                .map(|(k, v)| (k.to_lowercase(), v.into_owned()))
                .collect();
        let used = vec![false; pairs.len()];
        Query { pairs, used }
    }

    /// Every value of `name`, each split at commas where `split`.
    fn all(&mut self, name: &str, split: bool) -> Vec<String> {
        let mut out = Vec::new();
        for (i, (k, v)) in self.pairs.iter().enumerate() {
            if k == name {
                if let Some(u) = self.used.get_mut(i) {
                    *u = true;
                }
                match split {
                    true => out.extend(v.split(',').map(str::to_string)),
                    false => out.push(v.clone()),
                }
            }
        }
        out
    }

    /// Every value of `name`, repeated or comma-separated (a form's
    /// checkboxes).
    pub fn many(&mut self, name: &str) -> Vec<String> {
        self.all(name, true)
    }

    /// Whether `name` is given at all (without using it).
    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == name)
    }

    /// The one value of `name`, if given; an error if given twice.
    pub fn one(&mut self, name: &str) -> Result<Option<String>, Error> {
        let mut all = self.all(name, false);
        match all.len() {
            0 | 1 => Ok(all.pop()),
            _ => Err(Error::usage(format!("give `{name}` once"))),
        }
    }

    /// A yes/no parameter: present (empty, `true`, `yes`, `1`) or absent.
    pub fn flag(&mut self, name: &str) -> Result<bool, Error> {
        match self.one(name)?.as_deref() {
            None | Some("false" | "no" | "0") => Ok(false),
            Some("" | "true" | "yes" | "1") => Ok(true),
            Some(v) => Err(Error::usage(format!(
                "invalid value `{v}` for `{name}` (expected true or false)"
            ))),
        }
    }

    /// A count parameter (1 to 100), `default` when absent.
    pub fn count(&mut self, default: u16) -> Result<u16, Error> {
        match self.one("count")? {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| Error::usage(format!("invalid count `{v}` (expected 1 to 100)"))),
        }
    }

    /// `from` and `to`, the range.
    pub fn range(&mut self) -> Result<FromTo, Error> {
        Ok(FromTo {
            from: self.one("from")?,
            to: self.one("to")?,
        })
    }

    /// `time`, `duration` and `with-food`.
    pub fn meeting(&mut self) -> Result<Meeting, Error> {
        Ok(Meeting {
            time: self.one("time")?,
            duration: self.one("duration")?,
            with_food: self.flag("with-food")?,
        })
    }

    /// The options every command takes; each one not given is the
    /// server's (`clash serve --location london …`): a list given replaces
    /// the server's list.
    pub fn options(&mut self, server: &Options) -> Result<Options, Error> {
        let list = |given: Vec<String>, default: &Vec<String>| match given.is_empty() {
            true => default.clone(),
            false => given,
        };
        Ok(Options {
            location: self.one("location")?.or_else(|| server.location.clone()),
            ids: list(self.all("id", false), &server.ids),
            traditions: list(self.all("tradition", true), &server.traditions),
            exclude_traditions: list(
                self.all("exclude-tradition", true),
                &server.exclude_traditions,
            ),
            min_impact: self
                .one("min-impact")?
                .or_else(|| server.min_impact.clone()),
            categories: list(self.all("category", true), &server.categories),
            regions: list(self.all("region", true), &server.regions),
            islamic_method: match self.one("islamic-method")?.as_deref() {
                None => server.islamic_method,
                Some("umm-al-qura") => IslamicMethod::UmmAlQura,
                Some("tabular") => IslamicMethod::Tabular,
                Some(v) => return Err(choice("islamic-method", v, "umm-al-qura, tabular")),
            },
            jewish_customs: match self.one("jewish-customs")?.as_deref() {
                None => server.jewish_customs,
                Some("diaspora") => JewishCustoms::Diaspora,
                Some("israel") => JewishCustoms::Israel,
                Some(v) => return Err(choice("jewish-customs", v, "diaspora, israel")),
            },
            hindu_reckoning: match self.one("hindu-reckoning")?.as_deref() {
                None => server.hindu_reckoning,
                Some("india") => HinduReckoning::India,
                Some("local") => HinduReckoning::Local,
                Some(v) => return Err(choice("hindu-reckoning", v, "india, local")),
            },
        })
    }

    /// An error for the first parameter no one asked for.
    pub fn finish(&self) -> Result<(), Error> {
        match self.pairs.iter().zip(&self.used).find(|(_, used)| !**used) {
            Some(((k, _), _)) => Err(Error::usage(format!("unknown parameter `{k}`")).hint(
                "parameters are the CLI's long options without --, such as tradition=muslim",
            )),
            None => Ok(()),
        }
    }
}

fn choice(name: &str, value: &str, allowed: &str) -> Error {
    Error::usage(format!(
        "invalid value `{value}` for `{name}` (possible values: {allowed})"
    ))
}
