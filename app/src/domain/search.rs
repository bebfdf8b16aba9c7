//! What the search page asks and shows: one list of results from every area
//! the reader may see, each with a marked snippet.

use serde::{Deserialize, Serialize};

use super::FieldProblem;

/// What a reader asks: the words, and the filters that narrow them down.
/// Every field comes from the page's query string, so a search is a link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    pub q: String,
    /// A place's key (a community category's slug); empty for everywhere.
    pub place: String,
    /// Part of an author's name.
    pub author: String,
    /// Days as `YYYY-MM-DD`, in Rome, both included.
    pub from: String,
    pub to: String,
}

impl SearchRequest {
    /// Whether anything beyond the words narrows the search.
    pub fn has_filters(&self) -> bool {
        [&self.place, &self.author, &self.from, &self.to].iter().any(|value| !value.trim().is_empty())
    }
}

/// A piece of a snippet; `hit` marks the words that matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub title: String,
    pub link: String,
    /// Where it is, in the reader's language (a category's name).
    pub place: String,
    /// Who wrote it, as the page names them ("deleted account" too);
    /// `None` where nobody signs it (the FAQ).
    pub author: Option<String>,
    pub created_at: i64,
    pub snippet: Vec<SnippetPart>,
}

/// A place the reader may narrow the search to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPlace {
    pub key: String,
    pub name: String,
}

/// Matches are counted up to this many: past it, the page says "more than"
/// and offers as many pages. Counting every match of a common word would
/// cost more than finding the page of results itself.
pub const COUNTED_UP_TO: u64 = 1000;

/// What the search page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    pub request: SearchRequest,
    /// Whether there were words to search for.
    pub searched: bool,
    pub hits: Vec<SearchHit>,
    /// How many match; above [`COUNTED_UP_TO`], at least that many.
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub places: Vec<SearchPlace>,
    /// Filters that could not be read; nothing was searched then.
    pub problems: Vec<FieldProblem>,
    /// Visitors find only what is public; signing in finds more.
    pub signed_in: bool,
}
