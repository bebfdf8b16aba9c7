//! `tutela content check`, as a trainer runs it on their edits.

use std::process::Command;

use crate::helpers::{content_dir, copy_tree};

fn tutela() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tutela"))
}

#[test]
fn content_check_accepts_the_shipped_course() {
    let content = content_dir();
    let output = tutela().args(["content", "check", "--dir"]).arg(&content).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("the course is valid"), "{stdout}");
}

#[test]
fn content_check_names_file_and_line_of_a_mistake_and_fails() {
    let source = content_dir();
    let copy = std::env::temp_dir().join(format!("tutela-content-check-{}", uuid::Uuid::new_v4()));
    copy_tree(&source, &copy);
    let quiz = copy.join("modules/03-diritto-1/quiz.toml");
    let text = std::fs::read_to_string(&quiz).unwrap();
    std::fs::write(&quiz, text.replacen("correct = false", "correct = true", 1)).unwrap();

    let output = tutela().args(["content", "check", "--dir"]).arg(&copy).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    std::fs::remove_dir_all(&copy).unwrap();
    assert!(!output.status.success());
    assert!(
        stderr.contains("modules/03-diritto-1/quiz.toml:6: question `definizione-msna` is `single` but has 2 correct choices"),
        "{stderr}"
    );
    assert!(stderr.contains("1 problem(s) to fix"), "{stderr}");
}
