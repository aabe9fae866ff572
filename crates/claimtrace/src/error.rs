//! The engine's error type.

use std::fmt;

/// Why an input could not be read as an article. Messy text is never an
/// error (see `Diagnostic`); these are inputs with nothing to analyse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input has no bytes, or only white space.
    Empty,
    /// The input looks like binary data, not text.
    Binary,
    /// The input is larger than the configured limit.
    TooLarge { size: usize, limit: usize },
    /// A JSON or JSONL record could not be parsed.
    Json { line: Option<usize>, message: String },
    /// A JSON record has no text to analyse.
    MissingText { line: Option<usize> },
    /// An HTML page in which no article body was found.
    NoBody,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "empty input: no text to analyse"),
            Error::Binary => write!(f, "binary input: this does not look like text, HTML or JSON"),
            Error::TooLarge { size, limit } => {
                write!(f, "input too large: {size} bytes, the limit is {limit} bytes")
            }
            Error::Json { line: Some(line), message } => {
                write!(f, "line {line}: invalid JSON: {message}")
            }
            Error::Json { line: None, message } => write!(f, "invalid JSON: {message}"),
            Error::MissingText { line: Some(line) } => {
                write!(f, "line {line}: record has no \"text\" (or \"body\", \"content\") field")
            }
            Error::MissingText { line: None } => {
                write!(f, "record has no \"text\" (or \"body\", \"content\") field")
            }
            Error::NoBody => write!(f, "no article body found in the HTML page"),
        }
    }
}

impl std::error::Error for Error {}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, Error>;
