//! `run` leaves the process's panic hook alone (issue 27): the Python package calls it inside
//! its host's process, on any thread. Alone in its test binary: the hook is process-wide.

use std::panic;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static HOOK_CALLS: AtomicUsize = AtomicUsize::new(0);

fn data(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name).to_string_lossy().into_owned()
}

#[test]
fn run_leaves_the_hosts_panic_hook_in_place_during_and_after() {
    panic::set_hook(Box::new(|info| {
        if info.payload().downcast_ref::<&str>() == Some(&"the host's own panic") {
            HOOK_CALLS.fetch_add(1, Ordering::SeqCst);
        } else {
            // The test's own failures still print.
            eprintln!("{info}");
        }
    }));
    // The hook's address, to know it again after the run.
    let hook = panic::take_hook();
    let address = &*hook as *const (dyn Fn(&panic::PanicHookInfo<'_>) + Send + Sync) as *const () as usize;
    panic::set_hook(hook);

    // Another thread of the host panics (and catches it) all through the run: every one of its
    // panics must reach the host's hook, none a hook the run put in for itself.
    let done = Arc::new(AtomicBool::new(false));
    let panics = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut n = 0usize;
            while !done.load(Ordering::SeqCst) || n == 0 {
                let caught = panic::catch_unwind(|| panic!("the host's own panic"));
                assert!(caught.is_err());
                n += 1;
            }
            n
        })
    };
    let out = std::env::temp_dir().join(format!("jixiao-panic-hook-{}.json", std::process::id()));
    let out = out.to_string_lossy().into_owned();
    let started = std::time::Instant::now();
    let mut runs = 0;
    // Long enough that the other thread panics many times while a run is under way.
    while runs < 3 || started.elapsed() < std::time::Duration::from_millis(300) {
        let code = jixiao_cli::run(["jixiao", "parse", "-o", &out, &data("000_3e963503b18f6771.docx")]);
        assert_eq!(code, 0);
        runs += 1;
    }
    done.store(true, Ordering::SeqCst);
    let thrown = panics.join().expect("the panicking thread ends");
    let _ = std::fs::remove_file(&out);
    assert_eq!(HOOK_CALLS.load(Ordering::SeqCst), thrown, "panics of another thread during {runs} runs went past the host's hook");

    // After the runs the hook is the very one the host set.
    let after = panic::take_hook();
    let after_address = &*after as *const (dyn Fn(&panic::PanicHookInfo<'_>) + Send + Sync) as *const () as usize;
    assert_eq!(after_address, address, "run replaced the host's panic hook");
    panic::set_hook(after);
}
