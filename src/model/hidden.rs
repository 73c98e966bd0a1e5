//! Characters that change how text reads without being seen, or that no text should hold: control
//! characters, bidi overrides, embeddings and isolates (U+202E turns the rest of a line around),
//! zero-width spaces and invisible operators, the byte-order mark, tag characters and
//! noncharacters (U+FFFE). Joiners (U+200C, U+200D: emoji sequences, Persian words) and the
//! weak direction marks stay. What a stranger types
//! (a note from a phone, a file name in CI output, a link in a map) is cleaned of them or shows
//! them escaped; Arabic and Thai letters and their marks are not among them.

/// Whether `c` is such a character. Line feeds count: callers that keep lines say so.
pub fn is_hidden(c: char) -> bool {
    let code = u32::from(c);
    c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}'
        )
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// `text` without hidden characters; with `keep_lines`, line feeds stay (a note's lines) and
/// other line breaks become line feeds.
pub fn without_hidden(text: &str, keep_lines: bool) -> String {
    let text = if keep_lines { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() };
    text.chars().filter(|c| (keep_lines && *c == '\n') || !is_hidden(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_noncharacters_go_and_letters_stay() {
        assert_eq!(without_hidden("ab\u{202E}cd\u{FFFE}\u{0}", false), "abcd");
        assert_eq!(without_hidden("Zeile 1\r\nZeile 2\u{2067}", true), "Zeile 1\nZeile 2");
        let letters = "ร้านกาแฟ قهوة Kaffee ☕ 👩🏽‍💻 می‌خواهم";
        assert_eq!(without_hidden(letters, false), letters);
        assert!(is_hidden('\u{10FFFF}') && is_hidden('\u{FDD0}') && !is_hidden('ั'));
    }
}
