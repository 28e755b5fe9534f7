//! include/jixiao.h is what cbindgen (pinned in Cargo.toml) generates from this crate.
//! `JIXIAO_BLESS=1 cargo test -p jixiao-capi --test header` (or `make header`) rewrites it.

use std::path::PathBuf;

#[test]
fn committed_header_has_not_drifted() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml reads");
    let mut generated = Vec::new();
    cbindgen::Builder::new().with_crate(&crate_dir).with_config(config).generate().expect("cbindgen generates the header").write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");
    let path = crate_dir.join("../../include/jixiao.h");
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "include/jixiao.h differs from the code: run `make header` and commit the result");
}
