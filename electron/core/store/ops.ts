import { z } from 'zod'
import { CareerUpdate, Contact, Id, Interaction, ReferenceRequest, Settings } from '@shared/domain'
import { ImportBatch, ReminderState } from './schema'

const PutOp = z.discriminatedUnion('coll', [
  z.object({ op: z.literal('put'), coll: z.literal('contacts'), value: Contact }),
  z.object({ op: z.literal('put'), coll: z.literal('interactions'), value: Interaction }),
  z.object({ op: z.literal('put'), coll: z.literal('requests'), value: ReferenceRequest }),
  z.object({ op: z.literal('put'), coll: z.literal('updates'), value: CareerUpdate }),
  z.object({ op: z.literal('put'), coll: z.literal('importBatches'), value: ImportBatch }),
])

/** One change to the stored state. Puts carry whole records, so replay is idempotent. */
export const Op = z.union([
  PutOp,
  z.object({
    op: z.literal('delete'),
    coll: z.enum(['contacts', 'interactions', 'requests', 'updates', 'importBatches']),
    id: Id,
  }),
  z.object({ op: z.literal('settings'), value: Settings }),
  z.object({ op: z.literal('reminders'), value: ReminderState }),
])
export type Op = z.infer<typeof Op>

/** A line of the journal: the ops of one acknowledged command. */
export const JournalEntry = z.object({ seq: z.number().int().min(1), ops: z.array(Op) })
export type JournalEntry = z.infer<typeof JournalEntry>

export type CollectionName = 'contacts' | 'interactions' | 'requests' | 'updates' | 'importBatches'
