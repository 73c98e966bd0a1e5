//! The inspector: every field of the selected card, stage or lane, or of the map itself.
//!
//! Widgets edit a copy; when the copy differs, one command replaces the item. Typing into one
//! field is one undo step: edits carry a merge key per field, sealed when the field loses focus.

use egui::{Response, Ui};

mod picture;
mod sentiment;

use super::canvas::HeaderSelection;
use super::{Document, Edit, names};
use crate::edit::Command;
use crate::model::{
    Card, Channel, Colour, CurveGaps, Evidence, Flag, JourneyState, Lane, LaneKind, Link, LinkDirection,
    LinkId, Map, Metrics, Scale, Stage,
};
pub(super) use picture::Pictures;
use sentiment::{personas_ui, point_ui};

/// Which field changed this frame, and whether a text field was left.
#[derive(Default)]
pub(super) struct Changes {
    pub(super) field: Option<&'static str>,
    pub(super) seal: bool,
}

impl Changes {
    pub(super) fn track(&mut self, response: &Response, field: &'static str) {
        if response.changed() {
            self.field = Some(field);
        }
        if response.lost_focus() || response.drag_stopped() {
            self.seal = true;
        }
    }

    /// Turns the tracked changes into edits.
    pub(super) fn finish(self, edits: &mut Vec<Edit>, command: Option<Command>, item: &str, label: &str) {
        if let (Some(field), Some(command)) = (self.field, command) {
            edits.push(Edit::Apply {
                command,
                label: label.to_owned(),
                merge_key: Some(format!("{item} {field}")),
            });
        }
        if self.seal {
            edits.push(Edit::Seal);
        }
    }
}

/// The inspector beside the canvas, for `doc`'s selection; the picture rows read and ask
/// through `pictures`.
pub(super) fn panel(ui: &mut Ui, doc: &mut Document, pictures: picture::Pictures<'_>, edits: &mut Vec<Edit>) {
    let (map, canvas) = (&doc.map, &mut doc.canvas);
    crate::app::mirror::end_panel("inspector").resizable(true).default_size(300.0).min_size(240.0).show(
        ui,
        |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                crate::app::mirror::column(ui, |ui| inspector_ui(ui, map, canvas, pictures, edits));
            });
        },
    );
}

/// What the inspector shows for the selection, in its column.
fn inspector_ui(
    ui: &mut Ui,
    map: &Map,
    canvas: &mut crate::app::Canvas,
    pictures: picture::Pictures<'_>,
    edits: &mut Vec<Edit>,
) {
    ui.add_space(6.0);
    if let Some(point) = canvas.selection.point().and_then(|id| map.points.iter().find(|p| &p.id == id)) {
        point_ui(ui, map, point, edits);
        return;
    }
    let selected: Vec<&Card> = map.cards.iter().filter(|c| canvas.selection.contains(&c.id)).collect();
    match (selected.as_slice(), canvas.selection.header()) {
        ([card], _) => card_ui(ui, map, card, pictures, edits),
        ([_, ..], _) => {
            ui.heading(t!("inspector-cards-selected", count = selected.len()));
            ui.label(t!("inspector-cards-selected-hint"));
        }
        ([], Some(HeaderSelection::Stage(id))) => {
            if let Some(stage) = map.stage(id) {
                stage_ui(ui, stage, pictures.link, edits);
            }
        }
        ([], Some(HeaderSelection::Lane(id))) => {
            if let Some(lane) = map.lane(id) {
                lane_ui(ui, lane, edits);
            }
        }
        ([], None) => {
            map_ui(ui, map, &mut *pictures.link, edits);
            let theme = pictures.theme;
            personas_ui(ui, map, theme, &mut canvas.active_curve, pictures, edits);
        }
    }
}

pub(super) fn heading(ui: &mut Ui, text: &str) -> egui::Id {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).strong()).id
}

pub(super) fn text_field(
    ui: &mut Ui,
    changes: &mut Changes,
    label: &str,
    value: &mut String,
    field_name: &'static str,
    multiline: bool,
) {
    let label = heading(ui, label);
    if super::bidi_field::needed_for(value, multiline) {
        // Right-to-left words, or Thai over several lines: the field that lays text out as the
        // canvas does, its caret following the text on screen.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let field = super::bidi_field::BidiField::new(value, font, ui.available_width(), multiline);
        let response = ui.add(field).labelled_by(label);
        changes.track(&response, field_name);
        return;
    }
    let widget = if multiline {
        egui::TextEdit::multiline(value).desired_rows(3)
    } else {
        egui::TextEdit::singleline(value)
    };
    let widget = widget.desired_width(f32::INFINITY).align(crate::app::mirror::text_align());
    let response = ui.add(widget).labelled_by(label);
    changes.track(&response, field_name);
}

/// Another map's file, relative to this map's folder (`detail/onboarding.ron`); an empty field
/// links nothing. Choose… asks for `target`'s map with the file dialog.
fn map_link_field(
    ui: &mut Ui,
    changes: &mut Changes,
    label: &str,
    value: &mut Option<String>,
    field_name: &'static str,
    choose: (&mut Option<crate::app::links::LinkTarget>, crate::app::links::LinkTarget),
) {
    let label = heading(ui, label);
    crate::app::mirror::row(ui, |ui| {
        if ui.small_button(t!("inspector-link-choose")).clicked() {
            *choose.0 = Some(choose.1);
        }
        if value.is_some() && ui.small_button(t!("inspector-link-remove")).clicked() {
            *value = None;
            changes.field = Some(field_name);
            changes.seal = true;
        }
    });
    let mut text = value.clone().unwrap_or_default();
    let widget = egui::TextEdit::singleline(&mut text)
        .hint_text(t!("inspector-link-hint"))
        .desired_width(f32::INFINITY)
        .align(crate::app::mirror::text_align());
    let response = ui.add(widget).labelled_by(label).on_hover_text(t!("inspector-link-about"));
    changes.track(&response, field_name);
    let trimmed = text.trim();
    *value = (!trimmed.is_empty()).then(|| trimmed.to_owned());
}

/// The words the map shows besides its items, in its own language; an empty field reads the
/// English word shown in it.
fn words_ui(
    ui: &mut Ui,
    changes: &mut Changes,
    words: &mut crate::model::Words,
    direction: &mut crate::model::MapDirection,
) {
    ui.add_space(4.0);
    egui::CollapsingHeader::new(egui::RichText::new(t!("inspector-words")).strong()).show(ui, |ui| {
        // Which way the map reads goes with its language.
        let mut rtl = direction.is_rtl();
        let toggle = crate::app::mirror::checkbox(ui, &mut rtl, t!("inspector-rtl"));
        if toggle.changed() {
            *direction = if rtl {
                crate::model::MapDirection::RightToLeft
            } else {
                crate::model::MapDirection::LeftToRight
            };
            changes.field = Some("direction");
            changes.seal = true;
        }
        ui.weak(t!("inspector-words-hint"));
        crate::app::mirror::grid(ui, egui::Grid::new("map words").num_columns(2).spacing([8.0, 4.0]), |ui| {
            for word in crate::model::Word::ALL {
                let label = ui.label(word.english()).id;
                let value = words.own_mut(word);
                let response = if crate::text::has_rtl(value) {
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    ui.add(super::bidi_field::BidiField::new(value, font, 160.0, false)).labelled_by(label)
                } else {
                    ui.add(egui::TextEdit::singleline(value).hint_text(word.english())).labelled_by(label)
                };
                changes.track(&response, "words");
                ui.end_row();
            }
        });
    });
}

fn colour_field(ui: &mut Ui, changes: &mut Changes, value: &mut Option<Colour>) {
    heading(ui, &t!("inspector-colour"));
    crate::app::mirror::row(ui, |ui| {
        let mut on = value.is_some();
        let response = crate::app::mirror::checkbox(ui, &mut on, t!("inspector-own-colour"));
        if response.changed() {
            *value = on.then_some(Colour::rgb(0x5b, 0x8d, 0xef));
        }
        changes.track(&response, "colour");
        if let Some(colour) = value {
            let mut rgb = [colour.r, colour.g, colour.b];
            let response = ui.color_edit_button_srgb(&mut rgb);
            *colour = Colour::rgb(rgb[0], rgb[1], rgb[2]);
            changes.track(&response, "colour");
        }
    });
}

fn card_ui(ui: &mut Ui, map: &Map, card: &Card, mut pictures: picture::Pictures<'_>, edits: &mut Vec<Edit>) {
    let lane = map.lane(&card.lane);
    ui.heading(t!("inspector-card"));
    ui.weak(format!(
        "{} · {}",
        lane.map_or("?", |l| l.title.as_str()),
        map.stage(&card.stage).map_or("?", |s| s.name.as_str())
    ));
    let target = super::pictures::PictureTarget::Card(card.id.clone());
    pictures.card_ui(ui, map, card.image.as_deref(), &target, edits);
    let mut c = card.clone();
    let mut changes = Changes::default();
    text_field(ui, &mut changes, &t!("inspector-title"), &mut c.title, "title", true);
    // A note from a workshop participant names them; the name can be taken off.
    if !c.author.is_empty() {
        crate::app::mirror::row_wrapped(ui, |ui| {
            ui.label(t!("inspector-added-by", name = c.author.as_str()));
            if ui
                .small_button(t!("inspector-remove-name"))
                .on_hover_text(t!("inspector-remove-name-hint"))
                .clicked()
            {
                c.author.clear();
                changes.field = Some("author");
                changes.seal = true;
            }
        });
    }
    text_field(ui, &mut changes, &t!("inspector-notes"), &mut c.notes, "notes", true);

    let channel_label = heading(ui, &t!("inspector-channel"));
    let current = c.channel.as_ref().map_or_else(|| t!("inspector-none"), names::channel_name);
    let other_name = match &c.channel {
        Some(Channel::Other(name)) => name.clone(),
        _ => t!("inspector-other"),
    };
    egui::ComboBox::from_id_salt("channel")
        .selected_text(current)
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            let mut choose = |ui: &mut Ui, value: Option<Channel>, label: &str| {
                let response = ui.selectable_label(c.channel == value, label);
                if response.clicked() {
                    c.channel = value;
                    changes.field = Some("channel");
                }
            };
            choose(ui, None, &t!("inspector-none"));
            for channel in Channel::KNOWN {
                let label = names::channel_name(&channel);
                choose(ui, Some(channel), &label);
            }
            choose(ui, Some(Channel::Other(other_name)), &t!("inspector-other-channel"));
        })
        .response
        .labelled_by(channel_label);
    if let Some(Channel::Other(name)) = &mut c.channel {
        let response = ui
            .add(egui::TextEdit::singleline(name).hint_text(t!("inspector-channel-name")))
            .labelled_by(channel_label);
        changes.track(&response, "channel name");
    }

    heading(ui, &t!("inspector-metrics"));
    for (i, (spec, value)) in Metrics::SPECS.iter().zip(c.metrics.values_mut()).enumerate() {
        crate::app::mirror::row(ui, |ui| {
            let mut on = value.is_some();
            let response = crate::app::mirror::checkbox(ui, &mut on, names::metric_name(i, spec));
            if response.changed() {
                *value = on.then_some(spec.min.max(0.0));
                changes.field = Some("metric");
            }
            if let Some(v) = value {
                let response =
                    ui.add(egui::DragValue::new(v).range(spec.min..=spec.max).suffix(spec.suffix).speed(0.5));
                changes.track(&response, spec.label);
            }
        });
    }

    heading(ui, &t!("inspector-flags"));
    for flag in Flag::ALL {
        let mut on = c.has_flag(flag);
        if crate::app::mirror::checkbox(ui, &mut on, names::flag_name(flag)).changed() {
            c.set_flag(flag, on);
            changes.field = Some("flags");
        }
    }

    heading(ui, &t!("inspector-evidence"));
    crate::app::mirror::row_wrapped(ui, |ui| {
        for (value, label) in [(None, t!("inspector-unknown"))]
            .into_iter()
            .chain(Evidence::ALL.map(|e| (Some(e), names::evidence_name(e))))
        {
            if ui.selectable_label(c.evidence == value, label).clicked() {
                c.evidence = value;
                changes.field = Some("evidence");
            }
        }
    });
    for (name, field, value) in [
        (t!("inspector-priority"), "priority", &mut c.priority),
        (t!("inspector-effort"), "effort", &mut c.effort),
    ] {
        heading(ui, &name);
        crate::app::mirror::row_wrapped(ui, |ui| {
            for (choice, label) in [(None, t!("inspector-not-set"))]
                .into_iter()
                .chain(crate::model::Rating::ALL.map(|r| (Some(r), names::rating_name(r))))
            {
                if ui.selectable_label(*value == choice, label).clicked() {
                    *value = choice;
                    changes.field = Some(field);
                }
            }
        });
    }
    text_field(ui, &mut changes, &t!("inspector-owner"), &mut c.owner, "owner", false);
    let choose = (&mut *pictures.link, crate::app::links::LinkTarget::Card(card.id.clone()));
    map_link_field(ui, &mut changes, &t!("inspector-opens"), &mut c.opens, "opens", choose);
    colour_field(ui, &mut changes, &mut c.colour);
    heading(ui, &t!("inspector-dot-votes"));
    crate::app::mirror::row(ui, |ui| {
        let label = ui.label(t!("inspector-dots"));
        let response = ui.add(egui::DragValue::new(&mut c.votes).range(0..=999)).labelled_by(label.id);
        changes.track(&response, "votes");
        if c.votes > 0
            && ui.small_button(t!("inspector-clear")).on_hover_text(t!("inspector-clear-hint")).clicked()
        {
            c.votes = 0;
            changes.field = Some("votes");
            changes.seal = true;
        }
    });
    let command = (c != *card).then_some(Command::ReplaceCard(c));
    changes.finish(edits, command, &format!("card {}", card.id), &tl!("edit-card"));

    links_ui(ui, map, card, edits);
}

fn links_ui(ui: &mut Ui, map: &Map, card: &Card, edits: &mut Vec<Edit>) {
    heading(ui, &t!("inspector-links"));
    let title = |id| map.card(id).map_or("?", |c: &Card| c.title.as_str());
    for link in map.links.iter().filter(|l| l.from == card.id || l.to == card.id) {
        crate::app::mirror::row(ui, |ui| {
            let arrow = if link.direction == LinkDirection::TwoWay {
                "↔"
            } else if link.from == card.id {
                "→"
            } else {
                "←"
            };
            let other = if link.from == card.id { &link.to } else { &link.from };
            ui.label(format!("{arrow} {}", title(other)));
            if ui.small_button("×").on_hover_text(tl!("edit-remove-link")).clicked() {
                edits.push(Edit::apply(Command::RemoveLink(link.id.clone()), tl!("edit-remove-link")));
            }
        });
        // A short label, drawn on the link's route ("hands over", "triggers").
        let mut label = link.label.clone();
        let field = ui.add(
            egui::TextEdit::singleline(&mut label)
                .hint_text(t!("inspector-link-label"))
                .desired_width(f32::INFINITY),
        );
        let mut changes = Changes::default();
        changes.track(&field, "label");
        let command = (label != link.label).then(|| Command::ReplaceLink(Link { label, ..link.clone() }));
        changes.finish(edits, command, &format!("link {}", link.id), &tl!("edit-link-label"));
    }
    egui::ComboBox::from_id_salt("link to")
        .selected_text(t!("inspector-link-to"))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for other in map.cards.iter().filter(|c| c.id != card.id) {
                if ui.selectable_label(false, &other.title).clicked() {
                    let link = Link {
                        id: LinkId::fresh(),
                        from: card.id.clone(),
                        to: other.id.clone(),
                        direction: LinkDirection::OneWay,
                        label: String::new(),
                    };
                    edits.push(Edit::apply(
                        Command::InsertLink { index: usize::MAX, link },
                        tl!("edit-add-link"),
                    ));
                }
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, t!("inspector-link-to")));
}

fn stage_ui(
    ui: &mut Ui,
    stage: &Stage,
    link: &mut Option<crate::app::links::LinkTarget>,
    edits: &mut Vec<Edit>,
) {
    ui.heading(t!("inspector-stage"));
    let mut s = stage.clone();
    let mut changes = Changes::default();
    text_field(ui, &mut changes, &t!("inspector-name"), &mut s.name, "name", false);
    text_field(ui, &mut changes, &t!("inspector-goal"), &mut s.goal, "goal", true);
    let choose = (link, crate::app::links::LinkTarget::Stage(stage.id.clone()));
    map_link_field(ui, &mut changes, &t!("inspector-opens"), &mut s.opens, "opens", choose);
    heading(ui, &t!("inspector-width"));
    let response = ui.add(egui::Slider::new(&mut s.width, crate::model::SIZE_RANGE).step_by(0.05));
    changes.track(&response, "width");
    colour_field(ui, &mut changes, &mut s.colour);
    let command = (s != *stage).then_some(Command::ReplaceStage(s));
    changes.finish(edits, command, &format!("stage {}", stage.id), &tl!("edit-stage"));
}

fn lane_ui(ui: &mut Ui, lane: &Lane, edits: &mut Vec<Edit>) {
    ui.heading(t!("inspector-lane"));
    let mut l = lane.clone();
    let mut changes = Changes::default();
    text_field(ui, &mut changes, &t!("inspector-title"), &mut l.title, "title", false);
    heading(ui, &t!("inspector-kind"));
    egui::ComboBox::from_id_salt("lane kind").selected_text(names::lane_kind_name(l.kind)).show_ui(
        ui,
        |ui| {
            for kind in LaneKind::ALL {
                if ui.selectable_label(l.kind == kind, names::lane_kind_name(kind)).clicked() {
                    l.kind = kind;
                    changes.field = Some("kind");
                }
            }
        },
    );
    heading(ui, &t!("inspector-height"));
    let response = ui.add(egui::Slider::new(&mut l.height, crate::model::SIZE_RANGE).step_by(0.05));
    changes.track(&response, "height");
    if crate::app::mirror::checkbox(ui, &mut l.collapsed, t!("inspector-collapsed")).changed() {
        changes.field = Some("collapsed");
    }
    if crate::app::mirror::checkbox(ui, &mut l.show_notes, t!("inspector-show-notes"))
        .on_hover_text(t!("inspector-show-notes-hint"))
        .changed()
    {
        changes.field = Some("show_notes");
    }
    colour_field(ui, &mut changes, &mut l.colour);
    let command = (l != *lane).then_some(Command::ReplaceLane(l));
    changes.finish(edits, command, &format!("lane {}", lane.id), &tl!("edit-lane"));
}

fn map_ui(ui: &mut Ui, map: &Map, link: &mut Option<crate::app::links::LinkTarget>, edits: &mut Vec<Edit>) {
    ui.heading(t!("inspector-map"));
    let original = map.meta();
    let mut meta = original.clone();
    let mut changes = Changes::default();
    text_field(ui, &mut changes, &t!("inspector-title"), &mut meta.title, "title", false);
    text_field(ui, &mut changes, &t!("inspector-scenario"), &mut meta.scenario, "scenario", true);
    text_field(ui, &mut changes, &t!("inspector-author"), &mut meta.author, "author", false);
    let choose = (link, crate::app::links::LinkTarget::Counterpart);
    map_link_field(
        ui,
        &mut changes,
        &t!("inspector-counterpart"),
        &mut meta.counterpart,
        "counterpart",
        choose,
    );
    heading(ui, &t!("inspector-journey"));
    crate::app::mirror::row_wrapped(ui, |ui| {
        for state in JourneyState::ALL {
            if ui.selectable_label(meta.state == state, names::state_name(state)).clicked() {
                meta.state = state;
                changes.field = Some("state");
            }
        }
    });
    heading(ui, &t!("inspector-scale"));
    crate::app::mirror::row_wrapped(ui, |ui| {
        for (label, scale) in [
            ("−2…+2", Scale { min: -2, max: 2 }),
            ("1–5", Scale { min: 1, max: 5 }),
            ("1–7", Scale { min: 1, max: 7 }),
            ("1–10", Scale { min: 1, max: 10 }),
        ] {
            if ui.selectable_label(map.scale == scale, label).clicked() && map.scale != scale {
                edits.push(Edit::apply(crate::edit::set_scale(map, scale), tl!("edit-scale")));
            }
        }
    });
    crate::app::mirror::row(ui, |ui| {
        let (mut min, mut max) = (map.scale.min, map.scale.max);
        let from = ui.label(t!("inspector-from")).id;
        let a = ui.add(egui::DragValue::new(&mut min).range(-10..=max - 1)).labelled_by(from);
        let to = ui.label(t!("export-to")).id;
        let b = ui
            .add(egui::DragValue::new(&mut max).range(min + 1..=min + Scale::MAX_LEVELS - 1))
            .labelled_by(to);
        let scale = Scale { min, max };
        if (a.changed() || b.changed()) && scale != map.scale {
            edits.push(Edit::apply(crate::edit::set_scale(map, scale), tl!("edit-scale")));
        }
    });
    heading(ui, &t!("inspector-no-point"));
    crate::app::mirror::row(ui, |ui| {
        if crate::app::mirror::radio(ui, meta.curve_gaps == CurveGaps::Bridge, t!("inspector-bridge"))
            .clicked()
        {
            meta.curve_gaps = CurveGaps::Bridge;
            changes.field = Some("gaps");
        }
        if crate::app::mirror::radio(ui, meta.curve_gaps == CurveGaps::Break, t!("inspector-break")).clicked()
        {
            meta.curve_gaps = CurveGaps::Break;
            changes.field = Some("gaps");
        }
    });
    words_ui(ui, &mut changes, &mut meta.words, &mut meta.direction);
    let command = (meta != original).then_some(Command::SetMeta(Box::new(meta)));
    changes.finish(edits, command, "map", &tl!("edit-map"));

    ui.add_space(12.0);
    ui.separator();
    ui.label(egui::RichText::new(t!("inspector-add")).strong());
    crate::app::mirror::row_wrapped(ui, |ui| {
        if ui.button(t!("inspector-add-stage")).clicked() {
            edits.push(Edit::apply(
                Command::InsertStage { index: usize::MAX, stage: Stage::new_in(map, t!("canvas-new-stage")) },
                tl!("edit-add-stage"),
            ));
        }
        ui.menu_button(t!("inspector-add-lane"), |ui| {
            for kind in LaneKind::ALL {
                if ui.button(names::lane_kind_name(kind)).clicked() {
                    edits.push(Edit::apply(
                        Command::InsertLane {
                            index: usize::MAX,
                            lane: crate::app::names::new_lane(map, kind),
                        },
                        tl!("edit-add-lane"),
                    ));
                    ui.close();
                }
            }
        });
    });
    ui.add_space(8.0);
    ui.weak(t!("inspector-nothing-selected"));
}
