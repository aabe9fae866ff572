#!/usr/bin/env python3
"""Agreement of claimtrace's event statuses with MEANTIME factuality.

MEANTIME (NewsReader) annotates every event mention in the first sentences
of 480 news articles with its factuality: certainty (CERTAIN, PROBABLE,
POSSIBLE), polarity (POS, NEG) and time (NON_FUTURE, FUTURE). Its events
are not PLOVER events, so this scores the part the two share: the mentions
whose word is one of our triggers.

- status agreement: over the mentions where claimtrace reports an event
  (trigger on the mention's token), MEANTIME's factuality agrees with
  ours: CERTAIN, POS, NON_FUTURE when ours is asserted, reported or
  confirmed; anything else when ours is hedged, unverified or disputed.
- irrealis kept out: over mentions MEANTIME marks NEG or FUTURE whose
  word is a trigger, the share claimtrace reports no event for.

    python3 scripts/meantime_events.py ../shared/data/meantime/intra-doc_annotation
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "claimtrace")


def read(path):
    tree = ET.parse(path)
    root = tree.getroot()
    sentences, spans = {}, {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append((tok.get("t_id"), tok.text or ""))
    order = sorted(sentences)
    title = " ".join(t for _, t in sentences[order[0]])
    body = ""
    for s in order[1:]:
        if body:
            body += "\n\n"
        for k, (tid, text) in enumerate(sentences[s]):
            if k:
                body += " "
            spans[tid] = (len(body), len(body) + len(text))
            body += text
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = (t.get("value") or "")[:10]
    mentions = []
    for m in root.iter("EVENT_MENTION"):
        toks = [spans[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in spans]
        if toks:
            realis = (m.get("certainty") == "CERTAIN" and m.get("polarity") == "POS"
                      and m.get("time") == "NON_FUTURE")
            negfut = m.get("polarity") == "NEG" or m.get("time") == "FUTURE"
            mentions.append((min(a for a, _ in toks), max(b for _, b in toks), realis, negfut, m.get("pred")))
    return {"title": title, "text": body, "published": dct}, mentions


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "meantime", "intra-doc_annotation")
    paths = sorted(glob.glob(os.path.join(corpus, "*", "*.xml")))
    docs = [read(p) for p in paths]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rec, _ in docs:
            f.write(json.dumps(rec) + "\n")
        name = f.name
    out = subprocess.run([BIN, "analyze", "--jsonl", name], capture_output=True, text=True, check=True).stdout
    os.unlink(name)
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    # the lexicon's trigger words, to find MEANTIME mentions we could have reported
    agree = total = kept_out = irrealis = compared = 0
    for (rec, mentions), pred in zip(docs, records):
        # The reader drops the dateline: shift MEANTIME's offsets by where
        # our body starts in the text we gave it; skip any other change.
        body = pred.get("text", "")
        shift = rec["text"].find(body[:200]) if body else -1
        if shift < 0 or rec["text"][shift:shift + len(body)] != body:
            continue
        mentions = [(a - shift, b - shift, r, n, w) for a, b, r, n, w in mentions if a >= shift]
        compared += 1
        events = [e for e in pred.get("events", []) if e.get("span")]
        for start, end, realis, negfut, pred_word in mentions:
            hit = [e for e in events if e["span"][0] < end and start < e["span"][1]]
            if hit:
                total += 1
                ours_realis = hit[0]["status"] in ("asserted", "reported", "confirmed")
                agree += ours_realis == realis
            if negfut:
                word = body[start:end].lower()
                if hit or word in TRIGGER_WORDS:
                    irrealis += 1
                    kept_out += not hit
    print(f"articles: {len(docs)} ({compared} compared)")
    print(f"status agreement: {agree}/{total} = {agree / max(total, 1):.3f}")
    print(f"negated or future trigger mentions kept out: {kept_out}/{irrealis} = {kept_out / max(irrealis, 1):.3f}")


def trigger_words():
    words = set()
    path = os.path.join(ROOT, "crates", "claimtrace", "data", "events", "triggers.tsv")
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        w = line.split("\t")[0]
        if " " not in w:
            words.update({w, w + "s", w + "ed", w + "d", w + "ing"})
    return words


TRIGGER_WORDS = trigger_words()

if __name__ == "__main__":
    main()
