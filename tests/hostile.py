"""Hostile inputs for tests and benchmarks: strings built to find super-linear code.

Catastrophic regular expressions and quadratic loops show up on long runs of one
character class, on alternations of two classes, and on an opening construct followed by
a long run and no closing one. These strategies and fixed cases produce exactly those.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

import pytest
from hypothesis import strategies as st

LIMIT = 4096

# Each is repeated to fill a message; pairs of them are interleaved.
UNITS = (
    "@.",
    "..",
    "::",
    "--",
    "__",
    "a.",
    "a_",
    "a-",
    "A.",
    "Ab",
    "AB",
    "C",
    "a",
    "1",
    "5",
    "503 ",
    "中",
    "网关超时",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\u200b",
    "\u202e",
    "😀",
    "👨‍👩‍👧",
    "Ａ",
    "５",
    "²",
    "①",
    "<Message>",
    "<Code>",
    "</Message>",
    "<",
    ">",
    "&",
    "&amp;",
    "<b>",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    '{"',
    '"',
    "'",
    "\\",
    '\\"',
    "msg:",
    "message: ",
    "code:",
    "Code.",
    "ErrorCode: ",
    "RequestId:",
    "http://",
    "https://a",
    "www.",
    "x@",
    "@",
    "%s",
    "{0}",
    "Invalid",
    "NotFound",
    "Throttling",
    "InvalidImageId.NotFound ",
    "阿里云",
    "OSS",
    "1xx",
    "5**",
    "HTTP/1.1 ",
    "1.1.",
    "#",
    "*",
    "ǅ",
    "\U00020000",
    "\udcff"[:0] + "\ufffd",
    "\x00",
    "\x7f",
    "\u0301",
)

# Shapes from the issue that each took seconds to minutes before they were fixed.
KNOWN_BAD = (
    "<Message>" + " " * 4085 + "y<",
    "<Code>" + " " * 4088 + "y<",
    "Ab" + "C" * 26 + "-x",
    "Ab" + "C" * 40 + "-x",
    "@." * 2048,
    "中" * 4096,
    "msg: a" + " " * 4080 + "b",
    "a" + "@" * 4000 + ".com",
    "x" * 2000 + "@" + "y" * 2000 + ".",
    "{" * 4096,
    "[" * 4096,
    '{"a":' * 800 + "1" + "}" * 800,
    "[" * 100_000,
    "Code." * 800,
    "%s" * 2048,
)


def fill(unit: str, size: int = LIMIT) -> str:
    return (unit * (size // max(len(unit), 1) + 1))[:size]


def runs() -> st.SearchStrategy[str]:
    """A unit or two units repeated up to 4,096 characters, optionally framed by text."""
    unit = st.sampled_from(UNITS) | st.text(min_size=1, max_size=6)
    body = st.builds(lambda a, b, n: fill(a + b, n), unit, unit | st.just(""), st.integers(1, LIMIT))
    frame = st.text(max_size=40)
    return st.builds(lambda head, mid, tail: (head + mid + tail)[:LIMIT], frame, body, frame)


def nested() -> st.SearchStrategy[str]:
    """Deeply nested brackets and quotes, closed or not."""
    opener = st.sampled_from(['{"a":', "[", "(", '"', "'", "<Code>", "{", "<a>"])
    return st.builds(
        lambda o, n, closed: o * n + ("1" + o[::-1] * n if closed else ""),
        opener,
        st.integers(1, 1500),
        st.booleans(),
    ).map(lambda s: s[:LIMIT])


def mixed_case() -> st.SearchStrategy[str]:
    """Long identifier-like runs: CamelCase, upper-case runs, dots and dashes between."""
    alphabet = st.sampled_from("AaBbCcXx0._-")
    return st.text(alphabet, min_size=20, max_size=LIMIT)


def hostile() -> st.SearchStrategy[str]:
    return runs() | nested() | mixed_case() | st.text(max_size=LIMIT)


def guarded(fn: Callable[[], object], seconds: float, what: str = "") -> None:
    """Run ``fn`` in a forked child; fail the test if it outlives ``seconds`` or fails.

    A regular expression stuck in C ignores signals and exceptions, so the check runs in
    a child that the test can kill. The budget is generous: an ordinary message takes
    milliseconds, the catastrophic cases took seconds to minutes.
    """
    child = multiprocessing.get_context("fork").Process(target=fn)
    child.start()
    child.join(seconds)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"still running after {seconds:.0f} s: {what[:80]!r}", pytrace=False)
    if child.exitcode != 0:  # the child's traceback is in the captured stderr
        pytest.fail(f"failed (exit {child.exitcode}): {what[:80]!r}", pytrace=False)
