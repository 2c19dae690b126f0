"""Turn a question into ranked matches of any kind, on the one score scale.

The resolver names no kind. It asks the kinds of the knowledge base, in their order:

0. Is the text one of a kind's identifiers and nothing else (``exact``: "503")? That answers
   it, unread.
1. Does one of them answer the text outright (typed status codes, a class)? A final
   answer (a class) stands; otherwise it stands unless a kind that outranks its owner
   (``tuning.PRECEDENCE``) may hold an identifier too (its cheap ``may_identify``).
2. Each kind searches. The strongest identifier scoring at least ``tuning.DOMINANT`` (a
   documented cloud code, a pasted error body, ``curl: (7)``) answers on its own; a typed
   status that reports no failure (``yields``) stays beside it. A typed status that a
   named provider's error with the same status explains ("OSS 报 403，说签名不对") is
   answered by that error, the status beside it. A kind that identifies nothing searches
   last, and only when no identifier answers (its ``note`` is taken first, in its place);
   a kind whose ``strongest`` identifier cannot beat the lead is not asked.
3. Otherwise the first kind's readings are the baseline; every later kind weighs its own
   against the best of them, and everything at or above ``tuning.CHOICES`` is ranked.
4. When no kind read anything, each kind's ``fallback`` (whole-entry retrieval for long
   descriptions) may still offer choices.
5. A reading no identifier backs is withdrawn when the chatter model (bot/core/chatter.py)
   says the text reads like group talk and the text asks no help; any reading is withdrawn
   when the text names it in a laugh and asks nothing (``_is_chatter``).

Worst case: ``Query.of`` cuts the text to 4,096 characters (head and tail) and every kind's
search is linear in that (see each kind's index module).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core import domain, tuning
from bot.core.chatter import MAX_CHARS
from bot.core.kind import IDENTIFIER_TYPED, LAST_RESORT, Kind, Query, window
from bot.core.knowledge import KnowledgeBase
from bot.core.match import Match, Resolution
from bot.core.sounds import noting_heard
from bot.core.text import has_cjk
from bot.core.typed_pinyin import EVERYDAY, PinyinWords
from bot.retrieval.textindex import forget_shared

# Laughter and shrugs around a named error (see _is_chatter). Not "again" or "经典": vendors'
# messages say "please try again".
_LAUGHS = ("哈哈", "笑死", "习惯了", "我服了", "🤣", "😂")
_LOL_RE = re.compile(r"(?<![a-z])(?:lol|lmao)(?![a-z])")
# Question tags asks() leaves to the other tiers ("…到底谁的锅😂", "…这锅是后端的吧😂", "…101 才算成功
# 对吧", "我服了… EADDRINUSE :::3000，谁占了我的端口", "what is http 418 lol", "问个小白问题…哈哈哈"):
# a laugh beside them is no remark.
_ASKED_ANYWAY = ("对吧", "到底", "谁的锅", "这锅是", "锅在谁", "谁占", "呢", "问个", "问一下", "请问", "求问", "what ", "what's", "whats ", "why ", "how ", "which ", "is it ")
# The bot asked to explain to someone ("@机器人 给他科普下"): a laugh around it asks all the same.
_ASKED_ANYWAY += ("科普下", "科普一下", "解释下", "解释一下")
# A remark set aside as settled is read again for what it names only when it is chat-sized, and
# only an error typed by name is offered then (not whatever its other words resemble).
_REMARK_MAX = 200
_NAMED_TIERS = frozenset({"code", "pattern", "signature", "alias", "named", "message"})
# Characters: a question typed in pinyin is short (a paste is not read as pinyin).
_PINYIN_MAX = 80
# A status said digit by digit in Chinese or pinyin ("四零四", "wu ling san"), in a short text
# that read as nothing. Three digits exactly, the first 1-5; no digit, unit or date right
# around them ("二零一九年", "三五个"). Each alternative a literal: linear.
_SPELLED_MAX = 80
_DIGIT_OF = {
    **dict(zip("零〇一二三四五六七八九", "00123456789", strict=True)),
    **dict(zip("ling yi er san si wu liu qi ba jiu".split(), "0123456789", strict=True)),
}
_CN_FIRST = "[一二三四五]"
_CN_DIGIT = "[零〇一二三四五六七八九]"
_PY_FIRST = "(yi|er|san|si|wu)"
_PY_DIGIT = "(ling|yi|er|san|si|wu|liu|qi|ba|jiu)"
_SPELLED_CODE_RE = re.compile(
    rf"(?<![零〇一二三四五六七八九十百千万两])({_CN_FIRST})({_CN_DIGIT})({_CN_DIGIT})(?![零〇一二三四五六七八九十百千万年月日号点个块元岁次])"
    rf"|(?<![a-z]){_PY_FIRST} ?{_PY_DIGIT} ?{_PY_DIGIT}(?![a-z])"
)
_BY_SOUND = frozenset({"fuzzy", "heard"})
# A tool or a thing named in Latin letters ("docker", "nginx", "mysql"). Class-led, bounded.
_TOOL_WORD_RE = re.compile(r"[a-z]{3,}")
# A status in front of an English line's writer ("this 502", "these 504s"). Literal-led.
_THIS_CODE_RE = re.compile(r"(?<![a-z])(?:this|these) [1-5][0-9]{2}(?![0-9])")
# An English yes/no question opens with its verb ("Is 418 a real status code lol").
_ASKED_OPENING = ("is ", "are ", "can ", "could ", "does ", "do ", "should ", "will ")


def _laughs(folded: str) -> bool:
    # Substring tests first: one regex with a look-behind branch was tried at every position
    # of the text (~80 µs on 4 KB); these run in C, and the regex only when "lol" is there.
    return any(word in folded for word in _LAUGHS) or (
        ("lol" in folded or "lmao" in folded) and _LOL_RE.search(folded) is not None
    )


def _still_failing(folded: str) -> bool:
    """Is the trouble told as still going on, or as outlasting what the teller did ("我服了 OSS
    上传一直 SignatureDoesNotMatch，AK SK 都复制了三遍了")? The laugh is at one's own trouble in
    hand, not a remark."""
    return any(word in folded for word in domain.STILL_FAILING) and not (
        domain.tells_cause(folded) or domain.settled(folded)
    )


class Resolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.kinds: tuple[Kind, ...] = kb.kinds
        for kind in self.kinds:
            kind.build(kb)  # every index at start, none on the first question
        self._pinyin = PinyinWords([*(w for kind in self.kinds for w in kind.sound_words), *EVERYDAY])
        forget_shared()

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        if isinstance(text, str):
            for kind in self.kinds:
                exact = kind.exact(text)
                if exact is not None:
                    return exact
        return self.read(text, limit)

    def read(self, text: str, limit: int = 5) -> Resolution:
        """The whole reading of ``text`` (what ``resolve`` does when no kind's ``exact``
        answers it). Its ``query`` is the text as sent (cut as the kinds' reading is): the
        kinds read repeated lines once, and a reply echoes what was sent."""
        res = self._read(text, limit)
        if isinstance(text, str) and not res.withdrawn and (not res.matches or res.matches[0].tier in _BY_SOUND):
            # Read as nothing, or only by sound ("grpc fuwu bukeyong" sounds like 503's name): the
            # pinyin's words written back may say more ("grpc 服务不可用").
            pinyin = self._read_as_pinyin(text, limit)
            if pinyin is not None and (
                not res.matches
                # A name's sound read already says what the words say ("wangguan chaoshi"): it stands.
                or (pinyin.matches[0].key != res.matches[0].key and pinyin.matches[0].score > res.matches[0].score)
            ):
                res = pinyin
        if isinstance(text, str) and not res.matches and not res.withdrawn and len(text) <= _SPELLED_MAX:
            # "页面一直四零四", "页面一直 si ling si": a code said digit by digit in words.
            spelled = self._read_spelled_code(text, limit)
            if spelled is not None:
                res = spelled
        sent = window(text) if isinstance(text, str) else res.query
        return res if res.query == sent else replace(res, query=sent)

    def _read_spelled_code(self, text: str, limit: int) -> Resolution | None:
        """A short text that read as nothing, with a status said digit by digit ("页面一直四零四",
        "si ling si"): the digits written back, read again, and the card says how they were read."""
        put: list[str] = []

        def digits(m: re.Match[str]) -> str:
            code = "".join(_DIGIT_OF[d] for d in m.groups() if d)
            put.append(code)
            return f" {code} "

        written = _SPELLED_CODE_RE.sub(digits, text.lower())
        return self._read_written(written, put, "数字", limit)

    def _read_as_pinyin(self, text: str, limit: int) -> Resolution | None:
        """A short question typed in pinyin that read as nothing ("aliyun ecs kucun buzu"): its
        known words written back in Chinese, read again."""
        if len(text) > _PINYIN_MAX or not text.isascii():
            return None
        written, put = self._pinyin.write_back(text)
        return self._read_written(written, put, "拼音", limit)

    def _read_written(self, written: str, put: list[str], how: str, limit: int) -> Resolution | None:
        """The text with ``put`` written back (how: "拼音", "数字") read again, the card saying
        how; None when nothing was written back or the reading finds nothing."""
        if not put:
            return None
        res = self._read(written, limit)
        if not res.matches:
            return None
        return replace(res, matches=tuple(noting_heard(res.matches, put, how)))

    def _read(self, text: str, limit: int) -> Resolution:
        q = Query.of(text)
        res = self._resolve(q, limit)
        if res.matches and self._is_chatter(q, res):
            named = tuple(m for m in res.matches[:3] if m.score >= tuning.ANSWER)
            return Resolution(q.text, "none", (), unknown=res.unknown, withdrawn=named)
        if not res.matches and not res.unknown and len(q.folded) <= _REMARK_MAX and domain.settled(q.folded):
            # A remark the kinds set aside as settled ("这波 ECONNRESET 是因为对面服务重启了，已经
            # 恢复"): what it names, read without the words that settle it, is offered as above.
            told = Query.of(domain.without_settled_words(q.folded))
            again = self._resolve(told, limit) if not told.empty else None
            if again is not None and again.matches:
                named = tuple(m for m in again.matches[:3] if m.score >= tuning.ANSWER and m.tier in _NAMED_TIERS)
                if named:
                    return Resolution(q.text, "none", (), withdrawn=named)
        return res

    def _is_chatter(self, q: Query, res: Resolution) -> bool:
        """Is this reading withdrawn as group talk? An error named in a laugh that asks nothing
        is, however plainly it is named; otherwise the chatter model decides (see
        tuning.CHATTER_LIKELY)."""
        top, model = res.matches[0], self.kb.chatter
        if model is None:
            return False
        terse = len(q.normalized.replace(" ", "")) <= tuning.CHATTER_TERSE
        # A few English words are as terse ("account in arrears", "request throttled").
        terse = terse or (q.normalized.isascii() and q.normalized.count(" ") < tuning.CHATTER_TERSE_WORDS)
        if terse and (res.mode != "text" or top.tier in _TERSE_LOOKUPS):
            return False  # "503", "又 502 了", "触发流控了", "欠费了": a lookup (and the cheap tests first)
        if (
            top.tier == "alias"
            and len(q.normalized.replace(" ", "")) <= tuning.CHATTER_SHORT_REPORT
            and _TOOL_WORD_RE.search(q.folded) is not None
            and domain.reports_trouble(q.folded)
            and not _laughs(q.folded)
            and not domain.settled(q.folded)
        ):
            # "docker 挂载目录没权限": a short report of a tool's trouble, a status named for it
            # (venting that names no tool, "接口又被限流了，算了明天再跑", the model judges).
            return False
        if (
            _laughs(q.folded)
            and not domain.asks(q.folded)
            and not any(tag in q.folded for tag in _ASKED_ANYWAY)
            and not q.folded.startswith(_ASKED_OPENING)
            and not _still_failing(q.folded)
            # "getting 401 on every req after i rotated the key lol": an English chat line
            # laughs at its own trouble (a status typed as happening) and still asks about it.
            and (has_cjk(q.folded) or not (res.mode == "code" or domain.reports_trouble(q.folded)))
        ):
            # "又是 ECONNRESET 哈哈哈，习惯了", "哈哈 curl: (7) 原来是我没开 VPN": an error named
            # in a laugh or a shrug, asking nothing, however plainly it is named. Not a shrug at
            # trouble still being narrowed down ("我服了 postman 调正常，浏览器里就失败…").
            return not domain.asks_for_help(q.folded) and not domain.works_elsewhere(q.folded)
        if domain.tells_others(q.folded) or domain.asks_who_did_it(q.folded):
            return True  # "1006 我写进 FAQ 了：…", "以后大家遇到 EAI_AGAIN 先看看 …", "…是谁写的？": not asked of the bot
        if top.tier == "symptom":
            # "网站打不开了", "小程序打不开了": a bare symptom, which only choices answer (bot.core.symptoms).
            # Told to the bot it is asked of it; a group's auto mode never offers choices.
            return False
        if res.mode == "text" and domain.riddle(q.folded):
            # "…nginx 日志全是 upstream prematurely closed connection，原来是 php-fpm 被 OOM 干掉了，
            # 重启后恢复": a failure told at length, its cause found, its name left out.
            return False
        helped: bool | None = None  # asks_for_help, once worked out
        if res.mode == "text":
            identifier = top.score >= tuning.EXPLICIT or top.tier in tuning.CHATTER_SPARES
            if not identifier and IDENTIFIER_TYPED in q.signals:
                return False  # the reading a typed code set the scene for ("…的 BucketAlreadyExists 是他那边的，我的是…")
            if identifier:
                # An identifier typed and read as such is withdrawn only when the model is as
                # sure as for a typed status ("我宣布 ECONNRESET 是我今年最讨厌的单词")
                # or the text tells the trouble settled ("grpc 那个 DEADLINE_EXCEEDED 我把超时调大了"),
                # or when the text opens with it and tells its cause.
                if not has_cjk(q.folded):
                    # A paste or an English line ("LessThanImageSize", "connect ECONNREFUSED
                    # 10.0.3.5:3306"): the model knows the remarks of Chinese groups only (and it
                    # costs ~80 µs on a 200-character log line). Withdrawn only when the line
                    # tells it settled ("ERR_QUIC_PROTOCOL_ERROR no longer reproduces …, closing the ticket").
                    # Spring's "Resolved [org.springframework…]" is a log line's verb, not a remark.
                    return domain.settled(q.folded) and "resolved [" not in q.folded
                if domain.tells_cause(q.folded):
                    return not domain.asks_for_help(q.folded)
                if domain.persists(q.folded) or domain.works_elsewhere(q.folded):
                    return False  # "pod 里还是频繁 getaddrinfo EAI_AGAIN…", "…模拟器是好的": trouble of one's own
                if domain.disowns(q.folded):
                    return True  # "跟 ENOTFOUND 无关哈，纯好奇：…": the name set aside, not asked about
                if domain.remarks_on_the_name(q.folded) and not domain.asks(q.folded):
                    return True  # "那个 Forbbiden 拼写错误居然一直没改 😂": the name's spelling, not an error met
                least = tuning.CHATTER_IDENTIFIER
            else:
                if domain.works_elsewhere(q.folded) and domain.reports_trouble(q.folded):
                    return False  # "证书链不完整，安卓手机打不开但电脑可以": one's own trouble, narrowed down
                helped = domain.asks_for_help(q.folded)
                if not helped and domain.tells_cause(q.folded):
                    least = tuning.CHATTER_SETTLED  # "…排查到三点，结果是 hosts 写错了": the cause told
                elif (
                    not helped
                    and top.score < tuning.ANSWER
                    and not domain.asks(q.folded)
                    and not domain.reports_trouble(q.folded)
                ):
                    # Only guesses, for a text that neither asks nor tells trouble; but an English
                    # line read as a cloud error ("account in arrears") is no group remark the
                    # model has learnt: its ordinary bar.
                    english_cloud = top.kind == "error" and not has_cjk(q.folded)
                    least = tuning.CHATTER_LIKELY if english_cloud else tuning.CHATTER_SETTLED
                else:
                    least = tuning.CHATTER_LIKELY
            if domain.settled(q.folded):
                if domain.labelled_notice(q.folded):
                    return True  # "记录：curl: (7) … 证书过期没起来，已经 renew": a record, not a question
                if identifier and domain.only_settled(q.folded):
                    return True  # "connect ECONNREFUSED 已经解决了": the name, and that it is settled
                if (
                    identifier
                    and top.tier == "pattern"
                    and q.text.lstrip()[:1].isascii()
                    and domain.tells_trouble_gone(q.folded)
                    and not domain.persists(q.folded)
                    and not domain.asks_for_help(q.folded)
                ):
                    return True  # "EMFILE: too many open files，ulimit 调到 65535 之后没再报": the paste, then its fix
                least = tuning.CHATTER_SETTLED  # a text told settled, whichever reading it has
        else:
            if domain.plans(q.folded) and domain.asks(q.folded):
                return False  # "准备加重试，503 重试几次合适", "计划把 500 都改成 503，有啥坑": asked of the code
            if not has_cjk(q.folded) and domain.asks(q.folded):
                # "the health probe came back with a 503 after the deploy, is that the pod?": an
                # English line asking about the code it typed; the model knows the remarks of
                # Chinese groups, not English questions (as for an identifier typed, above).
                return False
            least = tuning.CHATTER_CERTAIN  # a code typed inside a longer text
            helped = domain.asks_for_help(q.folded)  # read below too
            if (
                len(q.folded) <= MAX_CHARS
                and not helped
                and not domain.asks(q.folded)
                and not domain.reports_trouble(q.folded)
                and not domain.happening(q.folded, (top.key,))  # "支付回调那边现在 504 了"
                # "been staring at this 502 from the load balancer all morning": an English line
                # about the code in front of its writer (the model learnt Chinese groups' remarks).
                and (has_cjk(q.folded) or _THIS_CODE_RE.search(q.folded) is None)
            ):
                # "我觉得状态码里最浪漫的是 200，一切安好，什么都不用解释": a code said in a
                # remark that neither asks nor tells of trouble, when the model leans that way.
                least = tuning.CHATTER_LIKELY
            if len(q.folded) <= MAX_CHARS and domain.tells_cause(q.folded) and not domain.persists(q.folded):
                # "那个 404 是 location 末尾少了个斜杠", "525 是源站没配证书，已经装上了": the
                # code's cause told, asking nothing: as for an identifier, when the model leans so
                # (longer texts it does not judge, and the cause is not looked for: ~0.3 ms on 2 KB).
                least = tuning.CHATTER_SETTLED
        if helped if helped is not None else domain.asks_for_help(q.folded):
            if top.score >= tuning.ANSWER:
                return False
            # Only guesses to offer ("老板问为啥服务挂了，我该怎么编" → 502?): help is asked, but
            # not about an error, when the model is as sure as for a typed code; help with
            # telling someone ("…我该怎么跟他解释网络延迟") when it leans that way at all.
            least = tuning.CHATTER_SETTLED if domain.asks_how_to_explain(q.folded) else tuning.CHATTER_CERTAIN
        p = model.probability(q.folded)
        return p is not None and p >= least

    def _resolve(self, q: Query, limit: int) -> Resolution:
        if q.empty:
            return Resolution(q.text, "none", ())
        outright = next((r for k in self.kinds if (r := k.outright(q)) is not None), None)
        rivals = list(self.kinds)
        if outright is not None:
            if outright.final:
                return outright
            owner = len(tuning.PRECEDENCE) if outright.yields else tuning.precedence(outright.owner)
            rivals = [
                k
                for k in self.kinds
                if k.identifies and tuning.precedence(k.name) < owner and k.may_identify(q)
            ]
            if not rivals:
                return self._with_beside(q, outright, limit)
        yields = outright is not None and outright.yields
        # "阿里云 OSS 报 403，说签名不对": the typed status is what the API returned; a named
        # provider's error with that status whose wording the text retells says which one.
        typed = outright.matches[0].status if outright is not None and outright.mode == "code" else None
        explained: list[Match] = []
        # Beside a status that reports no failure, a runtime's literal error wording counts too,
        # and so does a quoted console line that names its family only ("…blocked by CORS
        # policy，后端说接口明明 200 了": the failure, not the 200), at a catch-all's strength.
        tiers = tuning.IDENTIFIER_TIERS | {"signature", "topic"} if yields else tuning.IDENTIFIER_TIERS
        least = tuning.NETWORK_FALLBACK if yields else tuning.DOMINANT
        found: dict[str, list[Match]] = {}
        lead: list[Match] = []  # the strongest identifier any kind found
        # With no outright answer every kind searches; one that identifies nothing (its
        # readings are the baseline) searches after the others, and not at all once one of
        # them holds the lead, which answers without the readings (a cloud code or a pasted
        # error: ~0.1 ms of status readings). What it notes for the kinds after it, it notes
        # first, in its place.
        deferred: list[Kind] = []
        if outright is None:
            for kind in rivals:
                kind.note(q)
            deferred = [k for k in rivals if not k.identifies]
            rivals = [k for k in rivals if k.identifies]
        for kind in rivals:
            if lead and kind.strongest(q) <= lead[0].score:
                continue  # it cannot take the lead (ties keep the earlier kind), and the lead answers
            matches = kind.search(q, limit)
            top = matches[0] if matches else None
            if kind.identifies and top is not None and top.score >= least and top.tier in tiers:
                # Later kinds still look: ``curl: (92) … INTERNAL_ERROR`` is the curl code,
                # not a cloud code read ignoring separators. Ties keep the earlier kind.
                if not lead or top.score > lead[0].score:
                    lead = matches
                if top.score >= tuning.EXPLICIT:
                    break
                continue
            if typed is not None and not explained and outright is not None:
                explained = self._explaining(kind, q, matches, outright.matches[0], limit)
            found[kind.name] = matches
        if not lead:
            for kind in deferred:
                found[kind.name] = kind.search(q, limit)
        if lead:
            if yields or (typed is not None and lead[0].status == typed and lead[0].kind != "status"):
                # Beside the identifier: a typed status that reports no failure, or the status
                # the identified error came with ("HTTP/1.1 403 … <Code>AccessDenied</Code>").
                below = lead[0].score - tuning.JUST_BELOW
                beside = [replace(m, score=min(m.score, below)) for m in outright.matches]
                placed = {m.key for m in beside}
                lead = [lead[0], *beside, *(m for m in lead[1:] if m.key not in placed)]
            return Resolution(q.text, "text", tuple(lead[:limit]))
        if explained and outright is not None and _asks_about_the_service(q):
            # "OBS 能不能托管静态网站，自定义404页面怎么配": a feature's setup asked about; the
            # status is a page's name, and the error that reads alike answers nothing asked.
            return Resolution(q.text, "none", ())
        if explained and outright is not None:
            # The typed status and the retold message agree: together they answer.
            lead = replace(explained[0], score=max(explained[0].score, tuning.ANSWER))
            below = lead.score - tuning.JUST_BELOW
            beside = [replace(m, score=min(m.score, below)) for m in outright.matches]
            others = [replace(m, score=min(m.score, below - tuning.JUST_BELOW)) for m in explained[1:]]
            return Resolution(q.text, "text", tuple([lead, *beside, *others][:limit]))
        if outright is not None:
            return self._with_beside(q, outright, limit)
        return self._ranked(q, found, limit)

    def _with_beside(self, q: Query, outright: Resolution, limit: int) -> Resolution:
        """A typed status and what another kind says went wrong around it ("OPTIONS 预检回的 404，
        跨域一直过不去": 404, and the failed preflight beside it). A status that reports no failure
        gives way when the text tells the failure ("接口明明返回了 200，浏览器却拦下了响应")."""
        if outright.mode != "code" or len(outright.matches) != 1:
            return outright
        typed = outright.matches[0]
        told = next((m for k in self.kinds if (m := k.beside_status(q, typed)) is not None), None)
        if told is None:
            return outright
        if outright.yields or domain.asks_which_kind(q.folded):
            # (A kind tells a failure beside such a status only when the text does.) Asked which
            # kind of problem it is ("OPTIONS 预检回的 404，跨域过不去，这算哪类问题"), the failure
            # told is the answer and the status it came with is beside it.
            lead = replace(told, score=max(told.score, tuning.ANSWER))
            return Resolution(q.text, "text", (lead, replace(typed, score=lead.score - tuning.JUST_BELOW))[:limit])
        told = replace(told, score=min(told.score, typed.score - tuning.JUST_BELOW))
        return Resolution(q.text, "text", (typed, told)[:limit])

    @staticmethod
    def _explaining(kind: Kind, q: Query, matches: list[Match], typed: Match, limit: int) -> list[Match]:
        """The reading among ``matches`` that says which error the typed status was: same
        status, a retold message, and still found once the status's own names and aliases
        are taken out of the text ("华为云上的服务报 503 服务不可用", "阿里云上的网站 404 找不到
        页面" retell nothing but the status itself). When the text names the product whose
        error it is, only the status's names are taken out: its aliases may be the product's
        wording too ("华为 APIG 管理接口 401，提示会话过期")."""
        # An error documented with no HTTP status may come in a 200 body (Tencent Cloud's API
        # 3.0 answers every call with 200 and puts the error in ``Response.Error``).
        pick = next(
            (
                i
                for i, m in enumerate(matches[:3])
                if (m.status == typed.status or (m.status is None and typed.status == 200))
                and m.kind != typed.kind
                and m.tier in tuning.EXPLAINING_TIERS
                and m.score >= tuning.EXPLAINED
            ),
            None,
        )
        if pick is None:
            return []
        rest = q.folded
        names = (getattr(typed.answer, "name_zh", ""), getattr(typed.answer, "phrase", ""))
        aliases = () if kind.names_source(q, matches[pick]) else getattr(typed.answer, "aliases", ())
        for name in (*names, *aliases):
            if name and name.lower() in rest:
                rest = rest.replace(name.lower(), " ")
        if rest != q.folded and not any(m.key == matches[pick].key for m in kind.search(Query.of(rest), limit)):
            return []
        return [matches[pick], *matches[:pick], *matches[pick + 1 :]]

    def _ranked(self, q: Query, found: dict[str, list[Match]], limit: int) -> Resolution:
        first, *later = self.kinds
        matches = list(found.get(first.name, ()))
        resorted = not matches and domain.asks_for_status(q.folded) and not domain.asks_for_error_name(q.folded)
        if resorted:
            # "…端口直接拒绝连接，这个 Cloudflare 码是几": asked for a status, the first kind's
            # last resort is read before the others are placed beside it, not only after.
            matches = [m for m in first.fallback(q, limit) if m.score >= tuning.CHOICES]
        best = matches[0].score if matches else 0.0
        q.memo["baseline.tier"] = matches[0].tier if matches else ""  # how the baseline was read
        baseline = len(matches)
        for kind in later:
            weighed = kind.weigh(found.get(kind.name, []), best, q)
            matches.extend(m for m in weighed if m.score >= tuning.CHOICES)
        if (
            not resorted  # (resorted, the last resorts are read below)
            and 0 < baseline == len(matches)
            and all(m.tier in _DESCRIBED_TIERS for m in matches)
            and (domain.asks_for_protocol_code(q.folded) or domain.tells_of_grpc_call(q.folded))
        ):
            # "gRPC 客户端…3 秒内没回来，客户端拿到的状态是什么": a protocol's own code asked for,
            # and only word overlap with a status found: the other kinds' last resorts, their
            # best leading (as a reading of the protocol's own code leads in weigh).
            for kind in later:
                own = [m for m in kind.fallback(q, limit) if m.score >= tuning.CHOICES]
                if own:
                    matches += [replace(own[0], score=max(own[0].score, best + tuning.JUST_BELOW)), *own[1:]]
                    break
        if not matches or (resorted and all(m.tier == "document" for m in matches)):
            # Long descriptions no tier read: each kind's last resort (once each); beside the
            # first kind's, when a status was asked for and only its whole entries answered
            # ("…onclose 里拿到的 event.code 会是多少": a close code is asked for in those words).
            rest = later if resorted else self.kinds
            matches += [m for kind in rest for m in kind.fallback(q, limit) if m.score >= tuning.CHOICES]
        matches.sort(key=_rank_key)
        if matches and matches[0].tier == "phrase":
            # "签名不匹配": plain words that name a kind of cloud error lead only loose readings
            # of the other kinds (421 from 匹配, a TLS handshake from 签名), which say nothing beside it.
            matches = [matches[0], *(m for m in matches[1:] if m.kind == matches[0].kind or m.tier not in _LOOSE_TIERS)]
        if (
            matches
            and matches[0].kind == "status"
            and matches[0].tier == "alias"
            and 200 <= (matches[0].status or 0) < 300
            and domain.reports_trouble(q.folded)
            and not domain.asks_for_status(q.folded)
        ):
            # "…Network 面板里请求其实已经成功返回了数据，但 JS 里拿不到，控制台说缺少允许这个来源的
            # 头": the success told is what worked; another kind's reading of the trouble leads it.
            other = next((m for m in matches if m.kind != "status"), None)
            if other is not None:
                matches = _put_ahead(matches, other)
        if (
            matches
            and matches[0].kind == "status"
            and matches[0].tier == "document"
            and matches[0].score < tuning.ANSWER
            and not any(word in q.folded for word in _HTTP_TALK)
        ):
            # A failure told below HTTP ("…内核向我们发了一个 RST 包…这是什么错误", "证书的 SAN 里只有
            # www…TLS 校验失败"), read by both kinds' whole cards: with nothing said of a status
            # or of HTTP, the network card leads a status guess that scored about as much.
            below = next((m for m in matches if m.kind == "network" and m.tier == "document"), None)
            if below is not None and (
                matches[0].score - below.score <= tuning.DOCUMENT_CLOSE
                # "…页面提示证书有效期已经结束，点高级才能继续访问": a certificate told of, and
                # the network card is one (no status is about a certificate's contents).
                or ("证书" in q.folded and "CERT" in below.key)
                # "…dig 查询很快返回…明确告诉我这个名字根本不存在": a tool that speaks no HTTP.
                or _BELOW_HTTP_TOOL_RE.search(q.folded) is not None
            ):
                matches = _put_ahead(matches, below)
        if (
            matches
            and matches[0].kind == "status"
            and matches[0].tier == "words"
            and any(word in q.folded for word in _BELOW_HTTP)
            and not any(word in q.folded for word in _HTTP_TALK)
            and not any(word in q.folded for word in _FRONTED)
            and not domain.asks_for_status(q.folded)  # "…TCP 握手没完成，返回哪个码"
        ):
            # "tcp 连不上", "tcp 连接建立失败": a transport below HTTP named, and a status only
            # shares words with it (502's 连不上, 101's 建立连接): the network reading leads.
            below = next((m for m in matches if m.kind == "network"), None)
            if below is not None:
                matches = _put_ahead(matches, below)
        if (
            matches
            and matches[0].kind == "status"
            and matches[0].tier in ("words", "alias")
            and "curl" in q.folded
            and not domain.asks_for_status(q.folded)
        ):
            # "用 curl 测…TCP 连接建立成功了…一个字节都没回就把连接关了": curl's own error told in
            # words leads a status that shares a phrase with the story (201's 建立成功).
            told = next(
                (m for m in matches if m.kind == "network" and m.tier == "alias" and getattr(m.answer, "family", "") == "curl"),
                None,
            )
            if told is not None:
                matches = _put_ahead(matches, told)
        if (
            matches
            and matches[0].kind == "status"
            and matches[0].tier == "signature"
            and (quoted := _quoted_in(matches[0].why))
            and quoted in (getattr(matches[0].answer, "received_as", "") or "").lower()
        ):
            # "curl 报 Empty reply from server": what a client prints instead of a status it never
            # receives (nginx's 444 closes the connection; its card says so) names the client's
            # error first; the status that may be behind it follows, unless a status is asked for
            # or typed. (A status the client does receive, 504 beside nginx's "upstream timed out",
            # keeps the lead.)
            told = next(
                (m for m in matches if m.kind == "network" and m.tier == "signature" and _quoted_in(m.why) == quoted),
                None,
            )
            if told is not None and str(matches[0].status) not in q.folded and not domain.asks_for_status(q.folded):
                matches = _put_ahead(matches, told)
        if (
            matches
            and matches[0].score < tuning.ANSWER
            and len(q.normalized.replace(" ", "")) > _LOOKUP_WORD  # "网关" alone is a lookup
            and (
                # Guesses at a status for a text about something else, or guesses of any kind
                # for talk about errors, bills or tools ("要不要统一错误码规范"): no options.
                (all(m.kind == "status" for m in matches) and not domain.speaks_of_status(q.folded))
                or domain.discusses(q.folded)
                or (domain.names_pod_state(q.folded) and not domain.asks_for_status(q.folded))
                # "nginx 配置 gzip 压缩怎么开": asked how to set something up, no trouble told,
                # only word overlap read.
                or (
                    all(m.tier == "words" for m in matches)
                    and domain.asks_how_to_set_up(q.folded)
                    and not domain.reports_trouble(q.folded)
                    and not domain.speaks_of_status(q.folded)
                    and not domain.asks_for_error_name(q.folded)
                )
            )
        ):
            matches = []
        if (
            matches
            and all(m.tier in _SHARED_WORDS_TIERS for m in matches)
            and domain.asks_about_concepts(q.folded)
            # ("…用单数还是复数", "怎么在 Spring Boot 里统一返回 JSON": the choice and the design's
            # verb are no trouble told.)
            and not domain.reports_trouble(plain := domain.without_choice_words(q.folded))
            and not domain.speaks_of_status(plain)
            and not domain.asks_for_error_name(q.folded)
        ):
            # "Pod 和 Deployment 有什么区别", "proxy_pass 怎么写", "URL 用复数还是单数": asked about
            # things, with only their words (or whole cards) shared, however many.
            matches = []
        if matches and matches[0].tier in _SERVICE_TALK_TIERS and _asks_about_the_service(q):
            # "SCF 每个月的免费额度是多少", "COS 的防盗链在哪里配置": a service's price, waits or
            # settings asked about, no error told; what its words share with a card or an
            # alias (防盗链: 403) answers nothing asked.
            matches = []
        unknown = tuple(dict.fromkeys(q.unknown))
        if not matches and LAST_RESORT in q.memo:
            return q.memo[LAST_RESORT]
        if not matches:
            return Resolution(q.text, "none", (), unknown=unknown)
        return Resolution(q.text, "text", tuple(matches[:limit]), unknown=unknown)


def _asks_about_the_service(q: Query) -> bool:
    """A cloud service's price, waits or settings asked about, no error told (see
    domain.asks_about_the_service)."""
    return (
        domain.asks_about_the_service(q.folded)
        and not domain.reports_trouble(q.folded.replace("还是", " "))  # "按流量还是按带宽" is a choice
        and not domain.asks_for_status(q.folded)
        and not domain.asks_for_error_name(q.folded)
        and not domain.asks_for_cloud_error(q.folded)
    )


# Status readings of a description, not of a typed code: a protocol's own code asked for
# ("…客户端等不及先放弃了。客户端最后拿到的 gRPC 状态是什么") comes before them.
_DESCRIBED_TIERS = frozenset({"words", "document", "alias"})
# Cloud readings of a few words naming what went wrong, and a name typed by its sound
# ("证书过七了"): typed alone, they are looked up.
_TERSE_LOOKUPS = frozenset({"phrase", "meaning", "heard"})
_LOOSE_TIERS = frozenset({"words", "fuzzy", "document", "topic"})
_SHARED_WORDS_TIERS = frozenset({"words", "document"})
# Readings of words a text shares with a card, not of a code or a message typed.
_SERVICE_TALK_TIERS = frozenset({"words", "document", "meaning", "alias", "phrase", "topic", "fuzzy"})
_LOOKUP_WORD = 6  # normalised characters: a term this short is looked up, not chatted about
# Transports below HTTP, named: a status sharing words with such a text is no reading of it,
# unless a proxy in front of a site is told of (what Cloudflare shows its visitors is a status).
_BELOW_HTTP = ("tcp", "udp", "三次握手")
_FRONTED = ("cloudflare", "源站", "回源", "cdn")
# Tools that speak no HTTP, as words ("dig 查询", "用 telnet 连", "nslookup 一下"). Literal-led.
_BELOW_HTTP_TOOL_RE = re.compile(r"(?<![a-z])(?:dig|nslookup|telnet|traceroute|tcpdump)(?![a-z])")
# Words that put a text in HTTP's own terms ("https" is TLS talk as much as HTTP's).
_HTTP_TALK = ("状态码", "响应码", "返回码", "status code", "http 状态", "http状态", "nginx", "网关", "http/", "请求")


def is_explicit(res: Resolution) -> bool:
    """Does the text name a code or a known error outright, and not merely in passing
    (for unprompted answers)? A pasted log line always counts."""
    if res.mode in ("code", "multi"):
        pass
    elif res.mode != "text" or not res.matches:
        return False
    elif res.matches[0].tier == "signature":
        return True
    elif res.matches[0].tier not in tuning.AUTO_TIERS or res.matches[0].score < tuning.DOMINANT:
        return False
    q = Query.of(res.query)
    idents = tuple(m.key.rpartition(":")[2].lower() for m in res.matches[:2])
    return not domain.in_passing(q.folded, q.normalized, idents)


def _quoted_in(why: str) -> str:
    """The text a reading's reason quotes (「…」), lower case; empty if it quotes none."""
    start = why.find("「")
    end = why.find("」", start + 1)
    return why[start + 1 : end].lower() if start >= 0 and end > start else ""


def _put_ahead(matches: list[Match], match: Match) -> list[Match]:
    """``matches`` with ``match`` (one of them) first, scored just above the one that led."""
    return [replace(match, score=matches[0].score + tuning.JUST_BELOW), *(m for m in matches if m is not match)]


def _rank_key(m: Match) -> tuple[float, int, str, int]:
    # A kind's own tie-break (order) before the status: statuses have none, so their codes
    # tie-break by number; the cloud kind's order is its ranking.
    return (-m.score, tuning.precedence(m.kind), m.order, m.status or 0)
