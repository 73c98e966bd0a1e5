//! File → Export…: the command line's export options in a dialog (PNG, SVG or PDF), with the
//! resulting size, remembered per map; and Copy image, which is always a PNG.

use egui::Ui;

use super::TouchlineApp;
use crate::export::{self, ExportOptions, Format};
use crate::layout::View;
use crate::theme::ThemeKind;

/// The dialog's state.
#[derive(Debug, Default)]
pub struct ExportDialog {
    pub options: ExportOptions,
    /// The size in words for (document revision, options), computed when either changes.
    size: Option<(u64, ExportOptions, Result<String, String>)>,
}

impl TouchlineApp {
    /// The key export settings are remembered under: the map's path.
    fn export_key(&self) -> String {
        self.docs.get().and_then(|d| d.path.as_ref()).map(|p| p.display().to_string()).unwrap_or_default()
    }

    pub(super) fn open_export_dialog(&mut self) {
        if self.docs.get().is_none() {
            return;
        }
        self.export.options = self.remembered_export_options();
        self.modals.open(super::Modal::Export);
    }

    /// The settings used for this map before, else the defaults with the view the editor shows.
    pub(super) fn remembered_export_options(&self) -> ExportOptions {
        self.settings.export.get(&self.export_key()).cloned().unwrap_or_else(|| ExportOptions {
            view: self.docs.get().map_or(View::Journey, |d| d.view),
            ..ExportOptions::default()
        })
    }

    /// Asks where to save, then writes the file in the chosen format.
    pub(super) fn export_file(&mut self, options: &ExportOptions) {
        let format = options.format;
        let suggested = format!(
            "{}.{}",
            self.docs.get().map(|d| super::files::slug(&d.map.title)).unwrap_or_default(),
            format.extension()
        );
        let Some(path) = self.dialogs.save_export(format, &suggested) else { return };
        let Some(doc) = self.docs.get() else { return };
        let pictures = self.pictures.set(&doc.map);
        let job = export::Job { map: &doc.map, options, marks: None, pictures: &pictures };
        let result =
            job.render().and_then(|r| export::write_file(&r.bytes, &path)).map_err(|e| e.in_dialog());
        match result {
            Ok(()) => {
                let key = self.export_key();
                self.settings.export.insert(key, options.clone());
                self.modals.close(super::ModalKind::Export);
            }
            Err(e) => self.modals.error(e),
        }
    }

    /// Puts the image on the clipboard, as a PNG whatever format the dialog exports.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context, options: &ExportOptions) {
        let png = ExportOptions { format: Format::Png, ..options.clone() };
        let Some(doc) = self.docs.get() else { return };
        let pictures = self.pictures.set(&doc.map);
        let job = export::Job { map: &doc.map, options: &png, marks: None, pictures: &pictures };
        match job.image() {
            Ok(image) => {
                let size = [image.width() as usize, image.height() as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw()));
                let key = self.export_key();
                self.settings.export.insert(key, options.clone());
            }
            Err(e) => self.modals.error(e.in_dialog()),
        }
    }
}

/// What the export dialog asks for.
pub(super) enum Action {
    Close,
    Save(ExportOptions),
    Copy(ExportOptions),
}

/// The export dialog for `doc`, its options and size kept in `dialog`. It closes as other
/// dialogs do: Esc (when no drop-down is open), a click beside it, or its Close button.
pub(super) fn window(
    ctx: &egui::Context,
    doc: &super::Document,
    dialog: &mut ExportDialog,
) -> Option<Action> {
    let stage_count = doc.map.stages.len().max(1);
    let revision = doc.revision();
    let mut options = dialog.options.clone();
    let mut action = None;
    let shown = egui::Modal::new(egui::Id::unique("export dialog")).show(ctx, |ui| {
        // Right-to-left rows fill what they are given: the dialog keeps the width it needs.
        ui.set_max_width(480.0);
        crate::app::mirror::row(ui, |ui| ui.heading(t!("export-title")));
        ui.add_space(4.0);
        options_ui(ui, &mut options, stage_count);
        ui.separator();
        let stale = dialog.size.as_ref().is_none_or(|(r, o, _)| *r != revision || *o != options);
        if stale {
            let size = export::describe_size(&doc.map, &options).map_err(|e| e.in_dialog());
            dialog.size = Some((revision, options.clone(), size));
        }
        match dialog.size.as_ref().map(|(_, _, s)| s) {
            Some(Ok(size)) => ui.strong(size),
            Some(Err(e)) => ui.colored_label(ui.visuals().error_fg_color, e),
            None => ui.label(""),
        };
        let valid = matches!(dialog.size, Some((_, _, Ok(_))));
        crate::app::mirror::row(ui, |ui| {
            let label = t!("export-button", format = options.format.label());
            if ui.add_enabled(valid, egui::Button::new(label)).clicked() {
                action = Some(Action::Save(options.clone()));
            }
            if ui.add_enabled(valid, egui::Button::new(super::UiCommand::CopyImage.label())).clicked() {
                action = Some(Action::Copy(options.clone()));
            }
            if ui.button(t!("dialog-cancel")).clicked() {
                action = Some(Action::Close);
            }
        });
    });
    dialog.options = options;
    if action.is_none() && shown.should_close() { Some(Action::Close) } else { action }
}

fn options_ui(ui: &mut Ui, options: &mut ExportOptions, stage_count: usize) {
    crate::app::mirror::grid(
        ui,
        egui::Grid::new("export options").num_columns(2).spacing([12.0, 8.0]),
        |ui| {
            ui.label(t!("export-format"));
            crate::app::mirror::row(ui, |ui| {
                for format in Format::ALL {
                    let label = if format == Format::Slides {
                        t!("file-filter-slides")
                    } else {
                        format.label().to_owned()
                    };
                    if crate::app::mirror::radio(ui, options.format == format, label).clicked()
                        && options.format != format
                    {
                        // A scale left at one format's default follows to the other's.
                        if (options.scale - options.format.default_scale()).abs() < f32::EPSILON {
                            options.scale = format.default_scale();
                        }
                        // Paper sizes are for PDF only.
                        if format != Format::Pdf && options.fit.is_some_and(is_paper) {
                            options.fit = None;
                        }
                        // A deck's ratio is no size, nor a size a ratio.
                        if format == Format::Slides || options.format == Format::Slides {
                            options.fit = None;
                        }
                        options.format = format;
                    }
                }
            });
            ui.end_row();
            ui.label("");
            ui.weak(match options.format {
                Format::Png => t!("export-png-about"),
                Format::Svg => t!("export-svg-about"),
                Format::Pdf => t!("export-pdf-about"),
                Format::Slides => t!("export-slides-about"),
            });
            ui.end_row();

            ui.label(t!("export-view"));
            crate::app::mirror::row(ui, |ui| {
                if crate::app::mirror::radio(ui, options.view == View::Journey, t!("toolbar-journey"))
                    .clicked()
                {
                    options.view = View::Journey;
                }
                if crate::app::mirror::radio(ui, options.view.is_blueprint(), t!("toolbar-blueprint"))
                    .clicked()
                    && !options.view.is_blueprint()
                {
                    options.view = View::Blueprint { other_lanes: false };
                }
                if let View::Blueprint { other_lanes } = &mut options.view {
                    crate::app::mirror::checkbox(ui, other_lanes, t!("export-with-other-lanes"));
                }
            });
            ui.end_row();

            ui.label(t!("export-size"));
            if options.format == Format::Slides {
                // A deck's slides are 16:9, or 4:3 for older projectors.
                crate::app::mirror::row(ui, |ui| {
                    let mut standard = options.fit == Some(export::deck::STANDARD_RATIO);
                    crate::app::mirror::radio_value(ui, &mut standard, false, "16:9");
                    crate::app::mirror::radio_value(ui, &mut standard, true, "4:3");
                    options.fit = standard.then_some(export::deck::STANDARD_RATIO);
                });
                ui.end_row();
            } else {
                ui.vertical(|ui| {
                    let mut fit = options.fit.is_some();
                    let unit = if options.format == Format::Pdf {
                        t!("export-unit-points")
                    } else {
                        t!("export-unit-pixels")
                    };
                    let unit = format!(" {unit}");
                    crate::app::mirror::row(ui, |ui| {
                        crate::app::mirror::radio_value(ui, &mut fit, false, t!("export-scale"));
                        ui.add_enabled(
                            !fit,
                            egui::Slider::new(&mut options.scale, export::SCALE_RANGE)
                                .step_by(0.5)
                                .suffix("×"),
                        );
                    });
                    crate::app::mirror::row(ui, |ui| {
                        crate::app::mirror::radio_value(ui, &mut fit, true, t!("export-fit-to"));
                        let [mut w, mut h] = options.fit.unwrap_or([1920, 1080]);
                        ui.add_enabled(
                            fit,
                            egui::DragValue::new(&mut w).range(1..=20_000).suffix(unit.as_str()),
                        );
                        ui.label("×");
                        ui.add_enabled(
                            fit,
                            egui::DragValue::new(&mut h).range(1..=20_000).suffix(unit.as_str()),
                        );
                        options.fit = fit.then_some([w, h]);
                    });
                    crate::app::mirror::row(ui, |ui| {
                        let papers = export::pdf::PAPER.map(|(name, size)| (name, size));
                        let presets: &[(&str, [u32; 2])] = if options.format == Format::Pdf {
                            &papers
                        } else {
                            &[("16:9 HD", [1920, 1080]), ("16:9 4K", [3840, 2160])]
                        };
                        for (label, size) in presets {
                            let label = if options.format == Format::Pdf {
                                label.to_uppercase()
                            } else {
                                (*label).to_owned()
                            };
                            if ui.small_button(label).clicked() {
                                options.fit = Some(*size);
                            }
                        }
                    });
                });
                ui.end_row();
            }

            ui.label(t!("export-theme"));
            crate::app::mirror::row(ui, |ui| {
                for kind in ThemeKind::ALL {
                    crate::app::mirror::radio_value(ui, &mut options.theme, kind, theme_name(kind));
                }
            });
            ui.end_row();

            // A deck's stage slides are in large type, and slides are never transparent.
            if options.format != Format::Slides {
                ui.label(t!("export-type"));
                crate::app::mirror::checkbox(ui, &mut options.large_type, t!("export-large-type"));
                ui.end_row();
            }

            ui.label(t!("export-votes"));
            crate::app::mirror::checkbox(ui, &mut options.votes, t!("export-show-votes"));
            ui.end_row();

            if options.format != Format::Slides {
                ui.label(t!("export-background"));
                crate::app::mirror::checkbox(ui, &mut options.transparent, t!("export-transparent"));
                ui.end_row();
            }

            ui.label(t!("export-stages"));
            crate::app::mirror::row(ui, |ui| {
                let mut some = options.stages.is_some();
                crate::app::mirror::checkbox(ui, &mut some, t!("export-only"));
                let (mut a, mut b) = options.stages.unwrap_or((1, stage_count));
                ui.add_enabled(some, egui::DragValue::new(&mut a).range(1..=stage_count));
                ui.label(t!("export-to"));
                ui.add_enabled(some, egui::DragValue::new(&mut b).range(a..=stage_count));
                options.stages = some.then_some((a.min(b), b.max(a)));
            });
            ui.end_row();
        },
    );
}

/// A theme's name in the editor's language.
fn theme_name(kind: ThemeKind) -> String {
    match kind {
        ThemeKind::Light => t!("theme-light"),
        ThemeKind::Dark => t!("theme-dark"),
        ThemeKind::HighContrast => t!("theme-high-contrast"),
    }
}

/// Whether a fit box is one of the PDF paper sizes.
fn is_paper(size: [u32; 2]) -> bool {
    export::pdf::PAPER.iter().any(|(_, paper)| *paper == size)
}
