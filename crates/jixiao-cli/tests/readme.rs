//! Every `jixiao …` line in the README's `sh` blocks runs and exits 0, or the code its comment
//! gives (`# exit 1 …`).

use std::path::PathBuf;
use std::process::Command;

#[test]
fn readme_commands_run() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let bin_dir = PathBuf::from(env!("CARGO_BIN_EXE_jixiao")).parent().unwrap().to_owned();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut in_sh = false;
    let mut ran = 0;
    for line in readme.lines() {
        match line.trim() {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            l if in_sh && l.starts_with("jixiao ") => {
                let (command, comment) = l.split_once("  #").unwrap_or((l, ""));
                let command = command.trim();
                let expected: i32 = comment.trim().strip_prefix("exit ").and_then(|c| c.split_whitespace().next()).map_or(0, |c| c.parse().unwrap());
                let out = Command::new("sh").arg("-c").arg(format!("{command} > /dev/null")).current_dir(&root).env("PATH", &path).output().unwrap();
                assert_eq!(out.status.code(), Some(expected), "README: `{command}`: {}", String::from_utf8_lossy(&out.stderr));
                ran += 1;
            }
            _ => {}
        }
    }
    assert!(ran >= 5, "found only {ran} README commands");
}
