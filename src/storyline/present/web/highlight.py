"""Article text cut into segments for highlighting entities, dates and quotes.

Spans come from the stored annotations (character offsets into
``Article.text``) and may nest (a name inside a quote) or, rarely, cross. The
text is cut at every span boundary and every sentence start; each segment
records which spans cover it, and the template wraps it accordingly. The
template escapes every segment's text: no markup is built here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Mention labels shown in a colour each; the rest share one.
LABEL_CLASS = {
    "PERSON": "per",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    anchor: int | None = None  # sentence index that starts here
    quote: int | None = None  # index into the article's quotes
    speaker: bool = False
    cue: bool = False
    mention: int | None = None  # index into the article's mentions
    mention_class: str | None = None
    mention_label: str | None = None
    entity: str | None = None  # linked entity id, when the mention is linked
    entity_name: str | None = None
    timex: int | None = None
    timex_value: str | None = None

    @property
    def plain(self) -> bool:
        return self.quote is None and self.mention is None and self.timex is None


def _spans(detail: Mapping[str, Any], length: int) -> list[tuple[str, int, int, int]]:
    """(kind, index, start, end) for every well-formed span."""
    spans: list[tuple[str, int, int, int]] = []
    for i, q in enumerate(detail["quotes"]):
        spans.append(("quote", i, q["start"], q["end"]))
        if q["speaker_start"] is not None and q["speaker_end"] is not None:
            spans.append(("speaker", i, q["speaker_start"], q["speaker_end"]))
        if q["cue_start"] is not None and q["cue_end"] is not None:
            spans.append(("cue", i, q["cue_start"], q["cue_end"]))
    spans += [("mention", i, m["start"], m["end"]) for i, m in enumerate(detail["mentions"])]
    spans += [("timex", i, t["start"], t["end"]) for i, t in enumerate(detail["timexes"])]
    return [s for s in spans if 0 <= s[2] < s[3] <= length]


def segments(text: str, detail: Mapping[str, Any]) -> list[Segment]:
    """``text`` cut for highlighting by the annotations of an ``article`` view payload
    (``views.article``: records with character offsets, mentions with their entity)."""
    if not detail.get("annotated") or not text:
        return [Segment(text, 0)] if text else []
    spans = _spans(detail, len(text))
    opens: dict[int, list[tuple[str, int]]] = defaultdict(list)
    closes: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for kind, idx, start, end in spans:
        opens[start].append((kind, idx))
        closes[end].append((kind, idx))
    anchors = {s["start"]: s["index"] for s in detail["sentences"] if 0 <= s["start"] < len(text)}
    cuts = sorted({0, len(text), *opens, *closes, *anchors})
    active: dict[str, set[int]] = defaultdict(set)
    out: list[Segment] = []
    for pos, nxt in zip(cuts, cuts[1:], strict=False):
        for kind, idx in closes.get(pos, ()):
            active[kind].discard(idx)
        for kind, idx in opens.get(pos, ()):
            active[kind].add(idx)
        mention = min(active["mention"]) if active["mention"] else None
        timex = min(active["timex"]) if active["timex"] else None
        record = detail["mentions"][mention] if mention is not None else None
        label = record["label"] if record is not None else None
        out.append(
            Segment(
                text=text[pos:nxt],
                start=pos,
                anchor=anchors.get(pos),
                quote=min(active["quote"]) if active["quote"] else None,
                speaker=bool(active["speaker"]),
                cue=bool(active["cue"]),
                mention=mention,
                mention_class=LABEL_CLASS.get(label or "", "other") if label else None,
                mention_label=label,
                entity=record.get("entity") if record is not None else None,
                entity_name=record.get("entity_name") if record is not None else None,
                timex=timex,
                timex_value=detail["timexes"][timex]["value"] if timex is not None else None,
            )
        )
    return out


def mark_words(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, matched), matched pieces being one of ``words``
    as a whole word, case-insensitively (as the full-text index matches)."""
    if not words:
        return [(text, False)]
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
