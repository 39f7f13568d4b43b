#!/usr/bin/env bash
# All real-kernel fixtures (what .ci/run calls): the two Debian releases, the boot images
# of three more Debian kernels (kallsyms tests), then the 6.12 and 7.2 fixture builds.
# Warm cache: seconds (verification only).
#   scripts/kernels/all.sh [--no-dbg]     (--no-dbg is passed to fetch-debian.sh)
source "$(dirname "$0")/lib.sh"
timed "fetch-debian.sh $*" "$KBR_SCRIPTS/fetch-debian.sh" "$@"
timed "fetch-images.sh" "$KBR_SCRIPTS/fetch-images.sh"
timed "build.sh 6.12" "$KBR_SCRIPTS/build.sh" 6.12
timed "build.sh 7.2" "$KBR_SCRIPTS/build.sh" 7.2
log "all kernel fixtures ready in $CACHE (total $(( $(date +%s) - KBR_T0 ))s)"
