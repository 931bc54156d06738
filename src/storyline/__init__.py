"""storyline: follow an evolving news story, with a source for every line.

The library is the product; the CLI and the web UI are thin shells over
``storyline.api``.
"""

__version__ = "0.1.0"

from . import api  # noqa: E402
from .options import Options  # noqa: E402
from .store import Store  # noqa: E402
from .views.story import Story  # noqa: E402

__all__ = ["Options", "Store", "Story", "api", "__version__"]
