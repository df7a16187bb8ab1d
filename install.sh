#!/usr/bin/env bash
# Builds caseload in release mode and installs it under a prefix (default ~/.local):
#
#   PREFIX/bin/caseload
#   PREFIX/share/man/man1/caseload.1                       (swift-argument-parser's generate-manual)
#   PREFIX/share/bash-completion/completions/caseload      (caseload --generate-completion-script)
#   PREFIX/share/zsh/site-functions/_caseload
#   PREFIX/share/fish/vendor_completions.d/caseload.fish
#
# The themes are built into the binary; nothing else is installed. Run it again to upgrade;
# remove those five files to uninstall. Your caseload's data is never touched.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./install.sh [--prefix DIR] [--binary PATH]

  --prefix DIR   Where to install (default: ~/.local). DIR/bin should be on your PATH.
  --binary PATH  Install this already-built caseload instead of building a release
                 (for packagers and the test suite).
USAGE
}

prefix="$HOME/.local"
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --binary) [ $# -ge 2 ] || { usage >&2; exit 2; }; binary="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$binary" ]; then
  echo "Building caseload (release; the first build takes several minutes)..."
  swift build -c release --product caseload
  binary="$(swift build -c release --show-bin-path)/caseload"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable caseload" >&2; exit 1; }

# The manual page comes from swift-argument-parser's generate-manual tool, built from the copy of
# that package this one already resolved, in a folder of its own so it never waits on .build.
parser=.build/checkouts/swift-argument-parser
if [ ! -d "$parser" ]; then
  swift package resolve
fi
echo "Building the manual page generator..."
swift build -c release --package-path "$parser" --scratch-path .build-manual --product generate-manual >/dev/null
generator="$(swift build -c release --package-path "$parser" --scratch-path .build-manual --show-bin-path)/generate-manual"
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
"$generator" "$binary" --output-directory "$pages" --authors "Caseload contributors"

share="$prefix/share"
install -d "$prefix/bin" "$share/man/man1" "$share/bash-completion/completions" \
  "$share/zsh/site-functions" "$share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/caseload"
install -m 0644 "$pages/caseload.1" "$share/man/man1/caseload.1"
"$prefix/bin/caseload" --generate-completion-script bash > "$share/bash-completion/completions/caseload"
"$prefix/bin/caseload" --generate-completion-script zsh > "$share/zsh/site-functions/_caseload"
"$prefix/bin/caseload" --generate-completion-script fish > "$share/fish/vendor_completions.d/caseload.fish"

echo "Installed caseload in $prefix/bin, its manual page and bash, zsh and fish completions."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add $prefix/bin to your PATH, e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
