/** Just enough XML writing for MusicXML: escaped text, attributes, and elements built as strings. */

/** Characters XML 1.0 cannot hold at all (control characters other than tab and newlines). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// Line breaks and tabs become character references so indentation can never alter text.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Escape text for element content or an attribute value: escapeXml('Rock & <Roll>') → "Rock &amp; &lt;Roll&gt;". */
export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/[&<>"'\n\r\t]/g, (c) => ENTITIES[c]!);
}

type Attributes = Record<string, string | number | undefined>;

/** `<name a="1">children</name>`, or `<name a="1"/>` with no children; children are already XML. */
export function el(name: string, attributes: Attributes = {}, ...children: (string | false | undefined)[]): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const kids = children.filter((c): c is string => typeof c === 'string' && c !== '');
  if (kids.length === 0) return `<${name}${attrs}/>`;
  // Element-only content: line breaks and indentation between children are insignificant.
  const body = kids.map((c) => '  ' + c.replace(/\n/g, '\n  ')).join('\n');
  return `<${name}${attrs}>\n${body}\n</${name}>`;
}

/** An element holding escaped text: text('step', 'C') → "<step>C</step>". */
export function text(name: string, value: string | number, attributes: Attributes = {}): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return `<${name}${attrs}>${escapeXml(String(value))}</${name}>`;
}
