/** Every activity type the engine has: click or Enter adds it after the selected activity; drag puts it where dropped. */
export function Palette({ types, onAdd }) {
  return (
    <nav className="palette" aria-label="Activity palette">
      <h2>Activities</h2>
      {types.map((t) => (
        <button key={t.name} type="button" className={`palette-item node-${t.category}`} draggable
          onDragStart={(e) => e.dataTransfer.setData('application/careflows-activity', t.name)}
          onClick={() => onAdd(t.name)} aria-label={`Add ${t.label}`} title={t.description}>
          {t.label}
        </button>
      ))}
    </nav>
  );
}
