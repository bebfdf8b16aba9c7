use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    api::consultations::join::{JoinConsultation, load_invitation},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::consultations::Invitation,
    i18n::{Texts, fill, use_texts},
};

/// The page an invitation's link opens: who invites to what, and the
/// button that joins, for the address invited.
#[component]
pub fn Join() -> impl IntoView {
    let t = use_texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let data = Resource::new(move || token.clone(), load_invitation);
    view! {
        <Title text=t.consultations_join_title/>
        <h1>{t.consultations_join_title}</h1>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(invitation) => view! { <Offer t invitation/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Offer(t: &'static Texts, invitation: Invitation) -> impl IntoView {
    let Invitation { token, reference, inviter, email, for_reader } = invitation;
    let lead = fill(t.consultations_join_lead, &[("inviter", &inviter.unwrap_or_default()), ("reference", &reference)]);
    let action = if for_reader {
        view! {
            <PostForm action=JoinConsultation::url() id="consultation_join">
                <input type="hidden" name="token" value=token/>
                <SubmitButton label=t.consultations_join_submit/>
            </PostForm>
        }
        .into_any()
    } else {
        view! { <p class="alert alert-warning" role="status">{fill(t.consultations_join_other_address, &[("email", &email)])}</p> }
            .into_any()
    };
    view! {
        <p class="lead">{lead}</p>
        {action}
    }
}
