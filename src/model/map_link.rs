//! The one rule for what another map a map may point at and have an export turn into a live
//! link: a relative path to a map file (`.ron`) inside the map's own folder. A map may come from
//! someone else, so what its author typed into `opens` (`javascript:…`, `file:///etc/passwd`,
//! `https://…`, `\\host\share`) must never become something a reader's click follows.

use std::fmt;
use std::fmt::Write as _;

/// Why an `opens` may not become a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotInside {
    Empty,
    /// A scheme (`javascript:`, `https:`) or a drive (`C:`): anything with a colon.
    Scheme,
    /// `/…`, `\…` or `\\host\share`.
    Absolute,
    /// `..` leads above the map's folder.
    Climbs,
    ControlCharacter,
    /// It does not name a map file (`.ron`).
    NotAMap,
}

impl fmt::Display for NotInside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "is empty",
            Self::Scheme => "has a scheme or a drive (a colon)",
            Self::Absolute => "is an absolute path",
            Self::Climbs => "leads out of the map's folder",
            Self::ControlCharacter => "holds a control character",
            Self::NotAMap => "does not name a map file (.ron)",
        })
    }
}

/// `link` as a path inside the map's folder, its parts joined with `/` and `.` and `..` taken
/// away (`detail/../a.ron` is `a.ron`), or why it is not one.
pub fn inside_folder(link: &str) -> Result<String, NotInside> {
    if link.trim().is_empty() {
        return Err(NotInside::Empty);
    }
    // Browsers drop control characters and spaces around a URL; none belong in a file name here.
    if link.chars().any(|c| super::hidden::is_hidden(c) || matches!(c, '\u{200C}'..='\u{200F}')) {
        return Err(NotInside::ControlCharacter);
    }
    if link.contains(':') {
        return Err(NotInside::Scheme);
    }
    if link.starts_with(['/', '\\']) {
        return Err(NotInside::Absolute);
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in link.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(NotInside::Climbs);
                }
            }
            part => parts.push(part),
        }
    }
    let is_map = parts.last().is_some_and(|name| {
        name.len() > 4 && name.get(name.len() - 4..).is_some_and(|e| e.eq_ignore_ascii_case(".ron"))
    });
    if !is_map {
        return Err(NotInside::NotAMap);
    }
    Ok(parts.join("/"))
}

/// The relative URL of what `link` opens, exported beside this map with `extension`
/// (`detail/onboarding.ron` → `detail/onboarding.svg`), every byte outside letters, digits and
/// `-._~` percent-encoded, so a reader resolves it to a file next to the export and nothing else.
/// `None` when `link` may not become a link at all.
pub fn export_href(link: &str, extension: &str) -> Option<String> {
    let path = inside_folder(link).ok()?;
    let stem = &path[..path.len() - ".ron".len()];
    let mut href = String::with_capacity(path.len() + 8);
    for (i, part) in stem.split('/').enumerate() {
        if i > 0 {
            href.push('/');
        }
        for byte in part.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                href.push(char::from(byte));
            } else {
                let _ = write!(href, "%{byte:02X}");
            }
        }
    }
    href.push('.');
    href.push_str(extension);
    Some(href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_map_inside_the_folder_is_a_link() {
        assert_eq!(inside_folder("detail/onboarding.ron").as_deref(), Ok("detail/onboarding.ron"));
        assert_eq!(inside_folder("./a/../b\\c.RON").as_deref(), Ok("b/c.RON"));
        for (link, why) in [
            ("javascript:alert(1).ron", NotInside::Scheme),
            ("JaVaScRiPt:alert(document.domain)", NotInside::Scheme),
            ("file:///etc/passwd", NotInside::Scheme),
            ("https://example.org/a.ron", NotInside::Scheme),
            ("C:\\maps\\a.ron", NotInside::Scheme),
            ("\\\\host\\share\\a.ron", NotInside::Absolute),
            ("/etc/a.ron", NotInside::Absolute),
            ("../a.ron", NotInside::Climbs),
            ("a/../../a.ron", NotInside::Climbs),
            (" \tjavascript:x", NotInside::ControlCharacter),
            ("a\u{202E}nor.ron", NotInside::ControlCharacter),
            ("detail/onboarding.svg", NotInside::NotAMap),
            ("detail/", NotInside::NotAMap),
            (".ron", NotInside::NotAMap),
            ("  ", NotInside::Empty),
        ] {
            assert_eq!(inside_folder(link), Err(why), "{link:?}");
        }
    }

    #[test]
    fn hrefs_name_the_export_beside_and_escape_the_rest() {
        assert_eq!(export_href("detail/onboarding.ron", "svg").as_deref(), Some("detail/onboarding.svg"));
        assert_eq!(
            export_href("a b/%2e%2e/ünter#x?.ron", "pdf").as_deref(),
            Some("a%20b/%252e%252e/%C3%BCnter%23x%3F.pdf")
        );
        assert_eq!(export_href("javascript:alert(1)", "svg"), None);
    }
}
