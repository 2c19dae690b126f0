"""The knowledge base's texts in matching form, worked out ahead into a generated file.

Loading and indexing normalise ~9,000 distinct texts of the knowledge base (names, aliases,
messages, prose), ~100 ms of every start: :func:`bot.core.text.normalize` is ~10 µs a text,
most of it fixed cost per call. ``scripts/generate_text_forms.py`` writes each text's form to
:data:`FORMS_FILE` once; while :func:`known_forms` is active (loading and each kind's build)
``normalize`` answers those texts from it.

It is used only when its fingerprint matches the code that normalises (``text.py``,
``simplified.py``, ``_traditional.py`` with its character table, this module) and the
Unicode tables: any change to them makes start-up
normalise every text itself again. The file is keyed by the texts themselves, so a text
edited or added to the knowledge base since is simply not in it and is normalised as before.
tests/test_text_forms.py checks the file is current and that a build without it is the same.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.core.text import _normalize, normalize

FORMS_FILE = Path(__file__).with_name("_text_forms.txt")
_READERS = ("text.py", "simplified.py", "_traditional.py", "textforms.py")

_active = False  # an outer block (Service.load) already serves the file: inner ones do nothing


def fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(f"unicode {unicodedata.unidata_version}\n".encode())  # NFKC and lower case
    for name in _READERS:
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.hexdigest()


def stored_forms() -> dict[str, str] | None:
    """Text → matching form, from the generated file; None if it is missing, unreadable or
    was made by other code.

    The file: the fingerprint; the counts of texts that are their own form and of the
    others; those texts, one a line; then the others; then the others' forms, in their
    order. Read as slices, with no loop in Python (each kind's build reads it: ~5 ms)."""
    try:
        # Bytes decoded, not read_text: a text's "\r" must not become a line break.
        lines = FORMS_FILE.read_bytes().decode("utf-8").split("\n")
        if len(lines) < 3 or lines[-1] or lines[0] != fingerprint():
            return None
        same, other = map(int, lines[1].split())
    except (OSError, UnicodeDecodeError, ValueError):  # no file, no sources to fingerprint, bad counts
        return None
    if same < 0 or other < 0 or len(lines) != 3 + same + 2 * other:
        return None
    own = lines[2 : 2 + same]
    forms = dict(zip(own, own, strict=True))
    start = 2 + same
    forms.update(zip(lines[start : start + other], lines[start + other : -1], strict=True))
    return forms


@contextmanager
def known_forms() -> Iterator[None]:
    """Within the block, :func:`normalize` answers the generated file's texts without working
    them out (and keeps everything it works out: the block is start-up, not questions); the
    cache is emptied when it ends. Nested blocks read the file once."""
    global _active
    forms = None if _active else stored_forms()
    if forms is None:
        yield
        return
    _active = True
    try:
        with normalize.preloaded(forms):
            yield
    finally:
        _active = False


def storable(text: str) -> bool:
    """Texts the file can hold: one line each."""
    return bool(text) and "\n" not in text


def recorded_texts(build: Callable[[], object]) -> list[str]:
    """Every storable text ``build`` (loading and indexing a knowledge base) normalises."""
    global _active
    _active = True  # the builds' own blocks must not serve (or empty) the cache meanwhile
    try:
        with normalize.preloaded({}):
            build()
            return sorted(t for t in normalize.cached_keys() if isinstance(t, str) and storable(t))
    finally:
        _active = False


def generated_forms(texts: Iterable[str]) -> str:
    """The file's text (see :func:`stored_forms`)."""
    same: list[str] = []
    other: list[tuple[str, str]] = []
    for text in texts:
        form = _normalize(text)
        if form == text:
            same.append(text)
        else:
            other.append((text, form))
    lines = [fingerprint(), f"{len(same)} {len(other)}", *same, *(t for t, _ in other), *(f for _, f in other)]
    return "\n".join([*lines, ""])
