import { Handle, Position } from '@xyflow/react';

/** One activity on the canvas: its label, its key settings, a handle per outcome port, and its faults. */
export function ActivityNode({ data, selected }) {
  const faults = data.faults ?? [];
  return (
    <div className={`node node-${data.category ?? 'action'}${selected ? ' selected' : ''}${faults.length ? ' faulty' : ''}${data.onPath ? ' on-path' : ''}`}
      aria-label={`${data.displayName || data.label}${faults.length ? `, ${faults.length} problem(s)` : ''}`}>
      {!data.isTrigger && <Handle type="target" position={Position.Top} />}
      <div className="node-type">{data.label}</div>
      <div className="node-id">{data.displayName || data.id}</div>
      {data.summary && <div className="node-summary">{data.summary}</div>}
      {data.stats && <div className="node-stats">{data.stats}</div>}
      {faults.map((f, i) => <div key={`${i}-${f}`} className="node-fault" role="note">⚠ {f}</div>)}
      <div className="ports">
        {data.ports.map((port, i) => (
          <Handle key={port} id={port} type="source" position={Position.Bottom} title={data.portLabels?.[port] ?? port}
            style={{ left: `${((i + 1) * 100) / (data.ports.length + 1)}%` }}>
            {data.ports.length > 1 && <span className="port-label">{data.portLabels?.[port] ?? port}</span>}
          </Handle>
        ))}
      </div>
    </div>
  );
}
