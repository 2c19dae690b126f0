"""Any text at all → resolve → render: never raises, valid Telegram HTML, within limits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.match import Resolution
from bot.kinds.status import cards as status_cards
from bot.render import answer as dispatch
from bot.render import reply as replies
from bot.render.reply import TELEGRAM_LIMIT
from tests.html_check import html_problems

FRAGMENTS = st.sampled_from(
    [
        "503",
        "5xx",
        "401 vs 403",
        "网关超时",
        "<b>",
        "</i>",
        "&amp;",
        "&",
        "<a href='x'>",
        "\u200b",
        "\x00",
        "\u202e",
        "🔥",
        "閘道逾時",
        "InvalidImageId.NotFound",
        '{"Code": "Forbidden"}',
        "upstream timed out",
        "HTTP/1.1 500",
        "４０４",
        "*_`[]()",
        "\n",
        " ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=4096),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=60).map("".join),
)


def check_reply(reply: replies.Reply) -> None:
    text = reply.html()
    assert len(text) <= TELEGRAM_LIMIT
    assert html_problems(text) == []
    for row in reply.buttons:
        for button in row:
            assert 0 < len(button.action.encode()) <= 64
            assert button.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text_renders_valid_html(service, text):
    res = service.resolve(text)
    check_reply(dispatch.answer(service.kb, res))
    check_reply(dispatch.answer(service.kb, res, detailed=False))
    assert res.query == text[:4096]


def test_every_card_is_valid(service):
    for entry in service.kb["status"].statuses.values():
        for detailed in (True, False):
            reply = status_cards.status_card(service.kb["status"], entry, detailed)
            check_reply(reply)
            assert reply.plain().count("<b>") == 0
    for digit in service.kb["status"].classes:
        check_reply(status_cards.class_list(service.kb["status"], digit))
    check_reply(status_cards.overview(service.kb["status"]))
    for family in ("websocket", "browser", "curl", "tls"):
        check_reply(service.ask(f"{family} 的错误码有哪些" if family != "websocket" else "websocket 关闭码有哪些"))


def test_huge_comparison_stays_within_limit(service):
    codes = " ".join(str(c) for c in list(service.kb["status"].statuses)[:40])
    res = service.resolve(codes)
    assert res.mode == "multi"
    check_reply(dispatch.answer(service.kb, res))


def test_4kb_message_of_emoji_and_markup(service):
    text = ("🔥<b>&" * 1400)[:4096]
    check_reply(dispatch.answer(service.kb, service.resolve(text)))


# --- random lists of codes: comparisons and unknown codes stay within the caller's limit ----

LIMITS = st.one_of(st.just(TELEGRAM_LIMIT), st.integers(min_value=600, max_value=TELEGRAM_LIMIT))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), limit=LIMITS)
def test_comparison_of_any_codes_fits_the_limit(service, data, limit):
    codes = data.draw(
        st.lists(st.sampled_from(sorted(service.kb["status"].statuses)), min_size=2, max_size=150)
    )
    entries = [service.kb["status"].statuses[c] for c in codes]
    reply = status_cards.comparison(service.kb["status"], entries, limit)
    text = reply.html()
    assert len(text) <= limit
    assert html_problems(text) == []
    plain = reply.plain()
    assert status_cards.heading(entries[0]) in plain  # the first code always gets its own line
    buttons = [button for row in reply.buttons for button in row]
    assert len(buttons) <= status_cards.MAX_COMPARE_BUTTONS
    assert all(
        status_cards.heading(service.kb["status"].statuses[int(b.action.split(":")[1])]) in plain
        for b in buttons
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codes=st.lists(st.integers(min_value=100, max_value=999), min_size=1, max_size=300), limit=LIMITS)
def test_any_list_of_numbers_as_a_question_fits(service, codes, limit):
    res = service.resolve(" ".join(map(str, codes)))
    for detailed in (True, False):
        reply = dispatch.answer(service.kb, res, detailed, limit=limit)
        assert len(reply.html()) <= limit
        assert html_problems(reply.html()) == []


@settings(max_examples=100, deadline=None)
@given(codes=st.lists(st.integers(min_value=100, max_value=599), min_size=1, max_size=500), limit=LIMITS)
def test_unknown_codes_fit(service, codes, limit):
    res = Resolution("?", "none", (), unknown=tuple(("status", str(c)) for c in codes))
    reply = dispatch.not_found(service.kb, res, limit)
    assert len(reply.html()) <= limit
    assert html_problems(reply.html()) == []
    assert reply.plain().startswith(f"{codes[0]} 不是已登记或常见的状态码。")
