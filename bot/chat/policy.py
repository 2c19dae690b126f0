"""When to answer, and with what: the chat rules every platform shares.

Adapters stay thin: Telegram (``bot.frontends.telegram.handlers``), the offline console
(``bot.frontends.console``), a NoneBot2 plugin for QQ or Feishu. Each one turns its event into
a :class:`~bot.chat.actions.Incoming` message, awaits :meth:`ChatPolicy.handle` and carries out
the decision (see :mod:`bot.chat.actions`). This module imports nothing from any platform.

The rules:

* **Private chat**: every message is a question (``private_text="all"``); a plugin inside
  someone else's bot may answer only codes and known errors named outright (``"explicit"``)
  or nothing but commands (``"off"``).
* **Groups**: only what is addressed to the bot: ``/code …``, an @mention, a reply to one of
  the bot's messages (a reply that reads as nothing, "谢谢", gets silence, not "没找到"). A bare ``/code`` or @mention under someone else's message explains that
  message. ``/code help`` (or a help command) shows the help.
* **Auto mode** (a group's admins switch it with ``/auto on|off``): messages naming a code or a
  known error outright (:func:`bot.retrieval.resolver.is_explicit`) are explained unasked, at
  most once per cooldown per group; while the cooldown runs, messages are not even read.
* **Edits**: an edited question updates our earlier answer (``edit_of``), after the same flood
  check as a new question; an edit never triggers a first auto-mode answer.
* **Flood limits** (:mod:`bot.chat.flood`): checked before a message is read. A private chat
  gets one "too fast" notice a minute; a group gets silence.
* **Buttons** (:meth:`ChatPolicy.press`) count as a quarter of a question each.

State kept here, all in memory: which answer belongs to which question (bounded), flood
windows, auto-mode cooldowns. Which groups have auto mode on lives in the store.

An adapter's whole part::

    policy = ChatPolicy(service, ChatSettings(path), commands=Commands(code="code"), limit=4000)

    decision = await policy.handle(Incoming(...))  # Answer | Notice | Ignore
    # Answer/Notice: send decision.html() (or .plain()) with decision.buttons, quoting the
    # question if decision.quote; or, if decision.edit_of is set, edit that message of ours
    # instead. After sending a new message: policy.sent(incoming, decision, its_message_id).

    decision = policy.press(Press(...))  # Answer: show it in place of the pressed card; Notice: a toast
    matches = policy.inline(user_id, text)  # inline mode, where the platform has one; None: over the limit
    doc = policy.help(bot_name)  # the help card, e.g. for a platform's own "start" event

Button actions ("status:503", "status:503:b", "error:<12 hex>") are at most 64 characters; a
platform that namespaces them (Telegram: "hc:" + action) strips its prefix before ``press``.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.chat import texts
from bot.chat.actions import Answer, Decision, Id, Ignore, Incoming, Notice, Press
from bot.chat.flood import Cooldown, FloodGate, FloodRules, SlidingWindow
from bot.chat.service import Service
from bot.core.match import Match, Resolution
from bot.render.reply import Reply
from bot.render.richtext import Doc
from bot.retrieval.resolver import is_explicit

log = logging.getLogger(__name__)

PrivateText = Literal["all", "explicit", "off"]
AUTO_READS_PER_MINUTE = 30  # messages auto mode reads per group and minute, once cooled down
INLINE_PER_MINUTE = 30  # inline queries arrive as people type: their own, looser limit
INLINE_RESULTS = 8
EMPTY_INLINE_QUERY = "5xx"  # what an empty inline query shows
DEFAULT_RULES = FloodRules()


class AutoModeStore(Protocol):
    """Which groups switched auto mode on (bot.chat.store.ChatSettings, or your own)."""

    def auto_mode(self, chat_id: Id) -> bool: ...

    def set_auto_mode(self, chat_id: Id, enabled: bool) -> None: ...


@dataclass(frozen=True)
class Commands:
    """The command names the policy answers to, without the slash."""

    code: str = "code"
    auto: str | None = "auto"  # None: no auto mode
    help: tuple[str, ...] = ("help",)  # each shows the help; "/code help" always does


class ChatPolicy:
    """Decides, for every message or button press, whether and how the bot answers.

    ``store`` None means no auto mode. ``rules`` None means no flood limits (the console).
    ``limit`` is the longest reply the platform takes, in characters of HTML (None: the
    service's default, Telegram's 4096). ``clock`` is for tests.
    """

    def __init__(
        self,
        service: Service,
        store: AutoModeStore | None = None,
        *,
        commands: Commands | None = None,
        private_text: PrivateText = "all",
        inline: bool = False,
        auto_cooldown: float = 60.0,
        rules: FloodRules | None = DEFAULT_RULES,
        limit: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = 2000,
    ) -> None:
        self.service = service
        self.store = store
        self.commands = commands or Commands()
        self.private_text = private_text
        self.inline_mode = inline
        self.limit = limit
        self.flood = FloodGate(rules, clock) if rules is not None else None
        self.auto_cooldown = Cooldown(auto_cooldown, clock)
        self.auto_reads = SlidingWindow(AUTO_READS_PER_MINUTE, 60.0, clock)
        self.inline_limit = SlidingWindow(INLINE_PER_MINUTE, 60.0, clock)
        self.notices = SlidingWindow(1, 60.0, clock)  # "too fast" notices per private chat
        # (chat, question message) -> our message answering it, for edits; oldest dropped first.
        self._answers: OrderedDict[tuple[Hashable, Hashable], Id] = OrderedDict()
        self.max_tracked = max_tracked

    @property
    def auto_enabled(self) -> bool:
        return self.store is not None and self.commands.auto is not None

    # --- the adapter's entry points ------------------------------------------------------

    async def handle(self, message: Incoming) -> Decision:
        """The decision for one message, new or edited."""
        if message.command is not None:
            return await self._command(message)
        if message.chat == "private":
            return self._private(message)
        if message.mentions_us:
            return self._question(message, self._query(message))
        if message.reply_to_us:
            return self._reply(message)
        return self._auto(message)

    def sent(self, message: Incoming, decision: Answer | Notice, message_id: Id) -> None:
        """The adapter sent ``decision`` for ``message`` as our new message ``message_id``: a later
        edit of the question updates it. A "too fast" notice is not an answer to remember."""
        if isinstance(decision, Notice) and not decision.answers:
            return
        key = (message.chat_id, message.message_id)
        self._answers[key] = message_id
        self._answers.move_to_end(key)
        while len(self._answers) > self.max_tracked:
            self._answers.popitem(last=False)

    def press(self, press: Press) -> Answer | Notice:
        """A button press: the card to show in place of the pressed one, or a short notice
        (a toast on Telegram) when the button is stale or forged, or the person is too fast."""
        if self.flood is not None and not self.flood.admit_press(
            press.user_id, press.chat_id, press.chat == "private"
        ):
            return Notice(texts.note(texts.RATE_LIMITED))
        if self.limit is None:
            reply = self.service.press(press.action)
        else:
            reply = self.service.press(press.action, self.limit)
        if reply is None:
            return Notice(texts.note(texts.EXPIRED_BUTTON))
        return Answer(reply)

    def inline(self, user_id: Id, text: str) -> list[Match] | None:
        """Matches for an inline query (each becomes a card), or None when the person is over
        the inline limit (answer with nothing, uncached, so other people are not affected)."""
        if self.flood is not None and not self.inline_limit.allow(user_id):
            return None
        query = text.strip() or EMPTY_INLINE_QUERY
        return list(self.service.resolve(query).matches[:INLINE_RESULTS])

    def help(self, bot_name: str = "") -> Doc:
        return texts.help_doc(
            self.commands.code,
            help_command=self.commands.help[0] if self.commands.help else None,
            auto_command=self.commands.auto if self.auto_enabled else None,
            private_text=self.private_text,
            inline_name=bot_name if self.inline_mode else "",
        )

    # --- rules ---------------------------------------------------------------------------

    async def _command(self, message: Incoming) -> Decision:
        name = message.command
        if name == self.commands.code:
            if message.text.strip().lower() in texts.HELP_WORDS:
                return self._help(message)
            return self._question(message, self._query(message))
        if name in self.commands.help:
            return self._help(message)
        if name == self.commands.auto and self.auto_enabled:
            return await self._auto_command(message)
        return Ignore("not ours")

    def _private(self, message: Incoming) -> Decision:
        if self.private_text == "off":
            return Ignore("not addressed")
        if not message.text.strip():
            return Ignore("blank")
        if self.private_text == "all":
            return self._question(message, message.text)
        # "explicit": most messages belong to the host bot, so nothing is counted or said
        # unless the message names a code or a known error outright.
        if self.flood is not None and not self.flood.would_admit(message.user_id, message.chat_id, True):
            return Ignore("flood")
        res = self.service.resolve(message.text)
        if not is_explicit(res):
            return Ignore("not explicit")
        if not self._admit(message):
            return self._refused(message)
        return Answer(self._answer(res), edit_of=self._tracked(message))

    def _question(self, message: Incoming, query: str) -> Decision:
        """An addressed question: flood check first, then usage for a blank one, or the answer."""
        if not self._admit(message):
            return self._refused(message)
        quote = message.chat == "group"
        edit_of = self._tracked(message)
        if not query.strip():
            return Notice(texts.usage(self.commands.code), quote, edit_of)
        return Answer(self._ask(query), quote, edit_of)

    def _reply(self, message: Incoming) -> Decision:
        """A group reply to one of our messages: a follow-up question is answered; chatter
        ("谢谢", "哈哈") is not, where a command or a mention would get "没找到" and the help."""
        if not message.text.strip():
            return self._question(message, message.text)
        res = self.service.resolve(message.text)
        if not res.matches and not res.unknown:
            return Ignore("chatter")
        if not self._admit(message):
            return self._refused(message)
        return Answer(self._answer(res), True, self._tracked(message))

    def _auto(self, message: Incoming) -> Decision:
        """Unaddressed group messages: every check that costs nothing comes before reading."""
        chat = message.chat_id
        if self.store is None or not self.auto_enabled or not self.store.auto_mode(chat):
            return Ignore("not addressed")
        edit_of = self._tracked(message)
        if message.is_edit:
            if edit_of is None:
                return Ignore("edit of unanswered")
            if not self._admit(message):
                return Ignore("flood")
        else:
            if not self.auto_cooldown.peek(chat):
                return Ignore("cooling down")
            if self.flood is not None and not self.flood.group_has_room(chat):
                return Ignore("flood")
            if not self.auto_reads.allow(chat):
                return Ignore("auto read cap")
        res = self.service.resolve(message.text)
        if not is_explicit(res):
            return Ignore("not explicit")
        if not message.is_edit:
            self.auto_cooldown.ready(chat)  # only an answer starts the next cooldown
            if self.flood is not None:
                self.flood.admit_unprompted(chat)
        return Answer(self._answer(res), quote=True, edit_of=edit_of)

    async def _auto_command(self, message: Incoming) -> Decision:
        assert self.store is not None and self.commands.auto is not None
        if message.is_edit:
            return Ignore("not ours")  # switching on an edit would surprise; answer new commands only
        if message.chat == "private":
            return Notice(texts.note(texts.AUTO_PRIVATE))
        if not self._admit(message):
            return self._refused(message)
        words = message.text.split()
        arg = words[0].lower() if words else ""
        chat = message.chat_id
        if arg not in ("on", "off"):
            state = self.store.auto_mode(chat)
            return Notice(texts.auto_state(state, self.commands.auto), quote=True)
        if not await message.is_admin():
            return Notice(texts.note(texts.AUTO_ADMINS_ONLY), quote=True)
        self.store.set_auto_mode(chat, arg == "on")
        return Notice(texts.note(texts.AUTO_ON if arg == "on" else texts.AUTO_OFF), quote=True)

    def _help(self, message: Incoming) -> Decision:
        if message.is_edit:
            return Ignore("not ours")
        if not self._admit(message):
            return self._refused(message)
        return Notice(self.help(message.bot_name), quote=message.chat == "group")

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _query(message: Incoming) -> str:
        """The question: the text, or, for a bare command or mention under someone else's
        message, that message."""
        if message.text.strip() or message.reply_to_us:
            return message.text
        return message.replied_text

    def _tracked(self, message: Incoming) -> Id | None:
        if not message.is_edit:
            return None
        return self._answers.get((message.chat_id, message.message_id))

    def _admit(self, message: Incoming) -> bool:
        if self.flood is None:
            return True
        if self.flood.admit(message.user_id, message.chat_id, message.chat == "private"):
            return True
        log.info("限流：用户 %s 在 chat %s 请求过快", message.user_id, message.chat_id)
        return False

    def _refused(self, message: Incoming) -> Decision:
        """Over a limit: a private chat hears why once a minute; a group hears nothing."""
        if message.chat == "private" and self.notices.allow(message.chat_id):
            return Notice(texts.note(texts.RATE_LIMITED), answers=False)
        return Ignore("flood")

    def _ask(self, query: str) -> Reply:
        if self.limit is None:
            return self.service.ask(query)
        return self.service.ask(query, limit=self.limit)

    def _answer(self, res: Resolution) -> Reply:
        if self.limit is None:
            return self.service.answer(res)
        return self.service.answer(res, limit=self.limit)
