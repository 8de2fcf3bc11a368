import { QueryStore, useQuery } from '../store/queries'

/** board.summary without a filter: the navigation's Inbox and Archive counts. */
export const triageSummaryStore = new QueryStore('board.summary', {}, ['contacts'])

/** How many people are in the Inbox, kept and archived (null before the first answer). */
export function useTriageCounts(): { inbox: number; kept: number; archived: number } | null {
  return useQuery(triageSummaryStore).value?.triage ?? null
}
