//! Which way a weekday or a yearless date points, from the tense cues
//! nearest to it in its sentence. There is no parser yet: "will", "is to",
//! "plans" point forward; "said", "was" and words in -ed point back;
//! "would" points to the nearer day either way. The
//! nearest cue wins, ties and silence go backward, as news reports the past.

use std::sync::LazyLock;

/// The direction a relative date is resolved in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    /// A future seen from the past ("announced it would meet on Monday"),
    /// which the article may print before or after the day: the nearer
    /// weekday either way; a yearless date still points forward.
    Near,
}

/// The direction the tense around `text[start..end]` points.
pub fn direction(text: &str, start: usize, end: usize) -> Direction {
    let mut best: Option<(usize, Direction)> = None;
    let mut prev: Option<&str> = None;
    // Word indexes: distances are counted in words, not bytes.
    let mut word_idx = 0;
    let mut expr_first: Option<usize> = None;
    let mut expr_last = 0;
    let mut cues: Vec<(usize, Direction)> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        // `split` yields subslices of `text`, so the pointer gives the offset.
        let word_start = word.as_ptr() as usize - text.as_ptr() as usize;
        if word.is_empty() {
            continue;
        }
        word_idx += 1;
        if word_start >= start && word_start < end {
            expr_first.get_or_insert(word_idx);
            expr_last = word_idx;
            prev = Some(word);
            continue;
        }
        if let Some(dir) = cue(word, prev) {
            cues.push((word_idx, dir));
        }
        prev = Some(word);
    }
    let Some(first) = expr_first else { return Direction::Past };
    for (idx, dir) in cues {
        let distance = if idx < first { first - idx } else { idx - expr_last };
        let closer = match best {
            None => true,
            Some((d, best_dir)) => distance < d || (distance == d && best_dir == Direction::Future),
        };
        if closer {
            best = Some((distance, dir));
        }
    }
    best.map_or(Direction::Past, |(_, dir)| dir)
}

/// Whether a reporting cue ("said", "told ... on", "reports on") comes
/// within the three words before `start`.
pub fn after_reporting_cue(text: &str, start: usize) -> bool {
    crate::chars::before(text, start)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| REPORTING.contains(&w.to_lowercase().as_str()))
}

const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "reported",
    "reports",
    "announced",
    "stated",
    "confirmed",
    "according",
    "indicated",
    "claimed",
    "added",
];

fn cue(word: &str, prev: Option<&str>) -> Option<Direction> {
    let lower = word.to_lowercase();
    if lower.ends_with("'ll") || lower.ends_with("’ll") {
        return Some(Direction::Future);
    }
    // "is to meet", "are to vote".
    if lower == "to" && matches!(prev.map(str::to_lowercase).as_deref(), Some("is" | "are")) {
        return Some(Direction::Future);
    }
    // "will be held": a participle after "be" leaves the tense to "will".
    if matches!(prev.map(str::to_lowercase).as_deref(), Some("be" | "been")) {
        return None;
    }
    if let Some(&(_, dir)) = CUES.iter().find(|(w, _)| *w == lower) {
        return Some(dir);
    }
    let lowercase_word = word.starts_with(|c: char| c.is_lowercase());
    if lowercase_word
        && lower.len() >= 5
        && lower.ends_with("ed")
        && !NOT_PAST.contains(&lower.as_str())
    {
        return Some(Direction::Past);
    }
    None
}

/// Words in -ed that are not past tenses.
const NOT_PAST: &[&str] = &[
    "indeed", "exceed", "proceed", "succeed", "speed", "breed", "bleed", "hundred", "need", "seed",
];

static CUES: LazyLock<Vec<(&'static str, Direction)>> = LazyLock::new(|| {
    include_str!("../../data/tense_cues.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (dir, word) = l.split_once('\t')?;
            let dir = match dir {
                "future" => Direction::Future,
                "near" => Direction::Near,
                _ => Direction::Past,
            };
            Some((word.trim(), dir))
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(sentence: &str, expr: &str) -> Direction {
        let start = sentence.find(expr).unwrap();
        direction(sentence, start, start + expr.len())
    }

    #[test]
    fn future_and_past_cues() {
        assert_eq!(dir("The council will vote on Friday.", "Friday"), Direction::Future);
        assert_eq!(dir("The minister is to visit Kyiv on Friday.", "Friday"), Direction::Future);
        assert_eq!(dir("Peskov said Monday that it was inappropriate.", "Monday"), Direction::Past);
        assert_eq!(
            dir("Officials announced on Friday that talks will resume.", "Friday"),
            Direction::Past
        );
        assert_eq!(dir("Friday", "Friday"), Direction::Past);
        assert_eq!(dir("We'll know more on Monday.", "Monday"), Direction::Future);
    }
}
