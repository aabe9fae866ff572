//! Republished copies: the same wire story under other URLs, with a
//! headline, a sentence, a byline or the boilerplate changed. MinHash over
//! word 3-shingles estimates how much of two texts is shared (the Jaccard
//! index of their shingle sets); texts sharing [`MIN_SHARED`] of it are
//! copies. Sixteen bands of four minima index the fingerprints: a pair at
//! the threshold shares a band with probability 0.999.

/// Texts shorter than this many words are not called copies: a lead
/// paragraph is shared by many stories that go on differently.
pub const MIN_WORDS: usize = 40;

/// The share of shingles two copies have in common, at least.
pub const MIN_SHARED: f64 = 0.7;

use super::hash::{fnv1a_extend, mix, FNV_OFFSET, FNV_PRIME, GOLDEN};

const HASHES: usize = 64;
const ROWS: usize = 4;

/// A text's MinHash fingerprint: the minimum of each of 64 seeded hashes
/// over its lower-cased word 3-shingles. `None` for a text under
/// [`MIN_WORDS`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint(Vec<u32>);

/// The minimum of each of the [`HASHES`] seeded hashes over `shingles`.
/// Compiled twice: with AVX-512 (eight 64-bit products at once) where the
/// processor has it, and for any target.
fn minima(shingles: &[u64]) -> [u32; HASHES] {
    #[cfg(target_arch = "x86_64")]
    if has_avx512() {
        // SAFETY: the processor has the features the function is compiled for.
        return unsafe { minima_avx512(shingles) };
    }
    minima_any(shingles)
}

#[inline(always)]
fn minima_any(shingles: &[u64]) -> [u32; HASHES] {
    let mut mins = [u32::MAX; HASHES];
    for &shingle in shingles {
        for (k, min) in mins.iter_mut().enumerate() {
            *min = (*min).min(mix(shingle ^ (k as u64 + 1).wrapping_mul(GOLDEN)) as u32);
        }
    }
    mins
}

/// Whether the processor has what [`minima_avx512`] is compiled for.
#[cfg(target_arch = "x86_64")]
fn has_avx512() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512dq")
        && std::arch::is_x86_feature_detected!("avx512vl")
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn minima_avx512(shingles: &[u64]) -> [u32; HASHES] {
    minima_any(shingles)
}

impl Fingerprint {
    pub fn of(text: &str) -> Option<Fingerprint> {
        // The lower-cased words, one after another in one buffer.
        let mut lower = String::with_capacity(text.len());
        let mut ends: Vec<usize> = Vec::new();
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if word.is_ascii() {
                lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                // The whole word, as `str::to_lowercase` lowers a final sigma.
                lower.push_str(&word.to_lowercase());
            }
            ends.push(lower.len());
        }
        if ends.len() < MIN_WORDS {
            return None;
        }
        let bytes = lower.as_bytes();
        let word = |k: usize| &bytes[if k == 0 { 0 } else { ends[k - 1] }..ends[k]];
        let shingles: Vec<u64> = (0..ends.len() - 2)
            .map(|first| {
                (first..first + 3)
                    .fold(FNV_OFFSET, |h, k| fnv1a_extend(fnv1a_extend(h, word(k)), b" "))
            })
            .collect();
        Some(Fingerprint(minima(&shingles).to_vec()))
    }

    /// The estimated share of shingles the two texts have in common.
    pub fn shared(&self, other: &Fingerprint) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// Whether the two texts are copies of one story.
    pub fn is_copy(&self, other: &Fingerprint) -> bool {
        self.shared(other) >= MIN_SHARED
    }

    /// The index keys: a 64-bit hash of each band of four minima (and of
    /// the band's number, so that bands do not collide). Stored as SQL
    /// integers (signed: the same 64 bits); the index had them as text,
    /// `c<band>:<hash>`, before schema version 16 (about twice the bytes,
    /// and each commit of a big ledger rewrote most of the index's pages).
    pub fn bands(&self) -> Vec<i64> {
        self.0
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let seed = FNV_OFFSET ^ (band as u64).wrapping_mul(GOLDEN);
                let h = rows.iter().fold(seed, |h, &v| (h ^ u64::from(v)).wrapping_mul(FNV_PRIME));
                mix(h) as i64
            })
            .collect()
    }

    /// As stored: the minima in hexadecimal, 8 digits each.
    pub fn encode(&self) -> String {
        self.0.iter().map(|m| format!("{m:08x}")).collect()
    }

    /// What [`Fingerprint::encode`] wrote; `None` for anything else.
    pub fn decode(text: &str) -> Option<Fingerprint> {
        if text.len() != HASHES * 8 || !text.is_ascii() {
            return None;
        }
        let mins: Option<Vec<u32>> = (0..HASHES)
            .map(|k| text.get(k * 8..k * 8 + 8).and_then(|h| u32::from_str_radix(h, 16).ok()))
            .collect();
        mins.map(Fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A stored fingerprint is read back as written, and any other
        /// text is refused, never a panic.
        #[test]
        fn stored_fingerprints_read_back_and_garbage_is_refused(
            text in "\\PC{0,600}",
            words in proptest::collection::vec("[a-z]{1,8}", 40..120),
        ) {
            let _ = Fingerprint::decode(&text);
            let print = Fingerprint::of(&words.join(" ")).unwrap();
            prop_assert_eq!(Fingerprint::decode(&print.encode()), Some(print.clone()));
            prop_assert!(print.is_copy(&print));
            prop_assert_eq!(print.bands().len(), HASHES / ROWS);
        }
    }

    /// The fingerprint as first written (a vector of lower-cased words,
    /// each shingle's 64 hashes in turn): stored fingerprints are compared
    /// with new ones, so the way of computing them must not change them.
    fn as_first_written(text: &str) -> Option<Fingerprint> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut mins = vec![u32::MAX; HASHES];
        for shingle in words.windows(3) {
            let h = shingle
                .iter()
                .fold(FNV_OFFSET, |h, word| fnv1a_extend(fnv1a_extend(h, word.as_bytes()), b" "));
            for (k, min) in mins.iter_mut().enumerate() {
                *min = (*min).min(mix(h ^ (k as u64 + 1).wrapping_mul(GOLDEN)) as u32);
            }
        }
        Some(Fingerprint(mins))
    }

    proptest! {
        /// Whatever the processor, a text's fingerprint is the one first
        /// written (Greek final sigmas and other non-ASCII words included).
        #[test]
        fn fingerprints_are_computed_as_first_written(
            words in proptest::collection::vec("[a-zA-Z]{1,8}|\\PC{1,6}|ΣΑΣ|Straße|İstanbul", 0..90),
            seps in proptest::collection::vec("[ ,.;-]{1,2}", 90),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s]).collect();
            prop_assert_eq!(Fingerprint::of(&text), as_first_written(&text));
        }
    }

    /// The AVX-512 build is compared only where the processor has it (the
    /// development and CI machines do); elsewhere it is never run.
    #[test]
    fn every_build_of_the_minima_agrees() {
        let shingles: Vec<u64> = (0..500u64).map(|k| mix(k) ^ (k << 7)).collect();
        let any = minima_any(&shingles);
        #[cfg(target_arch = "x86_64")]
        if has_avx512() {
            // SAFETY: the processor has the features the function is compiled for.
            assert_eq!(unsafe { minima_avx512(&shingles) }, any);
        }
        assert_eq!(minima(&shingles), any);
        assert_eq!(minima(&[]), [u32::MAX; HASHES]);
    }

    const STORY: &str = "The regional council voted on Tuesday to close the old bridge over \
        the river for six months of repairs, after engineers found cracks in two of its \
        supporting piers during a routine inspection last month. Traffic will be diverted \
        through the northern ring road, and a free ferry will run every hour between the two \
        banks while the work lasts, the council said in a statement. Local businesses have \
        warned that the closure could cost them customers during the busy summer season, \
        and the chamber of commerce has asked for a reduction in local taxes until the \
        bridge reopens. The council said it would consider the request at its next meeting.";

    #[test]
    fn a_copy_with_a_changed_sentence_is_one_and_another_story_is_not() {
        let a = Fingerprint::of(STORY).unwrap();
        let edited = STORY.replace("The council said it would", "Officials said they would");
        let b = Fingerprint::of(&format!("(Reuters) - {edited} Reporting by Jane Doe.")).unwrap();
        assert!(a.is_copy(&b), "{:.2} shared", a.shared(&b));
        assert!(a.bands().iter().any(|band| b.bands().contains(band)));
        let other = "The central bank raised its main interest rate by half a point on \
            Thursday, its largest increase in two decades, saying that inflation had proved \
            more stubborn than it expected and that further rises could follow in the coming \
            months if prices kept climbing at the current pace, economists said.";
        let c = Fingerprint::of(other).unwrap();
        assert!(!a.is_copy(&c), "{:.2} shared", a.shared(&c));
        assert_eq!(Fingerprint::of("Too short to tell."), None);
        assert_eq!(Fingerprint::decode(&a.encode()), Some(a));
        assert_eq!(Fingerprint::decode("zz"), None);
    }
}
