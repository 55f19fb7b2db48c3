import { useCallback, useEffect, useMemo, useState } from 'react';
import { addEdge, applyEdgeChanges, applyNodeChanges, Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { api } from './api.js';
import { autoLayout } from './layout.js';
import { describeDuration, edgeId, faultsByActivity, flowOrder, newActivityId, setTarget, targetOf } from './graph.js';
import { useFlowDraft, useLeaveWarning, useUndoKeys } from './useFlowDraft.js';
import { useLiveFaults } from './useLiveFaults.js';
import { Toolbar } from './Toolbar.jsx';
import { Palette } from './Palette.jsx';
import { ProblemsList } from './ProblemsList.jsx';
import { ActivityNode } from './ActivityNode.jsx';
import { PropertiesPanel } from './PropertiesPanel.jsx';
import { Tabs } from './Tabs.jsx';
import { portLabel, summaryOf } from './describe.js';
import { SimulationPanel } from './SimulationPanel.jsx';
import { VersionsPanel } from './VersionsPanel.jsx';
import { WatchPanel } from './WatchPanel.jsx';
import { describeStep } from './stepCounts.js';

const nodeTypes = { activity: ActivityNode };

// "Zoom to fit", and the first view of a flow, stop where a box's text is still readable (about 11 px): a long flow
// shows its first steps, readable, and is scrolled from there (or found in the minimap), instead of being shrunk to dots.
const READABLE_FIT = { maxZoom: 1, minZoom: 0.6, duration: 200 };
const READABLE_STEPS = 10;

export function Editor(props) {
  return <ReactFlowProvider><Canvas {...props} /></ReactFlowProvider>;
}

function Canvas({ flowId }) {
  const flowApi = useReactFlow();
  const [selectedId, setSelectedId] = useState(null);
  const [message, setMessage] = useState(null);
  const [error, setError] = useState(null);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState('properties');
  const [days, setDays] = useState(7);
  const [report, setReport] = useState(null);
  const [simPath, setSimPath] = useState([]);
  const draft = useFlowDraft(flowId, setError);
  const { types, templates, flow, setFlow, nodes, setNodes, edges, setEdges, definition, revision, change, undo, redo, remember } = draft;
  const { faults, setFaults, count: faultCount } = useLiveFaults(definition, draft.loadedFaults);
  useUndoKeys(undo, redo);
  useLeaveWarning(draft.dirty);

  const typeOf = useCallback((name) => types.find((t) => t.name === name), [types]);

  // Step counts are read when the Watch tab opens (and when its period changes), and drawn on the nodes meanwhile.
  useEffect(() => {
    if (tab !== 'watch') return;
    setReport(null);
    api.steps(flowId, days).then(setReport).catch((e) => setError(e.message));
  }, [tab, days, flowId]);
  const stepCounts = useMemo(() => (tab === 'watch' && report ? Object.fromEntries(report.steps.map((s) => [s.activityId, s])) : {}), [tab, report]);

  const onNodesChange = useCallback((changes) => {
    if (changes.some((c) => c.type === 'remove')) remember();
    setNodes((ns) => applyNodeChanges(changes, ns));
  }, [remember, setNodes]);
  const onEdgesChange = useCallback((changes) => {
    if (changes.some((c) => c.type === 'remove')) remember();
    setEdges((es) => applyEdgeChanges(changes, es));
  }, [remember, setEdges]);
  const onConnect = useCallback((c) => {
    remember();
    setEdges((es) => addEdge({ ...c, id: edgeId(c.source, c.sourceHandle ?? 'Done', c.target) }, es));
  }, [remember, setEdges]);

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
    // A small flow is fitted whole; in a long one the view goes to the new box and the one before it, readable.
    if (!position) setTimeout(() => flowApi.fitView(nodes.length >= READABLE_STEPS ? { ...READABLE_FIT, nodes: [after, node].filter(Boolean).map((n) => ({ id: n.id })) } : { maxZoom: 1, duration: 200 }), 0);
  };

  const onDrop = (e) => {
    e.preventDefault();
    const typeName = e.dataTransfer.getData('application/careflows-activity');
    if (typeName) addActivity(typeName, flowApi.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  const run = async (action) => {
    setError(null);
    setMessage(null);
    try { await action(); } catch (e) {
      setError(e.message);
      if (e.faults?.length) setFaults(faultsByActivity(e.faults, definition));
      if (e.status === 409) setMessage('Tip: export your version first, then reload.');
    }
  };
  const actions = {
    undo,
    redo,
    layout: () => { change(autoLayout(nodes, edges), edges); setTimeout(() => flowApi.fitView(readableFit()), 0); },
    fit: () => flowApi.fitView(readableFit()),
    save: () => run(async () => {
      const result = await api.saveDraft(flowId, definition, revision.current);
      revision.current = result.revision;
      draft.markSaved(definition);
      setMessage('Draft saved.');
    }),
    publish: () => run(async () => {
      const saved = await api.saveDraft(flowId, definition, revision.current);
      revision.current = saved.revision;
      draft.markSaved(definition);
      const published = await api.publish(flowId, note || null, revision.current);
      revision.current = published.revision ?? revision.current;
      setMessage(`Published as version ${published.version}.`);
      const f = await api.flow(flowId);
      setFlow(f.flow);
      revision.current = f.flow.revision;
    }),
    exportFile: () => run(async () => {
      const json = await api.exportFlow(flowId, true);
      const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2) + '\n'], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `${flowId}.json` });
      a.click();
      URL.revokeObjectURL(url);
    }),
    archive: () => run(async () => {
      if (!window.confirm(`Archive “${flow.name || flow.id}”? It leaves the list and starts no new instances; running ones finish, and its versions and history stay.`)) return;
      await api.archive(flowId);
      window.location.hash = '#/';
    }),
    toggleEnabled: () => run(async () => {
      if (flow.state !== 'disabled'
        && !window.confirm(`Disable “${flow.name || flow.id}”? It will start no new instances; the ones running finish as they are.`)) return;
      await (flow.state === 'disabled' ? api.enable(flowId) : api.disable(flowId));
      setFlow((await api.flow(flowId)).flow);
    }),
  };
  const revert = (version) => run(async () => {
    await api.revert(flowId, version, revision.current);
    await draft.load();
    setMessage(`The draft is version ${version} again. Publish it to make it live.`);
  });

  const viewNodes = useMemo(() => nodes.map((n) => {
    const type = typeOf(n.data.type);
    const p = n.data.properties ?? {};
    const ports = n.data.type === 'RandomSplit' ? (Array.isArray(p.branches) ? p.branches.map((b) => b.name) : []) : (type?.ports ?? []);
    const summary = summaryOf(n.data.type, p);
    const portLabels = Object.fromEntries(ports.map((port) => [port, portLabel(n.data.type, p, port)]));
    return { ...n, data: { ...n.data, id: n.id, label: type?.label ?? n.data.type, category: type?.category, isTrigger: type?.isTrigger, ports, portLabels, summary, faults: faults.byActivity[n.id], stats: describeStep(stepCounts[n.id]), onPath: simPath.includes(n.id) } };
  }), [nodes, typeOf, faults, stepCounts, simPath]);
  // The path the last simulation took, drawn on the canvas: its steps and the connections between them.
  const pathPairs = useMemo(() => new Set(simPath.slice(1).map((id, i) => `${simPath[i]}>${id}`)), [simPath]);
  const viewEdges = useMemo(() => edges.map((e) => (pathPairs.has(`${e.source}>${e.target}`) ? { ...e, className: 'on-path', animated: true } : e)), [edges, pathPairs]);

  if (error && !flow) return <main className="editor"><p role="alert" className="error">{error}</p><a href="#/">Back to the flows</a></main>;
  if (!flow) return <main className="editor"><p>Loading…</p></main>;
  const selected = nodes.find((n) => n.id === selectedId);
  const selectedView = viewNodes.find((n) => n.id === selectedId);
  const targets = viewNodes.filter((n) => n.id !== selectedId && !n.data.isTrigger).map((n) => ({ id: n.id, label: n.data.displayName ? `${n.data.displayName} (${n.data.label})` : `${n.data.label} (${n.id})` }));
  // Display names where the marketer gave one, for the timeline and Watch; the flow's steps in the order they run.
  const names = Object.fromEntries(viewNodes.filter((n) => n.data.displayName).map((n) => [n.id, n.data.displayName]));
  const order = flowOrder(nodes, edges);
  // "Zoom to fit" and the first view: a long flow shows its first steps at a readable size, not shrunk to dots.
  const firstSteps = nodes.length > READABLE_STEPS ? { nodes: order.slice(0, READABLE_STEPS).map((id) => ({ id })) } : {};
  const readableFit = () => ({ ...READABLE_FIT, ...firstSteps });
  const firstView = firstSteps.nodes ? { ...READABLE_FIT, duration: 0, ...firstSteps } : { maxZoom: 1 };
  // What a WaitForFeedback can wait on: the flow's emails.
  const emails = viewNodes.filter((n) => n.data.type === 'SendEmail').map((n) => ({ id: n.id, label: `${n.data.properties?.template ?? n.data.label} (${n.id})` }));

  return (
    <main className="editor">
      <Toolbar flow={flow} note={note} onNote={setNote} faultCount={faultCount} dirty={draft.dirty} actions={actions} />
      {(message || error) && <p role={error ? 'alert' : 'status'} className={error ? 'error banner' : 'notice banner'}>{error ?? message}</p>}
      <div className="workspace">
        <Palette types={types} onAdd={(name) => addActivity(name)} />
        <div className="canvas" onDrop={onDrop} onDragOver={(e) => e.preventDefault()}>
          <ReactFlow nodes={viewNodes} edges={viewEdges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
            onConnect={onConnect} onSelectionChange={({ nodes: sel }) => setSelectedId(sel[0]?.id ?? null)} fitView fitViewOptions={firstView} minZoom={0.05} deleteKeyCode={['Delete', 'Backspace']}
            onlyRenderVisibleElements>
            <Background />
            <Controls />
            <MiniMap pannable zoomable />
          </ReactFlow>
        </div>
        <div className="side">
          <Tabs label="Flow tools" selected={tab} onSelect={setTab} tabs={[
            { id: 'properties', label: 'Properties' }, { id: 'problems', label: `Problems (${faultCount})` }, { id: 'simulate', label: 'Simulate' },
            { id: 'versions', label: 'Versions' }, { id: 'watch', label: 'Watch' },
          ]} />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
          {tab === 'properties' && <PropertiesPanel flowId={flowId} dirty={draft.dirty} node={selected} faults={selected ? faults.byActivity[selected.id] : null} type={selected && typeOf(selected.data.type)} templates={templates}
            ports={selectedView?.data.ports} portLabels={selectedView?.data.portLabels} targets={targets} emails={emails} targetOf={(port) => targetOf(edges, selected.id, port)}
            onConnect={(port, target) => change(nodes, setTarget(edges, selected.id, port, target))}
            onChange={(properties) => change(nodes.map((n) => (n.id === selected.id ? { ...n, data: { ...n.data, properties } } : n)), edges)}
            onRename={(displayName) => change(nodes.map((n) => (n.id === selected.id ? { ...n, data: { ...n.data, displayName: displayName || null } } : n)), edges)}
            onDelete={() => { change(nodes.filter((n) => n.id !== selected.id), edges.filter((e) => e.source !== selected.id && e.target !== selected.id)); setSelectedId(null); }} />}
          {tab === 'problems' && <ProblemsList faults={faults} count={faultCount} onSelect={(id) => { setSelectedId(id); setTab('properties'); }} />}
          {tab === 'simulate' && <SimulationPanel names={names} onPath={setSimPath} onSimulate={(order, events, count, consent) => api.simulate(definition, events, order, count, consent)} />}
          {tab === 'versions' && <VersionsPanel key={flow.latestVersion} flowId={flowId} draft={definition} onRevert={revert} />}
          {tab === 'watch' && <WatchPanel names={names} order={order} report={report} days={days} onDays={setDays} onSelect={(id) => { setSelectedId(id); flowApi.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 }); }} />}
          </div>
        </div>
      </div>
    </main>
  );
}
