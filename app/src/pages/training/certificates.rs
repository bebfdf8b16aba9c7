//! `/training/certificates`: for coordinators, the certificates of their
//! districts (revoked ones marked), and the file for the court's list.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use super::{cycles::date_range, minutes_text};
use crate::{
    api::training::certificates::load_certificates,
    components::page::{LoadError, SignedIn},
    domain::{
        District,
        certificates::{CertificateList, CertificateRow},
        italian_date, rome_date,
    },
    i18n::{Texts, use_texts},
    routes::paths,
};

#[component]
pub fn Certificates() -> impl IntoView {
    let t = use_texts();
    let district = use_query_map().with_untracked(|q| q.get("district").unwrap_or_default());
    let data = Resource::new(move || district.clone(), load_certificates);
    view! {
        <Title text=t.certificates_title/>
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A>" › "<A href=paths::TRAINING_CYCLES>{t.cycles_title}</A></p>
        <h1>{t.certificates_title}</h1>
        <p class="lead">{t.certificates_lead}</p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(list) => view! { <List t list/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn List(t: &'static Texts, list: CertificateList) -> impl IntoView {
    let CertificateList { districts, district, rows } = list;
    let chosen = district.map(District::code).unwrap_or_default();
    let choices = (districts.len() > 1).then(|| {
        let all = (None, t.certificates_all_districts.to_owned());
        let each = districts.iter().map(|d| (Some(*d), d.name().to_owned()));
        view! {
            <nav class="button-row" aria-label=t.cycles_district>
                {std::iter::once(all).chain(each).map(|(d, name)| {
                    let href = paths::with_query(paths::TRAINING_CERTIFICATES, &[("district", d.map(District::code).unwrap_or_default())]);
                    let current = (d == district).then_some("page");
                    view! { <a href=href class="btn btn-outline-primary btn-sm" aria-current=current>{name}</a> }
                }).collect_view()}
            </nav>
        }
    });
    let table = if rows.is_empty() {
        view! { <p>{t.certificates_none}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table">
                    <thead><tr>
                        <th scope="col">{t.certificates_holder}</th>
                        <th scope="col">{t.certificates_cycle}</th>
                        <th scope="col">{t.certificates_hours}</th>
                        <th scope="col">{t.certificates_code}</th>
                        <th scope="col">{t.certificates_issued}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! { <Row t row/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        {choices}
        <p><a href=paths::training_certificates_csv(chosen) download="">{t.certificates_export}</a></p>
        {table}
    }
}

#[component]
fn Row(t: &'static Texts, row: CertificateRow) -> impl IntoView {
    let CertificateRow { facts, holder_email, cycle_id } = row;
    let revoked = facts.revoked.as_ref().map(|r| {
        view! { <br/><span class="tag tag-overdue">{t.certificates_revoked}" "{italian_date(&rome_date(r.at))}</span> }
    });
    view! {
        <tr>
            <td>{facts.holder}<br/><span class="meta">{holder_email}</span></td>
            <td>
                <A href=paths::training_cycle(&cycle_id)>{facts.cycle_title}</A>
                <br/><span class="meta">{facts.district.name()}" · "{date_range(t, &facts.starts_on, &facts.ends_on)}</span>
            </td>
            <td>{minutes_text(t, facts.attended_minutes)}</td>
            <td><a href=paths::verify_certificate(&facts.code)><code>{facts.code.clone()}</code></a>{revoked}</td>
            <td>{italian_date(&rome_date(facts.issued_at))}</td>
        </tr>
    }
}
