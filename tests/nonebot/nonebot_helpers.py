"""What the NoneBot tests share: the bot's ids and a message matcher for nonebug's send checks.
(A module of its own: two conftest.py files in one run make ``from conftest import`` ambiguous.)"""

from __future__ import annotations

from typing import Any

BOT_ID = "10000"  # the OneBot bot's QQ number
SUPERUSER = "99"  # a OneBot user in SUPERUSERS: an admin in every group


class Says:
    """Equal to a sent message whose text contains every ``part`` and none of ``absent``;
    nonebug compares the expected message with the one the plugin sent."""

    def __init__(self, *parts: str, absent: tuple[str, ...] = (), kind: type | None = None) -> None:
        self.parts = parts
        self.absent = absent
        self.kind = kind
        self.text = ""
        self.last: Any = None  # the message itself, for closer looks after the test

    def __eq__(self, other: object) -> bool:
        self.last = other
        if self.kind is not None and not isinstance(other, self.kind):
            return False
        extract = getattr(other, "extract_plain_text", None)
        self.text = extract() if extract is not None else str(other)
        return all(p in self.text for p in self.parts) and not any(a in self.text for a in self.absent)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Says({', '.join(map(repr, self.parts))}; got {self.text[:300]!r})"
