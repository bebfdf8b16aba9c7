//! `/verify` and `/verify/{code}`: whether a certificate stands, for
//! anyone who has its code (a court clerk, without an account); its
//! district's coordinators may revoke it here.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{cycles::date_range, minutes_text};
use crate::{
    api::training::certificates::{RevokeCertificate, load_verification},
    components::{
        form::{PostForm, SubmitButton, TextField},
        page::LoadError,
    },
    domain::{
        certificates::{CertificateFacts, Verification},
        rome_date, rome_time,
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Verify() -> impl IntoView {
    let t = use_texts();
    let code = use_params_map()
        .with_untracked(|p| p.get("code"))
        .or_else(|| use_query_map().with_untracked(|q| q.get("code")))
        .filter(|code| !code.trim().is_empty());
    let outcome = code.clone().map(|code| {
        let data = Resource::new(move || code.clone(), load_verification);
        view! {
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(verification) => view! { <Outcome t verification/> }.into_any(),
                })}
            </Suspense>
        }
    });
    view! {
        <Title text=t.certificates_verify_title/>
        // A certificate's page names its holder: not for search engines.
        <Meta name="robots" content="noindex"/>
        <h1>{t.certificates_verify_title}</h1>
        {outcome}
        <form method="get" action=paths::VERIFY role="search" class="search-words">
            <TextField name="code" label=t.certificates_code hint=t.certificates_code_hint value=code.unwrap_or_default()/>
            <button type="submit" class="btn btn-primary">{t.certificates_verify_button}</button>
        </form>
    }
}

#[component]
fn Outcome(t: &'static Texts, verification: Verification) -> impl IntoView {
    let Verification { code, found, may_revoke } = verification;
    let Some(facts) = found else {
        return view! {
            <div class="alert alert-warning" role="status">
                <p class="alert-title">{fill(t.certificates_unknown, &[("code", &code)])}</p>
                <p>{t.certificates_unknown_hint}</p>
            </div>
        }
        .into_any();
    };
    let standing = match &facts.revoked {
        None => view! {
            <div class="alert alert-success" role="status">
                <p class="alert-title">{t.certificates_valid}</p>
                <p>{t.certificates_valid_explained}</p>
            </div>
        }
        .into_any(),
        Some(revocation) => {
            let reason = revocation.reason.clone().map(|reason| view! { <p>{t.certificates_reason}": "{reason}</p> });
            view! {
                <div class="alert alert-danger" role="status">
                    <p class="alert-title">{fill(t.certificates_revoked_since, &[("date", &rome_time(revocation.at))])}</p>
                    <p>{t.certificates_revoked_explained}</p>
                    {reason}
                </div>
            }
            .into_any()
        }
    };
    let revoke = may_revoke.then(|| {
        view! {
            <section class="panel" aria-labelledby="revoke">
                <h2 id="revoke">{t.certificates_revoke}</h2>
                <p>{t.certificates_revoke_explained}</p>
                <PostForm action=RevokeCertificate::url() id="certificate_revoke">
                    <input type="hidden" name="code" value=code.clone()/>
                    <TextField name="reason" label=t.certificates_reason hint=t.certificates_reason_hint required=true/>
                    <SubmitButton label=t.certificates_revoke class="btn btn-outline-danger"/>
                </PostForm>
            </section>
        }
    });
    view! {
        {standing}
        <Facts t facts/>
        {revoke}
    }
    .into_any()
}

/// What a certificate states, as a list of facts.
#[component]
pub(crate) fn Facts(t: &'static Texts, facts: CertificateFacts) -> impl IntoView {
    let CertificateFacts { code, holder, cycle_title, course, district, starts_on, ends_on, attended_minutes, trainers, issued_at, .. } =
        facts;
    view! {
        <dl class="facts">
            <dt>{t.certificates_holder}</dt><dd><strong>{holder}</strong></dd>
            <dt>{t.certificates_cycle}</dt><dd>{cycle_title}</dd>
            <dt>{t.cycles_course}</dt><dd>{course}</dd>
            <dt>{t.cycles_district}</dt><dd>{district.name()}</dd>
            <dt>{t.cycles_when}</dt><dd>{date_range(t, &starts_on, &ends_on)}</dd>
            <dt>{t.certificates_hours}</dt><dd>{minutes_text(t, attended_minutes)}</dd>
            <dt>{t.cycles_trainers}</dt><dd>{if trainers.is_empty() { t.cycles_no_trainers.to_owned() } else { trainers }}</dd>
            <dt>{t.certificates_issued}</dt><dd>{crate::domain::italian_date(&rome_date(issued_at))}</dd>
            <dt>{t.certificates_code}</dt><dd><code>{code}</code></dd>
        </dl>
    }
}
