//! Members' handles, for @mentions: made from the name when an account is
//! made ("Anna Rossi" → `anna.rossi`, `anna.rossi2` if taken), accents
//! folded so that anyone can type them; and the handles a text mentions.

use std::sync::LazyLock;

use regex::Regex;
use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _, prelude::Uuid, sea_query::Expr};
use unicode_normalization::{UnicodeNormalization as _, char::is_combining_mark};

use super::{entities::user, error::ServiceResult};

const MAX_CHARS: usize = 24;

/// `@handle`, not inside a word or an address (`anna@example.it`).
static MENTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\p{L}\p{N}@._-])@([a-z0-9](?:[a-z0-9._-]{0,22}[a-z0-9])?)").expect("a valid pattern"));

/// The handle a name suggests: lower case letters and digits, words joined
/// by dots, accents dropped.
fn from_name(name: &str) -> String {
    let folded: String = name.nfd().filter(|c| !is_combining_mark(*c)).collect::<String>().to_lowercase();
    let words: Vec<String> =
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_owned).collect();
    let mut handle = words.join(".");
    handle.truncate(MAX_CHARS);
    let handle = handle.trim_end_matches('.').to_owned();
    if handle.is_empty() { "membro".to_owned() } else { handle }
}

/// A handle no one has yet, from `name`.
pub async fn unique(db: &impl ConnectionTrait, name: &str) -> ServiceResult<String> {
    let base = from_name(name);
    let taken: Vec<String> = user::Entity::find()
        .select_only()
        .column(user::Column::Handle)
        .filter(user::Column::Handle.starts_with(&base))
        .into_tuple::<Option<String>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    // Among n taken handles, one of the first n + 1 candidates is free.
    let mut candidates = std::iter::once(base.clone()).chain((2..=taken.len() + 1).map(|n| format!("{base}{n}")));
    Ok(candidates.find(|candidate| !taken.contains(candidate)).unwrap_or(base))
}

/// Gives a handle to every account that has none (made before handles
/// existed); returns how many.
pub async fn assign_missing(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    let missing: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Name])
        .filter(user::Column::Handle.is_null())
        .into_tuple()
        .all(db)
        .await?;
    for (id, name) in &missing {
        let handle = unique(db, name).await?;
        user::Entity::update_many().col_expr(user::Column::Handle, Expr::value(handle)).filter(user::Column::Id.eq(*id)).exec(db).await?;
    }
    Ok(missing.len() as u64)
}

/// The handles `text` mentions, each once, in lower case.
pub fn mentioned(text: &str) -> Vec<String> {
    let mut found: Vec<String> = MENTION.captures_iter(&text.to_lowercase()).map(|c| c[1].to_owned()).collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_comes_from_the_name_with_accents_folded() {
        assert_eq!(from_name("Anna Rossi"), "anna.rossi");
        assert_eq!(from_name("  Niccolò D'Amico-Bianchi "), "niccolo.d.amico.bianchi");
        assert_eq!(from_name("Ægir"), "gir", "letters with no plain form drop out");
        assert_eq!(from_name("李"), "membro");
        assert!(from_name("Maria Giovanna Elisabetta Carolina Rossi").len() <= MAX_CHARS);
    }

    #[test]
    fn mentions_are_found_but_not_addresses() {
        assert_eq!(mentioned("Grazie @Anna.Rossi e @luca2, ne parlo con @anna.rossi."), vec!["anna.rossi", "luca2"]);
        assert!(mentioned("scrivi a anna@example.it").is_empty());
        assert_eq!(mentioned("@paolo: sì"), vec!["paolo"]);
    }
}
