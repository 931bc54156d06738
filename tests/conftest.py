"""Session fixtures: the trained pipeline and stores built once per test run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"
SAMPLE = ROOT / "src" / "storyline" / "sample"


@pytest.fixture(scope="session")
def sm():  # type: ignore[no-untyped-def]
    """The trained model alone, without storyline's components."""
    from storyline.annotate.pipeline import load_model
    from storyline.options import DEFAULT_MODELS

    return load_model(DEFAULT_MODELS)


@pytest.fixture(scope="session")
def quotes_nlp():  # type: ignore[no-untyped-def]
    """The trained model with only storyline's quotes component after it."""
    import storyline.annotate.quotes  # noqa: F401  (registers storyline_quotes_v1)
    from storyline.annotate.pipeline import load_model
    from storyline.options import DEFAULT_MODELS

    model = load_model(DEFAULT_MODELS)
    model.add_pipe("storyline_quotes_v1")
    return model


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.annotate.pipeline import load_pipeline

    return load_pipeline()


def _build_store(tmp: Path, folder: Path, nlp) -> Path:  # type: ignore[no-untyped-def]
    from storyline import api
    from storyline.options import Options
    from storyline.store import Store

    db = tmp / "store.db"
    store = Store(db)
    report = api.add(store, [folder], manifest=folder / "manifest.jsonl", options=Options(db=str(db)))
    assert not report.errors, report.errors
    store.close()
    return db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    yield _build_store(tmp_path_factory.mktemp("sample"), SAMPLE, nlp)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    if not (SEEDS / "manifest.jsonl").exists():
        pytest.skip("../shared/corpora/seeds is not beside the checkout")
    yield _build_store(tmp_path_factory.mktemp("seeds"), SEEDS, nlp)


@pytest.fixture()
def pg_target() -> Iterator[str]:
    """A PostgreSQL database of its own on the test server (STORYLINE_TEST_POSTGRES,
    which ``make test`` starts when it can), dropped afterwards; skips without one."""
    import os

    from sqlalchemy import text

    from storyline.store import Store

    server = os.environ.get("STORYLINE_TEST_POSTGRES", "")
    if not server:
        pytest.skip("no PostgreSQL server (STORYLINE_TEST_POSTGRES)")
    name = f"storyline_test_{os.getpid()}"
    admin = Store(server)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield server.rsplit("/", 1)[0] + "/" + name
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.close()
