//! End-to-end tests of the `claimtrace` binary: one module per command.

mod util;

mod analyze;
mod bad_input;
mod eval;
mod hostile;
mod ledger;
mod queue;
