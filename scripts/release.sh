#!/usr/bin/env bash
# Builds a release of infracost: the static, stripped binary with shell completions, the man page, the README and
# the notices, packed as dist/infracost-VERSION-linux-ARCH.tar.gz with a SHA-256 file beside it.
#   scripts/release.sh VERSION [OUT_DIR]
# VERSION must be the version the binary prints (Infracost.versionNumber). Prints the sizes: unstripped and
# stripped. Install by unpacking into a prefix: tar -xzf FILE -C /usr/local --strip-components=1
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: scripts/release.sh VERSION [OUT_DIR]}
out=${2:-dist}
arch=$(uname -m)

echo "== release build (static Swift standard library)" >&2
swift build -c release --static-swift-stdlib -Xswiftc -warnings-as-errors >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/infracost"
actual=$("$bin" --version | head -1 | awk '{print $2}')
if [[ "$actual" != "$version" ]]; then
  echo "error: VERSION is $version but the binary says $actual (Infracost.versionNumber)" >&2
  exit 64
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT INT TERM
name="infracost-$version-linux-$arch"
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" \
  "$root/share/fish/vendor_completions.d" "$root/share/doc/infracost"
cp "$bin" "$root/bin/infracost"
unstripped=$(stat -c %s "$root/bin/infracost")
strip "$root/bin/infracost"
stripped=$(stat -c %s "$root/bin/infracost")
"$root/bin/infracost" --generate-completion-script bash > "$root/share/bash-completion/completions/infracost"
"$root/bin/infracost" --generate-completion-script zsh > "$root/share/zsh/site-functions/_infracost"
"$root/bin/infracost" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/infracost.fish"

echo "== man page (swift-argument-parser's generate-manual plugin)" >&2
swift package plugin generate-manual >&2
manual=$(find .build/plugins -path '*GenerateManual*' -name 'infracost.1' | head -1)
[[ -n "$manual" ]] || { echo "error: generate-manual wrote no infracost.1" >&2; exit 1; }
cp "$manual" "$root/share/man/man1/infracost.1"

cp README.md "$root/share/doc/infracost/README.md"
cat > "$root/share/doc/infracost/NOTICE" <<'NOTICE'
infracost bundles price and performance figures from public sources, each named with its date in
pricing-data/ and by `infracost prices show ID`. The registry snapshots it was refreshed from (genai-prices and
LiteLLM) are MIT-licensed; see their repositories. It links swift-argument-parser (Apache-2.0) and the Swift
runtime (Apache-2.0 with Runtime Library Exception).
NOTICE

mkdir -p "$out"
tarball="$out/$name.tar.gz"
tar -C "$stage" -czf "$tarball" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "binary: $unstripped bytes unstripped, $stripped stripped"
echo "wrote $tarball ($(stat -c %s "$tarball") bytes) and $tarball.sha256"
