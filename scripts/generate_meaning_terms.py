"""Write bot/kinds/cloud/_meaning_terms.txt: the meaning tier's terms of every distinct cloud
row text, read once here instead of at every start (see bot.kinds.cloud.meaning.stored_terms).

Run after changing the cloud tables, concepts.py or meaning.py:
``python scripts/generate_meaning_terms.py``; tests/test_cloud_meaning_terms.py checks the file
is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.kinds import load  # noqa: E402  (needs the path above)
from bot.kinds.cloud.meaning import TERMS_FILE, distinct_texts, generated_terms  # noqa: E402


def main() -> int:
    TERMS_FILE.write_text(generated_terms(distinct_texts(load()["error"].rows)), encoding="utf-8")
    print(f"wrote {TERMS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
