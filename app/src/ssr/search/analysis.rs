//! How text becomes search terms, the same for what is indexed and for what
//! is asked: words split at anything that is not a letter or a digit, lower
//! case, common Italian and English function words dropped, each word cut
//! to its Italian stem (Snowball), then stripped of accents. So "tutore",
//! "tutori" and "Tutóre" are one term, and both engines index the same terms.

use std::{collections::HashSet, sync::LazyLock};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::{UnicodeNormalization as _, char::is_combining_mark};

use crate::domain::search::SnippetPart;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Italian));

/// Articles, prepositions and conjunctions: they tell no text apart, and a
/// question that holds one must still find texts that do not.
const STOP_WORDS: [&str; 62] = [
    "a", "ad", "ai", "al", "alla", "alle", "allo", "agli", "che", "chi", "col", "con", "coi", "da", "dai", "dal", "dalla", "dalle",
    "dallo", "dagli", "dei", "del", "della", "delle", "dello", "degli", "di", "e", "ed", "gli", "i", "il", "in", "la", "le", "lo", "nei",
    "nel", "nella", "nelle", "nello", "negli", "o", "od", "per", "su", "sui", "sul", "sulla", "sulle", "tra", "fra", "un", "una", "uno",
    "an", "and", "of", "or", "the", "to", "is",
];

/// How many terms of a question count; the rest are ignored.
pub const MAX_QUERY_TERMS: usize = 12;

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// The term a word is indexed under, if it is worth one. Single letters
/// (the "l" of "l'età") are not; single digits are not either.
fn term(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 2 || STOP_WORDS.contains(&lower.as_str()) {
        return None;
    }
    // The stemmer knows Italian accents ("città", "perché"), so it runs first.
    let stem = STEMMER.stem(&lower);
    Some(stem.nfd().filter(|c| !is_combining_mark(*c)).collect())
}

/// The terms of `text`, space separated, as the engines index them.
pub fn terms(text: &str) -> String {
    words(text).filter_map(|(_, word)| term(word)).collect::<Vec<_>>().join(" ")
}

/// The distinct terms of a question, in the order asked.
pub fn query_terms(question: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    words(question).filter_map(|(_, word)| term(word)).filter(|t| seen.insert(t.clone())).take(MAX_QUERY_TERMS).collect()
}

/// The readable text of a Markdown source: what a snippet quotes.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => {
                text.push(' ');
            }
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words a snippet shows before its first match, and in all.
const CONTEXT_BEFORE: usize = 8;
const SNIPPET_WORDS: usize = 32;

/// A short passage of `text` around its first match of `query`, the
/// matching words marked: the start of the text when nothing in it matches
/// (the title did).
pub fn snippet(text: &str, query: &[String]) -> Vec<SnippetPart> {
    let wanted: HashSet<&str> = query.iter().map(String::as_str).collect();
    let all: Vec<(usize, &str, bool)> =
        words(text).map(|(at, word)| (at, word, term(word).is_some_and(|t| wanted.contains(t.as_str())))).collect();
    let Some(&(first_at, _, _)) = all.first() else {
        return Vec::new();
    };
    let start = all.iter().position(|w| w.2).map_or(0, |hit| hit.saturating_sub(CONTEXT_BEFORE));
    let shown = &all[start..all.len().min(start + SNIPPET_WORDS)];
    let mut parts = Vec::new();
    let mut push = |text: &str, hit: bool| match parts.last_mut() {
        Some(SnippetPart { text: last, hit: last_hit }) if *last_hit == hit => last.push_str(text),
        _ => parts.push(SnippetPart { text: text.to_owned(), hit }),
    };
    let mut cursor = shown.first().map_or(first_at, |w| w.0);
    if start > 0 {
        push("… ", false);
    }
    for &(at, word, hit) in shown {
        push(&text[cursor..at], false);
        push(word, hit);
        cursor = at + word.len();
    }
    let end = if start + SNIPPET_WORDS < all.len() { " …" } else { &text[cursor..] };
    push(end, false);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_plural_and_accents_are_one_term() {
        assert_eq!(query_terms("tutore"), query_terms("tutori"));
        assert_eq!(query_terms("Tutóre"), query_terms("tutore"));
        assert_eq!(query_terms("città"), query_terms("citta"));
        assert_eq!(query_terms("minori stranieri"), query_terms("minore straniero"));
    }

    #[test]
    fn function_words_and_single_letters_are_left_out() {
        assert_eq!(query_terms("il permesso di soggiorno"), query_terms("permesso soggiorno"));
        assert_eq!(terms("l'età"), terms("età"));
        assert!(query_terms("di la e il").is_empty());
    }

    #[test]
    fn legal_citations_keep_their_numbers() {
        let cited = terms("art. 32 TU, l. 47/2017");
        assert!(cited.split(' ').any(|t| t == "47"));
        assert!(cited.split(' ').any(|t| t == "2017"));
    }

    #[test]
    fn a_question_asks_each_term_once() {
        assert_eq!(query_terms("tutore tutori tutore").len(), 1);
    }

    #[test]
    fn plain_text_drops_the_markup() {
        assert_eq!(
            plain_text("# Titolo\n\nUn **tutore** e un [link](https://x.it).\n\n- uno\n- due"),
            "Titolo Un tutore e un link. uno due"
        );
    }

    #[test]
    fn a_snippet_marks_every_matching_form_of_the_word() {
        let parts = snippet("Il tutore accompagna il minore; i tutori volontari sono formati.", &query_terms("tutore"));
        let marked: Vec<&str> = parts.iter().filter(|p| p.hit).map(|p| p.text.as_str()).collect();
        assert_eq!(marked, ["tutore", "tutori"]);
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(whole, "Il tutore accompagna il minore; i tutori volontari sono formati.");
    }

    #[test]
    fn a_long_text_is_quoted_around_its_first_match() {
        let text = format!("{} permesso {}", "parola ".repeat(50), "altro ".repeat(50));
        let whole: String = snippet(&text, &query_terms("permesso")).iter().map(|p| p.text.clone()).collect();
        assert!(whole.starts_with("… parola"), "{whole}");
        assert!(whole.ends_with(" …"), "{whole}");
        assert!(whole.contains("permesso"));
        assert!(whole.split_whitespace().count() <= SNIPPET_WORDS + 2);
    }
}
