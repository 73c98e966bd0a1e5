//! The canvas: the map drawn through `render`, with pan, zoom, selection and direct manipulation.
//!
//! The canvas never changes the map itself. It reads the map and its layout and returns
//! [`Edit`]s, which the app applies after the frame through the document's history.

mod access;
mod drag;
mod hit;
pub mod keys;
mod menu;
mod selection;
pub mod sentiment;
mod text_edit;

use std::collections::HashSet;

use egui::emath::TSTransform;
use egui::{Key, PointerButton, Pos2, Rect, Sense, Ui, Vec2};

use crate::edit::Command;
use crate::layout::MapLayout;
use crate::model::{CardId, CurveId, LaneId, Map, StageId};
use crate::render::{self, PaintOptions};
use crate::theme::Theme;

pub use drag::Drag;
pub use hit::Hit;
pub use menu::delete_cards;
pub use selection::{HeaderSelection, Selection};
pub use text_edit::{InlineEdit, TextTarget};

/// A change the canvas asks for.
#[derive(Debug)]
#[expect(clippy::large_enum_variant, reason = "edits live for one frame, a few at a time")]
pub enum Edit {
    Apply {
        command: Command,
        label: String,
        merge_key: Option<String>,
    },
    /// Ends a run of merged edits (a resize drag), so the next edit is a new undo step.
    Seal,
    /// Replaces the run of merged edits with this key (a card added a moment ago) by `command`
    /// as if the run had never been made: a card left empty leaves no undo step, a card typed
    /// gets its id from its title. When the run is no longer the last step, `otherwise` is
    /// applied as a step of its own.
    Rewrite {
        merge_key: String,
        command: Option<Command>,
        otherwise: Option<Command>,
        label: String,
    },
}

impl Edit {
    pub fn apply(command: Command, label: impl Into<String>) -> Self {
        Self::Apply { command, label: label.into(), merge_key: None }
    }
}

/// What the canvas is used for this frame.
#[derive(Clone, Copy, Debug, Default)]
pub enum Mode<'a> {
    /// The editor: clicks select, double-clicking an empty cell adds a card.
    #[default]
    Edit,
    /// A presentation: the other stages dimmed around the one in `focus`, a double-click on an
    /// empty cell asks for a sticky note, clicks on cards vote while a vote runs, and the
    /// `winners` of a vote ringed.
    Present { focus: Option<usize>, voting: bool, winners: Option<&'a HashSet<CardId>> },
}

impl Mode<'_> {
    fn presenting(self) -> bool {
        matches!(self, Self::Present { .. })
    }
}

/// What happened on the canvas in a frame, for its owner to act on.
#[derive(Debug, Default)]
pub struct CanvasOutput {
    /// The changes to the map the user made.
    pub edits: Vec<Edit>,
    /// In a vote, the card clicked, and whether Shift was held (take a dot back).
    pub vote_click: Option<(CardId, bool)>,
    /// Presenting, the empty cell (lane, stage) double-clicked: a note is asked for there.
    pub note_request: Option<(usize, usize)>,
    /// The "opens map" mark clicked: the map it opens, as the card or stage names it.
    pub follow: Option<String>,
}

/// View state of the canvas: never written into the map file.
#[derive(Debug)]
pub struct Canvas {
    /// From scene units to points relative to the canvas's top-left corner.
    pub view: TSTransform,
    pub selection: Selection,
    /// The curve new sentiment points are added to.
    pub active_curve: Option<CurveId>,
    pub drag: Option<Drag>,
    pub editing: Option<InlineEdit>,
    /// Zoom to fit on the next frame (after opening a map, or on F).
    pub fit_requested: bool,
    pub hovered: Option<CardId>,
    /// Where the pointer was over the canvas last frame.
    pointer: Option<Pos2>,
    /// What the context menu was opened on.
    context: Option<Hit>,
    /// The canvas's rectangle on screen last frame.
    pub rect: Rect,
    /// The card the keyboard went to last: screen readers are told where it is.
    pub keyboard_focus: Option<CardId>,
    /// The titles of the maps the map's cards and stages open (`None`: missing), by the
    /// `opens` that names them, for their marks.
    pub linked: std::collections::HashMap<String, Option<String>>,
    /// Cards marked as new, changed or removed: a comparison of two states shows them.
    pub marks: Option<render::Marks>,
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            view: TSTransform::IDENTITY,
            selection: Selection::Nothing,
            active_curve: None,
            drag: None,
            editing: None,
            fit_requested: true,
            hovered: None,
            pointer: None,
            context: None,
            rect: Rect::ZERO,
            keyboard_focus: None,
            linked: std::collections::HashMap::new(),
            marks: None,
        }
    }
}

pub const MIN_ZOOM: f32 = 0.05;
pub const MAX_ZOOM: f32 = 5.0;

impl Canvas {
    /// From scene units to screen points.
    pub fn screen_from_scene(&self) -> TSTransform {
        TSTransform::from_translation(self.rect.min.to_vec2()) * self.view
    }

    pub fn zoom(&self) -> f32 {
        self.view.scaling
    }

    /// Shows the whole map, centred, with a margin.
    pub fn zoom_to_fit(&mut self, layout: &MapLayout) {
        let margin = 24.0;
        let available = self.rect.size() - Vec2::splat(2.0 * margin);
        let size = layout.bounds.size();
        if size.x <= 0.0 || size.y <= 0.0 || available.x <= 0.0 || available.y <= 0.0 {
            return;
        }
        let zoom = (available.x / size.x).min(available.y / size.y).clamp(MIN_ZOOM, 1.0);
        let offset = (self.rect.size() - size * zoom) / 2.0;
        self.view = TSTransform::new(offset - layout.bounds.min.to_vec2() * zoom, zoom);
    }

    /// Zooms by `factor`, keeping the scene point under `anchor` (a screen position) in place.
    pub fn zoom_by(&mut self, factor: f32, anchor: Pos2) {
        let new_zoom = (self.view.scaling * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let anchor = anchor - self.rect.min.to_vec2();
        let scene = self.view.inverse() * anchor;
        self.view.scaling = new_zoom;
        self.view.translation = anchor.to_vec2() - scene.to_vec2() * new_zoom;
    }

    /// Pans just enough to show `scene_rect` (with a margin) when part of it is off the canvas.
    pub fn reveal(&mut self, scene_rect: Rect) {
        let margin = 24.0;
        let on_screen = self.view * scene_rect;
        let area = Rect::from_min_size(Pos2::ZERO, self.rect.size()).shrink(margin);
        let shift = |low: f32, high: f32, min: f32, max: f32| {
            if high - low > max - min || low < min {
                min - low
            } else if high > max {
                max - high
            } else {
                0.0
            }
        };
        self.view.translation += Vec2::new(
            shift(on_screen.left(), on_screen.right(), area.left(), area.right()),
            shift(on_screen.top(), on_screen.bottom(), area.top(), area.bottom()),
        );
    }

    /// Sets the zoom to an exact value, around the canvas centre.
    pub fn set_zoom(&mut self, zoom: f32) {
        let centre = self.rect.center();
        self.zoom_by(zoom / self.view.scaling, centre);
    }

    /// The cell under the pointer, as ids.
    pub fn hovered_cell(&self, layout: &MapLayout) -> Option<(LaneId, StageId)> {
        let pointer = self.pointer?;
        let (lane, stage) = layout.cell_at(self.screen_from_scene().inverse() * pointer)?;
        Some((layout.lanes[lane].id.clone(), layout.stages[stage].id.clone()))
    }

    pub fn clear_selection(&mut self) {
        self.selection = Selection::Nothing;
    }

    /// Shows the canvas and handles its input; says what the user did.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        layout: &MapLayout,
        theme: &Theme,
        pictures: &render::pictures::Pictures,
        mode: Mode<'_>,
    ) -> CanvasOutput {
        let mut out = CanvasOutput::default();
        let edits = &mut out.edits;
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        if self.fit_requested {
            self.zoom_to_fit(layout);
            self.fit_requested = false;
        }
        // Registered before the canvas's own response so that the canvas stays on top and
        // receives every click and drag.
        access::register(ui, map, layout, self);
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        // Selections of items that no longer exist (after undo, delete) are dropped.
        self.selection.retain(|id| layout.card(id).is_some(), |id| layout.point(id).is_some());

        self.pan_and_zoom(ui, &response);
        let pointer = response.hover_pos();
        self.pointer = pointer;
        let hit = pointer.map_or(Hit::Nothing, |p| hit::test(self, layout, p));
        self.hovered = match (&hit, &self.drag) {
            (Hit::Card(id), None) => Some(id.clone()),
            _ => None,
        };

        let cursor = match (&self.drag, &hit) {
            (
                Some(
                    Drag::Cards { .. }
                    | Drag::Point { .. }
                    | Drag::Stage { .. }
                    | Drag::Lane { .. }
                    | Drag::Pan,
                ),
                _,
            ) => Some(egui::CursorIcon::Grabbing),
            (Some(Drag::ResizeStage { .. }), _) | (None, Hit::StageEdge(_)) => {
                Some(egui::CursorIcon::ResizeHorizontal)
            }
            (Some(Drag::ResizeLane { .. }), _) | (None, Hit::LaneEdge(_)) => {
                Some(egui::CursorIcon::ResizeVertical)
            }
            (None, Hit::Card(_) | Hit::Point(_) | Hit::StageHeader(_) | Hit::LaneHeader(_)) => {
                Some(egui::CursorIcon::Grab)
            }
            (None, Hit::AddCard(..)) => Some(egui::CursorIcon::PointingHand),
            _ => None,
        };
        if let Some(cursor) = cursor {
            ui.ctx().set_cursor_icon(cursor);
        }
        let mark = match (mode, pointer, &self.drag) {
            (Mode::Edit, Some(at), None) => {
                self.link_marks(ui.ctx(), map, layout).into_iter().find(|(rect, _)| rect.contains(at))
            }
            _ => None,
        };
        if let Some((_, link)) = &mark {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            let title = self.linked.get(link).cloned().flatten();
            let tip = match title {
                Some(title) => t!("link-mark-hint", title = title, file = link.clone()),
                None => t!("link-mark-missing", file = link.clone()),
            };
            response.clone().on_hover_text_at_pointer(tip);
            if response.clicked() {
                out.follow = Some(link.clone());
            }
        }
        drag::handle(self, ui, &response, map, layout, edits);
        if mark.is_none() || !response.clicked() {
            self.clicks(&response, &hit, map, layout, mode, &mut out);
        }
        let edits = &mut out.edits;

        let painter = ui.painter_at(rect);
        let lifted = self.drag.as_ref().and_then(Drag::lifted_cards);
        render::paint(
            &painter,
            map,
            layout,
            theme,
            self.screen_from_scene(),
            &PaintOptions {
                selected: self.selection.card_set(),
                hovered: self.hovered.as_ref(),
                lifted,
                sticky_headers: true,
                background: render::Background::Paint,
                votes: true,
                winners: match mode {
                    Mode::Present { winners, .. } => winners,
                    Mode::Edit => None,
                },
                focus: match mode {
                    Mode::Present { focus, .. } => focus,
                    Mode::Edit => None,
                },
                marks: self.marks.as_ref(),
                stages_before: 0,
                groups: None,
                pictures: Some(pictures),
                linked: Some(&self.linked),
            },
        );
        self.paint_header_selection(&painter, layout, theme);
        drag::paint_feedback(self, &painter, map, layout, theme, pointer, pictures);
        let dragging_point = match &self.drag {
            Some(Drag::Point { id, .. }) => Some(id),
            _ => None,
        };
        sentiment::paint_feedback(self, &painter, map, layout, theme, dragging_point);
        if let (Hit::Point(id), None) = (&hit, &self.drag) {
            response.clone().on_hover_ui_at_pointer(|ui| sentiment::tooltip_ui(ui, map, id));
        }
        if let (Hit::Card(id), None, Some(at)) = (&hit, &self.drag, pointer)
            && let Some(why) =
                missing_picture_at(map, layout, id, self.screen_from_scene().inverse() * at, pictures)
        {
            // A placeholder says which file is missing; hovering it says why.
            response.clone().on_hover_text_at_pointer(why);
        }
        if !mode.presenting() {
            // Presenting, a double-click makes a note; the hint would only clutter the room's view.
            self.add_card_hint(&painter, &hit, layout, theme);
        }
        if let Some(edit) = text_edit::ui(self, ui, map, layout) {
            edits.extend(edit);
        }
        self.context_menu(&response, map, layout, edits);
        out
    }

    /// The "opens map" marks on screen, each with the map it opens: on visible cards, and on
    /// stage headers where they stand (kept in view while panning).
    fn link_marks(&self, ctx: &egui::Context, map: &Map, layout: &MapLayout) -> Vec<(Rect, String)> {
        let transform = self.screen_from_scene();
        let zoom = transform.scaling;
        let sizes = &layout.sizes;
        let mut marks = Vec::new();
        let visible = transform.inverse() * self.rect;
        for placed in layout.visible_cards(visible) {
            let Some(link) = map.cards.get(placed.index).and_then(|c| c.opens.as_ref()) else { continue };
            let text = render::link_mark_text(link, Some(&self.linked));
            let (rect, _) = render::link_mark(ctx, transform * placed.rect, &text, sizes, zoom, layout.rtl);
            marks.push((rect, link.clone()));
        }
        let push = render::sticky_push(layout, transform, self.rect);
        for placed in &layout.stages {
            let Some(link) = map.stage(&placed.id).and_then(|s| s.opens.as_ref()) else { continue };
            let header = (transform * placed.header).translate(egui::vec2(0.0, push.y));
            let edge = Rect::from_min_max(egui::pos2(header.left(), header.bottom()), header.right_bottom());
            let text = render::link_mark_text(link, Some(&self.linked));
            marks.push((render::link_mark(ctx, edge, &text, sizes, zoom, layout.rtl).0, link.clone()));
        }
        marks
    }

    fn pan_and_zoom(&mut self, ui: &Ui, response: &egui::Response) {
        if response.dragged_by(PointerButton::Middle) || response.dragged_by(PointerButton::Secondary) {
            self.view.translation += response.drag_delta();
        }
        if !response.contains_pointer() {
            return;
        }
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if (zoom - 1.0).abs() > f32::EPSILON
            && let Some(p) = pointer
        {
            self.zoom_by(zoom, p);
        } else if scroll != Vec2::ZERO {
            self.view.translation += scroll;
        }
    }

    fn clicks(
        &mut self,
        response: &egui::Response,
        hit: &Hit,
        map: &Map,
        layout: &MapLayout,
        mode: Mode<'_>,
        out: &mut CanvasOutput,
    ) {
        let modifiers = response.ctx.input(|i| i.modifiers);
        let additive = modifiers.shift || modifiers.command;
        if let Mode::Present { voting: true, .. } = mode {
            if response.clicked()
                && let Hit::Card(id) = hit
            {
                out.vote_click = Some((id.clone(), modifiers.shift));
            }
            return;
        }
        let edits = &mut out.edits;
        if response.secondary_clicked() {
            self.context = Some(hit.clone());
            if let Hit::Card(id) = hit
                && !self.selection.contains(id)
            {
                self.selection = Selection::card(id.clone());
            }
        }
        if response.double_clicked() {
            match hit {
                Hit::Card(id) => self.editing = InlineEdit::start(TextTarget::Card(id.clone()), map),
                Hit::StageHeader(i) => {
                    self.editing = InlineEdit::start(TextTarget::Stage(layout.stages[*i].id.clone()), map);
                }
                Hit::LaneHeader(i) => {
                    self.editing = InlineEdit::start(TextTarget::Lane(layout.lanes[*i].id.clone()), map);
                }
                Hit::Title => self.editing = InlineEdit::start(TextTarget::Title, map),
                Hit::Cell(lane, stage) | Hit::AddCard(lane, stage) if mode.presenting() => {
                    out.note_request = Some((*lane, *stage));
                }
                // A point is added with a double-click, as a card is: a single click (to focus
                // the window, or to deselect) leaves the curve as it is.
                Hit::Cell(lane, _) if sentiment::is_emotions(layout, *lane) => {
                    let fine = modifiers.shift;
                    if let Some(pos) = response.interact_pointer_pos()
                        && let Some(edit) = sentiment::add_point(self, map, layout, pos, fine)
                    {
                        edits.push(edit);
                    }
                }
                Hit::Cell(lane, stage) | Hit::AddCard(lane, stage) => {
                    if let Some(edit) = self.new_card(layout, *lane, *stage) {
                        edits.push(edit);
                    }
                }
                _ => {}
            }
            return;
        }
        if !response.clicked() {
            return;
        }
        match hit {
            Hit::Point(id) => self.selection = Selection::Point(id.clone()),
            Hit::Card(id) if additive => self.selection.toggle(id),
            Hit::Card(id) => self.selection = Selection::card(id.clone()),
            Hit::StageHeader(i) => {
                self.selection = Selection::Header(HeaderSelection::Stage(layout.stages[*i].id.clone()));
            }
            Hit::LaneHeader(i) => {
                self.selection = Selection::Header(HeaderSelection::Lane(layout.lanes[*i].id.clone()));
            }
            Hit::AddCard(lane, stage) => {
                if let Some(edit) = self.new_card(layout, *lane, *stage) {
                    edits.push(edit);
                }
            }
            _ => {
                if !additive {
                    self.clear_selection();
                }
            }
        }
    }

    /// Adds an empty card at the bottom of a cell and starts editing its title.
    fn new_card(&mut self, layout: &MapLayout, lane: usize, stage: usize) -> Option<Edit> {
        let lane_id = layout.lanes.get(lane)?.id.clone();
        let stage_id = layout.stages.get(stage)?.id.clone();
        let card = crate::model::Card::new(lane_id, stage_id, "");
        self.selection = Selection::card(card.id.clone());
        let editing = InlineEdit::new_card(card.id.clone());
        // The card's creation and its typed title are one undo step.
        let merge_key = Some(text_edit::new_card_key(&editing.target));
        self.editing = Some(editing);
        Some(Edit::Apply {
            command: Command::InsertCard { index: usize::MAX, card },
            label: tl!("edit-add-card"),
            merge_key,
        })
    }

    fn paint_header_selection(&self, painter: &egui::Painter, layout: &MapLayout, theme: &Theme) {
        let Some(selection) = self.selection.header() else { return };
        let rect = match selection {
            HeaderSelection::Stage(id) => layout
                .stages
                .iter()
                .position(|s| &s.id == id)
                .map(|i| hit::stage_header_rect(self, layout, i)),
            HeaderSelection::Lane(id) => {
                layout.lanes.iter().position(|l| &l.id == id).map(|i| hit::lane_header_rect(self, layout, i))
            }
        };
        if let Some(rect) = rect {
            painter.rect_stroke(
                rect.shrink(1.0),
                2.0,
                egui::Stroke::new(2.0, theme.selection),
                egui::StrokeKind::Inside,
            );
        }
    }

    /// A "+" at the bottom of the hovered cell: the obvious way to add a card.
    fn add_card_hint(&self, painter: &egui::Painter, hit: &Hit, layout: &MapLayout, theme: &Theme) {
        if self.drag.is_some() {
            return;
        }
        let (Hit::Cell(lane, stage) | Hit::AddCard(lane, stage)) = hit else { return };
        let Some(rect) = hit::add_card_rect(self, layout, *lane, *stage) else { return };
        let active = matches!(hit, Hit::AddCard(..));
        let colour = if active { theme.accent } else { theme.muted_text.gamma_multiply(0.7) };
        painter.rect_stroke(
            rect,
            6.0,
            egui::Stroke::new(1.0, colour.gamma_multiply(0.6)),
            egui::StrokeKind::Inside,
        );
        if crate::render::readable(12.0, self.zoom()) {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                t!("canvas-add-card"),
                egui::FontId::proportional(12.0 * self.zoom().min(1.5)),
                colour,
            );
        }
    }
}

/// Esc while dragging cancels the drag, returning the edits that put back what the drag had
/// already changed live.
pub fn cancel_drag_on_escape(canvas: &mut Canvas, ui: &Ui) -> Vec<Edit> {
    if !(canvas.drag.as_ref().is_some_and(Drag::is_active)
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)))
    {
        return Vec::new();
    }
    match canvas.drag.replace(Drag::Cancelled) {
        Some(Drag::Point { original, .. }) => vec![sentiment::move_point(*original), Edit::Seal],
        _ => Vec::new(),
    }
}

pub(crate) const HANDLE: f32 = 5.0;

/// Why the picture of card `id` cannot be shown, when `at` (in the scene) is on its placeholder.
fn missing_picture_at(
    map: &Map,
    layout: &MapLayout,
    id: &crate::model::CardId,
    at: Pos2,
    pictures: &render::pictures::Pictures,
) -> Option<String> {
    let name = map.card(id)?.image.as_deref()?;
    let placed = layout.card(id)?;
    if !placed.picture_rect(&layout.sizes)?.contains(at) {
        return None;
    }
    match pictures.get(name)? {
        render::pictures::Shown::Missing(why) => Some(format!("{name}: {why}")),
        _ => None,
    }
}
