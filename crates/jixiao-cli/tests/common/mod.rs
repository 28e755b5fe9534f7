#![allow(dead_code)]
//! Helpers shared by the command's tests: run `jixiao` from a directory, read its output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file of tests/data.
pub fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name).display().to_string()
}

/// Runs `jixiao` in `dir` (NO_COLOR unset, so that `--color` alone decides).
pub fn jixiao_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao")).args(args).current_dir(dir).env_remove("NO_COLOR").output().unwrap()
}

/// Runs `jixiao` from a directory with no jixiao.toml above it.
pub fn jixiao(args: &[&str]) -> Output {
    jixiao_in(&std::env::temp_dir(), args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh directory of its own for one test.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The committed file under include/.
pub fn committed(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../include").join(name)).unwrap()
}
