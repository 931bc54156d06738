"""The cues of a stance: which words say that an actor is for, against or undecided
about an action, and which words name an action (``views.positions`` reads them).

Each cue is (words one of which it contains, pattern, stance); a pattern's end is where
the proposition begins, or its ``object`` group holds a proposition written before the
cue. The plain words let a sentence skip every pattern none of whose words it holds.
"""

from __future__ import annotations

import re

FOR, AGAINST, UNDECIDED, UNCHANGED = "for", "against", "undecided", "unchanged"

_ACTION_WORDS = (
    "send", "provide", "transfer", "supply", "deliver", "give", "allow", "authori[sz]e", "permit",
    "ease", "lift", "fire", "strike", "use", "approve", "sell", "deploy", "impose", "ban", "close",
    "restrict", "follow", "declare", "recommend", "suspend", "cancel", "reopen", "halt", "stop",
    "join", "withdraw", "train", "fund", "grant", "extend", "expand", "relax", "loosen", "resume",
)  # fmt: skip
_VERB = "(?:" + "|".join(_ACTION_WORDS) + ")"
# An action word in any inflection: send, sends, sending, sent (irregulars listed).
# Policy instruments a proposition can name without a verb ("supports a no-fly zone",
# "opposed sanctions", "is considering a ceasefire").
_POLICY = (
    r"no-fly zones?|sanctions|(?:arms |oil |trade )?embargo(?:es)?|cease-?fires?|truce"
    r"|(?:military )?intervention|air ?strikes|peacekeepers|peacekeeping (?:force|mission)"
    r"|ground troops|bail-?outs?|stimulus|moratorium|quarantine|travel ban"
)
ACTIONS = re.compile(
    rf"\b(?:{_VERB}(?:s|es|d|ed|ing)?|sent|gave|given|struck|fired|easing|closing|using|giving|"
    rf"restrictions?|transfers?|deliver(?:y|ies)|sales?|supplies|shipments?|{_POLICY})\b",
    re.I,
)
# Words that may stand between a cue and the policy it names ("tougher sanctions").
_POLICY_BEFORE = r"(?:(?:the|any|a|an|new|further|more|tougher|international|military|western|foreign|fresh|u\.?n\.?|its|their)\s+){0,3}"
NEG_BEFORE = re.compile(
    r"\b(?:not|n't|never|no|den(?:y|ies|ied|ying)|unclear (?:if|whether)|whether|short of"
    r"|little sign)\b[\w\s,'-]{0,25}$",
    re.I,
)
NOT_POLICY = re.compile(r"^\s*(?:to )?(?:speak|comment|discuss|detail|talk|be (?:named|identified)|disclose|brief|answer|respond|reply|elaborate|give (?:a|an|any|further) (?:[\w-]+ )?(?:answer|comment|details?|figure|estimate|timeline|interview|damn))\b", re.I)  # fmt: skip

# (words one of which the cue contains, pattern, stance); a pattern's end is where the
# proposition begins. Order matters: words read by one cue are not read again by a later
# one. The plain words let most sentences skip the patterns (``in`` is fast; a regex
# scan of every sentence for every cue is what made this slow).
_CUE_TABLE: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("no plan", "no intention", "no desire", "no interest"),
        r"\bno (?:plans?|intention|desire|interest) (?:to|of|in)\b",
        AGAINST,
    ),  # fmt: skip
    (("refus",), r"\b(?:refus(?:ed|es|ing|e)|refusal) to\b", AGAINST),
    (
        ("n't ", "not ", "cannot "),
        r"\b(?:won't|wouldn't|will not|would not|does not|doesn't|cannot|can't) (?=" + _VERB + r")",
        AGAINST,
    ),  # fmt: skip
    (("declin",), r"\bdeclin(?:ed|es|ing) to\b(?! comment)", AGAINST),
    (
        ("reject", "ruled out", "rules out", "oppose"),
        r"\b(?:rejected|rejects|ruled out|rules out|opposes|opposed) (?=(?:the |any |a )?(?:idea|calls?|requests?|plans?|proposals?)? ?(?:of |to |for )?\w*"
        + _VERB
        + r")",
        AGAINST,
    ),  # fmt: skip
    (  # "opposed sanctions", "rejected a no-fly zone": a policy named without a verb
        ("reject", "ruled out", "rules out", "oppos", "resist", "voted against", "votes against"),
        r"\b(?:rejected|rejects|ruled out|rules out|opposes|opposed|opposing|resisted|resists"
        r"|voted against|votes against) (?=" + _POLICY_BEFORE + r"(?:" + _POLICY + r")\b)",
        AGAINST,
    ),  # fmt: skip
    (
        ("hesitant", "reluctant", "wary", "undecided"),
        r"\b(?:remains?|remained|is|are|was|were|has been|have been) (?:still )?(?:hesitant|reluctant|wary|undecided) (?:to|about|on)\b",
        UNDECIDED,
    ),  # fmt: skip
    (
        ("considering", "weighing", "mulling", "debating", "reviewing"),
        r"\b(?:is|are|was|were|has been|have been) (?:still )?(?:considering|weighing|mulling|debating|reviewing)\b",
        UNDECIDED,
    ),  # fmt: skip
    (
        ("decided",),
        r"\b(?:has|have|had)(?: not|n't) (?:yet )?decided (?:whether )?(?:to )?",
        UNDECIDED,
    ),
    (
        ("unclear",),
        r"\bunclear (?:if|whether) [^,.;]{0,60}?\b(?:has|have|had|will|would) (?:decided to|agreed to)?",
        UNDECIDED,
    ),  # fmt: skip
    (("willing",), r"\b(?:might|may|could) be willing to\b", UNDECIDED),
    # The proposition before the cue: "put the transfer of X under review", "the transfer
    # remains under review", "sending X to Y was still in play" (``object``; no "that").
    (
        ("under review",),
        r"\b(?:put|placed) (?P<object>(?:(?!\bthat\b)[^.;,\"“”]){2,80}?) (?:formally |now )?under review\b",
        UNDECIDED,
    ),  # fmt: skip
    (
        ("under review", "in play"),
        r"(?P<object>\b(?:(?!\bthat\b)[\w'’ -]){2,80}?) (?:is|was|are|were|remains?|remained|has been|had been) (?:formally |still |now )?(?:under review|[\"“]?still in play)\b",
        UNDECIDED,
    ),  # fmt: skip
    (
        ("finaliz", "finalis", "preparing", "drawing up", "working on"),
        r"\b(?:is|are|was|were) (?:finalizing|finalising|preparing|drawing up|working on) (?:a |its |the )?(?:plans?|proposals?|decision) to\b",
        FOR,
    ),  # fmt: skip
    (
        (
            "authoriz",
            "authoris",
            "approved",
            "allowed",
            "permitted",
            "cleared",
            "green-lit",
            "greenlit",
        ),
        r"(?<![-‐])\b(?:ultimately |finally |later |has |have |had |quietly |secretly )*(?:authori[sz]ed|approved|allowed|permitted|cleared|green-?lit)\b(?! by)(?= (?:[A-Z]|the |its |his |her |their |\w+ to\b))",
        FOR,
    ),  # fmt: skip
    (("green light",), r"\b(?:gave|given|give) (?:the |a )?green light (?:to|for)\b", FOR),
    (
        ("agree", "decide", "moved to", "moves to"),
        r"\b(?:agreed|decided|agrees|decides|moved|moves) to\b",
        FOR,
    ),
    (("plan",), r"\b(?<!no )plans? to\b", FOR),
    (  # a commitment refused: "pledged not to send troops"
        ("vow", "pledg", "promis"),
        r"\b(?:vowed|vows|pledged|pledges|promised|promises) (?:not|never) to\b",
        AGAINST,
    ),

    (  # "called for a no-fly zone", "backed sanctions", "urged NATO to impose ..." (not
        # "a U.N.-backed no-fly zone": an adjective, no one's stance)
        (
            "called for",
            "calls for",
            "calling for",
            "backed",
            "backs",
            "supports",
            "supported",
            "endorse",
            "favo",
            "pushed for",
            "pushes for",
            "pressed for",
            "presses for",
            "urge",
        ),
        r"(?<![-‐])(?<!the )(?<!these )(?<!growing )(?<!mounting )(?<!repeated )"
        r"\b(?:called for|calls for|calling for|backed|backs|supports|supported|endorsed|endorses"
        r"|favou?rs|favou?red|pushed for|pushes for|pressed for|presses for|urged|urges|urging)\b"
        r"(?= (?:"
        + _POLICY_BEFORE
        + r"(?:"
        + _POLICY
        + r")\b|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* to \w+))",
        FOR,
    ),  # fmt: skip
    (
        ("changed",),
        r"\b(?:policy|position|stance) on (?P<object>[^.;,\"”]{2,60}?) (?:has|had)(?: not|n't) changed\b",
        UNCHANGED,
    ),  # fmt: skip
    (
        ("change in",),
        r"\bno (?:substantive )?change in (?P<holder>[\w.' ]{0,20}?)\s?(?:policy|position|stance) on\b",
        UNCHANGED,
    ),  # fmt: skip
)
CUES: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = tuple(
    (words, re.compile(pattern, re.I), stance) for words, pattern, stance in _CUE_TABLE
)
CUE_WORDS: tuple[str, ...] = tuple(dict.fromkeys(w for words, _, _ in CUES for w in words))
CUES_OF_WORD: dict[str, tuple[int, ...]] = {
    w: tuple(i for i, (words, _, _) in enumerate(CUES) if w in words) for w in CUE_WORDS
}
