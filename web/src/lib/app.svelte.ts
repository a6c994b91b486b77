/** App-wide UI state: the server's health (where words go), theme, and the phone tab. */
import { t } from '../i18n/index.ts';
import { api } from './api.ts';
import type { Health } from './types.ts';

export type Theme = 'system' | 'light' | 'dark';
export type Pane = 'journal' | 'chat' | 'sketch';

const THEME_KEY = 'innerchord.theme';

export class AppState {
  health = $state<Health | null>(null);
  healthError = $state<string | null>(null);
  theme = $state<Theme>('system');
  /** Which pane shows on a phone, where the three columns stack into tabs. */
  pane = $state<Pane>('chat');

  /** Where the musician's words go, in plain language. */
  destination = $derived.by(() => {
    const g = this.health?.guide;
    if (!g) return this.healthError ? t('top.unreachable') : t('top.checking');
    // "Stays on this computer" is only true in personal mode; on a group server it stays on the server.
    if (g.mode === 'offline') return this.health?.deployment === 'group' ? t('top.offlineServer') : t('top.offline');
    return t('top.llm', { provider: g.provider });
  });

  constructor() {
    const saved = safeStorage()?.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') this.theme = saved;
  }

  /** Ask the server which guide answers (offline or an LLM host). */
  async loadHealth(): Promise<void> {
    try {
      this.health = await api.health();
      this.healthError = null;
    } catch (e) {
      this.healthError = (e as Error).message;
    }
  }

  /** Cycle system → light → dark and remember the choice. */
  cycleTheme(): void {
    this.theme = this.theme === 'system' ? 'light' : this.theme === 'light' ? 'dark' : 'system';
    safeStorage()?.setItem(THEME_KEY, this.theme);
  }
}

// Private windows and some embedded browsers throw on localStorage access.
function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
