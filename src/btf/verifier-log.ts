/**
 * The kernel's BTF verifier log as a module load prints it. With BPF_LOG_KERNEL every
 * bpf_verifier_vlog() call becomes its own pr_err("BPF: %s") line (kernel/bpf/log.c), and the
 * per-type trace lines (log calls without a message) are skipped, so only the failing type's
 * lines appear, followed by "failed to validate module [name] BTF: -errno".
 */

/** Which step of btf_parse_module() (kernel/bpf/btf.c) stopped, or our extra full check. */
export type VerifierStep =
  | 'header'
  | 'strings'
  | 'types'
  | 'modifier-chains'
  | 'base-header'
  | 'base-strings'
  | 'base-types'
  | 'base-modifier-chains'
  | 'relocation'
  | 'resolve'

export const ERRNO = { ENOENT: 2, E2BIG: 7, EEXIST: 17, EINVAL: 22, ELOOP: 40, ENOTSUPP: 524 } as const

export interface VerifierFailure {
  step: VerifierStep
  /** Positive errno; the kernel prints it negated. */
  errno: number
  /** The type the verifier was on (its log_type_id), when it was on one. */
  typeId?: number
  /** The lines the kernel prints, as dmesg shows them ("BPF: ..."); empty when it prints none. */
  dmesg: string[]
  /** The same text as one line, as a user-space BPF log buffer would hold it. */
  text: string
  /** A type or member line of split BTF: CONFIG_MODULE_ALLOW_BTF_MISMATCH=y kernels do not print it. */
  quietWhenMismatchAllowed?: true
}

export class VerifierLog {
  readonly fragments: string[] = []

  add(fragment: string): void {
    this.fragments.push(fragment)
  }

  fail(
    step: VerifierStep,
    errno: number,
    typeId?: number,
    quietWhenMismatchAllowed = false
  ): VerifierFailure {
    const dmesg = this.fragments.map(f => `BPF: ${f.replace(/\n$/, '')}`.trimEnd())
    const text = this.fragments.join('').replace(/\s+/g, ' ').trim()
    const out: VerifierFailure = { step, errno, dmesg, text }
    if (typeId !== undefined) out.typeId = typeId
    if (quietWhenMismatchAllowed) out.quietWhenMismatchAllowed = true
    return out
  }
}

/** What a CONFIG_MODULE_ALLOW_BTF_MISMATCH=y kernel prints, once, instead of failing the load. */
export const MISMATCH_ALLOWED_WARNING =
  'Kernel module BTF mismatch detected, BTF debug info may be unavailable for some modules'

/** The line the module loader prints after a failure (kernel/bpf/btf.c btf_module_notify). */
export function failedToValidate(module: string, errno: number): string {
  return `failed to validate module [${module}] BTF: -${errno}`
}
