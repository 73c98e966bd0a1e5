//! The inspector's sentiment panels: a selected point, and the personas with their curves.

use egui::Ui;

use super::{Changes, heading, text_field};
use crate::app::Edit;
use crate::edit::Command;
use crate::model::{Anchor, Curve, CurveId, Map, Persona, Point};

pub(super) fn point_ui(ui: &mut Ui, map: &Map, point: &Point, edits: &mut Vec<Edit>) {
    ui.heading(t!("canvas-point"));
    if let Some(curve) = map.curve(&point.curve) {
        ui.weak(t!("inspector-on-curve", name = curve.name.as_str()));
    }
    let mut p = point.clone();
    let mut changes = Changes::default();
    heading(ui, &t!("inspector-value"));
    let (min, max) = (map.scale.min as f32, map.scale.max as f32);
    let response = ui.add(egui::Slider::new(&mut p.value, min..=max).step_by(0.25));
    ui.weak(map.level_name(p.value.round() as i32));
    changes.track(&response, "value");
    text_field(ui, &mut changes, &t!("inspector-label"), &mut p.label, "label", false);
    text_field(ui, &mut changes, &t!("inspector-emoji"), &mut p.emoji, "emoji", false);
    crate::app::mirror::row_wrapped(ui, |ui| {
        for emoji in ["🤩", "😀", "🙂", "😐", "🤔", "😕", "😟", "😠", "😫"] {
            if ui.selectable_label(p.emoji == emoji, emoji).clicked() {
                emoji.clone_into(&mut p.emoji);
                changes.field = Some("emoji");
            }
        }
    });
    heading(ui, &t!("inspector-anchored"));
    let anchor_text = |a: &Anchor| match a {
        Anchor::Stage(s) => {
            map.stage(s).map_or_else(String::new, |s| t!("canvas-point-stage", name = s.name.as_str()))
        }
        Anchor::Card(c) => {
            map.card(c).map_or_else(String::new, |c| t!("inspector-anchor-card", title = c.title.as_str()))
        }
    };
    egui::ComboBox::from_id_salt("anchor")
        .selected_text(anchor_text(&p.at))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            let taken =
                |a: &Anchor| map.points.iter().any(|q| q.curve == p.curve && &q.at == a && q.id != p.id);
            let mut options: Vec<Anchor> = map.stages.iter().map(|s| Anchor::Stage(s.id.clone())).collect();
            options.extend(map.cards.iter().map(|c| Anchor::Card(c.id.clone())));
            for option in options {
                let enabled = !taken(&option);
                if ui
                    .add_enabled(enabled, egui::Button::selectable(p.at == option, anchor_text(&option)))
                    .clicked()
                {
                    p.at = option;
                    changes.field = Some("anchor");
                }
            }
        });
    let command = (p != *point).then_some(Command::ReplacePoint(p));
    changes.finish(edits, command, &format!("point {}", point.id), &tl!("edit-point"));
    ui.add_space(8.0);
    if ui.button(t!("inspector-delete-point")).clicked() {
        edits.push(Edit::apply(Command::RemovePoint(point.id.clone()), tl!("edit-delete-point")));
    }
}

/// Personas and their curves: add, rename, describe, delete; show, hide and pick the curve
/// that new points go on.
pub(super) fn personas_ui(
    ui: &mut Ui,
    map: &Map,
    theme: &crate::theme::Theme,
    active_curve: &mut Option<CurveId>,
    mut pictures: super::picture::Pictures<'_>,
    edits: &mut Vec<Edit>,
) {
    ui.add_space(12.0);
    ui.separator();
    ui.heading(t!("inspector-personas"));
    for persona in &map.personas {
        // The persona's name as the canvas draws it: a right-to-left name in visual order.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let name = crate::text::no_wrap(ui.ctx(), &persona.name, font, ui.visuals().text_color());
        let ring = map
            .curves
            .iter()
            .position(|c| c.persona.as_ref() == Some(&persona.id))
            .map_or(theme.muted_text, |i| {
                crate::render::curves::curve_colour(theme, map.curves[i].colour, i)
            });
        let id = ui.make_persistent_id(("persona", &persona.id));
        let state = egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
        let mut name_clicked = false;
        let top = ui.cursor().top();
        let header = state.show_header(ui, |ui| {
            pictures.avatar(ui, persona.image.as_deref(), ring, 11.0);
            name_clicked = ui.add(egui::Label::new(name).sense(egui::Sense::click())).clicked();
        });
        header.body(|ui| {
            let target = crate::app::pictures::PictureTarget::Persona(persona.id.clone());
            pictures.persona_ui(ui, map, persona.image.as_deref(), ring, &target, edits);
            let mut p = persona.clone();
            let mut changes = Changes::default();
            text_field(ui, &mut changes, &t!("inspector-name"), &mut p.name, "name", false);
            text_field(
                ui,
                &mut changes,
                &t!("inspector-description"),
                &mut p.description,
                "description",
                true,
            );
            let mut goals = p.goals.join("\n");
            text_field(ui, &mut changes, &t!("inspector-goals"), &mut goals, "goals", true);
            let mut needs = p.needs.join("\n");
            text_field(ui, &mut changes, &t!("inspector-needs"), &mut needs, "needs", true);
            p.goals = lines(&goals);
            p.needs = lines(&needs);
            let command = (p != *persona).then_some(Command::ReplacePersona(p));
            changes.finish(edits, command, &format!("persona {}", persona.id), &tl!("edit-persona"));
            if ui.button(t!("inspector-delete-persona")).clicked() {
                edits.push(Edit::apply(
                    Command::RemovePersona(persona.id.clone()),
                    tl!("edit-delete-persona"),
                ));
            }
        });
        // The persona's rows take a picture file dropped on them.
        let rows = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.min_rect().bottom());
        pictures.drop_zone(
            rows.intersect(ui.clip_rect()),
            crate::app::pictures::PictureTarget::Persona(persona.id.clone()),
        );
        if name_clicked {
            // The name opens and closes the persona, as the arrow beside it does.
            let mut state =
                egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
            state.toggle(ui);
            state.store(ui.ctx());
        }
    }
    if ui.button(t!("inspector-add-persona")).clicked() {
        let persona = Persona::new(t!("inspector-new-persona", number = map.personas.len() + 1));
        let curve = Curve::new(persona.name.clone(), Some(persona.id.clone()));
        *active_curve = Some(curve.id.clone());
        edits.push(Edit::apply(
            Command::Batch(vec![
                Command::InsertPersona { index: usize::MAX, persona },
                Command::InsertCurve { index: usize::MAX, curve },
            ]),
            tl!("edit-add-persona"),
        ));
    }

    ui.add_space(8.0);
    ui.label(egui::RichText::new(t!("inspector-curves")).strong());
    ui.weak(t!("inspector-curves-hint"));
    let active = active_curve.clone().or_else(|| map.curves.iter().find(|c| !c.hidden).map(|c| c.id.clone()));
    for (index, curve) in map.curves.iter().enumerate() {
        crate::app::mirror::row(ui, |ui| {
            curve_row(
                ui,
                curve,
                crate::render::curves::curve_colour(theme, curve.colour, index),
                active.as_ref(),
                active_curve,
                edits,
            );
        });
    }
    if ui.button(t!("inspector-add-curve")).clicked() {
        let curve = Curve::new(
            if map.curves.is_empty() { t!("inspector-curve-customer") } else { t!("state-future") },
            None,
        );
        *active_curve = Some(curve.id.clone());
        edits.push(Edit::apply(Command::InsertCurve { index: usize::MAX, curve }, tl!("edit-add-curve")));
    }
}

/// One curve: its colour and name, then "Visible", "Active" and "Delete", each named for
/// screen readers with the curve's name.
fn curve_row(
    ui: &mut Ui,
    curve: &Curve,
    colour: egui::Color32,
    active: Option<&CurveId>,
    active_curve: &mut Option<CurveId>,
    edits: &mut Vec<Edit>,
) {
    let name = &curve.name;
    let (swatch, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(swatch.shrink(1.0), 3.0, colour);
    ui.label(egui::RichText::new(name).strong());
    let mut shown = !curve.hidden;
    let visible = crate::app::mirror::checkbox(ui, &mut shown, t!("inspector-visible"))
        .on_hover_text(t!("inspector-visible-hint"));
    visible.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::CheckBox,
            true,
            shown,
            t!("inspector-curve-visible", name = name),
        )
    });
    if visible.changed() {
        edits.push(Edit::apply(
            Command::ReplaceCurve(Curve { hidden: !shown, ..curve.clone() }),
            tl!("edit-show-curve"),
        ));
    }
    let is_active = active == Some(&curve.id);
    let marker =
        ui.selectable_label(is_active, t!("inspector-active")).on_hover_text(t!("inspector-active-hint"));
    marker.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::RadioButton,
            true,
            is_active,
            t!("inspector-curve-active", name = name),
        )
    });
    if marker.clicked() {
        *active_curve = Some(curve.id.clone());
    }
    let delete = ui.small_button(t!("command-delete")).on_hover_text(t!("inspector-delete-curve-hint"));
    delete.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, t!("inspector-delete-curve", name = name))
    });
    if delete.clicked() {
        edits.push(Edit::apply(Command::RemoveCurve(curve.id.clone()), tl!("edit-delete-curve")));
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}
