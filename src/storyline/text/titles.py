"""Words of a person's title before a name ("Secretary of State", "Lt. Gen.", "Health
Minister"): the vocabulary annotate cleans mentions with, link tells people by, and the
views read a speaker's role with."""

from __future__ import annotations

# Words that make up a title in front of a name; one of TITLE_CORE must be present.
TITLE_CORE = frozenset(
    """president president-elect vice-president secretary secretary-general minister premier
    chancellor gen general lt col colonel maj capt captain sgt sergeant adm admiral cmdr
    commander brig sen sens senator senators rep reps representative gov governor mayor dr mr
    mrs ms sir dame lord judge justice king queen prince princess pope ambassador chairman
    chairwoman chair chairperson speaker spokesman spokeswoman spokesperson envoy adviser
    advisor director commissioner prosecutor sheikh ayatollah rev bishop archbishop cardinal
    emir sultan leader chief ceo undersecretary marshal whip""".split()
)
TITLE_MODIFIERS = frozenset(
    """foreign defense defence home interior finance treasury state prime vice deputy assistant
    national security press attorney commerce energy education labor labour transportation
    agriculture homeland economy economic trade health army navy air force joint chiefs staff
    majority minority senate house of the elect - first executive former acting then ranking
    committee operating financial medical officer""".split()
)
ALL_TITLE = TITLE_CORE | TITLE_MODIFIERS
# Forms of address: they say how to name a person, not which post the person holds.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mx", "rev", "fr"}
)

# Generational suffixes written after a surname ("James Cowan Jr.", "Martin Luther King,
# Jr.", "Henry Ford II"): the surname is the word before them.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_index(words: list[str]) -> int:
    """Index of the surname among a name's ``words``: the last one that is no
    generational suffix and no comma ("Cowan" of "James H. Cowan Jr.")."""
    i = len(words) - 1
    while i > 0 and (words[i].lower().strip(".,") in GENERATIONS or words[i] in (",", ".")):
        i -= 1
    return i
