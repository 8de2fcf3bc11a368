import { describe, expect, it } from 'vitest'
import { notificationClickEvent } from './clickEvent'
import { groupedAlertNotification, weeklyReviewNotification } from './digest'

describe('notificationClickEvent', () => {
  it('opens the weekly review for its notification, on time or late', () => {
    expect(notificationClickEvent(weeklyReviewNotification(false))).toEqual({ type: 'open-review' })
    expect(notificationClickEvent(weeklyReviewNotification(true))).toEqual({ type: 'open-review' })
  })

  it('opens the contact an alert names', () => {
    expect(notificationClickEvent({ kind: 'thanks-owed', contactId: 'c1' })).toEqual({
      type: 'open-contact',
      contactId: 'c1',
    })
    expect(notificationClickEvent({ kind: 'request-due', contactId: '__proto__' })).toEqual({
      type: 'open-contact',
      contactId: '__proto__',
    })
  })

  it('opens nothing beyond the window for a digest or a grouped alert', () => {
    expect(notificationClickEvent({ kind: 'digest' })).toBeNull()
    expect(notificationClickEvent(groupedAlertNotification('thanks-owed', [], false))).toBeNull()
  })
})
