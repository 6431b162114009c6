"""Named plug-in factories (grounding strategies, visual metrics, generators): one mechanism, so every
plug-in point registers, lists, loads third-party plug-ins and reports unknown names the same way."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Factories by name. `plugins` names an entry-point group: `name = "package.module:factory"` in an
    installed distribution's metadata registers `factory` under `name`, read at the first lookup (a
    built-in keeps its name; a plug-in that cannot be loaded is reported on stderr and left out)."""

    def __init__(self, kind: str, plugins: str | None = None):
        self.kind = kind
        self.plugins = plugins
        self.factories: dict[str, Callable[..., T]] = {}
        self._plugins_read = plugins is None

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Decorator: register a factory (a class or a function returning the plug-in) under `name`."""

        def add(factory: Callable[..., T]) -> Callable[..., T]:
            self.factories[name] = factory
            return factory

        return add

    def create(self, name: str, **kwargs: Any) -> T:
        if name not in self:
            raise KeyError(f"unknown {self.kind} {name!r}; known: {', '.join(self.names())}")
        return self.factories[name](**kwargs)

    def names(self) -> list[str]:
        self._read_plugins()
        return sorted(self.factories)

    def __contains__(self, name: str) -> bool:
        self._read_plugins()
        return name in self.factories

    def _read_plugins(self) -> None:
        if self._plugins_read:
            return
        self._plugins_read = True
        from importlib.metadata import entry_points

        for ep in entry_points(group=self.plugins):
            if ep.name in self.factories:
                print(
                    f"iwr: {self.kind} plug-in {ep.name!r} ({ep.value}) left out: a built-in has that name",
                    file=sys.stderr,
                )
                continue
            try:
                self.factories[ep.name] = ep.load()
            except Exception as e:  # a broken plug-in must not take the CLI down: say so, go on
                print(f"iwr: {self.kind} plug-in {ep.name!r} ({ep.value}) could not be loaded: {e}", file=sys.stderr)
