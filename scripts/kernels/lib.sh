# shellcheck shell=bash
# Shared helpers for scripts/kernels/*.sh (sourced, not executed).
#
# Everything heavy lives under $CACHE (outside the repo):
#   $CACHE/debs/       downloaded .deb files (reused when present)
#   $CACHE/apt-sid/    private apt config for sid + trixie-backports (never touches /etc/apt)
#   $CACHE/tools/      private tool prefixes (pahole from sid)
#   $CACHE/kernels/    fixture kernel builds (build.sh)
#   $CACHE/debian/     extracted Debian release artifacts (fetch-debian.sh)

set -euo pipefail

KBR_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KBR_REPO=$(cd "$KBR_SCRIPTS/../.." && pwd)
KBR_FIX=$KBR_REPO/test/fixtures/kernels
CACHE=${KBUILD_REVIEW_CACHE:-/var/cache/kbuild-review}
DEBS=$CACHE/debs
export DEBIAN_FRONTEND=noninteractive

KBR_T0=$(date +%s)
log() { printf '[%s +%4ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - KBR_T0 ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# timed <label> <cmd...>: run and report the elapsed seconds. Not called as
# `timed ... || x` on purpose: that would switch off `set -e` inside functions.
timed() {
	local label=$1 t0 ms; shift
	t0=$(date +%s%3N)
	"$@"
	ms=$(( $(date +%s%3N) - t0 ))
	log "$(printf 'done %-26s %5d.%01ds' "$label" $((ms / 1000)) $((ms % 1000 / 100)))"
}
trap 'rc=$?; log "FAILED (rc=$rc) at ${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND"' ERR
set -E

# ensure_pkgs pkg...: apt-get install whatever is not installed yet (system apt config).
ensure_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep '^install ok installed$' >/dev/null || missing+=("$p")
	done
	[ ${#missing[@]} = 0 ] && return 0
	log "installing: ${missing[*]}"
	if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null; then
		apt-get update -qq </dev/null
		apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
	fi
}

# --- private apt config for sid / trixie-backports --------------------------
SID=$CACHE/apt-sid
sid_apt_opts=(
	-o "Dir::Etc::sourcelist=$SID/etc/sources.list" -o "Dir::Etc::sourceparts=-"
	-o "Dir::State=$SID/state" -o "Dir::Cache=$SID/cache"
	-o "Dir::State::status=/var/lib/dpkg/status" -o "APT::Sandbox::User=root"
)
ensure_sid_apt() {
	local want
	want='deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie-backports main'
	mkdir -p "$SID/etc" "$SID/state/lists/partial" "$SID/cache/archives/partial"
	if [ "$(cat "$SID/etc/sources.list" 2>/dev/null)" != "$want" ]; then
		printf '%s\n' "$want" >"$SID/etc/sources.list"
		rm -f "$SID/state/lists/"*Packages*
	fi
	if ! ls "$SID/state/lists/"*sid_main_binary-amd64_Packages* >/dev/null 2>&1; then
		log "apt-get update (private sid config)"
		apt-get "${sid_apt_opts[@]}" update -qq </dev/null
	fi
}
sid_apt() { apt-get "${sid_apt_opts[@]}" "$@" </dev/null; }

# deb_path <glob-prefix> <package> <system|sid>: newest cached $DEBS/<prefix>_*.deb, or download it.
deb_path() {
	local prefix=$1 pkg=$2 where=$3 f
	mkdir -p "$DEBS"
	f=$(ls "$DEBS/${prefix}"_*.deb 2>/dev/null | sort -V | tail -n1 || true)
	if [ -z "$f" ]; then
		log "downloading $pkg ($where)"
		if [ "$where" = sid ]; then
			ensure_sid_apt
			(cd "$DEBS" && sid_apt download -qq "$pkg" ||
				{ sid_apt update -qq && sid_apt download -qq "$pkg"; })
		else
			(cd "$DEBS" && apt-get -o APT::Sandbox::User=root download -qq "$pkg" </dev/null ||
				{ apt-get update -qq </dev/null && apt-get -o APT::Sandbox::User=root download -qq "$pkg" </dev/null; })
		fi
		f=$(ls "$DEBS/${prefix}"_*.deb 2>/dev/null | sort -V | tail -n1 || true)
		[ -n "$f" ] || die "could not download $pkg"
	fi
	printf '%s\n' "$f"
}

# --- pahole ---------------------------------------------------------------
# Bookworm ships pahole 1.24; a distilled .BTF.base for out-of-tree modules on
# 6.11..6.18 needs pahole >= 1.28 (--btf_features=distilled_base). sid's pahole
# needs glibc >= 2.38, so we unpack it together with ALL its shared libraries
# (glibc included) from sid into $CACHE/tools/pahole and run it through that
# private glibc's own ld.so. Nothing is installed system-wide.
# KBR_PAHOLE=system forces bookworm's pahole; KBR_PAHOLE=/path uses that binary.
PAHOLE_PKGS=(pahole libdwarves1 libbpf1 libelf1t64 libdw1t64 libc6 libgcc-s1 zlib1g libzstd1 liblzma5 libbz2-1.0)
ensure_pahole() {
	case "${KBR_PAHOLE:-sid}" in
	system) PAHOLE=$(command -v pahole); return 0 ;;
	sid) ;;
	*) PAHOLE=$KBR_PAHOLE; return 0 ;;
	esac
	local dir=$CACHE/tools/pahole
	if [ -f "$dir/.ok" ] && "$dir/bin/pahole" --version >/dev/null 2>&1; then
		PAHOLE=$dir/bin/pahole; return 0
	fi
	log "setting up private pahole from sid in $dir"
	rm -rf "$dir.tmp"; mkdir -p "$dir.tmp/debs" "$dir.tmp/root" "$dir.tmp/bin"
	ensure_sid_apt
	if (cd "$dir.tmp/debs" && sid_apt download -qq "${PAHOLE_PKGS[@]}"); then
		local d
		for d in "$dir.tmp"/debs/*.deb; do dpkg-deb -x "$d" "$dir.tmp/root"; done
		cat >"$dir.tmp/bin/pahole" <<'EOF'
#!/bin/sh
# pahole from Debian sid, run with sid's own glibc (private prefix, see scripts/kernels/lib.sh)
l=$(dirname "$(readlink -f "$0")")/../root/usr/lib/x86_64-linux-gnu
exec "$l/ld-linux-x86-64.so.2" --library-path "$l" "$l/../../bin/pahole" "$@"
EOF
		chmod +x "$dir.tmp/bin/pahole"
		if "$dir.tmp/bin/pahole" --version >"$dir.tmp/.ok" 2>&1; then
			rm -rf "$dir"; mv "$dir.tmp" "$dir"
			PAHOLE=$dir/bin/pahole; log "pahole $(cat "$dir/.ok") ready"; return 0
		fi
	fi
	log "WARNING: sid pahole unusable, falling back to system pahole $(pahole --version)"
	rm -rf "$dir.tmp"
	PAHOLE=$(command -v pahole)
}

# pahole_num <pahole>: 1.32 -> 132
pahole_num() { "$1" --version | sed -E 's/^v?([0-9]+)\.([0-9]+).*/\1\2/'; }
