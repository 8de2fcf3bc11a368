import { readFile } from 'node:fs/promises'
import { z } from 'zod'

/** vouch.json as tests read it: the fields they look at, typed; every other field kept as it is. */
export const StoredJson = z.looseObject({
  schemaVersion: z.number(),
  seq: z.number(),
  contacts: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  importBatches: z.array(z.looseObject({ id: z.string() })),
})

/** vouch.lock as tests read it. */
export const LockJson = z.looseObject({ pid: z.number() })

/** A JSON file parsed and checked against a schema, so a test reads typed fields, not `any`. */
export async function readJson<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  return schema.parse(JSON.parse(await readFile(path, 'utf8')))
}
