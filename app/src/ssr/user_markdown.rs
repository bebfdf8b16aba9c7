//! Markdown that users write (posts, later consultations), rendered once
//! when it is saved: pulldown-cmark for the Markdown, then ammonia keeps
//! only harmless HTML (no scripts, no `javascript:` links, no styles), and
//! every link opens as an outside link that learns nothing of the page.

use pulldown_cmark::{Options, Parser};

/// The longest text a member may write in one piece, in characters.
pub const MAX_CHARS: usize = 20_000;

/// Checks the text of a post or message (`body`, under its `title` if it
/// has one) into `validation`: present, not too long, and read by the
/// privacy guard unless the author confirmed it identifies nobody.
pub fn check_body(validation: &mut super::error::Validation, title: &str, body: &str, privacy_confirmed: bool) {
    use crate::domain::Problem;
    let body = body.trim();
    if body.is_empty() {
        validation.add("body", Problem::Required);
    } else if body.chars().count() > MAX_CHARS {
        validation.add("body", Problem::PostTooLong);
    } else if !privacy_confirmed && !super::privacy_guard::scan(&format!("{title}\n{body}")).is_empty() {
        validation.add("body", Problem::PrivacyCheck);
    }
}

pub fn render(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES));
    ammonia::Builder::default()
        .link_rel(Some("nofollow noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_and_anything_active_is_removed() {
        assert_eq!(render("**grassetto** e *corsivo*"), "<p><strong>grassetto</strong> e <em>corsivo</em></p>\n");
        let hostile = render(
            "<script>alert(1)</script>\n\n[link](javascript:alert(2))\n\n<img src=x onerror=alert(3)> <a href=\"https://example.org\" style=\"x\">ok</a>",
        );
        assert!(hostile.contains(">link</a>"), "the Markdown link stays, without its target: {hostile}");
        for active in ["<script", "alert(1)", "href=\"javascript:", "onerror", "style="] {
            assert!(!hostile.contains(active), "{active} in {hostile}");
        }
        assert!(hostile.contains("rel=\"nofollow noopener noreferrer\""), "{hostile}");
    }
}
