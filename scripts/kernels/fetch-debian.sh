#!/usr/bin/env bash
# Extract two released Debian 6.12 kernels (bookworm-security) into their
# installed layout, for tests that compare against real distro artifacts.
#
#   scripts/kernels/fetch-debian.sh [--no-dbg]
#
# For each <rel> in $KBR_DEBIAN_OLD / $KBR_DEBIAN_NEW (defaults below):
#   $CACHE/debian/<rel>/boot/{vmlinuz,config,System.map}-<rel>   (System.map: 83-byte placeholder)
#   $CACHE/debian/<rel>/lib/modules/<rel>/                         (.ko.xz as shipped, modules.*)
#   $CACHE/debian/<rel>/usr/src/linux-headers-<rel>/               (Module.symvers, BTF-only vmlinux)
#   $CACHE/debian/<rel>/usr/src/linux-headers-<abi>-common/        (the -amd64 headers link into it)
#   $CACHE/debian/<rel>/usr/lib/debug/boot/{vmlinux,System.map}-<rel>  (-dbg: full vmlinux, real map)
#   $CACHE/debian/<rel>-ko/      = lib/modules/<rel>/ with every module as plain .ko
#   $CACHE/debian/releases.json  (what tests read: see test/support/kernels.ts)
# Idempotent: one stamp per step in $CACHE/debian/.stamps (holds the .deb name).
source "$(dirname "$0")/lib.sh"

WITH_DBG=1
for a in "$@"; do
	case "$a" in
	--no-dbg) WITH_DBG=0 ;;
	*) die "usage: $0 [--no-dbg]" ;;
	esac
done
OLD=${KBR_DEBIAN_OLD:-6.12.115+deb12-amd64}
NEW=${KBR_DEBIAN_NEW:-6.12.117+deb12-amd64}
DEB_ROOT=$CACHE/debian
STAMPS=$DEB_ROOT/.stamps
mkdir -p "$STAMPS"
exec 9>"$DEB_ROOT/.lock"
flock 9
ensure_pkgs xz-utils python3 binutils
JOBS=${KBR_JOBS:-$(nproc)}

stamp_ok() { [ "$(cat "$STAMPS/$1" 2>/dev/null)" = "$2" ]; }
stamp_set() { printf '%s\n' "$2" >"$STAMPS/$1"; }

# extract_deb <rel> <step> <deb> [tar members...]: unpack (all, or only the members) into <rel>/
extract_deb() {
	local rel=$1 step=$2 deb=$3; shift 3
	local root=$DEB_ROOT/$rel id
	id=$(basename "$deb")
	if stamp_ok "$rel.$step" "$id"; then return 0; fi
	mkdir -p "$root"
	if [ $# = 0 ]; then
		dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$root"
	else
		# --occurrence: tar stops as soon as it has every member, so only the head
		# of a 1 GB -dbg archive is decompressed; dpkg-deb then dies of SIGPIPE.
		{ dpkg-deb --fsys-tarfile "$deb" 2>/dev/null || true; } |
			tar -x -C "$root" --occurrence=1 "$@"
		local m; for m in "$@"; do [ -s "$root/$m" ] || die "$id: $m not extracted"; done
	fi
	stamp_set "$rel.$step" "$id"
}

# decompress_ko <rel>: <rel>-ko/ mirrors lib/modules/<rel>/ with plain .ko files.
decompress_ko() {
	local rel=$1 src=$DEB_ROOT/$rel/lib/modules/$rel ko=$DEB_ROOT/$rel-ko id
	id=$(cat "$STAMPS/$rel.image")
	if stamp_ok "$rel.ko" "$id" && [ -d "$ko" ]; then return 0; fi
	rm -rf "$ko.tmp" "$ko"
	mkdir -p "$ko.tmp"
	(cd "$src" && find . -type d -print0 | (cd "$ko.tmp" && xargs -0 mkdir -p) &&
		find . -maxdepth 1 -type f -name 'modules.*' -exec cp -p {} "$ko.tmp/" \; &&
		find . -name '*.ko.xz' -print0 |
		xargs -0 -n 64 -P "$JOBS" sh -c 'for f; do xz -dc "$f" >"$0/${f%.xz}" || exit 255; done' "$ko.tmp")
	local n_xz n_ko
	n_xz=$(find "$src" -name '*.ko.xz' | wc -l)
	n_ko=$(find "$ko.tmp" -name '*.ko' | wc -l)
	[ "$n_xz" = "$n_ko" ] && [ "$n_ko" -gt 1000 ] || die "$rel: decompressed $n_ko of $n_xz modules"
	mv -T "$ko.tmp" "$ko"
	stamp_set "$rel.ko" "$id"
}

fetch_release() {
	local rel=$1 abi=${1%-amd64} img hdr com dbg
	img=$(deb_path "linux-image-$rel-unsigned" "linux-image-$rel-unsigned" system)
	hdr=$(deb_path "linux-headers-$rel" "linux-headers-$rel" system)
	com=$(deb_path "linux-headers-$abi-common" "linux-headers-$abi-common" system)
	timed "$rel image" extract_deb "$rel" image "$img"
	timed "$rel headers" extract_deb "$rel" headers "$hdr"
	timed "$rel headers-common" extract_deb "$rel" common "$com"
	if [ $WITH_DBG = 1 ]; then
		dbg=$(deb_path "linux-image-$rel-dbg" "linux-image-$rel-dbg" system)
		timed "$rel dbg (vmlinux+map)" extract_deb "$rel" dbg "$dbg" \
			"./usr/lib/debug/boot/System.map-$rel" "./usr/lib/debug/boot/vmlinux-$rel"
	fi
	timed "$rel .ko.xz -> .ko" decompress_ko "$rel"
}

for rel in "$OLD" "$NEW"; do
	timed "release $rel" fetch_release "$rel"
done

python3 - "$DEB_ROOT" "$OLD" "$NEW" "$STAMPS" >"$DEB_ROOT/releases.json.tmp" <<'EOF'
import json, os, sys
root, old, new, stamps = sys.argv[1:5]
def rel_info(rel):
    r = os.path.join(root, rel)
    def p(path):
        return path if os.path.exists(os.path.join(root, path)) else None
    abi = rel[:-len('-amd64')]
    mods = os.path.join(r, 'lib/modules', rel)
    stamp = lambda s: open(os.path.join(stamps, f'{rel}.{s}')).read().strip() if os.path.exists(os.path.join(stamps, f'{rel}.{s}')) else None
    image = stamp('image')
    return {
        'release': rel,
        'imageDeb': image,
        'debVersion': image.split('_')[1] if image else None,
        'root': rel,
        'koRoot': f'{rel}-ko',
        'modulesDir': f'{rel}/lib/modules/{rel}',
        'moduleCount': sum(1 for _, _, fs in os.walk(mods) for f in fs if f.endswith('.ko.xz')),
        'vmlinuz': p(f'{rel}/boot/vmlinuz-{rel}'),
        'config': p(f'{rel}/boot/config-{rel}'),
        'systemMapPlaceholder': p(f'{rel}/boot/System.map-{rel}'),
        'headersDir': p(f'{rel}/usr/src/linux-headers-{rel}'),
        'headersCommonDir': p(f'{rel}/usr/src/linux-headers-{abi}-common'),
        'moduleSymvers': p(f'{rel}/usr/src/linux-headers-{rel}/Module.symvers'),
        'btfVmlinux': p(f'{rel}/usr/src/linux-headers-{rel}/vmlinux'),
        'dbgVmlinux': p(f'{rel}/usr/lib/debug/boot/vmlinux-{rel}'),
        'dbgSystemMap': p(f'{rel}/usr/lib/debug/boot/System.map-{rel}'),
    }
json.dump({'schema': 1, 'old': rel_info(old), 'new': rel_info(new)}, sys.stdout, indent=2)
print()
EOF
mv "$DEB_ROOT/releases.json.tmp" "$DEB_ROOT/releases.json"
log "done: $DEB_ROOT/releases.json"
