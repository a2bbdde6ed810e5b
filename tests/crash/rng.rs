//! A tiny seeded random generator (xorshift64*), so a failing run can be
//! replayed: every test prints its seed, and `REFLECT_CRASH_SEED=N` reuses it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub struct Rng(u64);

impl Rng {
    /// The generator for round `round` of a test whose seed is `seed`: each
    /// round's choices depend on the seed and its number only, whichever
    /// worker runs it.
    pub fn for_round(seed: u64, round: usize) -> Rng {
        let mixed = splitmix(seed ^ splitmix(round as u64 + 1));
        Rng(mixed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// Uniform between `low` and `high` seconds.
    pub fn between(&mut self, low: f64, high: f64) -> Duration {
        Duration::from_secs_f64(low + self.unit() * (high - low))
    }
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `REFLECT_CRASH_SEED` if set (panics if it is not a number), otherwise
/// one from the clock; printed either way with how to replay it.
pub fn seed(test: &str) -> u64 {
    let seed = match std::env::var("REFLECT_CRASH_SEED") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("REFLECT_CRASH_SEED must be a whole number"),
        Err(_) => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .expect("clock after 1970");
            splitmix(now.as_nanos() as u64 ^ u64::from(std::process::id()))
        }
    };
    println!("{test}: seed {seed} (replay with REFLECT_CRASH_SEED={seed})");
    seed
}
