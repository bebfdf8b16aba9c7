//! The page an unsubscribe link opens, with no sign-in. Turning mail off
//! is a button, not the visit itself, so mail scanners that follow links
//! change nothing; mail programs post to the same address at once.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use crate::{
    api::notifications::unsubscribe_status::unsubscribe_status, components::page::LoadError, domain::notifications::UnsubscribeLink,
    i18n::use_texts, routes::paths,
};

#[component]
pub fn Unsubscribe() -> impl IntoView {
    let t = use_texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let action = paths::unsubscribe(&token);
    let status = Resource::new(move || token.clone(), unsubscribe_status);
    view! {
        <Title text=t.unsubscribe_title/>
        <div class="narrow">
            <h1>{t.unsubscribe_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || status.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(UnsubscribeLink::Ready) => view! {
                        <p>{t.unsubscribe_lead}</p>
                        <form method="post" action=action.clone()>
                            <button type="submit" class="btn btn-primary">{t.unsubscribe_submit}</button>
                        </form>
                    }
                    .into_any(),
                    Ok(UnsubscribeLink::Used) => view! {
                        <div class="alert alert-success" role="status">{t.unsubscribe_done}</div>
                        <p>{t.unsubscribe_again}" "<A href=paths::ACCOUNT_NOTIFICATIONS>{t.mail_preferences_title}</A></p>
                    }
                    .into_any(),
                    Ok(UnsubscribeLink::Invalid) => view! {
                        <div class="alert alert-warning" role="alert">{t.unsubscribe_invalid}</div>
                        <p><A href=paths::ACCOUNT_NOTIFICATIONS>{t.mail_preferences_title}</A></p>
                    }
                    .into_any(),
                })}
            </Suspense>
        </div>
    }
}
