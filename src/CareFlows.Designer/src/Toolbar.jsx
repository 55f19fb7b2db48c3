/** The editor's actions on the whole flow. */
export function Toolbar({ flow, note, onNote, faultCount, actions }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Flow actions">
      <a href="#/">← Flows</a>
      <strong className="flow-name">{flow.name || flow.id}</strong>
      <span className={`state state-${flow.state}`}>{flow.state}{flow.publishedVersion ? ` v${flow.publishedVersion}` : ''}</span>
      <button type="button" onClick={actions.undo}>Undo</button>
      <button type="button" onClick={actions.redo}>Redo</button>
      <button type="button" onClick={actions.layout}>Auto-layout</button>
      <button type="button" onClick={actions.fit}>Zoom to fit</button>
      <button type="button" onClick={actions.save}>Save draft</button>
      <input aria-label="Version note" placeholder="What changed (for the history)" value={note} onChange={(e) => onNote(e.target.value)} />
      <button type="button" className="primary" onClick={actions.publish} disabled={faultCount > 0} title={faultCount ? 'Fix the problems first' : 'Publish a new version'}>Publish</button>
      <button type="button" onClick={actions.exportFile}>Export</button>
      <button type="button" onClick={actions.toggleEnabled}>{flow.state === 'disabled' ? 'Enable' : 'Disable'}</button>
    </div>
  );
}
