import { useState } from 'react'
import { format } from 'date-fns'
import { updatesStore, useQuery } from '../store/queries'
import { Field, FormError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'
import { PageHeader } from '../ui/PageHeader'
import { Composer } from './Composer'
import '../workflow/workflow.css'

/** Career updates: write one, then compose personal messages to chosen references. */
export function UpdatesView() {
  const updates = useQuery(updatesStore).value ?? []
  const [selected, setSelected] = useState<string | null>(null)
  const update = updates.find((u) => u.id === selected) ?? updates[0] ?? null
  return (
    <div className="view" data-testid="updates-view">
      <PageHeader title="Updates" subtitle="Share career news with the people who vouch for you" />
      <div className="view-body">
        <NewUpdateForm onCreated={setSelected} />
        {updates.length > 0 && (
          <section className="workflow-section" aria-label="Your updates">
            <h2>Your updates</h2>
            <ul className="workflow-list">
              {updates.map((u) => (
                <li key={u.id} className="workflow-item">
                  <div className="workflow-item-main">
                    <strong>{u.title}</strong>{' '}
                    <span className="workflow-muted">{format(new Date(u.at), 'd MMM yyyy')}</span>
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    aria-pressed={update?.id === u.id}
                    onClick={() => setSelected(u.id)}
                  >
                    {update?.id === u.id ? 'Composing' : 'Compose'}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {update && <Composer key={update.id} update={update} latestId={updates[0]?.id ?? null} />}
      </div>
    </div>
  )
}

function NewUpdateForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const errors = useFormErrors(['title', 'body'] as const)
  const { busy, run } = useCommand(errors)
  const save = async () => {
    const result = await run('update.create', { title, body })
    if (!result?.ok) return
    setTitle('')
    setBody('')
    onCreated(result.value.id)
  }
  return (
    <form
      className="workflow-section form new-update"
      aria-label="New update"
      ref={errors.ref}
      onSubmit={errors.onSubmit(save)}
      noValidate
    >
      <h2>New update</h2>
      <FormError>{errors.summary}</FormError>
      <Field label="Title" {...errors.field('title')}>
        {(p) => (
          <input {...p} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <Field label="What happened" {...errors.field('body')}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          Save update
        </button>
      </div>
    </form>
  )
}
