// Setup of the dom project (vitest.config.ts): findBy… and waitFor wait up to 10 s, like
// Playwright's expect, instead of Testing Library's 1 s. Renderer tests run against the real
// core, which fsyncs every command; with the other stages of `npm test` sharing two cores, one
// second was not always enough for a save and a render (a menu test failed so under load).
import { configure } from '@testing-library/dom'

configure({ asyncUtilTimeout: 10_000 })
