import { randomBytes } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { DomainError } from '@shared/result'
import { errorCode, type StoreFs } from './fs'

const LockInfo = z.object({
  pid: z.number().int(),
  host: z.string(),
  bootedAt: z.number(),
  token: z.string(),
})
type LockInfo = z.infer<typeof LockInfo>

/** Whether a process exists. EPERM means it exists but belongs to someone else. */
export function defaultIsProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

/** When this machine booted, to the second; a lock from an earlier boot is stale even if its pid is reused. */
function bootedAt(): number {
  return Math.round((Date.now() - uptime() * 1000) / 1000)
}

/**
 * An exclusive lock on a data folder: `vouch.lock` holds the owner's pid, host and boot time.
 * A lock whose process is gone (or from before a reboot) is stale and taken over.
 */
export class FolderLock {
  private readonly token = randomBytes(8).toString('hex')

  private constructor(
    private readonly fs: StoreFs,
    readonly file: string,
  ) {}

  static async acquire(
    fs: StoreFs,
    dir: string,
    isAlive: (pid: number) => boolean,
  ): Promise<FolderLock> {
    const lock = new FolderLock(fs, join(dir, 'vouch.lock'))
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      bootedAt: bootedAt(),
      token: lock.token,
    }
    const temp = join(dir, `.vouch.lock.${process.pid}.${lock.token}.tmp`)
    const handle = await fs.open(temp, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(info))
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          // link() creates the lock with its content in one step, and fails if a lock exists.
          await fs.link(temp, lock.file)
          return lock
        } catch (error) {
          if (errorCode(error) !== 'EEXIST') throw error
        }
        const holder = await readLock(fs, lock.file)
        if (holder && isLive(holder, isAlive)) {
          throw new DomainError(
            'locked',
            `Vouch is already open on this data folder (process ${holder.pid}). Close the other window first.`,
          )
        }
        await fs.unlink(lock.file).catch((e: unknown) => {
          if (errorCode(e) !== 'ENOENT') throw e
        })
      }
      throw new DomainError(
        'locked',
        'Could not lock the data folder: another Vouch keeps taking it.',
      )
    } finally {
      await fs.unlink(temp).catch(() => undefined)
    }
  }

  /** Release the lock if it is still ours. */
  async release(): Promise<void> {
    const holder = await readLock(this.fs, this.file)
    if (holder?.token === this.token) await this.fs.unlink(this.file).catch(() => undefined)
  }
}

async function readLock(fs: StoreFs, file: string): Promise<LockInfo | null> {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(await fs.readFile(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    // Missing or unreadable: a process died while writing it, so it protects nothing.
    return null
  }
}

function isLive(holder: LockInfo, isAlive: (pid: number) => boolean): boolean {
  if (holder.host !== hostname()) return true // another machine on a shared folder: never steal
  if (Math.abs(holder.bootedAt - bootedAt()) > 120) return false
  return isAlive(holder.pid)
}
