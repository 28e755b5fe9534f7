//! The `jixiao` binary: the command line of [`jixiao_cli`].

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(jixiao_cli::run(std::env::args_os()))
}
