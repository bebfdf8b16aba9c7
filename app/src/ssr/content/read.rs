//! Reading the content tree: files, front matter and TOML, with the line of
//! every parse error.

use std::{
    fs,
    path::{Path, PathBuf},
};

use serde::{Deserialize, de::DeserializeOwned};

use super::{
    ContentProblem,
    model::{Bilingual, CaseStudy, Course, GlossaryTerm, Lesson, Module, Quiz},
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseFile {
    id: String,
    title: Bilingual,
    summary: Bilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<GlossaryTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleFile {
    id: String,
    order: u32,
    title: Bilingual,
    summary: Bilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFront {
    id: String,
    order: u32,
    minutes: u32,
    title: Bilingual,
    summary: Bilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFront {
    id: String,
    order: u32,
    title: Bilingual,
    summary: Bilingual,
}

/// Collects problems while reading, with paths relative to the root.
struct Reader<'a> {
    root: &'a Path,
    problems: Vec<ContentProblem>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// The lines where `header` (such as `[[question]]`) starts a table, in order.
pub(super) fn header_lines(text: &str, header: &str) -> Vec<usize> {
    text.lines().enumerate().filter(|(_, line)| line.trim() == header).map(|(index, _)| index + 1).collect()
}

impl Reader<'_> {
    fn relative(&self, path: &Path) -> String {
        path.strip_prefix(self.root).unwrap_or(path).display().to_string()
    }

    fn problem(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        let file = self.relative(path);
        self.problems.push(ContentProblem { file, line, message: message.into() });
    }

    fn read(&mut self, path: &Path) -> Option<String> {
        match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(error) => {
                self.problem(path, 0, format!("cannot be read: {error}"));
                None
            }
        }
    }

    /// Parses TOML `text` (which starts at `first_line` of the file).
    fn toml<T: DeserializeOwned>(&mut self, path: &Path, text: &str, first_line: usize) -> Option<T> {
        match toml::from_str::<T>(text) {
            Ok(value) => Some(value),
            Err(error) => {
                let line = error.span().map_or(0, |span| line_of(text, span.start) + first_line - 1);
                self.problem(path, line, format!("{} (see content/README.md for the format)", error.message()));
                None
            }
        }
    }

    /// Splits `+++` front matter from the Markdown body: (front matter,
    /// body, line where the body starts).
    fn front_matter<'t>(&mut self, path: &Path, text: &'t str) -> Option<(&'t str, &'t str, usize)> {
        let Some(rest) = text.strip_prefix("+++\n") else {
            self.problem(path, 1, "must start with a `+++` line opening the front matter");
            return None;
        };
        let Some(end) = rest.find("\n+++\n").or_else(|| rest.strip_suffix("\n+++").map(str::len)) else {
            self.problem(path, 1, "the front matter is not closed by a `+++` line");
            return None;
        };
        let front = &rest[..=end];
        let body = rest.get(end + 5..).unwrap_or("");
        let body_line = line_of(text, 4 + end + 5);
        Some((front, body, body_line))
    }

    fn sorted_entries(&mut self, dir: &Path) -> Vec<PathBuf> {
        match fs::read_dir(dir) {
            Ok(entries) => {
                let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
                paths.sort();
                paths
            }
            Err(error) => {
                self.problem(dir, 0, format!("cannot be listed: {error}"));
                Vec::new()
            }
        }
    }

    fn lesson(&mut self, path: &Path) -> Option<Lesson> {
        let text = self.read(path)?;
        let (front, body, body_line) = self.front_matter(path, &text)?;
        let front: LessonFront = self.toml(path, front, 2)?;
        Some(Lesson {
            id: front.id,
            order: front.order,
            minutes: front.minutes,
            title: front.title,
            summary: front.summary,
            body: body.to_owned(),
            file: self.relative(path),
            body_line,
        })
    }

    fn case(&mut self, path: &Path) -> Option<CaseStudy> {
        let text = self.read(path)?;
        let (front, body, body_line) = self.front_matter(path, &text)?;
        let front: CaseFront = self.toml(path, front, 2)?;
        Some(CaseStudy {
            id: front.id,
            order: front.order,
            title: front.title,
            summary: front.summary,
            body: body.to_owned(),
            file: self.relative(path),
            body_line,
        })
    }

    fn quiz(&mut self, path: &Path) -> Option<Quiz> {
        let text = self.read(path)?;
        let mut quiz: Quiz = self.toml(path, &text, 1)?;
        quiz.file = self.relative(path);
        quiz.question_lines = header_lines(&text, "[[question]]");
        Some(quiz)
    }

    fn module(&mut self, dir: &Path) -> Option<Module> {
        let manifest = dir.join("module.toml");
        if !manifest.is_file() {
            self.problem(dir, 0, "a module folder needs a module.toml (id, order, title, summary)");
            return None;
        }
        let text = self.read(&manifest)?;
        let file: ModuleFile = self.toml(&manifest, &text, 1)?;
        let mut module = Module {
            id: file.id,
            order: file.order,
            title: file.title,
            summary: file.summary,
            folder: self.relative(dir),
            lessons: Vec::new(),
            quiz: None,
            cases: Vec::new(),
        };
        for path in self.sorted_entries(dir) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            if name == "module.toml" {
                // Read above.
            } else if name == "quiz.toml" {
                module.quiz = self.quiz(&path);
            } else if name == "cases" && path.is_dir() {
                for case_path in self.sorted_entries(&path) {
                    if case_path.extension().is_some_and(|e| e == "md") {
                        module.cases.extend(self.case(&case_path));
                    } else {
                        self.problem(&case_path, 0, "unexpected file: case studies are .md files");
                    }
                }
            } else if path.extension().is_some_and(|e| e == "md") {
                module.lessons.extend(self.lesson(&path));
            } else {
                self.problem(&path, 0, "unexpected file: a module holds module.toml, lessons (.md), quiz.toml and cases/");
            }
        }
        module.lessons.sort_by_key(|l| l.order);
        module.cases.sort_by_key(|c| c.order);
        Some(module)
    }
}

/// Reads everything under `root`; the course is `None` only when its
/// manifest cannot be read at all.
pub(super) fn read_tree(root: &Path) -> (Option<Course>, Vec<ContentProblem>) {
    let mut reader = Reader { root, problems: Vec::new() };
    let course_path = root.join("course.toml");
    let course_file = reader.read(&course_path).and_then(|text| reader.toml::<CourseFile>(&course_path, &text, 1));

    let glossary_path = root.join("glossary.toml");
    let glossary = reader
        .read(&glossary_path)
        .and_then(|text| {
            let lines = header_lines(&text, "[[term]]");
            reader.toml::<GlossaryFile>(&glossary_path, &text, 1).map(|file| (file, lines))
        })
        .map(|(file, lines)| {
            file.term
                .into_iter()
                .enumerate()
                .map(|(index, term)| GlossaryTerm { line: lines.get(index).copied().unwrap_or(0), ..term })
                .collect()
        })
        .unwrap_or_default();

    let modules_dir = root.join("modules");
    let mut modules = Vec::new();
    for path in reader.sorted_entries(&modules_dir) {
        if path.is_dir() {
            modules.extend(reader.module(&path));
        } else {
            reader.problem(&path, 0, "unexpected file: modules/ holds one folder per module");
        }
    }
    modules.sort_by_key(|m| m.order);

    let course = course_file.map(|file| Course { id: file.id, title: file.title, summary: file.summary, modules, glossary });
    (course, reader.problems)
}

#[cfg(test)]
mod tests {
    use super::line_of;

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
