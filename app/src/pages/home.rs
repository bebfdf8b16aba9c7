use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::training::load_resume,
    components::page::use_user,
    domain::Role,
    i18n::{Texts, use_texts},
    pages::training::ResumePanel,
    routes::paths,
};

/// One suggestion on the home page: where to go and why.
struct NextStep {
    href: &'static str,
    title: &'static str,
    body: &'static str,
}

fn steps_for(t: &'static Texts, role: Role) -> Vec<NextStep> {
    match role {
        Role::Guardian => vec![
            NextStep { href: paths::TRAINING, title: t.home_guardian_training_title, body: t.home_guardian_training_body },
            NextStep { href: paths::CONSULTATIONS, title: t.home_guardian_consult_title, body: t.home_guardian_consult_body },
            NextStep { href: paths::COMMUNITY, title: t.home_community_title, body: t.home_community_body },
        ],
        Role::Operator => vec![
            NextStep { href: paths::COMMUNITY, title: t.home_community_title, body: t.home_community_body },
            NextStep { href: paths::TRAINING, title: t.home_operator_training_title, body: t.home_operator_training_body },
        ],
        Role::Trainer => vec![NextStep { href: paths::TRAINING, title: t.home_trainer_title, body: t.home_trainer_body }],
        Role::Jurist => vec![NextStep { href: paths::CONSULTATIONS, title: t.home_jurist_title, body: t.home_jurist_body }],
        Role::Coordinator => vec![
            NextStep { href: paths::ADMIN_USERS, title: t.home_coordinator_users_title, body: t.home_coordinator_users_body },
            NextStep { href: paths::ADMIN_OUTBOX, title: t.home_coordinator_outbox_title, body: t.home_coordinator_outbox_body },
        ],
    }
}

#[component]
fn StepCards(steps: Vec<NextStep>) -> impl IntoView {
    view! {
        <ul class="card-grid">
            {steps
                .into_iter()
                .map(|step| view! {
                    <li class="card">
                        <h3><A href=step.href>{step.title}</A></h3>
                        <p>{step.body}</p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

/// The home page: for visitors, what Tutela is; for users, what to do next
/// under each role they hold.
#[component]
pub fn Home() -> impl IntoView {
    let t = use_texts();
    let content = match use_user() {
        None => view! {
            <section class="hero">
                <h1>{t.home_visitor_title}</h1>
                <p class="lead">{t.home_visitor_lead}</p>
                <p class="actions">
                    <A href=paths::REGISTER attr:class="btn btn-primary">{t.nav_register}</A>
                    <A href=paths::LOGIN attr:class="btn btn-outline-primary">{t.nav_login}</A>
                </p>
            </section>
            <StepCards steps=vec![
                NextStep { href: paths::TRAINING, title: t.area_training_title, body: t.area_training_lead },
                NextStep { href: paths::COMMUNITY, title: t.area_community_title, body: t.area_community_lead },
                NextStep { href: paths::CONSULTATIONS, title: t.area_consultations_title, body: t.area_consultations_lead },
            ]/>
        }
        .into_any(),
        Some(user) => {
            let mut roles: Vec<Role> = user.grants.iter().map(|g| g.role).collect();
            roles.sort();
            roles.dedup();
            let sections = roles
                .into_iter()
                .map(|role| {
                    view! {
                        <section>
                            <h2>{crate::i18n::role_name(t, role)}</h2>
                            <StepCards steps=steps_for(t, role)/>
                        </section>
                    }
                })
                .collect_view();
            let resume = Resource::new(|| (), |()| load_resume());
            view! {
                <h1>{crate::i18n::fill(t.home_welcome, &[("name", &user.name)])}</h1>
                <p class="lead">{t.home_next_lead}</p>
                <Suspense>
                    {move || resume.get().and_then(Result::ok).flatten().map(|resume| view! { <ResumePanel t resume/> })}
                </Suspense>
                {sections}
            }
            .into_any()
        }
    };
    view! {
        <Title text=""/>
        {content}
    }
}
