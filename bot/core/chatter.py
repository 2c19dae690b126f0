"""Does a message read like group chatter rather than a question for the bot?

The word lists of :mod:`bot.core.domain` catch the chatter someone thought of; each new
writer of test questions brought phrasings they did not (their first runs rejected 82–93%
of chatter). This is the other half: a logistic model over the characters of the text,
trained by ``scripts/train_chatter_model.py`` on every labelled eval question (chatter
against questions with an answer) and stored in ``knowledge/chatter/model.tsv``. The
resolver asks it only to *withdraw* a reading (see ``Resolver._is_chatter``: one an identifier
backs only in Chinese text and at a higher bar); it never finds an answer.

Scoring is linear in the text: one pass makes its character 1–3-grams (the text is read
only up to ``MAX_CHARS``; a longer one is a paste or a description and is not judged), and
each gram is one dictionary look-up.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from operator import add
from pathlib import Path

from bot.core.schema import Problems, read_text, reported_as

FILE = "chatter/model.tsv"
FORMAT = 1  # the "version" line: features() below must be the one the weights were trained on
MAX_CHARS = 400  # longer texts are not judged (pastes, descriptions, stories)
_MAX_WEIGHT = 100.0  # a trained weight is a few units; anything larger is a corrupt file

# Three digits that could be a status, any other run of digits, and long Latin words: the
# model learns "a code here", "a figure here", not each number or identifier it saw.
# Each pattern is a single run or a fixed width with one-character look-arounds: linear.
_STATUS_RE = re.compile(r"(?<![0-9])[1-5][0-9]{2}(?![0-9])")
_DIGITS_RE = re.compile(r"[0-9]+")
_LONG_WORD_RE = re.compile(r"[a-z]{13,}")
_SPACES_RE = re.compile(r"\s+")


def features(folded: str) -> set[str]:
    """The text's features: its character 1–3-grams between ``^`` and ``$`` (codes as ``§``,
    other numbers as ``#``, Latin words cut to 12 letters), and its length in tens."""
    text = _STATUS_RE.sub("§", folded[:MAX_CHARS])
    text = _DIGITS_RE.sub("#", text)
    text = _LONG_WORD_RE.sub(lambda m: m.group()[:12], text)
    text = "^" + _SPACES_RE.sub(" ", text.strip()) + "$"
    # text[i : i + n] for every i and n = 1, 2, 3, made in C (a 400-character text was ~60 µs
    # of slicing in a Python loop): the same grams, as the pairs and triples of neighbours.
    pairs = list(map(add, text, text[1:]))
    grams = {f"len:{min(len(text) // 10, 12)}", *text, *pairs}
    grams.update(map(add, pairs, text[2:]))
    return grams


_LEVELS = 255  # a weight is kept as one of 256 levels: a small int, shared by every gram


@dataclass(frozen=True)
class ChatterModel:
    """The weights as levels between ``low`` and ``low + 255 × step`` (a step is ~0.02 for
    weights of a few units: far below what moves a probability across a threshold). Small
    ints are shared objects, so each gram costs its key and a dict slot, not a float too:
    the running bot's memory budget is tight (docs/benchmarks.md)."""

    bias: float
    low: float
    step: float
    levels: dict[str, int] = field(repr=False)

    @classmethod
    def of(cls, bias: float, weights: dict[str, float]) -> ChatterModel:
        low = min(weights.values(), default=0.0)
        step = (max(weights.values(), default=0.0) - low) / _LEVELS or 1.0
        return cls(bias, low, step, {g: round((w - low) / step) for g, w in weights.items()})

    def probability(self, folded: str) -> float | None:
        """P(chatter) for a folded text, or None for one too long to judge."""
        if len(folded) > MAX_CHARS:
            return None
        found = [level for level in map(self.levels.get, features(folded)) if level is not None]
        z = self.bias + self.low * len(found) + self.step * sum(found)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def __len__(self) -> int:
        return len(self.levels)


# "trained_on" fingerprints the rows the model was fitted to (tests check it is current).
_HEADER = ("version", "bias", "features", "trained_on")


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) <= _MAX_WEIGHT else None


def load_model(root: Path, problems: Problems) -> ChatterModel | None:
    """Read ``root/chatter/model.tsv``; every defect goes to ``problems`` (file, line, field).

    The file: ``#`` comments, then ``version``, ``bias``, ``features`` (the count of
    feature lines, so a truncated file is caught) and ``trained_on``, then one
    ``"gram"<TAB>weight`` per line, the gram as a JSON string (grams may hold spaces and quotes).
    """
    where = f"knowledge/{FILE}"
    path = root / FILE
    if not path.is_file():
        problems.add(where, None, None, "is missing (scripts/train_chatter_model.py writes it)")
        return None
    text = read_text(path, where, problems)
    if text is None:
        return None
    with reported_as(problems, where):
        return _parse(text.splitlines(), where, problems)
    return None


def _parse(lines: list[str], where: str, problems: Problems) -> ChatterModel | None:
    header: dict[str, str] = {}
    weights: dict[str, float] = {}
    before = len(problems.items)
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        entry = f"line {number}"
        name, tab, value = line.partition("\t")
        if not tab:
            problems.add(where, entry, None, "expected two tab-separated fields")
            continue
        if not name.startswith('"'):
            if name not in _HEADER or name in header:
                problems.add(where, entry, repr(name), "unknown or repeated header field")
            header[name] = value
            continue
        try:
            gram = json.loads(name)
        except ValueError:
            gram = None
        if not isinstance(gram, str) or not gram:
            problems.add(where, entry, "'gram'", "expected a non-empty JSON string")
            continue
        weight = _number(value)
        if weight is None:
            problems.add(where, entry, "'weight'", f"expected a finite number within ±{_MAX_WEIGHT:g}, got {value!r}")
        elif gram in weights:
            problems.add(where, entry, "'gram'", f"{gram!r} is listed twice")
        else:
            weights[gram] = weight
    if header.get("version") != str(FORMAT):
        problems.add(where, "header", "'version'", f"expected {FORMAT}, got {header.get('version')!r}")
    bias = _number(header.get("bias", ""))
    if bias is None:
        problems.add(where, "header", "'bias'", "missing or not a finite number")
    count = header.get("features", "")
    if not count.isdigit() or int(count) != len(weights):
        problems.add(where, "header", "'features'", f"says {count!r}, the file lists {len(weights)} (truncated?)")
    if len(problems.items) > before or bias is None:
        return None
    return ChatterModel.of(bias, weights)
