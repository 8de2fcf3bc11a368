import type { Handlers } from '@shared/ipc'
import type { HandlerContext } from './context'

/** Handlers about the app itself. */
export function appHandlers(ctx: HandlerContext): Pick<Handlers, 'app.status'> {
  return { 'app.status': () => ctx.store.status() }
}
