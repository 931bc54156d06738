"""What storyline shows on real scraped coverage: the T17 ``h1n1`` and ``haiti`` topics
ingested as shipped (comments, adverts and all), checked the way a user would look.

    .venv/bin/python bench/real_coverage.py [--topics h1n1 haiti] [--db-dir DIR] [--result NAME]

For each topic: ``storyline add`` of ``articles.jsonl.gz`` into a fresh SQLite store
(or the store already in ``--db-dir`` named ``<topic>.db``), then, from the views:

- furniture left in article text: comment-thread lines ("At 00:44 am , John wrote :",
  "Posted by X at ...", "10th August 2011 - 9:20 ...", "April 22, 2011 05:17 pm at
  5:17 pm | ..."), site notices ("House Rules", "Share your thoughts"), and
  short lines repeated verbatim in 5 or more of one outlet's articles (adverts,
  bylines); the detectors here are the benchmark's own, independent of the code;
- copies whose original is furniture (under 300 characters, or all of it such lines);
- the share of articles that are not copies and contribute at least one event to the
  full timeline;
- events dated from a clock time (a year-only date whose four digits the evidence
  writes as a clock: before a time zone or "hours", as a stamp opening a line of a
  live page (see ``live_page``: a CV's "1950 : Stood first in BA" is a year), or
  after "at"/"by" when no year that early fits);
- in the default quotes view: the share with a pronoun or no speaker, and the share
  whose content is two words or fewer;
- the 30 most mentioned actors, with pairs that look like one actor flagged (the same
  initials as another's words, or the same words once spelling is folded), and the
  one-word names that open, end or clip another top name, to read by eye;
- for ``h1n1``, the Mexico death-toll series of the ``changes`` view (issue 22): each
  figure with its date and outlet, the same-date disagreements and the changes.

Results: bench/results/real_coverage.json (``--result NAME``: bench/results/NAME.json).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import T17, write_result  # noqa: E402

COMMENT = re.compile(
    r"^(?:at\s+\d{1,2}:\d{2}\s*(?:am|pm)?\s*,?.{0,60}?\bwrote\s*:|posted\s+by\b.{0,80}\bat\s+\d{1,2}:\d{2}|"
    # Reuters' signature: "Posted by tod | Report as abusive ..."
    r"posted\s+by\b.{0,80}\|\s*report\s+(?:as\s+)?abus(?:e|ive)|"
    r".{0,60}\b(?:wrote|said)\s*:?\s*$|report\s+(?:as\s+)?abus(?:e|ive)|recommend\s*\(\d+\)|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\s*-\s*\d{1,2}:\d{2}\s|"
    # CNN's comment stamp: "April 22, 2011 05:17 pm at 5:17 pm | ..."
    r"[a-z]+\s+\d{1,2}\s*,\s*\d{4}\s+(?:\d{1,2}:\d{2}\s*[ap]m\s+)?at\s+\d{1,2}:\d{2}\s*[ap]m\s*\|)",
    re.IGNORECASE,
)
NOTICE = re.compile(
    r"\bhouse\s+rules\b|\bshare\s+your\s+thoughts\b|\bcomments?\s+(?:are|is)\s+closed\b",
    re.IGNORECASE,
)
PRONOUNS = {
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "me",
    "us",
    "him",
    "her",
    "them",
    "who",
    "this",
    "that",
}


def pronoun(speaker: str) -> bool:
    """A pronoun for a speaker; "WHO" (the World Health Organization) is a name."""
    word = speaker.strip()
    return word.lower() in PRONOUNS and not (word.isupper() and len(word) > 1)


def build(topic: str, db: Path) -> float:
    from storyline import api
    from storyline.options import Options
    from storyline.store import Store

    if db.exists():
        return 0.0
    started = time.perf_counter()
    store = Store(db)
    api.add(store, [T17 / topic / "articles.jsonl.gz"], options=Options(db=str(db)))
    store.close()
    return time.perf_counter() - started


def furniture_lines(articles: list[Any]) -> dict[str, Any]:
    repeated: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for line in {ln.strip() for ln in article.text.split("\n") if 0 < len(ln.split()) <= 40}:
            repeated[article.outlet or "?"][line] += 1
    ads = {
        (outlet, line)
        for outlet, counts in repeated.items()
        for line, n in counts.items()
        if n >= 5
    }
    comments = notices = adverts = 0
    examples: list[str] = []
    for article in articles:
        for line in article.text.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            hit = ""
            if COMMENT.search(stripped):
                comments += 1
                hit = "comment"
            elif NOTICE.search(stripped):
                notices += 1
                hit = "notice"
            elif (article.outlet or "?", stripped) in ads:
                adverts += 1
                hit = "repeated"
            if hit and len(examples) < 12:
                examples.append(f"{hit}: {stripped[:100]}")
    return {
        "comment_lines": comments,
        "notice_lines": notices,
        "repeated_lines": adverts,
        "examples": examples,
    }


_STAMP_RX = re.compile(r"^\s*(\d{4})\b(?!\s*[-–]\s*\d)", re.MULTILINE)


def live_page(text: str, published: str | None) -> bool:
    """Whether an article's text is stamped line by line with clock times (a live page):
    two or more lines open with four digits and one of them cannot be a year (before
    1500, or after the publication year). A chronology or CV opens its lines with
    years ("1950 : Stood first in BA"), and those are dates, not clocks."""
    stamps = [int(m.group(1)) for m in _STAMP_RX.finditer(text)]
    latest = int(published[:4]) if published else 2100
    clocks = [s for s in stamps if s // 100 < 24 and s % 100 < 60]
    return len(stamps) >= 2 and any(s < 1500 or s > latest for s in clocks)


def clock_events(events: list[dict[str, Any]], live: set[str] | None = None) -> list[str]:
    """``live``: the articles that are live pages (a line-start stamp counts only there;
    None: everywhere, as before)."""
    found = []
    for event in events:
        value = event["date"]
        if not re.fullmatch(r"\d{4}", value):
            continue
        hh, mm = int(value[:2]), int(value[2:])
        if hh >= 24 or mm >= 60:
            continue
        # Written as a clock: a time zone or "hours" after it, a live-page stamp at
        # the start of a line, or "at/by/after 1100" where no year that early fits.
        zoned = rf"\b{value}\b\s*(?:-LRB-\s*)?(?:GMT|BST|UTC|EST|EDT|CET|local|hrs|hours|h)\b"
        after = (
            rf"|\b(?:at|by|after|before|until|from|around)\s+{value}\b" if int(value) < 1500 else ""
        )
        clock = re.compile(zoned + after, re.IGNORECASE)
        stamp = re.compile(rf"^\s*{value}\b", re.MULTILINE)
        if any(
            clock.search(ev["sentence"])
            or (stamp.search(ev["sentence"]) and (live is None or ev["article"] in live))
            for ev in event["evidence"]
        ):
            found.append(f"{value}: {event['summary'][:80]}")
    return found


def fold(name: str) -> str:
    name = name.lower().replace("isation", "ization").replace("ise", "ize").replace("our", "or")
    return re.sub(r"[^a-z0-9 ]", "", name).strip()


def look_alike(actors: list[dict[str, Any]]) -> list[str]:
    pairs = []
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            fa, fb = fold(a["name"]), fold(b["name"])
            words_a = [w for w in fa.split() if w not in {"of", "the", "and", "for"}]
            words_b = [w for w in fb.split() if w not in {"of", "the", "and", "for"}]
            initials_a, initials_b = "".join(w[0] for w in words_a), "".join(w[0] for w in words_b)
            if (
                fa == fb
                # the same words in another order: "Transitional National Council"
                or (len(words_a) >= 2 and sorted(words_a) == sorted(words_b))
                or (len(fa) >= 2 and fa.replace(" ", "") == initials_b)
                or (len(fb) >= 2 and fb.replace(" ", "") == initials_a)
            ):
                pairs.append(f"{a['name']} / {b['name']}")
    return pairs


def short_forms(actors: list[dict[str, Any]]) -> list[str]:
    """Pairs to read by eye: a one-word name that opens or ends another top name or is
    clipped from its first word ("Fed" / "Federal Reserve", "Gulf" / "Gulf of Mexico",
    "House" / "White House"); often two actors ("Washington" / "Washington Post")."""
    pairs = []
    for a in actors:
        short = fold(a["name"])
        if " " in short or len(short) < 3:
            continue
        for b in actors:
            words = fold(b["name"]).split()
            if len(words) > 1 and (words[0].startswith(short) or words[-1] == short):
                pairs.append(f"{a['name']} / {b['name']}")
    return pairs


def top_speakers(speakers: list[dict[str, Any]], n: int = 30) -> list[str]:
    """The default quotes view's most quoted speakers, each with the role it shows:
    to read by eye (a clause or a place given as a role, a nationality as a speaker)."""
    return [
        f"{s['speaker']} ({s['count']}{', anonymous' if s['anonymous'] else ''})"
        + (f": {s['role']}" if s["role"] else "")
        for s in speakers[:n]
    ]


def measure(topic: str, db: Path) -> dict[str, Any]:
    from storyline import api
    from storyline.store import Store

    seconds = build(topic, db)
    store = Store(db)  # writable: a store from an older storyline is migrated first
    articles = store.articles()
    copies = {c["article"]: c["copy_of"] for c in api.sources(store)["copies"]}
    by_id = {a.id: a for a in articles}
    furniture_originals = [
        c
        for c in copies.values()
        if len(by_id[c].text) < 300 or furniture_lines([by_id[c]])["comment_lines"]
    ]
    events = api.timeline(store, all=True)["events"]  # every dated happening, not the digest
    live = {
        a.id
        for a in articles
        if live_page(a.text, a.published.isoformat() if a.published else None)
    }
    contributing = {ev["article"] for event in events for ev in event["evidence"]}
    originals = [a.id for a in articles if a.id not in copies]
    quote_view = api.quotes(store)
    quotes = quote_view["quotes"]
    no_speaker = [q for q in quotes if not q["speaker"] or pronoun(q["speaker"])]
    short = [q for q in quotes if len(q["text"].split()) <= 2]
    entities = sorted(api.entities(store)["entities"], key=lambda e: -e["mentions"])[:30]
    toll = death_toll(api.story(store), "deaths in Mexico") if topic == "h1n1" else None
    store.close()
    return {
        "articles": len(articles),
        "add_seconds": round(seconds, 1),
        "furniture_in_text": furniture_lines(articles),
        "copies": len(copies),
        "copies_of_furniture": len(furniture_originals),
        "non_copy_articles": len(originals),
        "share_contributing_an_event": round(
            sum(1 for a in originals if a in contributing) / max(1, len(originals)), 4
        ),
        "events": len(events),
        "clock_time_events": clock_events(events, live),
        "clock_time_events_any_line_stamp": clock_events(events),
        "quotes_default": len(quotes),
        "share_pronoun_or_no_speaker": round(len(no_speaker) / max(1, len(quotes)), 4),
        "share_two_words_or_fewer": round(len(short) / max(1, len(quotes)), 4),
        "top_speakers": top_speakers(quote_view["speakers"]),
        "top_actors": [f"{e['name']} ({e['type']}, {e['mentions']})" for e in entities],
        "top_actor_look_alikes": look_alike(entities),
        "top_actor_short_forms": short_forms(entities),
        **({"mexico_death_toll": toll} if toll is not None else {}),
    }


def death_toll(story: Any, about: str) -> dict[str, Any] | None:
    """One series of the changes view, compact: "date outlet: as written" per figure,
    then its same-date disagreements and its changes."""
    series = next((f for f in story.view("changes")["figures"] if f["about"] == about), None)
    if series is None:
        return None
    points = series["series"]
    return {
        "about": about,
        "figures": [f"{p['date']} {p['outlet'] or 'unknown outlet'}: {p['text']}" for p in points],
        "disagreements": [
            f"{d['date']}: {d['spread']}: "
            + "; ".join(f"{points[i]['outlet']} {points[i]['text']!r}" for i in d["points"])
            for d in series["disagreements"]
        ],
        "changes": [
            f"{c['start']} -> {c['end']}: {c['before']:g} -> {c['after']:g}"
            for c in series["changes"]
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topics", nargs="+", default=["h1n1", "haiti"])
    parser.add_argument("--db-dir", type=Path, default=None, help="reuse <topic>.db stores here")
    parser.add_argument(
        "--result",
        default="real_coverage",
        help="name of the results file (topics never tuned on go to their own file)",
    )
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.db_dir or Path(tmp)
        for topic in args.topics:
            results[topic] = measure(topic, folder / f"{topic}.db")
            print(json.dumps({topic: results[topic]}, indent=2, ensure_ascii=False))
    print(f"wrote {write_result(args.result, results)}", file=sys.stderr)


if __name__ == "__main__":
    main()
