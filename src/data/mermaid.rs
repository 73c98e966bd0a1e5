//! Mermaid `journey` diagrams: `title`, `section` (a stage), and tasks `Task: score: Actor, ...`
//! (a card in an Actions lane, and a point on each actor's curve).

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Builder, ImportError, Imported, MAX_ROWS, Note, bounded};
use crate::model::{Anchor, Curve, LaneKind, Map, Persona, PersonaId, Point};

/// Mermaid's scores run from 1 (bad) to 5 (good).
const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// The journey block of a Mermaid file, or of the first `mermaid` code fence in Markdown that
/// holds one: its lines with their line numbers in the file.
fn journey_lines(text: &str) -> Option<Vec<(usize, &str)>> {
    let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    let fenced = lines.iter().any(|(_, l)| l.trim_start().starts_with("```"));
    let mut block: Vec<(usize, &str)> = Vec::new();
    let mut inside = !fenced;
    let mut started = false;
    for &(number, line) in &lines {
        let trimmed = line.trim();
        if fenced && trimmed.starts_with("```") {
            if inside && started {
                break;
            }
            inside = trimmed.trim_start_matches('`').trim().eq_ignore_ascii_case("mermaid");
            block.clear();
            continue;
        }
        if !inside {
            continue;
        }
        if !started {
            if trimmed.eq_ignore_ascii_case("journey") {
                started = true;
            } else if !trimmed.is_empty() && !trimmed.starts_with("%%") && !fenced {
                return None;
            }
            continue;
        }
        block.push((number, line));
    }
    started.then_some(block)
}

/// Reads a Mermaid journey (or Markdown holding one).
pub fn read(text: &str, title: &str) -> Result<Imported, ImportError> {
    let Some(lines) = journey_lines(text) else {
        return Err(ImportError {
            problems: vec![Note { line: 1, message: "no mermaid `journey` diagram here".to_owned() }],
        });
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut builder = Builder::new(title);
    let lane = builder.lane("Actions", Some(LaneKind::Actions));
    let mut stage = None;
    let mut actors: HashMap<String, crate::model::CurveId> = HashMap::new();
    let (mut tasks, mut items) = (0, 0);
    for (number, line) in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("%%") {
            warnings.push(Note { line: number, message: "a comment; not part of the map".to_owned() });
            continue;
        }
        if let Some(rest) = keyword(trimmed, "title") {
            builder.map.title = bounded(rest, number, "the title", &mut warnings);
            continue;
        }
        let section = keyword(trimmed, "section");
        if section.is_some() || trimmed.contains(':') {
            // Sections count with tasks against the import's limit: each is a stage.
            items += 1;
            if items > MAX_ROWS {
                problems.push(Note {
                    line: number,
                    message: format!("more than {MAX_ROWS} sections and tasks; split the diagram"),
                });
                break;
            }
        }
        if let Some(rest) = section {
            stage = Some(builder.new_stage(&bounded(rest, number, "the section", &mut warnings)));
            continue;
        }
        let Some((task, rest)) = trimmed.split_once(':') else {
            warnings
                .push(Note { line: number, message: format!("not a title, section or task: {trimmed:?}") });
            continue;
        };
        tasks += 1;
        let (score, people) = rest.split_once(':').unwrap_or((rest, ""));
        let score = match score.trim().parse::<u8>() {
            Ok(s) if SCORES.contains(&s) => s,
            _ => {
                problems.push(Note {
                    line: number,
                    message: format!("task {:?}: the score must be a whole number from 1 to 5", task.trim()),
                });
                continue;
            }
        };
        // What `write` put before a task that would have read as syntax comes off.
        let task = task.trim().trim_start_matches(WORD_JOINER).trim();
        if task.is_empty() {
            problems.push(Note { line: number, message: "a task without a name".to_owned() });
            continue;
        }
        let stage_id = stage.clone().unwrap_or_else(|| builder.stage("Journey"));
        let card_id = builder
            .card(lane.clone(), stage_id, &bounded(task, number, "the task", &mut warnings))
            .id
            .clone();
        let value = value_of(&builder.map, score);
        for actor in people.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            let curve = actor_curve(&mut builder, &mut actors, actor);
            let point = Point::new(curve, Anchor::Card(card_id.clone()), value);
            builder.map.points.push(point);
        }
    }
    if tasks == 0 && problems.is_empty() {
        problems.push(Note { line: 1, message: "the journey has no tasks".to_owned() });
    }
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }
    if !actors.is_empty() {
        // The actors' curves need a lane to be drawn in.
        builder.lane("Emotions", Some(LaneKind::Emotions));
    }
    let (map, lanes_as_named) = builder.finish();
    Ok(Imported { map, warnings, lanes_as_named })
}

/// The text after a keyword and whitespace, when the line starts with it.
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// A score from 1 to 5 on the map's scale: 1 its most negative level, 5 its most positive.
fn value_of(map: &Map, score: u8) -> f32 {
    let (min, max) = (map.scale.min as f32, map.scale.max as f32);
    min + (f32::from(score) - 1.0) / 4.0 * (max - min)
}

/// The score (1 to 5) a value on the map's scale stands for.
fn score_of(map: &Map, value: f32) -> u8 {
    let (min, max) = (map.scale.min as f32, map.scale.max as f32);
    let t = if max > min { (value - min) / (max - min) } else { 0.5 };
    (1.0 + t * 4.0).round().clamp(1.0, 5.0) as u8
}

/// The curve of an actor: a persona of that name with its own curve, made on first mention.
fn actor_curve(
    builder: &mut Builder,
    actors: &mut HashMap<String, crate::model::CurveId>,
    actor: &str,
) -> crate::model::CurveId {
    if let Some(id) = actors.get(actor) {
        return id.clone();
    }
    let mut persona = Persona::new(actor);
    persona.id = PersonaId(builder.id("p-", actor));
    let mut curve = Curve::new(actor, Some(persona.id.clone()));
    curve.id = crate::model::CurveId(builder.id("e-", actor));
    let id = curve.id.clone();
    builder.map.personas.push(persona);
    builder.map.curves.push(curve);
    actors.insert(actor.to_owned(), id.clone());
    id
}

/// Put before a task whose text starts like a line of Mermaid's own (`title`, `section`, a
/// comment, a code fence): invisible, and not a space, so the line stays a task.
const WORD_JOINER: char = '\u{2060}';

/// Words that start a line of Mermaid's journey syntax (it reads them in any case).
const KEYWORDS: [&str; 5] = ["title", "section", "journey", "acctitle", "accdescr"];

/// Text as Mermaid may read it on one line: `#` and `;` (which end Mermaid's text), `%` (which
/// starts a comment) and, where Mermaid splits on them, `:` and `,` become their full-width
/// forms, which read the same to people.
fn mermaid_text(text: &str, also: &[char]) -> String {
    one_line(text)
        .chars()
        .map(|c| match c {
            '#' => '＃',
            ';' => '；',
            '%' => '％',
            ':' if also.contains(&':') => '：',
            ',' if also.contains(&',') => '，',
            c => c,
        })
        .collect()
}

/// A task's name: never empty, never mistaken for a keyword, a comment or a code fence.
fn task_name(title: &str) -> String {
    let name = mermaid_text(title, &[':']);
    let name = name.trim_start_matches(WORD_JOINER).trim();
    if name.is_empty() {
        return "Untitled".to_owned();
    }
    let first = name.split(|c: char| c.is_whitespace() || c == '：').next().unwrap_or("").to_lowercase();
    if KEYWORDS.contains(&first.as_str()) || name.starts_with('`') || name.starts_with('％') {
        format!("{WORD_JOINER}{name}")
    } else {
        name.to_owned()
    }
}

/// The lanes whose cards [`write`] writes as tasks: Actions and Customer actions.
fn action_lanes(map: &Map) -> std::collections::HashSet<&crate::model::LaneId> {
    map.lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Actions | LaneKind::CustomerActions))
        .map(|l| &l.id)
        .collect()
}

/// The tasks [`write`] writes.
pub fn task_count(map: &Map) -> usize {
    let actions = action_lanes(map);
    map.cards.iter().filter(|c| actions.contains(&c.lane)).count()
}

/// The map as a Mermaid journey: stages become sections; the cards of the actions lanes become
/// tasks, scored from the curves' points at them or else in their stage (3 where there are none),
/// with the personas whose curves have a point there as actors. Text that Mermaid would read as
/// its own syntax is rewritten (see [`mermaid_text`], [`task_name`]), so the diagram keeps the
/// map's structure whatever its cards say.
pub fn write(map: &Map) -> String {
    use crate::model::{CardId, CurveId, StageId};
    let mut out = String::from("journey\n");
    let title = mermaid_text(&map.title, &[]);
    let title = if title.is_empty() { "Untitled journey".to_owned() } else { title };
    let _ = writeln!(out, "    title {title}");
    let actions = action_lanes(map);
    // Indexes, so a map of a hundred thousand cards and points is written in linear time.
    let stage_of: HashMap<&CardId, &StageId> = map.cards.iter().map(|c| (&c.id, &c.stage)).collect();
    let mut at_card: HashMap<&CardId, Vec<&Point>> = HashMap::new();
    let mut in_stage: HashMap<&StageId, Vec<&Point>> = HashMap::new();
    for point in &map.points {
        let stage = match &point.at {
            Anchor::Stage(s) => Some(s),
            Anchor::Card(c) => {
                at_card.entry(c).or_default().push(point);
                stage_of.get(c).copied()
            }
        };
        if let Some(stage) = stage {
            in_stage.entry(stage).or_default().push(point);
        }
    }
    let mut tasks: HashMap<&StageId, Vec<&crate::model::Card>> = HashMap::new();
    for card in map.cards.iter().filter(|c| actions.contains(&c.lane)) {
        tasks.entry(&card.stage).or_default().push(card);
    }
    let person: HashMap<&CurveId, String> = map
        .curves
        .iter()
        .map(|c| {
            let name = c
                .persona
                .as_ref()
                .and_then(|id| map.personas.iter().find(|p| &p.id == id))
                .map_or_else(|| c.name.clone(), |p| p.name.clone());
            (&c.id, mermaid_text(&name, &[':', ',']))
        })
        .filter(|(_, name)| !name.is_empty())
        .collect();
    let (no_points, no_tasks) = (Vec::new(), Vec::new());
    for (index, stage) in map.stages.iter().enumerate() {
        let name = mermaid_text(&stage.name, &[':']);
        let name = if name.is_empty() { format!("Stage {}", index + 1) } else { name };
        let _ = writeln!(out, "    section {name}");
        for card in tasks.get(&stage.id).unwrap_or(&no_tasks) {
            // The curves' points at the card, else anywhere in its stage.
            let points = at_card.get(&card.id).or_else(|| in_stage.get(&stage.id)).unwrap_or(&no_points);
            let values: Vec<f32> = points.iter().map(|p| p.value).collect();
            let score = if values.is_empty() {
                3
            } else {
                score_of(map, values.iter().sum::<f32>() / values.len() as f32)
            };
            let mut people: Vec<&str> = Vec::new();
            for point in points {
                if let Some(name) = person.get(&point.curve)
                    && !people.contains(&name.as_str())
                {
                    people.push(name);
                }
            }
            let task = task_name(&card.title);
            if people.is_empty() {
                let _ = writeln!(out, "      {task}: {score}");
            } else {
                let _ = writeln!(out, "      {task}: {score}: {}", people.join(", "));
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example in Mermaid's own documentation of user journeys.
    const DOCS_EXAMPLE: &str = "journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

    #[test]
    fn the_documentation_example_becomes_a_map_with_two_personas() {
        let imported = read(DOCS_EXAMPLE, "x").unwrap();
        let map = &imported.map;
        assert_eq!(map.title, "My working day");
        assert_eq!(map.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Go to work", "Go home"]);
        assert_eq!(map.cards.len(), 5);
        assert_eq!(map.personas.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Me", "Cat"]);
        assert_eq!(map.curves.len(), 2);
        // "Do work: 1" is the most negative level for both actors; "Make tea: 5" the most positive.
        let work = map.cards.iter().find(|c| c.title == "Do work").unwrap();
        let at_work: Vec<f32> =
            map.points.iter().filter(|p| p.at == Anchor::Card(work.id.clone())).map(|p| p.value).collect();
        assert_eq!(at_work, [map.scale.min as f32, map.scale.min as f32]);
        assert!(map.validate().is_empty(), "{:?}", map.validate());
        assert!(imported.warnings.is_empty());
    }

    #[test]
    fn comments_unknown_lines_and_bad_scores_are_reported_by_line() {
        let text = "journey\n  %% a note\n  section A\n  Task: 9: Me\n  what is this\n  Other: 2\n";
        let problems = read(text, "x").unwrap_err().problems;
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
        let ok = read("journey\n  %% a note\n  section A\n  Fine: 4\n  what is this\n", "x").unwrap();
        assert_eq!(ok.warnings.iter().map(|w| w.line).collect::<Vec<_>>(), [2, 5]);
        assert_eq!(
            read("graph TD\n  A --> B\n", "x").unwrap_err().problems[0].message,
            "no mermaid `journey` diagram here"
        );
    }

    #[test]
    fn a_readme_block_is_found() {
        let text = format!("# Our journey\n\nSome words.\n\n```mermaid\n{DOCS_EXAMPLE}```\n\nMore words.\n");
        let map = read(&text, "x").unwrap().map;
        assert_eq!(map.cards.len(), 5);
    }

    #[test]
    fn a_map_written_out_reads_back_with_its_tasks_scores_and_actors() {
        let map = read(DOCS_EXAMPLE, "x").unwrap().map;
        let text = write(&map);
        assert!(text.contains("      Do work: 1: Me, Cat"), "{text}");
        let back = read(&text, "x").unwrap().map;
        assert_eq!(back.cards.len(), map.cards.len());
        assert_eq!(back.points.len(), map.points.len());
        let template = crate::templates::load("saas-onboarding").unwrap();
        let written = write(&template);
        assert!(read(&written, "x").is_ok(), "{written}");
    }

    #[test]
    fn card_titles_that_look_like_syntax_stay_cards() {
        let mut map = read(DOCS_EXAMPLE, "x").unwrap().map;
        let titles = ["section Evil stage", "title Owned title", "```", "   ", "%% a; b # c"];
        for (card, title) in map.cards.iter_mut().zip(titles) {
            card.title = title.to_owned();
        }
        let text = write(&map);
        let back = read(&text, "x").unwrap_or_else(|e| panic!("{e:?}\n{text}")).map;
        assert_eq!(back.title, "My working day");
        assert_eq!(back.stages.len(), 2, "{text}");
        let titles: Vec<&str> = back.cards.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["section Evil stage", "title Owned title", "```", "Untitled", "％％ a； b ＃ c"]);
        assert_eq!(write(&map).matches("section").count(), 3, "two sections and one card");
    }

    #[test]
    fn writing_a_large_map_takes_linear_time() {
        // 4,000 cards with points took most of a minute when each card looked through every
        // card and point; indexed, it is a blink (this test only proves it finishes).
        let mut map =
            crate::generate::map(crate::generate::Size { stages: 20, lanes: 4, cards: 4000, seed: 3 });
        for lane in &mut map.lanes {
            lane.kind = LaneKind::Actions;
        }
        let text = write(&map);
        assert_eq!(text.lines().filter(|l| l.starts_with("      ")).count(), map.cards.len());
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(64))]

        /// Whatever the map's text, its Mermaid diagram reads back with the same stages, the
        /// same tasks in each and the same title, as far as one line of Mermaid can hold them.
        #[test]
        fn any_text_round_trips_through_mermaid(
            title in ".{0,40}",
            stages in proptest::collection::vec(".{0,30}", 1..4),
            tasks in proptest::collection::vec((0usize..4, ".{0,40}"), 1..12),
        ) {
            let mut source = String::from("journey\n    title t\n");
            for (i, _) in stages.iter().enumerate() {
                let _ = writeln!(source, "    section s{i}");
                for (k, _) in tasks.iter().enumerate().filter(|(_, (at, _))| at % stages.len() == i) {
                    let _ = writeln!(source, "      task{k}: 3: Me");
                }
            }
            let mut map = read(&source, "x").unwrap().map;
            map.title.clone_from(&title);
            for (stage, name) in map.stages.iter_mut().zip(&stages) {
                stage.name.clone_from(name);
            }
            let mut wanted = Vec::new();
            for card in &mut map.cards {
                let k: usize = card.title.trim_start_matches("task").parse().unwrap();
                card.title.clone_from(&tasks[k].1);
                wanted.push(task_name(&tasks[k].1).trim_start_matches(WORD_JOINER).to_owned());
            }
            let text = write(&map);
            let back = read(&text, "x").map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e:?}\n{text}")))?.map;
            proptest::prop_assert_eq!(back.stages.len(), map.stages.len(), "{}", text);
            let got: Vec<String> = back.cards.iter().map(|c| c.title.clone()).collect();
            let mut wanted_in_order = Vec::new();
            for stage in &map.stages {
                for (card, name) in map.cards.iter().zip(&wanted) {
                    if card.stage == stage.id {
                        wanted_in_order.push(name.clone());
                    }
                }
            }
            proptest::prop_assert_eq!(got, wanted_in_order, "{}", text);
            let want_title = mermaid_text(&title, &[]);
            if !want_title.is_empty() {
                proptest::prop_assert_eq!(back.title.trim(), want_title.trim());
            }
        }
    }
}
