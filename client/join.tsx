// The phone's entry (join.html, served for /join/:code): the participant page and nothing else –
// no console, screen or start page, no zod, and Preact in place of React (the phone build aliases
// react → preact/compat: build/phone.ts). What it weighs and why: docs/performance.md.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './fonts/fonts.css';
import './styles.css';
import { ParticipantApp } from './participant/ParticipantApp.tsx';
import { useStore } from './store.ts';
import { initialLang } from './i18n/i18n.ts';
import { keepLastView } from './net/last-view.ts';
import { connect } from './net/connection.ts';
import { registerServiceWorker } from './net/register-sw.ts';

const code = (location.pathname.split('/')[2] ?? '').toUpperCase();
useStore.getState().languageChosen(initialLang());
keepLastView(code);
// The socket first, the render after: on a slow link every round trip counts (ParticipantApp's
// own connect() finds it open).
if (code) connect('participant', code);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp code={code} />
  </StrictMode>,
);
registerServiceWorker();
