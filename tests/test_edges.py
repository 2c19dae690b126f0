"""Robust edges: forged buttons, hostile console lines, one bad `ask` line, oversized replies."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from bot.chat.service import Service
from bot.frontends.console import run_console
from bot.kinds.status import cards as status_cards
from bot.render import answer as dispatch
from bot.render import reply as replies
from tests.html_check import html_problems

ROOT = Path(__file__).resolve().parent.parent

# --- forged callback data ------------------------------------------------------------------

FORGED = [
    "",
    ":",
    "status:",
    "status:²",  # "²".isdigit() is True, int("²") raises
    "status:①",
    "status:٥٠٣",  # int() reads Arabic-Indic digits as 503: not a button we ever sent
    "status:99999999999999999999",
    "status:" + "9" * 5000,  # int() refuses more than 4300 digits
    "status:-503",
    "status: 503",
    "status:503\n",
    "status:503:x",
    "status:503:b:b",
    "status:²xx",
    "status:9xx",
    "status:" + "5" * 5000 + "xx",
    "error:",
    "error::",
    "error:ffffffffffff",  # a well-formed id that names no error
    "error: ",
    "error:\x00\x01\x02",
    "error:family:" + "[" * 5000,
    "error:" + '{"Code":' * 2000,
    "nobody:503",
    "x" * 10240,
    "status:503" + "x" * 10240,
    "🔥" * 2000,
    "\ud800",  # a lone surrogate, as a broken client could send
]


@pytest.mark.parametrize("action", FORGED, ids=lambda a: repr(a[:20]))
def test_forged_button_data_is_ignored(service, action):
    assert service.press(action) is None


@pytest.mark.parametrize(
    ("action", "first_line"),
    [
        ("status:503", "🔥 503 Service Unavailable"),
        ("status:404:b", "⚠️ 404 Not Found"),
        ("status:5xx", "🔥 5xx"),
        (("aliyun", "InvalidImageId.NotFound"), "☁️ 阿里云 ECS · 错误码 InvalidImageId.NotFound"),
        (("tencentcloud", "AuthFailure"), "☁️ 腾讯云"),
    ],
)
def test_real_buttons_still_work(service, action, first_line):
    if isinstance(action, tuple):  # cloud buttons carry a short id of (provider, code)
        action = "error:" + service.kb.kind("error").index.key_of(*action)
    reply = service.press(action)
    assert reply is not None
    assert reply.plain().splitlines()[0].startswith(first_line)


def test_every_button_the_bot_sends_can_be_pressed(service):
    """The strict parsing must accept everything render writes into a button."""
    queries = ["503", "401 vs 403", "5xx", "InvalidImageId.NotFound", "网关超时", "Throttling.User"]
    for query in queries:
        for row in service.ask(query).buttons:
            for button in row:
                assert service.press(button.action) is not None, button


# --- the console ---------------------------------------------------------------------------

HOSTILE_LINES = [
    "²",
    "①",
    "٣",
    "9" * 5000,
    "\x00\x01\x1b[31m\x7f",
    "🔥" * 1024,  # 4 KB of emoji
    "",
    "   ",
    "\u202eevil",
    "/code",
    "/code ²",
    "<b>&amp;",
]


def test_console_answers_every_hostile_line_and_keeps_going(service):
    stdin = io.StringIO("\n".join([*HOSTILE_LINES, "503", "1"]))  # EOF without a newline
    out = io.StringIO()
    assert run_console(service, stdin, out) == 0
    text = out.getvalue()
    # Each non-blank line got its own answer: the "try asking" list, or the usage line.
    answered = text.count("可以这样问：") + text.count("用法：/code 503")
    assert answered == len([line for line in HOSTILE_LINES if line.strip()])
    assert "🔥 503 Service Unavailable" in text
    assert text.count("按钮：") >= 1  # 503's buttons were shown, and "1" pressed the first
    assert text.rstrip().endswith("再见！")
    assert "\x1b" not in text and "\u202e" not in text  # no terminal escape or bidi override echoed


def test_console_survives_an_exception_in_one_answer(service, monkeypatch):
    real = service.ask

    def ask(text: str, detailed: bool = True):
        if text == "boom":
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, detailed)

    monkeypatch.setattr(service, "ask", ask)
    out = io.StringIO()
    assert run_console(service, io.StringIO("boom\n503\n"), out) == 0
    text = out.getvalue()
    assert "这条消息没能处理（RecursionError）" in text
    assert "🔥 503 Service Unavailable" in text


def test_console_number_beyond_the_buttons_is_a_question(service):
    out = io.StringIO()
    assert run_console(service, io.StringIO("503\n999\n"), out) == 0
    assert "没找到和「999」相关" in out.getvalue()


# --- `ask`: one bad line must not stop the batch ---------------------------------------------


@pytest.fixture
def poisoned(service, monkeypatch):
    """A service whose resolver fails on one line, as a parser bug would."""
    real = service.resolve

    def resolve(text: str):
        if text.startswith("[[["):
            raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")
        return real(text)

    monkeypatch.setattr(service, "resolve", resolve)
    monkeypatch.setattr(cli, "_service", lambda: service)
    return service


def test_ask_json_reports_a_failing_line_and_continues(poisoned, capsys, monkeypatch):
    bad = "[" * 100_000
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"503\n{bad}\n404\n"))
    assert cli.main(["ask", "--json"]) == 1  # non-zero only because a line failed
    first, second, third = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["matches"][0]["status"] == 503
    assert second["query"] == bad and second["matches"] == []
    assert second["error"].startswith("RecursionError: maximum recursion depth")
    assert third["matches"][0]["status"] == 404


def test_plain_ask_reports_a_failing_line_in_place_and_continues(poisoned, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("503\n[[[\n404\n"))
    assert cli.main(["ask"]) == 1
    out = capsys.readouterr().out
    cards = out.split("─" * 40)
    assert len(cards) == 3
    assert "503 Service Unavailable" in cards[0]
    assert "出错了" in cards[1] and "RecursionError" in cards[1]
    assert "404 Not Found" in cards[2]


def test_ask_json_without_failures_exits_0_and_has_no_error_key(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("[" * 100_000 + "\n503\n"))
    assert cli.main(["ask", "--json"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == 2
    assert all("error" not in r for r in results)


@pytest.mark.slow
def test_undecodable_input_bytes_do_not_end_the_batch():
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json"],
        input=b"503\n\xff\xfe\n404\n",
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "PYTHONIOENCODING": "utf-8",
            "HTTPCODE_INDEX_CACHE": "off",
        },
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[2])["matches"][0]["status"] == 404


def test_check_turns_an_unexpected_error_into_one_line(monkeypatch, capsys):
    def broken(cache="use"):
        raise RuntimeError("a bug outside the validators")

    monkeypatch.setattr(cli, "_service", broken)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert (
        err.strip() == "知识库校验出错 / knowledge check failed: RuntimeError: a bug outside the validators"
    )


# --- replies never exceed the limit ----------------------------------------------------------


def _assert_within(reply: replies.Reply, limit: int = replies.TELEGRAM_LIMIT) -> None:
    assert len(reply.html()) <= limit
    assert html_problems(reply.html()) == []
    assert sum(len(row) for row in reply.buttons) <= 100  # Telegram's keyboard limit


def test_a_question_naming_every_code_fits_in_one_message(service: Service):
    codes = list(service.kb["status"].statuses)
    res = service.resolve(" ".join(map(str, codes)))
    assert res.mode == "multi" and len(res.matches) == len(codes)
    reply = service.answer(res)
    _assert_within(reply)
    plain = reply.plain()
    assert plain.startswith("对比：100 vs 101 vs 102") and f"等 {len(codes)} 个" in plain.splitlines()[0]
    assert all(str(c) in plain for c in codes)  # each code has its heading or is named in "另有"
    assert sum(len(row) for row in reply.buttons) <= status_cards.MAX_COMPARE_BUTTONS


def test_55_codes_keep_every_heading(service: Service):
    codes = list(service.kb["status"].statuses)[:55]
    reply = service.ask(" ".join(map(str, codes)))
    _assert_within(reply)
    for entry in (service.kb["status"].statuses[c] for c in codes):
        assert status_cards.heading(entry) in reply.plain()


def test_many_unknown_codes_are_counted_not_listed_at_length(service: Service):
    unknown = [c for c in range(100, 600) if c not in service.kb["status"].statuses]
    reply = service.ask(" ".join(map(str, unknown)))
    _assert_within(reply)
    assert f"另有 {len(unknown) - 5} 个也不是" in reply.plain()


@pytest.mark.parametrize("limit", [600, 1000, 2000])
def test_the_caller_chooses_the_limit(service: Service, limit: int):
    for query in (
        "503",
        "5xx",
        "4xx",
        " ".join(map(str, service.kb["status"].statuses)),
        "InvalidImageId.NotFound",
    ):
        reply = dispatch.answer(service.kb, service.resolve(query), limit=limit)
        _assert_within(reply, limit)


def test_fit_cuts_between_lines_and_says_so(service: Service):
    reply = status_cards.status_card(service.kb["status"], service.kb["status"].statuses[503])
    cut = replies.fit(reply, 300)
    assert len(cut.html()) <= 300
    assert cut.plain().endswith("…（内容太长，后面的已省略）")
    assert cut.buttons == reply.buttons
    assert replies.fit(reply) is reply  # already within the default limit: unchanged
