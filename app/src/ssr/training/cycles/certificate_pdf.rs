//! A certificate as a one-page PDF/A-2b document (A4, landscape): who
//! completed which cycle, where, when and for how many hours, with whom,
//! and how to verify it (the code, the address and its QR code). Titillium
//! Web is embedded (subset), so it prints and archives the same everywhere.

use std::sync::LazyLock;

use krilla::{
    Document, SerializeSettings,
    color::rgb,
    configure::{Archival, ConfigurationBuilder, Validator},
    geom::{PathBuilder, Point, Rect},
    metadata::{DateTime, Metadata},
    num::NormalizedF32,
    page::PageSettings,
    paint::{Fill, FillRule, Stroke},
    surface::Surface,
    text::{Font, TextDirection},
};

use crate::{
    domain::{certificates::CertificateFacts, italian_date, rome_date},
    i18n::{Locale, Texts, fill},
};

const REGULAR_TTF: &[u8] = include_bytes!(concat!(env!("TUTELA_PDF_FONT_DIR"), "/400Regular/TitilliumWeb_400Regular.ttf"));
const SEMIBOLD_TTF: &[u8] = include_bytes!(concat!(env!("TUTELA_PDF_FONT_DIR"), "/600SemiBold/TitilliumWeb_600SemiBold.ttf"));

/// A4 landscape, in points.
const WIDTH: f32 = 841.89;
const HEIGHT: f32 = 595.28;
const MARGIN: f32 = 56.0;

/// The interface's primary blue and body text colour.
const BLUE: (u8, u8, u8) = (0x00, 0x66, 0xcc);
const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const MUTED: (u8, u8, u8) = (0x5c, 0x6f, 0x82);

/// A font face, for drawing and for measuring what it draws.
struct Face {
    font: Font,
    metrics: ttf_parser::Face<'static>,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Face> {
        Some(Face { font: Font::new(data.into(), 0)?, metrics: ttf_parser::Face::parse(data, 0).ok()? })
    }

    /// The width of `text` at `size` (advances only, as a line is set).
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 =
            text.chars().map(|c| self.metrics.glyph_index(c).and_then(|g| self.metrics.glyph_hor_advance(g)).map_or(0, u32::from)).sum();
        lossless(units) * size / f32::from(self.metrics.units_per_em())
    }

    /// `text` broken into lines no wider than `width`, at word boundaries.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, size) > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Counts and sizes here are small: a glyph-advance sum or a QR code's
/// modules fit an `f32` exactly.
fn lossless(n: u32) -> f32 {
    f32::from(u16::try_from(n).unwrap_or(u16::MAX))
}

struct Faces {
    regular: Face,
    semibold: Face,
}

/// The fonts are compiled in: parsing them cannot fail but for a broken build.
static FACES: LazyLock<Option<Faces>> =
    LazyLock::new(|| Some(Faces { regular: Face::load(REGULAR_TTF)?, semibold: Face::load(SEMIBOLD_TTF)? }));

fn fill_with((r, g, b): (u8, u8, u8)) -> Fill {
    Fill { paint: rgb::Color::new(r, g, b).into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }
}

/// Writes one line of text with its baseline at `y`, centred on the page.
fn centred(surface: &mut Surface, face: &Face, size: f32, y: f32, text: &str, colour: (u8, u8, u8)) {
    surface.set_fill(Some(fill_with(colour)));
    let x = (WIDTH - face.width(text, size)) / 2.0;
    surface.draw_text(Point::from_xy(x, y), face.font.clone(), size, text, false, TextDirection::Auto);
}

fn left(surface: &mut Surface, face: &Face, size: f32, x: f32, y: f32, text: &str, colour: (u8, u8, u8)) {
    surface.set_fill(Some(fill_with(colour)));
    surface.draw_text(Point::from_xy(x, y), face.font.clone(), size, text, false, TextDirection::Auto);
}

/// The QR code of `link`, `size` points wide, its top left corner at (x, y).
fn qr_code(surface: &mut Surface, link: &str, x: f32, y: f32, size: f32) -> Result<(), String> {
    let code = qrcode::QrCode::new(link.as_bytes()).map_err(|e| format!("QR code: {e}"))?;
    let modules = code.width();
    let module = size / lossless(u32::try_from(modules).unwrap_or(u32::MAX));
    let mut path = PathBuilder::new();
    for (i, colour) in code.to_colors().into_iter().enumerate() {
        if colour == qrcode::Color::Dark {
            let (row, col) = (i / modules, i % modules);
            let at = |n: usize| lossless(u32::try_from(n).unwrap_or(u32::MAX)) * module;
            if let Some(rect) = Rect::from_xywh(x + at(col), y + at(row), module, module) {
                path.push_rect(rect);
            }
        }
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill_with((0, 0, 0))));
        surface.draw_path(&path);
    }
    Ok(())
}

fn frame(surface: &mut Surface) {
    let inset = 20.0;
    let mut border = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset) {
        border.push_rect(rect);
    }
    let mut band = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, 8.0) {
        band.push_rect(rect);
    }
    if let Some(path) = border.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke { paint: rgb::Color::new(BLUE.0, BLUE.1, BLUE.2).into(), width: 1.2, ..Stroke::default() }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
    if let Some(path) = band.finish() {
        surface.set_fill(Some(fill_with(BLUE)));
        surface.draw_path(&path);
    }
}

/// The PDF of the certificate `facts`, in `locale`, pointing at `verify_link`.
pub(super) fn render(facts: &CertificateFacts, locale: Locale, verify_link: &str) -> Result<Vec<u8>, String> {
    let fonts = FACES.as_ref().ok_or("the certificate's fonts do not parse")?;
    let t = locale.texts();
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A2_B))
        .finish()
        .map_err(|e| format!("PDF configuration: {e:?}"))?;
    let mut document = Document::new_with(SerializeSettings { configuration, ..SerializeSettings::default() });
    let mut page = document.start_page_with(PageSettings::from_wh(WIDTH, HEIGHT).ok_or("page size")?);
    let mut surface = page.surface();
    frame(&mut surface);

    left(&mut surface, &fonts.semibold, 11.0, MARGIN, 66.0, t.certificates_pdf_programme, BLUE);
    let district = fill(t.certificates_pdf_district, &[("district", facts.district.name())]);
    let district_x = WIDTH - MARGIN - fonts.regular.width(&district, 11.0);
    left(&mut surface, &fonts.regular, 11.0, district_x, 66.0, &district, MUTED);

    centred(&mut surface, &fonts.semibold, 30.0, 140.0, t.certificates_pdf_title, BLUE);
    centred(&mut surface, &fonts.regular, 14.0, 182.0, t.certificates_pdf_attests, INK);
    centred(&mut surface, &fonts.semibold, 26.0, 222.0, &facts.holder, INK);

    let body = fill(
        t.certificates_pdf_body,
        &[
            ("cycle", &facts.cycle_title),
            ("course", &facts.course),
            ("district", facts.district.name()),
            ("from", &italian_date(&facts.starts_on)),
            ("to", &italian_date(&facts.ends_on)),
            ("hours", &hours_phrase(t, facts.attended_minutes)),
        ],
    );
    let mut y = 260.0;
    for line in fonts.regular.wrap(&body, 14.0, WIDTH - 2.0 * MARGIN - 60.0) {
        centred(&mut surface, &fonts.regular, 14.0, y, &line, INK);
        y += 20.0;
    }
    y += 8.0;
    if !facts.trainers.is_empty() {
        let trainers = fill(t.certificates_pdf_trainers, &[("names", &facts.trainers)]);
        for line in fonts.regular.wrap(&trainers, 12.0, WIDTH - 2.0 * MARGIN - 60.0) {
            centred(&mut surface, &fonts.regular, 12.0, y, &line, MUTED);
            y += 17.0;
        }
    }
    let issued = fill(t.certificates_pdf_issued, &[("date", &italian_date(&rome_date(facts.issued_at)))]);
    centred(&mut surface, &fonts.regular, 12.0, y, &issued, MUTED);

    let qr_size = 96.0;
    let qr_top = HEIGHT - MARGIN - qr_size;
    qr_code(&mut surface, verify_link, WIDTH - MARGIN - qr_size, qr_top, qr_size)?;
    left(&mut surface, &fonts.regular, 10.0, MARGIN, qr_top + 22.0, t.certificates_code, MUTED);
    left(&mut surface, &fonts.semibold, 18.0, MARGIN, qr_top + 46.0, &facts.code, INK);
    left(&mut surface, &fonts.regular, 10.0, MARGIN, qr_top + 70.0, t.certificates_pdf_verify, MUTED);
    left(&mut surface, &fonts.regular, 10.0, MARGIN, qr_top + 86.0, verify_link, BLUE);

    surface.finish();
    page.finish();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} · {}", t.certificates_pdf_title, facts.holder))
            .language(locale.code().to_owned())
            .creator("Tutela".to_owned())
            .creation_date(creation_date(facts.issued_at)),
    );
    document.finish().map_err(|e| format!("PDF: {e:?}"))
}

/// "18 ore", "18 ore e 30 minuti": as a sentence says it.
fn hours_phrase(t: &Texts, minutes: i32) -> String {
    let hours = (minutes / 60).to_string();
    match minutes % 60 {
        0 => fill(t.certificates_pdf_hours, &[("hours", &hours)]),
        rest => fill(t.certificates_pdf_hours_minutes, &[("hours", &hours), ("minutes", &rest.to_string())]),
    }
}

/// The issue day, as PDF metadata has it.
fn creation_date(issued_at: i64) -> DateTime {
    let day = rome_date(issued_at);
    let part = |range: std::ops::Range<usize>| day.get(range).and_then(|s| s.parse::<u16>().ok()).unwrap_or(1);
    DateTime::new(part(0..4)).month(u8::try_from(part(5..7)).unwrap_or(1)).day(u8::try_from(part(8..10)).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::{FACES, hours_phrase, render};
    use crate::{
        domain::{District, certificates::CertificateFacts},
        i18n::Locale,
    };

    #[test]
    fn long_text_wraps_within_the_width() {
        let faces = FACES.as_ref().unwrap();
        let text = "ha completato il ciclo di formazione per tutori volontari di minori stranieri non accompagnati";
        let lines = faces.regular.wrap(text, 14.0, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| faces.regular.width(l, 14.0) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), text, "no word is lost");
    }

    #[test]
    fn hours_read_as_a_sentence_says_them() {
        let t = Locale::It.texts();
        assert_eq!(hours_phrase(t, 1080), "18 ore");
        assert_eq!(hours_phrase(t, 1110), "18 ore e 30 minuti");
    }

    #[test]
    fn a_certificate_renders_as_an_archival_pdf() {
        let facts = CertificateFacts {
            code: "ABCD-EFGH-JKMN".to_owned(),
            holder: "Zoë Łukasiewicz-Ndiaye".to_owned(),
            cycle_title: "Ciclo base · primavera".to_owned(),
            course: "Corso base".to_owned(),
            district: District::Brescia,
            starts_on: "2027-03-01".to_owned(),
            ends_on: "2027-04-30".to_owned(),
            attended_minutes: 1080,
            trainers: "Anna Rossi, Luca Bianchi".to_owned(),
            issued_at: 1_800_000_000,
            revoked: None,
        };
        let pdf = render(&facts, Locale::It, "https://tutela.example/verify/ABCD-EFGH-JKMN").unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("pdfaid:part"), "PDF/A metadata is present");
        assert!(text.contains("TitilliumWeb"), "the font is embedded");
    }
}
