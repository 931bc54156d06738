"""Merges of names that are spelled, shortened or qualified differently but name one
organisation, place or thing (people are handled in ``entities``).

All candidate pairs come from dict lookups on derived keys (spelling-and-plural key,
country, initials, name without its country), so the cost follows the number of
distinct names. Order matters: later rules look names up by the clusters the
earlier ones made.

1. spelling, company suffix and plural ("World Health Organisation" = "World Health
   Organization", "Lockheed Martin Corp." = "Lockheed Martin", "Centres for Disease
   Control" = "Center for Disease Control", "BBC News" = "the BBC news agency" = "BBC");
2. one country, many names ("US" = "U.S." = "United States of America" = "America");
3. short forms an article defines ("ATACMS (Army Tactical Missile System)");
4. a name qualified by its country ("U.S. Centers for Disease Control" = "Centers for
   Disease Control") when that country makes most of the name's qualifiers and the
   name is not a body every country has ("Supreme Court", "Health Ministry");
5. initials anywhere in the story ("WHO" = "World Health Organization") when one
   expansion clearly dominates; "CDC" also fits "Centers for Disease Control and
   Prevention" (a trailing "and ..." part may go without a letter).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from .forms import Form, Union
from .gazetteer import country_of, is_place, split_country_prefix
from .names import (
    fold,
    initials,
    is_acronym,
    kind_variant,
    singular,
    singular_key,
    strip_org_suffix,
    variant_key,
)
from .types import PLACE_LABELS, compatible, head_word

# An initialism joins its expansion only when that expansion has at least this share
# of the mentions of all the story's names with the same initials.
DOMINANT_SHARE = 0.9
# A name qualified by a country joins the bare name when that country has at least this
# share of the qualified mentions (stray qualifiers are often tagging debris).
QUALIFIER_SHARE = 0.8


# What follows an outlet's name without making it another outlet.
_MEDIA_TAILS = ("news", "news agency", "news service", "newspaper", "wire service")


# Heads of the institutions every country has: "the Supreme Court" of which country?
_GENERIC_BODIES = frozenset(
    """ministry court parliament government embassy consulate police army navy military
    senate congress cabinet assembly president presidency""".split()
)


def media_base(key: str) -> str | None:
    """``"associated press news agency"`` → ``"associated press"``; None without a tail."""
    for tail in _MEDIA_TAILS:
        if key.endswith(" " + tail) and len(key) > len(tail) + 1:
            return key[: -len(tail) - 1]
    return None


def _person_only(form: Form) -> bool:
    return form.label == "PERSON" and not form.votes.get("ORG")


def _own_variant(key: str) -> str:
    variant = variant_key(key)
    # "Americas" is not a plural of "America": a name whose singular is a known place,
    # and which is none itself, keeps its own ("Netherland" is still "Netherlands").
    return key if variant != key and is_place(variant) and not is_place(key) else variant


def _may_join(a: Form, b: Form) -> bool:
    """Two forms with one spelling-and-plural key: do they name the same thing?"""
    for long, short in ((a, b), (b, a)):
        if long.key != short.key and strip_org_suffix(long.key) == short.key:
            # "Lockheed Martin Corp." = "Lockheed Martin" whatever the tagger says of the
            # second, but "American Company" is not "American" (a people or a place), nor
            # "Georgia Power Co." Georgia; a "place" no gazetteer knows ("Halliburton
            # Co." beside a "Halliburton" the tagger calls a place) is the company.
            if short.label in PLACE_LABELS:
                return not is_place(short.key)
            return short.label != "NORP"
    if "PERSON" in (a.label, b.label):
        return False
    if "ORG" in (a.label, b.label) and _one_word_plural(a.key, b.key):
        return False  # "Times" is no plural of "Time", nor "Reuters" of "Reuter": a name
    return compatible(a.label, b.label)


def _one_word_plural(a: str, b: str) -> bool:
    """One of two one-word names is the other with a plural ending (``names.singular``)."""
    if " " in a or " " in b:
        return False
    short, long = sorted((a, b), key=len)
    return short != long and singular(long) == short


class VariantMerger:
    def __init__(self, forms: Mapping[str, Form], uf: Union) -> None:
        self.forms = forms
        self.uf = uf
        # spelling-and-plural key -> forms; the biggest non-person form speaks for it
        self.by_variant: dict[str, list[str]] = defaultdict(list)
        for key in sorted(forms, key=lambda k: (-forms[k].size, k)):
            if not _person_only(forms[key]):
                variant = _own_variant(key)
                kind = kind_variant(variant, forms[key].label)
                self.by_variant[kind].append(key)
                if kind != variant and forms[key].label == "ORG":
                    self.by_variant[variant].append(key)  # still "Exxon Mobil" too

    def lookup(self, key: str) -> str | None:
        """A form (any member of its cluster) with this name or one of its variants."""
        if key in self.forms:
            return key
        found = self.by_variant.get(_own_variant(key))
        return found[0] if found else None

    def run(self) -> None:
        self.spellings()
        self.countries()
        self.expansions()
        self.country_prefixes()
        self.initialisms()

    def spellings(self) -> None:
        forms = self.forms
        for key, form in forms.items():
            stripped = strip_org_suffix(key)
            if stripped != key and stripped in forms and _may_join(form, forms[stripped]):
                self.uf.union(key, stripped)
            base = media_base(key)
            if base is not None and base in forms:
                # "BBC News", "the AFP news agency": the news arm speaks for the organisation
                if forms[base].label == "ORG" and compatible(form.label, "ORG"):
                    self.uf.union(key, base)
        for keys in self.by_variant.values():
            # groups are tiny (one name's spellings); the cap keeps a freak case linear
            for i, a in enumerate(keys[:20]):
                for b in keys[i + 1 : 20]:
                    if _may_join(forms[a], forms[b]):
                        self.uf.union(a, b)

    def countries(self) -> None:
        anchor: dict[str, str] = {}
        for key in sorted(self.forms):
            country = country_of(key)
            if country is None or self.forms[key].label in ("PERSON", "NORP"):
                continue
            if country in anchor:
                self.uf.union(anchor[country], key)
            else:
                anchor[country] = key

    def expansions(self) -> None:
        forms = self.forms
        for key, form in forms.items():
            for expansion in form.expansions:
                long = fold(expansion)
                for candidate in (long, singular_key(long), long + "s"):
                    if candidate in forms and candidate != key:
                        self.uf.union(key, candidate)
                found = self.lookup(long)
                if found is not None and found != key:
                    self.uf.union(key, found)

    def country_prefixes(self) -> None:
        forms = self.forms
        # target -> the words qualifying it ("united states", "korea", "mexican") -> forms
        qualified: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for key, form in forms.items():
            words = key.split()
            if len(words) < 2 or not compatible(form.label, "ORG"):
                continue
            split = split_country_prefix(key)
            rest = words[1:]
            qualifier = words[0]
            if split is not None:
                qualifier, rest_key = split
                rest = rest_key.split()
                if rest[:1] == ["s"]:  # "Britain's Health Protection Agency"
                    rest = rest[1:]
            target = self._qualified_target(" ".join(rest))
            if target is not None and target != key:
                qualified[self.uf.find(target)][qualifier].append(key)
        for target, by_qualifier in qualified.items():
            counts = {q: sum(self.forms[k].size for k in keys) for q, keys in by_qualifier.items()}
            qualifier = min(counts, key=lambda q: (-counts[q], q))
            if counts[qualifier] < QUALIFIER_SHARE * sum(counts.values()):
                continue  # "UK Department of Health", "NYC Department of Health": whose?
            if country_of(qualifier) != qualifier:
                continue  # qualified by something other than a country
            for key in by_qualifier[qualifier]:
                self.uf.union(target, key)

    def _qualified_target(self, rest: str) -> str | None:
        if not rest:
            return None
        found = self.lookup(rest)
        if found is None:
            return None
        form = self.forms[found]
        if not compatible(form.label, "ORG"):
            return None
        # a bare word ("Senate", "Army") or a body every country has ("Supreme Court",
        # "Health Ministry", "Ministry of Defence") is too often another country's
        if " " not in rest and not is_acronym(form.surface):
            return None
        if head_word(rest) in _GENERIC_BODIES:
            return None
        return found

    def initialisms(self) -> None:
        forms = self.forms
        primary: dict[str, list[str]] = defaultdict(list)
        secondary: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, form in forms.items():
            words = form.surface.split()
            if len(words) < 2 or is_acronym(form.surface) or form.label == "PERSON":
                continue
            letters = initials(form.surface)
            if letters in words:
                continue  # "BBC 6 Music": an initialism and more, not its expansion
            primary[letters].append(key)
            lowered = [w.lower() for w in words]
            # "... and Prevention", "... and Human Services": a short last part
            cut = next((i for i in (-2, -3) if len(words) + i > 1 and lowered[i] == "and"), 0)
            if cut:
                head = " ".join(words[:cut])
                secondary[initials(head)].append((key, fold(head)))
        for key, form in forms.items():
            if not is_acronym(form.surface) or form.expansions:
                continue
            letters = "".join(c for c in form.surface if c.isalnum()).upper()
            self._join_initialism(key, letters, primary, secondary)

    def _join_initialism(
        self,
        key: str,
        letters: str,
        primary: Mapping[str, list[str]],
        secondary: Mapping[str, list[tuple[str, str]]],
    ) -> None:
        forms, uf = self.forms, self.uf
        label = forms[key].label
        own = uf.find(key)

        def fits(k: str) -> bool:
            other = forms[k].label
            return compatible(label, other) and (len(letters) >= 3 or label == other)

        family: dict[str, str] = {}  # candidate cluster -> its family (a primary cluster)
        size: Counter[str] = Counter()
        for k in primary.get(letters, ()):
            if fits(k):
                root = uf.find(k)
                family[root] = root
                size[root] += forms[k].size
        if len(letters) >= 3:
            for k, head in secondary.get(letters, ()):
                if not fits(k):
                    continue
                root = uf.find(k)
                found = self.lookup(head)
                head_root = uf.find(found) if found is not None else None
                group = head_root if head_root in family else family.get(root, root)
                family.setdefault(root, group)
                size[family[root]] += forms[k].size
        family.pop(own, None)
        size.pop(own, None)
        if not family:
            return
        (best, n), *_ = sorted(size.items(), key=lambda kv: (-kv[1], kv[0]))
        if n < DOMINANT_SHARE * sum(size.values()):
            return  # "ABC": two broadcasters in one story
        for root, group in family.items():
            if group == best:
                uf.union(key, root)
