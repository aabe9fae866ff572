"""Gold records beside claimtrace's records of the same inputs, for the
per-type comparison scripts (entities_by_type.py, events_by_type.py)."""
import glob
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# CLAIMTRACE_BIN picks another build (an earlier one, for a before/after).
BIN = os.environ.get("CLAIMTRACE_BIN", os.path.join(ROOT, "target", "release", "claimtrace"))


def gold_and_records(gold_dir, input_dir):
    """Yields (gold record, our record) for each gold `X.json` in `gold_dir`
    with an input `X.*` in `input_dir`, analysed by target/release/claimtrace (or $CLAIMTRACE_BIN)."""
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        inputs = glob.glob(os.path.join(input_dir, stem + ".*"))
        if not inputs:
            continue
        gold = json.load(open(path, encoding="utf-8"))
        out = subprocess.run([BIN, "analyze", "--json", inputs[0]], capture_output=True, text=True, check=True)
        yield gold, json.loads(out.stdout)
