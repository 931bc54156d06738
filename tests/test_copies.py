"""Copy detection: duplicates, syndicated copies, rewrites; direction; scale."""

from __future__ import annotations

import datetime as dt
import random
import time

from storyline.link import link
from storyline.link.copies import classify, find_copies
from storyline.models import Annotations, Article, Citation

_WORDS = (
    "harbor council river grain radar vessel mayor border winter budget tunnel bridge engineer "
    "province ferry storm signal market ledger courier pilot school clinic orchard railway canal "
    "festival museum archive senate governor treaty shipment cargo lighthouse fishermen tariff "
    "drought reservoir turbine village highway airport minister union strike contract auditor"
).split()
_GLUE = "the a of to and in on for with by at from that was is will said after before".split()


def paragraph(rng: random.Random, sentences: int) -> list[str]:
    out = []
    for _ in range(sentences):
        n = rng.randint(10, 18)
        words = [rng.choice(_WORDS) if i % 2 == 0 else rng.choice(_GLUE) for i in range(n)]
        out.append(" ".join(words).capitalize() + ".")
    return out


def article(aid: str, sentences: list[str], day: int, **kw: str | None) -> Article:
    return Article(id=aid, text=" ".join(sentences), published=dt.date(2024, 3, day), **kw)  # type: ignore[arg-type]


def test_classify_thresholds() -> None:
    assert classify(0.95, 0.97, 500, False) == ("duplicate", 0.95)
    assert classify(0.6, 0.7, 300, False)[0] == "syndicated"  # type: ignore[index]
    assert classify(0.3, 0.85, 300, False)[0] == "syndicated"  # type: ignore[index]
    assert classify(0.15, 0.35, 80, False)[0] == "rewrite"  # type: ignore[index]
    assert classify(0.03, 0.08, 30, False) is None
    assert classify(0.03, 0.08, 30, True) == ("rewrite", 0.08)
    assert classify(0.01, 0.02, 5, True) is None


def test_kinds_and_direction() -> None:
    rng = random.Random(7)
    base = paragraph(rng, 30)
    other = paragraph(rng, 30)
    articles = [
        article("b-original", base, 2),
        article("a-duplicate", base + ["Share your comments below."], 3),
        # Same story, lightly edited and cut: syndicated.
        article(
            "c-syndicated",
            [s.replace("harbor", "port") if i % 9 == 0 else s for i, s in enumerate(base[:26])],
            4,
        ),
        # Half of it, rewritten around new material: a rewrite.
        article("d-rewrite", paragraph(rng, 14) + base[5:17], 5),
        article("e-unrelated", other, 1),
    ]
    copies = {c.article: c for c in find_copies(articles)}
    assert set(copies) == {"a-duplicate", "c-syndicated", "d-rewrite"}
    assert (
        copies["a-duplicate"].kind == "duplicate" and copies["a-duplicate"].copy_of == "b-original"
    )
    assert (
        copies["c-syndicated"].kind == "syndicated"
        and copies["c-syndicated"].copy_of == "b-original"
    )
    assert copies["d-rewrite"].kind == "rewrite" and copies["d-rewrite"].copy_of == "b-original"


def test_earlier_article_is_the_original_and_ids_break_ties() -> None:
    rng = random.Random(11)
    text = paragraph(rng, 25)
    later = article("a", text, 9)
    earlier = article("z", text + ["Extra line at the end of it."], 2)
    (copy,) = find_copies([later, earlier])
    assert (copy.article, copy.copy_of) == ("a", "z")
    same_day = [
        article("q", text, 5),
        article("p", text + ["One more line to tell them apart."], 5),
    ]
    (copy,) = find_copies(same_day)
    assert (copy.article, copy.copy_of) == ("q", "p")


def test_duplicate_group_points_at_its_first_member() -> None:
    rng = random.Random(3)
    text = paragraph(rng, 25)
    group = [article(f"x{i}", text + [f"Footer number {i}."], i + 1) for i in range(4)]
    copies = find_copies(group)
    assert [(c.article, c.copy_of, c.kind) for c in copies] == [
        ("x1", "x0", "duplicate"),
        ("x2", "x0", "duplicate"),
        ("x3", "x0", "duplicate"),
    ]


def _loose_rewrite() -> tuple[Article, Article, list[str]]:
    """A Harbor Ledger article and a Norland Daily one that reuses three of its sentences."""
    rng = random.Random(5)
    source = paragraph(rng, 40)
    derived = paragraph(rng, 30) + source[3:6]
    a = article("src", source, 1, outlet="The Harbor Ledger")
    return a, article("der", derived, 2, outlet="Norland Daily"), derived


def test_loose_rewrite_needs_a_citation_of_the_other_outlet() -> None:
    a, b, derived = _loose_rewrite()
    assert find_copies([a, b]) == []
    cites = {"der": [Citation("The Harbor Ledger", "according to The Harbor Ledger", 0, 0, 10)]}
    (copy,) = find_copies([a, b], citations=cites)
    assert (copy.article, copy.copy_of, copy.kind) == ("der", "src", "rewrite")
    # The manifest origin naming the other outlet counts too.
    b2 = article("der", derived, 2, outlet="Norland Daily", origin="The Harbor Ledger (syndicated)")
    assert [c.kind for c in find_copies([a, b2])] == ["rewrite"]


def test_link_confirms_a_rewrite_with_the_articles_own_citations() -> None:
    a, b, _ = _loose_rewrite()
    cited = Citation("The Harbor Ledger", "the Ledger reported", 0, 0, 10)
    annotations = {"src": Annotations("src"), "der": Annotations("der", citations=(cited,))}
    _, copies = link([a, b], annotations)
    assert [(c.article, c.copy_of, c.kind) for c in copies] == [("der", "src", "rewrite")]


def test_deterministic_and_scales_without_all_pairs() -> None:
    rng = random.Random(1)
    articles = [article(f"n{i:05d}", paragraph(rng, 20), 1 + i % 28) for i in range(800)]
    base = articles[10]
    articles.append(
        Article(id="copy", text=base.text + " Read more.", published=dt.date(2024, 3, 30))
    )
    start = time.perf_counter()
    first = find_copies(articles)
    elapsed = time.perf_counter() - start
    assert [(c.article, c.copy_of, c.kind) for c in first] == [("copy", "n00010", "duplicate")]
    assert elapsed < 30
    assert find_copies(list(reversed(articles))) == first


_ADVERT = (
    "A faster cloud ledger for settlement and clearing A connected approach to audit , tax "
    "and filing Our next generation contract search engine for counsel and courts"
)


def test_an_advert_only_item_is_never_the_original_of_real_articles() -> None:
    rng = random.Random(21)
    ad = Article(id="ad", text=_ADVERT, published=dt.date(2024, 3, 1), outlet="Wire")
    stories = [
        Article(
            id=f"s{i}",
            text=" ".join(paragraph(rng, 8)) + "\n" + _ADVERT,
            published=dt.date(2024, 3, 2 + i),
            outlet="Wire",
        )
        for i in range(6)
    ]
    assert find_copies([ad, *stories]) == []


def test_shared_sidebar_does_not_make_short_stories_copies() -> None:
    rng = random.Random(22)
    sidebar = paragraph(random.Random(99), 3)  # about 40 words on every page
    pages = [
        article(f"p{i}", paragraph(rng, 4) + sidebar, 1 + i, outlet="Gazette") for i in range(5)
    ]
    assert find_copies(pages) == []
    # a real copy among them is still found
    pages.append(article("copy", pages[0].text.split(". ")[:-1] + ["Footer."], 9, outlet="Gazette"))
    assert [(c.article, c.copy_of) for c in find_copies(pages)] == [("copy", "p0")]


def test_a_short_teaser_is_not_the_original_of_the_full_story() -> None:
    rng = random.Random(23)
    body = paragraph(rng, 30)
    teaser = article("teaser", body[:2], 1)  # about 25 words, published first
    full = article("full", body, 2)
    assert find_copies([teaser, full]) == []
    # the teaser twice is still a duplicate
    again = article("teaser2", body[:2] + ["Now."], 3)
    assert [(c.article, c.copy_of, c.kind) for c in find_copies([teaser, again])] == [
        ("teaser2", "teaser", "duplicate")
    ]
