import { useRef } from 'react';
import { tabForKey } from './tabs.js';

/** Side tabs as the WAI-ARIA pattern has them: one tab in the Tab order (the selected one), arrow keys move between them. */
export function Tabs({ tabs, selected, onSelect, label }) {
  const refs = useRef({});
  const onKeyDown = (e) => {
    const next = tabForKey(tabs.map((t) => t.id), selected, e.key);
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" className="tabs" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button key={t.id} ref={(el) => { refs.current[t.id] = el; }} type="button" role="tab" id={`tab-${t.id}`}
          aria-selected={selected === t.id} aria-controls={`panel-${t.id}`} tabIndex={selected === t.id ? 0 : -1} onClick={() => onSelect(t.id)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
