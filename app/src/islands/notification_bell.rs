//! The header's link to the notifications, with how many are unread.

use leptos::prelude::*;

/// The link with the count the server rendered; once the page is
/// interactive, the count is asked for again at once if it is not zero
/// (the page itself may have read what it counted) and then every minute,
/// so a page left open shows what arrived since. With JavaScript off it is a plain link
/// with the count at the time the page was made.
#[island]
pub fn NotificationBell(href: String, count: u32, label: String, unread_label: String) -> impl IntoView {
    super::on_page();
    let count = RwSignal::new(count);
    #[cfg(feature = "hydrate")]
    {
        {
            use leptos::server_fn::ServerFn as _;
            let ask = move || {
                leptos::task::spawn_local(async move {
                    let url = crate::api::notifications::unread_count::UnreadCount::url();
                    if let Some(unread) = super::browser::get(url).await.and_then(|value| value.as_f64()) {
                        // A count, so a small whole number.
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        count.set(unread as u32);
                    }
                });
            };
            // A count above zero may be stale already: the page being
            // shown (a topic) may have read what it counted.
            if count.get_untracked() > 0 {
                ask();
            }
            let _ = set_interval_with_handle(ask, std::time::Duration::from_mins(1));
        }
    }
    // The number shows; the words after it are for screen readers, so the
    // link reads "Notifications 3 unread" and shows "Notifications 3".
    view! {
        <a href=href class="header-link bell">
            {label}
            // Always there, shown when needed: elements made in the browser
            // would bring their rendering code into the bundle.
            <span class="bell-count" hidden=move || count.get() == 0>
                {move || count.get()}<span class="visually-hidden">" "{unread_label}</span>
            </span>
        </a>
    }
}
