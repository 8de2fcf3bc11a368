import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { CoverageOutput } from '@shared/workflowContract'
import { call, subscribe } from '../api/client'
import '../workflow/workflow.css'
import { Field, FormError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { PageHeader } from '../ui/PageHeader'
import { useCommand } from '../ui/useCommand'

type Coverage = z.infer<typeof CoverageOutput>

/** Target skills × who can vouch for each; gaps highlighted, over-asked contacts flagged. */
export function CoverageView({ onOpenContact }: { onOpenContact: (id: string) => void }) {
  const [coverage, setCoverage] = useState<Coverage | null>(null)
  const [skills, setSkills] = useState<string | null>(null)
  const errors = useFormErrors(['targetSkills'] as const)
  const { busy, run } = useCommand(errors)

  useEffect(() => {
    let live = true
    const load = () => {
      void call('coverage.get', {}).then((result) => {
        if (live && result.ok) setCoverage(result.value)
      })
    }
    void call('settings.get', {}).then((result) => {
      if (live && result.ok) setSkills((s) => s ?? result.value.targetSkills.join(', '))
    })
    load()
    const unsubscribe = subscribe((event) => {
      if (event.type === 'changed') load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])

  const save = () => {
    const targetSkills = (skills ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    return run('settings.update', { targetSkills })
  }

  return (
    <div className="view" data-testid="coverage-view">
      <PageHeader title="Coverage" subtitle="Which skills your references can vouch for" />
      <div className="view-body">
        <form
          className="contact-form workflow-section"
          ref={errors.ref}
          onSubmit={errors.onSubmit(save)}
          noValidate
          aria-label="Target skills"
        >
          <Field
            label="Skills you want references to cover"
            hint="Separated by commas"
            {...errors.field('targetSkills')}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={skills ?? ''}
                onChange={(e) => setSkills(e.target.value)}
              />
            )}
          </Field>
          <FormError>{errors.summary}</FormError>
          <div>
            <button type="submit" className="button button-primary" disabled={busy}>
              Save skills
            </button>
          </div>
        </form>
        {coverage && coverage.rows.length > 0 && (
          <table className="coverage-table" aria-label="Coverage matrix">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col">Who can vouch</th>
              </tr>
            </thead>
            <tbody>
              {coverage.rows.map((row) => (
                <tr
                  key={row.skill}
                  className={row.gap ? 'coverage-gap' : undefined}
                  data-gap={row.gap}
                >
                  <th scope="row">{row.skill}</th>
                  <td>
                    {row.gap
                      ? 'Gap: nobody yet'
                      : row.contacts.map((c, i) => (
                          <span key={c.contactId}>
                            {i > 0 && ', '}
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => onOpenContact(c.contactId)}
                            >
                              {c.name}
                            </button>
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {coverage && coverage.rows.length === 0 && (
          <p className="workflow-muted">
            Add the skills you want references for to see who covers them.
          </p>
        )}
        {coverage && coverage.overAsked.length > 0 && (
          <section className="workflow-section" aria-label="Asked often">
            <h2>Asked often</h2>
            <ul className="workflow-list">
              {coverage.overAsked.map((o) => (
                <li key={o.contactId} className="workflow-item" data-testid="over-asked">
                  {o.name}: asked {o.askedCount} times in 12 months. Give them a rest.
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  )
}
