"""What a chat platform tells the policy, and what the policy decides: no platform in sight.

An adapter (Telegram, the console, a NoneBot plugin) turns its event into an :class:`Incoming`
message or a :class:`Press`, asks :class:`bot.chat.policy.ChatPolicy`, and carries out the
:data:`Decision` it gets back:

* :class:`Answer` – send ``reply`` (HTML or plain text, with buttons), or edit our earlier
  message ``edit_of`` when the question was edited;
* :class:`Notice` – a short message that is not an answer (usage, help, "too fast", /auto);
  carried out like an answer;
* :class:`Ignore` – do nothing; ``reason`` says why (for logs and tests).

After sending a *new* message for an Answer or a Notice, the adapter calls
``policy.sent(message, decision, our_message_id)`` so that a later edit of the question updates it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Literal

from bot.render.reply import Button, Reply
from bot.render.richtext import Doc

ChatKind = Literal["private", "group"]
Id = Hashable  # chat, user and message ids: ints on Telegram, strings on some platforms


async def _not_admin() -> bool:
    return False


@dataclass(frozen=True)
class Incoming:
    """One message (new or edited) as the policy sees it.

    ``text`` is the question: a command's arguments (after ``/code``), or the message with our
    @mention taken out. ``command`` is the command's name as typed, without the slash or a
    ``@botname`` suffix, lower case; None for a plain message. A command addressed to another
    bot must not reach the policy at all.
    """

    chat: ChatKind
    chat_id: Id
    user_id: Id
    message_id: Id
    text: str
    command: str | None = None
    is_edit: bool = False
    mentions_us: bool = False  # the message @mentions the bot
    reply_to_us: bool = False  # it replies to one of the bot's messages
    replied_text: str = ""  # the text (or caption) of the message it replies to, if any
    bot_name: str = ""  # how people @mention the bot here, for the help text ("" if unknown)
    # Asked only when a decision needs it (/auto on|off): on Telegram it costs an API call.
    is_admin: Callable[[], Awaitable[bool]] = field(default=_not_admin, compare=False)

    @property
    def addressed(self) -> bool:
        return self.command is not None or self.mentions_us or self.reply_to_us


@dataclass(frozen=True)
class Press:
    """A press on one of our buttons. ``action`` is the button's own action ("status:503")
    with any platform prefix removed; ``chat`` is None for a card with no chat (inline mode)."""

    chat: ChatKind | None
    chat_id: Id | None
    user_id: Id
    action: str


@dataclass(frozen=True)
class Answer:
    """Send ``reply``; or, when ``edit_of`` is set, edit that earlier message of ours into it."""

    reply: Reply
    quote: bool = False  # reply to the question (groups), so it is clear what is answered
    edit_of: Id | None = None

    def html(self) -> str:
        return self.reply.html()

    def plain(self) -> str:
        return self.reply.plain()

    @property
    def buttons(self) -> list[list[Button]]:
        return self.reply.buttons


@dataclass(frozen=True)
class Notice:
    """A short message that is not an answer: usage, help, "too fast", expired button, /auto."""

    doc: Doc
    quote: bool = False
    edit_of: Id | None = None
    answers: bool = True  # False for "too fast": an edit of the question must not update it

    def html(self) -> str:
        return self.doc.html()

    def plain(self) -> str:
        return self.doc.plain()

    @property
    def buttons(self) -> list[list[Button]]:
        return []


IgnoreReason = Literal[
    "not addressed",  # group chatter, auto mode off
    "not ours",  # a command the policy does not know
    "blank",  # nothing to answer (an empty private message)
    "flood",  # over a flood limit (a private chat gets one Notice a minute instead)
    "cooling down",  # auto mode answered in this group a moment ago
    "auto read cap",  # auto mode read enough of this group's messages this minute
    "not explicit",  # auto mode: no code or known error named outright
    "edit of unanswered",  # auto mode: an edit never triggers a first answer
]


@dataclass(frozen=True)
class Ignore:
    reason: IgnoreReason


Decision = Answer | Notice | Ignore
