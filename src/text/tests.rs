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
    galley
        .job
        .text
        .split('\n')
        .map(|row| row.trim_start_matches(['\u{200e}', '\u{200f}']).to_owned())
        .collect()
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
fn each_piece_is_shaped_apart_so_punctuation_keeps_its_side() {
    let ctx = ctx();
    let galley = no_wrap(&ctx, "بسرعة كافية، فتبحث", font(), Color32::WHITE);
    assert_eq!(rows(&galley), ["فتبحث ،كافية بسرعة"]);
    let job = &galley.job;
    let comma =
        job.sections.iter().find(|s| job.text[s.byte_range.start.0..s.byte_range.end.0].contains('،'));
    let comma = comma.map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0]);
    // Merged with the word beside it, the shaper would turn the two around together.
    assert_eq!(comma, Some("،"));
}

#[test]
fn each_row_reads_back_in_logical_order() {
    let ctx = ctx();
    for text in [
        "قراءة التقييمات على G2 و Capterra",
        "NPS 42 مع Zoom Phone",
        "(مرحبا) 2024",
        "العدد ١٢٣ في 2024",
        "بسرعة كافية، فتبحث",
        "Rina: يبحث العميل",
    ] {
        let galley = no_wrap(&ctx, text, font(), Color32::WHITE);
        let (direction, logical) = row_text(&galley, 0).unwrap();
        assert_eq!(logical, text);
        assert_eq!(direction, super::direction(text));
    }
    let english = no_wrap(&ctx, "Customer calls sales", font(), Color32::WHITE);
    assert!(row_text(&english, 0).is_none(), "epaint's own rows are logical already");
    let wrapped =
        layout(&ctx, "يبحث العميل عن نظام هاتف جديد لأن العملاء لا يستطيعون", font(), Color32::WHITE, 120.0);
    let rows: Vec<String> = (0..wrapped.rows.len()).map(|i| row_text(&wrapped, i).unwrap().1).collect();
    assert_eq!(rows.join(" "), "يبحث العميل عن نظام هاتف جديد لأن العملاء لا يستطيعون");
}

#[test]
fn a_visual_row_has_one_glyph_per_character_at_its_piece() {
    let ctx = ctx();
    let galley = no_wrap(&ctx, "قراءة التقييمات على G2", font(), Color32::WHITE);
    let row = &galley.rows[0];
    let line = galley.job.text.split('\n').next().unwrap();
    assert_eq!(row.row.glyphs.len(), line.chars().count());
    // "G2" is drawn first, on the left; the first Arabic word last, on the right.
    let x_of = |c: char| row.row.glyphs.iter().find(|g| g.chr == c).unwrap().pos.x;
    assert!(x_of('G') < x_of('ع') && x_of('ع') < x_of('ق'));
    let ends = row.row.glyphs.last().map(|g| g.pos.x + g.advance_width).unwrap();
    assert!((ends - row.row.size.x).abs() < 1.0, "pieces fill the row: {ends} vs {}", row.row.size.x);
}

#[test]
fn a_left_to_right_piece_of_a_visual_row_keeps_each_glyph_where_it_is_drawn() {
    // The exports place each font's piece of a run at its first character's glyph: a narrow
    // "i" and a wide "W" must not be spread evenly over the piece.
    let ctx = ctx();
    let galley = no_wrap(&ctx, "iiii WWWW قراءة", font(), Color32::WHITE);
    let glyphs = &galley.rows[0].row.glyphs;
    let width_of = |c: char| glyphs.iter().find(|g| g.chr == c).unwrap().advance_width;
    assert!(width_of('W') > 2.0 * width_of('i'), "{} vs {}", width_of('W'), width_of('i'));
    let x_of = |c: char| glyphs.iter().find(|g| g.chr == c).unwrap().pos.x;
    assert!((x_of('W') - 4.0 * width_of('i') - width_of(' ')).abs() < 0.5);
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
fn thai_wraps_between_words() {
    let ctx = ctx();
    let text = "ค้นหาวิธีติดต่อแบรนด์ในแอปและบนเว็บไซต์";
    let words = ["ค้นหา", "วิธี", "ติดต่อ", "แบรนด์", "ใน", "แอป", "และ", "บน", "เว็บไซต์"];
    for width in [60.0, 90.0, 140.0, 200.0] {
        let galley = layout(&ctx, text, font(), Color32::WHITE, width);
        let rows: Vec<String> = (0..galley.rows.len()).map(|i| row_text(&galley, i).unwrap().1).collect();
        assert!(rows.len() > 1, "{width}: wraps");
        assert_eq!(rows.concat(), text, "{width}: nothing lost");
        for row in &rows {
            // Every row is whole words.
            let mut rest = row.as_str();
            while let Some(word) = words.iter().find(|w| rest.starts_with(*w)) {
                rest = &rest[word.len()..];
            }
            assert!(rest.is_empty(), "{width}: {row:?} cuts a word ({rows:?})");
        }
    }
    // Thai with a wrap width is wrapped here, whatever the width; without one it is left to epaint.
    assert!(row_text(&layout(&ctx, "ลูกค้า", font(), Color32::WHITE, 400.0), 0).is_some());
    assert!(
        row_text(&no_wrap(&ctx, "ลูกค้า", font(), Color32::WHITE), 0).is_none(),
        "unwrapped Thai needs no help"
    );
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

#[test]
fn a_very_long_text_is_drawn_up_to_a_bound_with_an_ellipsis() {
    let ctx = ctx();
    let long: String = "قراءة التقييمات على موقع ".repeat(20_000);
    let mut shown = None;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        shown = Some(layout(ui.ctx(), &long, FontId::proportional(14.0), Color32::WHITE, 300.0));
    });
    output.textures_delta.clear();
    let galley = shown.unwrap();
    let characters = galley.job.text.chars().filter(|c| !matches!(c, '\u{200e}' | '\u{200f}')).count();
    assert!(characters <= MAX_SHOWN_CHARS + 1 + galley.rows.len(), "{characters}");
    assert!(galley.job.text.contains('…'));
    assert_eq!(shown_part("short"), "short");
}

#[test]
fn visual_lines_break_long_rows_between_words_and_order_each_row() {
    // Rows break at spaces, never inside a character, however many bytes each takes.
    let text = "انقر مرتين للتحرير · اسحب للنقل · Alt+سحب للربط · اسحب بالزر الأيمن";
    let out = super::visual_lines(text, 20);
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows.len() > 2, "{rows:?}");
    for row in &rows {
        assert!(row.chars().count() <= 24, "{row}");
    }
    // Each row is in visual order: the first word of the text ends the first row.
    assert!(rows[0].ends_with("انقر"), "{}", rows[0]);
    // Ordering a row twice gives it back (the visual order of a visual row is the logical one).
    let one = "فتح الخريطة";
    assert_eq!(super::visual_lines(one, 48), "الخريطة فتح");
    // Latin text is left alone.
    assert_eq!(super::visual_lines("Open map · 5 cards", 5), "Open map · 5 cards");
    // Digits keep their order inside a right-to-left row, which puts them at its left end.
    assert_eq!(super::visual_lines("5 بطاقات", 48), "بطاقات 5");
    // A word and the Arabic comma after it stay one run for the shaper, in logical order.
    assert_eq!(super::visual_lines("نعم، لا", 48), "لا نعم،");
}
