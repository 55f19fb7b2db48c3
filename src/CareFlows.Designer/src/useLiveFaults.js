// Faults follow the graph as it is edited: the server validates the definition shortly after each change (a pause
// of 300 ms, so typing does not send a request per key), and the faults are mapped onto the activities they concern.
import { useEffect, useState } from 'react';
import { api } from './api.js';
import { faultsByActivity } from './graph.js';

export function useLiveFaults(definition, loaded) {
  const [faults, setFaults] = useState({ byActivity: {}, flow: [] });

  useEffect(() => {
    if (loaded) setFaults(faultsByActivity(loaded.faults, loaded.draft));
  }, [loaded]);

  useEffect(() => {
    if (!definition) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api.validate(definition).then((r) => { if (current) setFaults(faultsByActivity(r.faults, definition)); }).catch(() => {});
    }, 300);
    return () => { current = false; clearTimeout(timer); };
  }, [definition]);

  const count = Object.values(faults.byActivity).flat().length + faults.flow.length;
  return { faults, setFaults, count };
}
