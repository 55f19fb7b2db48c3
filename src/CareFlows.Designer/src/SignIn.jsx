import { useState } from 'react';
import { api } from './api.js';

export function SignIn({ onSignedIn }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const me = await api.signIn(username, password);
      onSignedIn(me.name);
    } catch (err) {
      setError(err.status === 401 ? 'That user name and password do not match.' : err.message);
    }
  };
  return (
    <main className="sign-in">
      <h1>CareFlows designer</h1>
      <form onSubmit={submit}>
        <label htmlFor="username">User name</label>
        <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
