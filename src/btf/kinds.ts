/**
 * BTF kinds (include/uapi/linux/btf.h) and the one table that says how each record is laid out:
 * its size, and which of its words are type ids and which are string offsets. The parser, the
 * verifier, relocation and the mismatch evidence all read this table instead of switching on
 * the kind each in their own way.
 */

export const KIND = {
  UNKN: 0,
  INT: 1,
  PTR: 2,
  ARRAY: 3,
  STRUCT: 4,
  UNION: 5,
  ENUM: 6,
  FWD: 7,
  TYPEDEF: 8,
  VOLATILE: 9,
  CONST: 10,
  RESTRICT: 11,
  FUNC: 12,
  FUNC_PROTO: 13,
  VAR: 14,
  DATASEC: 15,
  FLOAT: 16,
  DECL_TAG: 17,
  TYPE_TAG: 18,
  ENUM64: 19
} as const

/** The highest kind this code knows (BTF_KIND_MAX of 6.0 through 7.2). */
export const KIND_MAX = 19

/** What the third word of `struct btf_type` holds for a kind. */
export type ThirdWord = 'size' | 'type' | 'unused'

export interface KindLayout {
  readonly kind: number
  /** The kernel's name for the kind (btf_kind_str in kernel/bpf/btf.c), as its log prints it. */
  readonly name: string
  /** Bytes of the single element that follows the 12-byte `struct btf_type`. */
  readonly infoBytes: number
  /** Bytes of each of the vlen elements that follow. */
  readonly elemBytes: number
  readonly third: ThirdWord
  /** Word indexes within the single element that hold type ids. */
  readonly infoIds: readonly number[]
  /** Word indexes within each vlen element that hold type ids. */
  readonly elemIds: readonly number[]
  /** Word indexes within each vlen element that hold string offsets. */
  readonly elemNames: readonly number[]
}

function layout(
  kind: number,
  name: string,
  third: ThirdWord,
  infoBytes = 0,
  elemBytes = 0,
  refs: { infoIds?: number[]; elemIds?: number[]; elemNames?: number[] } = {}
): KindLayout {
  return {
    kind,
    name,
    third,
    infoBytes,
    elemBytes,
    infoIds: refs.infoIds ?? [],
    elemIds: refs.elemIds ?? [],
    elemNames: refs.elemNames ?? []
  }
}

/**
 * Indexed by kind. Element layouts: btf_member {name_off, type, offset}, btf_enum {name_off, val},
 * btf_param {name_off, type}, btf_var_secinfo {type, offset, size}, btf_enum64 {name_off, lo, hi};
 * single elements: INT's encoding word, btf_array {type, index_type, nelems}, btf_var {linkage},
 * btf_decl_tag {component_idx}.
 */
export const KINDS: readonly (KindLayout | undefined)[] = [
  undefined,
  layout(KIND.INT, 'INT', 'size', 4),
  layout(KIND.PTR, 'PTR', 'type'),
  layout(KIND.ARRAY, 'ARRAY', 'unused', 12, 0, { infoIds: [0, 1] }),
  layout(KIND.STRUCT, 'STRUCT', 'size', 0, 12, { elemIds: [1], elemNames: [0] }),
  layout(KIND.UNION, 'UNION', 'size', 0, 12, { elemIds: [1], elemNames: [0] }),
  layout(KIND.ENUM, 'ENUM', 'size', 0, 8, { elemNames: [0] }),
  layout(KIND.FWD, 'FWD', 'unused'),
  layout(KIND.TYPEDEF, 'TYPEDEF', 'type'),
  layout(KIND.VOLATILE, 'VOLATILE', 'type'),
  layout(KIND.CONST, 'CONST', 'type'),
  layout(KIND.RESTRICT, 'RESTRICT', 'type'),
  layout(KIND.FUNC, 'FUNC', 'type'),
  layout(KIND.FUNC_PROTO, 'FUNC_PROTO', 'type', 0, 8, { elemIds: [1], elemNames: [0] }),
  layout(KIND.VAR, 'VAR', 'type', 4),
  layout(KIND.DATASEC, 'DATASEC', 'size', 0, 12, { elemIds: [0] }),
  layout(KIND.FLOAT, 'FLOAT', 'size'),
  layout(KIND.DECL_TAG, 'DECL_TAG', 'type', 4),
  layout(KIND.TYPE_TAG, 'TYPE_TAG', 'type'),
  layout(KIND.ENUM64, 'ENUM64', 'size', 0, 12, { elemNames: [0] })
]

export function kindName(kind: number): string {
  return KINDS[kind]?.name ?? `kind ${kind}`
}

/**
 * How `info` is split into kind, vlen and kind_flag. In 6.12 the kind is 5 bits (24-28) and vlen
 * 16 bits, with bits 16-23 and 29-30 reserved (the kernel rejects them set: BTF_INFO_MASK
 * 0x9f00ffff); 7.2 has a 7-bit kind and a 24-bit vlen (uapi btf.h; libbpf's "Extend BTF UAPI
 * vlen, kinds to use unused bits", April 2026).
 */
export interface InfoEncoding {
  readonly kindMask: number
  readonly vlenMask: number
  /** Bits that must be zero; 0 when every bit has a meaning. */
  readonly reserved: number
}

export const NARROW_INFO: InfoEncoding = { kindMask: 0x1f, vlenMask: 0xffff, reserved: ~0x9f00ffff >>> 0 }
export const WIDE_INFO: InfoEncoding = { kindMask: 0x7f, vlenMask: 0xffffff, reserved: 0 }

/** A struct/union with kind_flag set packs the bitfield size into the member offset's top byte. */
export function memberBitOffset(kflag: boolean, offset: number): number {
  return kflag ? offset & 0xffffff : offset
}

export function memberBitfieldSize(kflag: boolean, offset: number): number {
  return kflag ? offset >>> 24 : 0
}

export const BTF_MAGIC = 0xeb9f
export const BTF_VERSION = 1
/** struct btf_header of 6.12: magic..str_len. */
export const HEADER_V1_BYTES = 24
/** 7.2's adds layout_off and layout_len (the kind layout section, 2026). */
export const HEADER_LAYOUT_BYTES = 32
/** BTF_MAX_TYPE, BTF_MAX_NAME_OFFSET (uapi btf.h). */
export const MAX_TYPE_ID = 0xfffff
export const MAX_NAME_OFFSET = 0xffffff
