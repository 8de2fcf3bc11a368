import { z } from 'zod'
import { ContactFields, LIMITS } from './domain'

// Checks on what a person types into a form. They live in the contract's input schemas only:
// the stored Contact schema stays lenient, so files written before these checks still load.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u
// A web address with or without its scheme: "https://example.com/x" or "linkedin.com/in/ada".
const WEB_ADDRESS = /^(https?:\/\/)?([\p{L}\p{N}-]+\.)+[\p{L}]{2,}(:\d{1,5})?([/?#]\S*)?$/iu

/** An email address as typed: empty, or something@somewhere.tld. */
export const EmailInput = z
  .string()
  .trim()
  .max(LIMITS.email, `An email address is at most ${LIMITS.email} characters`)
  .refine((text) => text === '' || EMAIL.test(text), {
    message: 'This is not an email address. Write it like name@example.com',
  })

/** One link as typed: a web address, with or without https://. */
export const LinkInput = z
  .string()
  .trim()
  .max(LIMITS.url, `A link is at most ${LIMITS.url} characters`)
  .refine((text) => WEB_ADDRESS.test(text), {
    message: 'Links must be web addresses, like https://example.com',
  })

/** The editable fields with the form checks: what contact.create and contact.update accept. */
export const ContactFieldsInput = ContactFields.extend({
  email: EmailInput,
  links: z.array(LinkInput).max(LIMITS.links, `At most ${LIMITS.links} links`),
})
