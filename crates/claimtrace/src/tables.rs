//! Tables laid out at build time (`build.rs`) and read where they lie in
//! the program image: the shipped models' (`tag::perceptron`) and the
//! place gazetteer's name table (`places::gazetteer`). This file stands
//! alone, so that `build.rs` can include it beside those two.

use std::borrow::Cow;

/// Bytes aligned for the tables (`include_bytes!` aligns to one byte).
#[repr(C, align(16))]
pub(crate) struct Aligned<B: ?Sized>(pub(crate) B);

/// `bytes` (little-endian) as a slice of `T`, borrowed where they are
/// aligned for it, copied otherwise.
pub(crate) fn in_place<T: bytemuck::Pod>(bytes: &'static [u8]) -> Cow<'static, [T]> {
    match bytemuck::try_cast_slice(bytes) {
        Ok(items) => Cow::Borrowed(items),
        Err(_) => Cow::Owned(bytemuck::pod_collect_to_vec(bytes)),
    }
}
