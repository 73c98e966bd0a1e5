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
mod editing;
mod export_dialog;
mod files;
mod inspector;
mod links;
mod menus;
mod mirror;
mod modal;
pub(crate) mod names;
mod pictures;
pub mod present;
mod start;
mod tabs;
pub mod workspace;

use std::path::PathBuf;
use std::process::ExitCode;

use egui::{RichText, Ui, ViewportCommand};

use crate::theme::{Theme, ThemeKind};

pub use canvas::{Canvas, CanvasOutput, Edit, HeaderSelection, Hit, Selection};
pub use commands::{Menu, UiCommand};
pub use disk::DiskNotice;
pub use document::{Document, Documents, OnDisk};
pub use files::{FileDialogs, NativeDialogs, NoDialogs, Pending};
pub use modal::{Modal, ModalKind, Modals};
pub use names::lane_kind_name;
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
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub inspector_open: bool,
    /// Export options per map path.
    pub export: std::collections::HashMap<String, crate::export::ExportOptions>,
    /// Maps (by path) whose pictures outside their folder the user agreed to show.
    pub outside_pictures: Vec<PathBuf>,
    /// The language chosen in View → Language; `None` follows the system's.
    pub language: Option<crate::i18n::Language>,
}

const SETTINGS_KEY: &str = "touchline-settings";

/// The editor window's own state: whether it may close, and the title it shows.
#[derive(Debug, Default)]
pub struct WindowState {
    /// Closing was asked and answered: the next close request goes through.
    allow_close: bool,
    /// Set when the window should close at the end of this frame.
    pub close_now: bool,
    shown_title: String,
}

/// The whole editor: the open maps and what is shared between them.
pub struct TouchlineApp {
    /// The open maps, each with its own view, history, file follower and recovery copy.
    pub docs: Documents,
    /// What is remembered between runs.
    pub settings: Settings,
    /// The open dialogs.
    pub modals: Modals,
    pub export: export_dialog::ExportDialog,
    /// A presentation of the open map, full screen or in its own window.
    pub presentation: Option<Presentation>,
    /// The open map's pictures, read off the UI thread.
    pub pictures: crate::pictures::Library,
    /// What the inspector asked of pictures this frame: a file to choose, where drops land.
    picture_input: pictures::Requests,
    dialogs: Box<dyn FileDialogs>,
    recovery_folder: Option<PathBuf>,
    pub window: WindowState,
    /// The system's language, read once when the window opens (English in tests).
    pub system_language: crate::i18n::Language,
    /// The folder of maps open beside the editor, if one is.
    pub workspace: Option<workspace::Workspace>,
    /// The maps linked maps were followed from, the last one last: Back returns there.
    pub back: Vec<PathBuf>,
}

impl std::fmt::Debug for TouchlineApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TouchlineApp")
            .field("doc", &self.docs.get().map(Document::display_name))
            .finish_non_exhaustive()
    }
}

impl TouchlineApp {
    /// An editor with no map open (the start screen).
    pub fn new(dialogs: Box<dyn FileDialogs>, recovery_folder: Option<PathBuf>) -> Self {
        Self {
            docs: Documents::default(),
            settings: Settings { inspector_open: true, ..Settings::default() },
            modals: Modals::default(),
            export: export_dialog::ExportDialog::default(),
            presentation: None,
            pictures: crate::pictures::Library::default(),
            picture_input: pictures::Requests::default(),
            dialogs,
            recovery_folder,
            window: WindowState::default(),
            system_language: crate::i18n::Language::English,
            workspace: None,
            back: Vec::new(),
        }
    }

    /// The map shown, if one is open.
    pub fn doc(&self) -> Option<&Document> {
        self.docs.get()
    }

    pub fn doc_mut(&mut self) -> Option<&mut Document> {
        self.docs.get_mut()
    }

    /// The language the editor speaks: the one chosen, or the system's.
    pub fn language(&self) -> crate::i18n::Language {
        self.settings.language.unwrap_or(self.system_language)
    }

    /// The theme the canvas paints with.
    pub fn theme(&self, ctx: &egui::Context) -> Theme {
        Theme::new(match self.settings.theme {
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
        crate::i18n::set_language(self.language());
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
        if self.docs.get().is_none() {
            self.presentation = None;
        }
        self.follow_disk(&ctx);
        self.refresh_pictures(&ctx);
        if let Some(workspace) = &mut self.workspace {
            workspace.poll();
            if workspace.reading_history() {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
        }
        self.refresh_linked();
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
        if let Some(doc) = self.docs.get_mut() {
            edits.extend(canvas::cancel_drag_on_escape(&mut doc.canvas, ui));
        }
        // The keys that go card by card act on the canvas alone: with a dialog open, Enter and
        // the arrows are the dialog's.
        let canvas_keys = self.canvas_has_keyboard();
        // egui lets go of a text field's focus on Esc before anything sees the key: while typing
        // in place, Esc is the field's (it cancels), not Deselect's.
        // A field about to open (a card added this frame) has the keyboard already: a letter typed
        // at once is the card's, not F's zoom to fit.
        let typing = self.docs.get().is_some_and(|d| d.canvas.editing.is_some());
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
        let (commands, pasted) = clipboard::events(&ctx);
        for command in commands {
            self.run_command(command, &ctx, &mut edits);
        }
        if let Some(doc) = self.docs.get_mut() {
            edits.extend(pasted.iter().filter_map(|text| clipboard::paste(doc, text)));
        }
        // Applied before the canvas lays out this frame, so that cards just pasted or duplicated
        // are there to stay selected.
        self.apply_edits(std::mem::take(&mut edits));

        self.picture_input.zones.clear();
        let around = menus::Around { folder: self.workspace.is_some(), back: !self.back.is_empty() };
        for action in menus::bar(ui, self.docs.get_mut(), &mut self.settings, self.system_language, around) {
            match action {
                menus::MenuAction::Run(command) => self.run_command(command, &ctx, &mut edits),
                menus::MenuAction::OpenRecent(path) => self.after_asking(Pending::Open(Some(path))),
            }
        }
        self.disk_bar(ui);
        self.outside_pictures_bar(ui);
        if !self.docs.is_empty() && (self.workspace.is_some() || self.docs.len() > 1 || !self.back.is_empty())
        {
            let crumbs = self.breadcrumbs();
            match tabs::bar(ui, &self.docs, &crumbs) {
                Some(tabs::Action::Select(i)) => self.switch_tab(i),
                Some(tabs::Action::Close(i)) => self.close_tab(i),
                Some(tabs::Action::Back) => self.go_back(),
                None => {}
            }
        }
        let mut opened = Vec::new();
        if let Some(workspace) = &mut self.workspace {
            let shown = self.docs.get().and_then(|d| d.path.clone());
            opened.extend(workspace::panel(ui, workspace, shown.as_deref()));
            opened.extend(workspace::rollup_window(&ctx, workspace));
        }
        let mut follow = None;
        if let Some(doc) = self.docs.get() {
            menus::status(ui, doc);
            if self.settings.inspector_open
                && let Some(doc) = self.docs.get_mut()
            {
                let pictures = inspector::Pictures {
                    library: &self.pictures,
                    request: &mut self.picture_input.request,
                    theme: &theme,
                    zones: &mut self.picture_input.zones,
                    link: &mut self.picture_input.link,
                };
                inspector::panel(ui, doc, pictures, &mut edits);
            }
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
                if let Some(doc) = self.docs.get_mut() {
                    doc.refresh_layout(&ctx, doc.view);
                    if let (canvas, map, Some(layout)) = doc.canvas_map_layout() {
                        let out =
                            canvas.ui(ui, map, layout, &theme, self.pictures.shown(), canvas::Mode::Edit);
                        edits.extend(out.edits);
                        follow = out.follow;
                    }
                    doc.reveal_pending();
                }
            });
        } else if let Some(workspace) = &self.workspace {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.centered_and_justified(|ui| {
                    ui.label(RichText::new(t!("workspace-choose", folder = workspace.name())).weak());
                });
            });
        } else if let Some(choice) = start::screen(ui, &self.settings.recent, self.recovery_folder.as_deref())
        {
            self.on_start_choice(choice);
        }
        for workspace::Action::Open { path, select } in opened {
            self.open_in_tab(&path, select.as_ref());
        }
        if let Some(link) = follow {
            self.follow_link(&link);
        }
        self.dropped_files(&ctx, &mut edits);
        self.choose_requested_picture(&mut edits);
        self.choose_requested_link(&mut edits);
        self.drop_hint_ui(&ctx);
        self.apply_edits(edits);
        if self.presentation.as_ref().is_some_and(|p| p.window) {
            self.presentation_window(&ctx);
        }
        self.dialogs_ui(&ctx);
        self.update_title(&ctx);
        self.autosave(&ctx);
        if self.window.close_now {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Applies the frame's edits, each through the history.
    pub fn apply_edits(&mut self, edits: Vec<Edit>) {
        let Some(doc) = self.docs.get_mut() else { return };
        for edit in edits {
            match edit {
                Edit::Apply { command, label, merge_key } => {
                    if let Err(e) = doc.apply(command, &label, merge_key) {
                        self.modals.error(t!("error-failed", what = &label, error = e.to_string()));
                    }
                }
                Edit::Seal => doc.history.seal(),
                Edit::Rewrite { merge_key, command, otherwise, label } => {
                    let next = match doc.retract(&merge_key) {
                        Ok(true) => command,
                        Ok(false) => otherwise,
                        Err(e) => {
                            self.modals.error(t!("error-failed", what = &label, error = e.to_string()));
                            continue;
                        }
                    };
                    if let Some(next) = next
                        && let Err(e) = doc.apply(next, &label, None)
                    {
                        self.modals.error(t!("error-failed", what = &label, error = e.to_string()));
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
            C::ToggleTheme => {
                self.settings.theme = match self.theme(ctx).kind {
                    ThemeKind::Light => ThemeChoice::Dark,
                    ThemeKind::Dark | ThemeKind::HighContrast => ThemeChoice::Light,
                };
            }
            C::ToggleInspector => self.settings.inspector_open = !self.settings.inspector_open,
            C::Export => self.open_export_dialog(),
            C::CopyImage => {
                if self.docs.get().is_some() {
                    let options = self.remembered_export_options();
                    self.copy_image(ctx, &options);
                }
            }
            C::Present | C::PresentInWindow => {
                self.start_presenting(ctx, command == C::PresentInWindow, None);
            }
            C::OpenFolder => {
                if let Some(path) = self.dialogs.pick_folder() {
                    self.open_folder(&path);
                }
            }
            C::CloseTab => {
                if !self.docs.is_empty() {
                    self.close_tab(self.docs.active());
                }
            }
            C::SearchMaps => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.focus_search = true;
                }
            }
            C::Rollup => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.toggle_rollup();
                }
            }
            C::FollowLink => {
                if let Some(link) = self.docs.get().and_then(links::selected_link) {
                    self.follow_link(&link);
                }
            }
            C::GoBack => self.go_back(),
            // Alt+← with nothing selected goes back, as in a browser; with a card selected it
            // moves the card.
            C::MoveLeft
                if !self.back.is_empty()
                    && self.docs.get().is_some_and(|d| d.canvas.selection == Selection::Nothing) =>
            {
                self.go_back();
            }
            C::Compare => self.compare_with_counterpart(),
            C::OpenRoom => {
                self.start_presenting(ctx, false, None);
                if let Some(presentation) = &mut self.presentation {
                    presentation.open_room = true;
                }
            }
            _ => {
                if let Some(doc) = self.docs.get_mut()
                    && let Err(e) = doc.run(command, ctx, edits)
                {
                    self.modals.error(t!("error-failed", what = command.label(), error = e.to_string()));
                }
            }
        }
    }

    /// Whether the keys that go card by card are the canvas's now: a map is open and no dialog,
    /// presentation or text field has the keyboard.
    fn canvas_has_keyboard(&self) -> bool {
        self.docs.get().is_some_and(|d| d.canvas.editing.is_none())
            && self.presentation.is_none()
            && self.modals.is_empty()
    }

    /// Starts presenting the open map, full screen or in a window of its own, at the overview
    /// or at a stage (0-based).
    pub fn start_presenting(&mut self, ctx: &egui::Context, window: bool, stage: Option<usize>) {
        let Some(doc) = self.docs.get_mut() else { return };
        if self.presentation.is_some() {
            return;
        }
        doc.canvas.editing = None;
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
        let (Some(presentation), Some(doc)) = (&mut self.presentation, self.docs.get_mut()) else { return };
        let view = doc.view;
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
            "{} — {} — Touchline",
            self.docs.get().map_or_else(String::new, Document::display_name),
            t!("window-presenting"),
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

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.window.allow_close
            && let Some(dirty) = self.docs.first_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            // Each tab with unsaved work is asked about in turn, the shown one first.
            if !self.docs.get().is_some_and(Document::is_dirty) {
                self.switch_tab(dirty);
            }
            self.modals.open(Modal::Unsaved(Pending::Close));
        }
    }

    /// `name — Touchline`, with a dot while there are unsaved changes, and the folder's name
    /// when one is open: `● current.ron — journeys — Touchline`.
    pub fn window_title(&self) -> String {
        let folder = self.workspace.as_ref().map(|w| format!(" — {}", w.name())).unwrap_or_default();
        match self.docs.get() {
            Some(doc) => {
                let dirty = if doc.is_dirty() { "● " } else { "" };
                format!("{dirty}{}{folder} — Touchline", doc.display_name())
            }
            None if !folder.is_empty() => format!("{} — Touchline", folder.trim_start_matches(" — ")),
            None => "Touchline".to_owned(),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.window.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window.shown_title = title;
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
        eframe::set_value(storage, SETTINGS_KEY, &self.0.settings);
    }
}

/// How `touchline present` starts: in a window of its own or full screen, at a stage (0-based),
/// with the room open or not, listening where asked.
#[derive(Clone, Copy, Debug)]
pub struct PresentRequest {
    pub window: bool,
    pub stage: Option<usize>,
    pub room: bool,
    pub room_listen: Option<std::net::SocketAddr>,
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

/// The window's options. A presentation full screen opens full screen, and leaves the editor's
/// remembered window as it was: the window's place and size are not saved while presenting.
/// (eframe still restores the remembered window when it opens one, so [`run`] asks for full
/// screen again once the window is there.)
fn native_options(present: Option<&PresentRequest>) -> eframe::NativeOptions {
    let fullscreen = present.is_some_and(|p| !p.window);
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Touchline")
            .with_app_id("touchline")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_fullscreen(fullscreen),
        persist_window: !fullscreen,
        ..Default::default()
    }
}

/// Opens the editor window, with `map` if given, presenting it if asked.
pub fn run(map: Option<PathBuf>, present: Option<PresentRequest>) -> ExitCode {
    let options = native_options(present.as_ref());
    let result = eframe::run_native(
        "Touchline",
        options,
        Box::new(move |cc| {
            crate::fonts::install(&cc.egui_ctx);
            let mut app = TouchlineApp::new(Box::new(NativeDialogs), crate::file::recovery::folder());
            app.system_language = crate::i18n::system_language().unwrap_or_default();
            if let Some(settings) = cc.storage.and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY)) {
                app.settings = settings;
            }
            match &map {
                Some(path) if path.is_dir() => app.open_folder(path),
                Some(path) => app.open_or_create(path),
                None => {}
            }
            if let Some(request) = present
                && app.docs.get().is_some()
            {
                let kind = app.theme(&cc.egui_ctx).kind;
                if !request.window {
                    // Over the editor's remembered window, which eframe restored as it opened.
                    cc.egui_ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
                }
                let mut presentation = Presentation::new(request.window, kind, request.stage);
                presentation.open_room = request.room;
                presentation.room_listen = request.room_listen;
                app.presentation = Some(presentation);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presentation_opens_full_screen_whatever_the_editors_window_was() {
        let request = |window| PresentRequest { window, stage: None, room: false, room_listen: None };
        let presenting = native_options(Some(&request(false)));
        assert_eq!(presenting.viewport.fullscreen, Some(true));
        assert!(!presenting.persist_window, "a saved windowed state would win over full screen");
        for options in [native_options(None), native_options(Some(&request(true)))] {
            assert_eq!(options.viewport.fullscreen, Some(false));
            assert!(options.persist_window, "the editor keeps its window's place and size");
        }
    }
}
