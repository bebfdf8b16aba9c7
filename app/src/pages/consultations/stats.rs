//! The coordinators' statistics: tables, charts drawn on the server as SVG
//! (nothing runs in the browser), and the tables as CSV files.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use crate::{
    api::consultations::stats::load_consultation_stats,
    components::{
        form::SelectField,
        page::{CoordinatorOnly, LoadError},
    },
    domain::consultation_stats::{ConsultationStats, StatsTable, as_float, hours_text, rating_text},
    i18n::{Texts, use_texts},
    routes::paths,
};

fn hours(minutes: Option<i64>) -> String {
    hours_text(minutes).unwrap_or_else(|| "–".to_owned())
}

fn rating(average: Option<f64>) -> String {
    rating_text(average).unwrap_or_else(|| "–".to_owned())
}

#[component]
pub fn Stats() -> impl IntoView {
    let t = use_texts();
    let district = use_query_map().with_untracked(|q| q.get("district").unwrap_or_default());
    let data = Resource::new(move || district.clone(), load_consultation_stats);
    view! {
        <Title text=t.stats_title/>
        <p class="breadcrumb"><A href=paths::CONSULTATIONS_QUEUE>{t.consultations_queue_title}</A></p>
        <h1>{t.stats_title}</h1>
        <p class="lead">{t.stats_lead}</p>
        <CoordinatorOnly>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(stats) => view! { <Tables t stats/> }.into_any(),
                })}
            </Suspense>
        </CoordinatorOnly>
    }
}

#[component]
fn Tables(t: &'static Texts, stats: ConsultationStats) -> impl IntoView {
    let ConsultationStats { districts, district, loads, jurists, months } = stats;
    let chosen = district.map(|d| d.code().to_owned()).unwrap_or_default();
    let csv = |table: StatsTable| paths::with_query(paths::CONSULTATIONS_STATS_CSV, &[("of", table.code()), ("district", &chosen)]);
    let choice = (districts.len() > 1).then(|| {
        let options = districts.iter().map(|d| (d.code().to_owned(), d.name().to_owned())).collect();
        view! {
            <form method="get" action=paths::CONSULTATIONS_STATS class="filters">
                <SelectField name="district" label=t.stats_district options value=chosen.clone() placeholder=t.stats_all_districts/>
                <button type="submit" class="btn btn-outline-primary">{t.stats_show}</button>
            </form>
        }
    });
    let filed: Vec<(String, f64, String)> = months.iter().map(|m| (m.month.clone(), f64::from(m.filed), m.filed.to_string())).collect();
    let first_response: Vec<(String, f64, String)> = months
        .iter()
        .map(|m| {
            (
                m.month.clone(),
                m.median_first_response.map_or(0.0, |minutes| as_float(usize::try_from(minutes).unwrap_or(0)) / 60.0),
                hours(m.median_first_response),
            )
        })
        .collect();
    let ratings: Vec<(String, f64, String)> =
        months.iter().map(|m| (m.month.clone(), m.average_rating.unwrap_or(0.0), rating(m.average_rating))).collect();
    let jurist_rows = if jurists.is_empty() {
        view! { <p>{t.stats_no_jurists}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="jurists">
                <table class="table stats-table">
                    <thead><tr>
                        <th scope="col">{t.stats_jurist}</th><th scope="col">{t.stats_district}</th><th scope="col">{t.stats_open}</th>
                        <th scope="col">{t.stats_overdue}</th><th scope="col">{t.stats_handled}</th>
                        <th scope="col">{t.stats_first_response_hours}</th><th scope="col">{t.stats_average_rating}</th>
                    </tr></thead>
                    <tbody>
                        {jurists.into_iter().map(|j| view! {
                            <tr>
                                <th scope="row">{j.name}</th><td>{j.district.name()}</td><td>{j.open}</td>
                                <td class:overdue={j.overdue > 0}>{j.overdue}</td><td>{j.handled}</td>
                                <td>{hours(j.median_first_response)}</td><td>{format!("{} ({})", rating(j.average_rating), j.ratings)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        {choice}
        <section aria-labelledby="now">
            <h2 id="now">{t.stats_now_title}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="now">
                <table class="table stats-table">
                    <thead><tr>
                        <th scope="col">{t.stats_district}</th><th scope="col">{t.stats_open}</th>
                        <th scope="col">{t.stats_overdue}</th><th scope="col">{t.stats_unassigned}</th>
                    </tr></thead>
                    <tbody>
                        {loads.into_iter().map(|l| view! {
                            <tr><th scope="row">{l.district.name()}</th><td>{l.open}</td><td class:overdue={l.overdue > 0}>{l.overdue}</td><td>{l.unassigned}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="jurists">
            <h2 id="jurists">{t.stats_jurists_title}</h2>
            <p class="field-hint">{t.stats_jurists_lead}</p>
            {jurist_rows}
        </section>
        <section aria-labelledby="months">
            <h2 id="months">{t.stats_months_title}</h2>
            <div class="charts">
                <BarChart title=t.stats_chart_filed bars=filed/>
                <BarChart title=t.stats_chart_first_response bars=first_response/>
                <BarChart title=t.stats_chart_rating bars=ratings/>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="months">
                <table class="table stats-table">
                    <thead><tr>
                        <th scope="col">{t.stats_month}</th><th scope="col">{t.stats_filed}</th><th scope="col">{t.stats_answered}</th>
                        <th scope="col">{t.stats_first_response_hours}</th><th scope="col">{t.stats_resolution_hours}</th>
                        <th scope="col">{t.stats_average_rating}</th>
                    </tr></thead>
                    <tbody>
                        {months.into_iter().rev().map(|m| view! {
                            <tr>
                                <th scope="row">{m.month}</th><td>{m.filed}</td><td>{m.answered}</td>
                                <td>{hours(m.median_first_response)}</td><td>{hours(m.median_resolution)}</td>
                                <td>{format!("{} ({})", rating(m.average_rating), m.ratings)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <p>
            {t.stats_download}" "
            <a href=csv(StatsTable::Months) download="">{t.stats_download_months}</a>" · "
            <a href=csv(StatsTable::Jurists) download="">{t.stats_download_jurists}</a>
        </p>
    }
}

/// A bar per month, drawn on the server; the table below it holds the
/// same figures for screen readers and for copying.
#[component]
fn BarChart(title: &'static str, bars: Vec<(String, f64, String)>) -> impl IntoView {
    const WIDTH: f64 = 480.0;
    const HEIGHT: f64 = 160.0;
    const LABELS: f64 = 18.0;
    let top = bars.iter().map(|(_, value, _)| *value).fold(0.0_f64, f64::max).max(1.0);
    let slot = WIDTH / as_float(bars.len().max(1));
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {}", HEIGHT + LABELS * 2.0) role="img" aria-label=title>
                {bars.into_iter().enumerate().map(|(i, (month, value, text))| {
                    let height = value / top * HEIGHT;
                    let x = as_float(i) * slot;
                    view! {
                        <g>
                            <rect x=x + slot * 0.15 y=LABELS + HEIGHT - height width=slot * 0.7 height=height class="bar"/>
                            <text x=x + slot / 2.0 y=LABELS + HEIGHT - height - 4.0 text-anchor="middle" class="value">{text}</text>
                            <text x=x + slot / 2.0 y=HEIGHT + LABELS * 2.0 - 4.0 text-anchor="middle" class="label">{month[5..].to_owned()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}
