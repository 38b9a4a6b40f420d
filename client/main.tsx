// First: no eval under the CSP (see net/no-eval.ts).
import './net/no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './fonts/fonts.css';
import './styles.css';
import { App } from './App.tsx';
import { useStore } from './store.ts';
import { initialLang } from './i18n/i18n.ts';

useStore.getState().languageChosen(initialLang());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
