//! Cards, stage headers and lane headers as accessible widgets, so screen readers (and UI
//! tests) can find them by their text.

use egui::{Sense, Ui};

use super::{Canvas, hit};
use crate::layout::MapLayout;
use crate::model::Map;

/// Registers the visible cards and headers for this frame.
pub(super) fn register(ui: &Ui, map: &Map, layout: &MapLayout, canvas: &Canvas) {
    let clip = canvas.rect;
    let screen_from_scene = canvas.screen_from_scene();
    // Cards too small to read are not announced one by one; zoom in to reach them.
    let readable = crate::render::readable(layout.sizes.card_font, canvas.zoom());
    let visible = screen_from_scene.inverse() * clip;
    for placed in layout.visible_cards(visible).filter(|_| readable) {
        let rect = screen_from_scene * placed.rect;
        if let Some(card) = map.cards.get(placed.index).filter(|c| c.id == placed.id) {
            let id = ui.scope_id().with(("card", &placed.id));
            let selected = canvas.selection.contains(&placed.id);
            let response = ui.interact(rect.intersect(clip), id, Sense::hover());
            response
                .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &card.title));
            if canvas.keyboard_focus.as_ref() == Some(&placed.id) && selected {
                // Reached with the keyboard: where the card is, said as it is reached.
                let place = format!(
                    "{}, {}",
                    map.stage(&card.stage).map_or("", |s| s.name.as_str()),
                    map.lane(&card.lane).map_or("", |l| l.title.as_str())
                );
                ui.ctx().accesskit_node_builder(id, |node| {
                    node.set_description(place);
                    node.set_live(egui::accesskit::Live::Polite);
                });
            }
        }
    }
    for (i, stage) in layout.stages.iter().enumerate() {
        let rect = hit::stage_header_rect(canvas, layout, i);
        if let (true, Some(s)) = (clip.intersects(rect), map.stage(&stage.id)) {
            let response =
                ui.interact(rect.intersect(clip), ui.scope_id().with(("stage", &stage.id)), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &s.name));
        }
    }
    for (i, lane) in layout.lanes.iter().enumerate() {
        let rect = hit::lane_header_rect(canvas, layout, i);
        if let (true, Some(l)) = (clip.intersects(rect), map.lane(&lane.id)) {
            let response =
                ui.interact(rect.intersect(clip), ui.scope_id().with(("lane", &lane.id)), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &l.title));
        }
    }
}
