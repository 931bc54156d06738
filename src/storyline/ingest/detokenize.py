"""Text that a corpus tool has split into Penn Treebank tokens, written back as prose.

Research collections of news (T17 and the other news-tls corpora, many CoNLL-style
dumps) ship their articles tokenized: "18:00 UK time , Saturday", "it is n't",
"the World Health Organization -LRB- WHO -RRB-", "`` We are ready , '' he said".
Shown as is, every timeline line and quote reads like that, and the language model,
trained on prose, reads "-LRB- WHO" as part of a name. Such text is recognised by its
spacing (nearly every comma and full stop set off by spaces) and rewritten: bracket
tokens become brackets, `` and '' curly quotation marks, "#" before an amount the
pound sign it stands for, and the spaces the tokenizer put before punctuation and
inside contractions go. Prose is left alone.
"""

from __future__ import annotations

import re

# The tokens PTB writes for brackets; case-sensitive, as the tokenizer writes them.
_BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
_BRACKET_TOKEN_PATTERN = r"(?<!\S)-[LR][RSC]B-(?!\S)"
_BRACKET_TOKEN = re.compile(_BRACKET_TOKEN_PATTERN)
# A comma, semicolon or full stop ending a word: set off by a space when tokenized,
# glued to the word in prose. A glued full stop counts only after a lower-case word,
# since PTB leaves abbreviations whole ("U.S.", "Sept.", "a.m."); thousands
# separators have a digit after them.
_MARK_SPACED = re.compile(r"\w [,;.](?=\s|$)", re.MULTILINE)
_MARK_GLUED = re.compile(r"\w[,;](?=\s|$)|(?<![\w.])[a-z]{2,}\.(?=\s|$)", re.MULTILINE)
_MIN_SPACED_SHARE = 0.8
# A wire's ticker cut by the collection's sentence splitter at its full stop, a line
# each: "BP Plc -LRB- BP . \nL -RRB- failed to ..." (T17 does it 223 times). The ticker
# is one word ("BP.L") and the sentence goes on after the bracket.
_CUT_TICKER = re.compile(r"(?<=-LRB- )([A-Za-z0-9]{1,8}) \. ?\n[ \t]*([A-Z]{1,3})(?= -RRB-)")
# What only a tokenizer writes: bracket tokens, `` quotes, clitics split off a word.
_PTB_SIGN = re.compile(_BRACKET_TOKEN_PATTERN + r"|``|\w (?:n't|'s)(?![A-Za-z])")

# PTB writes the pound sign as "#": "raise # 500", "# 4.58 bn" (a hashtag has no digit
# after a space)
_POUND = re.compile(r"(?<!\S)#[ \t]+(?=\d)")
_OPEN_QUOTE = re.compile(r"``[ \t]*")
_CLOSE_QUOTE = re.compile(r"[ \t]*''")
# Spaces the tokenizer put before closing punctuation and clitics ("is n't", "Mexico 's",
# "parents '"); a clitic is followed by a space, punctuation or the line's end.
_SPACE_BEFORE = re.compile(
    r"[ \t]+(?=(?:[,.;:!?%)\]}\u201d]|\.\.\.|(?i:n't|'s|'re|'ve|'ll|'d|'m)(?![A-Za-z])|'(?=[\s,.;:!?]|$)))",
    re.MULTILINE,
)
# Spaces after opening brackets and quotation marks, and between a currency sign and
# its amount ("$ 5 million").
_SPACE_AFTER = re.compile(r"(?<=[(\[{\u201c])[ \t]+|(?<=[$\u00a3\u20ac])[ \t]+(?=\d)")


def is_tokenized(text: str) -> bool:
    """Whether ``text`` reads as PTB tokens: four in five of the commas, semicolons
    and full stops that end a word stand apart, or there is none and the text has a
    sign only a tokenizer writes (``_PTB_SIGN``)."""
    spaced = len(_MARK_SPACED.findall(text))
    total = spaced + len(_MARK_GLUED.findall(text))
    if not total:
        return _PTB_SIGN.search(text) is not None
    return spaced >= _MIN_SPACED_SHARE * total


def detokenize(text: str) -> str:
    """PTB-tokenized ``text`` as prose; lines and paragraphs stay where they were.
    Apply it only where :func:`is_tokenized` holds: in prose, a space before "'"
    or ":" can be meant."""
    text = _CUT_TICKER.sub(r"\1.\2", text)
    text = _BRACKET_TOKEN.sub(lambda m: _BRACKETS[m.group()], text)
    text = _POUND.sub("\u00a3", text)
    text = _OPEN_QUOTE.sub("\u201c", text)
    text = _CLOSE_QUOTE.sub("\u201d", text)
    text = _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


# The way back, for scoring against references a collection keeps tokenized: a
# sentence the product shows as prose is written as the collection's tokenizer wrote it
# (ROUGE counts "-LRB-" as the word "lrb", and "isn't" as "isn" where the reference has
# "is n't"). Only what changes ROUGE's alphanumeric tokens matters here.
_TREEBANK_BRACKETS = {value: f" {key} " for key, value in _BRACKETS.items()}
_BRACKET_CHAR = re.compile(r"[()\[\]{}]")
_NOT_CLITIC = re.compile(r"(?<=\w)(?=n['\u2019]t(?![A-Za-z]))", re.IGNORECASE)
_CANNOT = re.compile(r"\b(can)(not)\b", re.IGNORECASE)


def treebank(text: str) -> str:
    """Prose ``text`` in PTB's tokens as far as word characters go: brackets as
    "-LRB-" ..., "n't" split from its verb ("do n't", "ca n't"), "cannot" as "can
    not". Text already tokenized comes back with the same word characters."""
    text = _BRACKET_CHAR.sub(lambda m: _TREEBANK_BRACKETS[m.group()], text)
    text = _NOT_CLITIC.sub(" ", text)
    text = _CANNOT.sub(r"\1 \2", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
