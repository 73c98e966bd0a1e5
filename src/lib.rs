//! Touchline: a desktop editor for customer journey maps and service blueprints.
//!
//! Data flows one way: [`file`] → [`model`] → [`layout`] → [`render`] → screen or PNG. Edits
//! flow back only as [`edit::Command`]s.

pub mod app;
pub mod cli;
pub mod edit;
pub mod export;
pub mod file;
pub mod fonts;
pub mod generate;
pub mod layout;
pub mod model;
pub mod render;
pub mod templates;
pub mod theme;
