"""The catalogue of views: each registered once, by name, with its typed payload.

A view is a function ``(story, **params) -> payload``; ``Story.view(name, ...)``
runs it through the story's cache. The CLI, the web pages, ``/api/``, the
report and the Python API all reach views through this catalogue, so a new
view is one registration (plus a template where it is shown). The catalogue
is code, filled once at import like spaCy's factories; it holds no state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import StorylineError

if TYPE_CHECKING:
    from .story import Story

ViewFunction = Callable[..., Any]


@dataclass(frozen=True)
class View:
    name: str
    function: ViewFunction  # (story, **params) -> payload
    payload: type  # the TypedDict the function returns (views/shapes.py)
    doc: str


VIEWS: dict[str, View] = {}


def register(name: str, payload: type) -> Callable[[ViewFunction], ViewFunction]:
    """Register ``function`` as the view ``name`` returning ``payload``."""

    def decorate(function: ViewFunction) -> ViewFunction:
        if name in VIEWS and VIEWS[name].function is not function:
            raise StorylineError(f"view {name!r} is registered twice", code="E310")
        VIEWS[name] = View(name, function, payload, (function.__doc__ or "").strip())
        return function

    return decorate


def get(name: str) -> View:
    try:
        return VIEWS[name]
    except KeyError:
        raise StorylineError(
            f"no view named {name!r}; views: {', '.join(sorted(VIEWS))}", code="E311"
        ) from None


def run(story: Story, name: str, params: dict[str, Any]) -> Any:
    return get(name).function(story, **params)
