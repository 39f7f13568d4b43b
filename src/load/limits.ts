/**
 * Resource bounds for untrusted build trees. A kernel module is at most tens of MiB even with
 * full debug info; vmlinux with DWARF stays below a few GiB and is never read whole.
 */
export const LIMITS = {
  /** Largest module file (compressed or not) we read. */
  maxModuleBytes: 256 * 1024 * 1024,
  /**
   * Largest size a compressed module may expand to (a bomb beyond this is refused): the same as
   * an uncompressed module may have. Node's gunzip and zstd collect chunks and then join them,
   * so decompressing takes twice this at the peak; at 512 MiB a fuzzed gzip went over the
   * 1,536 MiB memory cap of FUZZING.md.
   */
  maxDecompressedBytes: 256 * 1024 * 1024,
  /**
   * Objects and arrays in one JSON file read back (snapshots, reports): parsed, each takes some
   * 60 bytes, so 55 MB of nested `[[0]]` (27 million arrays, a fuzz input) took 1.6 GiB and
   * 4.5 s in JSON.parse alone. A Debian 6.12 report holds 160,000, its snapshot 44,000.
   */
  maxJsonContainers: 2_000_000,
  /** Nesting depth of such JSON (reports nest 10 deep, snapshots 6). */
  maxJsonDepth: 64,
  /** Largest kernel a boot image (bzImage, Image.gz, zboot) may unpack to: one file, not thousands. */
  maxKernelImageBytes: 512 * 1024 * 1024,
  /**
   * Largest text artifact (System.map, Module.symvers, symbol lists, .config). A parsed System.map
   * takes about five times its size (a 128 MiB map, 3.1 million lines, holds ~660 MiB) and the
   * kallsyms check reads several; Debian's 6.12 System.map is 7 MB, allyesconfig's some 40 MB.
   */
  maxTextBytes: 128 * 1024 * 1024,
  /**
   * Largest range read from a file at once: a section of vmlinux (the biggest one read, .rodata
   * or .symtab, is tens of MiB; .debug_info is never read whole), a raw BTF file, a boot image.
   * A sparse file with a section header claiming gigabytes is refused instead of allocated.
   */
  maxReadBytes: 512 * 1024 * 1024,
  /**
   * Wall-clock limit for one module in a worker: reading, decompressing, every analyzer. The
   * slowest real module (Debian 6.12's largest, BTF checked against vmlinux) takes about a
   * second; a module still busy after this is stopped and reported.
   */
  maxModuleMillis: 300_000,
  /** Largest number of modules in one build. */
  maxModules: 100_000
} as const
