"""Corrupt every knowledge file a dozen ways: each must be refused with a message naming the file.

The loader's promise is "file, entry, field: problem" for any defect and never a traceback
or a half-loaded knowledge base. Structural corruptions (wrong types, missing fields, bad
references) are made on the parsed data and written back as TOML, so they hit exactly the
field meant; byte-level ones (non-UTF-8, truncation, deep nesting) edit the raw file.
Every mutation is loaded in-process; a sample also goes through ``httpcode-bot check``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.core.knowledge import default_dir
from bot.core.schema import KnowledgeError
from bot.kinds import load as load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SOURCE = default_dir()
MISSING_CODE = 555  # no entry in knowledge/status/ has this code
# Exactly the files the loader reads, by its own account.
LOADED = sorted(f.removeprefix("knowledge/") for f in load_knowledge(SOURCE).files)
TOML_FILES = [f for f in LOADED if f.endswith(".toml")]
TSV_FILES = [f for f in LOADED if f.startswith("cloud/") and f.endswith(".tsv")]
OTHER_FILES = [f for f in LOADED if f not in TOML_FILES and f not in TSV_FILES]


@dataclass(frozen=True)
class Kind:
    """What one kind of TOML file holds: its table and a field of each sort to break."""

    table: str
    required: str  # removed: "is missing"
    text: str  # given an integer, or padded with spaces
    reference: tuple[str, Any, str]  # (field, bad value, message) for a dangling reference
    empty: tuple[str, Any, str]  # (field, empty value, message)


KINDS = {
    "status": Kind(
        "status",
        "summary",
        "name_zh",
        ("related", [MISSING_CODE], f"code {MISSING_CODE} does not exist"),
        ("aliases", [], "needs at least 1 item(s)"),
    ),
    "class": Kind(
        "class",
        "name_en",
        "name_zh",
        ("digit", 9, "expected an integer from 1 to 5"),
        ("aliases", [""], "must not be empty"),
    ),
    "seed": Kind(
        "seed",
        "message",
        "product",
        ("status", MISSING_CODE, f"{MISSING_CODE} is not a status code in knowledge/status/"),
        ("message", "", "must not be empty"),
    ),
    "family": Kind(
        "family",
        "title",
        "meaning",
        ("typical_status", MISSING_CODE, f"{MISSING_CODE} is not a status code in knowledge/status/"),
        ("patterns", [""], "may only hold letters"),
    ),
    "wording": Kind(
        "message",
        "source",
        "message",
        ("code", "NoSuchThing", "NoSuchThing is not an OSS or OBS error code in the tables"),
        ("message", "", "must not be empty"),
    ),
    "commonest": Kind(
        "code",
        "source",
        "code",
        ("code", "NoSuchThing", "NoSuchThing is not a aliyun error code in the tables"),
        ("says", [], "needs at least 1 item(s)"),
    ),
    "network": Kind(
        "error",
        "summary",
        "title_zh",
        ("see_also", ["NO_SUCH_ERROR"], "NO_SUCH_ERROR is neither a card nor in facts.tsv"),
        ("aliases", [], "needs at least 1 item(s)"),
    ),
}


def kind_of(rel: str) -> Kind:
    if rel.startswith("status/"):
        return KINDS["status"]
    if rel.startswith("network/"):
        return KINDS["network"]
    return {
        "classes.toml": KINDS["class"],
        "cloud/aliyun_seed.toml": KINDS["seed"],
        "cloud/s3_wording.toml": KINDS["wording"],
        "cloud/commonest.toml": KINDS["commonest"],
    }.get(rel, KINDS["family"])


# --- a minimal TOML writer: enough for these files, checked by a round trip below ------------


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON string escapes are TOML escapes
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def dump(data: dict[str, Any]) -> str:
    lines = [f"{k} = {toml_value(v)}" for k, v in data.items() if not _is_tables(v)]
    for key, tables in data.items():
        if _is_tables(tables):
            for table in tables:
                lines += ["", f"[[{key}]]", *(f"{k} = {toml_value(v)}" for k, v in table.items())]
    return "\n".join(lines) + "\n"


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


# --- mutations -----------------------------------------------------------------------------
# Each takes the file's original bytes and returns (corrupted bytes, field or None, message part).

Mutation = Callable[[str, bytes], tuple[bytes, str | None, str]]


def _first_table(rel: str, raw: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    data = tomllib.loads(raw.decode())
    change(data[kind_of(rel).table][0])
    return dump(data).encode()


def m_non_utf8(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    at = raw.index(b"\n", len(raw) // 2) + 1  # start of a line in the middle of the file
    return raw[:at] + b"\xff\xfe" + raw[at:], None, "is not UTF-8"


def m_empty(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    if rel.endswith(".tsv"):
        return b"", None, "header must be"
    return b"", f"'{kind_of(rel).table}'", "expected one or more"


def m_truncated(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    text = raw.decode()
    if rel.endswith(".tsv"):  # cut a row after its first characters: too few columns
        at = text.index("\n", len(text) // 2) + 4
        return text[:at].encode(), None, "columns, expected 9"
    at = text.index(' = "', len(text) // 2) + len(' = "')  # inside a string: unterminated
    return text[:at].encode(), None, "is not valid TOML"


# TOML only


def m_invalid_toml(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return raw + b"\nthis is = = not toml\n", None, "is not valid TOML"


def m_deep_nesting(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return raw + b"\ndeep = " + b"[" * 5000 + b"]" * 5000 + b"\n", None, "nested too deeply"


def m_duplicate_key(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    text = _first_table(rel, raw, lambda t: None).decode()
    header = f"[[{kind_of(rel).table}]]\n"
    start = text.index(header) + len(header)
    first_line = text[start : text.index("\n", start) + 1]
    return (text[:start] + first_line + text[start:]).encode(), None, "Cannot overwrite a value"


def m_wrong_type(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    field = kind_of(rel).text
    return _first_table(rel, raw, lambda t: t.update({field: 42})), f"'{field}'", "expected a string"


def m_padded_text(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    field = kind_of(rel).text

    def pad(table: dict[str, Any]) -> None:
        table[field] = f" {table[field]} "

    return _first_table(rel, raw, pad), f"'{field}'", "leading or trailing white space"


def m_missing_field(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    field = kind_of(rel).required
    return _first_table(rel, raw, lambda t: t.pop(field)), f"'{field}'", "is missing"


def m_bad_reference(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    field, value, message = kind_of(rel).reference
    return _first_table(rel, raw, lambda t: t.update({field: value})), f"'{field}'", message


def m_empty_items(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    field, value, message = kind_of(rel).empty
    return _first_table(rel, raw, lambda t: t.update({field: value})), f"'{field}'", message


def m_unknown_key(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _first_table(rel, raw, lambda t: t.update({"colour": "red"})), "'colour'", "unknown key"


def m_top_level_key(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return b'colour = "red"\n' + raw, "'colour'", "unknown top-level key"


def m_not_tables(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return f"{kind_of(rel).table} = [1, 2]\n".encode(), None, "expected a table"


# TSV only: row 2 is the first data row


def _row(raw: bytes, change: Callable[[list[str]], list[str]], line: int = 1) -> bytes:
    lines = raw.decode().split("\n")
    lines[line] = "\t".join(change(lines[line].split("\t")))
    return "\n".join(lines).encode()


def _cell(name: str, value: str) -> Callable[[list[str]], list[str]]:
    from bot.kinds.cloud.loader import TSV_COLUMNS

    def change(cells: list[str]) -> list[str]:
        cells[TSV_COLUMNS.index(name)] = value
        return cells

    return change


def _status_field(rel: str, field: str) -> str:
    # Tencent Cloud rows must leave both status columns empty, so any value is refused there.
    return "'http_status'" if "tencentcloud" in rel else f"'{field}'"


def m_status_value(value: str) -> Mutation:
    def mutate(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
        message = "must be empty" if "tencentcloud" in rel else "is not an integer"
        return _row(raw, _cell("http_status", value)), _status_field(rel, "http_status"), message

    mutate.__name__ = f"m_status_{value!r}"
    return mutate


def m_other_statuses_empty_item(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    message = "must be empty" if "tencentcloud" in rel else "empty item between commas"
    field = _status_field(rel, "other_http_statuses")
    return _row(raw, _cell("other_http_statuses", "403,,404")), field, message


def m_status_not_in_knowledge(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    message = "must be empty" if "tencentcloud" in rel else f"{MISSING_CODE} is not a status code"
    return _row(raw, _cell("http_status", str(MISSING_CODE))), _status_field(rel, "http_status"), message


def m_missing_column(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _row(raw, lambda cells: cells[:-1]), None, "has 8 columns, expected 9"


def m_extra_column(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _row(raw, lambda cells: [*cells, "extra"]), None, "has 10 columns, expected 9"


def m_wrong_header(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _row(raw, lambda cells: cells[::-1], line=0), None, "header must be"


def m_empty_error_code(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _row(raw, _cell("error_code", "")), "'error_code'", "must not be empty"


def m_unknown_provider(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _row(raw, _cell("provider", "aws")), "'provider'", "unknown provider"


def m_missing_source(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    return _row(raw, _cell("source", "")), "'source'", "every row must say where it comes from"


def m_duplicate_row(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
    lines = raw.decode().split("\n")
    return "\n".join([lines[0], lines[1], *lines[1:]]).encode(), "'error_code'", "duplicate row"


BOTH: list[Mutation] = [m_non_utf8, m_empty, m_truncated]
TOML_ONLY: list[Mutation] = [
    m_invalid_toml,
    m_deep_nesting,
    m_duplicate_key,
    m_wrong_type,
    m_padded_text,
    m_missing_field,
    m_bad_reference,
    m_empty_items,
    m_unknown_key,
    m_top_level_key,
    m_not_tables,
]
TSV_ONLY: list[Mutation] = [
    m_status_value("--500"),
    m_status_value("5²3"),
    m_status_value("abc"),
    m_other_statuses_empty_item,
    m_status_not_in_knowledge,
    m_missing_column,
    m_extra_column,
    m_wrong_header,
    m_empty_error_code,
    m_unknown_provider,
    m_missing_source,
    m_duplicate_row,
]


def _facts_line(change: Callable[[list[str]], list[str]]) -> Mutation:
    def mutate(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
        lines = raw.decode().split("\n")
        lines[1] = "\t".join(change(lines[1].split("\t")))
        return "\n".join(lines).encode(), None, "line 2"

    mutate.__name__ = "m_facts_" + change.__name__
    return mutate


def bad_number(cells: list[str]) -> list[str]:
    return [*cells[:2], "²", *cells[3:]]


def bad_family(cells: list[str]) -> list[str]:
    return ["http", *cells[1:]]


def short_row(cells: list[str]) -> list[str]:
    return cells[:3]


def no_source(cells: list[str]) -> list[str]:
    return [*cells[:4], " "]


FACTS_ONLY: list[Mutation] = [_facts_line(c) for c in (bad_number, bad_family, short_row, no_source)]
CASES = (
    [(rel, m) for rel in TOML_FILES for m in BOTH + TOML_ONLY]
    + [(rel, m) for rel in TSV_FILES for m in BOTH + TSV_ONLY]
    + [("network/facts.tsv", m) for m in FACTS_ONLY]
    # A file of a kind added later still owes the promise every file keeps.
    + [(rel, m_non_utf8) for rel in OTHER_FILES]
)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("mutations") / "knowledge"
    shutil.copytree(SOURCE, target)
    return target


@pytest.fixture
def corrupt(copy: Path) -> Iterator[Callable[[str, Mutation], tuple[str | None, str]]]:
    """Write one corrupted file into the shared copy; put the original back afterwards."""
    touched: list[str] = []

    def apply(rel: str, mutation: Mutation) -> tuple[str | None, str]:
        data, field, message = mutation(rel, (SOURCE / rel).read_bytes())
        assert data != (SOURCE / rel).read_bytes()
        (copy / rel).write_bytes(data)
        touched.append(rel)
        return field, message

    yield apply
    for rel in touched:
        shutil.copyfile(SOURCE / rel, copy / rel)


def test_the_matrix_covers_every_file_kind():
    assert {"classes.toml", "cloud/aliyun_seed.toml", "cloud/families.toml", "cloud/s3_wording.toml"} <= set(TOML_FILES)
    assert sum(f.startswith("status/") for f in TOML_FILES) >= 9
    assert TSV_FILES == ["cloud/aliyun.tsv", "cloud/huaweicloud.tsv", "cloud/tencentcloud.tsv"]


def test_the_round_trip_writer_is_faithful(copy, corrupt):
    """Re-written with no change, every TOML file still loads: the mutations hit only their target."""
    for rel in TOML_FILES:
        corrupt(rel, lambda rel, raw: (_first_table(rel, raw, lambda t: None), None, ""))
    kb = load_knowledge(copy)
    assert kb == load_knowledge(SOURCE)


def _ids(value: Any) -> str:
    return value.__name__.removeprefix("m_") if callable(value) else str(value)


@pytest.mark.parametrize(("rel", "mutation"), CASES, ids=_ids)
def test_every_corruption_is_reported_with_file_and_field(copy, corrupt, rel, mutation):
    field, message = corrupt(rel, mutation)
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(copy)
    problems = info.value.problems
    mine = [p for p in problems if p.startswith(f"knowledge/{rel}:") or p.startswith(f"knowledge/{rel} ")]
    assert mine, problems[:5]
    wanted = [p for p in mine if message in p and (field is None or f"field {field}" in p)]
    assert wanted, mine[:5]
    assert "Traceback" not in str(info.value)


SAMPLE = [
    ("cloud/aliyun.tsv", m_non_utf8),
    ("cloud/huaweicloud.tsv", m_other_statuses_empty_item),
    ("cloud/aliyun.tsv", m_status_value("5²3")),
    ("status/5xx.toml", m_deep_nesting),
    ("classes.toml", m_truncated),
]


@pytest.mark.slow
@pytest.mark.parametrize(("rel", "mutation"), SAMPLE, ids=_ids)
def test_check_command_lists_the_problem_and_exits_1(copy, corrupt, rel, mutation):
    _, message = corrupt(rel, mutation)
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "check"],
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "HTTPCODE_KNOWLEDGE_DIR": str(copy),
            "HTTPCODE_INDEX_CACHE": "off",
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"knowledge/{rel}" in proc.stderr and message in proc.stderr
    assert proc.stderr.startswith("知识库校验失败 / knowledge base is invalid")


def _symptom(word: str) -> Mutation:
    def mutation(rel: str, raw: bytes) -> tuple[bytes, str | None, str]:
        return _first_table(rel, raw, lambda t: t.update({"symptoms": ["打不开", word]})), "'symptoms'[1]", "is not a bare symptom"

    return mutation


@pytest.mark.parametrize(
    ("rel", "word"),
    [
        ("status/5xx.toml", "网站打不开"),  # holds its subject: a question's core never would
        ("status/40x.toml", "后台又登不上"),  # a subject and an adverb
        ("network/browser.toml", "为什么打不开"),  # a question word
        ("network/tcp.toml", "连" * 20),  # longer than a symptom
    ],
)
def test_a_symptom_no_question_could_leave_is_refused(copy, corrupt, rel, word):
    field, message = corrupt(rel, _symptom(word))
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(copy)
    mine = [p for p in info.value.problems if p.startswith(f"knowledge/{rel}") and f"field {field}" in p]
    assert mine and all(message in p for p in mine), info.value.problems[:5]
