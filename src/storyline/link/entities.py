"""One entity per real actor across all the articles of a story.

Work is done on distinct surface forms (folded keys), never on all pairs of
mentions, and candidate pairs come from blocking keys (folded name, singular,
company name without "Corp.", initials, one-deletion neighbourhoods of
surnames), so the cost grows with the number of distinct names.

Merges, in order:

1. same folded key (case, accents, "the", possessive, dots): one form;
2. organisations, places and things (``variants``): spelling, suffix and plural
   variants, a country's names, defined short forms, a name qualified by its
   country, initials anywhere in the story;
3. people: surnames spelled differently (Zelenskyy / Zelensky / Zelenskiy /
   Zelenkyy) join when they are within a small edit distance, start alike, are
   five letters or longer, and no two full names with different first names
   carry them; full names join when surname and first name agree (initials,
   one-letter transliterations and common short forms allowed: "Ed" / "Edward");
   a bare surname joins the only full name in the story with that surname, or,
   when several people share it, the one whose title matches or who was named
   last (else most) in that article; otherwise it stays on its own; not the only
   full name when it is written with another post ("President Obama" beside "first
   lady Michelle Obama"). A people ("Haitian") or a known place ("Germany") is
   nobody's surname;
4. one-word short names of a longer name in the same article ("the Post",
   "Halvard", "the Gulf" of "the Gulf of Mexico", "the Fed" clipped from "the Federal
   Reserve"), never a word that starts several names ("World", "Health").

Types come from a vote over every mention's label plus the name's own evidence
(``types``).

"Biden" and "the Biden administration" never merge: the second is an
organisation whose last word is not a name.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ..models import Entity, EntityMention, MentionRef
from ..text.titles import HONORIFICS
from .forms import ROYAL_STYLES, Form, Union, cluster_votes, collect, styled_name
from .gazetteer import country_of, is_place, split_country_prefix
from .given_names import short_for
from .names import bounded_edit_distance, fold, is_acronym, singular_key, strip_org_suffix
from .types import PLACE_LABELS, as_company, compatible, top_type
from .variants import VariantMerger, media_base

__all__ = ["alias_index", "compatible", "resolve_entities", "with_ids"]


# A given name of two syllables joined by a hyphen, the second in lower case: "Ban
# Ki-moon", "Kim Jong-un", "Moon Jae-in". The family name is written first.
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def family_first(surface: str) -> bool:
    """A two-word name written family name first ("Ban Ki-moon")."""
    words = surface.split()
    return len(words) == 2 and _HYPHENED_GIVEN.fullmatch(words[-1]) is not None


def _surname_and_given(key: str, written_family_first: bool) -> tuple[str, str]:
    """The surname and the first given name of a full name's key."""
    words = key.split()
    return (words[0], words[-1]) if written_family_first else (words[-1], words[0])


def _is_full_name(form: Form) -> bool:
    """A person's name in full, or by style ("lord goldsmith", "king abdullah": the
    title was split off the surface, the key keeps it)."""
    words = form.surface.split()
    key = form.key.split()
    styled = len(words) == 1 and len(key) == 2 and key[0] in ROYAL_STYLES
    return (
        form.votes.get("PERSON", 0) > 0
        and form.label in ("PERSON", "GPE", "ORG", "NORP")
        and (2 <= len(words) <= 5 or styled)
        and all(w[:1].isupper() for w in words)
        and (key[-1].isalpha() or family_first(form.surface))
        and strip_org_suffix(form.key) == form.key
    )


def _is_known_place(form: Form) -> bool:
    return is_place(form.key) and form.label in PLACE_LABELS


def is_clipped(surface: str) -> bool:
    """A name that may be clipped from a longer one's first word: three or four
    letters, capitalised, not an initialism ("Fed", "Gov")."""
    return 3 <= len(surface) <= 4 and surface.isalpha() and surface.istitle()


def clips(short: str, word: str) -> bool:
    """Whether folded ``short`` is ``word`` clipped ("fed" of "federal"): its start,
    with at least three letters cut ("con" is not "cone")."""
    return word.startswith(short) and len(word) >= len(short) + 3


def _delete_keys(word: str) -> Iterable[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _similar_surnames(a: str, b: str) -> bool:
    if a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    limit = 1 if max(len(a), len(b)) < 8 else 2
    return bounded_edit_distance(a, b, limit) <= limit


_TRANSLIT = (
    ("abdel", "abdul"),  # Abdel / Abdul / Abdal Fattah: one "servant of"
    ("abdal", "abdul"),
    ("ks", "x"),
    ("kh", "h"),
    ("iy", "y"),
    ("yy", "y"),
    ("ph", "f"),
    ("ou", "u"),
)
_DOUBLED = re.compile(r"(\w)\1")


def _romanized(name: str) -> str:
    """Fold common romanization differences (Aleksandr / Alexander, Moussa / Musa,
    Mohammad / Mohamad)."""
    for old, new in _TRANSLIT:
        name = name.replace(old, new)
    return _DOUBLED.sub(r"\1", name)


def _first_names_match(a: str, b: str) -> bool:
    if a == b or short_for(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    a, b = _romanized(a), _romanized(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and a[0] == b[0] and bounded_edit_distance(a, b, 1) <= 1


def _ends_with(a: str, b: str) -> bool:
    """One full name is the other without its first given name(s): "Tayyip Erdogan" and
    "Recep Tayyip Erdogan", "Abdullah Saleh" and "Ali Abdullah Saleh"."""
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return 2 <= len(short) < len(long) and long[-len(short) :] == short


def title_heads(titles: Iterable[str]) -> set[str]:
    """The posts of folded titles, by their head word: "first lady" -> "lady", "us
    president" -> "president", "secretary of state" -> "secretary"; a form of address
    alone ("Mrs", "Lady" of a peeress) is no post."""
    heads = set()
    for title in titles:
        words = title.split(" of ")[0].split()
        if words and not (len(words) == 1 and words[0] in HONORIFICS):
            heads.add(words[-1])
    return heads


def commonest_post(titles: Mapping[str, int]) -> set[str]:
    """The post of a name's commonest title (empty without one, or for "Mrs" alone)."""
    return title_heads(t for t, _ in Counter(titles).most_common(1))


def _titles_clash(bare: Counter[str], full: Counter[str]) -> bool:
    """A bare surname whose commonest post none of the full name's titles is: "President
    Obama" beside "First Lady Michelle Obama" are two people. No clash where either has
    no post."""
    top = commonest_post(bare)
    held = title_heads(full)
    return bool(top) and bool(held) and not (top & held)


class _Resolver:
    def __init__(
        self,
        mentions: Mapping[str, Sequence[EntityMention]],
        cited: Mapping[str, int],
        defer_namesakes: bool = False,
    ) -> None:
        self.mentions = mentions
        self.defer_namesakes = defer_namesakes
        # Bare surnames given to a person: their mentions vote PERSON whatever the
        # tagger said ("Fukuda" tagged ORG twenty times is still Keiji Fukuda).
        self.surnames: set[str] = set()
        self.forms = collect(mentions, cited)
        self.uf = Union()

    def cluster_types(self) -> dict[str, str]:
        """Each cluster's type (keyed by root) as the votes stand now."""
        return {root: top_type(v) for root, v in cluster_votes(self.forms, self.uf).items()}

    def merge_variants(self) -> None:
        """Spellings, suffixes, plurals, countries, defined short forms, initials."""
        VariantMerger(self.forms, self.uf).run()

    def merge_people(self) -> dict[MentionRef, str]:
        """Surname variants, full names, bare surnames. Returns per-mention overrides."""
        forms = self.forms
        types = self.cluster_types()
        full: list[str] = []
        bare: list[str] = []
        members = Counter(self.uf.find(k) for k in forms)
        for key, form in forms.items():
            root = self.uf.find(key)
            cluster_type = types[root]
            if cluster_type not in ("PERSON", "GPE", "ORG") or form.expansions:
                continue  # a people ("Haitian", "German") is nobody's surname
            if _is_full_name(form) and cluster_type == "PERSON":
                full.append(key)
            elif (
                len(key.split()) == 1
                and key.isalpha()
                and (cluster_type == "PERSON" or not is_acronym(form.surface))
            ):
                if cluster_type != "PERSON" and (members[root] > 1 or _is_known_place(form)):
                    continue  # "Haiti", "Germany", "U.S."/"America": not "Yele Haiti", "Gorman"
                bare.append(key)
        parts = {k: _surname_and_given(k, family_first(forms[k].surface)) for k in full}
        # Surname variants, blocked by one-deletion keys.
        surnames = sorted({parts[k][0] for k in full} | set(bare))
        firsts: dict[str, set[str]] = defaultdict(set)
        for k in full:
            firsts[parts[k][0]].add(parts[k][1])
        sur = Union()
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
            by_surname[sur.find(parts[k][0])].append(k)
        for names in by_surname.values():
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    if _ends_with(a, b) and min(forms[a].size, forms[b].size) >= 2:
                        # "Tayyip Erdogan" of "Recep Tayyip Erdogan"; a name written once
                        # may be a tagger's list ("Michael, Katherine Jackson")
                        self.uf.union(a, b)
                        continue
                    if not _first_names_match(parts[a][1], parts[b][1]):
                        continue
                    ma, mb = a.split()[1:-1], b.split()[1:-1]
                    if ma and mb and not _first_names_match(ma[0], mb[0]):
                        continue
                    self.uf.union(a, b)
        given: dict[str, list[str]] = defaultdict(list)
        for k in full:
            if parts[k][1] not in ROYAL_STYLES:  # no bare "King" is King Abdullah
                given[parts[k][1]].append(k)
        return self.assign_bare(bare, by_surname, sur, given)

    def assign_bare(
        self,
        bare: list[str],
        by_surname: Mapping[str, list[str]],
        sur: Union,
        given: Mapping[str, list[str]],
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
                self._by_given_name(key, given.get(key, []))
                continue
            form = forms[key]
            people = sorted({self.uf.find(k) for k in keys})
            # Mostly tagged otherwise ("Jacmel", a town, once a person): only where its
            # article names the person in full.
            is_person = form.votes.get("PERSON", 0) * 3 >= sum(form.votes.values())
            if len(people) == 1 and is_person:
                full_titles = Counter[str]()
                for k in keys:
                    full_titles.update(forms[k].titles)
                if _titles_clash(form.titles, full_titles):
                    continue  # "President Obama" is not the "First Lady Michelle Obama" named here
                self.uf.union(key, people[0])
                self.surnames.add(key)
                continue
            titled = self._by_title(form, people, keys) if is_person else None
            # a styled name ("King Abdullah") takes a bare one only beside it
            plain = [k for k in keys if k.split()[0] not in ROYAL_STYLES]
            dominant = self._dominant(plain) if is_person and plain else None
            for ref in form.refs:
                positions = named.get((ref.article, group), [])
                if not is_person and not positions:
                    continue
                # Namesakes named in full here ("Barack Obama", "Michelle Obama"): the bare
                # name is the one the story mostly means, not whoever was named last
                several = len({root for _, root in positions}) > 1
                if several and titled is None and dominant is None and self.defer_namesakes:
                    continue
                nearest = self._in_article(positions, ref.index)
                choice = titled or (dominant if several else None) or nearest or dominant
                if choice is not None:
                    overrides[ref] = choice
                    self.surnames.add(key)
        return overrides

    def _by_given_name(self, key: str, full: Sequence[str]) -> None:
        """A one-word name that is nobody's surname but the first name of people named
        in full ("Saddam" of Saddam Hussein, "Charlie" of Charlie Simpson) is the one
        of them named in full at least three times in four; mostly a person's, not a
        place's ("Jordan")."""
        form = self.forms[key]
        if not full or form.votes.get("PERSON", 0) * 2 < sum(form.votes.values()):
            return
        person = self._dominant(full)
        if person is not None:
            self.uf.union(key, person)

    def _dominant(self, keys: Sequence[str], share: float = 0.75) -> str | None:
        """The person named in full at least ``share`` of the time among namesakes."""
        counts: Counter[str] = Counter()
        for k in keys:
            counts[self.uf.find(k)] += len(self.forms[k].refs)
        (top, n), *_ = counts.most_common(1)
        return top if n >= share * sum(counts.values()) else None

    def _by_title(self, form: Form, people: list[str], keys: Sequence[str]) -> str | None:
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
        ("Halvard Dynamics"), or, clipped ("Fed"), with a word it is the start of
        ("Federal Reserve"); a one-word place that is not a known one ("Gulf") the
        only "X of Y" place it heads ("Gulf of Mexico"). Only names in the same
        article count: across articles a short name is too often someone else's.

        A word that starts the names of several organisations in the story ("World"
        Bank, "World" Health Organization; "Health" Ministry) is a truncated mention,
        not a short name, and stays on its own."""
        forms = self.forms
        types = self.cluster_types()
        # (article, word) -> clusters of longer names ending / starting with that word
        lasts: dict[tuple[str, str], set[str]] = defaultdict(set)
        firsts: dict[tuple[str, str], set[str]] = defaultdict(set)
        starts: dict[str, set[str]] = defaultdict(set)  # word -> clusters, whole story
        org_firsts: dict[str, set[tuple[str, str]]] = defaultdict(set)  # article -> (word, root)
        heads: dict[tuple[str, str], set[str]] = defaultdict(set)  # "Gulf" of "Gulf of Mexico"
        first_seen: dict[tuple[str, str], int] = {}  # (article, cluster) -> first mention
        for key, form in forms.items():
            words = key.split()
            root = self.uf.find(key)
            label = types[root]
            for ref in form.refs:
                seen = first_seen.get((ref.article, root))
                if seen is None or ref.index < seen:
                    first_seen[(ref.article, root)] = ref.index
            if len(words) >= 3 and words[1] == "of" and label in PLACE_LABELS:
                for article in {ref.article for ref in form.refs}:
                    heads[(article, words[0])].add(root)
            if len(words) < 2 or not compatible(label, "ORG"):
                continue
            starts[words[0]].add(root)
            for article in {ref.article for ref in form.refs}:
                lasts[(article, singular_key(words[-1]))].add(root)
                if label == "ORG":
                    firsts[(article, words[0])].add(root)
                    org_firsts[article].add((words[0], root))
        sizes = Counter(self.uf.find(k) for k in forms)
        for key, form in forms.items():
            root = self.uf.find(key)
            label = types[root]
            if " " in key or is_acronym(form.surface) or sizes[root] > 1:
                continue  # more than one word, or already joined to a longer name
            if label in PLACE_LABELS and not is_place(key):
                for ref in form.refs:
                    owners = heads.get((ref.article, key), set())
                    if ref not in overrides and len(owners) == 1:
                        (owner,) = owners
                        if first_seen[(ref.article, owner)] < ref.index:  # named in full first
                            overrides[ref] = owner
                continue
            if not compatible(label, "ORG") or is_place(key):
                continue  # "Egypt" tagged a product is not "Daily News Egypt" shortened
            for ref in form.refs:
                if ref in overrides:
                    continue
                owners = lasts.get((ref.article, singular_key(key)), set())
                if owners and (ref.article, key) in firsts:
                    continue  # ends one name here and starts another: whose?
                if not owners and label == "ORG" and len(starts.get(key, ())) == 1:
                    owners = firsts.get((ref.article, key), set())
                clipped = is_clipped(form.surface) and (ref.article, key) not in firsts
                if not owners and label == "ORG" and clipped:
                    # clipped after the name it clips: "the Federal Reserve ... the Fed";
                    # not a word that opens a name of its own here ("Dow Jones ... the
                    # Dow", beside "Downey Savings")
                    owners = {
                        r
                        for w, r in org_firsts.get(ref.article, ())
                        if clips(key, w) and first_seen[(ref.article, r)] < ref.index
                    }
                if len(owners) == 1:
                    overrides[ref] = next(iter(owners))

    def _votes(self, key: str) -> Mapping[str, float]:
        form = self.forms[key]
        return {"PERSON": sum(form.votes.values())} if key in self.surnames else form.votes

    def entities(self, overrides: Mapping[MentionRef, str]) -> list[Entity]:
        refs: dict[str, list[MentionRef]] = defaultdict(list)
        surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        form_counts: dict[str, Counter[str]] = defaultdict(Counter)
        votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        targets: dict[str, set[str]] = defaultdict(set)
        for key, form in self.forms.items():
            for expansion in form.expansions:
                targets[self.uf.find(key)].add(fold(expansion))
            country = country_of(key)
            if country is not None:  # "United States", not "United States of America"
                targets[self.uf.find(key)].add(country)
        moved = {ref.article for ref in overrides}
        for key, form in self.forms.items():
            root = self.uf.find(key)
            if not moved or not any(ref in overrides for ref in form.refs if ref.article in moved):
                # The common case: every mention of the form stays with its cluster.
                refs[root].extend(form.refs)
                surfaces[root].update(form.surfaces)
                form_counts[root][key] += len(form.refs)
                for label, n in self._votes(key).items():
                    votes[root][label] += n
                continue
            share = 1.0 / max(len(form.refs), 1)
            for ref in form.refs:
                target = self.uf.find(overrides.get(ref, root))
                refs[target].append(ref)
                surfaces[target][self.mentions[ref.article][ref.index].text] += 1
                form_counts[target][key] += 1
                own = ref not in overrides
                for label, n in (form.votes if own else self._votes(key)).items():
                    votes[target][label] += n * share
        out: list[Entity] = []
        for root, mention_refs in refs.items():
            names = surfaces[root]
            # Each form speaks through its commonest spelling ("U.S.", not a stray "Us").
            counts = form_counts[root]
            etype = as_company(top_type({k: round(v, 6) for k, v in votes[root].items()}), counts)
            best = max(
                counts,
                key=lambda k: _informative(self.forms[k].surface, counts[k], targets[root], etype),
            )
            name = styled_name(self.forms[best].surface, counts)
            out.append(
                Entity(
                    id="",
                    name=name,
                    type=etype,
                    aliases=tuple(sorted(names, key=lambda s: (-names[s], s))),
                    mentions=tuple(sorted(mention_refs, key=lambda r: (r.article, r.index))),
                )
            )
        out.sort(
            key=lambda e: (-len(e.mentions), e.name, [(m.article, m.index) for m in e.mentions[:1]])
        )
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


def _defines(target: str, key: str) -> bool:
    """Whether a defined long form (``target``) names ``key``: itself, itself without
    its country ("US Centers for Disease Control (CDC)"), or either with the words the
    initials left out ("Centers for Disease Control and Prevention": the letters of
    "CDC" end at "Control")."""
    plain = split_country_prefix(target)
    for form in (target, plain[1] if plain is not None else None):
        if form is not None and (key == form or key.startswith(form + " ")):
            return True
    return False


def _informative(
    surface: str, count: int, targets: set[str], etype: str
) -> tuple[int, int, int, int, int, str]:
    """Sort key for the canonical name: a defined or official long form (``_defines``),
    then a name not qualified by its country ("U.S. Centers for ...") nor a news arm
    ("BBC News"), not an initialism, for a person, an organisation or a place that is no
    country or city with two words or more ("Margaret Chan", not "Chan"; "Gulf of
    Mexico", not "Gulf"; but "Shias", not a stray "Secular Shias"), then the commonest."""
    key = fold(surface)
    words = strip_org_suffix(key).split()
    plain = split_country_prefix(key) is None and media_base(key) is None
    defined = any(_defines(target, key) for target in targets)
    return (
        int(defined),
        int(plain),
        int(not is_acronym(surface)),
        min(len(words), 2) if etype in ("PERSON", "ORG", "LOC", "FAC") else 1,
        count,
        surface,
    )


def resolve_entities(
    mentions: Mapping[str, Sequence[EntityMention]],
    *,
    cited: Iterable[str] = (),
    defer_namesakes: bool = False,
) -> list[Entity]:
    """Entities across articles; ``mentions`` maps article id → that article's mentions.

    ``cited``: the names the articles cite as sources ("according to Reuters"), as
    written, once per citation; they are organisations. Each ``MentionRef.index`` indexes the article's
    mention list. Entities come most-mentioned first; ``Entity.id`` is a hash of
    type and canonical name. ``defer_namesakes``: a bare surname whose article names
    several people of that surname in full, none of them three times in four, stays
    apart (the incremental linker, fed one article, leaves it to the story's index).
    """
    resolver = _Resolver(mentions, Counter(fold(name) for name in cited), defer_namesakes)
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
