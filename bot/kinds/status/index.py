"""The status kind's indexes and tiers: typed codes and classes, names and aliases, log
signatures, typos and word overlap with each entry's own texts (the pycountry way: load
once, index, look up in tiers, cheapest and most certain first).

Worst case: linear in the query (which the resolver has cut to 4,096 characters). The
patterns are alternations of literals or single character classes with bounded
look-arounds; the substring and word indexes look each position or word up once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.core import domain, pinyin, tuning
from bot.core.domain import technical_terms
from bot.core.kind import IDENTIFIER_TYPED, LAST_RESORT, Query
from bot.core.match import Match, Mode, Resolution
from bot.core.pinyin import cjk_count
from bot.core.sounds import Respeller
from bot.core.symptoms import VAGUE, SymptomIndex
from bot.core.text import negated_apart, normalize, without_fillers
from bot.kinds.status.model import COMMON_CODES, StatusData, StatusEntry
from bot.retrieval.bm25 import BM25
from bot.retrieval.textindex import Choice, GramIndex, RatioKeys, SubstringIndex, grams, one_word

# A three-digit number standing alone: not part of a longer number, a word, a decimal
# version, an IP address or a time. Digits may touch Chinese characters ("429是什么"),
# and IIS sub-statuses ("500.19") still count as their main code.
# A colon before the number only when no word or number sits against it: "状态码：405" (folded to
# ":"), not a port ("localhost:405") or a time ("12:30:405"). The look-behinds come after the
# first digit (reaching one character further back), so the pattern starts with a character
# class and the engine skips to the next [1-5] in C: ~3× faster on a 4 KB paste.
# An English plural ("getting 429s", "a wave of 502s") is the code too: an "s" then no word character.
_CODE_RE = re.compile(
    r"([1-5](?<![0-9A-Za-z.#*_\-][1-5])(?<![0-9A-Za-z.:#*_\-]:[1-5])\d\d)"
    r"(?![0-9A-Za-rt-z_\-]|s[0-9A-Za-z_\-]|\.\d+\.|:\d)"
)
# A status field written against its colon or equals sign (literal-led, fixed width: linear).
_STATUS_FIELD_RE = re.compile(r"(?<![a-z])(?:http_?)?status(?:_?code)?[:=]([1-5][0-9]{2})(?![0-9])")
# A plural's cue right before it ("getting 429s", "lots of 502s"); "after 500s" is a time.
_PLURAL_CUES = (
    *("lots of", "tons of", "bunch of", "wave of", "spike of", "spike in", "a few", "some", "many", "more", "all"),
    *("seeing", "see", "getting", "get", "got", "throwing", "throws", "returning", "returns"),
    *("only", "random", "occasional", "intermittent", "constant"),
)
_PLURAL_REACH = 16  # characters before the number the cue is looked for in


def _plural_cued(folded: str, start: int, end: int) -> bool:
    """A code written as an English plural ("429s") only after a word that counts or sees them."""
    before = folded[max(0, start - _PLURAL_REACH) : start].rstrip()
    return before.endswith(_PLURAL_CUES) or domain.cued_status(folded, start, end)


# A text that is nothing but a code, bare, after "HTTP " or after "状态码" (one space at most),
# with any whitespace around it: StatusIndex.exact answers it without reading it. Not "http503":
# a code run into a word is no code to the reading.
_BARE_CODE_RE = re.compile(r"(?:[hH][tT][tT][pP] |状态码 ?)?([1-5][0-9]{2})")
_BARE_CODE_MAX = 16  # characters, whitespace included: longer texts are read
# The look-behind after the digit (as in _CODE_RE): a pattern that starts with a character
# class lets the engine skip in C to the next digit 1-5; one that starts with a look-behind is
# tried at every position (~35 µs on 2 KB).
_CLASS_RE = re.compile(r"([1-5])(?<![0-9a-z][1-5])\s*(?:xx|\*\*|开头|字头)(?![0-9a-z])")
_LONG_NUMBER_RE = re.compile(r"(?<![0-9])([1-5])[0-9]{3,}(?![0-9])")  # four digits or more
# Asking for one member of a class ("标准里对应哪个 4xx", "兜底的那个 5xx 是多少"), not for the class.
_MEMBER_CUE_RE = re.compile(r"(?:哪个|哪一个|那个|一个|有个|某个)\s*$")
_MEMBER_MIN_LENGTH = 12  # normalised characters: "哪个 5xx" alone still lists the class
_MEMBER_ASK_RE = re.compile(r"哪个|哪一个|是几|是多少|具体多少|具体几|哪种|哪一种|什么码|啥码|什么状态|叫啥|叫什么|是\s?[?？]?\s?$")
_MEMBER_LATE_LENGTH = 24  # a description long enough that a later "是哪个" asks for one member
_MEMBER_SHORT_DESCRIPTION = 4  # Chinese characters before the class in a short one ("请求超时4xx是几")
_CLASS_SHORTLIST = 40  # whole-entry readings looked through for members of the class asked about
# Asking for a list: "有哪些", "都列出来", "所有".
# Any character pinyin.cjk_count counts.
_CJK_CHAR_RE = re.compile("[\u4e00-\u9fff]")
_LIST_CUE_RE = re.compile(r"哪些|哪几|几个|多少个|列出|列一下|列举|所有|全部|都有|一览|\blist\b|\ball\b")
# Any three digits standing alone, for removing codes the registry does not know. The look-
# behind follows the first digit (the same test of the character before it): leading, it was
# tried at every position (~50 µs a search of a 4 KB paste); led by a digit, only at digits.
_THREE_DIGITS_RE = re.compile(r"\d(?<!\d\d)\d{2}(?!\d)")
# A code named as the yardstick for another one that is asked for: "跟 301 一样是永久的，但不会
# 改方法的是哪个", "和 302 类似但保留方法的". Fixed-width gaps: no backtracking.
_YARDSTICK_RE = re.compile(r"(?:跟|和|与|同|像|比)\s?([1-5]\d\d)\s?(?:一样|类似|相似|差不多|很像|相比|不一样|不同)")
_CONTRAST_RE = re.compile(r"但|不过|可是|却|而是|只是")
# Comparisons that need no "but": "比 404 语义更明确的那个码", "和 404 有点像的".
_THAN_RE = re.compile(
    r"(?:比|不同于|区别于|有别于)[^，。,0-9]{0,4}?([1-5]\d\d)(?![0-9])|(?:跟|和|与|同)\s?([1-5]\d\d)\s?(?:有点像|有些像|挺像|相近|接近)"
)
# Codes named to rule them out or as the old value: "（不是 308）", "不是 100 也不是 101", "别用 404",
# "跟 401 的区别我老搞混", "默认回 503，…改成哪个码". Not "是不是 504", "不是 504 吗" (a guess).
# "(?<!是)(?:不是|并非|而非|不算|除了|除去|排除|不想|不愿|不打算|(?:别|不该|不要|不应该?)…)…" with
# every branch led by its first character and the look-behind after it ((?<!是不) there is
# (?<!是) before it): the engine skips in C to the next 不/并/而/除/排/别 instead of trying the
# look-behind at every position (4 KB: ~90 → ~50 µs). No two branches match at one place.
_NOT_CODE_RE = re.compile(
    r"(?:不(?<!是不)(?:是|算|想|愿|打算)|并(?<!是并)非|而(?<!是而)非|除(?<!是除)(?:了|去)|排(?<!是排)除"
    r"|(?:别(?<!是别)|不(?<!是不)(?:该|要|应该?))(?:再)?(?:用|回|返回))"
    r"[^，。,0-9]{0,4}?([1-5]\d\d)(?!\d)(?!\s?(?:吗|么|嘛|吧))"
)
_WRONG_ANSWER_RE = re.compile(
    r"(?:我说|我答|我回答|我猜|答了?|回答了?)\s?(?:是\s?)?([1-5]\d\d)(?!\d)[^。.0-9]{0,8}?(?:不对|错了|说错|答错|不是)"
    # "REST 接口回400感觉不太对，…更合适的是哪个码": a code sent and found wanting.
    r"|(?:回|返回|用)\s?([1-5]\d\d)(?!\d)[^。.0-9是]{0,4}?(?:不太对|不合适|不太合适|不对劲)"
    # "返回码有专门的吗？别跟我说 403，法务要…": a code waved off before it is offered.
    r"|(?:别跟我说|别说|不要说|别给我|别再给我|别再回|别再返回|不要再返回|不要再回)\s?([1-5]\d\d)(?!\d)"
    # "参数格式不对我返回了500，他说…应该返回客户端错误": a code one sent, then what should have been.
    r"|我[^，。,.0-9]{0,12}?(?:回|返回)了?\s?([1-5]\d\d)(?!\d)[^。.0-9]{0,40}?应该(?:返回|回|用)"
)
_TELL_APART_RE = re.compile(r"(?:跟|和|与|同)\s?([1-5]\d\d)\s?的?(?:区别|区分|不同|搞混|混淆|分不清|对比|相比|比较)")
# A typed code right before the comparison word: the two codes are compared with each other.
_PAIRED_RE = re.compile(r"(?<![0-9])[1-5][0-9]{2}\s?$")
# The code used today, when the text asks which one to use instead ("现在统一回 400，…该用哪个").
_CURRENT_RE = re.compile(
    r"(?:(?:现在|目前|一直|默认|统一|都是)\s?(?:都|统一|是)?\s?(?:回|返回|用|给)|(?:响应|返回的|回的|看到的|收到的)是|用的|用了)"
    r"\s?([1-5]\d\d)(?!\d)"
)
# A second code offered right after the first: "401 还是 403", "401 或 403".
_OR_CODE_RE = re.compile(r"\s?(?:还是|或者|或是|或|or)\s?[1-5]\d\d(?!\d)")
# Every branch led by a literal (the leading group written out per word), so the engine skips in C
# to where one may start: led by a group it was tried at every position (~64 → ~11 µs on 4 KB).
# The same does for _NUMBER_ASK_RE (~120 → ~11 µs) and _KEEPS_METHOD_RE, whose matches are the
# same (at any one position at most one word of each group written out can start).
_INSTEAD_RE = re.compile(
    "|".join(
        # Not "nginx 要改哪里": where to change a setting (哪里, 哪儿), not which code to send.
        [*(f"{w}(?:用|回|返回)?(?:哪(?![里儿])|几)" for w in ("该", "应该", "要", "得", "改", "换")), "应该换", "应该改", "该换成", "该改成", "换成专门"]
    )
)
# "返回 200 还是别的", "回啥？200 吗？": the code named is a guess the text asks about, and
# "同事说…要返回 409…标准上到底返回啥": someone's claim the text doubts.
_OR_ELSE_RE = re.compile(
    r"([1-5]\d\d)(?!\d)\s?(?:还是(?:别的|其他|其它|另外)|or (?:something|some other|another|a more))"
)
_GUESS_RE = re.compile(r"(?:回|返回|用)(?:啥|什么|哪个)[^。]{0,6}?([1-5]\d\d)(?!\d)\s?吗")
# A remark that doubts the code before it, and says nothing more ("我总觉得不对", "感觉不太对吧").
_DOUBT_REMARK_RE = re.compile(
    r"[\s,，。]*(?:但|可|可是|不过)?我?(?:总|一直|还是)?(?:觉得|感觉|认为|怀疑)(?:好像|似乎)?"
    r"(?:不对|不太对|有问题|不合适|不太合适|怪怪的)[\s吧啊呢。.!！?？🤔😂]*$"
)
_CLAIMED_RE = re.compile(r"(?:说|以为|觉得|认为)[^，。？?]{0,24}?([1-5]\d\d)(?!\d)")
# Asking for a number: "是多少", "是几号", "回几", "返回什么", "哪个码", "多少来着".
_NUMBER_ASK_RE = re.compile(
    "|".join(
        [
            "是(?:多少|几)",
            *(f"{w}(?:的是)?(?:多少|几|什么|啥)" for w in ("显示", "回", "返回", "报", "给")),
            *(f"{w}(?:状态)?码" for w in ("哪个", "啥", "什么", "那个")),
            "多少来着",
            "几号",
            *(f"{w}哪一?个" for w in ("是", "用", "回", "返回")),
            # "有没有专门表示“这个页面以前有、现在永久没了”的状态码": one described, asked for.
            "有没有[^，。？?!！]{0,30}?(?:状态码|的码)",
            # "Does 301 turn my POST into a GET? Which code keeps the method …": another one asked for.
            "which (?:http )?(?:status|code)",
        ]
    )
)
# What a number asked for is when it is not a code: "ingress-nginx 默认超时是多少来着", "重试次数
#给多少". An ask right after one of these asks for a setting.
_SETTING_WORDS = ("超时", "时间", "时长", "多久", "秒数", "大小", "上限", "下限", "限制", "阈值", "次数", "长度", "端口", "版本", "默认值")
_CLAUSE_END_RE = re.compile(r"[，。；！？：—…,;!?]+|\.{2,}")  # "……" folds to "......"
# Of several codes typed, the one an ask is about: "504 是啥", "应该返回 503 吧", "现在报的是 522"
# (not someone's claim, "测试说应该用 400", nor a change asked about, "302 改成 301 有什么影响").
# Two patterns, each led by a character (class) the engine skips to in C: as one alternation
# led by a look-behind it was tried at every position (~0.13 ms on 4 KB). Neither's matches
# can hide the other's codes (no 应/该/其/现 inside the first's, no digit but the code
# inside the second's), so the codes found are the same. The look-behind sits after the
# first character: (?<!说应) there is (?<!说) before it.
_FOCUS_ASKED_RE = re.compile(
    r"([1-5]\d\d)(?!\d)\s?(?:(?:到底|一般|通常|具体|又)?(?:是啥|是什么|是干啥|是干嘛|啥意思|什么意思|是表示|表示什么|代表什么|代表啥|是指|啥含义|什么含义"
    r"|什么时候用|啥时候用|何时用|用在哪)(?!区别|不同|差别|关系)|到底是|一般是|为啥|为什么|怎么会"
    # "…401 是没登录对吧": a claim about the code, checked; "408 是客户端慢还是服务端慢".
    r"|是[^，。,;；！？?]{1,12}?(?:对吧|对吗|是吧|还是|吗)"
    # "502 一般先查哪": where to look.
    r"|一般先查|先查哪|一般从哪|从哪查|怎么排查|正常吗"
    # "日志里看到 494，这是啥状态码": the code, then a pointer back to it.
    r"|[，,]\s?(?:这|那)个?(?:是啥|是什么|啥意思|什么意思))"
)
_OWN_SIDE = ("我这边", "我这里", "我们这边")  # one's own service, whose code is the one met
_FOCUS_SAID_RE = re.compile(
    r"(?:应(?<!说应)该|该(?<!说该)|其(?<!说其)实是|现(?<!说现)在报的是|现(?<!说现)在是|现(?<!说现)在返回的是|现(?<!说现)在又报|现(?<!说现)在又是|又(?<!说又)冒出来|出现的是|遇到的是|碰到的是|现(?<!说现)在全是|现(?<!说现)在都是|主要是|讲讲|说说|解释一下|解释下|介绍一下|介绍下|讲一下"
    # "…你们返回 403，前端只认 401，能统一成 401 吗": the code asked to change to; "502 和 504 有
    # 啥区别？我这边出现的是 504": the code met.
    r"|统一成|统一为"
    # "502 和 504 有啥区别，我这边返回的是 504": the code one's own service answers; "…503 是服务不
    # 可用不是网关的事，那我这个 504 到底该查谁": the one the asker has.
    + "".join(f"|{side}(?:返回的是|报的是|返回|报)" for side in _OWN_SIDE)
    + r"|我这个|我这是"
    + r")"
    r"\s?(?:回|返回|用|报)?\s?([1-5]\d\d)(?!\d)(?!\s?还是)"
)
_FOCUS_EN_RE = re.compile(
    r"(?<![a-z])(?:getting|get|got|seeing|see|returns|throws)\s(?:a |an |lots of |many |some |only |all )?([1-5]\d\d)s?(?![0-9a-z])"
)
_FOCUS_EN_WORDS = ("get", "seeing", "see ", "returns", "throws")  # what every _FOCUS_EN_RE match holds
_DOUBTED_ZH = ("对吗", "对不对", "错了吗", "是不是错", "合理吗", "合适吗", "有问题吗", "应不应该", "该不该")
_DOUBTED_EN = ("is that wrong", "is this wrong", "is it wrong", "is that right", "is this right", "is that correct", "should it be", "instead")
# A code the text is done with: "401 搞定了", "200 就不用解释了", "308 懂了".
_DONE_WITH_RE = re.compile(
    r"([1-5]\d\d)(?!\d)\s?(?:那个|的事|的问题)?\s?(?:就|已经|我)?\s?"
    r"(?:搞定了|解决了|懂了|明白了|知道了|不用解释了|不用说了|没问题了|修好了|没了|查到|查清|定位到|找到原因|都正常|正常(?!吗))"
    # "200 OK 我知道，…": the code (with its reason phrase) the asker already knows.
    r"|([1-5]\d\d)(?!\d)\s?[a-z ]{0,24}?我(?:知道|懂|会)"
)
# A code the asker already knows, said before another: "我知道 301 是永久的，那 302 呢".
_KNOWN_CODE_RE = re.compile(r"我(?:知道|懂|明白|了解)\s?([1-5]\d\d)(?!\d)\s?(?:是|就是|表示|代表|的意思是)")
# Asking which in English: "should my API answer 401 or 403?", "which one fits".
# Two patterns led by literals the engine skips to in C (one alternation led by a look-behind
# was tried at every position: ~0.17 ms on 4 KB). The first finds each "or" and looks behind
# it for the code (one fixed width per \s?); led by a digit class it stopped at every digit of
# a pasted log (~27 µs on 4 KB, ~4 µs this way).
_EN_OR_RE = re.compile(r"or(?:(?<=(?<!\d)[1-5]\d\dor)|(?<=(?<!\d)[1-5]\d\d\sor))\s?[1-5]\d\d(?!\d)")
_EN_WHICH_RE = re.compile(r"which(?<![a-z]which)(?![a-z])")
# A code said in Chinese numerals after a cue: "状态码四一三", "http 五零三".
# 幺 is how one is said in a number read out digit by digit ("四幺三"); the capital digits
# (壹贰叁肆伍…) are the ones written on cheques ("服务器返回伍零叁是怎么了").
_CN_DIGITS = str.maketrans("零〇一幺二三四五六七八九壹贰叁肆伍陆柒捌玖", "001123456789123456789")
_CN_FIRST, _CN_ANY = "一幺二三四五壹贰叁肆伍", "零〇一幺二三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_CODE_RE = re.compile(
    rf"(状态码|错误码|返回码|响应码|http|报|返回)\s?([{_CN_FIRST}][{_CN_ANY}]{{2}})(?![{_CN_ANY}十百千万拾佰仟])"
)
# ... or leading the text, with an ask right after it: "四零四是什么意思", "五零二 错误怎么办".
_CN_CODE_LEAD_RE = re.compile(
    rf"([{_CN_FIRST}][{_CN_ANY}]{{2}})(?=\s?(?:是什么|是啥|什么意思|啥意思|错误|报错|状态码|怎么|跳转|重定向))"
)
_BARE_LOOKUP = 8  # normalised characters: one code and a word ("http 503") say nothing else
_REMARK_MIN = 8  # characters: shorter texts are lookups ("要求太多次"), however they are worded
# A turn to another question ("先不管 503，…", "不过我问的是另一件事：…", "这个我懂，我想问…"):
# codes typed before it set the scene, the text after it is the question.
_PIVOT_RE = re.compile(
    r"先不管|不管它|我(?:想|要)?问的是|我想问|我要问的是|另一件事|另一个问题|换个问题|题外话|我就想知道|先别吵"
    r"|顺便考考|考考你们|考考大家"
    r"|(?:这个|那个)(?:我)?(?:懂|知道|明白)"
)


# Sentences of a group message ("刚才那个 404 是路由写错了，已经修了；现在又开始报 502…").
# One class first (a mark, or the space before " / "), then the rest of what it starts: as two
# alternatives the pattern had no first character to skip to (~75 µs a split of 4 KB).
_SENTENCE_END_RE = re.compile(r"[。；！？;!?\s](?:(?<=[。；！？;!?])[。；！？;!?]*|(?<=\s)/\s)")
_THANKS = ("谢了", "谢谢", "感谢", "多谢", "thanks")


_CLAUSE_SPLIT_RE = re.compile(r"[，,]")


def _settled_sentences(folded: str, known: list[int]) -> set[int]:
    """Codes typed only in sentences saying their trouble is over, in hand or known ("昨天 301 的
    SEO 问题搞定了，谢谢大家。今天新问题：接口返回 405 是咋回事"), when another code is typed in
    a sentence that is not: the message moves on to that one."""
    typed = set(known)
    done: set[int] = set()
    open_: set[int] = set()
    # Sentences first, then the clauses of one that holds several codes ("401 的问题张三已经搞定了，
    # 我这边是 403，…啥原因").
    parts: list[str] = []
    for sentence in _SENTENCE_END_RE.split(folded):
        if len(set(_THREE_DIGITS_RE.findall(sentence))) > 1:
            parts.extend(_CLAUSE_SPLIT_RE.split(sentence))
        else:
            parts.append(sentence)
    for sentence in parts:
        codes = {int(m.group()) for m in _THREE_DIGITS_RE.finditer(sentence)} & typed
        if not codes:
            continue
        thanked = any(word in sentence for word in _THANKS) and not domain.asks(sentence)
        (done if domain.settled(sentence) or thanked else open_).update(codes)
    return done - open_ if open_ else set()


def _last_turn(folded: str) -> int | None:
    """Where the question after the last turn to another one starts, if the text has a turn."""
    end = None
    for m in _PIVOT_RE.finditer(folded):
        end = m.end()
    return end


_PIVOT_SCORE = 70.0  # the text after an explicit turn needs a clear reading, like one clause
# The bot addressed in a group: "@bot", "@机器人".
_TO_BOT_RE = re.compile(r"@\w{0,32}?(?:bot|机器人|助手)")
# A vendor's error code typed as it is documented ("InvalidAccessKeyId.NotFound"): a word that
# starts upper-case and changes case again, with a dot. Each run is a character class: linear.
_IDENTIFIER_RE = re.compile(r"(?<![A-Za-z0-9.])[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9.]*")
# A question that opens by addressing the bot: "机器人，422 是什么错", "bot: 418 啥梗".
_ADDRESSED_RE = re.compile(r"@?(?:机器人|小助手|助手|bot)\s?[，,:：\s]")
# A clause after a code that points back at it: "看到个 418，这是啥梗", "这个又是什么".
_BACK_REF_RE = re.compile(
    r"\s?[，,。.:：;；]?\s?(?:这|它)(?:个|又)*(?:是|啥|什么)"
    # Or an ask ending the code's own clause: "这个 444 是啥状态码，客户端会看到什么" (not "502 是
    # 什么我知道，…").
    r"|\s?(?:是啥|是什么|啥意思|什么意思)(?:状态码|码)?\s?(?:[，,。？?]|$)"
)


def _points_back(folded: str, code: int) -> bool:
    """Does the clause right after the code's last mention ask about it ("…418，这是啥梗")?"""
    end = folded.rfind(str(code))
    return end >= 0 and _BACK_REF_RE.match(folded, end + 3) is not None
_ASKED_CLAUSES = 4  # clauses of a scene-setting code's tail read on their own
# "这在 nginx 里是哪个内部码": the registered codes typed are what the client saw.
_INTERNAL_ASK_RE = re.compile(r"(?:哪个|什么|啥)(?:内部|非标准)(?:状态)?码")
_DOUBT_WORDS = ("到底", "标准上", "规范上", "按规范", "按标准")
_WHICH_RE = re.compile(r"(?:返回|回|用|给)(?:啥|什么|哪个)|哪个码|是哪个|是几")
# Not a name changed ("422 以前叫…，RFC 9110 里改成什么名字了": the code's own name is asked).
_CHANGED_FROM_RE = re.compile(
    r"([1-5]\d\d)(?!\d)[^？?。]{0,40}?(?:改成|换成|改用|换用|改为|换为)[^，。,]{0,4}?(?:哪|什么|啥)(?!\s?(?:名字|名称|叫法|称呼))"
)
# Three characters standing alone, a digit 1–5 then digits or the letter o, at least one o
# ("4o4", "5oo"; folded text is lower case): a code typed with the letter for a zero.
_LETTER_O_CODE_RE = re.compile(r"[1-5](?<![0-9a-z][1-5])(?=[0-9o]{0,1}o)[0-9o]{2}(?![0-9a-z])")
# A code's three digits typed apart in a short question ("4 1 5 是啥", "50 3"): one space at
# most between digits, at least one space in all.
_SPACED_CODE_RE = re.compile(r"(?<![0-9])[1-5](?= ?[0-9] ?[0-9](?![0-9]))(?=[0-9]? )[0-9 ]{3,4}(?<=[0-9])")
_SPACED_CODE_MAX = 16  # characters: only a short question types a code that way
# Words that put a quoted name as what people call something ("文档里说的“未登录”").
_NAMING_CUES = ("说的", "讲的", "叫的", "所谓", "所谓的", "叫做", "称为", "俗称")
# A quoted name: at most 24 characters between one pair of quotes, so each start reads a
# bounded stretch (linear in the text).
_QUOTED_RE = re.compile(r"[“\"「『]([^“”\"「」『』]{2,24})[”\"」』]")
# What the client gets to see: "浏览器里看到的状态码", "客户端实际收到", "线上真正发出去的".
# One branch per opening word, so that every branch opens with a literal and the engine skips
# in C to the next possible first character (two groups of alternatives hid them: ~95 µs on 4 KB).
_CLIENT_SEES_RE = re.compile(
    "|".join(
        [rf"{w}[^，。？?]{{0,8}}?(?:看到|收到|拿到|显示)" for w in "浏览器 客户端 前端 用户 访客 curl 开发者工具 network".split()]
        + [rf"{w}[^，。？?]{{0,4}}?(?:看到|收到|拿到|发出去|返回)" for w in "实际 真正 最终".split()]
    )
)
# What the client sees in place of an internal code asked for ("nginx 内部用的…客户端最终看到的是 400").
_SEEN_AS_RE = re.compile(r"(?:看到|收到|拿到|显示)[^，。？?]{0,16}?([1-5]\d\d)(?!\d)")
_INTERNAL_WORDS = ("内部", "非标准", "自己定义", "私有", "日志里", "access log", "记成", "记录成")
# "不允许客户端把 POST 改成 GET", "保证不改方法": a redirect that keeps its method (307/308).
# Read as the words of those names, so the words "POST 改成 GET" stop pointing at 301/302,
# which allow the change. Bounded gaps inside one clause: a few steps per "不".
# Said positively too: "保持原来的方法", "POST 过去还得是 POST", "方法和 body 必须原样带过去".
_KEEPS_METHOD_RE = re.compile(
    "|".join(
        [
            *(
                f"{w}[^，。,;；]{{0,16}}?(?:改成|改为|变成|换成|改|变)[^，。,;；]{{0,8}}?(?:get|方法)"
                for w in ("不(?:许|允许|能|让|会|可以|要|得|准)?", "禁止")
            ),
            "保持(?:原来的|原有的|原本的|原)?(?:请求)?方法",
            # "想保持 POST 不变", "PUT 不变": the method itself kept.
            "保持\\s?(?:post|put|patch)",
            *(f"{m}\\s?(?:方法)?\\s?不变" for m in ("post", "put", "patch")),
            # The method named again: one branch per method (was a group and a back-reference).
            *(f"{m}[^，。,;；]{{0,10}}?(?:还得是|得是|必须是|仍是|仍然是|还是|也得保持|保持|依然是)\\s?{m}" for m in ("post", "put", "patch")),
            "方法[^，。,;；]{0,10}?(?:原样|不变|不能变)",
            # In English: "the client must not change POST to GET", "keep the original method".
            "(?:must not|mustn't|must never|should not|shouldn't|cannot|can't|not allowed to|without) "
            "(?:change|changing|switch|switching|rewrite|rewriting|turn|turning)[^,.;]{0,16}?(?:to get|method)",
            "(?:keep|keeps|keeping|preserve|preserves|preserving|retain|retains) "
            "(?:the )?(?:original |same |request |http )?(?:request )?method",
        ]
    )
)


def status_match(entry: StatusEntry, score: float, why: str, tier: str) -> Match:
    return Match("status", str(entry.code), score, why, entry, tier=tier)


_NGINX_TLS_CODES = frozenset({495, 496})
# Servers and runtimes that are not nginx, named (see vendor_said).
_OTHER_SERVER_RE = re.compile(r"node|tomcat|apache|iis|express|django|flask|spring|caddy|envoy|haproxy|traefik|kestrel")
# "308 是永久的" (吗 normalised away): a code said to be something short.
_SAID_TO_BE_RE = re.compile(r"\s?([1-5]\d\d)\s?是\s?([\u4e00-\u9fff]{1,6})\s?")
_CJK_ONLY_RE = re.compile(r"[^\u4e00-\u9fff]+")
_NGINX_NAMES = ("nginx", "openresty", "tengine", "ingress")  # nginx and its builds, named
_NGINX_TLS_WORDS = (*_NGINX_NAMES, "客户端证书", "client cert", "双向", "mtls", "ssl_verify")


def _vendor_words(org: str) -> tuple[str, ...]:
    """How a text names the vendor of an unofficial code (lower case, as queries are)."""
    words = [org.lower()]
    # "非正式约定；Tornado": the name after the note.
    words += [part.strip().lower() for part in org.split("；")[1:] if part.strip().isascii()]
    if org == "Cloudflare":
        words += ["cf", "cdn", "railgun"]  # Railgun: a Cloudflare product
    return tuple(words)


def _asks_for_a_code(folded: str) -> bool:
    """Does the text ask for a number that is not a setting's value, nor for a meaning
    ("…其实是没认证吧，到底是哪个意思")?"""
    for m in _NUMBER_ASK_RE.finditer(folded):
        if folded.startswith("意思", m.end()):
            continue
        if not folded[max(0, m.start() - 4) : m.start()].rstrip().endswith(_SETTING_WORDS):
            return True
    return False


def _below_the_standard(matches: list[Match], folded: str, statuses: Mapping[int, StatusEntry]) -> list[Match]:
    """Readings of a question that asks for the standard's code: a vendor's or a server's own
    code ("浏览器带的 cookie 太多…按 RFC 应该返回什么" reads nginx's 494 too) ranks just below
    the best registered one. (Within the readings, StatusIndex._standard_first has already
    lowered a vendor's code whose vendor the text does not name; this places them all.) With
    none read, the registered code the leading one's card names first among its related ones
    (494's 431) is the standard's answer."""
    if not matches or _STANDARD_ASKED_RE.search(folded) is None:
        return matches
    official = [m.score for m in matches if m.answer.registry != "unofficial"]
    if not official:
        if _STANDARD_DENIED_RE.search(folded) is not None:
            return matches  # "…不是标准 HTTP 码，是哪个": a server's own code asked for
        top = matches[0]
        standard = next((c for c in top.answer.related if c in statuses and statuses[c].registry != "unofficial"), None)
        if standard is None:
            return matches
        why = f"规范里对应 {top.answer.code} 的码"
        return [status_match(statuses[standard], top.score, why, top.tier), replace(top, score=top.score - tuning.JUST_BELOW), *matches[1:]]
    below = max(official) - tuning.JUST_BELOW
    moved = [replace(m, score=min(m.score, below)) if m.answer.registry == "unofficial" else m for m in matches]
    return sorted(moved, key=lambda m: -m.score)


class StatusIndex:
    """Lookup tables over every status entry and class, built once."""

    def __init__(self, data: StatusData, symptoms_elsewhere: Iterable[str] = ()) -> None:
        """``symptoms_elsewhere``: symptoms only other kinds' cards list (see bot.core.symptoms)."""
        self.data = data
        self._symptoms = SymptomIndex()  # the codes a vague symptom commonly is (added in _build)
        self._symptoms.know((*VAGUE, *symptoms_elsewhere))
        self._exact: dict[str, Choice] = {}
        self._classes: dict[str, int] = {}
        self._fuzzy_keys: list[str] = []
        self._fuzzy_choices: list[Choice] = []
        self._build()

    def _build(self) -> None:
        signatures: list[Choice] = []
        documents: list[tuple[int, str]] = []  # (code, whole-entry text) for BM25
        contained: list[Choice] = []
        # Ambiguous aliases (see below) with the words of the other names that hold them.
        asked: list[Choice] = []
        short: list[Choice] = []  # two-character names and aliases (冲突, 限流)
        self._asked_rest: dict[str, frozenset[str]] = {}
        sounds: list[Choice] = []  # pinyin keys of Chinese aliases ("·wang·guan·chao·shi·")
        self._whole_only: set[str] = set()
        self._sound_rest: dict[str, frozenset[str]] = {}  # sound key → _asked_rest of its name
        self._vendor: dict[str, tuple[str, ...]] = {}
        self._vendor_of = {
            code: _vendor_words(e.spec.org)
            for code, e in self.data.statuses.items()
            if e.registry == "unofficial"
        }
        self._words = GramIndex(tuning.MIN_GRAM_WEIGHT)
        # An alias that is part of another code's own name ("永久重定向" of 301 inside 308's
        # "永久重定向（保留方法）") is ambiguous inside a sentence: it counts only when it is
        # the whole question, and the rest of a longer text decides.
        names = {code: normalize(e.name_zh) for code, e in self.data.statuses.items()}
        # A key inside some name is inside all of them joined: one search rules out most
        # aliases at once (1,700 aliases × 93 names, one by one, was ~15 ms of start-up).
        all_names = "\0".join(names.values())
        for entry in self.data.statuses.values():
            self._symptoms.add(entry.symptoms, entry.code)
            named = [
                ("中文名", entry.name_zh),
                ("英文名", entry.phrase),
                *(("旧称", p) for p in entry.phrase_aliases),
                *(("别名", a) for a in entry.aliases),
            ]
            if entry.seed and entry.seed.meaning:
                named.append(("原文档", entry.seed.meaning))
            for label, text in named:
                key = normalize(text)
                if not key or key in self._exact:
                    continue
                choice = Choice(key, entry.code, f"{label}「{text}」")
                self._exact[key] = choice
                self._fuzzy_keys.append(key)
                self._fuzzy_choices.append(choice)
                ambiguous = key in all_names and any(
                    key in name for code, name in names.items() if code != entry.code
                )
                if len(key) == 2 and cjk_count(key) == 2:
                    short.append(choice)
                long_enough = _long_enough(key)  # once per key: it looks at every character
                if long_enough and ambiguous and label in ("别名", "中文名"):
                    asked.append(choice)
                    self._asked_rest[key] = frozenset().union(
                        *(grams(name.replace(key, " ")) for code, name in names.items() if key in name)
                    )
                if long_enough and not ambiguous:
                    contained.append(choice)
                    if entry.registry == "unofficial" and label in ("英文名", "旧称"):
                        # A vendor's English phrase ("Connection Timed Out" of Cloudflare's 522)
                        # is also a runtime's wording; inside a longer text it needs the vendor.
                        self._vendor[key] = _vendor_words(entry.spec.org)
                if label in ("中文名", "别名") and cjk_count(key) == len(key) >= tuning.HOMOPHONE_MIN_CHARS:
                    sound = Choice(pinyin.key(key), entry.code, f"读音同{choice.label}")
                    sounds.append(sound)
                    if ambiguous:  # like its literal form: only as the whole question
                        self._whole_only.add(sound.key)
                        if key in self._asked_rest:  # ... or in a short frame, as the literal "asked"
                            self._sound_rest[sound.key] = self._asked_rest[key]
            for sig in entry.signatures:
                key = normalize(sig)
                if key:
                    signatures.append(Choice(key, entry.code, f"日志特征「{sig}」"))
            prose = _Prose(entry)
            self._index_grams(entry, [text for _, text in named], prose)
            documents.append((entry.code, _document(entry, prose)))
        # Chinese names heard ("禁止方问 403 怎么破", "wangguan cuowu 502"), for the same cue (a
        # name another code's name holds, 未授权 of 代理未授权, still says the number is a code).
        heard: dict[int, list[str]] = {}
        for sound in sounds:
            heard.setdefault(sound.target, []).append(sound.key)
        self._reason_sounds = {code: tuple(keys) for code, keys in heard.items()}
        # Official names, for "404 not found" / "403 禁止访问" typed with no other cue.
        self._reasons = {
            code: tuple(k for k in {normalize(t) for t in (e.name_zh, e.phrase, *e.phrase_aliases)} if k)
            for code, e in self.data.statuses.items()
        }
        for cls in self.data.classes.values():
            for text in (cls.name_zh, *cls.aliases):
                self._classes[normalize(text)] = cls.digit
        self._documents = BM25(documents)
        self._signatures = SubstringIndex(signatures)
        self._contained = SubstringIndex(contained)
        self._asked = SubstringIndex(asked)
        self._short = SubstringIndex(short)
        self._sounds = SubstringIndex(sounds)
        self._typos = RatioKeys(self._fuzzy_keys)
        # The English words the names and aliases use: one of them typed where a name has
        # another is a different word, not a slip.
        self._latin_words = frozenset(w for key in self._fuzzy_keys if key.isascii() for w in key.split())
        self._words.freeze(len(self.data.statuses))

    def _other_word(self, query: str, key: str) -> bool:
        """Does an English ``query`` differ from an English name word for word by a word the
        names use themselves, and no slip of the name's ("expired" for "required"; "lenght" is
        "length" with two letters swapped)?"""
        if not (query.isascii() and key.isascii()):
            return False
        words, names = query.split(), key.split()
        return len(words) == len(names) and any(
            w != n and w in self._latin_words and OSA.normalized_similarity(w, n) < tuning.WORD_SLIP_SIMILARITY
            for w, n in zip(words, names, strict=True)
        )

    def _homophones(self, query: str, folded: str, offer, slivers: set[int]) -> None:
        """A Chinese alias written with other characters of the same sound ("王冠超时"), or
        typed as pinyin ("wangguan chaoshi"): linear in the query, like any SubstringIndex."""
        # Typed pinyin takes several letters a character: a longer question, when it reads as
        # pinyin by its frame (an English sentence is not made into syllables).
        typed = query.isascii()
        longest = tuning.HOMOPHONE_MAX_CHARS
        if typed and len(query) > longest and (_PINYIN_FRAME_RE.search(query) or _PINYIN_ASK_RE.search(query)):
            longest *= 3
        if len(query) > longest:
            return  # typos of a name are short questions; a paste is read by the other tiers
        sound = pinyin.key(query)
        if pinyin.syllables(sound) < tuning.HOMOPHONE_MIN_CHARS:
            return
        # The share of the whole question, as for a literal alias: Chinese characters when it
        # has any ("curl 请求超时" is not all 请求超时), otherwise its letters (typed pinyin).
        cjk = cjk_count(query)
        whole = len(query.replace(" ", "")) if cjk else sum(ch.isalpha() for ch in query)
        if typed:
            # "wang guan chao shi shi duo shao hao zhuang tai ma": the pinyin of a status-question
            # frame (是多少号, 状态码) is no part of what was named.
            frame = sum(len(m.group().replace(" ", "")) for m in _PINYIN_FRAME_RE.finditer(query))
            whole = max(whole - frame, 1)
        # One syllable per character (an all-Chinese question): where a name was heard, the rest
        # of the question can be told apart ("未受权 返回哪个状态码" is the name in a status frame).
        chars = query.replace(" ", "") if cjk == whole and pinyin.syllables(sound) == cjk else ""
        cued = any(cue in folded for cue in _FRAME_CUES)
        for choice in self._sounds.find(f" {sound} "):
            size = pinyin.syllables(choice.key) if cjk else len(choice.key.replace(pinyin.SEP, ""))
            coverage = min(size / max(whole, 1), 1.0)
            if chars and coverage < 1.0:
                start = sound.count(pinyin.SEP, 0, sound.find(choice.key) + 1) - 1
                if _status_frame(chars[:start] + chars[start + size :], cued):
                    coverage = 1.0
            if (
                choice.key in self._whole_only
                and coverage < 1.0
                and not (coverage >= tuning.HOMOPHONE_ASKED and (domain.asks(query) or _PINYIN_ASK_RE.search(query)))
                and not (chars and self._heard_in_frame(chars, sound, choice.key, size, cued))
            ):
                continue  # ambiguous inside a sentence, unless the rest only asks about it
            if coverage < tuning.SLIVER_ALIAS and len(query) >= tuning.SLIVER_MIN_LENGTH:
                slivers.add(choice.target)  # "…账户成功，返回 Location…" only sounds like 成功返回
            offer(choice.target, tuning.homophone(coverage), choice.label, "fuzzy")

    def _without_contrast(self, stripped: str, ranked: list, q: Query) -> list:
        """A name said as what the asked one gets mixed up with ("未授权是几？跟禁止访问老是
        搞混"): read without it, the name asked about leads and the other follows."""
        m = _CONFUSED_WITH_RE.search(stripped)
        if m is None:
            return ranked
        rest = stripped[: m.start(1)] + " " + stripped[m.end(1) :]
        again = self._rank_text(rest, technical=technical_terms(q.folded))
        if not again or again[0][1][0] < tuning.ANSWER or again[0][0] == ranked[0][0]:
            return ranked
        held = {code for code, _ in again}
        below = again[0][1][0] - tuning.JUST_BELOW
        rest_ranked = [
            (code, (min(score, below), why, tier)) for code, (score, why, tier) in ranked if code not in held
        ]
        return [*again, *rest_ranked]

    def _heard_in_frame(self, chars: str, sound: str, key: str, size: int, cued: bool) -> bool:
        """Is an ambiguous name heard in a short frame about a response that says nothing of
        the longer names holding it ("接口返回未受权是咋回事": 未授权, not ALB 认证未授权), as
        its literal form would be read (see _asked)? A frame with no status cue ("为授权一般会
        怎样") may be about anything."""
        rest_of = self._sound_rest.get(key)
        if rest_of is None:
            return False
        start = sound.count(pinyin.SEP, 0, sound.find(key) + 1) - 1
        rest = chars[:start] + " " + chars[start + size :]
        return (
            len(rest) - 1 <= tuning.ASKED_REST
            and (cued or any(cue in rest for cue in _FRAME_CUES))
            and not grams(rest) & rest_of
        )

    def _index_grams(self, entry: StatusEntry, names: list[str], prose: _Prose) -> None:
        fields = {
            "names": names,
            "summary": [entry.summary],
            "signatures": list(entry.signatures),
            "seed_note": [entry.seed.note] if entry.seed else [],
            "meaning": [prose.meaning],
            "causes": prose.causes,
            "descriptions": list(entry.descriptions),
        }
        for name, weight in tuning.FIELD_WEIGHTS:
            for text in fields[name]:
                self._words.add(entry.code, normalize(text), weight)

    # --- outright answers -------------------------------------------------------------

    def codes(self, q: Query) -> tuple[list[int], tuple[int, ...]]:
        """(known, unknown) status codes typed in the text, worked out once per query."""
        found = q.memo.get("status.codes")
        if found is None:
            codes = explicit_codes(q.stripped, q.normalized, self._reason)
            if not codes and len(q.stripped) <= _SPACED_CODE_MAX and _SPACED_CODE_RE.search(q.stripped) is not None:
                # "4 1 5 是啥意思", "50 3 是啥错误": a short question typing a code's digits apart.
                fixed = _SPACED_CODE_RE.sub(lambda m: m.group().replace(" ", ""), q.stripped)
                codes = explicit_codes(fixed, normalize(fixed), self._reason)
            if not codes and _LETTER_O_CODE_RE.search(q.stripped) is not None:
                # "4O4 是什么意思", "返回 5OO 了": the letter O typed for a zero.
                fixed = _LETTER_O_CODE_RE.sub(lambda m: m.group().replace("o", "0"), q.stripped)
                codes = explicit_codes(fixed, normalize(fixed), self._reason)
            if not codes and _CN_CODE_RE.search(q.stripped) is not None:
                # "状态码四一三", "返回码五零三": a code said digit by digit in Chinese numerals.
                fixed = _CN_CODE_RE.sub(lambda m: m.group(1) + " " + m.group(2).translate(_CN_DIGITS), q.stripped)
                codes = explicit_codes(fixed, normalize(fixed), self._reason)
            if (
                not codes
                and q.stripped.isascii()
                and (_PINYIN_ASK_RE.search(q.stripped) is not None or _PINYIN_QUESTION_RE.search(q.stripped) is not None)
            ):
                # "chong ding xiang 301 he 302 you sha qu bie": the ask typed in pinyin; a code
                # run into it ("http 203shi sha") is read apart.
                spaced = _DIGITS_THEN_LETTER_RE.sub(r"\1 \2", q.stripped)
                codes = explicit_codes(f"{spaced} ?", f"{normalize(spaced)} ?", self._reason)
                if not codes and len(spaced) <= _PINYIN_LOOKUP_MAX:
                    # "qing wen 429 daibiao shenme": a short pinyin question about the number
                    # alone, read as its Chinese would be ("429 是什么").
                    asked = " ".join(t for t in spaced.split() if t.isdigit())
                    codes = explicit_codes(f"{asked} 是什么", None, self._reason) if asked else []
            if not codes and q.stripped.isascii() and (cue := _PINYIN_CUE_RE.search(q.stripped)) is not None:
                # "xiao cheng xu qing qiu bao 413": 报 413 typed in pinyin, the code ending the text.
                codes = explicit_codes(f"报 {cue.group(1) or cue.group(2)}", None, self._reason)
            if not codes and (lead := _CN_CODE_LEAD_RE.match(q.stripped)) is not None:
                fixed = lead.group(1).translate(_CN_DIGITS) + " " + q.stripped[lead.end() :]
                codes = explicit_codes(fixed, normalize(fixed), self._reason)
            if (
                not codes
                and len(q.stripped) <= _RESPELL_MAX
                and _CODE_RE.search(q.stripped) is not None
                and cjk_count(q.stripped) >= 2
            ):
                # "服物器不可用 503", "重定项301是永久的吗": the word that makes the number a code,
                # typed by its sound (a question's slip; a paste names its terms as printed).
                respelled, put = _TERMS_BY_SOUND.respell(q.stripped)
                if put:
                    codes = explicit_codes(respelled, normalize(respelled), self._reason)
            known = [c for c in codes if c in self.data.statuses]
            found = q.memo["status.codes"] = (known, tuple(c for c in codes if c not in self.data.statuses))
        return found

    def _yardsticks(self, q: Query) -> frozenset[int]:
        """Codes typed only as the measure of the one asked for ("跟 301 一样…但…是哪个", "比 404
        语义更明确的那个码", "（不是 308）", "跟 401 的区别", "默认回 503，改成哪个码"): the text
        describes another code, so it is read as a description without them."""
        found = q.memo.get("status.yardsticks")
        if found is None:
            found = q.memo["status.yardsticks"] = self._find_yardsticks(q)
        return found

    def _find_yardsticks(self, q: Query) -> frozenset[int]:
        known, unknown = self.codes(q)
        folded = q.folded
        if not known or unknown:
            return frozenset()
        if len(known) == 1 and len(q.normalized) <= _BARE_LOOKUP:
            return frozenset()  # "503", "http 503", "状态码503": nothing around the code to read
        # A code ruled out ("不是 302 那个，是临时跳转、但…的那个") is no answer, asked or not.
        ruled_out = {int(m.group(1)) for m in _NOT_CODE_RE.finditer(folded)}
        # "面试官问…是哪个码，我说 504 他说不对", "接口回400感觉不太对": an answer called wrong.
        ruled_out.update(int(next(g for g in m.groups() if g)) for m in _WRONG_ANSWER_RE.finditer(folded))
        if len(known) > 1:
            # "200 就不用解释了，说说 206", "308 懂了，那 303 呢": a code done with, beside another.
            ruled_out.update(int(m.group(1) or m.group(2)) for m in _DONE_WITH_RE.finditer(folded))
            # "503 …知道是 pod 没 ready，这个先不管，想问 502 …": codes before a turn, not after it.
            turn = _last_turn(folded)
            if turn is not None:
                after = {int(m.group()) for m in _THREE_DIGITS_RE.finditer(folded, turn)}
                if after & set(known):
                    ruled_out.update(c for c in known if c not in after)
            ruled_out.update(int(m.group(1)) for m in _KNOWN_CODE_RE.finditer(folded))
            ruled_out.update(_settled_sentences(folded, known))
        if len(known) == 1 and _points_back(folded, known[0]):
            return frozenset(c for c in known if c in ruled_out)  # "看到个 418，这是啥梗"
        asked = "哪" in folded or ("那个" in folded and ("码" in folded or _CLASS_RE.search(folded) is not None))
        if not (asked or domain.asks(folded)):
            return frozenset(c for c in known if c in ruled_out) if ruled_out else frozenset()
        marked: set[int] = set(ruled_out)
        if len(known) == 1:
            m = _THAN_RE.search(folded)
            if m is not None and int(m.group(1) or m.group(2)) == known[0]:
                marked.add(known[0])
            m = _YARDSTICK_RE.search(folded)
            if m is not None and int(m.group(1)) == known[0] and _CONTRAST_RE.search(folded, m.end()):
                marked.add(known[0])
        patterns = [_TELL_APART_RE, _CHANGED_FROM_RE, _OR_ELSE_RE, _GUESS_RE]
        if any(word in folded for word in _DOUBT_WORDS) and _WHICH_RE.search(folded) is not None:
            patterns.append(_CLAIMED_RE)  # not "客服说在维护，503到底是什么意思": that asks about 503
        if _INSTEAD_RE.search(folded) is not None:
            patterns.append(_CURRENT_RE)
        if any(word in folded for word in _INTERNAL_WORDS):
            patterns.append(_SEEN_AS_RE)
        for pattern in patterns:
            for m in pattern.finditer(folded):
                if pattern is _TELL_APART_RE and _PAIRED_RE.search(folded, max(0, m.start() - 4), m.start()):
                    continue  # "401跟403区别": the two typed codes compared, neither a yardstick
                if pattern is _CURRENT_RE and _OR_CODE_RE.match(folded, m.end()):
                    continue  # "现在返回 401 还是 403，token 过期该用哪个": both offered, neither in use
                if pattern is _SEEN_AS_RE and m.group(1) in _focus_codes(q):
                    continue  # "日志里看到中间有个 302，302 为啥会把方法改掉": the code asked about
                marked.add(int(m.group(1)))
        if _INTERNAL_ASK_RE.search(folded) is not None:
            marked.update(c for c in known if self.data.statuses[c].registry != "unofficial")
        if len(marked) < len(known) and _asks_for_a_code(folded):
            marked.update(self._asked_after(folded, known) or self._asked_after_turn(folded, known))
        return frozenset(c for c in known if c in marked)

    def _asked_after_turn(self, folded: str, known: list[int]) -> list[int]:
        """Codes typed before an explicit turn to another question ("监控里 504 一大片……不过我问的
        是另一件事：机场 Wi-Fi 弹登录页那种是哪个码"), when the text after the turn types no code
        and reads clearly as another one."""
        turn = _last_turn(folded)
        if turn is None:
            return []
        tail = folded[turn:]
        if _THREE_DIGITS_RE.search(tail) is not None or len(normalize(tail).replace(" ", "")) < tuning.ASKED_AFTER_LENGTH:
            return []

        def other(code: int) -> bool:
            return code not in known

        return list(known) if self._clear_reading(tail, technical_terms(folded), _PIVOT_SCORE, other) is not None else []

    def _asked_after(self, folded: str, known: list[int]) -> list[int]:
        """Codes typed before a description that asks for a number ("401 是没认证我知道，那登录
        了但权限不够的是多少", "哈哈 404 都成梗了 @bot 被限流的时候返回的是多少"): the text after
        the last of them reads clearly as another code, so they only set the scene. The reason
        phrase after a code ("404 not found …") reads as that code and changes nothing."""
        end = 0
        for m in _THREE_DIGITS_RE.finditer(folded):
            if int(m.group()) in known:
                end = m.end()
        tail = folded[end:]
        # The rest of the code's own clause often still talks about it ("500 是服务器出错，那…"):
        # the text after that clause is read first.
        cut = _CLAUSE_END_RE.search(tail)
        tails = [tail[cut.end() :], tail] if cut is not None else [tail]
        technical = technical_terms(folded)

        def other(code: int) -> bool:
            return code not in known

        for text in tails:
            if len(normalize(text).replace(" ", "")) < tuning.ASKED_AFTER_LENGTH:
                continue
            if _DOUBT_REMARK_RE.match(text) is not None:
                continue  # "…组长说 401 我总觉得不对": doubt about the code, no description after it
            # A clear reading by word overlap, or a whole-entry one ("WebDAV 磁盘满了回几").
            if self._clear_reading(text, technical, tuning.ASKED_AFTER_SCORE, other) is not None:
                return list(known)
        # A long tail mixes the story with chatter ("我看了 token 是有效的，就是这个用户没有访问
        # 这个资源的权限……这种应该改回哪个码"): a few of its clauses are read one by one.
        clauses = _CLAUSE_END_RE.split(tails[0])[:_ASKED_CLAUSES] if cut is not None else []
        for text in clauses if len(clauses) > 1 else ():
            if len(text) < tuning.ASKED_AFTER_LENGTH:
                continue
            if self._clear_reading(text, technical, tuning.ASKED_CLAUSE_SCORE, other, documents=False) is not None:
                return list(known)
        return []

    def _clear_reading(
        self, text: str, technical: int, floor: float, wanted: Callable[[int], bool], *, documents: bool = True
    ) -> int | None:
        """The code ``text`` clearly reads as, when ``wanted`` accepts it: the best word-overlap
        reading at ``floor`` or above, else (``documents``) a whole-entry match that leads."""
        ranked = self._rank_text(text, technical=technical)
        if ranked and wanted(ranked[0][0]) and ranked[0][1][0] >= floor:
            return ranked[0][0]
        if documents:
            docs = self._documents.rank(normalize(text), 1)
            share, lead, _ = tuning.DOC_ONE_TERM
            if docs and wanted(docs[0][0]) and docs[0][2] >= share and docs[0][3] >= lead:
                return docs[0][0]
        return None

    def _everyday(self, q: Query) -> bool:
        """A three-digit number that reads as no code, in a text that does not talk shop or,
        talking shop, neither asks nor reports trouble ("我写的接口 QPS 能到 300")."""
        known, unknown = self.codes(q)
        if known or unknown or _CODE_RE.search(q.stripped) is None:
            return False
        folded = q.folded
        return not domain.talks_status(folded) or not (domain.asks(folded) or domain.reports_trouble(folded))

    def exact(self, text: str) -> Resolution | None:
        """The answer to a text that is a known code and nothing else ("503", "HTTP 404",
        "状态码 502"), without reading it: the card ``outright`` gives it, for ~a quarter of the
        cost (Query.of, the cue and remark tests, the other kinds' checks). The commonest
        question there is. tests/test_exact_tier.py compares it with the whole reading for
        every code 100-599 in every form this accepts."""
        if len(text) > _BARE_CODE_MAX:
            return None
        m = _BARE_CODE_RE.fullmatch(text.strip())
        if m is None:
            return None
        entry = self.data.statuses.get(int(m.group(1)))
        if entry is None:
            return None  # an unregistered code is read, to be reported as unknown
        match = status_match(entry, tuning.EXPLICIT, f"状态码 {entry.code}", "code")
        return Resolution(text, "code", (match,), owner="status")

    def outright(self, q: Query) -> Resolution | None:
        """A class ("5xx", final) or typed codes (unless another kind identifies the text)."""
        known, unknown = self.codes(q)
        if (
            not known
            and not unknown
            and asks_overview(q.folded, q.normalized)
            and self._class_query(q.stripped) is None  # "客户端错误类的状态码有哪些" is one class
        ):
            # "http 状态码有哪些", "常见状态码": every class with its commonest codes.
            entries = [self.data.statuses[c] for codes in COMMON_CODES.values() for c in codes if c in self.data.statuses]
            matches = tuple(status_match(e, tuning.EXPLICIT, "状态码一览", "class") for e in entries)
            return Resolution(q.text, "class", matches, owner="status", group=OVERVIEW, final=True)
        if not known and not unknown:
            digit = self._class_query(q.stripped)
            if digit is not None and not domain.settled(q.folded):  # "这周终于一个 5xx 都没有"
                entries = self.data.codes_in_class(digit)
                matches = tuple(status_match(e, tuning.EXPLICIT, f"{digit}xx 类", "class") for e in entries)
                listing = Resolution(q.text, "class", matches, owner="status", group=digit, final=True)
                if not _asks_for_member(q.stripped, q.normalized):
                    return listing
                # "…返回的是哪个 5xx": one code of the class, described; the readings keep to it,
                # and the class is the answer when no reading of the description is found.
                q.memo["status.class"] = digit
                q.memo[LAST_RESORT] = listing
                q.signals.add(IDENTIFIER_TYPED)  # a class typed and asked into: shop talk
        if known and not domain.settled(q.folded):
            yardsticks = self._yardsticks(q)
            if not yardsticks:
                return self._codes_answer(q, known, unknown)
            rest = [c for c in known if c not in yardsticks]
            if rest:  # "不是 504，是 502 吧": the code left is the one meant
                return self._codes_answer(q, rest, unknown)
            digit = self._class_query(q.stripped)
            if digit is not None and _asks_for_member(q.stripped, q.normalized):
                q.memo["status.class"] = digit  # "不是 101！…强制要你先换协议的那个 4xx"
        # "线上 500 小李已经在跟了": a code in a remark that the trouble is in hand asks nothing.
        return None

    def _codes_answer(self, q: Query, known: list[int], unknown: tuple[int, ...]) -> Resolution:
        query = q.text
        unknown_ids = tuple(("status", str(c)) for c in unknown) if unknown else ()
        matches = [status_match(self.data.statuses[c], tuning.EXPLICIT, f"状态码 {c}", "code") for c in known]
        if len(known) == 1:
            # A log signature names the real code even when the line carries other numbers.
            found = self.signatures_in(q)
            if found and found[0].target != known[0] and not self._asked_about(q, known[0]):
                sig = found[0]
                matches.insert(
                    0, status_match(self.data.statuses[sig.target], tuning.SIGNATURE, sig.label, "signature")
                )
                return Resolution(query, "text", tuple(matches), unknown=unknown_ids)
        if len(known) > 1:
            known = self._focus_first(q, known)
            matches.sort(key=lambda m: known.index(m.status))
        mode: Mode = "multi" if len(known) > 1 else "code"
        # 1xx–3xx beside a pasted error is the line's transport detail, not the failure; so is
        # any status beside a tool's own code asked for ("curl: (22) … 403，这个退出码啥意思").
        # Unless the text asks about it ("…全是 308，308 是什么").
        yields = (
            mode == "code"
            and ((known[0] < 400 and len(q.normalized) > 8) or domain.asks_for_protocol_code(q.folded))
            and not self._asked_about(q, known[0])
        )
        return Resolution(query, mode, tuple(matches), owner="status", unknown=unknown_ids, yields=yields)

    @staticmethod
    def _asked_about(q: Query, code: int) -> bool:
        """Does an ask follow the code itself ("308 是什么", "现在报的是 522")?"""
        return str(code) in _focus_codes(q)

    def _focus_first(self, q: Query, known: list[int]) -> list[int]:
        """Several codes typed: the one the text asks about first. The code an ask is about
        ("…又变成 504 了，504 是啥", "其实应该返回 503 吧", "现在报的是 522"), else, when the
        text asks which, the typed code its words describe ("200 和 201 有啥区别，新增接口该回
        哪个"). Plain comparisons ("502 和 504 的区别") keep the order they were typed in."""
        folded = q.folded
        focus = {int(c) for c in _focus_codes(q)}
        focus &= set(known)
        if len(focus) != 1 and ("哪" in folded or "还是" in folded or _asks_which_en(folded)):
            words = _THREE_DIGITS_RE.sub(" ", q.stripped)
            code = self._clear_reading(words, technical_terms(folded), tuning.ASKED_CLAUSE_SCORE, known.__contains__)
            if code is not None:
                focus = {code}
        if len(focus) != 1:
            turn = _last_turn(folded)
            if turn is None:
                return known
            # "…301 和 302 都答不上来，顺便考考你们，307 跟 302 差在哪": typed after the turn, in order.
            tail = folded[turn:]
            after = [c for c in dict.fromkeys(int(m.group()) for m in _THREE_DIGITS_RE.finditer(tail)) if c in known]
            return [*after, *(c for c in known if c not in after)]
        (code,) = focus
        return [code, *(c for c in known if c != code)]

    def _reason(self, code: int, normalized: str) -> bool:
        """Does the text carry this code's official name ("404 not found", "403 禁止访问"), or
        its English name mistyped ("504 gatway timout")?"""
        names = self._reasons.get(code, ())
        if any(name in normalized for name in names):
            return True
        said = _SAID_TO_BE_RE.fullmatch(normalized)
        if said is not None and int(said.group(1)) == code and code in self.data.statuses:
            # "308 是永久的吗", "418 是茶壶吗": a trait from the code's own Chinese name, asked
            # (its character pairs, worked out here: few texts get this far).
            name = _CJK_ONLY_RE.sub(" ", self.data.statuses[code].name_zh.split("（")[0])
            if grams(name) & grams(said.group(2)):
                return True
        sounds = self._reason_sounds.get(code)
        if sounds and len(normalized) <= tuning.HOMOPHONE_MAX_CHARS:
            heard = pinyin.key(normalized)
            if any(sound in heard for sound in sounds):
                return True
        runs = _latin_runs(normalized)
        return any(
            fuzz.ratio(typed, name) >= _LATIN_RUN_CUTOFF and _typed_alike(typed, name)
            for run in runs
            for name in names
            if name.isascii()
            # The run, or its first words as many as the name's ("servise unavailable" of
            # "servise unavailable mean"): the name typed, then the question goes on.
            for typed in dict.fromkeys((run, " ".join(run.split()[: name.count(" ") + 1])))
        )

    def signatures_in(self, q: Query) -> list[Choice]:
        """The log signatures in the question, looked for once per query (``search`` asks
        twice: is it a status log line, and which code does it name; ~0.3 ms on 4 KB)."""
        found = q.memo.get("status.signatures")
        if found is None:
            found = q.memo["status.signatures"] = self._signatures.find(f" {q.normalized} ")
        return found

    def has_signature(self, q: Query) -> bool:
        return bool(self.signatures_in(q))

    # --- ranked readings -----------------------------------------------------------------

    def rank(self, q: Query, limit: int) -> list[Match]:
        _, unknown = self.codes(q)
        stripped = q.stripped
        if "不是" in stripped and ("(" in stripped or "（" in stripped):
            # "“请求超时”这个状态码是多少（不是网关超时）": the name set aside in brackets is
            # what the question is not about.
            stripped = domain.without_denied(stripped)
        if unknown:
            # An unregistered code ("299") must not fuzzy-match a neighbour's alias ("http 599").
            q.unknown.extend(("status", str(c)) for c in unknown)
            gone = {str(c) for c in unknown}
            stripped = _THREE_DIGITS_RE.sub(lambda m: " " if m.group() in gone else m.group(), stripped)
        keeps = _keeps_method(q)
        if keeps:
            stripped = _KEEPS_METHOD_RE.sub(" 保留方法 ", stripped)
        yardsticks = self._yardsticks(q)
        stripped = _without_ruled_out(stripped, yardsticks)
        # Text that normalises to q.normalized has the signatures search() already found.
        signatures = self.signatures_in(q) if normalize(stripped) == q.normalized else None
        ranked = self._rank_text(stripped, technical=technical_terms(q.folded), signatures=signatures)
        if ranked and ("混" in stripped or "分不清" in stripped):
            ranked = self._without_contrast(stripped, ranked, q)
        ranked = _gives_way(ranked, q.folded)
        if keeps:  # before the yardsticks: "不是 301，是…禁止把 POST 改成 GET 的那个" reads 301 as 308
            ranked = _keeping_method(ranked)
        elif _CHANGED_METHOD_RE.search(q.stripped) is not None:
            ranked = _changing_method(ranked)
        if _STANDARD_RE.search(q.folded) is not None:
            ranked = self._standard_first(ranked, q.folded)
        if yardsticks:
            # A name quoted and asked about ("把 401 叫“未授权”，可它其实是没认证吧？“未授权”到底
            # 指哪个码") is the subject, even when it names the code typed beside it.
            quoted = {choice.target for choice in self._quoted_names(q.folded)}
            ranked = [item for item in ranked if item[0] not in yardsticks or item[0] in quoted]
        ranked = _in_class(ranked, q.memo.get("status.class"))
        if ranked and _CLIENT_SEES_RE.search(q.folded) is not None:
            ranked = self._as_sent(ranked, yardsticks)
        remark = domain.settled(q.folded)
        if self._everyday(q) or remark or domain.about_the_bot(q.folded):
            # "那时 503 还是空的": a number that is no code marks everyday talk, and a remark
            # that the trouble is gone or in hand asks nothing; word overlap, typos of names
            # and whole-entry likeness are coincidence there, only a name typed whole counts.
            ranked = [item for item in ranked if item[1][2] not in _COINCIDENT]
            if ranked and remark:
                # A setting changed ("proxy_read_timeout 从 60s 调到 120s 了，先观察一下") is config
                # talk: a directive's name is no question about its status.
                ranked = [item for item in ranked if "_" not in item[1][1]]
            if ranked and remark and (
                self.codes(q)[0] or domain.jokes(q.folded) or _IDENTIFIER_RE.search(q.text) is not None
            ):
                # The code typed in the remark was let go ("分享一下：cf 522 一般是源站防火墙没放行",
                # "那个 InvalidAccessKeyId.NotFound 是 key 被删了，已经换新的"), or a name is worn
                # as a mood ("今天心情：网关超时"): so is a name around it, unless the name is the
                # whole text.
                ranked = [item for item in ranked if item[1][0] >= tuning.EXPLICIT]
        # A word-overlap reading of Cloudflare's own code needs Cloudflare or a CDN named, as a
        # whole-entry one does ("证书里的域名和实际访问的域名对不上，Chrome 会报什么" is no 526).
        matches = [
            status_match(self.data.statuses[c], score, why, tier)
            for c, (score, why, tier) in ranked[:limit]
            if tier != "words" or self.vendor_said(c, q.folded)
        ]
        return _below_the_standard(matches, q.folded, self.data.statuses)

    def _quoted_names(self, folded: str, cues: tuple[str, ...] = ()) -> list[Choice]:
        """The names the text quotes whole, in order; with ``cues``, only those quoted right
        after one of them."""
        if "“" not in folded and '"' not in folded and "「" not in folded:
            return []
        # Not one quoted after a denial ("…是哪个？不是“禁止访问”那个"): ruled out, not asked about.
        found = (
            self._exact.get(normalize(m.group(1)))
            for m in _QUOTED_RE.finditer(folded)
            if not domain.denied_before(folded, m.start())
            and (not cues or folded[max(0, m.start() - 6) : m.start()].rstrip().endswith(cues))
        )
        return [choice for choice in found if choice is not None]

    def _as_sent(self, ranked: list, yardsticks: frozenset[int]) -> list:
        """"…浏览器里看到的状态码是几": a reading of a code that never leaves the server (nginx's
        494–497) answers with the status sent in its place, the internal code just below."""
        code, (score, why, tier) = ranked[0]
        sent = self.data.statuses[code].sent_as
        if sent is None or sent in yardsticks:
            return ranked
        rest = [item for item in ranked[1:] if item[0] != sent]
        told = f"客户端实际收到 {sent}（{code} 只在服务器内部）"
        return [(sent, (score, told, tier)), (code, (score - tuning.JUST_BELOW, why, tier)), *rest]

    def _standard_first(self, ranked: list, folded: str) -> list:
        """"HTTP 标准里专门那个 4xx": a vendor's code (nginx's 494) is no answer to a question
        about the standard unless that vendor is named too; it keeps its place below."""
        if not any(self.data.statuses[code].registry == "unofficial" for code, _ in ranked):
            return ranked
        out = []
        for code, (score, why, tier) in ranked:
            vendor = self._vendor_of.get(code)
            if self.data.statuses[code].registry == "unofficial" and not (vendor and any(w in folded for w in vendor)):
                score -= tuning.VENDOR_UNNAMED
            out.append((code, (score, why, tier)))
        return sorted(out, key=lambda item: -item[1][0])

    def vendor_said(self, code: int, folded: str) -> bool:
        """A CDN vendor's own code read from a description needs the vendor (or a CDN) named:
        "连海外的 redis…SYN 发出去了没回包" reads like Cloudflare's 522 but is no Cloudflare
        question."""
        entry = self.data.statuses[code]
        if entry.registry != "unofficial":
            return True
        if entry.spec.org == "nginx":
            if code in _NGINX_TLS_CODES:
                # nginx's client-certificate codes read from a description need nginx or a client
                # certificate told: "证书过了有效期，Chrome 提示不是私密连接" is the browser's fault page.
                return any(word in folded for word in _NGINX_TLS_WORDS)
            if _OTHER_SERVER_RE.search(folded) is not None:
                # "…Cookie 攒得太多…Node 的 http 服务直接拒绝": another server named and nginx not:
                # nginx's own code is not what that server sends.
                return any(word in folded for word in _NGINX_NAMES)
            return True
        if entry.spec.org != "Cloudflare":
            # "…nginx 转发过去的连接被对方关闭…给用户回了一个错误": nginx's users see nginx's
            # status, not a client library's (Tornado's 599) nor another vendor's, unless named.
            return not any(word in folded for word in _NGINX_NAMES) or any(
                word in folded for word in _vendor_words(entry.spec.org)
            )
        return any(word in folded for word in _vendor_words(entry.spec.org))

    def documents(self, q: Query, limit: int) -> list[Match]:
        """Long descriptions no tier read: the whole entry's texts as one document (BM25),
        as choices, for texts that talk shop (two technical terms or more, or one when the
        entry's own words say the same clearly: "提交了导出任务，服务器说收到了，等会儿才处理完")."""
        query = q.normalized
        keeps = _keeps_method(q)
        yardsticks = self._yardsticks(q)
        ruled_out = _without_ruled_out(q.stripped, yardsticks)
        if keeps or ruled_out != q.stripped:
            query = normalize(_KEEPS_METHOD_RE.sub(" 保留方法 ", ruled_out) if keeps else ruled_out)
        technical = technical_terms(q.folded)
        if len(query.replace(" ", "")) < tuning.DOC_MIN_LENGTH:
            return []
        if domain.settled(q.folded) or domain.about_the_bot(q.folded):
            return []  # "那个问题已经解决了", "你是专门解答状态码的吗": nothing asked
        if domain.asks_for_cloud_error(q.folded):
            return []  # "阿里云…报什么错误码": a cloud table's error or nothing, not a status's likeness
        if domain.asks_for_protocol_code(q.folded):
            return []  # "…curl 退出码对应哪个错误": curl's code or nothing, not a status's likeness
        digit = q.memo.get("status.class")
        # A text that asks which status (or which member of a class) it describes is no shop talk.
        asked = digit is not None or domain.asks_for_status(q.folded)
        if technical >= 2 and not asked and not domain.describes_exchange(q.folded):
            return []  # "服务器打折买了三台": shop talk (fewer terms need the clear match below)
        ranked = [
            row
            for row in self._documents.rank(query, limit if digit is None else _CLASS_SHORTLIST)
            if row[2] >= tuning.DOC_MIN_SHARE
        ]
        if keeps:
            ranked = _keeping_method(ranked)
        ranked = [row for row in ranked if row[0] not in yardsticks and self.vendor_said(row[0], q.folded)]
        ranked = _documents_give_way(ranked, q.folded)
        if digit is not None:
            ranked = _in_class(ranked, digit)[:limit]
        if technical < 2 and not domain.asks_for_status(q.folded):
            # Fewer technical terms, a clearer match: long enough, and the best entry both
            # matches and leads well and is the one whose own words cover most of the text.
            # A text that asks which status ("…别人再改应该返回啥码") is about HTTP already.
            share, lead, covered = tuning.DOC_ONE_TERM if technical else tuning.DOC_NO_TERM
            if not (
                ranked
                and len(query.replace(" ", "")) >= tuning.DOC_ONE_TERM_LENGTH
                and ranked[0][2] >= share
                and ranked[0][3] >= lead
                and (words := self._words.scores(query, 1, words_from=math.inf))  # coverage only
                and words[0][0] == ranked[0][0]
                and words[0][1] >= covered
            ):
                return []
        # BM25's order stands: a runner-up far ahead of the third does not pass the first.
        out: list[Match] = []
        for code, _score, share, lead in ranked:
            score = tuning.document(share, lead)
            if out:
                score = min(score, out[-1].score - tuning.JUST_BELOW)
            out.append(status_match(self.data.statuses[code], score, f"描述相符（{share:.0%}）", "document"))
        return _below_the_standard(out, q.folded, self.data.statuses)

    # --- tiers -------------------------------------------------------------------------

    def _outvote(
        self,
        query: str,
        best: dict[int, tuple[float, str, str]],
        slivers: set[int],
        scored: list[tuple[int, float, str]],
    ) -> None:
        """A long description that mentions another code's alias (or only sounds like one) in
        passing ("私有仓库没有权限时故意说找不到" is 404, not 没有权限's 403; "临时跳转，但要保持
        原来的请求方法" is 307; "…账户成功，返回 Location…" is 201, not 成功返回's 200):
        when one entry's words clearly cover more of the text than the alias's entry does and
        that entry is also the clear best whole-entry match (BM25), two readings of all of it
        outvote the alias, which ranks just below."""
        top, (score, why, tier) = min(best.items(), key=lambda item: (-item[1][0], item[0]))
        described, coverage, _ = scored[0]
        if top not in slivers or tier not in ("alias", "fuzzy") or described == top or coverage < tuning.SLIVER_WORDS:
            return
        alias_coverage = next((c for code, c, _ in scored if code == top), 0.0)
        if coverage < tuning.SLIVER_MARGIN * alias_coverage:
            return
        docs = self._documents.rank(query, 1)
        if not docs or docs[0][0] != described or docs[0][2] < tuning.SLIVER_SHARE or docs[0][3] < tuning.SLIVER_LEAD:
            return
        mine = best.get(described, (0.0, "", "words"))
        best[described] = (score, mine[1] or "描述相近", mine[2])
        best[top] = (score - tuning.JUST_BELOW, why, tier)

    def _class_query(self, folded: str) -> int | None:
        # "既不是 2xx 也不是 5xx，而是…": a class ruled out is no class asked for.
        m = next(
            (m for m in _CLASS_RE.finditer(folded) if not folded[max(0, m.start() - 4) : m.start()].rstrip().endswith(_RULED_OUT)),
            None,
        )
        if m:
            if "xx" not in m.group() and any(n.group(1) == m.group(1) for n in _LONG_NUMBER_RE.finditer(folded)):
                return None  # "close code 是 4001，这种 4 开头的…": the longer number's range, no status class
            return int(m.group(1))
        query = normalize(folded)
        if query in self._classes:
            return self._classes[query]
        # "客户端错误那一类…列一下": a class name plus a request for a list. The cue is
        # looked for before normalisation, which drops words such as 一下.
        # In a long description the name is a word of it ("批量操作有的成功有的失败，把每个
        # 子操作的状态分别列出来" is 207, not the 成功 class): there it needs 类 beside it.
        # The length first: a long text is not scanned for the cue (~30 µs on 2 KB).
        listed = len(query) <= tuning.CLASS_LIST_MAX_LENGTH and _LIST_CUE_RE.search(folded) is not None
        if listed or "类" in folded:
            for key, digit in self._classes.items():
                if len(key) >= 2 and (f"{key}类" in query or (key in query and listed)):
                    return digit
        return None

    def _rank_text(
        self, folded: str, technical: int = 2, signatures: list[Choice] | None = None
    ) -> list[tuple[int, tuple[float, str, str]]]:
        query = normalize(folded)
        best: dict[int, tuple[float, str, str]] = {}

        def offer(code: int, score: float, why: str, tier: str) -> None:
            if score > best.get(code, (0.0, "", ""))[0]:
                best[code] = (score, why, tier)

        exact = self._exact.get(query)
        if exact is not None:
            offer(exact.target, tuning.EXPLICIT, exact.label, "alias")
        # A name quoted whole ("中文文档里说的“未授权”其实是哪个码") is the name meant.
        for quoted in self._quoted_names(folded):
            offer(quoted.target, tuning.QUOTED_NAME, quoted.label, "alias")

        padded = f" {query} "
        # The longest signature found is the most specific one.
        if signatures is None:
            signatures = self._signatures.find(padded)
        for sig in signatures[:1]:
            offer(sig.target, tuning.SIGNATURE, sig.label, "signature")

        slivers: set[int] = set()  # codes read from an alias that is a small part of a long text
        # The text as typed, then (when it differs) without the time words and adverbs put
        # inside a phrase ("接口已经被限流了", "网关昨晚又超时了").
        unfilled = without_fillers(query)
        for text in dict.fromkeys((query, unfilled)):
            padded_text = f" {text} "
            for choice in self._contained.find(padded_text):
                if domain.ruled_out(padded_text, choice.key):
                    continue  # "…这种情况返回什么（注意不是没登录那种）"
                coverage = len(choice.key) / max(len(text), 1)
                vendor = self._vendor.get(choice.key)
                if vendor and coverage < tuning.VENDOR_PHRASE_ALONE and not any(w in query for w in vendor):
                    continue
                if (
                    coverage < tuning.VENDOR_PHRASE_ALONE
                    and " " not in choice.key
                    and choice.key.isascii()
                    and folded.isascii()
                    and not any(cue in folded for cue in _en_cues(choice.key))
                ):
                    continue  # "…but I just created it in RAM": an English word, not the reason phrase
                if coverage < tuning.SLIVER_ALIAS and len(text) >= tuning.SLIVER_MIN_LENGTH:
                    slivers.add(choice.target)
                offer(choice.target, tuning.contained_alias(coverage), choice.label, "alias")

        # "面试常问的永久重定向，返回码是多少": the Chinese usage (301), not 308's 永久重定向（保留
        # 方法）, when the rest of the question is a short frame that says nothing of what the
        # longer name adds ("永久重定向保留方法" stays 308).
        for choice in self._asked.find(padded):
            rest = query.replace(choice.key, " ")
            if len(rest.replace(" ", "")) <= tuning.ASKED_REST and not grams(rest) & self._asked_rest[choice.key]:
                offer(choice.target, tuning.contained_alias(len(choice.key) / max(len(query), 1)), choice.label, "alias")

        # "限流一般回什么状态": a two-character name or alias (too short to count inside a
        # sentence) asked about in a status-question frame the normaliser left in place.
        if len(query) <= tuning.SHORT_ASKED_MAX:
            # "限流一般返回几": normalising took the cue out ("限流 几"); the folded text has it.
            cued = any(cue in folded for cue in _FRAME_CUES)
            for choice in self._short.find(padded):
                if _status_frame(query.replace(choice.key, "", 1), cued):
                    offer(choice.target, tuning.contained_alias(len(choice.key) / len(query)), choice.label, "alias")

        self._homophones(query, folded, offer, slivers)

        # A short everyday phrase that asks nothing ("等一会", "没问题", "找到了") shares a word
        # or two with some card by chance: word overlap does not read it, and a fragment of a
        # name ("接受" of 已接受) is no typo of it; "禁止方问" still is.
        everyday = (
            not technical and len(query.replace(" ", "")) <= tuning.SHORT_EVERYDAY and not domain.asks(folded)
        )
        # Typos: whole-string similarity to a name or alias.
        for key, score, index in self._typos.extract(query, tuning.FUZZY_CUTOFF, limit=5):
            if everyday and query in key:
                continue
            if negated_apart(query, key):
                continue  # "websocket 连不上" is no typo of "websocket 连上了"
            if self._other_word(query, key):
                continue  # "ssl certificate expired" is no typo of "SSL Certificate Required"
            choice = self._fuzzy_choices[index]
            offer(choice.target, tuning.fuzzy_alias(score, len(query)), f"近似{choice.label}", "fuzzy")
        # "接口老是报 bad gatewya": a mistyped English phrase inside a Chinese sentence, read
        # on its own (a few runs of two words or more, each of bounded length).
        if _CJK_CHAR_RE.search(query) is not None:  # cjk_count(query) > 0, in C (~0.15 ms on 2 KB)
            for run in _latin_runs(query):
                for key, score, index in self._typos.extract(run, _LATIN_RUN_CUTOFF, limit=3):
                    # A typo is neither a part nor a whole of the name (the contained-alias
                    # tier judges those, with its gates: "connection timed out" is not only
                    # Cloudflare's 522), and the name is English like the run.
                    if run in key or key in run or cjk_count(key) or not _typed_alike(run, key):
                        continue
                    vendor = self._vendor.get(key)
                    if vendor and not any(w in query for w in vendor):
                        continue  # a vendor's phrase is also a runtime's words ("connect timed out")
                    choice = self._fuzzy_choices[index]
                    inside = tuning.contained_alias(len(run) / max(len(query), 1))
                    offer(choice.target, min(tuning.fuzzy_alias(score, len(run)), inside), f"近似{choice.label}", "fuzzy")

        # Descriptions: how much of the question the entry's own words cover, and by
        # how much the best entry leads the next one.
        scored = self._words.scores(query, words_from=tuning.GRAM_MIN_COVERAGE)  # the words of kept rows
        kept = [row for row in scored if row[1] >= tuning.GRAM_MIN_COVERAGE]  # sorted by coverage
        if not kept and unfilled != query and len(query) <= tuning.SHORT_ASKED_MAX:
            # A short text read without the adverbs set inside a phrase when as typed it shares
            # too little: "接口老是超时" says what "接口超时" says. (A long one is the documents'.)
            scored = self._words.scores(unfilled, words_from=tuning.GRAM_MIN_COVERAGE)
            kept = [row for row in scored if row[1] >= tuning.GRAM_MIN_COVERAGE]
        overlap = [
            tuning.word_overlap(coverage, scored[n + 1][1] if n + 1 < len(scored) else 0.0)
            for n, (_, coverage, _) in enumerate(kept)
        ]
        # Coverage's order stands: an entry far ahead of the next (509, 413, 429 close together,
        # 508 well ahead of 431) lifts the ones that cover more to just above it.
        for n in range(len(overlap) - 2, -1, -1):
            overlap[n] = max(overlap[n], min(overlap[n + 1] + tuning.JUST_BELOW, tuning.word_overlap(1.0, 0.0)))
        # A remark (no ask, no trouble, more than a few words) needs more than one word in common.
        remark = len(query) > _REMARK_MIN and not domain.describes_exchange(folded)
        for (code, _coverage, words), score in zip(kept, overlap, strict=True):
            if remark and one_word(words):
                continue  # "工单 30451 已关闭" shares 已关闭 with 521, one word: no reading
            vendor = self._vendor_of.get(code)
            if vendor:
                # Shared words with a vendor's code ("证书""源站""超时") are weak evidence
                # unless the vendor is named: the same words describe everyday errors.
                if any(w in query for w in vendor):
                    score = min(score + tuning.VENDOR_NAMED, tuning.word_overlap(1.0, 0.0))
                else:
                    score -= tuning.VENDOR_UNNAMED
            offer(code, score, f"描述相近（{words}）", "words")

        if slivers and scored:
            # A name quoted as what people call it is meant, however small a part of the text
            # ("文档里说的“未登录”一般回哪个码": not 302, whose card tells of redirects to a login
            # page at more length); a quoted reply is not ("不告诉你“没权限”，而是装作不存在").
            slivers -= {choice.target for choice in self._quoted_names(folded, _NAMING_CUES)}
            if slivers:
                self._outvote(query, best, slivers, scored)
        if self._symptoms and all(tier in _COINCIDENT for _, _, tier in best.values()):
            # "网站打不开了", "服务器挂了": a symptom and nothing else is no one card's; word overlap
            # picked whichever shares its words ("打不开" is in 508's causes). The codes it
            # commonly is, as choices.
            symptom = self._symptoms.find(query)
            if symptom is not None:
                codes = sorted(symptom.targets)
                best = {code: (symptom.score(i, http=True), symptom.why, "symptom") for i, code in enumerate(codes)}
        # Equal scores (two entries at the word-overlap cap, two aliases of one length): the
        # entry whose words cover more of the text first, a hair above (the resolver would
        # otherwise order them by code).
        covered = {code: rank for rank, (code, _, _) in enumerate(scored)}
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], covered.get(item[0], len(covered)), item[0]))
        for i in range(1, len(ranked)):
            if ranked[i][1][0] >= ranked[i - 1][1][0]:
                score, why, tier = ranked[i][1]
                ranked[i] = (ranked[i][0], (ranked[i - 1][1][0] - tuning.TIE_STEP, why, tier))

        # Chatter that shares words with the cards is still chatter: without a technical term,
        # word overlap is answered only when confident, never offered as a list of guesses.
        def kept(reading: tuple[float, str, str]) -> bool:
            if everyday and reading[2] == "words":
                return False
            floor = tuning.ANSWER if not technical and reading[2] == "words" else tuning.CHOICES
            return reading[0] >= floor

        return [item for item in ranked if kept(item[1])]


# A question typed in pinyin too: "yongjiu chongdingxiang shi duoshao".
# Syllables run together or apart ("shi duo shao"). Every branch opens with a literal letter.
_PINYIN_ASK_RE = domain.PINYIN_ASK_RE
# The code ending the text (a particle may follow: "wo de jie kou fan hui 401 le"), or after
# 返回 / 报错 anywhere ("jie kou fan hui 403 jin zhi fang wen shi quan xian bu gou ma").
_PINYIN_CUE_RE = re.compile(
    r"(?<![a-z])(?:bao|fan ?hui|zhuang ?tai ?ma|bao ?cuo)\s?([1-5][0-9]{2})(?:\s?(?:le|la|a|ne|ma|ya|ba))?\s*$"
    r"|(?<![a-z])(?:fan ?hui|bao ?cuo)\s?([1-5][0-9]{2})(?![0-9])"
)
# Pinyin words ending in a question mark ("429 tai duo qing qiu le?").
_PINYIN_QUESTION_RE = re.compile(r"(?<![a-z])(?:le|ma|ne|a|ba|shi|shen ?me|sha)\s?\?\s*$")
_PINYIN_LOOKUP_MAX = 40  # characters: a pinyin question this short is a lookup
_DIGITS_THEN_LETTER_RE = re.compile(r"(?<![0-9a-z])([0-9]{3})([a-z])")
# A status-question frame typed in pinyin (是多少号, 状态码, 是几, 什么意思 …), longest first.
_PINYIN_FRAME_RE = re.compile(
    r"(?<![a-z])(?:zhuang ?tai ?ma|shi ?duo ?shao ?hao|shi ?duo ?shao|duo ?shao ?hao|shi ?shen ?me ?yi ?si"
    r"|shen ?me ?yi ?si|sha ?yi ?si|shi ?shen ?me|shi ?sha|shi ?ji ?hao|shi ?ji|shi ?na ?ge)(?![a-z])"
)
_CLAUSE_RE = re.compile(r"[^，。；;：:、（）()“”]+")
# A code in a card's prose; "100 秒" or "500 个" is a quantity.
_PROSE_CODE_RE = re.compile(r"(?<![0-9.])[1-5][0-9]{2}(?![0-9.\-])(?!\s?(?:秒|毫秒|ms|个|次|条|行|字|%|k|m|g|分钟|小时|天|多|以上|以内))")


def _own_clauses(text: str, entry: StatusEntry) -> str:
    """The clauses of ``text`` that do not name another status code: "需要保留原方法时，永久跳转
    用 308" in 301's meaning speaks of 308, and its words would make 301 look like 308. The
    code a client receives instead (nginx's 494 arrives as 400) is the entry's own."""
    own = {str(entry.code), *_PROSE_CODE_RE.findall(entry.received_as or "")}
    if all(n in own for n in _PROSE_CODE_RE.findall(text)):
        return text  # most texts: one scan, no split (start-up time)
    return "，".join(c for c in _CLAUSE_RE.findall(text) if all(n in own for n in _PROSE_CODE_RE.findall(c)))


class _Prose:
    """An entry's prose without the clauses about other codes, worked out once for both indexes."""

    def __init__(self, entry: StatusEntry) -> None:
        self.meaning = _own_clauses(entry.meaning, entry)
        self.causes = [_own_clauses(c, entry) for c in entry.causes]


def _document(entry: StatusEntry, prose: _Prose) -> str:
    """Everything an entry says, as one normalised text for whole-entry retrieval."""
    parts = [entry.name_zh, entry.phrase, *entry.phrase_aliases, *entry.aliases, entry.summary]
    parts += [prose.meaning, *prose.causes, *(_own_clauses(t, entry) for t in (*entry.fix_client, *entry.fix_server))]
    parts += [*entry.signatures, *entry.descriptions]
    if entry.seed:
        parts += [entry.seed.meaning, entry.seed.note]
    return normalize(" ".join(parts))


# What a question about one status may say around its name ("一般回什么状态", "该返回哪个码").
_FRAME_WORDS = frozenset(
    "一般 通常 应该 应当 该 会 要 回 返回 回复 给 报 用 是 什么 啥 哪个 哪 几 多少 状态 状态码 码 错误码 "
    "http 的 了 吗 呢 个 时 时候 那".split()
)
# "跟禁止访问老是搞混", "和 302 容易弄混": the name or code said as the one mixed up with.
# Literal-led, the name bounded.
_CONFUSED_WITH_RE = re.compile(
    r"(?:跟|和|与)\s?([^，。,？?！!；;]{2,12}?)\s?(?:老是|总是|经常|容易|常常|总)?(?:搞混|弄混|混淆|记混|分不清)"
)
_FRAME_CUES = ("回", "报", "状态", "码")  # the frame must be about a status, not any remark
_FRAME_LONGEST = max(len(w) for w in _FRAME_WORDS)


def _status_frame(rest: str, cued: bool = False) -> bool:
    """Is ``rest`` (at most a dozen characters) only frame words, one of them a status cue?
    ``cued``: the question had one before normalising dropped it ("…一般会回什么状态")."""
    rest = rest.replace(" ", "")
    if not rest or not (cued or any(cue in rest for cue in _FRAME_CUES)):
        return False
    i = 0
    while i < len(rest):  # greedy longest frame word at each position
        step = next((n for n in range(min(_FRAME_LONGEST, len(rest) - i), 0, -1) if rest[i : i + n] in _FRAME_WORDS), 0)
        if not step:
            return False
        i += step
    return True


def _long_enough(key: str) -> bool:
    """Only aliases specific enough to mean something when found inside a sentence."""
    if key.isascii():  # no ASCII character is wide: most keys are English names
        return len(key) >= 6
    cjk = sum(1 for ch in key if unicodedata.east_asian_width(ch) == "W")
    return cjk >= 3 or (cjk == 0 and len(key) >= 6) or (cjk and len(key) >= 5)


_COINCIDENT = ("words", "fuzzy", "document")  # tiers that are likeness, not a name typed


# Words around a one-word English reason phrase ("Created", "Conflict", "Locked") that make it
# the status's name in an English sentence, not a verb or an adjective.
_EN_STATUS_CUES = (
    "http", "status", "code", "api", "return", "respon", "error", "server", "request", "got", "get",
    "endpoint", "header", "rest", "webdav", "nginx", *"0123456789",
)
# Reason phrases that are everyday verbs ("…is still processing", "I just created it", "your
# instance is locked"): inside an English sentence, the status only when HTTP is talked of.
_EN_EVERYDAY = frozenset({"continue", "processing", "created", "accepted", "locked", "unused"})
_EN_HTTP_CUES = ("http", "status", "webdav")


def _en_cues(key: str) -> tuple[str, ...]:
    return _EN_HTTP_CUES if key in _EN_EVERYDAY else _EN_STATUS_CUES



# The trade's Chinese terms (bot.core.domain.TERMS), for a number's context typed by sound
# (and the status kind's sound_words, for questions typed in pinyin).
TERM_WORDS = tuple(term for term in domain.TERMS if not term.isascii())
_TERMS_BY_SOUND = Respeller(TERM_WORDS)
_RESPELL_MAX = 200  # characters


def explicit_codes(
    folded: str, normalized: str | None = None, named: Callable[[int, str], bool] | None = None
) -> list[int]:
    """Three-digit status codes written in the text, in order, without repeats.

    A number beside a unit, a counter or a place is a quantity. The others are codes when the
    text talks shop, asks about nothing but them, or a cue or the code's own name is beside
    them (``bot.core.domain``); otherwise they are everyday numbers ("503 今晚聚餐").
    """
    spans = [
        (m.start(), m.end(), int(m.group(1)))
        for m in _CODE_RE.finditer(folded)
        if not domain.is_quantity(folded, m.start(), m.end())
        and (folded[m.end() : m.end() + 1] != "s" or _plural_cued(folded, m.start(), m.end()))
    ]
    if "status" in folded:
        # "{status_code:400, …}", "status:502": a status field, glued to its colon like a port.
        fields = [(m.start(1), m.end(1), int(m.group(1))) for m in _STATUS_FIELD_RE.finditer(folded)]
        if fields:  # "status=404" is found by both
            spans = sorted({*spans, *fields})
    if not spans:
        return []
    norm = normalize(folded) if normalized is None else normalized
    # The cheap test first: most typed codes are the whole question ("503", "404 是什么").
    numbers = {folded[a:b] for a, b, _ in spans}
    if (
        not domain.asks_only_about(norm, numbers)
        and not domain.terse_lookup(norm, numbers, folded)
        and not domain.talks_status(folded)
        # "401 搞定了，今天又变成 403 了 @bot 这个又是啥": two codes in a question to the bot.
        and not (len(numbers) > 1 and (domain.asks(folded) or _TO_BOT_RE.search(folded) is not None))
        and not (_ADDRESSED_RE.match(folded) is not None and domain.asks(folded))
    ):
        spans = [
            (a, b, code)
            for a, b, code in spans
            if domain.cued_status(folded, a, b) or (named is not None and named(code, norm))
        ]
    if len(spans) == 1:  # most questions: one code, nothing to deduplicate
        return [spans[0][2]]
    return list(dict.fromkeys(code for _, _, code in spans))


def _asks_for_member(folded: str, normalized: str) -> bool:
    """Does a description ask which code of a class it is ("返回的是哪个 5xx")? ``normalized``
    is the matching form of ``folded`` (the query has it already)."""
    m = _CLASS_RE.search(folded)
    # A list cue counts only next to the class ("列出所有 5xx", "5xx 有哪些"): "前面已经列举过了" in
    # a description is part of what is described.
    if m is None or _LIST_CUE_RE.search(folded[max(0, m.start() - 8) : m.end() + 8]) is not None:
        return False
    if len(normalized.replace(" ", "")) < _MEMBER_MIN_LENGTH:
        # "请求超时4xx是几": short, but a description before the class and a question after it.
        described = cjk_count(folded[: m.start()]) >= _MEMBER_SHORT_DESCRIPTION
        return described and _MEMBER_ASK_RE.search(folded, m.end()) is not None
    if _MEMBER_CUE_RE.search(folded, max(0, m.start() - 8), m.start()) is not None:
        return True
    if cjk_count(folded[: m.start()]) >= _MEMBER_SHORT_DESCRIPTION and _MEMBER_ASK_RE.search(folded, m.end()):
        return True  # "切换协议 是 1 开头那个吧，具体多少": a name before the class, a question after
    # "…预留的 4xx，有些 SaaS 拿它表示欠费，是哪个": the question comes after the class.
    return len(normalized) >= _MEMBER_LATE_LENGTH and _MEMBER_ASK_RE.search(folded, m.end()) is not None


# Runs of English words inside a Chinese text, read for typos of English names.
_LATIN_RUN_RE = re.compile(r"[a-z]{2,}(?: [a-z]{2,})+")
_LATIN_RUNS = 3
_LATIN_RUN_MAX = 40
_LATIN_RUN_CUTOFF = 80.0  # stricter than a whole-text typo: the rest of the text is not the name
# A question about the standard ("HTTP 标准里", "按 RFC", "规范里").
# Every branch opens with a literal (the look-behinds after the word): the engine skips in C
# to the next 标, 规, r or i.
_STANDARD_RE = re.compile(r"标准|规范|rfc(?<![a-z]rfc)(?![a-z])|ietf(?<![a-z]ietf)(?![a-z])")
# ... and asked for, as the registered codes' own (_below_the_standard): not a vendor's "非标准码",
# whose vendor _STANDARD_RE's penalty lifts again when named.
# A code asked for as outside the standard ("不是标准 HTTP 码", "它并不在 HTTP 标准里"). Literal-led,
# bounded gap.
_STANDARD_DENIED_RE = re.compile(r"(?:不是|不在|不属于|非)[^，。,?？]{0,8}?标准")
_STANDARD_ASKED_RE = re.compile(r"rfc|标(?<!非标)准|s(?<![a-z-]s)tandard|规范(?:里|上|中)|按(?:照)?规范")
# A redirect that must keep its method and body is the method-keeping sibling of the one read.
_KEEPS_SIBLING = {301: 308, 302: 307}
# A redirect told to have turned the request into a GET is the sibling that may: "the server sent
# a temporary redirect and the browser turned my POST into a GET" is 302, not 307.
_CHANGES_SIBLING = {308: 301, 307: 302}
# Literal-led, bounded gaps.
_CHANGED_METHOD_RE = re.compile(
    r"(?:turned|changed|switched|converted|rewrote)[^,.;]{0,16}?(?:into|to) (?:a )?get"
    r"|post[^，。,;；]{0,6}?(?:变成了|被改成了?|改成了|被换成了?)\s?get"
)


_CLAUSE_RE = re.compile(r"[^，。；！？,;!?（）()]+")
_RULED_OUT = ("不是", "并非", "非")
_THAT_ONE_RE = re.compile(r"\s*(?:那是|那个是|那个|它是|这个是)")


def _without_ruled_out(text: str, yardsticks: frozenset[int]) -> str:
    """``text`` without the clauses that rule a code out and say what that code is ("不是 101！
    那个是服务器同意换协议；…", "不是 431（那是头太大）"): they describe the wrong code."""
    if not yardsticks or _NOT_CODE_RE.search(text) is None:
        return text
    kept: list[str] = []
    after_ruled_out = False
    for m in _CLAUSE_RE.finditer(text):
        clause = m.group()
        if any(int(n.group(1)) in yardsticks for n in _NOT_CODE_RE.finditer(clause)):
            after_ruled_out = True
            continue
        if after_ruled_out and _THAT_ONE_RE.match(clause) is not None:
            after_ruled_out = False
            continue
        after_ruled_out = False
        kept.append(clause)
    rest = "，".join(kept)
    return rest if rest.strip() else text


@lru_cache(maxsize=8)
def _latin_runs(normalized: str) -> tuple[str, ...]:
    """The first few runs of English words in a text, once per text (every number in a
    4 KB log asks whether its name is typed beside it)."""
    return tuple(m.group()[:_LATIN_RUN_MAX] for m in islice(_LATIN_RUN_RE.finditer(normalized), _LATIN_RUNS))


def _typed_alike(run: str, key: str) -> bool:
    """Word for word the same first letters, or a key beside it ("mot found"): a typo ("gatewya"),
    not another word ("if unmodified since" is not "if modified since")."""
    words, names = run.split(), key.split()
    return len(words) == len(names) and all(
        w[0] == n[0] or w[0] in _BESIDE.get(n[0], "") for w, n in zip(words, names, strict=True)
    )


# Letters beside each other on a QWERTY keyboard (a slip of the first letter).
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {row[i]: row[max(0, i - 1) : i] + row[i + 1 : i + 2] for row in _ROWS for i in range(len(row))}


def _keeps_method(q: Query) -> bool:
    """Does the text require the redirect to keep its method ("POST 过去还得是 POST")?"""
    found = q.memo.get("status.keeps_method")
    if found is None:
        found = q.memo["status.keeps_method"] = _KEEPS_METHOD_RE.search(q.stripped) is not None
    return found


def _as_siblings(ranked: list, siblings: dict[int, int], why: Callable[[int], str] | None = None) -> list:
    """Readings with each code in ``siblings`` read as its sibling (codes are the first item),
    each code once. ``why``: for (code, (score, why, tier)) readings, the reason a sibling read
    gives, from the code it was read as."""
    out, seen = [], set()
    for item in ranked:
        code = siblings.get(item[0], item[0])
        if code in seen:
            continue
        seen.add(code)
        if code != item[0]:
            if why is None:
                item = (code, *item[1:])
            else:
                score, _, tier = item[1]
                item = (code, (score, why(item[0]), tier))
        out.append(item)
    return out


def _changing_method(ranked: list) -> list:
    """Readings (code, (score, why, tier)) with 308 / 307 read as 301 / 302, each code once."""
    return _as_siblings(ranked, _CHANGES_SIBLING, lambda code: f"{code} 的同类里会把请求改成 GET 的那个")


def _keeping_method(ranked: list) -> list:
    """Readings with 301 / 302 read as 308 / 307 (codes are the first item), each code once."""
    return _as_siblings(ranked, _KEEPS_SIBLING)


def _in_class(ranked: list, digit: int | None) -> list:
    """Readings in the class asked about, when there are any (codes are the first item)."""
    if digit is None:
        return ranked
    members = [item for item in ranked if item[0] // 100 == digit]
    return members or ranked


def _focus_codes(q: Query) -> tuple[str, ...]:
    """The codes an ask is about (_FOCUS_ASKED_RE, then _FOCUS_SAID_RE), found once per query."""
    found = q.memo.get("status.focus")
    if found is None:
        folded = q.folded
        # Both patterns need Chinese words: an all-ASCII text (a pasted trace) has none. In
        # English, the code the asker keeps receiving ("…I'm getting 504s after exactly 60s").
        if folded.isascii():
            asks = ()
            if any(w in folded for w in _FOCUS_EN_WORDS):
                # "…mine returns 504 after 60s": the code met; "…my API returns 403 when the JWT
                # is expired, is that wrong?": the code put in doubt, not the one asked for.
                doubted = any(w in folded for w in _DOUBTED_EN)
                asks = tuple(
                    m.group(1)
                    for m in _FOCUS_EN_RE.finditer(folded)
                    if not (doubted and m.group().startswith(("returns", "throws")))
                )
        else:
            doubted = any(w in folded for w in _DOUBTED_ZH)
            said = tuple(
                m.group(1)
                for m in _FOCUS_SAID_RE.finditer(folded)
                # "…我这边返回的是 403，这样对吗": the code put in doubt, not the one asked for.
                if not (doubted and m.group().startswith(_OWN_SIDE))
            )
            asks = (*_FOCUS_ASKED_RE.findall(folded), *said)
        found = q.memo["status.focus"] = asks
    return found


def _asks_which_en(folded: str) -> bool:
    """"401 or 403?", "which one fits"."""
    return ("or" in folded and _EN_OR_RE.search(folded) is not None) or (
        "which" in folded and _EN_WHICH_RE.search(folded) is not None
    )


OVERVIEW = 0  # the group of a class answer that lists every class (no class has digit 0)
_OVERVIEW_MAX = 30  # normalised characters: a short ask, not a description that lists codes
_CODE_NOUNS = r"(?:http ?)?(?:状态码|状态代码|响应码|错误码|返回码|status codes?|response codes?|error codes?)"
_OVERVIEW_RE = re.compile(
    rf"{_CODE_NOUNS}[^，。？?,.!！\n]{{0,8}}?(?:有哪些|有哪几种|有几种|有几类|分类|大全|列表|一览|汇总|对照表|清单|全集|都有什么|都是什么|list)"
    rf"|(?:常见的?|所有的?|全部的?|哪些|列一下|列出|总结一下)[^，。？?,.!！\n]{{0,6}}?{_CODE_NOUNS}"
    rf"|(?<![a-z])(?:list of|all|common)(?: the)?(?: http)? (?:status|response) codes"
)
_ONE_ASKED = ("那个", "哪个", "哪一个", "是几", "是多少", "which")
# A family of its own (gRPC's status codes, curl's exit codes …) or a cloud's error codes.
_NOT_HTTP_CODES = (
    "grpc", "grcp", "gprc", "websocket", "curl", "errno", "关闭码", "退出码", "openssl", "x509", "chrome", "net::",
    "阿里", "腾讯", "华为", "aliyun", "tencent", "huawei", "oss", "ecs", "obs", "cos", "云",
)


def asks_overview(folded: str, normalized: str) -> bool:
    """Does a short text ask for HTTP's statuses as a whole ("http 状态码有哪些", "常见状态码",
    "list of http status codes")? Bounded: a short text, one search with gaps of a few
    characters."""
    if len(normalized) > _OVERVIEW_MAX or any(word in folded for word in _NOT_HTTP_CODES):
        return False
    if any(word in folded for word in _ONE_ASKED):
        return False  # "…最常见的那个状态码": one code described, not the list
    if domain.discusses(folded) or domain.settled(folded):
        return False  # "面经分享：三面问了状态码分类和缓存协商，整体不难": talk, nothing asked
    if "http" not in folded and "状态" not in folded and "status" not in folded and "响应码" not in folded:
        return False  # "错误码有哪些" alone may be any program's
    return _OVERVIEW_RE.search(folded) is not None


# A reading that names the mechanism gives way to the status that mechanism fails with, when
# the text tells of the failure: "Expect: 100-continue … 服务器满足不了这个期望，直接拒绝" is 417
# (100's own name is in the header), "Range: bytes=5000000- … 文件总共只有 3MB" is 416 (断点续传
# names 206). Each test: a bounded gap, linear in the text.
# A condition the request carried, told failed: by the header's name, or in words (a condition or
# a version tag the update carried, "…做条件判断，结果别人先改过了，标识对不上").
_CONDITION_FAILED_RE = re.compile(
    r"(?:if-match|if match|if-unmodified-since|etag|条件判断|条件请求|条件更新|条件式更新|带条件)[^。]{0,80}?"
    r"(?:对不上|不一致|不匹配|旧的|过时|过期的|已经变|变了|不是最新|不是服务器上的最新|mismatch|stale"
    # Someone else's change came first ("ETag 已经被别人改过了", "结果别人先保存了").
    r"|改过|被改|改成了|先保存|先改|先提交)"
)
_DONE_WITHOUT_BODY_RE = re.compile(
    r"(?:删除|删掉|删了|更新|修改)[^。]{0,60}?"
    r"(?:什么都不|啥都不|啥也不|什么也不|不返回任何|没有任何需要|不需要返回|不用返回|响应体为空|不带响应体|没有响应体|响应体是空)"
)
_TO_HTTPS_RE = re.compile(r"http\s?(?:跳转|跳|转|重定向)(?:到|向)?\s?https")
_SENDS_307_RE = re.compile(r"(?<![a-z])asp(?![a-z])|\.net|usehttpsredirection|hsts|临时|internal redirect")
_INGRESS_TO_HTTPS_RE = re.compile(r"ingress[^。]{0,60}?(?:https|ssl-redirect|ssl redirect)|ssl-redirect")
_REFUSED = r"(?:拒绝|满足不了|没法满足|无法满足|不能满足|不满足|不接受|不支持|reject|cannot|can't|not satisf)"
# A wait that ran out, told in words: a timeout (504), whatever else failed around it.
_TIMEOUT_TOLD_RE = re.compile(r"超时|timed? ?out|等太久|等不到")
_GIVES_WAY_RULES = (
    (re.compile(rf"100-?continue[^。]{{0,60}}?{_REFUSED}"), 100, 417),
    # "A 再 PUT 时带的 If-Match 还是旧的 ETag，服务器发现版本对不上而拒绝更新": the condition
    # failed (412), whatever the conflict story around it (409), and it was sent (not 428's
    # missing condition: "要求客户端带上版本标识做条件判断…标识对不上").
    (_CONDITION_FAILED_RE, 409, 412),
    (_CONDITION_FAILED_RE, 428, 412),
    # "…没用 If-Match 那套，就是业务层判断的": the condition header ruled out, the conflict is
    # the business layer's (409), whatever the words the two share.
    (re.compile(r"(?:没用|没有用|不用|没带|没有带|不带)\s?(?:if-match|if match|条件请求头|条件头)"), 412, 409),
    # "后端成功删掉了那条记录…响应里什么都不放": a deletion or update done, with nothing to send
    # back, is 204, not the 201, 200 or 202 (accepted, not yet done) its success reads alike.
    (_DONE_WITHOUT_BODY_RE, 201, 204),
    (_DONE_WITHOUT_BODY_RE, 200, 204),
    (_DONE_WITHOUT_BODY_RE, 202, 204),
    # "http 跳 https 用什么码": a redirect from plain HTTP to HTTPS for good (301, as nginx's
    # `return 301` writes it), not nginx's 497 for plain HTTP sent to its HTTPS port, nor the
    # temporary 302 or 307 word overlap reads. 307 stays where it is what was seen: ASP.NET
    # Core's UseHttpsRedirection sends it, and so does a browser for a site on its HSTS list.
    (_TO_HTTPS_RE, 497, 301),
    (_TO_HTTPS_RE, 302, 301),
    (_TO_HTTPS_RE, 307, 301, _SENDS_307_RE),
    # ingress-nginx's ssl-redirect answers 308 (a redirect that keeps the method), not the
    # 301 above.
    (_INGRESS_TO_HTTPS_RE, 301, 308),
    (_INGRESS_TO_HTTPS_RE, 307, 308),
    # "浏览器带着 Range 头只请求剩下的部分，服务器成功返回了这一段": the success is partial (206),
    # not the plain 200 "成功返回" names.
    (
        re.compile(r"range[^。]{0,60}?(?:部分|一段|剩下|剩余|那一截|片段|某一段)|(?:只请求|只要|只拉|只取)[^。，,]{0,12}?(?:剩下|剩余)"),
        200,
        206,
    ),
    (
        re.compile(r"(?:range|区间|范围)[^。]{0,60}?(?:超出|超过|大于|满足不了|无法满足|只有\s?[0-9]|才\s?[0-9]|文件外|文件之外|文件以外)"
                   r"|(?:超出|超过)[^。，,]{0,10}?(?:文件|末尾|总大小|总长度)"),
        206,
        416,
    ),
    # "I asked for bytes 5000-6000 of a file that's only 3000 bytes long".
    (re.compile(r"bytes?\s?[0-9][^.?]{0,60}?(?:only\s?[0-9]|past the end|beyond the end)"), 206, 416),
    # "后端进程挂了、端口没人监听，代理拿不到有效响应": the upstream refused or gone is a bad gateway
    # (502), not a gateway timeout (504), unless a wait running out is told.
    (re.compile("|".join((*domain.NOBODY_LISTENING, "进程挂了", "拒绝连接", "connection refused"))), 504, 502, _TIMEOUT_TOLD_RE),
    # "nginx 等了 60 秒还没拿到后端服务的响应，最后直接给浏览器返回了一个错误页": a wait that ran
    # out is a gateway timeout (504), not the bad gateway (502) an error page reads alike.
    (re.compile(r"等了\s?[0-9一二三四五六七八九十几]+\s?(?:秒|分钟)[^。，,]{0,6}?(?:还没|没拿到|没有拿到|都没|也没)"), 502, 504),
    # "登录态是好的，token 也没过期…不是订单所有者，直接拒绝了，让他重新登录也没用": who the caller
    # is was never in doubt: refused all the same is 403, not the 401 that asks to log in.
    (
        re.compile(
            r"(?:登录态|登录状态|token|令牌|身份)[^，。,]{0,6}?(?:是好的|没问题|正常|有效|没过期|没有过期|验证通过|认证通过)"
            r"|重新登录也没用|重新登录也不行|重登也没用|(?:明确|已经|清楚)知道(?:他|她|用户|对方|调用方)?是谁"
        ),
        401,
        403,
    ),
)
# Each rule as (pattern, loser, winner, unless or None), unpacked once here, not on every question.
_GIVES_WAY = tuple((pattern, loser, winner, unless[0] if unless else None) for pattern, loser, winner, *unless in _GIVES_WAY_RULES)


def _told_giving_way(
    codes: list[int], folded: str, pattern: re.Pattern[str], loser: int, winner: int, unless: re.Pattern[str] | None
) -> bool:
    """Is ``loser`` read ahead of ``winner`` (or ``winner`` not at all), and does the text tell the
    failure that makes it give way (one of _GIVES_WAY), and not what keeps it (``unless``)?"""
    if loser not in codes or (winner in codes and codes.index(winner) < codes.index(loser)):
        return False
    return pattern.search(folded) is not None and (unless is None or unless.search(folded) is None)


def _documents_give_way(ranked: list, folded: str) -> list:
    """:func:`_gives_way` for whole-entry readings (code, score, share, lead): when the text
    tells the failure, the two change places (each place keeps its figures), or the winner, not
    read, takes the loser's place and figures and the loser comes next ("…带着旧的 ETag，服务端发现
    ETag 已经变了就不让改" reads 409 alone)."""
    codes = [row[0] for row in ranked]
    for pattern, loser, winner, unless in _GIVES_WAY:
        if not _told_giving_way(codes, folded, pattern, loser, winner, unless):
            continue
        i = codes.index(loser)
        ranked = list(ranked)
        if winner in codes:
            j = codes.index(winner)
            ranked[i], ranked[j] = (winner, *ranked[i][1:]), (loser, *ranked[j][1:])
        else:
            ranked.insert(i, (winner, *ranked[i][1:]))
        codes = [row[0] for row in ranked]
    return ranked


def _gives_way(ranked: list, folded: str) -> list:
    codes = [code for code, _ in ranked]
    for pattern, loser, winner, unless in _GIVES_WAY:
        if not _told_giving_way(codes, folded, pattern, loser, winner, unless):
            continue
        i = codes.index(loser)
        score, why, tier = ranked[i][1]
        ranked = list(ranked)
        if winner in codes:  # the two change places, the winner at the loser's score
            j = codes.index(winner)
            _, w_why, w_tier = ranked[j][1]
            ranked[j] = (loser, (score - tuning.JUST_BELOW, why, tier))
            ranked[i] = (winner, (score, w_why, w_tier))
        else:  # the failure told names the winner outright
            ranked[i] = (loser, (score - tuning.JUST_BELOW, why, tier))
            ranked.insert(i, (winner, (score, f"{why}，且所说的失败是 {winner}", tier)))
        codes = [code for code, _ in ranked]
    return ranked
