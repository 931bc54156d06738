"""Distinct surface forms of the story's names, and the union-find that groups them.

Entity linking works on forms (one per folded key), never on all pairs of mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..annotate.definitions import TITLE_CORE
from ..models import EntityMention, MentionRef
from ..text.titles import surname_index
from .names import fold, strip_org_suffix
from .types import add_evidence, full_name_surnames, mention_label, mention_vote, top_type


@dataclass
class Form:
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    votes: dict[str, float] = field(default_factory=dict)
    expansions: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    refs: list[MentionRef] = field(default_factory=list)

    @cached_property
    def label(self) -> str:  # read only once the votes are all in
        return top_type(self.votes)

    @cached_property
    def surface(self) -> str:
        return self.surfaces.most_common(1)[0][0]

    @property
    def size(self) -> int:
        return len(self.refs)


class Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic: the smaller key is the root.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


# Words a heading in capitals runs into a name ("BEHIND HAYWARD", "AFTER OBAMA"): no
# one's given name. Not the stop words that are names too ("Will", "Bill", "May").
_NOT_GIVEN_NAMES = frozenset(
    """about above after against along amid among and around as at before behind below
    beside besides between beyond but by despite during for from if in inside into like
    near nor of off on onto or out outside over since than that the then these this those
    through to toward towards under unlike until upon versus via when where whether while
    with within without yet""".split()
)


# A compound adjective before a name ("Tousle-haired Hayward", "London-born Smith"): no
# given name either ("Ki-moon" and "Jong-un" end otherwise).
_COMPOUND_ADJECTIVE = re.compile(r"^[A-Za-z]+-[a-z]*(?:ed|born)\s+(?=\S)")


def person_key(name: str, label: str) -> str:
    """The folded key of ``name``; a person's less what is written before the name and is
    none of it: title words ("president"), a heading's function words ("behind"), a
    compound adjective ("tousle-haired")."""
    if label != "PERSON":
        return fold(name)
    words = fold(_COMPOUND_ADJECTIVE.sub("", name)).split()
    while len(words) > 1 and (words[0] in TITLE_CORE or words[0] in _NOT_GIVEN_NAMES):
        words.pop(0)
    # "James H. Cowan Jr." is James H. Cowan: his bare surname is "Cowan", not "Jr."
    return " ".join(words[: surname_index(words) + 1])


# Styles a monarch, a prince or a peer is named by with one name: "King Abdullah",
# "Prince William", "Queen Elizabeth", "Pope Benedict", and a peer's "Lord Goldsmith"
# (the title, not a surname another Goldsmith shares: Peter Goldsmith, not Harvey).
# Not "Sheikh": a cleric's "Sheikh Araji" is Hazem al-Araji by his surname.
ROYAL_STYLES = frozenset(
    "king queen prince princess emperor empress sultan emir pope lord lady baron baroness".split()
)


def royal_style(title: str | None) -> str | None:
    """The style a title ends in ("Saudi King" -> "king"), if any; "First Lady" is a
    post, not a style."""
    words = fold(title).split() if title else []
    if not words or words[-1] not in ROYAL_STYLES or words[-2:] == ["first", "lady"]:
        return None
    return words[-1]


def styled_name(name: str, keys: Iterable[str]) -> str:
    """A one-word ``name`` with the style one of its entity's ``keys`` gives it ("Lord
    Goldsmith", "King Abdullah"): the tagger's span left the style out."""
    if " " in name.strip():
        return name
    word = fold(name)
    for key in sorted(keys):
        words = key.split()
        if len(words) == 2 and words[0] in ROYAL_STYLES and words[1] == word:
            return f"{words[0].title()} {name}"
    return name


# A comma inside a person's name, unless before a generational suffix ("King, Jr."):
# the tagger ran a list, or a stamp, into one name.
_LISTED = re.compile(r",(?!\s*(?:Jr|Sr|I{2,3}|IV)\b\.?)")


def mention_key(m: EntityMention) -> str:
    """The key a mention's form goes by (``person_key``; none for a person's "name"
    holding a comma). A one-word name after a royal style keeps the style ("king
    abdullah"): "King Abdullah" is neither Murad Abdullah nor any Abdullah of a story,
    nor is "Prince William" William Hague by his given name."""
    if m.label == "PERSON" and _LISTED.search(m.text):
        return ""  # "George, Thomas", "Thu Mar 3, 2011": a list or a stamp, no one's name
    key = person_key(m.text, m.label)
    style = royal_style(m.title)
    if style and key and " " not in key and key != style:
        return f"{style} {key}"
    return key


def collect(
    mentions: Mapping[str, Sequence[EntityMention]], cited: Mapping[str, int] | None = None
) -> dict[str, Form]:
    """One form per folded key, with its spellings, label votes and evidence.

    ``cited`` counts the citations of each folded name ("according to Reuters")."""
    cited = cited or {}
    forms: dict[str, Form] = {}
    keys: dict[tuple[str, str, str | None], str] = {}
    titled: Counter[str] = Counter()
    for article in sorted(mentions):
        surnames = full_name_surnames(mentions[article])
        for index, m in enumerate(mentions[article]):
            key = keys.get((m.text, m.label, m.title))
            if key is None:
                key = keys[(m.text, m.label, m.title)] = mention_key(m)
            if not key:
                continue
            form = forms.get(key)
            if form is None:
                form = forms[key] = Form(key)
            form.surfaces[m.text] += 1
            label = mention_label(m.text, m.label, bool(m.title), key in surnames)
            form.votes[label] = form.votes.get(label, 0) + mention_vote(label, m.expansion)
            if m.expansion:
                form.expansions[m.expansion] += 1
            if m.title:
                form.titles[fold(m.title)] += 1
                titled[key] += 1
            form.refs.append(MentionRef(article, index))
    for form in forms.values():
        if strip_org_suffix(form.key) != form.key and len(form.key.split()) > 1:
            form.votes["ORG"] = form.votes.get("ORG", 0) + 3 * sum(form.surfaces.values())
        add_evidence(
            form.votes,
            form.key,
            form.surfaces,
            titled=titled[form.key],
            cited=cited.get(form.key, 0),
        )
    return forms


def cluster_votes(forms: Mapping[str, Form], uf: Union) -> dict[str, dict[str, float]]:
    """Label votes summed over each cluster of forms (keyed by root)."""
    votes: dict[str, dict[str, float]] = {}
    for key, form in forms.items():
        total = votes.setdefault(uf.find(key), {})
        for label, n in form.votes.items():
            total[label] = total.get(label, 0) + n
    return votes
