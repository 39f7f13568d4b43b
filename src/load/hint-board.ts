import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'

/** Analyzer id -> module name -> what a check told that analyzer about the module. */
export type HintTable = Map<string, ReadonlyMap<string, unknown>>

/**
 * What checks tell the module analyzers (Build.hint), delivered to workers already running:
 * each worker has a port of its own and drains it before each module, so a hint reaches every
 * module not yet analyzed, including those queued in the worker before the hint was given.
 */
export class HintBoard {
  readonly table: HintTable = new Map()
  private readonly ports = new Set<MessagePort>()

  set(analyzer: string, byModule: ReadonlyMap<string, unknown>): void {
    this.table.set(analyzer, byModule)
    for (const p of this.ports) p.postMessage([analyzer, byModule])
  }

  /** A new channel for a worker: its end (every hint so far already queued), and how to close it. */
  connect(): { port: MessagePort; disconnect: () => void } {
    const { port1, port2 } = new MessageChannel()
    this.ports.add(port1)
    for (const entry of this.table) port1.postMessage(entry)
    return {
      port: port2,
      disconnect: () => {
        this.ports.delete(port1)
        port1.close()
      }
    }
  }
}

/** A worker's view of the board: the hints that have arrived so far. */
export class HintReader {
  private readonly table: HintTable
  private readonly port: MessagePort | undefined

  constructor(source: MessagePort | HintTable | undefined) {
    this.port = source && !(source instanceof Map) ? source : undefined
    this.table = source instanceof Map ? source : new Map()
  }

  /** Every hint so far (analyzer id -> module name -> hint); takes in what the port holds first. */
  read(): HintTable {
    if (this.port) {
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const [id, byModule] = m.message as [string, ReadonlyMap<string, unknown>]
        this.table.set(id, byModule)
      }
    }
    return this.table
  }
}
