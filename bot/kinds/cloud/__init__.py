"""The cloud kind: Aliyun, Huawei Cloud and Tencent Cloud API errors (``knowledge/cloud/``).

Its identifiers (an error code typed or pasted in a body, a documented message) outrank a
typed status code; its looser readings are weighed against the best status reading.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from bot.core import domain, tuning
from bot.core.kind import IDENTIFIER_TYPED, Query
from bot.core.knowledge import KnowledgeBase
from bot.core.match import Match, Resolution
from bot.core.pinyin import cjk_count
from bot.core.schema import Problems, reported_as
from bot.core.sounds import Respeller, noting_heard
from bot.core.symptoms import VAGUE, SymptomIndex, listed
from bot.core.text import fold
from bot.core.textforms import known_forms
from bot.kinds.cloud.cards import error_card
from bot.kinds.cloud.hints import HINT_RE, named_products
from bot.kinds.cloud.index import VERBATIM_WHY, CloudIndex, loose, provider_hints
from bot.kinds.cloud.loader import COMMONEST_FILE, load_cloud, load_commonest
from bot.kinds.cloud.messages import compact
from bot.kinds.cloud.model import PROVIDER_ZH, CloudAnswer, CloudData
from bot.kinds.cloud.sounds import SOUND_WORDS
from bot.render.reply import Reply
from bot.render.richtext import Line

# Text that may hold a cloud error code or body: JSON/XML, CamelCase or dotted identifiers,
# a provider's name. Single characters or short literals at each position: linear.
# Two patterns asked in turn (either one matching is the answer): the case-blind words in the
# same pattern kept the engine from skipping ahead by first character (~0.1 ms on 4 KB).
# _CLOUDISH_RE holds where r"[{<]|[A-Za-z]\.[A-Za-z]|[a-z][A-Z]|[A-Z]{2}[a-z]" does, written to
# start with one class of what is rare in prose and logs ({, <, a dot or a capital, each
# checked around): the engine skips to those in C rather than trying four branches at every
# letter (~45 µs on 4 KB).
_CLOUDISH_RE = re.compile(r"[{<.A-Z](?:(?<=[{<])|(?<=[A-Za-z]\.)[A-Za-z]|(?<=[a-z][A-Z])|(?<=[A-Z])[A-Z][a-z])")
# Products named by their own names; COS, RDS and KMS are answered only when named (hints.NAMED_ONLY).
_PRODUCT_NAMES = "oss obs ecs cvm cbs slb apig oss2 ossutil obsutil sts ram cos rds kms"
# Read on the folded text (lower case, simplified): every branch starts with a literal, so the
# engine skips in C to a possible first character (a leading look-behind or case-blind group
# tried every branch at every position: ~120 µs a question over the benchmark's long shapes).
_CLOUDISH_WORDS_RE = re.compile(
    "|".join(
        [
            *"errorcode error_code 阿里 华为 腾讯 aliyun huawei tencent qcloud".split(),
            *(f"{w[0]}(?<![a-z]{w[0]}){w[1:]}(?![a-z])" for w in _PRODUCT_NAMES.split()),
            # Things only a cloud console has: "删存储空间删不掉 409 说非空", "云助手命令……报 403".
            *"存储空间 云助手 镜像市场 云硬盘 云盘 云服务器 安全组 快照 弹性公网".split(),
            # Object storage's own words, whichever cloud's ("分片上传合并时 404，说 upload id 不存在").
            *"分片上传 归档 解冻 存储桶 对象存储 上传对象 下载对象 uploadid".split(),
            "upload id",
            # An API gateway's own (Huawei's APIG): "调 API 网关返回 401，说 APP 认证信息错误".
            "api网关",
            "api 网关",
        ]
    )
)
# The same words for ASCII text, lower-cased first (on ASCII, (?i) is lower()): each branch led
# by a literal, which the engine skips to in C; the case-blind pattern has no first-character
# table and tried every branch at every position (~1 µs on "HTTP 503", ~170 µs on a 2 KB trace).
# Texts this short with a cloud named are read for concept words typed by their sound.
_RESPELL_MAX = 80
# Readings of a retold message only: what a bare symptom ("拉镜像超时") may share with one.
_RETOLD = frozenset({"meaning", "message"})
# A bucket is object storage's, whichever cloud's (存储空间 is any disk's space as often: WebDAV's 507).
_OBJECT_STORAGE = frozenset({"OSS", "OBS", "COS"})
_BUCKET_RE = re.compile("bucket|存储桶")
# Family phrases are read in texts up to this long (normalised characters): the longest phrase
# is under 60 characters, and in a longer text it is under tuning.FAMILY_PHRASE_SHARE.
_FAMILY_PHRASE_TEXT = 500
_CJK_RE = re.compile("[\u4e00-\u9fff]")
_CLOUDISH_ASCII_RE = re.compile(
    "|".join(
        [
            *"errorcode error_code aliyun huawei tencent qcloud".split(),
            *(f"{w[0]}(?<![a-z]{w[0]}){w[1:]}(?![a-z])" for w in _PRODUCT_NAMES.split()),
        ]
    )
)


# Every Huawei Cloud API but OBS's is called through its API gateway, which answers for
# them all when a token or signature is refused (401) or calls pass the flow limit (429):
# "华为云 token 过了 24 小时，调 VPC 接口全是 401" is the gateway's error, not the product's.
_GATEWAY = ("huaweicloud", "APIG (gateway runtime)")
_GATEWAY_USUAL = {401: "APIG.0301", 429: "APIG.0308"}  # what it says when the words pick no other
_API_TALK_RE = re.compile(r"接口|api|sdk|调|token|aksk|签名|认证|脚本|批量|ecs|evs|vpc|rds|elb|iam")
# ... but IAM issues the token itself ("IAM 获取 token 返回 401": a wrong password, its own answer).
_OWN_ANSWER_RE = re.compile(r"(?:获取|拿|申请|换)\s?(?:iam\s?)?token|auth/tokens")
# Object storage's refusal for want of permission, by its 403.
_USUAL_REFUSAL = {(cloud, product, 403): "AccessDenied" for cloud, product in (("aliyun", "OSS"), ("huaweicloud", "OBS"), ("tencentcloud", "COS"))}
_REFUSALS = frozenset(_USUAL_REFUSAL.values())
_PERMISSION_RE = re.compile(r"权限|授权|策略|policy|子账号|子用户|(?<![a-z])(?:ram|acl)(?![a-z])|私有|跨账号")
_CONFIRM_RE = re.compile(r"吗|是不是|对吧|对不对|没错吧")
# Where a group line turns from an error someone else had to the asker's own: "我的是",
# "我这回是", "现在是", "我想问". Literals only: linear.
_SWITCH_RE = re.compile(r"我(?:这(?:回|边|次|里|个)|们|现在)是|我的是|现在是|我想问|我问的是")


# Question frames around a quoted message ("…了返回什么"), removed before comparing wordings.
_MESSAGE_FRAME_RE = re.compile(r"返回什么|返回啥|怎么办|怎么回事|是什么|了$")


# Full-width letters and digits (a Chinese IME's "ＮｏＳｕｃｈＫｅｙ"), and the dot, dash and underscore
# between them, made ASCII; not the Chinese punctuation (，：？) that marks where a quoted
# message ends, which the message tiers read as a clause's end.
_FULL_WIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULL_WIDTH_ID = str.maketrans(
    {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF0D, 0xFF0E, 0xFF3F)}
)
_NUMBERED_CODE_RE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2,8})\.([0-9]{4})(?![0-9])")
_LETTER_O_CODE_RE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2,8})\.((?=[0-9]{0,3}[oO])[0-9oO]{4})(?![A-Za-z0-9])")
# What every match of the two patterns above holds: found by a literal-led scan in C, where
# the patterns (led by a look-behind) try every position of the text (~40–80 µs on 2–4 KB).
_NUMBERED_GATE_RE = re.compile(r"\.[0-9]{4}")
_LETTER_O_GATE_RE = re.compile(r"\.[0-9oO]{4}")
# Clouds whose error tables this bot does not hold (Latin names whole: "s3" not in "s3cr3t").
_FOREIGN_LATIN = "aws amazon s3 ec2 boto3 botocore azure gcp gcs google_cloud qiniu volcengine ucloud"
_FOREIGN_CJK = "亚马逊 谷歌云 微软云 七牛 火山引擎 百度云 京东云 金山云"
# Every branch starts with a literal (the look-behind after a name's first letter is the
# one before it), so the engine skips in C to where a name may start: led by the
# look-behind, the pattern was tried at every position (~60 µs on 4 KB).
_FOREIGN_CLOUD_RE = re.compile(
    "|".join(
        [
            *(
                f"{w[0]}(?<![a-z0-9]{w[0]}){re.escape(w[1:].replace('_', ' '))}(?![a-z0-9])"
                for w in _FOREIGN_LATIN.split()
            ),
            *_FOREIGN_CJK.split(),
        ]
    )
)


def _caseless_code_first(matches: list[Match]) -> bool:
    """Is the first of several matches a code that is only an ordinary word of the text, read
    ignoring case ("throttling" → Throttling)?"""
    return len(matches) >= 2 and matches[0].tier == "code" and "不区分大小写" in matches[0].why


# The rest of a code's clause asking about it: "Ecs.0013 是啥", "这个又是什么意思".
_CODE_ASKED_RE = re.compile(r"\s?(?:又|到底)?(?:是啥|是什么|是干嘛|啥意思|什么意思|怎么办|咋办|怎么解决)")
_CLAUSE_SPLIT_RE = re.compile(r"[，。；！？,;!?]")


def _asked_code_first(text: str, matches: list[Match]) -> list[Match]:
    """Of several codes typed (the same top score), the one asked about first and one whose clause
    says it is dealt with last: "先后返回 Ecs.0001 和 Ecs.0013，Ecs.0013 是啥", "报
    UnauthorizedOperation.MFAExpired，之前那个 InvalidParameterValue 已经解决了，这个是啥"."""
    top = [m for m in matches if m.tier == "code" and m.score == matches[0].score]
    if len(top) < 2:
        return matches
    lower = text.lower()

    def rank(m: Match) -> int:
        code = m.answer.error_code.lower()
        at = lower.rfind(code)
        if at < 0:
            return 0
        end = at + len(code)
        if _CODE_ASKED_RE.match(lower, end) is not None:
            return -1
        start = max((c.end() for c in _CLAUSE_SPLIT_RE.finditer(lower, 0, at)), default=0)
        cut = _CLAUSE_SPLIT_RE.search(lower, end)
        clause = fold(lower[start : cut.start() if cut is not None else len(lower)])
        return 1 if domain.settled(clause) else 0

    ordered = sorted(top, key=rank)  # stable: typed order otherwise
    return ordered + matches[len(top) :]


def _typed_code_over_segments(text: str, matches: list[Match]) -> list[Match]:
    """"阿里云 Forbbiden 是啥": a code typed whole, as spelt, leads the codes it is only a part of
    (Forbbiden.SubUser, InvalidAccount.Forbbiden), which stay just below it."""
    if not matches or matches[0].tier != "partial":
        return matches
    for i, m in enumerate(matches[1:4], start=1):
        code = m.answer.error_code
        if m.tier != "code" or code not in text:
            continue
        at = text.find(code)
        end = at + len(code)
        if (at and (text[at - 1].isalnum() or text[at - 1] in "._")) or (end < len(text) and (text[end].isalnum() or text[end] == ".")):
            continue  # part of a longer token
        top = matches[0].score
        rest = [replace(x, score=min(x.score, top - tuning.JUST_BELOW)) for x in matches[:i]]
        return [replace(m, score=max(m.score, top)), *rest, *matches[i + 1 :]]
    return matches


def _message_over_caseless_code(matches: list[Match]) -> list[Match]:
    """"The throttling threshold has been reached.": a documented message word for word
    outranks a code that is only an ordinary word of it, read ignoring case (a tie before)."""
    if not _caseless_code_first(matches):
        return matches
    top = matches[0].score
    verbatim = next((m for m in matches[1:] if m.tier == "message" and m.score >= top), None)
    if verbatim is None:
        return matches
    lifted = replace(verbatim, score=min(top + tuning.JUST_ABOVE, 99.0))
    return [lifted, *(m for m in matches if m is not verbatim)]


def _member_over_caseless_family(text: str, matches: list[Match]) -> list[Match]:
    """"Operation is forbidden by the Aliyun risk control system": a code that is only an
    ordinary word of the text (Forbidden), read ignoring case, gives way to a code of its
    family whose every other part the text also says (Forbidden.RiskControl)."""
    if not _caseless_code_first(matches):
        return matches
    top = matches[0]
    family = top.answer.error_code.lower() + "."
    said = loose(text)
    member = next(
        (
            m
            for m in matches[1:]
            if m.answer.error_code.lower().startswith(family)
            and loose(m.answer.error_code[len(family) :]) in said
        ),
        None,
    )
    if member is None:
        return matches
    lifted = replace(member, score=top.score)
    return [lifted, replace(top, score=top.score - tuning.JUST_BELOW), *(m for m in matches[1:] if m is not member)]


def _in_order(short: str, long: str) -> bool:
    """Every character of ``short`` appears in ``long``, in order (linear, two pointers)."""
    it = iter(long)
    return all(ch in it for ch in short)


class CloudKind:
    name = "error"  # the JSON contract's "kind" for cloud API errors
    title = "云 API 错误"
    identifies = True
    sound_words = SOUND_WORDS

    def __init__(self) -> None:
        self.data: CloudData | None = None
        self.index: CloudIndex | None = None
        self._statuses: Any = None

    # --- loading -------------------------------------------------------------------------
    def load(self, root: Path, problems: Problems, loaded: Mapping[str, Any]) -> CloudData | None:
        status = loaded.get("status")
        codes = set(status.statuses) if status is not None else set()
        rows, families, files = load_cloud(root, problems, codes)
        commonest = ()
        if rows:  # checked against the tables, once they loaded
            with reported_as(problems, f"knowledge/cloud/{COMMONEST_FILE}"):
                commonest = load_commonest(root, problems, rows)
            files.append(f"knowledge/cloud/{COMMONEST_FILE}")
        return CloudData(rows, families, tuple(files), commonest)

    def files(self, data: CloudData) -> tuple[str, ...]:
        return data.files

    def stats(self, data: CloudData) -> list[str]:
        providers: dict[str, int] = {}
        for row in data.rows:
            providers[row.provider] = providers.get(row.provider, 0) + 1
        if not providers:
            return []
        counts = "，".join(f"{k} {v}" for k, v in sorted(providers.items()))
        return [
            f"云 API 错误 {len(data.rows)} 条（{counts}）",
            f"错误码家族 {len(data.families)} 个",
            f"厂商文档点名的常见码 {len(data.commonest)} 个",
        ]

    def build(self, kb: KnowledgeBase) -> None:
        self.data = kb[self.name]
        self._statuses = kb.parts.get("status")
        phrases: list[str] = []
        if self._statuses is not None:
            for entry in self._statuses.statuses.values():
                phrases.extend((entry.phrase, *entry.phrase_aliases))
        with known_forms():
            self.index = CloudIndex(self.data, phrases)
        # The symptoms the other kinds' cards list, and the vague ones: no cloud error's (see search).
        network = kb.parts.get("network")
        self._symptoms = SymptomIndex()
        self._symptoms.know(VAGUE)
        if self._statuses is not None:
            self._symptoms.know(listed(self._statuses.statuses.values()))
        if network is not None:
            self._symptoms.know(listed(network.entries.values()))
        self._respeller = Respeller(SOUND_WORDS)
        # Prefixes of numbered codes ("Ecs" of Ecs.0001), for reading "Esc.0001" as that family.
        self._prefixes = {
            m.group(1).lower(): m.group(1)
            for row in self.data.rows
            if (m := _NUMBERED_CODE_RE.fullmatch(row.error_code)) is not None
        }

    # --- answering -----------------------------------------------------------------------
    def exact(self, text: str) -> Resolution | None:
        return None

    def outright(self, q: Query) -> Resolution | None:
        return None

    def may_identify(self, q: Query) -> bool:
        text = q.text
        if _CLOUDISH_RE.search(text) is not None:
            return True
        if text.isascii():
            return _CLOUDISH_ASCII_RE.search(text.lower()) is not None
        return _CLOUDISH_WORDS_RE.search(q.folded) is not None

    def names_source(self, q: Query, match: Match) -> bool:
        error = match.answer.error
        if error is None:
            return False
        if (error.provider, error.product) in named_products(q.folded):
            return True
        hints = provider_hints(q.text)
        if (error.provider, error.product) in hints.asked:
            return True  # "COS 上传 403 Access Denied": COS, RDS named by their own names
        # "阿里云…API 一直回 503，对应哪个错误码": the vendor's error code asked for, so a status
        # alias in the words ("系统维护") is the vendor's wording too.
        return domain.asks_for_cloud_error(q.folded) and error.provider in hints.providers

    def note(self, q: Query) -> None:
        pass  # nothing the other kinds need before they search

    def strongest(self, q: Query) -> float:
        return math.inf  # no bound kept

    def search(self, q: Query, limit: int) -> list[Match]:
        if domain.settled(q.folded):
            return []  # "InvalidAccessKeyId 那个问题我搞定了": named, no longer asked about
        text = q.text
        if _FULL_WIDTH_RE.search(text) is not None:
            text = text.translate(_FULL_WIDTH_ID)  # "ＮｏＳｕｃｈＫｅｙ" typed with a full-width IME
        text = self._known_prefixes(text)
        if _LETTER_O_GATE_RE.search(text) is not None and _LETTER_O_CODE_RE.search(text) is not None:
            # "Ecs.O018", "apig.o3o8": the letter O typed for a zero in a numbered code.
            text = _LETTER_O_CODE_RE.sub(lambda m: f"{m.group(1)}.{m.group(2).replace('o', '0').replace('O', '0')}", text)
        respelled: list[str] = []
        if len(text) <= _RESPELL_MAX and _CJK_RE.search(text) is not None:
            hints = provider_hints(text)
            if hints.providers or hints.products:
                # "阿里云 账户欠废 调不了接口": a cloud named, a concept word typed by its sound.
                text, respelled = self._respeller.respell(text)
        matches = self.index.search(text, limit=limit, messages="log-signature" not in q.signals)
        if respelled:
            matches = noting_heard(matches, respelled)
        if matches and matches[0].tier == "code":
            q.signals.add(IDENTIFIER_TYPED)  # whatever the reading becomes, the text talks shop
            matches = self._told_after_code(text, matches, limit)
            matches = _asked_code_first(text, matches)
        matches = self._seed_first(q, matches)
        matches = _message_over_caseless_code(matches)
        matches = _typed_code_over_segments(text, matches)
        matches = _member_over_caseless_family(text, matches)
        weak = bool(matches) and matches[0].score < tuning.EXPLAINED
        typed = provider_hints(text).statuses
        # Object storage's 403 told with permission words ("跨账号读别人的桶 403，桶策略还没给我加"):
        # its refusal, over a row read by meaning that only brushes against the words.
        refused = (
            bool(matches)
            and matches[0].tier == "meaning"
            and matches[0].answer.error_code not in _REFUSALS  # read so already
            and 403 in typed
            and _PERMISSION_RE.search(text.lower()) is not None
        )
        if not matches or (matches[0].tier == "meaning" and matches[0].status not in typed) or weak or refused:
            # A retelling read no row returned with the status typed beside it, or nothing strong
            # enough to say which error the status was ("COS 上传对象 403 Access Denied"): the
            # product's only error with that status, or the one of them its words tell, says
            # more. A weak reading of that same error stays as it was read.
            only = self._only_error_with_status(text)
            if only and not (weak and any(m.key == only[0].key for m in matches)):
                matches = [*only, *(m for m in matches if m.key != only[0].key)][:limit]
        if matches and _FOREIGN_CLOUD_RE.search(q.folded) is not None:
            hints = provider_hints(q.text)
            if not (hints.providers or hints.products):
                # "S3 存储桶是私有的…返回了 AccessDenied": another cloud's error of the same
                # name; the tables here describe theirs, so they are choices, never the answer.
                cap = tuning.ANSWER - tuning.JUST_BELOW
                matches = [replace(m, score=min(m.score, cap)) for m in matches]
        if matches and all(m.tier in _RETOLD for m in matches) and self._symptoms.find(q.normalized) is not None:
            hints = provider_hints(q.text)
            if not (hints.providers or hints.products):
                return []  # "docker 拉镜像超时": a bare symptom, with no cloud named, is no cloud error
        matches = self._family_in_words(q, matches, limit)
        # Ties on the one scale keep this kind's own order (a typo nearer the code typed first),
        # not the order of the statuses the codes are returned with.
        return [replace(m, order=f"{i:02d}") for i, m in enumerate(matches)]

    def _family_in_words(self, q: Query, matches: list[Match], limit: int) -> list[Match]:
        """"签名不匹配", "invalid signature", "ip 已经被用了": plain words that name a kind of
        cloud error, with no cloud or code named, are that family's card (which lists each
        cloud's codes for it), first. A named cloud is read by its rows instead (the meaning
        layer), and so is a text a row already answers; a row read by meaning that is of the
        family the words name is placed as they would be ("invalid access key":
        InvalidAccessKeyId, ahead of 401's shared words)."""
        answered = next((m for m in matches if m.tier != "family" and m.score >= tuning.CHOICES), None)
        if answered is not None and (answered is not matches[0] or answered.tier != "meaning" or answered.score >= tuning.ANSWER):
            return matches
        if len(q.normalized) > _FAMILY_PHRASE_TEXT:
            return matches  # no phrase is the share of a text this long that counts (see below)
        found = self.index.family_phrases(q.normalized)
        if not found and len(q.normalized) > tuning.HOMOPHONE_MAX_CHARS:
            return matches
        hints = provider_hints(q.text)
        if hints.providers or hints.products or hints.opened:  # COS, RDS: named by their own names
            return matches
        if domain.asks_for_status(q.folded) and not domain.asks_for_error_code(q.folded):
            return matches  # "…超出配额的调用全被拒绝，应该返回哪个状态码": a status asked for
        heard = not found  # "签名不批配": a phrase typed by its sound, in a short text
        if heard:
            found = self.index.family_phrases_heard(q.normalized)
        padded = f" {q.normalized} "
        for choice in found:
            family, phrase, key = choice.target, choice.label, choice.key
            if domain.ruled_out(padded, key):
                continue  # "不是签名不匹配，是权限不够"
            coverage = len(key) / max(len(q.normalized), 1)
            if coverage < tuning.FAMILY_PHRASE_SHARE and len(q.normalized) > tuning.FAMILY_PHRASE_SHORT:
                return matches  # a passing mention in a long description: the other tiers read it
            # A phrase heard is scored as any name heard is (tuning.homophone), no higher.
            score = tuning.family_phrase(coverage)
            if heard:
                score = min(score, tuning.homophone(coverage))
            if answered is not None:
                if answered.answer.family is not family:
                    return matches  # the words and the row disagree: the row, as before
                told = max(answered.score, score)
                return [replace(answered, score=told, tier="phrase"), *matches[1:]]
            match = Match(
                "error",
                f"family:{family.name}",
                score,
                f"说的是「{phrase}」{'（按读音）' if heard else ''}：{family.title}",
                self.index.family_answer(family),
                tier="phrase",
            )
            return [match, *(m for m in matches if m.key != match.key)][:limit]
        return matches

    def _only_error_with_status(self, text: str) -> list[Match]:
        """"阿里云 SLB 接口返回 449 是什么情况": a product named with a status that only one of
        its documented errors returns is that error (the resolver keeps the status beside it)."""
        hints = provider_hints(text)
        # COS, RDS: a product answered only when asked about, named by its own name.
        products = hints.products | hints.asked
        if not (products or "huaweicloud" in hints.providers) or len(hints.statuses) != 1:
            return []
        (status,) = hints.statuses
        entry = self._statuses.statuses.get(status) if self._statuses is not None else None
        gateway = status in _GATEWAY_USUAL and self._through_gateway(text, hints, products)
        rows = self.index.rows_with_status(products, status)
        codes = {(self.index.rows[i].provider, self.index.rows[i].error_code) for i in rows}
        told = self.index.told_with_status(text, hints, rows) if codes else None
        if told is None and len(products) == 1 and _PERMISSION_RE.search(text.lower()) is not None:
            # "oss 上传一直 403，子账号已经给了 ReadOnly 策略": object storage refusing for want of
            # permission says AccessDenied, the code its 403s mostly carry.
            ((provider, product),) = products
            usual = _USUAL_REFUSAL.get((provider, product, status))
            if usual is not None and any(self.index.rows[i].error_code == usual for i in rows):
                told = (provider, usual)
        if told is None and gateway:
            # The product's own errors with the status told nothing ("token 不合法" is ECS's
            # Common.0013): the gateway's, by what the words tell, or the one it usually says.
            products = products | {_GATEWAY}
            rows = self.index.rows_with_status({_GATEWAY}, status)
            told = self.index.told_with_status(text, hints, rows) or (_GATEWAY[0], _GATEWAY_USUAL[status])
            codes = {told}
        if told is not None:
            # The words retell one of the product's errors with that status (the status may be a
            # registered one: "OBS 下载时 range 超出了对象大小，返回 416").
            only = len(codes) == 1
            codes = {told}
        elif entry is not None and entry.registry != "unofficial":
            return []  # "ECS 上的 nginx 返回 504": a web status is the server's, not the API's error
        else:
            only = True
        if len(codes) != 1:
            return []
        ((provider, code),) = codes
        key = self.index.key_of(provider, code)
        # The row shown is the one returned with the typed status ("返回 504": APIG.0201's 504 row).
        answer = self.index.answer_for(key, hints)
        if answer is None:
            return []
        product = next(p for pv, p in sorted(products) if pv == provider)
        if answer.error is not None and (provider, answer.error.product) == _GATEWAY:
            why = f"华为云的接口经 API 网关调用，网关以 {status} 拒绝时回的是它"
        elif only:
            why = f"{PROVIDER_ZH[provider]} {product} 里只有它以 {status} 返回"
        else:
            why = f"{PROVIDER_ZH[provider]} {product} 以 {status} 返回的错误里，它和所说的最相符"
        return [Match("error", key, tuning.ONLY_WITH_STATUS, why, answer, tier="meaning", order=code)]

    @staticmethod
    def _through_gateway(text: str, hints: Any, products: frozenset[tuple[str, str]]) -> bool:
        """Is a Huawei Cloud API (not OBS, which answers for itself) told of as called?"""
        huawei = {p for provider, p in products if provider == _GATEWAY[0]}
        folded = text.lower()
        # Huawei named by name: "API 网关" alone is any company's gateway as often as Huawei's APIG.
        if not ("华为" in folded or "huawei" in folded) or _OWN_ANSWER_RE.search(folded) is not None:
            return False
        if "OBS" in huawei or ("huaweicloud", "OBS") in hints.implied or "obs" in folded:
            return False
        return bool(huawei) or _API_TALK_RE.search(folded) is not None

    def _known_prefixes(self, text: str) -> str:
        """"Esc.0001", "Ecd.0001": a numbered code whose prefix is one slip from a known one
        (two letters swapped, or one letter wrong) is read with that prefix."""
        if _NUMBERED_GATE_RE.search(text) is None or _NUMBERED_CODE_RE.search(text) is None:
            return text

        def fix(m: re.Match[str]) -> str:
            prefix = m.group(1)
            low = prefix.lower()
            if low in self._prefixes:
                return m.group()
            near = [
                known
                for key, known in self._prefixes.items()
                if len(key) == len(low) and (sorted(key) == sorted(low) or Levenshtein.distance(key, low) == 1)
            ]
            return f"{near[0]}.{m.group(2)}" if len(near) == 1 else m.group()

        return _NUMBERED_CODE_RE.sub(fix, text, count=3)

    def _told_after_code(self, text: str, matches: list[Match], limit: int) -> list[Match]:
        """"阿里云 OSS 的 NoSuchKey 那个我懂，我的是软链接指向的文件没了，叫啥": a code typed, then
        another error told in words after a switch ("我的是", "我这回是", "现在是"). The code
        sets the scene; the words, read with the cloud named before them, say which error is
        asked about; the typed code, like a status typed as a yardstick, is no answer."""
        typed = matches[0]
        code = typed.answer.error_code
        at = text.lower().find(code.lower())
        switch = _SWITCH_RE.search(text, at + len(code)) if at >= 0 else None
        if switch is None:
            return matches
        error = typed.answer.error
        named = " ".join(m.group() for m in HINT_RE.finditer(fold(text[:at])))
        rest = text[switch.end() :]
        told = self.index.search(f"{error.provider} {named} {rest}", limit=limit)
        if told and told[0].key == typed.key and _CONFIRM_RE.search(rest) is not None:
            return matches  # "Throttling 我这边是调用太频繁了吗": asking whether it is the code typed
        told = [m for m in told if m.tier in tuning.EXPLAINING_TIERS and m.key != typed.key]
        return told or matches

    def _seed_first(self, q: Query, matches: list[Match]) -> list[Match]:
        """Lift a seed row whose wording holds the question almost whole (see tuning.SEED_NEAR)."""
        if not any(m.answer.error is not None and m.answer.error.seed_message for m in matches):
            return matches  # nothing to lift: skip compacting the (up to 4 KB) question
        asked = _MESSAGE_FRAME_RE.sub("", compact(HINT_RE.sub(" ", q.folded)))
        if not 4 <= len(asked) <= 40:
            return matches
        named = provider_hints(q.text).providers
        lifted = []
        for m in matches:
            row = m.answer.error
            near = tuning.SEED_NEAR + (
                tuning.PROVIDER_NAMED if row is not None and row.provider in named else 0
            )
            if row is not None and row.seed_message and m.score < near:
                seed = compact(row.seed_message)
                if len(asked) >= 0.6 * len(seed) and _in_order(asked, seed):
                    m = replace(m, score=near, why=f"{m.why}，与种子文档的说法一致")
            lifted.append(m)
        lifted.sort(key=lambda m: -m.score)
        return lifted

    def fallback(self, q: Query, limit: int) -> list[Match]:
        return []

    def beside_status(self, q: Query, typed: Match) -> Match | None:
        return None  # a retold message beside its status is read by Resolver._explaining

    def _of_named_product(self, answer: CloudAnswer, products: frozenset[tuple[str, str]]) -> bool:
        """Is the answer's error of a product named (CloudIndex.of_products), or is no product
        of its cloud named?"""
        error = answer.error
        if error is None or not any(provider == error.provider for provider, _ in products):
            return True
        return self.index.of_products(error.provider, error.error_code, products)

    def weigh(self, matches: list[Match], best_other: float, q: Query) -> list[Match]:
        """Put cloud readings beside the best status reading (see tuning.weigh_cloud)."""
        if not matches:
            return matches
        hints = provider_hints(q.text)
        named = bool(hints.providers or hints.products)
        products = hints.asked
        exact = self.index.is_documented_message(q.text)
        asked = domain.asks_for_status(q.folded) and not domain.asks_for_cloud_error(q.folded)
        # "用 curl 下载镜像文件…传到一半断了…这个退出码对应什么错误": another protocol's own code
        # is asked for, no cloud named; a cloud error read by meaning is no answer, nor a choice.
        protocol = not named and domain.asks_for_protocol_code(q.folded) and not domain.asks_for_cloud_error(q.folded)
        # An English sentence that retells a documented message ("request signature nonce has
        # been used") is that error, not the words it shares with a status's phrase.
        english = (
            q.memo.get("baseline.tier") in ("words", "fuzzy", "document")
            and cjk_count(q.normalized) == 0
            and q.normalized.count(" ") >= 3
        )
        # "bucket 不存在": naming a bucket is as good as naming object storage (see _BUCKET_RE).
        bucket = (
            not named
            and not asked
            and _BUCKET_RE.search(q.folded) is not None
            and _FOREIGN_CLOUD_RE.search(q.folded) is None  # "S3 存储桶…": another cloud's bucket
        )
        # A provider named outright, and the status read only by an alias: its best reading by
        # meaning may lead (see tuning.weigh_cloud).
        over_alias = bool(hints.providers) and not asked and q.memo.get("baseline.tier") == "alias"
        # A documented message quoted word for word inside the text, beside a status read only
        # by an alias that is a phrase of it ("…说 Request was denied due to conflict with a
        # previous request": 409's Conflict): the message is what was said.
        quoted_over_alias = q.memo.get("baseline.tier") == "alias" and not hints.statuses
        first_meaning = next((m for m in matches if m.tier == "meaning"), None)
        loose = best_other < tuning.ANSWER and q.memo.get("baseline.tier") in ("words", "document", "fuzzy")
        weighed = []
        last_meaning = tuning.EXPLICIT  # readings by meaning keep their order when lifted
        for m in matches:
            answer: CloudAnswer = m.answer
            # Naming a provider lifts that provider's errors, not another's word-like code.
            provider = answer.error.provider if answer.error is not None else ""
            ours = not (hints.providers and provider) or provider in hints.providers
            # ... and naming a product lifts that product's errors, not the wording another
            # product of its cloud shares ("阿里云 RDS … 当前实例状态不支持该操作" is ECS's too).
            ours = ours and self._of_named_product(answer, products)
            stored = bucket and answer.error is not None and answer.error.product in _OBJECT_STORAGE
            score = tuning.weigh_cloud(
                m.score,
                best_status=best_other,
                seed_verbatim=exact
                and answer.error is not None
                and bool(answer.error.seed_message)
                and m.score >= tuning.SEED_MESSAGE,
                # Verbatim, or a template filled in; or a documented message quoted whole inside
                # the question, beside statuses that only share words with it ("调 StopInstances
                # 报 无效实例ID。指定的实例ID格式错误，传的是主机名": not 400's 格式 and 无效).
                verbatim=(
                    exact
                    or (loose and m.tier == "message")
                    or (
                        quoted_over_alias
                        and m.tier == "message"
                        and m.why.startswith(VERBATIM_WHY)
                        and not (answer.error is not None and self.index.says_only_a_phrase(answer.error))
                    )
                )
                and m.score >= tuning.TEMPLATE,
                family=answer.error is None and m.score >= tuning.DOMINANT,
                named=(named and ours) or stored,
                meaning=m.tier == "meaning" or (english and m.tier == "message"),
                over_alias=over_alias and ours and m is first_meaning,
            )
            if m.tier == "phrase":
                # Plain words naming the family lead loose status readings, not a name or alias,
                # in a question they are much of (a long description is the statuses' to read).
                if best_other < tuning.CHOICES or (
                    q.memo.get("baseline.tier", "") in tuning.FAMILY_PHRASE_LEADS
                    and (m.score >= tuning.FAMILY_PHRASE_LEAD_FROM or best_other < tuning.ANSWER)
                ):
                    score = max(m.score, min(best_other + tuning.JUST_ABOVE, 99.0))
                else:
                    score = min(m.score, best_other - tuning.JUST_BELOW)
            if m.tier == "meaning":
                score = last_meaning = min(score, last_meaning - tuning.JUST_ABOVE)
                if protocol:
                    score = 0.0  # below tuning.CHOICES: not offered
                if asked and best_other >= tuning.CHOICES:
                    # "…支持的话响应应该是几": asked for a status, a guess at a cloud error by
                    # meaning stays beside the status reading, not above it.
                    score = min(score, best_other - tuning.JUST_BELOW)
            elif asked and english and m.tier == "message" and best_other >= tuning.CHOICES:
                # "Which HTTP code is used when the request method is not supported …": a status
                # asked for in English; a cloud message it retells stays beside the status.
                score = min(score, best_other - tuning.JUST_BELOW)
            weighed.append(replace(m, score=score) if score != m.score else m)
        # Lifted to the same cap (a provider named), a naming family's guess would tie a
        # documented code the index ranked above it (the code it misspells): keep that order.
        codes = [
            (m.score, w.score) for m, w in zip(matches, weighed, strict=True) if m.answer.error is not None
        ]
        for n, (m, w) in enumerate(zip(matches, weighed, strict=True)):
            if m.tier == "family":
                above = max((cw for cm, cw in codes if cm >= m.score), default=0.0)
                if above and w.score >= above:
                    weighed[n] = replace(w, score=above - tuning.JUST_ABOVE)
        weighed.sort(key=lambda m: -m.score)
        return weighed

    # --- showing -------------------------------------------------------------------------
    def render(self, res: Resolution, limit: int) -> Reply:
        return self.card(res.matches[0], limit)

    def card(self, match: Match, limit: int, detailed: bool = True) -> Reply:
        return error_card(self._statuses, match.answer, limit)

    def open(self, key: str, limit: int, detailed: bool = True) -> Reply | None:
        answer = self.index.answer_for(key)
        return error_card(self._statuses, answer, limit) if answer is not None else None

    def button(self, match: Match) -> tuple[str, str]:
        return (match.answer.error_code[:40] or "?"), f"{self.name}:{match.key}"

    def describe(self, match: Match) -> str:
        answer: CloudAnswer = match.answer
        if answer.error is not None:
            return answer.error.message_zh or answer.error.message_en
        return answer.family.title if answer.family else ""

    def inline_title(self, match: Match) -> str:
        return match.title

    def explain_unknown(self, idents: list[str]) -> list[Line]:
        return []

    def help_examples(self) -> tuple[str, ...]:
        return ("InvalidImageId.NotFound", "阿里云 账号欠费")
