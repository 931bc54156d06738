"""What changed, on the seeds and on T17 ``h1n1``; and what it costs.

    nice -n 10 .venv/bin/python bench/changes.py [--seeds-db /tmp/seeds.db] [--h1n1-db /tmp/h1n1_changes.db] [--sample-db /tmp/sample.db]

Stores: built with ``storyline add`` when missing (the seeds in seconds; h1n1 takes
minutes: copy /work/stores/h1n1.db instead when it is there). Prints and records:

- seeds: the position steps of ``changes --entity "Biden administration"`` and the
  ATACMS range series (disagreements, changes); and what the FNC-1 stance model says
  of each position sentence against one claim, beside the rules' stance;
- model roles: where the FNC-1 stance model could serve the positions view (each
  position mention's claim against its article body, as FNC-1 was trained, or against
  its sentence), on the seeds and the bundled sample corpus (``model_roles``);
- h1n1: the "deaths in Mexico" series on 2009-04-24 … 2009-04-30, the same-date
  disagreements and the changes;
- speed: position finding + grouping + figure series, and the stance model scoring
  every position mention's sentence against its position's claim, against spaCy's
  time (``load_pipeline``'s ``nlp.pipe``) on the same articles (a sample of
  ``--spacy-articles``); and the whole ``changes`` view built on a 5,000-article
  corpus made by repeating the h1n1 store's articles under new ids (same texts,
  so the same work per article as real coverage of that kind), the best of three runs.

Results: bench/results/changes.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SHARED, write_result  # noqa: E402
from storyline.annotate.stance import shipped  # noqa: E402
from storyline.views.changes import changes_view  # noqa: E402
from storyline.views.corpus import Corpus  # noqa: E402
from storyline.views.positions import group_positions, position_mentions  # noqa: E402
from storyline.views.series import figure_series  # noqa: E402
from storyline.views.story import Story  # noqa: E402

SEEDS_CLAIM = "The United States sends long-range ATACMS missiles to Ukraine"
SAMPLE_CLAIM = "Kestria sends its CLRIS interceptor system to Esterholm"


def ensure_store(db: Path, source: Path) -> None:
    if db.exists():
        return
    from storyline import api
    from storyline.options import Options
    from storyline.store import Store

    store = Store(str(db))
    manifest = source / "manifest.jsonl"
    api.add(
        store,
        [source],
        manifest=manifest if manifest.exists() else None,
        options=Options(db=str(db)),
    )
    store.close()


def seeds(db: Path) -> dict[str, Any]:
    with Story.open(str(db)) as story:
        payload = story.view("changes", entity="Biden administration")
        figures = story.view("changes")["figures"]
    steps = [
        {"date": s["date"], "stance": s["stance"], "evidence": s["evidence"][0]["sentence"][:120]}
        for s in payload["positions"][0]["steps"]
    ] if payload["positions"] else []  # fmt: skip
    ranges = [
        {"about": f["about"], "points": [(p["date"], p["text"], p["outlet"]) for p in f["series"]],
         "disagreements": f["disagreements"], "changes": f["changes"]}
        for f in figures if f["measure"] == "range"
    ]  # fmt: skip
    for s in steps:
        print(f"  {s['date']:<10} {s['stance']:<9} {s['evidence']}")
    # Does the FNC-1 model read these stances? Each position sentence against the claim.
    model = shipped()
    claim = "The United States sends long-range ATACMS missiles to Ukraine"
    with Story.open(str(db)) as story:
        mentions = [
            m for p in group_positions(position_mentions(story.corpus())) for m in p.mentions
        ]
    labels = model.predict([(claim, m.text) for m in mentions])
    model_vs_rules = [(m.resolved, label) for m, label in zip(mentions, labels, strict=True)]
    print("  rules vs model:", model_vs_rules)
    for r in ranges:
        print(
            f"  {r['about']}: {r['points']} disagreements={r['disagreements']} changes={r['changes']}"
        )
    return {
        "claim": payload["positions"][0]["claim"] if payload["positions"] else None,
        "steps": steps,
        "ranges": ranges,
    }


# The rules' stance, as the FNC-1 label a text taking it would get against the claim.
AS_FNC = {"for": "agree", "against": "disagree", "undecided": "discuss"}


def model_roles(db: Path, hand_claims: dict[str, str]) -> dict[str, Any]:
    """Where could the FNC-1 model help the positions view? For each position mention, the
    model's label for (a) the position's own claim ("<actor> <proposition>") against the
    whole article body, as FNC-1 pairs a headline with a body; (b) a hand-written claim
    (``hand_claims`` by actor key) against the body; (c) the own claim against the
    mention's sentence. Beside the rules' stance (right on every gold mention of the
    seeds and the sample): a role helps only if the model's label follows the stance
    (``AS_FNC``), or if "unrelated" falls on wrong mentions only."""
    model = shipped()
    with Story.open(str(db)) as story:
        corpus = story.corpus()
    rows = []
    for p in group_positions(position_mentions(corpus)):
        own = f"{p.actor} {p.claim}"
        hand = hand_claims.get(p.actor_key)
        for m in p.mentions:
            body = corpus.articles[m.article].text
            rows.append(
                {
                    "actor": p.actor_key,
                    "rules": m.resolved,
                    "own_claim_vs_body": model.predict([(own, body)])[0],
                    "hand_claim_vs_body": model.predict([(hand, body)])[0] if hand else None,
                    "own_claim_vs_sentence": model.predict([(own, m.text)])[0],
                }
            )
    out: dict[str, Any] = {"mentions": len(rows), "rows": rows}
    for role in ("own_claim_vs_body", "hand_claim_vs_body", "own_claim_vs_sentence"):
        scored = [r for r in rows if r[role] is not None]
        out[role] = {
            "follows_the_rules": sum(AS_FNC[r["rules"]] == r[role] for r in scored),
            "of": len(scored),
            "unrelated": sum(r[role] == "unrelated" for r in scored),
            "labels": sorted({r[role] for r in scored}),
        }
    print(f"  model roles on {db.name}:", {k: v for k, v in out.items() if k != "rows"})
    return out


def h1n1(corpus: Corpus) -> dict[str, Any]:
    payload = changes_view(corpus, entity="Mexico")
    deaths = next(f for f in payload["figures"] if f["about"] == "deaths in Mexico")
    window = [p for p in deaths["series"] if "2009-04-24" <= p["date"] <= "2009-04-30"]
    for p in window:
        print(f"  {p['date']} {p['outlet']:<9} {p['text']}")
    on_27 = [d for d in deaths["disagreements"] if d["date"] == "2009-04-27"]
    print("  2009-04-27:", on_27)
    print(
        "  changes:",
        [(c["start"], c["end"], c["before"], c["after"]) for c in deaths["changes"]][:4],
    )
    return {
        "points": [(p["date"], p["outlet"], p["text"]) for p in window],
        "disagreement_2009_04_27": on_27,
        "disagreement_dates": [d["date"] for d in deaths["disagreements"]],
        "changes": deaths["changes"],
    }


def sub_corpus(corpus: Corpus, ids: list[str]) -> Corpus:
    keep = set(ids)
    return Corpus(
        articles={k: v for k, v in corpus.articles.items() if k in keep},
        annotations={k: v for k, v in corpus.annotations.items() if k in keep},
        entities=corpus.entities,
        copies=[c for c in corpus.copies if c.article in keep],
    )


def speed(corpus: Corpus, n_articles: int) -> dict[str, Any]:
    from storyline.annotate.pipeline import load_pipeline

    ids = sorted(corpus.articles)[:n_articles]
    small = sub_corpus(corpus, ids)
    texts = [corpus.articles[i].text for i in ids]
    nlp = load_pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    spacy_s = time.perf_counter() - started

    started = time.perf_counter()
    mentions = position_mentions(small)
    positions = group_positions(mentions)
    series = figure_series(small)
    grouping_s = time.perf_counter() - started
    model = shipped()
    model.featurizer._text_cache.clear()
    pairs = [(p.claim, m.text) for p in positions for m in p.mentions]
    started = time.perf_counter()
    model.predict(pairs)
    stance_s = time.perf_counter() - started
    return {
        "articles": len(ids),
        "spacy_seconds": round(spacy_s, 3),
        "positions_grouping_series_seconds": round(grouping_s, 4),
        "stance_model_seconds": round(stance_s, 4),
        "stance_pairs": len(pairs),
        "share_of_spacy": round((grouping_s + stance_s) / spacy_s, 4),
        "positions": len(positions),
        "series": len(series),
    }


def big(corpus: Corpus, size: int, repeats: int = 3) -> dict[str, Any]:
    articles, annotations = {}, {}
    base = list(corpus.articles)
    for n in range(size):
        src = base[n % len(base)]
        new = f"{src}~{n // len(base)}"
        articles[new] = dataclasses.replace(corpus.articles[src], id=new)
        annotations[new] = dataclasses.replace(corpus.annotations[src], article_id=new)
    # Entities keep their mentions in the first copy; the others read as unlinked names.
    runs = []
    for _ in range(repeats):  # a fresh corpus each time: nothing cached between runs
        large = Corpus(articles=articles, annotations=annotations, entities=corpus.entities, copies=[])  # fmt: skip
        started = time.perf_counter()
        payload = changes_view(large)
        runs.append(round(time.perf_counter() - started, 3))
    return {"articles": size, "seconds": min(runs), "runs": runs, "positions": len(payload["positions"]), "figures": len(payload["figures"])}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds-db", type=Path, default=Path("/tmp/seeds_changes.db"))
    parser.add_argument("--h1n1-db", type=Path, default=Path("/tmp/h1n1_changes.db"))
    parser.add_argument("--sample-db", type=Path, default=Path("/tmp/sample_changes.db"))
    parser.add_argument("--spacy-articles", type=int, default=100)
    parser.add_argument("--big", type=int, default=5000)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument(
        "--big-only",
        action="store_true",
        help="only the 5,000-article timing -> bench/results/changes_big.json",
    )
    args = parser.parse_args()
    if args.big_only:
        with Story.open(str(args.h1n1_db)) as story:
            corpus = story.corpus()
        timing = big(corpus, args.big, args.big_runs)
        timing["command"] = "nice -n 10 .venv/bin/python bench/changes.py " + " ".join(sys.argv[1:])
        print("5,000 articles:", timing)
        print(write_result("changes_big", timing))
        return
    ensure_store(args.seeds_db, SHARED / "corpora" / "seeds")
    if not args.h1n1_db.exists():
        sys.exit(
            f"{args.h1n1_db}: no store; copy /work/stores/h1n1.db there or build it (bench/real_coverage.py)"
        )
    print("seeds:")
    result: dict[str, Any] = {
        "command": "nice -n 10 .venv/bin/python bench/changes.py",
        "seeds": seeds(args.seeds_db),
    }
    ensure_store(args.sample_db, ROOT / "src" / "storyline" / "sample")
    result["model_roles"] = {
        "seeds": model_roles(args.seeds_db, {"united states": SEEDS_CLAIM}),
        "sample": model_roles(args.sample_db, {"kestria": SAMPLE_CLAIM}),
    }
    with Story.open(str(args.h1n1_db)) as story:
        corpus = story.corpus()
    print("h1n1:")
    result["h1n1"] = h1n1(corpus)
    started = time.perf_counter()
    changes_view(corpus)
    result["h1n1_view_seconds"] = round(time.perf_counter() - started, 3)
    result["speed"] = speed(corpus, args.spacy_articles)
    print("speed:", result["speed"])
    result["big"] = big(corpus, args.big, args.big_runs)
    print("5,000 articles:", result["big"])
    print(write_result("changes", result))


if __name__ == "__main__":
    main()
