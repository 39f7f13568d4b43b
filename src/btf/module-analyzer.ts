import type { AnalyzerContext, ModuleAnalyzer } from '../load/analyzer.ts'
import { vermagicOf } from '../load/vermagic.ts'
import { InputError, describeError } from '../model/errors.ts'
import { parseBtf, type Btf } from './btf.ts'
import { looksMismatched, mismatchEvidence, describeEvidence } from './mismatch.ts'
import { relocate, type AmbiguousType, type DistilledType } from './relocate.ts'
import { resolveAll } from './resolve.ts'
import { rulesForVermagic, type VerifierRules } from './rules.ts'
import { verifyLoad } from './verifier.ts'
import type { VerifierFailure } from './verifier-log.ts'
import { loadVmlinuxBtf, type VmlinuxBtf } from './vmlinux-btf.ts'

/** What one module's BTF looks like and how it fares against the vmlinux BTF. Small: it crosses threads. */
export interface BtfModuleFact {
  /** Bytes of .BTF; 0 when the module has none. */
  btfBytes: number
  /** Bytes of .BTF.base (distilled base); 0 when the module has none. */
  baseRefBytes: number
  /** The module's own types, when its BTF could be read. */
  types?: number
  /** The kernel release whose verifier rules were applied (from vermagic). */
  rules: string
  /** Why the BTF was not validated against vmlinux. */
  skipped?: string
  /** Cannot be read as BTF at all (not even with its base): the parse error. */
  unreadable?: string
  /** What the module loader does (btf_parse_module, relocation included); null: it takes the BTF. */
  load: VerifierFailure | null
  /** Full verification (btf_check_all_types) after a successful load; null: passes. */
  resolve: VerifierFailure | null
  relocation?: RelocationFact
  /** Present when some name or reference does not fit the vmlinux BTF. */
  mismatch?: MismatchFact
}

export interface RelocationFact {
  ok: boolean
  distilledTypes: number
  unmatchedCount: number
  ambiguousCount: number
  /** The first few of each (LIST_CAP). */
  unmatched: DistilledType[]
  ambiguous: AmbiguousType[]
  invalid: string[]
  kernelMessage?: string
}

export interface MismatchFact {
  /** The evidence says "generated against another vmlinux", not "one damaged record". */
  likely: boolean
  names: number
  badNames: number
  refs: number
  badRefs: number
  evidence: string
}

const LIST_CAP = 50

export const btfAnalyzer: ModuleAnalyzer<BtfModuleFact> = {
  id: 'btf',
  analyze(elf, ctx) {
    const sec = elf.section('.BTF')
    const baseSec = elf.section('.BTF.base')
    const rules = rulesForVermagic(vermagicOf(elf))
    const fact: BtfModuleFact = {
      btfBytes: sec?.size ?? 0,
      baseRefBytes: baseSec?.size ?? 0,
      rules: rules.label,
      load: null,
      resolve: null
    }
    if (!sec) return fact
    const bytes = elf.data(sec)
    const distBytes = baseSec && rules.distilledBase ? elf.data(baseSec) : undefined
    const vmlinux = ctx.options.btfBase ? vmlinuxFor(ctx, ctx.options.btfBase, rules) : undefined
    if (!vmlinux) fact.skipped = 'no vmlinux BTF to check against'
    else if (!vmlinux.btf) fact.skipped = `the vmlinux BTF is unusable: ${vmlinux.error}`
    const ptrSize = elf.is64 ? 8 : 4
    const file = `${ctx.module.relPath} .BTF`

    // With a distilled base the module's BTF is split against .BTF.base, then relocated.
    let against: Btf | null = vmlinux?.btf ?? null
    if (distBytes) {
      const dist = verifyLoad({
        bytes: distBytes,
        file: `${ctx.module.relPath} .BTF.base`,
        littleEndian: elf.littleEndian,
        base: null,
        rules,
        role: 'base'
      })
      if (!dist.ok) {
        fact.load = dist.failure
        return fact
      }
      against = dist.btf
    }
    if (!against) return fact
    const loaded = verifyLoad({ bytes, file, littleEndian: elf.littleEndian, base: against, rules })
    let btf: Btf | undefined
    if (loaded.ok) {
      btf = loaded.btf
      fact.types = btf.count
    } else {
      fact.load = loaded.failure
      // Evidence of a vmlinux mismatch needs the records read against vmlinux itself.
      if (distBytes || !vmlinux?.btf) return fact
      btf = readForEvidence(bytes, file, against, rules, fact)
    }
    if (!vmlinux?.btf || !btf) return fact

    if (distBytes) {
      const rel = relocate(btf, vmlinux.btf)
      fact.relocation = {
        ok: rel.ok,
        distilledTypes: rel.distilledTypes,
        unmatchedCount: rel.unmatched.length,
        ambiguousCount: rel.ambiguous.length,
        unmatched: rel.unmatched.slice(0, LIST_CAP),
        ambiguous: rel.ambiguous
          .slice(0, LIST_CAP)
          .map(a => ({ ...a, candidates: a.candidates.slice(0, 8) })),
        invalid: rel.invalid.slice(0, LIST_CAP)
      }
      if (rel.kernelMessage) fact.relocation.kernelMessage = rel.kernelMessage
      if (!rel.ok || !rel.relocated) {
        fact.load = {
          step: 'relocation',
          errno: rel.errno ?? 22,
          dmesg: rel.kernelMessage ? [rel.kernelMessage] : [],
          text: rel.kernelMessage ?? 'relocation failed'
        }
        return fact
      }
      btf = rel.relocated
    }

    const ev = mismatchEvidence(btf)
    if (ev.badNames || ev.badRefs) {
      fact.mismatch = {
        likely: looksMismatched(ev),
        names: ev.names,
        badNames: ev.badNames,
        refs: ev.refs,
        badRefs: ev.badRefs,
        evidence: describeEvidence(ev, btf)
      }
    }
    if (!fact.load && vmlinux.resolver) {
      const full = resolveAll(btf, vmlinux.resolver, ptrSize)
      if (full.failure) fact.resolve = full.failure
    }
    return fact
  }
}

function vmlinuxFor(ctx: AnalyzerContext, path: string, rules: VerifierRules): VmlinuxBtf {
  let key = ruleKeys.get(rules)
  if (key === undefined) ruleKeys.set(rules, (key = JSON.stringify(rules)))
  return ctx.memo(`btf:vmlinux:${path}:${key}`, () => loadVmlinuxBtf(path, rules))
}

/** rulesForVermagic gives one object per release: its memo key is made once. */
const ruleKeys = new WeakMap<VerifierRules, string>()

/** A failed load still leaves the records readable, usually: read them for mismatch evidence. */
function readForEvidence(
  bytes: Uint8Array,
  file: string,
  base: Btf,
  rules: VerifierRules,
  fact: BtfModuleFact
): Btf | undefined {
  try {
    const btf = parseBtf(bytes, file, { base, encoding: rules.info, checkRefs: false })
    fact.types = btf.count
    return btf
  } catch (err) {
    fact.unreadable = err instanceof InputError ? err.message : describeError(err)
    return undefined
  }
}
