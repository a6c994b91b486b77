import { describe, expect, it } from 'vitest';
import { absentSectionReply } from './replies.ts';
import { guideText } from './text.ts';

const FORM = { sections: ['intro', 'verse', 'chorus', 'verse', 'chorus', 'outro'].map((name) => ({ name })) } as never;

describe('absentSectionReply: a request about a section the song lacks', () => {
  it.each([
    ['en', 'There is no bridge in this song yet: it goes intro, verse, chorus, verse, chorus, outro. Say “add a bridge” and I will write one, or name one of its parts.'],
    ['de', 'Die Bridge gibt es in diesem Lied noch nicht: es geht Intro, Strophe, Refrain, Strophe, Refrain, Outro. Bitte mich, diesen Teil hinzuzufügen, oder nenne einen Teil, den es gibt.'],
    ['fr', "Le pont n'existe pas encore dans cette chanson : elle va intro, couplet, refrain, couplet, refrain, outro. Demande-moi d'ajouter cette partie, ou nomme une partie qui existe."],
    ['es', 'El puente todavía no existe en esta canción: va intro, estrofa, estribillo, estrofa, estribillo, outro. Pídeme que añada esa parte, o nombra una parte que tenga.'],
  ] as const)('%s', (language, want) => {
    expect(absentSectionReply(['bridge'], FORM, guideText(language))).toBe(want);
  });
});

describe('firstSketchReply', () => {
  it('gives a quote once: reasons that quote the intention (or the reason before) leave the quote out', async () => {
    const { interpretOffline } = await import('../interpret/index.ts');
    const { firstSketchReply } = await import('./replies.ts');
    const intention = 'A song for my brother about how he moved to Canada, proud and lonely.';
    const { params } = interpretOffline(`He moved to Canada last month\n${intention}`);
    const reply = firstSketchReply({ number: 1, changes: [], params }, intention, guideText('en'));
    const quoted = params.rationale[0]!.quote!;
    expect(intention).toContain(quoted.replace(/[.\s]+$/, ''));
    expect(reply.split(quoted.replace(/[.\s]+$/, '')).length - 1).toBe(1);
    expect(reply).not.toContain('because you said');
    expect(reply).toMatch(/read as .+\. /);
  });
});
