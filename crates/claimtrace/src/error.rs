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
    /// The article's body text is longer than the configured limit.
    /// `article` names it within the input (`file.jsonl:3`).
    BodyTooLarge { article: String, size: usize, limit: usize },
    /// A JSON or JSONL record could not be parsed.
    Json { line: Option<usize>, message: String },
    /// A JSONL line read on its own is larger than the configured limit.
    LineTooLarge { line: usize, size: usize, limit: usize },
    /// A JSON record has no text to analyse.
    MissingText { line: Option<usize> },
    /// An HTML page in which no article body was found.
    NoBody,
    /// A stage panicked on this input: a bug in claimtrace, contained so
    /// that the other inputs go on (see [`crate::contain`]).
    /// `article` names the article within the input (`file.jsonl:3`) once
    /// reading got that far, else it is empty.
    Panicked { stage: &'static str, article: String, message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "empty input: no text to analyse"),
            Error::Binary => write!(f, "binary input: this does not look like text, HTML or JSON"),
            Error::TooLarge { size, limit } => {
                write!(f, "input too large: {size} bytes, the limit is {limit} bytes")
            }
            Error::BodyTooLarge { article, size, limit } => write!(
                f,
                "{article}: article too long: {size} bytes of body text, the limit is {limit} \
                 (raise --max-body to analyse it)"
            ),
            Error::Json { line: Some(line), message } => {
                write!(f, "line {line}: invalid JSON: {message}")
            }
            Error::Json { line: None, message } => write!(f, "invalid JSON: {message}"),
            Error::LineTooLarge { line, size, limit } => write!(
                f,
                "line {line}: record too large: {size} bytes, the limit is {limit} bytes \
                 (raise --max-bytes to read it)"
            ),
            Error::MissingText { line: Some(line) } => {
                write!(f, "line {line}: record has no \"text\" (or \"body\", \"content\") field")
            }
            Error::MissingText { line: None } => {
                write!(f, "record has no \"text\" (or \"body\", \"content\") field")
            }
            Error::NoBody => write!(f, "no article body found in the HTML page"),
            Error::Panicked { stage, article, message } => {
                if !article.is_empty() {
                    write!(f, "{article}: ")?;
                }
                write!(
                    f,
                    "internal error in stage `{stage}`: {message} (a bug in claimtrace; \
                     this article was skipped, please report it with the input)"
                )
            }
        }
    }
}

impl Error {
    /// The article within the input that the error is about, when the
    /// message names it itself (`file.jsonl:3: ...`).
    pub fn article(&self) -> Option<&str> {
        match self {
            Error::Panicked { article, .. } | Error::BodyTooLarge { article, .. }
                if !article.is_empty() =>
            {
                Some(article)
            }
            _ => None,
        }
    }
}

impl std::error::Error for Error {}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Runs `f`, turning a panic inside it into [`Error::Panicked`] for `stage`.
///
/// This is the one place where the engine contains panics: the shells
/// (`analyze`, `ingest`, the worker, the server) call the engine through it
/// so that a bug met on one input costs that input only. A document whose
/// stage panicked is dropped, never kept half-analysed. Fuzz targets call
/// the engine directly, without it, so that a panic is a crash there.
pub fn contain<T>(stage: &'static str, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| Error::Panicked {
        stage,
        article: String::new(),
        message: panic_message(payload.as_ref()),
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contain_names_the_stage_and_message() {
        assert_eq!(contain("x", || 3), Ok(3));
        let err = contain("claims", || -> u8 { panic!("boom at {}", 4) }).unwrap_err();
        assert_eq!(
            err,
            Error::Panicked {
                stage: "claims",
                article: String::new(),
                message: "boom at 4".into()
            }
        );
        assert!(err.to_string().contains("stage `claims`: boom at 4"));
    }
}
