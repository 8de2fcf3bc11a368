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
      for (let attempt = 0; attempt < 100; attempt++) {
        try {
          // link() creates the lock with its content in one step, and fails if a lock exists.
          await fs.link(temp, lock.file)
          return lock
        } catch (error) {
          if (errorCode(error) !== 'EEXIST') throw error
        }
        const holder = await readLock(fs, lock.file)
        if (holder && isLive(holder, isAlive)) throw alreadyOpen(holder)
        // Stale. Deleting it by name races: an opener that read the same stale lock a moment
        // later would delete the lock we are about to take, and both would win. So only the
        // holder of a takeover guard deletes the lock, after reading it again under the guard.
        const guard = join(dir, 'vouch.lock.takeover')
        try {
          await fs.link(temp, guard)
        } catch (error) {
          if (errorCode(error) !== 'EEXIST') throw error
          const guardHolder = await readLock(fs, guard)
          if (guardHolder && isLive(guardHolder, isAlive)) {
            // Another opener is taking over right now; look again in a moment.
            await new Promise((r) => setTimeout(r, 10))
          } else {
            // Left by an opener that died during its takeover.
            await removeStaleLock(fs, dir, guard, guardHolder, lock.token)
          }
          continue
        }
        try {
          const current = await readLock(fs, lock.file)
          if (current && isLive(current, isAlive)) throw alreadyOpen(current)
          await fs.unlink(lock.file).catch((e: unknown) => {
            if (errorCode(e) !== 'ENOENT') throw e
          })
        } finally {
          await fs.unlink(guard).catch(() => undefined)
        }
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

/**
 * Remove a takeover guard left by a dead opener, but never a fresh one another opener took
 * since it was read: move it aside (atomic), check it is the one judged stale, and put it
 * back if it is not.
 */
async function removeStaleLock(
  fs: StoreFs,
  dir: string,
  file: string,
  stale: LockInfo | null,
  token: string,
): Promise<void> {
  // Named like a lock temp, so removeStaleTemps cleans it up if this process dies right here.
  const aside = join(dir, `.vouch.lock.${process.pid}.${token}.stale.tmp`)
  try {
    await fs.rename(file, aside)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return // someone else removed it: try again
    throw error
  }
  const moved = await readLock(fs, aside)
  if (moved !== null && moved.token !== stale?.token) {
    // A live opener's lock: restore it (link fails only if yet another opener got in between).
    await fs.link(aside, file).catch(() => undefined)
  }
  await fs.unlink(aside).catch(() => undefined)
}

function alreadyOpen(holder: LockInfo): DomainError {
  return new DomainError(
    'locked',
    `Vouch is already open on this data folder (process ${holder.pid}). Close the other window first.`,
  )
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
