import { touchStatus } from '@shared/cadence'
import type { Contact } from '@shared/domain'
import { readinessScore } from '@shared/readiness'
import type { ContactInsight } from '@shared/workflowContract'
import type { Store } from '../store/store'
import { InsightCache } from './insightCache'
import type { TouchIndex } from './touchIndex'

/** Each contact's insight (touch status, readiness, last update heard), cached for the day. */
export class ContactInsights {
  private readonly cache: InsightCache

  constructor(
    private readonly store: Store,
    private readonly touches: TouchIndex,
  ) {
    this.cache = store.addIndex(new InsightCache())
  }

  /** The insight of a contact at `now`; `latestUpdateId` is the newest career update's id. */
  of(contact: Contact, now: Date, latestUpdateId: string | null): ContactInsight {
    const { state } = this.store
    return this.cache.get(contact, now, () => {
      const lastTouchAt = this.touches.lastTouchOf(contact.id)
      const heard = this.touches.lastUpdateHeard(contact.id, state.updates)
      return {
        contactId: contact.id,
        touch: touchStatus({ contact, lastTouchAt, now, settings: state.settings }),
        lastTouchAt,
        readiness: readinessScore({
          contact,
          interactions: this.touches.touchesOf(contact.id),
          latestUpdateId,
          now,
        }),
        lastUpdateHeard: heard === null ? null : { id: heard.id, title: heard.title, at: heard.at },
      }
    })
  }
}
