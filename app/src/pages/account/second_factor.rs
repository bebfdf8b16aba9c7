use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    api::account::{
        disable_second_factor::DisableSecondFactor, enable_second_factor::EnableSecondFactor, replace_recovery_codes::ReplaceRecoveryCodes,
        second_factor_page::second_factor_page,
    },
    components::{
        form::{PostForm, SubmitButton, TextField},
        page::{LoadError, SignedIn, use_form_feedback},
    },
    domain::{Enrolment, RecoveryCodes, SecondFactorStatus},
    i18n::{Texts, fill, use_texts},
};
use leptos::server_fn::ServerFn as _;

/// Two-factor sign-in: set it up with an authenticator app, take new
/// recovery codes, or turn it off where no role requires it.
#[component]
pub fn SecondFactor() -> impl IntoView {
    let t = use_texts();
    // The offer a failed form came from, so the QR code stays the one scanned.
    let kept = use_form_feedback("enable_second_factor").or_else(|| use_form_feedback("replace_recovery_codes"));
    let value = move |name: &str| kept.as_ref().and_then(|f| f.value(name).map(str::to_owned)).unwrap_or_default();
    let offered = (value("secret"), value("recovery_codes"), value("proof"));
    let page = Resource::new(move || offered.clone(), |(secret, codes, proof)| second_factor_page(secret, codes, proof));
    view! {
        <Title text=t.second_factor_title/>
        <SignedIn>
            <h1>{t.second_factor_title}</h1>
            <p>{t.second_factor_lead}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || page.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(page) => view! { <SecondFactorState t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn SecondFactorState(t: &'static Texts, page: SecondFactorStatus) -> impl IntoView {
    let SecondFactorStatus { enabled, required, recovery_codes_left, enrolment, new_codes } = page;
    view! {
        {(required && !enabled).then(|| view! { <div class="alert alert-warning" role="status">{t.second_factor_required}</div> })}
        {enabled.then(|| view! {
            <div class="alert alert-success" role="status">
                {t.second_factor_on}" "{fill(t.second_factor_codes_left, &[("count", &recovery_codes_left.to_string())])}
            </div>
        })}
        {enrolment.map(|enrolment| view! { <Enrol t enrolment/> })}
        {new_codes.map(|codes| view! { <NewCodes t codes/> })}
        {enabled.then(|| if required {
            view! { <section class="panel"><h2>{t.second_factor_disable_title}</h2><p>{t.second_factor_mandatory}</p></section> }.into_any()
        } else {
            view! {
                <section class="panel danger-zone">
                    <h2>{t.second_factor_disable_title}</h2>
                    <p>{t.second_factor_disable_body}</p>
                    <PostForm action=DisableSecondFactor::url() id="disable_second_factor">
                        <TextField name="current_password" label=t.field_current_password kind="password" autocomplete="current-password" required=true/>
                        <SubmitButton label=t.second_factor_disable_submit class="btn btn-outline-danger"/>
                    </PostForm>
                </section>
            }
            .into_any()
        })}
    }
}

/// The list of recovery codes, to write down or print.
#[component]
fn CodeList(codes: Vec<String>) -> impl IntoView {
    view! { <ol class="recovery-codes">{codes.into_iter().map(|code| view! { <li>{code}</li> }).collect_view()}</ol> }
}

#[component]
fn Enrol(t: &'static Texts, enrolment: Enrolment) -> impl IntoView {
    let Enrolment { secret, qr_svg, codes: RecoveryCodes { codes, proof } } = enrolment;
    let joined = codes.join(" ");
    // Typed keys are read in groups of four.
    let shown_secret = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ");
    view! {
        <ol class="steps">
            <li>
                <h2>{t.second_factor_step_app}</h2>
                <p>{t.second_factor_step_app_body}</p>
            </li>
            <li>
                <h2>{t.second_factor_step_scan}</h2>
                <div class="qr" role="img" aria-label=t.second_factor_qr_label inner_html=qr_svg></div>
                <p>{t.second_factor_manual_key}</p>
                <p class="secret-key"><code>{shown_secret}</code></p>
            </li>
            <li>
                <h2>{t.second_factor_step_codes}</h2>
                <p>{t.second_factor_codes_body}</p>
                <CodeList codes/>
            </li>
            <li>
                <h2>{t.second_factor_step_confirm}</h2>
                <PostForm action=EnableSecondFactor::url() id="enable_second_factor">
                    <input type="hidden" name="secret" value=secret/>
                    <input type="hidden" name="recovery_codes" value=joined/>
                    <input type="hidden" name="proof" value=proof/>
                    <TextField name="code" label=t.field_code autocomplete="one-time-code" hint=t.second_factor_code_hint required=true/>
                    <SubmitButton label=t.second_factor_enable_submit/>
                </PostForm>
            </li>
        </ol>
    }
}

#[component]
fn NewCodes(t: &'static Texts, codes: RecoveryCodes) -> impl IntoView {
    let RecoveryCodes { codes, proof } = codes;
    let joined = codes.join(" ");
    view! {
        <section class="panel">
            <h2>{t.second_factor_new_codes_title}</h2>
            <p>{t.second_factor_new_codes_body}</p>
            <CodeList codes/>
            <PostForm action=ReplaceRecoveryCodes::url() id="replace_recovery_codes">
                <input type="hidden" name="recovery_codes" value=joined/>
                <input type="hidden" name="proof" value=proof/>
                <TextField name="code" label=t.field_code autocomplete="one-time-code" hint=t.second_factor_code_hint required=true/>
                <SubmitButton label=t.second_factor_new_codes_submit class="btn btn-outline-primary"/>
            </PostForm>
        </section>
    }
}
