"""One entity per real actor across all the articles of a story.

Work is done on distinct surface forms (folded keys), never on all pairs of
mentions, and candidate pairs come from blocking keys (folded name, singular,
company name without "Corp.", initials, one-deletion neighbourhoods of
surnames), so the cost grows with the number of distinct names.

Merges, in order:

1. same folded key (case, accents, "the", possessive, dots): one form;
2. organisation suffixes ("Lockheed Martin Corp." = "Lockheed Martin") and
   singular/plural of terms ("Army Tactical Missile Systems"), same kind of type;
3. short forms the articles define (``EntityMention.expansion``), one-word short
   names of a longer name in the same article ("the Post", "Halvard"), and initials
   ("UK" = "United Kingdom", three letters or more, or two with the same label);
4. people: surnames spelled differently (Zelenskyy / Zelensky / Zelenskiy /
   Zelenkyy) join when they are within a small edit distance, start alike, are
   five letters or longer, and no two full names with different first names
   carry them; full names join when surname and first name agree (initials and
   one-letter transliterations allowed); a bare surname joins the only full name
   in the story with that surname, or, when several people share it, the one
   whose title matches or who was named last (else most) in that article;
   otherwise it stays on its own.

"Biden" and "the Biden administration" never merge: the second is an
organisation whose last word is not a name.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..annotate.mentions import TITLE_CORE
from ..models import Entity, EntityMention, MentionRef
from .names import (
    bounded_edit_distance,
    fold,
    initials,
    is_acronym,
    singular_key,
    strip_org_suffix,
)

_CLASSES = {
    "PERSON": {"person"},
    "GPE": {"place"},
    "LOC": {"place"},
    "FAC": {"place", "thing"},
    "NORP": {"group"},
    "ORG": {"thing"},
    "TERM": {"thing"},
    "PRODUCT": {"thing"},
    "LAW": {"thing"},
    "EVENT": {"thing"},
    "WORK_OF_ART": {"thing"},
}
_TYPE_ORDER = (
    "PERSON",
    "ORG",
    "GPE",
    "TERM",
    "PRODUCT",
    "NORP",
    "LOC",
    "FAC",
    "LAW",
    "EVENT",
    "WORK_OF_ART",
)


def compatible(a: str, b: str) -> bool:
    """Whether two labels can name the same thing (ORG ~ TERM ~ PRODUCT, GPE ~ LOC ...)."""
    return a == b or bool(_CLASSES.get(a, {a}) & _CLASSES.get(b, {b}))


@dataclass
class _Form:
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    expansions: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    refs: list[MentionRef] = field(default_factory=list)

    @cached_property
    def label(self) -> str:  # read only once the votes are all in
        return _top(self.votes)

    @cached_property
    def surface(self) -> str:
        return self.surfaces.most_common(1)[0][0]


def _top(votes: Counter[str]) -> str:
    if not votes:
        return "TERM"
    best = max(votes.values())
    return next(t for t in (*_TYPE_ORDER, *sorted(votes)) if votes.get(t) == best)


class _Union:
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


def _person_key(key: str, label: str) -> str:
    words = key.split()
    if label == "PERSON":
        while len(words) > 1 and words[0] in TITLE_CORE:
            words.pop(0)
    return " ".join(words)


def _collect(mentions: Mapping[str, Sequence[EntityMention]]) -> dict[str, _Form]:
    forms: dict[str, _Form] = {}
    keys: dict[tuple[str, str], str] = {}
    for article in sorted(mentions):
        for index, m in enumerate(mentions[article]):
            key = keys.get((m.text, m.label))
            if key is None:
                key = keys[(m.text, m.label)] = _person_key(fold(m.text), m.label)
            if not key:
                continue
            form = forms.get(key)
            if form is None:
                form = forms[key] = _Form(key)
            form.surfaces[m.text] += 1
            form.votes[m.label] += 3 if m.expansion else 1
            if m.expansion:
                form.expansions[m.expansion] += 1
            if m.title:
                form.titles[fold(m.title)] += 1
            form.refs.append(MentionRef(article, index))
    for form in forms.values():
        if strip_org_suffix(form.key) != form.key and len(form.key.split()) > 1:
            form.votes["ORG"] += 3 * sum(form.surfaces.values())
    return forms


def _is_full_name(form: _Form) -> bool:
    words = form.surface.split()
    return (
        form.votes.get("PERSON", 0) > 0
        and form.label in ("PERSON", "GPE", "ORG", "NORP")
        and 2 <= len(words) <= 5
        and all(w[:1].isupper() for w in words)
        and form.key.split()[-1].isalpha()
        and strip_org_suffix(form.key) == form.key
    )


def _delete_keys(word: str) -> Iterable[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _similar_surnames(a: str, b: str) -> bool:
    if a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    limit = 1 if max(len(a), len(b)) < 8 else 2
    return bounded_edit_distance(a, b, limit) <= limit


_TRANSLIT = (("ks", "x"), ("kh", "h"), ("iy", "y"), ("yy", "y"), ("ph", "f"))


def _romanized(name: str) -> str:
    """Fold common romanization differences (Aleksandr / Alexander)."""
    for old, new in _TRANSLIT:
        name = name.replace(old, new)
    return name


def _first_names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    a, b = _romanized(a), _romanized(b)
    return min(len(a), len(b)) >= 6 and a[0] == b[0] and bounded_edit_distance(a, b, 1) <= 1


class _Resolver:
    def __init__(self, mentions: Mapping[str, Sequence[EntityMention]]) -> None:
        self.mentions = mentions
        self.forms = _collect(mentions)
        self.uf = _Union()

    def cluster_votes(self) -> dict[str, Counter[str]]:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for key, form in self.forms.items():
            votes[self.uf.find(key)].update(form.votes)
        return votes

    def merge_variants(self) -> None:
        """Company suffixes, plurals, defined short forms, initials."""
        forms = self.forms
        for key, form in forms.items():
            label = form.label
            if label == "PERSON" and form.votes.get("ORG", 0) == 0:
                continue
            stripped = strip_org_suffix(key)
            if stripped != key and stripped in forms:
                self.uf.union(key, stripped)
            one = singular_key(key)
            if one != key and one in forms and compatible(label, forms[one].label):
                if label not in ("PERSON",) and forms[one].label != "PERSON":
                    self.uf.union(key, one)
        for key, form in forms.items():
            for expansion in form.expansions:
                long = fold(expansion)
                for candidate in (long, singular_key(long), long + "s"):
                    if candidate in forms and candidate != key:
                        self.uf.union(key, candidate)
        by_initials: dict[str, set[str]] = defaultdict(set)
        for key, form in forms.items():
            words = form.surface.split()
            if len(words) >= 2 and not is_acronym(form.surface) and form.label != "PERSON":
                by_initials[initials(form.surface)].add(key)
        for key, form in forms.items():
            surface = form.surface
            if not is_acronym(surface) or form.expansions:
                continue
            letters = "".join(c for c in surface if c.isalnum()).upper()
            matches = {
                self.uf.find(k)
                for k in by_initials.get(letters, ())
                if compatible(form.label, forms[k].label)
                and (len(letters) >= 3 or form.label == forms[k].label)
            }
            if len(matches) == 1:
                self.uf.union(key, matches.pop())

    def merge_people(self) -> dict[MentionRef, str]:
        """Surname variants, full names, bare surnames. Returns per-mention overrides."""
        forms = self.forms
        votes = self.cluster_votes()
        full: list[str] = []
        bare: list[str] = []
        for key, form in forms.items():
            cluster_type = _top(votes[self.uf.find(key)])
            if cluster_type not in ("PERSON", "GPE", "ORG", "NORP") or form.expansions:
                continue
            if _is_full_name(form) and cluster_type == "PERSON":
                full.append(key)
            elif len(key.split()) == 1 and key.isalpha() and not is_acronym(form.surface):
                bare.append(key)
        # Surname variants, blocked by one-deletion keys.
        surnames = sorted({k.split()[-1] for k in full} | set(bare))
        firsts: dict[str, set[str]] = defaultdict(set)
        for k in full:
            firsts[k.split()[-1]].add(k.split()[0])
        sur = _Union()
        index: dict[str, list[str]] = defaultdict(list)
        for s in surnames:
            for d in set(_delete_keys(s)):
                index[d].append(s)
        for group in index.values():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if sur.find(a) == sur.find(b) or not _similar_surnames(a, b):
                        continue
                    fa, fb = firsts.get(a, set()), firsts.get(b, set())
                    if fa and fb and not any(_first_names_match(x, y) for x in fa for y in fb):
                        continue  # two different people: "Boris Johnson", "Mike Johnston"
                    sur.union(a, b)
        # Full names: same surname group and matching first names.
        by_surname: dict[str, list[str]] = defaultdict(list)
        for k in sorted(full):
            by_surname[sur.find(k.split()[-1])].append(k)
        for names in by_surname.values():
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    wa, wb = a.split(), b.split()
                    if not _first_names_match(wa[0], wb[0]):
                        continue
                    ma, mb = wa[1:-1], wb[1:-1]
                    if ma and mb and not _first_names_match(ma[0], mb[0]):
                        continue
                    self.uf.union(a, b)
        return self.assign_bare(bare, by_surname, sur)

    def assign_bare(
        self, bare: list[str], by_surname: Mapping[str, list[str]], sur: _Union
    ) -> dict[MentionRef, str]:
        forms = self.forms
        overrides: dict[MentionRef, str] = {}
        # Where each person cluster is named in full, per article, in order.
        named: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        for group, keys in by_surname.items():
            for k in keys:
                root = self.uf.find(k)
                for ref in forms[k].refs:
                    named[(ref.article, group)].append((ref.index, root))
        for positions in named.values():
            positions.sort()
        for key in bare:
            group = sur.find(key)
            keys = by_surname.get(group, [])
            if not keys:
                continue
            form = forms[key]
            people = sorted({self.uf.find(k) for k in keys})
            # Never tagged PERSON anywhere: only where its article names the person in full.
            is_person = form.votes.get("PERSON", 0) > 0
            if len(people) == 1 and is_person:
                self.uf.union(key, people[0])
                continue
            titled = self._by_title(form, people, keys) if is_person else None
            dominant = self._dominant(keys) if is_person else None
            for ref in form.refs:
                positions = named.get((ref.article, group), [])
                if not is_person and not positions:
                    continue
                choice = titled or self._in_article(positions, ref.index) or dominant
                if choice is not None:
                    overrides[ref] = choice
        return overrides

    def _dominant(self, keys: Sequence[str], share: float = 0.75) -> str | None:
        """The person named in full at least ``share`` of the time among namesakes."""
        counts: Counter[str] = Counter()
        for k in keys:
            counts[self.uf.find(k)] += len(self.forms[k].refs)
        (top, n), *_ = counts.most_common(1)
        return top if n >= share * sum(counts.values()) else None

    def _by_title(self, form: _Form, people: list[str], keys: Sequence[str]) -> str | None:
        if not form.titles or len(people) < 2:
            return None
        title = form.titles.most_common(1)[0][0]
        holders = {self.uf.find(k) for k in keys if title in self.forms[k].titles}
        return holders.pop() if len(holders) == 1 else None

    @staticmethod
    def _in_article(positions: list[tuple[int, str]], index: int) -> str | None:
        if not positions:
            return None
        before = bisect_right(positions, (index, "\uffff"))
        if before:
            return positions[before - 1][1]
        counts = Counter(root for _, root in positions)
        (top, n), *rest = counts.most_common()
        return top if not rest or rest[0][1] < n else None

    def assign_short_names(self, overrides: dict[MentionRef, str]) -> None:
        """A one-word organisation or term name ("The Post") is the only longer name in
        the same article that ends with that word ("The Washington Post"); a one-word
        organisation ("Halvard") the only organisation whose name starts with it
        ("Halvard Dynamics"). Only names in the same article count: across
        articles a short name is too often someone else's."""
        forms = self.forms
        votes = self.cluster_votes()
        # (article, word) -> clusters of longer names ending / starting with that word
        lasts: dict[tuple[str, str], set[str]] = defaultdict(set)
        firsts: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key, form in forms.items():
            words = key.split()
            root = self.uf.find(key)
            label = _top(votes[root])
            if len(words) < 2 or not compatible(label, "ORG"):
                continue
            for article in {ref.article for ref in form.refs}:
                lasts[(article, singular_key(words[-1]))].add(root)
                if label == "ORG":
                    firsts[(article, words[0])].add(root)
        sizes = Counter(self.uf.find(k) for k in forms)
        for key, form in forms.items():
            root = self.uf.find(key)
            label = _top(votes[root])
            if " " in key or is_acronym(form.surface) or not compatible(label, "ORG"):
                continue
            if sizes[root] > 1:
                continue  # already joined to a longer name
            for ref in form.refs:
                if ref in overrides:
                    continue
                owners = lasts.get((ref.article, singular_key(key)), set())
                if not owners and label == "ORG":
                    owners = firsts.get((ref.article, key), set())
                if len(owners) == 1:
                    overrides[ref] = next(iter(owners))

    def entities(self, overrides: Mapping[MentionRef, str]) -> list[Entity]:
        refs: dict[str, list[MentionRef]] = defaultdict(list)
        surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        form_counts: dict[str, Counter[str]] = defaultdict(Counter)
        votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        targets: dict[str, set[str]] = defaultdict(set)
        for key, form in self.forms.items():
            for expansion in form.expansions:
                targets[self.uf.find(key)].add(fold(expansion))
        moved = {ref.article for ref in overrides}
        for key, form in self.forms.items():
            root = self.uf.find(key)
            if not moved or not any(ref in overrides for ref in form.refs if ref.article in moved):
                # The common case: every mention of the form stays with its cluster.
                refs[root].extend(form.refs)
                surfaces[root].update(form.surfaces)
                form_counts[root][key] += len(form.refs)
                for label, n in form.votes.items():
                    votes[root][label] += n
                continue
            share = 1.0 / max(len(form.refs), 1)
            for ref in form.refs:
                target = self.uf.find(overrides.get(ref, root))
                refs[target].append(ref)
                surfaces[target][self.mentions[ref.article][ref.index].text] += 1
                form_counts[target][key] += 1
                for label, n in form.votes.items():
                    votes[target][label] += n * share
        out: list[Entity] = []
        for root, mention_refs in refs.items():
            names = surfaces[root]
            # Each form speaks through its commonest spelling ("U.S.", not a stray "Us").
            counts = form_counts[root]
            best = max(
                counts, key=lambda k: _informative(self.forms[k].surface, counts[k], targets[root])
            )
            name = self.forms[best].surface
            etype = _top(Counter({k: round(v, 6) for k, v in votes[root].items()}))
            out.append(
                Entity(
                    id="",
                    name=name,
                    type=etype,
                    aliases=tuple(sorted(names, key=lambda s: (-names[s], s))),
                    mentions=tuple(sorted(mention_refs, key=lambda r: (r.article, r.index))),
                )
            )
        out.sort(key=lambda e: (-len(e.mentions), e.name, [(m.article, m.index) for m in e.mentions[:1]]))
        return with_ids(out)


def with_ids(entities: Sequence[Entity]) -> list[Entity]:
    """Entities with their ids: a hash of type and canonical name, stable across runs.

    Two entities the resolver kept apart can still end up with the same name and
    type ("BP PLC" twice); the first (most mentioned) keeps the plain hash and each
    later one hashes its first mention in too, so ids stay unique.
    """
    out: list[Entity] = []
    seen: set[str] = set()
    for e in entities:
        key = f"{e.type}\x1f{fold(e.name)}"
        ident = "E" + hashlib.sha1(key.encode()).hexdigest()[:12]
        if ident in seen:
            first = e.mentions[0] if e.mentions else None
            where = f"{first.article}\x1f{first.index}" if first else str(len(out))
            ident = "E" + hashlib.sha1(f"{key}\x1f{where}".encode()).hexdigest()[:12]
        seen.add(ident)
        out.append(replace(e, id=ident))
    return out


def _informative(surface: str, count: int, targets: set[str]) -> tuple[int, int, int, int, str]:
    key = fold(surface)
    words = min(len(strip_org_suffix(key).split()), 4)
    return (int(key in targets), int(not is_acronym(surface)), words, count, surface)


def resolve_entities(mentions: Mapping[str, Sequence[EntityMention]]) -> list[Entity]:
    """Entities across articles; ``mentions`` maps article id → that article's mentions.

    Each ``MentionRef.index`` indexes the article's mention list. Entities come
    most-mentioned first; ``Entity.id`` is a hash of type and canonical name.
    """
    resolver = _Resolver(mentions)
    resolver.merge_variants()
    overrides = resolver.merge_people()
    resolver.assign_short_names(overrides)
    return resolver.entities(overrides)


def alias_index(entities: Iterable[Entity]) -> dict[str, str]:
    """Folded alias → entity id, for grouping facts by subject; the bigger entity wins ties."""
    index: dict[str, tuple[int, str]] = {}
    for entity in entities:
        for alias in (*entity.aliases, entity.name):
            key = fold(alias)
            size = len(entity.mentions)
            if key and (key not in index or index[key][0] < size):
                index[key] = (size, entity.id)
    return {k: v for k, (_, v) in index.items()}
