"""Fit the learned models of quote extraction on PolNeAR train: keep, add, confidence.

    .venv/bin/python bench/train_quote_model.py [--split train] [--cache] [--C 1.0]

Writes src/storyline/annotate/quotes/quote_model.json (feature weights and
thresholds; see ``storyline.annotate.quotes.learned`` and ``.confidence``) and
bench/results/quote_model.json (the out-of-fold scores behind the thresholds).

Labels come from the gold attributions: a rules' attribution is kept when its
source overlaps a gold source; a candidate cue is an addition when it overlaps
the cue of a gold attribution whose source the rules did not find and its
subject overlaps that source. Thresholds are picked on 5-fold (by document)
out-of-fold probabilities, to maximise source overlap F1 on the split.

The confidence model then scores each final attribution (the rules' and the
additions, selected with the out-of-fold keep/add probabilities as
``apply_models`` would): right when its source overlaps a gold source and its
content that gold attribution's content. Its threshold (the views' default,
``QUOTE_CONFIDENCE``) is the lowest on a grid whose out-of-fold source precision
reaches ``--precision``. The dev split is never read here (score it with
``bench/quotes.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc, DocBin

from storyline.annotate.quotes.assemble import find_attributions
from storyline.annotate.quotes.confidence import (
    WITHHELD,
    asserted,
    confidence_features,
    withheld,
)
from storyline.annotate.quotes.direct import QuoteSpan
from storyline.annotate.quotes.extract import quotes_from
from storyline.annotate.quotes.learned import (
    MODEL_FILE,
    Candidate,
    Features,
    LinearModel,
    QuoteModels,
    add_candidates,
    keep_features,
    models_to_json,
    reviewed,
    select_attributions,
)
from storyline.annotate.quotes.spans import Attribution, DocView, char_span
from storyline.annotate.quotes.speakers import resolve_speakers
from storyline.eval.brat import BratAttribution, read_ann
from storyline.eval.quotes import (
    _chars,
    default_nlp,
    gold_pairs,
    overlap_pairs,
    quotes_to_brat,
    score,
)
from storyline.models import Quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SHARED, code_digest, write_result  # noqa: E402

MODEL_OUT = ROOT / "src" / "storyline" / "annotate" / "quotes" / MODEL_FILE
KEEP_GRID = (0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
ADD_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 1.01)
CONFIDENCE_GRID = tuple(round(0.01 * k, 2) for k in range(30, 96))
MIN_COUNT = 2  # features seen fewer times in training are left out of the model


@dataclass
class DocRows:
    gold: list[BratAttribution]
    rules: list[BratAttribution]  # the rules' predictions, as the evaluation sees them
    keep_cues: list[int] = field(default_factory=list)  # cue start char of each keep row
    added: list[BratAttribution] = field(default_factory=list)  # one per add row
    # what the confidence stage needs to redo ``apply_models`` with given probabilities
    view: DocView | None = None
    atts: list[Attribution] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


# What decides a parse besides spaCy: the pipeline config and the components that
# run before the parser (the cached parse is keyed on them).
PARSE_CODE = [
    "config.cfg",
    "annotate/pipeline.py",
    "annotate/paragraphs.py",
    "annotate/brackets.py",
    "annotate/bounds.py",
    "annotate/components.py",
    "annotate/datelines.py",
    "text/datelines.py",
    "annotate/titles.py",
]


def parse_cache(split: str) -> Path:
    return (
        Path(tempfile.gettempdir()) / f"storyline_polnear_{split}_{code_digest(PARSE_CODE)}.spacy"
    )


def parsed_docs(texts: Sequence[str], cache: Path | None) -> list[Doc]:
    nlp = default_nlp()
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == list(texts):
            return docs
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        bin_ = DocBin(store_user_data=False)
        for d in docs:
            bin_.add(d)
        bin_.to_disk(cache)
    return docs


def _unmatched(gold: Sequence[BratAttribution], pred: Sequence[BratAttribution]) -> list[int]:
    """Gold attributions whose source no predicted source takes (matched as in ``score``)."""
    gs = [i for i, g in enumerate(gold) if g.source]
    matched = overlap_pairs([gold[i].source for i in gs], [p.source for p in pred if p.source])
    taken = {gs[gi] for gi, _ in matched}
    return [i for i in gs if i not in taken]


def rows_for(
    doc: Doc, gold: list[BratAttribution]
) -> tuple[DocRows, list[Features], list[int], list[Features], list[int]]:
    text = doc.text
    view = DocView.of(doc)
    atts, quotes = find_attributions(view)
    # the rules alone, as the evaluation sees them (extract_quotes without models)
    rules = quotes_to_brat(text, quotes_from(view, atts, quotes, resolve_speakers(view, atts)))
    rows = DocRows(gold=gold, rules=rules, view=view, atts=atts, quotes=quotes)
    gold_sources = [_chars(g.source) for g in gold if g.source]
    keep_x, keep_y = [], []
    for att in atts:
        if not reviewed(att):
            continue  # as in ``apply_models``: not for the model to review
        assert att.source is not None
        src = _chars((char_span(doc, *att.source),))
        keep_x.append(keep_features(view, att))
        keep_y.append(int(any(src & g for g in gold_sources)))
        rows.keep_cues.append(char_span(doc, min(att.cue), max(att.cue) + 1)[0])
    missed = [gold[i] for i in _unmatched(gold, rules)]
    add_x, add_y = [], []
    rows.candidates = add_candidates(view, atts)
    for cand in rows.candidates:
        att = cand.attribution
        assert att.source is not None
        cue = (char_span(doc, att.head, att.head + 1),)
        src = (char_span(doc, *att.source),)
        hit = any(
            g.cue and _chars(g.cue) & _chars(cue) and _chars(g.source) & _chars(src) for g in missed
        )
        add_x.append(cand.features)
        add_y.append(int(hit))
        rows.added.append(BratAttribution(source=src, cue=cue, content=tuple(att.content)))
    return rows, keep_x, keep_y, add_x, add_y


def _outside(atts: list[BratAttribution]) -> list[BratAttribution]:
    """The evaluation adapter's rule: an attribution whose cue is in another's content goes."""
    return [
        a
        for a in atts
        if not a.cue
        or not any(o is not a and any(s <= a.cue[0][0] < e for s, e in o.content) for o in atts)
    ]


def simulate(
    docs: list[DocRows],
    keep_p: list[np.ndarray],
    add_p: list[np.ndarray],
    keep_th: float,
    add_th: float,
) -> dict[str, float]:
    documents = []
    for rows, kp, ap in zip(docs, keep_p, add_p, strict=True):
        dropped = {c for c, p in zip(rows.keep_cues, kp, strict=True) if p < keep_th}
        pred = [a for a in rows.rules if not (a.source and a.cue and a.cue[0][0] in dropped)]
        added: list[BratAttribution] = []
        for a, p in zip(rows.added, ap, strict=True):
            if p >= add_th and not any(s <= a.cue[0][0] < e for o in added for s, e in o.content):
                added.append(a)
        documents.append((rows.gold, _outside(pred + added)))
    return score(documents)


def fit(x: list[Features], y: list[int], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    counts: dict[str, int] = {}
    for row in x:
        for k in row:
            counts[k] = counts.get(k, 0) + 1
    vec = DictVectorizer()
    vec.fit([{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in x])
    model = LogisticRegression(C=c, max_iter=3000).fit(vec.transform(x), y)
    return vec, model


def out_of_fold(
    x: list[Features], y: list[int], groups: list[int], c: float, folds: int
) -> np.ndarray:
    prob = np.zeros(len(y))
    xs = np.arange(len(y))
    for train, test in GroupKFold(folds).split(xs, y, groups):
        vec, model = fit([x[i] for i in train], [y[i] for i in train], c)
        prob[test] = model.predict_proba(vec.transform([x[i] for i in test]))[:, 1]
    return prob


def linear(vec: DictVectorizer, model: LogisticRegression, threshold: float) -> LinearModel:
    names = vec.get_feature_names_out()
    weights = {
        str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-3
    }
    return LinearModel(weights=weights, bias=float(model.intercept_[0]), threshold=threshold)


def _split(values: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    return np.split(values, np.cumsum(sizes)[:-1]) if sizes else []


@dataclass
class Final:
    """One document's final attributions (as ``apply_models`` leaves them) and their rows."""

    rows: DocRows
    atts: list[Attribution]
    speakers: list
    held: list[bool]  # ``withheld``: capped at ``WITHHELD`` whatever the model says
    x: list[Features]
    y: list[int]


def _right(doc: Doc, att: Attribution, gold: Sequence[BratAttribution]) -> int:
    """1 when the source overlaps a gold source and the content that gold content."""
    if att.source is None:
        return 0
    src = _chars((char_span(doc, *att.source),))
    content = _chars(tuple(att.content))
    return int(any(src & _chars(g.source) and content & _chars(g.content) for g in gold))


def final_rows(
    all_rows: list[DocRows],
    keep_p: list[np.ndarray],
    add_p: list[np.ndarray],
    keep_th: float,
    add_th: float,
) -> list[Final]:
    out = []
    for rows, kp, ap in zip(all_rows, keep_p, add_p, strict=True):
        assert rows.view is not None
        view = rows.view
        probs = iter(kp)
        keep_full = [float(next(probs)) if reviewed(a) else None for a in rows.atts]
        atts = select_attributions(
            view, rows.atts, keep_full, rows.candidates, [float(p) for p in ap], keep_th, add_th
        )
        atts = [a for a in atts if asserted(view, a)]  # as ``extract_quotes`` does
        speakers = resolve_speakers(view, atts)
        held = [withheld(view, a, sp) for a, sp in zip(atts, speakers, strict=True)]
        x = [confidence_features(view, a, sp) for a, sp in zip(atts, speakers, strict=True)]
        y = [_right(view.doc, a, rows.gold) for a in atts]
        out.append(Final(rows, atts, speakers, held, x, y))
    return out


def default_scores(
    finals: list[Final], conf: list[np.ndarray], threshold: float | None
) -> dict[str, float]:
    """Scores of what the views would show at ``threshold`` (``None``: everything)."""
    documents = []
    for fin, cp in zip(finals, conf, strict=True):
        assert fin.rows.view is not None
        sure = [
            min(float(p), WITHHELD) if h else float(p) for p, h in zip(cp, fin.held, strict=True)
        ]
        records: list[Quote] = quotes_from(
            fin.rows.view, fin.atts, fin.rows.quotes, fin.speakers, sure
        )
        if threshold is not None:
            records = [q for q in records if q.confidence >= threshold]
        documents.append((fin.rows.gold, quotes_to_brat(fin.rows.view.text, records)))
    return score(documents)


def dump(path: Path, finals: list[Final], conf: list[np.ndarray]) -> None:
    """The confidence rows with their text, label and out-of-fold probability, to read."""
    with path.open("w", encoding="utf-8") as out:
        for n, (fin, cp) in enumerate(zip(finals, conf, strict=True)):
            assert fin.rows.view is not None
            text = fin.rows.view.text
            for att, sp, x, y, p, h in zip(
                fin.atts, fin.speakers, fin.x, fin.y, cp, fin.held, strict=True
            ):
                a, b = att.content[0][0], att.content[-1][1]
                row = {
                    "doc": n,
                    "speaker": sp.text,
                    "resolved": sp.resolved,
                    "y": y,
                    "p": round(float(p), 4),
                    "cue": fin.rows.view.doc[att.head].text,
                    "held": h,
                    "content": text[a:b][:200],
                    "x": x,
                }
                out.write(json.dumps(row) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=MODEL_OUT)
    ap.add_argument("--cache", action="store_true", help="keep the parsed docs under /tmp")
    ap.add_argument(
        "--precision", type=float, default=0.91, help="out-of-fold source precision to reach"
    )
    ap.add_argument("--dump", type=Path, help="write the confidence rows (JSON lines) here")
    ap.add_argument(
        "--confidence-C", type=float, default=0.15, help="regularisation of the confidence model"
    )
    args = ap.parse_args()

    pairs = gold_pairs(SHARED / "datasets" / "polnear" / args.split)
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    docs = parsed_docs(texts, parse_cache(args.split) if args.cache else None)

    all_rows: list[DocRows] = []
    keep_x: list[Features] = []
    keep_y: list[int] = []
    keep_g: list[int] = []
    add_x: list[Features] = []
    add_y: list[int] = []
    add_g: list[int] = []
    for n, ((_, ann), doc) in enumerate(zip(pairs, docs, strict=True)):
        rows, kx, ky, ax, ay = rows_for(doc, read_ann(ann))
        all_rows.append(rows)
        keep_x += kx
        keep_y += ky
        keep_g += [n] * len(ky)
        add_x += ax
        add_y += ay
        add_g += [n] * len(ay)

    keep_oof = out_of_fold(keep_x, keep_y, keep_g, args.C, args.folds)
    add_oof = out_of_fold(add_x, add_y, add_g, args.C, args.folds)
    keep_p = _split(keep_oof, [len(r.keep_cues) for r in all_rows])
    add_p = _split(add_oof, [len(r.added) for r in all_rows])
    base = simulate(all_rows, keep_p, add_p, 0.0, 2.0)
    grid = []
    for kt in KEEP_GRID:
        for at in ADD_GRID:
            s = simulate(all_rows, keep_p, add_p, kt, at)
            grid.append({"keep": kt, "add": at, **{k: s[k] for k in ("source_f1", "content_f1")}})
            print(f"keep {kt:.2f} add {at:.2f}: source F1 {s['source_f1']:.4f}", file=sys.stderr)
    best = max(grid, key=lambda g: (g["source_f1"], g["content_f1"]))

    # the confidence model, on the final attributions the chosen thresholds leave (less
    # those withheld whatever it says: it learns to rank the others)
    finals = final_rows(all_rows, keep_p, add_p, best["keep"], best["add"])
    rated = [
        (n, x, y)
        for n, f in enumerate(finals)
        for x, y, h in zip(f.x, f.y, f.held, strict=True)
        if not h
    ]
    conf_x = [x for _, x, _ in rated]
    conf_y = [y for _, _, y in rated]
    conf_g = [n for n, _, _ in rated]
    conf_oof = iter(out_of_fold(conf_x, conf_y, conf_g, args.confidence_C, args.folds))
    conf_p = [np.array([0.0 if h else next(conf_oof) for h in f.held]) for f in finals]
    if args.dump:
        dump(args.dump, finals, conf_p)
    everything = default_scores(finals, conf_p, None)
    curve = []
    for t in CONFIDENCE_GRID:
        s = default_scores(finals, conf_p, t)
        curve.append({"threshold": t, **{k: s[k] for k in SHOWN_KEYS}})
        print(
            f"confidence {t:.2f}: source P {s['source_precision']:.4f} R {s['source_recall']:.4f}",
            file=sys.stderr,
        )
    reaching = [c for c in curve if c["source_precision"] >= args.precision]
    chosen = reaching[0] if reaching else curve[-1]

    keep_vec, keep_model = fit(keep_x, keep_y, args.C)
    add_vec, add_model = fit(add_x, add_y, args.C)
    conf_vec, conf_model = fit(conf_x, conf_y, args.confidence_C)
    models = QuoteModels(
        keep=linear(keep_vec, keep_model, best["keep"]),
        add=linear(add_vec, add_model, best["add"]),
        version=f"polnear-{args.split}-C{args.C}-{args.confidence_C}-p{args.precision}",
        confidence=linear(conf_vec, conf_model, chosen["threshold"]),
    )
    args.out.write_text(models_to_json(models), encoding="utf-8")
    result = {
        "split": args.split,
        "documents": len(docs),
        "keep_rows": len(keep_y),
        "keep_positive": int(sum(keep_y)),
        "add_rows": len(add_y),
        "add_positive": int(sum(add_y)),
        "confidence_rows": len(conf_y),
        "withheld_rows": sum(sum(f.held) for f in finals),
        "confidence_positive": int(sum(conf_y)),
        "rules_only": {k: base[k] for k in ("source_f1", "cue_f1", "content_f1")},
        "chosen": best,
        "grid": grid,
        "all_out_of_fold": {k: everything[k] for k in SHOWN_KEYS},
        "precision_target": args.precision,
        "confidence_chosen": chosen,
        "confidence_curve": curve,
        "features": {
            "keep": len(models.keep.weights),
            "add": len(models.add.weights),
            "confidence": len(conf_vec.get_feature_names_out()),
        },
    }
    write_result("quote_model", result)
    print(
        f"rules only: source F1 {base['source_f1']:.4f}; out-of-fold with keep>={best['keep']}"
        f" add>={best['add']}: source F1 {best['source_f1']:.4f}, content F1"
        f" {best['content_f1']:.4f}; default view at confidence>={chosen['threshold']}: source"
        f" P {chosen['source_precision']:.4f} R {chosen['source_recall']:.4f} -> {args.out}"
    )


SHOWN_KEYS = (
    "source_precision",
    "source_recall",
    "source_f1",
    "cue_precision",
    "cue_recall",
    "cue_f1",
    "content_precision",
    "content_recall",
    "content_f1",
)


if __name__ == "__main__":
    main()
