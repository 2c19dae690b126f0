"""The network kind: errors that never reached HTTP (``knowledge/network/``): CORS, DNS,
TCP, TLS/certificates, Chromium ``net::ERR_*``, curl exit codes, gRPC status codes and
WebSocket close codes. A typed HTTP status outranks it; its identifiers outrank loose
status readings; every Chromium, curl, gRPC and WebSocket name is known (short cards
from the facts where no hand-written card exists)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core import domain, tuning
from bot.core.cache import gc_paused
from bot.core.kind import Query
from bot.core.knowledge import KnowledgeBase
from bot.core.match import Match, Resolution
from bot.core.schema import Problems
from bot.core.sounds import noting_heard
from bot.core.symptoms import listed
from bot.core.textforms import known_forms
from bot.kinds.network.cards import family_list, network_card
from bot.kinds.network.index import ERROR_NAME_ASKS, WS_CLOSE_WORDS, NetworkIndex, short_key
from bot.kinds.network.loader import load_network
from bot.kinds.network.model import FAMILIES, NetworkData, NetworkEntry
from bot.kinds.network.sounds import RESPELLER, SOUND_WORDS
from bot.render.reply import Reply
from bot.render.richtext import Line

# A proxy between the client and the failing connection: the client sees the proxy's status.
_PROXY_RE = re.compile(r"nginx|代理|反代|网关|upstream|ingress|负载均衡|源站|回源|(?<![a-z])(?:slb|alb|elb|cdn|cf)(?![a-z])|cloudflare")
# A question that names a protocol with codes of its own asks for that protocol's code: "grpc 调用
# 超过 deadline 返回什么码" is DEADLINE_EXCEEDED, not 504; "ws 服务端嫌消息太大关了连接，关闭码是多少"
# is 1009. Unless it asks for the HTTP side of it ("grpc-gateway 把 UNAVAILABLE 映射成 HTTP 几").
_OWN_CODES: dict[str, tuple[str, ...]] = {
    # A service's .proto file told of ("服务端 proto 里加了新方法…报错说方法未实现"): gRPC's call.
    "grpc": ("grpc", ".proto", "proto 里", "proto里", "proto 文件", "protobuf"),
    # Not "websocket" alone: "WebSocket 握手的状态码" is 101.
    "websocket": WS_CLOSE_WORDS,
}
# HTTP named as a likeness, not as the protocol the answer is in.
_LIKE_HTTP = ("相当于 http", "相当于http", "类似 http", "类似于 http", "就像 http", "好比 http")


# A text this short and telling trouble is read again with its terms' sounds put right.
_RESPELL_MAX = 80
# A WebSocket connection closed "with a code" (WebSocket named too): its close code is asked for.
_CLOSED_WITH_A_CODE = ("码关闭", "码来关闭", "码断开", "code 关闭", "关闭时带的码", "关闭时用的码")
_TROUBLE_TOLD = ("报", "错", "失败", "不了", "不上", "不通", "拦截", "error")
_RUNTIMES = ("chrome", "浏览器", "firefox", "node", "curl", "java", "python", "golang", "socket", "connect", "tcp")
_STATUS_WORDS = ("状态码", "status code", "http", "响应码")


class NetworkKind:
    name = "network"
    title = "网络错误（CORS、DNS、TCP、TLS、curl、gRPC、WebSocket）"
    identifies = True
    sound_words = SOUND_WORDS

    def __init__(self) -> None:
        self.data: NetworkData | None = None
        self.index: NetworkIndex | None = None
        self._statuses: Any = None

    def load(self, root: Path, problems: Problems, loaded: Mapping[str, Any]) -> NetworkData | None:
        status = loaded.get("status")
        return load_network(root, problems, set(status.statuses) if status is not None else set())

    def files(self, data: NetworkData) -> tuple[str, ...]:
        return data.files

    def stats(self, data: NetworkData) -> list[str]:
        cards = data.cards
        by_family = {f: sum(1 for e in cards if e.family == f) for f in FAMILIES}
        counts = "，".join(f"{f} {n}" for f, n in by_family.items())
        return [f"网络错误 {len(data.entries)} 个名字，其中 {len(cards)} 张详细卡片（{counts}）"]

    def build(self, kb: KnowledgeBase) -> None:
        self.data = kb[self.name]
        self._statuses = kb.parts.get("status")
        # As CloudIndex: a build frees almost nothing the collector could find.
        with gc_paused(), known_forms():
            statuses = self._statuses.statuses.values() if self._statuses is not None else ()
            self.index = NetworkIndex(self.data, listed(statuses))

    def exact(self, text: str) -> Resolution | None:
        return None

    def outright(self, q: Query) -> Resolution | None:
        return self.index.listing(q)

    def may_identify(self, q: Query) -> bool:
        return self.index.may_identify(q)

    def names_source(self, q: Query, match: Match) -> bool:
        return False

    def note(self, q: Query) -> None:
        pass  # nothing the other kinds need before they search

    def strongest(self, q: Query) -> float:
        return self.index.strongest(q)

    def search(self, q: Query, limit: int) -> list[Match]:
        matches = self.index.search(q, limit)
        if matches or len(q.text) > _RESPELL_MAX or not any(word in q.folded for word in _TROUBLE_TOLD):
            return matches
        # "openssl 报无法获取本地颁发者正书": a short text telling trouble, which read nothing as
        # typed, is read once more with a term typed by its sound put right.
        respelled, put = RESPELLER.respell(q.text)
        if not put:
            return matches
        return noting_heard(self.index.search(Query.of(respelled), limit), put)

    def fallback(self, q: Query, limit: int) -> list[Match]:
        return self.index.documents(q, limit)

    def beside_status(self, q: Query, typed: Match) -> Match | None:
        return self.index.cors_beside(q, typed)

    def weigh(self, matches: list[Match], best_other: float, q: Query) -> list[Match]:
        """Loose readings stay just below the best status reading: typos, word overlap and
        topic words always; an alias found inside a longer text when that status reading is
        confident and names something itself ("Cloudflare … 源站地址不可达" is 523, not a
        browser error) — not when it is only word overlap ("证书过期了访问不了" is the
        certificate error, whatever words it shares with a vendor's status)."""
        if domain.asks_for_cloud_error(q.folded):
            # "华为云 APIG 上传证书被拒，原因是证书已经过期，对应哪个 code": the cloud's error
            # code is asked for; a certificate fault told in words is only beside it.
            matches = [
                m if m.tier in ("pattern", "signature") else replace(m, score=min(m.score, tuning.CLOUD_ASKED_NETWORK))
                for m in matches
            ]
        if not best_other:
            return matches
        named = best_other >= tuning.DOMINANT or q.memo.get("baseline.tier") not in (
            "words",
            "fuzzy",
            "document",
        )
        # "…nginx 回给浏览器的是哪个状态码": asked for a status, the status reading leads and the
        # network error it describes (an alias, not a pasted line) stays beside it.
        asked = domain.asks_for_status(q.folded)
        proxied = _PROXY_RE.search(q.folded) is not None
        folded = q.folded
        # HTTP named as a likeness ("…相当于 HTTP 里没登录的那种情况") asks for none of its codes.
        http = "http" in folded and "http" in domain.blanked(folded, _LIKE_HTTP)
        own = {f for f, words in _OWN_CODES.items() if any(w in folded for w in words)} if not http else set()
        if "websocket" in folded and any(w in folded for w in _CLOSED_WITH_A_CODE):
            own.add("websocket")  # "…于是用一个通用码关闭连接，是多少": a close code asked for
        if (
            any(ask in folded for ask in ERROR_NAME_ASKS)
            and any(tool in folded for tool in _RUNTIMES)
            and not any(word in folded for word in _STATUS_WORDS)
            and not proxied  # what nginx or Cloudflare shows its users is a status
        ):
            # "…对方内核直接回了 RST，这时候 connect 会报什么错误", "证书过期了 Chrome 会报哪个错误":
            # a runtime's own error name is asked for, not a status that reads alike.
            own.update(m.answer.family for m in matches[:1])
        elif matches and not proxied and domain.asks_for_protocol_code(folded):
            # "proto 里新加了 rpc 方法…调用会返回什么": the protocol's own code is asked for.
            own.add(matches[0].answer.family)
        out = []
        for m in matches:
            if m.answer.family in own:
                # The protocol's own code, not a status it resembles: its best reading leads.
                own.discard(m.answer.family)
                out.append(replace(m, score=max(m.score, best_other + tuning.JUST_BELOW)))
                continue
            loose = (
                m.tier in ("fuzzy", "words")
                # A whole card's likeness when a status is asked for ("请求头总长度超过了服务器允许
                # 的上限…按照规范应返回什么" is 431, not Chrome's response-headers error).
                or (m.tier == "document" and asked)
                # A word typed by its sound: as loose as a typo beside a status reading that names
                # something; beside mere word overlap ("跨欲请求被拦截了咋办" shares 请求被拦截 with
                # 450) the topic or alias heard is the likelier reading.
                or (m.tier == "heard" and named)
                or (
                    m.tier in ("alias", "topic")
                    and m.score < tuning.EXPLICIT
                    and (asked or (best_other >= tuning.ANSWER and named))
                )
                # An alias naming its technology too, when a status is asked for ("websocket
                # 连不上…正常握手成功应该返回哪个码": 101, the failed handshake beside it).
                or (m.tier == "named" and m.score < tuning.EXPLICIT and asked)
                # A runtime's wording when the status is asked for and a confident status reading
                # gives it: inside a setting's name ("超过 proxy_read_timeout，用户看到的是哪个码"),
                # or behind a proxy, whose clients see its status ("nginx 反向代理到 php-fpm…
                # connect() failed (111: Connection refused)，用户看到的状态码是？" is 502).
                or (m.tier == "signature" and asked and best_other >= tuning.ANSWER and (named or proxied))
            )
            if loose and m.score >= best_other:
                m = replace(m, score=best_other - tuning.JUST_BELOW)
            out.append(m)
        return out

    def render(self, res: Resolution, limit: int) -> Reply:
        if res.mode == "class":
            return family_list(self.data, [m.answer for m in res.matches], limit)
        return self.card(res.matches[0], limit)

    def card(self, match: Match, limit: int, detailed: bool = True) -> Reply:
        return network_card(self.data, self._statuses, match.answer, detailed, limit)

    def open(self, key: str, limit: int, detailed: bool = True) -> Reply | None:
        entry = self.index.entry_for(key)
        return network_card(self.data, self._statuses, entry, detailed, limit) if entry else None

    def button(self, match: Match) -> tuple[str, str]:
        entry: NetworkEntry = match.answer
        return entry.name[:40], f"{self.name}:{short_key(entry.name)}"

    def describe(self, match: Match) -> str:
        entry: NetworkEntry = match.answer
        return entry.summary or f"{entry.title_zh}：{entry.title_en}"

    def inline_title(self, match: Match) -> str:
        return match.title

    def explain_unknown(self, idents: list[str]) -> list[Line]:
        return []

    def help_examples(self) -> tuple[str, ...]:
        return ("跨域报错怎么办", "connect ECONNREFUSED 127.0.0.1:3306", "curl: (60)")
