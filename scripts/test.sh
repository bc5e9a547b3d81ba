#!/usr/bin/env bash
# The one test command (the README's quick start; .ci/run runs exactly this): makes sure
# Debian's Chromium is there for the browser tests, creates .venv, installs the project with
# its test extras and runs pytest. Extra arguments go to pytest: bash scripts/test.sh -k search
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "scripts/test.sh: installing Debian's chromium for the browser tests"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                --no-install-recommends chromium fonts-dejavu-core >/dev/null; }; then
            echo "scripts/test.sh: could not install chromium; the browser tests will say so" >&2
        fi
    else
        echo "scripts/test.sh: chromium is missing and we are not root, so the browser tests" \
             "will be skipped (with CI=true they fail): apt-get install chromium" >&2
    fi
fi

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'

status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "scripts/test.sh: pytest collected no tests; that is a failure" >&2
    exit 1
fi
exit "$status"
