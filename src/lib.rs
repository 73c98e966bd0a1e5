//! Touchline: a desktop editor for customer journey maps and service blueprints.
//!
//! Data flows one way: [`file`] → [`model`] → [`layout`] → [`render`] → screen or PNG. Edits
//! flow back only as [`edit::Command`]s.

/// The allocator for every program built on this crate (editor, tests, benchmarks). Frames
/// allocate and free vertex buffers of a few hundred kilobytes; the system allocator maps and
/// unmaps those each time, which tripled the frame time of a drag. mimalloc keeps them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Declared first, so that its `t!` macro is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod app;
pub mod cli;
pub mod data;
pub mod diff;
pub mod edit;
pub mod exit;
pub mod export;
pub mod file;
pub mod fonts;
pub mod generate;
pub mod layout;
pub mod model;
pub mod pictures;
pub mod portfolio;
pub mod render;
pub mod room;
pub mod templates;
pub mod text;
pub mod theme;

/// A property test's settings: `cases` cases from a fixed seed, so CI runs the same cases every
/// time; `PROPTEST_CASES=N` and `PROPTEST_RNG_SEED=S` ask for a longer or another run.
#[cfg(test)]
pub(crate) fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let mut config = proptest::test_runner::Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(20_261_204);
    }
    config
}
