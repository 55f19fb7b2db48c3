import { useEffect, useState } from 'react';
import { api } from './api.js';
import { SignIn } from './SignIn.jsx';
import { FlowList } from './FlowList.jsx';
import { Editor } from './Editor.jsx';

// Screens by URL hash, so the browser's back button and a bookmark work: #/ is the list, #/flows/{id} a flow.
function useRoute() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const match = /^#\/flows\/(.+)$/.exec(hash);
  return match ? { screen: 'flow', id: decodeURIComponent(match[1]) } : { screen: 'list' };
}

export function App() {
  const [user, setUser] = useState(undefined);
  const route = useRoute();
  useEffect(() => { api.me().then((me) => setUser(me.name)).catch(() => setUser(null)); }, []);

  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) return <SignIn onSignedIn={setUser} />;
  const signOut = async () => { await api.signOut(); setUser(null); };
  return (
    <div className="app">
      <header className="topbar">
        <a href="#/" className="brand">CareFlows designer</a>
        <span className="who">Signed in as {user}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </header>
      {route.screen === 'flow' ? <Editor key={route.id} flowId={route.id} /> : <FlowList />}
    </div>
  );
}
