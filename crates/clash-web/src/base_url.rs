//! The public address of the service (`clash serve --base-url`): where
//! its users reach it, which may differ from where it listens (behind
//! nginx, say). Links that the service gives out are made from it.

use axum::http::Uri;
use clash_app::Error;

/// An absolute `http://` or `https://` address without query, fragment or
/// user name, kept without its trailing `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Reads `text` (`https://clash.example.org/calendars/`), or a usage
    /// error that says what is wrong with it.
    pub fn parse(text: &str) -> Result<BaseUrl, Error> {
        let bad = |why: &str| {
            Error::usage(format!("invalid --base-url `{text}`: {why}")).hint(
                "give the address users reach the service at, such as https://clash.example.org",
            )
        };
        let uri: Uri = text
            .parse()
            .map_err(|_| bad("not an absolute http:// or https:// address"))?;
        let scheme = uri.scheme_str().map(str::to_ascii_lowercase);
        if !matches!(scheme.as_deref(), Some("http" | "https")) {
            return Err(bad("not an absolute http:// or https:// address"));
        }
        let Some(authority) = uri.authority() else {
            return Err(bad("it names no host"));
        };
        if authority.as_str().contains('@') {
            return Err(bad("it holds a user name"));
        }
        if uri.query().is_some() || text.contains('#') {
            return Err(bad("it has a query or a fragment"));
        }
        let path = uri.path().trim_end_matches('/');
        let scheme = scheme.unwrap_or_default();
        let host = authority.as_str().to_ascii_lowercase();
        Ok(BaseUrl(format!("{scheme}://{host}{path}")))
    }

    /// The address of `path_and_query` (which starts with `/`) here.
    pub fn join(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.0)
    }

    /// `http://localhost`, when nothing better is known.
    pub fn localhost() -> BaseUrl {
        BaseUrl("http://localhost".to_string())
    }

    /// The address itself, without a trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::BaseUrl;

    #[test]
    fn reads_addresses_and_refuses_others() {
        let ok = |t: &str| BaseUrl::parse(t).map(|b| b.as_str().to_string());
        assert_eq!(
            ok("https://Clash.Example.org/").ok().as_deref(),
            Some("https://clash.example.org")
        );
        assert_eq!(
            ok("HTTP://localhost:8080/calendars/").ok().as_deref(),
            Some("http://localhost:8080/calendars")
        );
        for bad in [
            "",
            "clash.example.org",
            "/feeds",
            "ftp://example.org",
            "https://",
            "https://user@example.org",
            "https://example.org/?a=1",
            "https://example.org/#top",
            "https://exa mple.org",
        ] {
            let e = BaseUrl::parse(bad).err();
            assert!(
                e.as_ref()
                    .is_some_and(|e| e.message().starts_with("invalid --base-url")),
                "{bad:?} → {e:?}"
            );
        }
        let base = BaseUrl::parse("https://example.org/c/").ok();
        assert_eq!(
            base.map(|b| b.join("/feed.ics?tradition=hindu")).as_deref(),
            Some("https://example.org/c/feed.ics?tradition=hindu")
        );
    }
}
