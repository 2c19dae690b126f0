"""Real Update objects through the real Application, with a transport that records Bot API calls."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from telegram import Update

from bot.chat.store import ChatSettings
from bot.config import load_config
from bot.frontends.telegram.app import build_application, plugin_handle
from tests.fakes import BOT_ID, BOT_USERNAME, TOKEN, FakeClock, RecordingRequest
from tests.html_check import html_problems

USER = {"id": 4242, "is_bot": False, "first_name": "小王", "username": "xiaowang"}
ADMIN = {"id": 9001, "is_bot": False, "first_name": "管理员"}
PRIVATE = {"id": 4242, "type": "private", "first_name": "小王"}
GROUP = {"id": -100123, "type": "supergroup", "title": "运维群"}
_ids = itertools.count(100)


def message(text: str, chat=PRIVATE, user=USER, reply_to=None, message_id=None, entities=None) -> dict:
    msg = {
        "message_id": message_id or next(_ids),
        "date": 1_700_000_000,
        "chat": chat,
        "from": user,
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        msg["entities"] = [
            {"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}
        ]
    if entities:
        msg["entities"] = entities
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    return msg


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def app(service, tmp_path: Path, clock: FakeClock):
    request = RecordingRequest()
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "HTTPCODE_DATA_DIR": str(tmp_path)})
    application = build_application(
        config,
        service,
        request=request,
        get_updates_request=RecordingRequest(),
        settings=ChatSettings(tmp_path / "settings.sqlite3"),
        rate_limiter=False,
        clock=clock,
    )
    await application.initialize()
    request.clear()
    application.request = request  # type: ignore[attr-defined]
    yield application
    await application.shutdown()


async def feed(app, **update) -> list:
    request: RecordingRequest = app.request
    request.clear()
    await app.process_update(Update.de_json({"update_id": next(_ids), **update}, app.bot))
    return request.calls


def sent(calls, method="sendMessage"):
    return [c.params for c in calls if c.method == method]


def buttons(params) -> list[tuple[str, str]]:
    rows = params.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def test_start_in_private(app):
    calls = await feed(app, message=message("/start"))
    [params] = sent(calls)
    assert params["chat_id"] == PRIVATE["id"]
    assert params["parse_mode"] == "HTML"
    assert "状态码助手" in params["text"]
    assert "/code" in params["text"]
    assert f"<code>@{BOT_USERNAME} 503</code>" in params["text"]
    assert html_problems(params["text"]) == []


async def test_code_command_sends_card(app):
    calls = await feed(app, message=message("/code 503"))
    [params] = sent(calls)
    assert params["text"].startswith("🔥 <b>503 Service Unavailable</b>")
    assert "<b>服务不可用</b>" in params["text"]
    assert "Retry-After" in params["text"]
    labels = buttons(params)
    assert ("简略", "hc:status:503:b") in labels
    assert any(action == "hc:status:504" for _, action in labels)


async def test_code_without_argument_explains_usage(app):
    calls = await feed(app, message=message("/code"))
    [params] = sent(calls)
    assert "用法" in params["text"]


async def test_private_free_text_is_answered(app):
    calls = await feed(app, message=message("网关超时怎么办"))
    [params] = sent(calls)
    assert "<b>504 Gateway Timeout</b>" in params["text"]
    # Private chats get a plain answer, not a quote.
    assert "reply_parameters" not in params


async def test_user_text_is_escaped(app):
    calls = await feed(app, message=message("<b>吃饭</b> & <a href='x'>了吗</a>"))
    [params] = sent(calls)
    assert "&lt;b&gt;吃饭&lt;/b&gt; &amp; &lt;a href='x'&gt;了吗&lt;/a&gt;" in params["text"]
    assert "<b>吃饭</b>" not in params["text"]


async def test_comparison(app):
    calls = await feed(app, message=message("401 vs 403 有什么区别"))
    [params] = sent(calls)
    text = params["text"]
    assert text.index("401 Unauthorized") < text.index("403 Forbidden")
    assert any(a == "hc:status:401" for _, a in buttons(params))


async def test_group_chatter_is_ignored(app):
    for text in ("大家中午吃什么", "503", "upstream timed out while reading response header"):
        assert await feed(app, message=message(text, chat=GROUP)) == []


async def test_group_command_addressed_to_us(app):
    msg = message(f"/code@{BOT_USERNAME} 404", chat=GROUP)
    calls = await feed(app, message=msg)
    [params] = sent(calls)
    assert "<b>404 Not Found</b>" in params["text"]
    assert params["reply_parameters"]["message_id"] == msg["message_id"]


async def test_group_command_for_other_bot_is_ignored(app):
    assert await feed(app, message=message("/code@SomeOtherBot 404", chat=GROUP)) == []


async def test_group_mention(app):
    text = f"@{BOT_USERNAME} 网关超时怎么办"
    entities = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    calls = await feed(app, message=message(text, chat=GROUP, entities=entities))
    [params] = sent(calls)
    assert "504 Gateway Timeout" in params["text"]


async def test_group_reply_to_bot(app):
    bot_msg = {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": GROUP,
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "状态码助手", "username": BOT_USERNAME},
        "text": "之前的回答",
    }
    calls = await feed(app, message=message("那 502 呢", chat=GROUP, reply_to=bot_msg))
    [params] = sent(calls)
    assert "502 Bad Gateway" in params["text"]


async def test_code_as_reply_explains_replied_message(app):
    log_line = message(
        "2026/11/27 10:00:01 [error] 12#12: *345 upstream timed out (110: Connection timed out) "
        "while reading response header from upstream",
        chat=GROUP,
    )
    calls = await feed(app, message=message("/code", chat=GROUP, reply_to=log_line))
    [params] = sent(calls)
    assert "504 Gateway Timeout" in params["text"]


async def test_auto_mode_requires_admin_and_has_cooldown(app):
    calls = await feed(app, message=message("/auto on", chat=GROUP))
    assert "只有群管理员" in sent(calls)[0]["text"]
    app.request.admins.add(ADMIN["id"])
    calls = await feed(app, message=message("/auto on", chat=GROUP, user=ADMIN))
    assert "已开启" in sent(calls)[0]["text"]

    calls = await feed(app, message=message("我们接口一直返回 502，咋回事", chat=GROUP))
    [params] = sent(calls)
    assert "502 Bad Gateway" in params["text"]
    # Within the cooldown, the next explicit code in the same group is not answered.
    assert await feed(app, message=message("又来了 503", chat=GROUP)) == []
    # Chatter is never answered, even in auto mode.
    assert await feed(app, message=message("大家中午吃什么", chat=GROUP)) == []


async def test_auto_mode_persists(app, service, tmp_path):
    app.request.admins.add(ADMIN["id"])
    await feed(app, message=message("/auto on", chat=GROUP, user=ADMIN))
    reopened = ChatSettings(tmp_path / "settings.sqlite3")
    assert reopened.auto_mode(GROUP["id"]) is True
    reopened.close()


async def test_button_opens_related_card(app):
    callback = {
        "id": "cb1",
        "from": USER,
        "chat_instance": "ci",
        "data": "hc:status:502",
        "message": message("old card", chat=PRIVATE, user={"id": BOT_ID, "is_bot": True, "first_name": "b"}),
    }
    calls = await feed(app, callback_query=callback)
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    [params] = sent(calls, "editMessageText")
    assert "<b>502 Bad Gateway</b>" in params["text"]


async def test_brief_toggle(app):
    callback = {
        "id": "cb2",
        "from": USER,
        "chat_instance": "ci",
        "data": "hc:status:503:b",
        "message": message("old card", chat=PRIVATE, user={"id": BOT_ID, "is_bot": True, "first_name": "b"}),
    }
    calls = await feed(app, callback_query=callback)
    [params] = sent(calls, "editMessageText")
    assert "常见原因" not in params["text"]
    assert ("详细", "hc:status:503") in buttons(params)


async def test_forged_button_is_refused_politely(app):
    callback = {
        "id": "cb3",
        "from": USER,
        "chat_instance": "ci",
        "data": "hc:status:abc",
        "message": message("x"),
    }
    calls = await feed(app, callback_query=callback)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert "过期" in calls[0].params["text"]


async def test_edited_question_edits_answer(app):
    original = message("503", message_id=777)
    calls = await feed(app, message=original)
    answer_id = app.request.next_message_id
    edited = dict(original, text="504", edit_date=1_700_000_100)
    calls = await feed(app, edited_message=edited)
    assert [c.method for c in calls] == ["editMessageText"]
    params = calls[0].params
    assert params["message_id"] == answer_id
    assert "504 Gateway Timeout" in params["text"]


async def test_inline_query(app):
    calls = await feed(app, inline_query={"id": "iq1", "from": USER, "query": "网关超时", "offset": ""})
    [params] = sent(calls, "answerInlineQuery")
    first = params["results"][0]
    assert first["title"].startswith("504 Gateway Timeout")
    assert first["input_message_content"]["parse_mode"] == "HTML"
    assert "<b>504 Gateway Timeout</b>" in first["input_message_content"]["message_text"]


async def test_group_flood_protection(app, clock):
    """One person may take half of a group's 20 answers a minute; the rest is left for others."""
    answered = 0
    for n in range(15):
        calls = await feed(app, message=message(f"/code@{BOT_USERNAME} 40{n % 10}", chat=GROUP))
        answered += len(sent(calls))
    assert answered == 10
    other = {"id": 4343, "is_bot": False, "first_name": "别人"}
    third = {"id": 4444, "is_bot": False, "first_name": "第三人"}
    answered_others = 0
    for person in (other, third):
        for n in range(8):
            calls = await feed(app, message=message(f"/code 50{n}", chat=GROUP, user=person))
            answered_others += len(sent(calls))
    assert answered_others == 10, "the group's budget is 20 bot messages a minute"
    clock.advance(60)
    calls = await feed(app, message=message("/code 404", chat=GROUP))
    assert "404 Not Found" in sent(calls)[0]["text"], "a minute later the group may ask again"


async def test_post_init_registers_commands(app):
    app.request.clear()
    await app.post_init(app)
    calls = app.request.of("setMyCommands")
    assert [c.params["scope"]["type"] for c in calls] == ["all_private_chats", "all_group_chats"]
    assert [c["command"] for c in calls[0].params["commands"]] == ["code", "help", "start"]
    assert [c["command"] for c in calls[1].params["commands"]] == ["code", "auto", "help"]


async def test_private_flood_gets_one_notice_then_silence(app, clock):
    texts = []
    for n in range(14):
        calls = await feed(app, message=message(f"40{n % 10}"))
        texts += [p["text"] for p in sent(calls)]
    assert len(texts) == 11  # a burst of ten answers, one notice, then nothing
    assert texts[10] == "问得有点快，歇几秒再试吧 🙏"
    assert all("<b>40" in t for t in texts[:10])
    clock.advance(2)  # half a question a second flows back in
    calls = await feed(app, message=message("503"))
    assert "503 Service Unavailable" in sent(calls)[0]["text"]


async def test_private_chat_at_human_speed_is_never_refused(app, clock):
    for n in range(40):  # 20 a minute for two minutes, after a burst of five
        calls = await feed(app, message=message(f"50{n % 5}"))
        assert sent(calls)[0]["text"].startswith(f"🔥 <b>50{n % 5} "), n
        clock.advance(0 if n < 5 else 3)


async def test_every_send_sets_html_and_no_link_preview(app):
    """The application has no Defaults: each call says it itself, as a plugin must."""
    assert app.bot.defaults is None
    calls = await feed(app, message=message("/code 503"))
    calls += await feed(app, message=message("/start"))
    calls += await feed(app, message=message("/code"))
    for params in sent(calls):
        assert params["parse_mode"] == "HTML"
        assert params["link_preview_options"] == {"is_disabled": True}


async def test_buttons_of_cards_sent_before_the_prefix_still_work(app):
    """The standalone bot owns every button, so cards from before "hc:" keep working."""
    callback = {
        "id": "cb-old",
        "from": USER,
        "chat_instance": "ci",
        "data": "status:502",
        "message": message("old card", chat=PRIVATE, user={"id": BOT_ID, "is_bot": True, "first_name": "b"}),
    }
    calls = await feed(app, callback_query=callback)
    [params] = sent(calls, "editMessageText")
    assert "<b>502 Bad Gateway</b>" in params["text"]
    assert all(data.startswith("hc:") for _, data in buttons(params))


async def test_edit_of_a_deleted_answer_sends_a_new_one(app):
    original = message("503", message_id=778)
    await feed(app, message=original)
    app.request.deleted.add(app.request.next_message_id)  # the person deleted our answer
    calls = await feed(app, edited_message=dict(original, text="504", edit_date=1_700_000_100))
    assert [c.method for c in calls] == ["editMessageText", "sendMessage"]
    assert "504 Gateway Timeout" in sent(calls)[0]["text"]


async def test_edit_of_a_usage_notice_turns_it_into_the_answer(app):
    question = message("/code", chat=GROUP, message_id=779)
    calls = await feed(app, message=question)
    usage_id = app.request.next_message_id
    assert "用法" in sent(calls)[0]["text"]
    calls = await feed(app, edited_message=dict(question, text="/code 504", edit_date=1_700_000_100))
    [params] = sent(calls, "editMessageText")
    assert params["message_id"] == usage_id
    assert "504 Gateway Timeout" in params["text"]


async def test_code_help_shows_the_help(app):
    calls = await feed(app, message=message("/code help"))
    [params] = sent(calls)
    assert "状态码助手" in params["text"] and "/auto on|off" in params["text"]


async def test_bare_mention_under_someones_log_explains_it(app):
    log_line = message("curl: (22) The requested URL returned error: 403", chat=GROUP)
    text = f"@{BOT_USERNAME}"
    entities = [{"type": "mention", "offset": 0, "length": len(text)}]
    calls = await feed(app, message=message(text, chat=GROUP, reply_to=log_line, entities=entities))
    [params] = sent(calls)
    assert "403 Forbidden" in params["text"]


async def test_bare_mention_alone_explains_usage(app):
    text = f"@{BOT_USERNAME}"
    entities = [{"type": "mention", "offset": 0, "length": len(text)}]
    calls = await feed(app, message=message(text, chat=GROUP, entities=entities))
    [params] = sent(calls)
    assert "用法" in params["text"]


# --- checks before work: flood limits come before the message is read -------------------------


class CountingService:
    """The real Service, counting how often a message is read (resolved or asked)."""

    def __init__(self, service) -> None:
        self._service = service
        self.resolved: list[str] = []

    def resolve(self, text: str):
        self.resolved.append(text)
        return self._service.resolve(text)

    def ask(self, text: str, *args, **kwargs):
        self.resolved.append(text)
        return self._service.ask(text, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._service, name)


@pytest.fixture
def counting(app) -> CountingService:
    policy = plugin_handle(app).policy
    policy.service = CountingService(policy.service)
    return policy.service


async def auto_on(app) -> None:
    app.request.admins.add(ADMIN["id"])
    await feed(app, message=message("/auto on", chat=GROUP, user=ADMIN))


async def test_edits_count_against_the_flood_limit(app, counting):
    original = message("500", message_id=880)
    await feed(app, message=original)
    edits = []
    for n in range(1, 15):
        calls = await feed(
            app, edited_message=dict(original, text=f"50{n % 10}", edit_date=1_700_000_000 + n)
        )
        edits.append([c.method for c in calls])
    # A burst of ten in a private chat: the first answer and nine edits of it, one notice, then silence.
    assert edits[:9] == [["editMessageText"]] * 9
    assert edits[9] == ["sendMessage"], "one notice, beside the answer it could not update"
    assert edits[10:] == [[]] * 4
    assert len(counting.resolved) == 10, "an edit over the limit is not even read"


async def test_inline_queries_have_a_per_user_limit(app, counting):
    limit = plugin_handle(app).policy.inline_limit.limit
    for n in range(limit):
        calls = await feed(app, inline_query={"id": f"iq{n}", "from": USER, "query": "503", "offset": ""})
        assert sent(calls, "answerInlineQuery")[0]["results"], n
    calls = await feed(app, inline_query={"id": "iq-over", "from": USER, "query": "网关超时", "offset": ""})
    [params] = sent(calls, "answerInlineQuery")
    assert params["results"] == []
    assert params["is_personal"] is True and params["cache_time"] == 0, "nobody else gets the empty answer"
    assert "网关超时" not in counting.resolved, "a query over the limit is not even read"
    other = {"id": 4343, "is_bot": False, "first_name": "别人"}
    calls = await feed(app, inline_query={"id": "iq-other", "from": other, "query": "503", "offset": ""})
    assert sent(calls, "answerInlineQuery")[0]["results"], "the limit is per user"


async def test_auto_mode_reads_nothing_while_cooling_down(app, counting):
    await auto_on(app)
    calls = await feed(app, message=message("接口返回 502 了", chat=GROUP))
    assert "502 Bad Gateway" in sent(calls)[0]["text"]
    counting.resolved.clear()
    for text in ("又是 503", "大家中午吃什么", "504 啊"):
        assert await feed(app, message=message(text, chat=GROUP)) == []
    assert counting.resolved == [], "within the cooldown no message is read at all"


async def test_auto_mode_cooldown_starts_only_with_an_answer(app, counting):
    await auto_on(app)
    assert await feed(app, message=message("大家中午吃什么", chat=GROUP)) == []
    calls = await feed(app, message=message("接口返回 502 了", chat=GROUP))
    assert "502 Bad Gateway" in sent(calls)[0]["text"], "chatter did not use up the cooldown"


async def test_auto_mode_reads_a_bounded_number_of_messages(app, counting):
    await auto_on(app)
    limit = plugin_handle(app).policy.auto_reads.limit
    for n in range(limit + 5):
        assert await feed(app, message=message(f"闲聊第 {n} 句", chat=GROUP)) == []
    assert len(counting.resolved) == limit
    assert await feed(app, message=message("接口返回 502 了", chat=GROUP)) == []


async def test_auto_mode_edit_of_an_unanswered_message_is_not_read(app, counting):
    await auto_on(app)
    chatter = message("大家中午吃什么", chat=GROUP)
    await feed(app, message=chatter)
    counting.resolved.clear()
    calls = await feed(app, edited_message=dict(chatter, text="502 了", edit_date=1_700_000_100))
    assert calls == [] and counting.resolved == []


async def test_auto_mode_edit_of_an_auto_answer_updates_it(app):
    await auto_on(app)
    question = message("接口返回 502 了", chat=GROUP)
    await feed(app, message=question)
    calls = await feed(app, edited_message=dict(question, text="接口返回 504 了", edit_date=1_700_000_100))
    [params] = sent(calls, "editMessageText")
    assert "504 Gateway Timeout" in params["text"]
