#!/usr/bin/env bash
# Installs Avoin into .venv with the exact versions in requirements.lock, and the Debian
# packages it needs when we are root: Voikko and Hunspell's Swedish dictionary (search
# analysis), antiword and catdoc (old Word .doc item documents), and with --test also
# chromium (browser tests).
#   bash scripts/install.sh          # the package itself, as users get it (pip install .)
#   bash scripts/install.sh --test   # editable, with the test extras (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
system_packages=(libvoikko1 voikko-fi hunspell-sv antiword catdoc)
if [ "$mode" = --test ]; then
    system_packages+=(chromium fonts-dejavu-core)
fi

missing=()
for package in "${system_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "scripts/install.sh: installing Debian packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        echo "scripts/install.sh: missing Debian packages: ${missing[*]}; as root run:" \
             "apt-get install ${missing[*]}" >&2
    fi
fi

if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "scripts/install.sh: Avoin needs Python 3.11 or newer; python3 is $(python3 -V)" >&2
    exit 1
fi

echo "scripts/install.sh: creating .venv and installing the pinned versions of requirements.lock"
python3 -m venv .venv
pip_install=(.venv/bin/pip install --progress-bar off --disable-pip-version-check
             -c requirements.lock)
if [ "$mode" = --test ]; then
    "${pip_install[@]}" -e '.[test]' | grep -E '^(Collecting|Successfully|ERROR)' || true
else
    "${pip_install[@]}" . | grep -E '^(Collecting|Successfully|ERROR)' || true
fi
# The pipe hides pip's exit status; check the result instead.
.venv/bin/avoin --version >/dev/null
echo "scripts/install.sh: installed $(.venv/bin/avoin --version)"
