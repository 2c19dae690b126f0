"""Numbers in everyday chatter are not status codes; the same numbers in real questions are.

tests/eval/chatter_numbers.tsv is a tuned set (written while building the number-in-context
rules of ``bot.core.domain``, see docs/evaluation.md): everyday lines with numbers and
without (``none``), and status questions using the same numbers. The floors guard the
figures it reached; they say nothing about unseen text (the blind sets do).
"""

from __future__ import annotations

import csv
import re

import pytest

from bot.core import domain
from bot.kinds.status.index import explicit_codes
from tests.eval_utils import EVAL_DIR, Row, score_status

CHATTER_REJECTED_FLOOR = 0.98
STATUS_TOP1_FLOOR = 0.97


def _rows() -> list[Row]:
    with (EVAL_DIR / "chatter_numbers.tsv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(r["query"], "" if r["expect"] == "none" else r["expect"], r["category"], "tune")
            for r in reader
        ]


def test_chatter_numbers_floors(service):
    rows = _rows()
    assert len(rows) >= 150
    assert sum(1 for r in rows if r.category == "number_chatter") >= 80
    assert sum(1 for r in rows if r.category == "number_status") >= 40
    score = score_status(service.resolver, rows)
    print("\n" + score.line("chatter_numbers"))
    assert score.rate(score.chatter_rejected, score.chatter) >= CHATTER_REJECTED_FLOOR, score.misses
    assert score.rate(score.top1, score.total) >= STATUS_TOP1_FLOOR, score.misses


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("503 今晚聚餐", []),  # nothing makes it a status
        ("那 502 呢", [502]),  # a follow-up about the number alone
        ("401 和 403 有啥区别", [401, 403]),
        ("报了个 403", [403]),  # a cue before, light words between
        ("503 错误", [503]),  # a cue after
        ("404 not found", [404]),  # the code's own name
        ("服务器一个月 500 块", []),  # shop talk, but a price
        ("接口 qps 500 就扛不住", []),  # shop talk, but a rate
        ("nginx 机房 502 停电了", []),  # shop talk, but a room
        ("压测 500 ms 超时", []),
        ("nginx 一直 502", [502]),
        ("飞书 403", [403]),  # a number and a word or two: a lookup
        ("钉钉 500", [500]),
        ("418 是彩蛋吗", [418]),
        ("总给我 401", [401]),  # 给我 before the number
        ("快递到 201 了", []),
    ],
)
def test_numbers_read_by_their_context(service, text, codes):
    res = service.resolve(text)
    if codes:
        assert res.mode in ("code", "multi") and [m.status for m in res.matches] == codes
    else:  # the number is no code (word overlap may still read the shop talk around it)
        assert res.mode not in ("code", "multi") and not res.unknown


def test_context_checks_stay_bounded_on_long_text():
    text = "我们 " + "503 聚餐 " * 600
    assert explicit_codes(text) == []
    assert explicit_codes("页面 " + "503 " * 1000)[:1] == [503]
    assert domain.asks_only_about("是" * 4000 + " 500", {"500"})


def test_an_os_error_number_is_no_status(service):
    res = service.resolve("OSError: [Errno 101] Network is unreachable")
    assert [m.status for m in res.matches] == [None]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("困死了……对了 401 和 403 到底有啥区别来着", [401, 403]),  # two codes compared, asked
        ("楼上说的那个 301 是啥意思，我没看懂", [301]),
        ("房间 301 和 302 哪个大", []),  # the pair is rooms
    ],
)
def test_codes_asked_about_inside_chatter(service, text, codes):
    assert [m.status for m in service.resolve(text).matches if m.tier == "code"] == codes


def test_word_lists_read_the_same_in_short_and_long_texts():
    """asks() and settled() look for their words by one regex in a short text, word by word in
    a longer one and by one regex again in a long text holding CJK: the same answer either way,
    at every length around both switches."""
    import random

    words = [*domain.QUESTION_WORDS, *domain.SETTLED_WORDS, *domain.TROUBLE_WORDS]
    fillers = ["503", " ", "了", "服务", "a", "是", "已经", "好", "还", "?"]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(words if rnd.random() < 0.2 else fillers) for _ in range(rnd.randint(0, 160)))
        text = text[: rnd.randint(0, 2 * domain._ONE_SCAN_FROM)]
        assert domain.asks(text) == any(w in text for w in domain.QUESTION_WORDS)
        # Trouble told before the last word that it is in hand does not undo it ("又过期了，
        # 已经续上了"); trouble told after it does ("修好了，又 502 了"), and so does trouble
        # that persists ("还是", not "503还是"), wherever it is; trouble after 免得 is kept off.
        cut = text
        for lest in ("免得", "以免", "省得", "防止"):
            if cut.find(lest) > 0:
                cut = cut[: cut.find(lest)]
        last_trouble = max(cut.rfind(w) for w in domain.TROUBLE_WORDS)
        persists = any(w in text for w in domain.PERSISTS) and not re.search(r"[0-9] ?还是", text)
        # A labelled notice or note for others (domain.labelled_notice, tested on its own).
        notice = domain.labelled_notice(text)
        # A code worn as a mood ("…喊我503 了") is a joke, asked nothing (domain._meme has its own tests).
        meme = domain._meme(text) and not any(w in text for w in domain.QUESTION_WORDS)
        expected = notice or meme or (
            (any(w in text for w in domain.SETTLED_WORDS) or re.search(r"(?:升级|升|更新|切)到\s?v?\d+(?:\.\d+)+", text))
            and not any(w in text for w in domain.QUESTION_WORDS)
            and (
                not any(w in text for w in domain.TROUBLE_WORDS)
                or (not persists and any(cut.rfind(w) > last_trouble for w in domain.SETTLED_WORDS))
            )
            and not re.search(r"就\s?[1-5][0-9]{2}", text)
        )
        assert domain.settled(text) == bool(expected)


def test_a_teams_number_is_no_code(service):
    # "后端组 404" is the back-end team's room or number, the person after it says so.
    assert service.resolve("后端组 404 的阿强").matches == ()
