//! Touchline: a desktop editor for customer journey maps and service blueprints.
//!
//! Data flows one way: [`file`] → [`model`] → [`layout`] → [`render`] → screen or PNG. Edits
//! flow back only as [`edit::Command`]s.

/// The allocator for every program built on this crate (editor, tests, benchmarks). Frames
/// allocate and free vertex buffers of a few hundred kilobytes; the system allocator maps and
/// unmaps those each time, which tripled the frame time of a drag. mimalloc keeps them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
pub mod render;
pub mod templates;
pub mod text;
pub mod theme;
