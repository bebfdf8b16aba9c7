//! The FAQ in the shared search: each published entry is a document in the
//! `faq` scope, which every reader (visitors too) may search; and the
//! entries most like a question being written, for the filing form.

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _};

use super::status_of;
use crate::{
    domain::{
        faq::{FaqLink, FaqStatus},
        search::SearchPlace,
    },
    i18n::Locale,
    routes::paths,
    ssr::{
        entities::faq_entry,
        error::ServiceResult,
        search::{self, Document, analysis},
    },
};

const KIND: &str = "faq";
pub use crate::domain::faq::SEARCH_PLACE as SCOPE;

fn document<'a>(row: &'a faq_entry::Model, body: &'a str) -> Document<'a> {
    Document {
        kind: KIND,
        source_id: row.id.to_string(),
        scope: SCOPE.to_owned(),
        title: &row.title,
        body,
        title_is_searched: true,
        link: paths::faq_entry(row.id),
        // Entries speak for the programme, not for the jurist who wrote them.
        author: None,
        created_at: row.published_at.unwrap_or(row.updated_at),
    }
}

/// Brings the index in step with the entry: found while published only.
pub async fn index_entry(db: &impl ConnectionTrait, row: &faq_entry::Model) -> ServiceResult<()> {
    if status_of(row) == FaqStatus::Published {
        let body = analysis::plain_text(&row.body);
        search::put(db, document(row, &body)).await
    } else {
        search::remove(db, KIND, &row.id.to_string()).await
    }
}

/// Writes every published entry to the index; returns how many.
pub async fn index_all(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    let rows = faq_entry::Entity::find()
        .filter(faq_entry::Column::Status.eq(FaqStatus::Published.code()))
        .order_by_asc(faq_entry::Column::PublishedAt)
        .all(db)
        .await?;
    let bodies: Vec<String> = rows.iter().map(|row| analysis::plain_text(&row.body)).collect();
    search::put_many(db, rows.iter().zip(&bodies).map(|(row, body)| document(row, body)).collect()).await?;
    Ok(rows.len() as u64)
}

/// The FAQ as a place to search in.
pub fn place(locale: Locale) -> SearchPlace {
    SearchPlace { key: SCOPE.to_owned(), name: locale.texts().faq_title.to_owned() }
}

/// How many similar questions the filing form offers.
const SIMILAR: u64 = 5;

/// The published entries that share the most with `text`.
pub async fn similar(db: &impl ConnectionTrait, text: &str) -> ServiceResult<Vec<FaqLink>> {
    let terms = analysis::query_terms(text);
    let found = search::closest(db, &terms, SCOPE, SIMILAR).await?;
    Ok(found.into_iter().map(|(id, title)| FaqLink { id, title }).collect())
}
