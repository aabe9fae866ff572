#!/usr/bin/env python3
"""Events scored per PLOVER type, with the matching rule of score.py (the
type and one actor or target in common; status over matched events).

    python3 scripts/events_by_type.py GOLD_DIR INPUT_DIR
    python3 scripts/events_by_type.py testdata/gold/dev testdata/gold/dev/inputs

Analyses each input `X.*` for a gold `X.json` with target/release/claimtrace.
"""
import os
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "testdata", "eval"))
from score import greedy, names_of, norm, overlap_f1  # noqa: E402
from analysed import gold_and_records  # noqa: E402



def main():
    gold_dir, input_dir = sys.argv[1], sys.argv[2]
    counts = defaultdict(lambda: [0, 0, 0, 0, 0])  # tp, gold, pred, status right, status n
    for gold, pred in gold_and_records(gold_dir, input_dir):
        alias_sets = [names_of(e) for e in gold.get("entities", [])]

        def same_source(gs, ps):
            if not gs or not ps:
                return (not gs) and (not ps)
            if overlap_f1(gs, ps) >= 0.5:
                return True
            ng, np_ = norm(gs), norm(ps)
            return any((ng in s or any(overlap_f1(ng, a) >= 0.5 for a in s)) and np_ in s for s in alias_sets)

        def sim(g, p):
            if g["type"] != p.get("type"):
                return 0.0
            gp = list(g.get("actors") or []) + list(g.get("targets") or [])
            pp = list(p.get("actors") or []) + list(p.get("targets") or [])
            return 1.0 if any(same_source(a, b) for a in gp for b in pp) else 0.0

        gv, pv = gold.get("events", []), pred.get("events", [])
        for g in gv:
            counts[g["type"]][1] += 1
        for p in pv:
            counts[p["type"]][2] += 1
        for gi, pi in greedy(gv, pv, sim):
            c = counts[gv[gi]["type"]]
            c[0] += 1
            if gv[gi].get("status"):
                c[4] += 1
                c[3] += pv[pi].get("status") == gv[gi]["status"]
    print(f"{'type':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'status':>7}")
    total = [0, 0, 0, 0, 0]
    for kind in sorted(counts):
        tp, g, p, sr, sn = counts[kind]
        total = [a + b for a, b in zip(total, counts[kind])]
        print(row(kind, tp, g, p, sr, sn))
    print(row("all", *total))


def row(kind, tp, g, p, sr, sn):
    prec = tp / p if p else 0.0
    rec = tp / g if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    status = f"{sr / sn:.2f}" if sn else "-"
    return f"{kind:<10} {g:>5} {p:>5} {prec:>6.2f} {rec:>6.2f} {f1:>6.2f} {status:>7}"


if __name__ == "__main__":
    main()
