"""The package's layers: every import (module level or inside a function) goes from
a higher layer to a lower one, never back.

    text < ingest < annotate < link < views < api, present
    eval and scale sit beside present: they may import anything below it, and only
    present and api (the Python twin of the CLI: ``api.add`` runs an executor)
    import them.
    store, models, options, errors, lazy and the package root are base modules that
    every layer may import; they import only each other and the text layer. The
    root's own lazy re-exports (``storyline.api``, ``storyline.Story``) are the
    public face of the package, not a dependency of it: they are not checked.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storyline"

RANK = {
    "text": 0,
    "ingest": 1,
    "annotate": 2,
    "link": 3,
    "views": 4,
    "api": 6,  # the Python twin of the CLI: a shell like present
    "present": 6,
    "eval": 6,
    "scale": 6,
}
BESIDE_PRESENT = {"eval", "scale"}
BASE = {"", "store", "models", "options", "errors", "lazy"}  # "" is the package root

# Imports that break the rule today, by (importing layer, imported layer), each to
# be removed by the owner of the importing module. The test fails when one is
# fixed and still listed, so the list only shrinks.
KNOWN: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> Iterator[str]:
    """Every storyline module ``path`` imports, at any depth of the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "storyline" or alias.name.startswith("storyline."):
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target != "storyline" and not target.startswith("storyline."):
                continue
            if node.module is None or target == "storyline":
                # "from . import x" / "from storyline import x": the names may be modules
                for alias in node.names:
                    yield f"{target}.{alias.name}"
            else:
                yield target


def layer(module: str) -> str:
    """The layer of a dotted storyline module: its first component under the package."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    known = RANK.keys() | BASE
    return top if top in known else ""  # unknown names (``__version__``) are the root's


def violation(source: str, target: str) -> str | None:
    """Why ``source`` may not import ``target``, or None when it may."""
    a, b = layer(source), layer(target)
    if source == "storyline" or a == b:
        return None
    if b in BASE:
        return None
    if a in BASE:
        return None if b == "text" else f"base module {source} imports layer {b}"
    if b in BESIDE_PRESENT and a not in ("present", "api"):
        return f"{b} sits beside present; only present and api import it"
    if RANK[b] > RANK[a]:
        return f"{a} (layer {RANK[a]}) imports {b} (layer {RANK[b]})"
    return None


def all_imports() -> list[tuple[str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        for target in imports(path):
            out.append((source, target))
    return out


def test_every_layer_is_known() -> None:
    tops = {p.name for p in PACKAGE.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    tops |= {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert tops <= RANK.keys() | BASE, f"place these in a layer: {tops - RANK.keys() - BASE}"


def test_no_import_goes_up_a_layer() -> None:
    found = {}
    for source, target in all_imports():
        why = violation(source, target)
        if why is not None:
            found[(source, target)] = why
    new = {k: v for k, v in found.items() if (layer(k[0]), layer(k[1])) not in KNOWN}
    assert not new, "\n".join(f"{s} -> {t}: {why}" for (s, t), why in sorted(new.items()))
    fixed = KNOWN.keys() - {(layer(s), layer(t)) for s, t in found}
    assert not fixed, f"fixed, remove from KNOWN: {sorted(fixed)}"


def test_text_layer_imports_nothing_else() -> None:
    for path in (PACKAGE / "text").rglob("*.py"):
        for target in imports(path):
            assert layer(target) == "text", f"{module_name(path)} imports {target}"


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        ("storyline.views.tls.relevance", "storyline.eval.rouge", False),
        ("storyline.views.summary", "storyline.present.cli", False),
        ("storyline.annotate.pipeline", "storyline.link.copies", False),
        ("storyline.options", "storyline.ingest.decode", False),
        ("storyline.present.cli", "storyline.eval.tls", True),
        ("storyline.eval.tls", "storyline.views.summary", True),
        ("storyline.eval.tls", "storyline.scale.workers", False),
        ("storyline.link.copies", "storyline.text.similarity", True),
        ("storyline.views.corpus", "storyline.store", True),
        ("storyline.store", "storyline.text.dates", True),
        ("storyline.store", "storyline.views.corpus", False),
        ("storyline", "storyline.api", True),
        ("storyline.annotate.pipeline", "storyline.__version__", True),
    ],
)
def test_rule(source: str, target: str, allowed: bool) -> None:
    assert (violation(source, target) is None) is allowed


def test_imports_are_found_inside_functions() -> None:
    module = PACKAGE / "views" / "tls" / "mentions.py"
    found = set(imports(module))
    # _project_tagger imports the tagger inside a function
    assert "storyline.annotate.timex" in found


def _loaded_after(statement: str, modules: tuple[str, ...]) -> list[str]:
    code = f"import sys; {statement}; print(' '.join(m for m in {modules!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_import_storyline_loads_no_heavy_library() -> None:
    assert _loaded_after("import storyline", ("sklearn", "spacy", "sqlalchemy", "numpy")) == []


def test_cli_start_up_loads_no_model_or_database_library() -> None:
    # what `storyline --help` imports
    loaded = _loaded_after(
        "import storyline.present.cli", ("sklearn", "spacy", "sqlalchemy", "numpy")
    )
    assert loaded == []


def test_lazy_names_still_resolve() -> None:
    loaded = _loaded_after(
        "import storyline; storyline.Store; from storyline import Story, api; api.add",
        ("sqlalchemy",),
    )
    assert loaded == ["sqlalchemy"]
