"""storyline: follow an evolving news story, with a source for every line.

The library is the product; the CLI and the web UI are thin shells over
``storyline.api``. ``import storyline`` is cheap: ``api``, ``Options``, ``Store``
and ``Story`` are imported on first use (the store pulls in SQLAlchemy, the views
NumPy and SciPy), so ``storyline --help`` starts without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from . import api
    from .options import Options
    from .store import Store
    from .views.story import Story

# name -> (module, attribute; None for the module itself)
_LAZY: dict[str, tuple[str, str | None]] = {
    "api": ("storyline.api", None),
    "Options": ("storyline.options", "Options"),
    "Store": ("storyline.store", "Store"),
    "Story": ("storyline.views.story", "Story"),
}


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = ["Options", "Store", "Story", "api", "__version__"]
