/**
 * The facilitator's check-in list (group mode): who may need a person to check in, and when —
 * never their words. The server keeps at most one unseen alert per song, so a retried or repeated
 * crisis turn shows once.
 */
import { t } from '../i18n/index.ts';
import type { SafetyAlert } from '../../../server/safety/alerts.ts';

export class SafetyAlertsState {
  alerts = $state<SafetyAlert[]>([]);
  error = $state<string | null>(null);
  readonly unseen = $derived(this.alerts.filter((a) => !a.seenAt).length);

  /** Fetch the list (newest first). */
  async load(): Promise<void> {
    const res = await fetch('/api/safety/alerts');
    if (!res.ok) {
      this.error = t('checkins.loadFailed', { status: res.status });
      return;
    }
    this.alerts = ((await res.json()) as { alerts: SafetyAlert[] }).alerts;
    this.error = null;
  }

  /** Mark one followed up; it stays listed, dimmed. */
  async seen(id: string): Promise<void> {
    const res = await fetch(`/api/safety/alerts/${encodeURIComponent(id)}/seen`, { method: 'POST' });
    if (res.ok) await this.load();
    else this.error = t('checkins.markFailed', { status: res.status });
  }

  /** Load now and then quietly every `everyMs` (a facilitator leaves the page open during a session); returns the stop function. */
  poll(everyMs = 60_000): () => void {
    void this.load();
    const timer = setInterval(() => void this.load(), everyMs);
    return () => clearInterval(timer);
  }
}
