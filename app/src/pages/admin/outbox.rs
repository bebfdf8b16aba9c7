use leptos::prelude::*;
use leptos_meta::Title;

use super::{AdminNav, format_time};
use crate::{
    api::admin::{requeue_mail::RequeueMail, send_test_mail::SendTestMail, undelivered_mail::undelivered_mail},
    components::{
        form::{PostForm, SubmitButton},
        page::{CoordinatorOnly, LoadError},
    },
    i18n::use_texts,
};
use leptos::server_fn::ServerFn as _;

/// Mail that has not gone out: what failed and why, and what is waiting.
#[component]
pub fn Outbox() -> impl IntoView {
    let t = use_texts();
    let mails = Resource::new(|| (), |()| undelivered_mail());
    view! {
        <Title text=t.admin_outbox_title/>
        <CoordinatorOnly>
            <h1>{t.admin_outbox_title}</h1>
            <AdminNav/>
            <p>{t.admin_outbox_lead}</p>
            <PostForm action=SendTestMail::url() id="send_test_mail">
                <SubmitButton label=t.admin_outbox_test class="btn btn-outline-primary"/>
            </PostForm>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || mails.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(rows) if rows.is_empty() => view! { <p class="empty">{t.admin_outbox_empty}</p> }.into_any(),
                    Ok(rows) => view! {
                        // One form for the table: each failed mail's button sends its id.
                        <PostForm action=RequeueMail::url() id="requeue_mail">
                        <div class="table-wrap">
                            <table class="table stack-on-phone">
                                <thead><tr>
                                    <th scope="col">{t.admin_when}</th>
                                    <th scope="col">{t.admin_recipient}</th>
                                    <th scope="col">{t.admin_mail_subject}</th>
                                    <th scope="col">{t.admin_status}</th>
                                    <th scope="col">{t.admin_attempts}</th>
                                    <th scope="col">{t.admin_last_error}</th>
                                    <th scope="col">{t.admin_what}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! {
                                        <tr class:failed=row.status == "failed">
                                            <td data-label=t.admin_when>{format_time(row.created_at)}</td>
                                            <td data-label=t.admin_recipient>{row.recipient.clone()}</td>
                                            <td data-label=t.admin_mail_subject>{row.subject}</td>
                                            <td data-label=t.admin_status>{if row.status == "failed" { t.admin_mail_failed } else { t.admin_mail_pending }}</td>
                                            <td data-label=t.admin_attempts>{row.attempts}</td>
                                            <td data-label=t.admin_last_error>{row.last_error.unwrap_or_default()}</td>
                                            <td data-label=t.admin_what>
                                                {(row.status == "failed").then(|| view! {
                                                    <button type="submit" class="btn btn-outline-primary btn-sm" name="id" value=row.id.to_string()>
                                                        {t.admin_outbox_requeue}
                                                        <span class="visually-hidden">" – "{row.recipient.clone()}</span>
                                                    </button>
                                                })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        </PostForm>
                    }
                    .into_any(),
                })}
            </Suspense>
        </CoordinatorOnly>
    }
}
