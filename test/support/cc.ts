import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Compiles C source to a relocatable object with the system compiler (real ELF, made fresh). */
export function compileObject(dir: string, name: string, source: string, flags: string[] = []): Buffer {
  const c = join(dir, `${name}.c`)
  const o = join(dir, `${name}.o`)
  writeFileSync(c, source)
  execFileSync('cc', ['-c', '-O1', ...flags, '-o', o, c])
  return readFileSync(o)
}

export const SAMPLE_C = `
int counter;
static int hidden = 3;
const char banner[] = "hello";
__attribute__((weak)) int weak_fn(void) { return 1; }
extern int imported(int);
static int local_fn(int x) { return imported(x) + hidden; }
int exported_fn(int x) { counter++; return local_fn(x) + weak_fn(); }
__thread int tls_var;
`
