//! The program's one call into the C maths library, answered here.
//!
//! ratatui-textarea counts the digits of line numbers with `f64::log10`,
//! and on glibc that one call made the dynamic loader open, map and
//! relocate `libm.so.6` (0.9 MB) at every start: about 0.08 ms of a 2.4 ms
//! first frame (BENCHMARKS.md, issue 11). Defined in the program, the
//! symbol is resolved at link time and `libm` is not loaded. The `libm`
//! crate is musl's `log10` in Rust: exact at powers of ten (so digit counts
//! are right), within an ulp of glibc's elsewhere.
//!
//! Only for glibc on Linux: elsewhere the maths library is part of the C
//! library, loaded anyway.

/// `log10` as the C library names it.
#[unsafe(no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    libm::log10(x)
}

#[cfg(test)]
mod tests {
    use super::log10;

    #[test]
    fn powers_of_ten_are_exact() {
        let mut power = 1.0;
        for exponent in 0..=22 {
            assert_eq!(log10(power), f64::from(exponent), "10^{exponent}");
            power *= 10.0;
        }
    }

    #[test]
    fn digit_counts_match_the_numbers_written_out() {
        for n in 1..200_000_u32 {
            let digits = log10(f64::from(n)) as usize + 1;
            assert_eq!(digits, n.to_string().len(), "{n}");
        }
    }

    #[test]
    fn edge_values_are_the_c_librarys() {
        assert_eq!(log10(0.0), f64::NEG_INFINITY);
        assert!(log10(-1.0).is_nan());
        assert_eq!(log10(f64::INFINITY), f64::INFINITY);
    }
}
