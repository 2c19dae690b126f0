"""Homophone typos and typed pinyin (bot/core/pinyin.py and the status kind's sound tier)."""

from __future__ import annotations

import pytest

from bot.core import pinyin


def test_keys_are_syllables_aligned_and_broken_by_what_cannot_be_read():
    assert pinyin.key("网关超时") == "·wang·guan·chao·shi·"
    assert pinyin.key("wangguan chaoshi") == "·wang·guan·chao·shi·"
    # English words that are not pinyin break the run; so does punctuation.
    assert pinyin.key("http 超时，网关") == "·chao·shi· ·wang·guan·"
    assert pinyin.syllables(pinyin.key("王冠超时")) == 4


def test_the_generated_table_reads_common_characters():
    assert [pinyin.key(ch) for ch in "网王未为"] == ["·wang·", "·wang·", "·wei·", "·wei·"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("王冠超时是什么意思", 504),  # 网关超时
        ("错误王冠", 502),  # 错误网关
        ("为授权", 401),  # 未授权
        ("禁址访问", 403),  # 禁止访问
        ("wangguan chaoshi", 504),  # typed pinyin
        ("fuwuqi neibu cuowu", 500),
    ],
)
def test_a_name_heard_not_read_is_found(service, text, status):
    top = service.resolve(text).matches[0]
    assert (top.status, top.tier) == (status, "fuzzy")
    assert top.score < 100


@pytest.mark.parametrize("text", ["王冠很好看", "ni hao", "shi bu shi", "我在北京上班", "今天天气不错"])
def test_chatter_that_sounds_like_nothing_stays_chatter(service, text):
    assert service.resolve(text).matches == ()


def test_long_texts_skip_the_sound_tier(service):
    # The same homophone inside a paste longer than HOMOPHONE_MAX_CHARS is not read.
    text = "王冠超时" + "，" + "今天的日志太长了" * 8
    assert all(m.tier != "fuzzy" or "读音" not in m.why for m in service.resolve(text).matches)


def test_a_sound_match_counts_the_whole_question_like_a_literal_one(service):
    # "curl" is part of the question: the homophone tier must not read it as all 请求超时.
    statuses = {m.status: m for m in service.resolve("curl 请求超时").matches if m.kind == "status"}
    assert statuses[408].tier == "alias"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("未受权是几", 401),
        ("永久重定项用哪个", 301),
        ("茶壶是哪个码", 418),
        ("未受权 返回哪个状态码", 401),
        # The rest of the question is a status frame even where normalising left words of it.
        ("未受权一般会回什么状态", 401),
    ],
)
def test_question_frames_around_a_name_heard_or_read(service, text, status):
    assert service.resolve(text).matches[0].status == status


def test_a_name_heard_beside_words_that_are_no_frame_is_not_the_whole_question(service):
    # 为授权 is only half of this, and the rest asks nothing about a status.
    assert service.resolve("为授权一般会怎样").matches == ()


@pytest.mark.parametrize("text", ["接口报未受权是啥情况", "后台报未受权是怎么回事"])
def test_an_ambiguous_name_heard_in_a_short_frame_about_a_response(service, text):
    # 未授权 sits inside 561's longer name too; the frame says nothing of ALB or 认证.
    assert service.resolve(text).matches[0].status == 401
