"""The network kind: errors that never reached HTTP, and its rules beside the status kind.

The questions here are the issue's own examples of what the bot got wrong before the
network kind existed (419 for a CORS question, 408 for net::ERR_CONNECTION_REFUSED ...).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.kinds.network.index import short_key
from tests.html_check import html_problems

CHROME_CORS = (
    "Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been "
    "blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (CHROME_CORS, "CORS_MISSING_ALLOW_ORIGIN"),
        ("net::ERR_CONNECTION_REFUSED", "ERR_CONNECTION_REFUSED"),
        ("GET https://api.example.com/x net::ERR_CERT_DATE_INVALID", "ERR_CERT_DATE_INVALID"),
        ("curl: (6) Could not resolve host: api.example.com", "CURLE_COULDNT_RESOLVE_HOST"),
        ("curl: (7) Failed to connect to localhost port 8080: Connection refused", "CURLE_COULDNT_CONNECT"),
        ("Error: getaddrinfo ENOTFOUND api.example.com", "ENOTFOUND"),
        ("Error: connect ETIMEDOUT 10.0.0.8:443", "ETIMEDOUT"),
        ("Error: connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
        ("websocket 1006", "1006"),
        ("关闭码 1011", "1011"),
        ("grpc 14", "UNAVAILABLE"),
        ("rpc error: code = Unavailable desc = connection error", "UNAVAILABLE"),
        ("StatusCode.RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED"),
        ("DeadlineExceeded", "DEADLINE_EXCEEDED"),
    ],
)
def test_pasted_network_errors_get_their_card(service, text, name):
    res = service.resolve(text)
    assert res.matches, text
    top = res.matches[0]
    assert (top.kind, top.answer.name) == ("network", name)
    assert top.status is None


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("跨域报错怎么办", "cors"),
        ("x509: certificate signed by unknown authority", "tls"),
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate",
            "tls",
        ),
        ("java.net.UnknownHostException: api.internal", "dns"),
    ],
)
def test_questions_and_runtime_wordings_reach_the_right_family(service, text, family):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.family) == ("network", family)


def test_a_status_in_the_text_still_wins(service):
    res = service.resolve(
        "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://x"
    )
    assert [m.status for m in res.matches[:1]] == [503]
    res = service.resolve("CORS 预检请求 OPTIONS 返回了 405")
    assert res.matches[0].status == 405


def test_nginx_upstream_refusal_is_502_with_the_network_card_beside_it(service):
    line = (
        "2026/12/04 10:00:01 [error] 12#12: *1 connect() failed (111: Connection refused) while connecting "
        'to upstream, client: 10.0.0.1, server: api, request: "GET /v1 HTTP/1.1"'
    )
    matches = service.resolve(line).matches
    assert matches[0].status == 502
    assert any(m.kind == "network" and m.answer.name == "ECONNREFUSED" for m in matches[1:])


def test_ask_json_contract_for_a_network_error(service):
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json"],
        input=b"connect ECONNREFUSED 127.0.0.1:3306\n",
        capture_output=True,
        timeout=120,
        check=True,
    )
    top = json.loads(proc.stdout)["matches"][0]
    assert top["kind"] == "network" and top["status"] is None
    assert top["error_code"] == "ECONNREFUSED" and top["family"] == "tcp"
    assert top["title"].startswith("ECONNREFUSED") and top["score"] >= 90


def test_every_network_button_opens_the_card_it_names(service):
    data = service.kb["network"]
    for name in data.entries:
        for action in (f"network:{short_key(name)}", f"network:{short_key(name)}:b"):
            reply = service.press(action)
            assert reply is not None, action
            assert reply.plain().splitlines()[0].split(" ")[1] == name
            assert len(action.encode()) <= 61  # room for a plugin's 3-byte namespace
        assert not html_problems(reply.html())


def test_every_cloud_button_opens_the_card_it_names(service):
    """Long codes (106 are over 64 bytes with their provider) travel as short ids."""
    index = service.kb.kind("error").index
    seen = set()
    for row in service.kb["error"].rows:
        if (row.provider, row.error_code) in seen:
            continue
        seen.add((row.provider, row.error_code))
        action = f"error:{index.key_of(row.provider, row.error_code)}"
        assert len(action.encode()) <= 61
        reply = service.press(action)
        assert reply is not None and row.error_code in reply.plain().splitlines()[0], action


def test_network_cards_name_their_layer_and_say_there_is_no_status(service):
    reply = service.ask("Error: connect ECONNREFUSED 127.0.0.1:5432")
    plain = reply.plain()
    assert "TCP 连接" in plain and "没有 HTTP 状态码" in plain
    actions = [b.action for row in reply.buttons for b in row]
    assert "status:502" in actions  # a gateway in front answers 502 when this happens


def test_help_and_console_know_network_errors(service):
    from bot.chat import texts
    from bot.frontends.console import banner

    assert "跨域" in texts.help_doc("code").plain() and "ECONNREFUSED" in texts.help_doc("code").plain()
    assert "ECONNREFUSED" in banner(service) or "跨域" in banner(service)


def test_inline_results_describe_network_errors(service):
    match = service.resolve("net::ERR_NAME_NOT_RESOLVED").matches[0]
    assert service.inline_title(match).startswith("ERR_NAME_NOT_RESOLVED")
    assert service.describe(match)
    assert not html_problems(service.card(match).html())
