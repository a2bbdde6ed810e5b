//! Moving a selection through a list.

/// Moves a selection by one, staying within `len` items.
pub(super) fn step(index: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    index.saturating_add_signed(delta).min(len - 1)
}
