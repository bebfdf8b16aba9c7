//! What members were writing, kept on the server until it is sent: a
//! refused or previewed post, reply, edit or consultation request is never
//! lost. One draft per member and place (`target`): `category:<slug>`,
//! `topic:<id>`, `post:<id>`, `consultation:new`, `consultation:<id>`, `faq:<id>`.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait as _, prelude::Uuid, sea_query::OnConflict};

use super::{clock, entities::post_draft, error::ServiceResult, privacy_guard, user_markdown};
use crate::domain::{Draft, PrivacyFinding};

/// A kept title is cut here: a refused one may be far too long.
const TITLE_KEPT_CHARS: usize = 200;

/// Keeps (or replaces) the member's draft at `target`.
pub async fn keep(db: &impl ConnectionTrait, author: Uuid, target: &str, title: &str, body: &str) -> ServiceResult<()> {
    let row = post_draft::ActiveModel {
        user_id: Set(author),
        target: Set(target.to_owned()),
        title: Set(title.chars().take(TITLE_KEPT_CHARS).collect()),
        body: Set(body.to_owned()),
        updated_at: Set(clock::now()),
    };
    post_draft::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([post_draft::Column::UserId, post_draft::Column::Target])
                .update_columns([post_draft::Column::Title, post_draft::Column::Body, post_draft::Column::UpdatedAt])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// The member's draft at `target`, as the form shows it.
pub async fn load(db: &impl ConnectionTrait, reader: Uuid, target: &str) -> ServiceResult<Option<Draft>> {
    Ok(post_draft::Entity::find_by_id((reader, target.to_owned())).one(db).await?.map(as_draft))
}

/// Done with: the text was sent.
pub async fn forget(db: &impl ConnectionTrait, author: Uuid, target: &str) -> ServiceResult<()> {
    post_draft::Entity::delete_by_id((author, target.to_owned())).exec(db).await?;
    Ok(())
}

/// A kept draft as the form shows it, with the privacy guard's findings
/// and its preview (rendered here: a kept draft is rare, and it is the
/// no-JavaScript way to see one).
pub fn as_draft(row: post_draft::Model) -> Draft {
    let findings = findings(&row.title, &row.body);
    let preview_html = (!row.body.trim().is_empty()).then(|| user_markdown::render(&row.body));
    Draft { title: row.title, body: row.body, findings, preview_html }
}

/// What the privacy guard finds in a text and its title, as a form lists it.
pub fn findings(title: &str, body: &str) -> Vec<PrivacyFinding> {
    privacy_guard::scan(&format!("{title}\n{body}"))
        .into_iter()
        .map(|finding| PrivacyFinding { kind: finding.kind, excerpt: finding.excerpt })
        .collect()
}
