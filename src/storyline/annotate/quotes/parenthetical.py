"""Content of a report inserted into, or appended to, the clause it reports.

"The plan, he said, is dead" and "..., he said.": the host clause is the
content. When the parser hangs part of the reported sentence on the verb itself
(a common slip with long sentences), "..., police said." still takes the
sentence before the comma.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .cues import SPEECH_VERBS
from .indirect import TEMPORAL_MARKS, token_runs_to_chars
from .spans import Attribution, subtree_indices

PARENTHESIS_MARKS = (",", "\u2014", "--", "-", "(")
# What may follow a sentence-final "X said": time, place, manner ("police said
# Tuesday", "she said in an interview"), never a complement of its own.
TRAILING_DEPS = frozenset("prep npadvmod advmod punct agent".split())


def parenthetical_content(
    doc: Doc, att: Attribution, text: str | None = None
) -> list[tuple[int, int]]:
    """Content of "The plan, he said, is dead" and "..., he said.": the host clause.
    ``text`` is ``doc.text``, which spaCy rebuilds from all the tokens on every access."""
    verb = doc[att.head]
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or verb.head.i == verb.i:
        return []
    host = verb.head
    if host.pos_ not in ("VERB", "AUX") and host.dep_ != "ROOT":
        return []
    if att.source is None and verb.tag_ in ("VBN", "VBG"):
        return []  # "Asked about it, X said ...": the participle frames X's report
    left = min(t.i for t in verb.subtree if not t.is_punct)  # the comma may hang on the verb
    if left > 0 and doc[left - 1].text not in (",", "\u2014", "--", "-", "(") and verb.i > host.i:
        return []  # only insertions set off by punctuation: "The plan, he said, is dead"
    if any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in verb.children):
        return []  # "after the interview concluded, ..." is not a report of the host clause
    idx = subtree_indices(host) - subtree_indices(verb)
    # the parser may join paragraphs: the host clause stays in the verb's paragraph
    text = doc.text if text is None else text
    at = verb.idx
    p_start, p_end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    p_end = len(text) if p_end < 0 else p_end
    idx = {i for i in idx if p_start <= doc[i].idx < p_end}
    return token_runs_to_chars(doc, idx)


def final_parenthetical(doc: Doc, att: Attribution, sent: Span) -> list[tuple[int, int]]:
    """ "The girl was hurt by a bystander, police said.": everything before the comma.

    Only for verbs of saying with a source right after the comma (or the verb right
    after it: "..., said the mayor"), and nothing after the verb but adjuncts.
    """
    if att.source is None or att.lemma not in SPEECH_VERBS:
        return []
    verb = doc[att.head]
    s, e = att.source
    first = min(s, min(att.cue))
    if first <= sent.start + 2 or doc[first - 1].text not in PARENTHESIS_MARKS:
        return []
    last = max(e, max(att.cue) + 1)
    source = set(range(s, e))
    for tok in doc[last : sent.end]:
        if tok.i in source or tok.is_punct or tok.is_space:
            continue
        anc = tok
        while anc.head.i not in (verb.i, anc.i) and anc.i not in source:
            anc = anc.head
        if anc.head.i != verb.i or anc.dep_ not in TRAILING_DEPS:
            return []
    return token_runs_to_chars(doc, set(range(sent.start, first - 1)))
