//! The `jixiao` binary: the command line of [`jixiao_cli`].

/// mimalloc for the binary only (a library leaves the allocator to its host): parsing makes and
/// frees many small strings, and glibc's consolidation of freed chunks was a tenth of a run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(jixiao_cli::run(std::env::args_os()))
}
