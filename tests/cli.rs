//! The command line, run as users run it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use std::path::Path;
use std::process::{Command, Output};

fn touchline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchline")).args(args).output().expect("runs the binary")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_passes_the_templates_and_fmt_check_finds_them_canonical() {
    // The templates, and the examples in their own folders (with their pictures).
    fn ron_files(folder: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ron_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "ron") {
                out.push(path.display().to_string());
            }
        }
    }
    let mut maps = Vec::new();
    ron_files(std::path::Path::new("maps"), &mut maps);
    assert!(maps.len() >= 5);
    assert!(maps.iter().any(|m| m.contains("examples")), "{maps:?}");
    let args: Vec<&str> = maps.iter().map(String::as_str).collect();

    let out = touchline(&[&["check"], args.as_slice()].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "every picture the maps name is there: {}", stderr(&out));
    let out = touchline(&[&["fmt", "--check"], args.as_slice()].concat());
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn check_reports_every_problem_path_first_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        r#"(format_version: 2, map: (title: "x",
            stages: [(id: "s1", name: "A")],
            lanes: [(id: "l1", kind: Actions, title: "A")],
            cards: [(id: "c1", lane: "l9", stage: "s1", title: "t"),
                    (id: "c1", lane: "l1", stage: "s7", title: "u")]))"#,
    )
    .unwrap();
    let syntax = dir.path().join("syntax.ron");
    std::fs::write(&syntax, "(format_version: 2, map: (title: \"x\",, ))").unwrap();
    let before = std::fs::read(&bad).unwrap();

    let out = touchline(&["check", "maps/ecommerce.ron", bad.to_str().unwrap(), syntax.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    let bad_shown = bad.display().to_string();
    assert!(lines.iter().take(3).all(|l| l.starts_with(&bad_shown)), "{err}");
    assert!(err.contains(r#"card "c1": lane "l9" does not exist"#), "{err}");
    assert!(err.contains(r#"card "c1": id is used more than once"#), "{err}");
    assert!(lines[3].starts_with(&format!("{}:1:", syntax.display())), "{err}");
    assert_eq!(std::fs::read(&bad).unwrap(), before, "check never touches a file");
}

/// A team's folder of maps: `check DIR` reads every map in it and its subfolders, names the
/// broken ones with their places, passes over what is not a map and exits 1 if any map fails.
#[test]
fn check_of_a_folder_checks_every_map_in_it_and_its_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("products/detail")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for (name, template) in
        [("current.ron", "ecommerce"), ("products/detail/onboarding.ron", "saas-onboarding")]
    {
        std::fs::copy(format!("maps/{template}.ron"), root.join(name)).unwrap();
    }
    std::fs::copy("maps/ecommerce.ron", root.join(".git/copy.ron")).unwrap();
    std::fs::write(root.join("settings.ron"), "(theme: Dark)").unwrap();
    let folder = root.to_str().unwrap();

    let out = touchline(&["check", folder]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out).trim(), format!("{folder}: 2 maps (1 other .ron file passed over)"));

    // A broken map deep inside fails the whole check, with its path and place.
    let broken = root.join("products/broken.ron");
    std::fs::write(&broken, "(format_version: 8, map: (title: \"x\",, ))").unwrap();
    let out = touchline(&["check", folder]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:1:", broken.display())), "{err}");
    assert!(err.contains(": 3 maps"), "{err}");

    // A folder with no map in it is a mistake worth a failure (a wrong path in CI).
    let empty = tempfile::tempdir().unwrap();
    let out = touchline(&["check", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(": no maps"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(touchline(&["check"]).status.code(), Some(2));
    assert_eq!(touchline(&["info", "x.ron", "--colour"]).status.code(), Some(2));
    let out = touchline(&["check", "does-not-exist.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("does-not-exist.ron: cannot read"), "{}", stderr(&out));
}

#[test]
fn fmt_rewrites_in_canonical_form_and_check_mode_lists_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.ron");
    std::fs::write(
        &path,
        r#"(format_version: 2, map: (title: "Messy", stages: [(id: "s1", name: "A"), (id: "s2", name: "B")],
            lanes: [(id: "l1", kind: Actions, title: "A")],
            cards: [(id: "c2", lane: "l1", stage: "s2", title: "later", flags: [ExitPoint, MomentOfTruth, ExitPoint]),
                    (id: "c1", lane: "l1", stage: "s1", title: "first")]))"#,
    )
    .unwrap();
    let shown = path.display().to_string();

    let out = touchline(&["fmt", "--check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).trim(), shown);

    let out = touchline(&["fmt", &shown]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.find("\"c1\"").unwrap() < text.find("\"c2\"").unwrap(), "cards sorted by stage");
    assert!(text.contains("flags: [MomentOfTruth, ExitPoint]"), "{text}");
    assert!(touchline(&["fmt", "--check", &shown]).status.success());
}

#[test]
fn info_prints_counts_and_json_with_exactly_the_documented_keys() {
    let out = touchline(&["info", "maps/saas-onboarding.ron", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["cards", "curves", "lane_kinds", "lanes", "links", "personas", "points", "stages", "title", "votes"]
    );
    assert_eq!(json["votes"], 0, "no dots in a fresh template");
    assert_eq!(json["personas"], 2);
    assert_eq!(json["curves"], 2);
    assert_eq!(json["stages"], 6);
    let per_kind: u64 = json["lane_kinds"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(json["cards"].as_u64(), Some(per_kind));

    let out = touchline(&["info", "maps/ecommerce.ron"]);
    assert!(stdout(&out).starts_with("Online shop"), "{}", stdout(&out));
}

#[test]
fn new_writes_templates_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    let shown = path.to_str().unwrap();

    let out = touchline(&["new", "--template", "coffee-shop-blueprint", "-o", shown]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string("maps/coffee-shop-blueprint.ron").unwrap()
    );

    std::fs::write(&path, "my precious work").unwrap();
    let out = touchline(&["new", "-o", shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my precious work");

    assert!(touchline(&["new", "-o", shown, "--force"]).status.success());
    assert!(touchline(&["check", shown]).status.success());

    let out = touchline(&["new", "--template", "nope", "-o", shown, "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ecommerce"), "lists the templates: {}", stderr(&out));
}

#[test]
fn templates_lists_every_template_with_a_description() {
    let out = touchline(&["templates"]);
    let text = stdout(&out);
    for (name, language) in [
        ("blank", "English"),
        ("ecommerce", "English"),
        ("b2b-phone-system", "English"),
        ("coffee-shop-blueprint", "English"),
        ("saas-onboarding", "English"),
        ("b2b-phone-system-id", "Indonesian"),
        ("b2b-phone-system-ar", "Arabic"),
        ("b2b-phone-system-de", "German"),
        ("customer-care-th", "Thai"),
        ("six-steps-id", "Indonesian"),
    ] {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("{name} in {text}"));
        assert!(line.split_whitespace().nth(1) == Some(language), "{name} is in {language}: {line}");
        assert!(line.len() > name.len() + 20, "{line}");
    }
    assert!(Path::new("maps/blank.ron").exists());
}

#[test]
fn help_and_version_work() {
    let out = touchline(&["--help"]);
    assert!(out.status.success());
    for word in ["check", "fmt", "info", "new", "templates", "export", "present", "diff", "merge", "show"] {
        assert!(stdout(&out).contains(word), "{word}");
    }
    assert!(stdout(&touchline(&["--version"])).starts_with("touchline "));
}

/// A copy of the e-commerce map with dots on two cards.
fn voted_map(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap();
    let text = text.replace(r#"title: "Checkout","#, r#"title: "Checkout", votes: 4,"#).replace(
        r#"title: "Shipping fee appears only at the last step","#,
        r#"title: "Shipping fee appears only at the last step", votes: 7,"#,
    );
    let path = dir.join("voted.ron");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn votes_are_saved_counted_by_info_and_kept_by_fmt() {
    let dir = tempfile::tempdir().unwrap();
    let path = voted_map(dir.path());
    let shown = path.display().to_string();
    let out = touchline(&["info", &shown, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["votes"], 11);
    assert!(stdout(&touchline(&["info", &shown])).contains("votes      11"));
    assert!(touchline(&["fmt", &shown]).status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("votes: 4") && text.contains("votes: 7"), "{text}");
}

#[test]
fn a_version_2_file_with_votes_is_refused_and_a_newer_one_is_never_half_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = voted_map(dir.path());
    let text = std::fs::read_to_string(&path).unwrap().replace("format_version: 9", "format_version: 2");
    std::fs::write(&path, &text).unwrap();
    let out = touchline(&["check", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("votes need format_version 3"), "{}", stderr(&out));
    // Without votes the old version still opens.
    let plain = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 2");
    std::fs::write(&path, plain).unwrap();
    assert!(touchline(&["check", &path.display().to_string()]).status.success());
    // From a newer version, nothing is read.
    std::fs::write(&path, text.replace("format_version: 2", "format_version: 10")).unwrap();
    let out = touchline(&["info", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("format version 10"), "{}", stderr(&out));
}

#[test]
fn a_version_3_file_reads_and_an_author_needs_version_4() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 3");
    std::fs::write(&path, &text).unwrap();
    let shown = path.display().to_string();
    assert!(touchline(&["check", &shown]).status.success(), "a version 3 file opens");
    let authored = text.replacen("    title:", "    author: \"Research team\",\n    title:", 1);
    std::fs::write(&path, authored).unwrap();
    let out = touchline(&["check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("an author needs format_version 4"), "{}", stderr(&out));
}

#[test]
fn a_version_4_file_reads_and_own_words_need_version_5() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 4");
    std::fs::write(&path, &text).unwrap();
    let shown = path.display().to_string();
    assert!(touchline(&["check", &shown]).status.success(), "a version 4 file opens");
    let worded = text.replacen("    personas:", "    words: (neutral: \"Netral\"),\n    personas:", 1);
    assert_ne!(worded, text);
    std::fs::write(&path, worded).unwrap();
    let out = touchline(&["check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("words need format_version 5"), "{}", stderr(&out));
}

#[test]
fn a_version_5_file_reads_and_pictures_need_version_6() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 5");
    std::fs::write(&path, &text).unwrap();
    let shown = path.display().to_string();
    assert!(touchline(&["check", &shown]).status.success(), "a version 5 file opens");
    let pictured = text.replacen("title: \"Checkout\"", "title: \"Checkout\", image: \"checkout.png\"", 1);
    assert_ne!(pictured, text);
    std::fs::write(&path, pictured).unwrap();
    let out = touchline(&["check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("has a picture"), "{}", stderr(&out));
    assert!(stderr(&out).contains("pictures need format_version 6"), "{}", stderr(&out));
}

#[test]
fn present_refuses_a_stage_the_map_does_not_have_and_a_broken_map_as_check_does() {
    for stage in ["0", "99"] {
        let out = touchline(&["present", "maps/b2b-phone-system.ron", "--stage", stage]);
        assert_eq!(out.status.code(), Some(2), "--stage {stage}");
        assert!(stderr(&out).contains(&format!("--stage {stage}")), "{}", stderr(&out));
        assert!(stderr(&out).contains("has 8 stages; choose 1 to 8"), "{}", stderr(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 3, map: (title: \"x\",, ))").unwrap();
    let shown = broken.display().to_string();
    let present = touchline(&["present", &shown]);
    let check = touchline(&["check", &shown]);
    assert_eq!(present.status.code(), Some(1));
    assert_eq!(stderr(&present), stderr(&check));
    assert!(stderr(&present).starts_with(&format!("{shown}:1:")), "{}", stderr(&present));
}

/// Writes `text` with `from` replaced by `to` (asserting the text was there) into `dir/name`.
fn variant(dir: &Path, name: &str, text: &str, edits: &[(&str, &str)]) -> std::path::PathBuf {
    let mut out = text.to_owned();
    for (from, to) in edits {
        assert!(out.contains(from), "{from}");
        out = out.replace(from, to);
    }
    let path = dir.join(name);
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn diff_lists_changes_by_item_and_exits_like_diff() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap();
    let old = variant(dir.path(), "old.ron", &text, &[]);
    let new = variant(
        dir.path(),
        "new.ron",
        &text,
        &[
            (r#"title: "Checkout","#, r#"title: "One-page checkout","#),
            (r#"title: "Online shop: from first ad to loyal fan""#, r#"title: "Shop""#),
        ],
    );
    let (old, new) = (old.display().to_string(), new.display().to_string());
    let same = touchline(&["diff", &old, &old]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout(&same), "");
    let out = touchline(&["diff", &old, &new]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "~ map title: \"Online shop: from first ad to loyal fan\" → \"Shop\"\n~ card c-checkout \"One-page checkout\": title: \"Checkout\" → \"One-page checkout\"\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&touchline(&["diff", &old, &new, "--json"]))).unwrap();
    assert_eq!(json["items"][0]["id"], "c-checkout");
    assert_eq!(json["items"][0]["change"], "changed");
    assert_eq!(json["items"][0]["fields"][0]["new"], "One-page checkout");
    // Usage errors and unreadable maps exit 2.
    assert_eq!(touchline(&["diff", &old]).status.code(), Some(2));
    assert_eq!(touchline(&["diff", &old, "missing.ron"]).status.code(), Some(2));
    let jpg = dir.path().join("d.jpg").display().to_string();
    assert_eq!(touchline(&["diff", &old, &new, "-o", &jpg]).status.code(), Some(2));
    assert!(!Path::new(&jpg).exists());
    // The marked drawing as SVG: the changed card is ringed amber, as in the PNG.
    let svg = dir.path().join("d.svg");
    let out = touchline(&["diff", &old, &new, "-o", &svg.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let markup = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&markup).unwrap();
    let card = doc.descendants().find(|n| n.attribute("id") == Some("card-c-checkout")).unwrap();
    assert!(card.descendants().any(|n| n.text() == Some("One-page checkout")), "the new title is text");
    assert!(
        card.descendants().any(|n| n.attribute("stroke") == Some("#d9a41e")),
        "the changed card has the amber ring"
    );
    let other = doc.descendants().find(|n| n.attribute("id") == Some("card-c-confirm")).unwrap();
    assert!(
        !other.descendants().any(|n| n.attribute("stroke") == Some("#d9a41e")),
        "unchanged cards are not ringed"
    );
}

#[test]
fn merge_combines_both_sides_into_ours_and_reports_conflicts_by_id_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap();
    let base = variant(dir.path(), "base.ron", &text, &[]);
    let ours = variant(
        dir.path(),
        "ours.ron",
        &text,
        &[(r#"title: "Checkout","#, r#"title: "One-page checkout","#)],
    );
    let theirs = variant(
        dir.path(),
        "theirs.ron",
        &text,
        &[(r#"title: "Post-purchase survey","#, r#"title: "NPS survey","#)],
    );
    let [b, o, t] = [&base, &ours, &theirs].map(|p| p.display().to_string());
    let out = touchline(&["merge", &b, &o, &t]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = std::fs::read_to_string(&ours).unwrap();
    assert!(merged.contains("One-page checkout") && merged.contains("NPS survey"), "written into OURS");
    assert!(touchline(&["check", &o]).status.success());

    let clash = variant(
        dir.path(),
        "clash.ron",
        &text,
        &[(r#"title: "Checkout","#, r#"title: "Express checkout","#)],
    );
    let result = dir.path().join("result.ron").display().to_string();
    let out = touchline(&["merge", &b, &o, &clash.display().to_string(), "-o", &result]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("conflict: card c-checkout title"), "{}", stderr(&out));
    assert!(touchline(&["check", &result]).status.success(), "a conflicted merge still passes check");
    let written = std::fs::read_to_string(&result).unwrap();
    assert!(written.contains("One-page checkout") && written.contains("theirs had title"), "{written}");
    // A version that cannot be read: nothing is written.
    let broken = variant(dir.path(), "broken.ron", "(format_version: 3, map: (", &[]);
    let before = std::fs::read(&ours).unwrap();
    let out = touchline(&["merge", &b, &o, &broken.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&ours).unwrap(), before);
}

#[test]
fn show_prints_one_line_per_item_for_git() {
    let out = touchline(&["show", "maps/ecommerce.ron"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let map = touchline::templates::load("ecommerce").unwrap();
    let items = map.stages.len()
        + map.lanes.len()
        + map.cards.len()
        + map.personas.len()
        + map.curves.len()
        + map.points.len()
        + map.links.len();
    assert_eq!(text.lines().filter(|l| !l.starts_with("map ")).count(), items);
    assert!(text.contains("card c-checkout \"Checkout\" in Touchpoints · Purchase · "), "{text}");
}

#[cfg(unix)]
#[test]
fn new_files_get_the_usual_permissions_for_the_umask() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let out = dir.path().join(format!("map-{umask}.ron"));
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" new -o \"$1\""))
            .arg(env!("CARGO_BIN_EXE_touchline"))
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, mode, "umask {umask}");
        for format in ["svg", "pdf"] {
            let export = dir.path().join(format!("map-{umask}.{format}"));
            let status = Command::new("sh")
                .arg("-c")
                .arg(format!("umask {umask} && exec \"$0\" export \"$1\" -o \"$2\""))
                .arg(env!("CARGO_BIN_EXE_touchline"))
                .arg(&out)
                .arg(&export)
                .status()
                .unwrap();
            assert!(status.success());
            let got = std::fs::metadata(&export).unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode, "{format} export, umask {umask}");
        }
    }
}

#[cfg(unix)]
#[test]
fn fmt_through_a_symlink_rewrites_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let text = std::fs::read_to_string("maps/blank.ron").unwrap();
    std::fs::write(&real, text.replace("    ", "  ")).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert!(touchline(&["fmt", &link.display().to_string()]).status.success());
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), text, "the file it points to is rewritten");
}

#[test]
fn messages_a_newcomer_meets_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let out = touchline(&["check", &empty.display().to_string()]);
    assert_eq!(stderr(&out).trim(), format!("{}: the file is empty", empty.display()));

    let missing = dir.path().join("missing-folder/x.ron");
    let out = touchline(&["new", "-o", &missing.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing-folder does not exist"), "{}", stderr(&out));
    assert!(!stderr(&out).contains(".x.ron."), "no temporary file names: {}", stderr(&out));

    let out = touchline(&["expotr", "maps/ecommerce.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown command 'expotr' (did you mean 'export'?)"), "{}", stderr(&out));

    let out = Command::new(env!("CARGO_BIN_EXE_touchline"))
        .arg("maps/ecommerce.ron")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.contains("no display") && message.contains("touchline export"), "{message}");
    assert!(!message.contains(".rs"), "no source paths: {message}");
}

/// Runs git in `dir`, failing the test if it fails (unless `may_fail`).
fn git(dir: &Path, args: &[&str], may_fail: bool) -> Output {
    let out = Command::new("git").current_dir(dir).args(args).output().expect("git runs");
    assert!(may_fail || out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn the_readme_git_setup_merges_by_item_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let bin = env!("CARGO_BIN_EXE_touchline");
    git(repo, &["init", "-q", "-b", "main"], false);
    git(repo, &["config", "user.email", "team@example.org"], false);
    git(repo, &["config", "user.name", "Team"], false);
    git(repo, &["config", "diff.touchline.textconv", &format!("{bin} show")], false);
    git(repo, &["config", "merge.touchline.driver", &format!("{bin} merge %O %A %B")], false);
    std::fs::write(repo.join(".gitattributes"), "*.ron diff=touchline merge=touchline\n").unwrap();
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap();
    let map = repo.join("shop.ron");
    std::fs::write(&map, &text).unwrap();
    git(repo, &["add", "-A"], false);
    git(repo, &["commit", "-qm", "base"], false);
    // Two branches change neighbouring lines: git's line merge would conflict; by item it does not.
    git(repo, &["checkout", "-qb", "theirs"], false);
    std::fs::write(&map, text.replace(r#"title: "Order confirmation email","#, r#"title: "Receipt email","#))
        .unwrap();
    git(repo, &["commit", "-qam", "theirs"], false);
    git(repo, &["checkout", "-q", "main"], false);
    std::fs::write(&map, text.replace(r#"title: "Checkout","#, r#"title: "One-page checkout","#)).unwrap();
    git(repo, &["commit", "-qam", "ours"], false);
    git(repo, &["merge", "-q", "theirs", "-m", "merged"], false);
    let merged = std::fs::read_to_string(&map).unwrap();
    assert!(merged.contains("One-page checkout") && merged.contains("Receipt email"));
    assert!(touchline(&["check", &map.display().to_string()]).status.success());
    // git log -p reads as items.
    let log = String::from_utf8_lossy(&git(repo, &["log", "-p", "-1", "HEAD~1"], false).stdout).into_owned();
    assert!(log.contains("+card c-checkout \"One-page checkout\" in Touchpoints · Purchase"), "{log}");
    assert!(log.contains("ces: ") || log.contains("\"ces\":4.8"), "numbers read as typed: {log}");
    assert!(!log.contains("4.800000"), "{log}");
    // The same field changed on two branches: git stops with the conflict named.
    git(repo, &["checkout", "-qb", "clash"], false);
    std::fs::write(&map, merged.replace("One-page checkout", "Express checkout")).unwrap();
    git(repo, &["commit", "-qam", "clash"], false);
    git(repo, &["checkout", "-q", "main"], false);
    std::fs::write(&map, merged.replace("One-page checkout", "Guest checkout")).unwrap();
    git(repo, &["commit", "-qam", "ours again"], false);
    let out = git(repo, &["merge", "clash", "-m", "clash"], true);
    assert!(!out.status.success());
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("conflict: card c-checkout title"), "{said}");
    let left = std::fs::read_to_string(&map).unwrap();
    assert!(left.contains("Guest checkout") && left.contains("theirs had title"), "{left}");
    assert!(
        touchline(&["check", &map.display().to_string()]).status.success(),
        "the conflicted file still opens"
    );
}

#[test]
fn import_makes_a_map_from_a_spreadsheet_and_export_writes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("inventory.csv");
    std::fs::write(
        &csv,
        "\u{feff}Phase;Swimlane;Touchpoint;Channel;CSAT;Interviewer\n\
         Kennenlernen;Touchpoints;\"Messe; Stand B\";In person;82;Anna\n\
         Kauf;Vertrieb;Angebot kommt spät;Email;;Ben\n",
    )
    .unwrap();
    let map = dir.path().join("inventory.ron");
    let (input, output) = (csv.display().to_string(), map.display().to_string());
    let out = touchline(&["import", &input, "-o", &output]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("wrote {output} (2 stages, 2 lanes, 2 cards)\n"));
    assert!(
        stderr(&out).contains("inventory.csv:1: columns kept in each card's notes: Interviewer"),
        "{}",
        stderr(&out)
    );
    assert!(touchline(&["check", &output]).status.success(), "the import passes check");
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(
        text.contains(r#"title: "Messe; Stand B""#) && text.contains("notes: \"Interviewer: Anna\""),
        "{text}"
    );
    assert!(
        text.contains("kind: Custom, title: \"Vertrieb\""),
        "unknown lane names become custom lanes: {text}"
    );
    // An existing map needs --force.
    let again = touchline(&["import", &input, "-o", &output]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists; pass --force"), "{}", stderr(&again));
    assert!(touchline(&["import", &input, "-o", &output, "--force"]).status.success());
    // Out to a spreadsheet and a README.
    let back = dir.path().join("back.csv");
    assert!(touchline(&["export", &output, "-o", &back.display().to_string()]).status.success());
    let rows = std::fs::read_to_string(&back).unwrap();
    assert!(rows.starts_with("stage,lane,lane_kind,title,notes,channel,"), "{rows}");
    assert!(rows.contains("\"Messe; Stand B\"") || rows.contains("Messe; Stand B"), "{rows}");
    let mmd = dir.path().join("journey.mmd");
    assert!(touchline(&["export", "maps/ecommerce.ron", "-o", &mmd.display().to_string()]).status.success());
    let journey = std::fs::read_to_string(&mmd).unwrap();
    assert!(journey.starts_with("journey\n    title Online shop"), "{journey}");
    assert!(
        journey.contains("    section Purchase\n      Adds to cart and checks out as a guest: 2: Rina"),
        "{journey}"
    );
}

#[test]
fn import_lists_every_problem_by_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.ron");
    let output = out.display().to_string();
    let cases: [(&str, &[u8], &[&str]); 4] = [
        (
            "rows.csv",
            b"stage,title\nA,\n,B\nC,D\n",
            &["rows.csv:2: the row has no title", "rows.csv:3: the row has no stage"],
        ),
        ("latin1.csv", b"stage,title\nA,Caf\xe9\n", &["latin1.csv:2: not UTF-8 text"]),
        ("graph.mmd", b"graph TD\n  A --> B\n", &["graph.mmd:1: no mermaid `journey` diagram here"]),
        (
            "scores.mmd",
            b"journey\n  section A\n  Tea: 7: Me\n  Work: x: Me\n",
            &["scores.mmd:3: task \"Tea\"", "scores.mmd:4: task \"Work\""],
        ),
    ];
    for (name, bytes, messages) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let result = touchline(&["import", &input.display().to_string(), "-o", &output]);
        assert_eq!(result.status.code(), Some(1), "{name}");
        for message in messages {
            assert!(stderr(&result).contains(message), "{name}: {message:?} in {}", stderr(&result));
        }
        assert!(!out.exists(), "{name}: nothing written");
    }
    let unknown = dir.path().join("cards.xlsx");
    std::fs::write(&unknown, b"x").unwrap();
    let result = touchline(&["import", &unknown.display().to_string(), "-o", &output]);
    assert_eq!(result.status.code(), Some(2));
    assert!(stderr(&result).contains("--from csv|tsv|mermaid"), "{}", stderr(&result));
}

#[test]
fn a_thousand_task_mermaid_journey_imports_whole() {
    use std::fmt::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("journey\n  title Big\n");
    for stage in 0..20 {
        let _ = writeln!(text, "  section Stage {stage}");
        for task in 0..50 {
            let _ = writeln!(text, "    Task {stage}-{task}: {}: Ana, Ben", task % 5 + 1);
        }
    }
    let input = dir.path().join("big.mmd");
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("big.ron");
    let result = touchline(&["import", &input.display().to_string(), "-o", &out.display().to_string()]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert_eq!(stdout(&result), format!("wrote {} (20 stages, 2 lanes, 1000 cards)\n", out.display()));
    let info: serde_json::Value =
        serde_json::from_str(&stdout(&touchline(&["info", &out.display().to_string(), "--json"]))).unwrap();
    assert_eq!(info["points"], 2000, "{info}");
}

#[test]
fn export_never_replaces_a_map_a_device_or_another_kind_of_file_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let shop = dir.path().join("shop.ron");
    std::fs::copy("maps/ecommerce.ron", &shop).unwrap();
    let map_text = std::fs::read(&shop).unwrap();
    let shop_path = shop.to_str().unwrap();

    // Onto the map itself, in any format, even with --force: refused, the map untouched.
    for extra in [&["--format", "svg"][..], &["--format", "svg", "--force"], &["--format", "csv"]] {
        let out = touchline(&[&["export", shop_path, "-o", shop_path], extra].concat());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("is a map"), "{}", stderr(&out));
        assert_eq!(std::fs::read(&shop).unwrap(), map_text);
    }

    // Another kind of export: only with --force.
    let slide = dir.path().join("slide.png");
    std::fs::write(&slide, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let out = touchline(&["export", shop_path, "-o", slide.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already holds an SVG drawing") && stderr(&out).contains("--force"));
    let out = touchline(&["export", shop_path, "-o", slide.to_str().unwrap(), "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&slide).unwrap().starts_with(b"\x89PNG"));
    // The same kind again needs no --force.
    let out = touchline(&["export", shop_path, "-o", slide.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    // `-` and /dev/stdout stream the export; /dev/null stays a device.
    let out = touchline(&["export", shop_path, "-o", "-", "--format", "svg"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("<?xml") || stdout(&out).starts_with("<svg"), "only the SVG on stdout");
    let out = touchline(&["export", shop_path, "-o", "/dev/stdout", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("stage,"), "{}", stdout(&out));
    let out = touchline(&["export", shop_path, "-o", "/dev/null", "--format", "png"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file(), "/dev/null is still a device");

    // A named pipe would hang the export (nobody reads it) or be replaced: refused at once.
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.png");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let out = touchline(&["export", shop_path, "-o", fifo.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(1));
            assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
        }
    }
}

#[test]
fn check_warns_of_cards_without_a_title_and_info_counts_votes_past_four_billion() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("untitled.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("title: \"Checkout\"", "title: \"\"")
        .replace("id: \"c-checkout\",", "id: \"c-checkout\", votes: 4294967295,")
        .replace("id: \"c-confirm\",", "id: \"c-confirm\", votes: 4294967295,");
    std::fs::write(&path, text).unwrap();
    let out = touchline(&["check", path.to_str().unwrap()]);
    assert!(out.status.success(), "a warning, not a failure: {}", stderr(&out));
    let expected = format!("{}:45: warning: card \"c-checkout\" has no title", path.display());
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    let out = touchline(&["info", path.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"votes\": 8589934590"), "{}", stdout(&out));
}

#[test]
fn help_is_a_command_too() {
    let out = touchline(&["help"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Usage:") && stdout(&out).contains("export"), "{}", stdout(&out));
    let out = touchline(&["help", "export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("--force") && stdout(&out).contains("--fit"), "{}", stdout(&out));
}

#[test]
fn import_refuses_devices_and_more_sections_than_rows_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let out_map = dir.path().join("out.ron");
    let out = touchline(&["import", "/dev/zero", "--from", "csv", "-o", out_map.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("/dev/zero: not a regular file"), "{}", stderr(&out));
    assert!(!out_map.exists());

    let mut text = String::from("journey\n  title Many\n");
    for i in 0..10_001 {
        text.push_str("  section S");
        text.push_str(&i.to_string());
        text.push('\n');
    }
    text.push_str("    Task: 3\n");
    let mmd = dir.path().join("many.mmd");
    std::fs::write(&mmd, text).unwrap();
    let out = touchline(&["import", mmd.to_str().unwrap(), "-o", out_map.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("more than 10000 sections and tasks"), "{}", stderr(&out));
    assert!(!out_map.exists());
}

#[test]
fn import_keeps_meaning_channels_the_usual_lane_order_and_a_title() {
    use touchline::model::Channel;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("inventory.csv");
    std::fs::write(
        &csv,
        "# Weekend run shop\nstage,lane,title,channel\nVisit,Touchpoints,Shoe wall,In store\n\
         Visit,Actions,Tries on two pairs,\nPay,Pain points,Queue at the till,Counter\n\
         Pay,Touchpoints,Hotline,Call centre\nPay,Touchpoints,Chat,WhatsApp\n",
    )
    .unwrap();
    let out_map = dir.path().join("shop.ron");
    let out = touchline(&["import", csv.to_str().unwrap(), "-o", out_map.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let map = touchline::file::load(&out_map).unwrap();
    assert_eq!(map.title, "Weekend run shop", "the # line names the map");
    let lanes: Vec<&str> = map.lanes.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(lanes, ["Actions", "Touchpoints", "Pain points"], "the usual order of the kinds");
    let channel = |title: &str| map.cards.iter().find(|c| c.title == title).unwrap().channel.clone();
    assert_eq!(channel("Shoe wall"), Some(Channel::InPerson));
    assert_eq!(channel("Queue at the till"), Some(Channel::InPerson));
    assert_eq!(channel("Hotline"), Some(Channel::Phone));
    assert_eq!(channel("Chat"), Some(Channel::LiveChat));

    let kept = dir.path().join("kept.ron");
    let out = touchline(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        kept.to_str().unwrap(),
        "--keep-order",
        "--title",
        "Saturday",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let map = touchline::file::load(&kept).unwrap();
    assert_eq!(map.title, "Saturday");
    let lanes: Vec<&str> = map.lanes.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(lanes, ["Touchpoints", "Actions", "Pain points"], "the file's own order");
}

#[test]
fn a_version_6_file_reads_and_priorities_need_version_7() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 6");
    std::fs::write(&path, &text).unwrap();
    let shown = path.display().to_string();
    assert!(touchline(&["check", &shown]).status.success(), "a version 6 file opens");
    let rated = text.replacen("title: \"Checkout\"", "title: \"Checkout\", priority: High", 1);
    assert_ne!(rated, text);
    std::fs::write(&path, rated).unwrap();
    let out = touchline(&["check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("they need format_version 7"), "{}", stderr(&out));
}

#[test]
fn a_version_7_file_reads_and_a_cards_author_needs_version_8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 7");
    std::fs::write(&path, &text).unwrap();
    let shown = path.display().to_string();
    assert!(touchline(&["check", &shown]).status.success(), "a version 7 file opens");
    let signed = text.replacen("title: \"Checkout\"", "title: \"Checkout\", author: \"Ana\"", 1);
    assert_ne!(signed, text);
    std::fs::write(&path, signed).unwrap();
    let out = touchline(&["check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("an author needs format_version 8"), "{}", stderr(&out));
}

#[test]
fn a_version_8_file_reads_and_links_between_maps_need_version_9() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.ron");
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("format_version: 9", "format_version: 8");
    std::fs::write(&path, &text).unwrap();
    let shown = path.display().to_string();
    assert!(touchline(&["check", &shown]).status.success(), "a version 8 file opens");
    for (field, message, needs) in [
        ("opens: \"detail.ron\"", "card \"c-checkout\" opens another map (opens)", "links between maps need"),
        (
            "counterpart: \"future.ron\"",
            "the map names its counterpart (counterpart)",
            "links between maps need",
        ),
        ("allow: [\"stale\"]", "silences review rules (allow)", "silencing review rules needs"),
    ] {
        let linked = if field.starts_with("opens") {
            text.replacen("title: \"Checkout\"", &format!("title: \"Checkout\", {field}"), 1)
        } else {
            text.replacen("        personas: [", &format!("        {field},\n        personas: ["), 1)
        };
        assert_ne!(linked, text, "{field}");
        std::fs::write(&path, &linked).unwrap();
        let out = touchline(&["check", &shown]);
        assert_eq!(out.status.code(), Some(1), "{field}");
        let err = stderr(&out);
        assert!(
            err.contains(message) && err.contains(&format!("{needs} format_version 9")),
            "{field}: {err}"
        );
        // The message points at the line that holds the field.
        let line = linked.lines().position(|l| l.contains(field)).unwrap() + 1;
        assert!(err.starts_with(&format!("{shown}:{line}:1: ")), "{field} is on line {line}: {err}");
    }
}

#[test]
fn severity_and_effort_columns_become_the_cards_priority_and_effort() {
    use touchline::model::Rating;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("pains.csv");
    std::fs::write(
        &csv,
        "stage,lane,title,severity,effort,pain,interviewer\nPay,Pain points,Surprise fee,High,,,Ana\n\
         Pay,Opportunities,Show fees early,2,low,,\nPay,Pain points,Slow page,,,Mittel,\nPay,Pain points,Odd,huge,,,\n",
    )
    .unwrap();
    let out_map = dir.path().join("pains.ron");
    let out = touchline(&["import", csv.to_str().unwrap(), "-o", out_map.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("\"huge\" is not low, medium, high or 1 to 5"), "{}", stderr(&out));
    let map = touchline::file::load(&out_map).unwrap();
    let card = |title: &str| map.cards.iter().find(|c| c.title == title).unwrap();
    assert_eq!(card("Surprise fee").priority, Some(Rating::High));
    assert_eq!(
        (card("Show fees early").priority, card("Show fees early").effort),
        (Some(Rating::Low), Some(Rating::Low))
    );
    assert_eq!(card("Odd").priority, None);
    // The column kept in notes shows on the cards of that lane.
    assert!(card("Surprise fee").notes.contains("interviewer: Ana"));
    let lane = |title: &str| map.lanes.iter().find(|l| l.title == title).unwrap().show_notes;
    assert!(lane("Pain points") && !lane("Opportunities"));
    let shown = touchline::layout::meta_text(card("Surprise fee"), &map.words);
    assert_eq!(shown, "Priority high", "the card shows it");
    // And back out to a spreadsheet.
    let back = dir.path().join("back.csv");
    let out = touchline(&["export", out_map.to_str().unwrap(), "-o", back.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&back).unwrap();
    assert!(written.lines().next().unwrap().ends_with(",priority,effort,author"), "{written}");
    assert!(written.contains("Surprise fee") && written.contains(",High,"), "{written}");
}

#[cfg(unix)]
#[test]
fn new_import_and_merge_refuse_a_pipe_and_leave_it_one() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("out.ron");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "Stage,Title\nArrive,Door\n").unwrap();
    let out = pipe.to_str().unwrap();
    let shop = "maps/ecommerce.ron";
    for args in [
        vec!["new", "-o", out, "--force"],
        vec!["import", csv.to_str().unwrap(), "-o", out, "--force"],
        vec!["merge", shop, shop, shop, "-o", out],
    ] {
        let done = touchline(&args);
        assert_eq!(done.status.code(), Some(1), "{args:?}: {}", stderr(&done));
        assert!(stderr(&done).contains("not a regular file"), "{args:?}: {}", stderr(&done));
        assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo(), "{args:?} replaced the pipe");
    }
}

#[test]
fn data_exports_count_what_they_wrote_and_name_what_they_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = touchline::file::load(std::path::Path::new("maps/ecommerce.ron")).unwrap();
    map.cards[0].opens = Some("detail.ron".into());
    map.counterpart = Some("future.ron".into());
    let path = dir.path().join("linked.ron");
    touchline::file::save(&map, &path).unwrap();
    let mmd = dir.path().join("journey.mmd");
    let out = touchline(&["export", path.to_str().unwrap(), "-o", mmd.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tasks = std::fs::read_to_string(&mmd).unwrap().lines().filter(|l| l.starts_with("      ")).count();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.contains(&format!("({tasks} task")), "{said} ({tasks} tasks written)");
    let note = stderr(&out);
    assert!(
        note.contains("1 links to other maps")
            && note.contains("counterpart")
            && note.contains("outside the Actions lanes"),
        "{note}"
    );
    let csv = dir.path().join("cards.csv");
    let out = touchline(&["export", path.to_str().unwrap(), "-o", csv.to_str().unwrap()]);
    assert!(out.status.success() && stderr(&out).contains("counterpart"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Actions lanes"), "a spreadsheet keeps every card: {}", stderr(&out));
}

#[test]
fn a_map_too_large_to_read_back_is_never_written() {
    use std::fmt::Write as _;
    let dir = tempfile::tempdir().unwrap();
    // Ten thousand rows of notes of backslashes (each one two bytes in a map): a 20 MB
    // spreadsheet, a map of 40 MB.
    let notes = "\\".repeat(2_000);
    let mut csv = String::from("Stage,Title,Notes\n");
    for i in 0..10_000 {
        let _ = writeln!(csv, "Stage {},Card {i},{notes}", i % 8);
    }
    let input = dir.path().join("huge.csv");
    std::fs::write(&input, csv).unwrap();
    let output = dir.path().join("huge.ron");
    let out = touchline(&["import", input.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("bytes") && said.contains("at most 33554432") && said.contains("split"), "{said}");
    assert!(!output.exists(), "nothing written");
}
