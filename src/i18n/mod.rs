//! The editor's words in its users' languages: English, Bahasa Indonesia, Arabic, Thai and
//! German, from Project Fluent message files (`assets/locales/*.ftl`, built into the binary).
//!
//! Every text the editor shows comes from [`t!`](crate::t): `t!("menu-file")`, or with
//! variables, `t!("status-cards", count = n)`. The language is the UI thread's (a thread-local,
//! so that tests running side by side can each speak their own); the command line and the
//! exports never ask for it and stay in English.
//!
//! Arabic reads right to left, and egui lays every row out left to right: a message in a
//! right-to-left language is handed out already in visual order ([`crate::text::visual_line`]),
//! its long lines broken beforehand, so that egui's widgets draw it as an Arabic reader reads it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

mod locale;

pub use locale::system_language;

/// A language the editor speaks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, strum::EnumIter,
)]
pub enum Language {
    #[default]
    English,
    Indonesian,
    Arabic,
    Thai,
    German,
}

impl Language {
    /// Every language, in the order the Language menu lists them.
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// The language's own name for itself, as the Language menu shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Indonesian => "Bahasa Indonesia",
            Self::Arabic => "العربية",
            Self::Thai => "ไทย",
            Self::German => "Deutsch",
        }
    }

    /// The language's ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Indonesian => "id",
            Self::Arabic => "ar",
            Self::Thai => "th",
            Self::German => "de",
        }
    }

    /// The language with this ISO 639 code (`ar`, `ar-SA`, `ar_SA.UTF-8` all give Arabic).
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        // Indonesian's old code `in` is still what some systems report.
        let primary = if primary == "in" { "id".to_owned() } else { primary };
        Self::all().find(|l| l.code() == primary)
    }

    pub fn is_rtl(self) -> bool {
        self == Self::Arabic
    }

    /// The message file, built into the binary.
    pub fn source(self) -> &'static str {
        match self {
            Self::English => include_str!("../../assets/locales/en.ftl"),
            Self::Indonesian => include_str!("../../assets/locales/id.ftl"),
            Self::Arabic => include_str!("../../assets/locales/ar.ftl"),
            Self::Thai => include_str!("../../assets/locales/th.ftl"),
            Self::German => include_str!("../../assets/locales/de.ftl"),
        }
    }
}

/// What a message's variable holds.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "counts shown to people")]
            fn from(n: $t) -> Self {
                Self::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i32, i64, f32, f64);

/// A message in the UI thread's language: `t!("id")` or `t!("id", name = value, ...)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// A message in logical order, as written, even in a right-to-left language: for text that is
/// kept and later shown inside another message (an undo step's name inside "Undo …", what a
/// vote is on inside its headline), which puts the whole in visual order once.
#[macro_export]
macro_rules! tl {
    ($id:literal) => {
        $crate::i18n::logical_text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::logical_text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// The marks a pseudo-localised message is wrapped in (see [`set_pseudo`]).
pub const PSEUDO_OPEN: char = '‹';
pub const PSEUDO_CLOSE: char = '›';

thread_local! {
    static LANGUAGE: Cell<Language> = const { Cell::new(Language::English) };
    static PSEUDO: Cell<bool> = const { Cell::new(false) };
    static CATALOGS: RefCell<HashMap<Language, Rc<Catalog>>> = RefCell::new(HashMap::new());
    static SHOWN: RefCell<Shown> = RefCell::new(Shown::default());
}

/// The language this thread's messages are in.
pub fn language() -> Language {
    LANGUAGE.with(Cell::get)
}

/// Sets the language of this thread's messages.
pub fn set_language(language: Language) {
    LANGUAGE.with(|l| l.set(language));
}

/// Whether the interface is mirrored: the language reads right to left.
pub fn is_rtl() -> bool {
    language().is_rtl()
}

/// Wraps every message in [`PSEUDO_OPEN`] and [`PSEUDO_CLOSE`], so that a test can tell the
/// texts that come from the message files from those that do not.
#[doc(hidden)]
pub fn set_pseudo(on: bool) {
    PSEUDO.with(|p| p.set(on));
}

/// A message without variables.
pub fn text(id: &str) -> String {
    shown(id, &[])
}

/// A message with variables.
pub fn text_with(id: &str, args: &[(&str, Arg)]) -> String {
    shown(id, args)
}

/// Messages as shown, by language, marks, id and variables: a frame asks for the same few
/// dozen texts as the last, and formatting (and, in Arabic, ordering) each again would cost a
/// frame tens of microseconds.
#[derive(Default)]
struct Shown {
    texts: HashMap<String, Rc<str>>,
}

impl Shown {
    /// Texts kept before the cache starts afresh (counts and names change; most do not).
    const LIMIT: usize = 2_000;
}

fn shown(id: &str, args: &[(&str, Arg)]) -> String {
    use std::fmt::Write as _;
    let mut key = format!("{:?}{}{id}", language(), PSEUDO.with(Cell::get));
    for (name, value) in args {
        let _ = write!(key, "\u{1f}{name}={value:?}");
    }
    if let Some(text) = SHOWN.with(|s| s.borrow().texts.get(&key).cloned()) {
        return text.to_string();
    }
    let text = if args.is_empty() { format(id, None) } else { format(id, Some(&fluent_args(args))) };
    SHOWN.with(|s| {
        let mut shown = s.borrow_mut();
        if shown.texts.len() >= Shown::LIMIT {
            shown.texts.clear();
        }
        shown.texts.insert(key, text.as_str().into());
    });
    text
}

/// A message in logical order (see [`tl!`](crate::tl)).
pub fn logical_text(id: &str, args: &[(&str, Arg)]) -> String {
    marked(lookup_in(language(), id, Some(&fluent_args(args))))
}

/// `text` in the pseudo-locale's marks, when they are on.
fn marked(text: String) -> String {
    if PSEUDO.with(Cell::get) { format!("{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}") } else { text }
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    fluent
}

/// The message in `language`, else in English, else its id.
fn lookup_in(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    catalog(language)
        .format(id, args)
        .or_else(|| {
            (language != Language::English).then(|| catalog(Language::English).format(id, args)).flatten()
        })
        .unwrap_or_else(|| id.to_owned())
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    let language = language();
    let text = lookup_in(language, id, args);
    marked(if language.is_rtl() { crate::text::visual_lines(&text, RTL_LINE_CHARS) } else { text })
}

/// Pieces of one row joined by `separator` in reading order: in a right-to-left language the
/// pieces (each in visual order already) are laid from the right, so the first stands rightmost.
pub fn join(pieces: &[String], separator: &str) -> String {
    if is_rtl() {
        pieces.iter().rev().map(String::as_str).collect::<Vec<_>>().join(separator)
    } else {
        pieces.join(separator)
    }
}

/// The messages whose ids start with `prefix`, in `language` as written (logical order, for a
/// browser to lay out), each variable left as `{name}` for the page to fill in. The room's page
/// asks for these in its participant's language.
pub fn page_words(language: Language, prefix: &str) -> Vec<(String, String)> {
    const NAMES: [&str; 7] = ["on", "left", "budget", "count", "title", "name", "status"];
    let mut args = FluentArgs::with_capacity(NAMES.len());
    for name in NAMES {
        args.set(name, FluentValue::from(format!("{{{name}}}")));
    }
    let ids = Language::English
        .source()
        .lines()
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
        .filter(|id| id.starts_with(prefix) && !id.starts_with(char::is_whitespace));
    ids.map(|id| (id.to_owned(), lookup_in(language, id, Some(&args)))).collect()
}

/// The first language of an HTTP `Accept-Language` header that the editor speaks (the header
/// lists them in the browser's order of preference).
pub fn from_accept_language(header: &str) -> Option<Language> {
    header
        .split(',')
        .filter_map(|part| part.split(';').next())
        .find_map(|tag| Language::from_code(tag.trim()))
}

/// A message on one row, where it must not wrap (a status bar): a right-to-left message's rows,
/// broken for wrapping, put back side by side (the first at the right).
pub fn one_line(text: &str) -> String {
    join(&text.lines().map(str::to_owned).collect::<Vec<_>>(), " ")
}

/// Where a right-to-left message's long lines are broken: egui would wrap a line in visual order
/// from its wrong end, so lines are kept short enough that panels and tooltips need not wrap them.
const RTL_LINE_CHARS: usize = 48;

fn catalog(language: Language) -> Rc<Catalog> {
    CATALOGS.with(|catalogs| {
        catalogs.borrow_mut().entry(language).or_insert_with(|| Rc::new(Catalog::new(language))).clone()
    })
}

/// One language's messages (what is shown is kept by [`Shown`]).
struct Catalog {
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    fn new(language: Language) -> Self {
        let id: unic_langid::LanguageIdentifier = language.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // egui draws no isolation marks; right-to-left rows are ordered by `text::visual_lines`.
        bundle.set_use_isolating(false);
        // A file that does not parse keeps the messages that did (the tests hold every file to
        // parsing whole); the rest fall back to English.
        let resource =
            FluentResource::try_new(language.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        Self { bundle }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(self.bundle.format_pattern(pattern, args, &mut errors).into_owned())
    }
}

#[cfg(test)]
mod tests;
