/**
 * A stand-in Web MIDI port for browser tests (this machine has no MIDI device): a page whose
 * navigator.requestMIDIAccess offers one output, "Test synth", that records every message the
 * app sends and when; and the checks on what it received.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';

/** Open the song at `url` and send it to the stand-in port through the MIDI panel. */
export async function sendToTestSynth(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Send to MIDI device' }).click({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Find MIDI devices' }).click();
  await page.getByLabel('Output').selectOption({ label: 'Test synth' });
}

/** A page whose browser has one stand-in MIDI port (this machine has no device): it records what the app sends and when. */
export async function fakeMidiPage(browser: Browser): Promise<{ context: Awaited<ReturnType<Browser['newContext']>>; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.addInitScript(() => {
    const sent: { bytes: number[]; ts: number; now: number }[] = [];
    (window as unknown as { __midiSent: typeof sent }).__midiSent = sent;
    const output = { id: 'fake-1', name: 'Test synth', send: (bytes: number[], ts: number) => void sent.push({ bytes: [...bytes], ts, now: performance.now() }) };
    Object.defineProperty(navigator, 'requestMIDIAccess', {
      configurable: true,
      value: async () => ({ outputs: new Map([['fake-1', output]]), inputs: new Map(), sysexEnabled: false, onstatechange: null }),
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  return { context, page, errors };
}

/** Check what the stand-in port got: notes on channels 1, 2, 3 and 10, timestamps a little ahead of
 *  the send, every note-on let go (replayed in timestamp order), All Notes Off on each channel used. */
export async function expectEveryNoteLetGo(page: Page): Promise<{ bytes: number[]; ts: number; now: number }[]> {
  const sent = await page.evaluate(() => (window as unknown as { __midiSent: { bytes: number[]; ts: number; now: number }[] }).__midiSent);
  expect(sent.filter((m) => (m.bytes[0]! & 0xf0) === 0x90).length).toBeGreaterThan(8);
  const statuses = new Set(sent.map((m) => m.bytes[0]!));
  for (const s of [0x90, 0x91, 0x92, 0x99]) expect(statuses.has(s)).toBe(true);
  for (const m of sent) {
    expect(m.ts).toBeGreaterThanOrEqual(m.now - 1);
    expect(m.ts - m.now).toBeLessThan(400);
  }
  const ordered = sent.map((m, i) => ({ ...m, i })).sort((a, b) => a.ts - b.ts || a.i - b.i);
  const held = new Map<string, number>();
  for (const m of ordered) {
    const kind = m.bytes[0]! & 0xf0;
    const id = `${m.bytes[0]! & 0x0f}:${m.bytes[1]}`;
    if (kind === 0x90) held.set(id, (held.get(id) ?? 0) + 1);
    if (kind === 0x80) held.set(id, Math.max(0, (held.get(id) ?? 0) - 1));
  }
  expect([...held].filter(([, n]) => n > 0)).toEqual([]);
  const allOff = new Set(sent.filter((m) => (m.bytes[0]! & 0xf0) === 0xb0 && m.bytes[1] === 123).map((m) => m.bytes[0]! & 0x0f));
  expect([...allOff].sort((a, b) => a - b)).toEqual([0, 1, 2, 9]);
  return sent;
}

/** Wait until the stand-in port has had note-ons on every part's channel (a condition, not a sleep). */
export async function waitForAllParts(page: Page, channels: number[] = [0, 1, 2, 9], timeout = 30_000): Promise<void> {
  await page.waitForFunction((chs) => {
    const sent = (window as unknown as { __midiSent?: { bytes: number[] }[] }).__midiSent ?? [];
    const on = sent.filter((m) => (m.bytes[0]! & 0xf0) === 0x90 && (m.bytes[2] ?? 0) > 0);
    return on.length > 8 && chs.every((c) => on.some((m) => (m.bytes[0]! & 0x0f) === c));
  }, channels, { timeout });
}

/** Wait until every part's channel has been sent All Notes Off (what each stop ends with). */
export async function waitForAllNotesOff(page: Page, channels: number[] = [0, 1, 2, 9], timeout = 15_000): Promise<void> {
  await page.waitForFunction((chs) => {
    const sent = (window as unknown as { __midiSent?: { bytes: number[] }[] }).__midiSent ?? [];
    const off = new Set(sent.filter((m) => (m.bytes[0]! & 0xf0) === 0xb0 && m.bytes[1] === 123).map((m) => m.bytes[0]! & 0x0f));
    return chs.every((c) => off.has(c));
  }, channels, { timeout });
}
