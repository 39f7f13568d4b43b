import { InputError } from '../model/errors.ts'
import type { BtfBaseRefPolicy, FailOn } from '../model/options.ts'
import type { OnClean } from './sticky.ts'

export type Mode = 'review' | 'analyze' | 'publish' | 'snapshot' | 'aggregate'

/** The Action's inputs (action.yml documents each), validated. */
export interface ActionInputs {
  mode: Mode
  token: string
  buildDir: string
  vmlinux: string
  systemMap: string
  moduleSymvers: string
  modulesDir: string
  btfBase: string
  kernelConfig: string
  /** '' (none), 'cache', or a directory / snapshot file. */
  baseline: string
  baselineDepth: number
  symbolLists: string[]
  extraModules: string[]
  strictSymbolList: boolean
  btfBaseRef: BtfBaseRefPolicy
  sizeBudget: string
  failOn: FailOn
  configKey: string
  comment: boolean
  reviewComments: boolean
  commentOnClean: OnClean
  annotations: boolean
  uploadArtifact: boolean
  reports: string
}

export type GetInput = (name: string) => string

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new InputError('bad-value', `input ${name}`, `"${value}" is not one of ${allowed.join(', ')}`)
  return value as T
}

function bool(name: string, value: string): boolean {
  const v = value.toLowerCase()
  if (['true', 'yes', 'on', '1'].includes(v)) return true
  if (['false', 'no', 'off', '0'].includes(v)) return false
  throw new InputError('bad-value', `input ${name}`, `"${value}" is not true or false`)
}

/** Multi-line or comma-separated lists; blank entries dropped. */
function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

/** Reads inputs through `get` (core.getInput on a runner); defaults match action.yml. */
export function readInputs(get: GetInput): ActionInputs {
  const v = (name: string, dflt: string) => get(name).trim() || dflt
  const depth = Number(v('baseline-depth', '50'))
  if (!Number.isInteger(depth) || depth < 1 || depth > 100)
    throw new InputError('bad-value', 'input baseline-depth', 'must be a whole number from 1 to 100')
  const configKey = v('config-key', 'default')
  if (configKey.length > 200)
    throw new InputError('bad-value', 'input config-key', 'longer than 200 characters')
  return {
    mode: oneOf('mode', v('mode', 'review'), [
      'review',
      'analyze',
      'publish',
      'snapshot',
      'aggregate'
    ] as const),
    token: get('github-token').trim(),
    buildDir: v('build-dir', '.'),
    vmlinux: v('vmlinux', ''),
    systemMap: v('system-map', ''),
    moduleSymvers: v('module-symvers', ''),
    modulesDir: v('modules-dir', ''),
    btfBase: v('btf-base', ''),
    kernelConfig: v('kernel-config', ''),
    baseline: v('baseline', ''),
    baselineDepth: depth,
    symbolLists: list(get('symbol-list')),
    extraModules: list(get('extra-modules')),
    strictSymbolList: bool('strict-symbol-list', v('strict-symbol-list', 'false')),
    btfBaseRef: oneOf('btf-base-ref', v('btf-base-ref', 'required-for-external'), [
      'required-for-external',
      'required',
      'off'
    ] as const),
    sizeBudget: v('size-budget', ''),
    failOn: oneOf('fail-on', v('fail-on', 'error'), ['error', 'warning', 'never'] as const),
    configKey,
    comment: bool('comment', v('comment', 'true')),
    reviewComments: bool('review-comments', v('review-comments', 'true')),
    commentOnClean: oneOf('comment-on-clean', v('comment-on-clean', 'update'), [
      'update',
      'delete',
      'collapse'
    ] as const),
    annotations: bool('annotations', v('annotations', 'true')),
    uploadArtifact: bool('upload-artifact', v('upload-artifact', 'true')),
    reports: v('reports', '')
  }
}
