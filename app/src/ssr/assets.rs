//! The built site's static files (stylesheet, browser bundle, fonts, icon),
//! read once at start-up and served from memory.
//!
//! `scripts/build` names every file after a hash of its content and writes
//! a manifest beside them, one per build profile, so a debug server can
//! never load a release bundle or the other way round, and a browser can
//! keep a file for ever: a new build is a new name. Release builds also
//! leave brotli and gzip copies, served to browsers that accept them.
//! Without a manifest (under `cargo leptos watch`) the files keep their
//! plain names and are read from disk at each request, so a rebuilt
//! stylesheet shows without a restart, and revalidated on every use.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
};

use axum::body::Bytes;
use serde::Deserialize;

/// The manifest `scripts/build` writes for a server built like this one.
pub const MANIFEST: &str = if cfg!(debug_assertions) { "assets-debug.json" } else { "assets-release.json" };

#[derive(Debug, Deserialize)]
struct Manifest {
    /// The name the browser bundle's `.js` and `.wasm` share, hash included.
    bundle: String,
    stylesheet: String,
    icon: String,
    /// Every file to serve, relative to the site root.
    files: Vec<String>,
}

/// How long browsers may keep a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// Content-hashed name: never changes.
    Immutable,
    /// Plain name: ask again each time.
    Revalidate,
}

impl Caching {
    pub fn header(self) -> &'static str {
        match self {
            Caching::Immutable => "public, max-age=31536000, immutable",
            Caching::Revalidate => "no-cache",
        }
    }
}

/// One file, with its precompressed copies when the build made them.
#[derive(Debug)]
pub struct Asset {
    pub content_type: &'static str,
    pub caching: Caching,
    pub identity: Bytes,
    pub brotli: Option<Bytes>,
    pub gzip: Option<Bytes>,
}

/// Every static file by URL path, and the names the page shell links to.
#[derive(Debug, Default)]
pub struct AssetTable {
    files: HashMap<String, Asset>,
    /// The site root whose files are read at each request, without a manifest.
    live_root: Option<PathBuf>,
    bundle_present: bool,
    /// The bundle's file stem under `/pkg` (`tutela.<hash>`), for Leptos' loader.
    pub bundle: String,
    pub stylesheet: String,
    pub icon: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct AssetError {
    path: PathBuf,
    reason: String,
}

impl AssetTable {
    /// Reads the site at `root`: the files its manifest lists, or, when
    /// `plain` is set or there is no manifest, every file under it.
    pub fn load(root: &Path, plain: bool) -> Result<AssetTable, AssetError> {
        let manifest_path = root.join(MANIFEST);
        if plain || !manifest_path.exists() {
            return Ok(Self::load_plain(root));
        }
        let text =
            std::fs::read_to_string(&manifest_path).map_err(|e| AssetError { path: manifest_path.clone(), reason: e.to_string() })?;
        let manifest: Manifest =
            serde_json::from_str(&text).map_err(|e| AssetError { path: manifest_path.clone(), reason: e.to_string() })?;
        let mut files = HashMap::new();
        for relative in &manifest.files {
            let path = root.join(relative);
            let identity = std::fs::read(&path).map_err(|e| AssetError { path: path.clone(), reason: e.to_string() })?;
            files.insert(format!("/{relative}"), Asset::new(&path, identity, Caching::Immutable));
        }
        let bundle_present = files.contains_key(&format!("/pkg/{}.wasm", manifest.bundle));
        Ok(AssetTable {
            files,
            live_root: None,
            bundle_present,
            bundle: manifest.bundle,
            stylesheet: manifest.stylesheet,
            icon: manifest.icon,
        })
    }

    /// The layout `cargo leptos` writes: plain names, read when asked for.
    fn load_plain(root: &Path) -> AssetTable {
        AssetTable {
            files: HashMap::new(),
            live_root: Some(root.to_path_buf()),
            bundle_present: root.join("pkg/tutela.wasm").exists(),
            bundle: "tutela".to_owned(),
            stylesheet: "/pkg/tutela.css".to_owned(),
            icon: "/favicon.svg".to_owned(),
        }
    }

    /// A file kept in memory.
    pub fn get(&self, url_path: &str) -> Option<&Asset> {
        self.files.get(url_path)
    }

    /// Without a manifest: the file on disk for `url_path`, and its type.
    /// Nothing outside the site root is ever named.
    pub fn live_file(&self, url_path: &str) -> Option<(PathBuf, &'static str)> {
        let root = self.live_root.as_ref()?;
        let relative = url_path.strip_prefix('/')?;
        if relative.split('/').any(|segment| segment.is_empty() || segment.starts_with('.')) {
            return None;
        }
        let path = root.join(relative);
        let kind = content_type(&path);
        Some((path, kind))
    }

    /// Whether the browser bundle is there (it is not in a server-only build).
    pub fn has_bundle(&self) -> bool {
        self.bundle_present
    }
}

impl Asset {
    fn new(path: &Path, identity: Vec<u8>, caching: Caching) -> Asset {
        let sibling = |suffix: &str| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::read(name).ok().map(Bytes::from)
        };
        Asset { content_type: content_type(path), caching, brotli: sibling(".br"), gzip: sibling(".gz"), identity: Bytes::from(identity) }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        Some("json") => "application/json",
        Some("html") => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::AssetTable;

    #[test]
    fn without_a_manifest_files_are_read_from_the_site_root_only() {
        let root = std::env::temp_dir().join(format!("tutela-assets-{}", std::process::id()));
        let table = AssetTable::load(&root, true).unwrap();
        assert_eq!(table.live_file("/pkg/tutela.css").map(|(path, _)| path), Some(root.join("pkg/tutela.css")));
        assert_eq!(table.live_file("/pkg/tutela.wasm").map(|(_, kind)| kind), Some("application/wasm"));
        assert_eq!(table.live_file("/pkg/../../etc/passwd"), None);
        assert_eq!(table.live_file("/.env"), None);
        assert_eq!(table.live_file("/pkg//x"), None);
        assert!(!table.has_bundle());
    }
}
