import { afterEach, beforeEach } from 'vitest'
import { openCore, type Core, type CoreOptions } from '../../electron/core'
import { makeTempDir } from './tempDir'

/** A fresh data folder for each test, and the cores a test opens on it. */
export interface TempCores {
  /** This test's data folder. */
  readonly dir: string
  /** Opens a core on this test's folder, with the suite's defaults and then `extra`. */
  open: (extra?: Partial<CoreOptions>) => Promise<Core>
  /** Closes one core now (to reopen the folder, or to read what it left). */
  close: (core: Core) => Promise<void>
  /** Closes every core still open. */
  closeAll: () => Promise<void>
}

/**
 * Registers beforeEach/afterEach hooks: each test gets its own temp folder; every core it
 * opened is closed and the folder removed after it. `defaults` is read at each open, so it may
 * name a clock the test moves.
 */
export function useTempCores(defaults: () => Partial<CoreOptions> = () => ({})): TempCores {
  let folder: { dir: string; remove: () => Promise<void> } | null = null
  const cores: Core[] = []
  const closeAll = async () => {
    for (const core of cores.splice(0)) await core.close()
  }
  beforeEach(async () => {
    folder = await makeTempDir()
  })
  afterEach(async () => {
    await closeAll()
    await folder?.remove()
    folder = null
  })
  const dir = () => {
    if (folder === null) throw new Error('useTempCores: the folder exists only inside a test')
    return folder.dir
  }
  return {
    get dir() {
      return dir()
    },
    async open(extra = {}) {
      const core = await openCore({ dataDir: dir(), ...defaults(), ...extra })
      cores.push(core)
      return core
    },
    async close(core) {
      const at = cores.indexOf(core)
      if (at >= 0) cores.splice(at, 1)
      await core.close()
    },
    closeAll,
  }
}
