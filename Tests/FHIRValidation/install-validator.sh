#!/usr/bin/env bash
# Installs the independent FHIR validator (PyPI fhir.resources, whose R4B models check every
# exported resource) into .build/fhir-venv, once: later runs find it there and return at once.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/fhir-venv
version=8.3.0
if "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('fhir.resources') != '$version')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "fhir.resources==$version"
