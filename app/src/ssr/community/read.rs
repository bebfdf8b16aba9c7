//! The community pages: the categories a reader may see, a category's
//! topics, a topic's posts, each with what the reader was writing there.

use std::{collections::HashMap, fmt::Write as _};

use sea_orm::{
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _,
    prelude::Uuid,
    sea_query::{Expr, Func},
};

use super::{
    POSTS_PER_PAGE, TOPICS_PER_PAGE,
    access::{can_moderate, can_take_part},
    approval::{self, Place},
    may_edit, post_link, post_target,
    reactions::may_be_answer,
    visits,
};
use crate::{
    domain::{
        District, Draft, Role, SessionUser,
        community::{
            AcceptedAnswer, CategoryPage, CategorySummary, CommunityIndex, PostPermissions, PostState, PostView, Reaction, ReactionCount,
            TopicPage, TopicRow,
        },
    },
    i18n::{Locale, fill},
    ssr::{
        authz::account_id,
        clock, db, drafts,
        entities::{forum_category, forum_post, forum_post_revision, forum_reaction, forum_topic, post_draft, user},
        error::{ServiceError, ServiceResult},
        notifications,
        people::names,
        state::AppState,
    },
};

/// The category `slug`, if the reader may take part in it: a category they
/// may not see is as absent as one that does not exist.
pub(super) async fn category_for(db: &impl ConnectionTrait, reader: &SessionUser, slug: &str) -> ServiceResult<forum_category::Model> {
    let category = forum_category::Entity::find_by_id(slug.to_owned()).one(db).await?.ok_or(ServiceError::NotFound)?;
    if can_take_part(reader, &category) { Ok(category) } else { Err(ServiceError::Forbidden) }
}

/// The topic `id` and its category, if the reader may take part in it.
pub(super) async fn topic_for(
    db: &impl ConnectionTrait,
    reader: &SessionUser,
    id: &str,
) -> ServiceResult<(forum_topic::Model, forum_category::Model)> {
    topic_in_reach(db, reader, Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)?).await
}

async fn topic_in_reach(
    db: &impl ConnectionTrait,
    reader: &SessionUser,
    id: Uuid,
) -> ServiceResult<(forum_topic::Model, forum_category::Model)> {
    let topic = forum_topic::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let category = category_for(db, reader, &topic.category_slug).await?;
    Ok((topic, category))
}

/// The post `id`, its topic and its category, if the reader may take part there.
pub(super) async fn post_for(
    db: &impl ConnectionTrait,
    reader: &SessionUser,
    id: &str,
) -> ServiceResult<(forum_post::Model, forum_topic::Model, forum_category::Model)> {
    let id = Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)?;
    let post = forum_post::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let (topic, category) = topic_in_reach(db, reader, post.topic_id).await?;
    Ok((post, topic, category))
}

/// The district a category belongs to; none for a theme.
pub(super) fn district_of(category: &forum_category::Model) -> Option<District> {
    category.district.as_deref().and_then(District::from_code)
}

/// A category's name in `locale`.
pub(super) fn name_in(category: &forum_category::Model, locale: Locale) -> String {
    match locale {
        Locale::It => category.name_it.clone(),
        Locale::En => category.name_en.clone(),
    }
}

fn summary(category: &forum_category::Model, locale: Locale, topics: u64, last_post_at: Option<i64>) -> CategorySummary {
    let description = match locale {
        Locale::It => &category.description_it,
        Locale::En => &category.description_en,
    };
    CategorySummary {
        slug: category.slug.clone(),
        name: name_in(category, locale),
        description: description.clone(),
        district: district_of(category),
        restricted: category.role.is_some(),
        topics,
        last_post_at,
    }
}

/// The categories the reader may take part in, in their order, with how
/// many topics each has and when it last had a post, and whether the
/// reader moderates any of them.
pub async fn categories(state: &AppState, reader: &SessionUser) -> ServiceResult<CommunityIndex> {
    let categories = forum_category::Entity::find().order_by_asc(forum_category::Column::Position).all(&state.db).await?;
    let moderates = categories.iter().any(|category| can_moderate(reader, category));
    let activity: Vec<(String, i64, Option<i64>)> = forum_topic::Entity::find()
        .select_only()
        .column(forum_topic::Column::CategorySlug)
        .column_as(Expr::expr(Func::count(Expr::col(forum_topic::Column::Id))), "topics")
        .column_as(Expr::expr(Func::max(Expr::col(forum_topic::Column::LastPostAt))), "last_post_at")
        .group_by(forum_topic::Column::CategorySlug)
        .into_tuple()
        .all(&state.db)
        .await?;
    let activity: HashMap<String, (i64, Option<i64>)> = activity.into_iter().map(|(slug, topics, last)| (slug, (topics, last))).collect();
    let categories = categories
        .iter()
        .filter(|category| can_take_part(reader, category))
        .map(|category| {
            let (topics, last) = activity.get(&category.slug).copied().unwrap_or((0, None));
            summary(category, reader.locale, u64::try_from(topics).unwrap_or(0), last)
        })
        .collect();
    Ok(CommunityIndex { categories, moderates })
}

pub fn category_target(slug: &str) -> String {
    format!("category:{slug}")
}

pub fn topic_target(id: Uuid) -> String {
    format!("topic:{id}")
}

/// A category's topics, pinned first, then the most recently active.
pub async fn category_page(state: &AppState, reader: &SessionUser, slug: &str, page: u64) -> ServiceResult<CategoryPage> {
    let category = category_for(&state.db, reader, slug).await?;
    let matching = forum_topic::Entity::find().filter(forum_topic::Column::CategorySlug.eq(&category.slug));
    let found = db::fetch_page(
        &state.db,
        matching,
        |select| {
            select
                .order_by_desc(forum_topic::Column::Pinned)
                .order_by_desc(forum_topic::Column::LastPostAt)
                .order_by_desc(forum_topic::Column::Id)
        },
        page,
        TOPICS_PER_PAGE,
    )
    .await?;
    let authors = names(&state.db, found.rows.iter().map(|t| t.author_id)).await?;
    let me = account_id(reader)?;
    let read = visits::read_up_to(&state.db, me, found.rows.iter().map(|t| t.id)).await?;
    let topics = found
        .rows
        .iter()
        .map(|topic| TopicRow {
            id: topic.id.to_string(),
            title: topic.title.clone(),
            author: topic.author_id.and_then(|id| authors.get(&id).cloned()),
            posts: u32::try_from(topic.post_count).unwrap_or(0),
            last_post_at: topic.last_post_at,
            pinned: topic.pinned,
            locked: topic.locked,
            unread: read
                .get(&topic.id)
                .filter(|&&last| last < topic.post_count)
                .map(|&last| (u32::try_from(topic.post_count - last).unwrap_or(0), visits::first_unread_link(topic.id, last))),
        })
        .collect();
    let target = category_target(&category.slug);
    let watch = notifications::level_of(&state.db, me, &target).await?;
    Ok(CategoryPage {
        category: summary(&category, reader.locale, found.total, None),
        watch,
        topics,
        page: found.page,
        pages: found.pages,
        draft: drafts::load(&state.db, me, &target).await?,
        held: approval::own_held(&state.db, me, &category, Place::Category(&category.slug)).await?,
    })
}

/// A topic's posts in order. A hidden post keeps its place; its text and
/// the reason go to moderators only. With `quote`, the reply form starts
/// by quoting that post of the topic (after whatever the reader had written).
pub async fn topic_page(state: &AppState, reader: &SessionUser, id: &str, page: u64, quote: Option<&str>) -> ServiceResult<TopicPage> {
    let (topic, category) = topic_for(&state.db, reader, id).await?;
    let moderator = can_moderate(reader, &category);
    // Every post keeps its place, so a page is a range of places: no count,
    // no offset to skip over.
    let pages = u64::try_from(topic.post_count).unwrap_or(0).div_ceil(POSTS_PER_PAGE).max(1);
    let page = page.min(pages - 1);
    let first = i32::try_from(page * POSTS_PER_PAGE).unwrap_or(i32::MAX);
    // Each post with its author (whose home district's coordinators may stop
    // them writing).
    let rows: Vec<(forum_post::Model, Option<user::Model>)> = forum_post::Entity::find()
        .filter(forum_post::Column::TopicId.eq(topic.id))
        .filter(forum_post::Column::Position.gt(first))
        .filter(forum_post::Column::Position.lte(first.saturating_add(i32::try_from(POSTS_PER_PAGE).unwrap_or(i32::MAX))))
        .order_by_asc(forum_post::Column::Position)
        .find_also_related(user::Entity)
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let me = account_id(reader)?;
    let now = clock::now();
    let window = state.settings.community_edit_seconds;
    let last_read = visits::last_read(&state.db, me, topic.id).await?;
    if let Some(shown) = rows.last().map(|(post, _)| post.position) {
        visits::record(&state.db, me, topic.id, last_read, shown).await?;
    }
    // What the reader left unsent here, the reply and the edits of the
    // posts on this page, in one query.
    let reply_target = topic_target(topic.id);
    let mut targets: Vec<String> =
        rows.iter().filter(|(p, _)| may_edit(me, moderator, p, now, window)).map(|(p, _)| post_target(p.id)).collect();
    targets.push(reply_target.clone());
    let mut drafts: HashMap<String, Draft> = post_draft::Entity::find()
        .filter(post_draft::Column::UserId.eq(me))
        .filter(post_draft::Column::Target.is_in(targets))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| (row.target.clone(), drafts::as_draft(row)))
        .collect();
    let mut revisions: HashMap<Uuid, Vec<(i64, String)>> = HashMap::new();
    if moderator && !rows.is_empty() {
        let revised = forum_post_revision::Entity::find()
            .filter(forum_post_revision::Column::PostId.is_in(rows.iter().map(|(p, _)| p.id)))
            .order_by_asc(forum_post_revision::Column::ReplacedAt)
            .all(&state.db)
            .await?;
        for row in revised {
            revisions.entry(row.post_id).or_default().push((row.replaced_at, row.body_markdown));
        }
    }
    let reactions = reactions_on(&state.db, me, rows.iter().map(|(p, _)| p.id)).await?;
    let may_accept = topic.author_id == Some(me) || moderator;
    let mut posts = Vec::with_capacity(rows.len());
    for (post, author) in rows {
        let may_silence = post.author_id != Some(me)
            && author
                .as_ref()
                .and_then(|a| District::from_code(&a.home_district))
                .is_some_and(|home| reader.has_role_in(Role::Coordinator, home));
        let (author, author_handle) = author.map(|a| (a.name, a.handle)).unzip();
        let visible = post.status == "visible";
        let acceptable = may_accept && may_be_answer(&post);
        let hidden = post.status == "hidden";
        let deleted = post.status == "deleted";
        let edit = may_edit(me, moderator, &post, now, window).then(|| {
            drafts.remove(&post_target(post.id)).unwrap_or_else(|| Draft { body: post.body_markdown.clone(), ..Draft::default() })
        });
        posts.push(PostView {
            id: post.id.to_string(),
            author,
            author_handle: author_handle.flatten(),
            created_at: post.created_at,
            html: if deleted || (hidden && !moderator) { String::new() } else { post.body_html },
            state: if deleted {
                PostState::Deleted
            } else if hidden {
                PostState::Hidden { reason: if moderator { post.hidden_reason } else { None } }
            } else {
                PostState::Visible
            },
            edited_at: post.edited_at,
            edit,
            own: post.author_id == Some(me),
            revisions: revisions.remove(&post.id).unwrap_or_default(),
            reactions: if visible { counts_for(&reactions, post.id) } else { Vec::new() },
            answer: visible && topic.accepted_post_id == Some(post.id),
            may: PostPermissions { accept: acceptable, silence: may_silence },
            first_unread: last_read.is_some_and(|last| post.position == last + 1),
        });
    }
    let answer = accepted_answer(&state.db, &topic).await?;
    let draft = match quote {
        Some(quoted) => Some(quoting(&state.db, &topic, quoted, drafts.remove(&reply_target), reader.locale).await?),
        None => drafts.remove(&reply_target),
    };
    let move_to = if moderator {
        forum_category::Entity::find()
            .order_by_asc(forum_category::Column::Position)
            .all(&state.db)
            .await?
            .into_iter()
            .filter(|other| other.slug != category.slug && can_moderate(reader, other))
            .map(|other| (other.slug.clone(), name_in(&other, reader.locale)))
            .collect()
    } else {
        Vec::new()
    };
    let watch = notifications::level_of(&state.db, me, &reply_target).await?;
    // Reading the topic reads what the reader was told of in it.
    notifications::read_at_target(state, reader, &reply_target).await?;
    Ok(TopicPage {
        id: topic.id.to_string(),
        title: topic.title,
        category_slug: category.slug.clone(),
        category_name: name_in(&category, reader.locale),
        locked: topic.locked,
        pinned: topic.pinned,
        moderator,
        move_to,
        posts,
        page,
        pages,
        draft,
        held: approval::own_held(&state.db, me, &category, Place::Topic(topic.id)).await?,
        answer,
        watch,
    })
}

/// The reply form's text when the reader quotes post `quoted`: what they
/// had written, then the post as a Markdown quote, naming its author. Only
/// a post of this topic shown to everyone is quoted; otherwise the text
/// stays as it was.
async fn quoting(
    db: &impl ConnectionTrait,
    topic: &forum_topic::Model,
    quoted: &str,
    draft: Option<Draft>,
    locale: Locale,
) -> ServiceResult<Draft> {
    let mut draft = draft.unwrap_or_default();
    let Ok(quoted) = Uuid::parse_str(quoted) else { return Ok(draft) };
    let Some((post, author)) = forum_post::Entity::find_by_id(quoted)
        .filter(forum_post::Column::TopicId.eq(topic.id))
        .filter(forum_post::Column::Status.eq("visible"))
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(draft);
    };
    let t = locale.texts();
    let author = author.map_or_else(|| t.community_deleted_author.to_owned(), |a| a.name);
    if !draft.body.trim().is_empty() {
        draft.body = format!("{}\n\n", draft.body.trim_end());
    }
    let _ = write!(draft.body, "> {}\n>\n", fill(t.community_quote_intro, &[("author", &format!("**{author}**"))]));
    for line in post.body_markdown.lines() {
        draft.body.push_str(if line.is_empty() { ">" } else { "> " });
        draft.body.push_str(line);
        draft.body.push('\n');
    }
    draft.body.push('\n');
    Ok(draft)
}

/// Each reaction to `posts`: how many, and whether `reader` gave it.
type Reactions = HashMap<(Uuid, String), (u32, bool)>;

async fn reactions_on(db: &impl ConnectionTrait, reader: Uuid, posts: impl Iterator<Item = Uuid>) -> ServiceResult<Reactions> {
    let mut found = Reactions::new();
    let posts: Vec<Uuid> = posts.collect();
    if posts.is_empty() {
        return Ok(found);
    }
    let rows: Vec<(Uuid, String, Uuid)> = forum_reaction::Entity::find()
        .select_only()
        .columns([forum_reaction::Column::PostId, forum_reaction::Column::Kind, forum_reaction::Column::UserId])
        .filter(forum_reaction::Column::PostId.is_in(posts))
        .into_tuple()
        .all(db)
        .await?;
    for (post, kind, user) in rows {
        let entry = found.entry((post, kind)).or_default();
        entry.0 += 1;
        entry.1 |= user == reader;
    }
    Ok(found)
}

fn counts_for(reactions: &Reactions, post: Uuid) -> Vec<ReactionCount> {
    Reaction::ALL
        .into_iter()
        .map(|reaction| {
            let (count, mine) = reactions.get(&(post, reaction.code().to_owned())).copied().unwrap_or_default();
            ReactionCount { reaction, count, mine }
        })
        .collect()
}

/// Where the topic's accepted answer is, if it has one still shown.
async fn accepted_answer(db: &impl ConnectionTrait, topic: &forum_topic::Model) -> ServiceResult<Option<AcceptedAnswer>> {
    let Some(id) = topic.accepted_post_id else {
        return Ok(None);
    };
    let Some(post) = forum_post::Entity::find_by_id(id).one(db).await?.filter(may_be_answer) else {
        return Ok(None);
    };
    let author = names(db, std::iter::once(post.author_id)).await?.into_values().next();
    Ok(Some(AcceptedAnswer { author, link: post_link(topic.id, post.position, post.id) }))
}
