"""The network kind's cheap tests before its scans of a long paste: a word test before each
number pattern, a fast pattern before the letter-O repair, and curl's --fail pattern with its
look-behind after the first character. Each gate must hold for every text the pattern
matches, so skipping the scan never loses a match."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.text import fold
from bot.kinds.network import index

EVAL = Path(__file__).parent / "eval"


def _eval_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(EVAL.rglob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            texts.extend(row["query"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return texts


def test_every_number_pattern_has_its_words_listed():
    patterns = {v for k, v in vars(index).items() if k.endswith("_RE") and isinstance(v, re.Pattern)}
    assert set(index._NEEDS) <= patterns
    # Every pattern _identifiers loops over is gated.
    for name in ("_EXIT_RE", "_CURL_RE", "_GRPC_RE", "_GRPC_CODE_RE", "_WS_CODE_RE", "_WS_BEFORE_RE", "_WS_AFTER_RE", "_OPENSSL_VERIFY_RE"):
        assert getattr(index, name) in index._NEEDS


def test_a_match_always_holds_one_of_the_words():
    matched = 0
    examples = [
        "curl: (7) failed", "crul 28", "exit code 6", "exited with 35", "exits with code 52", "退出码 60", "返回码 22",
        "rpc error: code = 14", "grpc 4", "status code 16", "code = 5", "状态码 13", "close 1006",
        "onclose code 1011", "websocket 1006", "ws 1009", "wss 1001", "关闭码 1008", "断开码 1001",
        "1006 close code", "1001 websocket", "verify error:num=10", "x509 error 18", "openssl verify 20",
        "openssl 的校验错误码 21",
    ]
    for text in [*examples, *map(fold, _eval_texts())]:
        for rx, words in index._NEEDS.items():
            if rx.search(text) is not None:
                matched += 1
                assert any(word in text for word in words), (rx.pattern, text)
    assert matched > 100  # the examples and the eval rows exercise the patterns


_OLD_CURL_FAIL_RE = re.compile(r"(?<![\w-])(?:--fail(?:-with-body)?|-[a-zA-Z]{0,5}f[a-zA-Z]{0,5})(?![\w-])")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="-fFailwthbody sS1_x中\n", max_size=40))
def test_curl_fail_pattern_matches_as_the_look_behind_first_form(text):
    old, new = _OLD_CURL_FAIL_RE.search(text), index._CURL_FAIL_RE.search(text)
    assert (old and old.span()) == (new and new.span())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0o1O9a ", max_size=30))
def test_the_letter_o_repair_needs_a_digit_then_an_o(text):
    if index._LETTER_O_RE.search(text) is not None:
        assert index._DIGIT_O_RE.search(text) is not None


def test_grpc_node_names_are_among_the_words(service):
    net = next(k for k in service.resolver.kinds if k.name == "network").index
    seen = 0
    for text in ["Error: 14 UNAVAILABLE: No connection established", "x 4 DEADLINE_EXCEEDED: y", *_eval_texts()]:
        for m in index._GRPC_NODE_RE.finditer(text):
            if m.group(2) in net._grpc:
                seen += 1
                assert m.group(2) in index._TOKEN_RE.findall(text)
    assert seen >= 2
