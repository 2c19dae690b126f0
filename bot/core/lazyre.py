"""Regular expressions compiled on first use, for the few large ones (tries of hundreds of
knowledge-base keys, ~5–25 ms each to build and compile).

A one-shot ``httpcode-bot ask 503`` needs only some of them; a long-running front end
compiles them all at start (:func:`compile_pending`, from ``Service.prerender``), so its
first question costs what every later one does.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import Any

_pending: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


class LazyPattern:
    """Stands in for ``re.compile(source())`` and compiles it when an attribute (``search``,
    ``sub`` ...) is first asked for; from then on that attribute is the pattern's own, read
    as any instance attribute is."""

    def __init__(self, source: Callable[[], str] | str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _pending.add(self)

    def compile(self) -> re.Pattern[str]:
        if self._compiled is None:
            source = self._source
            self._compiled = re.compile(source if isinstance(source, str) else source(), self._flags)
            _pending.discard(self)
        return self._compiled

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its source text (see bot.core.indexcache), still compiled on first use."""
        source = self._source if self._compiled is None else self._compiled.pattern
        return (LazyPattern, (source if isinstance(source, str) else source(), self._flags))

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compile(), name)
        setattr(self, name, value)
        return value


def compile_pending() -> int:
    """Compile every pattern not compiled yet; how many there were."""
    pending = list(_pending)
    for pattern in pending:
        pattern.compile()
    return len(pending)
