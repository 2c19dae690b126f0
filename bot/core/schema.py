"""Validation building blocks shared by every knowledge loader.

Problems are collected, never raised one at a time, so a broken edit shows all of its
mistakes at once; each names the file, the entry and the field
(``knowledge/FILE: entry (code=404) field 'aliases'[3]: what is wrong``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

try:
    # tomli is tomllib's upstream, with compiled wheels: the knowledge files parse in ~20 ms
    # instead of ~80 (a quarter of loading). Same results, same errors; tomllib if absent.
    import tomli as tomllib
except ImportError:  # tomli is a dependency; a checkout without it still loads
    import tomllib

T = TypeVar("T")


class KnowledgeError(Exception):
    """The knowledge base is invalid; ``problems`` lists every defect found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = f"知识库校验失败 / knowledge base is invalid ({len(problems)} problem(s)):"
        super().__init__("\n".join([head, *(f"  {p}" for p in problems)]))


@dataclass
class Problems:
    """Collects validation messages in the one format every check uses."""

    items: list[str] = field(default_factory=list)

    def add(self, file: str, entry: str | None, field_name: str | None, message: str) -> None:
        where = file
        if entry:
            where += f": entry ({entry})"
        if field_name:
            where += f" field {field_name}"
        self.items.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise KnowledgeError(self.items)


# --- field checkers -----------------------------------------------------------------------
# Each returns an error message, or None when the value is acceptable.

Checker = Callable[[Any], str | None]


def check_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected a string, got {type(value).__name__}"
    if not value.strip():
        return "must not be empty"
    if value != value.strip():
        return "has leading or trailing white space"
    return None


def check_optional_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected a string, got {type(value).__name__}"
    return None


def check_code(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"expected an integer, got {type(value).__name__}"
    if not 100 <= value <= 599:
        return f"{value} is outside 100–599"
    return None


@dataclass(frozen=True)
class FieldSpec:
    checker: Checker
    required: bool = True
    is_list: bool = False
    min_items: int = 0


def checked_tables(
    path: Path,
    rel: str,
    key: str,
    fields: dict[str, FieldSpec],
    problems: Problems,
    name_of: Callable[[dict[str, Any]], str],
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The ``[[key]]`` tables of a TOML file that pass :func:`check_fields`, each with its
    entry name for messages; everything else has been reported to ``problems``."""
    data = parse_toml(path, rel, problems)
    if data is None:
        return
    for _index, raw in iter_tables(data, key, rel, problems):
        entry = name_of(raw)
        if check_fields(raw, fields, problems, rel, entry):
            yield entry, raw


def unknown_statuses(
    problems: Problems, rel: str, entry: str, field_name: str, value: Any, known: set[int]
) -> bool:
    """Report every status in ``value`` (one code or a list) that the status kind does not
    have; True if there was one."""
    listed = isinstance(value, list | tuple)
    bad = False
    for i, code in enumerate(value if listed else [value]):
        if code is not None and code not in known:
            where = f"'{field_name}'[{i}]" if listed else f"'{field_name}'"
            problems.add(rel, entry, where, f"{code} is not a status code in knowledge/status/")
            bad = True
    return bad


def build(
    cls: type[T],
    raw: dict[str, Any],
    fields: dict[str, FieldSpec],
    skip: tuple[str, ...] = (),
    **computed: Any,
) -> T:
    """A record of ``cls`` from a table that passed :func:`check_fields` against ``fields``.

    The schema is the one declaration of a kind's fields: each checked field goes to the
    record field of the same name (lists as tuples; an absent optional field as the
    record's own default), and ``computed`` supplies what the loader derives (tables it
    checked separately, the source file); ``skip`` names fields that become other record
    fields. No constructor restates the field list.
    """
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        if name in computed or name in skip:
            continue
        if name in raw:
            value = raw[name]
            values[name] = tuple(value) if spec.is_list else value
    return cls(**values, **computed)


def check_fields(
    raw: dict[str, Any],
    fields: dict[str, FieldSpec],
    problems: Problems,
    file: str,
    entry: str,
) -> bool:
    """Check presence, type and emptiness of every field; return True if all are fine."""
    ok = True
    for name in raw:
        if name not in fields:
            problems.add(file, entry, f"'{name}'", f"unknown key (allowed: {', '.join(fields)})")
            ok = False
    for name, spec in fields.items():
        if name not in raw:
            if spec.required:
                problems.add(file, entry, f"'{name}'", "is missing")
                ok = False
            continue
        value = raw[name]
        if spec.is_list:
            if not isinstance(value, list):
                problems.add(file, entry, f"'{name}'", f"expected a list, got {type(value).__name__}")
                ok = False
                continue
            if len(value) < spec.min_items:
                problems.add(file, entry, f"'{name}'", f"needs at least {spec.min_items} item(s)")
                ok = False
            for i, item in enumerate(value):
                msg = spec.checker(item)
                if msg:
                    problems.add(file, entry, f"'{name}'[{i}]", msg)
                    ok = False
        else:
            msg = spec.checker(value)
            if msg:
                problems.add(file, entry, f"'{name}'", msg)
                ok = False
    return ok


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """A file's text, or None after reporting why it cannot be read as UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, None, f"cannot be read: {exc.strerror or exc}")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1  # in characters
        bad = data[exc.start : exc.end].hex(" ")
        problems.add(rel, f"line {line}", None, f"is not UTF-8: byte(s) {bad} at column {column}")
        return None


def parse_toml(path: Path, rel: str, problems: Problems) -> dict[str, Any] | None:
    text = read_text(path, rel, problems)
    if text is None:
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.add(rel, None, None, f"is not valid TOML: {exc}")
    except RecursionError:  # tomllib recurses once per level of nested arrays (tomli caps it at 400)
        problems.add(rel, None, None, "is not valid TOML: values are nested too deeply")
    return None


@contextmanager
def reported_as(problems: Problems, rel: str) -> Iterator[None]:
    """Turn anything unforeseen while checking one file into a problem naming that file.

    The checks above are meant to catch every defect; this is the net under them, so a
    gap in a checker still ends in the usual message instead of a traceback.
    """
    try:
        yield
    except KnowledgeError:
        raise
    except Exception as exc:
        problems.add(rel, None, None, f"could not be checked ({type(exc).__name__}: {label(str(exc), 200)})")


def label(value: Any, limit: int = 40) -> str:
    """An entry's name for messages: the value if it is a short string or a number, else '?'."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return "?"
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def iter_tables(
    data: dict[str, Any], key: str, rel: str, problems: Problems
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The ``[[key]]`` tables of a parsed file, after checking the file holds nothing else."""
    for other in data:
        if other != key:
            problems.add(rel, None, f"'{other}'", f"unknown top-level key (only [[{key}]] tables)")
    items = data.get(key, [])
    if not isinstance(items, list) or not items:
        problems.add(rel, None, f"'{key}'", f"expected one or more [[{key}]] tables")
        return
    for index, raw in enumerate(items):
        if isinstance(raw, dict):
            yield index, raw
        else:
            problems.add(rel, f"#{index}", None, "expected a table")
