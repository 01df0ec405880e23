#!/usr/bin/env bash
# Installs a release tarball into an empty prefix and runs infracost from there (used by .ci/run).
#   scripts/test-release.sh dist/infracost-VERSION-linux-ARCH.tar.gz
set -euo pipefail
tarball=${1:?usage: scripts/test-release.sh TARBALL}
(cd "$(dirname "$tarball")" && sha256sum -c "$(basename "$tarball").sha256")
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT INT TERM
tar -xzf "$tarball" -C "$prefix" --strip-components=1
for file in bin/infracost share/man/man1/infracost.1 share/bash-completion/completions/infracost share/zsh/site-functions/_infracost \
  share/fish/vendor_completions.d/infracost.fish share/doc/infracost/README.md share/doc/infracost/NOTICE; do
  [[ -s "$prefix/$file" ]] || { echo "error: $file is missing from the tarball" >&2; exit 1; }
done
cd "$prefix"
env -i PATH="$prefix/bin:/usr/bin:/bin" infracost --version
env -i PATH="$prefix/bin:/usr/bin:/bin" infracost compare --tokens 2B > compare.txt
grep -q "Cheapest way to serve" compare.txt
echo "installed release OK: $(du -h "$prefix/bin/infracost" | cut -f1) stripped"
