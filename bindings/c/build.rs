//! The shared library's SONAME: `libjixiao.so.0.1` while the version is 0.x (every 0.x minor may
//! change the ABI), `libjixiao.so.N` from 1.0 on, so that the loader never pairs a program with
//! a library of another ABI.

fn main() {
    let major: u32 = env!("CARGO_PKG_VERSION_MAJOR").parse().unwrap_or(0);
    let minor = env!("CARGO_PKG_VERSION_MINOR");
    let soname = if major == 0 { format!("libjixiao.so.0.{minor}") } else { format!("libjixiao.so.{major}") };
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
