//! Journeys in and out of other tools: CSV/TSV touchpoint inventories (one row per card) and
//! Mermaid `journey` diagrams. Reading collects every problem with its line before giving up,
//! and never panics on what a spreadsheet or a README can hold.

pub mod cli;
pub mod csv;
pub mod mermaid;

use std::collections::HashMap;
use std::fmt;

use crate::model::{Card, Channel, Lane, LaneId, LaneKind, Map, Stage, StageId};

/// More rows or tasks than this are refused: a map that size is no longer readable.
pub const MAX_ROWS: usize = 10_000;

/// Longer fields are cut, with a warning.
pub const MAX_FIELD: usize = 10_000;

/// What of `map` a spreadsheet or a Mermaid journey has no place for, in a few words each, so an
/// export can say so rather than drop it silently.
pub fn left_out(map: &Map, format: DataFormat) -> Vec<String> {
    let mut out = Vec::new();
    let opens = map.stages.iter().filter(|s| s.opens.is_some()).count()
        + map.cards.iter().filter(|c| c.opens.is_some()).count();
    if opens > 0 {
        out.push(format!("{opens} links to other maps (opens)"));
    }
    if map.counterpart.is_some() {
        out.push("the map's counterpart".to_owned());
    }
    if !map.allow.is_empty() {
        out.push("the lint rules it allows".to_owned());
    }
    if map.direction.is_rtl() {
        out.push("its right-to-left direction".to_owned());
    }
    if format == DataFormat::Mermaid {
        let other = map.cards.len() - mermaid::task_count(map);
        if other > 0 {
            out.push(format!("{other} cards outside the Actions lanes"));
        }
    }
    out
}

/// What was wrong with the input, by line; or what was kept and worth saying.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// 1-based; 0 when the note is about the whole input.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 { f.write_str(&self.message) } else { write!(f, "{}: {}", self.line, self.message) }
    }
}

/// An input that could not become a map: every problem found, each with its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub problems: Vec<Note>,
}

/// A map read from another format, and what the reader wants the user to know.
#[derive(Debug)]
pub struct Imported {
    /// The map, its lanes in the usual order of their kinds.
    pub map: Map,
    pub warnings: Vec<Note>,
    /// The lanes in the order the file first named them (`import --keep-order`).
    pub lanes_as_named: Vec<LaneId>,
}

impl Imported {
    /// Puts the lanes back in the order the file first named them.
    pub fn keep_order(&mut self) {
        let place = |id: &LaneId| self.lanes_as_named.iter().position(|l| l == id).unwrap_or(usize::MAX);
        let mut lanes = std::mem::take(&mut self.map.lanes);
        lanes.sort_by_key(|lane| place(&lane.id));
        self.map.lanes = lanes;
        self.map.normalize();
    }
}

/// The formats data comes in and goes out as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    Csv,
    /// Tab-separated, as spreadsheets copy and save it.
    Tsv,
    Mermaid,
}

impl DataFormat {
    /// What a file of this format is, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv | Self::Tsv => "a spreadsheet",
            Self::Mermaid => "a Mermaid journey",
        }
    }

    /// The format asked for, else the one the file's name says; the message says how to name it.
    pub fn for_file(path: &std::path::Path, asked: Option<Self>) -> Result<Self, String> {
        asked.or_else(|| Self::from_path(path)).ok_or_else(|| {
            format!(
                "{}: cannot tell the format; name the file .csv, .tsv, .mmd or .md, or give --from \
                 csv|tsv|mermaid",
                path.display()
            )
        })
    }

    /// The format a file name asks for: `.csv`, `.tsv`, `.mmd`, `.mermaid`, or `.md` (a README
    /// holding a mermaid block).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_string_lossy().to_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "tsv" | "tab" => Some(Self::Tsv),
            "mmd" | "mermaid" | "md" | "markdown" => Some(Self::Mermaid),
            _ => None,
        }
    }
}

/// Reads text in a format into a map titled `title` unless the text names one.
pub fn import(
    text: &str,
    format: DataFormat,
    title: &str,
    columns: &[(String, String)],
) -> Result<Imported, ImportError> {
    let mut imported = match format {
        DataFormat::Csv | DataFormat::Tsv => csv::read(text, title, columns, format == DataFormat::Tsv),
        DataFormat::Mermaid => mermaid::read(text, title),
    }?;
    // A spreadsheet in Arabic makes a map that reads from the right.
    imported.map.direction = crate::model::MapDirection::of_words(&imported.map);
    Ok(imported)
}

/// Reads a file into a map, titled after the file unless the file names a title. Problems come
/// back as `file:line: message` lines.
pub fn read_file(
    path: &std::path::Path,
    format: DataFormat,
    columns: &[(String, String)],
) -> Result<Imported, Vec<String>> {
    let shown = path.display().to_string();
    let bytes = read_limited(path).map_err(|e| vec![format!("{shown}: {e}")])?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].split(|b| *b == b'\n').count();
        vec![format!("{shown}:{line}: not UTF-8 text (byte {at}); save it as UTF-8 (in Excel: CSV UTF-8)")]
    })?;
    let title = path.file_stem().map(|s| s.to_string_lossy().replace(['-', '_'], " ")).unwrap_or_default();
    import(&text, format, &title, columns)
        .map_err(|e| e.problems.iter().map(|p| located(&shown, p)).collect())
}

/// The bytes of a file to import: a regular file, or standard input for `-`, within the limit
/// map files have (so `/dev/zero` is refused, not read until memory runs out).
fn read_limited(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use crate::file::{MAX_FILE_BYTES, ReadError, read_limited, read_limited_from};
    let read = if path == std::path::Path::new("-") {
        read_limited_from(std::io::stdin())
    } else {
        read_limited(path, crate::file::open::Links::Follow)
    };
    read.map_err(|e| match e {
        ReadError::NotAFile => {
            "not a regular file (a folder, pipe or device); to import from a pipe, give `-` and pipe it in"
                .to_owned()
        }
        ReadError::Io(e) => format!("cannot read: {e}"),
        ReadError::TooLarge(_) => format!("larger than {} MiB; split it", MAX_FILE_BYTES / 1024 / 1024),
    })
}

/// `file:line: message`, or `file: message` for the whole file.
pub fn located(file: &str, note: &Note) -> String {
    if note.line == 0 {
        format!("{file}: {}", note.message)
    } else {
        format!("{file}:{}: {}", note.line, note.message)
    }
}

/// A field cut to [`MAX_FIELD`] characters, with a warning when it was longer.
fn bounded(value: &str, line: usize, what: &str, warnings: &mut Vec<Note>) -> String {
    let value = value.trim();
    if value.chars().count() <= MAX_FIELD {
        return value.to_owned();
    }
    warnings.push(Note { line, message: format!("{what} is longer than {MAX_FIELD} characters; cut") });
    value.chars().take(MAX_FIELD).collect()
}

/// Builds a map from named stages and lanes, in order of first appearance, with readable ids.
struct Builder {
    map: Map,
    stages: HashMap<String, StageId>,
    lanes: HashMap<String, LaneId>,
    ids: crate::model::IdMaker,
}

impl Builder {
    fn new(title: &str) -> Self {
        Self {
            map: Map::blank(title),
            stages: HashMap::new(),
            lanes: HashMap::new(),
            ids: crate::model::IdMaker::default(),
        }
    }

    /// An id of `prefix` and a slug of `name`, unique in the map.
    fn id(&mut self, prefix: &str, name: &str) -> String {
        self.ids.make(prefix, name)
    }

    fn stage(&mut self, name: &str) -> StageId {
        let key = name.trim().to_lowercase();
        if let Some(id) = self.stages.get(&key) {
            return id.clone();
        }
        self.new_stage(name)
    }

    /// A new stage named `name`, even when one of that name exists (Mermaid's sections follow
    /// one another, and two may share a name); rows naming it find the latest.
    fn new_stage(&mut self, name: &str) -> StageId {
        let key = name.trim().to_lowercase();
        let id = StageId(self.id("s-", name));
        let mut stage = Stage::new(name.trim());
        stage.id = id.clone();
        self.map.stages.push(stage);
        self.stages.insert(key, id.clone());
        id
    }

    /// The lane named `name`, of `kind` when given, else of the kind its name says.
    fn lane(&mut self, name: &str, kind: Option<LaneKind>) -> LaneId {
        let key = name.trim().to_lowercase();
        if let Some(id) = self.lanes.get(&key) {
            return id.clone();
        }
        let id = LaneId(self.id("l-", name));
        let mut lane = Lane::new(kind.unwrap_or_else(|| lane_kind(name)));
        lane.id = id.clone();
        name.trim().clone_into(&mut lane.title);
        self.map.lanes.push(lane);
        self.lanes.insert(key, id.clone());
        id
    }

    fn card(&mut self, lane: LaneId, stage: StageId, title: &str) -> &mut Card {
        let mut card = Card::new(lane, stage, title);
        card.id = crate::model::CardId(self.id("c-", title));
        self.map.cards.push(card);
        let last = self.map.cards.len() - 1;
        &mut self.map.cards[last]
    }

    /// The map built, and its lanes in the order the file first named them. The map's lanes
    /// come in the order journey maps usually give their kinds (actions above touchpoints, the
    /// emotions in the middle, pain points and opportunities below; lanes of one kind, and
    /// custom lanes, in the order the file first names them).
    fn finish(mut self) -> (Map, Vec<LaneId>) {
        let as_named = self.map.lanes.iter().map(|l| l.id.clone()).collect();
        self.map.lanes.sort_by_key(|lane| usual_place(lane.kind));
        self.map.normalize();
        (self.map, as_named)
    }
}

/// Where a lane of `kind` usually sits, top to bottom.
fn usual_place(kind: LaneKind) -> usize {
    const ORDER: [LaneKind; 18] = [
        LaneKind::PhysicalEvidence,
        LaneKind::Actions,
        LaneKind::CustomerActions,
        LaneKind::Touchpoints,
        LaneKind::Channels,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::SupportProcesses,
        LaneKind::Thoughts,
        LaneKind::Questions,
        LaneKind::Motivations,
        LaneKind::Emotions,
        LaneKind::Obstacles,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Metrics,
        LaneKind::Owners,
        LaneKind::Custom,
    ];
    ORDER.iter().position(|k| *k == kind).unwrap_or(ORDER.len())
}

/// The lane kind a lane's name says, in English or in the languages of our templates; Custom
/// when it says none.
pub fn lane_kind(name: &str) -> LaneKind {
    /// Names in use besides the kinds' own, in English and in the languages of our templates.
    const NAMES: &[(&str, LaneKind)] = &[
        ("doing", LaneKind::Actions),
        ("steps", LaneKind::Actions),
        ("tindakan", LaneKind::Actions),
        ("aktivitas", LaneKind::Actions),
        ("aktionen", LaneKind::Actions),
        ("handlungen", LaneKind::Actions),
        ("الإجراءات", LaneKind::Actions),
        ("การกระทำ", LaneKind::Actions),
        ("touchpoint", LaneKind::Touchpoints),
        ("titik sentuh", LaneKind::Touchpoints),
        ("kontaktpunkte", LaneKind::Touchpoints),
        ("berührungspunkte", LaneKind::Touchpoints),
        ("نقاط الاتصال", LaneKind::Touchpoints),
        ("จุดสัมผัส", LaneKind::Touchpoints),
        ("channel", LaneKind::Channels),
        ("saluran", LaneKind::Channels),
        ("kanäle", LaneKind::Channels),
        ("القنوات", LaneKind::Channels),
        ("ช่องทาง", LaneKind::Channels),
        ("thinking", LaneKind::Thoughts),
        ("thoughts & questions", LaneKind::Thoughts),
        ("pikiran", LaneKind::Thoughts),
        ("gedanken", LaneKind::Thoughts),
        ("الأفكار", LaneKind::Thoughts),
        ("ความคิด", LaneKind::Thoughts),
        ("feelings", LaneKind::Emotions),
        ("feeling", LaneKind::Emotions),
        ("sentiment", LaneKind::Emotions),
        ("emosi", LaneKind::Emotions),
        ("gefühle", LaneKind::Emotions),
        ("emotionen", LaneKind::Emotions),
        ("المشاعر", LaneKind::Emotions),
        ("อารมณ์", LaneKind::Emotions),
        ("pain point", LaneKind::PainPoints),
        ("pains", LaneKind::PainPoints),
        ("titik masalah", LaneKind::PainPoints),
        ("schmerzpunkte", LaneKind::PainPoints),
        ("نقاط الألم", LaneKind::PainPoints),
        ("ปัญหา", LaneKind::PainPoints),
        ("opportunity", LaneKind::Opportunities),
        ("ideas", LaneKind::Opportunities),
        ("peluang", LaneKind::Opportunities),
        ("chancen", LaneKind::Opportunities),
        ("الفرص", LaneKind::Opportunities),
        ("โอกาส", LaneKind::Opportunities),
        ("backstage actions", LaneKind::Backstage),
        ("frontstage actions", LaneKind::Frontstage),
        ("support", LaneKind::SupportProcesses),
        ("evidence", LaneKind::PhysicalEvidence),
        ("owner", LaneKind::Owners),
        ("kpis", LaneKind::Metrics),
    ];
    let name = name.trim().to_lowercase();
    if let Some(kind) =
        LaneKind::ALL.into_iter().find(|k| k.label().to_lowercase() == name || k.key().to_lowercase() == name)
    {
        return kind;
    }
    NAMES.iter().find(|(n, _)| *n == name).map_or(LaneKind::Custom, |(_, k)| *k)
}

/// The channel a name says (any case, label or short name); a channel of its own otherwise.
pub fn channel(name: &str) -> Option<Channel> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lower = trimmed.to_lowercase();
    let short: &[(&str, Channel)] = &[
        ("social", Channel::SocialMedia),
        ("web", Channel::Website),
        ("site", Channel::Website),
        ("e-mail", Channel::Email),
        ("ads", Channel::PaidAds),
        ("reviews", Channel::Reviews),
        ("call", Channel::Phone),
        ("chat", Channel::LiveChat),
        ("app", Channel::MobileApp),
        ("mobile app", Channel::MobileApp),
        ("aplikasi", Channel::MobileApp),
        ("aplikasi seluler", Channel::MobileApp),
        ("التطبيق", Channel::MobileApp),
        ("تطبيق الجوال", Channel::MobileApp),
        ("แอป", Channel::MobileApp),
        ("แอปพลิเคชัน", Channel::MobileApp),
        ("store", Channel::InPerson),
        ("shop", Channel::InPerson),
        ("in store", Channel::InPerson),
        ("in-store", Channel::InPerson),
        ("instore", Channel::InPerson),
        ("branch", Channel::InPerson),
        ("counter", Channel::InPerson),
        ("face to face", Channel::InPerson),
        ("in-person", Channel::InPerson),
        ("toko", Channel::InPerson),
        ("cabang", Channel::InPerson),
        ("tatap muka", Channel::InPerson),
        ("المتجر", Channel::InPerson),
        ("الفرع", Channel::InPerson),
        ("ร้านค้า", Channel::InPerson),
        ("สาขา", Channel::InPerson),
        ("filiale", Channel::InPerson),
        ("laden", Channel::InPerson),
        ("vor ort", Channel::InPerson),
        ("call centre", Channel::Phone),
        ("call center", Channel::Phone),
        ("contact centre", Channel::Phone),
        ("contact center", Channel::Phone),
        ("hotline", Channel::Phone),
        ("telepon", Channel::Phone),
        ("الهاتف", Channel::Phone),
        ("โทรศัพท์", Channel::Phone),
        ("telefon", Channel::Phone),
        ("whatsapp", Channel::LiveChat),
        ("line", Channel::LiveChat),
        ("messenger", Channel::LiveChat),
        ("obrolan langsung", Channel::LiveChat),
        ("الدردشة المباشرة", Channel::LiveChat),
        ("แชท", Channel::LiveChat),
        ("situs web", Channel::Website),
        ("الموقع الإلكتروني", Channel::Website),
        ("เว็บไซต์", Channel::Website),
        ("webseite", Channel::Website),
        ("surel", Channel::Email),
        ("البريد الإلكتروني", Channel::Email),
        ("อีเมล", Channel::Email),
        ("media sosial", Channel::SocialMedia),
        ("وسائل التواصل الاجتماعي", Channel::SocialMedia),
        ("โซเชียลมีเดีย", Channel::SocialMedia),
        ("soziale medien", Channel::SocialMedia),
    ];
    Channel::KNOWN
        .into_iter()
        .find(|c| {
            c.label().to_lowercase() == lower || format!("{c:?}").to_lowercase() == lower.replace(' ', "")
        })
        .or_else(|| short.iter().find(|(n, _)| *n == lower).map(|(_, c)| c.clone()))
        .or_else(|| Some(Channel::Other(trimmed.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_names_say_their_kind_in_every_seed_language() {
        assert_eq!(lane_kind("Pain points"), LaneKind::PainPoints);
        assert_eq!(lane_kind("pain point"), LaneKind::PainPoints);
        assert_eq!(lane_kind("Customer actions"), LaneKind::CustomerActions);
        assert_eq!(lane_kind("Titik sentuh"), LaneKind::Touchpoints);
        assert_eq!(lane_kind("Kontaktpunkte"), LaneKind::Touchpoints);
        assert_eq!(lane_kind("نقاط الاتصال"), LaneKind::Touchpoints);
        assert_eq!(lane_kind("จุดสัมผัส"), LaneKind::Touchpoints);
        assert_eq!(lane_kind("Partners"), LaneKind::Custom);
    }

    #[test]
    fn channels_are_matched_by_label_and_short_name() {
        assert_eq!(channel("Live chat"), Some(Channel::LiveChat));
        assert_eq!(channel("livechat"), Some(Channel::LiveChat));
        assert_eq!(channel("SMS"), Some(Channel::Sms));
        assert_eq!(channel("app"), Some(Channel::MobileApp));
        assert_eq!(channel("Carrier pigeon"), Some(Channel::Other("Carrier pigeon".into())));
        assert_eq!(channel("  "), None);
    }

    #[test]
    fn ids_are_readable_and_unique() {
        let mut b = Builder::new("x");
        assert_eq!(b.id("c-", "Checkout page!"), "c-checkout-page");
        assert_eq!(b.id("c-", "Checkout page"), "c-checkout-page-2");
        assert_eq!(b.id("c-", "???"), "c-item");
    }
}
