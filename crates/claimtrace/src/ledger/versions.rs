//! What changed between two versions of an article: the claims added and
//! dropped, the statuses that moved, and the update notes the newer
//! version carries. Pure: `history` (CLI) and the article page (server)
//! show the same changes.

use crate::record::Record;

/// The changes from one version of an article to the next.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionChanges {
    /// Claims only the newer version makes: (status, text).
    pub added: Vec<(String, String)>,
    /// Claims only the older version made: (status, text).
    pub dropped: Vec<(String, String)>,
    /// Claims in both whose status moved: (old, new, text).
    pub moved: Vec<(String, String, String)>,
}

impl VersionChanges {
    /// Whether no claim changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.dropped.is_empty() && self.moved.is_empty()
    }
}

/// The changes from `old` to `new` (claims matched by their text).
pub fn version_changes(old: &Record, new: &Record) -> VersionChanges {
    let status_in =
        |r: &Record, text: &str| r.claims.iter().find(|c| c.text == text).map(|c| c.status.clone());
    let mut changes = VersionChanges::default();
    for c in &new.claims {
        match status_in(old, &c.text) {
            None => changes.added.push((c.status.clone(), c.text.clone())),
            Some(was) if was != c.status => {
                changes.moved.push((was, c.status.clone(), c.text.clone()));
            }
            Some(_) => {}
        }
    }
    for c in &old.claims {
        if status_in(new, &c.text).is_none() {
            changes.dropped.push((c.status.clone(), c.text.clone()));
        }
    }
    changes
}

/// The update and correction notes a version carries: blocks the reader
/// set aside that say "Update", "Correction" or "Editor's note", and body
/// paragraphs that open as a note does ("Update (March 5):", "Correction:").
pub fn update_notes(record: &Record) -> Vec<&str> {
    let set_aside = record.removed.iter().map(|r| r.text.as_str()).filter(|t| {
        let t = t.trim_start().to_lowercase();
        t.starts_with("update") || t.starts_with("correction") || t.starts_with("editor's note")
    });
    let in_body = record.text.split("\n\n").filter(|p| NOTE_HEAD.is_match(p.trim_start()));
    set_aside.chain(in_body).collect()
}

/// How a note in the body opens: its kind, a few words at most (a date),
/// then a colon.
static NOTE_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?i)(?:updated?|correction|clarification|editor['’]s note)\b[^:.\n]{0,40}:",
    )
    .expect("a valid pattern")
});

/// Whether a newer version changed without saying so (a "stealth
/// edit"): it carries no update or correction note.
pub fn is_unannounced(new: &Record) -> bool {
    update_notes(new).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordClaim;

    fn record(claims: &[(&str, &str)]) -> Record {
        Record {
            claims: claims
                .iter()
                .map(|(status, text)| RecordClaim {
                    text: text.to_string(),
                    chain: Vec::new(),
                    status: status.to_string(),
                    stances: Vec::new(),
                    sentence: None,
                    status_cue: None,
                })
                .collect(),
            ..Record::default()
        }
    }

    #[test]
    fn notes_set_aside_or_opening_a_paragraph() {
        let mut r = record(&[]);
        r.text = "The bridge will close.\n\nUpdate (March 5): The closure was postponed.\n\n\
                  Updates from the ministry are expected on Monday."
            .into();
        assert_eq!(update_notes(&r), ["Update (March 5): The closure was postponed."]);
        assert!(!is_unannounced(&r));
        r.text = "Correction: An earlier version misstated the date.".into();
        assert_eq!(update_notes(&r).len(), 1);
        r.text = "Updates from the ministry: none so far.".into();
        assert!(is_unannounced(&r), "a paragraph that only starts with the word");
    }

    #[test]
    fn claims_added_dropped_and_moved() {
        let old = record(&[("reported", "a"), ("hedged", "b"), ("reported", "c")]);
        let new = record(&[("reported", "a"), ("disputed", "b"), ("asserted", "d")]);
        let changes = version_changes(&old, &new);
        assert_eq!(changes.added, vec![("asserted".into(), "d".into())]);
        assert_eq!(changes.dropped, vec![("reported".into(), "c".into())]);
        assert_eq!(changes.moved, vec![("hedged".into(), "disputed".into(), "b".into())]);
        assert!(version_changes(&old, &old).is_empty());
    }
}
