import {
  MALLOC_TUNABLES,
  RELAUNCH_SWITCH,
  SINGLE_ISOLATE_COMMANDS,
  TUNED_MARK,
  TUNED_NODE_FLAGS
} from './tuning.ts'

/** Shell words made only of these need no quoting. */
const PLAIN = /^[A-Za-z0-9_.=:/-]+$/

function plain(word: string): string {
  if (!PLAIN.test(word)) throw new Error(`not a plain shell word: ${word}`)
  return word
}

/**
 * The CLI's `bin` (dist/kbuild-review, written by scripts/bundle.js): a POSIX shell script that
 * does what relaunchPlan does and execs Node once. The Node launcher (dist/cli.js) costs a
 * whole Node start before the tuned one, 60 ms on our 2-core machine, a sixth of a `kallsyms`
 * run; it stays for `node dist/cli.js` and for systems without sh. Everything the script
 * decides comes from tuning.ts, and test/runtime/shell-launcher.test.ts runs it against
 * relaunchPlan. Unlike relaunchPlan it sets GLIBC_TUNABLES on any system: other C libraries
 * ignore it.
 */
export function shellLauncher(): string {
  const flags = TUNED_NODE_FLAGS.map(plain).join(' ')
  const commands = [...SINGLE_ISOLATE_COMMANDS].map(plain).join('|')
  const tunables = MALLOC_TUNABLES.map(plain).join(' ')
  return `#!/bin/sh
# kbuild-review: runs cli-main.js in a Node tuned as src/runtime/tuning.ts says (generated
# from it by scripts/bundle.js; dist/cli.js does the same from Node).
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) case $self in */*) self=\${self%/*}/$link ;; *) self=$link ;; esac ;; esac
done
case $self in */*) main=\${self%/*}/cli-main.js ;; *) main=./cli-main.js ;; esac
if [ "\${${plain(TUNED_MARK)}-}" = 1 ] || [ "\${${plain(RELAUNCH_SWITCH)}-}" = 0 ]; then exec node "$main" "$@"; fi
# Our malloc tunables, unless the user set that tunable.
tunables=\${GLIBC_TUNABLES-}
for t in ${tunables}; do
  case ":$tunables:" in *":\${t%%=*}="* | *":\${t%%=*}:"*) ;; *) tunables=\${tunables:+$tunables:}$t ;; esac
done
# V8 flags, except for the commands that run in one isolate.
flags="${flags}"
for a do
  case $a in -*) ;; ${commands}) flags= ; break ;; *) break ;; esac
done
GLIBC_TUNABLES=$tunables
${plain(TUNED_MARK)}=1
export GLIBC_TUNABLES ${plain(TUNED_MARK)}
exec node $flags "$main" "$@"
`
}
