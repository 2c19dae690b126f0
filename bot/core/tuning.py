"""The one score scale: every tier's score, every threshold, in one place.

Retrievers report *what* they found (a tier) and *how well* (a raw measure: a similarity,
a coverage, a count); the functions here turn that into a score on one calibrated 0–100
scale that every kind of answer shares. No other module holds a score or a threshold.

The scale, from the top (see docs/scoring.md for how the thresholds were fitted):

====  ==============================================================================
100   stated outright: a status code or class typed, an exact name or alias, an error
      code inside a pasted body, the seed document's own message
95–99 an identifier typed as documented: a log signature (97), a cloud error code (97;
      96 other case, 95 ignoring separators), a naming family inside a body (96)
90    ``DOMINANT``: from here a cloud or network identifier outranks status readings
80    ``ANSWER``: from here the top match is answered outright
66    ``CHOICES``: from here to ``ANSWER`` the bot offers choices; below, nothing
====  ==============================================================================
"""

from __future__ import annotations

# --- thresholds ------------------------------------------------------------------------
ANSWER = 80.0  # the top match is answered outright
CHOICES = 66.0  # below this nothing is offered: chatter gets an empty answer
# A vague symptom and nothing else ("网站打不开了"): the cards it commonly is, as choices
# (bot.core.symptoms); equal scores, ordered by kind and code.
SYMPTOM = 78.0
DOMINANT = 90.0  # a cloud/network identifier this strong outranks ordinary status readings
# Runners-up shown beside an answer: within this distance of the top, or another kind.
RUNNER_UP_GAP = 15.0

# --- status tiers ------------------------------------------------------------------------
EXPLICIT = 100.0  # a code or class typed, an exact name or alias
QUOTED_NAME = 95.0  # a name or alias quoted whole inside a longer text ("文档里的“未授权”")
SIGNATURE = 97.0  # a log or client-error signature found in the text
FUZZY_CUTOFF = 72.0  # rapidfuzz ratio a typo needs to count at all


def contained_alias(coverage: float) -> float:
    """An alias found inside the question, by the share of the question it covers (0–1)."""
    return 86.0 + 12.0 * coverage


def fuzzy_alias(ratio: float, query_len: int) -> float:
    """A typo of a name or alias; two or three characters are too little to be sure of."""
    ceiling = 98.0 if query_len >= 4 else ANSWER - 2.0
    return min(ratio + 2.0, ceiling)


# An alias that is part of another code's name (永久重定向 in 308's 永久重定向（保留方法）) counts
# inside a question whose rest is this short (normalised characters) and shares no word with
# what the longer name adds.
ASKED_REST = 8

# An alias covering less than this share of a question at least this long (normalised
# characters) is mentioned in passing: word overlap and whole-entry retrieval agreeing on
# another entry outvote it.
SLIVER_ALIAS = 0.3
SLIVER_MIN_LENGTH = 12
SLIVER_WORDS = 0.2  # the other entry's word coverage ...
SLIVER_MARGIN = 1.4  # ... this many times the alias entry's ...
SLIVER_SHARE = 0.2  # ... and its whole-entry match: share of the reachable score ...
SLIVER_LEAD = 0.1  # ... and lead over the next entry

# A class name with a request for a list ("服务端错误的状态码都列出来看看") is a class question
# up to this many normalised characters.
CLASS_LIST_MAX_LENGTH = 20
SHORT_ASKED_MAX = 12  # normalised characters: a two-character name in a status-question frame
TIE_STEP = 0.01  # how far below an equal reading the one with less word coverage is placed

# A vendor's English phrase inside a longer text, without the vendor named, counts only when
# it is most of the question ("Connection Timed Out" alone is still Cloudflare's 522).
VENDOR_PHRASE_ALONE = 0.75
# Word overlap with a vendor's code: weaker when the text does not name the vendor, stronger
# (within the word-overlap cap) when it does ("Cloudflare … 源站地址不可达" is 523).
VENDOR_UNNAMED = 6.0
VENDOR_NAMED = 6.0
# "401 我知道，那登录了但权限不够的是多少": the text after the typed codes, at least this long
# (normalised characters), read as another code at least this well, makes them yardsticks.
ASKED_AFTER_LENGTH = 6
ASKED_AFTER_SCORE = 75.0
ASKED_CLAUSE_SCORE = 70.0  # one clause of that text, read alone


# A Chinese alias heard, not read: other characters of the same sound ("王冠超时" for 网关
# 超时) or typed pinyin. Like a typo, by the share of the question's sound it covers.
HOMOPHONE_MIN_CHARS = 3
HOMOPHONE_ASKED = 0.5  # an ambiguous name heard inside a question ("未受权是几") still counts
HOMOPHONE_MAX_CHARS = 40  # normalised characters: bounded work, and typos come in short questions


def homophone(coverage: float) -> float:
    return min(80.0 + 12.0 * coverage, 92.0)


# Word overlap: rarity-weighted coverage c (0–1) of the question by an entry's texts.
MIN_GRAM_WEIGHT = 9.0  # a one- or two-word message must not reach full coverage by luck
GRAM_MIN_COVERAGE = 0.22  # below this share, shared words are coincidence
# A text without technical terms or a question word this short (normalised characters) is
# an everyday phrase: word overlap does not read it, nor is a fragment of a name a typo of it.
SHORT_EVERYDAY = 4
# How much a word found in each field says about an entry.
# Log signatures count little: they are matched whole in their own tier, and at 0.8 their words
# made English vendor messages sharing "already exists" or "try again later" read as a status,
# and put a 502 beside most pasted DNS or TCP errors.
FIELD_WEIGHTS = (
    ("names", 1.0),
    ("summary", 0.8),
    ("signatures", 0.2),
    ("seed_note", 0.7),
    ("meaning", 0.5),
    ("causes", 0.35),
    ("descriptions", 0.6),  # how people describe the code without naming it
)


# Whole-entry retrieval (BM25) for long descriptions: ``share`` of the best reachable
# score and ``lead`` over the next entry. Never answered outright (below ANSWER): it turns
# "没找到" into choices for descriptions no alias or signature covers.
DOC_MIN_SHARE = 0.12
DOC_MIN_LENGTH = 10  # normalised characters: shorter texts are the other tiers' business
CLOUD_ASKED_NETWORK = 75.0  # a network reading in words, when a named cloud's error code is asked for
NETWORK_ERRNO_TYPO = 90.0  # an errno name typed a letter off: an identifier, below the name as printed
NETWORK_DOC_MIN_LENGTH = 20  # a network card's description is told at some length
NETWORK_DOC_MIN_SHARE = 0.13  # above the status documents' floor: HTTP's own texts say less of a socket
# A text with one technical term only: the best entry must match this share, lead the next
# by this much, and also be the entry whose words cover most of the text.
DOC_ONE_TERM_LENGTH = 20  # normalised characters: a description, not a passing remark
DOC_ONE_TERM = (0.2, 0.2, 0.0)  # (share, lead, word coverage of the same entry)
# No technical term at all ("文章被作者永久删除了，以后不会恢复"): BM25's share counts only the
# words the cards know, so a chat line with two known words can reach 58%; the entry's own
# words must also cover 15% of the text (chat lines: ~5%).
DOC_NO_TERM = (0.3, 0.4, 0.15)


def document(share: float, lead: float) -> float:
    return min(60.0 + 40.0 * share + 20.0 * lead, ANSWER - 1.0)


def word_overlap(coverage: float, runner_up: float) -> float:
    """Coverage plus the lead over the next entry, compressed above ``ANSWER`` so that word
    overlap never outranks a named alias (cap 90)."""
    score = 50.0 + 70.0 * coverage + 30.0 * (coverage - runner_up)
    if score > ANSWER:
        score = ANSWER + (score - ANSWER) * 0.3
    return min(score, 90.0)


# --- cloud-error tiers -------------------------------------------------------------------
BODY_CODE = 100.0  # an error code read from a pasted body (99 other case, 98 ignoring separators)
TYPED_CODE = 97.0  # an error code typed in the text (96, 95 likewise)
CASE_PENALTY = 1.0  # per step: exact → other case → ignoring separators
WEAK_CODE_PENALTY = 11.0  # a bare plain word ("Forbidden") reads as a status question just as well
FAMILY_IN_BODY = 96.0  # an unknown code inside a body, explained by its naming family
FAMILY_DOTTED = 90.0  # an unknown dotted code typed alone (82 inside a longer text)
FAMILY_DOTTED_IN_TEXT = 82.0
FAMILY_CAMEL = 84.0  # an unknown CamelCase word typed alone
FAMILY_NEAR = 80.0  # a family reading when a documented code is this close
FAMILY_CAP = 96.0  # an explained guess never beats a documented code
# A family's plain words ("签名不匹配") in a text naming no cloud: 82 plus up to 8 by the share
# of the text they take. The card answers outright; beside the statuses it leads the loose
# readings (shared words, a typo, the whole-entry match) and stays below a name or alias.
FAMILY_PHRASE = 82.0
FAMILY_PHRASE_COVERAGE = 8.0
FAMILY_PHRASE_LEADS = frozenset({"", "words", "fuzzy", "document"})
FAMILY_PHRASE_LEAD_FROM = 84.0  # the words a quarter of the text or more (or the status only a guess)
FAMILY_PHRASE_SHARE = 0.12  # in a text longer than FAMILY_PHRASE_SHORT, the words at least this share
FAMILY_PHRASE_SHORT = 24  # normalised characters


def family_phrase(coverage: float) -> float:
    return FAMILY_PHRASE + FAMILY_PHRASE_COVERAGE * min(coverage, 1.0)

SEED_MESSAGE = 88.0  # the seed document's own wording, verbatim
# The question sits almost whole inside the seed's wording ("账号欠费" in 账号已经欠费): the
# user's own document files it there, so it ranks above other vendors' verbatim messages.
SEED_NEAR = 86.0
VERBATIM = 85.0  # a message as some provider documents it (84.5 via 账户/帐号 → 账号)
VERBATIM_RESPELLED = 84.5
TEMPLATE = 84.0  # a message with placeholders, the fixed parts verbatim
QUOTED_MESSAGE = 84.0  # a documented Chinese message found whole inside the question
IN_BODY_BONUS = 5.0  # a message read from a pasted body
PROVIDER_NAMED = 6.0  # the question names this row's provider ...
PROVIDER_OTHER = -5.0  # ... or another one
PRODUCT_NAMED = 3.0  # the question names one of this row's products ...
PRODUCT_OTHER = -3.0  # ... or only other products of its provider
MESSAGE_CUTOFF = 70.0  # message similarity (0–100) below which a message is no match


# Meaning tier (``meaning.py``): BM25 over each row's code words, messages and product, with
# concept terms. How much each kind of query term says; concepts bridge paraphrases.
MEANING_CONCEPT_WEIGHT = 2.0  # what went wrong, and to what (~notfound, ~bucket)
MEANING_SCENE_INSTANCE = 0.75  # an instance named only in the scene of what the cloud said
MEANING_LOOKED_IN = 0.5  # a concept named only as where the missing thing was looked for
MEANING_MISSING_THING = 2.0  # the thing said to be missing ("这个安全组不存在") counts this much more
MEANING_BESIDE_MISSING = 0.5  # ... and the other things named beside it, where it was looked for
MEANING_GUESSED = 0.5  # a concept named only in the asker's guess at a cause, beside the error told
MEANING_ACTION_WEIGHT = 1.2  # what the user did (~delete): messages often leave it out
MEANING_FRAME_WEIGHT = 0.5  # the question's frame (~fail: 失败, 删不掉)
# A query word the index has never seen counts against the share as a word this rare
# (a fraction of the rarest term's idf).
MEANING_UNKNOWN_IDF = 0.5
MEANING_PRODUCT_WEIGHT = 1.0
MEANING_WORD_WEIGHT = 1.0
MEANING_BIGRAM_WEIGHT = 0.6
MEANING_PRIOR = 0.04  # × log2(1 + APIs documenting the code), for ranking only
MEANING_DOC_COVER = 0.3  # ranking: × (1 - this × share of the row's concepts the question lacks)
MEANING_NAME_SAID = 0.85  # ranking: × that share when the question says all the code's name says
MEANING_PROBLEM_MISSED = 0.75  # ranking: the row says nothing of what the question says went wrong
MEANING_OTHER_PRODUCT = 0.75  # ranking: the question names a product and the row is another's
# A row returned with another status than the one typed beside the retelling (when one of
# the rows that read alike is returned with it).
MEANING_OTHER_STATUS = 0.5
MEANING_OTHER_API = 0.85  # ranking: the question names an API action the row is not documented for
MEANING_OTHER_FIELD = 0.85  # ranking: the question types a parameter ("RoleArn") the row's code does not name
MEANING_OTHER_ACTION = 0.8  # ranking: the question tells of an action ("创建实例") the row documents others for
MEANING_K1 = 0.6
MEANING_B = 0.5
MEANING_FLOOR = CHOICES  # weaker readings are not kept at all
# The ranking of a code its vendor's documentation names as the one returned in what the
# question says (knowledge/cloud/commonest.toml), among codes that read alike: a nudge, not a
# lead (1.3 also put it ahead of codes the question describes better; see docs/evaluation.md).
MEANING_COMMONEST = 1.15
# Once the meaning tier has read a question, fuzzy message likeness below this similarity
# is dropped: one character apart is often another noun (创建网卡失败 vs 创建子网失败).
LIKENESS_KEPT = 90.0
MEANING_CAP = 92.0  # a paraphrase never reaches a typed code (95+)


def cloud_meaning(share: float, lead: float, *, named: bool) -> float:
    """A paraphrase read by meaning: ``share`` of the score the question's terms could reach,
    ``lead`` over the next code. Only a provider or product named lets it answer outright;
    cloud vocabulary alone offers choices."""
    score = 55.0 + 30.0 * share + 60.0 * lead
    return min(score, MEANING_CAP if named else ANSWER - 1.0)


def code_segment(candidates: int, starts_upper: bool, exact_case: bool) -> float:
    """One dotted segment of a code typed alone ("Arrearage" → Account.Arrearage)."""
    return 88.0 - 2 * (candidates - 1) - (0 if starts_upper else 4) + (1 if exact_case else 0)


def code_prefix(candidates: int) -> float:
    """A truncated paste: the typed text starts one to five codes."""
    return 86.0 - candidates


def code_typo(ratio: float) -> float:
    """A code with a typo (rapidfuzz ratio ≥ 88 over the code list)."""
    return min(86.0, 70 + (ratio - 88) * 1.5)


def message_likeness(similarity: float) -> float:
    """Fuzzy message likeness (≥ MESSAGE_CUTOFF) → 55–83, below a verbatim message."""
    score = 55.0 + (similarity - MESSAGE_CUTOFF) * (28.0 / (100.0 - MESSAGE_CUTOFF))
    return min(score, 83.0)


# --- weighing cloud readings against status readings ---------------------------------------
PROVIDER_LIFT = 15.0  # naming a provider lifts its plausible errors over loose status readings
NAMED_FLOOR = 60.0  # ... when the cloud reading is at least this good
MEANING_OVER_ALIAS = 70.0  # a reading by meaning this good leads a status alias said of the named cloud
JUST_ABOVE = 0.5  # a verbatim message or a naming family ranks just above the best status
# How alike a typed word and a name's word must be (0–1) to be a slip of it, not another word:
# "refuesd" for "refused" is 0.71, "great" for "reset" 0.4, "expired" for "required" 0.62.
WORD_SLIP_SIMILARITY = 0.7
JUST_BELOW = 1.0  # fuzzy likeness ranks just below it


def weigh_cloud(
    score: float,
    *,
    best_status: float,
    seed_verbatim: bool,
    verbatim: bool,
    family: bool,
    named: bool,
    meaning: bool = False,
    over_alias: bool = False,
) -> float:
    """A cloud reading's place on the scale beside the best status reading of the same text.

    - the seed document's message, word for word, is answered as that error (100);
    - a documented message pasted verbatim, or a naming family of an identifier, ranks just
      above the best status unless that status was stated outright;
    - naming a provider lifts its errors over word overlap, not over an exact status name;
    - otherwise likeness stays just below the best status, so "请求超时" stays 408;
    - a retelling read by meaning (cloud context already checked, no provider lift) leads
      loose status readings (answered outright only on its own confidence), readings good
      enough to answer too when a provider or product is named, and never a status alias
      or signature.
    """
    if seed_verbatim:
        return EXPLICIT
    if meaning:
        if over_alias and score >= MEANING_OVER_ALIAS:
            # "腾讯云接口请求频率超限了": the status's everyday name (429's 频率超限) said of a
            # cloud the question names is that cloud's error; the status stays beside it.
            return max(score, min(best_status + JUST_ABOVE, 99.0))
        if best_status >= DOMINANT:
            return min(score, best_status - JUST_BELOW)
        # The retelling leads loose status readings (word overlap, whole-entry retrieval),
        # but only its own confidence answers outright; with a provider or product named it
        # also leads a status reading confident enough to answer.
        if not named and best_status >= ANSWER:
            return score
        lifted = best_status + JUST_ABOVE
        if score < ANSWER and best_status < ANSWER:
            # Still above the loose reading when that sits within a point of ANSWER (a 79.8
            # word overlap on "华为API网关 后端不存在" is no reason to put 404 first).
            lifted = min(lifted, max(ANSWER - 1.0, (best_status + ANSWER) / 2))
        return max(score, min(lifted, 99.0))
    placed = None
    if verbatim or family:
        placed = max(score, min(best_status + JUST_ABOVE, 99.0)) if best_status < EXPLICIT else score
        if not (verbatim and named):
            return placed
    if named:
        lifted = min(score + PROVIDER_LIFT, 99.0)
        if score >= NAMED_FLOOR and best_status < EXPLICIT:
            lifted = max(lifted, min(best_status + JUST_ABOVE, 99.0))
        # A verbatim message of the named cloud is lifted as much as its likeness to others.
        return lifted if placed is None else max(placed, lifted)
    if score < VERBATIM and best_status:
        return min(score, best_status - JUST_BELOW)
    return score


# --- between kinds ------------------------------------------------------------------------
# Which kind's identifier wins when two claim one text: a cloud error code beats a typed
# status (``{"Code": "Forbidden.RAM", "HttpStatus": 403}`` is that error); a typed status
# beats a network error (``HTTPError: 503 … ECONNRESET`` is the 503). On equal scores
# the earlier kind goes first: it is the more specific reading.
PRECEDENCE = ("error", "status", "network")
# Tiers that name an identifier outright; at DOMINANT or above they answer on their own.
IDENTIFIER_TIERS = frozenset({"code", "partial", "message", "pattern"})
# Readings that may say which error a typed status was: a retold message of the same status
# ("阿里云 OSS 报 403，说签名不对"), among the first three, at least this strong (the typed
# status agreeing is evidence on its own).
EXPLAINING_TIERS = frozenset({"message", "meaning"})
EXPLAINED = 66.0
# The one documented error of a named product that returns the typed status ("阿里云 SLB 返回
# 449"): a choice on its own, the answer beside that status (see EXPLAINING_TIERS).
ONLY_WITH_STATUS = 76.0
# Among a named product's errors returned with the typed status ("OBS 下载时 range 超出了对象
# 大小，返回 416"), the one the words fit, when it scores this many times the next one.
MEANING_STATUS_LEAD = 1.1
# Readings specific enough for unprompted answers in groups (auto mode), at DOMINANT or above.
AUTO_TIERS = IDENTIFIER_TIERS | {"family"}

# --- chatter -------------------------------------------------------------------------------
# The chatter model (bot/core/chatter.py) withdraws a reading when the text reads like group
# talk and asks no help (domain.asks_for_help): a reading no identifier backs (below EXPLICIT)
# at CHATTER_LIKELY, a status typed inside a longer text ("Tomcat maxThreads 我改成 400 了")
# only when the model is all but sure, an identifier read as such (CHATTER_SPARES) the same,
# and any reading of a text that tells its trouble settled (domain.settled) as soon as the
# model leans to chatter. Fitted on out-of-fold probabilities: each eval file judged by a
# model trained without it (docs/evaluation.md). Session 16: identifiers at 0.99 while no
# eval set held remarks naming one (3 chatter rows withdrawn, no question); at 0.97 once two
# such sets were trained on (6 more, no question); settled texts at 0.5 (6, no question).
CHATTER_LIKELY = 0.85
CHATTER_CERTAIN = 0.97
CHATTER_IDENTIFIER = CHATTER_CERTAIN
CHATTER_SETTLED = 0.5
CHATTER_TERSE = 8  # characters besides spaces: a typed code in a text this short is a lookup
CHATTER_TERSE_WORDS = 3  # English words: a text of no more is as terse
CHATTER_SHORT_REPORT = 14  # characters besides spaces: a trouble report this short, read by an alias, is asked
# Tiers whose readings the model overrules only at CHATTER_IDENTIFIER: an identifier, a log
# signature, a naming family.
CHATTER_SPARES = IDENTIFIER_TIERS | {"signature", "family", "named"}


def precedence(kind: str) -> int:
    return PRECEDENCE.index(kind) if kind in PRECEDENCE else len(PRECEDENCE)


# --- network-error tiers ------------------------------------------------------------------
# An identifier pasted or typed: net::ERR_X, curl: (7), CURLE_X, an errno name, X509_V_ERR_X,
# a gRPC code by name or number, a WebSocket close code beside its context word. Above
# DOMINANT, so it answers on its own, but a typed status code outranks it (PRECEDENCE).
NETWORK_PATTERN = 96.0
# A gRPC code in gRPC's own frame ("rpc error: code = InvalidArgument"): above a cloud code
# typed as documented (97), which a bare "InvalidArgument" would otherwise be.
NETWORK_STATED = 98.0
# A runtime's literal wording ("Connection refused", "PKIX path building failed"): below a
# status log signature (97), so nginx's "connect() failed (111: Connection refused) while
# connecting to upstream" stays 502 with the network card beside it.
NETWORK_SIGNATURE = 93.0
NETWORK_FALLBACK = 88.0  # a catch-all wording, when nothing more specific matched
# A topic named in everyday words ("被跨域拦了") and no card of that family read: the
# family's commonest card, answered, below every alias and wording of a specific card.
NETWORK_TOPIC = 82.0
NETWORK_TOPIC_TERMS = 2
# Within a topic, a card that shares this much of the question and this many of its own
# words beyond the topic's is the case meant, rather than the commonest one.
NETWORK_TOPIC_LEADING = 0.06  # a topic's card sharing this much of the question, and
NETWORK_TOPIC_LEAD = 1.2  # this many times the commonest case's share, is read instead of it
NETWORK_TOPIC_COVERAGE = 0.12
NETWORK_TOPIC_SHARED = 2  # technical terms (bot.core.domain) the text needs for a topic reading
# Description overlap with network cards is only ever offered as a choice, never answered
# outright (below ANSWER), and needs more of the question than the status tier does:
# everyday words (版本, 地址, 端口) are all over these cards.
NETWORK_WORDS_CAP = 78.0
# A network card read as a document leads a status guess (also a document) this close to it
# when the text says nothing of HTTP (Resolver._ranked).
DOCUMENT_CLOSE = 3.0
NETWORK_MIN_COVERAGE = 0.35
NETWORK_MIN_SHARED = 3
# A question (not a remark) describing a failure: its best card, at this coverage and this
# many times the next card's.
NETWORK_ASKED_COVERAGE = 0.18
NETWORK_ASKED_LEAD = 1.4
# ... or this coverage when it names the program outside a browser and asks for its error's
# name ("…Node 里这个报错叫什么"): the name of the program's own error is what is asked.
NETWORK_NAMED_ASK_COVERAGE = 0.15


def network_words(coverage: float, runner_up: float) -> float:
    return min(word_overlap(coverage, runner_up), NETWORK_WORDS_CAP)
