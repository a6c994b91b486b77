/** Entry point: pick the page's language, then mount the app and its theme. */
import { mount } from 'svelte';
import App from './App.svelte';
import { i18n } from './i18n/index.ts';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
// The language's messages load first, so the page never flashes English at a German reader.
void i18n.start().finally(() => mount(App, { target }));

// The offline shell (web/public/sw.js): the page opens without a network, so words in the outbox
// are shown and sent later. Only where the browser allows service workers (a secure context).
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}));
}
