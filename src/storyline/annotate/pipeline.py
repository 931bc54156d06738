"""The annotate stage: one spaCy pipeline, our components after the model's.

``load_pipeline`` builds it from ``config.cfg``; ``annotate`` turns articles
into ``Annotations`` records. One article that fails is reported as an
``ItemError`` and the batch goes on. ``bounds`` says how the work one article
can cost is bounded (sentence length, long articles in pieces, batch size).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources

import spacy
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from thinc.api import Config

from ..errors import AnnotateError
from ..models import Annotations, Article, ItemError, Sentence

# Importing registers the factories and Doc extensions.
from . import bounds
from . import brackets as _brackets  # noqa: F401
from . import citations as _citations  # noqa: F401
from . import datelines as _datelines  # noqa: F401
from . import live_stamps as _live_stamps  # noqa: F401
from . import mentions as _mentions  # noqa: F401
from . import paragraphs as _paragraphs  # noqa: F401
from . import quantities as _quantities  # noqa: F401
from . import quotes as _quotes  # noqa: F401
from . import timex as _timex  # noqa: F401
from . import titles as _titles  # noqa: F401
from .components import ERRORS_KEY, doc_errors
from .timex import date_sentences


def pipeline_config() -> Config:
    text = resources.files("storyline").joinpath("config.cfg").read_text(encoding="utf-8")
    return Config().from_str(text)


def load_model(models: Sequence[str]) -> Language:
    tried = []
    for name in models:
        try:
            return spacy.load(name)
        except OSError:
            tried.append(name)
    raise AnnotateError(
        f"no spaCy model installed (tried {', '.join(tried)}); run `make install`", code="E201"
    )


def load_pipeline(models: Sequence[str] | None = None) -> Language:
    config = pipeline_config()
    nlp = load_model(models or config["pipeline"]["models"])
    add_sentence_rules(nlp, config)
    for name in config["pipeline"]["components"]:
        nlp.add_pipe(name, config=dict(config["components"].get(name, {})))
    return nlp


def add_sentence_rules(nlp: Language, config: Config | None = None) -> Language:
    """Adds ``config.cfg``'s sentence rules: the ``before_parser`` components
    (paragraph breaks, bracket asides, the cap on sentence length) set boundaries
    the model's parser then keeps, so they go before it, in the order listed; the
    ``after_model`` ones (a cut bracket aside joined) repair its sentences and go
    after the model's last component, before storyline's others."""
    config = config or pipeline_config()
    parser = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    names = list(config["pipeline"].get("before_parser", []))
    for i, name in enumerate(names):
        settings = dict(config["components"].get(name, {}))
        if parser is not None:
            nlp.add_pipe(name, config=settings, before=parser)
        elif i == 0:
            nlp.add_pipe(name, config=settings, first=True)
        else:
            nlp.add_pipe(name, config=settings, after=names[i - 1])
    for name in config["pipeline"].get("after_model", []):
        nlp.add_pipe(name, config=dict(config["components"].get(name, {})))
    return nlp


def pipeline_version(nlp: Language) -> str:
    """Names what produced stored annotations, so a changed pipeline re-annotates."""
    from .. import __version__

    meta = nlp.meta
    # Components whose output depends on fitted weights name them (``model_version``).
    weights = ",".join(str(getattr(pipe, "model_version", "")) for _, pipe in nlp.pipeline)
    key = (
        f"{meta.get('name')}-{meta.get('version')}|{','.join(nlp.pipe_names)}|{weights}"
        f"|{__version__}"
    )
    return f"storyline-{__version__}:{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def doc_to_annotations(doc: Doc, article: Article) -> Annotations:
    sentences = tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text)
        for i, s in enumerate(doc.sents)
    )
    timexes = tuple(doc._.timexes)
    return Annotations(
        article_id=article.id,
        sentences=sentences,
        mentions=tuple(doc._.mentions),
        timexes=timexes,
        sentence_dates=tuple(date_sentences(doc, timexes, article.published)),
        quotes=tuple(doc._.quotes),
        citations=tuple(doc._.citations),
        quantities=tuple(doc._.quantities),
    )


def annotate(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[Annotations | ItemError]:
    """Annotate articles in order; yields one record per article.

    Batches go through ``nlp.pipe``; if a batch fails, its articles are redone
    one by one so only the article that breaks is reported. A batch holds at
    most ``bounds.BATCH_CHARS`` of text; an article longer than
    ``bounds.LONG_DOC_CHARS`` goes alone, in pieces, and is never redone.
    """
    batch: list[Article] = []
    size = 0
    for article in articles:
        length = len(article.text)
        if length > bounds.LONG_DOC_CHARS:
            if batch:
                yield from _annotate_batch(nlp, batch, batch_size)
                batch, size = [], 0
            yield _annotate_long(nlp, article)
            continue
        if batch and size + length > bounds.BATCH_CHARS:
            yield from _annotate_batch(nlp, batch, batch_size)
            batch, size = [], 0
        batch.append(article)
        size += length
        if len(batch) >= batch_size:
            yield from _annotate_batch(nlp, batch, batch_size)
            batch, size = [], 0
    if batch:
        yield from _annotate_batch(nlp, batch, batch_size)


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.dct = article.published
    return doc


def _annotate_batch(
    nlp: Language, batch: list[Article], batch_size: int
) -> Iterator[Annotations | ItemError]:
    # Every article here is at most LONG_DOC_CHARS and its sentences are capped
    # (bounds), so the redo below costs at most as much again as the batch did.
    try:
        docs = list(nlp.pipe((_make_doc(nlp, a) for a in batch), batch_size=batch_size))
        results = [_result(doc, a) for doc, a in zip(docs, batch, strict=True)]
    except Exception:  # redo one by one to find the article that breaks
        results = [_annotate_one(nlp, a) for a in batch]
    yield from results


def _result(doc: Doc, article: Article) -> Annotations | ItemError:
    """A doc a component failed on is reported, not stored half-annotated."""
    errors = doc_errors(doc)
    if errors:
        return ItemError(article.path or article.id, "E202", "; ".join(errors))
    return doc_to_annotations(doc, article)


def _annotate_one(nlp: Language, article: Article) -> Annotations | ItemError:
    try:
        return _result(nlp(_make_doc(nlp, article)), article)
    except Exception as exc:  # one bad article never stops the batch
        return _failed(article, exc)


def _failed(article: Article, exc: Exception) -> ItemError:
    return ItemError(
        article.path or article.id, "E203", f"annotation failed: {type(exc).__name__}: {exc}"
    )


def _model_part(nlp: Language) -> int:
    """How many pipes, from the first, run on the pieces of a long article: up to the
    model's last one. Storyline's components after it need the whole article."""
    models = [i + 1 for i, (_, proc) in enumerate(nlp.pipeline) if isinstance(proc, Pipe)]
    return max(models, default=0)


def _annotate_long(nlp: Language, article: Article) -> Annotations | ItemError:
    """An article too long for one pass of the model (see ``bounds``): the model runs on
    pieces of it, one at a time, and storyline's components on the pieces joined."""
    text = article.text
    if len(text) > bounds.MAX_DOC_CHARS:
        return ItemError(
            article.path or article.id,
            "E205",
            f"article too long to annotate: {len(text):,} characters "
            f"(at most {bounds.MAX_DOC_CHARS:,})",
        )
    try:
        split = _model_part(nlp)
        parts: list[Doc] = []
        errors: list[str] = []
        for a, b in bounds.pieces(text):
            part = nlp.make_doc(text[a:b])
            for _, proc in nlp.pipeline[:split]:
                part = proc(part)
            errors += doc_errors(part)
            parts.append(part)
        # user_data is per piece (errors, taken above); tensors are not used after the model
        doc = Doc.from_docs(  # type: ignore[call-arg]  # spaCy's stub lacks ``exclude``
            parts, ensure_whitespace=False, exclude=["user_data", "tensor"]
        )
        del parts
        if errors:
            doc.user_data[ERRORS_KEY] = errors
        doc._.dct = article.published
        for _, proc in nlp.pipeline[split:]:
            doc = proc(doc)
        return _result(doc, article)
    except Exception as exc:  # one bad article never stops the batch
        return _failed(article, exc)
