"""Story views in the JSON shapes of the spec (shared/spec/cli.md).

Each function takes a loaded ``Corpus`` and returns plain JSON-able dicts;
the CLI prints them, the web app serves them, reports render them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..models import QUOTE_CONFIDENCE, EntityMention, Evidence, Quote, TimelineEvent
from .corpus import Corpus
from .quotes_view import attributions, speaker_role
from .speakers import speaker_entity
from .timeline import basic_timeline, normalized_words
from .titles import title_of

if TYPE_CHECKING:
    from .digest import DigestInput


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def articles_view(corpus: Corpus) -> dict[str, Any]:
    rows = []
    for article in corpus.articles.values():
        copy = corpus.copy_of.get(article.id)
        title, title_source = title_of(article.title, article.text, article.url)
        rows.append(
            {
                "id": article.id,
                "title": title,
                "title_source": title_source,
                "outlet": article.outlet,
                "url": article.url,
                "published": _iso(article.published),
                "published_source": article.published_source,
                "duplicate_of": copy.copy_of if copy and copy.kind != "rewrite" else None,
                "copy_of": copy.copy_of if copy else None,
                "copy_kind": copy.kind if copy else None,
                "language": article.language,
                "origin": article.origin,
                "sentences": len(corpus.annotations[article.id].sentences)
                if article.id in corpus.annotations
                else 0,
            }
        )
    return {"articles": rows}


def _evidence_json(ev: Evidence) -> dict[str, Any]:
    return {
        "article": ev.article,
        "sentence": ev.text,
        "sentence_index": ev.sentence,
        "outlet": ev.outlet,
        "url": ev.url,
        "published": _iso(ev.published),
    }


def event_json(event: TimelineEvent) -> dict[str, Any]:
    return {
        "date": event.date,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "summary": event.summary,
        "score": round(event.score, 4),
        "evidence": [_evidence_json(ev) for ev in event.evidence],
    }


def resolve_entity_filter(corpus: Corpus, name: str | None) -> set[str] | None:
    if name is None:
        return None
    return {e.id for e in corpus.entity_by_name(name)}


def timeline_view(
    corpus: Corpus,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    query: str | None = None,
    limit: int | None = None,
    n_dates: int | None = None,
    sents_per_date: int | None = None,
    digest: bool = False,
    prepared: Callable[[set[str] | None], DigestInput] | None = None,
) -> dict[str, Any]:
    """Every dated event by default; with ``digest`` (or a ``limit`` or ``n_dates``),
    the digest (``views.digest``): the ``limit`` dates that matter most (without
    one, as many as the material supports), each with the sentences that best say
    what happened (``sents_per_date``). ``prepared``: the digest's input for an
    entity filter (``digest.digest_input``), kept by the caller."""
    entity_ids = resolve_entity_filter(corpus, entity)
    if digest or limit is not None or n_dates is not None:
        from .digest import digest_events

        names = tuple(e.name for e in corpus.entities if entity_ids and e.id in entity_ids)
        events = digest_events(
            corpus,
            n_dates=limit or n_dates,
            sents_per_date=sents_per_date,
            start=start,
            end=end,
            entity_ids=entity_ids,
            entity_names=names,
            query=query,
            prepared=prepared(entity_ids) if prepared else None,
        )
        return {"events": [event_json(e) for e in events]}
    events = basic_timeline(corpus, start=start, end=end, entity_ids=entity_ids)
    if query:
        words = [w for w in re.findall(r"\w+", query.casefold()) if len(w) > 1]
        events = [
            e for e in events if any(w in ev.text.casefold() for ev in e.evidence for w in words)
        ]
    return {"events": [event_json(e) for e in events]}


# ---- quotes ----------------------------------------------------------------


def shown(quote: Quote, *, all: bool = False) -> bool:
    """Whether the default views show ``quote``: precision first, one invented quote costs
    the reader's trust (``all`` shows everything extracted)."""
    return all or quote.confidence >= QUOTE_CONFIDENCE


def quotes_view(corpus: Corpus, *, speaker: str | None = None, all: bool = False) -> dict[str, Any]:
    """Quotes by date, one row per distinct content (an attribution's pieces joined, see
    ``quotes_view.attributions``); by default only those at or above
    ``QUOTE_CONFIDENCE`` and none from an article off the story (``Corpus.off_story``)
    (``all``: every quote extracted)."""
    groups: dict[str, dict[str, Any]] = {}
    wanted = resolve_entity_filter(corpus, speaker) if speaker else None
    order = sorted(
        corpus.annotations.items(),
        key=lambda kv: (corpus.articles[kv[0]].published or dt.date.max, kv[0]),
    )
    for article_id, ann in order:
        if not all and corpus.off_story(article_id):
            continue  # a page about something else: its speakers are not this story's
        article = corpus.articles[article_id]
        for q, content in attributions(article.text, ann.quotes):
            if not shown(q, all=all):
                continue
            entity = speaker_entity(corpus, article_id, q)
            name = entity.name if entity else (q.speaker_resolved or q.speaker)
            if speaker is not None:
                by_entity = wanted and entity is not None and entity.id in wanted
                by_text = name is not None and speaker.casefold() in name.casefold()
                if not (by_entity or by_text):
                    continue
            key = normalized_words(content)
            sd = corpus.sentence_date(article_id, q.sentence)
            if key in groups:
                group = groups[key]
                if article_id not in group["articles"]:
                    group["articles"].append(article_id)
                    group["outlets"].append(article.outlet)
                continue
            groups[key] = {
                "text": content,
                "speaker": name if not q.anonymous else (q.speaker or name),
                "speaker_entity": entity.id if entity and not q.anonymous else None,
                "speaker_type": entity.type if entity and not q.anonymous else None,
                "role": speaker_role(corpus, article_id, q, entity if not q.anonymous else None),
                "anonymous": q.anonymous,
                "direct": q.direct,
                "cue": q.cue,
                "confidence": q.confidence,
                "addressee": q.addressee,
                "article": article_id,
                "outlet": article.outlet,
                "date": sd.value if sd else _iso(article.published),
                "published": _iso(article.published),
                "articles": [article_id],
                "outlets": [article.outlet],
            }
    return {"quotes": list(groups.values())}


# ---- entities --------------------------------------------------------------


def entities_view(corpus: Corpus) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for e in corpus.entities:
        articles = sorted({m.article for m in e.mentions})
        rows.append(
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": len(e.mentions),
                "articles": articles,
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], r["name"]))
    return {"entities": rows}


# ---- sources ---------------------------------------------------------------


def sources_view(corpus: Corpus) -> dict[str, Any]:
    outlets = Counter(a.outlet or "(unknown)" for a in corpus.articles.values())
    citations = []
    for article_id, ann in corpus.annotations.items():
        for c in ann.citations:
            sentence = ann.sentences[c.sentence].text if c.sentence < len(ann.sentences) else ""
            citations.append(
                {
                    "article": article_id,
                    "outlet": corpus.articles[article_id].outlet,
                    "cites": c.cites,
                    "cue": c.cue,
                    "sentence": sentence,
                }
            )
    copies = [
        {
            "article": c.article,
            "copy_of": c.copy_of,
            "kind": c.kind,
            "similarity": round(c.similarity, 4),
        }
        for c in corpus.copies
    ]
    return {
        "outlets": [
            {"name": n, "articles": k}
            for n, k in sorted(outlets.items(), key=lambda x: (-x[1], x[0]))
        ],
        "citations": citations,
        "copies": copies,
    }


# ---- facts -----------------------------------------------------------------


def facts_view(corpus: Corpus) -> dict[str, Any]:
    """Every figure with what it measures (``about``) and what of (``subject``: the
    annotation's, else the nearest named thing in its sentence), and the disagreements."""
    from .facts import _nearest_subject, find_disagreements, names_no_figure

    facts: list[dict[str, Any]] = []
    pairs = []
    term_entity: dict[str, str] = {}
    for e in corpus.entities:
        for alias in e.aliases:
            term_entity[alias] = e.id
    for article_id, ann in corpus.annotations.items():
        if corpus.is_repeat(article_id):
            continue
        # each figure is read against its sentence's names only: index them once
        by_sentence: dict[int, list[EntityMention]] = defaultdict(list)
        for m in ann.mentions:
            by_sentence[m.sentence].append(m)
        for q in ann.quantities:
            near = by_sentence.get(q.sentence, [])
            if names_no_figure(q, near):
                continue  # "Three Mile Island", "16.53 BST": a name or a time, no figure
            subject, subject_source = q.subject, "annotation" if q.subject else None
            if subject is None:
                subject = _nearest_subject(q, near)
                subject_source = "nearest" if subject else None
            facts.append(
                {
                    "about": q.about,
                    "subject": subject,
                    "subject_source": subject_source,
                    "value": q.value,
                    "unit": q.unit,
                    "normalized": {
                        "value": round(q.normalized_value, 3),
                        "unit": q.normalized_unit,
                    },
                    "approximate": q.approximate,
                    "text": q.text,
                    "sentence": ann.sentences[q.sentence].text
                    if q.sentence < len(ann.sentences)
                    else "",
                    "article": article_id,
                    "outlet": corpus.articles[article_id].outlet,
                }
            )
            pairs.append((article_id, q))
    found = find_disagreements(
        pairs,
        annotations=corpus.annotations,
        term_entity=term_entity,
        entity_kinds={e.id: e.type for e in corpus.entities},
        sources={a.id: (a.outlet, a.published) for a in corpus.articles.values()},
    )
    disagreements = [{"about": d.about, "facts": list(d.facts), "spread": d.spread} for d in found]
    return {"facts": facts, "disagreements": disagreements}
