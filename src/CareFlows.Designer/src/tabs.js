/**
 * The WAI-ARIA tabs pattern's keys: Left/Right move to the previous/next tab (wrapping), Home/End to the first/last.
 * Returns the tab to select, or null for any other key.
 */
export function tabForKey(tabs, current, key) {
  const at = tabs.indexOf(current);
  switch (key) {
    case 'ArrowRight': return tabs[(at + 1) % tabs.length];
    case 'ArrowLeft': return tabs[(at - 1 + tabs.length) % tabs.length];
    case 'Home': return tabs[0];
    case 'End': return tabs[tabs.length - 1];
    default: return null;
  }
}
