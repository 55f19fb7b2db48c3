// A flow's draft as the editor holds it: loaded with the activity types and templates, edited as nodes and edges,
// every edit recorded for undo and redo, and the revision it was loaded at (a save based on an older one is refused).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from './api.js';
import { createHistory, toDefinition, toGraph } from './graph.js';

export function useFlowDraft(flowId, onError) {
  const [types, setTypes] = useState([]);
  const [templates, setTemplates] = useState({});
  const [flow, setFlow] = useState(null);
  const [base, setBase] = useState(null);
  const [nodes, setNodes] = useState([]);
  const [edges, setEdges] = useState([]);
  const [loadedFaults, setLoadedFaults] = useState(null);
  const history = useRef(createHistory());
  const revision = useRef(null);
  // The definition as last loaded or saved: anything else on screen is an unsaved change.
  const [saved, setSaved] = useState(null);

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
    setLoadedFaults({ faults: f.draftFaults, draft: f.draft });
    setSaved(JSON.stringify(toDefinition(rest, graph.nodes, graph.edges)));
    history.current = createHistory();
  }, [flowId]);
  useEffect(() => { load().catch((e) => onError(e.message)); }, [load, onError]);

  const definition = useMemo(() => (base ? toDefinition(base, nodes, edges) : null), [base, nodes, edges]);
  const dirty = definition !== null && saved !== null && JSON.stringify(definition) !== saved;
  const markSaved = useCallback((what) => setSaved(JSON.stringify(what)), []);

  /** One edit: the graph before it goes on the undo history. */
  const change = useCallback((nextNodes, nextEdges) => {
    history.current.record({ nodes, edges });
    setNodes(nextNodes);
    setEdges(nextEdges);
  }, [nodes, edges]);
  const undo = useCallback(() => {
    const s = history.current.undo({ nodes, edges });
    if (s) { setNodes(s.nodes); setEdges(s.edges); }
  }, [nodes, edges]);
  const redo = useCallback(() => {
    const s = history.current.redo({ nodes, edges });
    if (s) { setNodes(s.nodes); setEdges(s.edges); }
  }, [nodes, edges]);
  /** Before a change React Flow applies itself (a deletion by key): record the graph as it was. */
  const remember = useCallback(() => history.current.record({ nodes, edges }), [nodes, edges]);

  return {
    types, templates, flow, setFlow, nodes, setNodes, edges, setEdges, definition, loadedFaults, revision,
    load, change, undo, redo, remember, dirty, markSaved,
  };
}

/** While there are unsaved changes, leaving the page (reload, close, another address) asks first. */
export function useLeaveWarning(dirty) {
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (e) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

/** Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) anywhere but in a field, where they belong to the field. */
export function useUndoKeys(undo, redo) {
  useEffect(() => {
    const onKey = (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.target.closest('input, select, textarea')) return;
      if (e.key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      if (e.key === 'y' || (e.key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
