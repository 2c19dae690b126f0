"""The command line contract: `httpcode-bot ask [--json] [QUERY ...]`, `check`, the console."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from bot.frontends.console import run_console

ROOT = Path(__file__).resolve().parent.parent


def ask_json(capsys, monkeypatch, stdin: str = "", args: list[str] | None = None) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert cli.main(["ask", "--json", *(args or [])]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_contract_for_free_text_and_chatter(capsys, monkeypatch):
    first, second = ask_json(capsys, monkeypatch, "网关超时怎么办\n大家中午吃什么\n")
    assert first["query"] == "网关超时怎么办"
    top = first["matches"][0]
    assert {"status", "kind", "title", "score"} <= set(top)
    assert (top["status"], top["kind"]) == (504, "status")
    assert isinstance(top["score"], float)
    scores = [m["score"] for m in first["matches"]]
    assert scores == sorted(scores, reverse=True)
    assert second == {"query": "大家中午吃什么", "matches": []}


def test_json_class_and_multi(capsys, monkeypatch):
    cls, multi = ask_json(capsys, monkeypatch, "5xx\n301 和 302 有什么区别\n")
    statuses = [m["status"] for m in cls["matches"]]
    assert statuses == sorted(statuses) and all(500 <= s <= 599 for s in statuses)
    assert 500 in statuses and 511 in statuses
    assert [m["status"] for m in multi["matches"]] == [301, 302]


def test_json_cloud_error(capsys, monkeypatch):
    [result] = ask_json(capsys, monkeypatch, args=["InvalidImageId.NotFound"])
    top = result["matches"][0]
    assert top["kind"] == "error"
    assert top["error_code"] == "InvalidImageId.NotFound"
    assert {"provider", "product", "status", "title"} <= set(top)


def test_query_arguments_are_one_query(capsys, monkeypatch):
    [result] = ask_json(capsys, monkeypatch, args=["401", "vs", "403"])
    assert result["query"] == "401 vs 403"
    assert [m["status"] for m in result["matches"]] == [401, 403]


def test_plain_card(capsys, monkeypatch):
    assert cli.main(["ask", "418"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("⚠️ 418 I'm a")
    assert "<b>" not in out


def test_check_counts(capsys):
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "知识库 OK" in out
    count = int(out.split("状态码 ")[1].split(" 个")[0])
    assert count >= 90


def test_check_fails_on_bad_knowledge(knowledge_copy, monkeypatch, capsys):
    (knowledge_copy / "status" / "zz-bad.toml").write_text("[[status]]\ncode = 700\n", encoding="utf-8")
    monkeypatch.setenv("HTTPCODE_KNOWLEDGE_DIR", str(knowledge_copy))
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "knowledge/status/zz-bad.toml: entry (code=700) field 'code': 700 is outside 100–599" in err
    # Other commands refuse to start on the same knowledge base, with the same message.
    assert cli.main(["ask", "503"]) == 1
    assert "zz-bad.toml" in capsys.readouterr().err


def test_bad_setting_exits_2_without_traceback(monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "oops")
    assert cli.main(["run"]) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "Traceback" not in err


def test_run_without_token_explains(monkeypatch, capsys):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert cli.main(["run"]) == 2
    assert "BotFather" in capsys.readouterr().err


def test_console_session(service):
    stdin = io.StringIO("503\n1\n/code\n<b>&\n/quit\n")
    out = io.StringIO()
    assert run_console(service, stdin, out) == 0
    text = out.getvalue()
    assert "🔥 503 Service Unavailable" in text
    assert "按钮：[1] " in text
    # Pressing [1] opened the first related card.
    first_button = text.split("按钮：[1] ")[1].split()[0]
    assert f"🔥 {first_button} " in text or f"⚠️ {first_button} " in text
    assert "用法：/code 503" in text
    assert "没找到和「<b>&」相关" in text  # plain text: shown as typed, no HTML
    assert text.rstrip().endswith("再见！")


@pytest.mark.slow
def test_no_token_starts_offline_console():
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(ROOT), "HTTPCODE_INDEX_CACHE": "off"}
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli"],
        input="429是什么\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "离线控制台" in proc.stderr
    assert "429 Too Many Requests" in proc.stdout


def test_json_answers_every_input_line_in_order(capsys, monkeypatch):
    results = ask_json(capsys, monkeypatch, "503\n\n404\r\n")
    assert [r["query"] for r in results] == ["503", "", "404"]
    assert results[1]["matches"] == []
    assert [r["matches"][0]["status"] for r in (results[0], results[2])] == [503, 404]


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    def broken(_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "cmd_console", broken)
    assert cli.main(["console"]) == 1
    err = capsys.readouterr().err
    assert err == "内部错误 / internal error: OSError: [Errno 28] No space left on device\n"


@pytest.mark.slow
@pytest.mark.parametrize("webhook", [False, True])
def test_run_keeps_unused_optional_packages_out(webhook):
    """`run` imports PTB without Passport's cryptography, and without tornado when polling; PTB
    still works, and a later import of either package is not broken."""
    code = f"""
import sys
from bot.cli import _unused_optional_imports
with _unused_optional_imports(webhook={webhook}):
    from bot.frontends.telegram.app import build_application
import telegram._bot
print(sorted(n for n in ("cryptography", "tornado") if n in sys.modules), telegram._bot.CRYPTO_INSTALLED)
print(sorted(n for n in ("cryptography", "tornado") if sys.modules.get(n, 0) is None))
"""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.splitlines() == [f"{['tornado'] if webhook else []} False", "[]"]
    if webhook:  # the webhook server still imports (after PTB, as _serve does)
        code += "from bot.frontends.telegram.webhook import WebhookServer\nprint('webhook ok')\n"
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert proc.stdout.splitlines()[-1] == "webhook ok", proc.stderr
