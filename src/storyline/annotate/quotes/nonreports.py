"""Cue words in sentences that report nothing.

"Do you support Dr. Carson?" asks, it does not report what "you" hold. (The
no-comment formula, "X did not respond to a request for comment", stays: it is
X's stance, and PolNeAR annotates it too.)
"""

from __future__ import annotations

from spacy.tokens import Token


def inverted_question(verb: Token) -> bool:
    """ "Do you support X?", "Did the mayor say ...?": an auxiliary before the subject,
    and the sentence ends with a question mark."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or not any(c.dep_ in ("aux", "auxpass") and c.i < subj[0].i for c in verb.children):
        return False
    # ``sent.text.rstrip().endswith("?")`` without building the text of the whole
    # sentence for every cue (quadratic in the length of a run-on "sentence")
    sent = verb.sent
    for i in range(sent.end - 1, sent.start - 1, -1):
        last = verb.doc[i].text.rstrip()
        if last:
            return last.endswith("?")
    return False
