"""Rebuild tests/golden/expected/ after an intended change to the site's output.

    python -m tests.golden.regenerate

Then review ``git diff tests/golden/expected`` (the diff is the change a reader will see)
and commit it with the change that caused it.
"""

from __future__ import annotations

import shutil

from tests.golden.build import (
    EXPECTED_DIR,
    NOT_IN_GOLDEN,
    NOT_IN_GOLDEN_DIRS,
    build_golden_site,
)


def main() -> None:
    if EXPECTED_DIR.exists():
        shutil.rmtree(EXPECTED_DIR)
    report = build_golden_site(EXPECTED_DIR)
    for relative_path in NOT_IN_GOLDEN:
        (EXPECTED_DIR / relative_path).unlink(missing_ok=True)
        parent = (EXPECTED_DIR / relative_path).parent
        if parent != EXPECTED_DIR and not any(parent.iterdir()):
            parent.rmdir()
    for directory in NOT_IN_GOLDEN_DIRS:
        shutil.rmtree(EXPECTED_DIR / directory, ignore_errors=True)
    print(f"{EXPECTED_DIR}: {report}")


if __name__ == "__main__":
    main()
