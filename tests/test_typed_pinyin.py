"""Questions typed in pinyin: known words written back in Chinese and read again."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.typed_pinyin import EVERYDAY, PinyinWords


def test_known_words_are_written_back_and_the_rest_stays():
    words = PinyinWords(["服务", "不可用", "库存", "不足", "阿里云"])
    assert words.write_back("grpc fuwu bukeyong") == ("grpc 服务不可用", ["服务", "不可用"])
    # Syllables run on across spaces; a word not typed in pinyin keeps its place.
    assert words.write_back("aliyun ecs ku cun bu zu") == ("阿里云 ecs 库存不足", ["阿里云", "库存", "不足"])
    # Unknown syllables and English stay as typed; nothing known: the text itself.
    assert words.write_back("the bucket does not exist") == ("the bucket does not exist", [])
    assert words.write_back("wo jintian chi mian") == ("wo jintian chi mian", [])


def test_a_sound_two_words_share_writes_back_neither():
    words = PinyinWords(["权限", "全线"])  # quan xian, both
    assert words.write_back("quanxian") == ("quanxian", [])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_writing_back_never_fails_and_keeps_what_it_cannot_read(text):
    written, put = PinyinWords(EVERYDAY).write_back(text)
    assert isinstance(written, str)
    if not put:
        assert written == text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("aliyun ecs kucun buzu", "OperationDenied.NoStock"),  # nothing read as typed
        ("grpc fuwu bu keyong zenme ban", "UNAVAILABLE"),  # read as typed only by 503's sound
        ("tengxunyun cvm shili bu cunzai", "InvalidInstanceId.NotFound"),
        ("aliyun oss qianming bu pipei", "SignatureDoesNotMatch"),
    ],
)
def test_a_question_typed_in_pinyin_is_answered_as_in_chinese(service, text, key):
    res = service.resolve(text)
    assert res.matches, text
    top = res.matches[0]
    assert getattr(top.answer, "error_code", None) == key or getattr(top.answer, "name", None) == key
    assert "按拼音读作" in top.why
    assert res.query == text  # the reply echoes what was typed


def test_chatter_in_pinyin_stays_unanswered(service):
    assert service.resolve("wo men jin tian wan shang chi huo guo").matches == ()
