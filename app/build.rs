//! Turns the locale files into one `Texts` struct with a constant per
//! language, so a missing or misspelt key is a compile error, not a blank
//! on a page, and the texts cost nothing at run time. For the server, it
//! also finds the TrueType fonts the PDF certificates embed.

use std::{collections::BTreeMap, env, fmt::Write as _, fs, path::Path};

const LOCALES: [(&str, &str); 2] = [("IT", "locales/it.toml"), ("EN", "locales/en.toml")];

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>, file: &str) {
    match value {
        toml::Value::Table(table) => {
            for (key, inner) in table {
                let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}_{key}") };
                flatten(&name, inner, out, file);
            }
        }
        toml::Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        other => panic!("{file}: `{prefix}` must be a string, found {}", other.type_str()),
    }
}

/// Where `style/`'s npm packages put Titillium Web as TrueType.
const PDF_FONTS: &str = "../style/node_modules/@expo-google-fonts/titillium-web";
const PDF_FONT_FILES: [&str; 2] = ["400Regular/TitilliumWeb_400Regular.ttf", "600SemiBold/TitilliumWeb_600SemiBold.ttf"];

/// The server embeds the certificate's fonts in its binary, so a
/// certificate never depends on files beside it: say clearly where they
/// come from when they are missing, and hand their folder to the code.
fn find_pdf_fonts() {
    if env::var_os("CARGO_FEATURE_SSR").is_none() {
        return;
    }
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(PDF_FONTS);
    for file in PDF_FONT_FILES {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        assert!(
            path.is_file(),
            "{} is missing: the certificates' font comes from style/'s npm packages; run scripts/build (or `npm ci` in style/)",
            path.display()
        );
    }
    println!("cargo::rustc-env=TUTELA_PDF_FONT_DIR={}", dir.canonicalize().unwrap().display());
}

fn main() {
    find_pdf_fonts();
    let mut tables = Vec::new();
    for (name, path) in LOCALES {
        println!("cargo::rerun-if-changed={path}");
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let parsed: toml::Value = toml::from_str(&source).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut texts = BTreeMap::new();
        flatten("", &parsed, &mut texts, path);
        tables.push((name, path, texts));
    }

    let (_, reference_path, reference) = &tables[0];
    for (_, path, texts) in &tables[1..] {
        let missing: Vec<_> = reference.keys().filter(|k| !texts.contains_key(*k)).collect();
        let extra: Vec<_> = texts.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{path} and {reference_path} must have the same keys; missing in {path}: {missing:?}; only in {path}: {extra:?}"
        );
    }

    let mut code = String::from("/// Every text the interface shows, in one language.\npub struct Texts {\n");
    for key in reference.keys() {
        writeln!(code, "    pub {key}: &'static str,").unwrap();
    }
    code.push_str("}\n");
    for (name, _, texts) in &tables {
        writeln!(code, "pub const {name}: Texts = Texts {{").unwrap();
        for (key, text) in texts {
            writeln!(code, "    {key}: {text:?},").unwrap();
        }
        code.push_str("};\n");
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("texts.rs");
    fs::write(out, code).unwrap();
}
