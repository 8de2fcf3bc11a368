import { constants } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { realFs, type StoreFs } from '../../electron/core/store/fs'

/**
 * A file operation the faulty filesystem can make fail. 'datasync' is the flush to disk: the
 * datasync call, or on a handle opened with O_DSYNC the write (after its bytes land).
 */
export type FaultPoint = 'write' | 'datasync' | 'sync' | 'rename' | 'open' | 'truncate'

/** How a fault fails: a Node error code, and whether a write lands half its bytes first. */
export interface Fault {
  code: 'ENOSPC' | 'EROFS' | 'EPERM' | 'EIO'
  at: ReadonlySet<FaultPoint>
  /** Only for paths that contain this text (e.g. 'vouch.journal' or '.tmp'). */
  pathIncludes?: string
  /** A failing write first writes half its data, as a disk that fills up mid-write does. */
  partialWrite?: boolean
  /** Fail this many times, then work again; unlimited when absent. */
  times?: number
}

/** A filesystem over the real one that fails like a full or read-only disk while a fault is set. */
export interface FaultyFs {
  fs: StoreFs
  /** Start failing (replacing any earlier fault), or stop with null: "the disk was fixed". */
  set: (fault: Fault | null) => void
  /** How many operations failed so far. */
  readonly failures: number
}

function systemError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall} '${path}'`), {
    code,
    syscall,
    path,
  })
}

/** Build a filesystem whose handles and renames fail on demand. */
export function faultyFs(): FaultyFs {
  let fault: Fault | null = null
  let failures = 0

  const shouldFail = (point: FaultPoint, path: string): Fault | null => {
    if (!fault || !fault.at.has(point)) return null
    if (fault.pathIncludes !== undefined && !path.includes(fault.pathIncludes)) return null
    if (fault.times !== undefined && fault.times <= 0) return null
    if (fault.times !== undefined) fault = { ...fault, times: fault.times - 1 }
    failures++
    return fault
  }

  // `dsync`: opened with O_DSYNC (or O_SYNC), so each write includes the flush to disk.
  const wrapHandle = (handle: FileHandle, path: string, dsync: boolean): FileHandle =>
    new Proxy(handle, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target)
        if (typeof value !== 'function') return value
        const point =
          property === 'write' || property === 'writeFile'
            ? 'write'
            : property === 'datasync' || property === 'sync' || property === 'truncate'
              ? property
              : null
        return async (...args: unknown[]): Promise<unknown> => {
          const failing = point ? shouldFail(point, path) : null
          if (failing) {
            const [data] = args
            if (point === 'write' && failing.partialWrite) {
              const bytes = typeof data === 'string' ? Buffer.from(data) : data
              if (bytes instanceof Uint8Array && bytes.length > 1) {
                await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
              }
            }
            throw systemError(failing.code, String(property), path)
          }
          const result: unknown = await Reflect.apply(value, target, args)
          // With O_DSYNC the flush is part of the write: a 'datasync' fault fails the write
          // after its bytes reached the file, as a flush that fails does.
          const flushFailing = point === 'write' && dsync ? shouldFail('datasync', path) : null
          if (flushFailing) throw systemError(flushFailing.code, String(property), path)
          return result
        }
      },
    })

  const fs: StoreFs = {
    ...realFs,
    open: async (path, flags, mode) => {
      const name = String(path)
      // Opening a folder to fsync it, or a file to read it, still works on a full disk.
      const writing =
        typeof flags === 'number'
          ? (flags & (constants.O_WRONLY | constants.O_RDWR)) !== 0
          : typeof flags === 'string' && /[wa+]/.test(flags)
      const failing = writing ? shouldFail('open', name) : null
      if (failing) throw systemError(failing.code, 'open', name)
      const oDsync: number | undefined = constants.O_DSYNC
      const dsync = typeof flags === 'number' && oDsync !== undefined && (flags & oDsync) !== 0
      return wrapHandle(await realFs.open(path, flags, mode), name, dsync)
    },
    rename: async (from, to) => {
      const failing = shouldFail('rename', `${String(from)} -> ${String(to)}`)
      if (failing) throw systemError(failing.code, 'rename', String(from))
      return realFs.rename(from, to)
    },
  }

  return {
    fs,
    set(next) {
      fault = next
    },
    get failures() {
      return failures
    },
  }
}
