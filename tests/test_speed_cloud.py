"""The cloud kind's indexes find what the scans they replaced found (behaviour, not timing).

Prefixes by bisection are exactly the codes a scan finds; a one-edit misspelling of any
documented code finds that code first, as the scan over every code did; templates found by
their fixed pieces are those a pass over every template matches; each English message
finds its own form among the word index's candidates; the lexicon reads misspelt, run
together and prefixed words; and the one-edit lookup finds what a brute-force scan finds.
"""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.kinds import load
from bot.kinds.cloud.codes import TYPO_CUTOFF, CodeTable, segments
from bot.kinds.cloud.index import CloudIndex
from bot.kinds.cloud.lexicon import Lexicon, OneEdit
from bot.kinds.cloud.messages import compact, spaced_form


@pytest.fixture(scope="module")
def index() -> CloudIndex:
    kb = load()
    return CloudIndex(kb["error"])


def test_prefixes_are_what_a_scan_finds(index: CloudIndex) -> None:
    table: CodeTable = index._table
    prefixes = {c.lower()[:n] for c in table.codes for n in (3, 6, 10, 14)}
    for prefix in sorted(prefixes):
        scan = [c for c in table.codes if c.lower().startswith(prefix)]
        assert table.starting_with(prefix, most=5) == (scan if len(scan) <= 5 else [])


def test_one_edit_misspellings_find_the_code_first(index: CloudIndex) -> None:
    table: CodeTable = index._table
    rng = random.Random(3)
    codes = [c for c in table.codes if len(c) >= 8]
    for code in rng.sample(codes, 300):
        i = rng.randrange(1, len(code) - 1)
        typo = rng.choice(
            [
                code[:i] + code[i + 1 :],  # a letter missing
                code[:i] + "x" + code[i:],  # one too many
                code[:i] + code[i + 1] + code[i] + code[i + 2 :],  # two swapped
            ]
        )
        scan = process.extract(
            typo.lower(),
            [c.lower() for c in table.codes],
            scorer=fuzz.ratio,
            limit=3,
            score_cutoff=TYPO_CUTOFF,
        )
        near = table.near(typo)
        if not scan:  # a short code: one edit is already too far
            assert not near, typo
            continue
        assert near and near[0][1] == scan[0][1], (typo, near, scan[:1])
        assert near[0][0] == table.codes[scan[0][2]], (typo, near, scan[:1])


def test_templates_by_their_pieces_match_as_a_scan_does(index: CloudIndex) -> None:
    templates = index._messages.patterns
    everything = [entry for bucket in templates._by_first.values() for entry in bucket]
    everything += [entry for bucket in templates._by_last.values() for entry in bucket] + templates._rest
    assert len(everything) == len(templates) > 20
    texts = [compact(r.message_en or r.message_zh) for r in index.rows[::7]]
    texts += ["".join(t.pieces) for t, _ in everything[::3]]  # every placeholder left empty
    for text in texts:
        scan = sorted(map(tuple, (ids for t, ids in everything if t.matches(text))))
        assert sorted(map(tuple, templates.matching(text))) == scan


def test_each_english_message_is_among_its_candidates(index: CloudIndex) -> None:
    pool = index._messages.pools["latin"]
    for i, form in enumerate(pool.compact):
        tokens = pool.words[i].split()
        assert i in pool._candidates(form, tokens), pool.words[i]


def test_lexicon_reads_misspelt_joined_and_prefixed_words() -> None:
    lexicon = Lexicon(common=2)
    entries = ["user is not authorized", "invalid parameter", "not found", "the disk is not found"]
    for i, text in enumerate(entries):
        lexicon.add(text.split(), i)
    lexicon.freeze()
    assert lexicon.words_for("unauthroized") == set()  # two letters off: no word
    assert "authorized" in lexicon.words_for("unauthorized")  # a prefixed word
    assert {"invalid", "parameter"} <= lexicon.words_for("invalidparameter")
    assert lexicon.words_for("paramter") == {"parameter"}
    assert lexicon.words_for("foud") == {"found"}
    # "not" is in three entries (common=2): the rarer word picks the candidates ...
    assert list(lexicon.candidates(["not", "disk"])) == [3]
    # ... and alone, the least common word stands for it.
    assert list(lexicon.candidates(["not"])) == [0, 2, 3]


def test_segments_split_codes_as_written() -> None:
    assert segments("InvalidImageId.NotFound") == ["invalid", "image", "id", "not", "found"]
    assert segments("INVALID_SERVER_TYPE") == ["invalid", "server", "type"]
    assert spaced_form("InvalidImageId") == "invalid image id"


def test_one_edit_finds_every_neighbour() -> None:
    rng = random.Random(5)
    words = {"".join(rng.choice("abcde") for _ in range(rng.randrange(1, 9))) for _ in range(3000)}
    near = OneEdit(words)
    for _ in range(500):
        token = "".join(rng.choice("abcdef") for _ in range(rng.randrange(1, 10)))
        brute = {w for w in words if OSA.distance(token, w) <= 1}
        assert set(near(token)) == brute, token


def test_long_texts_hand_rapidfuzz_only_forms_that_can_score(index: CloudIndex, monkeypatch) -> None:
    """The length window on long texts finds what a pass over every candidate finds."""
    from benchmarks.answers import eval_queries
    from benchmarks.queries import QUERIES
    from bot.kinds.cloud import messages

    texts = [q for _, q in eval_queries()] + [q for qs in QUERIES.values() for q in qs]
    # Long retellings built from real messages: a message with words around it, two joined.
    cjk = index._messages.pools["cjk"].compact
    texts += [
        f"我们调接口时报错说{a}，然后又{b}，不知道怎么回事" for a, b in zip(cjk[::7], cjk[3::7], strict=False)
    ]
    forms = []
    for text in texts:
        form = compact(text)
        if messages.WINDOWED_LEN < len(form) <= messages.MAX_FUZZY_LEN:
            forms.append((form, spaced_form(text)))
    assert len(forms) > 100
    pools = [index._messages.pools["cjk"], index._messages.pools["latin"]]
    windowed = [[pool.similar(f, s, s.split()) for f, s in forms] for pool in pools]
    monkeypatch.setattr(messages, "WINDOWED_LEN", 10**9)
    assert windowed == [[pool.similar(f, s, s.split()) for f, s in forms] for pool in pools]


def test_similar_reads_the_scores_its_lists_hold(index: CloudIndex) -> None:
    """Scoring the picked forms with the ratios and subsequence lengths the candidate lists
    already hold gives every float a fresh scoring gives."""
    from benchmarks.answers import eval_queries
    from bot.kinds.cloud import messages

    checked = 0
    for pool in (index._messages.pools["cjk"], index._messages.pools["latin"]):
        for _, text in eval_queries():
            form, spaced = compact(text), spaced_form(text)
            if not messages.MIN_MESSAGE_LEN <= len(form) <= messages.MAX_FUZZY_LEN:
                continue
            words = " ".join(sorted(spaced.split())) if " " in spaced else ""
            for sim, rows, exact in pool.similar(form, spaced, spaced.split()):
                # Every form holding these rows scored by the plain functions: one of them
                # gives exactly this float.
                expected = set()
                for i, held in enumerate(pool.rows):
                    if held is rows:
                        plain = messages.similarity(form, pool.compact[i])
                        if words:
                            plain = max(plain, fuzz.ratio(words, pool.words[i]))
                        if pool is index._messages.pools["latin"]:
                            # (or its words retold inside a longer English sentence)
                            plain = max(plain, messages.retold(spaced, pool.words[i]))
                        expected.add((plain, form == pool.compact[i]))
                assert (sim, exact) in expected, text
                checked += 1
    assert checked > 1000
