//! Images of a map, painted through the same `render` code as the canvas.

pub mod cli;
