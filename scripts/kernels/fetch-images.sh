#!/usr/bin/env bash
# Boot images of three more Debian kernels, with their -dbg packages (the real System.map),
# for the kallsyms tests (test/kallsyms/debian-support.ts): 6.1 amd64 and 6.1 cloud-arm64 from
# bookworm, 7.2 amd64 from sid. Only the .deb files are fetched, into $CACHE/debs; the tests
# extract the image and the map they read. The newest ABI each archive has is taken.
#
#   scripts/kernels/fetch-images.sh
source "$(dirname "$0")/lib.sh"

# --- private apt config for bookworm arm64 (never touches /etc/apt) ---------
ARM=$CACHE/apt-arm64
arm_apt_opts=(
	-o "Dir::Etc::sourcelist=$ARM/etc/sources.list" -o "Dir::Etc::sourceparts=-"
	-o "Dir::State=$ARM/state" -o "Dir::Cache=$ARM/cache"
	-o "Dir::State::status=/var/lib/dpkg/status" -o "APT::Sandbox::User=root"
	-o "APT::Architecture=arm64" -o "APT::Architectures=arm64"
)
arm_apt() { apt-get "${arm_apt_opts[@]}" "$@" </dev/null; }
ensure_arm_apt() {
	mkdir -p "$ARM/etc" "$ARM/state/lists/partial" "$ARM/cache/archives/partial"
	printf '%s\n' 'deb [arch=arm64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main' >"$ARM/etc/sources.list"
	if ! ls "$ARM/state/lists/"*binary-arm64_Packages* >/dev/null 2>&1; then
		log "apt-get update (private bookworm arm64 config)"
		arm_apt update -qq
	fi
}

# newest <regex> <apt-cache command...>: the highest-versioned package name matching regex.
newest() {
	local re=$1; shift
	"$@" search --names-only "$re" 2>/dev/null | awk '{print $1}' | sort -V | tail -n1
}

# cached <glob-prefix>: the newest cached .deb whose name starts with the pattern, if any.
# shellcheck disable=SC2086 # the prefix is a glob on purpose
cached() { ls -d "$DEBS"/$1_*.deb 2>/dev/null | sort -V | tail -n1 || true; }

mkdir -p "$DEBS"
ensure_pkgs dpkg-dev

# image_and_dbg <label> <prefix> <suffix> <where> <version-regex> <version-glob>: the newest
# package named <prefix><rel><suffix> (rel matching the regex) from the system lists or sid,
# and linux-image-<rel>-dbg; cached ones (rel matching the glob) are kept.
image_and_dbg() {
	local label=$1 prefix=$2 suffix=$3 where=$4 re=$5 glob=$6 img pkg rel
	local opts=()
	if [ "$where" = sid ]; then opts=("${sid_apt_opts[@]}"); fi
	img=$(cached "$prefix$glob$suffix")
	if [ -z "$img" ]; then
		if [ "$where" = sid ]; then ensure_sid_apt; fi
		pkg=$(newest "^${prefix//./\\.}$re${suffix}\$" apt-cache "${opts[@]}")
		if [ -z "$pkg" ] && [ "$where" = system ]; then
			apt-get update -qq </dev/null
			pkg=$(newest "^${prefix//./\\.}$re${suffix}\$" apt-cache)
		fi
		[ -n "$pkg" ] || die "no $prefix*$suffix package for $label in the $where lists"
		img=$(deb_path "$pkg" "$pkg" "$where")
	fi
	rel=$(basename "$img")
	rel=${rel%%_*}
	rel=${rel#"$prefix"}
	rel=${rel%"$suffix"}
	deb_path "linux-image-$rel-dbg" "linux-image-$rel-dbg" "$where" >/dev/null
	log "$label: $rel"
}

image_and_dbg '6.1 amd64' linux-image- -unsigned system '6\.1\.0-[0-9]+-amd64' '6.1.0-[0-9]*-amd64'

# 6.1 cloud-arm64 (bookworm, arm64 archive).
img=$(cached 'linux-image-6.1.0-[0-9]*-cloud-arm64-unsigned')
if [ -z "$img" ]; then
	ensure_arm_apt
	pkg=$(newest '^linux-image-6\.1\.0-[0-9]+-cloud-arm64-unsigned$' apt-cache "${arm_apt_opts[@]}")
	[ -n "$pkg" ] || die "no linux-image-6.1.0-*-cloud-arm64-unsigned in the bookworm arm64 lists"
	log "downloading $pkg (bookworm arm64)"
	(cd "$DEBS" && arm_apt download -qq "$pkg:arm64")
	img=$(cached 'linux-image-6.1.0-[0-9]*-cloud-arm64-unsigned')
fi
abi=$(basename "$img" | sed -E 's/^linux-image-(6\.1\.0-[0-9]+-cloud-arm64)-unsigned_.*/\1/')
if [ -z "$(cached "linux-image-$abi-dbg")" ]; then
	ensure_arm_apt
	log "downloading linux-image-$abi-dbg (bookworm arm64)"
	(cd "$DEBS" && arm_apt download -qq "linux-image-$abi-dbg:arm64")
fi
[ -n "$(cached "linux-image-$abi-dbg")" ] || die "could not download linux-image-$abi-dbg"
log "6.1 cloud-arm64: $abi"

image_and_dbg '7.2 amd64' linux-binary- '' sid '7\.2\.[0-9]+\+deb[0-9]+-amd64' '7.2.[0-9]*-amd64'
