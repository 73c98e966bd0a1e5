//! Pictures on cards and personas: PNG or JPEG files next to the map, named in it by a path
//! relative to the map's folder. A picture is read and shrunk once, so a 6000×4000 photo costs
//! what a thumbnail costs; the editor reads them off the UI thread ([`Library`]), exports read
//! them all before painting ([`Set`]).
//!
//! A picture that cannot be read never fails anything: it is drawn as a placeholder naming the
//! file, and `touchline check` warns about it.

mod library;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::ColorImage;

pub use library::Library;

use crate::model::Map;
use crate::render::pictures::{Pictures, Shown};

/// The largest side a picture is kept at: a card's thumbnail in a 3× export, or a card several
/// times its usual width on a large screen.
pub const MAX_SIDE: u32 = 640;

/// The smallest level kept: below this, the next level down would be too blurry for an avatar.
const MIN_SIDE: u32 = 48;

/// Files larger than this are not read at all: no PNG or JPEG a person would attach comes near.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Pictures with more pixels than this are refused before they are decoded.
const MAX_PIXELS: u64 = 100_000_000;

/// A picture whose decoded pixels take more than this is refused before it is decoded: the
/// pixels' real size counts (a 16-bit PNG takes 8 bytes a pixel, twice an ordinary one), so a
/// small file cannot ask for gigabytes.
const MAX_DECODED_BYTES: u64 = 400 * 1024 * 1024;

/// At most this much memory goes to pictures being decoded at once, across every thread (the
/// editor's workers, an export's readers): a decode waits until its pixels fit.
const MAX_DECODING_BYTES: u64 = 512 * 1024 * 1024;

/// Memory handed out to decodes in progress.
struct Budget {
    used: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

static DECODING: Budget = Budget { used: std::sync::Mutex::new(0), freed: std::sync::Condvar::new() };

/// Bytes of the budget held while a picture decodes; given back when dropped.
struct Reserved(u64);

impl Budget {
    /// Waits until `bytes` fit beside the decodes in progress (one decode alone always fits).
    fn reserve(&self, bytes: u64) -> Reserved {
        let mut used = self.used.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while *used > 0 && *used + bytes > MAX_DECODING_BYTES {
            used = self.freed.wait(used).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *used += bytes;
        Reserved(bytes)
    }
}

impl Drop for Reserved {
    fn drop(&mut self) {
        let mut used = DECODING.used.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *used = used.saturating_sub(self.0);
        DECODING.freed.notify_all();
    }
}

/// A picture, read and shrunk.
#[derive(Clone, Debug)]
pub struct Picture {
    /// The picture at halving sizes, largest first (at most [`MAX_SIDE`] a side): a painter picks
    /// the smallest that is at least as large as it draws, so a small thumbnail stays sharp
    /// without mipmaps.
    pub levels: Vec<Arc<ColorImage>>,
    /// The file's own size in pixels (after turning it upright).
    pub original: [u32; 2],
}

impl Picture {
    /// The size of the largest level.
    pub fn size(&self) -> [usize; 2] {
        self.levels.first().map_or([0, 0], |l| l.size)
    }

    /// Each level as a texture of `ctx`, and what a painter draws from while the handles live.
    pub fn upload(&self, ctx: &egui::Context, name: &str) -> (Shown, Vec<egui::TextureHandle>) {
        let textures: Vec<egui::TextureHandle> = self
            .levels
            .iter()
            .enumerate()
            .map(|(i, level)| {
                ctx.load_texture(
                    format!("picture {name} {i}"),
                    egui::ImageData::Color(Arc::clone(level)),
                    egui::TextureOptions::LINEAR,
                )
            })
            .collect();
        (Self::shown(&self.levels, &textures), textures)
    }

    /// What a painter draws from, for textures made from `levels`.
    fn shown(levels: &[Arc<ColorImage>], textures: &[egui::TextureHandle]) -> Shown {
        Shown::Ready(textures.iter().zip(levels).map(|(t, level)| (t.id(), level.size)).collect())
    }

    /// The bytes the levels take in memory.
    pub fn bytes(&self) -> usize {
        self.levels.iter().map(|l| l.pixels.len() * 4).sum()
    }
}

/// Why a picture could not be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("file not found")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(String),
    #[error("not a PNG or JPEG picture")]
    Format,
    #[error("the picture is {0}×{1} pixels, more than 100 megapixels")]
    TooLarge(u32, u32),
    #[error("the picture would take {0} MB to decode, more than 400 MB")]
    TooMuchMemory(u64),
    #[error("not a regular file (a folder, pipe or device)")]
    NotAFile,
    #[error(
        "outside the map's folder; not read unless allowed (--allow-outside-pictures, or Show in the editor)"
    )]
    Outside,
    #[error("the file is larger than 256 MB")]
    TooLargeFile,
    #[error("cannot decode: {0}")]
    Decode(String),
}

/// Which picture files a map may read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reach {
    /// Only files in the map's folder and below: a map from someone else cannot pull the user's
    /// other files into an export they then share.
    #[default]
    MapFolder,
    /// Any file the map names: `--allow-outside-pictures`, or the user agreed in the editor.
    Anywhere,
}

/// Whether the picture `image` of a map in `folder` lies outside that folder: an absolute path,
/// a path that climbs above the folder (`../../photos/me.jpg`), or a link inside the folder that
/// leads out of it.
pub fn outside(folder: Option<&Path>, image: &str) -> bool {
    use std::path::Component;
    let mut depth = 0_i32;
    for part in Path::new(image).components() {
        match part {
            Component::Prefix(_) | Component::RootDir => return true,
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
        }
        if depth < 0 {
            return true;
        }
    }
    // Within the folder by name; a link may still lead out of it.
    let folder = folder.unwrap_or(Path::new("."));
    match (std::fs::canonicalize(folder), std::fs::canonicalize(folder.join(image))) {
        (Ok(folder), Ok(file)) => !file.starts_with(folder),
        _ => false,
    }
}

/// Whether `reach` keeps the picture `image` of a map in `folder` out.
pub fn kept_out(folder: Option<&Path>, image: &str, reach: Reach) -> bool {
    reach == Reach::MapFolder && outside(folder, image)
}

/// Reads the picture `image` of a map in `folder`, unless `reach` keeps it out.
pub fn read(folder: Option<&Path>, image: &str, reach: Reach) -> Result<Picture, PictureError> {
    if kept_out(folder, image, reach) {
        return Err(PictureError::Outside);
    }
    load(&resolve(folder, image))
}

/// Whether the picture `image` can be shown, from its header alone, unless `reach` keeps it out.
pub fn probe_named(folder: Option<&Path>, image: &str, reach: Reach) -> Result<[u32; 2], PictureError> {
    if kept_out(folder, image, reach) {
        return Err(PictureError::Outside);
    }
    probe(&resolve(folder, image))
}

/// Where a picture named `image` in a map lives: relative paths are taken from the map's folder
/// (or the working folder for a map not saved yet).
pub fn resolve(folder: Option<&Path>, image: &str) -> PathBuf {
    let path = Path::new(image);
    match folder {
        Some(folder) if path.is_relative() => folder.join(path),
        _ => path.to_path_buf(),
    }
}

/// How a map names a picture file: relative to the map's folder where the file lies within
/// reach of it, with `/` between folders so the map reads the same on every system.
pub fn relative_name(folder: Option<&Path>, file: &Path) -> String {
    match folder.and_then(|folder| relative_path(folder, file)) {
        Some(relative) => {
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            parts.join("/")
        }
        None => file.to_string_lossy().into_owned(),
    }
}

/// `file` as a path from `folder` (with `..` steps), when both are absolute and share a root.
fn relative_path(folder: &Path, file: &Path) -> Option<PathBuf> {
    use std::path::Component;
    if !folder.is_absolute() || !file.is_absolute() {
        return None;
    }
    let folder: Vec<Component<'_>> = folder.components().collect();
    let file: Vec<Component<'_>> = file.components().collect();
    let shared = folder.iter().zip(&file).take_while(|(a, b)| a == b).count();
    // Only the root in common (another drive, or `/` alone): an absolute path says it better.
    if shared <= 1 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in shared..folder.len() {
        out.push("..");
    }
    for part in &file[shared..] {
        out.push(part);
    }
    Some(out)
}

/// A picture file's decoder, once the file is found to be a PNG or JPEG of an acceptable size.
fn decoder(path: &Path) -> Result<impl image::ImageDecoder, PictureError> {
    use image::ImageDecoder as _;
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::NotFound {
            PictureError::NotFound
        } else {
            PictureError::Io(e.to_string())
        }
    };
    // Only regular files, opened without waiting: a pipe would hang the reader, a device would
    // never end.
    let (file, metadata) =
        crate::file::open::open_regular(path, crate::file::open::Links::Follow).map_err(|e| match e {
            crate::file::open::OpenError::Io(e) => io(e),
            crate::file::open::OpenError::NotAFile => PictureError::NotAFile,
        })?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(PictureError::TooLargeFile);
    }
    let reader = image::ImageReader::new(std::io::BufReader::new(file)).with_guessed_format().map_err(io)?;
    if !matches!(reader.format(), Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)) {
        return Err(PictureError::Format);
    }
    // A file named .png holding something else fails here, at its signature.
    let mut decoder = reader.into_decoder().map_err(|_| PictureError::Format)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(PictureError::TooLarge(w, h));
    }
    if decoder.total_bytes() > MAX_DECODED_BYTES {
        return Err(PictureError::TooMuchMemory(decoder.total_bytes().div_ceil(1024 * 1024)));
    }
    // The decoder's own buffers are held to the same bound.
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    decoder.set_limits(limits).map_err(|e| PictureError::Decode(e.to_string()))?;
    Ok(decoder)
}

/// Whether a picture file can be shown, from its header alone (fast: nothing is decoded).
pub fn probe(path: &Path) -> Result<[u32; 2], PictureError> {
    use image::ImageDecoder as _;
    let (w, h) = decoder(path)?.dimensions();
    Ok([w, h])
}

/// Reads a picture file and shrinks it to at most [`MAX_SIDE`] a side.
pub fn load(path: &Path) -> Result<Picture, PictureError> {
    use image::ImageDecoder as _;
    let mut decoder = decoder(path)?;
    let _reserved = DECODING.reserve(decoder.total_bytes());
    // Photos from phones are stored sideways with a note saying which way is up.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut decoded =
        image::DynamicImage::from_decoder(decoder).map_err(|e| PictureError::Decode(e.to_string()))?;
    decoded.apply_orientation(orientation);
    // Shrunk in the decoded pixels' own format, so a big photo is never also copied whole as
    // 8-bit RGBA: only its thumbnail is.
    let original = [decoded.width(), decoded.height()];
    let largest = if decoded.width().max(decoded.height()) > MAX_SIDE {
        decoded.thumbnail(MAX_SIDE, MAX_SIDE)
    } else {
        decoded
    };
    Ok(shrink(&largest.into_rgba8(), original))
}

/// A picture's levels from its pixels at their largest kept size (`original`: the file's size).
fn shrink(full: &image::RgbaImage, original: [u32; 2]) -> Picture {
    let fit = |image: &image::RgbaImage, side: u32| {
        let (w, h) = image.dimensions();
        if w.max(h) <= side {
            return None;
        }
        let k = f64::from(side) / f64::from(w.max(h));
        let size = ((f64::from(w) * k).round().max(1.0) as u32, (f64::from(h) * k).round().max(1.0) as u32);
        Some(image::imageops::thumbnail(image, size.0, size.1))
    };
    let largest = fit(full, MAX_SIDE).unwrap_or_else(|| full.clone());
    let mut levels = vec![largest];
    while let Some(last) = levels.last() {
        let side = last.width().max(last.height());
        if side / 2 < MIN_SIDE {
            break;
        }
        match fit(last, side / 2) {
            Some(next) => levels.push(next),
            None => break,
        }
    }
    let levels = levels
        .into_iter()
        .map(|l| {
            let size = [l.width() as usize, l.height() as usize];
            Arc::new(ColorImage::from_rgba_unmultiplied(size, l.as_raw()))
        })
        .collect();
    Picture { levels, original }
}

/// The pictures a map names, in the order they are first named: each card's, then each
/// persona's, each path once.
pub fn named(map: &Map) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    map.cards
        .iter()
        .filter_map(|c| c.image.as_deref())
        .chain(map.personas.iter().filter_map(|p| p.image.as_deref()))
        .filter(|name| seen.insert(*name))
        .collect()
}

/// The folder a map's pictures are found from: the map file's own.
pub fn folder_of(map_file: &Path) -> Option<&Path> {
    map_file.parent().filter(|p| !p.as_os_str().is_empty())
}

/// A card or persona whose picture cannot be shown.
#[derive(Debug)]
pub struct Unshown<'m> {
    pub kind: &'static str,
    pub id: &'m str,
    /// The card's title or the persona's name.
    pub title: &'m str,
    pub image: &'m str,
    pub problem: PictureError,
}

impl std::fmt::Display for Unshown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self { kind, id, title, image, problem } = self;
        write!(f, "{kind} {id:?} ({title:?}): picture {image:?}: {problem}")
    }
}

/// A warning about `unshown` for a person reading the map file at `map_file` (whose text is
/// `text`): it names the file and the item's line, as errors do.
pub fn warning(map_file: &Path, text: &str, unshown: &Unshown<'_>) -> String {
    // Items are written one per line: point at the item's.
    let needle = format!("id: {:?}", unshown.id);
    let line = text.lines().position(|l| l.contains(&needle) && l.contains("image:"));
    let place =
        line.map_or_else(|| map_file.display().to_string(), |l| format!("{}:{}", map_file.display(), l + 1));
    format!("{place}: warning: {unshown}; it is drawn as a placeholder")
}

/// The warnings about `unshown` pictures of the map file `map_file`; the file is read again for
/// the items' lines only when there is something to say.
pub fn warnings(map_file: &Path, unshown: &[Unshown<'_>]) -> Vec<String> {
    if unshown.is_empty() {
        return Vec::new();
    }
    let text = std::fs::read_to_string(map_file).unwrap_or_default();
    unshown.iter().map(|u| warning(map_file, &text, u)).collect()
}

/// Each card and persona whose picture cannot be shown, by `problem` (why a picture, by its
/// name, cannot be shown, if it cannot).
pub fn unshown(map: &Map, problem: impl Fn(&str) -> Option<PictureError>) -> Vec<Unshown<'_>> {
    let cards =
        map.cards.iter().filter_map(|c| Some(("card", c.id.as_str(), c.title.as_str(), c.image.as_deref()?)));
    let personas = map
        .personas
        .iter()
        .filter_map(|p| Some(("persona", p.id.as_str(), p.name.as_str(), p.image.as_deref()?)));
    cards
        .chain(personas)
        .filter_map(|(kind, id, title, image)| {
            Some(Unshown { kind, id, title, image, problem: problem(image)? })
        })
        .collect()
}

/// Every picture a map names, read (or why it could not be): what an export paints from.
#[derive(Clone, Debug, Default)]
pub struct Set {
    pub pictures: HashMap<String, Result<Picture, PictureError>>,
}

impl Set {
    /// Reads every picture `map` names, from `folder` (the map's), a few at a time.
    pub fn load(map: &Map, folder: Option<&Path>, reach: Reach) -> Self {
        Self::load_names(&named(map), folder, reach)
    }

    /// Reads the pictures named `names`, from `folder`, a few at a time.
    pub fn load_names(names: &[&str], folder: Option<&Path>, reach: Reach) -> Self {
        let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get).clamp(1, 4);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let results = std::sync::Mutex::new(HashMap::new());
        std::thread::scope(|scope| {
            for _ in 0..workers.min(names.len()) {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(name) = names.get(i) else { break };
                        let picture = read(folder, name, reach);
                        if let Ok(mut results) = results.lock() {
                            results.insert((*name).to_owned(), picture);
                        }
                    }
                });
            }
        });
        Self { pictures: results.into_inner().unwrap_or_default() }
    }

    /// The pictures as textures of `ctx`: what a painter draws from, and the handles that keep
    /// the textures alive while it does.
    pub fn upload(&self, ctx: &egui::Context) -> (Pictures, Vec<egui::TextureHandle>) {
        let mut handles = Vec::new();
        let mut shown = HashMap::new();
        for (name, picture) in &self.pictures {
            let entry = match picture {
                Ok(picture) => {
                    let (entry, textures) = picture.upload(ctx, name);
                    handles.extend(textures);
                    entry
                }
                Err(error) => Shown::Missing(error.to_string()),
            };
            shown.insert(name.clone(), entry);
        }
        (Pictures(shown), handles)
    }

    /// The pictures for a painting no GPU draws (SVG, PDF): each largest level under an id of
    /// its own, with the pixels a writer embeds by that id.
    pub fn for_vectors(&self) -> (Pictures, HashMap<egui::TextureId, Arc<ColorImage>>) {
        let mut images = HashMap::new();
        let mut shown = HashMap::new();
        for (k, (name, picture)) in self.pictures.iter().enumerate() {
            let entry = match picture.as_ref().map(|p| p.levels.first()) {
                Ok(Some(level)) => {
                    let id = egui::TextureId::User(k as u64);
                    images.insert(id, Arc::clone(level));
                    Shown::Ready(vec![(id, level.size)])
                }
                Ok(None) => Shown::Missing(PictureError::Format.to_string()),
                Err(error) => Shown::Missing(error.to_string()),
            };
            shown.insert(name.clone(), entry);
        }
        (Pictures(shown), images)
    }

    /// Why the picture `name` cannot be shown, if it was read and cannot.
    pub fn problem(&self, name: &str) -> Option<PictureError> {
        self.pictures.get(name).and_then(|p| p.as_ref().err().cloned())
    }
}

#[cfg(test)]
mod tests;
