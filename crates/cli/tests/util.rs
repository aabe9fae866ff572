//! Running the binary and finding fixtures.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A fixture under the repository's `testdata/`.
pub fn testdata(rel: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata")).join(rel)
}

/// Runs `claimtrace` with `args` and returns what it did.
pub fn claimtrace(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimtrace")).args(args).output().expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
