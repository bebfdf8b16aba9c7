//! Previous / next links and "page N of M" under a paged list.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use crate::i18n::{fill, use_texts};

/// `page` is zero-based; `link(n)` is the address of page `n`. A list
/// that fits on one page gets nothing.
#[component]
pub fn Pagination(page: u64, pages: u64, link: impl Fn(u64) -> String) -> impl IntoView {
    let t = use_texts();
    if pages <= 1 {
        return None;
    }
    let previous = (page > 0).then(|| link(page - 1));
    let next = (page + 1 < pages).then(|| link(page + 1));
    Some(view! {
        <nav class="pagination" aria-label=t.pagination_label>
            {previous.map(|href| view! { <A href=href attr:rel="prev">{t.pagination_previous}</A> })}
            <span>{fill(t.pagination_position, &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())])}</span>
            {next.map(|href| view! { <A href=href attr:rel="next">{t.pagination_next}</A> })}
        </nav>
    })
}

/// The zero-based page a list shows, from its address's `?page=N` (counted from one).
pub fn use_page_number() -> Memo<u64> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(1).saturating_sub(1)))
}
