use serde::{Deserialize, Serialize};

use super::Severity;
use super::rules::{RULES, Rule};
use crate::error::{Error, Result};

/// The group name that stands for every finding left at warning level (`--deny warnings`).
pub const WARNINGS: &str = "warnings";

/// 规则级别 — what to do with a rule's findings: drop them or give them a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Turn the rule off.
    Allow,
    /// Report at `info`.
    Info,
    /// Report at `warning`.
    Warn,
    /// Report at `error`.
    Deny,
}

impl Level {
    pub const ALL: &[Level] = &[Level::Allow, Level::Info, Level::Warn, Level::Deny];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
}

/// 审核配置 — which rules run and at what severity. Settings apply in order and the last one
/// for a rule wins, as with a compiler's `-A`/`-W`/`-D` flags; `warnings` applies to every
/// finding that is still a warning after the rules' own settings.
///
/// As TOML (`[review]` of `jixiao.toml`) or JSON: `allow`, `info`, `warn`, `deny`, each a list of
/// rule ids, applied in that order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Lists", into = "Lists")]
pub struct ReviewConfig {
    settings: Vec<(String, Level)>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    allow: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    info: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    warn: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deny: Vec<String>,
}

impl TryFrom<Lists> for ReviewConfig {
    type Error = Error;

    fn try_from(lists: Lists) -> Result<Self> {
        let mut config = ReviewConfig::default();
        for (names, level) in [(lists.allow, Level::Allow), (lists.info, Level::Info), (lists.warn, Level::Warn), (lists.deny, Level::Deny)] {
            for name in names {
                config.set(&name, level)?;
            }
        }
        Ok(config)
    }
}

impl From<ReviewConfig> for Lists {
    fn from(config: ReviewConfig) -> Lists {
        let mut lists = Lists::default();
        for (name, level) in config.settings {
            match level {
                Level::Allow => lists.allow.push(name),
                Level::Info => lists.info.push(name),
                Level::Warn => lists.warn.push(name),
                Level::Deny => lists.deny.push(name),
            }
        }
        lists
    }
}

impl ReviewConfig {
    /// Every rule at its default severity (rules that are off by default stay off).
    pub fn new() -> Self {
        ReviewConfig::default()
    }

    /// Sets a rule (or `warnings`) to a level; an unknown name is an error that lists the rules.
    pub fn set(&mut self, name: &str, level: Level) -> Result<&mut Self> {
        if name != WARNINGS && super::rules::rule(name).is_none() {
            let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
            return Err(Error::Usage(format!("unknown review rule '{name}'; the rules are: {}, and `{WARNINGS}`", known.join(", "))));
        }
        self.settings.push((name.to_owned(), level));
        Ok(self)
    }

    /// The settings in the order they apply.
    pub fn settings(&self) -> &[(String, Level)] {
        &self.settings
    }

    fn last(&self, name: &str) -> Option<Level> {
        self.settings.iter().rev().find(|(n, _)| n == name).map(|(_, level)| *level)
    }

    /// Whether the rule runs at all.
    pub(crate) fn runs(&self, rule: &Rule) -> bool {
        match self.last(rule.id) {
            Some(level) => level != Level::Allow,
            None => rule.default.is_some(),
        }
    }

    /// The severity a finding of `rule` ends with, from the one the rule gave it; None drops it.
    pub(crate) fn severity(&self, rule: &Rule, given: Severity) -> Option<Severity> {
        let severity = match self.last(rule.id) {
            Some(level) => level.severity()?,
            None => given,
        };
        match self.last(WARNINGS) {
            Some(level) if severity == Severity::Warning => level.severity(),
            _ => Some(severity),
        }
    }
}
