//! Byte ranges into the document body.

use std::fmt;

/// A half-open byte range `start..end` of `Document::text`.
///
/// Invariant: `start <= end`, kept by the constructor ([`Span::new`]), the
/// only way to make one: the fields are private, read through
/// [`Span::start`] and [`Span::end`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span from `start` to `end`; the two are swapped if given in the
    /// wrong order, so the invariant always holds.
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span { start: end, end: start }
        }
    }

    /// The first byte.
    #[inline]
    pub const fn start(self) -> usize {
        self.start
    }

    /// The byte after the last.
    #[inline]
    pub const fn end(self) -> usize {
        self.end
    }

    /// The byte range, for slicing.
    #[inline]
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
