"""The text of a timeline entry: a source sentence as the timeline shows it.

A timeline files a sentence under its date, so the words that only say that
date ("on Tuesday", "June 2 -", "yesterday", "3:32 pm EDT") repeat the date
column; human-written timelines leave them out, and so does an entry here.
The same goes for what news pages put before the first sentence: a wire
dateline ("WASHINGTON (Reuters) -"), a "CITY | Thu Jun 17, 2010 3:32 pm EDT"
stamp, a live blog's "(Updated 11:58 a.m. ET)". Evidence keeps the sentence
verbatim; only the entry is shortened.

Expressions that place the event relative to another one ("two days later",
"the next day"), narrowed ones ("late May", "mid-June"), holidays ("Easter")
and expressions governed by since, until, by, before, after or from say more
than the date and stay, as does a possessive ("today's talks"), a list of
dates, and anything inside a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.credits import credit_end
from ..text.datelines import TIME_ZONE, wire_datelines

_MONTH = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
_DAY_WORD = re.compile(
    rf"\d|\b(?:{_MONTH})\b|\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b"
    r"|\b(?:today|tonight|yesterday|tomorrow|overnight)\b"
    r"|\b(?:this|last)\s+(?:morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)
# Relative to another event ("two days later"), or narrowed ("late May", "mid-June",
# "around noon"): says more than the date column.
_RELATIONAL = re.compile(
    r"\b(?:later|earlier|next|following|previous|prior|before|after|that|same"
    r"|early|mid|late|end|beginning|start|around|about|approximately)\b",
    re.IGNORECASE,
)
# Words that, right before the expression, make it say more than the date.
_KEEP_AFTER = re.compile(
    r"\b(?:since|until|till|by|before|after|from|through|between|to|(?<!\bas )of)\s*$", re.I
)
# A preposition (with its modifier) that only introduces the date: goes with it.
_GOVERNING = re.compile(r"(?:\b(?:early|late|earlier|later)\s+)?\b(?:on|at|in|as\s+of)\s*$", re.I)
# A determiner before the expression: it only goes when a noun follows ("the April 20
# explosion"), not when the expression is the noun ("the Thursday a leader returned").
_DETERMINER = re.compile(r"\b(?:the|an?|this|its|his|her|their)\s*$", re.I)
_PREDICATE_NEXT = re.compile(
    r"\s*(?:was|were|is|are|will|would|has|had|saw|marked|brought|became|began|ended)\b"
)
_OWN_DETERMINER = re.compile(r"(?:the|an?)\s+", re.I)  # a date expression written with it
_NOUN_NEXT = re.compile(
    r"\s*(?!(?:a|an|the|of|in|on|at|to|and|or|that|when|as|for|with|by|from)\b)[a-z][a-z\-]+\b"
)
_DAY_OR_MONTH = rf"(?:\d|(?:{_MONTH})\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
# Part of a list or a range of dates ("on Friday, Saturday and Sunday", "3-6 June"):
# the list stays whole, and no "3-" is left behind.
_LIST_BEFORE = re.compile(rf"{_DAY_OR_MONTH}\S*\s*(?:,|\band|\bor|&|[-\u2013\u2014])\s*$")
_LIST_AFTER = re.compile(rf"\s*(?:,|\band\b|\bor\b|&|[-\u2013\u2014])\s*{_DAY_OR_MONTH}")

_QUOTE_MARK = re.compile("\"|\u201c|\u201d|``|''")
_OPEN = r"(?:\(|-LRB-)"
_CLOSE = r"(?:\)|-RRB-)"
_WIRE = r"(?:Reuters|AP|AFP|UPI|Bloomberg|CNN|dpa|Xinhua|IANS|PTI)"
_AGENCY = r"[A-Z][A-Za-z.&']*(?:\s+[A-Z][A-Za-z.&']*){0,3}"
# "WASHINGTON | ..." stamp heads and "HOUSTON, June 2 (Reuters) -" / "NEW ORLEANS --" datelines.
# (A slash joins two cities, "ISTANBUL/LONDON", escaped in some feeds: "ISTANBUL\/LONDON".)
_PIPE_HEAD = re.compile(r"^[A-Z][A-Z.'\-\\/]*(?:(?:\s+|\s*,\s*)[A-Z][A-Za-z.'\-\\/]*)*\s*\|\s*")
_CITY = r"[A-Z][A-Z.'\-\\/]{2,}(?:\s+[A-Z][A-Z.'\-\\/]+)*(?:\s*,\s*[A-Z][a-z]+\.?)?\s*,?\s*"
_DASH = r"(?:--?|\u2014|\u2013)\s+"
# (A feed may leave a stray closing quote after the bracket: "BEIRUT (Reuters)” - ".)
_DATELINE = re.compile(
    rf"^(?:{_CITY}(?:{_OPEN}\s*{_AGENCY}\s*{_CLOSE}\s*(?:[\u201d\"]\s*)?)?{_DASH}"
    rf"|{_OPEN}\s*{_WIRE}\s*{_CLOSE}\s*(?:{_DASH})?)"
)
_AHEAD_CAPITAL = r"(?=[A-Z\u201c\"`'])"
# A byline before the story: "By the CNN Wire Staff", or a byline ending at the wire's
# dateline or stamp head ("By Maggie Fox, Health and Science Editor WASHINGTON | ...").
STAFF_BYLINE = re.compile(r"^By\s+(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){1,3}Staff\s+" + _AHEAD_CAPITAL)
_BYLINE_ONLY = re.compile(r"^By\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}$")
# A credit in brackets: "(By Ana Vell -- Getty Images)", "(Photo: Ana Vell/AP)".
_BRACKETED_CREDIT = re.compile(
    rf"^{_OPEN}\s*(?:By|Photo(?:graph)?s?\s*(?:by|:))\s(?:(?!{_OPEN}|{_CLOSE}).){{1,80}}?{_CLOSE}\s*"
)
_BYLINE_OPEN = re.compile(r"^By\s+(?:the\s+)?[A-Z][a-z]")
_CAPS_BEFORE_PIPE = re.compile(r"[A-Z][A-Z.'\-\\/]+(?:\s+[A-Z][A-Z.'\-\\/]+)*\s*,?\s*\|")
# A blog's "Susan Watts | 18:00 UK time," heading the post.
_BLOG_STAMP = re.compile(
    rf"^[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){{0,3}}\s*\|\s*\d{{1,2}}[:.]\d{{2}}\s*"
    rf"(?:UK\s+time|{TIME_ZONE})\b\s*,?\s*"
)
# A clock time with its zone: "18.15 BST", "3:54 pm EDT".
_ZONED_CLOCK = rf"\d{{1,2}}[.:]\d{{2}}\s*(?:[ap]\.?m\.?\s*)?{TIME_ZONE}"
# A publication stamp heading the text: "Friday 4 June 2010 18.15 BST", "22.16 BST",
# a wire's "Thu Oct 20, 2011 3:54 pm EDT" and "Thu, Oct 20 19:15 PM EDT".
_STAMP = re.compile(
    rf"^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b,?\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}|(?:{_MONTH})\s+\d{{1,2}}(?:\s*,?\s+\d{{4}})?)?\s*[,;]?\s*"
    rf"{_ZONED_CLOCK}\b",
    re.IGNORECASE,
)
# A page's publication stamp between its headline (and standfirst) and the story's first
# sentence, run together into one: "Iraq Survey Group concludes ... 03.10 GMT The US
# investigators ...", "... Sunday 6 March 2005 01.36 GMT Last week's ...". After "at",
# "by", "until" ... a clock time is the time of what the sentence says.
_HEADED_STAMP = re.compile(
    rf"(?P<word>[\w'’]+)\W*?\s+(?P<stamp>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}\s+)?{_ZONED_CLOCK})\s+{_AHEAD_CAPITAL}"
)
_DATE_ONLY = re.compile(rf"\s*(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}\s*")
_UPDATE = re.compile(rf"^{_OPEN}\s*(?:Update[sd]?|Posted|Last updated)\b", re.IGNORECASE)
# A live page's update note anywhere in the sentence it was run into: "... 30-year rule.
# (Update 12:49 p.m. Friday in Cairo, 5:49 a.m. Friday ET)".
_UPDATE_NOTE = re.compile(
    rf"\s*{_OPEN}\s*(?:Update[sd]?|Posted|Last updated)\b(?:(?!{_OPEN}|{_CLOSE}).)*{_CLOSE}",
    re.IGNORECASE,
)
# Separators left at the start; "-" only when it does not open a PTB bracket (-LRB-).
_BRACKETED_CLOCK = re.compile(
    rf",?\s*{_OPEN}\s*\d{{1,2}}[:.]?\d{{2}}\s*(?:[ap]\.?m\.?\s*)?{TIME_ZONE}\s*{_CLOSE}(?=\s*[.!?]?\s*$)"
)
# A live page's next stamp run into the line before it: "... Mexico death toll reaches 80
# 10.40 BST"; after "at", "by", "until" ... it is the time of what the sentence says.
_TRAILING_STAMP = re.compile(
    rf"(?P<word>[\w'’]+)\W*?\s+(?P<stamp>{_ZONED_CLOCK})\s*\.?\s*$"
)
# A wire page's stamp head left at the end of the headline before it, its stamp cut off
# by the sentence break: "U.S. pressures BP as Obama visits Gulf VENICE, Louisiana | Sun".
_TRAILING_PIPE_HEAD = re.compile(
    r"\s+[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:\s*,\s*[A-Z][A-Za-z.]+)?\s*\|\s*(?:[A-Z][a-z]{2})?\s*$"
)
_CLOCK_PREPOSITIONS = frozenset(
    "at by on to until till from before after since around about near past".split()
)
_LEADING_PUNCT = re.compile(r"^(?:[\s\u2013\u2014:|,;*\\]|-(?!LRB-|RRB-)|\.(?!\.))+")
_BRACKET = re.compile(rf"{_OPEN}|{_CLOSE}")


def names_day(expression: str) -> bool:
    """True for an expression that only names when ("Tuesday", "June 2, 2010",
    "yesterday", "3:32 pm"), not one placing the event relative to another."""
    return bool(_DAY_WORD.search(expression)) and not _RELATIONAL.search(expression)


def entry_text(sentence: str, date_expressions: Iterable[str]) -> str:
    """``sentence`` without the given date expressions (those naming the entry's
    own date, as written) and without a leading dateline or update stamp."""
    text = sentence
    for expression in date_expressions:
        if expression and names_day(expression):
            text = _drop_expression(text, expression)
    text = _tidy(_drop_lead(text))
    return text if re.search(r"\w", text) else sentence


# How a sentence ends: a stop, maybe inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'’”)\]]|''|-RRB-)*\s*$")


def join_entries(entries: Iterable[str]) -> str:
    """One event's entries as one text. An entry that does not end like a sentence
    (a headline or caption line) gets a full stop before the next, so it does not
    read as run into it ("... after months of debate Kestria has approved ...")."""
    items = [e for e in entries if e]
    return " ".join(
        e if i == len(items) - 1 or _SENTENCE_END.search(e) else e + "."
        for i, e in enumerate(items)
    )


# A wire photo's caption ends with the day the picture was taken: "A police woman wears
# a mask in Mexico City April 24, 2009."
_CAPTION_END = re.compile(rf"[,\s](?:on\s+)?(?:{_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}\.?\s*$")


def caption_end(text: str) -> int:
    """Where the story starts when ``text`` opens with a wire photo's caption line (a
    line ending in the picture's date, then the story's dateline: "GENEVA | Tue Jun 30,
    2009 1:58 pm EDT GENEVA (Reuters) - ..."), else 0. A headline before a dateline
    names no day, so it stays."""
    first_end = text.find("\n")
    if first_end < 0 or not _CAPTION_END.search(text[:first_end]):
        return 0
    rest = text[first_end:]
    start = first_end + len(rest) - len(rest.lstrip())
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end >= 0 else len(text)].strip()
    return start if line and _drop_lead(line) != line else 0


def _drop_expression(text: str, expression: str) -> str:
    for m in re.finditer(rf"(?<!\w){re.escape(expression)}(?!\w)", text):
        before, after = text[: m.start()], text[m.end() :]
        if _inside_quotation(text, m.start()):
            continue
        if _KEEP_AFTER.search(before) or re.match(r"\s*'s\b", after):
            continue
        if _LIST_AFTER.match(after) or _LIST_BEFORE.search(before):
            continue
        if not before.strip() and _PREDICATE_NEXT.match(after):
            continue  # the date is the subject: "Friday was the bloodiest day"
        if _DETERMINER.search(before) and not _NOUN_NEXT.match(after):
            continue
        own = _OWN_DETERMINER.match(m.group())
        if own and _NOUN_NEXT.match(after):
            # "in the 12 January earthquake": the article and its preposition belong to
            # the noun after the date, which stays ("in the earthquake")
            before = text[: m.start() + own.end()]
        elif gov := _GOVERNING.search(before):
            before = before[: gov.start()]
        article = re.search(r"\b(an?)\s*$", before)
        if article:  # "an Oct. 22 speech" -> "a speech"
            nxt = re.match(r"\s*(\w)", after)
            word = "an" if nxt and nxt.group(1).lower() in "aeiou" else "a"
            if article.group(1)[0].isupper():
                word = word.capitalize()
            before = before[: article.start(1)] + word + before[article.end(1) :]
        # Keep the text's own spacing before punctuation ("Tavel." / "Tavel .").
        if after.lstrip()[:1] in tuple(",.;:!?"):
            return before.rstrip() + after
        return before.rstrip() + " " + after.lstrip()
    return text


def _inside_quotation(text: str, position: int) -> bool:
    """True when ``position`` lies inside a quotation ("...", “...”, ``...''): a
    quote is never edited.

    Not ``annotate.quotes.direct.find_quote_spans``: importing that package loads
    spaCy, and building a timeline reads stored records without it."""
    depth = 0
    for m in _QUOTE_MARK.finditer(text, 0, position):
        mark = m.group()
        if mark == '"':
            depth = 0 if depth else 1
        else:
            depth = max(0, depth + (1 if mark in ("\u201c", "``") else -1))
    return depth > 0


def _drop_lead(text: str) -> str:
    text = text.strip()
    for _ in range(3):  # a stamp head, then the dateline it carries, then an update note
        before = text
        text = _drop_credit_or_byline(text)
        text = _PIPE_HEAD.sub("", text, count=1)
        text = _DATELINE.sub("", text, count=1)
        wire = wire_datelines(text)  # "Cairo, Egypt (CNN) --": a place the city pattern misses
        if wire and (wire[0][0] == 0 or _DATE_ONLY.fullmatch(text[: wire[0][0]])):
            # "May 2, 2011 RAMALLAH\/GAZA (Reuters) - ": a day's stamp before it goes too
            text = text[wire[0][1] :]
        text = _STAMP.sub("", text, count=1)
        if _UPDATE.match(text):
            end = _bracket_end(text)
            if end is not None:
                text = text[end:]
        text = _LEADING_PUNCT.sub("", text)
        if text == before:
            break
    return text


def _stamp_as_full_stop(text: str) -> str:
    """A page's headline and its first sentence, run together at the page's stamp, as
    two sentences: "... on top of leak 18.15 BST Barack Obama surveys ..." -> "... on
    top of leak. Barack Obama surveys ..."."""
    for m in _HEADED_STAMP.finditer(text):
        if m.group("word").casefold() in _CLOCK_PREPOSITIONS or _inside_quotation(
            text, m.start("stamp")
        ):
            continue
        head = text[: m.start("stamp")].rstrip()
        if not head or _BYLINE_ONLY.match(head):
            return text[m.end() :]
        return head + ("" if head[-1] in ".!?:" else ".") + " " + text[m.end() :]
    return text


def _drop_credit_or_byline(text: str) -> str:
    """``text`` without a picture's credit, a byline or a blog's stamp heading it."""
    credit = credit_end(text)
    if credit is not None:
        return text[credit:]
    for lead in (_BRACKETED_CREDIT, STAFF_BYLINE, _BLOG_STAMP):
        m = lead.match(text)
        if m:
            return text[m.end() :]
    if _BYLINE_OPEN.match(text):
        # a byline runs up to the wire's stamp head or dateline, which the caller drops
        window = text[:160]
        pipe = _CAPS_BEFORE_PIPE.search(window)
        ends = [pipe.start()] if pipe else []
        ends += [start for start, _ in wire_datelines(window)[:1]]
        cut = min(ends, default=0)
        if cut and not re.search(r"[.!?]\s", text[:cut]):
            return text[cut:]
    return text


def _bracket_end(text: str) -> int | None:
    """Where the bracket opened at the start of ``text`` closes (nesting counted)."""
    depth = 0
    for m in _BRACKET.finditer(text):
        depth += 1 if m.group() in ("(", "-LRB-") else -1
        if depth == 0:
            return m.end()
    return None


def _tidy(text: str) -> str:
    text = _stamp_as_full_stop(_UPDATE_NOTE.sub("", text))
    text = _TRAILING_PIPE_HEAD.sub("", text)
    text = re.sub(rf"{_OPEN}\s*{_CLOSE}", " ", text)  # brackets left empty
    text = _LEADING_PUNCT.sub("", text)
    text = re.sub(r"\s+([,;:])(?:\s*[,;:])+", r" \1", text)  # ", ," -> ","
    text = re.sub(r"(\w)\s+([,;:])\s*([.!?])\s*$", r"\1 \3", text)  # "said , ." -> "said ."
    text = re.sub(r"(\w)([,;:])\s*([.!?])\s*$", r"\1\3", text)  # "the capital, ." -> "the capital."
    # a clock time in brackets beside the one it converts, which went with the date
    text = _BRACKETED_CLOCK.sub("", text)
    stamp = _TRAILING_STAMP.search(text)
    if (
        stamp
        and stamp.group("word").casefold() not in _CLOCK_PREPOSITIONS
        and not _inside_quotation(text, stamp.start("stamp"))
    ):
        text = text[: stamp.start("stamp")].rstrip()
    text = re.sub(r"\s{2,}", " ", text).strip()
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text
