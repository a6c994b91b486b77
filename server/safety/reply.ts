/**
 * The words of a crisis reply, chosen by severity and written in the musician's language (the
 * templates are data in lang/<code>/crisis.json): in danger now → the emergency number first;
 * thoughts, wishes, self-harm → warm lines and an invitation to talk to someone; danger from
 * another person → not your fault, the violence and child-protection lines first; negated words →
 * a gentle check-in. Every version says the song is paused, not lost, and that this is a
 * songwriting tool, not a counsellor.
 */
import type { CrisisCheck } from './index.ts';
import { loadPacks } from './index.ts';
import type { Category } from './pack.ts';
import type { CrisisResources } from './resources/index.ts';

export type ReplyKind = 'immediate' | 'concern' | 'others' | 'checkIn';
const OTHERS: readonly Category[] = ['domestic-violence', 'abuse'];

/** Which reply a check asks for: replyKind({ severity: 'immediate', signals: ['attempt-now'] }) → 'immediate'. */
export function replyKind(check: Pick<CrisisCheck, 'severity' | 'signals'>): ReplyKind {
  if (check.severity === 'check-in') return 'checkIn';
  // Only danger from someone else: the reply about safety from them (it names the emergency number first too).
  if (check.signals.length && check.signals.every((s) => OTHERS.includes(s))) return 'others';
  return check.severity === 'immediate' ? 'immediate' : 'concern';
}

/** The resources a reply shows: when someone else is a danger, the violence and child-protection lines lead. */
export function resourcesForReply(resources: CrisisResources, check: Pick<CrisisCheck, 'signals'>): CrisisResources {
  if (!resources.violence || !check.signals.some((s) => OTHERS.includes(s))) return resources;
  return { ...resources, helplines: [...resources.violence, ...resources.helplines] };
}

/** The language a crisis reply is written in: the pack's for `language`, else English. */
export function replyLanguage(language: string | null): string {
  const packs = loadPacks();
  return (packs.find((p) => p.pack.language === language) ?? packs.find((p) => p.pack.language === 'en') ?? packs[0]!).pack.language;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/gu, (_, k: string) => values[k] ?? '');

/**
 * The reply text. `language` picks the pack (unknown → English); `resources` are already chosen
 * for the locale (and for the kind, see resourcesForReply).
 */
export function crisisText(resources: CrisisResources, kind: ReplyKind, language: string | null): string {
  const packs = loadPacks();
  const pack = (packs.find((p) => p.pack.language === language) ?? packs.find((p) => p.pack.language === 'en') ?? packs[0]!).pack;
  const lines = resources.helplines.map((h) => fill(pack.reply.line, h)).join('\n');
  // The default list's "your local emergency number" is English; each pack says it in its own words.
  const emergency = resources.locale === null ? pack.reply.localEmergency : resources.emergency;
  return fill(pack.reply[kind], { emergency, lines });
}
