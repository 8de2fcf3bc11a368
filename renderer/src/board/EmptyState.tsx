/** What a new user sees before adding anyone: the four habits of keeping references. */
export function EmptyState({ onAddFirst }: { onAddFirst: () => void }) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <h2 id="empty-state-title">Build references before you need them</h2>
      <ol className="empty-steps">
        <li>
          <strong>Identify</strong> the people who value your work and are credible in your field.
        </li>
        <li>
          <strong>Build</strong> the relationship.
        </li>
        <li>
          <strong>Keep in touch</strong> with updates.
        </li>
        <li>
          <strong>Thank them</strong> promptly after each reference.
        </li>
      </ol>
      <button type="button" className="button button-primary" onClick={onAddFirst}>
        Add your first person
      </button>
    </section>
  )
}
