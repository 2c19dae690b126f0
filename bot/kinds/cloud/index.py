"""Resolve cloud API errors: error codes, messages and pasted error bodies → :class:`Match`.

Pure Python, no Telegram. Build one :class:`CloudIndex` per knowledge base and reuse it.
Every score comes from ``bot.core.tuning`` (the "cloud-error tiers" there): a code read from
a pasted body or typed (exact, other case, ignoring separators), a naming family for an
unknown code, a segment, prefix or typo of a documented code, the seed document's message
or a vendor's message verbatim, through a placeholder template or by likeness
(``messages.py``); naming a provider or product (``hints.py``) adjusts the rows' scores.
A status code written in the text picks the row with that status as the best one. Ties
break on the uncapped score, then provider order (aliyun, huaweicloud, tencentcloud), then
the code, so results are deterministic.

Over 350 lines on purpose: the code tiers share one candidate table (``_Candidate``) and
one finishing pass; split apart they would pass that state around instead.

Worst case: linear in the text, which the resolver has already cut to 4,096 characters.
Tokens are found by one pass of a pattern whose repeats are separated by a character they
cannot match, and tokens longer than any documented code are skipped; ``_CAMEL_RE`` has no
repeated group; placeholder messages are matched piece by piece with ``str.find``
(:class:`Template`), not with ``.*?`` chains; naming families are ``fnmatch`` patterns,
which Python compiles with atomic groups; fuzzy message likeness only runs on texts of
at most ``MAX_FUZZY_LEN`` characters.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, islice, pairwise
from operator import methodcaller
from sys import intern
from typing import Any

from rapidfuzz import fuzz

from bot.core import pinyin, tuning
from bot.core.cache import TextCache, gc_paused
from bot.core.lazyre import LazyPattern
from bot.core.match import Match
from bot.core.pinyin import cjk_count, is_cjk
from bot.core.text import fold, has_cjk, normalize
from bot.kinds.cloud.actions import implied_actions
from bot.kinds.cloud.body import Body, parse_body
from bot.kinds.cloud.codes import CodeTable, segments
from bot.kinds.cloud.hints import (
    GATED_NAME_RE,
    HINT_RE,
    HINT_WORDS_RE,
    NAMED_ONLY,
    Hints,
    named_only_products,
    provider_hints,
)
from bot.kinds.cloud.meaning import SAID_RE, STOP_WORDS, MeaningIndex, Reading, commonest_said
from bot.kinds.cloud.messages import (
    MAX_FUZZY_LEN,
    MIN_MESSAGE_LEN,
    CjkPool,
    LatinPool,
    Pool,
    Template,
    Templates,
    compact,
    message_key,
    norm,
    spaced_form,
)
from bot.kinds.cloud.model import (
    EVERY_API,
    PROVIDER_ORDER,
    PROVIDER_ZH,
    CloudAnswer,
    CloudData,
    CloudError,
    ErrorFamily,
)
from bot.retrieval.textindex import Choice, SubstringIndex

CONFIDENT = tuning.DOMINANT  # a clearly named cloud error (kept for callers)

# A token that may be an error code: words joined by '.', '_' or '-'.
# An API action as the tables document it: CamelCase ASCII, two words at least.
_API_RE = re.compile(r"[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")
_API_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{5,}(?![A-Za-z0-9])")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._\-][A-Za-z0-9]+)*")
# "ImageId", "InvalidParameterValue": an upper-case letter, lower case or digits, then at
# least one more upper-case letter. Written without a repeated group ((?:[A-Z]+[a-z0-9]*)+
# is equivalent but backtracks exponentially on "AbCCCC…C-x").
_CAMEL_RE = re.compile(r"[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")
# No documented code is longer than 66 characters; longer tokens are not looked up.
_MAX_TOKEN = 100
# A CamelCase word of three humps or more ("SignatureDoesNotMach"): a code, not an English word.
_CAMEL3_RE = re.compile(r"[A-Z][a-z0-9]+[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")
_TYPO_IN_TEXT_MAX = 120  # characters: a question typed by hand, not a paste
_TYPO_IN_TEXT_LEN = 12
_DOTTED_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+")
_STATUS_RE = re.compile(r"(?<![0-9])([1-5][0-9]{2})(?![0-9])")
# Field names of error bodies and CLI output: never error codes themselves.
_NOT_CODES = {
    "code",
    "message",
    "msg",
    "requestid",
    "request_id",
    "hostid",
    "recommend",
    "response",
    "error",
    "errorcode",
    "error_code",
    "errormessage",
    "error_msg",
    "errormsg",
    "encoded_authorization_message",
    "accessdenieddetail",
    "statuscode",
    "status",
    "json",
    "xml",
    "http",
    "https",
}
# Loose keys of HTTP reason phrases: a bare code spelled like one is a weak signal.
_HTTP_PHRASES = {
    "badrequest",
    "unauthorized",
    "forbidden",
    "notfound",
    "methodnotallowed",
    "notacceptable",
    "requesttimeout",
    "conflict",
    "gone",
    "lengthrequired",
    "preconditionfailed",
    "payloadtoolarge",
    "requestentitytoolarge",
    "contenttoolarge",
    "requesturitoolarge",
    "uritoolong",
    "unsupportedmediatype",
    "rangenotsatisfiable",
    "toomanyrequests",
    "internalservererror",
    "notimplemented",
    "badgateway",
    "serviceunavailable",
    "gatewaytimeout",
}
# Question frames that normalize() keeps but that never occur in vendors' messages.
VERBATIM_WHY = "错误信息一致"  # why a documented message was found word for word
_MESSAGE_NOISE_RE = re.compile(r"报错|报了|提示|错误信息|错误提示|出现|显示|返回了|遇到")
# The word that reports a message ("…，提示单个手机号…"): what follows it is the message retold.
_TOLD_CUE_RE = re.compile(r"提示|报错|返回|显示")
_TOLD_CLAUSE_MIN = 10  # compact characters: shorter is a word or two, not a message


def _told_clause(folded: str) -> str:
    """The compact text after the last word that reports a message, when it is a clause of
    its own and not the whole text; else ""."""
    cues = list(_TOLD_CUE_RE.finditer(folded))  # a fuzzy-sized text: a few at most
    if not cues or cues[-1].start() == 0:
        return ""
    told = compact(_CLAUSE_RE.split(folded[cues[-1].end() :], maxsplit=1)[0])
    return told if len(told) >= _TOLD_CLAUSE_MIN else ""
# Placeholders in vendors' messages: {0}, {status}, %s, %d (with or without curly quotes).
_PLACEHOLDER_RE = re.compile(r"[“\"']?\{[^{}]*\}[”\"']?|%[sd]")
# Where a Chinese message's leading clause ends (the gist people quote or reword).
_CLAUSE_RE = re.compile(r"[，。；！？,;!?]")
_LEADING_SENTENCE_WORDS = 4  # an English message's first sentence this long says which error it is
_NOT_WORD_RE = re.compile(r"[^a-z0-9 ]+")
# Characters of text read for whole vendor messages: the longest documented one is ~210
# (compact), five times that and more is a log, a trace or a whole conversation.
MAX_MESSAGE_TEXT = 1000
# An English sentence inside other text: a capital, then at least 15 more characters of words
# (one bounded class: linear), up to its full stop.
_LATIN_SENTENCE_RE = re.compile(r"[A-Z][A-Za-z0-9 ,'’_/-]{15,300}")
_MIN_SENTENCE = 15
# Compact characters, Chinese ones: shorter messages ("参数错误", "实例已经被释放") are what a
# retelling says in passing, not a quote.
_QUOTES_RE = re.compile("[“\"「]")
# A span in quotation marks (bounded, no nesting: linear).
_QUOTED_MESSAGE_RE = re.compile(r"[“\"「]([^“”\"「」\n]{2,80})[”\"」]")
_QUOTABLE_LEN = 8
_PASTED_CLAUSE = 12  # compact characters: a message's leading sentences this long, pasted alone, are the message
_QUOTABLE_CJK = 7
# A whole documented message this short, quoted, is quotable too ("该可用区已售罄"); a leading
# clause this short is a scene ("创建云服务器时"), not a quote.
_QUOTABLE_WHOLE = 7
# "创建云服务器失败": a message that says only which call failed is no quote of one error.
# A value's format found wrong says which value ("手机号格式错误"), and so does an ID found
# wrong ("负载均衡实例ID错误").
_SAYS_ONLY_FAILED = ("失败", "错误", "异常")
_SAYS_WHAT_FAILED = ("格式错误", "id错误")
# A message naming a thing by its Latin name ("token需要更新") says as much with fewer Chinese
# characters.
_QUOTABLE_MIXED_CJK = 4
_QUOTABLE_MIXED_LATIN = 4


def _mixed_script(key: str) -> bool:
    """Is the message short of Chinese characters, quotable only for the Latin name it holds?"""
    return cjk_count(key) < _QUOTABLE_CJK


def _quotable_script(key: str) -> bool:
    cjk = cjk_count(key)
    return cjk >= _QUOTABLE_CJK or (
        cjk >= _QUOTABLE_MIXED_CJK and len(_NOT_ASCII_LETTERS_RE.sub("", key)) >= _QUOTABLE_MIXED_LATIN
    )


_NOT_ASCII_LETTERS_RE = re.compile("[^A-Za-z]+")


_NOT_LOOSE_RE = re.compile(r"[^0-9a-z]")
# A code that is one capitalised word or all capitals ("Throttling", "FORBIDDEN"): weak alone.
_WORD_CODE_RE = re.compile(r"[A-Z][a-z]+|[A-Z]+")


def loose(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii() and lowered.isalnum():  # most tokens: nothing to take out
        return lowered
    return _NOT_LOOSE_RE.sub("", lowered)


# The prefix Huawei's API gateway prints in its responses, and the one its error table uses.
_GATEWAY_RUNTIME, _DOCUMENTED = "APIGW.", "APIG."
_RUNTIME_LOOSE, _DOCUMENTED_LOOSE = "apigw", "apig"  # the same, as loose() leaves them


def _runtime_spelling(token: str) -> bool:
    """Is ``token`` a Huawei gateway code as its runtime prints it ("APIGW.0301")?"""
    return token[:6].upper() == _GATEWAY_RUNTIME


def _runtime_loose(token: str) -> bool:
    """Is ``token`` that spelling without its dot ("apigw0301", "APIGW 0301" joined)?"""
    return token[:5].lower() == _RUNTIME_LOOSE and token[5:].isdigit()


_RUNTIME_PRODUCT = "APIG (gateway runtime)"


def _shown_code(code: str, rows: Iterable[CloudError], typed: str) -> str:
    """The code an answer names: as typed when the user typed another spelling of it; a Huawei
    gateway runtime error as the gateway returns it ("APIGW.0301": every response and every
    user's paste spell it so; its error table lists it as APIG.0301, which the card names too).
    A code the gateway's management API documents as well (APIG.1009) keeps the table's spelling."""
    if typed:
        return typed
    if code.startswith(_DOCUMENTED) and all(row.product == _RUNTIME_PRODUCT for row in rows):
        return _GATEWAY_RUNTIME + code[len(_DOCUMENTED) :]
    return code


@dataclass
class _Candidate:
    provider: str
    code: str
    score: float
    why: str
    row: int | None = None  # a specific row (the one whose message matched)
    family: ErrorFamily | None = None
    typed: str = ""  # the code as typed: for family matches, and a documented code's other spelling
    tier: str = "code"  # "code", "partial" (segment, prefix, typo), "family", "message", "meaning"
    likeness: float = 0.0  # fuzzy message similarity, for a message found only by likeness


def _heard_phrase(choice: Choice) -> bool:
    """Can a phrase be told by its sound: Chinese only, four characters or more (the status
    kind's test for its names, with three: "欠费了" sounds like too much else, "钱飞了")?"""
    return pinyin.cjk_count(choice.key) == len(choice.key) >= _HEARD_PHRASE_MIN


_HEARD_PHRASE_MIN = 4  # characters


# A message's leading clause that offers two faults, "A或B" ("签名未审批或格式错误"): each half
# long enough to be told apart from everyday words.
_EITHER_HALF = 4
_EITHER_WHOLE = 9


def _either_halves(clause: str) -> tuple[str, str] | None:
    """The two halves of an "A或B" (or "A或者B") clause in compact form, or None."""
    a, sep, b = clause.partition("或者") if "或者" in clause else clause.partition("或")
    if not sep or "或" in b or len(a) < _EITHER_HALF or len(b) < _EITHER_HALF or len(a) + len(b) < _EITHER_WHOLE:
        return None
    if not (has_cjk(a) and has_cjk(b)):
        return None
    return a, b


def _said_clause(text: str) -> str | None:
    m = SAID_RE.search(text)
    return m.group(1).strip() if m is not None else None


class _Messages:
    """The vendor messages of some rows, indexed every way _add_messages reads them."""

    __slots__ = ("clauses", "either", "exact", "extended", "patterns", "pools", "quotable", "seed_keys")
    pools: dict[str, Pool]
    exact: dict[str, tuple[int, ...]]  # compact form → rows
    seed_keys: set[str]
    patterns: Templates
    clauses: dict[str, tuple[int, ...]]  # long messages' leading clauses → rows
    extended: dict[str, tuple[tuple[frozenset[str], int], ...]]
    either: tuple[tuple[str, str, tuple[int, ...]], ...]  # "A或B" messages: (A, B, rows)
    quotable: _Quotes


class _Quotes:
    """Which of some long messages stand whole inside a (short, compact) text: a table by their
    first two characters, read at each position of the text (a SubstringIndex's pattern of
    leads held ~0.3 MiB more for the same few microseconds)."""

    def __init__(self, keys: Iterable[str]) -> None:
        by_lead: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            by_lead[key[:2]].append(key)
        self._by_lead = {lead: tuple(found) for lead, found in by_lead.items()}

    def find(self, text: str) -> list[str]:
        get, found = self._by_lead.get, []
        for i in range(len(text) - 1):
            for key in get(text[i : i + 2], ()):
                if text.startswith(key, i):
                    found.append(key)
        return found


# --- the index ----------------------------------------------------------------------------


class CloudIndex:
    """Lookup tables over every cloud row, built once from a :class:`KnowledgeBase`."""

    def __init__(self, data: CloudData, phrases: Iterable[str] = ()) -> None:
        """``phrases``: HTTP reason phrases; a bare code spelled like one is a weak signal."""
        with gc_paused():
            self._build(data, phrases)

    def _build(self, data: CloudData, phrases: Iterable[str]) -> None:
        self.rows: tuple[CloudError, ...] = data.rows
        self.families: tuple[ErrorFamily, ...] = data.families
        self._groups: dict[tuple[str, str], Any] = defaultdict(list)  # then tuple[int, ...]
        by_exact: dict[str, set[str]] = defaultdict(set)
        by_fold: dict[str, set[str]] = defaultdict(set)
        by_loose: dict[str, set[str]] = defaultdict(set)
        by_segment: dict[str, set[str]] = defaultdict(set)
        # Each row's product when it is one answered only when asked about (hints.NAMED_ONLY),
        # else None; and those products' codes, in lower case, which open them when typed.
        self._gated = named_only_products(self.rows)
        gated_codes: dict[str, set[tuple[str, str]]] = defaultdict(set)
        partial: set[str] = set()  # codes read in part or misspelt: the other products'
        for i, row in enumerate(self.rows):
            code = row.error_code
            self._groups[(row.provider, code)].append(i)
            by_exact[code].add(row.provider)
            # Interned keys: the code table holds the same lower-case codes and segments.
            by_fold[intern(code.lower())].add(code)
            by_loose[intern(loose(code))].add(code)
            if (product := self._gated[i]) is not None:
                gated_codes[code.lower()].add(product)
                continue
            partial.add(code)
            if "." in code:
                for seg in code.split("."):
                    if len(seg) >= 5:
                        by_segment[intern(seg.lower())].add(code)
        # Held as sorted tuples: most hold one code, and a one-element set costs 216 bytes.
        # Equal tuples are one object: the four tables mostly hold the same one-code tuples,
        # and the providers of ~2,000 codes make 7 distinct tuples (~0.3 MiB in all).
        shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._by_exact = _frozen(by_exact, shared)
        self._by_fold = _frozen(by_fold, shared)
        self._by_loose = _frozen(by_loose, shared)
        self._by_segment = _frozen(by_segment, shared)
        # Read only from here on: tuples, not lists (a missing key still reads as empty).
        self._groups = defaultdict(tuple, {group: tuple(ids) for group, ids in self._groups.items()})
        # Buttons carry a short, stable id per (provider, code): 106 documented codes are
        # longer than Telegram's 64-byte callback data, so the code itself cannot travel.
        # Looked up from an id only when a button is pressed: the ids as 48-bit numbers in one
        # sorted array beside their groups (a dict of 12-character strings held ~0.4 MiB).
        by_id = sorted((int(_short_id(*group), 16), group) for group in self._groups)
        self._key_ids = array("Q", (n for n, _ in by_id))
        self._key_groups = tuple(group for _, group in by_id)  # the same tuples as the groups' keys
        for (n, group), (m, other) in pairwise(by_id):
            if n == m:  # 48-bit ids over a few thousand codes: would be a bug
                raise ValueError(f"button id collision: {other} and {group}")
        self._table = CodeTable(partial)
        self._codes = sorted(self._by_exact)
        self._spaced_codes = {loose(c): c for c in self._codes if " " in c}
        phrases_in = phrases
        phrases = set(_HTTP_PHRASES)
        phrases.update(loose(p) for p in phrases_in)
        self._phrases = phrases
        self._weak = {c for c in self._codes if _WORD_CODE_RE.fullmatch(c) or " " in c or loose(c) in phrases}
        # One pattern for all families, one group each: the first family that matches wins,
        # as families.toml orders them, in one match instead of one per family.
        self._family_re = re.compile(
            "|".join(
                f"(?P<f{i}>{'|'.join(fnmatch.translate(p.lower()) for p in fam.patterns)})"
                for i, fam in enumerate(self.families)
            )
            or "(?!)"
        )
        parts = _needed_parts(p.lower() for fam in self.families for p in fam.patterns)
        self._family_gate = LazyPattern(lambda: "|".join(map(re.escape, parts))) if parts else None
        # Each documented code's family (None: none), read once here: every answer shown asks
        # for its code's, and the pattern takes ~7 µs a code (172 patterns, most unanchored).
        self._family_at = _families_of(self._codes, self.families, self._family_by_pattern)
        # Plain words naming a family's situation ("签名不匹配"): see family_phrases().
        phrases = [Choice(normalize(phrase), fam, phrase) for fam in self.families for phrase in fam.phrases]
        self._family_words = SubstringIndex(phrases)
        # The same phrases by their sound ("签名不批配", "账户欠废"): see _heard_phrase.
        self._family_sounds = SubstringIndex(
            Choice(pinyin.key(choice.key), choice.target, choice.label) for choice in phrases if _heard_phrase(choice)
        )
        self._members: dict[str, tuple[tuple[str, str], ...]] = {}
        # Sorted tuples, equal ones one object, as the code tables: nearly every gated code
        # belongs to one product (~0.14 MiB as a frozenset each).
        self._gated_codes = _frozen(gated_codes, shared)
        self._messages = self._build_messages(i for i, gated in enumerate(self._gated) if gated is None)
        # The products answered only when asked about have indexes of their own: searched
        # only when one is opened, they neither crowd the others' shortlists nor cost a thing.
        # Without similarity pools: retellings of their messages are the meaning tier's to read
        # (the pools cost ~25 ms of start-up for the ~450 rows, and found one row more in the
        # labelled sets, session 30).
        gated_ids = [i for i, gated in enumerate(self._gated) if gated is not None]
        self._gated_messages = self._build_messages(gated_ids, fuzzy=False) if gated_ids else None
        self._meaning = MeaningIndex(self.rows, self._gated, data.commonest)
        # The commonest codes whose vendors' docs of some API actions list them (see _by_call).
        self._by_calls = tuple(entry for entry in data.commonest if entry.calls)
        # (provider, product, status) → its rows: a product named with a typed status.
        self._by_status: dict[tuple[str, str, int], list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            if row.status is not None:
                self._by_status[(row.provider, row.product, row.status)].append(i)
        # API actions ("RunInstances", "DeleteDisk") → the products documenting them: a question
        # naming the action names the product, and its errors are the action's first.
        apis: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for row in self.rows:
            for api in row.api.split(";") if row.api else ():
                if _API_RE.fullmatch(api) is not None:
                    apis[intern(api.lower())].add((row.provider, row.product))
        self._api_products = {api: frozenset(pairs) for api, pairs in apis.items()}
        # Within one question (a question asked again is answered by the service's cache).
        self._search = TextCache(self._search_uncached, max_chars=256_000, max_entries=64)

    def _build_messages(self, ids: Iterable[int], fuzzy: bool = True) -> _Messages:
        """The message indexes of rows ``ids``; ``fuzzy=False`` leaves their similarity pools
        empty (the messages are still found word for word, by template or quoted)."""
        m = _Messages()
        # One pool per script; each distinct message form maps to the rows carrying it.
        m.pools = {"cjk": CjkPool(), "latin": LatinPool()}
        exact_messages: dict[str, list[int]] = defaultdict(list)
        m.seed_keys = set()
        pattern_rows: dict[tuple[str, ...], list[int]] = defaultdict(list)
        forms: dict[str, tuple[str, str]] = {}  # vendors reuse messages: normalise each once
        clauses: dict[str, list[int]] = defaultdict(list)  # long messages' leading clauses
        either: dict[tuple[str, str], list[int]] = defaultdict(list)  # "A或B" leading clauses
        rests: dict[str, list[tuple[frozenset[str], int]]] = defaultdict(list)  # (what follows it, row)
        for i in ids:
            row = self.rows[i]
            for text in (row.seed_message, row.message_zh, row.message_en):
                if not text:
                    continue
                if text not in forms:
                    spaced = spaced_form(_PLACEHOLDER_RE.sub(" ", text))
                    forms[text] = (message_key(spaced), spaced)
                key, spaced = forms[text]
                if len(key) < MIN_MESSAGE_LEN:
                    continue
                has_placeholder = _PLACEHOLDER_RE.search(text) is not None
                if not has_placeholder:  # placeholder messages match through their regex
                    exact_messages[key].append(i)
                if text is row.seed_message:
                    m.seed_keys.add(key)
                if has_cjk(key):
                    if fuzzy:
                        m.pools["cjk"].add(key, key, i)
                    # Long messages lead with the gist; people quote or reword that clause.
                    clause = compact(_CLAUSE_RE.split(text, maxsplit=1)[0])
                    if text is row.message_zh and not has_placeholder:
                        halves = _either_halves(clause)
                        if halves is not None:
                            either[halves].append(i)
                    if MIN_MESSAGE_LEN + 2 <= len(clause) < len(key) - 4:
                        if fuzzy:
                            m.pools["cjk"].add(clause, clause, i)
                        if not has_placeholder:
                            clauses[clause].append(i)
                            if key.startswith(clause):
                                rests[clause].append((_rest_grams(key[len(clause) :]), i))
                    # A message of several sentences whose last one adds an example or a hint
                    # ("无效实例ID。指定的实例ID格式错误。例如实例ID长度错误ins-1122。"): the sentences
                    # before it, quoted together.
                    before, stop, _ = text.rstrip("。").rpartition("。")
                    if stop and not has_placeholder:
                        lead = compact(before)
                        if len(clause) < len(lead) < len(key) - 4:
                            clauses[lead].append(i)
                else:
                    if fuzzy:
                        m.pools["latin"].add(key, spaced, i)
                    # An English message of several sentences leads with the gist, and a user
                    # quotes that sentence alone ("The requested bucket name is not available").
                    first, dot, more = text.partition(". ")
                    if (
                        dot
                        and more[:1].isupper()
                        and first.count(" ") >= _LEADING_SENTENCE_WORDS - 1
                        and _PLACEHOLDER_RE.search(first) is None
                    ):
                        lead = message_key(spaced_form(first))
                        if i not in exact_messages[lead]:
                            exact_messages[lead].append(i)
                    # "User not authorized to operate on the specified resource, or this API
                    # doesn't support RAM.": another code's whole message, then what sets this one
                    # apart (see extended).
                    first, comma, more = text.partition(", ")
                    if comma and not has_placeholder and first.count(" ") >= _LEADING_SENTENCE_WORDS - 1:
                        lead = message_key(spaced_form(first))
                        if more[:7].lower() == "please " and i not in exact_messages[lead]:
                            # "The SecretId is not found, please ensure …": the gist, then advice.
                            exact_messages[lead].append(i)
                        words = frozenset(w for w in _LATIN_WORD_RE.findall(more.lower()) if w not in STOP_WORDS)
                        if len(words) >= 2:
                            rests[lead].append((words, i))
                if has_placeholder:
                    pieces = [compact(p) for p in _PLACEHOLDER_RE.split(text)]
                    if sum(map(len, pieces)) >= 10:
                        pattern_rows[tuple(pieces)].append(i)
        # Tuples, not a defaultdict of lists: a one-item tuple is 48 bytes, the list 88.
        m.exact = {key: tuple(rows) for key, rows in exact_messages.items()}
        m.patterns = Templates(pattern_rows)
        for pool in m.pools.values():
            pool.freeze()
        # Chinese messages long enough to be quoted inside a question ("腾讯云创建实例报该可用区
        # 已售罄"): found whole in the question's compact form.
        # So are their leading clauses, quoted without the rest ("OBS 创建桶失败：请求的桶名已经
        # 存在，…" quotes the first sentence of BucketAlreadyExists's message).
        m.clauses = {clause: tuple(dict.fromkeys(rows)) for clause, rows in clauses.items() if clause not in m.exact}
        # A message that is the leading clause of longer ones ("指定的实例不存在" of "指定的实例不存在，
        # 请您检查实例ID是否正确"): the longer ones with the words that follow it (see _add_messages).
        m.extended = {
            clause: tuple(pairs) for clause, pairs in rests.items() if clause in m.exact and any(g for g, _ in pairs)
        }
        m.either = tuple((a, b, tuple(dict.fromkeys(rows))) for (a, b), rows in either.items())
        m.quotable = _Quotes(
            key
            for key in (*m.exact, *m.clauses)
            if (len(key) >= _QUOTABLE_LEN or (len(key) == _QUOTABLE_WHOLE and key in m.exact))
            and _quotable_script(key)
            and (not key.endswith(_SAYS_ONLY_FAILED) or key.endswith(_SAYS_WHAT_FAILED))
        )
        return m

    # --- public API ---------------------------------------------------------------------

    def search(self, text: str, limit: int = 5, messages: bool = True) -> list[Match]:
        """The best cloud-error readings of ``text``, best first (see the module's scoring)."""
        return list(self._search(text.strip(), limit, messages)) if text and text.strip() else []

    def is_confident_code_query(self, text: str) -> bool:
        """True when ``text`` clearly names a cloud error (a code, a body, or a provider + message)."""
        matches = self.search(text, limit=1)
        return bool(matches) and matches[0].score >= CONFIDENT

    def says_only_a_phrase(self, row: CloudError) -> bool:
        """Is the row's English message only an HTTP reason phrase ("Too many requests.")?"""
        return bool(row.message_en) and loose(row.message_en) in self._phrases

    def is_documented_message(self, text: str) -> bool:
        """True when ``text`` is, word for word, a message some provider documents, or one of
        its templates with the placeholders filled ("The input parameter “InstanceId” that is
        mandatory …")."""
        key = compact(text.strip())
        if key in self._messages.exact or (len(key) >= _PASTED_CLAUSE and key in self._messages.clauses):
            return True  # (a long leading part of a message, "无效实例ID。指定的实例ID格式错误", pasted alone)
        return len(key) <= MAX_MESSAGE_TEXT and bool(self._messages.patterns.matching(key))

    def family_phrases(self, normalized: str) -> list[Choice]:
        """Each family phrase in a normalised text, longest first: its normalised form (``key``),
        its family (``target``) and the phrase as listed (``label``)."""
        return self._family_words.find(f" {normalized} ")

    def family_phrases_heard(self, normalized: str) -> list[Choice]:
        """The family phrases a short text types by their sound and not as written, as
        :meth:`family_phrases` gives them but with ``key`` the characters typed ("签名不批配").
        Bounded: one pinyin key of at most HOMOPHONE_MAX_CHARS characters, one lookup, and
        on a hit a window of the text per position."""
        if len(normalized) > tuning.HOMOPHONE_MAX_CHARS or not has_cjk(normalized):
            return []
        out = []
        for heard in self._family_sounds.find(f" {pinyin.key(normalized)} "):
            size = pinyin.syllables(heard.key)
            typed = next(
                (
                    normalized[i : i + size]
                    for i in range(len(normalized) - size + 1)
                    if pinyin.key(normalized[i : i + size]) == heard.key
                ),
                None,
            )
            if typed is not None and typed != normalize(heard.label):
                out.append(Choice(typed, heard.target, heard.label))
        return out

    def family_answer(self, family: ErrorFamily) -> CloudAnswer:
        """A family asked about in plain words, with the codes each cloud documents for it."""
        if not self._members:
            self._members = self._members_by_family()
        return CloudAnswer(error_code="", family=family, members=self._members.get(family.name, ()))

    def _members_by_family(self, per_provider: int = 4) -> dict[str, tuple[tuple[str, str], ...]]:
        """Each family's documented codes, up to ``per_provider`` per provider: codes several
        clouds share first (SignatureDoesNotMatch), then the ones in the most APIs. One pass
        over the codes (~2 ms), the first time a family's card is shown."""
        counts: dict[str, dict[str, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
        for (provider, code), ids in self._groups.items():
            if all(self._gated[i] is not None for i in ids):
                continue  # a product answered only when asked about (hints.NAMED_ONLY)
            family = self.family_for(code)
            if family is not None:
                counts[family.name][provider].append((-len(self._by_exact.get(code, ())), -len(ids), code))
        return {
            name: tuple(
                (provider, code)
                for provider in PROVIDER_ORDER
                for _, _, code in sorted(by_provider.get(provider, ()))[:per_provider]
            )
            for name, by_provider in counts.items()
        }

    def family_for(self, code: str) -> ErrorFamily | None:
        """The first family whose patterns match ``code`` (families.toml order is priority)."""
        at = bisect_left(self._codes, code)
        if at < len(self._codes) and self._codes[at] == code:  # documented: read at build
            found = self._family_at[at]
            return self.families[found - 1] if found else None
        return self._family_by_pattern(code)

    def _family_by_pattern(self, code: str) -> ErrorFamily | None:
        m = self._family_re.match(code.lower())
        if m is None:
            return None
        # One top-level group per family and none inside (fnmatch writes atomic groups): the
        # one that matched is the last group, without building a dict of every family's.
        return self.families[int(m.lastgroup[1:])]

    def rows_with_status(self, products: Iterable[tuple[str, str]], status: int) -> list[int]:
        """The rows of these (provider, product) pairs returned with ``status``."""
        return [i for pair in sorted(products) for i in self._by_status.get((*pair, status), ())]

    def told_with_status(self, text: str, hints: Hints, rows: list[int]) -> tuple[str, str] | None:
        """(provider, code) of the error that a product named with a typed status retells
        ("华为云 OBS 下载时请求的 range 超出了对象大小，返回 416"): among ``rows`` (that product's
        errors returned with the status), the one the words clearly fit (MeaningIndex.best_of)."""
        reading = self._meaning.read(text, hints)
        i = None if reading is None else self._meaning.best_of(reading, rows)
        return None if i is None else (self.rows[i].provider, self.rows[i].error_code)

    def key_of(self, provider: str, code: str) -> str:
        return _short_id(provider, code)

    def _group_of(self, key: str) -> tuple[str, str] | None:
        """The (provider, code) whose button id is ``key`` (12 lower-case hex digits), or None."""
        if len(key) != _ID_DIGITS or key.strip("0123456789abcdef"):
            return None
        n = int(key, 16)
        at = bisect_left(self._key_ids, n)
        return self._key_groups[at] if at < len(self._key_ids) and self._key_ids[at] == n else None

    def answer_for(self, key: str, hints: Hints | None = None) -> CloudAnswer | None:
        """The answer a button id stands for (its best row for ``hints``, none by default), or None."""
        if key.startswith("family:"):
            fam = next((f for f in self.families if f.name == key[7:]), None)
            return self.family_answer(fam) if fam else None
        group = self._group_of(key)
        if group is None:
            return None
        ids = self._groups[group]
        best = self._best_row(ids, hints or Hints(), None)
        return CloudAnswer(
            error_code=_shown_code(group[1], map(self.rows.__getitem__, ids), ""),
            error=self.rows[best],
            family=self.family_for(group[1]),
            variants=tuple(self.rows[i] for i in ids if i != best),
        )

    # --- search internals ---------------------------------------------------------------

    def _search_uncached(self, text: str, limit: int, messages: bool = True) -> tuple[Match, ...]:
        """``messages=False`` skips message similarity (the caller already knows the text
        is a log line of another kind); codes and pasted bodies are still read."""
        hints = provider_hints(text)
        body = parse_body(text, cloud_named=bool(hints.providers or hints.products))
        # A body's layout only suggests a provider (Huawei OBS answers in Aliyun OSS's XML); a
        # provider the text names, such as the HostId's myhuaweicloud.com, says which.
        if body and body.provider and not hints.providers:
            hints = replace(hints, providers=frozenset({body.provider}))
        cands: dict[tuple[str, str], _Candidate] = {}
        typed: list[tuple[str, float]] = []  # (code as typed, base score) still to explain
        best = 0.0
        # Each distinct token once: a pasted log repeats most of its words.
        tokens = [
            t
            for t in dict.fromkeys(_TOKEN_RE.findall(text))
            if len(t) <= _MAX_TOKEN and t.lower() not in _NOT_CODES
        ]
        apis = self._apis_named(tokens, hints)
        said = hints.opened  # the products the words name (not the codes typed)
        typed_open = self._typed_open(tokens, body, hints, apis)
        if typed_open:
            hints = replace(hints, opened=hints.opened | typed_open)
        if apis:
            # "DeleteDisk 释放数据盘，提示磁盘仍然挂载在实例上": the action names the product, and
            # it is in no vendor message: the message and meaning tiers read the text without it.
            pairs = {pair for api in apis for pair in self._api_products[api]}
            hints = replace(hints, products=hints.products | pairs, apis=apis)
            text = _API_TOKEN_RE.sub(lambda m: " " if m.group().lower() in apis else m.group(), text)
        if body and body.code:
            found = self._add_code(cands, body.code, tuning.BODY_CODE, "报错内容里的错误码", hints)
            best = max(best, found)
            if not found:
                typed.append((body.code, tuning.FAMILY_IN_BODY))
        by_loose = self._by_loose
        for token in tokens:
            # Every code is under its loose key, and a token that matches one exactly or in
            # another case has that code's loose key: most words of a paste have none.
            if loose(token) in by_loose or _runtime_spelling(token) or _runtime_loose(token):
                best = max(best, self._add_code(cands, token, tuning.TYPED_CODE, "错误码", hints))
            elif "." in token:
                # "oss2.exceptions.SignatureDoesNotMatch": an SDK's exception class named after
                # the code, behind a lower-case module path.
                head, _, last = token.rpartition(".")
                if head.islower() and last in self._by_exact:
                    best = max(best, self._add_code(cands, last, tuning.TYPED_CODE, "异常类名里的错误码", hints))
        spaced_code = self._spaced_codes.get(loose(text)) if len(text) <= 60 else None
        if best < CONFIDENT and spaced_code:  # OSS documents "Request-URI Too Large" as a code
            best = max(best, self._add_code(cands, spaced_code, tuning.TYPED_CODE, "错误码", hints))
        if best < CONFIDENT:
            # Nothing strong: try parts of codes, near spellings, then naming conventions;
            # only for a token that is the whole question, not a word inside a message.
            bare = [t for t in tokens if _is_bare(text, t)]
            near = self._add_partial(cands, bare, [c for c, _ in typed], hints)  # typed code → best score
            if len(text) <= _TYPO_IN_TEXT_MAX:
                self._add_typos_in_text(cands, [t for t in tokens if t not in bare], hints, near)
            for token in tokens:
                if _dotted_token(token):
                    typed.append(
                        (token, tuning.FAMILY_DOTTED if token in bare else tuning.FAMILY_DOTTED_IN_TEXT)
                    )
                elif token in bare and _CAMEL_RE.fullmatch(token):
                    typed.append((token, tuning.FAMILY_CAMEL))
            for code, score in typed:
                # A family must not outrank the real code the user half-typed.
                held = near.get(code.lower())
                self._add_family(cands, code, score if held is None else min(tuning.FAMILY_NEAR, held - 1))
        message = body.message if body and body.message else text
        if messages or (body and body.message):
            self._add_messages(cands, message, hints, in_body=bool(body and body.message))
        # A pasted body's message is read by meaning too: SDK exceptions and JSON bodies carry
        # reworded messages ("message: the account has orders that are not paid yet") as often
        # as documented ones. Its cloud context is the whole paste's.
        if body is not None:
            # A body shaped as one cloud's (Tencent's "Response.Error") names that cloud.
            named = bool(apis or body.provider)
            reading = self._meaning.read(body.message, hints, around=text, named=named) if body.message else None
        else:
            reading = self._meaning.read(text, hints, named=bool(apis)) if messages else None
        if reading is not None:
            if not hints.products:
                hints = replace(hints, implied=reading.implied)
            # A code typed or pasted, or a message quoted word for word, says more than any
            # retelling: the meaning tier is for questions those tiers could not place.
            # Another provider's wording ("The operation is not supported %s" in a Tencent
            # paste) does not: the named cloud's own rows are read by meaning still.
            # So does another product's, when a named-only product is asked about (hints.asked:
            # "阿里云 RDS 变配提示当前实例状态不支持该操作" quotes ECS's wording word for word; RDS
            # says it in its own words).
            products = hints.asked
            ours = [
                c
                for c in cands.values()
                if (not hints.providers or c.provider in hints.providers)
                and (not products or self._of_products(c, products))
            ]
            if best < CONFIDENT and all(c.score < tuning.TEMPLATE for c in ours):
                # "创建实例时…": rows documented for that action read first among alike ones.
                told = hints if hints.apis else replace(hints, actions=implied_actions(fold(text)))
                # "把 RoleArn 格式写错了": a parameter typed by its name, which codes carry.
                fields = frozenset(
                    t.lower() for t in tokens if _CAMEL_RE.fullmatch(t) and t.lower() in self._by_segment
                )
                if fields:
                    told = replace(told, fields=fields)
                found = self._add_meaning(cands, reading, told, limit)
                # "阿里云 SDK 调用说 AccessKey 找不到，我明明刚在控制台创建的，是不是要等生效": the
                # whole story reads as no one row; the words it says the cloud answered may.
                # The story's cloud words ("AK 和 SK 都是刚复制的") make the clause cloud talk too.
                clause = _said_clause(text) if not found and body is None else None
                if clause:
                    again = self._meaning.read(
                        clause,
                        hints,
                        around=text,
                        named=bool(apis),
                        cloudish=reading.context >= 1,
                        story=reading.concepts,
                    )
                    if again is not None:
                        self._add_meaning(cands, again, told, limit)
        if self._by_calls and reading is not None and cands:
            self._by_call(cands, reading, hints, text)
        if cands:
            _field_named_first(cands, tokens)
        return tuple(self._finish(cands, hints, body, limit, said, text))

    def _by_call(self, cands: dict[tuple[str, str], _Candidate], reading: Reading, hints: Hints, text: str) -> None:
        """"ECS 停止实例时报当前实例状态不支持该操作": the words are another code's message word for
        word (InvalidOperation.InvalidEcsState, documented for network-interface calls), but the
        call named is one whose own documentation lists the commonest code for what the words
        say (StopInstance: IncorrectInstanceStatus). That code goes just above the quote."""
        calls = hints.apis or implied_actions(fold(text))
        if not calls:
            return
        for entry in self._by_calls:
            named = [call for call in entry.calls if call.lower() in calls]
            if not named or not commonest_said(entry.provider, entry.says, reading, hints):
                continue
            ours = [c for c in cands.values() if c.provider == entry.provider and c.family is None]
            if not ours:
                continue
            top = max(ours, key=lambda c: c.score)
            documented = any(calls & self._meaning.apis_of(i) for i in self._groups[(top.provider, top.code)])
            if top.code == entry.code or documented:
                continue
            why = f"{named[0]} 的文档列的是这个码"
            self._add(cands, _Candidate(entry.provider, entry.code, top.score + tuning.TIE_STEP, why, tier=top.tier))

    def _typed_open(
        self, tokens: list[str], body: Body | None, hints: Hints, apis: frozenset[str]
    ) -> frozenset[tuple[str, str]]:
        """The NAMED_ONLY products whose codes the text types shaped as a code (dotted, or with
        two capitals: "InvalidDBInstanceId.NotFound", "invaliddbinstanceid.notfound",
        "NoSuchBucket"; not "Redirect"), unless another provider is named; and those whose API
        actions it names."""
        gated = self._gated_codes
        typed = [t for t in (*tokens, *([body.code] if body is not None and body.code else ())) if t.lower() in gated]
        opened = {
            pair
            for code in typed
            if "." in code or "_" in code or sum(map(str.isupper, code)) >= 2
            for pair in gated[code.lower()]
            if not hints.providers or pair[0] in hints.providers
        }
        opened.update(pair for api in apis for pair in self._api_products[api] if pair in NAMED_ONLY)
        return frozenset(opened)

    def _open_group(self, provider: str, code: str, hints: Hints) -> bool:
        """May one of the code's rows of this provider answer (see hints.NAMED_ONLY)?"""
        return any(self._allowed(i, hints) for i in self._groups[(provider, code)])

    def _allowed(self, i: int, hints: Hints) -> bool:
        """May row ``i`` answer (see hints.NAMED_ONLY)?"""
        product = self._gated[i]
        return product is None or product in hints.opened

    def _apis_named(self, tokens: list[str], hints: Hints) -> frozenset[str]:
        """The documented API actions typed in the text (lower case), when they belong to a
        provider the text names, or it names none ("腾讯云 … StopInstances" is Tencent's)."""
        apis = frozenset(t.lower() for t in tokens if t.lower() in self._api_products)
        if not apis or not hints.providers:
            return apis
        return frozenset(a for a in apis if any(p in hints.providers for p, _ in self._api_products[a]))

    def _add(self, cands: dict[tuple[str, str], _Candidate], cand: _Candidate) -> None:
        key = (cand.provider, cand.code if cand.family is None else f"family:{cand.typed}")
        old = cands.get(key)
        if old is None or cand.score > old.score:
            if old is not None and cand.row is None and old.row is not None:
                cand.row = old.row  # keep the row a message pinned down
            if old is not None and cand.family is None and not cand.typed:
                cand.typed = old.typed  # and the spelling a code was typed in
            cands[key] = cand
        else:
            if old.row is None and cand.row is not None:
                old.row = cand.row
            if old.family is None and not old.typed:
                old.typed = cand.typed

    def _add_code(
        self, cands: dict[tuple[str, str], _Candidate], token: str, base: float, why: str, hints: Hints
    ) -> float:
        """Exact (base), other case (base - 1), ignoring separators (base - 2); best score added."""
        hits: dict[str, tuple[float, str]] = {}
        step = tuning.CASE_PENALTY
        for code in self._by_loose.get(loose(token), ()):
            hits[code] = (base - 2 * step, f"{why}（忽略分隔符）")
        for code in self._by_fold.get(token.lower(), ()):
            hits[code] = (base - step, f"{why}（不区分大小写）")
        if token in self._by_exact:
            hits[token] = (base, why)
        typed = ""
        if not hits and _runtime_spelling(token) and (documented := _DOCUMENTED + token[6:]) in self._by_exact:
            # Huawei's API gateway answers "APIGW.0301"; its error table lists the same error as
            # APIG.0301. The answer keeps the spelling the user met.
            hits[documented] = (base - step, f"{why}（错误码表里写作 {documented}）")
            typed = _GATEWAY_RUNTIME + token[6:]
        elif not hits and _runtime_loose(token):
            # "apigw0301": the runtime's spelling typed without its dot.
            digits = loose(token)[len(_RUNTIME_LOOSE) :]
            for code in self._by_loose.get(_DOCUMENTED_LOOSE + digits, ()):
                hits[code] = (base - 2 * step, f"{why}（忽略分隔符，错误码表里写作 {code}）")
                typed = _GATEWAY_RUNTIME + digits
        best = 0.0
        for code, (score, reason) in hits.items():
            if code in self._weak and base < tuning.BODY_CODE:
                score -= tuning.WEAK_CODE_PENALTY
            for provider in self._by_exact[code]:
                if self._open_group(provider, code, hints):
                    best = max(best, score)
                    # "APIG.0301" typed as the table spells it is answered so (see _shown_code).
                    spelt = typed or (code if token[:5].upper() == _DOCUMENTED else "")
                    self._add(cands, _Candidate(provider, code, score, f"{reason} {typed or code}", typed=spelt))
        return best

    def _add_partial(
        self, cands: dict[tuple[str, str], _Candidate], tokens: list[str], extra: list[str], hints: Hints
    ) -> dict[str, float]:
        """Segments, prefixes and near spellings of codes; return the typed codes that hit
        one, each with the best score it gave."""
        near: dict[str, float] = {}
        for token in [*extra, *tokens]:
            # A single capitalised word typed alone may be a misspelt one-word code
            # ("Throtling"); in running text it is just a word.
            code_like = bool(_DOTTED_RE.fullmatch(token) or _CAMEL_RE.fullmatch(token)) or (
                token[:1].isupper() and token in tokens
            )
            starts_upper = token[:1].isupper()
            if len(token) < 5:
                continue
            lowered = token.lower()
            segment = self._by_segment.get(lowered, ())
            if 1 <= len(segment) <= 3:
                for code in sorted(segment):
                    exact_case = token in code.split(".")  # "Arrearage" in Account.Arrearage
                    score = tuning.code_segment(len(segment), starts_upper, exact_case)
                    self._add_codes(cands, [code], score, f"错误码片段 {token}", hints)
                    near[lowered] = max(near.get(lowered, 0.0), score)
                continue
            if not code_like or len(token) < 8:
                continue
            prefixed = self._table.starting_with(lowered, most=5)
            if prefixed:  # a truncated paste
                score = tuning.code_prefix(len(prefixed))
                self._add_codes(cands, prefixed, score, f"错误码开头 {token}", hints)
                near[lowered] = max(near.get(lowered, 0.0), score)
                continue
            for code, sim in self._table.near(token):
                score = tuning.code_typo(sim)
                self._add_codes(cands, [code], score, f"错误码拼写相近 {code}", hints)
                near[lowered] = max(near.get(lowered, 0.0), score)
        return near

    def _add_typos_in_text(
        self, cands: dict[tuple[str, str], _Candidate], tokens: list[str], hints: Hints, near: dict[str, float]
    ) -> None:
        """A code typed a letter or two off inside a short question ("aliyun 报 SignatureDoesNotMach
        签名不对", "腾讯云 AuthFailure.SignatureExpier"): only a word shaped like no word but a code
        (see :func:`_code_shaped`), a little below the same typo typed alone."""
        for token in tokens:
            if len(token) < _TYPO_IN_TEXT_LEN or loose(token) in self._by_loose or not _code_shaped(token):
                continue
            for code, sim in self._table.near(token):
                score = tuning.code_typo(sim) - tuning.JUST_BELOW
                self._add_codes(cands, [code], score, f"错误码拼写相近 {code}", hints)
                near[token.lower()] = max(near.get(token.lower(), 0.0), score)

    def _add_codes(
        self, cands: dict[tuple[str, str], _Candidate], codes: list[str], score: float, why: str, hints: Hints
    ) -> None:
        for code in codes:
            for provider in self._by_exact[code]:
                if self._open_group(provider, code, hints):
                    self._add(cands, _Candidate(provider, code, score, why, tier="partial"))

    def _add_family(self, cands: dict[tuple[str, str], _Candidate], token: str, score: float) -> None:
        # Most tokens of a pasted trace (java.lang.NullPointerException) are dotted like a code
        # and match no family: a literal scan says so (~4 µs) before the patterns (~10 µs).
        if self._family_gate is not None and self._family_gate.search(token.lower()) is None:
            return
        fam = self.family_for(token)
        if fam is not None:
            why = f"看起来是错误码，按命名规则解释（{fam.title}）"
            self._add(cands, _Candidate("", token, score, why, family=fam, typed=token, tier="family"))

    def _add_messages(
        self, cands: dict[tuple[str, str], _Candidate], text: str, hints: Hints, *, in_body: bool
    ) -> None:
        if len(text) > MAX_MESSAGE_TEXT:
            # A paste this long is no one vendor message, word for word or by its template: its
            # message forms (each a fold and a normalisation of the whole text, ~0.5 ms on 4 KB)
            # are not worked out. A pasted body's own message is read as before.
            return
        bonus = tuning.IN_BODY_BONUS if in_body else 0.0
        scored: dict[int, tuple[float, str, float]] = {}

        def take(ids: Iterable[int], score: float, why: str, likeness: float = 0.0) -> None:
            for i in ids:
                if i not in scored or score > scored[i][0]:
                    scored[i] = (score, why, likeness)

        folded = fold(text)
        # A HINT_RE match starts where provider_hints finds a word (same alternation), so
        # with no provider or product named there is nothing to take out (~50 µs on 4 KB).
        named = provider_hints(text)  # cached: the search asked it first
        if named.providers or named.products:
            folded = HINT_RE.sub(" ", folded)
        if hints.opened:
            folded = GATED_NAME_RE.sub(" ", folded)
        # Provider and Latin product names help to pick rows, but messages rarely hold them.
        stripped = _MESSAGE_NOISE_RE.sub("", compact(folded))
        cjk = has_cjk(stripped)  # in C: a 4 KB paste was ~0.2 ms char by char
        fuzzy = MIN_MESSAGE_LEN <= len(stripped) <= MAX_FUZZY_LEN
        # The words only serve an English message inside Chinese text and fuzzy likeness: a
        # long English paste (a stack trace) needs neither, nor their normalisation.
        words = _NOT_WORD_RE.sub(" ", spaced_form(folded)).split() if cjk or fuzzy else []
        embedded = "".join(words) if len(words) >= 3 and cjk else ""
        # "Error deleting image: The specified image has been shared to others.": the message
        # after the label a CLI or an SDK put before it.
        _, colon, after = text.partition(": ")
        labelled = compact(after) if colon and not cjk else ""
        sets = [self._messages]
        if hints.opened and self._gated_messages is not None:
            sets.append(self._gated_messages)  # see hints.NAMED_ONLY

        def exact_rows(key: str) -> list[int]:
            return [i for m in sets for i in m.exact.get(key, ())]

        for query in dict.fromkeys(q for q in (compact(text), stripped, embedded, labelled) if q):
            if len(query) < MIN_MESSAGE_LEN:
                continue
            exact = exact_rows(query)
            # A message that is only an HTTP reason phrase ("Too Many Requests") is the status
            # line of whatever sent it, not a vendor's identifier, even inside a body. Asked
            # only of a documented message (on a 4 KB paste it cost ~0.1 ms per form).
            phrase_only = bool(exact) and loose(query) in self._phrases
            for i in exact:
                if query in self._messages.seed_keys and self.rows[i].seed_message:
                    take([i], tuning.SEED_MESSAGE + bonus, "种子文档原文")
                else:
                    # 账户/账号 spellings meet, but the vendor's own spelling ranks first.
                    score = tuning.VERBATIM if self._says(i, text) else tuning.VERBATIM_RESPELLED
                    take([i], score + (0.0 if phrase_only else bonus), VERBATIM_WHY)
            for m in sets:
                for ids in m.patterns.matching(query):
                    take(ids, tuning.TEMPLATE + bonus, VERBATIM_WHY + "（占位符部分任意）")
        if cjk or not scored:
            # An English message quoted whole inside a Chinese question ("ECS … 返回 The specified
            # InstanceId does not exist. RequestId: …，错误码被日志截掉了") or an SDK's line
            # ("OSSException: The specified key does not exist. [RequestId]: …"): each sentence.
            for sentence in _sentences(text):
                key = message_key(spaced_form(sentence))
                ids = exact_rows(key)
                if ids and loose(sentence) in self._phrases:
                    continue  # "返回429 Too Many Requests": the status line, not a vendor's message
                if ids:
                    take(ids, tuning.VERBATIM + bonus, VERBATIM_WHY)
                    # A longer message that opens with this one, its rest told around the quote
                    # ("RAM 子账号调用 API 报 User not authorized …": "…, or this API doesn't support RAM").
                    around = compact(fold(text)).replace(key, " ")  # product names kept: "RAM"
                    retold = [i for m in sets for grams, i in m.extended.get(key, ()) if _retells(grams, around)]
                    take(retold, tuning.VERBATIM + tuning.TIE_STEP + bonus, VERBATIM_WHY + "（连同后半句的意思）")
        if cjk and len(stripped) > _QUOTABLE_LEN:
            # A documented message quoted inside the question, word for word: the longest,
            # product names kept ("指定的RAM角色不存在") or not.
            whole = compact(fold(text))
            for m in sets:
                self._quoted(m, whole, stripped, named, bonus, take)
        if _QUOTES_RE.search(text) is not None:
            # A message in quotation marks, however short ("接口回来就俩字“库存不足”"): the quote
            # says it is the cloud's own wording. (Not any clause after 说: "说参数无效", "提示账号
            # 欠费" are the users' words, and short ones are many vendors' messages.) In English,
            # a sentence of three words or more ('Aliyun says "Your account does not have …"'):
            # one or two quoted words are as often a reason phrase or a field's name.
            for span in (m.group(1) for m in _QUOTED_MESSAGE_RE.finditer(text)):
                if not cjk and span.count(" ") < 2:
                    continue
                ids = [
                    i
                    for i in exact_rows(compact(fold(span)))
                    if not named.providers or self.rows[i].provider in named.providers
                ]
                take(ids, tuning.QUOTED_MESSAGE + bonus, "引用了错误信息原文")
        hits: list[tuple[float, Sequence[int], bool]] = []
        if fuzzy:
            # The English pool picks forms by word: CamelCase words count apart ("ImageId").
            tokens = {*words, *_NOT_WORD_RE.sub(" ", spaced_form(text)).split()}
            # (With a cloud named, the meaning layer reads the retelling with its product.)
            told = _told_clause(folded) if cjk and not (named.providers or named.products) else ""
            for m in sets:
                if cjk:
                    hits += m.pools["cjk"].similar(stripped, stripped)
                    if told:
                        # "…第二次失败，提示单个手机号30秒内下发短信条数超过上限": the message
                        # retold after the word that reports it, apart from the story before.
                        hits += m.pools["cjk"].similar(told, told)
                    if embedded:  # an English message pasted inside a Chinese question
                        hits += m.pools["latin"].similar(embedded, " ".join(words), tokens)
                else:
                    hits += m.pools["latin"].similar(stripped, " ".join(words), tokens)
        for sim, ids, _ in hits:  # exact hits were scored above; this adds leading clauses
            take(ids, tuning.message_likeness(sim) + bonus, f"错误信息相似（{sim:.0f}%）", sim)
        for i, (score, why, likeness) in scored.items():
            if len(sets) > 1 and not self._allowed(i, hints):
                continue  # a product not asked about (hints.NAMED_ONLY)
            row = self.rows[i]
            cand = _Candidate(
                row.provider, row.error_code, score, why, row=i, tier="message", likeness=likeness
            )
            self._add(cands, cand)

    def _quoted(self, m: _Messages, whole: str, stripped: str, named: Hints, bonus: float, take: Callable[..., None]) -> None:
        """A documented message of ``m`` quoted inside the question, word for word: the longest,
        product names kept ("指定的RAM角色不存在") or not; or one that says "A或B", its two
        halves retold the other way round ("签名格式错误或者签名未审批": 签名未审批或格式错误)."""
        for a, b, rows in m.either:  # a few dozen messages: two substring tests each
            if a in whole and b in whole and (a + "或" + b) not in whole and (a + "或者" + b) not in whole:
                ids = [i for i in rows if not named.providers or self.rows[i].provider in named.providers]
                take(ids, tuning.QUOTED_MESSAGE + bonus, "引用了错误信息原文（前后两半换了说法）")
        quoted = m.quotable.find(whole) if whole != stripped else []
        quoted = sorted({*quoted, *m.quotable.find(stripped)}, key=lambda key: (-len(key), key))
        for longest in quoted[:1]:
            # A whole text that is a documented message was read above; one that is only the
            # leading part of one ("无效实例ID。指定的实例ID格式错误" of a message that goes on
            # with an example) is quoted here.
            if longest not in (stripped, whole) or longest in m.clauses:
                for key in (key for key in quoted if len(key) == len(longest)):
                    # A short mixed-script quote ("指定的Object不存在") is ECS's as much as OSS's
                    # words: with a product named, only that product's message is quoted.
                    mixed = bool(named.products) and _mixed_script(key)
                    ids = [
                        i
                        for i in m.exact.get(key) or m.clauses[key]
                        if (not named.providers or self.rows[i].provider in named.providers)
                        and (
                            not mixed
                            or (self.rows[i].provider, self.rows[i].product) in named.products
                            or self.rows[i].product in EVERY_API  # a gateway's answer to any product's call
                        )
                    ]
                    take(ids, tuning.QUOTED_MESSAGE + bonus, "引用了错误信息原文")
                    # "返回说指定的实例不存在，让我检查实例 ID": the rest of a longer message that
                    # opens with the quoted one is retold too, so that message is the one meant.
                    retold = [
                        i
                        for grams, i in m.extended.get(key, ())
                        if _retells(grams, whole) and (not named.providers or self.rows[i].provider in named.providers)
                    ]
                    take(retold, tuning.QUOTED_MESSAGE + tuning.TIE_STEP + bonus, "引用了错误信息原文（连同后半句）")

    def _add_meaning(
        self, cands: dict[tuple[str, str], _Candidate], reading: Reading, hints: Hints, limit: int
    ) -> bool:
        """Add the rows the reading retells; whether there were any."""
        hits = self._meaning.search(reading, hints, limit)
        if not hits:
            return False
        # A reading by meaning overrules likeness of characters (创建网卡失败 is not 创建子网失败
        # for being one character away; a near-verbatim quote with a typo still stands), and
        # a plain word spelling another provider's code ("throttling" in a sentence about
        # Huawei's APIG is not Aliyun's Throttling).
        for key in [
            k
            for k, c in cands.items()
            if (0 < c.likeness < tuning.LIKENESS_KEPT and not self._seeded(c))
            or (c.code in self._weak and hints.providers and c.provider not in hints.providers)
        ]:
            del cands[key]
        for hit in hits:
            row = self.rows[hit.row]
            if (row.provider, row.error_code) in cands:
                continue  # a code, a verbatim message or the seed's wording found it: says more
            why = f"意思相符（{hit.share:.0%}）"
            cand = _Candidate(row.provider, row.error_code, hit.score, why, row=hit.row, tier="meaning")
            cands[(row.provider, row.error_code)] = cand
        return True

    def _seeded(self, cand: _Candidate) -> bool:
        """The candidate shows a seed row: the user's own document, kept for its seed check."""
        return cand.row is not None and bool(self.rows[cand.row].seed_message)

    def _says(self, i: int, text: str) -> bool:
        """True when row ``i`` carries ``text`` as written (before folding 账户/帐号 into 账号)."""
        want = norm(text).replace(" ", "")
        row = self.rows[i]
        return any(
            norm(m).replace(" ", "") == want for m in (row.seed_message, row.message_zh, row.message_en) if m
        )

    def _finish(
        self,
        cands: dict[tuple[str, str], _Candidate],
        hints: Hints,
        body: Body | None,
        limit: int,
        said: frozenset[tuple[str, str]] = frozenset(),
        text: str = "",
    ) -> list[Match]:
        """The candidates ranked on the one scale; ``said``: the named-only products the
        question's words opened, whose cloud goes first among clouds tied; ``text``: the
        question, whose Latin words break ties among codes quoted alike."""
        words: frozenset[str] | None = None  # read at the first message quoted
        ranked: list[tuple[tuple[Any, ...], float, _Candidate]] = []
        opened_by = {provider for provider, _ in said}
        for cand in cands.values():
            if cand.family is None and not self._may_answer(cand, hints):
                continue
            score = cand.score
            if cand.tier == "meaning":
                pass  # the tier read the provider and product itself
            elif cand.family is None:
                if hints.providers:
                    score += (
                        tuning.PROVIDER_NAMED if cand.provider in hints.providers else tuning.PROVIDER_OTHER
                    )
                products = hints.products | said  # RDS, COS: named by their own names
                if products:
                    if any(
                        (cand.provider, self.rows[i].product) in products
                        for i in self._groups[(cand.provider, cand.code)]
                    ):
                        score += tuning.PRODUCT_NAMED
                    elif any(p == cand.provider for p, _ in products):
                        score += tuning.PRODUCT_OTHER  # OSS named, an ECS row's message
                if (
                    cand.likeness
                    and hints.statuses
                    and not (hints.providers or hints.products)
                    and not (body and (body.provider or body.code))
                ):
                    # '{"code":401,"message":"token expired"} 前端该跳登录吧': a status typed beside a
                    # message merely like some vendor's, no cloud named: the user's own API said
                    # it. The likeness stays a choice; it does not explain the status.
                    score = min(score, tuning.EXPLAINED - tuning.JUST_BELOW)
            elif hints.providers:
                score = min(score + tuning.PROVIDER_NAMED, tuning.FAMILY_CAP)
            score = max(0.0, min(tuning.EXPLICIT, score))
            code = cand.typed if cand.family is not None else cand.code
            # The uncapped score breaks ties among matches capped at 100; then, of clouds tied, the
            # one whose product the question names ("COS 下载报 <Code>NoSuchKey</Code>", "COS 访问报
            # The specified bucket does not exist": Tencent's, though three clouds document it and
            # Aliyun's OSS in more APIs; not so for the code typed alone); then, of codes that read
            # alike, the one whose name spells more of the words quoted ("Your account does not
            # have enough balance" is InvalidAccountStatus.NotEnoughBalance's as word for word as
            # InsufficientBalance's), then (three ECS codes carry "指定的镜像不存在。") the one
            # more APIs document; then the clouds in the fixed order.
            unnamed = bool(cand.provider) and cand.provider not in opened_by
            if cand.tier == "message":
                if words is None:
                    words = _latin_words(text)
                spelt = self._spelt(code, words) if words else 0
                prior = self._meaning.prior(cand.provider, code)
            else:
                spelt, prior = 0, 0.0
            order = PROVIDER_ORDER.index(cand.provider) if cand.provider else -1
            ranked.append(((-score, -cand.score, unnamed, -spelt, -prior, order, code.lower(), code), score, cand))
        if hints.providers:
            # "华为云 OBS 签名错误": another cloud's message word for word ("签名错误" is Aliyun's)
            # does not lead the named cloud's own error read by meaning: it stays just below.
            providers = hints.providers
            ranked = _quotes_below(
                ranked, lambda c: c.provider in providers, lambda c: bool(c.provider) and c.provider not in providers
            )
        products = hints.asked
        if products:
            # The same for a product named ("阿里云 RDS 变配提示当前实例状态不支持该操作"): another
            # product's wording of its cloud, word for word, stays just below the named product's
            # own error.
            clouds = {provider for provider, _ in products}
            ranked = _quotes_below(
                ranked,
                lambda c: self._of_products(c, products),
                lambda c: c.provider in clouds and not self._of_products(c, products),
            )
        ranked.sort(key=lambda item: item[0])
        # Answers are put together for the matches returned only: rows, variants, families.
        return [self._match(cand, score, hints, body) for _, score, cand in ranked[:limit]]

    def _of_products(self, cand: _Candidate, products: frozenset[tuple[str, str]]) -> bool:
        """:meth:`of_products` for a candidate (a family reading is no product's)."""
        return cand.family is not None or self.of_products(cand.provider, cand.code, products)

    def of_products(self, provider: str, code: str, products: frozenset[tuple[str, str]]) -> bool:
        """Is one of the code's rows of these (provider, product) pairs, or of a product every
        API returns errors of (model.EVERY_API)?"""
        rows = self.rows
        return any(
            (provider, rows[i].product) in products or rows[i].product in EVERY_API
            for i in self._groups.get((provider, code), ())
        )

    def _spelt(self, code: str, words: frozenset[str]) -> int:
        """How many telling words of the code's name (balance, enough: in few codes' names;
        not status, error, not) the quote holds: 0 below _SPELT_WORDS."""
        spelt = sum(1 for seg in set(segments(code)) if seg in words and self._table.uses(seg) <= _TELLING_USES)
        return spelt if spelt >= _SPELT_WORDS else 0

    def _may_answer(self, cand: _Candidate, hints: Hints) -> bool:
        """A candidate read from a row nobody asked about (hints.NAMED_ONLY) is dropped; a code
        typed stands while one of its rows may answer, shown by such a row."""
        if cand.row is not None and not self._allowed(cand.row, hints):
            if cand.tier != "code":
                return False
            cand.row = None
        return self._open_group(cand.provider, cand.code, hints)

    def _match(self, cand: _Candidate, score: float, hints: Hints, body: Body | None) -> Match:
        why = cand.why
        named = sorted(hints.providers & ({cand.provider} if cand.provider else hints.providers))
        if named:
            why += "，提到了" + "、".join(PROVIDER_ZH[p] for p in named)
        elif hints.apis and cand.row is not None:
            api = next((a for a in self.rows[cand.row].api.split(";") if a.lower() in hints.apis), None)
            if api is not None:
                why += f"，是 {PROVIDER_ZH[cand.provider]} {api} 接口的错误"
        if cand.family is not None:
            (only,) = hints.providers if len(hints.providers) == 1 else ("",)
            answer = CloudAnswer(error_code=cand.typed, family=cand.family, named_provider=only)
            key = f"family:{cand.family.name}"
        else:
            ids = self._groups[(cand.provider, cand.code)]
            if any(self._gated[i] is not None for i in ids):
                ids = tuple(i for i in ids if self._allowed(i, hints))
            best = cand.row if cand.row is not None else self._best_row(ids, hints, body)
            answer = CloudAnswer(
                error_code=_shown_code(cand.code, map(self.rows.__getitem__, ids), cand.typed),
                error=self.rows[best],
                family=self.family_for(cand.code),
                variants=tuple(self.rows[i] for i in ids if i != best),
            )
            key = self.key_of(cand.provider, cand.code)
        return Match("error", key, score, why, answer, tier=cand.tier, order=answer.error_code)

    def _best_row(self, ids: list[int], hints: Hints, body: Body | None) -> int:
        """The row to show for a code: the seed's, the hinted product/status, the commonest status."""
        counts = Counter(self.rows[i].status for i in ids)
        products = hints.products or hints.implied
        body_msg = compact(body.message) if body and body.message else ""

        def key(i: int) -> tuple[Any, ...]:
            row = self.rows[i]
            msg_sim = 0.0
            if body_msg:
                msg_sim = max(
                    (fuzz.ratio(body_msg, compact(m)) for m in (row.message_zh, row.message_en) if m),
                    default=0.0,
                )
            return (
                -msg_sim,
                row.status not in hints.statuses if hints.statuses else False,
                (row.provider, row.product) not in products if products else False,
                not row.seed_message,
                -counts[row.status],
                row.status or 0,
                row.product,
                row.api,
                row.source,
            )

        return min(ids, key=key)


# What fnmatch reads as other than itself: a wildcard, or a bracketed class of characters.
_WILDCARD_RE = re.compile(r"[*?]|\[[^\]]*\]")


def _needed_parts(patterns: Iterable[str]) -> list[str] | None:
    """Literal strings one of which a text must hold to match one of the fnmatch ``patterns``
    (each pattern's longest literal run; a run holding a shorter one is left to it), or None
    when a pattern has no literal run (``*``)."""
    longest = []
    for pattern in patterns:
        part = max(_WILDCARD_RE.split(pattern), key=len)
        if not part or "[" in part:  # "[" without its "]" is literal to fnmatch: keep it simple
            return None
        longest.append(part)
    unique = sorted(set(longest), key=len)
    return [p for i, p in enumerate(unique) if not any(q in p for q in unique[:i])]


def _families_of(
    codes: Sequence[str], families: Sequence[ErrorFamily], by_pattern: Callable[[str], ErrorFamily | None]
) -> array[int]:
    """Each code's family as ``by_pattern`` (all families' patterns, first family first) reads
    it, as its number + 1 (0: none), in a few ms instead of ~15: a family is tried only on the
    codes holding one of its literal parts (found by ``str.find`` over every code at once),
    with its own patterns. Two bytes a code (a dict by code held ~70 KB)."""
    folded = [code.lower() for code in codes]
    joined = "\n".join(folded)  # no code holds a newline, nor does any literal part
    starts = list(accumulate((len(code) + 1 for code in folded[:-1]), initial=0))
    maybe: list[list[int]] = [[] for _ in folded]  # the families each code may be of, in order
    for i, family in enumerate(families):
        parts = _needed_parts(p.lower() for p in family.patterns)
        held = range(len(folded)) if parts is None else _lines_holding(joined, starts, parts)
        for line in held:
            maybe[line].append(i)
    tests = [_family_test(family.patterns) for family in families]
    pairs = zip(folded, maybe, strict=True)
    return array("H", (next((i + 1 for i in candidates if tests[i](code)), 0) for code, candidates in pairs))


def _lines_holding(joined: str, starts: list[int], parts: Iterable[str]) -> list[int]:
    """The lines of ``joined`` (starting at ``starts``) that hold one of ``parts``, in order."""
    held = set()
    for part in parts:
        at = joined.find(part)
        while at >= 0:
            held.add(bisect_right(starts, at) - 1)
            at = joined.find(part, at + 1)
    return sorted(held)


def _family_test(patterns: Iterable[str]) -> Callable[[str], bool]:
    """Whether a lower-case code matches one of ``patterns`` (fnmatch, case-insensitive): piece by
    piece when ``*`` is their only wildcard, else by their own pattern."""
    lowered = [p.lower() for p in patterns]
    if any("?" in p or "[" in p for p in lowered):
        pattern = re.compile("|".join(map(fnmatch.translate, lowered)))
        return lambda code: pattern.match(code) is not None
    tests = list(map(_glob_test, lowered))
    return lambda code: any(test(code) for test in tests)


def _glob_test(pattern: str) -> Callable[[str], bool]:
    """fnmatch of ``pattern`` (lower case, no wildcard but ``*``), by one ``str`` method when
    its ``*`` are only at its ends."""
    pieces = pattern.split("*")
    if len(pieces) == 1:
        return pattern.__eq__
    if len(pieces) == 2 and not pieces[1]:
        return methodcaller("startswith", pieces[0])
    if len(pieces) == 2 and not pieces[0]:
        return methodcaller("endswith", pieces[1])
    if len(pieces) == 3 and not pieces[0] and not pieces[2]:
        return methodcaller("__contains__", pieces[1])
    return Template(tuple(pieces)).matches


def _frozen(table: dict[str, set[Any]], shared: dict[tuple[Any, ...], tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """``table`` with sorted tuples for sets; equal tuples (across tables too) are one object."""
    out = {}
    for key, values in table.items():
        value = tuple(sorted(values))
        out[key] = shared.setdefault(value, value)
    return out


_ID_DIGITS = 12  # a button id: 6 bytes of a blake2b digest, in hex


def _short_id(provider: str, code: str) -> str:
    return hashlib.blake2b(f"{provider}:{code}".encode(), digest_size=_ID_DIGITS // 2).hexdigest()


_TELLING_USES = 40  # a code-name word in at most this many codes tells codes apart
_SPELT_WORDS = 2  # telling words of a code's name a quote must hold to favour it


def _latin_words(text: str) -> frozenset[str]:
    """The text's words in Latin letters and digits, lower case (one linear scan)."""
    return frozenset(_LATIN_WORD_RE.findall(text.lower()))


_SNAKE_CAPS_RE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_SENTENCE_STARTS = 8  # capitalised words inside one run tried as where the quote starts
_CAPITAL_WORD_RE = re.compile(r" ['‘]?(?=[A-Z])")


def _sentences(text: str) -> Iterator[str]:
    """The English sentences of ``text`` (_LATIN_SENTENCE_RE), each also from its next few
    capitalised words on: "huawei cloud ECS api keeps returning The throttling threshold has
    been reached" holds the quote from "The", not from the product's name."""
    for sentence in _LATIN_SENTENCE_RE.findall(text):
        yield sentence
        for m in islice(_CAPITAL_WORD_RE.finditer(sentence), _SENTENCE_STARTS):
            rest = sentence[m.end() :]
            if len(rest) > _MIN_SENTENCE:
                yield rest


_FIELD_MIN = 6  # letters: "ZoneId", "LoadBalancerId"; not "DryRun"'s halves


def _field_named_first(cands: dict[tuple[str, str], _Candidate], tokens: list[str]) -> None:
    """A parameter typed by its name in what the cloud said ("The specified LoadBalancerId does not
    exist"): of the rows read alike, those whose code is about that parameter go first."""
    fields = {t.lower() for t in tokens if len(t) >= _FIELD_MIN and _CAMEL_RE.fullmatch(t)}
    if not fields:
        return
    read = [c for c in cands.values() if c.tier in ("message", "meaning")]
    about = [c for c in read if any(c.code.partition(".")[0].lower().endswith(f) for f in fields)]
    if about and len(about) < len(read):
        for c in about:
            c.score += tuning.JUST_BELOW


def _code_shaped(token: str) -> bool:
    """CamelCase of three humps or more ("SignatureDoesNotMach"), or dotted capitalised parts
    with a CamelCase or an acronym one ("InvalidAccesKeyId.NotFund", "Forbiden.RAM"): no word
    of English prose."""
    if _CAMEL3_RE.fullmatch(token) is not None:
        return True
    parts = token.split(".")
    if len(parts) == 2 and parts[0].islower() and _SNAKE_CAPS_RE.fullmatch(parts[1]):
        return True  # "isv.MOBILE_NUMBER_ILEGAL": a namespace, then capitals joined by underscores
    return (
        1 < len(parts) <= 4
        and all(part[:1].isupper() and part.isalnum() for part in parts)
        and any(_CAMEL_RE.fullmatch(part) or (len(part) > 1 and part.isupper()) for part in parts)
    )


def _dotted_token(token: str) -> bool:
    """``_DOTTED_RE.fullmatch(token)`` for a token of ``_TOKEN_RE``: its parts are joined by
    single separators, so it is dotted when some are "." or "_" and none is "-" (in C, where
    the pattern cost ~0.7 µs a token: a pasted log has hundreds)."""
    return ("." in token or "_" in token) and "-" not in token


def _quotes_below(
    ranked: list[tuple[tuple[Any, ...], float, _Candidate]],
    ours: Callable[[_Candidate], bool],
    theirs: Callable[[_Candidate], bool],
) -> list[tuple[tuple[Any, ...], float, _Candidate]]:
    """``ranked`` with the messages quoted word for word from elsewhere (``theirs``) kept just
    below the best reading of what the question names (``ours``), when that one is good enough
    to offer."""
    best = max((score for _, score, c in ranked if ours(c)), default=0.0)
    if best < tuning.CHOICES:
        return ranked
    below = best - tuning.JUST_BELOW
    return [
        ((-below, *key[1:]), below, c) if c.tier == "message" and score >= best and theirs(c) else (key, score, c)
        for key, score, c in ranked
    ]


def _is_bare(text: str, token: str) -> bool:
    """True when ``token`` is all the question says, give or take a provider and a frame."""
    if len(text) - len(token) > 60:  # far more than any provider name and question frame
        return False
    rest = text.replace(token, " ")
    # Folding ASCII text only lowers it, and only a provider or product name can then take
    # letters away: three left and no such name, and the answer is no without folding.
    if rest.isascii() and sum(map(str.isalpha, rest)) > 2 and not HINT_WORDS_RE.search(rest.lower()):
        return False
    rest = HINT_RE.sub(" ", fold(rest))
    rest = _MESSAGE_NOISE_RE.sub("", normalize(rest).replace(" ", ""))
    letters = sum(ch.isascii() and ch.isalpha() for ch in rest)
    # The token must also be most of what is left: "Region" in "Region ID不可用" is a word.
    return len(rest) <= 6 and letters <= 2 and len(rest) <= 0.6 * len(token)


_LATIN_WORD_RE = re.compile(r"[a-z0-9]+")


# Words of a message's later clauses that say nothing of which error it is.
_REST_FILLER = frozenset("请您 您检 是否 否正 正确 后再 再试 请稍 稍后 请确 确认 认是 请检 重试 操作".split())


def _rest_grams(rest: str) -> frozenset[str]:
    """The CJK character bigrams and Latin words of a message's later clauses, fillers left out."""
    grams = {a + b for a, b in pairwise(rest) if is_cjk(a) and is_cjk(b)} - _REST_FILLER
    grams.update(w for w in _LATIN_WORD_RE.findall(rest) if len(w) > 1)
    return frozenset(grams)


def _retells(grams: frozenset[str], text: str) -> bool:
    """Does ``text`` (compact form) hold at least two of ``grams`` and a third of them?"""
    shared = sum(1 for g in grams if g in text)
    return shared >= 2 and 3 * shared >= len(grams)
