"""The overview: the story in brief, each part drawn from another view.

* the date range of the pile (first and last publication day);
* top developments: the digest's best-scored events, in date order, each with
  the outlet that reported it first;
* the latest news by publication date: what the newest articles lead with (a
  publication day is never a forecast, unlike a date named in the text);
* key actors: people and organizations, not places, nor the outlets
  themselves;
* key quotes: confident ones by named speakers (an entity, not "he" or
  "officials"), one per speaker, the most widely carried first;
* key figures: numbers with the thing they are about, the most widely
  reported first (not distances, which say where a place is, nor counts under ten).

"Reported first" is the earliest published article, among the event's evidence
and the sentences the full record files under the event's date, that tells of
the same thing: at least ``SAME_STORY`` of the words of the shorter sentence
are in the other (content words, three letters or more). Publication order is
all the pile says; an outlet missing from the pile may have been earlier.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, cast

from ..text.stopwords import ENGLISH_STOP_WORDS, SMART_STOPWORDS
from ..text.tokens import content_words
from .corpus import Corpus
from .entry import caption_end, entry_text
from .facts import MIN_COUNT, is_vague
from .timeline import dated_evidence
from .titles import title_of

if TYPE_CHECKING:
    from .story import Story

DEVELOPMENTS = 8
LATEST = 6
ACTORS = 10
QUOTES = 6
FIGURES = 6
SAME_STORY = 0.4
SAME_STORY_WORDS = 3  # and at least this many shared words
ACTOR_TYPES = ("PERSON", "ORG")
# A lead shorter than this many words is a dateline or a caption, not news.
LEAD_WORDS = 6
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = ENGLISH_STOP_WORDS | SMART_STOPWORDS


def _words(text: str) -> set[str]:
    """Content words: no stop words, no tokenizer artefacts (-LRB-), no numbers."""
    return {w.casefold() for _at, w in content_words(text, _STOP) if _WORD.fullmatch(w)}


def _same_story(a: set[str], b: set[str]) -> bool:
    shared = len(a & b)
    return shared >= SAME_STORY_WORDS and shared / min(len(a), len(b)) >= SAME_STORY


def date_range(corpus: Corpus) -> dict[str, Any]:
    days = sorted(a.published for a in corpus.articles.values() if a.published is not None)
    return {
        "first": days[0].isoformat() if days else None,
        "last": days[-1].isoformat() if days else None,
        "articles": len(corpus.articles),
        "undated": len(corpus.articles) - len(days),
    }


def developments(
    corpus: Corpus, events: list[dict[str, Any]], n: int = DEVELOPMENTS
) -> list[dict[str, Any]]:
    """The ``n`` best-scored digest events, in date order, each with its first report."""
    top = sorted(events, key=lambda e: -e.get("score", 0.0))[:n]
    record = dated_evidence(corpus)
    out = []
    for e in sorted(top, key=lambda e: (e["start"], e["date"])):
        out.append(
            {
                "date": e["date"],
                "start": e["start"],
                "end": e["end"],
                "summary": e["summary"],
                "sources": len({ev["article"] for ev in e["evidence"]}),
                "first_reported": first_report(corpus, e, record.get(e["date"], [])),
            }
        )
    return out


def first_report(corpus: Corpus, event: dict[str, Any], dated: list[Any]) -> dict[str, Any] | None:
    """The earliest published telling of ``event`` (see the module docstring)."""
    told = [w for ev in event["evidence"] if len(w := _words(ev["sentence"])) >= SAME_STORY_WORDS]
    best: dict[str, Any] | None = None
    pool = list(event["evidence"]) + [
        {
            "article": ev.article,
            "sentence": ev.text,
            "sentence_index": ev.sentence,
            "outlet": ev.outlet,
            "url": ev.url,
            "published": ev.published.isoformat() if ev.published else None,
        }
        for _sd, ev in dated
    ]
    fallback: dict[str, Any] | None = (
        None  # a dateline alone ("MEXICO CITY | Mon Apr 27") tells nothing
    )
    for ev in pool:
        if ev.get("published") is None:
            continue
        own = ev in event["evidence"]
        words = _words(ev["sentence"])
        if own and (fallback is None or _earlier(ev, fallback)):
            fallback = ev
        if len(words) < LEAD_WORDS or not (own or any(_same_story(words, w) for w in told)):
            continue
        if best is None or _earlier(ev, best):
            best = ev
    best = best or fallback
    return dict(best) if best is not None else None


def _earlier(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool((a["published"], a["article"]) < (b["published"], b["article"]))


def latest(corpus: Corpus, n: int = LATEST) -> list[dict[str, Any]]:
    """What the ``n`` most recently published originals lead with, newest first."""
    dated = [
        a
        for a in corpus.articles.values()
        if a.published is not None and not corpus.is_repeat(a.id)
    ]
    dated.sort(key=lambda a: (a.published or dt.date.min, a.id), reverse=True)
    out = []
    seen: set[frozenset[str]] = set()
    for article in dated:
        ann = corpus.annotations.get(article.id)
        if ann is None:
            continue
        # The first sentence of the story (a wire photo's caption line comes before it)
        # that still says something once its dateline is gone.
        start = caption_end(article.text)
        leads = (entry_text(s.text.strip(), []) for s in ann.sentences if s.start >= start)
        sentence = next((t for t in leads if len(_words(t)) >= LEAD_WORDS), None)
        if sentence is None:
            continue
        key = frozenset(_words(sentence))
        if key in seen:  # the same lead carried twice (an unmarked copy)
            continue
        seen.add(key)
        title, _source = title_of(article.title, article.text, article.url)
        out.append(
            {
                "published": (article.published or dt.date.min).isoformat(),
                "article": article.id,
                "title": title,
                "outlet": article.outlet,
                "url": article.url,
                "sentence": sentence,
            }
        )
        if len(out) == n:
            break
    return out


def actors(corpus: Corpus, entities: list[dict[str, Any]], n: int = ACTORS) -> list[dict[str, Any]]:
    """The most mentioned people and organizations, outlets of the pile left out."""
    outlets = {a.outlet.casefold().strip() for a in corpus.articles.values() if a.outlet}
    out = []
    for e in entities:  # most mentioned first
        if e["type"] not in ACTOR_TYPES:
            continue
        if {x.casefold().strip() for x in (e["name"], *e["aliases"])} & outlets:
            continue
        out.append(
            {
                "id": e["id"],
                "name": e["name"],
                "type": e["type"],
                "mentions": e["mentions"],
                "articles": len(e["articles"]),
            }
        )
        if len(out) == n:
            break
    return out


def _carried_first(q: dict[str, Any]) -> tuple[int, bool, str]:
    """The most widely carried quote first, direct before reported, then the earliest."""
    return (-len(q.get("articles", ())), not q["direct"], q.get("published") or "9999")


def key_quotes(quotes: list[dict[str, Any]], n: int = QUOTES) -> list[dict[str, Any]]:
    """One quote per named speaker (the most widely carried, direct preferred, then the
    earliest): people before organizations, each by how often they are quoted."""
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:  # the default view: confident quotes only
        name = q["speaker"] or ""
        if q["anonymous"] or not q["speaker_entity"] or not any(c.isupper() for c in name):
            continue
        if q.get("speaker_type") not in ACTOR_TYPES or len(q["text"].split()) < LEAD_WORDS:
            continue
        by_speaker[q["speaker_entity"]].append(q)
    ranked = sorted(
        by_speaker.values(),
        key=lambda qs: (qs[0].get("speaker_type") != "PERSON", -len(qs), qs[0]["speaker"] or ""),
    )
    out = []
    for qs in ranked[:n]:
        chosen: dict[str, Any] = min(qs, key=_carried_first)
        best = dict(chosen)
        roles = Counter(q["role"] for q in qs if q.get("role"))
        best["role"] = (
            roles.most_common(1)[0][0] if roles else None
        )  # what the speaker's quotes call them
        out.append(best)
    return out


def _leads(fact: dict[str, Any]) -> bool:
    """Whether a figure can lead the story's figures: not a distance, which says where a
    place is ("an oil town 50 km west of Tripoli"), nor a count under ``MIN_COUNT``, a
    detail ("three sides", "two daughters")."""
    norm = fact["normalized"]
    if fact["about"] == "distance":
        return False
    return not (norm["unit"] == "count" and float(norm["value"]) < MIN_COUNT)


def key_figures(facts: dict[str, Any], n: int = FIGURES) -> list[dict[str, Any]]:
    """Figures with a subject, written as numbers, grouped by what, of what, and value;
    most outlets first."""
    groups: dict[tuple[str, str, str, float], list[dict[str, Any]]] = defaultdict(list)
    for f in facts["facts"]:
        if not f.get("subject") or is_vague(f["text"]) or not _leads(f):
            continue  # "Dozens of Mexicans" is a size, not a figure to lead with
        norm = f["normalized"]
        key = (
            f["about"] or "",
            f["subject"].casefold(),
            norm["unit"],
            round(float(norm["value"]), 3),
        )
        groups[key].append(f)
    ranked = sorted(
        groups.values(),
        key=lambda fs: (-len({f["outlet"] for f in fs}), -len(fs), fs[0]["article"]),
    )
    out = []
    for fs in ranked[:n]:
        f = fs[0]
        out.append(
            {
                "text": f["text"],
                "about": f["about"],
                "subject": f["subject"],
                "value": f["value"],
                "unit": f["unit"],
                "article": f["article"],
                "outlet": f["outlet"],
                "sentence": f.get("sentence", ""),
                "outlets": len({x["outlet"] for x in fs}),
            }
        )
    return out


def overview(story: Story) -> dict[str, Any]:
    corpus = story.corpus()
    events = cast(list[dict[str, Any]], story.timeline()["events"])
    entities = cast(list[dict[str, Any]], story.entities()["entities"])
    quotes = cast(list[dict[str, Any]], story.quotes()["quotes"])
    return {
        "range": date_range(corpus),
        # in the payload, so a stored overview (``storyline refresh``) answers the
        # page's header without building the full views at 100,000 articles
        "counts": {
            "outlets": len(story.sources()["outlets"]),
            "key_dates": len(events),
            "actors": len(entities),
            "quotes": len(quotes),
        },
        "developments": developments(corpus, events),
        "latest": latest(corpus),
        "actors": actors(corpus, entities),
        "quotes": key_quotes(quotes),
        "figures": key_figures(dict(story.facts())),
    }
