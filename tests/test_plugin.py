"""bot.plugin.register mounts the bot into someone else's Application; both sides answer what is theirs."""

from __future__ import annotations

import copy
import itertools
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.plugin import BOT_DATA_KEY, DEFAULT_GROUP, PluginHandle, register
from tests.fakes import BOT_ID, BOT_USERNAME, TOKEN, RecordingRequest

ROOT = Path(__file__).resolve().parent.parent
USER = {"id": 4242, "is_bot": False, "first_name": "小王"}
PRIVATE = {"id": 4242, "type": "private", "first_name": "小王"}
GROUP = {"id": -100123, "type": "supergroup", "title": "运维群"}
_ids = itertools.count(100)


def message(text: str, chat=PRIVATE, entities=None) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 1_700_000_000,
        "chat": chat,
        "from": USER,
        "text": text,
    }
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if entities:
        msg["entities"] = entities
    return msg


def callback(data: str) -> dict[str, Any]:
    card = message("a card")
    card["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "host bot"}
    return {"id": f"cb{next(_ids)}", "from": USER, "chat_instance": "ci", "data": data, "message": card}


class Host:
    """Someone's own bot: /start, /help, a catch-all text handler, "like" buttons, post_init, and
    Defaults that differ from the plugin's (Markdown, link previews on)."""

    def __init__(self) -> None:
        self.request = RecordingRequest()
        self.post_init_ran = False
        self.app = (
            Application.builder()
            .token(TOKEN)
            .request(self.request)
            .get_updates_request(RecordingRequest())
            .defaults(Defaults(parse_mode=ParseMode.MARKDOWN_V2))
            .post_init(self.post_init)
            .build()
        )
        self.app.bot_data["host"] = {"visits": 0}
        self.app.add_handler(CommandHandler(["start", "help"], self.start))
        self.app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self.echo))
        self.app.add_handler(CallbackQueryHandler(self.like, pattern=r"^like:"))

    async def post_init(self, app: Application) -> None:
        self.post_init_ran = True

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("host start")

    async def echo(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        context.bot_data["host"]["visits"] += 1
        await update.effective_message.reply_text(
            "host: " + update.effective_message.text,
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("👍", callback_data="like:1")]]),
        )

    async def like(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("host liked")

    async def feed(self, **update: Any) -> list:
        self.request.clear()
        await self.app.process_update(Update.de_json({"update_id": next(_ids), **update}, self.app.bot))
        return list(self.request.calls)


@pytest.fixture
async def host(service):
    host = Host()
    handle = register(host.app, service)
    await host.app.initialize()
    host.handle = handle  # type: ignore[attr-defined]
    yield host
    await host.app.shutdown()


def texts(calls) -> list[str]:
    return [c.params["text"] for c in calls if c.method == "sendMessage"]


def ours(calls) -> list[dict[str, Any]]:
    """The plugin's sends: HTML cards and notices (the host's are Markdown)."""
    return [
        c.params
        for c in calls
        if c.method in ("sendMessage", "editMessageText") and c.params.get("parse_mode") == "HTML"
    ]


async def test_host_commands_stay_the_hosts(host):
    for command in ("/start", "/help"):
        assert texts(await host.feed(message=message(command))) == ["host start"]


async def test_host_catch_all_still_sees_every_text(host):
    assert texts(await host.feed(message=message("你好"))) == ["host: 你好"], "chatter is the host's alone"
    calls = await host.feed(message=message("503"))
    assert "host: 503" in texts(calls), "the plugin's group does not shadow the host's handlers"
    [card] = ours(calls)
    assert "<b>503 Service Unavailable</b>" in card["text"]
    assert host.app.bot_data["host"]["visits"] == 2


async def test_code_command_is_the_plugins_in_html_whatever_the_hosts_defaults(host):
    calls = await host.feed(message=message("/code 网关超时怎么办"))
    [params] = [c.params for c in calls if c.method == "sendMessage"]
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    assert "<b>504 Gateway Timeout</b>" in params["text"]
    data = [b["callback_data"] for row in params["reply_markup"]["inline_keyboard"] for b in row]
    assert data and all(d.startswith("hc:") and len(d.encode()) <= 64 for d in data)


async def test_code_help_is_the_plugins_help(host):
    calls = await host.feed(message=message("/code help"))
    [params] = ours(calls)
    assert "/code help 显示本帮助" in params["text"]
    assert "/help" not in params["text"], "the plugin does not advertise the host's /help"
    assert f"<code>@{BOT_USERNAME} 503</code>" in params["text"], "inline mode is on"


async def test_group_mention(host):
    text = f"@{BOT_USERNAME} 502"
    entities = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    calls = await host.feed(message=message(text, chat=GROUP, entities=entities))
    [params] = ours(calls)
    assert "502 Bad Gateway" in params["text"]


async def test_each_side_answers_its_own_buttons(host):
    calls = await host.feed(callback_query=callback("like:1"))
    assert [(c.method, c.params.get("text")) for c in calls] == [("answerCallbackQuery", "host liked")]
    calls = await host.feed(callback_query=callback("hc:status:504"))
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    assert "text" not in calls[0].params, "the host's handler did not answer our button"
    assert "<b>504 Gateway Timeout</b>" in ours(calls)[0]["text"]
    assert await host.feed(callback_query=callback("status:504")) == [], "bare data is not ours in a host"


async def test_inline_mode(host):
    calls = await host.feed(inline_query={"id": "iq", "from": USER, "query": "503", "offset": ""})
    [answer] = [c.params for c in calls if c.method == "answerInlineQuery"]
    content = answer["results"][0]["input_message_content"]
    assert content["parse_mode"] == "HTML" and content["link_preview_options"] == {"is_disabled": True}


def test_handlers_live_in_the_plugins_own_group(service):
    host = Host()
    group0 = list(host.app.handlers[0])
    handle = register(host.app, service)
    assert host.app.handlers[0] == group0, "group 0 is the host's alone"
    assert {group for group, _ in handle.handlers} == {DEFAULT_GROUP}
    assert host.app.handlers[DEFAULT_GROUP] == [h for _, h in handle.handlers]
    [button] = [h for _, h in handle.handlers if isinstance(h, CallbackQueryHandler)]
    assert isinstance(button.pattern, re.Pattern) and button.pattern.pattern == "^hc:"
    assert any(isinstance(h, InlineQueryHandler) for h in host.app.handlers[DEFAULT_GROUP])


def test_options_choose_what_is_mounted(service):
    host = Host()
    handle = register(host.app, service, command="httpcode", group=3, inline=False, auto=False)
    assert {group for group, _ in handle.handlers} == {3}
    assert not any(isinstance(h, InlineQueryHandler) for _, h in handle.handlers)
    [commands] = [h.commands for _, h in handle.handlers if isinstance(h, CommandHandler)]
    assert commands == frozenset({"httpcode"})
    assert handle.settings is None and handle.policy.auto_enabled is False
    assert [c.command for c in handle.group_commands] == ["httpcode"]


def test_state_is_one_namespaced_key(service):
    host = Host()
    before = dict(host.app.bot_data)
    handle = register(host.app, service)
    assert set(host.app.bot_data) - set(before) == {BOT_DATA_KEY}
    assert host.app.bot_data[BOT_DATA_KEY] is handle and host.app.bot_data["host"] is before["host"]
    with pytest.raises(RuntimeError, match="already registered"):
        register(host.app, service)


def test_bot_data_survives_persistence(service):
    """PTB persistence deep-copies and pickles bot_data after each update."""
    host = Host()
    handle = register(host.app, service)
    copied = copy.deepcopy(host.app.bot_data)
    assert copied[BOT_DATA_KEY] is handle and copied["host"] == {"visits": 0}
    restored = pickle.loads(pickle.dumps(host.app.bot_data))
    assert restored == {"host": {"visits": 0}, BOT_DATA_KEY: None}


async def test_post_init_is_chained_and_menu_untouched_by_default(host):
    host.request.clear()
    host.app.bot_data[BOT_DATA_KEY] = None  # as PTB persistence would restore it
    await host.app.post_init(host.app)
    assert host.post_init_ran, "the host's post_init still runs"
    assert host.request.of("setMyCommands") == [], "the host's command menu is the host's"
    assert isinstance(host.app.bot_data[BOT_DATA_KEY], PluginHandle), "put back after persistence"


async def test_set_commands_publishes_the_plugins_menu(service):
    host = Host()
    register(host.app, service, set_commands=True, help_command="codehelp")
    await host.app.initialize()
    try:
        host.request.clear()
        await host.app.post_init(host.app)
        assert host.post_init_ran
        calls = host.request.of("setMyCommands")
        assert [c.params["scope"]["type"] for c in calls] == ["all_private_chats", "all_group_chats"]
        assert [c["command"] for c in calls[0].params["commands"]] == ["code", "codehelp"]
        assert [c["command"] for c in calls[1].params["commands"]] == ["code", "auto", "codehelp"]
    finally:
        await host.app.shutdown()


async def test_remove_unmounts(host):
    host.handle.remove()
    assert BOT_DATA_KEY not in host.app.bot_data
    assert DEFAULT_GROUP not in host.app.handlers or host.app.handlers[DEFAULT_GROUP] == []
    assert texts(await host.feed(message=message("/code 503"))) == []


def test_readme_example_mounts_the_plugin(service, monkeypatch):
    """The README's host example runs as written (run_polling and the service load stubbed)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## 加到你自己的机器人里", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert len([line for line in example.splitlines() if line.strip()]) <= 10, "a ten-line example"
    ran: list[Application] = []
    monkeypatch.setattr(Application, "run_polling", lambda self, *a, **kw: ran.append(self))
    monkeypatch.setattr("bot.chat.service.Service.load", classmethod(lambda cls, root=None, cache="use": service))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    exec(compile(example, "README.md", "exec"), {"__name__": "__main__"})
    [app] = ran
    assert isinstance(app.bot_data[BOT_DATA_KEY], PluginHandle)
    assert app.handlers[0], "the host's own handler is there too"
