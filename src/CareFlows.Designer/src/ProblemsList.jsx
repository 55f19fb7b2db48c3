/** Every fault of the draft; an activity's faults name it and select it on click. */
export function ProblemsList({ faults, count, onSelect }) {
  return (
    <ul className="problems" aria-label="Problems">
      {faults.flow.map((f, i) => <li key={`flow-${i}`}>{f}</li>)}
      {Object.entries(faults.byActivity).map(([id, list]) => list.map((f, i) => (
        <li key={`${id}-${i}`}><button type="button" className="link" onClick={() => onSelect(id)}>{id}</button>: {f}</li>
      )))}
      {count === 0 && <li>No problems: this flow can be published.</li>}
    </ul>
  );
}
