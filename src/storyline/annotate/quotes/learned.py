"""A learned second opinion on the rules: drop doubtful attributions, add missed ones.

The rules (``assemble``) are precise but miss the long tail of ways news reports
a stance ("X tied the scores to ...", "X cast Y as ..."), and keep some
attributions whose speaker is not one. Two small logistic models, fitted on the
PolNeAR training split by ``bench/train_quote_model.py`` and stored as feature
weights in ``quote_model.json``, work on the rules' output:

* the **keep** model scores each attribution the rules found that has a source
  (features: cue lemma, rule kind and frame, the source's head word and entity
  label, direct or not, ...); one scored below its threshold is dropped (a
  transcript turn or a signed quote, whose form names the speaker, is not scored);
* the **add** model scores each verb, noun or adjective that is not already a
  cue and has a subject (its own ``nsubj``, a possessor for a noun, a passive
  agent, or the subject of the verb it is conjoined with); one scored above its
  threshold becomes an attribution: the subject is the source, the word the
  cue, the words it governs to its right the content. As with the rules, the
  subject must be able to speak: a person, a group, a named body or a document.

Both thresholds were chosen on out-of-fold predictions on the training split.
Additions never overlap the rules' attributions: a candidate inside another
attribution's content or source, or whose content would take in another
attribution's cue, is not considered; nor is one inside an addition already
made (the outer report is the attribution, as in PolNeAR).
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from ...errors import AnnotateError
from .indirect import cue_lemma, source_span
from .spans import CERTAIN_FRAMES, Attribution, DocView, char_span, trim_tokens
from .speakers import span_head
from .subjects import ANIMATE_PRONOUNS, animate

MODEL_FILE = "quote_model.json"
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
# Children that are not part of what a candidate cue governs as content.
NOT_CONTENT = frozenset({"punct", "cc", "conj", "agent", "nsubj", "nsubjpass", "poss", "aux"})

INHERITING = frozenset({"conj", "xcomp", "advcl"})
NONFINITE = frozenset({"VBG", "VBN", "VB"})
LEXICAL_CHILDREN = frozenset({"dobj", "acomp", "attr", "prep", "prt", "oprd", "ccomp", "xcomp"})

Features = dict[str, float]


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression over sparse named features."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class QuoteModels:
    keep: LinearModel
    add: LinearModel
    version: str = ""
    # scores each final attribution: the stored confidence (see ``confidence``)
    confidence: LinearModel | None = None


def load_quote_models(path: Path | None = None) -> QuoteModels:
    """The models shipped with storyline, or those in ``path`` (the same JSON layout)."""
    try:
        if path is None:
            raw = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
        else:
            raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        return QuoteModels(
            keep=_linear(data["keep"]),
            add=_linear(data["add"]),
            # the weights' digest too: a refit under the same name still re-annotates stores
            version=f"{data['version']}:{hashlib.sha1(raw.encode()).hexdigest()[:10]}",
            confidence=_linear(data["confidence"]) if "confidence" in data else None,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        where = path or MODEL_FILE
        raise AnnotateError(f"cannot read the quote model {where}: {exc}", code="E247") from exc


def _linear(data: Mapping[str, object]) -> LinearModel:
    weights = data["weights"]
    if not isinstance(weights, dict):
        raise TypeError("weights must be an object")
    return LinearModel(
        weights={str(k): float(v) for k, v in weights.items()},
        bias=float(data["bias"]),  # type: ignore[arg-type]
        threshold=float(data["threshold"]),  # type: ignore[arg-type]
    )


def models_to_json(models: QuoteModels) -> str:
    def one(m: LinearModel) -> dict[str, object]:
        return {
            "bias": round(m.bias, 5),
            "threshold": m.threshold,
            "weights": {k: round(v, 5) for k, v in sorted(m.weights.items())},
        }

    body = {"version": models.version, "keep": one(models.keep), "add": one(models.add)}
    if models.confidence is not None:
        body["confidence"] = one(models.confidence)
    return json.dumps(body, indent=0, sort_keys=True) + "\n"


# -- features -------------------------------------------------------------------


def _in_quotes(view: DocView, tok: Token) -> int:
    """1 when an odd number of quotation marks precede the token in its sentence."""
    return view.marks_between(tok.sent.start, tok.i) % 2


def _subject_features(prefix: str, subj: Token) -> Features:
    return {
        f"{prefix}ent={subj.ent_type_ or 'none'}": 1.0,
        f"{prefix}pron={subj.lower_ if subj.pos_ == 'PRON' else 'no'}": 1.0,
        f"{prefix}perspron": float(subj.lower_ in ANIMATE_PRONOUNS),
        f"{prefix}lemma={subj.lemma_.lower()}": 1.0,
        f"{prefix}pos={subj.pos_}": 1.0,
    }


def keep_features(view: DocView, att: Attribution) -> Features:
    """Features of an attribution the rules found (one with a source)."""
    doc, text = view.doc, view.text
    cue = doc[att.head]
    lemma = att.lemma or cue_lemma(cue)
    f: Features = {
        f"lemma={lemma}": 1.0,
        f"kind={att.kind}": 1.0,
        f"frame={att.frame}": 1.0,
        f"cpos={cue.pos_}": 1.0,
        f"cdep={cue.dep_}": 1.0,
        f"ctag={cue.tag_}": 1.0,
        "direct": float(att.direct),
        f"lemma+direct={lemma}|{int(att.direct)}": 1.0,
        "in_quotes": float(_in_quotes(view, cue)),
        f"nfrag={min(len(att.content), 3)}": 1.0,
        "clen_log": math.log1p(sum(b - a for a, b in att.content)) / 8,
        "ncue": min(len(att.cue), 5) / 5,
    }
    if att.source is not None:
        a, b = att.source
        subj = span_head(doc, a, b)
        f.update(_subject_features("s_", subj))
        f[f"s_dep={subj.dep_}"] = 1.0
        f["src_after"] = float(a > att.head)
        f["dist"] = min(abs(subj.i - att.head), 20) / 20
        f["slen"] = min(b - a, 10) / 10
        f[f"s_rel={'child' if subj.head.i == att.head else 'other'}"] = 1.0
    if text and att.content and text[att.content[0][0]] in "\"'\u201c\u201d\u2018\u2019":
        f["starts_with_mark"] = 1.0
    return f


@dataclass(frozen=True)
class Candidate:
    """A word that may be a cue the rules missed, with the attribution it would make."""

    attribution: Attribution
    features: Features


def _subject(tok: Token) -> tuple[Token | None, str]:
    """The candidate's source and how it was found."""
    if tok.pos_ == "NOUN":
        poss = [c for c in tok.children if c.dep_ == "poss"]
        return (poss[0], "poss") if poss else (None, "")
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if subj:
        return subj[0], "subj"
    if tok.pos_ == "ADJ":
        return None, ""
    agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent:
        return agent[0], "agent"
    # "X cast the blame ... and emphasized", "X sued ..., claiming": up a short chain of
    # conjuncts and adjuncts to a verb with a subject; "led some to speculate": the object.
    walk = tok
    for _ in range(3):
        if walk.dep_ not in INHERITING or walk.head.i == walk.i:
            break
        if walk.dep_ == "advcl" and walk.tag_ not in NONFINITE:
            break  # a finite adverbial clause ("..., X said") has a subject of its own
        head = walk.head
        if walk.dep_ == "xcomp":
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj:
                return obj[0], "object_of_head"
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0], "inh_" + walk.dep_
        walk = head
    return None, ""


def _covered(view: DocView, atts: Sequence[Attribution]) -> tuple[set[int], set[int], set[int]]:
    """Token indices of the rules' cues, chars of their contents, chars of their sources."""
    doc = view.doc
    cue_tokens = {i for a in atts for i in a.cue} | {a.head for a in atts}
    content = {c for a in atts for s, e in a.content for c in range(s, e)}
    source: set[int] = set()
    for a in atts:
        if a.source is not None:
            s, e = char_span(doc, *a.source)
            source.update(range(s, e))
    return cue_tokens, content, source


def add_candidates(view: DocView, atts: Sequence[Attribution]) -> list[Candidate]:
    """Words that could be cues the rules missed, given the rules' attributions."""
    doc = view.doc
    cue_tokens, content_chars, source_chars = _covered(view, atts)
    cue_starts = sorted(doc[i].idx for i in cue_tokens)
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ not in CANDIDATE_POS or tok.i in cue_tokens:
            continue
        if tok.idx in source_chars or tok.idx in content_chars:
            continue  # part of an attribution the rules found
        subj, how = _subject(tok)
        if subj is None or subj.i == tok.i or not animate(subj):
            continue  # as for the rules, a source is a person, a group or a document
        span = source_span(doc, subj, {tok.i})
        if span is None:
            continue
        sa, sb = span
        right = [c for c in tok.children if c.i > tok.i and c.dep_ not in NOT_CONTENT]
        if sa >= sb or sa <= tok.i < sb or not right:
            continue
        ca, cb = trim_tokens(
            doc, min(c.left_edge.i for c in right), max(c.right_edge.i for c in right) + 1
        )
        if ca >= cb or ca <= sa < cb:
            continue
        c_start, c_end = char_span(doc, ca, cb)
        if bisect_left(cue_starts, c_start) < bisect_left(cue_starts, c_end):
            continue  # would swallow an attribution the rules found
        lemma = cue_lemma(tok)
        sent = tok.sent
        f: Features = {
            f"lemma={lemma}": 1.0,
            f"tag={tok.tag_}": 1.0,
            f"dep={tok.dep_}": 1.0,
            f"pos={tok.pos_}": 1.0,
            f"kind={how}": 1.0,
            f"head_pos={tok.head.pos_}": 1.0,
            "anc_cue": float(any(a.i in cue_tokens for a in tok.ancestors)),
            "sent_quote": float(view.marks_between(sent.start, sent.end) > 0),
            "in_quotes": float(_in_quotes(view, tok)),
            "root": float(tok.dep_ == "ROOT"),
            "clen": min(cb - ca, 40) / 40,
            "subj_in_source": float(doc[sa].idx in source_chars),
        }
        f.update(_subject_features("subj_", subj))
        f[f"first={doc[ca].lower_}"] = 1.0
        for child in tok.children:
            f[f"child={child.dep_}"] = 1.0
            f[f"lemma+{lemma}+{child.dep_}"] = 1.0
            if child.dep_ in LEXICAL_CHILDREN:
                # multiword cues: "made it clear", "has the support of", "is critical of"
                f[f"{child.dep_}_lemma={child.lemma_.lower()}"] = 1.0
            if child.i in cue_tokens:
                f["child_cue"] = 1.0
                f[f"child_cue_dep={child.dep_}"] = 1.0
        if tok.head.i in cue_tokens and tok.head.i != tok.i:
            f["head_cue"] = 1.0
            f[f"head_cue_dep={tok.dep_}"] = 1.0
        att = Attribution(
            head=tok.i,
            cue=[tok.i],
            kind="learned",
            lemma=lemma,
            source=(sa, sb),
            content=[(c_start, c_end)],
            frame="learned",
        )
        out.append(Candidate(att, f))
    return out


def reviewed(att: Attribution) -> bool:
    """Whether the keep model reviews this attribution (its form does not name the speaker
    outright, and it has a source to doubt)."""
    return att.source is not None and att.frame not in CERTAIN_FRAMES


def select_attributions(
    view: DocView,
    atts: Sequence[Attribution],
    keep_p: Sequence[float | None],
    candidates: Sequence[Candidate],
    add_p: Sequence[float],
    keep_threshold: float,
    add_threshold: float,
) -> list[Attribution]:
    """The rules' attributions whose keep probability clears ``keep_threshold`` (or that
    are not reviewed: ``None``), plus the candidates whose add probability clears
    ``add_threshold``; each keeps its probability in ``score``. Shared by
    ``apply_models`` and the trainer, which passes out-of-fold probabilities."""
    added: list[Attribution] = []
    for cand, p in zip(candidates, add_p, strict=True):
        if p < add_threshold:
            continue
        at = view.doc[cand.attribution.head].idx
        if any(s <= at < e for a in added for s, e in a.content):
            continue  # inside an addition already made: PolNeAR-style, the outer one stays
        cand.attribution.score = p
        added.append(cand.attribution)
    kept = []
    for a, kp in zip(atts, keep_p, strict=True):
        if kp is None or kp >= keep_threshold:
            a.score = kp
            kept.append(a)
    return sorted(kept + added, key=lambda a: a.head)


def apply_models(
    view: DocView, atts: Sequence[Attribution], models: QuoteModels
) -> list[Attribution]:
    """The rules' attributions less those the keep model doubts, plus the add model's."""
    cands = add_candidates(view, atts)
    keep_p = [
        models.keep.probability(keep_features(view, a)) if reviewed(a) else None for a in atts
    ]
    add_p = [models.add.probability(c.features) for c in cands]
    return select_attributions(
        view, atts, keep_p, cands, add_p, models.keep.threshold, models.add.threshold
    )
