#!/usr/bin/env bash
# Refreshes requirements.lock: the newest versions setup.cfg's ranges allow, pinned exactly,
# for the runtime and the test extras, on every platform (uv's universal resolution).
# Then rerun the tests against it:  bash scripts/lock.sh && bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m uv --version >/dev/null 2>&1 ||
    .venv/bin/pip install --quiet --disable-pip-version-check uv
.venv/bin/python -m uv pip compile setup.cfg --extra test --universal \
    --python-version 3.11 --upgrade -o requirements.lock --quiet
echo "scripts/lock.sh: wrote requirements.lock ($(grep -c '==' requirements.lock) pinned packages)"
