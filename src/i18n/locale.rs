//! The system's language, for the editor's first start (after that, View → Language decides).

use super::Language;

/// The language the system asks for, if the editor speaks it: on Linux the first of
/// `LANGUAGE`'s list, then `LC_ALL`, `LC_MESSAGES` and `LANG`; on macOS and Windows the user's
/// setting.
pub fn system_language() -> Option<Language> {
    from_environment(|name| std::env::var(name).ok())
        .or_else(|| sys_locale::get_locales().find_map(|code| Language::from_code(&code)))
}

/// The language the POSIX variables ask for. `LANGUAGE` is a list in order of preference
/// (`ar:en`); the first of the others that is set decides, and `C` or `POSIX` means English.
fn from_environment(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
    if let Some(list) = var("LANGUAGE")
        && let Some(language) = list.split(':').find_map(Language::from_code)
    {
        return Some(language);
    }
    let value =
        ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|name| var(name).filter(|v| !v.is_empty()))?;
    if value == "C" || value == "POSIX" || value.starts_with("C.") {
        return Some(Language::English);
    }
    Language::from_code(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn the_posix_variables_name_the_language() {
        assert_eq!(from_environment(env(&[("LANG", "ar_SA.UTF-8")])), Some(Language::Arabic));
        assert_eq!(from_environment(env(&[("LANG", "th_TH.UTF-8")])), Some(Language::Thai));
        assert_eq!(
            from_environment(env(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "id_ID.UTF-8")])),
            Some(Language::Indonesian)
        );
        assert_eq!(from_environment(env(&[("LANG", "de_DE@euro")])), Some(Language::German));
        assert_eq!(from_environment(env(&[("LANGUAGE", "fr:th"), ("LANG", "de_DE")])), Some(Language::Thai));
        assert_eq!(from_environment(env(&[("LANG", "C.UTF-8")])), Some(Language::English));
        assert_eq!(from_environment(env(&[("LANG", "in_ID")])), Some(Language::Indonesian));
        // A language the editor does not speak leaves the choice to the caller.
        assert_eq!(from_environment(env(&[("LANG", "fr_FR.UTF-8")])), None);
        assert_eq!(from_environment(env(&[])), None);
    }
}
