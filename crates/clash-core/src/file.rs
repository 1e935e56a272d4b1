//! Reading input files with bounded work: one place that refuses folders,
//! devices and oversized files before reading, and never reads more than
//! the limit (a file can grow after it was measured, and `/proc` files and
//! devices report no length at all).

use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// The bytes of the regular file at `path`, if it is at most `limit` bytes.
///
/// # Errors
/// [`ErrorKind::Io`] for a missing file, a folder or a device; an error
/// naming the limit for a larger file.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| Error::new(ErrorKind::Io, e.to_string()).with_file(path);
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::Io, "not a file").with_file(path));
    }
    let too_big = |len: u64| {
        Error::invalid(format!("the file is {len} bytes; the limit is {limit}")).with_file(path)
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// As [`read_bounded`], as UTF-8 text.
///
/// # Errors
/// As [`read_bounded`]; text that is not UTF-8.
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String> {
    String::from_utf8(read_bounded(path, limit)?).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
        )
        .with_file(path)
    })
}
