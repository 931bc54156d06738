"""The attribution cue lexicon: which words introduce what someone said, thought or wants.

Written from the linguistics of reporting (Levin's verb classes of communication,
judgment, psychological state and desire; the evidential verbs of polls and
documents), not harvested from any annotated corpus. Each verb lists the frames
in which it reports an attribution:

* ``C`` a clause: "said (that) ...", a direct quote, a parenthetical "..., he said";
* ``I`` an infinitive: "wants to ...", "vowed to ...", "urged Congress to ...";
* ``N`` a noun-phrase object that is itself the content: "criticized the plan";
* ``P`` object plus predicate: "called him a liar", "described it as peaceful";
* prepositions whose object is the content: "warned of ...", "called for ...".

Verbs that only report when their content is a clause (``C`` and ``I``) are the
safe core; ``N`` verbs add stance ("supports", "opposes") the way news-attribution
corpora count it.
"""

from __future__ import annotations

from collections.abc import Mapping

# frame letters
CLAUSE = "C"
INF = "I"
NP = "N"
PRED = "P"


def _entries(frames: str, words: str) -> dict[str, str]:
    return {w: frames for w in words.split()}


# Verbs of saying and writing: the core. A bare noun object is not content for
# these ("said nothing", "wrote a book"), a clause or quote is.
_SPEECH = _entries(
    "CI",
    """
    say tell add note state announce declare explain claim argue insist assert
    contend maintain warn caution predict admit acknowledge concede confirm deny
    reveal disclose report write tweet post retweet email text reply respond answer
    retort counter ask inquire remark comment observe stress emphasize underscore
    reiterate repeat recall recount allege complain lament boast brag joke quip
    shout yell scream chant whisper exclaim mutter plead testify swear confess
    assure reassure remind inform notify brief concur agree disagree object protest
    caution acknowledge affirm reaffirm proclaim opine posit theorize speculate
    estimate forecast project guess hint imply indicate signal suggest clarify
    elaborate summarize conclude acknowledge mention point
    advise instruct order direct demand request urge recommend propose charge rule
    interject
    promise pledge vow threaten guarantee swear predict write
    """,
)

# Thought, belief, knowledge, feeling: "X believes ...", "X fears ...".
_COGNITION = _entries(
    "CI",
    """
    think believe know feel consider expect anticipate assume suppose suspect doubt
    fear worry hope wish understand realize realise recognize recognise remember
    forget learn discover conclude decide judge deem imagine envision
    trust bet presume reckon sense notice wonder question doubt intend
    """,
)

# Desire and intention with an infinitive: "wants to", "plans to", "refused to".
_INTENTION = _entries(
    "I",
    """
    want plan aim seek refuse decline hesitate vow pledge promise
    threaten offer agree prefer intend hope wish expect demand look like love hate
    """,
)

# Judgment and stance verbs whose object is the content: "criticized the plan",
# "endorsed Clinton", "welcomed the decision".
_STANCE = _entries(
    "N",
    """
    criticize criticise praise applaud hail welcome condemn denounce decry deride
    ridicule mock slam blast attack assail lambaste rebuke chide scold berate
    castigate excoriate blame accuse fault defend endorse support oppose back favor
    favour champion reject dismiss dispute challenge question rebut refute
    deny tout thank congratulate credit commend salute lament regret
    acknowledge announce propose recommend request demand predict promise pledge
    reveal disclose confirm cite mention discuss describe characterize portray
    describe recall repeat echo reiterate advocate urge highlight
    emphasize stress underscore criticize knock bash ridicule dismiss debunk
    express voice offer charge quote reference invoke compare liken share list
    promote embrace accept ignore like love hate encourage read rule
    release publish unveil outline detail articulate bemoan disavow rip
    cheer boo resist contemplate
    """,
)

# Object plus predicate: "called him a liar", "labeled it a hoax".
_PREDICATE = _entries(
    "P",
    """
    call dub label brand term describe characterize portray consider deem view see
    regard find declare name know hail paint cast quote identify interpret frame
    """,
)

# Evidential verbs whose subject is usually a document, poll or study.
_EVIDENCE = _entries("CN", "show find suggest indicate reveal demonstrate confirm estimate")

# Intransitive-with-preposition reporting: the preposition's object is the content.
PREP_CUES: Mapping[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "call": "for on",
        "warn": "of about against",
        "talk": "about of",
        "speak": "about of out against",
        "comment": "about on",
        "complain": "about of",
        "rail": "against",
        "push": "against for on",
        "press": "about for on",
        "argue": "for against about",
        "advocate": "for",
        "vote": "for against",
        "worry": "about",
        "care": "about",
        "ask": "about for",
        "apologize": "for",
        "apologise": "for",
        "lash": "out",
        "hit": "on out",
        "weigh": "in",
        "refer": "to",
        "point": "to",
        "allude": "to",
        "respond": "to",
        "reply": "to",
        "testify": "about on",
        "joke": "about",
        "brag": "about",
        "boast": "about of",
        "write": "about of on",
        "tweet": "about",
        "post": "about",
        "think": "about of",
        "know": "about for of",
        "hear": "about of",
        "learn": "about of",
        "agree": "on to with",
        "disagree": "with on",
        "object": "to",
        "campaign": "for against",
        "lobby": "for against",
        "insist": "on",
        "rule": "on against",
        "feel": "about",
        "admit": "to",
        "hint": "at",
        "report": "on",
        "say": "about of",
        "believe": "in",
        "look": "for forward to",  # "looked at" is mostly seeing, not judging
        "vouch": "for",
        "balk": "at",
        "spar": "with over",
        "side": "with against",
        "distance": "from",
        "acquiesce": "to",
        "focus": "on",
        "dwell": "on",
        "criticize": "for",
        "blame": "for",
        "accuse": "of",
        "praise": "for",
        "thank": "for",
        "credit": "for",
        "fault": "for",
        "hope": "for",
        "wish": "for",
        "plead": "for",
        "beg": "for",
        "cry": "out",
        "speculate": "about on",
        "wonder": "about",
        "reflect": "on",
        "elaborate": "on",
        "remark": "on upon",
        "touch": "on",
    }.items()
}

# "express concern", "voice support": light verbs with an attitude noun object.
LIGHT_VERBS = frozenset("express voice signal register raise share offer make".split())
ATTITUDE_NOUNS = frozenset(
    """
    concern concerns support opposition doubt doubts fear fears hope hopes frustration
    anger outrage disappointment skepticism scepticism optimism confidence regret
    sympathy gratitude dismay alarm objection objections reservations case argument
    point claim promise pledge vow commitment call demand request plea appeal
    criticism praise
    """.split()
)

# Nouns that report speech or thought when they take a "that"-clause or an
# infinitive and have a possessor or "by" source: "Biden's remarks that ...";
# volition nouns with an infinitive too: "his decision to ...", "their refusal to ...".
NOUN_CUES = frozenset(
    """
    statement remark remarks comment comments claim claims assertion argument view
    belief criticism warning promise pledge vow suggestion proposal call demand
    request plea charge accusation allegation denial admission announcement
    testimony insistence concern fear hope opinion position stance
    intention desire wish prediction assessment conclusion contention declaration
    assurance threat acknowledgment acknowledgement confession insinuation
    decision refusal willingness reluctance readiness determination resolve eagerness
    """.split()
)

# Nouns for documents and studies: their verbs ("the poll shows") attribute.
DOCUMENT_NOUNS = frozenset(
    """
    poll polls survey surveys study studies report reports analysis review data
    research findings memo letter document documents filing filings email emails
    statement record records audit investigation probe estimate estimates model
    forecast projection assessment paper article story transcript tally count
    """.split()
)


def _merge(*tables: Mapping[str, str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for table in tables:
        for lemma, frames in table.items():
            out.setdefault(lemma, set()).update(frames)
    return {k: frozenset(v) for k, v in out.items()}


# Verbs whose bare object is rarely what was said or thought ("added 10 points",
# "maintained the roads", "heard a noise", "pushed the door", "felt the pain",
# "assumed office"): for them only a clause, an infinitive or a preposition is
# content. Every other cue verb also takes a noun-phrase content ("wants a
# wall", "asked a question", "knows the risks", "cited the report"). The object
# of "tell", "inform", "remind" is whoever was told.
NO_OBJECT_VERBS = frozenset(
    """
    add maintain reflect advise hear hit speak push press vote direct lobby campaign
    weigh discover sense notice touch assume threaten decide learn think protest
    counter guarantee boast imply forget project feel state continue begin
    tell inform notify assure reassure remind brief
    """.split()
)

VERB_CUES: Mapping[str, frozenset[str]] = {
    lemma: frames if lemma in NO_OBJECT_VERBS else frames | {NP}
    for lemma, frames in _merge(
        _SPEECH, _COGNITION, _INTENTION, _STANCE, _PREDICATE, _EVIDENCE
    ).items()
}

# Verbs of saying proper: these take a direct quote as their content and can
# stand parenthetically ("..., he said, ...").
# Manner-of-speaking verbs that report speech only next to a direct quote
# ("\"Only one,\" she quipped", "Fallon fired back: \"...\""); alone they are
# not reports ("the crowd laughed").
QUOTE_ONLY_VERBS = frozenset(
    """
    echo fire crack interject quip laugh shrug sigh smile snap shoot chime continue
    counter gush marvel muse scoff sneer tease thunder vent begin chuckle cry holler
    groan joke recall retort shout yell scream whisper mutter exclaim
    """.split()
)
SPEECH_VERBS = frozenset(_SPEECH) | QUOTE_ONLY_VERBS

# Raising verbs: "X seems to Y", "X is expected to Y" report the writer's or an
# unnamed view of X; the content is X plus its complement, there is no source.
RAISING_VERBS = frozenset("seem appear".split())
PASSIVE_RAISING = frozenset("expect believe think say report know rumor rumour understand".split())

# Light verb + noun: "made clear that", "took aim at", "raised concerns about",
# "had harsh words for": the verb and its noun are the cue, the preposition's
# object (or the clause) is the content.
LIGHT_CUES: Mapping[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "make": """clear case point argument pitch plea promise pledge claim commitment
            secret apologies apology comments comment remarks statement appeal accusation
            accusations allegation allegations prediction reference mention call demand
            threat threats joke jokes push bid assertion observation suggestion""",
        "take": """aim issue credit swipe swipes shot shots jab jabs exception stand position
            stance offense offence interest look note pride umbrage responsibility side
            sides slam slams""",
        "have": """word words praise criticism message advice vision expectations view views
            idea ideas concerns concern doubts confidence faith feelings opinion opinions
            questions hopes respect problem problems sympathy reservations reaction
            response qualms misgivings thoughts""",
        "give": "credit advice support endorsement warning assurance assurances nod approval blessing",
        "raise": """concern concerns question questions doubt doubts alarm alarms objection
            objections issue possibility prospect specter spectre""",
        "cast": "doubt aspersions",
        "draw": "attention criticism comparison comparisons contrast distinction line ire",
        "pay": "tribute homage",
        "lay": "out blame",
        "offer": """praise support condolences thoughts prayers apology defense defence
            explanation assessment criticism reassurance assurances""",
        "issue": "statement warning call challenge apology denial threat plea",
        "show": "support interest willingness",
        "put": "emphasis pressure",
        "lend": "support voice",
        "send": "message signal",
        "level": "charges charge accusation accusations criticism",
        "launch": "attack attacks broadside campaign",
        "hold": "view views belief beliefs opinion grudge",
        "pose": "question questions",
        "sound": "note alarm warning off",
        "deliver": "critique defense defence rebuke message warning attack tribute retort",
        "share": "view views concern concerns thoughts",
        "express": "concern concerns support opposition doubt doubts frustration regret",
        "voice": "concern concerns support opposition doubt doubts frustration",
    }.items()
}

# Adjectives of attitude that report a state of mind with a clause or preposition:
# "X is confident that ...", "X was critical of ...".
_ADJECTIVES: dict[str, str] = {
    "aware": "of",
    "confident": "in of about",
    "convinced": "of",
    "sure": "of about",
    "certain": "of about",
    "concerned": "about over with",
    "worried": "about over",
    "afraid": "of",
    "happy": "with about",
    "glad": "",
    "proud": "of",
    "optimistic": "about",
    "hopeful": "about",
    "skeptical": "of about",
    "sceptical": "of about",
    "critical": "of",
    "supportive": "of",
    "opposed": "to",
    "eager": "",
    "determined": "",
    "willing": "",
    "reluctant": "",
    "satisfied": "with",
    "angry": "at about over with",
    "upset": "about over with",
    "furious": "at about over with",
    "frustrated": "with by over",
    "disappointed": "in with by",
    "unhappy": "with about",
    "pleased": "with by",
    "wary": "of",
    "doubtful": "of about",
    "adamant": "about",
    "keen": "on",
    "fond": "of",
    "mindful": "of",
    "enthusiastic": "about",
    "excited": "about",
    "nervous": "about",
    "fearful": "of",
    "dismissive": "of",
    "appreciative": "of",
    "grateful": "for",
    "thankful": "for",
    "ashamed": "of",
    "embarrassed": "by about",
    "outraged": "by over",
    "troubled": "by",
    "inclined": "",
    "prepared": "",
    "ready": "",
    "unwilling": "",
    "hesitant": "",
    "open": "to",
}
_ADJECTIVES.update(
    {
        "surprised": "by at",
        "dismayed": "by at",
        "bent": "on",
        "unapologetic": "about",
        "upbeat": "about",
        "right": "about",
        "wrong": "about",
        "unsure": "of about",
        "uncertain": "of about",
        "insistent": "on",
        "vocal": "about in",
        "silent": "on about",
        "quiet": "about on",
        "candid": "about",
        "frank": "about",
        "blunt": "about",
        "outspoken": "about on in",
        "careful": "",
        "quick": "",
        "anxious": "about",
        "desperate": "for",
        "intent": "on",
        "committed": "to",
        "loath": "",
        "averse": "to",
        "resistant": "to",
        "receptive": "to",
        "sympathetic": "to toward towards",
        "hostile": "to toward towards",
        "favorable": "to toward towards",
        "positive": "about",
        "negative": "about",
        "bullish": "on about",
        "bearish": "on about",
        "pessimistic": "about",
        "lukewarm": "on about toward",
        "cool": "to toward towards",
        "warm": "to toward towards",
        "unimpressed": "by with",
        "impressed": "by with",
        "disgusted": "by with",
        "appalled": "by",
        "horrified": "by",
        "shocked": "by",
        "stunned": "by",
        "alarmed": "by",
        "puzzled": "by",
        "confused": "by about",
        "curious": "about",
        "interested": "in",
        "uninterested": "in",
        "obsessed": "with",
        "fixated": "on",
        "focused": "on",
        "preoccupied": "with",
        "consumed": "with",
        "dissatisfied": "with",
        "comfortable": "with",
        "uncomfortable": "with",
        "suspicious": "of",
        "distrustful": "of",
        "scared": "of",
        "terrified": "of",
    }
)
ADJECTIVE_CUES: Mapping[str, frozenset[str]] = {
    k: frozenset(v.split()) for k, v in _ADJECTIVES.items()
}


# Verbs that take an addressee as object beside a clause: "told reporters that ...".
ADDRESSEE_VERBS = frozenset(
    """
    tell inform notify assure reassure remind warn caution advise brief convince
    persuade promise ask email text write
    """.split()
)

# Phrasal cues whose object is the source: "according to X", "per X".
SOURCE_PREPOSITIONS = frozenset({"according to", "per", "citing"})


QUOTE = "Q"  # frame: content only from an adjacent direct quote


def verb_frames(lemma: str) -> frozenset[str]:
    """The frames in which ``lemma`` reports an attribution (empty: not a cue)."""
    frames = VERB_CUES.get(lemma.lower())
    if frames is not None:
        return frames
    return frozenset({QUOTE}) if lemma.lower() in QUOTE_ONLY_VERBS else frozenset()


# "X is a vocal critic of Y", "a longtime supporter of Y": the noun after the copula.
ROLE_NOUNS = frozenset(
    """
    supporter supporters critic critics advocate advocates fan fans champion champions
    opponent opponents proponent proponents backer backers defender defenders foe foes
    skeptic skeptics believer believers admirer admirers ally allies detractor detractors
    """.split()
)


# Verbs of receiving a reaction: "faced criticism from X", "won the endorsement of X",
# "drew praise": the subject is the target, the "from"/"by" object (if any) the source.
RECEIVE_VERBS = frozenset(
    """
    face endure field draw receive win earn get attract garner weather invite suffer
    gain secure land snag court collect rack have
    """.split()
)
RECEIVED_NOUNS = frozenset(
    """
    criticism criticisms question questions scrutiny support endorsement endorsements
    backing praise applause condemnation accusation accusations allegation allegations
    charge charges complaint complaints call calls pressure attack attacks fire blame
    rebuke rebukes ridicule backlash opposition approval blessing vote votes doubts
    request requests demand demands plaudits accolades kudos flak boos cheers ovation
    """.split()
)
# Nouns whose "of" object is who gives them: "the support of unions", "the endorsement of X".
GIVER_OF_NOUNS = frozenset(
    "support endorsement endorsements backing approval blessing vote votes praise".split()
)
