import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Request validation against GitHub's published OpenAPI description (@octokit/openapi,
 * api.github.com): the route and method must exist, path and query parameters must be known
 * and match their schemas, required ones present, and a JSON body must match the operation's
 * request body schema. Every problem is returned as a sentence.
 */

type Json = Record<string, unknown>

interface Param {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Json
}

interface Operation {
  operationId: string
  method: string
  template: string
  regex: RegExp
  names: string[]
  params: Param[]
  body: { required: boolean; schema: Json | null } | null
}

const require = createRequire(import.meta.url)
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

export class OpenApi {
  private readonly ops: Operation[] = []
  private readonly ajv: Ajv
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor() {
    const path = require.resolve('@octokit/openapi/generated/api.github.com.json')
    const spec = JSON.parse(readFileSync(path, 'utf8')) as {
      paths: Record<string, Record<string, Json>>
      components: Json
    }
    this.ajv = new Ajv({ strict: false, allErrors: true, discriminator: false, validateSchema: false })
    addFormats(this.ajv)
    this.ajv.addSchema({ $id: 'gh', components: spec.components } as Json)
    const components = spec.components as { parameters: Record<string, Param> }
    for (const [template, item] of Object.entries(spec.paths)) {
      const names: string[] = []
      const regex = new RegExp(
        '^' +
          template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, n: string) => {
            names.push(n)
            return '([^/]+)'
          }) +
          '$'
      )
      for (const [method, raw] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue
        const op = raw as Json
        const params = [
          ...((item.parameters as unknown as Param[] | undefined) ?? []),
          ...((op.parameters as Param[] | undefined) ?? [])
        ].map(p => {
          const ref = (p as unknown as { $ref?: string }).$ref
          return ref ? components.parameters[ref.split('/').pop()!]! : p
        })
        const rb = op.requestBody as
          { required?: boolean; content?: Record<string, { schema?: Json }> } | undefined
        const body = rb
          ? { required: !!rb.required, schema: rb.content?.['application/json']?.schema ?? null }
          : null
        this.ops.push({
          operationId: String(op.operationId),
          method: method.toUpperCase(),
          template,
          regex,
          names,
          params,
          body
        })
      }
    }
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let v = this.compiled.get(key)
    if (!v) {
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"gh#/')) as Json
      v = this.ajv.compile(rewritten)
      this.compiled.set(key, v)
    }
    return v
  }

  private checkValue(
    key: string,
    schema: Json | undefined,
    raw: string,
    what: string,
    problems: string[]
  ): void {
    if (!schema) return
    let value: unknown = raw
    const type = schema.type
    if (type === 'integer' || type === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(raw)) {
        problems.push(`${what}: "${raw}" is not a ${type}`)
        return
      }
      value = Number(raw)
    } else if (type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw
    const v = this.validator(key, schema)
    if (!v(value)) problems.push(`${what}: ${this.ajv.errorsText(v.errors)}`)
  }

  /** The operation for a request, and everything wrong with the request. */
  check(
    method: string,
    url: URL,
    body: unknown,
    hasBody: boolean
  ): { operation: Operation | null; params: Record<string, string>; problems: string[] } {
    const path = url.pathname
    const candidates = this.ops.filter(o => o.method === method && o.regex.test(path))
    // Prefer the most literal template (/pulls/comments over /pulls/{pull_number}).
    candidates.sort((a, b) => a.names.length - b.names.length)
    const op = candidates[0]
    if (!op)
      return {
        operation: null,
        params: {},
        problems: [`${method} ${path}: no such operation in the OpenAPI description`]
      }
    const problems: string[] = []
    const m = op.regex.exec(path)!
    const params: Record<string, string> = {}
    op.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)))
    for (const p of op.params.filter(x => x.in === 'path'))
      this.checkValue(
        `${op.operationId}:path:${p.name}`,
        p.schema,
        params[p.name] ?? '',
        `path parameter ${p.name}`,
        problems
      )
    const query = op.params.filter(x => x.in === 'query')
    for (const [k, v] of url.searchParams) {
      const p = query.find(q => q.name === k)
      if (!p) problems.push(`${op.operationId}: unknown query parameter ${k}`)
      else this.checkValue(`${op.operationId}:query:${k}`, p.schema, v, `query parameter ${k}`, problems)
    }
    for (const p of query)
      if (p.required && !url.searchParams.has(p.name))
        problems.push(`${op.operationId}: missing query parameter ${p.name}`)
    if (op.body) {
      if (!hasBody) {
        if (op.body.required) problems.push(`${op.operationId}: request body required`)
      } else if (op.body.schema) {
        const v = this.validator(`${op.operationId}:body`, op.body.schema)
        if (!v(body)) problems.push(`${op.operationId} body: ${this.ajv.errorsText(v.errors)}`)
      }
    } else if (hasBody && method !== 'GET') problems.push(`${op.operationId}: takes no request body`)
    return { operation: op, params, problems: problems.map(p => `${method} ${path}: ${p}`) }
  }
}
