//! Findings for a person at a terminal, as a compiler prints them: the rule, the place, the
//! source line with the spot marked (text sources), the table, and the help; a summary at the end.

use std::collections::BTreeMap;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use jixiao::{Finding, Severity};

/// The language of messages and help.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

/// How far below a row's first line its cells are looked for.
const ROW_LINES: usize = 80;

/// Where each line of `source` starts, found once per input: a finding's line is then a slice,
/// not a walk from the top (20 000 findings in a 5 MB file took minutes).
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// Where `text` stands at or below `line` (1-based) of `source`, whose lines start at `starts`:
/// the line and the byte range.
fn find_spot(source: &str, starts: &[usize], line: usize, text: Option<&str>) -> Option<(usize, String, std::ops::Range<usize>)> {
    let from = *starts.get(line.checked_sub(1)?)?;
    let lines: Vec<&str> = source[from..].lines().take(ROW_LINES).collect();
    let wanted = text.and_then(|t| t.lines().map(str::trim).find(|l| !l.is_empty()));
    if let Some(wanted) = wanted {
        for (k, l) in lines.iter().enumerate() {
            if let Some(at) = l.find(wanted) {
                return Some((line + k, (*l).to_owned(), at..at + wanted.len()));
            }
        }
    }
    // Not found: the row's first line with text (a merged cell reads empty).
    let (k, first) = lines.iter().enumerate().take(12).find(|(_, l)| !l.trim().is_empty()).or(lines.first().map(|l| (0, l)))?;
    let start = first.len() - first.trim_start().len();
    Some((line + k, (*first).to_owned(), start..first.trim_end().len().max(start)))
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One input's findings, rendered.
pub fn render(file: &str, source: Option<&str>, findings: &[Finding], lang: Lang, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    let starts = source.map(line_starts).unwrap_or_default();
    for f in findings {
        let (message, help) = match lang {
            Lang::En => (f.message.as_str(), f.suggestion.as_str()),
            Lang::Zh => (f.message_zh.as_str(), f.suggestion_zh.as_str()),
        };
        let spot = source.and_then(|s| find_spot(s, &starts, f.line, f.text.as_deref()));
        let mut title = level(f.severity).primary_title(message).id(f.rule.as_str()).element(match &spot {
            Some((line, text, span)) => {
                Snippet::source(text.as_str()).line_start(*line).path(file).annotation(AnnotationKind::Primary.span(span.clone())).into()
            }
            None => annotate_snippets::Element::from(Origin::path(format!("{file}:{}", f.location))),
        });
        let mut context = f.table_name.clone().unwrap_or_default();
        if let Some(number) = f.table_number {
            context = format!("{number}、{context}");
        }
        if let Some(name) = f.indicator.as_deref().filter(|n| !n.trim().is_empty()) {
            context = format!("{context} › {}", name.trim());
        }
        if spot.is_none()
            && let Some(text) = f.text.as_deref()
        {
            context = format!("{context}: {text}");
        }
        if !context.is_empty() {
            let word = if lang == Lang::Zh { "所在" } else { "in" };
            title = title.element(Level::NOTE.message(format!("{word} {context}")));
        }
        let report: &[Group<'_>] = &[title.element(Level::HELP.message(help))];
        out.push_str(&renderer.render(report));
        out.push_str("\n\n");
    }
    out
}

/// What a batch found, counted as it goes: the summary needs no finding kept.
#[derive(Default)]
pub struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
    per_rule: BTreeMap<(String, Severity), usize>,
}

impl Counts {
    pub fn add(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            *self.per_rule.entry((f.rule.clone(), f.severity)).or_default() += 1;
        }
    }

    /// Whether an error-level finding was counted: the exit code's question.
    pub fn any_error(&self) -> bool {
        self.errors > 0
    }

    /// The closing summary: totals, then the count per rule; `verb` says what was done to the files.
    pub fn summary(&self, files: usize, failed: usize, verb: &str) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut out =
            format!("{} {verb}: {}, {}, {}", plural(files, "file"), plural(self.errors, "error"), plural(self.warnings, "warning"), plural(self.infos, "info"));
        if failed > 0 {
            out.push_str(&format!("; {} could not be read", plural(failed, "file")));
        }
        out.push('\n');
        for ((rule, severity), n) in &self.per_rule {
            out.push_str(&format!("{n:>6}  {:<8} {rule}\n", severity.as_str()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{find_spot, line_starts};

    #[test]
    fn the_spot_is_found_below_the_row_start() {
        let source = "a\n\t\n\t名称\n\t描述\n\t≥0件\n";
        let starts = line_starts(source);
        let (line, text, span) = find_spot(source, &starts, 2, Some("≥0件")).unwrap();
        assert_eq!((line, &text[span.clone()]), (5, "≥0件"));
        // Not found: the row's first line with text, without its indentation.
        let (line, text, span) = find_spot(source, &starts, 2, Some("x")).unwrap();
        assert_eq!((line, &text[span]), (3, "名称"));
        // Past the last line, or line 0: no spot.
        assert!(find_spot(source, &starts, 9, Some("x")).is_none());
        assert!(find_spot(source, &starts, 0, Some("x")).is_none());
        // Windows line ends read as lines do.
        let source = "a\r\n\t名称\r\n";
        let (line, text, _) = find_spot(source, &line_starts(source), 2, Some("名称")).unwrap();
        assert_eq!((line, text.as_str()), (2, "\t名称"));
    }
}
