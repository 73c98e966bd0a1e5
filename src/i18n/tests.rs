//! The message files against each other and against the code that asks for their messages.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Each message id of a `.ftl` file with the variables its value and variants name.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with(['#', '}']) || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            let id = line.split('=').next().unwrap_or_default().trim().to_owned();
            out.entry(id.clone()).or_default();
            current = Some(id);
        }
        if let Some(id) = &current {
            out.entry(id.clone()).or_default().extend(variables(line));
        }
    }
    out
}

fn variables(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('$')
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').collect())
}

#[test]
fn every_message_file_parses_whole() {
    for language in Language::all() {
        if let Err((_, errors)) = FluentResource::try_new(language.source().to_owned()) {
            panic!("{}.ftl: {errors:?}", language.code());
        }
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = messages(Language::English.source());
    assert!(english.len() > 100, "{} messages", english.len());
    for language in Language::all() {
        let theirs = messages(language.source());
        let code = language.code();
        for (id, variables) in &english {
            let Some(their_variables) = theirs.get(id) else { panic!("{code}.ftl lacks `{id}`") };
            assert_eq!(their_variables, variables, "{code}.ftl: `{id}` names other variables than en.ftl");
        }
        for id in theirs.keys() {
            assert!(english.contains_key(id), "{code}.ftl has `{id}`, which en.ftl does not");
        }
    }
}

/// Every `t!("id", name = ...)` in the sources: (file, id, names).
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut folders = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            // The i18n module's own examples and tests are not the editor's texts.
            if path.extension().is_none_or(|e| e != "rs")
                || path.parent().is_some_and(|p| p.ends_with("i18n"))
            {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for (at, _) in source.match_indices("!(") {
                // `t!(` and `tl!(`: the macro's name is the identifier before the `!`.
                let name_start =
                    source[..at].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
                if !matches!(&source[name_start..at], "t" | "tl") {
                    continue;
                }
                let Some(rest) = source[at + 2..].trim_start().strip_prefix('"') else { continue };
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                let call = &rest[id.len() + 1..];
                let end = matching_paren(call);
                let names = call[..end]
                    .split(',')
                    .filter_map(|arg| {
                        let (name, _) = arg.split_once('=')?;
                        let name = name.trim();
                        name.chars().all(|c| c.is_alphanumeric() || c == '_').then(|| name.replace('_', "-"))
                    })
                    .collect();
                out.push((path.display().to_string(), id, names));
            }
        }
    }
    out
}

/// Where the call that starts at `text` (after its first argument) closes.
fn matching_paren(text: &str) -> usize {
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return at,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

#[test]
fn the_code_asks_for_messages_that_exist_with_their_variables() {
    let english = messages(Language::English.source());
    let uses = uses();
    assert!(uses.len() > 100, "{} uses found", uses.len());
    for (file, id, names) in &uses {
        let Some(variables) = english.get(id) else { panic!("{file}: `{id}` is not in en.ftl") };
        assert_eq!(names, variables, "{file}: `{id}` is given other variables than en.ftl names");
    }
    let used: BTreeSet<&str> = uses.iter().map(|(_, id, _)| id.as_str()).collect();
    // The room's page asks for its words by id from its own files.
    let page: String = ["index.html", "code.html", "room.js"]
        .iter()
        .map(|f| {
            std::fs::read_to_string(format!("{}/src/room/page/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap()
        })
        .collect();
    for id in english.keys() {
        if let Some(vote_on) = id.strip_prefix("room-page-vote-on-") {
            // Asked for as "room-page-vote-on-" + the vote's key.
            assert!(page.contains("room-page-vote-on-"), "{id}");
            assert!(["pain-points", "opportunities", "all-cards"].contains(&vote_on), "{id}");
            continue;
        }
        let asked =
            used.contains(id.as_str()) || (id.starts_with("room-page-") && page.contains(id.as_str()));
        assert!(asked, "en.ftl has `{id}`, which nothing asks for");
    }
}

#[test]
fn plurals_follow_each_language() {
    set_language(Language::English);
    assert_eq!(t!("status-cards", count = 1), "1 card");
    assert_eq!(t!("status-cards", count = 5), "5 cards");
    set_language(Language::German);
    assert_eq!(t!("status-cards", count = 1), "1 Karte");
    assert_eq!(t!("status-cards", count = 5), "5 Karten");
    set_language(Language::Indonesian);
    assert_eq!(t!("status-cards", count = 5), "5 kartu");
    set_language(Language::English);
}

#[test]
fn arabic_messages_come_in_visual_order_with_long_lines_broken() {
    set_language(Language::Arabic);
    let file = t!("menu-file");
    assert!(crate::text::has_rtl(&file), "{file}");
    // One row per line, none longer than the break, and the words of each row in visual order.
    let long = t!("status-hint");
    for row in long.lines() {
        assert!(row.chars().count() <= RTL_LINE_CHARS + 20, "{row}");
    }
    set_language(Language::English);
}

#[test]
fn a_missing_message_falls_back_to_english_then_to_its_id() {
    set_language(Language::Thai);
    assert_eq!(text("no-such-message"), "no-such-message");
    set_language(Language::English);
}

#[test]
fn pseudo_messages_are_marked() {
    set_pseudo(true);
    let file = t!("menu-file");
    set_pseudo(false);
    assert!(file.starts_with(PSEUDO_OPEN) && file.ends_with(PSEUDO_CLOSE), "{file}");
}

#[test]
fn codes_name_languages() {
    for language in Language::all() {
        assert_eq!(Language::from_code(language.code()), Some(language));
    }
    assert_eq!(Language::from_code("ar-EG"), Some(Language::Arabic));
    assert_eq!(Language::from_code("pt-BR"), None);
    assert_eq!(Language::from_code(""), None);
}

#[test]
fn the_rooms_page_gets_its_words_in_its_readers_language() {
    assert_eq!(from_accept_language("de-DE,de;q=0.9,en;q=0.8"), Some(Language::German));
    assert_eq!(from_accept_language("fr-FR, ar-SA;q=0.7"), Some(Language::Arabic));
    assert_eq!(from_accept_language("fr"), None);
    let words: BTreeMap<String, String> = page_words(Language::Arabic, "room-page-").into_iter().collect();
    // As written: logical order, for the browser to lay out (no visual reordering, no marks).
    assert_eq!(words["room-page-join"], "انضمام");
    // Variables stay for the page to fill in.
    assert_eq!(words["room-page-dots-left"], "النقاط المتبقية: {left} من {budget}");
    assert!(words.keys().all(|id| id.starts_with("room-page-")));
    assert_eq!(
        words.len(),
        messages(Language::English.source()).keys().filter(|id| id.starts_with("room-page-")).count()
    );
}
