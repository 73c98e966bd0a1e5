//! A folder of maps open as a workspace: the side panel listing every map (title, state,
//! personas, counts, last change), search across all of them, and the roll-up of every pain
//! point and opportunity. What the user picks comes back as an [`Action`] for the app to open.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use egui::{Color32, RichText, Ui};

use crate::portfolio::git::GitError;
use crate::portfolio::rollup::{self, Filter, Kind, Row, SortBy};
use crate::portfolio::search::{self, Item, MapHits};
use crate::portfolio::{Entry, Folder};

/// What the user asked of the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open the map (or show its tab), with an item of it selected.
    Open { path: PathBuf, select: Option<Item> },
}

/// When each map last changed in git, read off the UI thread.
type History = Result<Option<crate::portfolio::git::History>, GitError>;

/// An open folder of maps.
pub struct Workspace {
    pub folder: Folder,
    index: search::Index,
    /// What is typed in the search field.
    pub query: String,
    /// The hits of `query`, as of `searched`.
    results: Vec<MapHits>,
    searched: String,
    /// The search field takes the keyboard on the next frame (Ctrl+Shift+F).
    pub focus_search: bool,
    /// The roll-up window, while it is open.
    pub rollup: Option<Rollup>,
    history: Option<mpsc::Receiver<History>>,
    /// The folder's own name, found once (the title bar asks every frame).
    name: String,
    /// Every persona's name across the maps, once each, for the roll-up's filter.
    personas: Vec<String>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").field("root", &self.folder.root).finish_non_exhaustive()
    }
}

/// The roll-up window's table: its rows as filtered and sorted.
#[derive(Debug)]
pub struct Rollup {
    pub sort: SortBy,
    pub descending: bool,
    pub filter: Filter,
    pub rows: Vec<Row>,
}

impl Workspace {
    /// Reads every map under `root`; git history follows on a thread of its own.
    pub fn open(root: &Path) -> Self {
        let folder = Folder::open(root);
        let index = search::Index::new(&folder);
        let (send, receive) = mpsc::channel();
        let paths: Vec<PathBuf> = folder.entries.iter().map(|e| e.path.clone()).collect();
        let at = folder.root.clone();
        let started = std::thread::Builder::new()
            .name("touchline-git-history".into())
            .spawn(move || {
                let _ = send.send(crate::portfolio::git::last_commits(&at, &paths));
            })
            .is_ok();
        let root = folder.root.canonicalize().unwrap_or_else(|_| folder.root.clone());
        let name =
            root.file_name().map_or_else(|| root.display().to_string(), |n| n.to_string_lossy().into_owned());
        let personas = persona_names(&folder);
        Self {
            name,
            personas,
            folder,
            index,
            query: String::new(),
            results: Vec::new(),
            searched: String::new(),
            focus_search: false,
            rollup: None,
            history: started.then_some(receive),
        }
    }

    /// The folder's name, as the window title and the panel show it.
    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// Reads the folder again (maps added, removed or changed on disk: a `git pull`), keeping
    /// what is typed and the roll-up's order and filter.
    pub fn rescan(&mut self) {
        let mut fresh = Self::open(&self.folder.root);
        fresh.query = std::mem::take(&mut self.query);
        if let Some(mut rollup) = self.rollup.take() {
            rollup.refill(&fresh.folder);
            fresh.rollup = Some(rollup);
        }
        *self = fresh;
    }

    /// Takes in the git history once it has been read.
    pub fn poll(&mut self) {
        let Some(receiver) = &self.history else { return };
        match receiver.try_recv() {
            Ok(Ok(Some(mut history))) => {
                self.folder.in_git = true;
                for entry in &mut self.folder.entries {
                    entry.commit = history.commits.remove(&entry.path);
                }
                self.history = None;
            }
            Ok(_) | Err(mpsc::TryRecvError::Disconnected) => self.history = None,
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Whether the git history is still being read.
    pub fn reading_history(&self) -> bool {
        self.history.is_some()
    }

    /// Reads the map at `path` again after it was saved, so the list, search and roll-up show
    /// what is in the file now.
    pub fn refresh(&mut self, path: &Path) {
        let Some(at) = self.position(path) else { return };
        let commit = self.folder.entries[at].commit.take();
        let mut entry = Entry::found(&self.folder.root, self.folder.entries[at].path.clone());
        entry.commit = commit;
        self.folder.entries[at] = entry;
        self.index = search::Index::new(&self.folder);
        self.personas = persona_names(&self.folder);
        self.searched.clear();
        if let Some(rollup) = &mut self.rollup {
            rollup.refill(&self.folder);
        }
    }

    fn position(&self, path: &Path) -> Option<usize> {
        let wanted = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.folder
            .entries
            .iter()
            .position(|e| e.path == path || e.path.canonicalize().is_ok_and(|p| p == wanted))
    }

    /// Searches again when the query changed since the last search.
    fn search(&mut self) {
        if self.searched != self.query {
            self.results = self.index.search(&self.query);
            self.searched.clone_from(&self.query);
        }
    }

    /// Opens the roll-up window, or closes it.
    pub fn toggle_rollup(&mut self) {
        self.rollup = match self.rollup.take() {
            Some(_) => None,
            None => {
                let mut rollup = Rollup {
                    sort: SortBy::Votes,
                    descending: true,
                    filter: Filter::default(),
                    rows: Vec::new(),
                };
                rollup.refill(&self.folder);
                Some(rollup)
            }
        };
    }

    /// The map title of an entry that reads, for breadcrumbs and tabs.
    pub fn title_of(&self, path: &Path) -> Option<String> {
        let entry = &self.folder.entries[self.position(path)?];
        entry.map.as_ref().ok().map(|m| m.title.clone())
    }
}

impl Rollup {
    /// Rebuilds the rows from the folder, with the filter and order kept.
    pub fn refill(&mut self, folder: &Folder) {
        self.rows = rollup::rows(folder, &self.filter);
        rollup::sort(&mut self.rows, self.sort, self.descending);
    }

    /// Sorts by `by`; a second click on the same column turns the order round.
    pub fn sort_by(&mut self, by: SortBy) {
        if self.sort == by {
            self.descending = !self.descending;
        } else {
            self.sort = by;
            self.descending = by.descending_first();
        }
        rollup::sort(&mut self.rows, self.sort, self.descending);
    }
}

/// The side panel: the folder, the search field and its results or the list of maps.
pub fn panel(ui: &mut Ui, ws: &mut Workspace, active: Option<&Path>) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::left("workspace").resizable(true).default_size(300.0).min_size(220.0).show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("📁 {}", ws.name())).strong());
            let open = ws.rollup.is_some();
            if ui
                .selectable_label(open, t!("workspace-rollup"))
                .on_hover_text(t!("workspace-rollup-hint"))
                .clicked()
            {
                ws.toggle_rollup();
            }
            if ui.small_button("🔄").on_hover_text(t!("workspace-rescan")).clicked() {
                ws.rescan();
            }
        });
        let maps = ws.folder.maps().count();
        let broken = ws.folder.entries.len() - maps;
        let mut counts = t!("workspace-maps", count = maps);
        if broken > 0 {
            counts = format!("{counts} · {}", t!("workspace-broken", count = broken));
        }
        if ws.folder.found.other_ron > 0 {
            counts = format!("{counts} · {}", t!("workspace-other-files", count = ws.folder.found.other_ron));
        }
        ui.label(RichText::new(counts).weak().small());
        ui.add_space(4.0);
        let field = egui::TextEdit::singleline(&mut ws.query)
            .hint_text(t!("workspace-search-hint"))
            .desired_width(f32::INFINITY);
        let response = ui.add(field);
        if std::mem::take(&mut ws.focus_search) {
            response.request_focus();
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.separator();
        if ws.query.trim().is_empty() {
            map_list(ui, ws, active, &mut actions);
        } else {
            let first = results_list(ui, ws, &mut actions);
            if enter && let Some(first) = first {
                actions.push(first);
            }
        }
    });
    actions
}

/// One row per map: title, then state, personas and counts, then the last change.
fn map_list(ui: &mut Ui, ws: &Workspace, active: Option<&Path>, actions: &mut Vec<Action>) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body)
        + 2.0 * ui.text_style_height(&egui::TextStyle::Small)
        + 14.0;
    let entries = &ws.folder.entries;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        entries.len(),
        |ui, range| {
            for entry in &entries[range] {
                let shown = active.is_some_and(|a| a == entry.path);
                let (rect, response) = ui
                    .allocate_exact_size(egui::vec2(ui.available_width(), row_height), egui::Sense::click());
                let visuals = ui.visuals();
                if shown {
                    ui.painter().rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.35));
                } else if response.hovered() {
                    ui.painter().rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
                }
                let mut child =
                    ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 4.0))));
                // The row takes the click: its lines are not text to select.
                child.style_mut().interaction.selectable_labels = false;
                entry_lines(&mut child, entry);
                let response = response.on_hover_text(entry.name.clone());
                if response.clicked() {
                    actions.push(Action::Open { path: entry.path.clone(), select: None });
                }
            }
        },
    );
}

fn entry_lines(ui: &mut Ui, entry: &Entry) {
    ui.spacing_mut().item_spacing.y = 1.0;
    match &entry.map {
        Ok(map) => {
            ui.label(RichText::new(crate::text::shown_part(&map.title)).strong());
            let mut facts = vec![crate::app::names::state_name(map.state)];
            if !map.personas.is_empty() {
                let names: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
                facts.push(names.join(", "));
            }
            facts.push(t!("workspace-counts", stages = map.stages.len(), cards = map.cards.len()));
            ui.label(RichText::new(facts.join(" · ")).small().weak());
            let changed = match (&entry.commit, entry.modified) {
                (Some(commit), _) => t!(
                    "workspace-committed",
                    date = crate::portfolio::lint::date(commit.seconds),
                    author = commit.author.clone()
                ),
                (None, Some(modified)) => {
                    t!(
                        "workspace-saved",
                        date = crate::portfolio::lint::date(crate::portfolio::report::seconds(modified))
                    )
                }
                (None, None) => String::new(),
            };
            ui.label(RichText::new(format!("{changed} · {}", entry.name)).small().weak());
        }
        Err(e) => {
            ui.label(RichText::new(format!("⚠ {}", entry.name)).strong().color(ui.visuals().error_fg_color));
            ui.label(RichText::new(t!("workspace-unreadable")).small().weak()).on_hover_text(e.to_string());
        }
    }
}

/// The hits grouped by map; returns what Enter opens (the first hit).
fn results_list(ui: &mut Ui, ws: &mut Workspace, actions: &mut Vec<Action>) -> Option<Action> {
    ws.search();
    let (results, entries) = (&ws.results, &ws.folder.entries);
    if results.is_empty() {
        ui.label(RichText::new(t!("workspace-no-matches")).weak());
        return None;
    }
    let total: usize = results.iter().map(|m| m.hits.len()).sum();
    let mut counted = t!("workspace-matches", count = total, maps = results.len());
    if total >= search::MAX_HITS {
        counted = t!("workspace-matches-cut", count = total);
    }
    ui.label(RichText::new(counted).small().weak());
    let first = results.first().and_then(|m| {
        let hit = m.hits.first()?;
        Some(Action::Open { path: entries[m.entry].path.clone(), select: Some(hit.item.clone()) })
    });
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for map_hits in results {
            let entry = &entries[map_hits.entry];
            ui.add_space(4.0);
            ui.label(RichText::new(crate::text::shown_part(entry.title())).strong());
            for hit in &map_hits.hits {
                let kind = match hit.item {
                    Item::Map => t!("workspace-hit-map"),
                    Item::Stage(_) => t!("workspace-hit-stage"),
                    Item::Card(_) => t!("workspace-hit-card"),
                    Item::Persona(_) => t!("workspace-hit-persona"),
                };
                let label =
                    if hit.label.trim().is_empty() { t!("workspace-untitled") } else { hit.label.clone() };
                let mut text = format!("{kind}: {}", crate::text::shown_part(&label));
                if let Some(context) = &hit.context {
                    text = format!("{text}\n    {context}");
                }
                if ui.add(egui::Button::selectable(false, text).wrap()).clicked() {
                    actions.push(Action::Open { path: entry.path.clone(), select: Some(hit.item.clone()) });
                }
            }
        }
    });
    first
}

/// The roll-up window: every pain point and opportunity, filtered and sorted; a row opens its
/// card. Returns what was opened, and whether the window stays open.
pub fn rollup_window(ctx: &egui::Context, ws: &mut Workspace) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(mut rollup) = ws.rollup.take() else { return actions };
    let mut open = true;
    let personas = &ws.personas;
    egui::Window::new(t!("rollup-title"))
        .id(egui::Id::unique("rollup window"))
        .open(&mut open)
        .default_size([980.0, 520.0])
        .resizable(true)
        .show(ctx, |ui| {
            let mut changed = false;
            ui.horizontal(|ui| {
                let kinds = [
                    (None, t!("rollup-all-kinds")),
                    (Some(Kind::PainPoint), t!("rollup-pain-points")),
                    (Some(Kind::Opportunity), t!("rollup-opportunities")),
                ];
                changed |= choice(ui, "rollup kind", &mut rollup.filter.kind, &kinds);
                let states: Vec<(Option<crate::model::JourneyState>, String)> =
                    std::iter::once((None, t!("rollup-all-states")))
                        .chain(
                            crate::model::JourneyState::ALL
                                .iter()
                                .map(|s| (Some(*s), crate::app::names::state_name(*s))),
                        )
                        .collect();
                changed |= choice(ui, "rollup state", &mut rollup.filter.state, &states);
                let people: Vec<(Option<String>, String)> =
                    std::iter::once((None, t!("rollup-all-personas")))
                        .chain(personas.iter().map(|p| (Some(p.clone()), p.clone())))
                        .collect();
                changed |= choice(ui, "rollup persona", &mut rollup.filter.persona, &people);
                ui.label(RichText::new(t!("rollup-count", count = rollup.rows.len())).weak());
            });
            if changed {
                rollup.refill(&ws.folder);
            }
            ui.separator();
            let columns = [
                (Some(SortBy::Title), 0.3),
                (None, 0.1),
                (Some(SortBy::Map), 0.18),
                (Some(SortBy::Stage), 0.12),
                (Some(SortBy::Owner), 0.1),
                (Some(SortBy::Votes), 0.06),
                (Some(SortBy::Reported), 0.07),
                (Some(SortBy::DropOff), 0.07),
            ];
            let width = ui.available_width();
            ui.horizontal(|ui| {
                for (sort, share) in columns {
                    let heading = sort.map_or_else(|| t!("rollup-kind"), sort_label);
                    let marker = match sort {
                        Some(s) if s == rollup.sort => {
                            if rollup.descending {
                                " ⏷"
                            } else {
                                " ⏶"
                            }
                        }
                        _ => "",
                    };
                    let button =
                        egui::Button::new(RichText::new(format!("{heading}{marker}")).strong()).frame(false);
                    let response = ui.add_sized([width * share - 6.0, 20.0], button);
                    if let Some(sort) = sort
                        && response.clicked()
                    {
                        rollup.sort_by(sort);
                    }
                }
            });
            ui.separator();
            let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
            egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
                ui,
                row_height,
                rollup.rows.len(),
                |ui, range| {
                    for row in &rollup.rows[range] {
                        let (rect, response) =
                            ui.allocate_exact_size(egui::vec2(width, row_height), egui::Sense::click());
                        if response.hovered() {
                            ui.painter().rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
                        }
                        let percent = |n: Option<f32>| n.map(|n| format!("{n}%")).unwrap_or_default();
                        let kind = match row.kind {
                            Kind::PainPoint => t!("rollup-pain-point"),
                            Kind::Opportunity => t!("rollup-opportunity"),
                        };
                        let cells = [
                            row.title.clone(),
                            kind,
                            row.map.clone(),
                            row.stage.clone(),
                            row.owner.clone(),
                            row.votes.to_string(),
                            percent(row.reported),
                            percent(row.drop_off),
                        ];
                        let mut x = rect.left();
                        for ((_, share), text) in columns.iter().zip(cells) {
                            let cell = egui::Rect::from_min_size(
                                egui::pos2(x, rect.top()),
                                egui::vec2(width * share - 6.0, row_height),
                            );
                            let galley = ui.painter().layout(
                                crate::text::shown_part(&text).into_owned(),
                                egui::FontId::proportional(13.0),
                                ui.visuals().text_color(),
                                f32::INFINITY,
                            );
                            ui.painter().with_clip_rect(cell).galley(
                                egui::pos2(cell.left(), cell.center().y - galley.size().y / 2.0),
                                galley,
                                Color32::PLACEHOLDER,
                            );
                            x += width * share;
                        }
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, row.title.clone())
                        });
                        let response = response.on_hover_text(format!("{} — {}", row.title, row.file));
                        if response.clicked() {
                            let path = ws.folder.entries[row.entry].path.clone();
                            actions.push(Action::Open { path, select: Some(Item::Card(row.card.clone())) });
                        }
                    }
                },
            );
        });
    if open {
        ws.rollup = Some(rollup);
    }
    actions
}

/// Every persona's name across the folder's maps, once each (any case), in name order.
fn persona_names(folder: &Folder) -> Vec<String> {
    let mut names: Vec<String> =
        folder.maps().flat_map(|(_, m)| m.personas.iter().map(|p| p.name.trim().to_owned())).collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

/// A column's heading in the editor's language.
fn sort_label(by: SortBy) -> String {
    match by {
        SortBy::Votes => t!("rollup-votes"),
        SortBy::Reported => t!("rollup-reported"),
        SortBy::DropOff => t!("rollup-drop-off"),
        SortBy::Owner => t!("rollup-owner"),
        SortBy::Map => t!("rollup-map"),
        SortBy::Stage => t!("rollup-stage"),
        SortBy::Title => t!("rollup-card"),
    }
}

/// A drop-down of `choices`; returns whether the choice changed.
fn choice<T: Clone + PartialEq>(ui: &mut Ui, id: &str, value: &mut T, choices: &[(T, String)]) -> bool {
    let shown = choices.iter().find(|(v, _)| v == value).map_or_else(String::new, |(_, l)| l.clone());
    let mut changed = false;
    egui::ComboBox::from_id_salt(id).selected_text(shown).show_ui(ui, |ui| {
        for (v, label) in choices {
            if ui.selectable_label(v == value, label).clicked() && v != value {
                *value = v.clone();
                changed = true;
            }
        }
    });
    changed
}
