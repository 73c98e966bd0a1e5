//! A folder of maps from the command line: `check` following links between maps, `lint` with
//! every rule, silencing, its three outputs and exit codes, and git history read from a
//! repository made here.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use touchline::file;
use touchline::model::{Anchor, CardId, Evidence, JourneyState, Map};

fn touchline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchline")).args(args).output().expect("runs the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn shop() -> Map {
    file::load(Path::new("maps/ecommerce.ron")).unwrap()
}

fn card<'a>(map: &'a mut Map, id: &str) -> &'a mut touchline::model::Card {
    map.cards.iter_mut().find(|c| c.id.as_str() == id).unwrap()
}

fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Rina Tester",
            "-c",
            "user.email=rina@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

/// A folder where every rule fires exactly once: `current.ron` breaks the reviewer's rules and
/// links to a missing map, `orphan.ron` names a missing counterpart, `detail/point.ron` keeps a
/// point whose card was deleted, `broken.ron` does not parse. With `git`, `current.ron` was last
/// committed 400 days ago and everything else today.
fn fixture(dir: &Path, with_git: bool) {
    let mut current = shop();
    current.counterpart = Some("future.ron".into());
    card(&mut current, "c-opp-fit").owner.clear();
    card(&mut current, "c-pain-size").evidence = Some(Evidence::Assumed);
    // Silenced, one item: an unevidenced pain point the team accepted.
    card(&mut current, "c-pain-return").evidence = None;
    current.allow = vec!["pain-without-evidence:c-pain-return".into(), "no-such-rule".into()];
    let fee = card(&mut current, "c-pain-fee").title.clone();
    card(&mut current, "c-opp-fee").title = format!("  {}", fee.to_uppercase());
    card(&mut current, "c-checkout").title.clear();
    card(&mut current, "c-checkout-act").opens = Some("detail/missing.ron".into());
    card(&mut current, "c-pain-return").image = Some("gone.png".into());
    current.points.retain(|p| p.at != Anchor::Stage("s-awareness".into()));
    file::save(&current, &dir.join("current.ron")).unwrap();

    let mut future = shop();
    future.state = JourneyState::FutureState;
    future.counterpart = Some("current.ron".into());
    future.stages[0].opens = Some("current.ron".into());
    file::save(&future, &dir.join("future.ron")).unwrap();

    let mut orphan = shop();
    orphan.counterpart = Some("gone.ron".into());
    orphan.cards[0].opens = Some("javascript:alert(1)".into());
    file::save(&orphan, &dir.join("orphan.ron")).unwrap();

    std::fs::create_dir_all(dir.join("detail")).unwrap();
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap();
    let without_chat: String =
        text.lines().filter(|l| !l.contains("(id: \"c-chat\"")).fold(String::new(), |all, l| all + l + "\n");
    assert_ne!(without_chat, text);
    std::fs::write(dir.join("detail/point.ron"), without_chat).unwrap();
    std::fs::write(dir.join("broken.ron"), "(\n    format_version: 9,\n    map: (title: \"Half\",,\n")
        .unwrap();

    if with_git {
        git(dir, &["init", "-q"], "2024-01-01T10:00:00Z");
        git(dir, &["add", "current.ron"], "2024-01-01T10:00:00Z");
        let old = "2025-10-30T10:00:00Z";
        git(dir, &["commit", "-q", "-m", "First map of the shop"], old);
        git(dir, &["add", "."], old);
        let today = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        git(dir, &["commit", "-q", "-m", "The rest of the journeys"], &format!("@{today} +0000"));
    }
}

fn by_rule(findings: &[serde_json::Value]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(f["rule"].as_str().unwrap().to_owned()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn lint_finds_every_rule_once_on_a_fixture_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), true);
    let root = dir.path().display().to_string();
    let out = touchline(&["lint", &root, "--json", "--stale-days", "30"]);
    assert_eq!(out.status.code(), Some(1), "errors fail lint: {}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let expected: BTreeMap<String, usize> = [
        "unreadable",
        "point-on-deleted-card",
        "untitled-card",
        "picture-unshown",
        "link-missing",
        "counterpart-missing",
        "link-outside",
        "opportunity-without-owner",
        "pain-without-evidence",
        "stage-without-curve-point",
        "duplicate-card-title",
        "stale",
        "unknown-allow",
    ]
    .iter()
    .map(|r| ((*r).to_owned(), 1))
    .collect();
    assert_eq!(by_rule(findings), expected, "{findings:#?}");
    let list = text(&touchline(&["lint", "--rules"]).stdout);
    assert_eq!(list.lines().count(), expected.len(), "every rule is listed:\n{list}");
    assert_eq!(report["maps"], 5);
    assert_eq!((report["errors"].as_u64(), report["warnings"].as_u64()), (Some(2), Some(11)));

    // Each finding names its file and the line of the item it is on.
    let current = std::fs::read_to_string(dir.path().join("current.ron")).unwrap();
    let line_of = |needle: &str| current.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let find = |rule: &str| findings.iter().find(|f| f["rule"] == rule).unwrap();
    let owner = find("opportunity-without-owner");
    assert!(owner["file"].as_str().unwrap().ends_with("current.ron"));
    assert_eq!(owner["line"], line_of("id: \"c-opp-fit\""));
    assert_eq!(owner["item"], "c-opp-fit");
    assert_eq!(find("duplicate-card-title")["item"], "c-opp-fee");
    assert_eq!(find("link-missing")["line"], line_of("id: \"c-checkout-act\""));
    assert_eq!(find("unknown-allow")["line"], line_of("\"no-such-rule\""));
    assert!(
        find("stale")["message"].as_str().unwrap().contains("2025-10-30 by Rina Tester"),
        "{:?}",
        find("stale")
    );
    assert!(find("counterpart-missing")["file"].as_str().unwrap().ends_with("orphan.ron"));
    let point = find("point-on-deleted-card");
    assert!(point["file"].as_str().unwrap().ends_with("point.ron"));
    assert_eq!(point["severity"], "error");
    assert_eq!(find("unreadable")["line"], 3);

    // The same as text, one line each, and as GitHub annotations.
    let out = touchline(&["lint", &root, "--stale-days", "30"]);
    let lines = text(&out.stdout);
    assert_eq!(lines.lines().count(), 13, "{lines}");
    let want = format!(
        "{}:{}: warning[opportunity-without-owner]: opportunity ",
        dir.path().join("current.ron").display(),
        line_of("id: \"c-opp-fit\"")
    );
    assert!(lines.contains(&want), "{lines}");
    assert!(text(&out.stderr).contains("5 maps: 2 errors, 11 warnings"), "{}", text(&out.stderr));
    let out = touchline(&["lint", &root, "--format", "github"]);
    let annotations = text(&out.stdout);
    assert!(
        annotations.lines().all(|l| l.starts_with("::warning file=") || l.starts_with("::error file=")),
        "{annotations}"
    );
    assert!(annotations.contains(",title=duplicate-card-title::card "), "{annotations}");
    assert!(!annotations.contains("title=stale"), "staleness only when asked for");

    // `check` says what reads and what links, without the reviewer's rules; `check --lint` is lint.
    let out = touchline(&["check", &root]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("warning: card \"c-checkout-act\" opens \"detail/missing.ron\", which does not exist"),
        "{said}"
    );
    assert!(said.contains("warning: the map's counterpart \"gone.ron\" does not exist"), "{said}");
    assert!(!said.contains("has no owner"), "{said}");
    let out = touchline(&["check", "--lint", &root]);
    assert!(text(&out.stderr).contains("warning[opportunity-without-owner]"), "{}", text(&out.stderr));
}

#[test]
fn warnings_pass_unless_denied_and_the_shipped_templates_are_clean() {
    let out = touchline(&["lint", "maps", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "templates stay clean: {report:#}");
    assert!(touchline(&["lint", "--deny-warnings", "maps"]).status.success());

    let dir = tempfile::tempdir().unwrap();
    let mut map = shop();
    card(&mut map, "c-opp-fit").owner.clear();
    let path = dir.path().join("owners.ron");
    file::save(&map, &path).unwrap();
    let shown = path.display().to_string();
    assert_eq!(touchline(&["lint", &shown]).status.code(), Some(0), "a warning alone passes");
    assert_eq!(touchline(&["lint", "--deny-warnings", &shown]).status.code(), Some(1));
    // Silenced for the whole map.
    map.allow = vec!["opportunity-without-owner".into()];
    file::save(&map, &path).unwrap();
    assert!(text(&touchline(&["lint", "--deny-warnings", &shown]).stdout).is_empty());
    assert_eq!(touchline(&["lint", "--deny-warnings", &shown]).status.code(), Some(0));

    // A wrong flag, and staleness outside a repository, are usage errors naming the problem.
    let out = touchline(&["lint", "--stale-days", "30", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("in no git repository"), "{}", text(&out.stderr));
    let out = touchline(&["lint", "--format", "sarif", &shown]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn git_history_gives_each_map_its_last_commit_and_author() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), true);
    std::fs::write(dir.path().join("new.ron"), std::fs::read("maps/blank.ron").unwrap()).unwrap();
    let mut folder = touchline::portfolio::Folder::open(dir.path());
    folder.read_history().unwrap();
    assert!(folder.in_git);
    let commit = |name: &str| folder.entries.iter().find(|e| e.name == name).unwrap().commit.clone();
    let current = commit("current.ron").unwrap();
    assert_eq!(current.author, "Rina Tester");
    assert_eq!(current.summary, "First map of the shop");
    assert_eq!(touchline::portfolio::lint::date(current.seconds), "2025-10-30");
    let nested = commit("detail/point.ron").unwrap();
    assert_eq!(nested.summary, "The rest of the journeys");
    assert!(commit("new.ron").is_none(), "a map never committed has no commit");

    // A folder in no repository reads no history, and says so by `in_git`.
    let plain = tempfile::tempdir().unwrap();
    fixture(plain.path(), false);
    let mut folder = touchline::portfolio::Folder::open(plain.path());
    folder.read_history().unwrap();
    assert!(!folder.in_git && folder.entries.iter().all(|e| e.commit.is_none()));
}

#[test]
fn card_ids_of_the_fixture_exist() {
    // The fixture edits cards by id; a template change that renames them fails here first.
    let map = shop();
    for id in [
        "c-opp-fit",
        "c-pain-size",
        "c-pain-return",
        "c-pain-fee",
        "c-opp-fee",
        "c-checkout",
        "c-checkout-act",
        "c-chat",
    ] {
        assert!(map.card(&CardId::from(id)).is_some(), "{id}");
    }
}

#[test]
fn report_writes_every_row_as_csv_and_a_summary_then_a_page_per_map_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let maps = dir.path().join("journeys");
    let written = touchline::generate::folder(&maps, 8, 40, 2).unwrap();
    let folder = touchline::portfolio::Folder::open(&maps);
    let expected =
        touchline::portfolio::rollup::rows(&folder, &touchline::portfolio::rollup::Filter::default());
    let root = maps.display().to_string();

    let csv_path = dir.path().join("report.csv");
    let out = touchline(&["report", &root, "-o", csv_path.to_str().unwrap(), "--sort", "reported"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("broken.ron"), "the broken map is named: {}", text(&out.stderr));
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(headers, touchline::portfolio::report::CSV_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), expected.len());
    let reported: Vec<Option<f32>> = records.iter().map(|r| r[8].parse().ok()).collect();
    let known = reported.iter().take_while(|r| r.is_some()).count();
    assert!(known > 0 && reported[known..].iter().all(Option::is_none), "rows with a share come first");
    assert!(reported[..known].windows(2).all(|w| w[0] >= w[1]), "largest share first");
    assert!(records.iter().all(|r| r[4] == *"Pain point" || r[4] == *"Opportunity"));

    let future = dir.path().join("future.csv");
    let out =
        touchline(&["report", &root, "-o", future.to_str().unwrap(), "--state", "future", "--kind", "pain"]);
    assert!(out.status.success());
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_path(&future).unwrap().records().map(Result::unwrap).collect();
    assert!(!rows.is_empty() && rows.iter().all(|r| &r[2] == "Future state" && &r[4] == "Pain point"));

    let pdf = dir.path().join("report.pdf");
    let out = touchline(&["report", &root, "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout);
    // One page of maps, one of the top rows, then one per map that reads.
    let pages = 2 + written.len();
    assert!(info.lines().any(|l| l.split_whitespace().eq(["Pages:", &pages.to_string()])), "{info}");
    let words = text(&Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout);
    assert!(
        words.contains("Journey portfolio: journeys") && words.contains("Product 1: future state"),
        "{words}"
    );

    // A report is a .csv or a .pdf, never a map; another kind of file is not replaced.
    for wrong in ["report.xlsx", written[0].to_str().unwrap()] {
        let out = touchline(&["report", &root, "-o", wrong]);
        assert_eq!(out.status.code(), Some(2), "{wrong}");
        assert!(text(&out.stderr).contains("a .csv spreadsheet or a .pdf document"), "{}", text(&out.stderr));
    }
    let out =
        touchline(&["report", &root, "-o", csv_path.to_str().unwrap().replace(".csv", ".pdf").as_str()]);
    assert!(out.status.success(), "an earlier report of the same kind is replaced");
    let out = touchline(&["report", &root, "-o", pdf.to_str().unwrap().replace(".pdf", ".csv").as_str()]);
    assert!(out.status.success());
    std::fs::copy(&pdf, dir.path().join("slides.csv")).unwrap();
    let out = touchline(&["report", &root, "-o", dir.path().join("slides.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already holds a PDF document"), "{}", text(&out.stderr));
}

#[test]
fn export_compare_draws_both_states_in_one_picture_with_the_changes_marked() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("change.png");
    let svg = dir.path().join("change.svg");
    // Named future first: the current state still goes on top.
    let out = touchline(&[
        "export",
        "maps/ecommerce-future.ron",
        "--compare",
        "maps/ecommerce.ron",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let single = dir.path().join("single.png");
    assert!(touchline(&["export", "maps/ecommerce.ron", "-o", single.to_str().unwrap()]).status.success());
    let (w, h) = image_size(&png);
    let (sw, sh) = image_size(&single);
    assert!(w >= sw && h > sh * 3 / 2, "both states one above the other: {w}×{h} against {sw}×{sh}");

    let out = touchline(&[
        "export",
        "maps/ecommerce.ron",
        "--compare",
        "maps/ecommerce-future.ron",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drawing = std::fs::read_to_string(&svg).unwrap();
    // Each side's lanes and cards are groups of their own, named after them.
    assert!(
        drawing.contains("id=\"lane-now:l-touchpoints\"")
            && drawing.contains("id=\"lane-future:l-touchpoints\"")
    );
    assert!(drawing.contains("id=\"card-future:c-pain-fee\""), "the removed pain point as a ghost");
    assert!(
        drawing.contains("Rina (Current state)") && drawing.contains("Rina (Future state)"),
        "both curves"
    );
    assert!(drawing.contains("One-page checkout"), "the future's cards");

    let deck = dir.path().join("change.pptx");
    let out = touchline(&[
        "export",
        "maps/ecommerce.ron",
        "--compare",
        "maps/ecommerce-future.ron",
        "-o",
        deck.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = touchline(&[
        "export",
        "maps/ecommerce.ron",
        "--compare",
        "maps/nothing.ron",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("maps/nothing.ron"), "{}", text(&out.stderr));
}

fn image_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    let (w, h) = (&bytes[16..20], &bytes[20..24]);
    (u32::from_be_bytes(w.try_into().unwrap()), u32::from_be_bytes(h.try_into().unwrap()))
}

#[test]
fn a_map_link_is_a_tag_in_every_export_and_a_hyperlink_in_svg_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    touchline::generate::folder(dir.path(), 4, 20, 6).unwrap();
    let map = dir.path().join("product-000/current.ron");
    let svg = dir.path().join("current.svg");
    let pdf = dir.path().join("current.pdf");
    for out in [&svg, &pdf] {
        let done = touchline(&["export", map.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert!(done.status.success(), "{}", text(&done.stderr));
    }
    let drawing = std::fs::read_to_string(&svg).unwrap();
    assert!(
        drawing.contains(r#"<a href="detail/onboarding.svg"><g id="opens-detail/onboarding.ron""#),
        "the stage's tag links to the map's drawing"
    );
    assert!(drawing.contains("onboarding"), "the tag names the map");
    let document = std::fs::read(&pdf).unwrap();
    let has = |needle: &[u8]| document.windows(needle.len()).any(|w| w == needle);
    assert!(
        has(b"detail/onboarding.pdf") && has(b"detail/support.pdf"),
        "link annotations to the maps' PDFs"
    );
}

/// `opens` values a map from someone else may carry, none of which may become a live link.
const HOSTILE_OPENS: [&str; 7] = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1).ron",
    "file:///etc/passwd",
    "https://example.invalid/phish.ron",
    "\\\\host\\share\\map.ron",
    "/etc/shadow.ron",
    "../../outside.ron",
];

/// A folder whose `journey.ron` has one good link (to `detail/next.ron`) and a card for each
/// hostile `opens`.
fn hostile_links(dir: &Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir.join("detail")).unwrap();
    file::save(&shop(), &dir.join("detail/next.ron")).unwrap();
    let mut map = shop();
    map.stages[0].opens = Some("detail/next.ron".into());
    for (card, link) in map.cards.iter_mut().zip(HOSTILE_OPENS) {
        card.opens = Some(link.into());
    }
    let path = dir.join("journey.ron");
    file::save(&map, &path).unwrap();
    path
}

#[test]
fn an_opens_outside_the_maps_folder_is_plain_text_in_exports_and_warned_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let map = hostile_links(dir.path());
    let svg = dir.path().join("journey.svg");
    let pdf = dir.path().join("journey.pdf");
    for out in [&svg, &pdf] {
        let done = touchline(&["export", map.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert!(done.status.success(), "{}", text(&done.stderr));
    }
    let drawing = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&drawing).unwrap();
    let hrefs: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("a")).filter_map(|n| n.attribute("href")).collect();
    assert_eq!(hrefs, ["detail/next.svg"], "only the link inside the folder is live");
    // The tags are still drawn, as text.
    assert_eq!(drawing.matches(r#"class="opens-map""#).count(), 1 + HOSTILE_OPENS.len());

    let urls = Command::new("pdfinfo").arg("-url").arg(&pdf).output().unwrap();
    let urls = text(&urls.stdout);
    let listed: Vec<&str> = urls.lines().skip(1).filter_map(|l| l.split_whitespace().last()).collect();
    assert_eq!(listed, ["detail/next.pdf"], "the PDF's only link annotation: {urls}");

    let out = touchline(&["lint", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "warnings only: {}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let outside: Vec<&serde_json::Value> = findings.iter().filter(|f| f["rule"] == "link-outside").collect();
    assert_eq!(outside.len(), HOSTILE_OPENS.len(), "{findings:#?}");
    let lines = std::fs::read_to_string(&map).unwrap();
    for finding in outside {
        let line = usize::try_from(finding["line"].as_u64().unwrap()).unwrap();
        let item = finding["item"].as_str().unwrap();
        let held = lines.lines().nth(line - 1).unwrap();
        assert!(held.contains(item) && held.contains("opens:"), "line {line} holds {item}: {held}");
        assert!(finding["message"].as_str().unwrap().contains("plain text"), "{finding}");
    }
    let messages = text(&out.stdout);
    assert!(!messages.contains("does not exist"), "nothing outside the repository is looked at: {messages}");
}

#[test]
fn check_looks_for_linked_maps_only_inside_the_maps_repository() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("team")).unwrap();
    let mut map = shop();
    // Inside the repository, one folder up: looked at (and it is missing).
    map.cards[0].opens = Some("../gone.ron".into());
    // Out of the repository: an existing file and a missing one read the same.
    map.cards[1].opens = Some("../../exists.ron".into());
    map.cards[2].opens = Some("../../missing.ron".into());
    file::save(&shop(), &dir.path().join("exists.ron")).unwrap();
    file::save(&map, &repo.join("team/map.ron")).unwrap();
    let out = touchline(&["lint", "--json", repo.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let message = |id: &str| {
        findings.iter().find(|f| f["item"] == id).map(|f| f["message"].as_str().unwrap().to_owned()).unwrap()
    };
    let inside = message(map.cards[0].id.as_str());
    assert!(inside.contains("does not exist"), "{inside}");
    let (exists, missing) = (message(map.cards[1].id.as_str()), message(map.cards[2].id.as_str()));
    let shown = |m: &str| m.split_once(" opens ").unwrap().1.replace("exists", "X").replace("missing", "X");
    assert_eq!(shown(&exists), shown(&missing), "the messages tell nothing of what is on disk");
    assert!(exists.contains("not looked at"), "{exists}");
}

#[test]
fn export_compare_reads_each_states_pictures_from_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (now, later) = (dir.path().join("now"), dir.path().join("later"));
    for folder in [&now, &later] {
        std::fs::create_dir_all(folder).unwrap();
    }
    let mut current = shop();
    current.cards[0].image = Some("photo.png".into());
    let mut future = shop();
    future.state = JourneyState::FutureState;
    future.cards[0].image = Some("photo.png".into());
    // Each folder's own photo: red beside the current state, blue beside the future.
    image::RgbaImage::from_pixel(8, 8, image::Rgba([220, 30, 30, 255])).save(now.join("photo.png")).unwrap();
    image::RgbaImage::from_pixel(8, 8, image::Rgba([30, 30, 220, 255]))
        .save(later.join("photo.png"))
        .unwrap();
    file::save(&current, &now.join("journey.ron")).unwrap();
    file::save(&future, &later.join("journey.ron")).unwrap();
    let svg = dir.path().join("both.svg");
    let out = touchline(&[
        "export",
        now.join("journey.ron").to_str().unwrap(),
        "--compare",
        later.join("journey.ron").to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains("photo.png"), "no picture is missing: {}", text(&out.stderr));
    // Both photos are in the drawing: one reddish, one bluish.
    let drawing = std::fs::read_to_string(&svg).unwrap();
    let mut colours = Vec::new();
    for part in drawing.split("data:image/").skip(1) {
        use base64::Engine as _;
        let data = &part[part.find(";base64,").unwrap() + 8..part.find('"').unwrap()];
        let bytes = base64::engine::general_purpose::STANDARD.decode(data).unwrap();
        let picture = image::load_from_memory(&bytes).unwrap().to_rgba8();
        if picture.width() > 16 {
            continue; // an emoji's own picture
        }
        let [r, _, b, _] = picture.get_pixel(picture.width() / 2, picture.height() / 2).0;
        colours.push(if r > b { "red" } else { "blue" });
    }
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours, ["blue", "red"], "each state shows its own photo");
}

/// A folder whose maps CI must not pass over: a map with a licence comment before its fields, a
/// map whose name holds a newline and a forged workflow command, and one that is not UTF-8.
#[cfg(unix)]
#[test]
fn ci_reads_every_map_and_prints_every_name_safely() {
    use std::os::unix::ffi::OsStrExt as _;
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut untitled = shop();
    untitled.cards[0].title.clear();
    let canonical = file::to_string(&untitled).unwrap();
    // Fields after a long comment, and `map` before `format_version`.
    let licence = format!("// {}\n", "Licensed to the team under the usual terms. ".repeat(200));
    let swapped = canonical.replacen("(\n    format_version: 9,\n", "(\n", 1).replacen(
        "\n)",
        "\n    format_version: 9,\n)",
        1,
    );
    assert_ne!(swapped, canonical);
    std::fs::write(root.join("licensed.ron"), format!("{licence}{swapped}")).unwrap();
    let forged = std::ffi::OsStr::from_bytes(b"a\n::error file=x.ron::forged.ron");
    std::fs::write(root.join(forged), &canonical).unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.ron");
    std::fs::write(root.join(latin1), &canonical).unwrap();
    // Not maps, and not searched: build folders and hidden ones.
    for folder in ["node_modules", "target", ".cache"] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        std::fs::write(root.join(folder).join("broken.ron"), "(format_version: 9, map: (,,").unwrap();
    }
    let root_arg = root.to_str().unwrap();

    let out = touchline(&["lint", root_arg, "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON whatever the names");
    assert_eq!(report["maps"], 3, "{report:#}");
    let files: Vec<&str> =
        report["findings"].as_array().unwrap().iter().filter_map(|f| f["file"].as_str()).collect();
    assert!(files.iter().any(|f| f.ends_with("caf\u{FFFD}.ron")), "{files:?}");
    assert!(text(&out.stderr).contains("3 folders not searched"), "{}", text(&out.stderr));

    for format in ["text", "github"] {
        let out = touchline(&["lint", root_arg, "--format", format]);
        let printed = text(&out.stdout);
        assert!(
            printed.lines().all(|l| !l.starts_with("::error file=x.ron")),
            "{format}: a file name forged a line:\n{printed}"
        );
        assert_eq!(printed.lines().filter(|l| l.contains("untitled-card")).count(), 3, "{format}: {printed}");
    }

    // A map that cannot be read fails CI (root reads anything: then only the cut is tested).
    let locked = root.join("locked.ron");
    std::fs::write(&locked, &canonical).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        let out = touchline(&["check", root_arg]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("locked.ron"), "{}", text(&out.stderr));
    }
    std::fs::remove_file(&locked).unwrap();

    // A search cut short fails, and says how to go further.
    let out = touchline(&["check", root_arg, "--max-files", "2"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--max-files"), "{}", text(&out.stderr));
    assert!(touchline(&["check", root_arg, "--max-files", "0"]).status.success());
}

#[test]
fn a_repository_that_does_not_read_warns_of_every_maps_age() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), true);
    std::fs::write(dir.path().join(".git/HEAD"), "ref: refs/heads/\u{0}broken\n").unwrap();
    let out = touchline(&["lint", dir.path().to_str().unwrap(), "--stale-days", "30", "--json"]);
    assert_ne!(out.status.code(), Some(2), "not taken for no repository: {}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unknown = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "stale" && f["message"].as_str().unwrap().contains("not known"))
        .count();
    assert_eq!(unknown, 3, "every map that reads: {report:#}");
    assert!(text(&out.stderr).contains("warning:"), "{}", text(&out.stderr));
}

/// A map named on the command line is the user's to open, through a link if it is one; a link
/// found in a folder's walk is not followed.
#[cfg(unix)]
#[test]
fn a_map_named_through_a_link_is_checked_and_a_linked_one_in_a_folder_is_not_walked_into() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir_all(&real).unwrap();
    file::save(&shop(), &real.join("journey.ron")).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(real.join("journey.ron"), &link).unwrap();
    let out = touchline(&["check", link.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let folder = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(real.join("journey.ron"), folder.path().join("elsewhere.ron")).unwrap();
    let out = touchline(&["check", folder.path().to_str().unwrap()]);
    assert!(text(&out.stderr).contains(": no maps"), "{}", text(&out.stderr));
}
