/**
 * Reads the cronometer packaging of USDA SR24: one `<food uid name …>` element per XML file,
 * with `<measure amount name grams/>` and `<nutrient amount name/>` children.
 */

export interface Sr24XmlMeasure {
  amount: number;
  name: string;
  grams: number;
}

export interface Sr24XmlFood {
  /** NDB number, 5 digits with leading zeros, e.g. "01123". */
  ndb: string;
  name: string;
  /** Nutrient amounts per 100 g by XML nutrient name, in the XML's units. */
  nutrients: Map<string, number>;
  measures: Sr24XmlMeasure[];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const decoded = ENTITIES[entity];
    if (decoded === undefined) throw new Error(`unknown XML entity ${whole}`);
    return decoded;
  });
}

function attributes(tag: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of tag.matchAll(/([A-Za-z_][\w-]*)="([^"]*)"/g)) {
    result.set(match[1] as string, decodeXmlText(match[2] as string));
  }
  return result;
}

function requireNumber(value: string | undefined, what: string): number {
  const parsed = value === undefined || value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`${what}: not a number: ${String(value)}`);
  return parsed;
}

/**
 * Parses one `<food>` element.
 * @example parseSr24FoodXml('<food uid="11233" name="Kale, raw"><nutrient amount="817.0" name="Vitamin K"/></food>')
 */
export function parseSr24FoodXml(xml: string): Sr24XmlFood {
  const open = /<food\s[^>]*>/.exec(xml);
  if (!open) throw new Error('no <food> element');
  const foodAttributes = attributes(open[0]);
  const uid = foodAttributes.get('uid');
  const name = foodAttributes.get('name');
  if (!uid || !/^\d{4,5}$/.test(uid)) throw new Error(`food uid missing or malformed: ${uid}`);
  if (!name) throw new Error(`food ${uid}: no name`);
  const ndb = uid.padStart(5, '0');
  const nutrients = new Map<string, number>();
  const measures: Sr24XmlMeasure[] = [];
  for (const tag of xml.matchAll(/<(nutrient|measure)\s[^>]*>/g)) {
    const attrs = attributes(tag[0]);
    if (tag[1] === 'nutrient') {
      const nutrientName = attrs.get('name');
      if (!nutrientName) throw new Error(`food ${ndb}: nutrient without name`);
      if (nutrients.has(nutrientName)) throw new Error(`food ${ndb}: ${nutrientName} twice`);
      nutrients.set(
        nutrientName,
        requireNumber(attrs.get('amount'), `food ${ndb} ${nutrientName} amount`),
      );
    } else {
      const measureName = attrs.get('name');
      if (!measureName) throw new Error(`food ${ndb}: measure without name`);
      measures.push({
        name: measureName,
        amount: requireNumber(attrs.get('amount'), `food ${ndb} measure ${measureName} amount`),
        grams: requireNumber(attrs.get('grams'), `food ${ndb} measure ${measureName} grams`),
      });
    }
  }
  return { ndb, name, nutrients, measures };
}

/** Splits the concatenation of many XML files (`unzip -p jar '*.xml'`) into `<food>` elements. */
export function splitSr24Foods(concatenated: string): string[] {
  return concatenated.match(/<food\s[^>]*?\/>|<food\s[\s\S]*?<\/food>/g) ?? [];
}

/** `foods.index` / `deprecated.index`: one `NDB|name` per line. */
export function parseSr24Index(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const id = line.split('|')[0]?.trim() ?? '';
      if (!/^\d{4,5}$/.test(id)) throw new Error(`index line malformed: ${line}`);
      return id.padStart(5, '0');
    });
}
