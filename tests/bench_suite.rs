//! Keeps the classic-programs suite (`tests/bench/suite/`, timed by `cargo bench --bench suite`)
//! honest without timing it: every program, at its small size (`--small`), must print under
//! gilvm exactly what CPython printed, as recorded in `tests/bench/suite/expected/` by
//! `cargo bench --bench suite -- --record`.

#[path = "support/suite.rs"]
mod suite;

use std::time::Duration;

/// Generous: each small run takes well under a second in a debug build.
const LIMIT: Duration = Duration::from_secs(60);

fn check(name: &str) {
    let expected = std::fs::read(suite::expected_path(name)).unwrap_or_else(|e| {
        panic!("{name}: no recorded output ({e}); run `cargo bench --bench suite -- --record`")
    });
    let path = suite::program_path(name, "py");
    let path = path.to_str().expect("UTF-8 path");
    let run = suite::run_once(
        env!("CARGO_BIN_EXE_gilvm"),
        &[path, suite::SMALL],
        &[],
        LIMIT,
    )
    .unwrap_or_else(|e| panic!("{name}: gilvm failed: {e}"));
    assert!(
        run.stdout == expected,
        "{name}: gilvm's output differs from CPython's: {}",
        suite::first_difference(&expected, &run.stdout)
    );
}

macro_rules! programs {
    ($($name:ident)*) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*

        /// Every program in the folder has a test above and a recorded output.
        #[test]
        fn every_program_is_checked() {
            let listed = [$(stringify!($name)),*];
            assert_eq!(suite::programs(), listed, "add new programs to tests/bench_suite.rs");
            for name in listed {
                assert!(suite::expected_path(name).exists(), "{name}: output not recorded");
            }
        }
    };
}

programs! {
    chaos deltablue fannkuch float generators go nbody nqueens raytrace richards spectral_norm
    sudoku unpack_sequence wordcount
}
