import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../api';
import { createAppStores } from '../stores';
import { App } from './App';
import './app.css';

// The transport is chosen once, here; nothing below knows whether it is IPC or HTTP.
const { client } = createClient();
const stores = createAppStores(client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
);
