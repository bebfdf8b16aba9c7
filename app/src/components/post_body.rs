//! The text field of a post or a consultation message: Markdown with a
//! preview, the draft kept in the browser, and the privacy guard's warning.

use leptos::prelude::*;

use super::{
    form::{CheckboxField, TextArea},
    page::use_page_context,
};
use crate::{
    domain::{Draft, Identifying},
    i18n::Texts,
    islands::MarkdownEditor,
};

/// What each kind of finding is, and how to say the same without it.
pub fn finding_text(t: &'static Texts, kind: Identifying) -> &'static str {
    match kind {
        Identifying::NameWithAge => t.community_privacy_name_with_age,
        Identifying::PersonName => t.community_privacy_person_name,
        Identifying::FiscalCode => t.community_privacy_fiscal_code,
        Identifying::PhoneNumber => t.community_privacy_phone_number,
        Identifying::EmailAddress => t.community_privacy_email_address,
        Identifying::BirthDate => t.community_privacy_birth_date,
        Identifying::DocumentNumber => t.community_privacy_document_number,
        Identifying::StreetAddress => t.community_privacy_street_address,
    }
}

/// The text of a post or message being written, from the reader's draft if there is
/// one, and the privacy guard's findings in it with the box that confirms
/// it; a "Preview" button, and the preview of a kept draft. With
/// `keep_as` (the draft's target), the browser keeps what is typed until
/// the form is sent.
#[component]
pub fn PostBody(
    t: &'static Texts,
    draft: Option<Draft>,
    label: &'static str,
    hint: &'static str,
    #[prop(optional)] keep_as: Option<String>,
) -> impl IntoView {
    let Draft { body, findings, preview_html, .. } = draft.unwrap_or_default();
    // Per member, so a shared computer never offers one member's text to another.
    let draft_key =
        keep_as.zip(use_page_context().user.and_then(|user| user.handle)).map(|(target, handle)| format!("tutela-draft:{handle}:{target}"));
    let warning = (!findings.is_empty()).then(|| {
        view! {
            <div class="alert alert-warning privacy-check" role="alert">
                <p class="alert-title">{t.community_privacy_title}</p>
                <p>{t.community_privacy_lead}</p>
                <ul>
                    {findings
                        .into_iter()
                        .map(|finding| view! { <li><q>{finding.excerpt}</q>": "{finding_text(t, finding.kind)}</li> })
                        .collect_view()}
                </ul>
                <p>{t.community_privacy_how}</p>
                <CheckboxField name="privacy_confirmed".to_owned() label=t.community_privacy_confirm.to_owned()/>
            </div>
        }
    });
    view! {
        {warning}
        <MarkdownEditor
            preview=preview_html
            preview_title=t.community_preview_title.to_owned()
            restored_note=t.community_draft_restored.to_owned()
            draft_key
        >
            <TextArea name="body" label hint value=body required=true/>
            <button type="submit" name="preview" value="1" formnovalidate=true class="btn btn-outline-secondary btn-sm preview-button">
                {t.community_preview}
            </button>
        </MarkdownEditor>
    }
}
