"""Write bot/core/_text_forms.txt: the matching form of every text of the knowledge base that
loading and indexing normalise, worked out once here instead of at every start (see
bot.core.textforms).

Run after changing the knowledge base, bot/core/text.py or bot/core/simplified.py:
``python scripts/generate_text_forms.py``; tests/test_text_forms.py checks the file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.textforms import FORMS_FILE, generated_forms, recorded_texts  # noqa: E402
from bot.kinds import load  # noqa: E402  (needs the path above)


def build() -> None:
    kb = load()
    for kind in kb.kinds:
        kind.build(kb)


def main() -> int:
    FORMS_FILE.write_bytes(generated_forms(recorded_texts(build)).encode("utf-8"))
    print(f"wrote {FORMS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
