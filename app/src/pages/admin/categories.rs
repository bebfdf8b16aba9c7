//! Coordinators manage the community's categories and their moderators.

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::{
    api::admin::{
        appoint_moderator::AppointModerator, community_categories::community_categories, remove_moderator::RemoveModerator,
        save_category::SaveCategory,
    },
    components::{
        form::{PostForm, SelectField, SubmitButton, TextField},
        page::{CoordinatorOnly, LoadError},
    },
    domain::{District, Role, community::ManagedCategory},
    i18n::{Texts, role_name, use_texts},
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn Categories() -> impl IntoView {
    let t = use_texts();
    let categories = Resource::new(|| (), |()| community_categories());
    view! {
        <Title text=t.admin_categories_title/>
        <CoordinatorOnly>
            <h1>{t.admin_categories_title}</h1>
            <AdminNav/>
            <p class="lead">{t.admin_categories_lead}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || categories.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(categories) => view! {
                        {categories.into_iter().map(|category| view! { <CategoryPanel t category/> }).collect_view()}
                        <section class="panel" aria-labelledby="new-category">
                            <h2 id="new-category">{t.admin_category_new}</h2>
                            <CategoryForm t category=ManagedCategory::default()/>
                        </section>
                    }
                    .into_any(),
                })}
            </Suspense>
        </CoordinatorOnly>
    }
}

/// One category: its form and its moderators, or what it is when another
/// district's coordinators manage it.
#[component]
fn CategoryPanel(t: &'static Texts, category: ManagedCategory) -> impl IntoView {
    let heading = format!("category-{}", category.slug);
    let labelled_by = heading.clone();
    let title = category.name_it.clone();
    if !category.editable {
        return view! {
            <section class="panel" aria-labelledby=labelled_by>
                <h2 id=heading>{title}</h2>
                <p>{t.admin_category_not_editable}</p>
            </section>
        }
        .into_any();
    }
    let slug = category.slug.clone();
    let moderators = category.moderators.clone();
    let (appoint_slug, appoint_instance) = (slug.clone(), slug.clone());
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <CategoryForm t category/>
            <h3>{t.admin_category_moderators}</h3>
            {if moderators.is_empty() {
                view! { <p>{t.admin_category_moderators_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="moderators">
                        {moderators.into_iter().map(|moderator| {
                            let slug = slug.clone();
                            view! {
                                <li>
                                    {moderator.name}" · "{moderator.email}" "
                                    <PostForm action=RemoveModerator::url() id="remove_moderator" instance=format!("{slug}-{}", moderator.id) class="inline-form">
                                        <input type="hidden" name="slug" value=slug/>
                                        <input type="hidden" name="member" value=moderator.id/>
                                        <SubmitButton label=t.admin_category_remove class="btn btn-link btn-sm"/>
                                    </PostForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <PostForm action=AppointModerator::url() id="appoint_moderator" instance=appoint_instance class="watch-form">
                <input type="hidden" name="slug" value=appoint_slug/>
                <TextField name="email" label=t.admin_category_appoint_email kind="email" required=true/>
                <SubmitButton label=t.admin_category_appoint class="btn btn-outline-primary btn-sm"/>
            </PostForm>
        </section>
    }
    .into_any()
}

/// The fields of a category; a new one (empty slug) also asks for its address.
#[component]
fn CategoryForm(t: &'static Texts, category: ManagedCategory) -> impl IntoView {
    let new = category.slug.is_empty();
    let districts = std::iter::once((String::new(), t.admin_category_district_any.to_owned()))
        .chain(District::ALL.into_iter().map(|d| (d.code().to_owned(), d.name().to_owned())))
        .collect::<Vec<_>>();
    let roles = std::iter::once((String::new(), t.admin_category_role_any.to_owned()))
        .chain(Role::ALL.into_iter().map(|r| (r.code().to_owned(), role_name(t, r).to_owned())))
        .collect::<Vec<_>>();
    let instance = if new { "new".to_owned() } else { category.slug.clone() };
    view! {
        <PostForm action=SaveCategory::url() id="save_category" instance>
            <input type="hidden" name="existing" value=category.slug.clone()/>
            {new.then(|| view! { <TextField name="slug" label=t.admin_category_slug hint=t.admin_category_slug_hint required=true/> })}
            <TextField name="name_it" label=t.admin_category_name_it value=category.name_it required=true/>
            <TextField name="name_en" label=t.admin_category_name_en value=category.name_en required=true/>
            <TextField name="description_it" label=t.admin_category_description_it value=category.description_it/>
            <TextField name="description_en" label=t.admin_category_description_en value=category.description_en/>
            <SelectField name="district" label=t.admin_category_district options=districts value=category.district/>
            <SelectField name="role" label=t.admin_category_role options=roles value=category.role/>
            <TextField name="position" label=t.admin_category_position kind="number" value=category.position.to_string() required=true/>
            <TextField
                name="approve_first_posts"
                label=t.admin_category_approve_first_posts
                hint=t.admin_category_approve_first_posts_hint
                kind="number"
                value=category.approve_first_posts.to_string()
            />
            <SubmitButton label=if new { t.admin_category_create } else { t.admin_category_save }/>
        </PostForm>
    }
}
