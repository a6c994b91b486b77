/** Entry point: pick the page's language, then mount the app and its theme. */
import { mount } from 'svelte';
import App from './App.svelte';
import { i18n } from './i18n/index.ts';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
// The language's messages load first, so the page never flashes English at a German reader.
void i18n.start().finally(() => mount(App, { target }));
