from __future__ import annotations

from bot.retrieval.textindex import Choice, GramIndex, RatioKeys, SubstringIndex, grams


def test_substring_index_respects_latin_word_edges():
    index = SubstringIndex(
        [Choice("ok", 200, "a"), Choice("网关超时", 504, "b"), Choice("bad gateway", 502, "c")]
    )
    assert [c.target for c in index.find(" token ok ")] == [200]
    assert index.find(" token ") == []
    assert [c.target for c in index.find(" 又是网关超时了 ")] == [504]  # CJK needs no word edges
    assert [c.target for c in index.find(" got a bad gateway again ")] == [502]
    assert index.find(" bad gateways ") == []


def test_substring_index_reports_longest_first():
    index = SubstringIndex([Choice("网关", 1, "a"), Choice("网关超时", 2, "b")])
    assert [c.target for c in index.find(" 网关超时 ")] == [2, 1]


def test_grams_drop_single_characters_and_stop_words():
    assert grams("网关 超时 的 the gateway 503") == {"网关", "超时", "gateway"}
    assert grams("这个网关") == {"个网", "网关"}


def test_gram_index_prefers_rare_shared_words_and_needs_two():
    index = GramIndex(min_weight=1.0)
    index.add(1, "上传 文件 太大", 1.0)
    index.add(2, "文件 不存在", 1.0)
    index.add(3, "请求 太多", 1.0)
    index.freeze(3)
    [(code, coverage, words)] = index.scores("上传文件太大")[:1]
    # Bigrams across word boundaries ("传文") are unseen and count against coverage.
    assert code == 1 and 0.3 < coverage < 1.0
    assert "上传" in words
    # One shared word is a coincidence.
    assert index.scores("文件") == []


def test_ratio_keys_return_what_a_scan_of_every_key_returns():
    """The length window loses no key a full ``process.extract`` would return, and keeps its
    order (ties by position) — over the real alias tables and questions of every length."""
    from rapidfuzz import fuzz, process

    from benchmarks.answers import eval_queries
    from bot.core.text import normalize
    from bot.kinds import load

    kb = load()
    tables = [
        [normalize(t) for e in kb["status"].statuses.values() for t in (e.name_zh, e.phrase, *e.aliases)],
        [normalize(t) for e in kb["network"].entries.values() for t in (e.title_zh, *e.aliases)],
    ]
    queries = [normalize(q) for _, q in eval_queries()]
    # Typo-like variants of the keys themselves: the lengths where hits are likeliest.
    queries += [k[:-1] for k in tables[0][::7]] + [k + "x" for k in tables[1][::5]] + [""]
    # Chinese ones, where only keys sharing characters are scored: a character changed,
    # one added, a frame around, a character repeated, ASCII beside the Chinese.
    queries += [k[:1] + "某" + k[2:] for k in tables[0][::3] if not k.isascii()]
    queries += ["接口" + k[:-1] + "了" for k in tables[1][::2] if not k.isascii()]
    queries += [k + k[-1] + " x" for k in tables[0][1::5] if not k.isascii()] + ["网关 gw 超时", "超超时时"]
    for keys in tables:
        keys = [k for k in dict.fromkeys(keys) if k]
        index = RatioKeys(keys)
        for cutoff, limit in ((72.0, 5), (80, 3), (50.0, 10)):
            for q in queries:
                want = process.extract(
                    q, keys, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=cutoff
                )
                assert index.extract(q, cutoff, limit) == want, (q, cutoff)


def test_gram_index_scores_alike_in_dicts_and_in_lists(monkeypatch):
    """Short questions are summed in dicts, long ones in lists by entry number: the same
    rows, the same floats, the same shared words."""
    import random

    from bot.retrieval import textindex

    rng = random.Random(7)
    chars = "网关超时请求太多上传文件不存在权限认证失败服务器内部错误连接被拒绝证书过期域名解析"
    index = GramIndex(min_weight=1.0)
    for code in range(60):
        for weight in (1.0, 0.5, 0.25):
            index.add(code, "".join(rng.choice(chars) for _ in range(rng.randint(4, 30))), weight)
    index.freeze(60)
    queries = ["".join(rng.choice(chars) for _ in range(rng.randint(2, 120))) for _ in range(300)]

    def run(few: int) -> list:
        monkeypatch.setattr(textindex, "_FEW_WORDS", few)
        return [index.scores(q, limit, told) for q in queries for limit in (1, 5) for told in (0.0, 0.1, 0.3)]

    in_dicts = run(10**9)
    assert run(0) == in_dicts
    # Long questions tell entries sharing two words by their sums; with no sum ever above an
    # entry's largest one-word value, every question takes the pass that counts the words.
    monkeypatch.setattr(index, "_most", [float("inf")] * len(index._most))
    assert run(0) == in_dicts


def test_gram_index_keeps_each_entrys_best_weight_however_its_texts_come():
    """Postings are built as flat lists that look only at a word's last pair while one entry's
    texts come one after another; an entry added again after others is looked up in full.
    Either way: each word's entries in order of first appearance, each with its first weight
    (at least 0) or a higher later one, as a dict per word kept them."""
    import random

    rng = random.Random(11)
    chars = "网关超时请求太多上传文件不存在权限认证失败"
    adds = [
        (rng.randrange(12), "".join(rng.choice(chars) for _ in range(rng.randint(2, 12))), rng.uniform(-0.5, 1.0))
        for _ in range(400)
    ]
    adds.sort(key=lambda add: add[0] if rng.random() < 0.5 else -1)  # runs of one entry, and strays
    index = GramIndex(min_weight=1.0)
    model: dict[str, dict[int, float]] = {}
    for code, text, weight in adds:
        index.add(code, text, weight)
        for gram in grams(text):
            held = model.setdefault(gram, {}).get(code)
            if held is None:
                model[gram][code] = max(0.0, weight)
            elif weight > held:
                model[gram][code] = weight
    built = {gram: dict(zip(p[::2], p[1::2], strict=True)) for gram, p in index._building.items()}
    assert built == model
    assert [list(p) for p in model.values()] == [p[::2] for p in index._building.values()]
