#!/usr/bin/env bash
# Build a small, real x86_64 fixture kernel (base + incremental head + an
# out-of-tree module against each) from Debian's linux-source-<ver> package.
#
#   scripts/kernels/build.sh <6.12|7.2>
#
# Result: $CACHE/kernels/<ver>-<key>/ (+ stable symlink $CACHE/kernels/<ver>),
# described by its manifest.json. Idempotent: a warm cache only re-verifies.
# Env: KBUILD_REVIEW_CACHE (default /var/cache/kbuild-review), KBR_JOBS,
#      KBR_PAHOLE=sid|system|/path (see lib.sh), KBR_FORCE=1 (rebuild).
#
# Layout of the keyed dir (object trees live inside their source trees so that
# kbuild uses the relative srctree ".." and the trees stay valid after a rename):
#   src/        extracted base source      base -> src/obj       (the O= tree)
#   src-head/   base source + head patch   head -> src-head/obj  (O= tree, built incrementally)
#   ext-base/ ext-head/   the out-of-tree module (M=) built against base / head
#   logs/  manifest.json (written last: marks the dir complete)
# Kernels are built under $CACHE/kernels/.tmp-<ver>-<key>, renamed to <ver>-<key>,
# then the external module is built and the manifest written; the stable symlink
# $CACHE/kernels/<ver> moves last. Do not `make` in these trees afterwards (see below).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/checks.sh"

main() {
VER=${1:-}
case "$VER" in 6.12|7.2) ;; *) die "usage: $0 <6.12|7.2>" ;; esac
JOBS=${KBR_JOBS:-$(nproc)}
KROOT=$CACHE/kernels
mkdir -p "$KROOT"
exec 9>"$KROOT/.lock-$VER"
flock 9

BUILD_DEPS=(build-essential flex bison bc gawk libelf-dev libssl-dev dwarves cpio kmod xz-utils python3)
timed "build deps" ensure_pkgs "${BUILD_DEPS[@]}"

# --- inputs and cache key ----------------------------------------------------
if [ "$VER" = 6.12 ]; then where=system; else where=sid; fi
SRC_DEB=$(deb_path "linux-source-$VER" "linux-source-$VER" "$where")
FRAGS=("$KBR_FIX/config.fragment")
[ -f "$KBR_FIX/config-$VER.fragment" ] && FRAGS+=("$KBR_FIX/config-$VER.fragment")
HEAD_FRAG=$KBR_FIX/head.config.fragment
PATCH=$KBR_FIX/head-$VER.patch
WL_BASE=$KBR_FIX/ksyms-whitelist.txt
WL_HEAD=$KBR_FIX/ksyms-whitelist-head.txt
EXT_SRC=$KBR_FIX/ext-module
ensure_pahole
PAHOLE_VER=$("$PAHOLE" --version)

# The key covers every input of the build and the build procedure (this script, lib.sh).
# checks.sh and manifest.py only read the result; they run again on every call, so a
# changed check applies to a cached build without rebuilding it.
KEY=$( {
	basename "$SRC_DEB"; echo "pahole $PAHOLE_VER"
	for f in "${FRAGS[@]}" "$HEAD_FRAG" "$PATCH" "$WL_BASE" "$WL_HEAD" \
		"$KBR_SCRIPTS/build.sh" "$KBR_SCRIPTS/lib.sh" $(find "$EXT_SRC" -type f | sort); do
		echo "== ${f#"$KBR_REPO"/}"; cat "$f"
	done } | sha256sum | cut -c1-12)
NAME=$VER-$KEY
OUT=$KROOT/$NAME

MANIFEST_GEN=$(sha256sum "$KBR_SCRIPTS/manifest.py" | cut -c1-12)
write_manifest() { # write_manifest <keyed-dir>; also rerun on a warm cache when manifest.py changed
	python3 "$KBR_SCRIPTS/manifest.py" --dir "$1" --version "$VER" --key "$KEY" \
		--generator "$MANIFEST_GEN" --source-deb "$(basename "$SRC_DEB")" \
		--source-version "$(make -s -C "$1/src" kernelversion 2>/dev/null)" \
		--pahole "$PAHOLE_VER" --pahole-path "$PAHOLE" --btf-base "$(ext_btf_base "$1")" \
		--patch "${PATCH#"$KBR_REPO"/}" --whitelist-base "${WL_BASE#"$KBR_REPO"/}" \
		--whitelist-head "${WL_HEAD#"$KBR_REPO"/}" >"$1/manifest.json.tmp"
	mv "$1/manifest.json.tmp" "$1/manifest.json"
}

if [ -z "${KBR_FORCE:-}" ] && [ -f "$OUT/manifest.json" ]; then
	timed "verify $NAME" verify_all "$OUT"
	timed "check planted changes" expect_changes "$OUT"
	if ! grep -q "\"generator\": \"$MANIFEST_GEN\"" "$OUT/manifest.json"; then
		timed "regenerate manifest" write_manifest "$OUT"
	fi
	[ "$(readlink "$KROOT/$VER" 2>/dev/null)" = "$NAME" ] || { ln -sfn "$NAME" "$KROOT/.$VER.new"; mv -T "$KROOT/.$VER.new" "$KROOT/$VER"; }
	log "$KROOT/$VER -> $NAME is up to date"
	exit 0
fi

# --- cold build ---------------------------------------------------------------
log "building $NAME from $(basename "$SRC_DEB") with pahole $PAHOLE_VER, -j$JOBS"
rm -rf "$KROOT/.tmp-$VER-"*
T=$KROOT/.tmp-$NAME
mkdir -p "$T/src" "$T/logs"

MK=(make ARCH=x86_64 "PAHOLE=$PAHOLE" KBUILD_BUILD_USER=kbr KBUILD_BUILD_HOST=kbuild-review
	"KBUILD_BUILD_TIMESTAMP=$(date -u -d @0 '+%a %b %e %T UTC %Y')")

# run_log <logname> <cmd...>: run quietly into logs/<logname>.log, show its tail on failure.
run_log() {
	local l=$T/logs/$1.log; shift
	if ! "$@" >"$l" 2>&1; then
		tail -n 40 "$l" >&2; die "command failed (full log: $l): $*"
	fi
}

extract_source() {
	# The .deb holds usr/src/linux-source-<ver>.tar.xz; stream it straight out.
	dpkg-deb --fsys-tarfile "$SRC_DEB" | tar -xO "./usr/src/linux-source-$VER.tar.xz" |
		xz -dc -T"$JOBS" | tar -x -C "$T/src" --strip-components=1
	[ -f "$T/src/Makefile" ] || die "source extraction failed"
}
timed "extract source" extract_source

configure_base() {
	mkdir -p "$T/src/obj"
	cp "$WL_BASE" "$T/src/obj/kbr-ksyms-whitelist.txt"
	(cd "$T/src" && "${MK[@]}" O=obj tinyconfig &&
		./scripts/kconfig/merge_config.sh -m -O obj obj/.config "${FRAGS[@]}" &&
		"${MK[@]}" O=obj olddefconfig)
	check_config "$T/src/obj/.config" "${FRAGS[@]}"
}
timed "configure base" run_log config-base configure_base
ln -s src/obj "$T/base"

timed "build base (make -j$JOBS)" run_log build-base "${MK[@]}" -C "$T/src" O=obj -j"$JOBS"

build_ext() { # build_ext <srcdir> <extdir>
	rm -rf "$2"; cp -a "$EXT_SRC" "$2"
	"${MK[@]}" -C "$1" O=obj M="$2" -j"$JOBS" modules
}
# Head = base source + patch, built incrementally from a copy of the base object tree.
# It is built at the very path the base was built at ($T/src), with base parked at
# $T/src.base meanwhile: the kernel objects use the relative srctree "..", but tools/
# (objtool, resolve_btfids) record absolute paths, and a relinked objtool makes every
# object out of date. Same path -> only what the patch and head config touch rebuilds.
prepare_head() {
	mkdir "$T/src.work"
	# sources: hard links (patch(1) writes a new file, so base stays intact; checked below);
	# object tree: a real copy with mtimes kept
	(cd "$T/src" && find . -mindepth 1 -maxdepth 1 ! -name obj -exec cp -al {} "$T/src.work/" \;)
	cp -a "$T/src/obj" "$T/src.work/obj"
	mv -T "$T/src" "$T/src.base"
	mv -T "$T/src.work" "$T/src"
	(cd "$T/src" && patch -p1 --no-backup-if-mismatch <"$PATCH")
	local f
	for f in $(sed -n 's|^+++ b/||p' "$PATCH"); do
		[ "$(stat -c %i "$T/src/$f")" != "$(stat -c %i "$T/src.base/$f")" ] || die "patch modified $f in place"
	done
	cp "$WL_HEAD" "$T/src/obj/kbr-ksyms-whitelist.txt"
	(cd "$T/src" && ./scripts/kconfig/merge_config.sh -m -O obj obj/.config "$HEAD_FRAG" &&
		"${MK[@]}" O=obj olddefconfig)
	# base fragment lines not overridden by the head fragment, plus the head fragment
	grep -h '^CONFIG_' "$HEAD_FRAG" >"$T/logs/head-expected.config"
	grep -h '^CONFIG_' "${FRAGS[@]}" | grep -vFf <(sed 's/=.*/=/' "$T/logs/head-expected.config") \
		>>"$T/logs/head-expected.config"
	check_config "$T/src/obj/.config" "$T/logs/head-expected.config"
}
finish_head() {
	mv -T "$T/src" "$T/src-head"
	mv -T "$T/src.base" "$T/src"
	ln -s src-head/obj "$T/head"
}
timed "prepare head (copy+patch)" run_log prepare-head prepare_head
timed "build head (incremental)" run_log build-head "${MK[@]}" -C "$T/src" O=obj -j"$JOBS"
finish_head

verify_trees() { verify_tree "$T/base" base; verify_tree "$T/head" head; }
timed "verify outputs" verify_trees
timed "check planted changes" expect_changes "$T"

# --- move into place ---------------------------------------------------------------
# Kernel trees use the relative srctree "..", so they survive the rename. The tools/
# (objtool, resolve_btfids) record absolute paths: a later `make` in a renamed tree
# rebuilds them and then recompiles everything, so never rebuild a kernel after this.
# The external module is built after the rename because its Module.symvers and
# kbr_ext.mod.c record its absolute directory. manifest.json, written last, marks the
# keyed dir complete; the stable symlink moves only after that.
rm -rf "$OUT"
mv -T "$T" "$OUT"
T=$OUT
timed "build ext-base" run_log build-ext-base build_ext "$T/src" "$T/ext-base"
timed "build ext-head" run_log build-ext-head build_ext "$T/src-head" "$T/ext-head"

check_btf_base() {
	if [ "$(ext_btf_base "$T")" = false ]; then
		if [ "$VER" != 6.12 ] || [ "$(pahole_num "$PAHOLE")" -ge 128 ]; then
			die "kbr_ext.ko has no .BTF.base (expected with $VER and pahole $PAHOLE_VER)"
		fi
		log "note: 6.12 + pahole $PAHOLE_VER (< 1.28): external module has no .BTF.base"
	fi
}
timed "check ext .BTF.base" check_btf_base
timed "manifest" write_manifest "$T"
timed "verify $NAME" verify_all "$T"

# --- publish ---------------------------------------------------------------------------
ln -sfn "$NAME" "$KROOT/.$VER.new"
mv -T "$KROOT/.$VER.new" "$KROOT/$VER"
for old in "$KROOT/$VER"-*; do
	[ "$old" = "$OUT" ] || { log "removing old build $old"; rm -rf "$old"; }
done
log "done: $KROOT/$VER -> $NAME ($(du -sh "$OUT" | cut -f1))"
}

main "$@"
