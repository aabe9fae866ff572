//! The ledger's hashes. They name things that are stored (cluster ids,
//! index bands, fingerprints), so they must give the same values on every
//! build and platform: FNV-1a and SplitMix64's finaliser, not `std`'s
//! randomly seeded hasher.

/// FNV-1a's starting value.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV's 64-bit prime.
pub(super) const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The golden-ratio increment that spreads seeds apart.
pub(super) const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// FNV-1a, 64 bits, of `bytes`, continuing from `hash`.
pub(crate) fn fnv1a_extend(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// FNV-1a, 64 bits, of `bytes`.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_extend(FNV_OFFSET, bytes)
}

/// A 64-bit finaliser (SplitMix64's), so that seeded hashes are
/// independent enough for MinHash.
#[inline(always)]
pub(super) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
