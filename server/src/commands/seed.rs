//! `tutela seed`: `--demo` makes one demo account per role in each district,
//! two consultations of the Milano guardian and the demo's training cycles,
//! so a newcomer can try every part of Tutela; `--users N` adds sample
//! accounts for trying lists at scale and for the benchmark; `--scale` adds
//! 100,000 sample forum posts, 20,000 consultations, and 40 courses with
//! 200 cycles that the sample guardians follow, by the accounts there.
//! Running any of them again changes nothing.

use std::io::{IsTerminal as _, Write as _};

use sea_orm::TransactionTrait as _;

use tutela_app::{
    domain::{District, Role, RoleGrant, working_days::WorkingCalendar},
    ssr::{
        accounts::{NewAccount, create_active_account, create_sample_accounts},
        community::sample,
        consultations::sample as consultations_sample,
        second_factor,
        training::sample as training_sample,
    },
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    launch, state,
};

/// The demo password, documented in the README. Demo data only.
pub const DEMO_PASSWORD: &str = "tutela-demo-2026";
/// A Milano guardian who completed the demo's past cycle and holds its certificate.
pub const DEMO_GRADUATE: &str = "graduate.milano@demo.tutela.localhost";
/// The two-factor key of the demo jurists and coordinators (their roles
/// require it), documented in the README. Demo data only.
pub const DEMO_TOTP_SECRET: &str = "KRKVIRKMIFCEKTKPKRKVIRKMIFCEKTKP";

/// What to seed.
pub struct Seeds {
    pub demo: bool,
    pub users: Option<u32>,
    pub scale: bool,
}

pub async fn run(config: &Config, seeds: Seeds) -> ServerResult<()> {
    let Seeds { demo, users, scale } = seeds;
    if !demo && users.is_none() && !scale {
        return Err(ServerError::Usage(
            "nothing to seed: pass --demo for the demo accounts, --users N for sample accounts, --scale for sample forum posts, consultations and training".into(),
        ));
    }
    if config.public_url.as_deref().is_some_and(|url| url.starts_with("https://")) {
        return Err(ServerError::Usage(
            "refusing to seed: demo and sample accounts share a published password, and public_url says this Tutela is served \
             over https, so it may be public. Seed a local copy instead."
                .into(),
        ));
    }
    let db = state::open_database(config).await?;
    if let Some(count) = users {
        let created = create_sample_accounts(&db, count, DEMO_PASSWORD).await?;
        println!("{created} sample accounts added ({count} in all, person.NNNNNN@sample.tutela.localhost, password: {DEMO_PASSWORD})");
    }
    if demo {
        seed_demo(&db, config).await?;
    }
    if scale {
        seed_scale(&db, &config.closing_days).await?;
    }
    Ok(())
}

async fn seed_demo(db: &sea_orm::DatabaseConnection, config: &Config) -> ServerResult<()> {
    println!("Demo accounts (password: {DEMO_PASSWORD}; jurists and coordinators sign in with a code from the key {DEMO_TOTP_SECRET})");
    println!("{:<13} {:<9} email", "role", "district");
    for district in District::ALL {
        for role in Role::ALL {
            let email = demo_email(role, district);
            let name = format!("Demo {} {}", role.code(), district.name());
            let grants = [RoleGrant { role, district }];
            let created = create_active_account(
                db,
                NewAccount { name: &name, email: &email, password: DEMO_PASSWORD, home_district: district, grants: &grants },
            )
            .await?;
            if role.is_privileged() {
                second_factor::enable_with_known_secret(db, &email, DEMO_TOTP_SECRET).await?;
            }
            println!("{:<13} {:<9} {email}{}", role.code(), district.code(), if created { "" } else { "  (already there)" });
        }
    }
    let consultations = consultations_sample::seed_demo(
        db,
        &WorkingCalendar::for_district(&config.closing_days, District::Milano),
        &demo_email(Role::Guardian, District::Milano),
        &demo_email(Role::Jurist, District::Milano),
    )
    .await?;
    if consultations > 0 {
        println!("{consultations} demo consultations of the Milano guardian, one taken by the Milano jurist");
    }
    // The cycles run the course, which the server would import only at its first start.
    launch::import_course_if_missing(db, config).await?;
    let graduate = create_active_account(
        db,
        NewAccount {
            name: "Demo graduate Milano",
            email: DEMO_GRADUATE,
            password: DEMO_PASSWORD,
            home_district: District::Milano,
            grants: &[RoleGrant { role: Role::Guardian, district: District::Milano }],
        },
    )
    .await?;
    println!("{:<13} {:<9} {DEMO_GRADUATE}{}", "guardian", "milano", if graduate { "" } else { "  (already there)" });
    let cycles = training_sample::seed_demo(db, demo_trainer, DEMO_GRADUATE).await?;
    if cycles > 0 {
        println!(
            "{cycles} demo training cycles: one open for enrolment per district, run by its demo trainer, and one completed in Milano \
             whose graduate ({DEMO_GRADUATE}) holds a certificate"
        );
    }
    Ok(())
}

/// Reports progress as `label [#####     ] done/total` on a terminal, a
/// line per tenth otherwise.
fn progress_bar(label: &'static str) -> impl FnMut(u32, u32) {
    let terminal = std::io::stderr().is_terminal();
    let mut shown = 0;
    move |done, total| {
        let tenth = done * 10 / total.max(1);
        if terminal {
            let bar = "#".repeat(tenth as usize * 3);
            eprint!("\r{label} [{bar:<30}] {done}/{total}");
            if done == total {
                eprintln!();
            }
            let _ = std::io::stderr().flush();
        } else if tenth > shown {
            eprintln!("{label}: {done}/{total}");
        }
        shown = tenth;
    }
}

/// The sample forum and consultations, each in one transaction, with a progress bar.
async fn seed_scale(db: &sea_orm::DatabaseConnection, closing_days: &[(District, u32, u32)]) -> ServerResult<()> {
    let txn = db.begin().await?;
    let created = sample::seed_scale(&txn, progress_bar("sample posts")).await?;
    txn.commit().await?;
    if created {
        println!("sample forum added: 100000 posts in 10000 topics; the longest, of 1000 posts: /community/t/{}", sample::LARGE_TOPIC_ID);
    } else {
        println!("sample forum already there");
    }
    let txn = db.begin().await?;
    let calendar_of = |district| WorkingCalendar::for_district(closing_days, district);
    let created = consultations_sample::seed_scale(&txn, calendar_of, progress_bar("sample consultations")).await?;
    txn.commit().await?;
    if created {
        println!(
            "sample consultations added: 20000 over two years; a request with its jurist: /consultations/{}",
            consultations_sample::BENCH_REQUEST_ID
        );
    } else {
        println!("sample consultations already there");
    }
    let txn = db.begin().await?;
    let created =
        training_sample::seed_scale(&txn, demo_trainer, &demo_email(Role::Guardian, District::Milano), progress_bar("sample cycles"))
            .await?;
    txn.commit().await?;
    if created {
        println!(
            "sample training added: 40 courses and 200 cycles with the sample guardians' progress; a lesson of the cycle the demo \
             guardian of Milano follows: /training/lessons/{}",
            training_sample::BENCH_LESSON_ID
        );
    } else {
        println!("sample training already there");
    }
    Ok(())
}

/// A demo account's address.
fn demo_email(role: Role, district: District) -> String {
    format!("{}.{}@demo.tutela.localhost", role.code(), district.code())
}

fn demo_trainer(district: District) -> String {
    demo_email(Role::Trainer, district)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_site_served_over_https_is_never_seeded() {
        let data_dir = std::env::temp_dir().join(format!("tutela-seed-{}", std::process::id()));
        let config = Config {
            public_url: Some("https://tutela.example.org".into()),
            database_url: tutela_app::ssr::secrets::Secret::new(format!("sqlite://{}?mode=rwc", data_dir.join("tutela.db").display())),
            data_dir: data_dir.clone(),
            ..Config::load(None).unwrap()
        };
        let seeds = Seeds { demo: true, users: Some(10), scale: true };
        assert!(matches!(run(&config, seeds).await, Err(ServerError::Usage(_))));
        assert!(!data_dir.exists(), "nothing was created");
    }
}
