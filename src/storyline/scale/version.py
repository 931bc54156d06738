"""The pipeline version, read from files: no spaCy model is loaded to name it.

``annotate.pipeline.pipeline_version`` names a loaded pipeline; a driver that
hands annotation to workers needs the same name before (or without) loading
one, to ask the store what is left to do. This reads the same inputs from disk:
the model package's ``meta.json``, storyline's ``config.cfg`` and the quote
model file. ``tests/test_scale.py`` checks both give the same string.
"""

from __future__ import annotations

import configparser
import hashlib
import importlib.util
import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

# Components whose output depends on fitted weights: how to name those weights
# (``model_version`` on the loaded component). Others contribute "".
_QUOTE_COMPONENT = "storyline_quotes_v1"
_QUOTE_MODEL_FILE = "annotate/quotes/quote_model.json"


def _model_meta(name: str) -> dict[str, Any] | None:
    """The ``meta.json`` spaCy would read for ``name`` (an installed package or a
    model folder), or None when there is none."""
    candidates: list[Path] = []
    path = Path(name)
    if path.is_dir():
        candidates.append(path / "meta.json")
    else:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            candidates += [Path(p) / "meta.json" for p in spec.submodule_search_locations]
    for candidate in candidates:
        if candidate.is_file():
            data = json.loads(candidate.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else None
    return None


def _config() -> configparser.ConfigParser:
    # thinc's Config is spaCy's; the file is plain INI with JSON values.
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(
        resources.files("storyline").joinpath("config.cfg").read_text(encoding="utf-8")
    )
    return parser


def _config_value(parser: configparser.ConfigParser, section: str, key: str, default: Any) -> Any:
    if not parser.has_option(section, key):
        return default
    return json.loads(parser.get(section, key))


def _quote_model_version(learned: bool) -> str:
    if not learned:
        return "rules"
    raw = resources.files("storyline").joinpath(_QUOTE_MODEL_FILE).read_text(encoding="utf-8")
    return f"{json.loads(raw)['version']}:{hashlib.sha1(raw.encode()).hexdigest()[:10]}"


def pipeline_version_from_files(models: Sequence[str]) -> str | None:
    """What ``pipeline_version(load_pipeline(models))`` returns, or None when the
    model cannot be found on disk this way (then load the pipeline to name it)."""
    from .. import __version__

    config = _config()
    meta = next((m for m in (_model_meta(name) for name in models) if m is not None), None)
    if meta is None:
        return None
    disabled = set(meta.get("disabled", []))
    names = [n for n in meta.get("pipeline", []) if n not in disabled]
    before_parser = list(_config_value(config, "pipeline", "before_parser", []))
    parser_name = next((n for n in ("parser", "senter") if n in names), None)
    if parser_name is not None:
        at = names.index(parser_name)
        names[at:at] = before_parser
    else:
        names[0:0] = before_parser
    names += list(_config_value(config, "pipeline", "after_model", []))
    names += list(_config_value(config, "pipeline", "components", []))
    weights = []
    for name in names:
        if name == _QUOTE_COMPONENT:
            learned = _config_value(config, f"components.{name}", "learned", True)
            weights.append(_quote_model_version(bool(learned)))
        else:
            weights.append("")
    key = f"{meta.get('name')}-{meta.get('version')}|{','.join(names)}|{','.join(weights)}|{__version__}"
    return f"storyline-{__version__}:{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def pipeline_version_for(models: Sequence[str]) -> str:
    """The pipeline version, from files when possible, else by loading the pipeline."""
    version = pipeline_version_from_files(models)
    if version is not None:
        return version
    from ..annotate.pipeline import load_pipeline, pipeline_version

    return pipeline_version(load_pipeline(models))
