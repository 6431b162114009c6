"""Named plug-in factories (grounding strategies, visual metrics, generators): one mechanism, so every
plug-in point registers, lists and reports unknown names the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str):
        self.kind = kind
        self.factories: dict[str, Callable[..., T]] = {}

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Decorator: register a factory (a class or a function returning the plug-in) under `name`."""

        def add(factory: Callable[..., T]) -> Callable[..., T]:
            self.factories[name] = factory
            return factory

        return add

    def create(self, name: str, **kwargs: Any) -> T:
        if name not in self.factories:
            raise KeyError(f"unknown {self.kind} {name!r}; known: {', '.join(self.names())}")
        return self.factories[name](**kwargs)

    def names(self) -> list[str]:
        return sorted(self.factories)

    def __contains__(self, name: str) -> bool:
        return name in self.factories
