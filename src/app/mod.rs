//! The editor window: menus, canvas, inspector and the file workflow around them.
//!
//! UI code reads the document and returns edits; [`TouchlineApp::apply_edits`] runs them after
//! the frame through the document's history, which gives undo, the unsaved mark and autosave.

mod bidi_field;
mod canvas;
mod clipboard;
mod commands;
mod dialogs;
mod disk;
mod document;
mod export_dialog;
mod files;
mod inspector;
mod menus;
mod modal;
mod pictures;
pub mod present;
mod start;

use std::path::PathBuf;
use std::process::ExitCode;

use egui::{Ui, ViewportCommand};

use crate::layout::View;
use crate::theme::{Theme, ThemeKind};

pub use canvas::{Canvas, CanvasOutput, Edit, HeaderSelection, Hit, Mode as CanvasMode, Selection};
pub use commands::{Menu, UiCommand};
pub use disk::DiskNotice;
pub use document::{Document, OnDisk};
pub use files::{FileDialogs, NativeDialogs, NoDialogs, Pending};
pub use modal::{Modal, ModalKind, Modals};
pub use present::{Presentation, Shot};

/// Which theme the editor uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
    HighContrast,
}

/// What the editor remembers between runs.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Settings {
    recent: Vec<PathBuf>,
    theme: ThemeChoice,
    inspector_open: bool,
    /// Export options per map path.
    export: std::collections::HashMap<String, crate::export::ExportOptions>,
    /// Maps (by path) whose pictures outside their folder the user agreed to show.
    outside_pictures: Vec<PathBuf>,
}

const SETTINGS_KEY: &str = "touchline-settings";

/// The whole editor.
pub struct TouchlineApp {
    pub doc: Option<Document>,
    pub canvas: Canvas,
    pub view: View,
    /// Whether the blueprint view last showed the non-blueprint lanes.
    blueprint_other_lanes: bool,
    pub theme_choice: ThemeChoice,
    pub inspector_open: bool,
    pub recent: Vec<PathBuf>,
    /// The open dialogs.
    pub modals: Modals,
    pub export: export_dialog::ExportDialog,
    export_prefs: std::collections::HashMap<String, crate::export::ExportOptions>,
    /// Maps (by path) whose pictures outside their folder the user agreed to show.
    pub outside_pictures: Vec<PathBuf>,
    /// The open map's pictures outside its folder are not to be asked about again this session.
    outside_pictures_dismissed: bool,
    dialogs: Box<dyn FileDialogs>,
    recovery_folder: Option<PathBuf>,
    /// The recovery file written for the open map, if any.
    recovery_written: Option<PathBuf>,
    last_autosave: f64,
    autosaved_revision: u64,
    allow_close: bool,
    /// Set when the window should close at the end of this frame.
    pub close_now: bool,
    shown_title: String,
    /// A presentation of the open map, full screen or in its own window.
    pub presentation: Option<Presentation>,
    /// Watches the open map's file.
    watcher: Option<crate::file::disk::Watcher>,
    /// What the bar says about a change to the file on disk.
    pub disk_notice: Option<DiskNotice>,
    /// The open map's pictures, read off the UI thread.
    pub pictures: crate::pictures::Library,
    /// What the inspector asked to choose a picture file for this frame.
    picture_request: Option<pictures::PictureTarget>,
    /// Where the inspector takes dropped pictures this frame (a persona's rows).
    picture_zones: Vec<(egui::Rect, pictures::PictureTarget)>,
}

impl std::fmt::Debug for TouchlineApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TouchlineApp")
            .field("doc", &self.doc.as_ref().map(Document::display_name))
            .finish_non_exhaustive()
    }
}

impl TouchlineApp {
    /// An editor with no map open (the start screen).
    pub fn new(dialogs: Box<dyn FileDialogs>, recovery_folder: Option<PathBuf>) -> Self {
        Self {
            doc: None,
            canvas: Canvas::default(),
            view: View::Journey,
            blueprint_other_lanes: false,
            theme_choice: ThemeChoice::System,
            inspector_open: true,
            recent: Vec::new(),
            modals: Modals::default(),
            export: export_dialog::ExportDialog::default(),
            export_prefs: std::collections::HashMap::new(),
            outside_pictures: Vec::new(),
            outside_pictures_dismissed: false,
            dialogs,
            recovery_folder,
            recovery_written: None,
            last_autosave: 0.0,
            autosaved_revision: u64::MAX,
            allow_close: false,
            close_now: false,
            shown_title: String::new(),
            presentation: None,
            watcher: None,
            disk_notice: None,
            pictures: crate::pictures::Library::default(),
            picture_request: None,
            picture_zones: Vec::new(),
        }
    }

    /// The theme the canvas paints with.
    pub fn theme(&self, ctx: &egui::Context) -> Theme {
        Theme::new(match self.theme_choice {
            ThemeChoice::Light => ThemeKind::Light,
            ThemeChoice::Dark => ThemeKind::Dark,
            ThemeChoice::HighContrast => ThemeKind::HighContrast,
            ThemeChoice::System => match ctx.system_theme().unwrap_or(egui::Theme::Light) {
                egui::Theme::Light => ThemeKind::Light,
                egui::Theme::Dark => ThemeKind::Dark,
            },
        })
    }

    /// One frame of the editor.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        // Ctrl +/−/0 zoom the canvas, never the whole interface (egui's default), not even while
        // a text field has focus.
        if ctx.options(|o| o.zoom_with_keyboard) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        let theme = self.theme(&ctx);
        let fullscreen = self.presentation.as_ref().filter(|p| !p.window).map(|p| p.theme);
        let dark = fullscreen.unwrap_or(theme.kind).is_dark();
        ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
        self.handle_close_request(&ctx);
        if self.doc.is_none() {
            self.presentation = None;
        }
        self.follow_disk(&ctx);
        self.refresh_pictures(&ctx);
        if fullscreen.is_some() {
            // The whole window presents: no menus, inspector or status bar; only a change to the
            // file on disk asks for a decision on top.
            self.disk_bar(ui);
            self.presentation_ui(ui);
            self.dialogs_ui(&ctx);
            self.update_title(&ctx);
            self.autosave(&ctx);
            return;
        }

        let mut edits = Vec::new();
        if self.doc.is_some() {
            edits.extend(canvas::cancel_drag_on_escape(&mut self.canvas, ui));
        }
        // The keys that go card by card act on the canvas alone: with a dialog open, Enter and
        // the arrows are the dialog's.
        let canvas_keys = self.canvas_has_keyboard();
        // egui lets go of a text field's focus on Esc before anything sees the key: while typing
        // in place, Esc is the field's (it cancels), not Deselect's.
        // A field about to open (a card added this frame) has the keyboard already: a letter typed
        // at once is the card's, not F's zoom to fit.
        let typing = self.canvas.editing.is_some();
        // A dialog has the plain keys too: Delete under a message does not delete cards.
        let dialog = !self.modals.is_empty();
        let live: Vec<UiCommand> = UiCommand::all()
            .filter(|c| !c.is_card_key() || canvas_keys)
            .filter(|c| !(dialog && c.is_plain_key()))
            .filter(|c| !(typing && (*c == UiCommand::Deselect || c.is_plain_key())))
            .collect();
        for command in commands::pressed_among(&ctx, &live) {
            self.run_command(command, &ctx, &mut edits);
        }
        clipboard::events(self, &ctx, &mut edits);
        // Applied before the canvas lays out this frame, so that cards just pasted or duplicated
        // are there to stay selected.
        self.apply_edits(std::mem::take(&mut edits));

        self.picture_zones.clear();
        menus::bar(self, ui, &mut edits);
        self.disk_bar(ui);
        self.outside_pictures_bar(ui);
        if self.doc.is_some() {
            menus::status(self, ui);
            if self.inspector_open {
                inspector::panel(self, ui, &mut edits);
            }
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
                if let Some(doc) = &mut self.doc {
                    doc.refresh_layout(&ctx, self.view);
                    if let (map, Some(layout)) = doc.map_and_layout() {
                        let out = self.canvas.ui(
                            ui,
                            map,
                            layout,
                            &theme,
                            self.pictures.shown(),
                            canvas::Mode::Edit,
                        );
                        edits.extend(out.edits);
                    }
                }
            });
        } else {
            start::screen(self, ui);
        }
        self.dropped_files(&ctx, &mut edits);
        self.picture_request(&mut edits);
        self.drop_hint_ui(&ctx);
        self.apply_edits(edits);
        if self.presentation.as_ref().is_some_and(|p| p.window) {
            self.presentation_window(&ctx);
        }
        self.dialogs_ui(&ctx);
        self.update_title(&ctx);
        self.autosave(&ctx);
        if self.close_now {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Applies the frame's edits, each through the history.
    pub fn apply_edits(&mut self, edits: Vec<Edit>) {
        let Some(doc) = &mut self.doc else { return };
        for edit in edits {
            match edit {
                Edit::Apply { command, label, merge_key } => {
                    if let Err(e) = doc.apply(command, &label, merge_key) {
                        self.modals.error(format!("{label} failed: {e}"));
                    }
                }
                Edit::Seal => doc.history.seal(),
                Edit::Rewrite { merge_key, command, otherwise, label } => {
                    let next = match doc.retract(&merge_key) {
                        Ok(true) => command,
                        Ok(false) => otherwise,
                        Err(e) => {
                            self.modals.error(format!("{label} failed: {e}"));
                            continue;
                        }
                    };
                    if let Some(next) = next
                        && let Err(e) = doc.apply(next, &label, None)
                    {
                        self.modals.error(format!("{label} failed: {e}"));
                    }
                }
            }
        }
    }

    pub fn run_command(&mut self, command: UiCommand, ctx: &egui::Context, edits: &mut Vec<Edit>) {
        use UiCommand as C;
        match command {
            C::New => self.modals.open(Modal::Templates),
            C::Open => self.after_asking(Pending::Open(None)),
            C::Import => self.import_file(),
            C::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            C::Save => {
                self.save(false);
            }
            C::SaveAs => {
                self.save(true);
            }
            C::Undo | C::Redo => {
                if let Some(doc) = &mut self.doc {
                    let result = if command == C::Undo { doc.undo() } else { doc.redo() };
                    if let Err(e) = result {
                        self.modals.error(format!("{} failed: {e}", command.label()));
                    }
                    self.canvas.editing = None;
                }
            }
            C::Cut | C::Copy => {
                clipboard::copy(self, ctx);
                if command == C::Cut {
                    edits.extend(self.delete_selection());
                }
            }
            C::Paste => {
                // The text arrives as a paste event, handled in `clipboard::events`.
            }
            C::Duplicate => edits.extend(clipboard::duplicate(self)),
            C::Delete => edits.extend(self.delete_selection()),
            C::SelectAll => {
                if let Some(doc) = &self.doc {
                    self.canvas.selection =
                        canvas::Selection::cards(doc.map.cards.iter().map(|c| c.id.clone()));
                }
            }
            C::Deselect => self.canvas.clear_selection(),
            C::ZoomIn => self.canvas.zoom_by(1.25, self.canvas.rect.center()),
            C::ZoomOut => self.canvas.zoom_by(0.8, self.canvas.rect.center()),
            C::ZoomReset => self.canvas.set_zoom(1.0),
            C::ZoomFit => self.canvas.fit_requested = true,
            C::ToggleView => {
                self.view = match self.view {
                    View::Journey => View::Blueprint { other_lanes: self.blueprint_other_lanes },
                    View::Blueprint { other_lanes } => {
                        self.blueprint_other_lanes = other_lanes;
                        View::Journey
                    }
                };
            }
            C::ToggleTheme => {
                self.theme_choice = match self.theme(ctx).kind {
                    ThemeKind::Light => ThemeChoice::Dark,
                    ThemeKind::Dark | ThemeKind::HighContrast => ThemeChoice::Light,
                };
            }
            C::ToggleInspector => self.inspector_open = !self.inspector_open,
            C::Export => self.open_export_dialog(),
            C::CopyImage => {
                if self.doc.is_some() {
                    let options = self.remembered_export_options();
                    self.copy_image(ctx, &options);
                }
            }
            C::Present | C::PresentInWindow => {
                self.start_presenting(ctx, command == C::PresentInWindow, None);
            }
            C::ClearVotes => {
                if let Some(command) = self.doc.as_ref().and_then(|d| present::vote::clear(&d.map)) {
                    edits.push(Edit::apply(command, "Clear votes"));
                }
            }
            C::SelectLeft | C::SelectRight | C::SelectUp | C::SelectDown => {
                let step = card_step(command);
                let next =
                    self.keyed_card().and_then(|(layout, id)| canvas::keys::neighbour(layout, &id, step));
                self.select_by_keyboard(ctx, next);
            }
            C::NextCard | C::PreviousCard => {
                let Some(doc) = &self.doc else { return };
                let (_, Some(layout)) = doc.map_and_layout() else { return };
                let from = self.keyed_card().map(|(_, id)| id);
                let next = canvas::keys::tab(layout, from.as_ref(), command == C::PreviousCard);
                self.select_by_keyboard(ctx, next);
            }
            C::MoveLeft | C::MoveRight | C::MoveUp | C::MoveDown => {
                let Some(doc) = &self.doc else { return };
                let (map, Some(layout)) = doc.map_and_layout() else { return };
                if let Some((_, id)) = self.keyed_card()
                    && let Some(moved) = canvas::keys::nudge(map, layout, &id, card_step(command))
                {
                    edits.push(Edit::apply(moved, command.label()));
                    edits.push(Edit::Seal);
                }
            }
            C::EditCard => {
                if let (Some(doc), Some((_, id))) = (&self.doc, self.keyed_card()) {
                    self.canvas.editing = canvas::InlineEdit::start(canvas::TextTarget::Card(id), &doc.map);
                }
            }
        }
    }

    /// Whether the keys that go card by card are the canvas's now: a map is open and no dialog,
    /// presentation or text field has the keyboard.
    fn canvas_has_keyboard(&self) -> bool {
        self.doc.is_some()
            && self.presentation.is_none()
            && self.modals.is_empty()
            && self.canvas.editing.is_none()
    }

    /// The selected card the keyboard starts from (the first in reading order when several are
    /// selected), with the layout it lies in.
    fn keyed_card(&self) -> Option<(&crate::layout::MapLayout, crate::model::CardId)> {
        let doc = self.doc.as_ref()?;
        let (_, Some(layout)) = doc.map_and_layout() else { return None };
        let selected = self.canvas.selection.card_set()?;
        let id = canvas::keys::reading_order(layout).into_iter().find(|id| selected.contains(id))?;
        Some((layout, id))
    }

    /// Selects `card` alone (nothing happens without one), brings it into view and gives it to
    /// screen readers as the focused item.
    fn select_by_keyboard(&mut self, ctx: &egui::Context, card: Option<crate::model::CardId>) {
        // The arrows and Tab also move egui's focus between widgets; here they are the canvas's.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        let Some(card) = card else { return };
        let rect =
            self.doc.as_ref().and_then(|d| d.map_and_layout().1).and_then(|l| l.card(&card)).map(|c| c.rect);
        self.canvas.selection = canvas::Selection::card(card.clone());
        self.canvas.keyboard_focus = Some(card);
        if let Some(rect) = rect {
            self.canvas.reveal(rect);
        }
    }

    /// Starts presenting the open map, full screen or in a window of its own, at the overview
    /// or at a stage (0-based).
    pub fn start_presenting(&mut self, ctx: &egui::Context, window: bool, stage: Option<usize>) {
        if self.doc.is_none() || self.presentation.is_some() {
            return;
        }
        self.canvas.editing = None;
        self.presentation = Some(Presentation::new(window, self.theme(ctx).kind, stage));
        if !window {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        }
    }

    /// Leaves the presentation; the editor is where it was.
    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presentation) = self.presentation.take()
            && !presentation.window
        {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }

    /// One frame of the presentation in `ui`: the whole window, or the presentation's own.
    fn presentation_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let view = self.view;
        let (Some(presentation), Some(doc)) = (&mut self.presentation, &mut self.doc) else { return };
        let mut edits = Vec::new();
        let pictures = self.pictures.shown();
        let step =
            ui.push_id("presentation", |ui| presentation.ui(ui, doc, view, pictures, &mut edits)).inner;
        self.apply_edits(edits);
        let mut more = Vec::new();
        for command in step.commands {
            self.run_command(command, &ctx, &mut more);
        }
        self.apply_edits(more);
        if step.leave {
            self.stop_presenting(&ctx);
        }
    }

    /// The presentation's own window, beside the editor's.
    fn presentation_window(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{} — Presenting — Touchline",
            self.doc.as_ref().map_or_else(String::new, Document::display_name)
        );
        let builder = egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("touchline-present")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([480.0, 270.0]);
        let mut closed = false;
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("touchline presentation"),
            builder,
            |ui, _| {
                closed = ui.ctx().input(|i| i.viewport().close_requested());
                if ui.ctx().embed_viewports() {
                    // Inside the editor's window (no native windows): give it room to show the map.
                    ui.set_min_size(egui::vec2(640.0, 360.0));
                }
                self.presentation_ui(ui);
            },
        );
        if closed {
            self.presentation = None;
        }
    }

    /// Deletes the selected cards, point, or stage or lane with its cards.
    fn delete_selection(&mut self) -> Option<Edit> {
        use crate::edit::Command;
        let doc = self.doc.as_ref()?;
        Some(match std::mem::take(&mut self.canvas.selection) {
            canvas::Selection::Nothing => return None,
            canvas::Selection::Point(point) => {
                Edit::apply(Command::RemovePoint(point), "Delete sentiment point")
            }
            canvas::Selection::Cards(selected) => {
                // In map order, as the undo step puts them back.
                let ids: Vec<_> =
                    doc.map.cards.iter().filter(|c| selected.contains(&c.id)).map(|c| c.id.clone()).collect();
                if ids.is_empty() {
                    return None;
                }
                canvas::delete_cards(&ids)
            }
            canvas::Selection::Header(canvas::HeaderSelection::Stage(id)) => {
                Edit::apply(Command::RemoveStage(id), "Delete stage")
            }
            canvas::Selection::Header(canvas::HeaderSelection::Lane(id)) => {
                Edit::apply(Command::RemoveLane(id), "Delete lane")
            }
        })
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.doc.as_ref().is_some_and(Document::is_dirty)
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.modals.open(Modal::Unsaved(Pending::Close));
        }
    }

    /// `name — Touchline`, with a dot while there are unsaved changes.
    pub fn window_title(&self) -> String {
        match &self.doc {
            Some(doc) => {
                format!("{}{} — Touchline", if doc.is_dirty() { "● " } else { "" }, doc.display_name())
            }
            None => "Touchline".to_owned(),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

/// The eframe wrapper: storage for settings between runs.
struct EframeApp(TouchlineApp);

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.0.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let settings = Settings {
            recent: self.0.recent.clone(),
            theme: self.0.theme_choice,
            inspector_open: self.0.inspector_open,
            export: self.0.export_prefs.clone(),
            outside_pictures: self.0.outside_pictures.clone(),
        };
        eframe::set_value(storage, SETTINGS_KEY, &settings);
    }
}

/// How `touchline present` starts: in a window of its own or full screen, at a stage (0-based).
#[derive(Clone, Copy, Debug)]
pub struct PresentRequest {
    pub window: bool,
    pub stage: Option<usize>,
}

/// The graphics stack wants a private runtime folder (`XDG_RUNTIME_DIR`, which a desktop
/// session sets; an ssh login or a container may not) and says so four times on stderr without
/// one. Where it is missing, the editor runs again as a child with a fresh private folder (0700,
/// removed afterwards), and this returns the child's exit code; where it is there, `None`.
pub fn with_runtime_folder(args: &[std::ffi::OsString]) -> Option<ExitCode> {
    const MARK: &str = "TOUCHLINE_RUNTIME_FOLDER_MADE";
    let usable = std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| std::path::Path::new(&d).is_dir());
    if usable || !cfg!(target_os = "linux") || std::env::var_os(MARK).is_some() {
        return None;
    }
    // tempfile makes the folder readable by its owner alone.
    let folder = tempfile::Builder::new().prefix("touchline-runtime-").tempdir().ok()?;
    let program = std::env::current_exe().ok()?;
    let status = std::process::Command::new(program)
        .args(args.iter().skip(1))
        .env("XDG_RUNTIME_DIR", folder.path())
        .env(MARK, "1")
        .status()
        .ok()?;
    Some(status.code().map_or(ExitCode::FAILURE, |c| ExitCode::from(u8::try_from(c).unwrap_or(1))))
}

/// Opens the editor window, with `map` if given, presenting it if asked.
pub fn run(map: Option<PathBuf>, present: Option<PresentRequest>) -> ExitCode {
    let fullscreen = present.is_some_and(|p| !p.window);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Touchline")
            .with_app_id("touchline")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_fullscreen(fullscreen),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Touchline",
        options,
        Box::new(move |cc| {
            crate::fonts::install(&cc.egui_ctx);
            let mut app = TouchlineApp::new(Box::new(NativeDialogs), crate::file::recovery::folder());
            if let Some(settings) = cc.storage.and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY)) {
                app.recent = settings.recent;
                app.theme_choice = settings.theme;
                app.inspector_open = settings.inspector_open;
                app.export_prefs = settings.export;
                app.outside_pictures = settings.outside_pictures;
            }
            if let Some(path) = &map {
                app.open_or_create(path);
            }
            if let Some(request) = present
                && app.doc.is_some()
            {
                let kind = app.theme(&cc.egui_ctx).kind;
                app.presentation = Some(Presentation::new(request.window, kind, request.stage));
            }
            Ok(Box::new(EframeApp(app)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) if no_display() => crate::exit::fail(
            "there is no display to open the editor on (DISPLAY and WAYLAND_DISPLAY are not set); \
             to make an image of a map without one, use `touchline export MAP -o OUT.png`",
        ),
        Err(e) => crate::exit::fail(format!(
            "cannot open the editor window: {}; `touchline export MAP -o OUT.png` works without one",
            first_line_without_source(&e.to_string())
        )),
    }
}

/// Whether this is a Unix desktop session without any display to show a window on.
fn no_display() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
        && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"].iter().all(|v| std::env::var_os(v).is_none())
}

/// A windowing error for people: its first line, without the library source path some carry.
fn first_line_without_source(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default();
    match line.find(" at /").or_else(|| line.find(" at src/")) {
        Some(at) => match line[at..].find(": ") {
            Some(end) => format!("{}{}", &line[..at], &line[at + end..]),
            None => line[..at].to_owned(),
        },
        None => line.to_owned(),
    }
}

/// The direction of a card key.
fn card_step(command: UiCommand) -> canvas::keys::Step {
    use canvas::keys::Step;
    match command {
        UiCommand::SelectLeft | UiCommand::MoveLeft => Step::Left,
        UiCommand::SelectRight | UiCommand::MoveRight => Step::Right,
        UiCommand::SelectUp | UiCommand::MoveUp => Step::Up,
        _ => Step::Down,
    }
}
