#!/usr/bin/env bash
# The one test command (the README's quick start; .ci/run runs exactly this): installs the
# pinned environment and the Debian packages (scripts/install.sh --test), checks that the
# published site is byte-identical under the oldest Babel setup.cfg allows, then runs the
# whole suite. Extra arguments go to pytest: bash scripts/test.sh -k search
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh --test

# requirements.lock pins the newest Babel; the golden site must not change with the oldest.
oldest_babel=$(sed -n 's/^ *Babel>=\([0-9.]*\),.*/\1/p' setup.cfg)
echo "scripts/test.sh: the golden site under Babel $oldest_babel (the oldest setup.cfg allows)"
.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --upgrade \
    --target .venv/babel-oldest "Babel==$oldest_babel"
AVOIN_EXPECTED_BABEL=$oldest_babel PYTHONPATH=.venv/babel-oldest .venv/bin/python -m pytest -q -p no:cacheprovider \
    tests/test_site_golden.py tests/test_site_languages.py::test_babel_is_the_one_on_the_path

echo "scripts/test.sh: the whole suite"
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "scripts/test.sh: pytest collected no tests; that is a failure" >&2
    exit 1
fi
exit "$status"
