# shellcheck shell=bash
# Checks of a fixture kernel dir built by build.sh (sourced by it). They only read the
# result, run on every build.sh call (cold and warm) and are not part of the cache key.

# has_section <elf> <name>. No `grep -q` on a pipe: under pipefail, grep exiting at the
# first match can kill readelf with SIGPIPE and turn a hit into a failure.
has_section() { readelf -S --wide "$1" 2>/dev/null | grep -E "\] $2 " >/dev/null; }

verify_tree() { # verify_tree <obj-dir> <label>
	local o=$1 f ko n=0
	for f in vmlinux System.map Module.symvers modules.order modules.builtin \
		modules.builtin.modinfo modules.builtin.ranges vmlinux.map .config \
		include/config/kernel.release .tmp_vmlinux1 .tmp_vmlinux2 kbr-ksyms-whitelist.txt; do
		[ -s "$o/$f" ] || die "$2: missing or empty $o/$f"
	done
	ls "$o"/.tmp_vmlinux*.syms >/dev/null 2>&1 || die "$2: no .tmp_vmlinux*.syms"
	[ -s "$o/modules.builtin" ] || die "$2: modules.builtin is empty"
	has_section "$o/vmlinux" .BTF || die "$2: vmlinux has no .BTF"
	while read -r ko; do
		ko=$o/${ko%.o}.ko
		[ -f "$ko" ] || die "$2: missing $ko"
		has_section "$ko" .BTF || die "$2: $ko has no .BTF"
		n=$((n + 1))
	done <"$o/modules.order"
	[ "$n" -ge 10 ] || die "$2: only $n modules"
}

verify_all() { # verify_all <keyed-dir>
	local d=$1 e
	verify_tree "$d/base" base
	verify_tree "$d/head" head
	for e in ext-base ext-head; do
		[ -f "$d/$e/kbr_ext.ko" ] && [ -f "$d/$e/Module.symvers" ] || die "$e: kbr_ext.ko/Module.symvers missing"
		has_section "$d/$e/kbr_ext.ko" .BTF || die "$e: kbr_ext.ko has no .BTF"
	done
	[ -s "$d/manifest.json" ] || die "no manifest.json in $d"
}

ext_btf_base() { # ext_btf_base <keyed-dir>: true when both ext modules carry .BTF.base
	local e
	for e in ext-base ext-head; do
		has_section "$1/$e/kbr_ext.ko" .BTF.base || { echo false; return 0; }
	done
	echo true
}

check_config() { # check_config <.config> <fragment...>: every CONFIG_ line must be in .config
	local cfg=$1 line bad=0; shift
	while read -r line; do
		grep -qxF "$line" "$cfg" || { log "config mismatch: want '$line', have '$(grep -E "^(# )?${line%%=*}[= ]" "$cfg" || echo unset)'"; bad=1; }
	done < <(grep -h '^CONFIG_' "$@")
	[ $bad = 0 ] || die "options from the fragment did not survive olddefconfig in $cfg"
}

# Every change planted by head-<ver>.patch and head.config.fragment must show up.
symv() { awk -v s="$2" '$2 == s' "$1/Module.symvers"; }
expect_changes() { # expect_changes <dir holding base/ and head/>
	local T=$1
	[ -n "$(symv "$T/base" textsearch_find_continuous)" ] || die "base lacks textsearch_find_continuous export"
	[ -z "$(symv "$T/head" textsearch_find_continuous)" ] || die "head still exports textsearch_find_continuous"
	[ -z "$(symv "$T/base" kallsyms_lookup_name)" ] || die "base exports kallsyms_lookup_name"
	[ -n "$(symv "$T/head" kallsyms_lookup_name)" ] || die "head lacks kallsyms_lookup_name export"
	symv "$T/base" crc32_be | grep -P '\tEXPORT_SYMBOL\t' >/dev/null || die "base crc32_be not EXPORT_SYMBOL"
	symv "$T/head" crc32_be | grep -P '\tEXPORT_SYMBOL_GPL\t' >/dev/null || die "head crc32_be not EXPORT_SYMBOL_GPL"
	symv "$T/base" crc32_le | grep -P '\t$' >/dev/null || die "base crc32_le has a namespace"
	symv "$T/head" crc32_le | grep -P '\tKBR_CRC32$' >/dev/null || die "head crc32_le not in KBR_CRC32"
	grep -q 'em_nbyte' "$T/base/modules.order" || die "em_nbyte not =m in base"
	grep -q 'em_nbyte' "$T/head/modules.builtin" || die "em_nbyte not =y in head"
	grep -q 'em_nbyte' "$T/head/modules.builtin.ranges" || die "em_nbyte missing from head modules.builtin.ranges"
	local b h
	b=$(stat -c %s "$T/base/lib/ts_kmp.ko"); h=$(stat -c %s "$T/head/lib/ts_kmp.ko")
	[ "$h" -gt "$b" ] || die "ts_kmp.ko did not grow ($b -> $h)"
	b=$(stat -c %s "$T/base/crypto/wp512.ko"); h=$(stat -c %s "$T/head/crypto/wp512.ko")
	[ "$h" -lt "$b" ] || die "wp512.ko did not shrink ($b -> $h)"
}

