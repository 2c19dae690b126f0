"""Numbered follow-ups in place of buttons: "回复 1/2/3 查看 …", and what a number opens.

Chat platforms without buttons get the card's buttons as a numbered list; a person answers
with the number (in a private chat, or replying to or @mentioning the bot in a group) and the
number opens that button's card through ``ChatPolicy.press``. The last few cards of each chat
are remembered, in memory, bounded, for a while.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from bot.render.reply import Button
from bot.render.richtext import Line, t

MAX_FOLLOWUPS = 9  # one digit each; a class card's 25 codes are on the card itself
FOLLOWUP_TTL = 30 * 60.0  # seconds: a "2" typed an hour later is a new question
_NUMBER_RE = re.compile(r"[1-9]", re.ASCII)  # "²" and "①" pass str.isdigit() but are questions


def numbered(buttons: Iterable[Iterable[Button]]) -> list[Button]:
    """A card's buttons in reading order, each action once (a card may offer the same code
    in two rows), as many as get a number."""
    seen: set[str] = set()
    out: list[Button] = []
    for button in (button for row in buttons for button in row):
        if button.action not in seen:
            seen.add(button.action)
            out.append(button)
    return out[:MAX_FOLLOWUPS]


def lines(buttons: Sequence[Button], group: bool) -> list[Line]:
    """The follow-up block for the end of a card ([] when there is nothing to follow)."""
    if not buttons:
        return []
    count = len(buttons)
    which = "/".join(str(n) for n in range(1, count + 1)) if count <= 3 else f"1–{count}"
    how = f"回复这条消息（或 @我）发 {which} 查看：" if group else f"回复 {which} 查看："
    return [(t(how),), *((t(f"{n}. {button.text}"),) for n, button in enumerate(buttons, 1))]


@dataclass(frozen=True)
class _Card:
    actions: tuple[str, ...]
    at: float


class FollowUps:
    """The follow-ups of the last ``per_chat`` cards in each of at most ``max_chats`` chats."""

    def __init__(
        self,
        *,
        max_chats: int = 2000,
        per_chat: int = 8,
        ttl: float = FOLLOWUP_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._chats: OrderedDict[Hashable, OrderedDict[str, _Card]] = OrderedDict()
        self.max_chats = max_chats
        self.per_chat = per_chat
        self.ttl = ttl
        self._clock = clock

    def remember(self, chat_id: Hashable, message_ids: Iterable[str], actions: Sequence[str]) -> None:
        """We sent a card as ``message_ids`` (one per part; "" when the platform did not say).
        A card without follow-ups is remembered too: it ends the numbers of the one before."""
        cards = self._chats.setdefault(chat_id, OrderedDict())
        self._chats.move_to_end(chat_id)
        card = _Card(tuple(actions), self._clock())
        for message_id in [*message_ids] or [""]:
            cards.pop(message_id, None)
            cards[message_id] = card  # the newest last
        while len(cards) > self.per_chat:
            cards.popitem(last=False)
        while len(self._chats) > self.max_chats:
            self._chats.popitem(last=False)

    def action(self, chat_id: Hashable, text: str, replied_id: str | None = None) -> str | None:
        """The action ``text`` picks, if it is a follow-up number: of the card it replies to,
        or of the chat's latest card when it replies to nothing. Cards sent where the platform
        gave no message id are all under "" (so replying to one means the latest of them)."""
        number = text.strip()
        if not _NUMBER_RE.fullmatch(number):
            return None
        cards = self._chats.get(chat_id)
        if not cards:
            return None
        card = (cards.get(replied_id) or cards.get("")) if replied_id else next(reversed(cards.values()))
        if card is None:
            return None  # a reply to a message of ours that is not a remembered card
        if self._clock() - card.at > self.ttl:
            return None
        index = int(number) - 1
        return card.actions[index] if index < len(card.actions) else None
