import { useEffect, useState } from 'react';
import { api } from './api.js';
import { SignIn } from './SignIn.jsx';
import { FlowList } from './FlowList.jsx';
import { Editor } from './Editor.jsx';
import { FeedbackView, CustomerCare } from './FeedbackView.jsx';

// Screens by URL hash, so the browser's back button and a bookmark work: #/ is the list, #/flows/{id} a flow.
function useRoute() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const flow = /^#\/flows\/(.+)$/.exec(hash);
  if (flow) return { screen: 'flow', id: decodeURIComponent(flow[1]) };
  const customer = /^#\/customers\/(.+)$/.exec(hash);
  if (customer) return { screen: 'customer', id: decodeURIComponent(customer[1]) };
  return hash === '#/feedback' ? { screen: 'feedback' } : { screen: 'list' };
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
        <nav aria-label="Screens"><a href="#/">Flows</a> · <a href="#/feedback">Feedback</a></nav>
        <span className="who">Signed in as {user}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </header>
      {route.screen === 'flow' ? <Editor key={route.id} flowId={route.id} />
        : route.screen === 'feedback' ? <FeedbackView />
        : route.screen === 'customer' ? <CustomerCare key={route.id} customerId={route.id} />
        : <FlowList />}
    </div>
  );
}
