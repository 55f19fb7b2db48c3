import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { addEdge, applyEdgeChanges, applyNodeChanges, Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { api } from './api.js';
import { autoLayout } from './layout.js';
import { createHistory, describeDuration, edgeId, faultsByActivity, newActivityId, setTarget, targetOf, toDefinition, toGraph } from './graph.js';
import { ActivityNode } from './ActivityNode.jsx';
import { PropertiesPanel } from './PropertiesPanel.jsx';
import { SimulationPanel } from './SimulationPanel.jsx';
import { VersionsPanel } from './VersionsPanel.jsx';
import { WatchPanel } from './WatchPanel.jsx';
import { describeStep } from './changes.js';

const nodeTypes = { activity: ActivityNode };

export function Editor(props) {
  return <ReactFlowProvider><Canvas {...props} /></ReactFlowProvider>;
}

function Canvas({ flowId }) {
  const flowApi = useReactFlow();
  const [types, setTypes] = useState([]);
  const [templates, setTemplates] = useState({});
  const [flow, setFlow] = useState(null);
  const [base, setBase] = useState(null);
  const [nodes, setNodes] = useState([]);
  const [edges, setEdges] = useState([]);
  const [selectedId, setSelectedId] = useState(null);
  const [faults, setFaults] = useState({ byActivity: {}, flow: [] });
  const [message, setMessage] = useState(null);
  const [error, setError] = useState(null);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState('properties');
  const [days, setDays] = useState(7);
  const [report, setReport] = useState(null);
  const history = useRef(createHistory());
  const revision = useRef(null);

  const typeOf = useCallback((name) => types.find((t) => t.name === name), [types]);
  const definition = useMemo(() => (base ? toDefinition(base, nodes, edges) : null), [base, nodes, edges]);

  const load = useCallback(async () => {
    const [t, tpl, f] = await Promise.all([api.activityTypes(), api.templates(), api.flow(flowId)]);
    setTypes(t);
    setTemplates(tpl);
    setFlow(f.flow);
    revision.current = f.flow.revision;
    const { activities, connections, ...rest } = f.draft;
    setBase(rest);
    const graph = toGraph(f.draft);
    setNodes(graph.nodes);
    setEdges(graph.edges);
    setFaults(faultsByActivity(f.draftFaults, f.draft));
  }, [flowId]);
  useEffect(() => { load().catch((e) => setError(e.message)); }, [load]);

  // Faults follow the graph as it is edited: validated on the server, shortly after each change.
  useEffect(() => {
    if (!definition) return undefined;
    const timer = setTimeout(() => {
      api.validate(definition).then((r) => setFaults(faultsByActivity(r.faults, definition))).catch(() => {});
    }, 300);
    return () => clearTimeout(timer);
  }, [definition]);

  // Step counts are read when the Watch tab opens (and when its period changes), and drawn on the nodes meanwhile.
  useEffect(() => {
    if (tab !== 'watch') return;
    setReport(null);
    api.steps(flowId, days).then(setReport).catch((e) => setError(e.message));
  }, [tab, days, flowId]);
  const stepCounts = useMemo(() => (tab === 'watch' && report ? Object.fromEntries(report.steps.map((s) => [s.activityId, s])) : {}), [tab, report]);

  const snapshot = () => ({ nodes, edges });
  const change = (nextNodes, nextEdges) => {
    history.current.record(snapshot());
    setNodes(nextNodes);
    setEdges(nextEdges);
  };

  const onNodesChange = useCallback((changes) => {
    if (changes.some((c) => c.type === 'remove')) history.current.record({ nodes, edges });
    setNodes((ns) => applyNodeChanges(changes, ns));
  }, [nodes, edges]);
  const onEdgesChange = useCallback((changes) => {
    if (changes.some((c) => c.type === 'remove')) history.current.record({ nodes, edges });
    setEdges((es) => applyEdgeChanges(changes, es));
  }, [nodes, edges]);
  const onConnect = useCallback((c) => {
    history.current.record({ nodes, edges });
    setEdges((es) => addEdge({ ...c, id: edgeId(c.source, c.sourceHandle ?? 'Done', c.target) }, es));
  }, [nodes, edges]);

  // Added from the palette by click or keyboard, an activity goes after the selected one, already connected to its
  // first free port; dropped with the mouse, it goes where it was dropped, unconnected.
  const addActivity = (typeName, position) => {
    const id = newActivityId(typeName, nodes.map((n) => n.id));
    const after = position ? null : viewNodes.find((n) => n.id === selectedId);
    const port = after?.data.ports.find((p) => !edges.some((e) => e.source === after.id && (e.sourceHandle ?? 'Done') === p));
    const below = nodes.reduce((max, n) => Math.max(max, n.position.y), -140) + 140;
    const at = position ?? (after ? { x: after.position.x, y: after.position.y + 140 } : { x: 0, y: below });
    const node = { id, type: 'activity', position: at, data: { type: typeName, properties: {} }, selected: true };
    const link = after && port ? [{ id: edgeId(after.id, port, id), source: after.id, sourceHandle: port, target: id }] : [];
    change([...nodes.map((n) => ({ ...n, selected: false })), node], [...edges, ...link]);
    setSelectedId(id);
    if (!position) setTimeout(() => flowApi.fitView({ maxZoom: 1, duration: 200 }), 0);
  };

  const onDrop = (e) => {
    e.preventDefault();
    const typeName = e.dataTransfer.getData('application/careflows-activity');
    if (typeName) addActivity(typeName, flowApi.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  const undo = () => { const s = history.current.undo(snapshot()); if (s) { setNodes(s.nodes); setEdges(s.edges); } };
  const redo = () => { const s = history.current.redo(snapshot()); if (s) { setNodes(s.nodes); setEdges(s.edges); } };
  useEffect(() => {
    const onKey = (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.target.closest('input, select, textarea')) return;
      if (e.key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      if (e.key === 'y' || (e.key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const run = async (what, action) => {
    setError(null);
    setMessage(null);
    try { await action(); } catch (e) {
      setError(e.message);
      if (e.faults?.length) setFaults(faultsByActivity(e.faults, definition));
      if (e.status === 409) setMessage('Tip: export your version first, then reload.');
    }
  };
  const save = () => run('save', async () => {
    const result = await api.saveDraft(flowId, definition, revision.current);
    revision.current = result.revision;
    setMessage('Draft saved.');
  });
  const publish = () => run('publish', async () => {
    const saved = await api.saveDraft(flowId, definition, revision.current);
    revision.current = saved.revision;
    const published = await api.publish(flowId, note || null, revision.current);
    revision.current = published.revision ?? revision.current;
    setMessage(`Published as version ${published.version}.`);
    const f = await api.flow(flowId);
    setFlow(f.flow);
    revision.current = f.flow.revision;
  });
  const revert = (version) => run('revert', async () => {
    await api.revert(flowId, version, revision.current);
    await load();
    history.current = createHistory();
    setMessage(`The draft is version ${version} again. Publish it to make it live.`);
  });
  const exportFile = () => run('export', async () => {
    const json = await api.exportFlow(flowId, true);
    const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2) + '\n'], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${flowId}.json` });
    a.click();
    URL.revokeObjectURL(url);
  });

  const viewNodes = useMemo(() => nodes.map((n) => {
    const type = typeOf(n.data.type);
    const p = n.data.properties ?? {};
    const ports = n.data.type === 'RandomSplit' ? (Array.isArray(p.branches) ? p.branches.map((b) => b.name) : []) : (type?.ports ?? []);
    const summary = [p.template, p.category, describeDuration(p.duration), p.event, p.expression, p.start && `${p.start}–${p.end ?? ''}`]
      .filter(Boolean).join(' · ');
    return { ...n, data: { ...n.data, id: n.id, label: type?.label ?? n.data.type, category: type?.category, isTrigger: type?.isTrigger, ports, summary, faults: faults.byActivity[n.id], stats: describeStep(stepCounts[n.id]) } };
  }), [nodes, typeOf, faults, stepCounts]);

  if (error && !flow) return <main className="editor"><p role="alert" className="error">{error}</p><a href="#/">Back to the flows</a></main>;
  if (!flow) return <main className="editor"><p>Loading…</p></main>;
  const selected = nodes.find((n) => n.id === selectedId);
  const selectedView = viewNodes.find((n) => n.id === selectedId);
  const targets = viewNodes.filter((n) => n.id !== selectedId && !n.data.isTrigger).map((n) => ({ id: n.id, label: `${n.data.label} (${n.id})` }));
  const faultCount = Object.values(faults.byActivity).flat().length + faults.flow.length;

  return (
    <main className="editor">
      <div className="toolbar" role="toolbar" aria-label="Flow actions">
        <a href="#/">← Flows</a>
        <strong className="flow-name">{flow.name || flow.id}</strong>
        <span className={`state state-${flow.state}`}>{flow.state}{flow.publishedVersion ? ` v${flow.publishedVersion}` : ''}</span>
        <button type="button" onClick={undo}>Undo</button>
        <button type="button" onClick={redo}>Redo</button>
        <button type="button" onClick={() => { change(autoLayout(nodes, edges), edges); setTimeout(() => flowApi.fitView(), 0); }}>Auto-layout</button>
        <button type="button" onClick={() => flowApi.fitView()}>Zoom to fit</button>
        <button type="button" onClick={save}>Save draft</button>
        <input aria-label="Version note" placeholder="What changed (for the history)" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="primary" onClick={publish} disabled={faultCount > 0} title={faultCount ? 'Fix the problems first' : 'Publish a new version'}>Publish</button>
        <button type="button" onClick={exportFile}>Export</button>
        <button type="button" onClick={() => run('disable', async () => { await (flow.state === 'disabled' ? api.enable(flowId) : api.disable(flowId)); setFlow((await api.flow(flowId)).flow); })}>
          {flow.state === 'disabled' ? 'Enable' : 'Disable'}</button>
      </div>
      {(message || error) && <p role={error ? 'alert' : 'status'} className={error ? 'error banner' : 'notice banner'}>{error ?? message}</p>}
      <div className="workspace">
        <nav className="palette" aria-label="Activity palette">
          <h2>Activities</h2>
          {types.map((t) => (
            <button key={t.name} type="button" className={`palette-item node-${t.category}`} draggable
              onDragStart={(e) => e.dataTransfer.setData('application/careflows-activity', t.name)}
              onClick={() => addActivity(t.name)} aria-label={`Add ${t.label}`} title={t.description}>
              {t.label}
            </button>
          ))}
        </nav>
        <div className="canvas" onDrop={onDrop} onDragOver={(e) => e.preventDefault()}>
          <ReactFlow nodes={viewNodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
            onConnect={onConnect} onSelectionChange={({ nodes: sel }) => setSelectedId(sel[0]?.id ?? null)} fitView fitViewOptions={{ maxZoom: 1 }} minZoom={0.05} deleteKeyCode={['Delete', 'Backspace']}
            onlyRenderVisibleElements>
            <Background />
            <Controls />
            <MiniMap pannable zoomable />
          </ReactFlow>
        </div>
        <div className="side">
          <div role="tablist" className="tabs">
            <button role="tab" aria-selected={tab === 'properties'} onClick={() => setTab('properties')}>Properties</button>
            <button role="tab" aria-selected={tab === 'problems'} onClick={() => setTab('problems')}>Problems ({faultCount})</button>
            <button role="tab" aria-selected={tab === 'simulate'} onClick={() => setTab('simulate')}>Simulate</button>
            <button role="tab" aria-selected={tab === 'versions'} onClick={() => setTab('versions')}>Versions</button>
            <button role="tab" aria-selected={tab === 'watch'} onClick={() => setTab('watch')}>Watch</button>
          </div>
          {tab === 'properties' && <PropertiesPanel node={selected} faults={selected ? faults.byActivity[selected.id] : null} type={selected && typeOf(selected.data.type)} templates={templates}
            ports={selectedView?.data.ports} targets={targets} targetOf={(port) => targetOf(edges, selected.id, port)}
            onConnect={(port, target) => change(nodes, setTarget(edges, selected.id, port, target))}
            onChange={(properties) => change(nodes.map((n) => (n.id === selected.id ? { ...n, data: { ...n.data, properties } } : n)), edges)}
            onDelete={() => { change(nodes.filter((n) => n.id !== selected.id), edges.filter((e) => e.source !== selected.id && e.target !== selected.id)); setSelectedId(null); }} />}
          {tab === 'problems' && <ul className="problems" aria-label="Problems">
            {faults.flow.map((f) => <li key={f}>{f}</li>)}
            {Object.entries(faults.byActivity).map(([id, list]) => list.map((f) => <li key={id + f}><button type="button" className="link" onClick={() => { setSelectedId(id); setTab('properties'); }}>{id}</button>: {f}</li>))}
            {faultCount === 0 && <li>No problems: this flow can be published.</li>}
          </ul>}
          {tab === 'simulate' && <SimulationPanel onSimulate={(order, events) => api.simulate(definition, events, order)} />}
          {tab === 'versions' && <VersionsPanel key={flow.latestVersion} flowId={flowId} draft={definition} onRevert={revert} />}
          {tab === 'watch' && <WatchPanel report={report} days={days} onDays={setDays} onSelect={(id) => { setSelectedId(id); flowApi.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 }); }} />}
        </div>
      </div>
    </main>
  );
}
