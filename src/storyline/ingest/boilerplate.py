"""Site furniture removal: comment threads, site notices, promotions, feed notices.

Generic rules, no per-site lists, in three kinds:

* comment threads, recognised by the shape of their line headers and
  signatures ("At 10:12 am on 3 May 2009 , kim wrote :", "Posted by : kim |
  May 3 , 2009 10:12 AM | Report abuse", "Posted by kim | Report as abusive", "Reply |
  Report abuse", two or more
  lines holding "March 21 , 2011 at 5:35 pm |", or opening "10th August 2011 -
  9:20" in the page's second half). Readers'
  comments sit after the article, so everything from the thread's start to
  the end of the text goes;
* site notices, recognised by site-machinery vocabulary (comments, moderators,
  the form below, RSS feeds, JavaScript, transcripts ...) addressed to the
  reader ("you", "your", "please", "tell us"). These go wherever they are:
  short, reader-addressed, about the site's own machinery, they are not news;
* weaker furniture (comment prompts, promotions, "Share this") goes only at
  the article's edges or next to other furniture, so prose that happens to
  mention a newsletter survives; questions put to the reader ("Have you been
  affected ?") go only in a run that touches other furniture, since rhetoric
  and interviews ask "you" questions too.

Long lines are never notices. Removed lines and line parts are returned so
the UI can show them dimmed. Furniture that only repetition across an
outlet's pages gives away (adverts, sidebars) is found by ``furniture.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict

# Whole-line furniture, matched against a stripped line.
_WHOLE_LINE = re.compile(
    r"""^(?:
        (?:\d+\s+)?comments?|post\s+a\s+comment|leave\s+a\s+(?:comment|reply)|
        add\s+(?:a\s+)?comment|show\s+comments|view\s+comments|
        advertisement|sponsored(?:\s+content)?|share(?:\s+this(?:\s+article)?)?:?|
        (?:read|see)\s+(?:more|also)\b.*|also\s+read\b.*|related(?:\s+(?:stories|articles|news))?:?|
        (?:click|tap)\s+here\b.*|skip\s+to\s+(?:main\s+)?content|
        print|email|tweet|facebook|twitter|whatsapp|linkedin|reddit|copy\s+link
    )\s*[.:!]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Phrases that mark a short line as the site's own voice.
_FURNITURE_PHRASES = re.compile(
    r"""\b(?:
        subscribe\s+(?:to|now|for|today)|sign\s+up\s+(?:for|to|here)|(?:our|free|daily|weekly)\s+newsletter|newsletter\s+(?:sign|subscri)|
        (?:download|get)\s+(?:the|our)\b.{0,60}?\bapps?\b|app\s+store|google\s+play|
        follow\s+us\s+on|like\s+us\s+on|join\s+us\s+on|
        catch\s+all\s+the\b|latest\s+news\s+updates|breaking\s+news\s+events|
        generated\s+from\s+an?\s+(?:automated\s+)?(?:news\s+)?(?:agency\s+)?feed|
        (?:has\s+not|hasn't)\s+been\s+edited\s+by|with\s+inputs\s+from\s+agencies|
        published\s+from\s+a\s+syndicated\s+feed|auto-generated\s+from\s+a\s+syndicated|
        all\s+rights\s+reserved|©|copyright\s+\d{4}|
        cookies?\s+(?:policy|settings)|privacy\s+policy|terms\s+of\s+(?:use|service)|
        we\s+(?:welcome|moderate)\s+(?:your\s+)?comments|comments\s+are\s+(?:closed|moderated)|
        be\s+the\s+first\s+to\s+comment|join\s+the\s+conversation|
        this\s+is\s+my\s+blog|this\s+blog\s+(?:covers|is\s+(?:about|where|devoted)|was\s+where)|
        (?:click|tap)\s+here\b|send\s+(?:us\s+)?your\s+(?:videos?|images|photos|pictures|stories)\b|
        \w+\s+\{[a-z_]+\}
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_MAX_FURNITURE_WORDS = 40
_MAX_NOTICE_WORDS = 45

# ---- comment threads ------------------------------------------------------------

# "At 12:19 26th Apr 2009 , kim wrote :", "At 6:53 P.M. on Jan 13 , 2010 , Jo Ann wrote :",
# "At 00:44 am , kim wrote :": a comment's header, the comment follows it.
_WROTE_HEADER = re.compile(
    r"\bAt\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\b\.?)?"
    r"(?:\s+(?:on\s+)?[\w.]+(?:\s+[\w.]+){0,3}?(?:\s*,\s*\d{4})?)?"
    r"\s*,\s*(?P<name>[^\s,]+(?:\s+[^\s,]+){0,3}?)\s+wrote\s*:"
)
# Pipe-separated rows of comment actions: "| Report abuse", "Reply | Recommend".
# A comment's signature, after the comment.
_REPORT_ABUSE = re.compile(
    r"\|\s*report\s+(?:as\s+)?abus(?:e|ive)\b|\breport\s+(?:as\s+)?abus(?:e|ive)\s*\|", re.IGNORECASE
)
_ACTION_CELL = re.compile(
    r"(?:^|\|)\s*(?:reply|recommend(?:ed)?(?:\s*(?:-LRB-|\()\s*\d+\s*(?:-RRB-|\)))?|"
    r"report(?:\s+(?:abuse|this(?:\s+comment)?))?|flag(?:\s+as\s+\w+)?|permalink|"
    r"like|dislike|quote)\s*(?=\||$)",
    re.IGNORECASE,
)
# Lines that read as reporting rather than a reader's comment: a thread whose
# first comment has no header is not extended back over them.
_REPORTING = re.compile(r"``|''|[“”]|\b(?:said|says|told|according\s+to)\b")
# "This debate is now closed ." ending its line, not in speech.
_CLOSED = re.compile(
    r"\bThis\s+(?:debate|topic|discussion|forum|thread|conversation)\s+(?:is|has)\s+"
    r"(?:now\s+)?(?:been\s+)?closed\s*[.!]?\s*$"
)
_FIRST_COMMENT_LINES = 8  # at most this far back for a first comment before its signature
# "March 21 , 2011 at 5:35 pm | Reply", "April 22, 2011 05:17 pm at 5:17 pm |": the
# stamp a comment system puts under each comment (the next comment's text may run on
# after the pipe, and a comment's last words may come before it). One could be an
# article's own "Updated" line; two or more are a thread's signatures.
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\b\.?)?"
_STAMP_SIGNATURE = re.compile(
    r"(?:^|\s)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*,\s*"
    rf"\d{{4}}\s+(?:{_CLOCK}\s+)?at\s+{_CLOCK}\s*\|"
)


# "10th August 2011 - 9:20 Mr hypocrite aka ...": the header a comment system (the
# BBC's "Have your say") opens each comment with, the comment running on after it.
_DATED_HEADER = re.compile(
    r"^\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"\s+\d{4}\s*-\s*\d{1,2}:\d{2}\s"
)


def _signature(line: str) -> bool:
    if _REPORT_ABUSE.search(line):
        return True
    return "|" in line and len(_ACTION_CELL.findall(line)) >= 2


def _thread_start(lines: list[str]) -> tuple[int, int] | None:
    """(line, character offset) where a readers' comment thread begins, or None."""
    starts = []
    headers = [
        (i, m)
        for i, line in enumerate(lines)
        if "wrote" in line
        for m in _WROTE_HEADER.finditer(line)
    ]
    # One header alone could be prose ("At 10:30 , the minister wrote :"); a
    # user-name-like author (one token) or a second header makes it a thread.
    if headers and (len(headers) >= 2 or " " not in headers[0][1].group("name")):
        starts.append((headers[0][0], headers[0][1].start()))
    # "This debate is now closed": what follows is the debate.
    closed = next(
        (
            (i, m.start())
            for i, line in enumerate(lines)
            if "closed" in line
            for m in [_CLOSED.search(line)]
            if m
        ),
        None,
    )
    if closed is not None:
        starts.append(closed)
    # Two dated headers in the page's second half: the comments under the article (a
    # live page's stamps run from its top).
    dated = [i for i, line in enumerate(lines) if _DATED_HEADER.match(line)]
    if len(dated) >= 2 and dated[0] >= len(lines) // 2:
        starts.append((dated[0], 0))
    signed = [i for i, line in enumerate(lines) if _signature(line)]
    stamps = [i for i, line in enumerate(lines) if _STAMP_SIGNATURE.search(line)]
    if len(stamps) >= 2:
        signed = sorted(set(signed) | set(stamps))
    if signed:
        starts.append((_first_comment(lines, signed), 0))
    return min(starts) if starts else None


def _first_comment(lines: list[str], signed: list[int]) -> int:
    """The line where the first signed comment starts. The signature follows
    its comment, so the comment starts a few lines up, about as long as the
    others (the median gap between signatures), and not over reporting."""
    gaps = sorted(b - a for a, b in zip(signed, signed[1:], strict=False))
    reach = min(_FIRST_COMMENT_LINES, max(1, gaps[len(gaps) // 2] if gaps else 3))
    start = signed[0]
    while start > 0 and signed[0] - start < reach:
        before = lines[start - 1].strip()
        if not before or _REPORTING.search(before) or _is_notice(before):
            break
        start -= 1
    return start


# ---- furniture inside a line ------------------------------------------------------

# A blog post's footer: "Posted by Kim Lee at 10:48 AM | Comments (2) | Permalink".
_POSTED_FOOTER = re.compile(
    r"\bPosted\s+by\s+[^|:\n]{1,60}?\s+at\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\b\.?)?"
    r"(?:\s*\|\s*(?:comments?(?:\s*(?:-LRB-|\()\s*\d+\s*(?:-RRB-|\)))?|permalink|"
    r"trackbacks?(?:\s*(?:-LRB-|\()\s*\d+\s*(?:-RRB-|\)))?|share|e-?mail|print))*",
    re.IGNORECASE,
)
# Other sites' headlines with their age: "Quake relief arrives - 2 hrs ago".
_LINK_AGE = re.compile(r"\s-\s\d{1,2}\s(?:hrs?|mins?|hours?|minutes?|days?)\sago\b", re.IGNORECASE)


# The buttons of a site's question ("Would you like to make this your default
# edition?"), run into the line after it.
_BUTTONS = re.compile(r"^YES\s*\|\s*NO\b\s*")


def _strip_inline(line: str) -> tuple[str, list[str]]:
    buttons = _BUTTONS.match(line)
    if buttons:
        rest, parts = _strip_inline(line[buttons.end() :])
        return rest, [buttons.group(0).strip(), *parts]
    parts = [m.group(0).strip() for m in _POSTED_FOOTER.finditer(line)]
    if not parts:
        return line, []
    kept = _POSTED_FOOTER.sub(" ", line)
    return re.sub(r"\s{2,}", " ", kept).strip(), parts


# ---- site notices --------------------------------------------------------------

# The site's own machinery: comments and their moderation, forms, feeds,
# players, programmes' running orders, its own pages and accounts.
_MACHINERY = re.compile(
    r"""\b(?:
        comments?|commenting|commenters?|moderat(?:ors?|ed|ion)|house\s+rules|
        rules\s+of\s+conduct|terms\s+of\s+(?:service|use)|privacy\s+policy|
        (?:the\s+)?form\s+(?:below|on\s+the\s+right)|box\s+below|(?:text|comment)\s+box|
        (?:take\s+)?our\s+poll|share\s+your\s+(?:thoughts|views|comments|opinions?)|
        e-?mails?\s+(?:will|may|can)|your\s+name\s+and\s+location|
        user\s*names?|passwords?|profile\s+picture|log(?:ging)?\s+(?:on|in)|sign(?:ing)?\s+in|
        rss|(?:these|our|the\s+rss)\s+feeds?|via\s+(?:these\s+)?feeds?|
        javascript|flash\s+player|(?:media|video|audio)\s+player|plug-?ins?|
        (?:this|the)\s+(?:media|video|content|clip|audio)\s+(?:is\s+)?(?:not\s+available|unavailable)|
        can\s*not\s+play\s+(?:this\s+)?media|transcripts?|running\s+order|
        our\s+(?:main\s+)?(?:news\s+)?(?:page|site|website|web\s+site)|
        pre-screened|not\s+be\s+displayed
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Machinery words prose about the web also uses ("lets you embed them in blog
# posts"): with a reader addressed, weak furniture only (edges and runs).
_WEAK_MACHINERY = re.compile(
    r"""\b(?:
        blogs?|blog\s+posts?|browsers?|podcasts?|twitter\s+(?:account|page|feed)|facebook\s+page|
        click(?:ing)?|(?:full\s+)?instructions|subscri(?:be|ption)|newsletters?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The reader addressed: "you", "please", "tell us", an imperative opening.
_ADDRESS = re.compile(
    r"""\b(?:you|your|yours|please)\b|\b(?:tell|send|email|e-mail|contact)\s+us\b|
        ^(?:tell|send|share|leave|visit|click|follow|join|sign|subscribe|post|email|e-mail|
           watch|listen|have\s+your\s+say|get\s+involved)\b|
        \bwe\s+(?:welcome|moderate|may|reserve|are\s+unable|can\s*not|will\s+not|regret)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Notices that need no reader addressed to be recognised.
_STANDALONE_NOTICE = re.compile(
    r"""\b(?:
        this\s+comment\s+(?:was|has\s+been)\s+removed|(?:broke|obey)\s+the\s+house\s+rules|
        all\s+posts\s+are\s+(?:\w+-)?moderated|
        comments?\s+(?:are|is)\s+(?:now\s+)?(?:closed|moderated|not\s+pre-screened)|
        (?:the\s+)?comments\s+(?:to|on|for)\s+this\s+(?:entry|post|article|story)\s+(?:are|is)\s+closed|
        will\s+not\s+be\s+(?:displayed|published)|views\s+expressed\s+in\s+(?:the\s+)?comments|
        (?:javascript|flash)\b.{0,40}\b(?:must\s+be|is)\s+(?:turned\s+on|enabled|installed|required)|
        media\s+(?:is\s+)?not\s+available\s+in\s+your\s+(?:territory|country|region)|
        can\s*not\s+play\s+(?:this\s+)?media|
        (?:running\s+order|schedule|line-?up)\s+(?:is|may\s+be)\s+subject\s+to\s+change|
        (?:is|are)\s+not\s+responsible\s+for\s+the\s+content\s+of\s+external|
        you(?:'|\u2019)?ve\s+selected\s+the\s+[\w.]+(?:\s+[\w.]+)?\s+edition|
        make\s+this\s+your\s+default\s+edition
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SPEECH = re.compile(r"``|''|[“”\"]")

# Questions put to the reader ("Have you been affected by the floods ?"):
# weak, removed only next to other furniture or at an edge.
_READER_QUESTION = re.compile(r"\b(?:you|your)\b[^?]*\?\s*$", re.IGNORECASE)
_MAX_QUESTION_WORDS = 25
_QUESTION, _WEAK, _NOTICE = 1, 2, 3  # kinds of furniture line, weakest first


def _is_notice(line: str) -> bool:
    """A site notice: short, not speech, about the site's machinery, to the reader."""
    if len(_LINK_AGE.findall(line)) >= 2:  # a list of other sites' headlines
        return True
    if not line or len(line.split()) > _MAX_NOTICE_WORDS or _SPEECH.search(line):
        return False
    if _STANDALONE_NOTICE.search(line) or _LINK_AGE.search(line):
        return True
    return bool(_MACHINERY.search(line) and _ADDRESS.search(line))


def _is_reader_question(line: str) -> bool:
    return (
        len(line.split()) <= _MAX_QUESTION_WORDS
        and not _SPEECH.search(line)
        and bool(_READER_QUESTION.search(line))
    )


def is_furniture(line: str) -> bool:
    """Weak furniture: site voice that prose may also use, removed at edges and in runs."""
    stripped = line.strip()
    if not stripped:
        return False
    if _WHOLE_LINE.match(stripped):
        return True
    if len(stripped.split()) > _MAX_FURNITURE_WORDS:
        return False
    if _FURNITURE_PHRASES.search(stripped):
        return True
    return (
        not _SPEECH.search(stripped)
        and bool(_WEAK_MACHINERY.search(stripped))
        and bool(_ADDRESS.search(stripped))
    )


def is_notice(line: str) -> bool:
    """Strong furniture: a site notice, removed wherever it is."""
    return _is_notice(line.strip())


# ---- the whole article -----------------------------------------------------------


def strip_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """Return (clean text, removed lines and line parts, in text order).

    Comment threads go from their start to the end; notices go anywhere;
    weak furniture goes at the edges of the article and in runs of furniture
    lines: a lone matching line in the middle of prose is usually prose."""
    lines = text.split("\n")
    removed: dict[int, list[str]] = defaultdict(list)
    start = _thread_start(lines)
    if start is not None:
        i, offset = start
        removed[i] = [p.strip() for p in [lines[i][offset:], *lines[i + 1 :]] if p.strip()]
        lines = lines[:i] + [lines[i][:offset].rstrip()]
    for i, line in enumerate(lines):
        kept, parts = _strip_inline(line)
        if parts:
            removed[i] = parts + removed[i]
            lines[i] = kept
    kinds = [_kind(line) for line in lines]
    _long_closing_notice(lines, kinds)
    keep = [True] * len(lines)
    content = [i for i, line in enumerate(lines) if line.strip() and not kinds[i]]
    first = content[0] if content else len(lines)
    last = content[-1] if content else -1
    questions = _prompts(lines, kinds)
    for i, kind in enumerate(kinds):
        if kind == _QUESTION:
            drop = i in questions
        else:
            at_edge = i < first or i > last
            in_tail = i > last - 2  # the last prose line may precede a final notice
            drop = kind == _NOTICE or (
                kind == _WEAK and (at_edge or in_tail or bool(_neighbours(kinds, lines, i)))
            )
        if drop:
            keep[i] = False
            removed[i].insert(0, lines[i].strip())
    out = tuple(part for i in sorted(removed) for part in removed[i] if part)
    kept_text = "\n".join(line for i, line in enumerate(lines) if keep[i])
    return re.sub(r"\n{3,}", "\n\n", kept_text).strip("\n"), out


def _kind(line: str) -> int:
    if is_notice(line):
        return _NOTICE
    stripped = line.strip()
    if stripped and _is_reader_question(stripped):
        return _QUESTION
    return _WEAK if is_furniture(line) else 0


def _prompts(lines: list[str], kinds: list[int]) -> set[int]:
    """Questions put to the reader that are furniture: a run of questions that
    touches other furniture ("Have you been affected ? Tell us using the form
    below"). Elsewhere a question to "you", even the last line, is rhetoric or
    an interview's, and stays."""
    found: set[int] = set()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    run: list[int] = []
    for n, i in enumerate(filled + [-1]):
        if i >= 0 and kinds[i] == _QUESTION:
            run.append(i)
            continue
        if run:
            before = filled[n - len(run) - 1] if n - len(run) - 1 >= 0 else None
            after = i if i >= 0 else None
            if any(j is not None and kinds[j] in (_WEAK, _NOTICE) for j in (before, after)):
                found.update(run)
            run = []
    return found


def _long_closing_notice(lines: list[str], kinds: list[int]) -> None:
    """Flag a last line too long to be a notice whose opening clause is one
    ("... using the form below : send your pictures to ..."): a notice run on."""
    content = [i for i, line in enumerate(lines) if line.strip() and not kinds[i]]
    if not content:
        return
    last = content[-1]
    words = lines[last].split()
    if len(words) <= _MAX_NOTICE_WORDS:
        return
    opening = " ".join(words[:_MAX_NOTICE_WORDS]).split(" : ")[0]
    if _is_notice(opening):
        kinds[last] = _NOTICE


def _neighbours(kinds: list[int], lines: list[str], i: int) -> list[int]:
    """The nearest non-blank neighbours of line i that are furniture of any kind."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and kinds[j]:
            out.append(j)
    return out
