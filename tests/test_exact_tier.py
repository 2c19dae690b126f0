"""The status kind's ``exact`` tier ("503", "HTTP 404", "状态码 502") answers what the whole
reading answers, for every three-digit number it could accept, in every form it accepts; and
it accepts nothing else."""

from __future__ import annotations

import itertools

import pytest

from bot.chat.service import Service

# Every casing of "http " and "状态码" with and without a space.
_HTTP = ["".join(letters) for letters in itertools.product("hH", "tT", "tT", "pP")]
PREFIXES = ["", "状态码", "状态码 ", *(f"{h} " for h in _HTTP)]
AROUND = [("", ""), (" ", ""), ("", "\n"), ("\t", " "), ("\u3000", "\u3000"), ("  ", "  ")]


@pytest.fixture(scope="module")
def resolver(service: Service):
    return service.resolver


def test_every_accepted_form_reads_as_the_whole_reading(resolver) -> None:
    taken = 0
    for code in range(100, 600):
        for prefix in PREFIXES:
            for before, after in AROUND:
                text = f"{before}{prefix}{code}{after}"
                exact = resolver.kinds[0].exact(text)
                if exact is None:
                    continue
                taken += 1
                assert exact == resolver.read(text), text
    # Every registered code in every form (the tier is not quietly declining them).
    statuses = resolver.kb["status"].statuses
    assert taken == len([c for c in statuses if 100 <= c < 600]) * len(PREFIXES) * len(AROUND)


@pytest.mark.parametrize(
    "text",
    [
        "299",  # unregistered: read, to be reported as unknown
        "5033",
        "50 3",
        "http  503",  # two spaces: read
        "http503",  # run into a word: no code to the reading either
        "http/1.1 503",
        "503 了",
        "503?",
        "状态码：503",
        "５０３",  # full-width digits are folded by the reading, not here
        "code 503",
        "x" * 20 + "503",
        "",
    ],
)
def test_other_texts_are_read(resolver, text: str) -> None:
    assert all(kind.exact(text) is None for kind in resolver.kinds)


def test_resolve_takes_the_tier_and_matches_the_reading(resolver) -> None:
    res = resolver.resolve("HTTP 503")
    assert res.mode == "code" and [m.status for m in res.matches] == [503]
    assert res == resolver.read("HTTP 503")
