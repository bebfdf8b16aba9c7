//! The demo FAQ for `tutela seed --demo`: one published entry, so the FAQ,
//! the search and the filing form's similar questions have something to show.

use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, ConnectionTrait, prelude::Uuid};

use super::findable;
use crate::{
    domain::{consultations::Topic, faq::FaqStatus},
    ssr::{clock, entities::faq_entry, error::ServiceResult, user_markdown},
};

const QUESTION: &str = "Un minore straniero non accompagnato può iscriversi a scuola a metà anno, anche senza permesso di soggiorno?";

const ANSWER: &str =
    "Sì. I minori stranieri presenti in Italia hanno diritto all'istruzione qualunque sia la loro posizione di soggiorno, \
e l'iscrizione si chiede in qualunque periodo dell'anno scolastico, alle condizioni previste per i minori italiani \
(art. 38 d.lgs. 286/1998; art. 45 c. 1 d.P.R. 394/1999). Chi non ha ancora documenti anagrafici, o li ha incompleti, \
è iscritto con riserva: i documenti si completano dopo.

Di norma il ragazzo entra nella classe della sua età anagrafica; il collegio dei docenti può decidere una classe diversa \
tenendo conto degli studi fatti nel Paese di provenienza e delle competenze accertate (art. 45 c. 2 d.P.R. 394/1999). \
Dai 16 anni ci si può iscrivere anche a un CPIA (art. 3 d.P.R. 263/2012).

Se la scuola rifiuta, il tutore chiede che il rifiuto sia scritto e si rivolge all'Ufficio scolastico territoriale: \
le scuole devono favorire l'assolvimento dell'obbligo scolastico dei minori non accompagnati fin dal loro ingresso \
in accoglienza (art. 14 c. 3 l. 47/2017).";

/// Publishes the demo entry, written by `author`.
pub async fn seed_demo(db: &impl ConnectionTrait, author: Uuid) -> ServiceResult<()> {
    let now = clock::now();
    let row = faq_entry::ActiveModel {
        id: Set(Uuid::new_v4()),
        consultation_id: Set(None),
        topic: Set(Topic::SchoolRegistry.code().to_owned()),
        title: Set(QUESTION.to_owned()),
        body: Set(ANSWER.to_owned()),
        body_html: Set(user_markdown::render(ANSWER)),
        status: Set(FaqStatus::Published.code().to_owned()),
        author_id: Set(Some(author)),
        approved_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(Some(now)),
    }
    .insert(db)
    .await?;
    findable::index_entry(db, &row).await
}
