"""Site furniture removal: comment prompts, promotions, agency-feed notices.

Generic line-level rules, no per-site lists: a line is furniture when it is
short and made of the vocabulary sites use for their own machinery (comment,
subscribe, download the app, newsletter, share, advertisement, generated from
a feed ...). Long lines are never dropped, so article prose that happens to
mention a newsletter survives. Removed lines are returned so the UI can show
them dimmed.
"""

from __future__ import annotations

import re

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
        download\s+(?:the|our)\b.*\bapp|get\s+(?:the|our)\b.*\bapp|app\s+store|google\s+play|
        follow\s+us\s+on|like\s+us\s+on|join\s+us\s+on|
        catch\s+all\s+the\b|latest\s+news\s+updates|breaking\s+news\s+events|
        generated\s+from\s+an?\s+(?:automated\s+)?(?:news\s+)?(?:agency\s+)?feed|
        (?:has\s+not|hasn't)\s+been\s+edited\s+by|with\s+inputs\s+from\s+agencies|
        published\s+from\s+a\s+syndicated\s+feed|auto-generated\s+from\s+a\s+syndicated|
        all\s+rights\s+reserved|©|copyright\s+\d{4}|
        cookies?\s+(?:policy|settings)|privacy\s+policy|terms\s+of\s+(?:use|service)|
        we\s+(?:welcome|moderate)\s+(?:your\s+)?comments|comments\s+are\s+(?:closed|moderated)|
        be\s+the\s+first\s+to\s+comment|join\s+the\s+conversation
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_MAX_FURNITURE_WORDS = 40


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _WHOLE_LINE.match(stripped):
        return True
    return len(stripped.split()) <= _MAX_FURNITURE_WORDS and bool(
        _FURNITURE_PHRASES.search(stripped)
    )


def strip_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """Return (clean text, removed lines). Furniture is removed only at the
    edges of the article and in runs of furniture lines: a lone matching line
    in the middle of prose is usually prose."""
    lines = text.split("\n")
    flags = [is_furniture(line) for line in lines]
    keep = [True] * len(lines)
    content = [i for i, line in enumerate(lines) if line.strip() and not flags[i]]
    first = content[0] if content else len(lines)
    last = content[-1] if content else -1
    for i, flagged in enumerate(flags):
        if not flagged:
            continue
        at_edge = i < first or i > last
        in_tail = i > last - 2  # the last prose line may precede a final notice
        if at_edge or _furniture_neighbour(flags, lines, i) or in_tail:
            keep[i] = False
    removed = tuple(lines[i].strip() for i in range(len(lines)) if not keep[i])
    kept = "\n".join(line for i, line in enumerate(lines) if keep[i])
    return re.sub(r"\n{3,}", "\n\n", kept).strip("\n"), removed


def _furniture_neighbour(flags: list[bool], lines: list[str], i: int) -> bool:
    """True when the nearest non-blank neighbour on either side is furniture too."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and flags[j]:
            return True
    return False
