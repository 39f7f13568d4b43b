/**
 * The kallsyms tables scripts/kallsyms.c emits into vmlinux, as located in an image and as
 * decoded. Offsets are byte offsets into KernelImage.bytes.
 */

/** A byte range of a kernel image with what is known about its addresses. */
export interface KernelImage {
  file: string
  bytes: Uint8Array
  /** Virtual address of bytes[0]; null when unknown (a raw image without a known base). */
  va: bigint | null
  le: boolean
  is64: boolean
  /** Where this came from, for messages: "vmlinux .rodata", "bzImage payload (zstd) .rodata". */
  what: string
}

/**
 * How kallsyms_offsets hold addresses (kernel/kallsyms.c kallsyms_sym_address):
 *  - absolute: kallsyms_addresses, one pointer per symbol (before 6.11, !KALLSYMS_BASE_RELATIVE);
 *  - base-relative: relative_base + (u32)offset (6.1-6.14);
 *  - absolute-percpu: offsets >= 0 are absolute (per-cpu symbols), negative ones are
 *    relative_base - 1 - offset (KALLSYMS_ABSOLUTE_PERCPU, x86_64 SMP, up to 6.14);
 *  - pc-relative: the address of the entry plus its s32 value (7.0+, 64-bit or relocatable);
 *  - absolute-u32: the u32 is the address (7.0+, 32-bit non-relocatable).
 */
export type AddressingMode = 'absolute' | 'base-relative' | 'absolute-percpu' | 'pc-relative' | 'absolute-u32'

export interface TableLayout {
  numSyms: number
  names: number
  markers: number
  tokenTable: number
  tokenIndex: number
  /** kallsyms_offsets, or kallsyms_addresses in the absolute mode. */
  addresses: number
  relativeBase: number | null
  /** 6.2+ (and backports such as Debian's 6.1). */
  seqsOfNames: number | null
  mode: AddressingMode
  /** How the positions were found. */
  foundBy: 'symbols' | 'scan'
}

export interface KallsymsEntry {
  addr: bigint
  /** The stored type letter (the first decoded character). */
  type: string
  name: string
}

export interface TableIssue {
  /** kebab-case, e.g. `marker-mismatch`, `token-index-mismatch`, `seqs-not-sorted`. */
  code: string
  message: string
}

export interface DecodedTable {
  layout: TableLayout
  /** Number of symbols. */
  count: number
  /** In table order (by address, kallsyms.c compare_symbols); made from `packed` on first use. */
  readonly entries: KallsymsEntry[]
  /** kallsyms_relative_base as stored, when the mode has one. */
  relativeBase: bigint | null
  /** kallsyms_seqs_of_names, when present. */
  seqs: Uint32Array | null
  /** Internal inconsistencies: markers, token index, name order. Empty for a sound table. */
  issues: TableIssue[]
  /** Byte size of all tables together (from the first to the end of the last). */
  bytes: number
  /** The same entries packed, for printing 160k lines without a BigInt or string per line. */
  packed: PackedEntries
}

export interface PackedEntries {
  /** Names without their type letter, each followed by a NUL. */
  names: Uint8Array
  /** Offset of each entry's name in `names`. */
  nameAt: Uint32Array
  /** Type letter of each entry (0 for an empty name). */
  types: Uint8Array
  /** Address of each entry as (low, high) 32-bit words. */
  words: Uint32Array
}
