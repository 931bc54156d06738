"""TempEval-3 style evaluation of the temporal tagger on TimeML files.

Matching is one-to-one: exact-extent pairs first, then each remaining gold
expression takes the unmatched system expression it overlaps most.

- strict: a pair with identical extents;
- relaxed: a pair whose extents overlap;
- type / value: relaxed pairs whose attribute also agrees. As in the
  TempEval-3 scorer, precision = correct / system expressions and
  recall = correct / gold expressions.

The DCT (the TIMEX3 with functionInDocument="CREATION_TIME") is metadata
outside TEXT and is never scored.

The tagger runs as ``storyline add`` runs it: inside the annotation pipeline
(``annotate.pipeline.load_pipeline``), after the model has tagged and parsed the
text, so the tense of the governing verb settles a bare "Friday". ``parse=False``
scores the tagger's text path alone (``tag(text, dct)``: cue words only).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.annotate.timex import tag
from storyline.errors import EvalError, StorylineError
from storyline.eval.timeml import GoldTimex, TimeMLDoc, read_timeml, write_timeml
from storyline.models import Timex

if TYPE_CHECKING:
    from spacy.language import Language

TIMEX_COMPONENT = "storyline_timex_v1"


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def match(gold: Sequence[GoldTimex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs: exact extents first, then overlaps."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    by_extent = {(s.start, s.end): j for j, s in enumerate(system)}
    for i, g in enumerate(gold):
        j = by_extent.get((g.start, g.end))
        if j is not None and j not in used_s:
            pairs.append((i, j))
            used_g.add(i)
            used_s.add(j)
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        best, best_overlap = None, 0
        for j, s in enumerate(system):
            if j in used_s:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            pairs.append((i, best))
            used_g.add(i)
            used_s.add(best)
    return sorted(pairs)


def score(gold: Sequence[GoldTimex], system: Sequence[Timex]) -> Counts:
    c = Counts(gold=len(gold), system=len(system))
    for i, j in match(gold, system):
        g, s = gold[i], system[j]
        c.relaxed += 1
        if (g.start, g.end) == (s.start, s.end):
            c.strict += 1
        if g.type == s.type:
            c.type += 1
        if g.value == s.value:
            c.value += 1
    return c


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summarize(c: Counts) -> dict[str, Any]:
    sp, sr, sf = prf(c.strict, c.system, c.gold)
    rp, rr, rf = prf(c.relaxed, c.system, c.gold)
    tp, tr, tf = prf(c.type, c.system, c.gold)
    vp, vr, vf = prf(c.value, c.system, c.gold)
    return {
        "strict_f1": round(sf, 4),
        "relaxed_f1": round(rf, 4),
        "type_f1": round(tf, 4),
        "value_f1": round(vf, 4),
        "strict_precision": round(sp, 4),
        "strict_recall": round(sr, 4),
        "relaxed_precision": round(rp, 4),
        "relaxed_recall": round(rr, 4),
        "type_precision": round(tp, 4),
        "type_recall": round(tr, 4),
        "value_precision": round(vp, 4),
        "value_recall": round(vr, 4),
        "gold": c.gold,
        "system": c.system,
    }


def dating_pipeline() -> Language:
    """The annotation pipeline as ``add`` loads it, with only the components dating
    needs running: the model, the sentence rules and the temporal tagger (the others
    read the same parse and write other fields; switching them off changes no date)."""
    from storyline.annotate.pipeline import load_pipeline, pipeline_config

    nlp = load_pipeline()
    ours = pipeline_config()["pipeline"]["components"]
    nlp.select_pipes(disable=[name for name in ours if name != TIMEX_COMPONENT])
    return nlp


def _tag_parsed(nlp: Language, docs: Sequence[TimeMLDoc]) -> list[list[Timex] | StorylineError]:
    """Each document through the pipeline; a document it fails on gives its error."""
    from storyline.annotate.timex.component import register_extensions

    register_extensions()
    made = []
    for doc in docs:
        spacy_doc = nlp.make_doc(doc.text)
        spacy_doc._.dct = doc.dct
        made.append(spacy_doc)
    out: list[list[Timex] | StorylineError] = []
    for parsed in nlp.pipe(made):
        if parsed._.timex_error:
            out.append(EvalError(parsed._.timex_error, code="E603"))
        else:
            out.append(list(parsed._.timexes or []))
    return out


def evaluate(
    directory: Path,
    predictions: Path | None = None,
    *,
    parse: bool = True,
    nlp: Language | None = None,
) -> dict[str, Any]:
    """Score the temporal tagger on every .tml file under ``directory`` (recursively).

    With ``parse`` (the default) the tagger runs inside the annotation pipeline
    (``nlp``, default ``dating_pipeline()``), as ``add`` runs it; without, ``tag``
    runs on the text alone. With ``predictions``, also write one TimeML file per
    input there, at the same relative path, with the system's TIMEX3 tags. A file
    that cannot be read or tagged is listed under "errors" and skipped; it does not
    stop the run. ``tagger_seconds`` is the tagging time (with ``parse``: the
    pipeline's, parsing included).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise EvalError(f"not a directory: {directory}", code="E601")
    files = sorted(directory.rglob("*.tml"))
    if not files:
        raise EvalError(f"no .tml files under {directory}", code="E602")
    started = time.perf_counter()
    errors: list[str] = []
    read: list[tuple[Path, TimeMLDoc]] = []
    for path in files:
        try:
            read.append((path, read_timeml(path)))
        except StorylineError as exc:
            errors.append(f"{path}: {exc}")
    t0 = time.perf_counter()
    if parse:
        pipeline = nlp or dating_pipeline()
        t0 = time.perf_counter()  # the model's loading is not tagging time
        tagged = _tag_parsed(pipeline, [doc for _, doc in read])
    else:
        tagged = []
        for _, doc in read:
            try:
                tagged.append(tag(doc.text, doc.dct))
            except StorylineError as exc:
                tagged.append(exc)
    seconds = time.perf_counter() - t0
    total = Counts()
    scored = 0
    for (path, doc), system in zip(read, tagged, strict=True):
        if isinstance(system, StorylineError):
            errors.append(f"{path}: {system}")
            continue
        total.add(score(doc.timexes, system))
        scored += 1
        if predictions is not None:
            write_timeml(Path(predictions) / path.relative_to(directory), doc, system)
    out: dict[str, Any] = {"files": scored}
    out.update(summarize(total))
    out["tagger"] = "pipeline" if parse else "text"
    out["seconds"] = round(time.perf_counter() - started, 3)  # the whole run, reading included
    out["tagger_seconds"] = round(seconds, 3)
    if errors:
        out["errors"] = errors
    return out
