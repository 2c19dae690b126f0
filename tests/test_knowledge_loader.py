"""The loader refuses bad data with one message naming file, entry and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.schema import KnowledgeError
from bot.kinds import load as load_knowledge

GOOD = """
[[status]]
code = {code}
name_zh = "测试专用{code}"
phrase = "Test Phrase {code}"
registry = "unofficial"
spec = {{ org = "Example", ref = "example docs", url = "https://example.com/{code}" }}
received_as = "{code}"
summary = "测试条目。"
meaning = "只用于测试加载器。"
causes = ["测试"]
fix_client = ["测试"]
fix_server = ["测试"]
aliases = ["测试别名{code}"]
"""


def write(root: Path, name: str, text: str) -> None:
    (root / "status" / name).write_text(text, encoding="utf-8")


def problems_for(root: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(root)
    return info.value.problems


def test_real_knowledge_base_loads(kb):
    assert len(kb["status"].statuses) >= 90
    assert set(kb["status"].classes) == {1, 2, 3, 4, 5}


def test_valid_extra_file_loads(knowledge_copy):
    write(knowledge_copy, "zz-extra.toml", GOOD.format(code=587))
    kb = load_knowledge(knowledge_copy)
    assert kb["status"].statuses[587].name_zh == "测试专用587"


def test_unknown_key(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587) + 'colour = "red"\n')
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'colour': unknown key (allowed: "
        + ", ".join(
            [
                "code",
                "name_zh",
                "phrase",
                "phrase_aliases",
                "registry",
                "spec",
                "received_as",
                "sent_as",
                "summary",
                "meaning",
                "causes",
                "fix_client",
                "fix_server",
                "retry",
                "related",
                "aliases",
                "signatures",
                "descriptions",
                "symptoms",
                "seed",
            ]
        )
        + ")"
    ]


def test_missing_field(knowledge_copy):
    text = GOOD.format(code=587).replace('summary = "测试条目。"\n', "")
    write(knowledge_copy, "zz-bad.toml", text)
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'summary': is missing"
    ]


def test_wrong_type_in_list_names_the_index(knowledge_copy):
    text = GOOD.format(code=587).replace('aliases = ["测试别名587"]', 'aliases = ["测试别名587", 42, ""]')
    write(knowledge_copy, "zz-bad.toml", text)
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'aliases'[1]: expected a string, got int",
        "knowledge/status/zz-bad.toml: entry (code=587) field 'aliases'[2]: must not be empty",
    ]


@pytest.mark.parametrize("code", [99, 600, 1000])
def test_code_out_of_range(knowledge_copy, code):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=code))
    assert problems_for(knowledge_copy) == [
        f"knowledge/status/zz-bad.toml: entry (code={code}) field 'code': {code} is outside 100–599"
    ]


def test_code_wrong_type(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587).replace("code = 587", 'code = "587"'))
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=?) field 'code': expected an integer, got str"
    ]


def test_duplicate_code(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=503))
    problems = problems_for(knowledge_copy)
    assert len(problems) == 1
    assert re.fullmatch(
        r"knowledge/status/zz-bad\.toml: entry \(code=503\) field 'code': "
        r"duplicate: already defined in knowledge/status/\S+\.toml",
        problems[0],
    )


def test_alias_claimed_by_two_codes(knowledge_copy):
    text = GOOD.format(code=587).replace('aliases = ["测试别名587"]', 'aliases = ["测试别名587", "网关超时"]')
    write(knowledge_copy, "zz-bad.toml", text)
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'aliases'[1]: "
        "'网关超时' is already claimed by code 504 (name_zh)"
    ]


def test_alias_equal_after_normalisation(knowledge_copy):
    # Traditional characters and case fold to the same key as 504's name.
    text = GOOD.format(code=587).replace('aliases = ["测试别名587"]', 'aliases = ["閘道逾時"]')
    write(knowledge_copy, "zz-bad.toml", text)
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'aliases'[0]: "
        "'閘道逾時' is already claimed by code 504 (name_zh)"
    ]


def test_related_code_must_exist(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587) + "related = [503, 588]\n")
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'related'[1]: code 588 does not exist"
    ]


@pytest.mark.parametrize(
    ("value", "why"), [("588", "code 588 does not exist"), ("587", "code 587 is this code"), ('"400"', None)]
)
def test_sent_as_names_another_existing_code(knowledge_copy, value, why):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587) + f"sent_as = {value}\n")
    problems = problems_for(knowledge_copy)
    if why is None:  # a string where a code belongs: the type check's own message
        assert problems == ["knowledge/status/zz-bad.toml: entry (code=587) field 'sent_as': expected an integer, got str"]
    else:
        assert problems == [f"knowledge/status/zz-bad.toml: entry (code=587) field 'sent_as': {why}"]


def test_vendor_code_needs_received_as(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587).replace('received_as = "587"\n', ""))
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'received_as': "
        "vendor codes must say what the client receives"
    ]


def test_bad_registry_value(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587).replace('"unofficial"', '"official"'))
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'registry': 'official' is not one of "
        "assigned, temporary, reserved, obsoleted, unofficial"
    ]


def test_spec_table_checked(knowledge_copy):
    text = GOOD.format(code=587).replace('ref = "example docs", ', "")
    write(knowledge_copy, "zz-bad.toml", text)
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (code=587) field 'spec.ref': is missing"
    ]


def test_invalid_toml(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", "[[status]\ncode = 1")
    problems = problems_for(knowledge_copy)
    assert len(problems) == 1
    assert problems[0].startswith("knowledge/status/zz-bad.toml: is not valid TOML:")


def test_every_problem_is_reported_at_once(knowledge_copy):
    write(knowledge_copy, "zz-bad1.toml", GOOD.format(code=587) + "related = [588]\n")
    write(knowledge_copy, "zz-bad2.toml", GOOD.format(code=589).replace("测试别名589", "测试别名587"))
    problems = problems_for(knowledge_copy)
    assert problems == [
        "knowledge/status/zz-bad1.toml: entry (code=587) field 'related'[0]: code 588 does not exist",
        "knowledge/status/zz-bad2.toml: entry (code=589) field 'aliases'[0]: "
        "'测试别名587' is already claimed by code 587 (aliases)",
    ]


def test_missing_classes_file(knowledge_copy):
    (knowledge_copy / "classes.toml").unlink()
    problems = problems_for(knowledge_copy)
    assert problems[0].startswith("knowledge/classes.toml: cannot be read:")


def test_error_message_lists_all_problems(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587) + "related = [588, 597]\n")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge_copy)
    text = str(info.value)
    assert "2 problem(s)" in text
    assert "'related'[0]: code 588 does not exist" in text
    assert "'related'[1]: code 597 does not exist" in text


def test_non_utf8_byte_names_line_and_column(knowledge_copy):
    text = GOOD.format(code=587).encode().replace("条目".encode(), b"\xff\xfe", 1)
    (knowledge_copy / "status" / "zz-bad.toml").write_bytes(text)
    # Column 14 counts characters: 'summary = "测试' is 13 of them (and 17 bytes).
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: entry (line 9): is not UTF-8: byte(s) ff at column 14"
    ]


def test_deeply_nested_toml_is_a_problem_not_a_recursion_error(knowledge_copy):
    write(knowledge_copy, "zz-bad.toml", GOOD.format(code=587) + "deep = " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-bad.toml: is not valid TOML: values are nested too deeply"
    ]


def test_an_unreadable_status_file_is_reported_alone(knowledge_copy):
    """Without 5xx.toml every reference to 503 would fail too; those echoes would bury the cause."""
    path = knowledge_copy / "status" / "5xx.toml"
    text = path.read_text(encoding="utf-8")  # cut on a character, not inside one: TOML's error
    path.write_text(text[:-40] + '"unterminated\n', encoding="utf-8")
    problems = problems_for(knowledge_copy)
    assert len(problems) == 1
    assert problems[0].startswith("knowledge/status/5xx.toml: is not valid TOML:")


def test_an_unforeseen_error_in_a_check_names_the_file(knowledge_copy, monkeypatch):
    import bot.kinds.status.loader as status_loader

    real = status_loader.normalize

    def normalize(text: str) -> str:
        if text == "测试别名587":
            raise RuntimeError("a bug in a checker")
        return real(text)

    monkeypatch.setattr(status_loader, "normalize", normalize)
    write(knowledge_copy, "zz-extra.toml", GOOD.format(code=587))
    assert problems_for(knowledge_copy) == [
        "knowledge/status/zz-extra.toml: could not be checked (RuntimeError: a bug in a checker)"
    ]


def test_odd_entry_names_are_shortened_in_messages(knowledge_copy):
    data = (knowledge_copy / "classes.toml").read_text(encoding="utf-8")
    (knowledge_copy / "classes.toml").write_text(data.replace("digit = 1\n", "digit = [[1]]\n"), "utf-8")
    problems = problems_for(knowledge_copy)
    assert problems[0] == (
        "knowledge/classes.toml: entry (digit=?) field 'digit': expected an integer from 1 to 5"
    )
