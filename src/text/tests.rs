use super::*;

fn ctx() -> egui::Context {
    let ctx = egui::Context::default();
    crate::fonts::install(&ctx);
    // Fonts are ready after the first frame.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    ctx
}

fn font() -> FontId {
    FontId::proportional(14.0)
}

/// The text of each row of a galley, in the order it was handed to the shaper: left to right,
/// but each Arabic word in logical order (the shaper lays its letters right to left).
fn rows(galley: &Galley) -> Vec<String> {
    galley.job.text.split('\n').map(str::to_owned).collect()
}

#[test]
fn direction_comes_from_the_first_strong_character() {
    assert_eq!(direction("يبحث العميل عن نظام هاتف"), Direction::RightToLeft);
    assert_eq!(direction("Customer calls sales"), Direction::LeftToRight);
    assert_eq!(direction("NPS 42 مع Zoom"), Direction::LeftToRight);
    assert_eq!(direction("42 مع Zoom"), Direction::RightToLeft);
    assert_eq!(direction("שלום world"), Direction::RightToLeft);
    assert_eq!(direction("ลูกค้าติดต่อ"), Direction::LeftToRight);
    assert_eq!(direction("42 · 7 % 😀"), Direction::Neutral);
    assert_eq!(direction(""), Direction::Neutral);
    // Only the first paragraph decides.
    assert_eq!(direction("Notes\nملاحظات"), Direction::LeftToRight);
}

#[test]
fn left_to_right_text_is_laid_out_by_epaint_alone() {
    let ctx = ctx();
    let job = LayoutJob::simple("Customer calls sales".into(), font(), Color32::WHITE, 80.0);
    let ours = galley(&ctx, job.clone());
    let theirs = ctx.fonts_mut(|f| f.layout_job(job));
    assert!(Arc::ptr_eq(&ours, &theirs), "the same cached galley");
}

#[test]
fn a_right_to_left_row_reads_in_visual_order() {
    let ctx = ctx();
    let galley = no_wrap(&ctx, "قراءة التقييمات على G2 و Capterra", font(), Color32::WHITE);
    // From the left: the Latin words keep their own order, the Arabic words are turned around
    // (each word's letters stay in logical order: the shaper lays them right to left).
    assert_eq!(rows(&galley), ["Capterra و G2 على التقييمات قراءة"]);
    let mixed = no_wrap(&ctx, "NPS 42 مع Zoom Phone", font(), Color32::WHITE);
    assert_eq!(rows(&mixed), ["NPS 42 مع Zoom Phone"], "a left-to-right paragraph with one Arabic word");
    let two = no_wrap(&ctx, "Rina: يبحث العميل", font(), Color32::WHITE);
    assert_eq!(rows(&two), ["Rina: العميل يبحث"]);
}

#[test]
fn brackets_mirror_and_numbers_keep_their_order() {
    let ctx = ctx();
    let galley = no_wrap(&ctx, "(مرحبا) 2024", font(), Color32::WHITE);
    assert_eq!(rows(&galley), ["2024 (مرحبا)"]);
    let digits = no_wrap(&ctx, "العدد ١٢٣", font(), Color32::WHITE);
    // The Arabic-Indic digits are handed over back to front: the shaper turns them again.
    assert_eq!(rows(&digits), ["٣٢١ العدد"]);
}

#[test]
fn right_to_left_paragraphs_align_right_within_the_wrap_width() {
    let ctx = ctx();
    let width = 300.0;
    let arabic = layout(&ctx, "يبحث العميل عن نظام هاتف جديد", font(), Color32::WHITE, width);
    let row = arabic.rows[0].rect();
    assert!((row.right() - width).abs() < 1.0, "right edge at the wrap width: {row:?}");
    assert!(row.left() > 50.0, "not pinned to the left: {row:?}");
    assert!((arabic.rect.right() - width).abs() < 1.0, "the galley spans the width");
    assert!(arabic.rect.left().abs() < 0.5 && (arabic.size().x - width).abs() < 1.0, "{:?}", arabic.rect);
    let english = layout(&ctx, "Customer calls sales", font(), Color32::WHITE, width);
    assert!(english.rows[0].rect().left().abs() < 0.5);
    // Paragraph by paragraph: an English note under an Arabic title keeps to the left.
    let both = layout(&ctx, "ملاحظات العميل\nCustomer notes", font(), Color32::WHITE, width);
    assert!((both.rows[0].rect().right() - width).abs() < 1.0);
    assert!(both.rows[1].rect().left().abs() < 0.5);
}

#[test]
fn a_wrapped_right_to_left_paragraph_starts_on_the_top_row() {
    let ctx = ctx();
    let text = "يبحث العميل عن نظام هاتف جديد لأن العملاء لا يستطيعون الوصول إلى الفريق بسرعة كافية";
    let galley = layout(&ctx, text, font(), Color32::WHITE, 160.0);
    let rows = rows(&galley);
    assert!(rows.len() >= 3, "{rows:?}");
    assert!(rows[0].ends_with("يبحث"), "the first word at the right end of the top row: {rows:?}");
    assert!(rows.last().is_some_and(|r| r.starts_with("كافية")), "{rows:?}");
    for row in &galley.rows {
        assert!((row.rect().right() - 160.0).abs() < 1.0, "every row flush right: {:?}", row.rect());
    }
    // Same height as the logical layout the card was measured with.
    let logical = ctx.fonts_mut(|f| f.layout(text.into(), font(), Color32::WHITE, 160.0));
    assert_eq!(galley.rows.len(), logical.rows.len());
    assert!((galley.size().y - logical.size().y).abs() < 0.5);
}

#[test]
fn an_elided_right_to_left_row_ends_on_the_left() {
    let ctx = ctx();
    let mut job = LayoutJob::simple(
        "يبحث العميل عن نظام هاتف جديد لأن العملاء لا يستطيعون الوصول".into(),
        font(),
        Color32::WHITE,
        120.0,
    );
    job.wrap.max_rows = 1;
    job.wrap.overflow_character = Some('…');
    let galley = galley(&ctx, job);
    let rows = rows(&galley);
    assert_eq!(rows.len(), 1);
    assert!(rows[0].starts_with('…') && rows[0].ends_with("يبحث"), "{rows:?}");
}
