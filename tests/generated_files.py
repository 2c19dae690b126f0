"""Shared by the tests of generated, fingerprinted files (bot/core/_text_forms.txt,
bot/kinds/cloud/_meaning_terms.txt): contents the loaders must refuse, and how to lay them down."""

from __future__ import annotations

from pathlib import Path

# No file, an empty one, one that is not UTF-8. Each test adds a foreign fingerprint of its own.
UNUSABLE: list[bytes | str | None] = [None, b"", b"\xff\xfe not UTF-8\n"]


def write(path: Path, content: bytes | str | None) -> None:
    """Put ``content`` at ``path``: bytes as they are, text as UTF-8, None as no file."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
