"""No message, however hostile, may stall the bot: everything that reads user text is linear.

Each check runs under a watchdog of several seconds: generous for the milliseconds an
ordinary message takes, far below what the catastrophic cases took before (seconds to
minutes), so a regression fails CI without timing flakiness.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import HealthCheck, given, settings

import bot
from bot.core.kind import MAX_QUERY, distinct_lines
from bot.core.lazyre import LazyPattern
from bot.core.text import fold, normalize, remove_links
from bot.kinds.cloud.body import parse_body
from bot.render import reply as replies
from tests.hostile import KNOWN_BAD, UNITS, fill, guarded, hostile
from tests.html_check import html_problems

BUDGET = 20.0  # seconds per check; a single 4 KB message takes ~10–30 ms


@pytest.mark.parametrize("text", KNOWN_BAD, ids=lambda t: repr(t[:24]))
def test_known_catastrophic_shapes_finish(service, text):
    def check() -> None:
        parse_body(text)
        remove_links(text)
        reply = service.answer(service.resolver.resolve(text))
        assert not html_problems(reply.html())

    guarded(check, BUDGET, text)


@pytest.mark.parametrize("unit", UNITS, ids=repr)
def test_each_unit_repeated_to_4kb(service, unit):
    text = fill(unit)

    def check() -> None:
        html = service.ask(text).html()
        assert not html_problems(html)
        assert len(html) <= replies.TELEGRAM_LIMIT

    guarded(check, BUDGET, text)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=hostile())
def test_hostile_text_is_answered_or_ignored(service, text):
    def check() -> None:
        html = service.answer(service.resolver.resolve(text)).html()
        assert not html_problems(html)
        assert len(html) <= replies.TELEGRAM_LIMIT

    guarded(check, BUDGET, text)


def test_huge_paste_reads_head_and_tail(service):
    """A 100 KB traceback through ``ask``: bounded work, and the error at its end is found."""
    text = '  File "/app/x.py", line 1, in <module>\n' * 2500 + "HTTPError: 503 Server Error"
    assert len(text) > 100_000

    def check() -> None:
        res = service.resolver.resolve(text)
        assert res.matches and res.matches[0].status == 503

    guarded(check, BUDGET, "100 KB traceback")


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(bot.__path__, "bot."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):  # compiled on first use: audited as compiled
                value = value.compile()
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


PATTERNS = _module_patterns()


def test_every_module_pattern_is_audited():
    assert len(PATTERNS) >= 20  # the audit below sees the modules' patterns


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_every_module_pattern_is_linear_on_hostile_runs(name, pattern):
    """Every pattern in bot/, searched over runs that break backtracking engines.

    Together these runs took over an hour on the patterns that were replaced; each
    pattern now finishes them all in well under the budget.
    """
    texts = [fill(u) for u in UNITS] + [fill(a + b) for a in UNITS[:24] for b in UNITS[:24] if a != b]
    texts += list(KNOWN_BAD)

    def check() -> None:
        for text in texts:
            pattern.search(text)
            pattern.sub(" ", text[:1024])
        for text in KNOWN_BAD:  # tokens are matched whole too ("Ab" + "C" * 40 + "-x")
            pattern.fullmatch(text[:4096])

    guarded(check, BUDGET * 3, name)


def test_normalisation_caches_keep_long_texts_out():
    text = "网关超时" * 1100  # longer than the resolver window
    before = (len(fold), len(normalize))
    normalize(text)
    assert (len(fold), len(normalize)) == before
    normalize("网关超时")
    assert len(normalize) >= 1


def test_repeated_log_lines_are_read_once():
    """A line that repeats an earlier one but for its numbers is read once; short lines stay."""
    lines = [f"2026/11/15 10:0{i}:01 [error] upstream timed out, request id {1000 + i}" for i in range(6)]
    body = '{\n  "a": {\n    "x": 1\n  },\n  "b": {\n    "x": 2\n  }\n}'
    text = "\n".join([*lines, body, "这是什么问题？"])
    read = distinct_lines(text)
    assert read.splitlines() == [lines[0], *body.splitlines(), "这是什么问题？"]
    assert distinct_lines("no newline here") == "no newline here"


def test_repeated_lines_read_once_are_echoed_as_sent(service):
    """The kinds read a repeated line once; the reply still names the text as it was sent."""
    text = "\n" + "0" * 20 + "\n" + "0" * 20
    res = service.resolve(text)
    assert res.query == text
    lines = "\n".join(f"worker {i} heartbeat ok" for i in range(5))
    assert service.resolve(lines).query == lines


def test_error_between_repeated_lines_of_a_long_paste_is_found(service):
    """A long paste is read as its head and tail once its repeated lines are gone: the one
    different line in the middle of 10 KB of health checks is still read."""
    noise = [f"2026/11/15 10:{i % 60:02d}:01 [info] health check passed in {i} ms" for i in range(120)]
    text = "\n".join([*noise, "Error: connect ECONNREFUSED 10.0.0.5:3306", *noise]) + "\n怎么回事"
    assert len(text) > 2 * MAX_QUERY

    def check() -> None:
        res = service.resolver.resolve(text)
        assert res.matches and (res.matches[0].kind, res.matches[0].key) == ("network", "ECONNREFUSED")

    guarded(check, BUDGET, "10 KB of health checks")
