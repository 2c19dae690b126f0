"""The meaning tier's generated terms (bot/kinds/cloud/_meaning_terms.txt) are current, and an
index built without them, or with a stale or broken file, is the same index."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.knowledge import KnowledgeBase
from bot.kinds.cloud import meaning
from bot.kinds.cloud.meaning import MeaningIndex, distinct_texts, document_terms, stored_terms
from tests.generated_files import UNUSABLE, write


def test_generated_terms_are_current(kb: KnowledgeBase) -> None:
    texts = distinct_texts(kb["error"].rows)
    stored = stored_terms(texts)
    assert stored is not None, (
        "bot/kinds/cloud/_meaning_terms.txt is stale (cloud tables, concepts.py or meaning.py "
        "changed): run scripts/generate_meaning_terms.py"
    )
    assert stored == [document_terms(text) for text in texts]


def _index_state(index: MeaningIndex) -> tuple:
    bm25 = index._bm25
    return (index._concepts, index._named, bm25._postings, bm25._idf_by_len, bm25._norms, bm25._common_tf, index._prior)


@pytest.mark.parametrize(
    "content",
    [
        *UNUSABLE,
        "0" * 64 + "\n~invalid\n",  # a foreign fingerprint
    ],
)
def test_without_usable_terms_the_index_reads_the_texts(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | str | None
) -> None:
    rows = kb["error"].rows
    expected = _index_state(MeaningIndex(rows))
    path = tmp_path / "_meaning_terms.txt"
    write(path, content)
    monkeypatch.setattr(meaning, "TERMS_FILE", path)
    assert stored_terms(distinct_texts(rows)) is None
    assert _index_state(MeaningIndex(rows)) == expected


def test_terms_of_other_texts_are_not_used(kb: KnowledgeBase) -> None:
    """A table edit changes the fingerprint: the file made for the old texts is ignored."""
    texts = distinct_texts(kb["error"].rows)
    edited = [(*texts[0][:1], "另一条信息", *texts[0][2:]), *texts[1:]]
    assert stored_terms(edited) is None
