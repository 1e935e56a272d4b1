//! The one error type of `clash-core`.

use std::fmt;
use std::path::PathBuf;

/// An error from `clash-core`.
///
/// The message names what was wrong and, where it came from a catalogue file,
/// the file, the observance id and the field. Use [`Error::kind`] to branch on
/// the broad class of the error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct Error {
    kind: ErrorKind,
    message: String,
    context: Context,
}

/// Where in a catalogue an error arose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Context {
    file: Option<PathBuf>,
    line: Option<usize>,
    observance: Option<String>,
    field: Option<String>,
}

/// The broad class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A catalogue file is not valid TOML or has an unknown or missing field.
    Syntax,
    /// A value in a catalogue is out of range, unknown or inconsistent.
    Invalid,
    /// Two observances share an id.
    DuplicateId,
    /// A name (observance id, location, tradition, …) is not known.
    Unknown,
    /// A date, year or range is outside what the library supports.
    OutOfRange,
    /// Reading a file failed.
    Io,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            context: Context::default(),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Invalid, message)
    }

    pub(crate) fn unknown(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Unknown, message)
    }

    pub(crate) fn out_of_range(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::OutOfRange, message)
    }

    pub(crate) fn with_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.context.file.get_or_insert(file.into());
        self
    }

    pub(crate) fn with_line(mut self, line: usize) -> Self {
        self.context.line.get_or_insert(line);
        self
    }

    /// Sets the line, replacing one already set.
    pub(crate) fn with_line_replaced(mut self, line: usize) -> Self {
        self.context.line = Some(line);
        self
    }

    pub(crate) fn with_observance(mut self, id: impl Into<String>) -> Self {
        self.context.observance.get_or_insert(id.into());
        self
    }

    /// Adds an enclosing field: `rule` around `day` gives `rule.day`.
    pub(crate) fn with_field(mut self, field: impl Into<String>) -> Self {
        let outer = field.into();
        self.context.field = Some(match self.context.field.take() {
            Some(inner) => format!("{outer}.{inner}"),
            None => outer,
        });
        self
    }

    /// The broad class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The catalogue file this error came from, if any.
    pub fn file(&self) -> Option<&std::path::Path> {
        self.context.file.as_deref()
    }

    /// The observance id this error is about, if any.
    pub fn observance(&self) -> Option<&str> {
        self.context.observance.as_deref()
    }

    /// The catalogue field this error is about, if any.
    pub fn field(&self) -> Option<&str> {
        self.context.field.as_deref()
    }

    /// The message alone, without the file, line, observance or field.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// The line of the file this error is about, if known.
    pub fn line(&self) -> Option<usize> {
        self.context.line
    }
}

impl Error {
    /// `file:line: observance `id`: field `f`: message`, each part if known.
    fn render(&self) -> String {
        let mut s = String::new();
        let _ = self.write_to(&mut s);
        s
    }

    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let c = &self.context;
        if let Some(file) = &c.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = c.line {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        } else if let Some(line) = c.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(id) = &c.observance {
            write!(f, "observance `{id}`: ")?;
        }
        if let Some(field) = &c.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
