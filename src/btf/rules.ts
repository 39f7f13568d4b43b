import { atLeast, parseKernelVersion, type KernelVersion } from '../model/build-info.ts'
import { HEADER_LAYOUT_BYTES, HEADER_V1_BYTES, NARROW_INFO, WIDE_INFO, type InfoEncoding } from './kinds.ts'

/**
 * What the kernel's BTF verifier (kernel/bpf/btf.c) accepts differs between versions. The rules
 * here were read from the 6.12 and 7.2 sources; for versions in between, where a change could
 * not be dated from sources at hand, the more permissive side is taken so that no module is
 * reported for a rule its kernel may not have.
 */
export interface VerifierRules {
  /** The kernel release the rules stand for, for messages ("as Linux 6.12 checks it"). */
  readonly label: string
  readonly info: InfoEncoding
  /** sizeof(struct btf_header) the kernel knows; longer headers must be zero past it. */
  readonly headerBytes: number
  /** BTF_KIND_MAX: FLOAT came in 5.13, DECL_TAG (first named TAG) in 5.15, TYPE_TAG in 5.17, ENUM64 in 6.0. */
  readonly maxKind: number
  /** 6.12 refuses kind_flag on TYPE_TAG and DECL_TAG; 7.2 allows it (btf_ref_type_check_meta). */
  readonly tagKflag: boolean
  /** 6.12 requires type tags to come before other modifiers in a chain (btf_check_type_tags). */
  readonly typeTagsFirst: boolean
  /** The module loader uses .BTF.base (distilled base BTF) from 6.11 (btf_parse_module). */
  readonly distilledBase: boolean
}

export function rulesFor(version: KernelVersion | null): VerifierRules {
  const v = version
  const newest = v === null
  const wide = newest || atLeast(v, 7, 1)
  return {
    label: v ? `${v.major}.${v.minor}` : 'current',
    info: wide ? WIDE_INFO : NARROW_INFO,
    headerBytes: wide ? HEADER_LAYOUT_BYTES : HEADER_V1_BYTES,
    maxKind:
      newest || atLeast(v, 6, 0)
        ? 19
        : atLeast(v, 5, 17)
          ? 18
          : atLeast(v, 5, 15)
            ? 17
            : atLeast(v, 5, 13)
              ? 16
              : 15,
    tagKflag: newest || atLeast(v, 6, 13),
    typeTagsFirst: !newest && !atLeast(v, 6, 13),
    distilledBase: newest || atLeast(v, 6, 11)
  }
}

/** Rules for the kernel a module is built for, from the release at the head of its vermagic. */
export function rulesForVermagic(vermagic: string | undefined): VerifierRules {
  const release = vermagic?.trim().split(/\s+/)[0] ?? ''
  let rules = byRelease.get(release)
  if (!rules) {
    // A review sees one release or a few; a hostile tree could show many.
    if (byRelease.size >= 64) byRelease.clear()
    byRelease.set(release, (rules = rulesFor(parseKernelVersion(release || undefined))))
  }
  return rules
}

/** Rules already made, by release (the same object each time: callers key memos on it). */
const byRelease = new Map<string, VerifierRules>()
