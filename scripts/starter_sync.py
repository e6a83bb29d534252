"""Write this repository's files that `brandhub init`'s template also writes (hub.newhub.SHARED:
the workflows, issue forms and pull-request template) from the template, with the demo hub's
answers (hub.newhub.DEMO): edit hub/starter/, then run this. `--check` only says which differ
(tests/test_init.py runs the same comparison)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.newhub import DEMO, SHARED, render  # noqa: E402


def main() -> int:
    check = "--check" in sys.argv[1:]
    files = render(DEMO, today=date(2026, 1, 1))
    # A file the template has gained is missing here: it is stale too.
    stale = [
        rel
        for rel in SHARED
        if not (ROOT / rel).is_file() or (ROOT / rel).read_bytes() != files[rel]
    ]
    for rel in stale:
        if check:
            print(f"{rel} differs from hub/starter/: run scripts/starter_sync.py")
        else:
            (ROOT / rel).write_bytes(files[rel])
            print(f"wrote {rel}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
