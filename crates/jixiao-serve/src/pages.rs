//! The pages: the list of documents (with the upload), a document drawn as the form with its
//! findings, the review's settings, the batch's charts, and the downloads. Every page is drawn
//! on the server; the script only filters, jumps to a finding's cell and takes dropped files.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

use axum::Extension;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jixiao::review::{Level, RULES, WARNINGS};
use jixiao::write::html::{self, HtmlOptions, Lang, escape};
use jixiao::{Finding, ReviewConfig, Severity};

use crate::App;
use crate::load::{Entry, Loaded};
use crate::security::SessionId;
use crate::session::Session;

const APP_CSS: &str = include_str!("../assets/app.css");
const APP_JS: &str = include_str!("../assets/app.js");

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A whole page around `body`.
fn page(lang: Lang, title: &str, active: &str, body: &str) -> Response {
    let mut out = String::with_capacity(body.len() + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · jixiao</title><link rel=\"stylesheet\" href=\"/assets/app.css\"><script src=\"/assets/app.js\" defer></script></head><body>",
        t(lang, "zh-CN", "en"),
        escape(title)
    );
    out.push_str("<header class=\"top\"><span class=\"brand\">jixiao · ");
    out.push_str(t(lang, "绩效目标审核", "review desk"));
    out.push_str("</span><nav>");
    for (href, id, zh, en) in [("/", "docs", "文档", "Documents"), ("/batch", "batch", "批量统计", "Batch"), ("/settings", "settings", "审核设置", "Settings")]
    {
        let _ = write!(out, "<a href=\"{href}\" id=\"nav-{id}\"{}>{}</a>", if id == active { " class=\"on\"" } else { "" }, t(lang, zh, en));
    }
    let other = match lang {
        Lang::Zh => ("en", "English"),
        Lang::En => ("zh", "中文"),
    };
    let _ = write!(out, "<a href=\"?lang={}\" id=\"lang\">{}</a></nav></header><main>", other.0, other.1);
    out.push_str(body);
    out.push_str("</main></body></html>");
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], out).into_response()
}

fn error_page(status: StatusCode, lang: Lang, message: &str) -> Response {
    let body = format!(
        "<h1>{}</h1><p class=\"error\" id=\"error\">{}</p><p><a href=\"/\">{}</a></p>",
        t(lang, "出错了", "Error"),
        escape(message),
        t(lang, "返回文档列表", "Back to the documents")
    );
    let mut r = page(lang, t(lang, "出错了", "Error"), "", &body);
    *r.status_mut() = status;
    r
}

/// The session of the request, its language switched when the query asks.
fn session(app: &App, id: &SessionId, query: &HashMap<String, String>) -> Option<Session> {
    if let Some(lang) = query.get("lang").and_then(|l| Lang::parse(l).ok()) {
        app.sessions.update(&id.0, |s| s.lang = lang);
    }
    app.sessions.get(&id.0)
}

fn gone() -> Response {
    // The session was dropped (too many sessions): start again.
    Redirect::to("/").into_response()
}

/// The review's findings of a document under the session's settings, then the score's.
fn findings(loaded: &Loaded, review: &ReviewConfig, file: &str) -> Vec<Finding> {
    let mut all = jixiao::review(&loaded.doc, review);
    all.extend(loaded.score.findings.iter().cloned());
    for f in &mut all {
        f.file = Some(file.to_owned());
    }
    all
}

fn counts(findings: &[Finding]) -> [usize; 3] {
    let (e, w, i) = jixiao::review::counts(findings);
    [e, w, i]
}

pub async fn index(State(app): State<Arc<App>>, Extension(id): Extension<SessionId>, Query(query): Query<HashMap<String, String>>) -> Response {
    let Some(s) = session(&app, &id, &query) else { return gone() };
    let lang = s.lang;
    let mut body = String::new();
    let _ = write!(body, "<h1>{}</h1>", t(lang, "文档", "Documents"));
    let _ = write!(
        body,
        "<form id=\"upload\" class=\"drop\" method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\"><p>{}</p><label>{} <input type=\"file\" name=\"files\" id=\"files\" multiple></label> <label>{} <input type=\"file\" name=\"files\" id=\"folder\" webkitdirectory multiple></label> <button type=\"submit\" id=\"upload-button\">{}</button><p class=\"hint\">{}</p></form>",
        t(lang, "把文件或文件夹拖到这里，或选择：", "Drop files or a folder here, or choose:"),
        t(lang, "文件", "Files"),
        t(lang, "文件夹", "Folder"),
        t(lang, "上传并审核", "Upload and review"),
        t(
            lang,
            "Word（.docx .doc）、Excel/WPS（.xlsx .xls .ods）、网页、PDF、文本、CSV、JSON，或装着它们的 .zip；格式按内容判断。文件只在本会话的内存中，不写盘。",
            "Word (.docx .doc), spreadsheets (.xlsx .xls .ods), web pages, PDF, text, CSV, JSON, or a .zip of them; the format is read from the content. Files stay in this session's memory, never on disk."
        )
    );
    let mut rows = String::new();
    let (mut docs, mut failed, mut total) = (0, 0, [0usize; 4]);
    for e in &s.entries {
        rows.push_str(&entry_row(e, &s.review, lang, &mut total));
        match &e.outcome {
            Ok(_) => docs += 1,
            Err(_) => failed += 1,
        }
    }
    let _ = write!(
        body,
        "<p class=\"summary\"><span id=\"count-docs\">{docs}</span> {} · <span id=\"count-failed\">{failed}</span> {} · <span id=\"count-errors\">{}</span> {} · <span id=\"count-warnings\">{}</span> {} · <span id=\"count-infos\">{}</span> {} · <span id=\"count-score\">{}</span> {}</p>",
        t(lang, "份文档", "documents"),
        t(lang, "份无法读取", "could not be read"),
        total[0],
        t(lang, "错误", "errors"),
        total[1],
        t(lang, "警告", "warnings"),
        total[2],
        t(lang, "提示", "infos"),
        total[3],
        t(lang, "评分问题", "score problems"),
    );
    if !s.entries.is_empty() {
        let _ = write!(
            body,
            "<p class=\"actions\"><a class=\"button\" href=\"/findings.xlsx\" id=\"all-findings\" download>{}</a> <form method=\"post\" action=\"/clear\" class=\"inline\"><button type=\"submit\" id=\"clear\">{}</button></form></p>",
            t(lang, "下载全部审核意见（.xlsx）", "Download all findings (.xlsx)"),
            t(lang, "清空", "Clear")
        );
        let _ = write!(
            body,
            "<table class=\"list\" id=\"documents\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{rows}</tbody></table>",
            t(lang, "文件", "File"),
            t(lang, "格式", "Format"),
            t(lang, "表", "Tables"),
            t(lang, "指标", "Indicators"),
            t(lang, "错误", "Errors"),
            t(lang, "警告", "Warnings"),
            t(lang, "提示", "Infos"),
            t(lang, "评分问题", "Score problems"),
        );
    }
    page(lang, t(lang, "文档", "Documents"), "docs", &body)
}

fn entry_row(e: &Entry, review: &ReviewConfig, lang: Lang, total: &mut [usize; 4]) -> String {
    match &e.outcome {
        Ok(loaded) => {
            let all = jixiao::review(&loaded.doc, review);
            let [er, w, i] = counts(&all);
            let score = loaded.score.findings.len();
            total[0] += er;
            total[1] += w;
            total[2] += i;
            total[3] += score;
            let cls = |n: usize, c: &str| if n > 0 { format!(" class=\"{c}\"") } else { String::new() };
            format!(
                "<tr class=\"doc\" data-id=\"{id}\"><td><a href=\"/doc/{id}\">{name}</a></td><td>{format}</td><td class=\"n tables\">{tables}</td><td class=\"n indicators\">{inds}</td><td{ce} >{er}</td><td{cw}>{w}</td><td{ci}>{i}</td><td{cs}>{score}</td></tr>",
                id = e.id,
                name = escape(&e.name),
                format = loaded.format,
                tables = loaded.doc.tables().count(),
                inds = loaded.doc.indicator_count(),
                ce = cls(er, "n e"),
                cw = cls(w, "n w"),
                ci = cls(i, "n i"),
                cs = cls(score, "n e"),
            )
        }
        Err(reason) => format!(
            "<tr class=\"failed\" data-id=\"{}\"><td>{}</td><td colspan=\"7\" class=\"reason\">{}: {}</td></tr>",
            e.id,
            escape(&e.name),
            t(lang, "无法读取", "could not be read"),
            escape(reason)
        ),
    }
}

pub async fn upload(State(app): State<Arc<App>>, Extension(id): Extension<SessionId>, mut multipart: Multipart) -> Response {
    let Some(s) = app.sessions.get(&id.0) else { return gone() };
    let lang = s.lang;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut size = 0usize;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let Some(name) = field.file_name().map(str::to_owned) else { continue };
                match field.bytes().await {
                    Ok(bytes) if name.is_empty() && bytes.is_empty() => {}
                    Ok(bytes) => {
                        size += bytes.len();
                        files.push((name, bytes.to_vec()));
                    }
                    Err(e) => return upload_error(&app, lang, &e.body_text()),
                }
            }
            Ok(None) => break,
            Err(e) => return upload_error(&app, lang, &e.body_text()),
        }
    }
    if files.is_empty() {
        return error_page(StatusCode::BAD_REQUEST, lang, t(lang, "没有选择文件。", "No file was chosen."));
    }
    if s.bytes + size > app.config.session_bytes {
        let message = format!(
            "{} ({} MiB)",
            t(lang, "本会话的文件已达上限，请先清空再上传", "This session holds as many files as it may: clear it before uploading more"),
            app.config.session_bytes >> 20
        );
        return error_page(StatusCode::PAYLOAD_TOO_LARGE, lang, &message);
    }
    let config = app.clone();
    let entries =
        tokio::task::spawn_blocking(move || files.iter().flat_map(|(name, bytes)| crate::load::expand(name, bytes, &config.config)).collect::<Vec<_>>()).await;
    let Ok(entries) = entries else {
        return error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, "internal error while reading the upload");
    };
    app.sessions.update(&id.0, |s| {
        s.bytes += size;
        s.entries.extend(entries.into_iter().map(Arc::new));
    });
    Redirect::to("/").into_response()
}

fn upload_error(app: &App, lang: Lang, detail: &str) -> Response {
    let message = format!(
        "{} ({} MiB): {detail}",
        t(lang, "上传失败：一次上传的总大小有上限", "The upload failed: one upload may carry at most"),
        app.config.max_upload >> 20
    );
    error_page(StatusCode::PAYLOAD_TOO_LARGE, lang, &message)
}

pub async fn clear(State(app): State<Arc<App>>, Extension(id): Extension<SessionId>) -> Response {
    app.sessions.update(&id.0, |s| {
        s.entries.clear();
        s.bytes = 0;
    });
    Redirect::to("/").into_response()
}

fn entry<'a>(s: &'a Session, id: &str) -> Option<&'a Arc<Entry>> {
    let id: u64 = id.parse().ok()?;
    s.entries.iter().find(|e| e.id == id)
}

pub async fn document(
    State(app): State<Arc<App>>,
    Extension(sid): Extension<SessionId>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(s) = session(&app, &sid, &query) else { return gone() };
    let lang = s.lang;
    let Some(e) = entry(&s, &id) else {
        return error_page(StatusCode::NOT_FOUND, lang, t(lang, "没有这份文档（可能已清空）。", "No such document (it may have been cleared)."));
    };
    let loaded = match &e.outcome {
        Ok(l) => l,
        Err(reason) => return error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &format!("{}: {reason}", t(lang, "无法读取", "could not be read"))),
    };
    let all = findings(loaded, &s.review, &e.name);
    let [er, w, i] = counts(&all);
    let mut body = String::new();
    let _ = write!(body, "<h1 id=\"doc-name\">{}</h1>", escape(&e.name));
    let _ = write!(
        body,
        "<p class=\"summary\">{} {} · {} {} · <span id=\"doc-errors\">{er}</span> {} · <span id=\"doc-warnings\">{w}</span> {} · <span id=\"doc-infos\">{i}</span> {}</p>",
        loaded.doc.tables().count(),
        t(lang, "张表", "tables"),
        loaded.doc.indicator_count(),
        t(lang, "项指标", "indicators"),
        t(lang, "错误", "errors"),
        t(lang, "警告", "warnings"),
        t(lang, "提示", "infos"),
    );
    let _ = write!(body, "<p class=\"actions\">{}: ", t(lang, "下载", "Download"));
    for (file, zh, en) in [
        ("findings.xlsx", "审核意见 .xlsx", "findings .xlsx"),
        ("model.json", "模型 JSON", "model JSON"),
        ("model.csv", "模型 CSV", "model CSV"),
        ("model.xlsx", "模型 .xlsx", "model .xlsx"),
    ] {
        let _ = write!(body, "<a class=\"button\" id=\"dl-{}\" href=\"/doc/{}/{file}\" download>{}</a> ", file.replace('.', "-"), e.id, t(lang, zh, en));
    }
    body.push_str("</p>");
    // Filters: severity and rule; the script hides what is unticked.
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &all {
        *rules.entry(f.rule.as_str()).or_default() += 1;
    }
    if !all.is_empty() {
        let _ = write!(body, "<fieldset class=\"filters\" id=\"filters\"><legend>{}</legend>", t(lang, "筛选", "Filter"));
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let word = match sev {
                Severity::Error => t(lang, "错误", "errors"),
                Severity::Warning => t(lang, "警告", "warnings"),
                Severity::Info => t(lang, "提示", "infos"),
            };
            let _ = write!(body, "<label><input type=\"checkbox\" class=\"f-sev\" value=\"{}\" checked> {word}</label> ", sev.as_str());
        }
        body.push_str("<br>");
        for (rule, n) in &rules {
            let _ = write!(body, "<label><input type=\"checkbox\" class=\"f-rule\" value=\"{r}\" checked> <code>{r}</code> ({n})</label> ", r = escape(rule));
        }
        body.push_str("</fieldset>");
    }
    body.push_str("<aside id=\"detail\" hidden></aside>");
    let options = HtmlOptions { findings: &all, score: Some(&loaded.score), lang, page: false };
    body.push_str(&html::to_string(&loaded.doc, &options));
    page(lang, &e.name, "docs", &body)
}

fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    if stem.is_empty() { "document".to_owned() } else { stem.to_owned() }
}

/// A download: its bytes, type and file name (ASCII fallback, and the name itself as RFC 5987 says).
fn attachment(bytes: Vec<u8>, mime: &'static str, name: &str) -> Response {
    let ascii: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
    let encoded: String =
        name.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-_.".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut r = (StatusCode::OK, bytes).into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// A download's bytes, type and file name.
type Download = (Vec<u8>, &'static str, String);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub async fn download(State(app): State<Arc<App>>, Extension(sid): Extension<SessionId>, Path((id, file)): Path<(String, String)>) -> Response {
    let Some(s) = app.sessions.get(&sid.0) else { return gone() };
    let lang = s.lang;
    let Some(e) = entry(&s, &id) else { return error_page(StatusCode::NOT_FOUND, lang, t(lang, "没有这份文档。", "No such document.")) };
    let Ok(loaded) = &e.outcome else {
        return error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, t(lang, "这份文档无法读取。", "This document could not be read."));
    };
    let stem = stem(&e.name);
    let e2 = e.clone();
    let review = s.review.clone();
    let file2 = file.clone();
    let made = tokio::task::spawn_blocking(move || -> Result<Option<Download>, String> {
        let Ok(loaded) = &e2.outcome else { return Ok(None) };
        Ok(Some(match file2.as_str() {
            "findings.xlsx" => {
                (jixiao::write::findings::to_xlsx(&findings(loaded, &review, &e2.name)).map_err(|e| e.to_string())?, XLSX, format!("{stem}-审核意见.xlsx"))
            }
            "findings.csv" => (
                jixiao::write::findings::to_csv(&findings(loaded, &review, &e2.name), true).into_bytes(),
                "text/csv; charset=utf-8",
                format!("{stem}-审核意见.csv"),
            ),
            "model.json" => {
                (jixiao::write::json::to_string(&loaded.doc, true).map_err(|e| e.to_string())?.into_bytes(), "application/json", format!("{stem}.json"))
            }
            "model.csv" => (jixiao::write::csv::to_string(&loaded.doc, true).into_bytes(), "text/csv; charset=utf-8", format!("{stem}.csv")),
            "model.xlsx" => (jixiao::write::xlsx::to_bytes(&loaded.doc).map_err(|e| e.to_string())?, XLSX, format!("{stem}.xlsx")),
            _ => return Ok(None),
        }))
    })
    .await;
    let _ = loaded;
    match made {
        Ok(Ok(Some((bytes, mime, name)))) => attachment(bytes, mime, &name),
        Ok(Ok(None)) => not_found_in(lang),
        Ok(Err(message)) => error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, &message),
        Err(_) => error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, "internal error while writing"),
    }
}

pub async fn all_findings(State(app): State<Arc<App>>, Extension(sid): Extension<SessionId>) -> Response {
    let Some(s) = app.sessions.get(&sid.0) else { return gone() };
    let lang = s.lang;
    let made = tokio::task::spawn_blocking(move || {
        let mut all = Vec::new();
        for e in &s.entries {
            if let Ok(loaded) = &e.outcome {
                all.extend(findings(loaded, &s.review, &e.name));
            }
        }
        jixiao::write::findings::to_xlsx(&all).map_err(|e| e.to_string())
    })
    .await;
    match made {
        Ok(Ok(bytes)) => attachment(bytes, XLSX, "审核意见.xlsx"),
        Ok(Err(message)) => error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, &message),
        Err(_) => error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, "internal error while writing"),
    }
}

/// The level the settings give a rule last; None when they leave it at its default.
fn level_of(review: &ReviewConfig, name: &str) -> Option<Level> {
    review.settings().iter().rev().find(|(n, _)| n == name).map(|(_, l)| *l)
}

pub async fn settings(State(app): State<Arc<App>>, Extension(sid): Extension<SessionId>, Query(query): Query<HashMap<String, String>>) -> Response {
    let Some(s) = session(&app, &sid, &query) else { return gone() };
    let lang = s.lang;
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1><p>{}</p><form method=\"post\" action=\"/settings\" id=\"settings\"><table class=\"list\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t(lang, "审核设置", "Review settings"),
        t(
            lang,
            "与 jixiao.toml 的 [review] 相同：每条规则可关闭（allow）或定为提示、警告、错误。",
            "As jixiao.toml's [review]: each rule can be turned off (allow) or set to info, warn or deny."
        ),
        t(lang, "规则", "Rule"),
        t(lang, "检查什么", "What it looks for"),
        t(lang, "默认", "Default"),
        t(lang, "设置", "Setting"),
    );
    let select = |name: &str, current: Option<Level>| {
        let mut out = format!("<select name=\"rule.{n}\" id=\"rule-{n}\">", n = escape(name));
        let options = [
            ("default", t(lang, "默认", "default")),
            ("allow", t(lang, "关闭", "allow (off)")),
            ("info", t(lang, "提示", "info")),
            ("warn", t(lang, "警告", "warn")),
            ("deny", t(lang, "错误", "deny")),
        ];
        for (value, label) in options {
            let on = current.map_or("default", Level::as_str) == value;
            let _ = write!(out, "<option value=\"{value}\"{}>{label}</option>", if on { " selected" } else { "" });
        }
        out.push_str("</select>");
        out
    };
    for rule in RULES {
        let default = rule.default.map_or(t(lang, "关闭", "off"), |s| match s {
            Severity::Error => t(lang, "错误", "error"),
            Severity::Warning => t(lang, "警告", "warning"),
            Severity::Info => t(lang, "提示", "info"),
        });
        let _ = write!(
            body,
            "<tr><td><code>{}</code></td><td>{}</td><td>{default}</td><td>{}</td></tr>",
            escape(rule.id),
            escape(t(lang, rule.summary_zh, rule.summary)),
            select(rule.id, level_of(&s.review, rule.id))
        );
    }
    let _ = write!(
        body,
        "<tr><td><code>{WARNINGS}</code></td><td>{}</td><td></td><td>{}</td></tr></tbody></table><p><button type=\"submit\" id=\"save-settings\">{}</button> <a class=\"button\" href=\"/jixiao.toml\" id=\"dl-toml\" download>{}</a></p></form>",
        t(lang, "所有仍为警告的意见", "every finding still at warning level"),
        select(WARNINGS, level_of(&s.review, WARNINGS)),
        t(lang, "保存并重新审核", "Save and review again"),
        t(lang, "下载 jixiao.toml", "Download jixiao.toml"),
    );
    page(lang, t(lang, "审核设置", "Review settings"), "settings", &body)
}

pub async fn save_settings(State(app): State<Arc<App>>, Extension(sid): Extension<SessionId>, axum::Form(form): axum::Form<Vec<(String, String)>>) -> Response {
    let Some(s) = app.sessions.get(&sid.0) else { return gone() };
    let mut review = ReviewConfig::new();
    for (key, value) in &form {
        let Some(name) = key.strip_prefix("rule.") else { continue };
        let level = match value.as_str() {
            "default" => continue,
            "allow" => Level::Allow,
            "info" => Level::Info,
            "warn" => Level::Warn,
            "deny" => Level::Deny,
            other => return error_page(StatusCode::BAD_REQUEST, s.lang, &format!("unknown level '{other}'")),
        };
        // `warnings` applies last, as jixiao.toml's lists do (allow, info, warn, deny in order).
        if name == WARNINGS {
            continue;
        }
        if let Err(e) = review.set(name, level) {
            return error_page(StatusCode::BAD_REQUEST, s.lang, &e.to_string());
        }
    }
    if let Some((_, value)) = form.iter().find(|(k, _)| k == &format!("rule.{WARNINGS}")) {
        let level = match value.as_str() {
            "allow" => Some(Level::Allow),
            "info" => Some(Level::Info),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        };
        if let Some(level) = level {
            let _ = review.set(WARNINGS, level);
        }
    }
    app.sessions.update(&sid.0, |s| s.review = review);
    Redirect::to("/settings").into_response()
}

#[derive(serde::Serialize)]
struct ConfigFile<'a> {
    review: &'a ReviewConfig,
}

pub async fn config_file(State(app): State<Arc<App>>, Extension(sid): Extension<SessionId>) -> Response {
    let Some(s) = app.sessions.get(&sid.0) else { return gone() };
    match toml::to_string(&ConfigFile { review: &s.review }) {
        Ok(text) => {
            let text = format!("# jixiao.toml: the review's settings, as `jixiao serve` had them\n{text}");
            attachment(text.into_bytes(), "application/toml; charset=utf-8", "jixiao.toml")
        }
        Err(e) => error_page(StatusCode::INTERNAL_SERVER_ERROR, s.lang, &e.to_string()),
    }
}

pub async fn batch(State(app): State<Arc<App>>, Extension(sid): Extension<SessionId>, Query(query): Query<HashMap<String, String>>) -> Response {
    let Some(s) = session(&app, &sid, &query) else { return gone() };
    let lang = s.lang;
    let mut per_rule: BTreeMap<String, f64> = BTreeMap::new();
    let mut per_doc: Vec<(String, f64)> = Vec::new();
    let mut scores: Vec<f64> = Vec::new();
    let mut table_rows = String::new();
    for e in &s.entries {
        let Ok(loaded) = &e.outcome else { continue };
        let all = findings(loaded, &s.review, &e.name);
        for f in &all {
            *per_rule.entry(f.rule.clone()).or_default() += 1.0;
        }
        per_doc.push((e.name.clone(), all.len() as f64));
        for ts in &loaded.score.tables {
            scores.push(ts.total);
            let diff = ts.reported_total.map(|r| r - ts.total);
            let _ = write!(
                table_rows,
                "<tr><td><a href=\"/doc/{}\">{}</a></td><td>{}</td><td class=\"n\">{:.2}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}</td></tr>",
                e.id,
                escape(&e.name),
                escape(&ts.name),
                ts.total,
                escape(ts.grade.as_deref().unwrap_or("—")),
                ts.reported_total.map_or("—".to_owned(), |r| format!("{r:.2}")),
                if diff.is_some_and(|d| d.abs() >= 0.005) { " diff" } else { "" },
                diff.map_or("—".to_owned(), |d| format!("{d:+.2}")),
            );
        }
    }
    let mut rules: Vec<(String, f64)> = per_rule.into_iter().collect();
    rules.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    per_doc.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    per_doc.truncate(40);
    let mut body = format!("<h1>{}</h1><div class=\"charts\" id=\"charts\">", t(lang, "批量统计", "Batch"));
    body.push_str(&crate::charts::bars(t(lang, "各规则的审核意见数", "Findings per rule"), &rules, "#d89a00"));
    body.push_str(&crate::charts::bars(t(lang, "各文档的审核意见数（前 40）", "Findings per document (top 40)"), &per_doc, "#3b7dd8"));
    body.push_str(&crate::charts::histogram(t(lang, "自评计算总分分布", "Computed self-evaluation scores"), &scores));
    body.push_str("</div>");
    if !table_rows.is_empty() {
        let _ = write!(
            body,
            "<h2>{}</h2><table class=\"list\" id=\"scores\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{table_rows}</tbody></table>",
            t(lang, "自评表得分", "Self-evaluation scores"),
            t(lang, "文件", "File"),
            t(lang, "表", "Table"),
            t(lang, "计算总分", "Computed"),
            t(lang, "等级", "Grade"),
            t(lang, "自评总分", "Reported"),
            t(lang, "差额", "Difference"),
        );
    }
    page(lang, t(lang, "批量统计", "Batch"), "batch", &body)
}

pub async fn asset(Path(file): Path<String>) -> Response {
    match file.as_str() {
        "app.css" => ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS).into_response(),
        "app.js" => ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], APP_JS).into_response(),
        _ => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

fn not_found_in(lang: Lang) -> Response {
    error_page(StatusCode::NOT_FOUND, lang, t(lang, "没有这个页面。", "No such page."))
}

pub async fn not_found() -> Response {
    not_found_in(Lang::Zh)
}
