//! Raw arguments ([`crate::args`]) → the application layer's typed
//! request: a field-by-field move, no defaults or limits of its own (those
//! are `clash-app`'s).

use clash_app::{
    chrono::{DateTime, Utc},
    clash_core::{HinduReckoning, IslamicMethod, JewishCustoms},
    Calendar, Check, Command, Extra, Format, FromTo, Import, List, Meeting, Options, Request, Show,
    Suggest, Sun,
};

use crate::args::{self, Args, Common, HinduReckoningArg, IslamicMethodArg, JewishCustomsArg};

/// The catalogues to load beside the embedded one.
pub fn extra(c: &Common) -> Extra {
    Extra {
        paths: c.catalogues.clone(),
        ics_impact: c.ics_impact.clone(),
        ics_category: c.ics_category.clone(),
    }
}

/// The request the arguments make, asked at `now`; `None` for a command
/// the application layer does not answer (`completions`, `serve`).
pub fn request(args: &Args, now: DateTime<Utc>) -> Option<Request> {
    let command = command(&args.command)?;
    Some(Request {
        command,
        options: options(&args.common),
        format: format(args.common.format),
        now,
        // The command line's user may name their own files.
        may_read_files: true,
        max_range_days: None,
    })
}

fn format(f: args::Format) -> Format {
    match f {
        args::Format::Text => Format::Text,
        args::Format::Json => Format::Json,
        args::Format::Csv => Format::Csv,
        args::Format::Ics => Format::Ics,
    }
}

/// The options every command takes, as the command line gives them.
pub fn options(c: &Common) -> Options {
    Options {
        location: c.location.clone(),
        ids: c.ids.clone(),
        traditions: c.traditions.clone(),
        exclude_traditions: c.exclude_traditions.clone(),
        min_impact: c.min_impact.clone(),
        categories: c.categories.clone(),
        regions: c.regions.clone(),
        islamic_method: match c.islamic_method {
            IslamicMethodArg::UmmAlQura => IslamicMethod::UmmAlQura,
            IslamicMethodArg::Tabular => IslamicMethod::Tabular,
        },
        jewish_customs: match c.jewish_customs {
            JewishCustomsArg::Diaspora => JewishCustoms::Diaspora,
            JewishCustomsArg::Israel => JewishCustoms::Israel,
        },
        hindu_reckoning: match c.hindu_reckoning {
            HinduReckoningArg::India => HinduReckoning::India,
            HinduReckoningArg::Local => HinduReckoning::Local,
        },
    }
}

fn range(r: &args::RangeArgs) -> FromTo {
    FromTo {
        from: r.from.clone(),
        to: r.to.clone(),
    }
}

fn meeting(m: &args::MeetingArgs) -> Meeting {
    Meeting {
        time: m.time.clone(),
        duration: m.duration.clone(),
        with_food: m.with_food,
    }
}

fn command(c: &args::Command) -> Option<Command> {
    use args::Command as A;
    Some(match c {
        A::Check {
            when,
            range_args,
            meeting: m,
        } => Command::Check(Check {
            when: when.clone(),
            range: range(range_args),
            meeting: meeting(m),
        }),
        A::Suggest {
            range: window,
            range_args,
            weekdays,
            meeting: m,
            count,
            profile,
        } => Command::Suggest(Suggest {
            window: window.clone(),
            range: range(range_args),
            weekdays: weekdays.clone(),
            meeting: meeting(m),
            count: *count,
            profile: profile.clone(),
        }),
        A::List {
            range: r,
            range_args,
        } => Command::List(List {
            range_text: r.clone(),
            range: range(range_args),
        }),
        A::Export {
            range: r,
            range_args,
            ..
        } => Command::Export(List {
            range_text: r.clone(),
            range: range(range_args),
        }),
        A::Import {
            file,
            range_args,
            with_food,
        } => Command::Import(Import {
            calendar: match file.to_str() {
                Some("-") => Calendar::Stdin,
                Some(url) if clash_app::fetch::is_url(url) => Calendar::Url(url.to_string()),
                _ => Calendar::File(file.clone()),
            },
            range: range(range_args),
            with_food: *with_food,
        }),
        A::Observances => Command::Observances,
        A::Show {
            id,
            count,
            range_args,
        } => Command::Show(Show {
            id: id.clone(),
            count: *count,
            range: range(range_args),
        }),
        A::Sun {
            range: r,
            range_args,
        } => Command::Sun(Sun {
            range_text: r.clone(),
            range: range(range_args),
        }),
        A::Locations => Command::Locations,
        A::Completions { .. } | A::Serve { .. } | A::Publish { .. } => return None,
    })
}
