"""The generated text forms (bot/core/_text_forms.txt) are current and correct, and indexes
built without them, or with a stale or broken file, are the same indexes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.core import textforms
from bot.core.cache import TextCache
from bot.core.knowledge import KnowledgeBase
from bot.core.lazyre import LazyPattern
from bot.core.simplified import traditional
from bot.core.text import _normalize, normalize
from bot.core.textforms import known_forms, recorded_texts, stored_forms
from bot.kinds import load
from tests.generated_files import UNUSABLE, write


def _built() -> KnowledgeBase:
    kb = load()
    for kind in kb.kinds:
        kind.build(kb)
    return kb


def test_generated_forms_are_current() -> None:
    stored = stored_forms()
    assert stored is not None, (
        "bot/core/_text_forms.txt is stale (text.py, simplified.py or _traditional.py changed): "
        "run scripts/generate_text_forms.py"
    )
    texts = recorded_texts(_built)
    assert sorted(stored) == texts, (
        "bot/core/_text_forms.txt does not hold the knowledge base's texts: run scripts/generate_text_forms.py"
    )
    assert all(form == _normalize(text) for text, form in stored.items())


def _state(obj: Any, seen: set[int]) -> Any:
    """Everything an index holds, as plain comparable values (code, patterns, caches aside)."""
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    if isinstance(obj, re.Pattern):
        return ("re", obj.pattern, obj.flags)
    if isinstance(obj, LazyPattern):  # compiled or not, the same pattern
        return ("re", obj._source(), obj._flags)
    if isinstance(obj, TextCache) or callable(obj):
        return "code"
    if id(obj) in seen:
        return "seen"
    seen.add(id(obj))
    if isinstance(obj, list | tuple):
        return (type(obj).__name__, [_state(x, seen) for x in obj])
    if isinstance(obj, dict):
        return ("dict", [(_state(k, seen), _state(v, seen)) for k, v in obj.items()])
    if isinstance(obj, set | frozenset):
        return ("set", sorted(repr(_state(x, seen)) for x in obj))
    names = [*getattr(obj, "__dict__", {}), *getattr(type(obj), "__slots__", ())]
    return (type(obj).__name__, {n: _state(getattr(obj, n), seen) for n in names if hasattr(obj, n)})


def _indexes(kb: KnowledgeBase) -> list[Any]:
    return [_state(kind.index, set()) for kind in kb.kinds]


@pytest.fixture(scope="module")
def with_forms() -> list[Any]:
    """The indexes as start-up builds them, with the generated file."""
    assert stored_forms() is not None
    return _indexes(_built())


@pytest.mark.parametrize(
    "content",
    [
        *UNUSABLE,
        "0" * 64 + "\n0 1\n404\nnot found\n",  # a foreign fingerprint
    ],
)
def test_without_usable_forms_the_build_is_the_same(
    with_forms: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | str | None
) -> None:
    path = tmp_path / "_text_forms.txt"
    write(path, content)
    monkeypatch.setattr(textforms, "FORMS_FILE", path)
    assert stored_forms() is None
    assert _indexes(_built()) == with_forms


def test_texts_not_in_the_file_are_worked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "_text_forms.txt"
    path.write_text(f"{textforms.fingerprint()}\n0 1\n请问 404 是什么\n404\n", encoding="utf-8")
    monkeypatch.setattr(textforms, "FORMS_FILE", path)
    with known_forms():
        assert normalize("请问 404 是什么") == "404"
        with known_forms():  # nested: the outer block's entries stay
            assert normalize("网关超时怎么办？") == _normalize("网关超时怎么办？")
        assert normalize("请问 404 是什么") == "404"
        assert normalize.max_entries > 10**9  # nothing evicted while the knowledge base loads
    assert len(normalize) == 0 and normalize.max_entries < 10**6  # emptied and bounded again


def test_the_character_table_is_in_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Traditional texts are stored too: their form depends on the table in _traditional.py."""
    stored = stored_forms()
    assert stored is not None and any(not traditional().isdisjoint(t) for t in stored)
    before = textforms.fingerprint()
    monkeypatch.setattr(textforms, "_READERS", tuple(r for r in textforms._READERS if r != "_traditional.py"))
    assert textforms.fingerprint() != before
    assert stored_forms() is None


@pytest.mark.parametrize("counts", ["3 0\nonly one", "0 1\nno form", "x y", "-1 1\na\nb\nc"])
def test_a_file_with_wrong_counts_is_not_used(
    counts: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "_text_forms.txt"
    path.write_text(f"{textforms.fingerprint()}\n{counts}\n", encoding="utf-8")
    monkeypatch.setattr(textforms, "FORMS_FILE", path)
    assert stored_forms() is None


def test_a_carriage_return_stays_inside_its_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "_text_forms.txt"
    path.write_bytes(f"{textforms.fingerprint()}\n0 1\na\rb\na b\n".encode())
    monkeypatch.setattr(textforms, "FORMS_FILE", path)
    assert stored_forms() == {"a\rb": "a b"}
