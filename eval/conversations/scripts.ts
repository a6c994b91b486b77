/**
 * Scripted conversations for the guide scorecard: four languages, several voices (terse, rich,
 * unsure, irritated, one-word, edits to the proposal). Each is sent turn by turn through
 * POST /api/songs/:id/turns. `rich` marks a musician who says nearly everything in the first
 * message (a sketch is due within two turns); `covered` lists topics the first message already
 * answers (their questions must never be asked).
 */
export interface Script {
  id: string;
  language: 'en' | 'de' | 'fr' | 'es';
  /** The page's language, when the app sends one. */
  page?: string;
  messages: string[];
  rich?: boolean;
  covered?: ('about' | 'feeling' | 'message' | 'images' | 'audience')[];
}

export const SCRIPTS: Script[] = [
  { id: 'en-steady', language: 'en', messages: ["It's about leaving the city I grew up in.", 'Restless, a bit scared, mostly in my stomach', "That it's okay to start again", 'Streetlights through a bus window at night', 'Myself, really', 'skip', 'yes'] },
  { id: 'en-rich', language: 'en', rich: true, covered: ['about', 'feeling', 'audience'], messages: ["I'm writing a song for my best friend about the summer we drove to the coast. I feel grateful and a little sad that it's over.", 'yes'] },
  { id: 'en-unsure', language: 'en', messages: ["I don't know", 'a person, maybe', 'my grandfather and his workshop', 'no idea', 'calm but heavy', 'skip', 'skip', 'skip', 'skip', 'yes'] },
  { id: 'en-irritated', language: 'en', messages: ['a breakup', 'this is pointless', 'yes'] },
  { id: 'en-almost', language: 'en', messages: ['the night my son was born', 'overwhelmed and so happy', 'that he is loved', 'a hospital corridor at 4am', 'for him', 'skip', 'almost, but the wording is muddled', "it's for my son Leo", 'yes exactly'] },
  { id: 'de-steady', language: 'de', page: 'de', messages: ['Es geht um den Abschied von meiner Oma', 'traurig', 'ein Druck auf der Brust, ziemlich stark', 'Dass sie nicht vergessen wird', 'Ihre Küche, der Geruch von Apfelkuchen', 'für meine Mutter', 'weiter', 'ja, genau'] },
  { id: 'de-rich', language: 'de', rich: true, covered: ['about', 'feeling', 'audience'], messages: ['Ich möchte ein Lied für meinen Bruder schreiben. Es geht um unsere Kindheit am See, ich bin wehmütig und dankbar.', 'ja'] },
  { id: 'de-unsure', language: 'de', page: 'de', messages: ['keine Ahnung', 'ich weiß nicht', 'vielleicht ein Ort', 'unruhig und müde', 'Du bist nicht allein', 'weiter', 'weiter', 'weiter', 'passt'] },
  { id: 'de-frustrated', language: 'de', page: 'de', messages: ['Trennung', 'das bringt doch nichts', 'ja, spiel was'] },
  { id: 'de-almost', language: 'de', messages: ['Es geht um meinen ersten Job', 'stolz, aber erschöpft', 'Dass man wachsen darf', 'Das Büro am frühen Morgen, Kaffee', 'für mich selbst', 'weiter', 'fast, aber die Formulierung ist wirr', 'es ist für meine Kollegen', 'ja, genau'] },
  { id: 'de-short-page', language: 'de', page: 'de', messages: ['ok', 'traurig', 'müde und leer', 'weiter', 'weiter', 'weiter', 'weiter', 'ja'] },
  { id: 'fr-steady', language: 'fr', messages: ["C'est sur le départ de mon père", 'triste et en colère, dans la gorge', "qu'on peut pardonner sans oublier", 'sa voiture dans la cour, la pluie', 'pour ma sœur', 'passer', "oui c'est ça"] },
  { id: 'fr-rich', language: 'fr', rich: true, covered: ['about', 'feeling', 'audience'], messages: ["Je veux écrire une chanson pour ma fille sur son premier jour d'école. Je me sens fier et un peu nostalgique.", 'oui'] },
  { id: 'fr-unsure', language: 'fr', page: 'fr', messages: ['je ne sais pas', 'aucune idée', 'un lieu qui me manque', 'plutôt calme', 'merci', 'passer', 'passer', 'passer', 'oui'] },
  { id: 'fr-frustrated', language: 'fr', page: 'fr', messages: ['mon ancien appartement', "ça ne sert à rien, tout ça", 'oui, joue quelque chose'] },
  { id: 'fr-almost', language: 'fr', messages: ["Ça parle de la maison de mes grands-parents", 'paisible mais un peu triste', "qu'il faut garder ce qu'on aime", 'le jardin le soir, les cigales', 'pour mes cousins', 'passer', 'presque, mais la formulation est confuse', "c'est pour toute la famille", 'oui'] },
  { id: 'es-steady', language: 'es', messages: ['Trata de mi padre que se fue', 'triste y cansado, en el pecho', 'Que no estás solo', 'la lluvia en la ventana de la cocina', 'para mi hermano', 'saltar', 'sí, exacto'] },
  { id: 'es-rich', language: 'es', rich: true, covered: ['about', 'feeling', 'audience'], messages: ['Quiero escribir una canción para mi abuela sobre los veranos en su casa. Me siento nostálgico y agradecido.', 'sí'] },
  { id: 'es-unsure', language: 'es', page: 'es', messages: ['no sé', 'ni idea', 'algo que cambió', 'inquieto', 'muy inquieto, no puedo dormir', 'gracias', 'saltar', 'saltar', 'saltar', 'vale'] },
  { id: 'es-frustrated', language: 'es', page: 'es', messages: ['una ruptura', 'esto no sirve de nada', 'sí, toca algo'] },
  { id: 'es-almost', language: 'es', messages: ['Habla de mudarme a otro país', 'con miedo pero ilusionado', 'que el hogar viaja contigo', 'una maleta abierta en el suelo', 'para mí mismo', 'saltar', 'casi, pero la redacción es confusa', 'es para mis amigos de siempre', 'sí'] },
  { id: 'es-short-page', language: 'es', page: 'es', messages: ['triste', 'muy triste', 'saltar', 'saltar', 'saltar', 'saltar', 'sí'] },
];
