//! Raw command-line arguments (clap). Validation happens in [`crate::config`].

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Check meeting dates against religious, cultural, national and
/// international observances.
#[derive(Debug, Parser)]
#[command(name = "clash", version, about, max_term_width = 100)]
#[command(
    after_help = "Dates are YYYY-MM-DD, today or tomorrow; a month (YYYY-MM) or a year\n(YYYY) stands for all its days. Ranges are FROM..TO (inclusive), each end a\ndate, a month or a year: 2027-10..2027-12 is 1 October to 31 December.\nExit status: check gives 0 for no clash, 1 for a clash; every command gives 2 on error."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub common: Common,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// A preset in any case (see `clash locations`) or LAT,LON,TZ such as 52.6,-1.1,Europe/London [default: leicester]
    #[arg(long, global = true, value_name = "PLACE", allow_hyphen_values = true)]
    pub location: Option<String>,
    /// Only this observance (repeatable)
    #[arg(long = "id", global = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// Only these traditions (repeatable or comma-separated)
    #[arg(
        long = "tradition",
        global = true,
        value_delimiter = ',',
        value_name = "T"
    )]
    pub traditions: Vec<String>,
    /// Leave out these traditions (repeatable or comma-separated)
    #[arg(
        long = "exclude-tradition",
        global = true,
        value_delimiter = ',',
        value_name = "T"
    )]
    pub exclude_traditions: Vec<String>,
    /// Only observances of at least this impact: low, medium, high
    #[arg(long, global = true, value_name = "IMPACT")]
    pub min_impact: Option<String>,
    /// Only these categories (repeatable or comma-separated); `weekly` only when named
    #[arg(
        long = "category",
        global = true,
        value_delimiter = ',',
        value_name = "C"
    )]
    pub categories: Vec<String>,
    /// Only public holidays and local events of these regions: gb-eng, gb-wls, gb-sct, gb-nir, leicester (a locality of England; implied at Leicester)
    #[arg(
        long = "region",
        global = true,
        value_delimiter = ',',
        value_name = "R"
    )]
    pub regions: Vec<String>,
    /// Extra catalogue: a TOML file or folder, or an .ics calendar of your own days (repeatable)
    #[arg(long = "catalogue", global = true, value_name = "PATH")]
    pub catalogues: Vec<PathBuf>,
    /// Impact of the days of an .ics --catalogue: low, medium, high
    #[arg(long, global = true, default_value = "medium", value_name = "IMPACT")]
    pub ics_impact: String,
    /// Category of the days of an .ics --catalogue (e.g. festival, commemoration)
    #[arg(long, global = true, default_value = "festival", value_name = "C")]
    pub ics_category: String,
    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// How Hijri dates are computed
    #[arg(long, global = true, value_enum, default_value_t = IslamicMethodArg::UmmAlQura)]
    pub islamic_method: IslamicMethodArg,
    /// Jewish customs: diaspora (two-day festivals) or israel
    #[arg(long, global = true, value_enum, default_value_t = JewishCustomsArg::Diaspora)]
    pub jewish_customs: JewishCustomsArg,
    /// Where Hindu festivals are reckoned: india (New Delhi) or local (the location)
    #[arg(long, global = true, value_enum, default_value_t = HinduReckoningArg::India)]
    pub hindu_reckoning: HinduReckoningArg,
}

/// `--hindu-reckoning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HinduReckoningArg {
    /// For India (New Delhi), as most UK communities follow
    India,
    /// At the location
    Local,
}

/// `--islamic-method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IslamicMethodArg {
    /// Umm al-Qura tables (Saudi Arabia), 1924–2077; tabular outside, marked
    UmmAlQura,
    /// The arithmetic (tabular) Islamic calendar
    Tabular,
}

/// `--jewish-customs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JewishCustomsArg {
    /// Outside Israel
    Diaspora,
    /// In Israel
    Israel,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
    /// iCalendar (`list` and `export` only)
    Ics,
}

/// A range given as `--from`/`--to` options.
#[derive(Debug, clap::Args)]
pub struct RangeArgs {
    /// First day: YYYY-MM-DD, today, tomorrow, or a month or year for its first day
    #[arg(long, value_name = "DATE|MONTH|YEAR")]
    pub from: Option<String>,
    /// Last day: YYYY-MM-DD, today, tomorrow, or a month or year for its last day
    #[arg(long, value_name = "DATE|MONTH|YEAR")]
    pub to: Option<String>,
}

/// A meeting's time of day, as options.
#[derive(Debug, clap::Args)]
pub struct MeetingArgs {
    /// A meeting at this local time (HH:MM) on each day, rather than whole days
    #[arg(long, value_name = "HH:MM")]
    pub time: Option<String>,
    /// How long the meeting lasts: 90m, 2h, 1h30m [default: 1h]
    #[arg(long, value_name = "D")]
    pub duration: Option<String>,
    /// The meeting serves food or drink (matters in fasting hours)
    #[arg(long)]
    pub with_food: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Does a date or range clash with any observance? (exit 1 if so)
    Check {
        /// DATE (YYYY-MM-DD, today, tomorrow), a MONTH (YYYY-MM), a YEAR, FROM..TO, or a local date-time YYYY-MM-DDTHH:MM (or use --from/--to)
        when: Option<String>,
        #[command(flatten)]
        range_args: RangeArgs,
        #[command(flatten)]
        meeting: MeetingArgs,
    },
    /// The best dates (or date-times) in a window for an audience
    Suggest {
        /// FROM..TO, a MONTH (YYYY-MM) or a YEAR (instead of --from/--to) [default: the next 4 weeks]
        range: Option<String>,
        #[command(flatten)]
        range_args: RangeArgs,
        /// Allowed weekdays: mon-fri, mon,wed,fri, sat-sun or all
        #[arg(long, default_value = "mon-fri", value_name = "DAYS")]
        weekdays: String,
        #[command(flatten)]
        meeting: MeetingArgs,
        /// How many suggestions
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=100))]
        count: u16,
        /// Audience profile: leicester, england-wales, or a TOML file
        #[arg(long, default_value = "leicester", value_name = "NAME|FILE")]
        profile: String,
    },
    /// List the occurrences of observances in a range [default: the next 12 months]
    List {
        /// DATE, a MONTH (YYYY-MM), a YEAR or FROM..TO (instead of --from/--to)
        range: Option<String>,
        #[command(flatten)]
        range_args: RangeArgs,
    },
    /// An iCalendar feed (RFC 5545) of the occurrences in a range [default: this year and the next two]
    Export {
        /// DATE, a MONTH (YYYY-MM), a YEAR or FROM..TO (instead of --from/--to)
        range: Option<String>,
        #[command(flatten)]
        range_args: RangeArgs,
        /// Write the feed to this file instead of standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check every event of an iCalendar file (exit 1 if any clashes) [default: from today to its last event, at most 10 years]
    Import {
        /// The .ics file (an Outlook, Google, Apple, Thunderbird or Nextcloud export), an http:// or https:// address (a published calendar's link), or - for standard input
        file: PathBuf,
        #[command(flatten)]
        range_args: RangeArgs,
        /// The meetings serve food or drink (matters in fasting hours)
        #[arg(long)]
        with_food: bool,
    },
    /// The observances in the catalogue, with their rules
    Observances,
    /// One observance: its rule, source and next dates
    Show {
        /// The observance id
        id: String,
        /// How many dates to show
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=100))]
        count: u16,
        #[command(flatten)]
        range_args: RangeArgs,
    },
    /// Sunrise and sunset at the location
    Sun {
        /// DATE, a MONTH (YYYY-MM), a YEAR or FROM..TO [default: today]
        range: Option<String>,
        #[command(flatten)]
        range_args: RangeArgs,
    },
    /// The preset locations
    Locations,
    /// Serve the JSON API and the subscription feed over HTTP (SPEC §11)
    Serve {
        /// Address and port to listen on (port 0: any free port, printed at start)
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
        listen: String,
        /// The address users reach the service at, when it is not where it
        /// listens (behind a proxy): links it gives out start with it
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Write the static site of feeds and the subscribe page to DIR, whole (SPEC §13)
    Publish {
        /// The folder the web server serves (replaced whole, never half-written)
        dir: PathBuf,
        #[command(flatten)]
        range_args: RangeArgs,
        /// The address the site is reached at, for the subscribe links
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}
