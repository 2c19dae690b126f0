"""The knowledge base covers the registry, the vendor codes people meet, and the whole seed."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from bot.core.text import normalize

REFERENCE = Path(__file__).resolve().parent / "reference"
VENDOR_CODES = {
    444,
    494,
    495,
    496,
    497,
    499,  # nginx
    520,
    521,
    522,
    523,
    524,
    525,
    526,
    530,  # Cloudflare
    460,
    463,
    561,  # AWS ELB
    440,
    449,  # IIS
    419,
    420,
    509,
    598,
    599,
}


def iana_rows() -> list[dict[str, str]]:
    with (REFERENCE / "iana.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def seed_table() -> list[tuple[str, str, str]]:
    """(code or class, 含义, 备注) for every row of the seed's table, Markdown escapes removed."""
    rows = []
    for line in (REFERENCE / "seed-http-status-code.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"\d{3}|\dXX", cells[0]):
            rows.append(tuple(re.sub(r"\\([()])", r"\1", c) for c in cells))
    return rows


def test_every_assigned_iana_code_is_present(kb):
    assigned = {int(r["code"]) for r in iana_rows() if r["status"] == "assigned"}
    assert len(assigned) >= 60
    assert sorted(assigned - set(kb["status"].statuses)) == []


def test_registry_states_and_phrases_match_iana(kb):
    for row in iana_rows():
        if not row["code"].isdigit() or row["status"] != "assigned":
            continue
        entry = kb["status"].statuses[int(row["code"])]
        assert entry.registry == "assigned", row["code"]
        assert entry.phrase == row["reason_phrase"], row["code"]
        # Python 3.11's older names stay searchable.
        if row["python311_phrase"] and row["python311_phrase"] != row["reason_phrase"]:
            assert row["python311_phrase"] in entry.phrase_aliases, row["code"]
        if row["reference"].startswith("RFC9110, Section "):
            assert entry.spec.ref == "RFC 9110"
            assert entry.spec.section == row["reference"].removeprefix("RFC9110, Section "), row["code"]


def test_vendor_codes_are_present_and_say_what_the_client_gets(kb):
    assert sorted(VENDOR_CODES - set(kb["status"].statuses)) == []
    for code in VENDOR_CODES:
        entry = kb["status"].statuses[code]
        assert entry.registry == "unofficial"
        assert entry.spec.org != "IETF"
        assert entry.received_as


def test_nginx_internal_codes_reach_the_client_as_400(kb):
    for code in (494, 495, 496, 497):
        assert "400" in kb["status"].statuses[code].received_as


def test_at_least_ninety_codes(kb):
    assert len(kb["status"].statuses) >= 90


@pytest.mark.parametrize("row", seed_table(), ids=lambda r: r[0])
def test_seed_row_survives_with_its_meaning(kb, row):
    code, meaning, note = row
    if code.endswith("XX"):
        cls = kb["status"].classes[int(code[0])]
        assert cls.seed_note == note
        return
    entry = kb["status"].statuses[int(code)]
    assert entry.seed is not None, code
    assert entry.seed.meaning == meaning
    assert entry.seed.note.startswith(note.rstrip("。")), (code, entry.seed.note)


def test_seed_table_is_complete():
    rows = seed_table()
    codes = [r[0] for r in rows]
    # 32 codes and the 3XX / 4XX / 5XX class rows: the parser must not lose any.
    assert len(rows) == 35
    assert sum(c.isdigit() for c in codes) == 32
    assert "499" in codes and "3XX" in codes


def test_seed_extra_line_for_400_is_kept(kb):
    assert (
        "由于语法格式有误，服务器无法理解此请求。不作修改，客户程序就无法重复此请求。"
        in kb["status"].statuses[400].seed.note
    )


def test_499_keeps_the_users_wording(kb):
    assert kb["status"].statuses[499].seed.meaning == "客户端断开连接"


def test_no_alias_points_at_two_codes(kb):
    owners: dict[str, int] = {}
    for entry in kb["status"].statuses.values():
        for text in (entry.name_zh, entry.phrase, *entry.phrase_aliases, *entry.aliases, *entry.signatures):
            key = normalize(text)
            assert owners.setdefault(key, entry.code) == entry.code, (text, owners[key], entry.code)


def test_every_entry_links_to_real_entries(kb):
    for entry in kb["status"].statuses.values():
        assert entry.related, entry.code
        assert all(code in kb["status"].statuses for code in entry.related)


# Pairs people mix up: each card must point at the other, whichever one is opened.
CONFUSED = [
    (401, 403),
    (301, 302),
    (301, 308),
    (302, 307),
    (307, 308),
    (303, 302),
    (502, 504),
    (500, 502),
    (503, 504),
    (404, 410),
    (400, 422),
    (413, 414),
    (429, 503),
    (405, 501),
    (408, 504),
]


@pytest.mark.parametrize(("a", "b"), CONFUSED)
def test_confused_pairs_link_both_ways(kb, a, b):
    statuses = kb["status"].statuses
    assert b in statuses[a].related and a in statuses[b].related


def test_every_entry_is_substantial(kb):
    for entry in kb["status"].statuses.values():
        assert len(entry.meaning) >= 40, entry.code
        assert len(entry.causes) >= 2 and len(entry.fix_client) >= 1 and len(entry.fix_server) >= 1, (
            entry.code
        )
        assert len(entry.aliases) >= 3, entry.code


def test_every_status_is_described_without_naming_it(kb):
    """Descriptions are for questions that do not name the code: a description holding the
    code's number or its Chinese or English name would only repeat what the names index."""
    for code, entry in kb["status"].statuses.items():
        assert len(entry.descriptions) >= 8, code
        names = [normalize(n) for n in (entry.name_zh, entry.phrase, *entry.phrase_aliases)]
        for text in entry.descriptions:
            assert str(code) not in text, (code, text)
            assert not any(name and name in normalize(text) for name in names), (code, text)
