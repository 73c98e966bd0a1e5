//! What `touchline check` and `touchline lint` say about maps: every finding with its rule's id,
//! the file and line it is on, and one line of message.
//!
//! `check` asks whether maps read and whether what they point at exists (pictures, linked maps,
//! counterparts). `lint` adds the rules a reviewer applies to a journey map. A warning can be
//! silenced in the map that has it, `allow: ["rule"]` for the whole map or `allow: ["rule:id"]`
//! for one card or stage, so a team's decision is kept next to the map and reviewed with it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Entry;
use crate::file::LoadError;
use crate::model::{Evidence, LaneKind, Map};

/// How bad a finding is: an error fails `check` and `lint`; a warning fails `lint` only with
/// `--deny-warnings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// Every rule, by the id that names it in output and in a map's `allow`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Rule {
    /// The file does not read as a valid map.
    Unreadable,
    /// A curve point is anchored at a card that is no longer in the map.
    PointOnDeletedCard,
    UntitledCard,
    PictureUnshown,
    /// A card or stage opens a map that is missing or does not read.
    LinkMissing,
    /// A card's or stage's `opens`, or the counterpart, is not a map inside the map's folder
    /// (`javascript:…`, an absolute path, `../..`): exports draw it as plain text, and outside
    /// the map's repository it is not even looked at.
    LinkOutside,
    CounterpartMissing,
    OpportunityWithoutOwner,
    PainWithoutEvidence,
    StageWithoutCurvePoint,
    DuplicateCardTitle,
    Stale,
    /// `allow` names a rule that does not exist.
    UnknownAllow,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Self::Unreadable => "unreadable",
            Self::PointOnDeletedCard => "point-on-deleted-card",
            Self::UntitledCard => "untitled-card",
            Self::PictureUnshown => "picture-unshown",
            Self::LinkMissing => "link-missing",
            Self::LinkOutside => "link-outside",
            Self::CounterpartMissing => "counterpart-missing",
            Self::OpportunityWithoutOwner => "opportunity-without-owner",
            Self::PainWithoutEvidence => "pain-without-evidence",
            Self::StageWithoutCurvePoint => "stage-without-curve-point",
            Self::DuplicateCardTitle => "duplicate-card-title",
            Self::Stale => "stale",
            Self::UnknownAllow => "unknown-allow",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Self::Unreadable | Self::PointOnDeletedCard => Severity::Error,
            _ => Severity::Warning,
        }
    }

    /// A reviewer's rule, which `lint` applies and `check` does not.
    pub fn is_review(self) -> bool {
        matches!(
            self,
            Self::OpportunityWithoutOwner
                | Self::PainWithoutEvidence
                | Self::StageWithoutCurvePoint
                | Self::DuplicateCardTitle
                | Self::Stale
                | Self::UnknownAllow
        )
    }

    /// What the rule asks, for `touchline lint --rules`.
    pub fn about(self) -> &'static str {
        match self {
            Self::Unreadable => "the file reads as a valid map",
            Self::PointOnDeletedCard => "every curve point's card is still in the map",
            Self::UntitledCard => "every card has a title",
            Self::PictureUnshown => "every picture a card or persona names can be shown",
            Self::LinkMissing => "every map a card or stage opens exists and reads",
            Self::LinkOutside => {
                "every map a card or stage opens is a relative path inside the map's folder (others are never links)"
            }
            Self::CounterpartMissing => "the map's counterpart (its other state) exists and reads",
            Self::OpportunityWithoutOwner => "every opportunity has an owner",
            Self::PainWithoutEvidence => "every pain point is backed by evidence (observed, not assumed)",
            Self::StageWithoutCurvePoint => "in a map with a sentiment curve, every stage has a point on it",
            Self::DuplicateCardTitle => "no two cards of one stage share a title",
            Self::Stale => "the map changed in git within --stale-days days",
            Self::UnknownAllow => "every rule the map's `allow` names exists",
        }
    }

    /// Whether a map's `allow` may silence the rule: not errors, and not what warns a reviewer
    /// of a map from someone else (an `opens` that points out of the folder).
    pub fn can_be_silenced(self) -> bool {
        self.severity() == Severity::Warning && !matches!(self, Self::UnknownAllow | Self::LinkOutside)
    }

    pub fn from_id(id: &str) -> Option<Self> {
        use strum::IntoEnumIterator as _;
        Self::iter().find(|r| r.id() == id)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One thing found in one map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// The map file, as found; in JSON a name that is not UTF-8 is written lossily.
    #[serde(serialize_with = "lossy_path")]
    pub file: PathBuf,
    /// 1-based; absent when the finding is about the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The card, stage or point the finding is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub message: String,
}

impl Finding {
    /// `file:line: warning: message` as `check` has always printed it, or with the rule's id for
    /// `lint` (`warning[stale]`). A map that does not read keeps the reader's own message. One
    /// line, whatever the file's name holds (see [`crate::exit::printable`]).
    pub fn text(&self, with_rule: bool) -> String {
        crate::exit::printable(&self.raw_text(with_rule)).into_owned()
    }

    fn raw_text(&self, with_rule: bool) -> String {
        let mut place = self.file.display().to_string();
        if let Some(line) = self.line {
            let _ = write!(place, ":{line}");
            if let Some(column) = self.column {
                let _ = write!(place, ":{column}");
            }
        }
        match (with_rule, self.rule) {
            (false, Rule::Unreadable) => format!("{place}: {}", self.message),
            (false, _) => format!("{place}: {}: {}", self.severity.word(), self.message),
            (true, rule) => format!("{place}: {}[{}]: {}", self.severity.word(), rule.id(), self.message),
        }
    }

    /// A GitHub Actions workflow command, shown by GitHub as an annotation on the file's line.
    pub fn github(&self) -> String {
        let mut properties = format!("file={}", github_property(&self.file.display().to_string()));
        if let Some(line) = self.line {
            let _ = write!(properties, ",line={line}");
            if let Some(column) = self.column {
                let _ = write!(properties, ",col={column}");
            }
        }
        let _ = write!(properties, ",title={}", github_property(self.rule.id()));
        format!("::{} {properties}::{}", self.severity.word(), github_data(&self.message))
    }
}

fn lossy_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// A workflow command's message: `%`, carriage returns and line feeds escaped.
fn github_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,`, which end a property.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// What to apply.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The reviewer's rules, not only `check`'s.
    pub review: bool,
    /// A map whose last commit is older than this many days is stale (the entries' commits must
    /// have been read).
    pub stale_days: Option<u64>,
    /// Seconds since 1970, for staleness.
    pub now: i64,
}

/// Everything `options` asks for, about every entry, in file order and line order within a
/// file. Linked maps are looked up among the entries and read from disk when outside them.
pub fn findings(entries: &[Entry], options: Options) -> Vec<Finding> {
    let mut links = Links::new(entries);
    let mut out = Vec::new();
    for entry in entries {
        let mut found = Found { entry, text: None, list: Vec::new() };
        match &entry.map {
            Err(error) => found.unreadable(error),
            Ok(map) => {
                map_findings(&mut found, map, &mut links, options);
                found.list.retain(|f| !silenced(map, f));
            }
        }
        let mut list = found.list;
        list.sort_by_key(|f| (f.line, f.column));
        out.extend(list);
    }
    out
}

fn map_findings(found: &mut Found<'_>, map: &Map, links: &mut Links, options: Options) {
    let path = found.entry.path.clone();
    for card in map.cards.iter().filter(|c| c.title.trim().is_empty()) {
        let id = card.id.as_str();
        found.on_item(Rule::UntitledCard, id, None, format!("card {id:?} has no title"));
    }
    pictures(found, map);
    for (kind, id, link) in map
        .stages
        .iter()
        .filter_map(|s| Some(("stage", s.id.as_str(), s.opens.as_deref()?)))
        .chain(map.cards.iter().filter_map(|c| Some(("card", c.id.as_str(), c.opens.as_deref()?))))
    {
        match links.look(&path, link) {
            Look::Inside(None) => {}
            Look::Inside(Some(why)) => found.on_item(
                Rule::LinkMissing,
                id,
                Some("opens:"),
                format!("{kind} {id:?} opens {}, which {why}", quoted(link)),
            ),
            Look::Outside { why, missing, .. } => {
                let message = format!(
                    "{kind} {id:?} opens {}, which {why}: exports draw it as plain text{}",
                    quoted(link),
                    missing.map_or_else(String::new, |missing| format!("; it {missing}"))
                );
                found.on_item(Rule::LinkOutside, id, Some("opens:"), message);
            }
        }
    }
    if let Some(other) = &map.counterpart {
        let line = found.line_of_field("counterpart:");
        // The counterpart is no link in an export: inside the repository it only has to read.
        match links.look(&path, other) {
            Look::Inside(None) | Look::Outside { looked: true, missing: None, .. } => {}
            Look::Inside(Some(why)) | Look::Outside { looked: true, missing: Some(why), .. } => {
                let message = format!("the map's counterpart {} {why}", quoted(other));
                found.push(Rule::CounterpartMissing, line, None, message);
            }
            Look::Outside { why, looked: false, .. } => {
                let message = format!("the map's counterpart {} {why}", quoted(other));
                found.push(Rule::LinkOutside, line, None, message);
            }
        }
    }
    if !options.review {
        return;
    }
    review(found, map);
    if let (Some(_), Some(why)) = (options.stale_days, &found.entry.commit_not_known) {
        found.push(Rule::Stale, None, None, format!("when it last changed is not known: {why}"));
    }
    if let (Some(days), Some(commit)) = (options.stale_days, &found.entry.commit) {
        let age = (options.now - commit.seconds).max(0) / 86_400;
        if age > i64::try_from(days).unwrap_or(i64::MAX) {
            let message = format!(
                "not changed for {age} days (last commit {} by {}); the limit is {days}",
                date(commit.seconds),
                commit.author
            );
            found.push(Rule::Stale, None, None, message);
        }
    }
    for allowed in &map.allow {
        let rule = allowed.split_once(':').map_or(allowed.as_str(), |(rule, _)| rule);
        if Rule::from_id(rule).is_none_or(|r| !r.can_be_silenced()) {
            let line = found.line_of_literal(&format!("{allowed:?}"));
            let known: Vec<&str> = silenceable().map(Rule::id).collect();
            let message = format!(
                "allow names {rule:?}, which is no rule a map can silence; rules: {}",
                known.join(", ")
            );
            found.push(Rule::UnknownAllow, line, None, message);
        }
    }
}

/// The rules a map's `allow` may name.
pub fn silenceable() -> impl Iterator<Item = Rule> {
    use strum::IntoEnumIterator as _;
    Rule::iter().filter(|r| r.can_be_silenced())
}

fn pictures(found: &mut Found<'_>, map: &Map) {
    use crate::pictures::{Reach, folder_of, probe_named, unshown};
    let folder = folder_of(&found.entry.path);
    // A picture outside the map's folder is not even looked at: the message says so.
    for u in unshown(map, |name| probe_named(folder, name, Reach::MapFolder).err()) {
        found.on_item(
            Rule::PictureUnshown,
            u.id,
            Some("image:"),
            format!("{u}; it is drawn as a placeholder"),
        );
    }
}

/// The reviewer's rules on one map.
fn review(found: &mut Found<'_>, map: &Map) {
    let kind_of: HashMap<&str, LaneKind> = map.lanes.iter().map(|l| (l.id.as_str(), l.kind)).collect();
    for card in &map.cards {
        let (id, title) = (card.id.as_str(), card.title.trim());
        match kind_of.get(card.lane.as_str()) {
            Some(LaneKind::Opportunities) if card.owner.trim().is_empty() => {
                found.on_item(
                    Rule::OpportunityWithoutOwner,
                    id,
                    None,
                    format!("opportunity {} has no owner", quoted(title)),
                );
            }
            Some(LaneKind::PainPoints)
                if !matches!(card.evidence, Some(Evidence::Observed | Evidence::Proposed)) =>
            {
                let why = if card.evidence == Some(Evidence::Assumed) {
                    "is only assumed"
                } else {
                    "has no evidence"
                };
                let message =
                    format!("pain point {} {why}; mark it observed once research backs it", quoted(title));
                found.on_item(Rule::PainWithoutEvidence, id, None, message);
            }
            _ => {}
        }
    }
    // A curve with no point yet is not drawn: only a drawn curve leaves stages out.
    if !map.points.is_empty() {
        let pointed: HashSet<&str> = map
            .points
            .iter()
            .filter_map(|p| map.anchor_stage(&p.at))
            .map(crate::model::StageId::as_str)
            .collect();
        for stage in map.stages.iter().filter(|s| !pointed.contains(s.id.as_str())) {
            let message = format!("stage {} has no point on the sentiment curve", quoted(stage.name.trim()));
            found.on_item(Rule::StageWithoutCurvePoint, stage.id.as_str(), None, message);
        }
    }
    let mut first: HashMap<(&str, String), &str> = HashMap::new();
    for card in &map.cards {
        let words: Vec<String> = card.title.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            continue;
        }
        let key = (card.stage.as_str(), words.join(" "));
        if let Some(earlier) = first.get(&key) {
            let stage = map.stage(&card.stage).map_or(card.stage.as_str(), |s| s.name.trim());
            let message = format!(
                "card {} has the same title as card {earlier:?} in stage {}",
                quoted(card.title.trim()),
                quoted(stage)
            );
            found.on_item(Rule::DuplicateCardTitle, card.id.as_str(), None, message);
        } else {
            first.insert(key, card.id.as_str());
        }
    }
}

/// Whether the map's `allow` silences a finding: by its rule, or its rule on its item.
fn silenced(map: &Map, finding: &Finding) -> bool {
    if !finding.rule.can_be_silenced() {
        return false;
    }
    let id = finding.rule.id();
    map.allow.iter().any(|a| match a.split_once(':') {
        None => a.trim() == id,
        Some((rule, item)) => rule.trim() == id && finding.item.as_deref() == Some(item.trim()),
    })
}

/// The findings of one entry as they are made, with the file's text read and indexed once,
/// when a line is first needed.
struct Found<'a> {
    entry: &'a Entry,
    text: Option<Lines>,
    list: Vec<Finding>,
}

/// A map file's lines, and which lines each quoted string is on: finding the line of an item
/// costs a look-up, not a pass over the file, however many findings a map has.
#[derive(Default)]
struct Lines {
    text: String,
    /// Each line's byte range in `text`.
    ranges: Vec<std::ops::Range<usize>>,
    /// Each string literal as written (with its quotes), and the lines it is on, in order.
    literals: HashMap<String, Vec<usize>>,
}

impl Lines {
    fn new(text: String) -> Self {
        let mut ranges = Vec::new();
        let mut literals: HashMap<String, Vec<usize>> = HashMap::new();
        let mut start = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            ranges.push(start..start + line.len());
            let bytes = line.as_bytes();
            let mut at = 0;
            while let Some(open) = bytes[at..].iter().position(|b| *b == b'"').map(|p| at + p) {
                let mut end = open + 1;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let close = (end + 1).min(bytes.len());
                if let Some(literal) = line.get(open..close) {
                    let on = literals.entry(literal.to_owned()).or_default();
                    if on.last() != Some(&n) {
                        on.push(n);
                    }
                }
                at = close;
            }
            start += line.len();
        }
        Self { text, ranges, literals }
    }

    fn line(&self, n: usize) -> &str {
        self.ranges.get(n).and_then(|r| self.text.get(r.clone())).unwrap_or_default()
    }
}

impl Found<'_> {
    fn push(&mut self, rule: Rule, line: Option<usize>, item: Option<&str>, message: String) {
        self.list.push(Finding {
            rule,
            severity: rule.severity(),
            file: self.entry.path.clone(),
            line,
            column: None,
            item: item.map(str::to_owned),
            message,
        });
    }

    /// A finding on the item `id`, at the line that holds it (and `field`, when given).
    fn on_item(&mut self, rule: Rule, id: &str, field: Option<&str>, message: String) {
        let line = self.line_of_id(id, field);
        self.push(rule, line, Some(id), message);
    }

    fn lines(&mut self) -> &Lines {
        let path = &self.entry.path;
        self.text.get_or_insert_with(|| {
            let bytes = crate::file::read_limited(path, crate::file::open::Links::Follow).unwrap_or_default();
            Lines::new(String::from_utf8_lossy(&bytes).into_owned())
        })
    }

    /// The line of the item `id` (`id: "…"`), preferring one that also holds `field`.
    fn line_of_id(&mut self, id: &str, field: Option<&str>) -> Option<usize> {
        let lines = self.lines();
        let needle = format!("id: {id:?}");
        let on = lines.literals.get(&format!("{id:?}"))?;
        let holding: Vec<usize> = on.iter().copied().filter(|n| lines.line(*n).contains(&needle)).collect();
        let with_field = field.and_then(|f| holding.iter().copied().find(|n| lines.line(*n).contains(f)));
        with_field.or_else(|| holding.first().copied()).map(|n| n + 1)
    }

    /// The first line holding the string literal `literal` (quoted as written).
    fn line_of_literal(&mut self, literal: &str) -> Option<usize> {
        self.lines().literals.get(literal).and_then(|on| on.first()).map(|n| n + 1)
    }

    /// The first line that starts with `field` (once per map: the map's own fields).
    fn line_of_field(&mut self, field: &str) -> Option<usize> {
        let lines = self.lines();
        (0..lines.ranges.len()).find(|n| lines.line(*n).trim_start().starts_with(field)).map(|n| n + 1)
    }

    fn unreadable(&mut self, error: &LoadError) {
        match error {
            LoadError::Syntax { line, col, message, .. } => {
                self.push(Rule::Unreadable, Some(*line), None, message.clone());
                if let Some(last) = self.list.last_mut() {
                    last.column = Some(*col);
                }
            }
            LoadError::NotText { line, col, .. } => {
                self.push(Rule::Unreadable, Some(*line), None, "file is not UTF-8 text".to_owned());
                if let Some(last) = self.list.last_mut() {
                    last.column = Some(*col);
                }
            }
            LoadError::Invalid { problems, .. } => {
                for problem in problems {
                    let rule = if problem.kind == "point" && problem.message.starts_with("card ") {
                        Rule::PointOnDeletedCard
                    } else {
                        Rule::Unreadable
                    };
                    let line = if problem.id.is_empty() { None } else { self.line_of_id(&problem.id, None) };
                    let item = (!problem.id.is_empty()).then_some(problem.id.as_str());
                    self.push(rule, line, item, problem.to_string());
                }
            }
            other => {
                let path = format!("{}: ", self.entry.path.display());
                let message = other.to_string();
                let message = message.strip_prefix(&path).unwrap_or(&message).to_owned();
                self.push(Rule::Unreadable, None, None, message);
            }
        }
    }
}

/// Whether the maps that others link to exist and read, each file asked about once.
struct Links {
    /// Titles of the entries' maps by their canonical paths (`None`: does not read).
    known: HashMap<PathBuf, Option<String>>,
    /// Each map folder's canonical path and the folder links may lead into (its repository's
    /// root, or itself outside git), found once per folder.
    reach: HashMap<PathBuf, Option<(PathBuf, PathBuf)>>,
}

/// What following a link found.
enum Look {
    /// A map inside the map's folder: why it cannot be followed, if it cannot.
    Inside(Option<String>),
    /// Not a map inside the map's folder (`why`). A relative path inside the map's repository
    /// (or its folder, outside git) is `looked` at (`missing` says why it cannot be followed, if
    /// it cannot); anything else is not, so that no message tells what exists elsewhere on disk.
    Outside { why: String, looked: bool, missing: Option<String> },
}

impl Links {
    fn new(entries: &[Entry]) -> Self {
        let known = entries
            .iter()
            .filter_map(|e| Some((e.path.canonicalize().ok()?, e.map.as_ref().ok().map(|m| m.title.clone()))))
            .collect();
        Self { known, reach: HashMap::new() }
    }

    /// The canonical folder of `map_file` and the folder its links may lead into.
    fn reach_of(&mut self, map_file: &Path) -> Option<(PathBuf, PathBuf)> {
        let folder = crate::pictures::folder_of(map_file).unwrap_or(Path::new("."));
        self.reach
            .entry(folder.to_path_buf())
            .or_insert_with(|| {
                let canonical = folder.canonicalize().ok()?;
                let root = repository_of(&canonical).unwrap_or_else(|| canonical.clone());
                Some((canonical, root))
            })
            .clone()
    }

    /// Where the map `link` (named in `map_file`) leads, and whether it can be followed.
    fn look(&mut self, map_file: &Path, link: &str) -> Look {
        use crate::model::map_link::{NotInside, inside_folder};
        match inside_folder(link) {
            Ok(_) => Look::Inside(self.missing(map_file, link, None)),
            Err(why @ (NotInside::Climbs | NotInside::NotAMap)) => {
                let Some(reach) = self.reach_of(map_file) else {
                    return Look::Outside { why: why.to_string(), looked: false, missing: None };
                };
                let missing = self.missing(map_file, link, Some(&reach));
                let looked = !missing.as_deref().is_some_and(|m| m.ends_with(NOT_LOOKED_AT));
                Look::Outside { why: why.to_string(), looked, missing }
            }
            Err(why) => {
                Look::Outside { why: format!("{why} and is not looked at"), looked: false, missing: None }
            }
        }
    }

    /// Why the map `link` (named in `map_file`) cannot be followed, if it cannot. With `within`
    /// (the map's canonical folder and a root), a file that does not lie inside the root (by
    /// name, then after following links) is not looked at.
    fn missing(
        &mut self,
        map_file: &Path,
        link: &str,
        within: Option<&(PathBuf, PathBuf)>,
    ) -> Option<String> {
        let target = super::linked_path(map_file, link);
        let outside = || Some(format!("lies outside the map's repository and {NOT_LOOKED_AT}"));
        // By name first, so that whether a file outside exists is never asked.
        if let Some((folder, root)) = within
            && !lexically_within(folder, link, root)
        {
            return outside();
        }
        let Ok(canonical) = target.canonicalize() else {
            return Some("does not exist".to_owned());
        };
        // Then where links inside lead.
        if let Some((_, root)) = within
            && !canonical.starts_with(root)
        {
            return outside();
        }
        if canonical.is_dir() {
            return Some("is a folder, not a map".to_owned());
        }
        let title = self
            .known
            .entry(canonical)
            .or_insert_with(|| crate::file::load(&target).ok().map(|m| m.title))
            .clone();
        match title {
            Some(_) => None,
            None => Some("does not read as a map (see `touchline check` on it)".to_owned()),
        }
    }
}

const NOT_LOOKED_AT: &str = "is not looked at";

/// Whether the map `link` names from a map in `folder` (canonical) lies in `root` (canonical) by
/// name, `.` and `..` taken as written: the file system is not asked about the link.
fn lexically_within(folder: &Path, link: &str, root: &Path) -> bool {
    use std::path::Component;
    let mut parts: Vec<Component<'_>> = folder.components().collect();
    for part in Path::new(link).components() {
        match part {
            Component::ParentDir => {
                if matches!(parts.last(), Some(Component::Normal(_))) {
                    parts.pop();
                }
            }
            Component::Normal(_) => parts.push(part),
            // An absolute link or a drive starts elsewhere: never within.
            Component::RootDir | Component::Prefix(_) => return false,
            Component::CurDir => {}
        }
    }
    parts.iter().collect::<PathBuf>().starts_with(root)
}

/// The root of the git repository a (canonical) folder is in: the nearest folder above it
/// holding `.git`.
fn repository_of(folder: &Path) -> Option<PathBuf> {
    folder.ancestors().find(|f| f.join(".git").exists()).map(Path::to_path_buf)
}

/// A user's text in quotes, as written: Thai and Arabic marks stay letters (Rust's `{:?}` would
/// escape them); only quotes, backslashes and control characters are escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `2026-12-05` for seconds since 1970, in UTC.
pub fn date(seconds: i64) -> String {
    // Days to a civil date (proleptic Gregorian), after Howard Hinnant's published algorithm.
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_calendar_days() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(1_796_515_199), "2026-12-05");
        assert_eq!(date(-86_400), "1969-12-31");
    }

    #[test]
    fn github_annotations_escape_what_ends_a_property_or_a_line() {
        let finding = Finding {
            rule: Rule::Stale,
            severity: Severity::Warning,
            file: PathBuf::from("maps/a,b:c.ron"),
            line: Some(3),
            column: None,
            item: None,
            message: "100% stale\nreally".to_owned(),
        };
        assert_eq!(
            finding.github(),
            "::warning file=maps/a%2Cb%3Ac.ron,line=3,title=stale::100%25 stale%0Areally"
        );
        assert_eq!(finding.text(true), "maps/a,b:c.ron:3: warning[stale]: 100% stale\\nreally");
    }

    #[test]
    fn every_rule_has_its_own_id_and_reads_back_from_it() {
        use strum::IntoEnumIterator as _;
        let ids: HashSet<&str> = Rule::iter().map(Rule::id).collect();
        assert_eq!(ids.len(), Rule::iter().count());
        for rule in Rule::iter() {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
            assert!(!rule.about().is_empty());
        }
    }
}
