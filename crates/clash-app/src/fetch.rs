//! Fetching a calendar from an `http://` or `https://` address (an
//! Outlook "publish calendar" link, a Google "secret address"), for
//! front ends whose user names it: bounded in time, size and redirects,
//! and refusing what is not an iCalendar file, each failure one line.
//!
//! Only a request that may name files on this machine may name an address
//! ([`crate::Request::may_read_files`]): the web service never fetches on
//! a visitor's behalf.

use std::time::Duration;

use crate::error::{Error, ErrorKind, Result};

/// How long a whole fetch may take, redirects included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(30);
/// The most redirects followed.
pub const MAX_REDIRECTS: u32 = 5;

/// The bounds of a fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    /// How long the whole fetch may take.
    pub timeout: Duration,
    /// The largest body read, in bytes.
    pub max_bytes: usize,
    /// The most redirects followed.
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            timeout: FETCH_TIMEOUT,
            max_bytes: clash_core::ical::MAX_ICS_BYTES,
            max_redirects: MAX_REDIRECTS,
        }
    }
}

/// Whether `s` names an address to fetch rather than a file.
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The body of `url` (an `http://` or `https://` address), within
/// `limits`, when it is an iCalendar file.
///
/// # Errors
/// [`ErrorKind::Usage`] for another scheme, a failed connection, a
/// timeout, too many redirects, an HTTP error status, or a body that is
/// not an iCalendar file (an HTML sign-in page); [`ErrorKind::TooLarge`]
/// for a body over `limits.max_bytes`.
pub fn fetch(url: &str, limits: &FetchLimits) -> Result<Vec<u8>> {
    if !is_url(url) {
        return Err(Error::usage(format!(
            "cannot fetch `{url}`: only http:// and https:// addresses are read"
        )));
    }
    let fail = |why: String| Error::usage(format!("cannot fetch {url}: {why}"));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| {
        fail(match e {
            ureq::Error::Timeout(_) => {
                format!("no answer within {} s", limits.timeout.as_secs_f32())
            }
            ureq::Error::TooManyRedirects => {
                format!("more than {} redirects", limits.max_redirects)
            }
            other => other.to_string(),
        })
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!("the server answered {status}")));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes as u64)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => Error::new(
                ErrorKind::TooLarge,
                format!(
                    "cannot fetch {url}: the calendar is over {} bytes",
                    limits.max_bytes
                ),
            ),
            ureq::Error::Timeout(_) => fail(format!(
                "no answer within {} s",
                limits.timeout.as_secs_f32()
            )),
            other => fail(other.to_string()),
        })?;
    let text = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&body);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let begins = text.get(start..start + 15).unwrap_or_default();
    if !begins.eq_ignore_ascii_case(b"BEGIN:VCALENDAR") {
        let first: String = String::from_utf8_lossy(text.get(start..).unwrap_or_default())
            .chars()
            .take(30)
            .filter(|c| !c.is_control())
            .collect();
        let kind = if content_type.is_empty() {
            String::new()
        } else {
            format!("{content_type}, ")
        };
        return Err(fail(format!(
            "not an iCalendar file ({kind}it begins `{first}`)"
        ))
        .hint("check the address: a calendar's published link gives a file that begins BEGIN:VCALENDAR"));
    }
    Ok(body)
}
