#!/usr/bin/env bash
# Runs the fuzz targets in fuzz/ for a bounded time each, from the seed
# corpus committed in fuzz/seeds/ plus whatever earlier runs kept in
# fuzz/corpus/. A crash fails the script and leaves its input in
# fuzz/artifacts/<target>/; turn it into a regression test and a seed.
#
#   scripts/fuzz.sh                      every target, 60 s each
#   scripts/fuzz.sh --seconds 1200 times one target, 20 minutes
#   scripts/fuzz.sh --self-test          prove a planted panic is caught
#
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 unlocks them on the
# stable toolchain. FUZZ_SANITIZER=none skips AddressSanitizer (faster).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
self_test=false
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --self-test) self_test=true; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done

export RUSTC_BOOTSTRAP=1
sanitizer="${FUZZ_SANITIZER:-address}"
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked --quiet
fi
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd fuzz && cargo fuzz list)
fi

# One run of `target` for `seconds`; prints libFuzzer's last status line.
run_target() {
    local target="$1" features="$2" corpus="$3"
    shift 3
    local log
    log="$(mktemp)"
    local status=0
    (cd fuzz && cargo fuzz run --sanitizer "$sanitizer" $features "$target" "$corpus" "$@" -- \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1) >"$log" 2>&1 || status=$?
    local execs cov
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
    cov="$(grep -oE '(DONE|pulse|NEW|REDUCE) +cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 \
        | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)"
    echo "$target: ${seconds}s, ${execs:-?} executions, ${cov:-no coverage line}, exit $status"
    if [ "$status" -ne 0 ]; then
        grep -E 'panicked|ERROR|SUMMARY|Test unit written|deadly|failed' "$log" | head -20 >&2
    fi
    rm -f "$log"
    return "$status"
}

if $self_test; then
    # A planted panic behind the test-only feature must fail the run.
    corpus="$(mktemp -d)"
    printf 'Title\n\nCLAIMTRACE-PLANTED-PANIC\n' >"$corpus/planted.txt"
    seconds=30
    if run_target read_text "--features planted-panic" "$corpus" 2>/dev/null; then
        echo "fuzz.sh: self-test FAILED: the planted panic was not caught" >&2
        exit 1
    fi
    rm -rf "$corpus" fuzz/artifacts/read_text/crash-*
    echo "fuzz.sh: self-test passed: a planted panic fails the run"
    exit 0
fi

failed=()
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    if ! run_target "$target" "" "corpus/$target" "seeds/$target"; then
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
