/**
 * Crisis resources per locale, as data: the emergency number and free helplines a person can
 * reach now. Checked against each service's own site in 2025; the lead should re-check them
 * before every release (numbers change). `default` is used when the locale is unknown.
 */
import { z } from 'zod';

export const Helpline = z.object({
  name: z.string().min(1),
  /** How to reach it, as a person would dial or text it: "116 123", "text SHOUT to 85258". */
  contact: z.string().min(1),
  hours: z.string().min(1),
});

export const LocaleResources = z.object({
  /** The country, as the reply names it: "the UK". */
  where: z.string().min(1),
  emergency: z.string().min(1),
  helplines: z.array(Helpline).min(1),
  /** Lines for danger from another person (domestic abuse, abuse of a child or an adult at risk), shown first for those signals. */
  violence: z.array(Helpline).min(1).optional(),
});

export type Helpline = z.infer<typeof Helpline>;
export type LocaleResources = z.infer<typeof LocaleResources>;

export const LOCALES = ['en-GB', 'en-US', 'en-IE', 'en-AU', 'de-DE', 'fr-FR', 'es-ES'] as const;
export type Locale = (typeof LOCALES)[number];

export const RESOURCES: Readonly<Record<Locale | 'default', LocaleResources>> = {
  default: {
    where: 'your country',
    emergency: 'your local emergency number',
    helplines: [
      { name: 'Samaritans (UK & Ireland)', contact: '116 123', hours: 'free, any time' },
      { name: '988 Suicide & Crisis Lifeline (US)', contact: 'call or text 988', hours: 'any time' },
      { name: 'Find A Helpline (every other country)', contact: 'findahelpline.com', hours: 'free, confidential lines near you' },
    ],
    violence: [{ name: 'Find A Helpline (domestic abuse and child protection lines near you)', contact: 'findahelpline.com', hours: 'free, confidential' }],
  },
  'en-GB': {
    where: 'the UK',
    emergency: '999',
    helplines: [
      { name: 'Samaritans', contact: '116 123', hours: 'free, any time' },
      { name: 'Shout', contact: 'text SHOUT to 85258', hours: 'free, any time' },
    ],
    violence: [
      { name: 'National Domestic Abuse Helpline', contact: '0808 2000 247', hours: 'free, any time' },
      { name: 'Childline (under 19)', contact: '0800 1111', hours: 'free, any time' },
    ],
  },
  'en-US': {
    where: 'the US',
    emergency: '911',
    helplines: [
      { name: '988 Suicide & Crisis Lifeline', contact: 'call or text 988', hours: 'free, any time' },
      { name: 'Crisis Text Line', contact: 'text HOME to 741741', hours: 'free, any time' },
    ],
    violence: [
      { name: 'National Domestic Violence Hotline', contact: '1-800-799-7233, or text START to 88788', hours: 'free, any time' },
      { name: 'Childhelp National Child Abuse Hotline', contact: '1-800-422-4453', hours: 'free, any time' },
    ],
  },
  'en-IE': {
    where: 'Ireland',
    emergency: '112 or 999',
    helplines: [
      { name: 'Samaritans', contact: '116 123', hours: 'free, any time' },
      { name: 'Pieta', contact: '1800 247 247, or text HELP to 51444', hours: 'free, any time' },
    ],
    violence: [
      { name: "Women's Aid", contact: '1800 341 900', hours: 'free, any time' },
      { name: 'Childline', contact: '1800 66 66 66', hours: 'free, any time' },
    ],
  },
  'en-AU': {
    where: 'Australia',
    emergency: '000',
    helplines: [
      { name: 'Lifeline', contact: '13 11 14, or text 0477 13 11 14', hours: 'any time' },
      { name: 'Suicide Call Back Service', contact: '1300 659 467', hours: 'any time' },
    ],
    violence: [
      { name: '1800RESPECT', contact: '1800 737 732', hours: 'free, any time' },
      { name: 'Kids Helpline', contact: '1800 55 1800', hours: 'free, any time' },
    ],
  },
  'de-DE': {
    where: 'Germany',
    emergency: '112',
    helplines: [{ name: 'TelefonSeelsorge', contact: '0800 111 0 111 or 0800 111 0 222', hours: 'kostenlos, rund um die Uhr (free, any time)' }],
    violence: [
      { name: 'Hilfetelefon Gewalt gegen Frauen', contact: '116 016', hours: 'kostenlos, rund um die Uhr (free, any time)' },
      { name: 'Nummer gegen Kummer (Kinder und Jugendliche)', contact: '116 111', hours: 'kostenlos (free)' },
    ],
  },
  'fr-FR': {
    where: 'France',
    emergency: '112 (or 15 for SAMU)',
    helplines: [
      { name: '3114, numéro national de prévention du suicide', contact: '3114', hours: 'gratuit, 24h/24 (free, any time)' },
      { name: 'SOS Amitié', contact: '09 72 39 40 50', hours: '24h/24 (any time)' },
    ],
    violence: [
      { name: 'Violences Femmes Info', contact: '3919', hours: 'gratuit, 24h/24 (free, any time)' },
      { name: 'Allô Enfance en Danger', contact: '119', hours: 'gratuit, 24h/24 (free, any time)' },
    ],
  },
  'es-ES': {
    where: 'Spain',
    emergency: '112',
    helplines: [
      { name: 'Línea 024 de atención a la conducta suicida', contact: '024', hours: 'gratuita, 24 horas (free, any time)' },
      { name: 'Teléfono de la Esperanza', contact: '717 003 717', hours: '24 horas (any time)' },
    ],
    violence: [
      { name: '016, atención a víctimas de violencia de género', contact: '016', hours: 'gratuito, 24 horas, no deja rastro en la factura (free, any time)' },
      { name: 'Fundación ANAR (niños y adolescentes)', contact: '900 20 20 10', hours: 'gratuito, 24 horas (free, any time)' },
    ],
  },
};
