"""Feishu, QQ (official) and Telegram events through the plugin: the adapters' own event, bot and
message classes, with nonebug's stand-in adapter under the adapter's name (the real adapters
need an HTTP/WebSocket driver, and the plugin asks an adapter only for its name)."""

from __future__ import annotations

import itertools
import json
from typing import Any

import nonebot
from nonebot.adapters import Adapter
from nonebot.adapters.feishu import Bot as FeishuBot
from nonebot.adapters.feishu import GroupMessageEvent as FeishuGroup
from nonebot.adapters.feishu import PrivateMessageEvent as FeishuPrivate
from nonebot.adapters.feishu.config import BotConfig as FeishuConfig
from nonebot.adapters.feishu.message import Post
from nonebot.adapters.feishu.models import BotInfo as FeishuInfo
from nonebot.adapters.feishu.models.common import (
    EventHeader,
    GroupEventMessage,
    GroupMessageEventDetail,
    MessageBody,
    PrivateEventMessage,
    PrivateMessageEventDetail,
    Reply,
    ReplySender,
    Sender,
    UserId,
)
from nonebot.adapters.qq import Bot as QQBot
from nonebot.adapters.qq import C2CMessageCreateEvent, GroupAtMessageCreateEvent
from nonebot.adapters.qq import Message as QQMessage
from nonebot.adapters.qq.config import BotInfo as QQInfo
from nonebot.adapters.qq.models import FriendAuthor, GroupMemberAuthor
from nonebot.adapters.telegram import Bot as TelegramBot
from nonebot.adapters.telegram.config import BotConfig as TelegramConfig
from nonebot.adapters.telegram.event import MessageEvent as TelegramMessage
from nonebot_helpers import Says

_ids = itertools.count(1)


def stand_in(ctx: Any, name: str) -> Adapter:
    """An adapter that says it is ``name`` and hands API calls to nonebug (nonebug's own fake
    adapter calls itself "fake")."""

    class Named(Adapter):
        @classmethod
        def get_name(cls) -> str:
            return name

        async def _call_api(self, bot: Any, api: str, **data: Any) -> Any:
            return ctx.got_call_api(self, api, **data)

    return Named(nonebot.get_driver())


# --- Feishu ----------------------------------------------------------------------------------------

APP_ID = "cli_a1b2c3"


def feishu_bot(ctx: Any) -> FeishuBot:
    info = FeishuInfo(
        activate_status=2,
        app_name="状态码助手",
        avatar_url="https://example.org/a.png",
        ip_white_list=[],
        open_id="ou_bot",
    )
    config = FeishuConfig(app_id=APP_ID, app_secret="secret", verification_token="token")
    return ctx.create_bot(
        base=FeishuBot, adapter=stand_in(ctx, "Feishu"), self_id=APP_ID, bot_config=config, bot_info=info
    )


def feishu_event(
    text: str, *, chat: str | None = None, to_me: bool = False, reply: Reply | None = None
) -> Any:
    header = EventHeader(
        event_id=f"e{next(_ids)}",
        event_type="im.message.receive_v1",
        create_time="1700000000000",
        token="t",
        app_id=APP_ID,
        tenant_key="tk",
    )
    sender = Sender(
        sender_id=UserId(union_id="on_1", user_id="u_1", open_id="ou_alice"),
        sender_type="user",
        tenant_key="tk",
    )
    fields = {
        "message_id": f"om_{next(_ids)}",
        "create_time": "1700000000000",
        "message_type": "text",
        "content": json.dumps({"text": text}, ensure_ascii=False),
    }
    if chat is None:
        detail: Any = PrivateMessageEventDetail(
            sender=sender, message=PrivateEventMessage(chat_id="oc_p2p", chat_type="p2p", **fields)
        )
        return FeishuPrivate(schema="2.0", header=header, event=detail, to_me=True, reply=reply)
    detail = GroupMessageEventDetail(
        sender=sender, message=GroupEventMessage(chat_id=chat, chat_type="group", **fields)
    )
    return FeishuGroup(schema="2.0", header=header, event=detail, to_me=to_me, reply=reply)


def feishu_reply(message_id: str, text: str, *, from_bot: bool) -> Reply:
    return Reply(
        message_id=message_id,
        msg_type="text",
        create_time="1700000000000",
        update_time="1700000000000",
        deleted=False,
        updated=False,
        chat_id="oc_ops",
        sender=ReplySender(
            id=APP_ID if from_bot else "ou_bob",
            id_type="app_id" if from_bot else "open_id",
            sender_type="app",
            tenant_key="tk",
        ),
        body=MessageBody(content=json.dumps({"text": text}, ensure_ascii=False)),
    )


def post_nodes(post: Post) -> list[dict[str, Any]]:
    return [node for line in post.data["content"] for node in line]


async def test_feishu_answers_a_mention_with_a_rich_text_post(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = feishu_bot(ctx)
        event = feishu_event("503", chat="oc_ops", to_me=True)
        ctx.receive_event(bot, event)
        card = Says("503 Service Unavailable", "回复这条消息（或 @我）发 1–5 查看", kind=Post)
        ctx.should_call_send(event, card, result={"message_id": "om_bot1"})
        ctx.receive_event(bot, feishu_event("503", chat="oc_ops"))  # chatter: ignored
    sent = card.last
    nodes = post_nodes(sent)
    assert {"tag": "text", "text": "含义", "style": ["bold"]} in nodes
    assert any(
        n["tag"] == "a" and n["href"].startswith("https://www.rfc-editor.org/rfc/rfc9110") for n in nodes
    )


async def test_feishu_reply_with_a_number_opens_that_cards_follow_up(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = feishu_bot(ctx)
        question = feishu_event("/code 502", chat="oc_dev")
        ctx.receive_event(bot, question)
        ctx.should_call_send(question, Says("502 Bad Gateway", kind=Post), result={"message_id": "om_card"})
        number = feishu_event(
            "1", chat="oc_dev", to_me=True, reply=feishu_reply("om_card", "…", from_bot=True)
        )
        ctx.receive_event(bot, number)
        ctx.should_call_send(
            number, Says("504 Gateway Timeout", kind=Post), result={"message_id": "om_card2"}
        )


async def test_feishu_code_under_someone_elses_message_and_private_text(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = feishu_bot(ctx)
        under = feishu_event(
            "/code", chat="oc_qa", reply=feishu_reply("om_x", "网关超时怎么办", from_bot=False)
        )
        ctx.receive_event(bot, under)
        ctx.should_call_send(under, Says("504 Gateway Timeout", kind=Post), result={"message_id": "om_1"})
        private = feishu_event("InvalidImageId.NotFound")
        ctx.receive_event(bot, private)
        ctx.should_call_send(private, Says("InvalidImageId.NotFound", "回复 1/2 查看", kind=Post), result={})


# --- QQ (official bots) ----------------------------------------------------------------------------


def qq_bot(ctx: Any) -> QQBot:
    info = QQInfo(id="102000000", secret="secret")
    return ctx.create_bot(base=QQBot, adapter=stand_in(ctx, "QQ"), self_id="102000000", bot_info=info)


def qq_group(text: str, *, role: str = "member", group: str = "G_OPENID") -> GroupAtMessageCreateEvent:
    author = GroupMemberAuthor(id="A1", bot=False, member_openid="M_OPENID", member_role=role)
    return GroupAtMessageCreateEvent(
        id=f"ROBOT1.0_{next(_ids)}",
        content=" " + text,
        timestamp="2024-01-01T00:00:00+08:00",
        author=author,
        group_id=group,
        group_openid=group,
    )


def qq_private(text: str) -> C2CMessageCreateEvent:
    author = FriendAuthor(id="F1", user_openid="U_OPENID")
    return C2CMessageCreateEvent(
        id=f"ROBOT1.0_{next(_ids)}", content=text, timestamp="2024-01-01T00:00:00+08:00", author=author
    )


async def test_qq_group_card_is_split_under_the_limit_without_urls(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = qq_bot(ctx)
        event = qq_group("/code 502")  # about 2300 characters: two messages
        ctx.receive_event(bot, event)
        first = Says("502 Bad Gateway", absent=("https://", "回复这条消息"), kind=QQMessage)
        second = Says(
            "📖 出处：RFC 9110", "回复这条消息（或 @我）发 1–5 查看", absent=("https://", "502 Bad Gateway")
        )
        ctx.should_call_send(event, first, result=None)
        ctx.should_call_send(event, second, result=None)
    assert len(first.text) <= 2000 and len(second.text) <= 2000


async def test_qq_private_text_and_group_roles(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = qq_bot(ctx)
        private = qq_private("网关超时怎么办")
        ctx.receive_event(bot, private)
        ctx.should_call_send(private, Says("504 Gateway Timeout"), result=None)
        member = qq_group("/auto on", role="member", group="G2")
        ctx.receive_event(bot, member)
        ctx.should_call_send(member, Says("只有群管理员能切换自动模式"), result=None)
        admin = qq_group("/auto on", role="admin", group="G2")
        ctx.receive_event(bot, admin)
        ctx.should_call_send(admin, Says("已开启自动模式"), result=None)


# --- Telegram (NoneBot's adapter) --------------------------------------------------------------------

TELEGRAM_ID = 777000


def telegram_bot(ctx: Any) -> TelegramBot:
    config = TelegramConfig(token=f"{TELEGRAM_ID}:AAtest")
    return ctx.create_bot(
        base=TelegramBot, adapter=stand_in(ctx, "Telegram"), self_id=str(TELEGRAM_ID), config=config
    )


def telegram_event(text: str, *, chat: int, user: int = 5, reply: dict[str, Any] | None = None) -> Any:
    chat_type = "private" if chat > 0 else "supergroup"
    message: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 1_700_000_000,
        "chat": {"id": chat, "type": chat_type, "title": "运维"},
        "from": {"id": user, "is_bot": False, "first_name": "Ann"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if reply is not None:
        message["reply_to_message"] = reply
    return TelegramMessage.parse_event(message)


async def test_telegram_gets_html_and_explains_a_replied_message(app: Any) -> None:
    replied = {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": {"id": -1001, "type": "supergroup", "title": "运维"},
        "from": {"id": 6, "is_bot": False, "first_name": "Bob"},
        "text": "网关超时怎么办",
    }
    async with app.test_matcher() as ctx:
        bot = telegram_bot(ctx)
        event = telegram_event("/code 503", chat=-1001)
        ctx.receive_event(bot, event)
        html = Says(
            "<b>含义</b>", '<a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4">', kind=str
        )
        ctx.should_call_send(event, html, result=None, parse_mode="HTML")
        under = telegram_event("/code", chat=-1001, reply=replied)
        ctx.receive_event(bot, under)
        ctx.should_call_send(under, Says("504 Gateway Timeout", kind=str), result=None, parse_mode="HTML")


async def test_telegram_asks_the_chat_member_api_for_admins(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = telegram_bot(ctx)
        event = telegram_event("/auto on", chat=-1002, user=8)
        ctx.receive_event(bot, event)
        ctx.should_call_api(
            "get_chat_member",
            {"chat_id": -1002, "user_id": 8},
            result={
                "status": "creator",
                "user": {"id": 8, "is_bot": False, "first_name": "Ann"},
                "is_anonymous": False,
            },
        )
        ctx.should_call_send(event, Says("已开启自动模式", kind=str), result=None, parse_mode="HTML")
