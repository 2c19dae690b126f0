"""Load and validate the knowledge base once, at start-up, kind by kind.

Every kind reads and checks its own folder under ``knowledge/``; problems are collected
rather than raised one by one, so a broken edit shows all of its mistakes at once, each as
``knowledge/FILE: entry (code=404) field 'aliases'[3]: what is wrong``. Nothing is returned
unless every file of every kind is valid: there is no half-loaded state.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.chatter import FILE as CHATTER_FILE
from bot.core.chatter import ChatterModel, load_model
from bot.core.schema import KnowledgeError, Problems
from bot.core.textforms import known_forms

if TYPE_CHECKING:
    from bot.core.kind import Kind

__all__ = ["ENV_DIR", "KnowledgeBase", "KnowledgeError", "default_dir", "load_knowledge"]

ENV_DIR = "HTTPCODE_KNOWLEDGE_DIR"


def default_dir() -> Path:
    """The knowledge directory: $HTTPCODE_KNOWLEDGE_DIR, the source tree, or the wheel's copy."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent.parent  # bot/
    for candidate in (package.parent / "knowledge", package / "_knowledge"):
        if candidate.is_dir():
            return candidate
    return package.parent / "knowledge"


@dataclass(frozen=True)
class KnowledgeBase:
    """Every kind's loaded data, by kind name, and the kinds themselves (in precedence order)."""

    kinds: tuple[Kind, ...] = field(compare=False)  # what loaded it, not what it holds
    parts: dict[str, Any]
    files: tuple[str, ...]
    chatter: ChatterModel | None = None  # judges whether a reading is withdrawn as chatter

    def __getitem__(self, name: str) -> Any:
        return self.parts[name]

    def kind(self, name: str) -> Kind | None:
        return next((k for k in self.kinds if k.name == name), None)

    def __iter__(self) -> Iterator[Kind]:
        return iter(self.kinds)


def load_knowledge(kinds: Sequence[Kind], root: Path | None = None) -> KnowledgeBase:
    """Read, validate and return the whole knowledge base, or raise KnowledgeError.

    Kinds load in order; each sees the data of those before it (the cloud tables check
    their HTTP statuses against the status kind's codes). A kind that could not read its
    files at all stops the load there, so its absence does not bury the real problem
    under follow-on errors.
    """
    root = Path(root) if root is not None else default_dir()
    problems = Problems()
    if not root.is_dir():
        problems.add(str(root), None, None, "knowledge directory does not exist")
        problems.raise_if_any()
    parts: dict[str, Any] = {}
    files: list[str] = []
    with known_forms():  # the checks normalise names and aliases too
        for kind in kinds:
            data = kind.load(root, problems, parts)
            if data is None:
                problems.raise_if_any()
                raise KnowledgeError([f"knowledge/: the {kind.name} kind loaded nothing"])
            parts[kind.name] = data
            files.extend(kind.files(data))
    chatter = load_model(root, problems)
    files.append(f"knowledge/{CHATTER_FILE}")
    problems.raise_if_any()
    return KnowledgeBase(tuple(kinds), parts, tuple(files), chatter)
