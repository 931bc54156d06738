"""Outlet furniture: text repeated on many pages of one outlet around different stories."""

from __future__ import annotations

import random
from dataclasses import replace

from storyline.ingest.detokenize import detokenize
from storyline.ingest.document import article_id
from storyline.ingest.furniture import furniture_spans, strip_furniture
from storyline.models import Article

_WORDS = (
    "harbor council river grain radar vessel mayor border winter budget tunnel bridge engineer "
    "province ferry storm signal market ledger courier pilot school clinic orchard railway canal "
    "festival museum archive senate governor treaty shipment cargo lighthouse fishermen tariff"
).split()
_GLUE = "the a of to and in on for with by at from that was is will said after before".split()

ADVERT = (
    "A faster cloud ledger for settlement and clearing A connected approach to audit , "
    "tax and filing Our next generation contract search engine"
)
BACKGROUND = (
    "The barrier was first proposed after the floods of 2019 , which left the lower town "
    "under water for a week ."
)


def story(seed: int, sentences: int = 12) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        n = rng.randint(10, 16)
        words = [rng.choice(_WORDS) if i % 2 == 0 else rng.choice(_GLUE) for i in range(n)]
        out.append(" ".join(words).capitalize() + " .")
    return out


def page(lines: list[str], outlet: str | None = "Wire") -> Article:
    text = "\n".join(lines)
    return Article(id=article_id(text), text=text, outlet=outlet, path=f"item-{article_id(text)}")


def test_an_advert_under_different_stories_moves_to_boilerplate() -> None:
    pages = [page([*story(i), f"-LRB- Reporting by Kim Lee {i} -RRB- {ADVERT}"]) for i in range(5)]
    pages.append(page([*story(9), ADVERT]))  # on its own line too
    kept, errors = strip_furniture(pages)
    assert errors == []
    for before, after in zip(pages, kept, strict=True):
        assert after.id == before.id  # ids are not recomputed: same id in any batch
        assert "ledger for settlement" not in after.text
        assert after.boilerplate[-1].endswith("contract search engine")
    # the credit line before the advert stays, closing bracket included
    assert kept[0].text.endswith("-LRB- Reporting by Kim Lee 0 -RRB-")
    assert kept[5].text == "\n".join(story(9))


def test_an_item_that_is_all_furniture_is_an_error_not_an_article() -> None:
    pages = [page([*story(i), ADVERT]) for i in range(5)]
    alone = page([ADVERT])
    kept, errors = strip_furniture([alone, *pages])
    assert [e.code for e in errors] == ["E101"]
    assert errors[0].item == alone.path
    assert alone.id not in {a.id for a in kept}


def test_versions_of_one_story_keep_their_shared_ending() -> None:
    base = story(1, 20)
    versions = [page(story(100 + i, 3) + base[i : i + 14] + [BACKGROUND]) for i in range(6)]
    kept, errors = strip_furniture(versions)
    assert errors == []
    assert [a.text for a in kept] == [a.text for a in versions]


def test_a_background_paragraph_inside_different_stories_stays() -> None:
    pages = [page(story(i)[:6] + [BACKGROUND] + story(i)[6:]) for i in range(6)]
    kept, _ = strip_furniture(pages)
    assert [a.text for a in kept] == [a.text for a in pages]


def test_repetition_counts_within_one_outlet_only() -> None:
    pages = [page([*story(i), ADVERT], outlet=f"Outlet {i % 2}") for i in range(6)]
    kept, _ = strip_furniture(pages)  # three pages per outlet: not enough
    assert [a.text for a in kept] == [a.text for a in pages]


def test_a_run_mid_sentence_is_cut_at_the_sentence_start() -> None:
    tail = "which the council has not yet approved ."
    pages = [page([*story(i), f"{story(50 + i)[0][:-2]} {tail} {ADVERT}"]) for i in range(5)]
    kept, _ = strip_furniture(pages)
    for before, after in zip(pages, kept, strict=True):
        assert after.text.endswith(tail)  # the clause ends a sentence of the body
        assert before.text.startswith(after.text)


def test_deterministic_and_order_independent() -> None:
    pages = [page([*story(i), ADVERT]) for i in range(6)] + [page(story(20 + i)) for i in range(4)]
    first, _ = strip_furniture(pages)
    again, _ = strip_furniture(list(reversed(pages)))
    assert sorted((a.id, a.text) for a in first) == sorted((a.id, a.text) for a in again)


def test_stored_articles_count_as_context() -> None:
    stored = []
    for i in range(3):
        text = "\n".join(story(i))
        stored.append(replace(page([*story(i), ADVERT]), text=text, boilerplate=(ADVERT,)))
    batch = [page([*story(10 + i), ADVERT]) for i in range(2)]
    assert strip_furniture(batch)[0] == batch  # two pages alone: not enough
    kept, _ = strip_furniture(batch, context=stored)
    assert all(ADVERT not in a.text for a in kept)
    assert len(kept) == 2  # context articles are never returned


def test_spans_cover_the_advert_for_the_copy_detector() -> None:
    pages = [page([*story(i), ADVERT]) for i in range(5)]
    spans = furniture_spans(pages)
    for article in pages:
        ((start, end),) = spans[article.id]
        # the run may take in the period before it: "... . A faster ..."
        assert article.text[start:end] in (ADVERT, ".\n" + ADVERT)
    assert furniture_spans(pages[:3]) == {}


def test_add_in_chunks_finds_furniture_repeated_across_chunks(tmp_path, monkeypatch) -> None:
    """``add`` stores its input a chunk at a time: an advert whose pages fall in
    different chunks is still found, against the pages stored before."""
    import json

    from storyline import api
    from storyline.options import Options
    from storyline.store import Store

    monkeypatch.setattr(api, "INGEST_CHUNK", 2)
    monkeypatch.setattr(api, "ANNOTATE_CHUNK", 3)
    source = tmp_path / "pile.jsonl"
    rows = [{"text": "\n".join([*story(i), ADVERT]), "outlet": "Wire"} for i in range(5)]
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = api.add(store, [source], options=Options(db=str(tmp_path / "s.db")))
        assert len(report.added) == 5 and report.errors == []
        stored = store.articles()
        assert store.counts()["annotated"] == 5
    # the last chunk's page sees four stored pages carrying the advert (the pile is
    # tokenized like T17's, so what is stored is the text as prose)
    advert = detokenize(ADVERT)
    last = [a for a in stored if a.text.startswith(detokenize(story(4)[0]))]
    assert last and advert not in last[0].text and advert in last[0].boilerplate
