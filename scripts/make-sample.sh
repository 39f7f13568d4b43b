#!/usr/bin/env bash
# Makes sample/ (the build `npm run demo` reviews) from the 6.12 fixture kernels of
# scripts/kernels/build.sh: the head build trimmed to what the review reads (text artifacts,
# the modules without DWARF, vmlinux's BTF alone) and a snapshot of the base build trimmed the
# same way. Run it again after changing the fixtures; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${KBUILD_REVIEW_CACHE:-/var/cache/kbuild-review}"
k="$cache/kernels/6.12"
[ -f "$k/manifest.json" ] || { echo "no 6.12 fixture build: run scripts/kernels/build.sh 6.12" >&2; exit 2; }

trim() { # <from object tree> <to>
  local from=$1 to=$2
  rm -rf "$to"
  mkdir -p "$to/include/config"
  cp -p "$from/.config" "$to/.config"
  cp -p "$from/include/config/kernel.release" "$to/include/config/"
  for f in System.map Module.symvers modules.order modules.builtin modules.builtin.modinfo modules.builtin.ranges kbr-ksyms-whitelist.txt; do
    [ -f "$from/$f" ] && cp -p "$from/$f" "$to/$f"
  done
  for f in "$from"/.tmp_vmlinux*.syms; do cp -p "$f" "$to/"; done
  while read -r obj; do
    ko="${obj%.o}.ko"
    mkdir -p "$to/$(dirname "$ko")"
    strip --strip-debug -o "$to/$ko" "$from/$ko"
  done < "$from/modules.order"
  objcopy --only-section=.BTF --set-section-flags .BTF=alloc,readonly "$from/vmlinux" "$to/vmlinux.btf"
}

trim "$k/head" sample/build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trim "$k/base" "$tmp/base"
npm run -s bundle >/dev/null
node_modules/.bin/node dist/cli.js snapshot "$tmp/base" --btf-base "$tmp/base/vmlinux.btf" -o sample/base.snapshot.json.gz --commit base
du -sh sample sample/build sample/base.snapshot.json.gz
