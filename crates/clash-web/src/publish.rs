//! `clash publish DIR` (SPEC §13): the static site that any web server or
//! CDN serves, so that tens of thousands of subscribers need no cluster of
//! ours. It holds `feeds/NAME.ics` with `.gz` and `.br` siblings for every
//! named feed (the bytes `clash serve` answers at `/feeds/NAME.ics` for the
//! same window), `index.html` (the subscribe page, in the pages' look),
//! its stylesheet, and `api/v1/observances.json`. The same inputs give the
//! same bytes; the site is written beside `DIR` and swapped in whole, so a
//! web server never serves half of one.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use clash_app::chrono::{DateTime, Utc};
use clash_app::{Command, Engine, Error, Format, FromTo, Request, Style};
use maud::html;

use crate::pages::subscribe::{explainer, Links};
use crate::pages::{layout, stylesheet_file, Site as Where};
use crate::Config;

/// A whole site in memory: each file's path (with `/`) and bytes, in
/// path order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    /// Each file's path and bytes, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))
    }

    /// How many bytes the files hold.
    pub fn bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}

/// One feed as the index lists it.
struct Listed {
    name: String,
    title: String,
    events: usize,
}

/// The site for `engine` with `config` (its settings and `--base-url`),
/// its feeds over `range` (else the window `clash serve` rolls: 1 January
/// of last year to 31 December of next year), made at `now`.
pub fn site(
    engine: &Engine,
    config: &Config,
    range: FromTo,
    now: DateTime<Utc>,
) -> Result<Site, Error> {
    let today = now.date_naive();
    let window = crate::feed_window(range, today);
    let mut files = BTreeMap::new();
    let mut listed = Vec::new();
    for named in clash_app::named_feeds(engine.catalogue()) {
        let request = crate::named_request(&named, &config.defaults, window.clone(), now);
        let title = clash_app::feed_name(&request.options);
        let (ics, events) = rendered(engine, &request)?;
        let path = format!("feeds/{}.ics", named.name);
        files.insert(format!("{path}.gz"), gzip(&ics)?);
        files.insert(format!("{path}.br"), brotli(&ics)?);
        files.insert(path, ics);
        listed.push(Listed {
            name: named.name,
            title,
            events,
        });
    }
    let observances = Request::new(Command::Observances, now)
        .options(config.defaults.clone())
        .format(Format::Json);
    files.insert(
        "api/v1/observances.json".to_string(),
        rendered(engine, &observances)?.0,
    );
    let (css_path, css) = stylesheet_file();
    files.insert(css_path.to_string(), css.as_bytes().to_vec());
    let index = index_page(&listed, config, window);
    files.insert("index.html".to_string(), index.into_bytes());
    Ok(Site { files })
}

/// `request`'s answer, rendered as the service renders it, and how many
/// events it holds when it is a feed (from its report, not counted again
/// in the bytes).
fn rendered(engine: &Engine, request: &Request) -> Result<(Vec<u8>, usize), Error> {
    engine
        .run(request, |report| {
            let events = match report {
                clash_app::Report::Export(r) | clash_app::Report::List(r) => {
                    r.occurrences.list.len()
                }
                _ => 0,
            };
            let mut out = Vec::with_capacity(1 << 16);
            clash_app::render_into(report, request.format, Style::default(), &mut out)
                .map(|()| (out, events))
        })
        .and_then(|r| r)
}

/// gzip at the best level, with no name and no time in its header, so
/// that the same feed gives the same bytes.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let mut z = flate2::GzBuilder::new().mtime(0).write(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::best(),
    );
    z.write_all(bytes)
        .and_then(|()| z.finish())
        .map_err(|e| Error::usage(format!("cannot compress a feed: {e}")))
}

/// Brotli at the best quality.
fn brotli(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(bytes.len() / 5);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 1 << 16, 11, 22);
        w.write_all(bytes)
            .map_err(|e| Error::usage(format!("cannot compress a feed: {e}")))?;
    }
    Ok(out)
}

/// The static subscribe page: what subscribing is, then each feed with the
/// links of SPEC §12 (with `--base-url`; without it, only downloads, since
/// a calendar needs the feed's full address).
fn index_page(listed: &[Listed], config: &Config, window: FromTo) -> String {
    let base = config.base_url.as_ref();
    let span = format!(
        "{} to {}",
        window.from.unwrap_or_default(),
        window.to.unwrap_or_default()
    );
    let main = html! {
        h1 { "Subscribe to the calendar" }
        p class="lead" {
            "Religious, cultural, national and international observances as calendars "
            "for Outlook, Google, Apple or Thunderbird, from " (span) "."
        }
        (explainer())
        @if base.is_none() {
            p { "The subscribe links appear when the site is published with its address (" code { "--base-url" } ")." }
        }
        div class="table-wrap" {
            table {
                caption { (listed.len()) " feeds" }
                thead {
                    tr {
                        th scope="col" { "Feed" }
                        th scope="col" { "Events" }
                        th scope="col" { "Subscribe or download" }
                    }
                }
                tbody {
                    @for f in listed {
                        @let file = format!("feeds/{}.ics", f.name);
                        tr {
                            td { (f.title) br; code { (file) } }
                            td { (f.events) }
                            td {
                                ul class="actions" {
                                    @if let Some(base) = base {
                                        @let links = Links::of(&base.join(&format!("/{file}")), &f.title);
                                        li { a href=(links.webcal) { "Apple Calendar or Outlook on a computer" span class="visually-hidden" { ": " (f.title) } } }
                                        li { a href=(links.google) { "Google Calendar" span class="visually-hidden" { ": " (f.title) } } }
                                        li { a href=(links.outlook) { "Outlook.com" span class="visually-hidden" { ": " (f.title) } } }
                                    }
                                    li { a href=(file) download { "Download (does not update)" span class="visually-hidden" { ": " (f.title) } } }
                                }
                            }
                        }
                    }
                }
            }
        }
        p { "The catalogue as JSON: " a href="api/v1/observances.json" { "api/v1/observances.json" } "." }
    };
    layout("Subscribe to the calendar", Where::Published, main).into_string()
}

/// Writes `site` to `dir`, whole: first to a folder beside it, then
/// swapped in (atomically where the system can exchange two folders,
/// else by two renames), so that a web server serves the old site or the
/// new one, never half of either. An interrupted run leaves `dir` as it
/// was.
pub fn write(dir: &Path, site: &Site) -> std::io::Result<()> {
    let name = dir
        .file_name()
        .ok_or_else(|| std::io::Error::other(format!("{} names no folder", dir.display())))?
        .to_string_lossy()
        .into_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // What an interrupted run left beside the site goes first.
    let stale = format!(".{name}.publishing-");
    for entry in std::fs::read_dir(&parent)?.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&stale) {
            std::fs::remove_dir_all(entry.path())?;
        }
    }
    let staging = parent.join(format!("{stale}{}", std::process::id()));
    std::fs::create_dir_all(&staging)?;
    for (path, bytes) in site.files() {
        let to = staging.join(path);
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let mut f = std::fs::File::create(&to)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    if !dir.exists() {
        return std::fs::rename(&staging, dir);
    }
    if exchange(&staging, dir).is_err() {
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        std::fs::rename(dir, &old)?;
        std::fs::rename(&staging, dir)?;
        return std::fs::remove_dir_all(&old);
    }
    // The staging folder now holds the old site.
    std::fs::remove_dir_all(&staging)
}

/// Swaps two folders in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Elsewhere there is no exchange: the caller renames twice.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
}
