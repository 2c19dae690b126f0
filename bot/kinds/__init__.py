"""The kinds of answer the bot knows, in precedence order (see docs/adding-a-kind.md).

Adding a kind: one package here implementing :class:`bot.core.kind.Kind`, its data under
``knowledge/<kind>/``, a line in :func:`default_kinds`, a place in ``tuning.PRECEDENCE``
and eval rows. Nothing else names a kind.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.kind import Kind
from bot.core.knowledge import KnowledgeBase, load_knowledge


def default_kinds() -> list[Kind]:
    """Fresh instances of every kind, in load order (a kind may read earlier kinds' data)."""
    from bot.kinds.cloud import CloudKind
    from bot.kinds.network import NetworkKind
    from bot.kinds.status import StatusKind

    return [StatusKind(), CloudKind(), NetworkKind()]


def load(root: Path | None = None) -> KnowledgeBase:
    """Load and validate every kind's files (raises KnowledgeError); indexes are not built."""
    return load_knowledge(default_kinds(), root)
