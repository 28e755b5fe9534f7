//! The `jixiao` binary: the command line of [`jixiao_cli`].

/// mimalloc for the binary only (a library leaves the allocator to its host): parsing makes and
/// frees many small strings, and glibc's consolidation of freed chunks was a tenth of a run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // The process is the command's own: a panic the library catches (a third-party parser's,
    // turned into that file's error) or `run` reports prints no Rust message. Only here: the
    // library and `run`, which Python calls in its host's process, leave the hook alone.
    std::panic::set_hook(Box::new(|_| {}));
    std::process::ExitCode::from(jixiao_cli::run(std::env::args_os()))
}
