"""Timeline summarization on news-tls datasets (T17, Crisis, Entities layout).

The protocol of news-tls (Ghalandari & Ifrim 2020, ``experiments/evaluate.py``):
every gold timeline is its own task. The system gets l = the gold's number of
dates, k = round(mean sentences per gold date) (Python ``round``), the topic
keywords, and only the articles published between the gold's first and last
date (widened by 7 days on each side for a collection folder named
``entities``). Scores: tilse's align+ m:1 ROUGE-1/2 (``storyline.eval.align``
over ``storyline.eval.rouge``) and date F1. Over the dataset, precision and
recall are each averaged over timelines and F1 is taken from those averages.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from storyline.errors import EvalError
from storyline.ingest.detokenize import is_tokenized, treebank
from storyline.models import ItemError, TimelineEvent
from storyline.views.tls import build_timeline, prepare, tagger_name
from storyline.views.tls.prepare import SourceArticle
from storyline.views.tls.records import CandidateSentence
from storyline.views.tls.relevance import Tokenizer

from .align import PRF, align_rouge, date_prf, f_score
from .rouge import RougeScorer

Preparation = Literal["product", "lines"]
PREPARATIONS: tuple[Preparation, ...] = ("product", "lines")

Builder = Callable[
    [Sequence[CandidateSentence], int, int, Sequence[str], dt.date, dt.date], list[TimelineEvent]
]


@dataclass(frozen=True)
class GoldTimeline:
    topic: str
    index: int  # among the non-empty lines of timelines.jsonl, from 0
    dates: dict[dt.date, list[str]]

    @property
    def start(self) -> dt.date:
        return min(self.dates)

    @property
    def end(self) -> dt.date:
        return max(self.dates)

    @property
    def k(self) -> int:
        """news-tls ``get_average_summary_length``: round(mean sentences per date)."""
        lens = [len(s) for s in self.dates.values()]
        return round(sum(lens) / len(lens))


@dataclass
class Topic:
    name: str
    articles: list[SourceArticle]
    timelines: list[GoldTimeline]
    keywords: list[str]
    sentences: list[CandidateSentence] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def load_topic(path: Path) -> Topic:
    """One news-tls topic folder: articles.jsonl.gz, timelines.jsonl, keywords.json."""
    try:
        with gzip.open(path / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            raw = [json.loads(line) for line in f if line.strip()]
        tl_lines = (path / "timelines.jsonl").read_text(encoding="utf-8").splitlines()
        keywords = json.loads((path / "keywords.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: not a news-tls topic folder ({exc})", code="E610") from exc
    articles = [
        SourceArticle(
            id=str(a["id"]),
            outlet=a.get("source"),
            published=_day(a["time"]),
            sentences=tuple(a["text"].split("\n")),
        )
        for a in raw
    ]
    articles.sort(key=lambda a: a.published)
    timelines = []
    for i, line in enumerate(ln for ln in tl_lines if ln.strip()):
        items = json.loads(line)
        dates: dict[dt.date, list[str]] = {}
        for when, sents in items:
            dates.setdefault(_day(when), []).extend(sents)
        if dates:
            timelines.append(GoldTimeline(path.name, i, dates))
    return Topic(path.name, articles, timelines, [str(k) for k in keywords])


def topic_dirs(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise EvalError(f"{directory}: no such directory", code="E611")
    dirs = sorted(p for p in directory.iterdir() if (p / "timelines.jsonl").is_file())
    if not dirs:
        raise EvalError(f"{directory}: no <topic>/timelines.jsonl found", code="E612")
    return dirs


def task_window(gold: GoldTimeline, extension_days: int) -> tuple[dt.date, dt.date]:
    ext = dt.timedelta(days=extension_days)
    return gold.start - ext, gold.end + ext


def default_builder(
    sentences: Sequence[CandidateSentence],
    n_dates: int,
    k: int,
    keywords: Sequence[str],
    start: dt.date,
    end: dt.date,
) -> list[TimelineEvent]:
    return build_timeline(
        sentences, n_dates=n_dates, sents_per_date=k, query=keywords, start=start, end=end
    )


def events_to_timeline(events: Sequence[TimelineEvent]) -> dict[dt.date, list[str]]:
    """Day-level events as date -> sentences (what the scorer and news-tls files hold):
    the entries the timeline shows, or the evidence sentences of an event without them."""
    out: dict[dt.date, list[str]] = {}
    for ev in events:
        if ev.start == ev.end:
            out.setdefault(ev.start, []).extend(ev.entries or (e.text for e in ev.evidence))
    return out


def write_prediction(path: Path, timeline: dict[dt.date, list[str]]) -> None:
    items = [[f"{d.isoformat()}T00:00:00", timeline[d]] for d in sorted(timeline)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items) + "\n", encoding="utf-8")


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def product_candidates(
    topic_dir: Path, store_path: Path
) -> tuple[list[CandidateSentence], list[ItemError]]:
    """A topic's candidates as ``storyline timeline`` has them: the topic's articles
    added to the store at ``store_path`` by ``api.add`` (as ``storyline add`` adds
    them: a store already there is brought up to date, its known articles skipped and
    annotations redone only if the pipeline changed), then ``views.summary.candidates``
    over the store. Tokens are filled in once here; the builder would compute the same
    ones itself."""
    # Function-level imports: the store, the pipeline and the views are heavy and
    # only this path needs them.
    from storyline import api
    from storyline.options import Options
    from storyline.store import Store
    from storyline.views.corpus import Corpus
    from storyline.views.summary import candidates

    with Store(store_path) as store:
        report = api.add(
            store, [topic_dir / "articles.jsonl.gz"], options=Options(db=str(store_path))
        )
        corpus = Corpus.from_store(store)
    tokenizer = Tokenizer()
    # in the order the product hands them to the builder
    sentences = [replace(s, tokens=tokenizer(s.text)) for s in candidates(corpus)]
    return sentences, list(report.errors)


def prepare_dataset(
    directory: Path,
    use_project_tagger: bool = True,
    *,
    preparation: Preparation = "lines",
    stores: Path | None = None,
) -> tuple[list[Topic], float]:
    """Load every topic and prepare its candidate sentences once; returns the seconds
    spent on preparation (date tagging, or building the stores).

    ``preparation="product"`` keeps one store per topic under ``stores``
    (``<topic>.db``, built when missing; ``stores`` is required)."""
    topics = [load_topic(tdir) for tdir in topic_dirs(directory)]
    t0 = time.perf_counter()
    for topic in topics:
        if preparation == "product":
            if stores is None:
                raise EvalError("the product path needs a folder for its stores", code="E618")
            stores.mkdir(parents=True, exist_ok=True)
            topic.sentences, topic.errors = product_candidates(
                directory / topic.name, stores / f"{topic.name}.db"
            )
        else:
            topic.sentences, topic.errors = prepare(
                topic.articles, use_project_tagger=use_project_tagger
            )
    return topics, time.perf_counter() - t0


def in_gold_form(
    timeline: dict[dt.date, list[str]], gold: GoldTimeline
) -> dict[dt.date, list[str]]:
    """``timeline`` written as the gold is: where a collection keeps its references
    in Penn Treebank tokens (T17 does) and ingest showed its articles as prose, each
    sentence goes back to the tokens it was extracted from, so ROUGE compares the
    words a system extracting the same sentence from the tokenized text would give."""
    if not is_tokenized(" ".join(s for sentences in gold.dates.values() for s in sentences)):
        return timeline
    return {day: [treebank(s) for s in sentences] for day, sentences in timeline.items()}


def score_topics(
    topics: Sequence[Topic],
    extension_days: int = 0,
    predictions: Path | None = None,
    builder: Builder = default_builder,
    scorer: RougeScorer | None = None,
) -> dict[str, Any]:
    """Build and score one timeline per gold timeline (news-tls tasks)."""
    scorer = scorer or RougeScorer()
    rows: list[dict[str, Any]] = []
    prfs: list[tuple[PRF, PRF, PRF]] = []
    build_seconds = 0.0
    for topic in topics:
        for gold in topic.timelines:
            start, end = task_window(gold, extension_days)
            window = [s for s in topic.sentences if start <= s.published <= end]
            t0 = time.perf_counter()
            events = builder(window, len(gold.dates), gold.k, topic.keywords, start, end)
            seconds = time.perf_counter() - t0
            build_seconds += seconds
            pred = events_to_timeline(events)
            if predictions is not None:
                write_prediction(predictions / topic.name / f"{gold.index}.jsonl", pred)
            rouge = align_rouge(in_gold_form(pred, gold), gold.dates, scorer)
            dates = date_prf(list(pred), list(gold.dates))
            prfs.append((rouge[1], rouge[2], dates))
            rows.append(
                {
                    "topic": topic.name,
                    "timeline": gold.index,
                    "ar1_f1": rouge[1].f1,
                    "ar2_f1": rouge[2].f1,
                    "date_f1": dates.f1,
                    "ar1_precision": rouge[1].precision,
                    "ar1_recall": rouge[1].recall,
                    "ar2_precision": rouge[2].precision,
                    "ar2_recall": rouge[2].recall,
                    "date_precision": dates.precision,
                    "date_recall": dates.recall,
                    "dates": len(gold.dates),
                    "k": gold.k,
                    "predicted_dates": len(pred),
                    "build_seconds": round(seconds, 3),
                }
            )
    result: dict[str, Any] = {"timelines": len(rows)}
    result.update(average(prfs))
    result["build_seconds"] = round(build_seconds, 2)
    result["per_timeline"] = rows
    return result


def average(prfs: Sequence[tuple[PRF, PRF, PRF]]) -> dict[str, float]:
    """news-tls ``get_average_results``: mean P and mean R, F1 from those means."""
    out: dict[str, float] = {}
    for name, idx in (("ar1", 0), ("ar2", 1), ("date", 2)):
        p = _mean([x[idx].precision for x in prfs])
        r = _mean([x[idx].recall for x in prfs])
        out[f"{name}_precision"] = p
        out[f"{name}_recall"] = r
        out[f"{name}_f1"] = f_score(p, r)
    return out


def evaluate(
    directory: Path,
    predictions: Path | None = None,
    *,
    builder: Builder = default_builder,
    use_project_tagger: bool = True,
    preparation: Preparation = "product",
    stores: Path | None = None,
) -> dict[str, Any]:
    """Run the timeline builder on every gold timeline under ``directory`` and score it.

    ``preparation`` says how candidates are made (see the module docstring); the
    product path keeps its stores under ``stores`` (reused when there) or, without
    it, in a temporary folder removed afterwards.

    Returns ``timelines``, ``ar1_f1``, ``ar2_f1``, ``date_f1`` (with their
    ``*_precision`` / ``*_recall``), ``seconds`` (all of it), ``prepare_seconds``
    (loading and preparing the candidates), ``build_seconds`` (timeline building),
    ``preparation``, ``tagger``, ``tagging_errors`` and ``per_timeline`` rows.
    """
    if preparation not in PREPARATIONS:
        raise EvalError(f"preparation must be one of {PREPARATIONS}: {preparation!r}", code="E618")
    t0 = time.perf_counter()
    extension = 7 if directory.name == "entities" else 0
    with tempfile.TemporaryDirectory(prefix="storyline-eval-tls-") as scratch:
        topics, prep_seconds = prepare_dataset(
            directory,
            use_project_tagger,
            preparation=preparation,
            stores=stores if stores is not None else Path(scratch),
        )
    result = score_topics(topics, extension, predictions, builder)
    per_timeline = result.pop("per_timeline")
    result["seconds"] = round(time.perf_counter() - t0, 2)
    result["prepare_seconds"] = round(prep_seconds, 2)
    result["preparation"] = preparation
    if preparation == "product":
        result["tagger"] = "pipeline"
    else:
        result["tagger"] = tagger_name() if use_project_tagger else "fallback"
    result["tagging_errors"] = sum(len(t.errors) for t in topics)
    result["per_timeline"] = per_timeline
    return result
