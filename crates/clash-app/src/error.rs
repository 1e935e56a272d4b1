//! The one error type of the application layer: one line for the user, an
//! optional hint, a kind that every front end maps the same way (exit code
//! 2 for the CLI, an HTTP status for the service), and, when the core said
//! it, the core's error with its context (file, line, observance, field).

use std::fmt;

/// What kind of mistake an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A request that cannot be answered as asked (a bad date, a flag
    /// without the one it needs): HTTP 400.
    Usage,
    /// What the request names does not exist (an observance id): HTTP 404.
    NotFound,
    /// The request's data is larger than the limits allow (an uploaded
    /// calendar over 16 MiB): HTTP 413. A range past a command's limit is
    /// a [`ErrorKind::Usage`] error, as SPEC §11 asks.
    TooLarge,
    /// The core refused the request's data (a catalogue or calendar that
    /// does not read, a value out of range): its kind, HTTP 400 or 422.
    Core(clash_core::ErrorKind),
}

/// An error of the application layer (see the module docs); one pointer
/// wide, so that every `Result` of the layer stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    hint: Option<String>,
    core: Option<clash_core::Error>,
}

/// A result of the application layer.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A usage error with this message.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    /// An error of this kind with this message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            hint: None,
            core: None,
        }))
    }

    /// The same error with a hint (what to do instead).
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.0.hint = Some(hint.into());
        self
    }

    /// The same error, of another kind.
    #[must_use]
    pub fn of_kind(mut self, kind: ErrorKind) -> Self {
        self.0.kind = kind;
        self
    }

    /// Its kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The one-line message (without "error:").
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// What to do instead, if known.
    pub fn hint_text(&self) -> Option<&str> {
        self.0.hint.as_deref()
    }

    /// The core's error this came from, with its context.
    pub fn core(&self) -> Option<&clash_core::Error> {
        self.0.core.as_ref()
    }

    /// The CLI's exit code: 2 for every error.
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// The HTTP status: 400 for a bad request, 404 for something that does
    /// not exist, 413 for too much, 422 for data the core cannot use.
    pub fn http_status(&self) -> u16 {
        use clash_core::ErrorKind as Core;
        match self.0.kind {
            ErrorKind::Usage => 400,
            ErrorKind::NotFound => 404,
            ErrorKind::TooLarge => 413,
            ErrorKind::Core(Core::Syntax | Core::Invalid | Core::DuplicateId | Core::Io) => 422,
            ErrorKind::Core(_) => 400,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .core
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<clash_core::Error> for Error {
    fn from(e: clash_core::Error) -> Self {
        Error(Box::new(Inner {
            kind: ErrorKind::Core(e.kind()),
            message: e.to_string(),
            hint: None,
            core: Some(e),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_map_to_statuses() {
        assert_eq!(Error::usage("x").http_status(), 400);
        assert_eq!(Error::new(ErrorKind::NotFound, "x").http_status(), 404);
        assert_eq!(Error::new(ErrorKind::TooLarge, "x").http_status(), 413);
        let core = clash_core::Catalogue::embedded()
            .and_then(|c| c.require("no-such-day").map(|_| ()))
            .err();
        let e = Error::from(core.unwrap_or_else(|| unreachable!()));
        assert!(e.core().is_some());
        assert_eq!(e.exit_code(), 2);
    }
}
