"""Cloud errors by meaning: BM25 over each row's code words, messages and product, with
concept terms (:mod:`bot.kinds.cloud.concepts`) so a retelling meets the vendor's wording.

"阿里云OSS删存储空间的时候提示里面还有文件没清空" shares no message bigram with 存储空间非空
beyond 存储空间; through concepts it reads ``~delete ~bucket ~notempty`` and so does the row
``BucketNotEmpty`` (code words bucket, not empty; message 存储空间非空). English variants
("the bucket you tried to delete is not empty") reach the same terms.

A document is one row, so the row whose product and message fit the question best is the
one shown: the same code's variants in other products or APIs rank below it. Only texts
with cloud context ask (a provider or product named, or two cloud-only concepts): chatter
and plain status questions never reach this tier. Scores come from
``tuning.cloud_meaning`` (share of the reachable score and lead over the next code).

Worst case: linear in the text, which is read only up to ``MAX_MEANING_LEN`` characters;
concept forms are one alternation of literals; each distinct query term's posting list is
walked once.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from bot.core import tuning
from bot.core.domain import PROGRAM_NAMES
from bot.core.text import fold
from bot.kinds.cloud.concepts import (
    ACTIONS,
    CLOUD_PAIRS,
    CLOUD_THINGS,
    CLOUD_VOCABULARY,
    FRAMES,
    IMPLIED_PRODUCTS,
    PREDICATES,
    concepts_in,
    surface,
)
from bot.kinds.cloud.hints import (
    NAME_RE,
    NAMED_ONLY,
    NAMED_PRODUCT_RE,
    Hints,
    named_by_id,
    named_only_products,
    names_provider,
)
from bot.kinds.cloud.model import COMMON_PRODUCT, EVERY_API, CloudError, Commonest
from bot.retrieval.bm25 import BM25
from bot.retrieval.textindex import shared_all

# A term in more rows than this (~invalid, @ecs, 指定) adds to the rows the rarer terms found
# instead of being walked: a question costs the same however large the tables grow.
_COMMON_TERM = 600
# Codes re-ranked by coverage of their own concepts: BM25 has put the rest well below.
_SHORTLIST = 40
# Paraphrases are a sentence or two (under 100 characters in every set we have); a longer
# text is a paste or a long HTTP description for the other tiers.
MAX_MEANING_LEN = 160
# How much of a paste around a body's message is searched for the cloud's name.
_AROUND_LEN = 4096
_CJK_RUN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD_RE = re.compile(r"[a-z][a-z0-9]*")
# Question frames and fillers: in every retelling, in no vendor message.
_NOISE_WORDS = (
    "报错 报了 提示 错误信息 出现 显示 返回 遇到 的时候 时候 怎么办 怎么回事 什么意思 是什么 为什么 好像 结果 "
    "一直 直接 说是 告诉我 我的 我们 这个 那个 一个 里面 可是 但是 然后 已经 还是 "
    # The ask ("这种情况返回的错误码叫啥"): what is asked for, not what went wrong.
    "叫啥 叫什么 这种情况 这时候 这情况"
).split()
# Function characters: bigrams across them ("说组", "西说") are noise, not words.
_FRAME_RE = re.compile("报错")
_NOISE_CHARS = "的了说我你他她它吗呢啊吧呀是这那个都就也又把很再才让要想"
# A look-ahead on the first characters: most positions are given up after one class test.
_NOISE_RE = re.compile(
    f"(?=[{''.join(sorted({w[0] for w in _NOISE_WORDS} | set(_NOISE_CHARS)))}])"
    f"(?:{'|'.join(sorted(_NOISE_WORDS, key=len, reverse=True))}|[{_NOISE_CHARS}])"
)
# With a provider named, the vendor telling the user something is enough: "让我先恢复再下载",
# "回调没成功", "AccessKey 被禁用了".
_ERRORISH_RE = re.compile(
    r"报错|错误|提示|(?<![听据会话再所小如是来虽])说(?![要好明])|失败|异常|没成功|不成功|不行|不能|无法|让我|叫我|要我|要先|得先|禁用|停用|error|fail"
    # A message not delivered ("第二条没收到"): what an SMS user sees of a limit.
    r"|没收到|收不到"
    r"|(?:报|回|返回)(?:什么|啥|哪个)错|不让|不许|被拒|报(?:说|这|那)"
    # "30 秒内给同一个号码连发两次，第二次会返回啥": what the cloud would answer, asked.
    r"|会(?:返回|报|回)(?:啥|什么)",
    re.IGNORECASE
)
_REPORTED_RE = re.compile(r"报错|报了|失败|error|fail", re.IGNORECASE)
STOP_WORDS = frozenset(
    "a an the is are was were be been being to of for in on at by from as with and or but so my "
    "i me we our you your it its this that these those has have had do does did please error "
    "says said say tells tell told returns returned return get gets got when while because since "
    "some any one which what there their them they he she his her will would should could can "
    "up out off into than then too very just only also even now again here where how why who "
    "try tried trying looks look like seems seem keep keeps same that s t don doesn isn "
    # Hedges and chat words of an English retelling ("apparently", "I guess", "turns out").
    "apparently guess basically actually probably maybe right turns turn though nothing something "
    "anything hey hi thanks anyone someone kind sort thing stuff guys lives "
    # How sure or cross the asker is ("complains …, but it definitely exists"): no fault of its own.
    "complain complains complained complaining definitely certainly clearly obviously really totally surely "
    "still saying every each call calls calling called yet see saw seen "
    # Where the asker looked or called from ("right there in the console", "(ap-shanghai)",
    # "cn-hangzhou"): a region ID's words, where and not what went wrong.
    "console ap cn shanghai guangzhou beijing hangzhou shenzhen chengdu chongqing nanjing qingdao "
    "zhangjiakou hongkong singapore".split()
)
# Products whose everyday names are any vendor's (负载均衡, API 网关): alone they make no cloud
# context ("API 网关把请求转给后端…超时，该返回哪个" is a 504 question).
_ANY_VENDORS = frozenset(
    {("aliyun", "SLB"), ("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")}
)
_PRODUCT_TERM = "@"
_CONCEPT_TERM = "~"


@lru_cache(maxsize=8192)  # the tables' words recur: the index build stems each once
def _stem(word: str) -> str:
    """A light English stem so "deleted", "deletes" and "delete" meet (both sides alike)."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# A key pair named as one (not the bare 密钥 an API key is called too). Literal alternatives.
_KEY_PAIR = "keypair"
_KEY_PAIR_RE = re.compile(r"密钥对(?!不对)|密钥名|ssh|key ?pair")


def _terms(surfaced: str) -> tuple[list[str], set[str]]:
    """Concept terms, then the words and Chinese bigrams outside the concept forms; and the
    set of concepts found (for the gate and the implied products)."""
    # The question's frame first: 错了 in 报错了 says nothing is wrong with a value.
    found, rest = concepts_in(_FRAME_RE.sub(" ", surfaced) if "报错" in surfaced else surfaced)
    out = [_CONCEPT_TERM + c for c in found]
    # The words and bigrams outside concept forms: what the lexicon lacks.
    out.extend(_stem(w) for w in _WORD_RE.findall(rest) if w not in STOP_WORDS and len(w) > 1)
    for run in _CJK_RUN_RE.findall(_NOISE_RE.sub(" ", rest)):
        out += [a + b for a, b in pairwise(run)]
    return out, set(found)


# A program outside any cloud console, named, or the operating system's side of a connection
# ("端口上没有进程在监听，内核回了 RST"): see read.
_RUNTIME_RE = re.compile(PROGRAM_NAMES + r"|进程|内核|系统调用|syscall|(?<![a-z])(?:rst|socket)(?![a-z])")


_GATEWAYS = frozenset({"apig", "api gateway", "apigateway"})  # products whose "API" is their resource
# Text messages: the SMS products are implied, as a bucket implies object storage. Not a concept:
# its words stay the plain words the rows were tuned to be read by (a concept term weighed the
# SMS rows' own errors apart: 3 rows lost for 3 gained, session 30).
_SMS_RE = re.compile(r"短信|(?<![a-z])sms(?![a-z])")
_SMS = frozenset({("aliyun", "SMS"), ("tencentcloud", "SMS")})
_ACCESS_KEY = "~accesskey"
_INTERNAL = "~internal"
_MISMATCH = "~mismatch"
# A request signature's algorithm, named by its parts (TC3-HMAC-SHA256, HMAC-SHA1).
_SIGNING_TERMS = frozenset({"hmac", "tc3", "sha256", "sha1", "hmacsha256", "hmacsha1"})


_INSTANCE = _CONCEPT_TERM + "instance"
# "不是过期，是签名校验失败" (commas are gone in a surfaced text): the denied part, up to the
# "是" that says what it is instead. Literal-led, the part bounded.
_NOT_THIS_BUT_RE = re.compile(r"(?:不是|并非) ?([^是 ]{1,10}) ?(?:而)?是")
# A guess at the cause ("是不是 region 填错了"), to the end of its clause (bounded).
_GUESS_RE = re.compile(r"(?:是不是|会不会)([^，。？?,;；!！]{1,20})")
# The asker's own side, set against the error ("可我账号下没有这个桶", "但是我们控制台能看到"). Bounded.
_ASKER_SEES_RE = re.compile(r"(?:可是|但是|可|但)(?:我们|我)([^，。？?,;；!！]{1,24})")
# The place something was looked for and not found: "在 <where> 里/下/中 不存在 / 找不到". Bounded.
_LOOKED_IN_RE = re.compile(r"在 ?([^ ,，。;；]{1,16}?) ?(?:里|下|中|内)(?:面|边)? ?(?:不存在|找不到|没有找到|查不到)")
# ... and without 在 ("bucket 里没有那个 object"): the place is the words just before the marker.
_CLAUSE_END_RE = re.compile(r"[,，。;；!！?？]")
_WORKS_REACH = 24  # characters before the marker read as the way that works
# A step the asker already took ("桶策略已经配了", "IAM 里已经给了 OBS ReadOnlyAccess").
_DONE_ASIDE = (
    *("已经配了", "已经配置了", "也配了", "都配了", "已经给了", "也给了", "已经加了", "也加了"),
    *("已经绑了", "已经授权了", "已经开通了"),
)


def _clause_at(text: str, at: int, length: int) -> tuple[str, str]:
    """The clause of ``text`` around the marker at ``at`` (read off the text: the surfaced form
    has no punctuation), a bounded reach either side; and the text without it."""
    head = _CLAUSE_END_RE.split(text[max(0, at - _WORKS_REACH) : at])[-1]
    end = at + length
    tail = _CLAUSE_END_RE.split(text[end : end + _WORKS_REACH])[0]
    return head + text[at:end] + tail, text[: at - len(head)] + " " + text[end + len(tail) :]


# A way that works, told beside the error ("主账号调就没问题", "控制台操作是正常的").
_WORKS_THERE = ("就没问题", "都没问题", "是正常的", "就正常", "都正常", "是好的", "就可以", "能正常")
_HAS_NO = ("里面没有", "里没有")
# ... and a file or object named as inside a place ("OBS 桶里 reports/2024.csv 这个对象找不到"):
# the place (the few characters before 里) is where it was looked for. Literal-led, bounded.
_CONTENT_IN_RE = re.compile(r"里(?:面)?的? ?[^,，。;；]{0,32}?(?:对象|文件|object)")
_PLACE_REACH = 4  # characters before 里 that name the place (桶, 存储桶, 存储空间, bucket)
_WHERE_REACH = 16
_SEPARATORS_RE = re.compile(r"[ ,，。;；]")


def _weight(term: str) -> float:
    if term[0] == _CONCEPT_TERM:
        concept = term[1:]
        if concept in FRAMES:
            return tuning.MEANING_FRAME_WEIGHT
        if concept in ACTIONS:
            return tuning.MEANING_ACTION_WEIGHT
        return tuning.MEANING_CONCEPT_WEIGHT
    if term[0] == _PRODUCT_TERM:
        return tuning.MEANING_PRODUCT_WEIGHT
    return tuning.MEANING_WORD_WEIGHT if term.isascii() else tuning.MEANING_BIGRAM_WEIGHT


@dataclass(frozen=True, slots=True)
class Reading:
    """What the question says, in index terms."""

    weights: dict[str, float]
    concepts: frozenset[str]
    implied: frozenset[tuple[str, str]]  # products the concepts imply (bucket → OSS/OBS)
    problems: frozenset[str]  # concept terms saying what went wrong (not the frame ~fail)
    context: int  # 2: provider or product named; 1: cloud vocabulary only; 0: none
    # Concept terms the story around a clause names ("…提示库存不足，这个机型是卖完了吗"): a
    # row's own concept named there is not one the question lacks.
    story: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Hit:
    row: int
    score: float
    share: float
    lead: float


class MeaningIndex:
    """One BM25 document per row: code words, messages, product and their concepts."""

    def __init__(
        self,
        rows: tuple[CloudError, ...],
        gated: Sequence[tuple[str, str] | None] | None = None,
        commonest: Iterable[Commonest] = (),
    ) -> None:
        """``gated``: each row's product when it is one answered only when asked about
        (hints.NAMED_ONLY), else None; worked out from the rows when not given. ``commonest``:
        the codes their vendors name as the one returned where alike codes read the same
        (knowledge/cloud/commonest.toml)."""
        self.rows = rows
        # Each row's (provider, code), one tuple per code (2,333 rows, 2,114 codes), the
        # same ones that key _prior.
        keys: dict[tuple[str, str], tuple[str, str]] = {}
        self._codes = [keys.setdefault(key, key) for key in ((row.provider, row.error_code) for row in rows)]
        # Vendors reuse code and message pairs: each distinct text is read once, or not at all
        # when the generated file holds the terms of exactly these texts (see stored_terms).
        texts = distinct_texts(rows)
        stored = stored_terms(texts) or [shared_all(document_terms(text)) for text in texts]
        # Terms shared (see stored_terms), and each text's distinct concepts a tuple (a frozenset of three is 216
        # bytes, the tuple 64), equal ones shared: each line of the generated file made its
        # own copies (~1.4 MiB at start).
        tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        seen = {}
        for text, terms in zip(texts, stored, strict=True):
            concepts = tuple(dict.fromkeys(t for t in terms if t[0] == _CONCEPT_TERM))
            seen[text] = (terms, tuples.setdefault(concepts, concepts))
        self._concepts: list[tuple[str, ...]] = []  # each row's distinct concept terms

        def document(row: CloudError) -> list[str]:
            terms, concepts = seen[_text_of(row)]
            said = _PRODUCT_SAYS.get((row.provider, row.product))
            if said is not None and not said.keys().isdisjoint(concepts):
                # KMS's "指定的密钥不存在" is its own key, not an instance's key pair.
                terms = [said.get(t, t) for t in terms]
                concepts = tuple(dict.fromkeys(said.get(c, c) for c in concepts))
                concepts = tuples.setdefault(concepts, concepts)
            self._concepts.append(concepts)
            return [*terms, _PRODUCT_TERM + row.product.lower()]

        docs = ((i, document(row)) for i, row in enumerate(rows))
        # A concept found in both the code and the message is no stronger evidence than one
        # found once: low term-frequency saturation (k1) and mild length normalisation (b).
        # Aliyun's common codes (公共错误码, added from its error centre) are searched like any
        # row but left out of the term statistics: adding them does not reweigh the words the
        # product rows were tuned to be read by. Tencent's were added earlier and tuned with:
        # leaving them out as well lost 7 rows for 3 (session 29's row diff).
        common = {i for i, row in enumerate(rows) if (row.provider, row.product) in _UNCOUNTED}
        self._gated = named_only_products(rows) if gated is None else gated
        self._bm25 = BM25(
            docs,
            tokenize=_identity,
            k1=tuning.MEANING_K1,
            b=tuning.MEANING_B,
            common=_COMMON_TERM,
            uncounted=common.__contains__,
        )
        # How widely each code is documented (APIs listing it): the commoner of two codes
        # that read alike is the likelier one (Account.Arrearage over SLB's ORDER.ARREARAGE).
        apis: dict[tuple[str, str], set[str]] = {}
        for i, row in enumerate(rows):
            apis.setdefault(self._codes[i], set()).update(row.api.split(";") if row.api else [str(i)])
        by_count = {n: 1.0 + tuning.MEANING_PRIOR * math.log2(1 + n) for n in set(map(len, apis.values()))}
        self._prior = {key: by_count[len(v)] for key, v in apis.items()}  # a few distinct floats
        # What a question must say for each of ``commonest`` (see _commonest_factor).
        self._commonest = {(e.provider, e.code): e.says for e in commonest}
        self._max_idf = self._bm25.max_idf()
        # Each row's own concepts' idf summed once (exactly: a set's order depends on the hash seed).
        self._own_total = [math.fsum(map(self._bm25.idf, own)) for own in self._concepts]
        # Each concept term's idf (a few hundred): _fit sums those a question lacks, row by row.
        self._concept_idf = {c: self._bm25.idf(c) for own in set(self._concepts) for c in own}
        # The concepts each code's name says by itself (AccessDenied: ~forbidden; the texts
        # of the names alone are read with the rows', see distinct_texts).
        # One shared tuple per row (a list of pointers: a dict by code held ~0.1 MiB more).
        self._named = [seen[_name_text(row.error_code)][1] for row in rows]
        # Each row's API actions, lower case: one set per distinct list (1,274 rows name 511
        # lists; a set apiece held ~0.5 MiB) and one shared empty set for the rows with none.
        none: frozenset[str] = frozenset()
        sets: dict[str, frozenset[str]] = {}
        self._apis = [
            sets.get(row.api) or sets.setdefault(row.api, frozenset(a.lower() for a in row.api.split(";")))
            if row.api
            else none
            for row in rows
        ]

    def prior(self, provider: str, code: str) -> float:
        """How widely the code is documented (see _prior): 1.0 and up; 0.0 for none."""
        return self._prior.get((provider, code), 0.0)

    def read(
        self,
        text: str,
        hints: Hints,
        around: str = "",
        *,
        named: bool = False,
        cloudish: bool = False,
        story: frozenset[str] = frozenset(),
    ) -> Reading | None:
        """The question in index terms, or None when it is no cloud paraphrase to look up.
        ``around``: the paste a body's message came from, which may name the cloud; ``named``:
        the caller found the cloud named otherwise (an API action the tables document);
        ``cloudish``: the text is a clause of one whose cloud words made it cloud talk;
        ``story``: the concepts that whole text names (its own reading's, see Reading.story)."""
        if len(text) > MAX_MEANING_LEN:
            return None
        surfaced = surface(text, drop=NAME_RE)  # provider and product names: hints
        terms, concepts = _terms(surfaced)
        if _KEY_PAIR in concepts and _ACCESS_KEY in terms and _KEY_PAIR_RE.search(surfaced) is None:
            # 密钥 beside a SecretId or an AccessKey is that API key, not an SSH key pair
            # ("SecretId 不存在，请确认密钥是否正确"). The question's alone: a row's 密钥 reads
            # as it was tuned to (Tencent's SecretIdNotFound says both).
            terms = [t for t in terms if t != _CONCEPT_TERM + _KEY_PAIR]
            concepts.discard(_KEY_PAIR)
        # A provider or a product by its own name; 负载均衡 or 云服务器 alone (which hints read
        # as Aliyun's SLB, or any provider's ECS) is HTTP talk as often.
        folded = fold(around[:_AROUND_LEN] if around else text)
        named = named or names_provider(folded) or NAMED_PRODUCT_RE.search(folded) is not None or named_by_id(folded)
        # A product answered only when asked about, named by its own name (COS, RDS), is named too.
        named = named or bool(hints.opened)
        # A product's everyday name (云硬盘, 云服务器) is cloud talk too; 负载均衡 (Aliyun's SLB to
        # the hints) is as often any load balancer ("负载均衡健康检查失败" is a 503 question).
        cloudish = (
            cloudish
            or "云助手" in folded  # Aliyun's command agent: its concept (a command's) is no cloud word alone
            or concepts & CLOUD_VOCABULARY
            or concepts & CLOUD_THINGS
            or hints.products - _ANY_VENDORS
            or any(pair <= concepts for pair in CLOUD_PAIRS)
        )
        if cloudish and not named and _RUNTIME_RE.search(folded) is not None:
            # "…端口上没有进程在监听…Node 里这个报错叫什么": the program's (or the system's) own
            # error, not a listener of a cloud load balancer, when the text names no cloud.
            cloudish = False
        context = 2 if named else 1 if cloudish else 0
        # A product named with the status it returned ("APIG 返回 403，说我的 APP 没被授权") is an
        # API error being told, however plainly; a provider alone with a status may be a site.
        told = context == 2 and ((hints.statuses and hints.products) or _ERRORISH_RE.search(text))
        # With only cloud vocabulary, an error plainly reported ("用镜像市场的镜像开机，报错说…").
        told = told or (context == 1 and _REPORTED_RE.search(text) is not None)
        if not terms or not context or not (concepts & PREDICATES or told):
            return None  # no cloud context, or nothing went wrong: chatter
        weights: dict[str, float] = {}
        for term in terms:
            weights[term] = max(weights.get(term, 0.0), _weight(term))
        if "不是" in surfaced or "并非" in surfaced:
            # "返回的不是过期，是签名校验失败": what the error is said not to be names no predicate
            # of it (unless the rest of the text names it too); the thing it is about ("不是签名
            # 过期，是鉴权没通过": the signature) stays.
            for m in _NOT_THIS_BUT_RE.finditer(surfaced):
                if surfaced[max(0, m.start() - 1) : m.start()] == "是":
                    continue  # "是不是过期": asked, not denied
                only, _ = _only_in_clause(surfaced, m)
                for concept in only & PREDICATES:
                    weights.pop(_CONCEPT_TERM + concept, None)
        if "是不是" in surfaced or "会不会" in surfaced:
            # "返回说 InstanceId 不存在…是不是 region 填错了": the asker's guess at a cause, beside
            # what the cloud said went wrong, is not that error (a guess alone is the question).
            for m in _GUESS_RE.finditer(surfaced):
                _aside_counts_half(weights, *_only_in_clause(surfaced, m))
        if "可" in surfaced or "但" in surfaced:
            # "提示桶名已经被占用了，可我账号下没有这个桶": what the asker sees on their side, set
            # against what the cloud said, is not the error: its predicates are left out.
            for m in _ASKER_SEES_RE.finditer(surfaced):
                only, kept = _only_in_clause(surfaced, m)
                if kept & PREDICATES:
                    for concept in only & PREDICATES:
                        weights.pop(_CONCEPT_TERM + concept, None)
        for markers in (_WORKS_THERE, _DONE_ASIDE):
            # "提示用户没有被授权…，主账号的 AK 调就没问题", "…拒绝访问，桶策略已经配了": the way that
            # works, or a step already taken, is told beside the error, not part of it; what only
            # its clause names (the main account, the bucket policy) counts half.
            at, marker = next(((text.find(m), m) for m in markers if m in text), (-1, ""))
            if at > 0:
                clause, rest = (surface(part, drop=NAME_RE) for part in _clause_at(text, at, len(marker)))
                _aside_counts_half(weights, *_only_in(clause, rest))
        if "在" in surfaced:
            # "object 在 bucket 里不存在", "实例 ID 在账号下找不到": where the missing thing was
            # looked for is not what is missing; a concept named only there says less.
            for m in _LOOKED_IN_RE.finditer(surfaced):
                _looked_in(weights, m.group(1), surfaced[: m.start()] + surfaced[m.end() :])
        for marker in _HAS_NO:
            # "bucket 里没有我要的那个 object": where it was looked for, told before 里没有.
            at = surfaced.find(marker)
            if at > 0:
                lo = max(0, at - _WHERE_REACH)
                before = surfaced[lo:at].rstrip()
                where = _SEPARATORS_RE.split(before)[-1]
                _looked_in(weights, where, surfaced[: lo + len(before) - len(where)] + surfaced[at + len(marker) :])
                break
        if "notfound" in concepts:
            if "里" in surfaced and (m := _CONTENT_IN_RE.search(surfaced)) is not None:
                where = _place_before(surfaced[: m.start()])
                at = m.start() - len(where)
                _looked_in(weights, where, surfaced[:at] + surfaced[m.start() :])
            _what_went_missing(weights, surfaced)
        api = _CONCEPT_TERM + "api"
        if api in weights and hints.products and "notfound" in concepts:
            # "Huawei Cloud ECS API says the server does not exist": what is missing is the named
            # product's resource, reached through its own interface, not an API Gateway's API.
            lowered = folded.replace(" ", "")
            if any(
                f"{product.lower()}{word}" in lowered
                for _, product in hints.products
                if product.lower() not in _GATEWAYS
                for word in ("api", "接口")
            ):
                del weights[api]
        implied = frozenset(p for c in concepts for p in IMPLIED_PRODUCTS.get(c, ()))
        if _SMS_RE.search(folded) is not None:
            implied |= _SMS  # "阿里云发短信提示账户余额不足": the SMS API's own error
            if (
                "签名不对" in surfaced
                and _MISMATCH in weights
                and _MISMATCH[1:] not in concepts_in(surfaced.replace("签名不对", " "))[0]
            ):
                # A text message's signature is its sender's name: "签名不对" there is a wrong
                # one, not a request signature the server computed otherwise.
                del weights[_MISMATCH]
        # A named-only product asked about (hints.asked: "阿里云 RDS …") is the product, not the
        # one its words imply (the instance of ECS). Sorted: the same float sums every run.
        for provider, product in sorted(hints.products or hints.asked or implied):
            if not hints.providers or provider in hints.providers:  # 华为云 云服务器: not CVM
                weights[_PRODUCT_TERM + product.lower()] = _weight(_PRODUCT_TERM)
        problems = frozenset(_CONCEPT_TERM + c for c in concepts & PREDICATES - FRAMES)
        # The concepts of what the cloud said ("…提示<clause>"), read once for the two uses below.
        own: set[str] | None = None
        if _INSTANCE in weights or len(problems) > 1:
            said = SAID_RE.search(surfaced)
            own = _terms(said.group(1))[1] if said is not None else None
        # "腾讯云 CVM 买实例，提示这个可用区已经卖完了": what the cloud said names its own thing
        # and what went wrong with it; the instance being bought or made is the scene of
        # nearly every compute call, not part of the error (the type sold out in a zone).
        if own is not None and _INSTANCE in weights and "instance" not in own and own & PREDICATES and own - PREDICATES - FRAMES:
            weights[_INSTANCE] *= tuning.MEANING_SCENE_INSTANCE
        if own is not None and len(problems) > 1:
            # "用别的账号共享给我的镜像开机，报在当前账号下找不到这个镜像": what the cloud said went
            # wrong is the problem; the story's own predicates (shared by others) set the scene.
            stated = frozenset(_CONCEPT_TERM + c for c in own & PREDICATES - FRAMES)
            if stated and stated < problems:
                problems = stated
        told = frozenset(_CONCEPT_TERM + c for c in story)
        return Reading(weights, frozenset(concepts), implied, problems, context, told)

    def apis_of(self, i: int) -> frozenset[str]:
        """Row ``i``'s API actions, lower case (none for a table that names no API)."""
        return self._apis[i]

    def _commonest_factor(self, key: tuple[str, str], reading: Reading, hints: Hints) -> float:
        """tuning.MEANING_COMMONEST for a code its vendor names as the one returned in what the
        question says (see commonest_said); else 1."""
        says = self._commonest.get(key)
        return tuning.MEANING_COMMONEST if says is not None and commonest_said(key[0], says, reading, hints) else 1.0

    def _fit(
        self,
        i: int,
        reading: Reading,
        hints: Hints,
        statuses: frozenset[int],
    ) -> float:
        """How well row ``i`` fits beyond shared terms (a factor ≤ 1): the share of its own
        concepts the question lacks, whether it says what went wrong as the question does,
        whether it belongs to a product the question names, whether it is returned with the
        HTTP status the question typed (``statuses``: those of the shortlist's rows), and
        whether it is documented for the API action and the parameter the question names."""
        own = self._concepts[i]
        idf, weights = self._concept_idf, reading.weights
        total = self._own_total[i]
        # fsum's exact sum does not depend on the order of ``own``.
        story = reading.story
        missed = math.fsum([idf[c] for c in own if c not in weights and c not in story]) / total if total else 1.0
        named = self._named[i]
        if named and all(c in weights for c in named):
            # The question says all the code's name says (拒绝访问: AccessDenied): the rest of
            # its message (OBS's "…受 WORM 保护的对象") is one case of it, lacked less.
            missed *= tuning.MEANING_NAME_SAID
        fit = 1.0 - tuning.MEANING_DOC_COVER * missed
        if reading.problems and reading.problems.isdisjoint(own):
            fit *= tuning.MEANING_PROBLEM_MISSED
        row = self.rows[i]
        products, apis, actions, fields = hints.products or hints.asked, hints.apis, hints.actions, hints.fields
        if (
            products
            and (row.provider, row.product) not in products
            # A named-only product asked about (RDS, VPC) is still called through its cloud's
            # common codes and gateway; a product named beside it has its own errors read.
            and (hints.products or row.product not in EVERY_API)
            and not self._about_named(i, own, products)
        ):
            fit *= tuning.MEANING_OTHER_PRODUCT
            if hints.products and self._gated[i] is not None and self._gated[i] not in hints.asked:
                # "CVM 指定内网 IP 创建，报私有网络 IP 已经被占用": a product named (CVM, or its API
                # RunInstances), and another opened only by a thing it sells (私有网络: Tencent's
                # VPC); the named product's own error about that thing is meant.
                fit *= tuning.MEANING_OTHER_PRODUCT
        elif (
            row.product == "SMS"
            and (_ACCESS_KEY in weights or _ACCESS_KEY in story or not _SIGNING_TERMS.isdisjoint(weights))
            and not (reading.implied & _SMS)
        ):
            # "签名和服务端算的对不上，AK和SK都是刚复制的", "debug my TC3-HMAC-SHA256 signing": a
            # request signed with an AccessKey, not an SMS signature (the sender's name), when no
            # text message is talked about.
            fit *= tuning.MEANING_OTHER_PRODUCT
        if self._codes[i][1].startswith("InternalError") and _INTERNAL not in weights and _INTERNAL not in story:
            # "腾讯云返回接口不存在": the API's own InvalidAction, not the SMS service's internal
            # failure that words it alike; an internal error is read as such when one is told.
            fit *= tuning.MEANING_OTHER_PRODUCT
        if statuses and row.status not in statuses:
            fit *= tuning.MEANING_OTHER_STATUS
        if apis and self._apis[i] and not apis & self._apis[i] and row.product != COMMON_PRODUCT:
            # A common code belongs to no one API: every API may return it. A row whose table
            # names no API (Tencent's, by code only) is no other API's either.
            fit *= tuning.MEANING_OTHER_API
        elif actions and self._apis[i] and not actions & self._apis[i]:
            fit *= tuning.MEANING_OTHER_ACTION
        if fields:
            code = self._codes[i][1].lower()
            # A code naming the thing the parameter is for counts ("RoleArn": EntityNotExist.Role).
            thing = code.rpartition(".")[2]
            if not any(field in code or (len(thing) >= _THING_MIN and field.startswith(thing)) for field in fields):
                fit *= tuning.MEANING_OTHER_FIELD
        return fit

    def _about_named(self, i: int, own: Iterable[str], products: frozenset[tuple[str, str]]) -> bool:
        """Is row ``i`` (another product's) about the disks a named product of its provider
        sells? "腾讯云 CBS 买云硬盘，提示云盘规格已售罄": Tencent documents the disk sold out
        under CVM's API; a disk is CBS's thing, so the row is no other product's."""
        provider = self.rows[i].provider
        return any(
            pair in products and pair[0] == provider
            for concept in _DISK_THINGS.intersection(own)
            for pair in IMPLIED_PRODUCTS[concept[1:]]
        )

    def best_of(self, reading: Reading, rows: Iterable[int]) -> int | None:
        """Of ``rows`` (a named product's errors returned with the status typed beside the
        words), the row whose code the reading clearly fits best: it shares a concept the
        text says (not a frame) and its code scores ``tuning.MEANING_STATUS_LEAD`` times the
        next code's. None when no row does."""
        said = {t for t in reading.weights if t[0] == _CONCEPT_TERM and t[1:] not in FRAMES}
        if not said:
            return None
        # What went wrong decides among them: a row that shares only the thing ("COS 上传对象
        # 403 Access Denied": InvalidObjectState's object) is not what the words tell, when
        # another row tells it.
        wrong = {t for t in said if t[1:] in PREDICATES}
        rows = list(rows)
        if wrong:
            rows = [i for i in rows if not wrong.isdisjoint(self._concepts[i])] or rows
        scores = self._bm25.scores(reading.weights)
        best: dict[tuple[str, str], tuple[float, int]] = {}  # code → (score, its best row)
        for i in rows:
            score = scores.get(i, 0.0)
            key = self._codes[i]
            if key not in best or score > best[key][0]:
                best[key] = (score, i)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[1]))
        if not ranked or ranked[0][0] <= 0.0:
            return None
        if len(ranked) > 1 and ranked[1][0] * tuning.MEANING_STATUS_LEAD > ranked[0][0]:
            return None
        i = ranked[0][1]
        return None if said.isdisjoint(self._concepts[i]) else i

    def search(self, reading: Reading, hints: Hints, limit: int) -> list[Hit]:
        """The best row of each code, best first, scored on the one scale."""
        allowed, products = hints.providers or hints.clouds, hints.products
        # Words the index has never seen still count against the share: a question mostly about
        # something else is not a retelling of any row.
        unknown = tuning.MEANING_UNKNOWN_IDF * self._max_idf
        most = [w * (self._bm25.idf(t) or unknown) * (1 + self._bm25.k1) for t, w in reading.weights.items()]
        ceiling = sum(most)
        if products:
            # A row is of one product: of several named ("APIG": the API and its gateway
            # runtime; "ECS": two clouds'), only one can match. Products merely implied by
            # the words (security group: every cloud's ECS) keep counting, as tuned.
            per_product = [m for t, m in zip(reading.weights, most, strict=True) if t[0] == _PRODUCT_TERM]
            ceiling += max(per_product, default=0.0) - sum(per_product)
        if not ceiling:
            return []
        # Each code's best row (highest score, then lowest row), the codes in that order, the
        # first _SHORTLIST of them: the rows sorted by row, then stably by score descending (no
        # Python key function), each code taken at its first row.
        scores = self._bm25.scores(reading.weights)
        rows = sorted(scores)
        rows.sort(key=scores.__getitem__, reverse=True)  # reverse keeps ties in row order
        codes, gated, opened = self._codes, self._gated, hints.opened
        shortlist: list[tuple[tuple[str, str], tuple[float, int]]] = []
        seen: dict[tuple[str, str], int] = {}  # code → its place in the shortlist
        told = hints.apis or hints.actions  # the API named, or the action told
        for i in rows:
            key = codes[i]
            if key in seen:
                # Of a code's rows that read the same ("账户余额不足" under five APIs' tables),
                # the one documented for the API the question names ("调 RunInstances …").
                at = seen[key]
                score, j = shortlist[at][1]
                if told and scores[i] == score and self._apis[i] & told and not self._apis[j] & told:
                    shortlist[at] = (key, (score, i))
                continue
            if (allowed and key[0] not in allowed) or (gated[i] is not None and gated[i] not in opened):
                continue
            seen[key] = len(shortlist)
            shortlist.append((key, (scores[i], i)))
            if len(shortlist) == _SHORTLIST:
                break
        # "华为 ECS 接口返回 202，说请求被流控了": a status typed beside the retelling picks among
        # the rows that read alike, when one of them is returned with it.
        statuses = hints.statuses & {self.rows[i].status for _, (_, i) in shortlist}
        # Ranked with the prior and by how much of the row's own concepts the question
        # covers (a row about 文件分片 is a worse reading of "object 不存在" than one about an
        # object alone); the share is of the plain score.
        ranked = sorted(
            (
                (
                    score * self._prior[key] * self._fit(i, reading, hints, statuses) * self._commonest_factor(key, reading, hints),
                    score,
                    i,
                )
                for key, (score, i) in shortlist
            ),
            key=lambda item: (-item[0], item[2]),
        )[: limit + 1]
        hits: list[Hit] = []
        for n, (ranking, score, i) in enumerate(ranked[:limit]):
            if n == 0:
                # A code and its own refinement (Throttling, Throttling.User) are one reading
                # told more or less exactly, not two rivals: the lead is over the next other one.
                following = next((r for r, _, j in ranked[1:] if not _refines(self._codes[i], self._codes[j])), 0.0)
            else:
                following = ranked[n + 1][0] if n + 1 < len(ranked) else 0.0
            share, lead = score / ceiling, (ranking - following) / ranking
            # Only the first reading is scored on its lead; the rest stay in the ranking's
            # order, each below the one before.
            value = tuning.cloud_meaning(share, lead if n == 0 else 0.0, named=reading.context == 2)
            if hits:
                value = min(value, hits[-1].score - tuning.JUST_ABOVE)
            if value < tuning.MEANING_FLOOR:
                break
            hits.append(Hit(i, value, share, lead))
        return hits


_UNCOUNTED = frozenset(
    {
        ("aliyun", COMMON_PRODUCT),
        # SMS and CLB, added in session 29 from the vendors' SDKs and guides (scripts/cloud_sources).
        ("aliyun", "SMS"),
        ("tencentcloud", "CLB"),
        ("tencentcloud", "SMS"),
        # Added in session 30, answered only when asked about (hints.NAMED_ONLY).
        *NAMED_ONLY,
    }
)


def _refines(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One (provider, code) is the other with more said (Throttling, Throttling.User)."""
    return a[0] == b[0] and (b[1].startswith(a[1] + ".") or a[1].startswith(b[1] + "."))


# A concept a product's own messages mean by a word other products use for something else:
# in KMS's tables 密钥 is a KMS key (~kms), not an instance's SSH key pair.
_PRODUCT_SAYS: dict[tuple[str, str], dict[str, str]] = {
    ("aliyun", "KMS"): {_CONCEPT_TERM + "keypair": _CONCEPT_TERM + "kms"},
}
_THING_MIN = 4  # letters: a code's last part this long may be the stem of a parameter's name
# Disks and their snapshots: one cloud documents them under its compute API and sells them as
# a product of their own (Tencent's CBS), so a row about one is no other product's there.
_DISK_THINGS = frozenset(_CONCEPT_TERM + c for c in ("disk", "systemdisk", "snapshot"))


def _only_in_clause(surfaced: str, m: re.Match[str]) -> tuple[set[str], set[str]]:
    """The concepts named only in ``m``'s clause (its group 1: a part denied, a guess), and
    those the rest of the text names."""
    return _only_in(m.group(1), surfaced[: m.start()] + " " + surfaced[m.end(1) :])


def _only_in(clause: str, rest: str) -> tuple[set[str], set[str]]:
    """The concepts ``clause`` names and ``rest`` does not, and those ``rest`` names."""
    kept = set(concepts_in(rest)[0])
    return set(concepts_in(clause)[0]) - kept, kept


def _aside_counts_half(weights: dict[str, float], only: set[str], kept: set[str]) -> None:
    """A clause told beside the error (a guess, a way that works, a step taken): when the rest
    says what went wrong, the concepts only it names count half."""
    if kept & PREDICATES:
        for concept in only:
            term = _CONCEPT_TERM + concept
            if term in weights:
                weights[term] *= tuning.MEANING_GUESSED


def commonest_said(provider: str, says: tuple[frozenset[str], ...], reading: Reading, hints: Hints) -> bool:
    """Does the reading say what a commonest code of ``provider`` must (one concept of each of
    its sets, knowledge/cloud/commonest.toml), with no other cloud named?"""
    if hints.providers and provider not in hints.providers:
        return False
    return all(names & reading.concepts for names in says)


# What a text says the cloud answered: the clause after 说 / 报 / 提示 / 显示, up to the next
# punctuation ("…上传文件说桶不存在，桶名是复制的" → "桶不存在"). One bounded class run after a literal.
# 返回 too ("直接返回拒绝访问"), but not "返回哪个状态" / "返回什么": a question, not what came back.
SAID_RE = re.compile(
    r"(?:说|报错|报|提示|显示|返回(?!\s?(?:哪|什么|啥|几|多少|的是|了什么)))[:：\s]*([^，。,.;；！!？?\n]{3,40})"
)


def _what_went_missing(weights: dict[str, float], surfaced: str) -> None:
    """Weigh up the thing said to be missing: the last concept just before "不存在" ("…说这个
    安全组不存在"), or the first just after "找不到" ("找不到这个快照"). The rest of the
    question says where and how it was looked for ("给安全组加规则", "镜像是在另一个地域做的")."""
    for m in _MISSING_RE.finditer(surfaced):
        if surfaced[: m.start()].rstrip().endswith(_WHERE_ENDS):
            continue  # "object 在 bucket 里不存在": where it was looked for (see _looked_in)
        if m.group() == "不存在":  # the thing before it
            near = concepts_in(surfaced[max(0, m.start() - _MISSING_REACH) : m.start()])[0][-1:]
        else:  # the thing after it
            near = concepts_in(surfaced[m.end() : m.end() + _MISSING_REACH])[0][:1]
            if not near:  # "这台实例在记录里根本找不到": the thing before where it was looked for
                head = surfaced[max(0, m.start() - 2 * _MISSING_REACH) : m.start()]
                if "在" in head:
                    near = concepts_in(head[: head.rfind("在")])[0][-1:]
        for concept in (c for c in near if c in _THINGS):
            term = _CONCEPT_TERM + concept
            if term in weights:
                weights[term] *= tuning.MEANING_MISSING_THING
                if m.group() == "不存在":
                    # The things named before it set the scene ("给安全组加规则时说这个安全组不存在":
                    # the rule being added is not what is missing).
                    _scene_before(weights, surfaced[: m.start()], concept)


# Literals: one pass. The thing missing sits right before 不存在 and right after 找不到.
_MISSING_RE = re.compile("不存在|找不到|没找到|查不到")
_MISSING_REACH = 8  # characters either side
_WHERE_ENDS = ("里", "中", "内", "下", "里面", "里边")
# Things a cloud keeps that can go missing (not 实例's status or an action).
_THINGS = frozenset(IMPLIED_PRODUCTS) | CLOUD_THINGS | {"vpc", "vswitch", "publicip", "zone", "region", "rule"}


def _scene_before(weights: dict[str, float], before: str, missing: str) -> None:
    """Weigh down the things named only before the missing one's last mention in ``before``."""
    for k in range(1, min(_MISSING_REACH, len(before)) + 1):
        if missing in concepts_in(before[-k:])[0]:
            head = before[:-k]
            break
    else:
        return
    for other in set(concepts_in(head)[0]) & _THINGS - {missing} - set(concepts_in(before[-k:])[0]):
        if _CONCEPT_TERM + other in weights:
            weights[_CONCEPT_TERM + other] *= tuning.MEANING_BESIDE_MISSING


def _place_before(text: str) -> str:
    """The place named just before 里 ("…是桶", "bucket"): a Latin word whole, or the last few
    Chinese characters (the run before them says what happened, not where)."""
    words = text.split()
    if not words:
        return ""
    return words[-1] if words[-1].isascii() else words[-1][-_PLACE_REACH:]


def _looked_in(weights: dict[str, float], where: str, rest: str) -> None:
    """Weigh down the concepts named only in ``where`` (where the missing thing was looked
    for), not in the ``rest`` of the question: they are not what went missing."""
    for concept in set(concepts_in(where)[0]) - set(concepts_in(rest)[0]):
        term = _CONCEPT_TERM + concept
        if term in weights:
            weights[term] *= tuning.MEANING_LOOKED_IN


def _identity(terms: list[str]) -> list[str]:
    return terms


def _text_of(row: CloudError) -> tuple[str, str, str, str]:
    # S3's English wording (s3_wording.toml) is matched as a message pasted, not read for
    # meaning: its words ("specified", "key") would tip the retellings the tables were tuned on.
    return (row.error_code, row.message_zh, row.table_message_en, row.seed_message)


def _name_text(code: str) -> tuple[str, str, str, str]:
    return (code, "", "", "")


def distinct_texts(rows: Iterable[CloudError]) -> list[tuple[str, str, str, str]]:
    """Each row's text, once, in the order of the rows; then each code's name alone, as
    a text of its own (the same as a row's that has no message)."""
    rows = list(rows)
    texts = dict.fromkeys(map(_text_of, rows))
    texts.update(dict.fromkeys(_name_text(row.error_code) for row in rows))
    return list(texts)


def document_terms(text: tuple[str, str, str, str]) -> list[str]:
    """A row's index terms (without its product): its code words and messages, read as the
    vendor wrote them, without the advice a message ends with ("…不匹配。（1）可登录短信控制台，
    核查…": where to look is no part of what went wrong)."""
    code, message_zh, *rest = text
    if (m := _ADVICE_RE.search(message_zh)) is not None:
        message_zh = message_zh[: m.start() + 1]
    return _terms(surface(" ".join((code, message_zh, *rest)), vendor=True))[0]


# A sentence of advice after the error's own ("。（1）可登录…", "。请检查…", "。若存在疑问…").
_ADVICE_RE = re.compile(r"[。；;]\s*(?:（1）|\(1\)|可登录|登录|若存在疑问|如有疑问|详情请|具体请)")


# Reading the tables' ~2,300 distinct texts is ~60 ms of start-up (surface forms and concept
# matching); their terms are generated once into this file (``scripts/generate_meaning_terms.py``,
# and tests/test_cloud_meaning_terms.py checks it is current). It is used only when its fingerprint
# matches: the texts themselves, in order, and the code and Unicode tables that read them, so
# any edit to the tables or to this reading makes the index read the texts itself again.
TERMS_FILE = Path(__file__).with_name("_meaning_terms.txt")
_READERS = ("concepts.py", "meaning.py")


def terms_fingerprint(texts: Iterable[tuple[str, str, str, str]]) -> str:
    digest = hashlib.sha256()
    digest.update(f"unicode {unicodedata.unidata_version}\n".encode())  # NFKC and lower case
    for name in _READERS:
        digest.update(Path(__file__).with_name(name).read_bytes())
    for text in texts:
        digest.update("\x1f".join(text).encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()


def stored_terms(texts: list[tuple[str, str, str, str]]) -> list[list[str]] | None:
    """The generated terms of ``texts``, or None if the file is missing, unreadable or not
    made from exactly these texts by this code."""
    try:
        lines = TERMS_FILE.read_text(encoding="utf-8").split("\n")
        if len(lines) != len(texts) + 2 or lines[-1] or lines[0] != terms_fingerprint(texts):
            return None
    except (OSError, UnicodeDecodeError):  # no file, or no sources to fingerprint: read the texts
        return None
    # Each line's terms shared as it is split: the file repeats them line after line, and
    # this runs at start-up's peak (the indexes built so far are all held).
    return [shared_all(line.split(" ")) if line else [] for line in lines[1:-1]]


def generated_terms(texts: list[tuple[str, str, str, str]]) -> str:
    """The file's text: the fingerprint, then each text's terms on its own line."""
    rows = (" ".join(document_terms(text)) for text in texts)
    return "\n".join([terms_fingerprint(texts), *rows, ""])
