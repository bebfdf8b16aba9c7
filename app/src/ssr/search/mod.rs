//! The one search interface: every area writes what may be found into one
//! index, and `/search` reads it with the reader's visibility applied.
//!
//! An area plugs in by
//! - writing a [`Document`] with [`put`] whenever something findable is
//!   saved, and [`remove`] when it may no longer be found (hidden, deleted),
//!   in the same transaction as the change;
//! - giving each document a scope (a post's category, the FAQ) and saying,
//!   in [`page`], which scopes a reader may see;
//! - rebuilding its documents in [`rebuild`].
//!
//! SQLite matches with FTS5, PostgreSQL with a `tsvector`; both index the
//! terms of [`analysis`], so both find the same things.

pub mod analysis;
pub mod page;

use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DbBackend, EntityTrait as _, FromQueryResult, QueryFilter as _, Set, Statement, Value,
    prelude::Uuid, sea_query::OnConflict,
};

use crate::{
    domain::search::COUNTED_UP_TO,
    ssr::{entities::search_entry, error::ServiceResult},
};

/// Something findable, as its area describes it.
pub struct Document<'a> {
    /// What it is (`post`); with `source_id` it names the document.
    pub kind: &'static str,
    pub source_id: String,
    pub scope: String,
    pub title: &'a str,
    /// Plain text (see [`analysis::plain_text`]).
    pub body: &'a str,
    /// Whether the title's words find it too: they do for a topic's opening
    /// post, not for every reply under the same title.
    pub title_is_searched: bool,
    pub link: String,
    pub author: Option<Uuid>,
    pub created_at: i64,
}

/// Adds `document` to the index, or replaces what it held under the same name.
pub async fn put(db: &impl ConnectionTrait, document: Document<'_>) -> ServiceResult<()> {
    put_many(db, vec![document]).await
}

/// [`put`] for many documents in one statement.
pub async fn put_many(db: &impl ConnectionTrait, documents: Vec<Document<'_>>) -> ServiceResult<()> {
    use search_entry::Column;
    if documents.is_empty() {
        return Ok(());
    }
    let rows = documents.into_iter().map(|document| {
        let body_terms = analysis::terms(document.body);
        let terms = if document.title_is_searched { format!("{} {body_terms}", analysis::terms(document.title)) } else { body_terms };
        search_entry::ActiveModel {
            kind: Set(document.kind.to_owned()),
            source_id: Set(document.source_id),
            scope: Set(document.scope),
            title: Set(document.title.to_owned()),
            body: Set(document.body.to_owned()),
            link: Set(document.link),
            author_id: Set(document.author),
            created_at: Set(document.created_at),
            terms: Set(terms),
            ..Default::default()
        }
    });
    search_entry::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([Column::Kind, Column::SourceId])
                .update_columns([
                    Column::Scope,
                    Column::Title,
                    Column::Body,
                    Column::Link,
                    Column::AuthorId,
                    Column::CreatedAt,
                    Column::Terms,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Takes the document `kind`/`source_id` out of the index, if it is there.
pub async fn remove(db: &impl ConnectionTrait, kind: &str, source_id: &str) -> ServiceResult<()> {
    search_entry::Entity::delete_many()
        .filter(search_entry::Column::Kind.eq(kind))
        .filter(search_entry::Column::SourceId.eq(source_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Empties the index and has every area write its documents again: after
/// the analysis changed, or to repair it. Returns how many were written.
pub async fn rebuild(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    search_entry::Entity::delete_many().exec(db).await?;
    Ok(crate::ssr::community::findable::index_all(db).await?
        + crate::ssr::faq::findable::index_all(db).await?
        + crate::ssr::training::findable::index_all(db).await?)
}

/// What narrows a search down, beyond its terms.
pub struct Filters {
    /// The scopes the reader may see and asked for; never empty.
    pub scopes: Vec<String>,
    /// Part of the author's name, lower case.
    pub author: Option<String>,
    pub since: Option<i64>,
    pub until: Option<i64>,
}

/// A document that matched.
#[derive(Debug, FromQueryResult)]
pub struct Match {
    pub scope: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: i64,
    pub author_name: Option<String>,
}

/// The documents matching every one of `terms` within `filters`, newest
/// first, and how many match, counted up to one past [`COUNTED_UP_TO`].
///
/// On SQLite the reader's scopes are part of the full-text match, and FTS5
/// hands its matches over newest first (rowids grow as documents are
/// written): a page reads twenty entries whatever the number of matches,
/// and the count is the index's alone unless an author or a day narrows it;
/// it stops past [`COUNTED_UP_TO`], so a common word costs what a rare one does.
pub async fn find(
    db: &impl ConnectionTrait,
    terms: &[String],
    filters: &Filters,
    offset: u64,
    limit: u64,
) -> ServiceResult<(Vec<Match>, u64)> {
    if terms.is_empty() || filters.scopes.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let backend = db.get_database_backend();
    let mut sql = SqlBuilder { backend, values: Vec::new() };
    let (matching, order) = if backend == DbBackend::Postgres {
        let scopes = filters.scopes.iter().map(|s| sql.value(s.clone())).collect::<Vec<_>>().join(", ");
        let query = sql.value(terms.join(" "));
        (format!("e.terms_vector @@ plainto_tsquery('simple', {query}) AND e.scope IN ({scopes})"), "e.created_at DESC, e.id DESC")
    } else {
        // Each term and scope quoted: whatever was typed is never FTS5 syntax.
        let words = terms.iter().map(|t| format!("terms : \"{t}\"")).collect::<Vec<_>>().join(" AND ");
        // The index holds each scope as SQLite's `hex()` of it: one exact token.
        let scopes = filters.scopes.iter().map(|s| format!("scope : \"{}\"", hex(s))).collect::<Vec<_>>().join(" OR ");
        (format!("search_terms MATCH {}", sql.value(format!("{words} AND ({scopes})"))), "search_terms.rowid DESC")
    };
    let mut conditions = vec![matching];
    if let Some(author) = &filters.author {
        let pattern = format!("%{}%", author.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        conditions.push(format!("LOWER(u.name) LIKE {} ESCAPE '\\'", sql.value(pattern)));
    }
    if let Some(since) = filters.since {
        conditions.push(format!("e.created_at >= {}", sql.value(since)));
    }
    if let Some(until) = filters.until {
        conditions.push(format!("e.created_at < {}", sql.value(until)));
    }
    let narrowed = conditions.len() > 1;
    let conditions = conditions.join(" AND ");
    // CROSS JOIN keeps the full-text match as SQLite's outer loop.
    let tables = if backend == DbBackend::Postgres {
        "search_entry e"
    } else {
        "search_terms CROSS JOIN search_entry e ON e.id = search_terms.rowid"
    };
    let from_where = format!("{tables} LEFT JOIN \"user\" u ON u.id = e.author_id WHERE {conditions}");
    let counted = if backend == DbBackend::Sqlite && !narrowed {
        format!("SELECT 1 FROM search_terms WHERE {conditions}")
    } else {
        format!("SELECT 1 FROM {from_where}")
    };
    let count = format!("SELECT COUNT(*) AS total FROM ({counted} LIMIT {}) AS counted", COUNTED_UP_TO + 1);
    let count = Statement::from_sql_and_values(backend, count, sql.values.clone());
    let total = db.query_one_raw(count).await?.map(|row| row.try_get::<i64>("", "total")).transpose()?.unwrap_or(0);
    let page = format!(
        "SELECT e.scope, e.title, e.body, e.link, e.created_at, u.name AS author_name FROM {from_where} \
         ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let matches = Match::find_by_statement(Statement::from_sql_and_values(backend, page, sql.values)).all(db).await?;
    Ok((matches, u64::try_from(total).unwrap_or(0)))
}

/// The ids (`source_id`) and titles of the documents of `scope` that share the most of
/// `terms` (any of them, the rarer the better), best first: what is like a
/// text being written, rather than what holds every word of a question.
pub async fn closest(db: &impl ConnectionTrait, terms: &[String], scope: &str, limit: u64) -> ServiceResult<Vec<(String, String)>> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let backend = db.get_database_backend();
    let sql = if backend == DbBackend::Postgres {
        format!(
            "SELECT e.source_id, e.title FROM search_entry e, to_tsquery('simple', $1) AS q \
             WHERE e.scope = $2 AND e.terms_vector @@ q ORDER BY ts_rank(e.terms_vector, q) DESC, e.id DESC LIMIT {limit}"
        )
    } else {
        // bm25 weighs the rarer terms more: a shared "permesso" says more than a shared "tutore".
        format!(
            "SELECT e.source_id, e.title FROM search_terms CROSS JOIN search_entry e ON e.id = search_terms.rowid \
             WHERE search_terms MATCH ? ORDER BY bm25(search_terms) LIMIT {limit}"
        )
    };
    let values: Vec<Value> = if backend == DbBackend::Postgres {
        // Terms are letters and digits only (see `analysis`): nothing in them is query syntax.
        vec![terms.join(" | ").into(), scope.into()]
    } else {
        let words = terms.iter().map(|t| format!("terms : \"{t}\"")).collect::<Vec<_>>().join(" OR ");
        vec![format!("({words}) AND scope : \"{}\"", hex(scope)).into()]
    };
    let rows = db.query_all_raw(Statement::from_sql_and_values(backend, sql, values)).await?;
    rows.into_iter().map(|row| Ok((row.try_get::<String>("", "source_id")?, row.try_get::<String>("", "title")?))).collect()
}

/// What SQLite's `hex()` makes of `text`: its UTF-8 bytes in upper-case hexadecimal.
fn hex(text: &str) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    text.bytes().flat_map(|b| [char::from(DIGITS[usize::from(b >> 4)]), char::from(DIGITS[usize::from(b & 0xF)])]).collect()
}

/// Collects a statement's values, writing each engine's placeholder.
struct SqlBuilder {
    backend: DbBackend,
    values: Vec<Value>,
}

impl SqlBuilder {
    fn value(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        if self.backend == DbBackend::Postgres { format!("${}", self.values.len()) } else { "?".to_owned() }
    }
}
