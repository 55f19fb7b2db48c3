/** The editor's actions on the whole flow. */
export function Toolbar({ flow, note, onNote, faultCount, dirty, actions }) {
  const leave = (e) => {
    if (dirty && !window.confirm('You have unsaved changes. Leave this flow without saving them?')) e.preventDefault();
  };
  // A version is a promise to customers: it needs no problems, and a note saying what changed.
  const publishBlocked = faultCount > 0 ? 'Fix the problems first' : !note.trim() ? 'Write what changed first (the note beside this button)' : null;
  return (
    <div className="toolbar" role="toolbar" aria-label="Flow actions">
      <a href="#/" onClick={leave}>← Flows</a>
      <strong className="flow-name">{flow.name || flow.id}</strong>
      <span className={`state state-${flow.state}`}>{flow.state}{flow.publishedVersion ? ` v${flow.publishedVersion}` : ''}</span>
      <button type="button" onClick={actions.undo}>Undo</button>
      <button type="button" onClick={actions.redo}>Redo</button>
      <button type="button" onClick={actions.layout}>Auto-layout</button>
      <button type="button" onClick={actions.fit}>Zoom to fit</button>
      <button type="button" onClick={actions.save}>Save draft</button>
      <input aria-label="Version note" placeholder="What changed (for the history)" value={note} onChange={(e) => onNote(e.target.value)} />
      {dirty && <span className="unsaved">Unsaved changes</span>}
      <button type="button" className="primary" onClick={actions.publish} disabled={publishBlocked !== null} title={publishBlocked ?? 'Publish a new version'}>Publish</button>
      <button type="button" onClick={actions.exportFile}>Export</button>
      <button type="button" onClick={actions.toggleEnabled}>{flow.state === 'disabled' ? 'Enable' : 'Disable'}</button>
      <button type="button" onClick={actions.archive}>Archive</button>
    </div>
  );
}
