/**
 * Test support: read a MusicXML lead sheet back with the independent fast-xml-parser (in document
 * order, so chord symbols keep their place among the notes) into plain facts tests can compare
 * with the sketch. Only tests import this module.
 */
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false });

const tagOf = (node: Node) => Object.keys(node).find((k) => k !== ':@') ?? '';
const kids = (node: Node | undefined): Node[] => (node ? ((node[tagOf(node)] as Node[] | undefined) ?? []) : []);
const attr = (node: Node | undefined, name: string) => ((node?.[':@'] as Record<string, string> | undefined) ?? {})[name];
const all = (nodes: Node[], tag: string) => nodes.filter((n) => tagOf(n) === tag);
const one = (nodes: Node[], tag: string) => nodes.find((n) => tagOf(n) === tag);
const textIn = (node: Node | undefined): string => String((kids(node)[0]?.['#text'] as string | undefined) ?? '');
/** Text of the first descendant found by a path of tags: at(n, 'key', 'fifths'). */
const at = (nodes: Node[], ...path: string[]): string => {
  let level = nodes;
  let node: Node | undefined;
  for (const tag of path) {
    node = one(level, tag);
    level = kids(node);
  }
  return node ? textIn(node) : '';
};

const STEPS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
/** Quarter notes per MusicXML note type. */
export const TYPE_QUARTERS: Record<string, number> = { whole: 4, half: 2, quarter: 1, eighth: 0.5, '16th': 0.25, '32nd': 0.125 };

export interface ReadNote {
  pitch: number | null;
  start: number;
  duration: number;
  type: string;
  dots: number;
  tuplet: [number, number] | null;
  tieStart: boolean;
  tieStop: boolean;
  measureRest: boolean;
}

/** Everything the tests check, read back from MusicXML text. */
export function readLeadSheet(xml: string) {
  const doc = parser.parse(xml) as Node[];
  const score = kids(one(doc, 'score-partwise'));
  const measures = all(kids(one(score, 'part')), 'measure');
  const first = kids(measures[0]);
  const attributes = kids(one(first, 'attributes'));
  const divisions = Number(at(attributes, 'divisions'));
  const sound = all(first, 'direction').flatMap((d) => all(kids(d), 'sound'))[0];
  const head = {
    title: at(score, 'work', 'work-title'),
    divisions,
    fifths: Number(at(attributes, 'key', 'fifths')),
    mode: at(attributes, 'key', 'mode'),
    beats: Number(at(attributes, 'time', 'beats')),
    beatType: Number(at(attributes, 'time', 'beat-type')),
    tempo: Number(attr(sound, 'tempo')),
    perMinute: Number(all(first, 'direction').map((d) => at(kids(d), 'direction-type', 'metronome', 'per-minute')).find((x) => x !== '')),
  };
  const notes: ReadNote[] = [];
  const harmonies: { start: number; symbol: string; kind: string }[] = [];
  const rehearsals: { bar: number; text: string }[] = [];
  const measureLengths: number[] = [];
  let measureStart = 0;
  measures.forEach((measure, bar) => {
    let cursor = 0;
    for (const node of kids(measure)) {
      const tag = tagOf(node);
      const parts = kids(node);
      if (tag === 'direction') {
        const rehearsal = at(parts, 'direction-type', 'rehearsal');
        if (rehearsal) rehearsals.push({ bar, text: rehearsal });
      } else if (tag === 'harmony') {
        const spell = (prefix: string, holder: string) => {
          const h = kids(one(parts, holder));
          const alter = Number(at(h, `${prefix}-alter`) || 0);
          return at(h, `${prefix}-step`) + (alter > 0 ? '#'.repeat(alter) : 'b'.repeat(-alter));
        };
        const bass = one(parts, 'bass') ? `/${spell('bass', 'bass')}` : '';
        const kind = one(parts, 'kind');
        harmonies.push({ start: measureStart + cursor + Number(at(parts, 'offset') || 0), symbol: spell('root', 'root') + (attr(kind, 'text') ?? '') + bass, kind: textIn(kind) });
      } else if (tag === 'note') {
        const duration = Number(at(parts, 'duration'));
        const pitch = one(parts, 'pitch');
        const p = kids(pitch);
        const ties = all(parts, 'tie').map((t) => attr(t, 'type'));
        const modification = kids(one(parts, 'time-modification'));
        notes.push({
          pitch: pitch ? (Number(at(p, 'octave')) + 1) * 12 + STEPS[at(p, 'step')]! + Number(at(p, 'alter') || 0) : null,
          start: measureStart + cursor,
          duration,
          type: at(parts, 'type'),
          dots: all(parts, 'dot').length,
          tuplet: modification.length ? [Number(at(modification, 'actual-notes')), Number(at(modification, 'normal-notes'))] : null,
          tieStart: ties.includes('start'),
          tieStop: ties.includes('stop'),
          measureRest: attr(one(kids(node), 'rest'), 'measure') === 'yes',
        });
        cursor += duration;
      }
    }
    measureLengths.push(cursor);
    measureStart += cursor;
  });
  return { ...head, measureLengths, notes, harmonies, rehearsals };
}

/** Written pieces joined across ties back into sounding notes (rests dropped). */
export function soundingNotes(notes: readonly ReadNote[]): { pitch: number; start: number; duration: number }[] {
  const out: { pitch: number; start: number; duration: number }[] = [];
  let open: { pitch: number; start: number; duration: number } | null = null;
  for (const n of notes) {
    if (n.pitch === null) continue;
    if (n.tieStop && open && open.pitch === n.pitch && open.start + open.duration === n.start) open.duration += n.duration;
    else {
      open = { pitch: n.pitch, start: n.start, duration: n.duration };
      out.push(open);
    }
    if (!n.tieStart) open = null;
  }
  return out;
}
