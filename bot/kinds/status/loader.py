"""Load and validate the status kind's files: ``knowledge/status/*.toml`` and ``classes.toml``.

Every problem goes to the shared :class:`~bot.core.schema.Problems` as
``knowledge/FILE: entry (code=404) field 'aliases'[3]: what is wrong``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.core.schema import (
    FieldSpec,
    Problems,
    build,
    check_code,
    check_fields,
    check_optional_text,
    check_text,
    checked_tables,
    iter_tables,
    label,
    parse_toml,
    reported_as,
)
from bot.core.symptoms import check_symptom
from bot.core.text import normalize
from bot.kinds.status.model import REGISTRY_STATES, SeedNote, Spec, StatusClass, StatusData, StatusEntry

STATUS_FIELDS: dict[str, FieldSpec] = {
    "code": FieldSpec(check_code),
    "name_zh": FieldSpec(check_text),
    "phrase": FieldSpec(check_text),
    "phrase_aliases": FieldSpec(check_text, required=False, is_list=True),
    "registry": FieldSpec(check_text),
    "spec": FieldSpec(lambda v: None),  # a table, checked by _spec()
    "received_as": FieldSpec(check_optional_text, required=False),
    "sent_as": FieldSpec(check_code, required=False),
    "summary": FieldSpec(check_text),
    "meaning": FieldSpec(check_text),
    "causes": FieldSpec(check_text, is_list=True, min_items=1),
    "fix_client": FieldSpec(check_text, is_list=True, min_items=1),
    "fix_server": FieldSpec(check_text, is_list=True, min_items=1),
    "retry": FieldSpec(check_optional_text, required=False),
    "related": FieldSpec(check_code, required=False, is_list=True),
    "aliases": FieldSpec(check_text, is_list=True, min_items=1),
    "signatures": FieldSpec(check_text, required=False, is_list=True),
    "descriptions": FieldSpec(check_text, required=False, is_list=True),
    "symptoms": FieldSpec(check_symptom, required=False, is_list=True),
    "seed": FieldSpec(lambda v: None, required=False),  # a table, checked by _seed()
}
SPEC_FIELDS = {"org": True, "ref": True, "section": False, "url": False}
SEED_FIELDS = {"meaning": False, "note": False}

CLASS_FIELDS: dict[str, FieldSpec] = {
    "digit": FieldSpec(
        lambda v: (
            None
            if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5
            else "expected an integer from 1 to 5"
        )
    ),
    "name_zh": FieldSpec(check_text),
    "name_en": FieldSpec(check_text),
    "summary": FieldSpec(check_text),
    "seed_note": FieldSpec(check_optional_text, required=False),
    "aliases": FieldSpec(check_text, is_list=True, min_items=1),
}


def _table(
    raw: Any, allowed: dict[str, bool], problems: Problems, file: str, entry: str, name: str
) -> dict[str, str] | None:
    if not isinstance(raw, dict):
        problems.add(file, entry, f"'{name}'", f"expected a table, got {type(raw).__name__}")
        return None
    ok = True
    for key, value in raw.items():
        if key not in allowed:
            problems.add(file, entry, f"'{name}.{key}'", f"unknown key (allowed: {', '.join(allowed)})")
            ok = False
        elif (msg := check_text(value)) is not None:
            problems.add(file, entry, f"'{name}.{key}'", msg)
            ok = False
    for key, required in allowed.items():
        if required and key not in raw:
            problems.add(file, entry, f"'{name}.{key}'", "is missing")
            ok = False
    return raw if ok else None


def rfc_url(ref: str, section: str) -> str:
    """The rfc-editor.org address of an RFC (section), or "" for anything else."""
    if not ref.startswith("RFC "):
        return ""
    url = f"https://www.rfc-editor.org/rfc/rfc{ref[4:].strip()}"
    return f"{url}#section-{section}" if section else url


def _build_status(raw: dict[str, Any], rel: str, problems: Problems) -> StatusEntry | None:
    code = raw.get("code")
    entry = f"code={code}" if isinstance(code, int) and not isinstance(code, bool) else "code=?"
    ok = check_fields(raw, STATUS_FIELDS, problems, rel, entry)
    spec = _table(raw.get("spec"), SPEC_FIELDS, problems, rel, entry, "spec") if "spec" in raw else None
    if "spec" in raw and spec is None:
        ok = False
    seed = None
    if "seed" in raw:
        seed = _table(raw["seed"], SEED_FIELDS, problems, rel, entry, "seed")
        if seed is None:
            ok = False
        elif not seed:
            problems.add(rel, entry, "'seed'", "must hold 'meaning' or 'note'")
            ok = False
    if ok and raw["registry"] not in REGISTRY_STATES:
        problems.add(
            rel, entry, "'registry'", f"{raw['registry']!r} is not one of {', '.join(REGISTRY_STATES)}"
        )
        ok = False
    if ok and (raw["registry"] == "unofficial") != (spec["org"] != "IETF"):
        problems.add(rel, entry, "'registry'", "is 'unofficial' exactly when spec.org is not IETF")
        ok = False
    if ok and spec["org"] != "IETF" and not raw.get("received_as"):
        problems.add(rel, entry, "'received_as'", "vendor codes must say what the client receives")
        ok = False
    if not ok:
        return None
    assert spec is not None
    return build(
        StatusEntry,
        raw,
        STATUS_FIELDS,
        spec=Spec(
            org=spec["org"],
            ref=spec["ref"],
            section=spec.get("section", ""),
            url=spec.get("url") or rfc_url(spec["ref"], spec.get("section", "")),
        ),
        seed=SeedNote(seed.get("meaning", ""), seed.get("note", "")) if seed else None,
        source_file=rel,
    )


def _load_statuses(root: Path, problems: Problems) -> tuple[dict[int, StatusEntry], list[str], bool]:
    """The status entries, the files read, and whether every file could be parsed at all."""
    statuses: dict[int, StatusEntry] = {}
    files: list[str] = []
    complete = True
    status_dir = root / "status"
    paths = sorted(status_dir.glob("*.toml")) if status_dir.is_dir() else []
    if not paths:
        problems.add(f"knowledge/{status_dir.name}", None, None, "holds no *.toml files")
    for path in paths:
        rel = f"knowledge/status/{path.name}"
        files.append(rel)
        parsed = False  # stays False if the guard below catches something
        with reported_as(problems, rel):
            parsed = _load_status_file(path, rel, statuses, problems)
        complete = complete and parsed
    return statuses, files, complete


def _load_status_file(path: Path, rel: str, statuses: dict[int, StatusEntry], problems: Problems) -> bool:
    data = parse_toml(path, rel, problems)
    if data is None:
        return False
    for _index, raw in iter_tables(data, "status", rel, problems):
        built = _build_status(raw, rel, problems)
        if built is None:
            continue
        if built.code in statuses:
            other = statuses[built.code].source_file
            problems.add(rel, f"code={built.code}", "'code'", f"duplicate: already defined in {other}")
            continue
        statuses[built.code] = built
    return True


def _load_classes(root: Path, problems: Problems) -> dict[int, StatusClass]:
    rel = "knowledge/classes.toml"
    classes: dict[int, StatusClass] = {}
    with reported_as(problems, rel):
        _load_class_file(root / "classes.toml", rel, classes, problems)
    return classes


def _class_name(raw: dict[str, Any]) -> str:
    return f"digit={label(raw.get('digit'))}"


def _load_class_file(path: Path, rel: str, classes: dict[int, StatusClass], problems: Problems) -> None:
    for entry, raw in checked_tables(path, rel, "class", CLASS_FIELDS, problems, _class_name):
        if raw["digit"] in classes:
            problems.add(rel, entry, "'digit'", "duplicate class")
            continue
        classes[raw["digit"]] = StatusClass(
            digit=raw["digit"],
            name_zh=raw["name_zh"],
            name_en=raw["name_en"],
            summary=raw["summary"],
            seed_note=raw.get("seed_note", ""),
            aliases=tuple(raw["aliases"]),
            source_file=rel,
        )
    missing = sorted(set(range(1, 6)) - set(classes))
    if missing:
        problems.add(rel, None, "'class'", f"missing classes: {', '.join(f'{d}xx' for d in missing)}")


def _check_cross_references(statuses: dict[int, StatusEntry], problems: Problems) -> None:
    """Related codes must exist; no alias, name or signature may point at two codes."""
    owners: dict[str, tuple[int, str]] = {}

    def claim(entry: StatusEntry, field_name: str, texts: Iterable[str], strict: bool) -> None:
        for i, text in enumerate(texts):
            key = normalize(text)
            if not key:
                if strict:
                    problems.add(
                        entry.source_file,
                        f"code={entry.code}",
                        f"'{field_name}'[{i}]",
                        f"{text!r} is empty once normalised",
                    )
                continue
            owner = owners.get(key)
            if owner is None:
                owners[key] = (entry.code, field_name)
            elif owner[0] != entry.code:
                problems.add(
                    entry.source_file,
                    f"code={entry.code}",
                    f"'{field_name}'[{i}]",
                    f"{text!r} is already claimed by code {owner[0]} ({owner[1]})",
                )

    for entry in statuses.values():
        with reported_as(problems, entry.source_file):
            for i, rel in enumerate(entry.related):
                if rel == entry.code:
                    problems.add(
                        entry.source_file, f"code={entry.code}", f"'related'[{i}]", "refers to itself"
                    )
                elif rel not in statuses:
                    problems.add(
                        entry.source_file,
                        f"code={entry.code}",
                        f"'related'[{i}]",
                        f"code {rel} does not exist",
                    )
            if entry.sent_as is not None and (entry.sent_as == entry.code or entry.sent_as not in statuses):
                problems.add(
                    entry.source_file,
                    f"code={entry.code}",
                    "'sent_as'",
                    f"code {entry.sent_as} {'is this code' if entry.sent_as == entry.code else 'does not exist'}",
                )
            claim(entry, "name_zh", [entry.name_zh], strict=False)
            claim(entry, "phrase", [entry.phrase], strict=False)
            claim(entry, "phrase_aliases", entry.phrase_aliases, strict=False)
            claim(entry, "aliases", entry.aliases, strict=True)
            claim(entry, "signatures", entry.signatures, strict=True)


def load_status(root: Path, problems: Problems) -> StatusData | None:
    """The status codes and classes, or None when a status file could not be read at all."""
    statuses, files, complete = _load_statuses(root, problems)
    classes = _load_classes(root, problems)
    if not complete:
        # Without every status file, each reference to a code in it would be one more
        # "does not exist" line burying the real problem: report the unreadable file alone.
        return None
    _check_cross_references(statuses, problems)
    return StatusData(
        statuses=dict(sorted(statuses.items())),
        classes=classes,
        files=(*files, "knowledge/classes.toml"),
    )
