use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::consultations::replies::{DeleteCannedReply, SaveCannedReply, load_canned_replies},
    components::{
        form::{PostForm, SubmitButton, TextArea, TextField},
        page::{LoadError, SignedIn},
    },
    domain::consultations::CannedReply,
    i18n::{Texts, use_texts},
    routes::paths,
};

/// The jurists' canned replies: each editable in place, and a new one.
#[component]
pub fn Replies() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_canned_replies());
    view! {
        <Title text=t.consultations_replies_title/>
        <p class="breadcrumb"><A href=paths::CONSULTATIONS_QUEUE>{t.consultations_queue_title}</A></p>
        <h1>{t.consultations_replies_title}</h1>
        <p class="lead">{t.consultations_replies_lead}</p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(replies) => view! { <ReplyList t replies/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn ReplyList(t: &'static Texts, replies: Vec<CannedReply>) -> impl IntoView {
    let list = if replies.is_empty() {
        view! { <p>{t.consultations_replies_empty}</p> }.into_any()
    } else {
        replies
            .into_iter()
            .map(|CannedReply { id, title, body }| {
                let heading = format!("reply-{id}");
                let labelled_by = heading.clone();
                let (save_as, delete_as, delete_id) = (id.clone(), id.clone(), id.clone());
                view! {
                    <section class="panel" aria-labelledby=labelled_by>
                        <h2 id=heading>{title.clone()}</h2>
                        <PostForm action=SaveCannedReply::url() id="canned_reply" instance=save_as>
                            <input type="hidden" name="id" value=id/>
                            <TextField name="title" label=t.consultations_replies_title_field value=title required=true/>
                            <TextArea name="body" label=t.consultations_replies_body_field value=body rows=6 required=true/>
                            <SubmitButton label=t.consultations_replies_save/>
                        </PostForm>
                        <PostForm action=DeleteCannedReply::url() id="canned_reply_delete" instance=delete_as>
                            <input type="hidden" name="id" value=delete_id/>
                            <SubmitButton label=t.consultations_replies_delete class="btn btn-outline-danger"/>
                        </PostForm>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        {list}
        <section class="panel" aria-labelledby="new-reply">
            <h2 id="new-reply">{t.consultations_replies_new}</h2>
            <PostForm action=SaveCannedReply::url() id="canned_reply">
                <input type="hidden" name="id" value=""/>
                <TextField name="title" label=t.consultations_replies_title_field required=true/>
                <TextArea name="body" label=t.consultations_replies_body_field rows=6 required=true/>
                <SubmitButton label=t.consultations_replies_save/>
            </PostForm>
        </section>
    }
}
