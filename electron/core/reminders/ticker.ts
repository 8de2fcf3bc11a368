import { commit, type HandlerContext } from '../handlers/context'
import type { ReminderIndex } from './engine'
import { planDeliveries } from './policy'
import {
  emptyDeliveryLog,
  parseDeliveryLog,
  type DeliveryLog,
  type VouchNotification,
} from './types'

/** Shows one notification; the shell passes an adapter to Electron's Notification. */
export type Notify = (notification: VouchNotification) => void

/**
 * Runs the delivery policy at the core's clock: works out what is due from the ReminderIndex,
 * asks planDeliveries what to show, persists the log, then hands the notifications to `notify`.
 */
export class ReminderTicker {
  /** The previous tick of this run; null after a launch, which planDeliveries treats as a wake. */
  private lastTickAt: string | null = null
  private parsedFrom: unknown = undefined
  private parsed: DeliveryLog = emptyDeliveryLog()

  constructor(
    private readonly ctx: HandlerContext,
    private readonly index: ReminderIndex,
    private readonly notify: Notify | undefined,
  ) {}

  /** One tick; callers run it on the core's serial queue. */
  async tick(): Promise<void> {
    const { ctx } = this
    const now = ctx.now()
    const due = this.index.dueAt(now)
    if (ctx.store.isReadOnly) {
      // Nothing can be recorded as delivered, so nothing is shown: it would repeat every minute.
      ctx.emit({ type: 'reminders', due: due.length })
      return
    }
    const log = this.currentLog()
    const result = planDeliveries({
      now,
      lastTickAt: this.lastTickAt,
      settings: ctx.store.state.settings,
      due,
      log,
    })
    // Writing only when the log changed keeps a quiet minute from rewriting the data file.
    if (result.log !== log || result.deliveries.length > 0) {
      // Persist before showing: a crash in between loses a notification rather than repeating it.
      await commit(ctx, [
        { op: 'reminders', value: { lastTickAt: now.toISOString(), log: result.log } },
      ])
    }
    this.lastTickAt = now.toISOString()
    for (const notification of result.deliveries) {
      try {
        this.notify?.(notification)
      } catch {
        // The shell reports its own failures (an in-app banner); the log already says delivered.
      }
    }
    ctx.emit({ type: 'reminders', due: due.length })
  }

  /** The persisted log, parsed once per change of the stored value. */
  private currentLog(): DeliveryLog {
    const raw = this.ctx.store.state.reminders.log
    if (raw !== this.parsedFrom) {
      this.parsed = parseDeliveryLog(raw) ?? emptyDeliveryLog()
      this.parsedFrom = raw
    }
    return this.parsed
  }
}
