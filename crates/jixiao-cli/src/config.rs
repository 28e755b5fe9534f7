//! `jixiao.toml`: the settings a team keeps beside its documents. The CLI reads the file named
//! by `--config`, or else the first `jixiao.toml` in the current directory or a parent.
//!
//! ```toml
//! [review]
//! allow = ["shared-objective"]
//! deny = ["missing-basis"]
//!
//! [score]
//! deviation_over = 130
//! ```

use std::path::{Path, PathBuf};

use jixiao::{ReviewConfig, ScoringRules};
use serde::Deserialize;

use crate::Failure;

pub const FILE_NAME: &str = "jixiao.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// `[review]`: rules to allow, report as info, warn about or deny.
    #[serde(default)]
    pub review: ReviewConfig,
    /// `[score]`: the scoring rules' numbers (weights, bands, grades, tolerance, deviation_over).
    #[serde(default)]
    pub score: ScoringRules,
}

/// The nearest `jixiao.toml` at or above `dir`.
fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// The configuration: from `explicit`, or found from the current directory, or the defaults.
pub fn load(explicit: Option<&Path>, search: bool) -> Result<ConfigFile, Failure> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None if search => std::env::current_dir().ok().and_then(|d| find(&d)),
        None => None,
    };
    let Some(path) = path else { return Ok(ConfigFile::default()) };
    let text = std::fs::read_to_string(&path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| Failure(format!("{}: {}", path.display(), e.to_string().trim_end())))
}
