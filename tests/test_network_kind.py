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
    ("text", "name"),
    [
        # Cut before the reason, a browser's CORS message is the commonest case, not the card
        # that happens to share the opening's words (it read as the duplicate-header card).
        (CHROME_CORS.split(": No ")[0], "CORS_MISSING_ALLOW_ORIGIN"),
        ("has been blocked by CORS policy", "CORS_MISSING_ALLOW_ORIGIN"),
        ("blocked by CORS policy", "CORS_MISSING_ALLOW_ORIGIN"),  # not 450 (parental controls)
        (
            "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
            "https://api.example.com/v1/items.",
            "CORS_MISSING_ALLOW_ORIGIN",
        ),
        # With its reason the message still names its own card.
        (
            CHROME_CORS.split(": No ")[0] + ": The 'Access-Control-Allow-Origin' header contains multiple "
            "values 'https://a.example, https://a.example', but only one is allowed.",
            "CORS_MULTIPLE_ALLOW_ORIGIN",
        ),
        (
            CHROME_CORS.split(": No ")[0] + ": Request header field authorization is not allowed by "
            "Access-Control-Allow-Headers in preflight response.",
            "CORS_HEADER_NOT_ALLOWED",
        ),
    ],
)
def test_a_cors_message_cut_before_its_reason(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A protocol with codes of its own, named: its code, not the status it resembles.
        ("grpc 调用超过设置的 deadline 了返回什么码", "DEADLINE_EXCEEDED"),
        ("grpc 客户端调了一个服务端没实现的方法，会返回什么状态", "UNIMPLEMENTED"),
        ("ws 服务端因为客户端发的消息太大把连接关了，对应的关闭码是多少", "1009"),
        # A console line cut off inside the name.
        ("POST https://example.com/api/v1/upload net::ERR_CONNECTION_RES 截图就到这了", "ERR_CONNECTION_RESET"),
    ],
)
def test_named_protocols_described_failures_and_cut_names(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


def test_a_failure_described_and_asked_about_is_offered(service):
    """In fewer of a card's words than a paste has: offered beside the status it resembles."""
    text = "TCP 三次握手 SYN 发出去一直没有回应，最后客户端超时，这个一般叫什么错误"
    names = [m.answer.name for m in service.resolve(text).matches[:3] if m.kind == "network"]
    assert "ETIMEDOUT" in names


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("WebSocket 握手的状态码", 101),  # the HTTP side of the protocol
        ("grpc 服务前面的网关返回的 HTTP 状态码是多少", None),
    ],
)
def test_the_http_side_of_a_named_protocol_stays_a_status(service, text, status):
    matches = service.resolve(text).matches
    if status is None:  # asked for HTTP's side: no gRPC code is put first
        assert not matches or matches[0].kind != "network" or matches[0].answer.family != "grpc"
    else:
        assert matches[0].status == status


@pytest.mark.parametrize(
    "text",
    [
        "刚才那个 ETIMEDOUT 是我本地 VPN 的问题，不用管了",
        "grpc 那边我已经加了 DEADLINE_EXCEEDED 自动重试，今晚上线",
        "linux 怎么看哪个进程占用了端口",  # asks how, not which error
    ],
)
def test_settled_remarks_and_how_to_questions_get_no_network_card(service, text):
    assert not any(m.kind == "network" for m in service.resolve(text).matches)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("grpc 调下游超过我设置的截止时间就报错了，下游其实处理了 3 秒才返回", "DEADLINE_EXCEEDED"),
        ("地铁上 wifi 切 4G 的时候页面请求全失败，chrome 控制台说网络已更改", "ERR_NETWORK_CHANGED"),
    ],
)
def test_a_failure_told_in_words_gets_its_card(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


@pytest.mark.parametrize(
    "text",
    ["又是 ECONNRESET 哈哈哈，习惯了", "哈哈 curl: (7) 原来是我没开 VPN", "lol ETIMEDOUT again, the sandbox is down"],
)
def test_an_error_named_in_a_laugh_is_no_question(service, text):
    assert service.resolve(text).matches == ()


def test_a_laugh_beside_a_question_is_still_answered(service):
    assert service.resolve("哈哈 ECONNRESET 是啥意思").matches[0].answer.name == "ECONNRESET"
    assert service.resolve("前端调接口一直 415，后端说他那边没问题，到底谁的锅😂").matches[0].status == 415


@pytest.mark.parametrize(
    ("text", "name"), [("连结被拒绝 ECONNREFUSD", "ECONNREFUSED"), ("econreset 咋整", "ECONNRESET")]
)
def test_an_errno_name_one_letter_off(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_words_shaped_like_errno_names_are_not_read_as_them(service):
    assert service.resolve("please enable the example").matches == ()


def test_an_eight_letter_errno_typo_may_be_two_letters_off(service):
    # Both n's of "conn" and the e of "reset" are the letters a hurried hand drops.
    assert service.resolve("服务端日志一直 econrest 怎么回事").matches[0].answer.name == "ECONNRESET"
    # Seven letters still allow one: "eacces" typed as "eaccxss" is two off and too short to tell.
    assert not any(m.kind == "network" for m in service.resolve("eaccxss").matches)


def test_a_runtime_error_name_asked_for_leads_unless_a_proxy_shows_a_status(service):
    asked = "TCP 连接已经建立、数据也在正常传输，对端突然发了一个 RST 把连接重置了，Node.js 在读写 socket 时会抛出什么错误码？"
    assert service.resolve(asked).matches[0].answer.name == "ECONNRESET"
    shown = "Cloudflare 跟源站建立 TCP 连接超时，握手都没完成，报的是哪个错误码？"
    assert service.resolve(shown).matches[0].status == 522


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("chrome 证书过期报错", "ERR_CERT_DATE_INVALID"),
        ("访问 HTTPS 网站时证书已经过了有效期，或者本机系统时间不对导致证书被认为还没生效，Chrome 会报哪个错误？", "ERR_CERT_DATE_INVALID"),
        ("证书本身是受信任 CA 签发的，但证书里的域名和实际访问的域名对不上，浏览器会报哪个错误？", "ERR_CERT_COMMON_NAME_INVALID"),
    ],
)
def test_a_browser_named_gets_chromiums_name_for_a_certificate_fault(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_a_cors_line_beside_failed_to_fetch_says_what_failed(service):
    text = "Uncaught (in promise) TypeError: Failed to fetch 控制台上面还有一行 blocked by CORS policy"
    assert service.resolve(text).matches[0].answer.family == "cors"


def test_a_topic_word_typed_by_its_sound(service):
    assert service.resolve("跨于问题怎么解决啊").matches[0].answer.family == "cors"
    assert service.resolve("跨域报错怎么办").matches[0].answer.name == "CORS_MISSING_ALLOW_ORIGIN"  # as written
    assert not any(m.kind == "network" for m in service.resolve("建议把具体错误原因也返回给前端，不然排查太痛苦").matches)


def test_a_workaround_is_not_the_trouble_settled(service):
    text = "页面一直转圈然后显示 连接已重置 ERR_CONNECTION_RESET，换手机热点就好了"
    assert service.resolve(text).matches[0].answer.name == "ERR_CONNECTION_RESET"


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
        assert reply is not None, action
        first, second = [*reply.plain().splitlines(), ""][:2]
        # A gateway runtime error is named as the gateway returns it, the table's spelling next.
        assert row.error_code in first or f"错误码表里写作 {row.error_code}" in second, action


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


@pytest.mark.parametrize(
    ("text", "first", "beside"),
    [
        # A 2xx beside a pasted network error is transport detail: the error leads, the status stays.
        (
            "GET https://a.example/video.mp4 net::ERR_HTTP2_PROTOCOL_ERROR 200",
            "ERR_HTTP2_PROTOCOL_ERROR",
            200,
        ),
        (
            "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
            "https://api.example.com/x. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.",
            "CORS_MISSING_ALLOW_ORIGIN",
            200,
        ),
    ],
)
def test_a_status_that_reports_no_failure_yields_to_the_pasted_error(service, text, first, beside):
    matches = service.resolve(text).matches
    assert (matches[0].kind, matches[0].answer.name) == ("network", first)
    assert matches[1].status == beside and matches[1].score < matches[0].score


def test_an_error_status_beside_a_network_error_still_wins(service):
    assert (
        service.resolve("GET https://a.example/app.js net::ERR_ABORTED 404 (Not Found)").matches[0].status
        == 404
    )
    line = "WebSocket connection to 'ws://localhost:8080/ws' failed: Error during WebSocket handshake: Unexpected response code: 400"
    assert service.resolve(line).matches[0].status == 400


def test_the_strongest_identifier_wins_across_kinds(service):
    # INTERNAL_ERROR reads as a cloud code only ignoring separators; the curl code is pasted as documented.
    top = service.resolve(
        "curl: (92) HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)"
    ).matches[0]
    assert (top.kind, top.answer.name) == ("network", "CURLE_HTTP2_STREAM")


def test_the_identifier_pasted_first_is_the_headline(service):
    line = "Error: 14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 10.0.0.21:9090"
    names = [m.answer.name for m in service.resolve(line).matches[:2]]
    assert names == ["UNAVAILABLE", "ECONNREFUSED"]
    # grpc-js prints the number beside the name; a mismatched pair is not read as one.
    top = service.resolve("Error: 13 INTERNAL: Received RST_STREAM with code 2").matches[0]
    assert (top.kind, top.answer.name) == ("network", "INTERNAL")


def test_a_catch_all_name_yields_to_the_specific_message_beside_it(service):
    line = CHROME_CORS + " GET https://api.example.com/v1/items net::ERR_FAILED"
    names = [m.answer.name for m in service.resolve(line).matches]
    assert names[0] == "CORS_MISSING_ALLOW_ORIGIN" and "ERR_FAILED" in names
    assert service.resolve("net::ERR_FAILED").matches[0].answer.name == "ERR_FAILED"


def test_a_vendor_phrase_inside_a_runtime_message_needs_the_vendor(service):
    top = service.resolve("连云服务器上的数据库一直 Connection timed out").matches[0]
    assert (top.kind, top.answer.name) == ("network", "ETIMEDOUT")
    assert service.resolve("Connection Timed Out").matches[0].status == 522
    assert service.resolve("cloudflare 报 connection timed out").matches[0].status == 522


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Err:1 http://archive.ubuntu.com jammy InRelease Temporary failure resolving 'archive.ubuntu.com'",
            "EAI_AGAIN",
        ),
        (
            "dial tcp: lookup proxy.golang.org on 192.168.1.1:53: read udp 192.168.1.23:51234->192.168.1.1:53: i/o timeout",
            "EAI_AGAIN",
        ),
        (
            "TimeoutError: [WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。",
            "ETIMEDOUT",
        ),
        ("由于目标计算机积极拒绝，无法连接 这是什么报错", "ECONNREFUSED"),
        ("nginx 和后端都加了 allow-origin，浏览器说 contains multiple values", "CORS_MULTIPLE_ALLOW_ORIGIN"),
    ],
)
def test_windows_and_resolver_wordings(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("浏览器控制台说被跨域策略拦了", "CORS_MISSING_ALLOW_ORIGIN"),
        ("前端请求接口被 CORS 拦截怎么解决", "CORS_MISSING_ALLOW_ORIGIN"),
        # A named error beats word overlap with a vendor's status (495, 526, 521 share these words).
        ("证书过期了访问不了", "X509_V_ERR_CERT_HAS_EXPIRED"),
        ("服务端口没开 连接被拒绝", "ECONNREFUSED"),
        ("浏览器提示 重定向次数过多", "ERR_TOO_MANY_REDIRECTS"),
    ],
)
def test_everyday_chinese_reaches_the_network_card(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


def test_a_topic_word_in_chatter_is_not_a_question(service):
    assert service.resolve("跨域电商今年还好做吗").matches == ()


def test_a_named_vendor_keeps_its_code(service):
    assert service.resolve("Cloudflare 根本到不了源站，源站地址不可达").matches[0].status == 523
    assert service.resolve("Cloudflare 和源站之间的 SSL/TLS 握手失败了").matches[0].status == 525


def test_a_reason_phrase_in_a_body_is_the_typed_status_not_a_cloud_message(service):
    # Huawei's APIG.9008 documents the message "Too Many Requests"; here it is aiohttp's status line.
    line = "aiohttp.client_exceptions.ClientResponseError: 429, message='Too Many Requests', url=URL('https://x')"
    assert service.resolve(line).matches[0].status == 429
    assert (
        service.resolve('{"error_code": "APIG.9008", "error_msg": "Too Many Requests"}').matches[0].kind
        == "error"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [("grpc 请求超时怎么设置", "DEADLINE_EXCEEDED"), ("grpc 连接不上 服务不可用", "UNAVAILABLE")],
)
def test_an_alias_naming_the_technology_beats_the_status_alias_inside_it(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # An option's value is no exit code; "exit code 28" is, once curl is named.
        ("健康检查脚本 curl -m 10 老是 exit code 28", "CURLE_OPERATION_TIMEDOUT"),
        # gRPC's own frame beats a cloud code of the same spelling (and is no CLI body line).
        ("rpc error: code = InvalidArgument desc = invalid email", "INVALID_ARGUMENT"),
        # "code 1006" once a WebSocket word is anywhere in the text.
        ("websocket 每隔 60 秒左右就断一次，onclose 里 code 是 1006", "1006"),
    ],
)
def test_numbers_and_names_in_their_tools_frames(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)
    assert service.resolve("InvalidArgument").matches[0].kind == "error"  # the cloud code alone


def test_firefox_zh_status_after_a_full_width_colon_is_the_status(service):
    line = "已拦截跨源请求：同源策略禁止读取位于 https://api.abc.com/v1/order 的远程资源。（原因：CORS 预检响应未能成功）。状态码：405。"
    assert service.resolve(line).matches[0].status == 405
    assert all(m.status != 405 for m in service.resolve("connect to localhost:405 failed").matches)  # a port
    beside_curl = service.resolve("curl: connect to localhost:405 failed").matches
    assert short_key("CURLE_COULDNT_CONNECT") in [m.key for m in beside_curl] and 405 not in [m.status for m in beside_curl]


def test_a_settled_problem_is_a_remark_not_a_question(service):
    assert service.resolve("谢谢大佬，连接超时那个问题已经解决了 👍").matches == ()
    assert service.resolve("连接超时解决了吗").matches[0].answer.name == "ETIMEDOUT"  # still asked
    # A pasted identifier told settled is a remark too (session 16: blind writers label "OBS
    # InArrearOrInsufficientBalance 已充值，上传恢复" so); asked about or still failing, it reads.
    assert service.resolve("connect ECONNREFUSED 已经解决了").matches == ()
    assert service.resolve("connect ECONNREFUSED 已经解决了吗").matches[0].answer.name == "ECONNREFUSED"
    assert service.resolve("connect ECONNREFUSED，重启后还是报").matches[0].answer.name == "ECONNREFUSED"


def test_chrome_bare_websocket_failure_is_1006_below_anything_more_specific(service):
    bare = service.resolve("WebSocket connection to 'wss://im.example.com/ws?token=x' failed:").matches
    assert bare[0].answer.name == "1006"
    line = "WebSocket connection to 'ws://localhost:8080/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED"
    assert service.resolve(line).matches[0].answer.name == "ERR_CONNECTION_REFUSED"


def test_the_preflight_redirect_message_is_the_cors_card_not_302(service):
    line = (
        "Access to XMLHttpRequest at 'http://gw.local/api' from origin 'http://localhost:8000' has been blocked by "
        "CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for "
        "a preflight request."
    )
    top = service.resolve(line).matches[0]
    assert (top.kind, top.answer.name) == ("network", "CORS_REDIRECT_NOT_ALLOWED")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("跨域报错怎么办", "CORS_MISSING_ALLOW_ORIGIN"),  # the topic alone: its commonest case
        ("请求头里自己加了个 X-Tenant-Id，一加就跨域报错，去掉就正常", "CORS_HEADER_NOT_ALLOWED"),
        (
            "跨域 GET POST 都没问题，一到 PUT 和 DELETE 就挂，后端 allowedMethods 只写了 GET,POST",
            "CORS_METHOD_NOT_ALLOWED",
        ),
    ],
)
def test_a_topic_question_gets_the_case_its_own_words_describe(service, text, name):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("小程序真机调试 request:fail timeout，模拟器是好的", "READ_TIMEOUT"),  # wx.request's own wording
        ('{"errMsg":"request:fail ssl hand shake error"}', "SSL_HANDSHAKE_FAILURE"),
    ],
)
def test_wechat_mini_program_request_failures(service, line, name):
    top = service.resolve(line).matches[0]
    assert (top.kind, top.answer.name) == ("network", name)


@pytest.mark.parametrize(
    "line",
    [
        '{"errMsg":"request:fail url not in domain list"}',
        "https://api.x.com 不在以下 request 合法域名列表中，请参考文档",
        "小程序合法域名怎么配",
    ],
)
def test_wechat_mini_program_domain_allowlist(service, line):
    top = service.resolve(line).matches[0]
    assert (top.kind, top.answer.name, top.answer.family) == ("network", "WX_URL_NOT_IN_DOMAIN_LIST", "cors")


def test_asked_for_a_status_the_status_leads_and_the_network_error_is_beside_it(service):
    text = "nginx 做反向代理，上游的 php-fpm 挂了，连接被重置或者拿到的响应无效，nginx 回给浏览器的是哪个状态码"
    first, second = service.resolve(text).matches[:2]
    assert first.status == 502 and (second.kind, second.answer.name) == ("network", "ECONNRESET")
    assert service.resolve("连接被拒绝").matches[0].answer.name == "ECONNREFUSED"  # not asked: the error


@pytest.mark.parametrize(
    "text",
    [
        "No 'Access-Control-Allow-Origin' header",
        "前端说所有请求都报 No 'Access-Control-Allow-Origin' header 后端我明明加了注解啊 谁知道为啥",
    ],
)
def test_the_cors_line_cut_after_header(service, text):
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.name) == ("network", "CORS_MISSING_ALLOW_ORIGIN")


def test_a_runtime_named_keeps_chromium_names_out(service):
    text = "Node 里去连一个端口，对方机器在但那个端口没有进程在监听，内核直接回了 RST，这时候会报哪个错误"
    assert service.resolve(text).matches[0].answer.name == "ECONNREFUSED"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("证书过期了 浏览器打不开", "ERR_CERT_DATE_INVALID"),
        ("憑證過期了 瀏覽器一直跳出連線不是私人連線", "ERR_CERT_DATE_INVALID"),
        ("证书过期了 curl 报错", "X509_V_ERR_CERT_HAS_EXPIRED"),  # no browser: the OpenSSL card
        ("电脑浏览器打开正常，安卓和 curl 都说证书过期了", "X509_V_ERR_CERT_HAS_EXPIRED"),
    ],
)
def test_a_certificate_fault_in_words_reads_the_browsers_name_when_a_browser_shows_it(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_grpc_rate_limiting_in_english(service):
    top = service.resolve("what's the grpc status code for rate limiting / quota exceeded?").matches[0]
    assert (top.kind, top.answer.name) == ("network", "RESOURCE_EXHAUSTED")


def test_a_topic_typed_by_its_sound_in_a_short_report(service):
    top = service.resolve("跨欲请求被拦截了 咋搞").matches[0]
    assert top.answer.family == "cors"


@pytest.mark.parametrize(("text", "name"), [("1006是什么关闭码", "1006"), ("4001 这个关闭码是我们自定义的吗", "4000-4999")])
def test_a_close_code_before_the_word(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Docker's wording for a port in use.
        (
            "Cannot start service web: driver failed programming external connectivity on endpoint web_1: Bind for 0.0.0.0:80 failed: port is already allocated",
            "EADDRINUSE",
        ),
        # A program named and its error's name asked for: no cloud load balancer's listener.
        ("服务器本身是通的能ping，但目标端口上根本没有进程在监听，系统直接回了个RST，Node里这个报错叫什么？", "ECONNREFUSED"),
        # The operating system's side told, no cloud named: no listener of a load balancer either.
        (
            "客户端去连接某台机器的一个端口，但那个端口上根本没有进程在监听，对方内核直接回了 RST，connect 调用立刻失败，这个错误叫什么？",
            "ECONNREFUSED",
        ),
        # Told from the kernel's side, asked as "错误是哪个": no browser's twin of the card.
        ("客户端往一台机器上没有任何进程监听的端口发起 TCP 连接，对方内核直接回了 RST，程序里拿到的错误是哪个？", "ECONNREFUSED"),
        ("客户端去连接一个端口，但那个端口上根本没有进程在监听，对方内核直接回了 RST，这个错误叫什么？", "ECONNREFUSED"),
        ("线上 Go 服务日志刷屏 accept4: too many open files，新连接全进不来", "EMFILE"),
        ("OSError: [Errno 24] Too many open files", "EMFILE"),
        # The limit told by its command only, no socket or runtime named.
        ("代理进程同时挂着几万个连接，过了某个数以后再也收不进新连接，最后发现是 ulimit -n 限制，这个会报啥错误？", "EMFILE"),
    ],
)
def test_a_programs_own_error(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_aliases_and_topics_typed_by_their_sound(service):
    assert "ERR_TOO_MANY_REDIRECTS" in [m.key for m in service.resolve("重订向次数过多 网页打不开").matches[:3]]
    # A redirect loop is the browser's error; the status that loops is a related answer.
    assert service.resolve("重订向太多次了 浏览器打不开").matches[0].key == "ERR_TOO_MANY_REDIRECTS"
    assert service.resolve("重定向循环").matches[0].key == "ERR_TOO_MANY_REDIRECTS"
    assert service.resolve("kuayu wenti zenme jiejue a, qianduan fetch bu liao").matches[0].answer.family == "cors"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("grpc 调新加的接口，服务端说这个方法没实现，proto 我两边都更新了啊", "UNIMPLEMENTED"),
        ("websocket 发了一条 2MB 的消息，服务端直接把连接关了，说消息太大了", "1009"),
        ("老安卓手机打开我们网站说客户端和服务器不支持通用的 SSL 协议版本或加密套件", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"),
        ("chrome 打开公司内网站点提示找不到该网站的服务器 IP 地址", "ERR_NAME_NOT_RESOLVED"),
    ],
)
def test_what_users_read_on_screen(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Taiwan's words for what the cards say: 網際網路 (互联网), 網域名稱 (域名), 跨來源 (跨源),
        # 同源政策 (同源策略).
        ("Chrome 顯示無法連線至網際網路，是網路卡的問題嗎", "ERR_INTERNET_DISCONNECTED"),
        ("網域名稱解析失敗怎麼辦", "ENOTFOUND"),
        ("已封鎖跨來源請求：同源政策不允許讀取遠端資源", "CORS_MISSING_ALLOW_ORIGIN"),
    ],
)
def test_regional_words_read_as_the_mainland_ones(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_a_dns_failure_typed_by_its_sound(service):
    assert service.resolve("该域名无法解晰 一直提示解晰失败").matches[0].answer.family == "dns"


@pytest.mark.parametrize("text", ["tcp 连不上", "tcp 连接建立失败"])
def test_a_transport_below_http_named_is_read_below_http(service, text):
    # 502 shares 连不上 and 101 shares 建立连接 with these; no status, proxy or HTTP is told of.
    assert service.resolve(text).matches[0].kind == "network"


def test_an_https_page_calling_an_http_api_is_mixed_content(service):
    # Not "https 访问 http 端口" (TLS spoken to a plain port), one character away.
    assert service.resolve("https 访问 http 接口被浏览器拦了").matches[0].key == "MIXED_CONTENT"


def test_tcps_own_handshake_is_no_tls_handshake(service):
    match = service.resolve("服务器之间 tcp 三次握手失败").matches[0]
    assert (match.answer.family, match.tier) == ("tcp", "topic")
    assert service.resolve("tls 握手失败").matches[0].answer.name == "SSL_HANDSHAKE_FAILURE"


def test_a_self_signed_certificate_told_inside_the_chain_is_the_chain_card(service):
    # OpenSSL's "self signed certificate in certificate chain" in Chinese word order.
    assert service.resolve("openssl 报自签名证书在证书链中").matches[0].answer.name == "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN"


def test_a_term_typed_by_its_sound_inside_a_longer_complaint(service):
    # Read as typed it finds nothing; with 正书 put right (证书), OpenSSL's wording.
    match = service.resolve("curl 报无法获取本地颁发者正书怎么办").matches[0]
    assert match.answer.name == "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
    assert "证书" in match.why


@pytest.mark.parametrize("text", ["dns解析不了", "解析不了域名是什么原因"])
def test_a_name_that_does_not_resolve_is_no_request_the_server_could_not_parse(service, text):
    # "解析不了" alone is also a server failing to parse a request (400): with DNS or 域名 it is DNS.
    assert service.resolve(text).matches[0].answer.name == "ENOTFOUND"


def test_the_warning_page_with_an_expired_certificate_is_the_date_fault(service):
    text = "网站的 HTTPS 证书上个月就到期了，没续，Chrome 打开显示您的连接不是私密连接，下面那一行小字的错误代码是什么"
    assert service.resolve(text).matches[0].answer.name == "ERR_CERT_DATE_INVALID"
    assert service.resolve("chrome 提示您的连接不是私密连接").matches[0].answer.name == "ERR_CERT_AUTHORITY_INVALID"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("網域名稱解析失敗 ERR_NAME_NOT_RESOLVD", "ERR_NAME_NOT_RESOLVED"),
        ("websoket 斷線 1001 代表什麼", "1001"),
        ("grpc status code when the client cancels the request", "CANCELLED"),
    ],
)
def test_misspelt_names_and_protocols(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_a_topic_asked_of_curl_reads_curls_card(service):
    text = "用 curl 访问一个域名的时候，本机根本解析不出这个主机名对应的 IP 地址，curl 会以哪个错误退出？"
    assert service.resolve(text).matches[0].answer.name == "CURLE_COULDNT_RESOLVE_HOST"
    assert service.resolve("node 里域名解析不出来怎么办").matches[0].answer.name != "CURLE_COULDNT_RESOLVE_HOST"


def test_an_abnormal_close_without_a_close_frame(service):
    text = "WebSocket 连接在没有收到任何关闭帧的情况下异常断开了，浏览器 onclose 事件里拿到的 code 是多少？"
    assert service.resolve(text).matches[0].answer.name == "1006"
    # No frame sent by either side, told with no "WebSocket" or "onclose": the close code asked for.
    text = "在线客服的聊天窗口，用户那边突然断网了，两头都没来得及发送关闭帧，这时关闭回调拿到的关闭码是多少"
    assert service.resolve(text).matches[0].answer.name == "1006"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("跨欲请求被拦截了咋办", "CORS_MISSING_ALLOW_ORIGIN"),  # beside 450's word overlap
        ("重订向次数过多 网页打不开", "ERR_TOO_MANY_REDIRECTS"),  # beside 429's
        ("浏览器域名解西失败", "ERR_NAME_NOT_RESOLVED"),  # a browser shows Chromium's name
    ],
)
def test_a_word_heard_outranks_mere_word_overlap(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_a_connection_reset_by_the_other_end_in_words(service):
    text = "连数据库的长连接隔一段时间就被对端重置，是不是中间防火墙空闲超时把连接掐了"
    assert service.resolve(text).matches[0].answer.name == "ECONNRESET"


@pytest.mark.parametrize(
    "text", ["ERR_HTTP2_PROTOCAL_ERROR 是什么", "ying yong ERR_HTTP2_PROTOCAL_ERROR 是什么", "net::ERR_HTTP2_PROTOCAL_ERROR"]
)
def test_a_chromium_name_with_digits_a_letter_off(service, text):
    assert service.resolve(text).matches[0].key == "ERR_HTTP2_PROTOCOL_ERROR"


def test_names_a_letter_off_as_warning_pages_and_hurried_typing_show_them(service):
    # Chrome's certificate warning pages print NET:: in capitals.
    assert service.resolve("NET::ERR_SSL_VERSION_OR_CIPHER_MISMACH").matches[0].key == "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"
    # Two neighbours swapped in a short errno name are one slip.
    assert service.resolve("EACCSE 端口 80 绑不上").matches[0].key == "EACCES"
    assert service.resolve("EPIEP 是啥").matches[0].key == "EPIPE"
    # OpenSSL's six-word lines, typed with a slip.
    assert service.resolve("self signed certifcate in certificate chain").matches[0].key == "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN"


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        (
            "fatal: unable to access 'https://gitlab.corp.local/infra/x.git/': SSL certificate problem: "
            "self-signed certificate in certificate chain",
            "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
        ),
        ("SSL certificate problem: certificate has expired", "X509_V_ERR_CERT_HAS_EXPIRED"),
        ("git clone 报 SSL certificate problem: unable to get local issuer certificate", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"),
    ],
)
def test_libcurls_certificate_wording_printed_by_another_program_leads_with_the_reason(service, text, cause):
    """git and PHP print libcurl's own message: the OpenSSL reason after it says what went wrong
    and leads; curl's exit 60 is beside it (blind writers asked for the reason, three times)."""
    names = [m.answer.name for m in service.resolve(text).matches[:3]]
    assert names[0] == cause and "CURLE_PEER_FAILED_VERIFICATION" in names


def test_curls_own_exit_60_leads_with_the_reason_beside_it(service):
    text = "curl: (60) SSL certificate problem: certificate has expired"
    assert [m.key for m in service.resolve(text).matches[:2]] == ["CURLE_PEER_FAILED_VERIFICATION", "X509_V_ERR_CERT_HAS_EXPIRED"]


@pytest.mark.parametrize(("text", "first"), [("ETIMEOUT 连数据库超时", "ETIMEDOUT"), ("Error: queryA ETIMEOUT api.example.com", "ETIMEOUT")])
def test_etimeout_without_a_dns_query_is_etimedout_typed_short(service, text, first):
    keys = [m.key for m in service.resolve(text).matches]
    assert keys[0] == first and (first == "ETIMEOUT" or "ETIMEOUT" in keys[:2])


def test_a_grpc_status_typed_a_letter_off_beside_grpc_misspelt(service):
    assert service.resolve("gprc unavaliable 怎么回事").matches[0].key == "UNAVAILABLE"


@pytest.mark.parametrize(
    "text", ["dns jiexi shibai zenme paicha", "有没有人知道内网 dns 又抽风了吗 ping 域名不通 ping ip 可以，服务全报解析失败"]
)
def test_a_latin_topic_word_with_its_chinese_apart_or_by_sound(service, text):
    assert service.resolve(text).matches[0].answer.family == "dns"


def test_chromes_fault_page_asked_for_its_error_code(service):
    text = "网站证书已经过了有效期，Chrome 打开时提示“您的连接不是私密连接”，页面下方显示的错误代码是哪个？"
    assert service.resolve(text).matches[0].key == "ERR_CERT_DATE_INVALID"


def test_a_websocket_close_code_asked_in_english(service):
    text = "which websocket close code tells the client the server is restarting and it should reconnect?"
    assert service.resolve(text).matches[0].key == "1012"
    assert service.resolve("the server is restarting, please wait").matches == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("websocekt 1006 异常关比", "1006"),  # WebSocket with two letters swapped
        ("webscoket 1011", "1011"),
        ("web socket 1001", "1001"),  # read as typed, not as a near alias that yields to a status
        ("域名解吸失败 ERR_NAME_NOT_RESOLVD", "ERR_NAME_NOT_RESOLVED"),  # the name typed outranks a sound
        ("DNS 解析 NXDOMIAN 是啥", "NXDOMAIN"),  # a response code in capitals, two letters swapped
        ("SERVFIAL 是什么", "SERVFAIL"),
        # gRPC named: the status its client reports, before the runtime's own wording.
        ("gRPC call fails with 'context deadline exceeded' after 5s in my Go client", "DEADLINE_EXCEEDED"),
        ("gRPC 服务端按用户做了配额限制，某个用户今天的调用次数用完了，按规范应该返回哪个 gRPC 状态", "RESOURCE_EXHAUSTED"),
    ],
)
def test_typed_a_little_off_or_named_beside(service, text, name):
    assert service.resolve(text).matches[0].key == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 5120", "NXDOMAIN"),
        ("** server can't find intra.example.cn: NXDOMAIN", "NXDOMAIN"),
        ("dig 出来 status: SERVFAIL，是上游挂了吗", "SERVFAIL"),
        ("dig @ns1.example.net api.example.com 返回 status: REFUSED", "DNS_REFUSED"),
        ("Error: queryA EREFUSED api.example.com", "DNS_REFUSED"),
        # The protocol's name for an answer asked for, in words.
        ("权威服务器答复说根本没有这个域名，这个 DNS 响应码叫什么", "NXDOMAIN"),
        ("ping 提示找不到主机，nslookup 里服务器明确说这个名字不存在，在 DNS 协议里叫什么", "NXDOMAIN"),
        ("DNS 服务器出了内部错误，给不出答案，这个 DNS 响应码是什么", "SERVFAIL"),
    ],
)
def test_a_dns_response_code_is_its_own_card(service, text, name):
    """What dig shows is the DNS server's answer, under the protocol's name for it."""
    assert service.resolve(text).matches[0].key == name


def test_the_programs_error_for_a_dns_answer_leads_when_that_is_asked(service):
    text = "Node 里请求一个不存在的域名，DNS 回了 NXDOMAIN，http 模块抛出的错误 code 是什么？"
    assert [m.key for m in service.resolve(text).matches[:2]] == ["ENOTFOUND", "NXDOMAIN"]
    # "refused" on its own is TCP's: the DNS card is never read from the word.
    assert service.resolve("dial tcp 127.0.0.1:6379: connect: connection refused").matches[0].key == "ECONNREFUSED"


def test_firefoxs_record_too_long_is_plain_http_spoken_to_a_tls_client(service):
    # Firefox reads a plain-HTTP reply as a TLS record whose length field is absurd.
    text = "火狐打开我们的站点报 SSL_ERROR_RX_RECORD_TOO_LONG，Chrome 也打不开"
    assert service.resolve(text).matches[0].key == "SSL_WRONG_VERSION_NUMBER"


def test_a_retried_syn_that_timed_out_is_a_connect_timeout_not_the_asker_giving_up(service):
    # "最后超时放弃了" is the retries giving up: the fault told, not a settled chat line.
    text = "抓包看客户端一直重发 SYN，服务器那边毫无回应，最后超时放弃了"
    assert service.resolve(text).matches[0].key == "ETIMEDOUT"


def test_no_close_frame_is_1006_whatever_card_the_words_found_first(service):
    text = "长连接建立好了，过一阵子突然断了，没收到关闭帧，前端拿到的是异常关闭"  # mixed_112
    assert service.resolve(text).matches[0].key == "1006"


def test_without_grpc_the_runtimes_wording_stands(service):
    assert service.resolve("go http client: context deadline exceeded").matches[0].key == "CONTEXT_DEADLINE_EXCEEDED"
    assert service.resolve("HELLOWORLD").matches == ()


def test_an_alias_with_a_time_word_inside_it(service):
    text = "@所有人 测试环境证书昨晚过期了，现在 Chrome 打开提示不安全，谁知道这个报错具体叫啥，我要写进故障报告里"
    assert service.resolve(text).matches[0].key == "ERR_CERT_DATE_INVALID"


def test_an_alias_denied_is_not_read(service):
    text = '容器里解析域名偶尔会失败，getaddrinfo 返回的意思是"暂时失败，稍后再试"，并不是域名不存在，这个错误对应哪个名字？'
    assert service.resolve(text).matches[0].key == "EAI_AGAIN"


def test_is_it_not_asks_rather_than_denies():
    from bot.core.domain import ruled_out

    assert ruled_out(" 并不是域名不存在 ", "域名不存在")
    assert not ruled_out(" 是不是中间证书没配全 ", "中间证书没配全")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("跨越问题怎么解决啊，前端调不通后端", "CORS_MISSING_ALLOW_ORIGIN"),  # 跨越 typed for 跨域
        ("curl 报错 couldnt resolve host 是啥", "CURLE_COULDNT_RESOLVE_HOST"),  # no apostrophe
    ],
)
def test_common_slips_of_the_keyboard(service, text, name):
    assert service.resolve(text).matches[0].key == name
    assert service.resolve("这次跨越问题的难度很大").matches == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Node 连本地 Redis，目标端口上根本没有进程在监听，内核直接回了 RST，这时候 Node 报的错误码是什么", "ECONNREFUSED"),
        # A timeout set in seconds beside gRPC is no gRPC code 3.
        ("gRPC 客户端设置了 3 秒超时，服务端处理太慢，还没返回就到点了，客户端拿到的是哪个状态", "DEADLINE_EXCEEDED"),
        ("浏览器访问一个内网域名，DNS 查不到这个主机名，Chrome 页面上显示无法访问此网站，对应的 net 错误叫什么", "ERR_NAME_NOT_RESOLVED"),
        ("用户关掉浏览器标签页或者跳到别的页面时，浏览器会主动关闭 WebSocket，onclose 里拿到的关闭码一般是多少", "1001"),
        ("rpc error: code = 14", "UNAVAILABLE"),
    ],
)
def test_descriptions_from_fresh_mixed_20(service, text, name):
    assert service.resolve(text).matches[0].key == name
    assert service.resolve("我关掉标签页了").matches == ()


def test_javas_handshake_exception_yields_to_the_reason_beside_it(service):
    text = "今天真的服了，安卓端 OkHttp 一直报 SSLHandshakeException，iOS 正常…… @张三 是不是证书链没配全？这种一般啥问题"
    assert service.resolve(text).matches[0].key == "SSL_HANDSHAKE_FAILURE"
    trace = (
        "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
        "java.security.cert.CertPathValidatorException: validity check failed"
    )
    assert service.resolve(trace).matches[0].key == "X509_V_ERR_CERT_HAS_EXPIRED"


def test_a_chromium_name_typed_with_spaces(service):
    assert service.resolve("err name not reslved 手机能上电脑不能").matches[0].key == "ERR_NAME_NOT_RESOLVED"
    assert service.resolve("err the server is down now").matches == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ssh 连服务器提示 connection refuesd 咋整", "ECONNREFUSED"),  # a short English error typed with a slip
        ("conection reset by peer 是什么", "ECONNRESET"),
        ("my gRPC call fails with status code 16, is that the same as PERMISSION_DENIED?", "UNAUTHENTICATED"),
    ],
)
def test_slips_in_english_and_numbers_after_code(service, text, name):
    assert service.resolve(text).matches[0].key == name
    assert service.resolve("the connection was great today").matches == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("WebSocket 连接在没收到任何关闭帧的情况下就断了（比如手机切网络），浏览器 onclose 事件里拿到的那个 code 是多少", "1006"),
        ("Node 里 dns.lookup 一个在 DNS 里压根查不到记录的域名，回调里拿到的 err.code 是什么，和 getaddrinfo 有关", "ENOTFOUND"),
    ],
)
def test_descriptions_from_fresh_mixed_21(service, text, name):
    assert service.resolve(text).matches[0].key == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("econnrefsed 什么鬼", "ECONNREFUSED"),  # one edit from ECONNREFUSED, two from ECONNRESET: the nearer
        ("IoT 设备 MQTT over TLS 连不上，设备日志只有 SSL handshake failed，证书是中间CA签的，设备里只烧了根证书，这种 TLS 问题一般怎么查？", "SSL_HANDSHAKE_FAILURE"),
        ("浏览器打开站点后地址栏一直来回跳，http 跳 https，https 又被 CDN 以 http 回源再跳回去，几十次后 Chrome 直接放弃不跳了，这是什么错误？", "ERR_TOO_MANY_REDIRECTS"),
        ("In gRPC, which status should the server return when the caller's token is missing or invalid?", "UNAUTHENTICATED"),
    ],
)
def test_questions_from_fresh_mixed_22(service, text, name):
    assert service.resolve(text).matches[0].key == name
    assert service.resolve("the token is missing or invalid").matches[0].key == "401"  # no gRPC named


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("同事电脑日期被改成了三年后，打开所有 https 网站都提示证书不在有效期内，Chrome 里这个错误叫什么", "ERR_CERT_DATE_INVALID"),
        ("浏览器访问一个站点，TCP 连接是建立了，但是服务器啥数据都没回就把连接关掉了，Chrome 这时候显示的是哪个报错", "ERR_EMPTY_RESPONSE"),
        ("用 curl 下载到一半本地磁盘满了写不进去，这时 curl 退出码对应哪个错误", "CURLE_WRITE_ERROR"),
    ],
)
def test_a_long_description_is_read_against_whole_cards(service, text, name):
    res = service.resolve(text)
    assert res.matches and res.matches[0].key == short_key(name)
    assert res.matches[0].tier == "document"


def test_a_named_tool_reads_its_own_cards_first(service):
    text = "用 curl -o 下载一个大文件，下到一半本地磁盘满了写不进去，这时 curl 退出码对应哪个错误"
    keys = [m.key for m in service.resolve(text).matches[:3]]
    assert short_key("CURLE_WRITE_ERROR") in keys


@pytest.mark.parametrize(
    "text",
    [
        "小程序的 request 合法域名是在后台哪个菜单里配的来着",  # asks how: no failure, no error asked for
        "有人用 http:// 去访问 nginx 的 HTTPS 端口，nginx 内部用一个非标准码表示这种情况，这个码是？",  # a weak share
    ],
)
def test_whole_cards_need_a_failure_and_a_clear_share(service, text):
    assert all(m.tier != "document" or m.kind != "network" for m in service.resolve(text).matches)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dns jie xi shi bai EAI_AGIAN", "EAI_AGAIN"),  # getaddrinfo's EAI_ names typed with a slip
        ("SSL證書 self signed certificate in certficate chain 咋辦", "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN"),
        ("1011 啥意思", "1011"),  # a close code asked about alone
        ("openssl verify error 10", "X509_V_ERR_CERT_HAS_EXPIRED"),
        ("Verify return code: 21 (unable to verify the first certificate)", "X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
        ("curl keeps failing with 'Maximum (50) redirects followed', which curl error is that?", "CURLE_TOO_MANY_REDIRECTS"),
        ("curl 访问内网一个 https 站点，对方用的自签名证书，curl 不加 -k 就报错退出，这个是哪个 curl 错误", "CURLE_PEER_FAILED_VERIFICATION"),
        (
            "做 IM 的，websocket 连着连着突然就断了，服务端进程直接崩了，没有发任何关闭帧。浏览器 onclose 回调里拿到的 event.code 会是多少？",
            "1006",
        ),
    ],
)
def test_questions_from_fresh_mixed_23(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize(
    "text",
    [
        "1006 房间的钥匙谁拿走了",  # a room, not a close code
        "第 1001 次说 写注释！！",
        "nginx 只配了 server.crt 没配中间证书，电脑浏览器打开正常，安卓和 curl 都说证书不受信任，是什么问题",
    ],
)
def test_fresh_mixed_23_rules_keep_their_bounds(service, text):
    matches = service.resolve(text).matches
    assert not matches or matches[0].key not in {short_key("1006"), short_key("1001"), short_key("CURLE_PEER_FAILED_VERIFICATION")}


def test_a_curl_exit_code_asked_for_is_no_status_description(service):
    text = "用 curl -o 下载一个大文件，下到一半本地磁盘满了写不进去，这时 curl 退出码对应哪个错误"
    matches = service.resolve(text).matches
    assert matches and all(m.kind == "network" for m in matches)
    assert short_key("CURLE_WRITE_ERROR") in [m.key for m in matches[:3]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("econrefused 连不上数据库", "ECONNREFUSED"),  # an errno name a letter off is an identifier
        ("证书上个月就到期了忘了续，用户拿 Chrome 打开网站看到一个红色警告页，这个错误的名字是什么", "ERR_CERT_DATE_INVALID"),
        ("憑證的名稱跟網域不符 chrome報哪個錯", "ERR_CERT_COMMON_NAME_INVALID"),  # 網域 is 域名
        (
            "k8s 里的 pod 偶尔解析外部域名失败，过几秒又好了，看着像是 coredns 压力大临时没给结果，"
            "Node 这边 getaddrinfo 抛出来的错误码应该是哪一个？不是那种域名根本不存在的",
            "EAI_AGAIN",  # the commonest case ruled out
        ),
        ("which gRPC status should I return when the entity the client tried to create already exists?", "ALREADY_EXISTS"),
        ("Chrome 在 HTTP/2 连接上收到服务端发来的不合协议的帧，页面直接加载失败，控制台里显示的 net 错误是哪一个", "ERR_HTTP2_PROTOCOL_ERROR"),
        (
            "前端页面在 a.com，用 fetch 调 b.com 的接口，服务端响应里没带允许来源的头，请求在浏览器里就被拦了，"
            "JS 只拿到一个 TypeError: Failed to fetch，这属于什么问题",
            "CORS_MISSING_ALLOW_ORIGIN",
        ),
    ],
)
def test_questions_from_fresh_mixed_24(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_a_bare_fetch_failure_stays_the_catch_all(service):
    assert service.resolve("TypeError: Failed to fetch").matches[0].key == short_key("ERR_FAILED")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("errno 111", "ECONNREFUSED"),  # Linux's number
        ("ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。", "ECONNREFUSED"),  # Winsock's
        ("socket.gaierror: [Errno -3] Temporary failure in name resolution", "EAI_AGAIN"),
        ("Node 里用 http.get 去连本机的 3000 端口，但是服务压根没启动，回调里拿到的 err.code 会是什么", "ECONNREFUSED"),
        ("proto 文件升级加了新方法，客户端先发布了，服务端还是老版本没有这个方法，调用时 gRPC 会返回什么状态", "UNIMPLEMENTED"),
        ("gRPC 调用时压根没带 token 或者 token 无效，应该用哪个状态码？我知道不是 PERMISSION_DENIED", "UNAUTHENTICATED"),
        (
            "用 Chrome 打开一个很老的内网系统，只显示“此网站无法提供安全连接，客户端和服务器不支持一般 SSL 协议版本或加密套件”",
            "ERR_SSL_VERSION_OR_CIPHER_MISMATCH",
        ),
        ("getaddrinfo 查域名的时候，DNS 服务器暂时没响应，返回的那个表示“临时失败、稍后重试”的错误叫什么", "EAI_AGAIN"),
    ],
)
def test_questions_from_fresh_mixed_25(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_errno_numbers_name_only_what_a_card_has_and_python_s_minus_two_stays_enotfound(service):
    assert service.resolve("errno 2").matches == ()  # ENOENT: no card
    res = service.resolve("socket.gaierror: [Errno -2] Name or service not known")
    assert res.matches[0].key == short_key("ENOTFOUND")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "我在写一个 MMO 游戏的网关，协议走 WebSocket。约定单条消息最大 64KB，有外挂客户端故意发 2MB 的包过来。"
            "我打算检测到之后直接断开连接，按 RFC 6455 应该在关闭帧里填哪个关闭码比较规范？",
            "1009",
        ),
        (
            "线上一台 Node 网关跑了几天之后开始大量请求失败，看日志是打开新 socket 失败，ulimit -n 还是默认的 1024，"
            "lsof 一看进程句柄数刚好卡在上限附近。这个报错在 Node 里是哪个错误码？",
            "EMFILE",
        ),
        ("which gRPC status do you get when the server doesn't implement the method at all?", "UNIMPLEMENTED"),
        ("1O06 websocket斷開", "1006"),  # the letter O for a zero
        ("certifcate has exipred ssl报错", "X509_V_ERR_CERT_HAS_EXPIRED"),  # a slip, a word beside it
    ],
)
def test_questions_from_fresh_mixed_26(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("openssl verify 错误 20", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"),
        (
            "Node 服务一启动就直接报错退出了，日志说要监听的 3000 端口已经被另一个进程占着，这个错误在 Node/libuv 里对应的错误名叫什么？",
            "EADDRINUSE",
        ),
        ("curl 去访问一个用自签名证书的 https 站点，没加 -k，直接失败退出了，返回码是哪个", "CURLE_PEER_FAILED_VERIFICATION"),
    ],
)
def test_questions_from_fresh_mixed_27(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_a_status_curl_printed_is_still_the_status(service):
    assert service.resolve("curl -I 看返回码是 403，是不是权限问题").matches[0].status == 403


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("长连接用着用着，对端突然甩过来一个 RST，我这边 read 的时候就报错了，这个错误叫啥", "ECONNRESET"),
        ("wensocket 1006 yichang guanbi", "1006"),
    ],
)
def test_questions_from_fresh_mixed_28(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("gRPC 客户端给每个调用设了 3 秒 deadline，服务端查库太慢 3 秒内没回来，客户端拿到的状态是什么", "DEADLINE_EXCEEDED"),
        ("proto 里新加了一个 rpc 方法，客户端已经升级了，可服务端还是老版本没实现这个方法，调用会返回什么", "UNIMPLEMENTED"),
        ("我们 IoT 设备走 MQTT over websocket 老断，服务端日志里 close 1008，1008 代表啥", "1008"),
        (
            "Which gRPC code should a server return when the system isn't in the required state, like deleting a directory that isn't empty?",
            "FAILED_PRECONDITION",
        ),
    ],
)
def test_questions_from_fresh_mixed_29(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_a_named_clouds_error_code_asked_for_leads_a_fault_told_in_words(service):
    res = service.resolve("华为云 APIG 给自定义域名上传 SSL 证书，被拒了，原因是证书已经过期，对应哪个 code")
    assert res.matches[0].kind == "error" and res.matches[0].answer.error_code == "APIG.2102"
    assert short_key("X509_V_ERR_CERT_HAS_EXPIRED") in [m.key for m in res.matches[:3]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("X509 错误 21", "X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
        ("crul 47 报错", "CURLE_TOO_MANY_REDIRECTS"),  # curl typed with a slip
    ],
)
def test_questions_from_fresh_mixed_30(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_an_errno_asked_for_is_no_status_description(service):
    text = (
        "我们有个 TCP 长连接空闲了一晚上，中间的 NAT 网关早就把这条会话表项清掉了，第二天早上服务端往这条连接里写数据"
        "再去读，直接收到对端发来的 RST，程序里报的那个 errno 是什么？"
    )
    assert all(m.kind == "network" for m in service.resolve(text).matches)


@pytest.mark.parametrize(
    ("text", "family", "first"),
    [
        ("中午点了黄焖鸡🍗 对了 websocket 的关闭码都有哪些，谁有整理好的表", "websocket", "1000"),
        ("哎 又是我。TCP 连接相关的报错有哪些常见的？reset、refused、timeout 之类，能总结一下吗", "tcp", None),
        ("grpc 状态码有哪些", "grpc", "OK"),
        ("列一下 grpc 的错误码", "grpc", "OK"),
        ("curl 退出码大全", "curl", "CURLE_UNSUPPORTED_PROTOCOL"),
        ("总结一下常见的 curl 报错", "curl", "CURLE_UNSUPPORTED_PROTOCOL"),
        ("all websocket close codes", "websocket", "1000"),
        ("chrome 常见网络错误有哪些", "browser", "ERR_FAILED"),  # Chromium's -2 before -100
        ("openssl 错误码一览", "tls", None),
    ],
)
def test_a_familys_list_asked_for(service, text, family, first):
    res = service.resolve(text)
    assert res.mode == "class" and res.owner == "network"
    assert {m.answer.family for m in res.matches} == {family}
    assert len(res.matches) == sum(1 for e in service.kb["network"].cards if e.family == family)
    if first is not None:
        assert res.matches[0].key == short_key(first)


@pytest.mark.parametrize(
    "text",
    [
        "证书错误有哪些原因",  # the causes of one fault
        "跨域报错有哪些解决办法",
        "curl 所有请求都报错",  # trouble told, no list asked
        "chrome 的证书错误有哪些",  # two families named: neither list alone
        "grpc call returns error code 14",  # "call" holds no "all"
        "gRPC 状态码和 HTTP 状态码对照表",  # a mapping, not one family's list
    ],
)
def test_no_list_where_none_is_asked(service, text):
    assert service.resolve(text).mode != "class"


def test_a_familys_list_lays_out_every_card_with_a_button(service):
    reply = service.ask("websocket 的关闭码都有哪些")
    html = reply.html()
    assert not html_problems(html)
    assert "WebSocket 关闭码" in html and "1006" in html and "4000-4999" in html
    actions = [b.action for row in reply.buttons for b in row]
    assert len(actions) == 18 and "network:1006" in actions
    long_list = service.ask("chrome 常见网络错误有哪些")
    assert len(long_list.html()) <= 4096 and not html_problems(long_list.html())
    assert "只有简要说明" in long_list.html()  # the names with a short card only are counted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("DEADLINE_EXCEDED grpc", "DEADLINE_EXCEEDED"),
        ("CURLE_OPERATION_TIMEOUT", "CURLE_OPERATION_TIMEDOUT"),
        ("curle_couldnt_conect", "CURLE_COULDNT_CONNECT"),
        ("X509_V_ERR_CERT_HAS_EXPIRD", "X509_V_ERR_CERT_HAS_EXPIRED"),
    ],
)
def test_an_underscored_name_typed_a_letter_off(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_a_tools_own_code_asked_for_leads_the_status_in_its_line(service):
    text = "curl: (22) The requested URL returned error: 403   脚本里 echo $? 出来是 22，这个退出码啥意思"
    keys = [m.key for m in service.resolve(text).matches[:2]]
    assert keys == [short_key("CURLE_HTTP_RETURNED_ERROR"), "403"]
    # Without the ask, the status in the line answers (the rule).
    assert service.resolve("curl: (22) The requested URL returned error: 403").matches[0].key == "403"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("gRPC 客户端给调用设置了 3 秒超时，服务端那边查库花了 5 秒，客户端在时限到了之后拿到的状态码是哪个？", "DEADLINE_EXCEEDED"),
    ],
)
def test_questions_from_fresh_mixed_31(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize(
    "text",
    [
        "shell 脚本里用 curl -f 去拉一个地址，服务器返回了 404，curl 没输出页面内容直接以非零退出了，这个退出码对应 curl 的哪个错误",
        "curl -fsSL 拉安装脚本报 404，退出码是多少",
    ],
)
def test_curls_fail_option_with_an_error_status_asked_for_its_exit_code(service, text):
    keys = [m.key for m in service.resolve(text).matches[:2]]
    assert keys == [short_key("CURLE_HTTP_RETURNED_ERROR"), "404"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("curl -fsSL https://x.example/install.sh 返回 404 了怎么办", "404"),  # the status is the question
        ("curl -F file=@a.txt 上传返回 413，退出码是多少", "413"),  # -F is a form field, not --fail
    ],
)
def test_curl_without_fail_or_without_the_ask_keeps_the_status(service, text, first):
    assert service.resolve(text).matches[0].key == first


def test_a_quoted_cors_line_leads_the_200_that_reports_no_failure(service):
    text = "前端说 console 里一堆 has been blocked by CORS policy，后端说接口明明 200 了，到底这是个啥问题谁的锅"
    keys = [m.key for m in service.resolve(text).matches[:2]]
    assert keys == [short_key("CORS_MISSING_ALLOW_ORIGIN"), "200"]


def test_curls_titles_are_curls_only_beside_curl(service):
    text = "@阿杰 ssl/tls 握手失败这类问题有啥通用排查思路么，证书这块我一窍不通"
    assert service.resolve(text).matches[0].key == short_key("SSL_HANDSHAKE_FAILURE")
    assert service.resolve("curl 报 SSL/TLS 握手失败").matches[0].key == short_key("CURLE_SSL_CONNECT_ERROR")


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("@运维老周 有没有整理过 chrome 那些 net::ERR_ 开头的报错？新人老来问，想做个 FAQ 放群公告", "browser"),
        ("我这服务连库时 TCP 层的错全来了，refused、reset、timeout 都有，有没有一份总结", "tcp"),
        ("谁有整理好的 grpc 状态码表", "grpc"),
    ],
)
def test_a_list_asked_for_as_such_with_the_family_named(service, text, family):
    res = service.resolve(text)
    assert res.mode == "class" and {m.answer.family for m in res.matches} == {family}


def test_a_how_to_asked_for_is_no_list(service):
    assert service.resolve("有没有整理过 curl 报错的排查文档").mode != "class"


def test_a_close_code_in_the_4000s_is_no_status_class(service):
    text = "各位 ws 断开时 close code 是 4001，这种 4 开头的是标准里的吗，还是业务自定义的？ 我去倒杯水先"
    assert service.resolve(text).matches[0].key == short_key("4000-4999")
    assert service.resolve("4开头的状态码有哪些").group == 4  # no longer number beside it


@pytest.mark.parametrize(
    "text",
    [
        "运维忘了续期，网站证书的有效期上周就过了，用户用 Chrome 打开时出现您的连接不是私密连接的警告，下面的错误代码是什么？",
        "用户访问公司官网时 Chrome 弹出隐私错误拦截页，原因是服务器证书的 notAfter 已经过去一周了，没人续签。拦截页上显示的错误代码是哪个？",
    ],
)
def test_the_warning_page_of_an_expired_certificate_in_other_words(service, text):
    assert service.resolve(text).matches[0].key == short_key("ERR_CERT_DATE_INVALID")


def test_a_certificate_told_as_lapsed_behind_the_warning_page(service):
    # "失效" of a certificate is its validity run out; the warning page names every fault alike.
    text = "客户说 Edge 打开我们的站弹出您的连接不是私密连接，我看了下证书前天已经失效了"
    assert service.resolve(text).matches[0].key == short_key("ERR_CERT_DATE_INVALID")


def test_the_preflight_asked_in_english_words(service):
    text = "devtools shows an extra OPTIONS request before every PUT to the api, what is it"
    assert service.resolve(text).matches[0].key == short_key("CORS_PREFLIGHT_FAILED")


def test_the_warning_page_told_with_a_name_mismatch_is_still_the_name_fault(service):
    text = "证书只签了 www.example.com，没包含裸域名，用户直接访问 example.com 时 Chrome 弹隐私错误，说证书和网址对不上，这是哪个错误"
    assert service.resolve(text).matches[0].key == short_key("ERR_CERT_COMMON_NAME_INVALID")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ws 关闭码 1oo1", "1001"),  # two letters O for zeros
        ("openssl 验证错误 20", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"),
        ("curl 报 coudn't resolve host", "CURLE_COULDNT_RESOLVE_HOST"),  # "couldn t": a one-letter word
        ("certifcate has expried", "X509_V_ERR_CERT_HAS_EXPIRED"),  # an English slip typed alone
        ("ws 关闭码 policy violation", "1008"),  # a close code by its English name
        ("ws 关闭码 polcy violaton", "1008"),
        ("websocket 断开 going away", "1001"),
        (
            "用户反馈用 Chrome 打开官网时出现红色警告页，点“高级”后看到说明：服务器的证书三天前就已经过了有效日期，运维忘了续签。Chrome 页面底部显示的错误代码是什么？",
            "ERR_CERT_DATE_INVALID",
        ),
        (
            "網站的 SSL 憑證是去年簽發的，有效期限到上個月就結束了，用 Chrome 開啟時被直接擋下來並顯示警告頁面，這是 Chrome 的哪一個錯誤？",
            "ERR_CERT_DATE_INVALID",
        ),
        (
            "微服务之间用 gRPC 调用，客户端给这次调用规定最多只等 500ms，服务端处理却花了 2 秒，客户端时间一到就放弃并拿到一个标准状态码。是哪个？",
            "DEADLINE_EXCEEDED",
        ),
        ("openssl verify 20", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"),
        # "也在有效期内" is no expiry: the name fault behind the warning page.
        (
            "浏览器访问一个 HTTPS 站点，证书确实是正规 CA 签发的、也在有效期内，但证书 SAN 列表里没有当前访问的这个域名，Chrome 拦截页上显示的错误是哪个？",
            "ERR_CERT_COMMON_NAME_INVALID",
        ),
        (
            "微服务 A 调用 B 时只给这次 RPC 留了 500 毫秒，B 那边一个慢查询跑了 2 秒才返回，A 的 gRPC 客户端最后拿到的是哪个状态码？",
            "DEADLINE_EXCEEDED",
        ),
    ],
)
def test_questions_from_fresh_mixed_35_to_38(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize("text", ["going away", "500 internal error 是什么"])
def test_close_code_names_need_a_websocket_word(service, text):
    assert all(m.answer.family != "websocket" for m in service.resolve(text).matches if m.kind == "network")


def test_of_two_names_asked_which_the_one_the_description_speaks_of(service):
    text = "gRPC: token expired - should the server return PERMISSION_DENIED or UNAUTHENTICATED?"
    assert [m.key for m in service.resolve(text).matches[:2]] == [short_key("UNAUTHENTICATED"), short_key("PERMISSION_DENIED")]
    # Each card shares words of its own ("client", "timeout"): the first typed stays first.
    text = "grpc status DEADLINE_EXCEEDED vs CANCELLED, which one do I get when the client-side timeout fires?"
    assert service.resolve(text).matches[0].key == short_key("DEADLINE_EXCEEDED")


def test_the_status_users_see_behind_nginx_leads_the_runtimes_read_timeout(service):
    text = (
        "事故复盘：凌晨两点上游 Java 服务 Full GC 卡了 70 秒，前面的 nginx 反向代理等上游响应等到 proxy_read_timeout 就放弃了，"
        "用户看到一个错误页。用户看到的是哪个状态？"
    )
    assert service.resolve(text).matches[0].key == "504"



@pytest.mark.parametrize("text", ["跨域问题", "跨域问题怎么解决"])
def test_the_cors_topic_asked_as_a_problem(service, text):
    assert service.resolve(text).matches[0].key == short_key("CORS_MISSING_ALLOW_ORIGIN")


@pytest.mark.parametrize(
    "text",
    [
        "程序调用 getaddrinfo 时返回的是“暂时性”失败：DNS 服务器这会儿没响应，过一会儿重试就好了，Node 里这个错误码叫什么？",
        "公司的 DNS 服务器抖动，getaddrinfo 返回了一个“暂时性失败、稍后重试也许能成功”的错误，Node 里对应的错误码叫什么？",
    ],
)
def test_a_lookup_that_failed_for_now_is_eai_again(service, text):
    assert [m.key for m in service.resolve(text).matches[:2]] == [short_key("EAI_AGAIN"), short_key("ENOTFOUND")]


def test_a_pasted_enotfound_stays_whatever_is_said_about_retrying(service):
    text = "Error: getaddrinfo ENOTFOUND api.example.com 重试就好了吗"
    assert service.resolve(text).matches[0].key == short_key("ENOTFOUND")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("chrome 报 -102", "ERR_CONNECTION_REFUSED"),  # Chromium's number
        ("ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.0.8:3306' (113)", "EHOSTUNREACH"),
        (
            "WebSocket 服务端进程被 kill -9 直接干掉，客户端完全没收到关闭帧，TCP 连接就这么断了，浏览器 onclose 事件里拿到的 code 是多少？",
            "1006",  # "kill -9" is no Chromium number
        ),
    ],
)
def test_questions_from_fresh_mixed_32(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


def test_a_summary_asked_for_with_the_family_named(service):
    text = "周末加班的举个手🙋 顺便问下 TCP 那几个常见报错（reset、refused、timeout 那些）都啥区别，有汇总吗"
    res = service.resolve(text)
    assert res.mode == "class" and {m.answer.family for m in res.matches} == {"tcp"}


def test_a_dns_change_not_seen_yet_is_the_stale_record_card(service):
    # No error code at all: the old address is still cached somewhere until its TTL runs out.
    for text in (
        "域名换了解析，有的机器还是解析到老 IP，一般要多久生效",
        "dns 缓存怎么清",
        "Successfully flushed the DNS Resolver Cache.",
    ):
        assert service.resolve(text).matches[0].key == "DNS_STALE_RECORD", text
    # A CDN's cache is not a resolver's: nothing to offer there.
    assert service.resolve("CDN 缓存刷新一般多久生效").matches == ()


def test_a_size_after_grpc_is_no_status_number(service):
    # "4MB" is a message size, not gRPC's code 4 (DEADLINE_EXCEEDED).
    top = service.resolve("grpc 单条消息超过 4MB 就报资源耗尽").matches[0]
    assert top.key == "RESOURCE_EXHAUSTED"
    assert service.resolve("grpc 报 4 是什么").matches[0].key == "DEADLINE_EXCEEDED"


def test_binding_a_low_port_without_root_is_eacces(service):
    res = service.resolve("非 root 用户绑定 443 端口被拒绝了怎么办")
    top = res.matches[0]
    assert (top.kind, top.key) == ("network", "EACCES")
    assert top.answer.full and "setcap" in " ".join(top.answer.fix_client)
    assert service.resolve("Error: listen EACCES: permission denied 0.0.0.0:80").matches[0].key == "EACCES"


def test_a_preflight_that_will_not_pass_is_cors(service):
    top = service.resolve("加了自定义请求头以后预检就过不去，是后端哪里没配").matches[0]
    assert top.answer.family == "cors"
    # Aliyun's DryRun "预检通过" is a cloud answer, no CORS card beside it.
    res = service.resolve("ECS 接口带了 DryRun，返回说预检通过")
    assert res.matches[0].kind == "error" and all(m.kind != "network" for m in res.matches)


def test_connections_piling_up_in_time_wait_read_as_port_exhaustion(service):
    assert service.resolve("机器上 TIME_WAIT 连接几万个正常吗").matches[0].key == "EADDRNOTAVAIL"


def test_a_step_tried_or_a_place_where_it_works_is_no_remark(service):
    # The firewall turned off is a step that ruled something out; the trouble is still told.
    top = service.resolve("连另一个网段的机器报没有到主机的路由，防火墙也关了").matches[0]
    assert top.key == "EHOSTUNREACH"
    # Failing on one device and working on another narrows one's own trouble down.
    assert service.resolve("证书链不完整，iPhone 上打不开但电脑上正常").matches


def test_tcp_handshake_typed_in_pinyin_is_not_tls(service):
    # TCP's own handshake, heard by its sound, is no TLS handshake failure.
    assert service.resolve("tcp woshou shibai le").matches[0].answer.family == "tcp"
    assert service.resolve("ssl woshou shibai le").matches[0].answer.family == "tls"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # curl's own error asked for in so many words ("curl 的错误码"): its name for the fault.
        ("用 curl 访问一个没人监听的端口，curl 的错误码是哪个", "CURLE_COULDNT_CONNECT"),
        # "socket error" is two words of its own, not a slip of Python's socket.gaierror.
        ("负载均衡空闲超时了，直接发 RST 把连接掐掉，Node 的 socket error 里 code 是啥", "ECONNRESET"),
        # A WebSocket closed "with a code": its close code is asked for, not a status.
        ("WebSocket 服务端发现消息不符合它的规则（比如签名不对），又没有更合适的码，就用一个通用码关闭连接，是几", "1008"),
        # A description with no question: the preflight refused a header, the request never left.
        (
            "接口请求里带了自定义的 X-Locale 头，浏览器先自动发出预检，可预检响应的 Access-Control-Allow-Headers 中没有列出这个头，于是真正的请求就没发出去。",
            "CORS_HEADER_NOT_ALLOWED",
        ),
    ],
)
def test_failures_told_in_words_read_as_the_named_tools_error(service, text, name):
    assert service.resolve(text).matches[0].key == name


def test_arp_unanswered_and_a_certificate_signed_by_itself(service):
    # A host on the same subnet that answers no ARP request is unreachable, not slow.
    assert service.resolve("同网段那台机器关机了，arp 没人应答，connect 报什么 errno").matches[0].key == "EHOSTUNREACH"
    text = "服务端就一张自己签自己的证书，链上只有它，openssl 校验报哪个错误"
    assert service.resolve(text).matches[0].key == "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT"


def test_a_close_event_is_websocket_context_for_a_close_codes_wording(service):
    # No "websocket" typed: the close event the browser fires says which protocol this is.
    text = "前端每次发版都会收到一个关闭事件，原因写着对端正在离开，需要自动重连吗"
    assert service.resolve(text).matches[0].answer.name == "1001"


@pytest.mark.parametrize(
    "text",
    [
        "postman 能通，浏览器不行，为啥",
        "接口用 apifox 调是好的，前端页面里就是拿不到数据，控制台一片红",
        "页面和接口不在同一个域名，浏览器里请求失败，后端日志却显示处理了",
        # Safari's console names neither the header missing nor CORS.
        "[Error] Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 200",
        "Fetch API cannot load https://api.example.com/v1/me due to access control checks.",
    ],
)
def test_cors_told_by_its_symptom_or_by_safari(service, text):
    # Works from a tool that is no browser, or two origins, and the browser's side fails.
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.family) == ("network", "cors")


def test_a_browser_and_a_tool_both_failing_is_no_cors_symptom(service):
    matches = service.resolve("postman 和浏览器都报 502，后端挂了吧").matches
    assert matches[0].status == 502
    assert all(m.answer.name != "CORS_MISSING_ALLOW_ORIGIN" for m in matches if m.kind == "network")


@pytest.mark.parametrize(
    "text", ["后端没返回 Access-Control-Allow-Origin 这个头", "Acces-Control-Alow-Origin 这个头后端没加"]
)
def test_the_cors_header_named_missing_even_a_few_letters_off(service, text):
    assert service.resolve(text).matches[0].answer.name == "CORS_MISSING_ALLOW_ORIGIN"


def test_what_a_client_prints_instead_of_a_status_it_never_gets_names_the_clients_error(service):
    # nginx's 444 sends nothing; curl prints "Empty reply from server". The curl card leads.
    matches = service.resolve("我这边 curl 一直 Empty reply from server，服务端没日志").matches
    assert [m.key for m in matches[:2]] == ["CURLE_GOT_NOTHING", "444"]
    # Asked for the status behind it, the status leads.
    asked = service.resolve("curl 只显示 Empty reply from server，nginx 那边返回的是哪个状态码").matches
    assert asked[0].status == 444
    # A status the client does get keeps the lead beside a log line the network card quotes too.
    line = "upstream timed out (110: Connection timed out) while reading response header from upstream"
    assert service.resolve(line).matches[0].status == 504


@pytest.mark.parametrize(
    "text",
    [
        "grpc 报 unimplimented: unknown service helloworld.Greeter",  # the status name misspelt
        "grpc 调用返回 unknown method SayHello for service Greeter",
    ],
)
def test_unknown_service_or_method_is_how_grpc_describes_unimplemented(service, text):
    keys = [m.key for m in service.resolve(text).matches]
    assert keys[0] == "UNIMPLEMENTED" and "UNKNOWN" not in keys
    # The word alone is still the UNKNOWN status.
    assert service.resolve("grpc 报 unknown 错误").matches[0].key == "UNKNOWN"


def test_certificate_not_trusted_is_the_browsers_words_unless_a_program_says_them(service):
    # Said alone it is what Chrome shows (ERR_CERT_AUTHORITY_INVALID); said of a program, the
    # same fault under OpenSSL's name, the browser card's twin.
    assert service.resolve("证书不受信任").matches[0].answer.name == "ERR_CERT_AUTHORITY_INVALID"
    top = service.resolve("python requests 报证书不受信任").matches[0]
    assert top.answer.name == "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
    # So when the browser is told fine and a phone or a client fails.
    told = service.resolve("nginx 配了证书，电脑浏览器打开正常，iPhone 上的 app 却说证书不受信任").matches[0]
    assert told.answer.name == "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"


def test_a_code_asked_of_the_close_frame_is_the_websockets(service):
    # "close 帧里填什么码": the close frame carries a WebSocket close code, not an HTTP status
    # (499 is nginx's client-closed-request).
    assert service.resolve("websocket 服务端正常关闭连接，close 帧里填什么码").matches[0].key == short_key("1000")


def test_dns_said_to_be_down_is_the_resolvers_failure(service):
    # "dns 服务挂了": the resolver unreachable, a temporary failure to resolve (not a 502's "服务").
    assert service.resolve("dns 服务挂了怎么排查").matches[0].key == short_key("EAI_AGAIN")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # gRPC named, its status asked later in English words: gRPC's own code, not the HTTP one.
        ("grpc request sent with no auth token, which status code comes back?", "UNAUTHENTICATED"),
        ("our grpc server is down, what status does the stub report", "UNAVAILABLE"),
    ],
)
def test_a_grpc_status_asked_in_english_after_the_story(service, text, name):
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize(("text", "name"), [("1006断开", "1006"), ("1001 掉线了", "1001"), ("断线 1011", "1011")])
def test_a_close_code_told_beside_a_dropped_connection(service, text, name):
    # A dropped connection is what a close code reports: the number alone with 断开 is one.
    assert service.resolve(text).matches[0].key == short_key(name)


@pytest.mark.parametrize("text", ["1006 断开电源前先保存", "1001 房间断网了"])
def test_a_dropped_word_in_a_longer_line_leaves_the_number_alone(service, text):
    matches = service.resolve(text).matches
    assert not matches or matches[0].key not in {short_key("1006"), short_key("1001")}


def test_a_topic_typed_by_sound_beats_word_overlap_alone(service):
    # 浏览器 and 拦截 share words with the client-blocked cards; 跨预 is 跨域 typed by sound.
    assert service.resolve("跨预请求被浏览器拦截了").matches[0].answer.family == "cors"


def test_a_latin_word_and_its_chinese_half_apart_leave_a_card_read_by_words_first(service):
    # "DNS … 解析失败" is the topic, but the card read by its words says which DNS error.
    assert service.resolve("DNS 偶尔临时解析失败，过一会又好了，Node 里对应哪个错误码").matches[0].answer.name == "EAI_AGAIN"


def test_a_certificate_told_run_out_keeps_its_card_in_a_long_story(service):
    text = "今天早上公司所有人打开官网，浏览器地址栏都显示不安全，点开详情说网站的证书已经过了有效期，昨天还好好的，什么都没改过"
    assert service.resolve(text).matches[0].answer.name == "ERR_CERT_DATE_INVALID"


def test_a_request_the_browsers_policy_stopped_that_a_tool_sends_fine_is_cors(service):
    text = "前端页面请求后端接口，Network 面板里请求是红的，控制台说被浏览器的策略阻止了，因为响应里没有允许我这个来源的头，可是用 Postman 调完全正常"
    assert service.resolve(text).matches[0].answer.family == "cors"


def test_a_proto_file_told_of_makes_the_call_grpcs(service):
    # 方法未实现 is 501's name too; a method added to the service's .proto makes it gRPC's call.
    text = "服务端 proto 里加了新方法，客户端升级后调用马上失败，服务端还是老版本没有实现这个方法，报错说方法未实现"
    assert service.resolve(text).matches[0].answer.name == "UNIMPLEMENTED"


def test_a_verification_failure_told_with_its_reason_names_the_reason(service):
    # Python's catch-all for a failed verification, told in words with why it failed.
    text = "网站证书昨天到期忘了续，今天 python requests 调接口直接报证书校验失败，说证书已经过了有效期"
    assert service.resolve(text).matches[0].answer.name == "X509_V_ERR_CERT_HAS_EXPIRED"


def test_a_tool_that_speaks_no_http_puts_the_network_card_before_a_status_guess(service):
    text = "新买的域名还没配解析记录，dig 查询很快返回，不是超时也不是服务器故障，而是明确告诉我这个名字根本不存在"
    assert service.resolve(text).matches[0].answer.name == "NXDOMAIN"


def test_a_message_over_the_receivers_limit_is_1009(service):
    text = "客户端通过 WebSocket 发了一个 5MB 的 JSON，服务端配置的单条消息上限是 1MB，于是服务端发了关闭帧断开连接"
    assert service.resolve(text).matches[0].answer.name == "1009"


@pytest.mark.parametrize(
    "text",
    [
        # HTTP named as a likeness asks for none of its codes.
        "gRPC 调用时 metadata 里忘了带 authorization 的 token，服务端拦截器拿不到任何身份凭证就直接拒绝了，相当于 HTTP 里没登录的那种情况。",
        # A status asked for beside one of gRPC's own names, set aside.
        "面试题：gRPC接口要求带token，调用方压根没传或者传的token无效，也就是认证凭据有问题，服务端应该返回哪个状态码，而不是PERMISSION_DENIED？",
        "My gRPC server rejects a call because the caller sent no credentials at all. Which gRPC status should I return?",
    ],
)
def test_grpcs_own_status_for_a_call_without_credentials(service, text):
    assert service.resolve(text).matches[0].answer.name == "UNAUTHENTICATED"


def test_grpc_named_beside_an_http_status_asked_for_keeps_the_status(service):
    assert service.resolve("gRPC 网关转成 HTTP 以后，认证失败返回哪个 HTTP 状态码").matches[0].key == "401"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("办公网连测试机房一直连不上，报的不是超时也不是被拒，而是内核说压根找不到去那台主机的路", "EHOSTUNREACH"),
        ("本地连云服务器的 8000 端口一直卡着，过了一两分钟才报连接失败，安全组没放行，SYN 包被悄悄丢掉了", "ETIMEDOUT"),
        # curl's own error told in words leads a status sharing a phrase with the story (201's 建立成功).
        ("用 curl 测试新服务，TCP 连接建立成功了，但服务端一个字节都没回就把连接关了", "CURLE_GOT_NOTHING"),
        # A browser that will not let the response through (不放行) is a CORS failure told.
        ("请求设置了 withCredentials，后端响应头里允许的来源写的是星号，浏览器就是不放行，改成回显具体的 Origin 并加上 Allow-Credentials 才行。", "CORS_CREDENTIALS_WILDCARD"),
    ],
)
def test_network_failures_told_in_other_words(service, text, name):
    assert service.resolve(text).matches[0].answer.name == name


def test_a_deadline_that_ran_out_is_not_a_cancelled_call(service):
    text = "Go 写的微服务调用下游 gRPC 接口，ctx 设了 3 秒超时，下游一个慢查询跑了 5 秒，调用方拿到的 gRPC 状态是什么"
    assert service.resolve(text).matches[0].answer.name == "DEADLINE_EXCEEDED"


def test_a_console_red_all_over_with_a_tool_working_is_cors(service):
    text = "本地起了前端项目，调后端接口时浏览器控制台红了一片，说响应里没有允许当前源的头，可是用 Postman 调完全正常，这是什么问题"
    assert service.resolve(text).matches[0].answer.family == "cors"


@pytest.mark.parametrize(
    "text",
    [
        "用 dig 查一个根本不存在的子域名，权威服务器明确回答说这个名字不存在，响应头里的 status 字段显示的是什么？",
        "用 dig 查询一个拼错的、根本不存在的域名，权威 DNS 服务器明确回答“这个域名不存在”，这时候 DNS 响应头里的 status 字段是什么？",
    ],
)
def test_the_status_field_a_dns_tool_shows_is_the_answers_own_code(service, text):
    assert service.resolve(text).matches[0].answer.name == "NXDOMAIN"


def test_a_dns_tool_that_finds_nothing_without_its_fields_is_still_the_programs_lookup(service):
    text = "程序里访问 api.internal.corp 说找不到这个主机，nslookup 也查不到记录"
    assert service.resolve(text).matches[0].answer.name != "NXDOMAIN"


def test_the_local_issuer_error_told_in_chinese_is_openssls_20(service):
    # The message the program printed, told in Chinese, beside the missing intermediate that caused it.
    text = "nginx 上只配了叶子证书没配中间证书链，浏览器有时候能打开，但 Java 和 Python 客户端报无法获取本地颁发者证书，这个是哪个校验错误？"
    assert service.resolve(text).matches[0].answer.name == "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"


def test_the_one_met_of_two_named_pointed_at_by_its_place(service):
    text = "有人能说一下 gRPC 的 PERMISSION_DENIED 和 UNAUTHENTICATED 区别吗，我们这边报的是后面那个"
    assert service.resolve(text).matches[0].answer.name == "UNAUTHENTICATED"


def test_a_time_limit_that_ran_out_is_a_deadline_whatever_was_returned_later(service):
    text = "gRPC 客户端调用时设置了 3 秒超时，服务端处理了 5 秒才返回结果，客户端这边最终收到的状态是什么？"
    assert service.resolve(text).matches[0].answer.name == "DEADLINE_EXCEEDED"


def test_chromes_dns_failure_page_in_its_own_words(service):
    text = "我妈说家里电脑打开某个网站，Chrome 显示无法访问此网站，找不到该网站服务器的 IP 地址，其他网站都能正常上"
    assert service.resolve(text).matches[0].answer.name == "ERR_NAME_NOT_RESOLVED"
    assert service.resolve("服务器的 IP 地址是多少").matches[:1] == () or service.resolve("服务器的 IP 地址是多少").matches[0].tier != "alias"


def test_a_laughed_question_of_whose_fault_is_still_answered(service):
    text = "测试同学说浏览器报 has been blocked by CORS policy，这锅是后端的吧😂"
    assert service.resolve(text).matches[0].answer.family == "cors"
