//! A lesson's or case's Markdown as HTML, once, when it is published: the
//! course's own links (`lesson:KEY`, `glossary:KEY`, `case:KEY`) become
//! paths, glossary links carry their definition as a title (the
//! stylesheet marks them by their path), and ammonia keeps only
//! harmless HTML, since trainers write lessons in the browser too.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};
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
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let resolved = links.resolve(&dest_url);
            dropped.push(resolved.is_none());
            resolved.map(|(destination, hover)| {
                Event::Start(Tag::Link { link_type, dest_url: destination.into(), title: hover.map_or(title, CowStr::from), id })
            })
        }
        Event::End(pulldown_cmark::TagEnd::Link) => (!dropped.pop().unwrap_or(false)).then_some(event),
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::default().link_rel(None).url_schemes(["http", "https", "mailto"].into()).clean(&html).to_string()
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
    fn what_a_trainer_writes_is_kept_harmless() {
        let html = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>", &links());
        assert!(!html.contains("<script") && !html.contains("href=\"javascript") && !html.contains("onerror"), "{html}");
        assert!(html.contains("<a>x</a>") || html.contains(">x<"), "the link's text stays: {html}");
    }
}
