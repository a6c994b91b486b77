/** The Style control's choice: a template, an optional second one and how much of it, and the sentence that asks for it. */
import { TEMPLATES } from '../../../music/styles/templates.ts';
import type { StyleTemplate } from '../../../music/styles/template.ts';
import { i18n } from '../i18n/index.ts';
import { nearestStep, styleSentence, type BlendPercent, type Say } from './phrase.ts';

/** What a version's params say about its style (the fields the interpreter sets). */
export interface StyleParams {
  style?: string;
  styleBlend?: { with: string; amount: number };
}

/** The sentence templates in the page's language (a switch re-derives the sentence). */
const say: Say = (key, names) => i18n.lookup(`style.say.${key}`, '', names);

const byName = (name: string | undefined): StyleTemplate | undefined => TEMPLATES.find((t) => t.name === name);

export class StyleChoice {
  /** Every template, in the table's order. */
  readonly templates = TEMPLATES;
  primary = $state(TEMPLATES[0]!.name);
  /** The second template's name, or '' for no blend. */
  blendWith = $state('');
  percent = $state<BlendPercent>(50);

  first = $derived(byName(this.primary) ?? TEMPLATES[0]!);
  second = $derived(this.blendWith && this.blendWith !== this.primary ? byName(this.blendWith) : undefined);
  /** How much of the second style is really asked for (0 without one). */
  mix = $derived<BlendPercent>(this.second ? this.percent : 0);
  /** The plain sentence sent as a conversation turn, in the page's language. */
  sentence = $derived(styleSentence(say, this.first, this.second, this.mix));

  /** Start from a version's own style, when it is one of the templates. */
  constructor(current?: StyleParams) {
    if (!byName(current?.style)) return;
    this.primary = current!.style!;
    const blend = current!.styleBlend;
    if (blend && byName(blend.with) && nearestStep(blend.amount) > 0) {
      this.blendWith = blend.with;
      this.percent = nearestStep(blend.amount);
    }
  }

  /** The choice is what these params already have (sending it would change nothing). */
  sameAs(params: StyleParams | undefined): boolean {
    if (!params || params.style !== this.first.name) return false;
    const blend = params.styleBlend;
    if (!this.second) return !blend || blend.amount === 0;
    return blend?.with === this.second.name && nearestStep(blend.amount) === this.mix;
  }
}
