"""Deferred imports for start-up time: a module, or a callable of one, that is
imported on first use (``storyline --help`` must not load SQLAlchemy or NumPy)."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """Stands for module ``name``; the first attribute access imports it."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._lazy_target: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        if self._lazy_target is None:
            self._lazy_target = importlib.import_module(self.__name__)
        return getattr(self._lazy_target, attribute)


class LazyCallable:
    """Stands for ``module.attribute`` (a class or function); calling it imports it."""

    def __init__(self, module: str, attribute: str) -> None:
        self._module = module
        self._attribute = attribute

    def resolve(self) -> Any:
        return getattr(importlib.import_module(self._module), self._attribute)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<lazy {self._module}.{self._attribute}>"
