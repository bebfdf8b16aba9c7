//! A lesson's or case's Markdown as HTML, once, when it is published: the
//! course's own links (`lesson:KEY`, `glossary:KEY`, `case:KEY`) become
//! paths, glossary links carry their definition as a title (the
//! stylesheet marks them by their path), and ammonia keeps only
//! harmless HTML, since trainers write lessons in the browser too.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use sea_orm::prelude::Uuid;

use crate::routes::paths;

/// What the course's links point to.
#[derive(Debug, Default)]
pub struct CourseLinks {
    pub course: Uuid,
    pub lessons: HashMap<String, Uuid>,
    pub cases: HashMap<String, Uuid>,
    /// A term's key and its one-line definition, shown on hover.
    pub glossary: HashMap<String, String>,
}

impl CourseLinks {
    /// Where `destination` leads and the title it carries (a term's
    /// definition); `None` for a course link whose part does not exist.
    fn resolve(&self, destination: &str) -> Option<(String, Option<String>)> {
        if let Some(key) = destination.strip_prefix("lesson:") {
            return self.lessons.get(key).map(|id| (paths::training_lesson(id), None));
        }
        if let Some(key) = destination.strip_prefix("case:") {
            return self.cases.get(key).map(|id| (paths::training_case(id), None));
        }
        if let Some(key) = destination.strip_prefix("glossary:") {
            return self.glossary.get(key).map(|definition| (paths::glossary_term(self.course, key), Some(definition.clone())));
        }
        Some((destination.to_owned(), None))
    }
}

pub fn render(markdown: &str, links: &CourseLinks) -> String {
    // Links are rewritten as the parser meets them; an unresolved one loses
    // its tag (and its matching end) but keeps its text.
    let mut dropped = Vec::new();
    let mut in_code = false;
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).flat_map(|event| match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let resolved = links.resolve(&dest_url);
            dropped.push(resolved.is_none());
            let start = resolved.map(|(destination, hover)| {
                Event::Start(Tag::Link { link_type, dest_url: destination.into(), title: hover.map_or(title, CowStr::from), id })
            });
            start.into_iter().collect()
        }
        Event::End(TagEnd::Link) => {
            if dropped.pop().unwrap_or(false) {
                Vec::new()
            } else {
                vec![event]
            }
        }
        Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
            in_code = matches!(event, Event::Start(_));
            vec![event]
        }
        Event::Text(text) if dropped.is_empty() && !in_code => with_addresses_linked(text),
        other => vec![other],
    });
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::default().link_rel(None).url_schemes(["http", "https", "mailto"].into()).clean(&html).to_string()
}

/// Sources are cited with their bare `https://` address: each becomes a
/// link, without the punctuation that ends its sentence.
fn with_addresses_linked(text: CowStr<'_>) -> Vec<Event<'_>> {
    if !text.contains("https://") {
        return vec![Event::Text(text)];
    }
    let mut events = Vec::new();
    let mut rest: &str = &text;
    while let Some(start) = rest.find("https://") {
        let length = rest[start..].find(char::is_whitespace).unwrap_or(rest.len() - start);
        let address = rest[start..start + length].trim_end_matches(['.', ',', ';', ':', ')', '»']);
        if start > 0 {
            events.push(Event::Text(rest[..start].to_owned().into()));
        }
        events.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: address.to_owned().into(),
            title: "".into(),
            id: "".into(),
        }));
        events.push(Event::Text(address.to_owned().into()));
        events.push(Event::End(TagEnd::Link));
        rest = &rest[start + address.len()..];
    }
    if !rest.is_empty() {
        events.push(Event::Text(rest.to_owned().into()));
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> CourseLinks {
        CourseLinks {
            course: Uuid::nil(),
            lessons: HashMap::from([("legge-zampa".to_owned(), Uuid::from_u128(1))]),
            cases: HashMap::new(),
            glossary: HashMap::from([("tutela".to_owned(), "Istituto del codice civile.".to_owned())]),
        }
    }

    #[test]
    fn course_links_become_paths_and_terms_carry_their_definition() {
        let html = render("[La legge](lesson:legge-zampa) e la [tutela](glossary:tutela).", &links());
        assert!(html.contains("href=\"/training/lessons/00000000-0000-0000-0000-000000000001\""), "{html}");
        assert!(html.contains("href=\"/training/courses/00000000-0000-0000-0000-000000000000/glossary#tutela\""), "{html}");
        assert!(html.contains("title=\"Istituto del codice civile.\""), "{html}");
    }

    #[test]
    fn a_link_to_a_missing_part_keeps_its_text_only() {
        let html = render("Vedi [il caso](case:nessuno) e [la legge](lesson:legge-zampa).", &links());
        assert!(html.contains("Vedi il caso e <a href=\"/training/lessons/"), "{html}");
    }

    #[test]
    fn bare_addresses_become_links_without_their_final_stop() {
        let html = render(
            "- Fonte: https://eur-lex.europa.eu/eli/reg/2024/1351/oj.\n- `https://in.code` e [già](https://x.it/a) https://x.it/b",
            &links(),
        );
        assert!(
            html.contains("<a href=\"https://eur-lex.europa.eu/eli/reg/2024/1351/oj\">https://eur-lex.europa.eu/eli/reg/2024/1351/oj</a>."),
            "{html}"
        );
        assert!(html.contains("<code>https://in.code</code>"), "{html}");
        assert!(html.contains("<a href=\"https://x.it/a\">già</a> <a href=\"https://x.it/b\">"), "{html}");
    }

    #[test]
    fn what_a_trainer_writes_is_kept_harmless() {
        let html = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>", &links());
        assert!(!html.contains("<script") && !html.contains("href=\"javascript") && !html.contains("onerror"), "{html}");
        assert!(html.contains("<a>x</a>") || html.contains(">x<"), "the link's text stays: {html}");
    }
}
