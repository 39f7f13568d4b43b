import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici'
import { TOOL_VERSION } from '../report/schema.ts'

export type GitHub = InstanceType<typeof Octokit>

export interface ClientOptions {
  token: string
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string
  /** Per request, headers and body included. */
  timeoutMs?: number
  /** Longest wait for a rate limit to reset before giving up (seconds). */
  maxRateLimitWaitS?: number
  log?: (message: string) => void
}

const RetryingOctokit = Octokit.plugin(retry, throttling)

/**
 * Octokit as the Action uses it: retries 5xx with backoff, waits out primary and secondary rate
 * limits (twice at most, and only when the wait is short), goes through HTTP(S)_PROXY/NO_PROXY,
 * and gives up on a request after a timeout. The token only ever goes into the auth header.
 */
export function createClient(opts: ClientOptions): GitHub {
  const timeoutMs = opts.timeoutMs ?? 30_000
  const maxWait = opts.maxRateLimitWaitS ?? 120
  const log = opts.log ?? (() => undefined)
  const dispatcher = new EnvHttpProxyAgent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, 10_000)
  })
  const fetchWithTimeout = (url: string | URL, init: RequestInit = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    // undici's own fetch, so its dispatcher (proxy, timeouts) applies whatever Node bundles.
    return undiciFetch(url, { ...(init as object), signal, dispatcher } as Parameters<
      typeof undiciFetch
    >[1]) as unknown as Promise<Response>
  }
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      const what = `${options.method ?? 'GET'} ${options.url ?? ''}`
      if (retryCount < 2 && retryAfter <= maxWait) {
        log(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s`)
        return true
      }
      log(`GitHub ${kind} rate limit on ${what}: giving up (reset in ${retryAfter} s)`)
      return false
    }
  return new RetryingOctokit({
    auth: opts.token,
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    userAgent: `kbuild-review/${TOOL_VERSION}`,
    request: { fetch: fetchWithTimeout },
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] }
  })
}
