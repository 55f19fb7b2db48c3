import { useEffect, useState } from 'react';
import { api } from './api.js';
import { describeChanges } from './versionDiff.js';

/** Published versions, newest first: each one's note, what it changed against the draft, and a way back to it. */
export function VersionsPanel({ flowId, draft, onRevert }) {
  const [versions, setVersions] = useState(null);
  const [open, setOpen] = useState(null);
  const [changes, setChanges] = useState([]);
  const [error, setError] = useState(null);

  useEffect(() => { api.versions(flowId).then(setVersions).catch((e) => setError(e.message)); }, [flowId]);

  const compare = async (version) => {
    if (open === version) { setOpen(null); return; }
    try {
      const stored = await api.version(flowId, version);
      setChanges(describeChanges(stored.definition, draft));
      setOpen(version);
    } catch (e) { setError(e.message); }
  };

  if (error) return <p role="alert" className="error">{error}</p>;
  if (versions === null) return <p>Loading…</p>;
  if (versions.length === 0) return <p className="hint">Not published yet: the first publish makes version 1.</p>;
  return (
    <ol className="versions" aria-label="Published versions">
      {versions.map((v) => (
        <li key={v.version}>
          <div><strong>Version {v.version}</strong> <time dateTime={v.publishedAt}>{new Date(v.publishedAt).toLocaleString()}</time></div>
          <div className="hint">{v.note || 'No note'}</div>
          <button type="button" onClick={() => compare(v.version)} aria-expanded={open === v.version}>
            {open === v.version ? 'Hide changes' : 'What the draft changes'}</button>
          <button type="button" onClick={() => onRevert(v.version)}>Revert the draft to this version</button>
          {open === v.version && (changes.length
            ? <ul className="changes">{changes.map((c) => <li key={c}>{c}</li>)}</ul>
            : <p className="hint">The draft is the same as this version.</p>)}
        </li>
      ))}
    </ol>
  );
}
