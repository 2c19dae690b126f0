"""The chatter model: its features, its file's validation, and what it may withdraw.

The model only ever withdraws a reading (bot/retrieval/resolver.py ``_is_chatter``); these
tests pin that down from both sides with a knowledge base loaded with and without it.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import cli
from bot.chat.service import Service
from bot.core import chatter
from bot.core.chatter import MAX_CHARS, features
from bot.core.kind import Query
from bot.core.knowledge import KnowledgeBase
from bot.core.schema import KnowledgeError
from bot.kinds import load
from tests.hostile import KNOWN_BAD, UNITS, fill

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "knowledge" / chatter.FILE


def folded(text: str) -> str:
    return Query.of(text).folded


def _header() -> dict[str, str]:
    """The model file's header fields (the lines that start with a letter)."""
    return dict(line.split("\t", 1) for line in MODEL.read_text(encoding="utf-8").splitlines() if line[:1].isalpha())


# --- features ------------------------------------------------------------------------------


def test_codes_and_figures_become_placeholders():
    grams = features(folded("又 502 了，等了 30 秒"))
    assert "§" in grams and "#" in grams
    assert not any(ch.isdigit() for g in grams for ch in g if not g.startswith("len:"))
    assert "^又" in grams and "秒$" in grams


def test_long_latin_words_are_cut_and_whitespace_runs_collapse():
    grams = features(folded("supercalifragilistic   x"))
    assert "supercalifra"[-3:] in grams and "fra" in grams
    assert not any("gil" in g for g in grams)
    assert not any("  " in g for g in grams)


def test_features_are_deterministic_and_bounded():
    text = folded("缓存命中后接口返回 304，带宽省了一半" * 200)
    assert features(text) == features(text)
    # Only the first MAX_CHARS characters are read: 3 grams per character at most, plus length.
    assert len(features(text)) <= 3 * MAX_CHARS + 3


def _sliced(folded_text: str) -> set[str]:
    """features() as first written: the same preparation, grams sliced one by one in Python."""
    text = chatter._STATUS_RE.sub("§", folded_text[:MAX_CHARS])
    text = chatter._DIGITS_RE.sub("#", text)
    text = chatter._LONG_WORD_RE.sub(lambda m: m.group()[:12], text)
    text = "^" + chatter._SPACES_RE.sub(" ", text.strip()) + "$"
    grams = {f"len:{min(len(text) // 10, 12)}"}
    for n in (1, 2, 3):
        grams.update(text[i : i + n] for i in range(len(text) - n + 1))
    return grams


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 中文5023#x\u3000😀.\n", max_size=450))
def test_features_made_in_c_are_the_grams_the_model_was_trained_on(text):
    assert features(text) == _sliced(text)


# --- the shipped model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_model() -> Service:
    return Service(load())


@pytest.fixture(scope="module")
def without_model(with_model: Service) -> Service:
    return Service(dataclasses.replace(with_model.kb, chatter=None))


def test_the_model_loads_with_its_header_count(kb: KnowledgeBase):
    assert kb.chatter is not None
    header = _header()
    assert len(kb.chatter) == int(header["features"]) >= 1000
    assert "knowledge/chatter/model.tsv" in kb.files


def test_the_model_is_trained_on_todays_eval_rows():
    """Adding or relabelling eval rows means training again (the header's fingerprint)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_chatter_model as training
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    header = _header()
    assert header["trained_on"] == training.fingerprint(training.rows(set())), (
        "tests/eval changed since knowledge/chatter/model.tsv was trained: run scripts/train_chatter_model.py"
    )


def test_probabilities_are_probabilities_and_long_texts_are_not_judged(kb: KnowledgeBase):
    for text in ("503", "网关超时怎么办", "周五下午别发版，谢谢大家", *KNOWN_BAD, *(fill(u, 300) for u in UNITS)):
        p = kb.chatter.probability(folded(text))
        if len(folded(text)) > MAX_CHARS:
            assert p is None
        else:
            assert p is not None and 0.0 <= p <= 1.0
    assert kb.chatter.probability("长" * (MAX_CHARS + 1)) is None


def test_chatter_scores_above_questions(kb: KnowledgeBase):
    talk = ["Tomcat maxThreads 我改成 400 了", "QPS hit 503 at peak yesterday, still fine", "我在 200 的响应体里加了 traceId 字段"]
    asked = ["网关超时怎么办", "429 是什么意思", "阿里云报 InvalidAccessKeyId.NotFound 怎么处理"]
    assert min(kb.chatter.probability(folded(t)) for t in talk) > max(kb.chatter.probability(folded(t)) for t in asked)


# --- what it withdraws, and what it never does --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a figure in a setting ("…我改成 400 了", told as done, the rules set aside themselves)
        "我把 Tomcat maxThreads 改成 400",
        "QPS hit 503 at peak yesterday, still fine",  # a report that needs nothing
        "这次 P1 下游返回 500 持续了 18 分钟，报告周五前交",  # an incident told, work assigned
        "我写了个脚本自动清理过期快照，放在 tools 目录下",  # news of a tool
        "腾讯云那几台测试 CVM 我先关机了，省点钱",  # cloud talk, no error
    ],
)
def test_group_talk_that_the_rules_read_is_withdrawn(with_model, without_model, text):
    assert without_model.resolve(text).matches, "the rules alone answer it: the model must be what withdraws it"
    assert with_model.resolve(text).mode == "none"


@pytest.mark.parametrize(
    "text",
    [
        "503",  # a typed code alone is a lookup
        "又 502 了",  # too short to be anything but a lookup
        "InvalidAccessKeyId.NotFound",  # an identifier
        "新人问个问题别笑我😂 200 和 201 有啥区别，新增接口该回哪个",  # asks for help
        "@助手 线程池设 500 会不会太大",  # addressed to the bot
        "upstream timed out (110: Connection timed out) while reading response header from upstream",
    ],
)
def test_lookups_identifiers_and_requests_for_help_are_never_withdrawn(with_model, without_model, text):
    assert with_model.resolve(text).matches == without_model.resolve(text).matches != ()


# --- the file's validation -----------------------------------------------------------------


def _lines() -> list[str]:
    return MODEL.read_text(encoding="utf-8").splitlines()


def _first_gram_at() -> int:
    return next(i for i, line in enumerate(_lines()) if line.startswith('"'))


def _edit(lines: list[str], at: int, line: str | None) -> list[str]:
    out = list(lines)
    if line is None:
        del out[at]
    else:
        out[at] = line
    return out


def _header_at(name: str) -> int:
    return next(i for i, line in enumerate(_lines()) if line.startswith(name + "\t"))


CORRUPTIONS = {
    "weight not a number": (lambda ls: _edit(ls, _first_gram_at(), '"ab"\tlots'), "'weight'", "finite number"),
    "weight not finite": (lambda ls: _edit(ls, _first_gram_at(), '"ab"\tnan'), "'weight'", "finite number"),
    "weight far too large": (lambda ls: _edit(ls, _first_gram_at(), '"ab"\t1e9'), "'weight'", "finite number"),
    "gram not JSON": (lambda ls: _edit(ls, _first_gram_at(), '"ab\t0.5'), "'gram'", "JSON string"),
    "gram empty": (lambda ls: _edit(ls, _first_gram_at(), '""\t0.5'), "'gram'", "JSON string"),
    "gram twice": (lambda ls: [*ls, ls[_first_gram_at()]], "'gram'", "listed twice"),
    "no tab": (lambda ls: _edit(ls, _first_gram_at(), '"ab" 0.5'), None, "two tab-separated"),
    "truncated": (lambda ls: ls[:-3], "'features'", "truncated"),
    "no bias": (lambda ls: _edit(ls, _header_at("bias"), None), "'bias'", "missing"),
    "wrong version": (lambda ls: _edit(ls, _header_at("version"), "version\t2"), "'version'", "expected 1"),
    "unknown header": (lambda ls: [*ls, "colour\tblue"], "'colour'", "unknown"),
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_every_corruption_names_the_file_the_line_and_the_field(knowledge_copy, name):
    corrupt, field, message = CORRUPTIONS[name]
    (knowledge_copy / chatter.FILE).write_text("\n".join(corrupt(_lines())) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load(knowledge_copy)
    mine = [p for p in info.value.problems if p.startswith("knowledge/chatter/model.tsv")]
    assert mine, info.value.problems[:3]
    assert any(message in p and (field is None or f"field {field}" in p) for p in mine), mine


def test_a_missing_model_stops_the_load_with_one_line(knowledge_copy):
    (knowledge_copy / chatter.FILE).unlink()
    with pytest.raises(KnowledgeError) as info:
        load(knowledge_copy)
    assert info.value.problems == ["knowledge/chatter/model.tsv: is missing (scripts/train_chatter_model.py writes it)"]


def test_check_reports_the_model(capsys):
    assert cli.main(["check"]) == 0
    assert "闲聊判别模型 3000 个特征" in capsys.readouterr().out


def test_the_training_script_writes_a_file_the_loader_accepts(tmp_path, knowledge_copy):
    target = knowledge_copy / chatter.FILE
    target.unlink()
    run = subprocess.run(
        # One shuffle order: the file's form is the same, at a fifth of the time.
        [sys.executable, str(ROOT / "scripts" / "train_chatter_model.py"), "--out", str(target), "--seeds", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    kb = load(knowledge_copy)
    assert len(kb.chatter) == 3000
    grams = [json.loads(line.split("\t")[0]) for line in target.read_text(encoding="utf-8").splitlines() if line[:1] == '"']
    assert grams == sorted(grams)
