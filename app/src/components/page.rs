//! Hooks for what pages commonly need from the page context.

use leptos::prelude::*;

use crate::{
    domain::{Flash, FormFeedback, Notice, Role, SessionUser},
    ssr::page::PageContext,
};

pub fn use_page_context() -> PageContext {
    use_context::<PageContext>().unwrap_or_default()
}

pub fn use_user() -> Option<SessionUser> {
    use_page_context().user
}

/// The one-shot message the previous request left for this page.
pub fn use_flash() -> Option<Flash> {
    use_page_context().flash
}

/// The feedback left for form `form`, if the last post of it failed.
pub fn use_form_feedback(form: &str) -> Option<FormFeedback> {
    match use_flash() {
        Some(Flash::Form(feedback)) if feedback.form == form => Some(feedback),
        _ => None,
    }
}

pub fn use_notice() -> Option<Notice> {
    match use_flash() {
        Some(Flash::Notice(notice)) => Some(notice),
        _ => None,
    }
}

/// A problem the previous request left that belongs to no form.
pub fn use_page_problem() -> Option<crate::domain::Problem> {
    match use_flash() {
        Some(Flash::Problem(problem)) => Some(problem),
        _ => None,
    }
}

/// Sets the HTTP status of the page being rendered.
pub fn set_page_status(status: u16) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(code) = http::StatusCode::from_u16(status)
    {
        response.set_status(code);
    }
}

/// Shown instead of a page the reader may not see (and sent with 403).
#[component]
pub fn Forbidden() -> impl IntoView {
    let t = crate::i18n::use_texts();
    set_page_status(403);
    view! {
        <leptos_meta::Title text=t.forbidden_title/>
        <h1>{t.forbidden_title}</h1>
        <p>{t.forbidden_body}</p>
    }
}

/// Renders `children` for a signed-in reader; anyone else is sent to the
/// sign-in page. The server functions behind the page check again.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    move || {
        if use_user().is_some() {
            children().into_any()
        } else {
            view! { <leptos_router::components::Redirect path=crate::routes::paths::LOGIN/> }.into_any()
        }
    }
}

/// Shown instead of a jurist's or coordinator's page until the reader has
/// turned on two-factor sign-in (and sent with 403).
#[component]
pub fn SecondFactorNeeded() -> impl IntoView {
    let t = crate::i18n::use_texts();
    set_page_status(403);
    view! {
        <leptos_meta::Title text=t.second_factor_title/>
        <h1>{t.second_factor_title}</h1>
        <p>{t.second_factor_required}</p>
        <p><leptos_router::components::A href=crate::routes::paths::ACCOUNT_SECOND_FACTOR attr:class="btn btn-primary">{t.second_factor_enable_submit}</leptos_router::components::A></p>
    }
}

/// Renders `children` for a coordinator with two-factor sign-in on; a
/// coordinator without it is sent to set it up, a signed-in reader without
/// the role sees "forbidden", a visitor is sent to sign in.
#[component]
pub fn CoordinatorOnly(children: ChildrenFn) -> impl IntoView {
    view! {
        <SignedIn>
            {
                let children = children.clone();
                move || match use_user() {
                    Some(user) if user.has_role(Role::Coordinator) && user.needs_second_factor() => view! { <SecondFactorNeeded/> }.into_any(),
                    Some(user) if user.has_role(Role::Coordinator) => children().into_any(),
                    _ => view! { <Forbidden/> }.into_any(),
                }
            }
        </SignedIn>
    }
}

/// The message shown when loading a page's data failed.
#[component]
pub fn LoadError(error: crate::domain::AppError) -> impl IntoView {
    let t = crate::i18n::use_texts();
    set_page_status(error.status());
    let text = match error {
        crate::domain::AppError::Forbidden => t.forbidden_body,
        crate::domain::AppError::Refused(problem) => crate::i18n::problem_text(t, problem),
        crate::domain::AppError::NotFound => t.not_found_body,
        _ => t.error_generic,
    };
    view! { <div class="alert alert-danger" role="alert">{text}</div> }
}
