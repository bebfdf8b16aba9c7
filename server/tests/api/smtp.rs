//! A minimal SMTP server on loopback that keeps what it receives, so tests
//! read the mail Tutela really sent.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use tokio::{
    io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader},
    net::TcpListener,
    sync::{Mutex, Notify},
    task::JoinHandle,
};

/// One received message: the envelope recipient and the raw data.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub to: String,
    pub data: String,
}

impl ReceivedMail {
    /// The message with quoted-printable soft breaks and escapes undone, so
    /// a test can search for a link or a sentence.
    pub fn decoded(&self) -> String {
        decode_quoted_printable(&self.data)
    }

    /// The first link in the message that contains `fragment`.
    pub fn link_containing(&self, fragment: &str) -> Option<String> {
        let text = self.decoded();
        text.split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
            .find(|word| word.starts_with("http") && word.contains(fragment))
            .map(str::to_owned)
    }
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The mail catcher: a listener and what it received.
pub struct MailCatcher {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    arrived: Arc<Notify>,
    /// While set, every connection is greeted with 421 and closed, as by a
    /// server going down. The port stays bound meanwhile: closing it would
    /// let another test's listener take it and accept this test's mail.
    refusing: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl MailCatcher {
    pub async fn start() -> MailCatcher {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the SMTP catcher");
        let port = listener.local_addr().unwrap().port();
        let received = Arc::<Mutex<Vec<ReceivedMail>>>::default();
        let arrived = Arc::<Notify>::default();
        let refusing = Arc::<AtomicBool>::default();
        let task = tokio::spawn(listen(listener, received.clone(), arrived.clone(), refusing.clone()));
        MailCatcher { port, received, arrived, refusing, task }
    }

    /// Turns every delivery away until `accept_mail`, as an SMTP server
    /// that is down would.
    pub fn refuse_mail(&self) {
        self.refusing.store(true, Ordering::SeqCst);
    }

    /// Takes mail again.
    pub fn accept_mail(&self) {
        self.refusing.store(false, Ordering::SeqCst);
    }

    /// How many mails `recipient` has received.
    pub async fn received_for(&self, recipient: &str) -> usize {
        self.received.lock().await.iter().filter(|m| m.to == recipient).count()
    }

    /// Waits (up to 15 s) for a mail to `recipient` whose text contains
    /// `fragment`, and returns it.
    pub async fn wait_for(&self, recipient: &str, fragment: &str) -> ReceivedMail {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let notified = self.arrived.notified();
            if let Some(mail) = self.received.lock().await.iter().rev().find(|m| m.to == recipient && m.decoded().contains(fragment)) {
                return mail.clone();
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let received: Vec<String> = self.received.lock().await.iter().map(|m| m.to.clone()).collect();
                panic!("no mail with `{fragment}` reached {recipient} within 15 s; received mail for {received:?}");
            }
        }
    }
}

impl Drop for MailCatcher {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn listen(listener: TcpListener, received: Arc<Mutex<Vec<ReceivedMail>>>, arrived: Arc<Notify>, refusing: Arc<AtomicBool>) {
    while let Ok((mut socket, _)) = listener.accept().await {
        if refusing.load(Ordering::SeqCst) {
            let _ = socket.write_all(b"421 catcher.test closing\r\n").await;
            continue;
        }
        tokio::spawn(serve_session(socket, received.clone(), arrived.clone(), refusing.clone()));
    }
}

async fn serve_session(
    socket: tokio::net::TcpStream,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    arrived: Arc<Notify>,
    refusing: Arc<AtomicBool>,
) -> std::io::Result<()> {
    let (reader, mut writer) = socket.into_split();
    let mut reader = BufReader::new(reader);
    writer.write_all(b"220 catcher.test ESMTP\r\n").await?;
    let mut recipients = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") || command.starts_with("HELO") {
            writer.write_all(b"250-catcher.test\r\n250 8BITMIME\r\n").await?;
        } else if command.starts_with("MAIL FROM") {
            // A connection opened before the outage is turned away too.
            if refusing.load(Ordering::SeqCst) {
                writer.write_all(b"421 catcher.test closing\r\n").await?;
                return Ok(());
            }
            recipients.clear();
            writer.write_all(b"250 OK\r\n").await?;
        } else if command.starts_with("RCPT TO") {
            let address = line.trim_end()[8..].trim().trim_start_matches(':').trim().trim_matches(['<', '>']).to_owned();
            recipients.push(address);
            writer.write_all(b"250 OK\r\n").await?;
        } else if command == "DATA" {
            writer.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
            }
            {
                let mut store = received.lock().await;
                for to in recipients.drain(..) {
                    store.push(ReceivedMail { to, data: data.clone() });
                }
            }
            arrived.notify_waiters();
            writer.write_all(b"250 OK: queued\r\n").await?;
        } else if command == "QUIT" {
            writer.write_all(b"221 Bye\r\n").await?;
            return Ok(());
        } else {
            writer.write_all(b"250 OK\r\n").await?;
        }
    }
}
