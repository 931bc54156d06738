"""Who holds a position, and whether a cue states one at all.

The positions view (``views.positions``) finds stance cues with patterns; this
module decides, from the words around a cue, what a pattern cannot:

* **the holder is the cue's subject.** The nearest named actor before the cue holds
  the position only when it could be the cue's subject: not the object of a
  preposition ("With NATO troops bogged down in Afghanistan, Western countries have
  ruled out sending ground troops" is not Afghanistan's position; "The highest-ranking
  US general in Iraq authorised ..." is the US general's), and not cut off from the
  cue by a clause of its own ("U.S. officials have said that a no-fly zone would not
  halt ...") or by more than a dozen words;
* **a passive permission is not the permitter's**: "BP was allowed to use ..." is no
  stance of BP's;
* **an "-ing" cue right after a noun is that noun's**: "a draft resolution calling for
  a no-fly zone" is no stance of the U.N. named before it;
* **a hypothetical states no stance**: a cue inside an "if", "unless" or "whether"
  clause ("will threaten sanctions if Assad's government does not halt ...", "would
  be surprised if BP did not suspend ...");
* **a plan is a stance only when it is the holder's**: "BP plans to", "BP's new plan
  to", "announced a plan to"; not a plan someone else suspends, delays, reconsiders,
  withdraws support for or orders ("forced Obama to suspend plans to expand offshore
  drilling", "withdrew his support for a plan to", "ordered BP to submit a plan to"),
  nor one said to be dropped ("plans to widen offshore drilling have been suspended");
* **a country is not whatever it qualifies**: "a U.S. appeals court refused to" is the
  court's, "U.S. officials refused to" the country's;
* **an earlier sentence's actor carries only to a subject that stands for it**: "it",
  "the government", "Later the company" (``carries_an_actor``), not "Auditors refused
  to ...", whose subject holds the position itself;
* **a run-on "sentence" is no evidence**: more than ``RUN_ON_WORDS`` words, or a page's
  highlights or byline in it ("NEW:", "By the CNN Wire Staff"), is page parts the
  splitter could not cut (a headline, highlights and captions run into a lead); a
  stance read there is kept with a low confidence, shown only with ``--all``.
"""

from __future__ import annotations

import re

from ..models import Annotations, EntityMention
from .entry import STAFF_BYLINE
from .speakers import GOVERNMENT_HEADS

ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON"})
# A name right after one of these is the preposition's object, not a subject.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|of|from|at|on|with|into|across|inside|near|against|by|over|for|to|toward|towards"
    r"|about|between|among|under|through|without|than)\s+(?:the\s+)?$",
    re.I,
)
# "officials of Ruritania", "the government of Syria": the name is who they speak for.
_SPEAKS_FOR_BEFORE = re.compile(
    r"\b(?:officials?|government|minister|ministry|president|leaders?|leadership|spokes\w+"
    r"|members|head|chief|forces|army|military|king|queen|people|citizens) of\s+(?:the\s+)?$",
    re.I,
)
# A clause between a name and the cue: the cue has a subject of its own.
_CLAUSE_IN_GAP = re.compile(
    r"\b(?:that|which|who|whom|whose|if|unless|whether|when|because|although|though|while"
    r"|after|before|where|but)\b|[;:—–]|--|\.\s",
    re.I,
)
HOLDER_GAP_WORDS = 12
# A cue's clause whose subject stands for an actor named before: a pronoun, a possessive
# pronoun, a definite description of an institution, or none.
_STANDS_FOR_AN_ACTOR = re.compile(
    r"^\s*(?i:(?:and|but|that|while|as|later|meanwhile|now|then|still|also|instead|eventually"
    r"|finally|ultimately|today|yesterday|\w+ly)\s+)?(?i:(?:it|he|she|they|we|its|his|her|their|our"
    r"|the\s+(?:company|government|administration|firm|group|ministry|country|alliance|bank"
    r"|council|state|agency|court|regime|organi[sz]ation|union|league|army|military|cabinet"
    r"|president|minister|prime minister|white house))\s+)?(?:[a-z]+\s+){0,4}$"
)
# What a pronoun subject can stand for: "it" is no person, "he" and "she" are one.
_PRONOUN_LABELS = {
    "it": frozenset({"ORG", "GPE"}),
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
}
_MAY_FOLLOW_COMMA = re.compile(
    r"(?:has|have|had|is|are|was|were|will|would|did|does|do|could|can|may|might|must|should"
    r"|also|still|now|then|however|again|once|already|not|never|ultimately|finally|later|soon"
    r"|\w+ly|in|on|at|for|of|to|by|with|after|over|since|until|its|his|her|their)$",
    re.I,
)
# What may stand before an "-ing" cue that is its subject's: a comma, an auxiliary.
_PARTICIPLE_OF_SUBJECT = re.compile(
    r"(?:,|\b(?:is|are|was|were|be|been|am|also|now|still|repeatedly))\s*$", re.I
)
# A passive "was authorized to", "were allowed to": the subject is who is permitted.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
# The cue's subject is a pronoun: "it has no plans to", "they also refused to".
_PRONOUN_SUBJECT = re.compile(
    r"\b(it|they|he|she|we)(?:\s+(?:has|have|had|is|are|was|were|would|will|does|did|do"
    r"|also|still|now|again|once|repeatedly|already|not|never|reportedly|has\s+also))*\s+$",
    re.I,
)
# The clause a cue is in opens with a condition or an open question.
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether)\b[^,;:.]*$", re.I)
# "X's (new) plan to", "its plans to", "announced a plan to", "has a plan to".
_PLAN_OWNED = re.compile(
    r"(?:(?:'s|’s|\b(?:its|his|her|their|our))(?:\s+[a-z][\w-]*){0,2}"
    r"|\b(?:announced|unveiled|adopted|approved|presented|outlined|proposed|laid out|set out"
    r"|drew up|drawn up|finalized|finalised)\s+(?:(?:a|an|the|its|his|her|their|our)\s+)?"
    r"(?:[a-z][\w-]*\s+)?"
    r"|\b(?:has|have|had)\s+(?:a|an)\s+(?:[a-z][\w-]*\s+)?)\s*$"
)
# "BP plans to", "the government plans to", "it also plans to", "they plan to": the verb.
_PLAN_VERB = re.compile(
    r"(?:\b(?!(?:The|A|An|This|That|These|Those|Any|Such|Another|No|Its|His|Her|Their|Our)\b)"
    r"[A-Z][\w.'’-]*|\b(?:he|she|it|they|we|also|still|now|reportedly|currently|only"
    r"|government|administration|company|ministry|army|military|alliance|council|union|group"
    r"|firm|bank|country|will|would|to))\s+$"
)
_NAMED_PLAN = re.compile(r"\b(?:[Tt]he|[Aa])\s+[A-Z][\w.'’-]*\s+$")
# "... plans to X have been suspended": the plan is off.
_PLAN_DROPPED = re.compile(
    r"^[^.;]*?\b(?:have|has|had|was|were|is|are)\s+(?:now\s+|since\s+)?(?:been\s+)?"
    r"(?:suspended|shelved|scrapped|dropped|abandoned|delayed|postponed|put on hold|withdrawn"
    r"|cancell?ed|halted|frozen|blocked)\b",
    re.I,
)
# A country before a head that is not its government ("a U.S. appeals court refused
# to", "U.S. companies plan to") is not the country's position; "U.S. officials" are.
_GOVERNMENT_HEADS = GOVERNMENT_HEADS | frozenset(
    "military forces troops army navy diplomat envoy ambassador president leader leaders"
    " minister ministers spokesman spokeswoman spokesperson department regulators agency"
    " general commander commanders defense defence foreign state security intelligence"
    " negotiators delegation cabinet".split()
)
# A time said between a country and its verb ("Britain last week called for").
_WHEN_WORDS = frozenset("last this earlier yesterday today tonight first".split())
_REPORTING = re.compile(
    r"(?:said|says|say|told|tells|insisted|insists|reiterated|repeated|stressed|warned|added"
    r"|announced|declared|confirmed|indicated|signal+ed|made|argued|maintained|made clear)$"
)
# (A possessive is the holder's own: "Ruritania's new plan to", "Syria's refusal to".)
_LEADING_WORD = re.compile(r"^\s*([a-z][\w-]*)")
RUN_ON_WORDS = 60
RUN_ON_CONFIDENCE = 0.3
# A page's highlights marker run into a sentence (its byline: ``entry.STAFF_BYLINE``).
_HIGHLIGHTS = re.compile(r"\bNEW:")
# The least confidence a position mention needs to be shown by default.
POSITION_CONFIDENCE = 0.5


def can_be_subject(
    text: str, offset: int, mention: EntityMention, cue_start: int, *, check_gap: bool = True
) -> bool:
    """Whether ``mention`` (ending before the cue at ``cue_start``, absolute offsets;
    ``text`` is the sentence starting at ``offset``) can be the cue's subject; with
    ``check_gap`` False (the cue's subject is a pronoun) only its own place counts."""
    before = text[: max(0, mention.start - offset)]
    if _PREPOSITION_BEFORE.search(before[-40:]) and not _SPEAKS_FOR_BEFORE.search(before[-40:]):
        return False
    if not check_gap:
        return True
    gap = text[max(0, mention.end - offset) : max(0, cue_start - offset)]
    if mention.label == "GPE" and (head := _LEADING_WORD.match(gap)):
        word = head.group(1).lower()
        if not (
            word in _GOVERNMENT_HEADS
            or word in _WHEN_WORDS
            or _MAY_FOLLOW_COMMA.match(word)
            or _REPORTING.match(word)
        ):
            return False
    if len(gap.split()) > HOLDER_GAP_WORDS or _CLAUSE_IN_GAP.search(gap):
        return False
    # After the gap's last comma, only an adverb, an auxiliary or a prepositional
    # phrase may stand before the cue ("..., for now at least, on its refusal");
    # anything else is the cue's own subject ("After BP ran tests, federal officials
    # approved ...", "..., Resolution 1970 does not permit ...").
    if "," in gap:
        tail = gap.rsplit(",", 1)[1].split()
        return not tail or bool(_MAY_FOLLOW_COMMA.match(tail[0]))
    return True


def holder_mention(
    ann: Annotations, index: int, text: str, offset: int, before: int
) -> tuple[tuple[int, EntityMention] | None, bool]:
    """The nearest named actor before ``before`` in sentence ``index`` that can be the
    cue's subject, as (mention index, mention), or None; and whether the sentence names
    any actor before the cue at all (when it does and none can be the subject, the cue
    has a subject of its own, which no earlier sentence's actor can stand for)."""
    candidates = [
        (i, m)
        for i, m in enumerate(ann.mentions)
        if m.sentence == index and m.label in ACTOR_LABELS and m.end <= before
    ]
    # "... but that it has no plans to": a pronoun subject stands for an actor named
    # before it, however far back in the sentence.
    pronoun = _PRONOUN_SUBJECT.search(text[: max(0, before - offset)])
    labels = (
        _PRONOUN_LABELS.get(pronoun.group(1).lower(), ACTOR_LABELS) if pronoun else ACTOR_LABELS
    )
    for i, m in sorted(candidates, key=lambda x: -x[1].start):
        if m.label in labels and can_be_subject(text, offset, m, before, check_gap=not pronoun):
            return (i, m), True
    return None, bool(candidates)


def carries_an_actor(text_before_cue: str) -> bool:
    """Whether the cue's subject can stand for an actor named in an earlier sentence: a
    pronoun or a definite description ("it", "we", "the company", "the government"),
    or no subject at all in the cue's clause; not a subject of its own ("Auditors
    urged Congress to ...")."""
    clause = re.split(r"[,;:.“”\"(—–]|\s--\s", text_before_cue)[-1]
    return bool(_STANDS_FOR_AN_ACTOR.match(clause))


def _first_word(cue: str) -> str:
    return cue.split(maxsplit=1)[0].lower() if cue.strip() else ""


def passive_permission(cue: str, text_before_cue: str) -> bool:
    """Whether a *for* cue is a passive ("BP was allowed to use ..."): its subject is
    who is permitted, not who permits. "is calling for" is progressive, no passive."""
    return not _first_word(cue).endswith("ing") and bool(
        _PASSIVE_BEFORE.search(text_before_cue[-20:])
    )


def participle_of_a_noun(cue: str, text_before_cue: str) -> bool:
    """Whether an "-ing" cue modifies the noun right before it ("a draft resolution
    calling for a no-fly zone": the draft calls, not whoever the sentence named before);
    after a comma ("..., calling for more time") or an auxiliary ("is calling for") it
    is the subject's."""
    if not _first_word(cue).endswith("ing"):
        return False
    return not _PARTICIPLE_OF_SUBJECT.search(text_before_cue[-30:])


def hypothetical(text_before_cue: str) -> bool:
    """A cue inside an "if", "unless" or "whether" clause states no stance."""
    return bool(_HYPOTHETICAL.search(text_before_cue[-120:]))


def plan_is_held(cue: str, text_before_cue: str, text_after_cue: str) -> bool:
    """For a "plan(s) to" cue: whether the plan is the holder's own and still on (see
    the module docstring; "Obama's plans to widen offshore drilling have been
    suspended" is no plan held); other cues are not plans and pass."""
    word = _first_word(cue)
    if word not in ("plan", "plans"):
        return True
    if _PLAN_DROPPED.search(text_after_cue[:120]):
        return False
    before = text_before_cue[-80:]
    if word == "plan" and _NAMED_PLAN.search(before):
        return False  # "the Chavez plan to send ...": a plan named after someone, a noun
    return bool(_PLAN_OWNED.search(before) or _PLAN_VERB.search(before))


def mention_confidence(sentence: str) -> float:
    """How sure the view is that a stance read in ``sentence`` is one: low for a run-on
    "sentence" of page parts (see the module docstring), long or marked by a page's
    highlights ("NEW:", "By the CNN Wire Staff")."""
    if (
        len(sentence.split()) > RUN_ON_WORDS
        or _HIGHLIGHTS.search(sentence)
        or STAFF_BYLINE.match(sentence.lstrip())
    ):
        return RUN_ON_CONFIDENCE
    return 1.0
