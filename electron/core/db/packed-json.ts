/**
 * JSON stored compactly in a BLOB: bills' and quotes' fee input and calculation (issue 17: at a million tickets
 * the two texts were ~930 bytes a bill, the keys and words of every bill the same). A packed value is a version
 * byte, then the JSON text deflated (raw) against a preset dictionary of those keys and words, so even a small
 * bill packs well. Rows written before are JSON text and read as they are. The dictionary of a version never
 * changes: a better one is a new version byte.
 */
import zlib from 'node:zlib';

/** Typical fee JSON: what a bill's input and calculation repeat, the most frequent last (deflate reaches back from the end). */
const DICTIONARY_1 = Buffer.from(
  [
    '{"kind":"percent","percentBp":1000}{"kind":"amount","amountFen":',
    '"reason":"outOfWarranty""reason":"wearPart""reason":"override""overrideReason":"',
    '{"kind":"labour","productLine":"家电","difficulty":"complex","unit":"hour","quantity":2}',
    '{"kind":"travel","unit":"km","quantity":12},{"kind":"part","partNo":"R32-KFR","quantity":1}',
    '{"lines":[{"kind":"labour","productLine":"电脑","difficulty":"standard","unit":"visit","quantity":1},{"kind":"callout","quantity":1}],"discount":{"kind":"none"}}',
    '{"kind":"part","description":"制冷剂 R32（1 kg） (R32-KFR)","unitFen":7400,"quantity":2,"amountFen":14800,"covered":false,"reason":"consumable","consumable":true,"overrideReason":null}',
    '{"kind":"travel","description":"km","unitFen":200,"quantity":17,"amountFen":3400,"covered":false,"reason":"unknownWarranty","consumable":false,"overrideReason":null}',
    '{"lines":[{"kind":"labour","description":"电脑/standard","unitFen":5600,"quantity":1,"amountFen":5600,"covered":true,"reason":"warranty","consumable":false,"overrideReason":null},',
    '{"kind":"callout","description":"","unitFen":4600,"quantity":1,"amountFen":4600,"covered":false,"reason":"unknownWarranty","consumable":false,"overrideReason":null}],',
    '"subtotalFen":32300,"coveredFen":0,"chargedFen":32300,"discountFen":0,"discountNeedsApproval":false,"taxFen":1938,"totalFen":34238,"suggestReplace":false,"modelValueFen":420000}',
  ].join(''),
);

const VERSION_1 = 1;

/** The value as a packed BLOB. */
export function packJson(value: unknown): Buffer {
  const deflated = zlib.deflateRawSync(Buffer.from(JSON.stringify(value)), { level: 9, dictionary: DICTIONARY_1 });
  return Buffer.concat([Buffer.from([VERSION_1]), deflated]);
}

/** A stored value back: packed (a BLOB) or as rows written before kept it (JSON text). */
export function unpackJson(stored: string | Uint8Array): unknown {
  if (typeof stored === 'string') return JSON.parse(stored);
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes[0] !== VERSION_1) throw new Error(`packed JSON of unknown version ${bytes[0]}`);
  return JSON.parse(zlib.inflateRawSync(bytes.subarray(1), { dictionary: DICTIONARY_1 }).toString('utf8'));
}
