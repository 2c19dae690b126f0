"""The Telegram adapter: updates become platform-neutral messages, decisions become Bot API calls.

When to answer and with what is decided by :class:`bot.chat.policy.ChatPolicy`; this module only
knows how Telegram spells things: commands, mentions, replies, edits, buttons, inline queries.
Every call sets ``parse_mode`` and switches link previews off itself, so the bot looks the same
inside a host application whatever its ``Defaults``; button data carries :data:`CALLBACK_PREFIX`
so a host's own buttons never reach us.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Iterable, Sequence
from functools import lru_cache, partial
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.chat.actions import Answer, ChatKind, Decision, Ignore, Incoming, Notice, Press
from bot.chat.policy import ChatPolicy
from bot.frontends.telegram.bot_api import describe, is_fatal, is_transient
from bot.render.reply import Button, Reply

log = logging.getLogger(__name__)

CALLBACK_PREFIX = "hc:"  # our buttons' callback data: "hc:" + the service's action
MAX_CALLBACK_BYTES = 64  # Telegram's limit on callback data


class _NoPreview(LinkPreviewOptions):
    """``LinkPreviewOptions(is_disabled=True)`` that hands PTB its wire form without working it
    out on every send (``to_dict()`` walks the object's attributes: ~8 µs of each answer)."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(is_disabled=True)

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        return {"is_disabled": True}  # a fresh dict each time: no caller can change ours


NO_PREVIEW = _NoPreview()  # cards link to RFCs; a preview would bury them


def callback_data(action: str) -> str | None:
    """The namespaced callback data for a button, or None if Telegram would refuse it."""
    data = CALLBACK_PREFIX + action
    return data if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES else None


# Keyboards of the cards rendered at start (Service.prerender), built at start too: ~65 µs
# each. Keyed by the Reply object (identity); refilled by each prebuild_keyboards call.
_prebuilt: dict[Reply, InlineKeyboardMarkup | None] = {}


def prebuild_keyboards(replies: Iterable[Reply]) -> None:
    _prebuilt.clear()
    for reply in replies:
        _prebuilt[reply] = _build_keyboard.__wrapped__(_buttons(reply))


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if reply in _prebuilt:
        return _prebuilt[reply]
    if not reply.buttons:
        return None
    return _build_keyboard(_buttons(reply))


def _buttons(reply: Reply) -> tuple[tuple[Button, ...], ...]:
    return tuple(map(tuple, reply.buttons))


class _Keyboard(InlineKeyboardMarkup):
    """An inline keyboard that works out its wire form once.

    python-telegram-bot serialises ``reply_markup`` with ``to_dict()`` on every send (~35 µs
    for a card's five buttons, a tenth of a cold ``/code 503``); keyboards are immutable and
    each is sent again and again, so every send gets a fresh copy of the form worked out
    here (~3 µs). The form is exactly what ``to_dict()`` returned.
    """

    __slots__ = ("_rows", "_wire")

    def __init__(self, inline_keyboard: Sequence[Sequence[InlineKeyboardButton]]) -> None:
        super().__init__(inline_keyboard)
        self._wire = super().to_dict()  # a protected attribute: settable on a frozen object
        # Callback buttons, as every card has, are flat dicts of text: each send copies them
        # in one comprehension (~3 µs) instead of a call per dict, list and value (~8 µs).
        rows = self._wire.get("inline_keyboard")
        flat = (
            len(self._wire) == 1
            and isinstance(rows, list)
            and all(
                isinstance(row, list)
                and all(isinstance(b, dict) and all(map(_json_scalar, b.values())) for b in row)
                for row in rows
            )
        )
        self._rows = rows if flat else None

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        if not recursive:
            return super().to_dict(recursive=False)
        if self._rows is not None:
            return {"inline_keyboard": [[button.copy() for button in row] for row in self._rows]}
        return _copied(self._wire)


def _json_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _copied(value: Any) -> Any:
    """A copy of nested dicts and lists (of JSON values): no caller can change the original."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


# Keyed by the buttons, not by the Reply: a key that held the Reply kept every answer's
# rendered card alive until 1,024 later answers pushed it out (~5 KB each), though only the
# cached cards, which come back as the same Reply, could ever hit. The same buttons now share
# one markup, whichever card carries them; markups are immutable.
@lru_cache(maxsize=256)
def _build_keyboard(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    rows = []
    for row in buttons:
        keys = []
        for button in row:
            data = callback_data(button.action)
            if data is None:  # one oversized button must not make Telegram refuse the whole card
                log.warning("按钮数据超过 %d 字节，已略去：%r", MAX_CALLBACK_BYTES, button.action[:80])
                continue
            keys.append(InlineKeyboardButton(button.text, callback_data=data))
        if keys:
            rows.append(keys)
    return _Keyboard(rows) if rows else None


def _markup(decision: Answer | Notice) -> InlineKeyboardMarkup | None:
    return keyboard(decision.reply) if isinstance(decision, Answer) else None


def _chat_kind(chat_type: str) -> ChatKind:
    return "private" if chat_type == ChatType.PRIVATE else "group"


class TelegramAdapter:
    """The handler callbacks. ``policy`` decides; these translate and deliver."""

    def __init__(self, policy: ChatPolicy) -> None:
        self.policy = policy

    # --- messages --------------------------------------------------------------------------

    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Any of our commands (CommandHandler has checked that it is addressed to us)."""
        message = update.effective_message
        if message is None or not message.text or not message.entities:
            return
        token = message.parse_entity(message.entities[0])  # "/code@OurBot", at offset 0
        name = token[1:].split("@", 1)[0].lower()
        # The arguments as typed: context.args would fold the line breaks of a pasted log.
        await self._handle(update, self._incoming(update, context, message.text[len(token) :], name))

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        await self._handle(update, self._incoming(update, context, message.text))

    async def _handle(self, update: Update, incoming: Incoming) -> None:
        await self._guarded(update, self._decide_and_deliver(update, incoming))

    async def _decide_and_deliver(self, update: Update, incoming: Incoming) -> None:
        decision = await self.policy.handle(incoming)  # may ask Telegram whether someone is an admin
        message = update.effective_message
        assert message is not None
        await self._deliver(message, incoming, decision)

    def _incoming(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, command: str | None = None
    ) -> Incoming:
        message = update.effective_message
        assert message is not None
        bot = context.bot
        mentioned = False
        if command is None:
            mentioned, text = self._without_mentions(message, bot)
        replied = message.reply_to_message
        user = message.from_user or message.sender_chat or message.chat
        return Incoming(
            chat=_chat_kind(message.chat.type),
            chat_id=message.chat.id,
            user_id=user.id,
            message_id=message.message_id,
            text=text.strip(),
            command=command,
            is_edit=update.edited_message is not None,
            mentions_us=mentioned,
            reply_to_us=replied is not None and self._from_bot(replied, bot),
            replied_text=(replied.text or replied.caption or "") if replied is not None else "",
            bot_name=bot.username or "",
            is_admin=partial(self._is_admin, message, bot),
        )

    async def _deliver(self, message: Message, incoming: Incoming, decision: Decision) -> None:
        if isinstance(decision, Ignore):
            return
        body, markup = decision.html(), _markup(decision)
        if decision.edit_of is not None and await self._edit(
            message.get_bot(), message.chat.id, int(decision.edit_of), body, markup
        ):
            return
        sent = await message.reply_text(
            body,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=markup,
            do_quote=decision.quote,
            allow_sending_without_reply=True,
        )
        self.policy.sent(incoming, decision, sent.message_id)

    @staticmethod
    async def _edit(
        bot: Bot, chat_id: int, message_id: int, body: str, markup: InlineKeyboardMarkup | None
    ) -> bool:
        """Edit our earlier answer; False if it is gone (deleted, too old), so a new one is sent."""
        try:
            await bot.edit_message_text(
                body,
                chat_id=chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_markup=markup,
            )
        except BadRequest as exc:
            text = str(exc).lower()
            if "not modified" in text:
                return True  # the edit did not change the answer
            if "not found" in text or "can't be edited" in text:
                return False
            raise
        return True

    # --- buttons and inline mode -----------------------------------------------------------

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        data = query.data or ""
        # Cards sent before callback data was namespaced carry the bare action; only the
        # standalone bot, which owns every button, routes those here.
        action = data.removeprefix(CALLBACK_PREFIX)
        chat = query.message.chat if query.message is not None else None  # None: an inline-mode card
        decision = self.policy.press(
            Press(
                chat=_chat_kind(chat.type) if chat is not None else None,
                chat_id=chat.id if chat is not None else None,
                user_id=query.from_user.id,
                action=action,
            )
        )
        await self._guarded(update, self._show_pressed(update, decision))

    @staticmethod
    async def _show_pressed(update: Update, decision: Answer | Notice) -> None:
        query = update.callback_query
        assert query is not None
        if isinstance(decision, Notice):
            await query.answer(decision.plain(), show_alert=False)
            return
        await query.answer()
        try:
            await query.edit_message_text(
                decision.html(),
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_markup=keyboard(decision.reply),
            )
        except BadRequest as exc:
            # Pressing the button of the card already shown changes nothing.
            if "not modified" not in str(exc).lower():
                raise

    async def inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        matches = self.policy.inline(query.from_user.id, query.query)
        if matches is None:
            # Personal and uncached, so other people typing the same text still get results.
            await self._guarded(update, query.answer([], cache_time=0, is_personal=True))
            return
        service = self.policy.service
        results = []
        for index, match in enumerate(matches):
            card = service.card(match)
            results.append(
                InlineQueryResultArticle(
                    id=str(index),
                    title=service.inline_title(match),
                    description=service.describe(match)[:200],
                    input_message_content=InputTextMessageContent(
                        card.html(), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                    ),
                    reply_markup=keyboard(card),
                )
            )
        await self._guarded(update, query.answer(results, cache_time=300, is_personal=False))

    # --- failures ----------------------------------------------------------------------------

    @staticmethod
    async def _guarded(update: Update, call: Awaitable[object]) -> None:
        """Carry out a Bot API call; a failure that is no bug here is one log line, not a traceback
        in the host's error handler."""
        try:
            await call
        except TelegramError as exc:
            if not (is_transient(exc) or is_fatal(exc) or isinstance(exc, Forbidden)):
                raise
            # The Bot API failed after the retries (bot.frontends.telegram.delivery logged each),
            # refused the token (the process is stopping), or the user blocked the bot.
            log.warning("未能回答%s：%s", _where(update), describe(exc))

    @staticmethod
    async def error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The standalone bot's error handler (a plugin leaves errors to its host's)."""
        error = context.error
        if error is not None and (is_transient(error) or is_fatal(error) or isinstance(error, Forbidden)):
            log.warning("未能回答%s：%s", _where(update), describe(error))
            return
        log.error("处理更新时出错%s", _where(update), exc_info=error)

    # --- Telegram details ----------------------------------------------------------------------

    @staticmethod
    def _without_mentions(message: Message, bot: Bot) -> tuple[bool, str]:
        """Does the message @mention us? Returns the text with those mentions taken out too."""
        text = message.text or ""
        username = (bot.username or "").lower()
        mentioned = False
        for value in message.parse_entities([MessageEntity.MENTION]).values():
            if username and value.lower() == f"@{username}":
                mentioned = True
                text = text.replace(value, " ")
        for entity in message.entities:
            if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
                mentioned = True
        return mentioned, text

    @staticmethod
    def _from_bot(message: Message, bot: Bot) -> bool:
        return bool(message.from_user and message.from_user.id == bot.id)

    @staticmethod
    async def _is_admin(message: Message, bot: Bot) -> bool:
        if message.sender_chat is not None and message.sender_chat.id == message.chat.id:
            return True  # an anonymous admin posting as the group
        if message.from_user is None:
            return False
        member = await bot.get_chat_member(message.chat.id, message.from_user.id)
        return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def _where(update: object) -> str:
    if not isinstance(update, Update):
        return ""
    chat = update.effective_chat
    return f" (update {update.update_id}, chat {chat.id if chat else '-'})"
