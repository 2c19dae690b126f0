"""Thin Telegram handlers: decide whether to answer, then send what the Service says.

All understanding and rendering lives in the pure core (bot.chat.service and below);
this module only knows about chats, mentions, buttons and message edits.
"""

from __future__ import annotations

import html
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from bot.chat.flood import SlidingWindow
from bot.chat.service import Service
from bot.chat.store import ChatSettings
from bot.core.match import Resolution
from bot.frontends.telegram.bot_api import describe, is_fatal, is_transient
from bot.render.reply import Reply
from bot.retrieval.resolver import is_explicit

log = logging.getLogger(__name__)

HELP_TEXT = (
    "👋 <b>状态码助手</b>：用中文解释 HTTP 状态码和云 API 错误。\n\n"
    "<b>怎么问</b>\n"
    "• 直接发状态码：<code>503</code>、<code>HTTP/1.1 502 Bad Gateway</code>\n"
    "• 用大白话：<code>网关超时怎么办</code>、<code>上传文件太大被拒了</code>\n"
    "• 比较：<code>401 和 403 的区别</code>；一类：<code>5xx</code>\n"
    "• 贴日志或报错：<code>upstream timed out</code>、<code>InvalidImageId.NotFound</code>\n\n"
    "<b>命令</b>\n"
    "/code &lt;问题&gt; 查询（回复别人的消息发 /code，会解释那条消息）\n"
    "/auto on|off 群里自动解释带状态码的消息（仅管理员）\n"
    "/help 显示本帮助\n\n"
    "在群里：发命令、@我 或回复我的消息时我才会回答，不会打扰聊天。\n"
    "在任何聊天的输入框里打 <code>@{username} 503</code>，可以直接把卡片发出去（inline 模式）。"
)
CODE_USAGE = (
    "用法：<code>/code 503</code>、<code>/code 网关超时</code>、<code>/code 401 vs 403</code>\n"
    "也可以回复一条带报错的消息，再发 <code>/code</code>。"
)
RATE_LIMITED = "问得有点快，歇几秒再试吧 🙏"


@lru_cache(maxsize=1024)  # cached cards come back as the same Reply; markups are immutable
def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    rows = [
        [InlineKeyboardButton(b.text, callback_data=b.action) for b in row] for row in reply.buttons if row
    ]
    return InlineKeyboardMarkup(rows) if rows else None


@dataclass
class BotHandlers:
    service: Service
    settings: ChatSettings
    auto_cooldown: float  # seconds between two auto-mode answers in one group
    # Per user everywhere (6 questions a minute), per group (20 a minute).
    user_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(6, 60.0))
    chat_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(20, 60.0))
    notice_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(1, 60.0))
    # Inline queries arrive as people type, so their own, looser limit per user.
    inline_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(30, 60.0))
    # Messages read per auto-mode group and minute while its cooldown is over.
    auto_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(30, 60.0))
    # group -> time.monotonic() when its auto-mode cooldown ends. Kept here rather than in a
    # flood.Cooldown because the check must not use the cooldown up before the message is read.
    auto_quiet_until: dict[int, float] = field(default_factory=dict)
    # (chat_id, message_id of the question) -> message_id of our answer, for edits.
    answers: OrderedDict[tuple[int, int], int] = field(default_factory=OrderedDict)
    max_answers: int = 2000

    # --- commands --------------------------------------------------------------------

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or update.edited_message is not None:
            return
        username = html.escape(context.bot.username or "")
        await message.reply_text(HELP_TEXT.format(username=username), do_quote=self._quote(message))

    async def code(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None:
            return
        query = " ".join(context.args or [])
        if not query and message.reply_to_message is not None:
            replied = message.reply_to_message
            query = replied.text or replied.caption or ""
        if not query.strip():
            await self._send(update, CODE_USAGE, None)
            return
        if await self._admit(update, message):
            await self._answer(update, self.service.resolve(query))

    async def auto(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or update.edited_message is not None:
            return
        chat = message.chat
        if chat.type == ChatType.PRIVATE:
            await message.reply_text("自动模式只在群里有用：私聊里我本来就会回答每条消息。")
            return
        arg = (context.args or [""])[0].lower()
        if arg not in ("on", "off"):
            state = "开启" if self.settings.auto_mode(chat.id) else "关闭"
            await message.reply_text(
                f"自动模式当前{state}。管理员可发 <code>/auto on</code> 或 <code>/auto off</code>：开启后，"
                "群里带明确状态码或已知报错的消息会被自动解释（有冷却时间，不会刷屏）。",
                do_quote=True,
            )
            return
        if not await self._is_admin(message, context):
            await message.reply_text("只有群管理员能切换自动模式。", do_quote=True)
            return
        self.settings.set_auto_mode(chat.id, arg == "on")
        text = "已开启自动模式 ✅" if arg == "on" else "已关闭自动模式"
        await message.reply_text(text, do_quote=True)

    # --- free text -------------------------------------------------------------------

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        if message.chat.type == ChatType.PRIVATE:
            if await self._admit(update, message):
                await self._answer(update, self.service.resolve(message.text))
            return
        addressed, query = self._addressed(message, context)
        if addressed:
            replied = message.reply_to_message
            if not query.strip() and replied is not None and not self._from_bot(replied, context):
                query = replied.text or replied.caption or ""  # "@bot" under someone's log
            if not query.strip():
                await message.reply_text(CODE_USAGE, do_quote=True)
            elif await self._admit(update, message):
                await self._answer(update, self.service.resolve(query))
            return
        await self._auto(update, message)

    async def _auto(self, update: Update, message: Message) -> None:
        """Auto mode: every check that costs nothing comes before reading the message."""
        chat_id = message.chat.id
        if not self.settings.auto_mode(chat_id):
            return
        if update.edited_message is not None:
            if (chat_id, message.message_id) not in self.answers:
                return  # an edit must not trigger a first auto answer after the fact
            if not self._allowed(message):
                return
        elif not self._auto_ready(chat_id) or not self.auto_limit.allow(chat_id):
            return
        res = self.service.resolve(message.text or "")
        if not is_explicit(res):
            return
        if update.edited_message is None:
            self.auto_quiet_until[chat_id] = time.monotonic() + self.auto_cooldown
        await self._answer(update, res)

    # --- buttons and inline mode ----------------------------------------------------------

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        reply = self.service.press(query.data or "")
        if reply is None:
            await query.answer("这个按钮已经过期了，请重新提问。", show_alert=False)
            return
        await query.answer()
        try:
            await query.edit_message_text(reply.html(), reply_markup=keyboard(reply))
        except BadRequest as exc:
            # Pressing the button of the card already shown changes nothing.
            if "not modified" not in str(exc).lower():
                raise

    async def inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        if not self.inline_limit.allow(query.from_user.id):
            # Personal and uncached, so other people typing the same text still get results.
            await query.answer([], cache_time=0, is_personal=True)
            return
        text = query.query.strip()
        if not text:
            res = self.service.resolve("5xx")
            matches = list(res.matches[:8])
        else:
            matches = list(self.service.resolve(text).matches[:8])
        results = []
        for index, match in enumerate(matches):
            card = self.service.card(match)
            results.append(
                InlineQueryResultArticle(
                    id=str(index),
                    title=self.service.inline_title(match),
                    description=self.service.describe(match)[:200],
                    input_message_content=InputTextMessageContent(card.html(), parse_mode=ParseMode.HTML),
                    reply_markup=keyboard(card),
                )
            )
        await query.answer(results, cache_time=300, is_personal=False)

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        where = ""
        if isinstance(update, Update):
            chat = update.effective_chat
            where = f" (update {update.update_id}, chat {chat.id if chat else '-'})"
        if error is not None and (is_transient(error) or is_fatal(error) or isinstance(error, Forbidden)):
            # Not a bug here: the Bot API failed after the retries (bot.frontends.telegram.delivery logged each),
            # refused the token (the process is stopping), or the user blocked the bot.
            log.warning("未能回答%s：%s", where, describe(error))
            return
        log.error("处理更新时出错%s", where, exc_info=error)

    # --- helpers ---------------------------------------------------------------------

    async def _answer(self, update: Update, res: Resolution) -> None:
        reply = self.service.answer(res)
        await self._send(update, reply.html(), keyboard(reply))

    async def _send(self, update: Update, body: str, markup: InlineKeyboardMarkup | None) -> None:
        """Answer a message, or edit our earlier answer when the question was edited."""
        message = update.effective_message
        assert message is not None
        key = (message.chat.id, message.message_id)
        previous = self.answers.get(key)
        if update.edited_message is not None and previous is not None:
            try:
                await message.get_bot().edit_message_text(
                    body, chat_id=message.chat.id, message_id=previous, reply_markup=markup
                )
            except BadRequest as exc:
                if "not modified" not in str(exc).lower():
                    raise
            return
        sent = await message.reply_text(body, reply_markup=markup, do_quote=self._quote(message))
        self.answers[key] = sent.message_id
        while len(self.answers) > self.max_answers:
            self.answers.popitem(last=False)

    async def _admit(self, update: Update, message: Message) -> bool:
        """Flood control, edits included (each one is read again); in a private chat the first
        refusal says why, later ones are silent."""
        if self._allowed(message):
            return True
        if message.chat.type == ChatType.PRIVATE and self.notice_limit.allow(message.chat.id):
            await message.reply_text(RATE_LIMITED)
        return False

    def _auto_ready(self, chat_id: int) -> bool:
        """Is the group's auto-mode cooldown over? Only looks; answering starts the next one."""
        until = self.auto_quiet_until.get(chat_id)
        if until is None:
            return True
        if time.monotonic() < until:
            return False
        del self.auto_quiet_until[chat_id]  # keeps the dict to the groups cooling down now
        return True

    @staticmethod
    def _quote(message: Message) -> bool:
        return message.chat.type != ChatType.PRIVATE

    def _allowed(self, message: Message) -> bool:
        """Flood protection: per user everywhere, and per chat in groups."""
        user_id = message.from_user.id if message.from_user else message.chat.id
        if not self.user_limit.allow(("user", user_id)):
            log.info("限流：用户 %s 在 chat %s 请求过快", user_id, message.chat.id)
            return False
        if message.chat.type != ChatType.PRIVATE and not self.chat_limit.allow(("chat", message.chat.id)):
            log.info("限流：chat %s 请求过快", message.chat.id)
            return False
        return True

    @staticmethod
    def _addressed(message: Message, context: ContextTypes.DEFAULT_TYPE) -> tuple[bool, str]:
        """Is this group message for us (mention or reply to us)? Returns the question too."""
        text = message.text or ""
        username = (context.bot.username or "").lower()
        mentioned = False
        for value in message.parse_entities([MessageEntity.MENTION]).values():
            if username and value.lower() == f"@{username}":
                mentioned = True
                text = text.replace(value, " ")
        for entity in message.entities:
            if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == context.bot.id:
                mentioned = True
        replied = message.reply_to_message
        to_us = replied is not None and BotHandlers._from_bot(replied, context)
        return mentioned or to_us, text

    @staticmethod
    def _from_bot(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
        return bool(message.from_user and message.from_user.id == context.bot.id)

    @staticmethod
    async def _is_admin(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
        if message.sender_chat is not None and message.sender_chat.id == message.chat.id:
            return True  # an anonymous admin posting as the group
        if message.from_user is None:
            return False
        member = await context.bot.get_chat_member(message.chat.id, message.from_user.id)
        return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
