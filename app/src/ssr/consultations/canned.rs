//! Canned replies: the jurists' shared texts for the questions that come
//! back, kept by any jurist or coordinator. Starting from one fills its
//! placeholders for the request (`{tutore}`, `{riferimento}`, `{tema}`,
//! `{scadenza}`, `{giurista}`) into the reply's field, to be read and
//! changed before it is sent.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait as _, QueryOrder as _, QuerySelect as _, prelude::Uuid};

use super::access;
use crate::{
    domain::{
        Problem, SessionUser,
        consultations::{CannedReply, ConsultationRow},
        italian_date,
    },
    i18n::topic_name,
    ssr::{
        authz::account_id,
        clock,
        entities::canned_reply,
        error::{ServiceError, ServiceResult, Validation},
        state::AppState,
        user_markdown,
    },
};

const TITLE_MAX_CHARS: usize = 120;

fn as_view(row: canned_reply::Model) -> CannedReply {
    CannedReply { id: row.id.to_string(), title: row.title, body: row.body }
}

/// Every canned reply, by title.
pub async fn list(state: &AppState, reader: &SessionUser) -> ServiceResult<Vec<CannedReply>> {
    access::queue_districts(reader)?;
    let rows = canned_reply::Entity::find().order_by_asc(canned_reply::Column::Title).all(&state.db).await?;
    Ok(rows.into_iter().map(as_view).collect())
}

/// The titles, for the request page's choice.
pub async fn titles(db: &impl ConnectionTrait) -> ServiceResult<Vec<(String, String)>> {
    let rows: Vec<(Uuid, String)> = canned_reply::Entity::find()
        .select_only()
        .columns([canned_reply::Column::Id, canned_reply::Column::Title])
        .order_by_asc(canned_reply::Column::Title)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, title)| (id.to_string(), title)).collect())
}

/// Creates a canned reply (`id` empty) or changes one.
pub async fn save(state: &AppState, reader: &SessionUser, id: &str, title: &str, body: &str) -> ServiceResult<()> {
    access::queue_districts(reader)?;
    let mut validation = Validation::default();
    let (title, body) = (title.trim(), body.trim());
    if title.is_empty() {
        validation.add("title", Problem::Required);
    } else if title.chars().count() > TITLE_MAX_CHARS {
        validation.add("title", Problem::TitleInvalid);
    }
    if body.is_empty() {
        validation.add("body", Problem::Required);
    } else if body.chars().count() > user_markdown::MAX_CHARS {
        validation.add("body", Problem::PostTooLong);
    }
    validation.finish()?;
    let row = canned_reply::ActiveModel {
        id: Set(if id.is_empty() { Uuid::new_v4() } else { Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)? }),
        title: Set(title.to_owned()),
        body: Set(body.to_owned()),
        updated_by: Set(Some(account_id(reader)?)),
        updated_at: Set(clock::now()),
    };
    if id.is_empty() {
        canned_reply::Entity::insert(row).exec_without_returning(&state.db).await?;
    } else {
        match canned_reply::Entity::update(row).exec(&state.db).await {
            Ok(_) => {}
            Err(sea_orm::DbErr::RecordNotUpdated) => return Err(ServiceError::NotFound),
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

pub async fn delete(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<()> {
    access::queue_districts(reader)?;
    let id = Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)?;
    canned_reply::Entity::delete_by_id(id).exec(&state.db).await?;
    Ok(())
}

/// The canned reply `id` filled for `row`, written by `jurist`.
pub async fn filled(db: &impl ConnectionTrait, id: &str, row: &ConsultationRow, jurist: &SessionUser) -> ServiceResult<Option<String>> {
    let Ok(id) = Uuid::parse_str(id) else { return Ok(None) };
    let Some(reply) = canned_reply::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    let t = jurist.locale.texts();
    let values = [
        ("{tutore}", row.requester.clone().unwrap_or_default()),
        ("{riferimento}", row.reference.clone()),
        ("{tema}", topic_name(t, row.topic).to_owned()),
        ("{scadenza}", row.deadline.as_deref().map(italian_date).unwrap_or_default()),
        ("{giurista}", jurist.name.clone()),
    ];
    Ok(Some(values.iter().fold(reply.body, |text, (placeholder, value)| text.replace(placeholder, value))))
}
