use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use crate::{
    api::search::search_results,
    components::{
        form::{GetForm, SelectField, TextField},
        page::LoadError,
        pagination::{Pagination, use_page_number},
    },
    domain::{
        FormFeedback, rome_time,
        search::{COUNTED_UP_TO, SearchHit, SearchPage, SearchRequest},
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

/// The question, as the page's query string holds it.
fn request_from_query(query: &leptos_router::params::ParamsMap) -> SearchRequest {
    let get = |name: &str| query.get(name).unwrap_or_default();
    SearchRequest { q: get("q"), place: get("place"), author: get("author"), from: get("from"), to: get("to") }
}

fn page_link(request: &SearchRequest, page: u64) -> String {
    let page = (page + 1).to_string();
    let SearchRequest { q, place, author, from, to } = request;
    paths::with_query(paths::SEARCH, &[("q", q), ("place", place), ("author", author), ("from", from), ("to", to), ("page", &page)])
}

/// Search across what the reader may see, with filters; a GET form, so a
/// search is a link and works with JavaScript off.
#[component]
pub fn Search() -> impl IntoView {
    let t = use_texts();
    let request = use_query_map().with_untracked(request_from_query);
    let page = use_page_number();
    let results = Resource::new(move || (request.clone(), page.get()), |(request, page)| search_results(request, page));
    view! {
        <Title text=t.search_title/>
        <h1>{t.search_title}</h1>
        <p class="lead">{t.search_lead}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || results.get().map(|result| match result {
                Err(error) => view! { <LoadError error/> }.into_any(),
                Ok(page) => view! { <Results t page/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Results(t: &'static Texts, page: SearchPage) -> impl IntoView {
    let SearchPage { request, searched, hits, total, page, pages, places, problems, signed_in } = page;
    let values: BTreeMap<String, String> =
        [("q", &request.q), ("place", &request.place), ("author", &request.author), ("from", &request.from), ("to", &request.to)]
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.clone()))
            .collect();
    let feedback = FormFeedback { form: "search".to_owned(), problems: problems.clone(), values };
    let places: Vec<(String, String)> = places.into_iter().map(|p| (p.key, p.name)).collect();
    let outcome = if !problems.is_empty() {
        None
    } else if !searched {
        (!request.q.trim().is_empty()).then(|| view! { <p role="status">{t.search_no_terms}</p> }.into_any())
    } else if hits.is_empty() {
        Some(view! { <p role="status">{t.search_no_results}</p> }.into_any())
    } else {
        let count = match total {
            1 => t.search_result_count_one.to_owned(),
            more if more > COUNTED_UP_TO => fill(t.search_result_count_more, &[("count", &COUNTED_UP_TO.to_string())]),
            _ => fill(t.search_result_count, &[("count", &total.to_string())]),
        };
        let link_request = request.clone();
        Some(
            view! {
                <p class="result-count" role="status">{count}</p>
                <ol class="search-results">{hits.into_iter().map(|hit| view! { <Hit hit/> }).collect_view()}</ol>
                <Pagination page pages link=move |n| page_link(&link_request, n)/>
            }
            .into_any(),
        )
    };
    view! {
        {(!signed_in).then(|| view! { <p class="alert alert-info">{t.search_visitor}" "<A href=paths::LOGIN>{t.nav_login}</A></p> })}
        <GetForm action=paths::SEARCH id="search" feedback class="search-form">
            <div class="search-words">
                <TextField name="q" label=t.search_words kind="search"/>
                <button type="submit" class="btn btn-primary">{t.search_submit}</button>
            </div>
            <details class="search-filters" open=request.has_filters()>
                <summary>{t.search_filters}</summary>
                <div class="filters">
                    <SelectField name="place" label=t.search_place options=places placeholder=t.search_everywhere/>
                    <TextField name="author" label=t.search_author hint=t.search_author_hint/>
                    <TextField name="from" label=t.search_from kind="date"/>
                    <TextField name="to" label=t.search_to kind="date"/>
                </div>
            </details>
        </GetForm>
        {outcome}
    }
}

#[component]
fn Hit(hit: SearchHit) -> impl IntoView {
    let SearchHit { title, link, place, author, created_at, snippet } = hit;
    view! {
        <li>
            <h2><a href=link>{title}</a></h2>
            <p class="snippet">
                {snippet.into_iter().map(|part| if part.hit {
                    view! { <mark>{part.text}</mark> }.into_any()
                } else {
                    part.text.into_any()
                }).collect_view()}
            </p>
            <p class="meta">
                {place}{author.map(|name| view! { " · "{name} })}" · "{rome_time(created_at)}
            </p>
        </li>
    }
}
