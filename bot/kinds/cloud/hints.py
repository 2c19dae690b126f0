"""Which provider, product and HTTP status a question names (阿里云 OSS, huawei, 403 ...).

Linear: all the words are one alternation of literals, tried at each position in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.core import domain
from bot.core.cache import TextCache
from bot.core.text import fold, places

# Hint words, matched on fold()ed text. Latin words need word boundaries ("ram" in "param").
# The SDKs' package and exception names too: a pasted traceback names its cloud that way.
_PROVIDER_WORDS = {
    "aliyun": (
        "阿里云", "阿里巴巴", "阿里", "aliyun", "alibaba", "alicloud", "aliyuncs",
        "aliyunsdkcore", "aliyunsdk", "alibabacloud", "alibaba cloud",
    ),
    "huaweicloud": (
        "华为云", "华为", "huaweicloud", "huawei", "huawei cloud", "hwcloud", "myhuaweicloud",
        "huaweicloudsdkcore", "huaweicloudsdk", "huaweiyun",  # the last typed in pinyin
        "hcloud", "koocli",  # its command-line tool (KooCLI), run as hcloud
    ),
    "tencentcloud": (
        "腾讯云", "腾讯", "tencentcloud", "tencent", "tencent cloud", "qcloud", "tencentcloudapi",
        "tencentcloudsdkexception", "tencentcloudsdk", "tengxunyun",  # the last typed in pinyin
        "tencentcloudsdkhttpexception",  # the Node SDK's exception
        "tencentcloudsdkerror",  # the Go SDK's ("[TencentCloudSDKError] Code=…")
        "response.error",  # API 3.0's error object, retold ("返回的 Response.Error 说…")
        "tccli",  # its command-line tool
    ),
}
# Product words → (provider, product) pairs; a product sold by one provider implies it.
_PRODUCT_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "ecs": (("aliyun", "ECS"), ("huaweicloud", "ECS")),
    "云服务器": (("aliyun", "ECS"), ("huaweicloud", "ECS"), ("tencentcloud", "CVM")),
    "slb": (("aliyun", "SLB"),),
    "负载均衡": (("aliyun", "SLB"),),
    "oss": (("aliyun", "OSS"),),
    # The OSS SDK and CLI name it in a pasted traceback ("oss2.exceptions.NoSuchKey", "ossutil cp").
    "oss2": (("aliyun", "OSS"),),
    "ossutil": (("aliyun", "OSS"),),
    "obsutil": (("huaweicloud", "OBS"),),  # Huawei OBS's own CLI, as ossutil is Aliyun OSS's
    # Their SDKs' exception and client classes in a pasted trace ("ObsException: status:404,
    # errorCode:NoSuchKey", "com.aliyun.oss.OSSException"): S3's codes, which cloud's.
    "obsexception": (("huaweicloud", "OBS"),),
    "obsclient": (("huaweicloud", "OBS"),),
    "ossexception": (("aliyun", "OSS"),),
    "ossclient": (("aliyun", "OSS"),),
    # Aliyun SMS's API and SDK name (Dysmsapi, aliyun-python-sdk-dysmsapi).
    "dysms": (("aliyun", "SMS"),),
    "dysmsapi": (("aliyun", "SMS"),),
    # The send call of both SMS APIs (Aliyun's SendSms / SendBatchSms, Tencent's SendSms).
    "sendsms": (("aliyun", "SMS"), ("tencentcloud", "SMS")),
    "sendbatchsms": (("aliyun", "SMS"),),
    # An SMS signature or template is a cloud SMS service's thing (its review, its variables).
    "短信签名": (("aliyun", "SMS"), ("tencentcloud", "SMS")),
    "短信模板": (("aliyun", "SMS"), ("tencentcloud", "SMS")),
    # Aliyun SMS's own request fields ("TemplateParam 传了个空的 {}").
    "templateparam": (("aliyun", "SMS"),),
    "templatecode": (("aliyun", "SMS"),),
    # Tencent CVM's own API actions (Aliyun's are singular: ModifyInstanceAttribute).
    "resetinstancespassword": (("tencentcloud", "CVM"),),
    "terminateinstances": (("tencentcloud", "CVM"),),
    "modifyinstancesattribute": (("tencentcloud", "CVM"),),
    # Tencent SMS's own request and response fields ("SendStatusSet 里 Code 不是 Ok").
    "sendstatusset": (("tencentcloud", "SMS"),),
    "smssdkappid": (("tencentcloud", "SMS"),),
    "phonenumberset": (("tencentcloud", "SMS"),),
    "templateparamset": (("tencentcloud", "SMS"),),
    "对象存储": (("aliyun", "OSS"), ("huaweicloud", "OBS")),
    "ram": (("aliyun", "RAM"),),
    "sts": (("aliyun", "RAM"),),
    "obs": (("huaweicloud", "OBS"),),
    "apig": (("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")),
    "api网关": (("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")),
    # Folding keeps the space typed between Latin and Chinese ("API 网关").
    "api 网关": (("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")),
    "api gateway": (("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")),
    "cvm": (("tencentcloud", "CVM"),),
    "clb": (("tencentcloud", "CLB"),),
    "cbs": (("tencentcloud", "CBS"),),
    "云硬盘": (("tencentcloud", "CBS"),),
    # Huawei's block storage (Elastic Volume Service), whose errors are its ECS API's here.
    "evs": (("huaweicloud", "ECS"),),
    # Of the clouds here, only Huawei's (OpenStack-based) APIs call an instance type a flavor,
    # name a server's fields adminPass, imageRef and flavorRef, and its resource cloudServers
    # ("ecs:cloudServers:delete"); 弹性云服务器 is its ECS's own Chinese name.
    "flavor": (("huaweicloud", "ECS"),),
    "flavorref": (("huaweicloud", "ECS"),),
    "imageref": (("huaweicloud", "ECS"),),
    "adminpass": (("huaweicloud", "ECS"),),
    "cloudservers": (("huaweicloud", "ECS"),),
    "弹性云服务器": (("huaweicloud", "ECS"),),
    # Tencent's agent that runs commands on its machines (TAT).
    "自动化助手": (("tencentcloud", "CVM"),),
    # The errors every API of a cloud shares, asked for by that name.
    "公共错误码": (("aliyun", "公共错误码"), ("tencentcloud", "公共错误码")),
}


def _alternation(words: Iterable[str]) -> str:
    """Longest first; Latin words whole ("ram" is not in "param"), one look-behind for all of
    them; a look-ahead on the first characters lets the engine skip most positions."""
    ordered = sorted(words, key=len, reverse=True)
    latin = "|".join(re.escape(w) for w in ordered if w.isascii())
    other = "|".join(re.escape(w) for w in ordered if not w.isascii())
    first = re.escape("".join(sorted({w[0] for w in ordered})))
    return rf"(?=[{first}])(?:(?<![a-z0-9])(?:{latin})(?![a-z0-9])|{other})"


# Everyday names of a thing that one cloud's product is also called by.
_EVERYDAY_NAMES = frozenset({"负载均衡"})
_ALL_WORDS = [w for ws in _PROVIDER_WORDS.values() for w in ws] + list(_PRODUCT_WORDS)
HINT_RE = re.compile(_alternation(_ALL_WORDS))
# Product words that are also the everyday noun for the thing (云服务器 is an instance, 云硬盘
# a disk): the meaning tier reads them as words of the question too, not only as hints.
_NOUN_PRODUCTS = frozenset(
    {"云服务器", "云硬盘", "自动化助手", "flavor", "evs", "flavorref", "imageref", "adminpass", "cloudservers", "弹性云服务器"}
)
NAME_RE = re.compile(_alternation(w for w in _ALL_WORDS if w not in _NOUN_PRODUCTS))
# Every word at every position, overlaps included ("华为云服务器" names 华为云 and 云服务器): at
# one position only words of one meaning can start (none is a prefix of another's).
_EVERY_RE = re.compile(f"(?=({_alternation(_ALL_WORDS)}))")
_PROVIDER_OF = {w: p for p, ws in _PROVIDER_WORDS.items() for w in ws}
# The same words anywhere, edges or not: a quick test that a text holds none of them.
HINT_WORDS_RE = re.compile("|".join(map(re.escape, sorted(set(_ALL_WORDS)))))

# A provider named by one of its own names (on folded text): not implied by a product word.
PROVIDER_NAME_RE = re.compile("|".join(re.escape(w) for ws in _PROVIDER_WORDS.values() for w in ws))
# The names holding no other (aliyuncs holds aliyun): a text holds a provider name exactly
# when it holds one of these.
_PROVIDER_ROOTS = tuple(
    w for ws in _PROVIDER_WORDS.values() for w in ws if not any(o != w and o in w for os in _PROVIDER_WORDS.values() for o in os)
)
_ROOTS_FROM = 256  # characters: a shorter text is searched faster by the pattern


def names_provider(folded: str) -> bool:
    """``PROVIDER_NAME_RE.search(folded) is not None``. On a long text by ``str`` scans in C of
    the few names holding no other: the alternation stopped at every a, h, t and q of a paste
    (4 KB ~40 → ~23 µs)."""
    if len(folded) < _ROOTS_FROM:
        return PROVIDER_NAME_RE.search(folded) is not None
    return any(w in folded for w in _PROVIDER_ROOTS)
# Product names proper (ECS, OSS ...), not everyday words that also name one (负载均衡,
# 云服务器): HTTP talk uses those too. Matched on lower-cased text, whole words.
NAMED_PRODUCT_RE = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(sorted((re.escape(w) for w in _PRODUCT_WORDS if w.isascii()), key=len, reverse=True))
    + r")(?![a-z0-9])"
)


def named_products(folded: str) -> set[tuple[str, str]]:
    """The (provider, product) pairs named by a product's own name (ECS, OSS, APIG ...) in a
    folded text; 负载均衡 or 云服务器 name none."""
    return {pair for m in NAMED_PRODUCT_RE.finditer(folded) for pair in _PRODUCT_WORDS[m.group()]}


# The look-behind after the first digit, not before it: a pattern that starts with a
# character class lets the engine skip to the next [1-5] in C (~3× faster on 4 KB).
# A number glued to letters after it is a size or a time ("406gb", "500ms"), not a status.
_STATUS_RE = re.compile(r"([1-5](?<![0-9][1-5])[0-9]{2})(?![0-9A-Za-z])")


@dataclass(frozen=True, slots=True)
class Hints:
    providers: frozenset[str] = frozenset()
    products: frozenset[tuple[str, str]] = frozenset()
    statuses: frozenset[int] = frozenset()
    # Products the question implies without naming them (bucket → OSS/OBS): they pick
    # among a code's variants, and add no score.
    implied: frozenset[tuple[str, str]] = frozenset()
    # API actions typed (lower case, "runinstances"): their documented errors come first.
    apis: frozenset[str] = frozenset()
    # API actions told in words ("创建实例"): a preference among rows that document actions.
    actions: frozenset[str] = frozenset()
    # Parameter names typed in CamelCase that codes carry ("RoleArn"), lower case: a preference
    # among rows that read alike for the codes that name them.
    fields: frozenset[str] = frozenset()
    # Products answered only when asked about (see NAMED_ONLY) that the question opens.
    opened: frozenset[tuple[str, str]] = frozenset()
    # Those of them named by their own names ("RDS", not 数据库 or 密钥) when no other product
    # is named: the product called, not part of the story ("RAM 里建的 AK", "导出镜像到 COS").
    asked: frozenset[tuple[str, str]] = frozenset()
    # With no cloud named, the clouds of the products named by their own names (ECS: Aliyun's
    # and Huawei's): a reading by meaning looks among their rows alone.
    clouds: frozenset[str] = frozenset()


def _roots(words: Iterable[str]) -> tuple[str, ...]:
    """The fewest of ``words`` that start every one of them (aliyun and aliyuncs: aliyun)."""
    roots: list[str] = []
    for word in sorted(words, key=len):
        if not any(word.startswith(root) for root in roots):
            roots.append(word)
    return tuple(roots)


# Every word starts with one of these; on ASCII text only the ASCII words can occur.
_ROOTS = _roots(_ALL_WORDS)
_ASCII_ROOTS = _roots(w for w in _ALL_WORDS if w.isascii())
_FIND_FROM = 300  # characters: shorter texts are scanned faster by HINT_WORDS_RE


def _words_in(folded: str) -> set[str]:
    """``{m.group(1) for m in _EVERY_RE.finditer(folded)}``, tried only where a word starts.

    _EVERY_RE is a look-ahead, so the engine tries it at every position of the text (~0.1 ms
    on 4 KB); HINT_WORDS_RE, plain literals, jumps in C to the next position where one of
    the same words starts, and no other position can match. Each search starts one past the
    last, so overlapping words are all seen: linear in the text.
    """
    found: set[str] = set()
    search, at = HINT_WORDS_RE.search, _EVERY_RE.match
    if len(folded) > _FIND_FROM:
        # A long log, trace or message: HINT_WORDS_RE stops at every common letter (a, e, s,
        # o ...) to try the whole alternation there (~0.15 ms on 2 KB, ~0.2 ms on a 4 KB mixed
        # paste); str.find of each root runs in C (~25 µs on a 2 KB trace, ~75 µs on 4 KB
        # with Chinese), and a word can start only where one of them does.
        for start in places(folded, _ASCII_ROOTS if folded.isascii() else _ROOTS):
            word = at(folded, start)
            if word is not None:
                found.add(word.group(1))
        return found
    m = search(folded)
    while m is not None:
        start = m.start()
        word = at(folded, start)
        if word is not None:
            found.add(word.group(1))
        m = search(folded, start + 1)
    return found


_QUANTITY_CHECKED = 512  # characters
# A long paste opens a NAMED_ONLY product by the codes it holds (CloudIndex), not by its words.
_OPENED_CHECKED = 1000  # characters


# A resource ID pasted with its provider's own prefix ("ins-8xk2abcd" is a Tencent CVM instance,
# "vsw-2zeabc123" an Aliyun vSwitch, "i-bp1f2x…" an Aliyun instance by its region's letters)
# names the product as its name would. Prefixes other clouds share (vpc-, sg-, subnet-) name a
# cloud by their shape: Tencent's IDs are the prefix and exactly eight letters or digits
# ("sg-5ty0abcd", "subnet-8f3kabcd"), Aliyun's start with the region's letters and run to about
# twenty ("sg-bp1fg655nh68xyz9i4e5"). Bounded: a match is at most ~40 characters, no repeated group.
_ID_PRODUCTS = {
    "ins": ("tencentcloud", "CVM"),
    "skey": ("tencentcloud", "CVM"),
    "img": ("tencentcloud", "CVM"),
    "disk": ("tencentcloud", "CBS"),
    "vsw": ("aliyun", "ECS"),
    "i": ("aliyun", "ECS"),
}
_IDS_CHECKED = 512  # characters
_ALIYUN_REGION_LETTERS = r"(?:bp|2z|uf|wz|m5|t4|j6|8v|hp|gw)"
_RESOURCE_ID_RE = re.compile(
    r"(?<![a-z0-9_-])(?:"
    rf"(ins|skey|img|disk|vsw|i(?=-{_ALIYUN_REGION_LETTERS}[a-z0-9]))-[a-z0-9]{{3,32}}"
    rf"|(?:sg|vpc)-{_ALIYUN_REGION_LETTERS}[a-z0-9]{{10,30}}"  # Aliyun's, by its length
    r"|(sg|vpc|subnet|eni)-[a-z0-9]{8}"  # Tencent's
    r")(?![a-z0-9_.-])"
)


# Instance types, each cloud spelling them its own way: Aliyun's "ecs.g7.2xlarge", Tencent's
# "S5.LARGE8" (memory glued to the size), Huawei's "c7.xlarge.4". Literal- or class-led, bounded.
_SIZE = r"(?:small|medium|large|[0-9]{0,2}xlarge)"
_INSTANCE_TYPE_RE = re.compile(
    r"(?<![a-z0-9_.-])(?:"
    r"(ecs)\.[a-z][a-z0-9-]{0,15}\.[a-z0-9]{4,12}"
    rf"|[a-z]{{1,3}}[0-9]{{1,2}}[a-z]{{0,2}}\.{_SIZE}(?:([0-9]{{1,3}})|\.([0-9]{{1,2}}))"
    r")(?![a-z0-9_.-])"
)


def _type_product(m: re.Match[str]) -> tuple[str, str]:
    aliyun, tencent = m.group(1, 2)
    if aliyun is not None:
        return ("aliyun", "ECS")
    return ("tencentcloud", "CVM") if tencent is not None else ("huaweicloud", "ECS")


def _id_product(m: re.Match[str]) -> tuple[str, str]:
    prefix, tencent = m.group(1, 2)
    if prefix is not None:
        return _ID_PRODUCTS[prefix]
    return ("tencentcloud", "CVM") if tencent is not None else ("aliyun", "ECS")


# Region IDs each cloud spells its own way: Huawei's by compass points ("cn-north-4"), Tencent's
# under ap- with a city ("ap-guangzhou"), Aliyun's cn- with a city ("cn-hangzhou"). A literal
# after one look-behind, then bounded alternations.
_REGION_IDS = (
    ("huaweicloud", re.compile(r"(?<![a-z0-9-])cn-(?:north|east|south|southwest|northeast|northwest)-[0-9]{1,2}(?![a-z0-9])")),
    (
        "tencentcloud",
        re.compile(r"(?<![a-z0-9-])ap-(?:guangzhou|shanghai|beijing|chengdu|chongqing|nanjing|hongkong|shenzhen-fsi|shanghai-fsi)(?![a-z0-9])"),
    ),
    (
        "aliyun",
        re.compile(r"(?<![a-z0-9-])cn-(?:hangzhou|shanghai|beijing|shenzhen|qingdao|zhangjiakou|huhehaote|wulanchabu|heyuan|hongkong)(?![a-z0-9])"),
    ),
)


def _named_by_ids(folded: str) -> tuple[set[tuple[str, str]], set[str]]:
    """The (provider, product) pairs a text's resource IDs name and the providers its region IDs
    name: a question's IDs, not a long paste's (~30 µs a 4 KB log), whose cloud names itself
    otherwise."""
    if len(folded) > _IDS_CHECKED:
        return set(), set()
    products = {_type_product(m) for m in _INSTANCE_TYPE_RE.finditer(folded)} if "." in folded else set()
    if "-" not in folded:
        return products, set()
    products |= {_id_product(m) for m in _RESOURCE_ID_RE.finditer(folded)}
    regions = (
        {provider for provider, pattern in _REGION_IDS if pattern.search(folded) is not None}
        if "cn-" in folded or "ap-" in folded
        else set()
    )
    return products, regions


def named_by_id(folded: str) -> bool:
    """Does a folded text name its cloud by a resource ID or a region ID of that cloud's own
    spelling ("ins-8xk2abcd", "cn-north-4")? As plainly as by the cloud's name."""
    return any(_named_by_ids(folded))


# Products whose tables came after the readings were tuned (session 30: Aliyun RDS, KMS and CDN,
# Tencent COS, Huawei VPC; session 38: Aliyun Alidns). Their codes and words overlap the older
# products' (COS has a Redirect and an ExpiredToken, RDS "指定的实例不存在"), and a row of a
# product nobody mentioned is a worse answer than one of the product asked about: their rows take
# part only when the question opens them, by one of these words, by typing one of their codes or
# by naming one of their API actions (CloudIndex). A word every cloud uses ("cdn", "vpc", "子网")
# opens its product only with the provider named too; any word, only when no other provider is
# named.
NAMED_ONLY: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    # product → (words that open it alone, words that open it with its provider named)
    ("aliyun", "RDS"): (("rds", "云数据库"), ("数据库实例", "数据库")),
    ("aliyun", "KMS"): (("kms", "密钥管理服务", "凭据管家"), ("密钥", "凭据")),
    ("aliyun", "CDN"): ((), ("cdn", "加速域名", "回源")),
    # Aliyun's DNS service (session 38): its API's own name, or DNS records with Aliyun named.
    ("aliyun", "Alidns"): (("alidns", "云解析"), ("解析记录", "dns 记录", "dns记录", "域名解析")),
    # The COS SDKs' exceptions name it too (CosServiceError, CosClientError, CosServiceException).
    ("tencentcloud", "COS"): (
        ("cos", "coscmd", "coscli", "cos-python-sdk", "cosserviceerror", "cosclienterror", "cosserviceexception"),
        ("bucket", "存储桶", "对象存储", "桶", "object"),
    ),
    ("huaweicloud", "VPC"): ((), ("vpc", "虚拟私有云", "子网", "对等连接", "弹性公网ip", "eip")),
    # Session 39: serverless functions and Tencent's MySQL and CDN, from their SDKs' error lists
    # and Function Compute's error-code pages.
    ("aliyun", "FC"): (("函数计算", "aliyun fc", "fc3", "fc2"), ("fc", "函数", "function")),
    ("tencentcloud", "SCF"): (("scf", "云函数"), ("函数", "function", "命名空间", "namespace")),
    ("tencentcloud", "CDB"): (("cdb", "云数据库 mysql", "云数据库mysql"), ("云数据库", "mysql", "数据库实例")),
    ("tencentcloud", "CDN"): ((), ("cdn", "加速域名", "回源", "刷新缓存", "预热")),
    # Session 40: Tencent's VPC (its EIPs, subnets, security groups), from its SDK's error list.
    ("tencentcloud", "VPC"): (
        (),
        ("vpc", "私有网络", "子网", "网段", "弹性公网ip", "eip", "安全组", "路由表", "nat 网关", "nat网关", "对等连接", "弹性网卡"),
    ),
}


def named_only_products(rows: Iterable[Any]) -> list[tuple[str, str] | None]:
    """Each row's (provider, product) when it is one of NAMED_ONLY, else None."""
    return [(row.provider, row.product) if (row.provider, row.product) in NAMED_ONLY else None for row in rows]


_OPENING: dict[str, list[tuple[tuple[str, str], bool]]] = {}
for _pair, (_alone, _with_provider) in NAMED_ONLY.items():
    for _word in _alone:
        _OPENING.setdefault(_word, []).append((_pair, False))
    for _word in _with_provider:
        _OPENING.setdefault(_word, []).append((_pair, True))
_OPENING_RE = re.compile(_alternation(_OPENING))
# The opening words that are products' names, not things their messages talk about (the
# product's own name and its tools', "cos", "coscmd"; not "bucket" or "子网"): taken out of a
# question before its words are compared with messages, as the product names above are.
_GATED_NAMES = sorted(
    {
        word
        for (_, product), (alone, with_provider) in NAMED_ONLY.items()
        for word in (*alone, *with_provider)
        if word.isascii() and word.isalnum() and word.startswith(product.lower())
    },
    key=lambda word: (-len(word), word),
)
GATED_NAME_RE = re.compile(rf"(?<![a-z0-9])(?:{'|'.join(map(re.escape, _GATED_NAMES))})(?![a-z0-9])")
_GATED_NAMED = {
    word: pair for pair, (alone, with_provider) in NAMED_ONLY.items() for word in (*alone, *with_provider) if word in _GATED_NAMES
}


def _asked(folded: str, opened: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The products of ``opened`` that a folded text names by their own names."""
    return frozenset(pair for m in GATED_NAME_RE.finditer(folded) if (pair := _GATED_NAMED[m.group()]) in opened)


# Product words of a service every cloud runs under the same name: the tables have Aliyun's.
_EVERY_CLOUDS = frozenset({"sts"})


def _opened(folded: str, providers: set[str]) -> frozenset[tuple[str, str]]:
    """The NAMED_ONLY products a folded text opens, given the providers it names."""
    opened = set()
    for m in _OPENING_RE.finditer(folded):
        for pair, needs_provider in _OPENING[m.group()]:
            if pair[0] in providers or not (needs_provider or providers):
                opened.add(pair)
    return frozenset(opened)


# A word that starts with a cloud's brand and goes on (policy names: QcloudCOSDataReadOnly,
# AliyunOSSReadOnlyAccess). Literal-led, bounded.
_BRANDS = {"qcloud": "tencentcloud", "aliyun": "aliyun"}
_BRANDED_RE = re.compile(r"(?<![a-z0-9])(qcloud|aliyun)[a-z0-9]{4,40}(?![a-z0-9])")


def _provider_hints(text: str) -> Hints:
    """Providers, products and status codes named in ``text``."""
    named: set[str] = set()  # providers named by name
    providers: set[str] = set()
    products: set[tuple[str, str]] = set()
    folded = fold(text)
    shared: set[tuple[str, str]] = set()  # products named by a word every cloud uses ("sts")
    generic: set[tuple[str, str]] = set()  # named by the thing's everyday name (负载均衡)
    for word in _words_in(folded):
        if word in _PROVIDER_OF:
            named.add(_PROVIDER_OF[word])
        elif word in _EVERY_CLOUDS:
            shared.update(_PRODUCT_WORDS[word])
        elif word in _EVERYDAY_NAMES:
            generic.update(_PRODUCT_WORDS[word])
        else:
            pairs = _PRODUCT_WORDS[word]
            products.update(pairs)
            if len({p for p, _ in pairs}) == 1:  # a product sold by one provider names it
                providers.add(pairs[0][0])
    if generic and not {p for p, _ in products} - {p for p, _ in generic}:
        # "CLB 绑定后端服务器，提示负载均衡实例ID错误": beside another cloud's load balancer named by
        # its own name, 负载均衡 is the thing, not Aliyun's SLB.
        products |= generic
        providers.update(p for p, _ in generic)
    if ("qcloud" in folded or "aliyun" in folded) and (m := _BRANDED_RE.search(folded)) is not None:
        # A system policy or SDK name run into one word (QcloudCVMReadOnlyAccess,
        # AliyunECSFullAccess): its cloud is named.
        named.add(_BRANDS[m.group(1)])
    if shared and not named:
        # "cos-python-sdk 报 SignatureDoesNotMatch，用的是 STS 临时密钥", "用 STS 临时密钥调 CVM 接口":
        # another cloud's own product names that cloud; its STS is not Aliyun's.
        theirs = set(providers)
        if not theirs and len(folded) <= _OPENED_CHECKED:
            theirs = {p for p, _ in _opened(folded, providers)}
        if theirs - {p for p, _ in shared}:
            shared = set()
    products |= shared
    providers.update(p for p, _ in shared)
    by_id, regions = _named_by_ids(folded)
    products |= by_id
    providers.update(provider for provider, _ in by_id)
    named |= regions
    if named and products:
        # "华为云建云硬盘失败": with a provider named, a product word another provider also
        # uses (云硬盘 is Tencent's CBS too) is that provider's product, not a second cloud.
        products, providers = {pair for pair in products if pair[0] in named}, set()
    providers |= named
    # A number read as a count or a size ("存了 350 TB", "账单 307 元") is no status returned; in a
    # long paste (a log's numbers by the hundred) that reading is skipped.
    short = len(folded) <= _QUANTITY_CHECKED
    statuses = {
        int(m.group(1))
        for m in _STATUS_RE.finditer(folded)
        if 100 <= int(m.group(1)) <= 599 and not (short and domain.is_quantity(folded, m.start(1), m.end(1)))
    }
    opened = _opened(folded, providers) if len(folded) <= _OPENED_CHECKED else frozenset()
    asked = _asked(folded, opened) if opened and not products else frozenset()
    if asked and not providers:
        # "COS 上传对象 403 Access Denied": a product asked about by its own name is its cloud's.
        providers = {provider for provider, _ in asked}
    # No cloud named, but products by their own names ("ECS StopInstance 报…"): those products'
    # clouds are the ones the words are about.
    clouds = frozenset(provider for provider, _ in products) if not providers else frozenset()
    return Hints(
        frozenset(providers), frozenset(products), frozenset(statuses), opened=opened, asked=asked, clouds=clouds
    )


# The search, the weighing and the seed check each ask about the same text (within one
# question: a question asked again is answered by the service's answer cache).
provider_hints = TextCache(_provider_hints, max_chars=256_000, max_entries=64)
