//! Writes a synthetic map of a given size:
//! `cargo run --release --example generate -- --stages 24 --lanes 12 --cards 1000 -o big.ron`,
//! or a team's folder of linked maps: `... -- --folder 500 --cards 200 -o journeys/`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 24)]
    stages: usize,
    #[arg(long, default_value_t = 12)]
    lanes: usize,
    #[arg(long, default_value_t = 1000)]
    cards: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write a folder of this many linked maps (of `--cards` cards each) instead of one map.
    #[arg(long, value_name = "MAPS")]
    folder: Option<usize>,
    #[arg(short, long)]
    output: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(count) = args.folder {
        return match touchline::generate::folder(&args.output, count, args.cards, args.seed) {
            Ok(maps) => {
                println!("wrote {} maps under {}", maps.len(), args.output.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("generate: {}: {e}", args.output.display());
                ExitCode::FAILURE
            }
        };
    }
    let size = touchline::generate::Size {
        stages: args.stages,
        lanes: args.lanes,
        cards: args.cards,
        seed: args.seed,
    };
    let map = touchline::generate::map(size);
    match touchline::file::save(&map, &args.output) {
        Ok(()) => {
            println!("wrote {} ({} cards)", args.output.display(), map.cards.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {}: {e}", args.output.display());
            ExitCode::FAILURE
        }
    }
}
