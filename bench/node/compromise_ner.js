// compromise's named entities for bench/extract/ner.lua (`make eval-ner`), one process over all
// documents. usage: node bench/node/compromise_ner.js IN.jsonl OUT.jsonl
// IN: one {"text": ...} per line. OUT: one {"entities": [{start, end, type}]} per line, in the
// same order, with 0-based UTF-8 *byte* offsets (end exclusive), types PER/ORG/LOC from
// people() / organizations() / places().
//
// compromise's match offsets are UTF-16 code units and cover whole terms, so they take in the
// punctuation glued to a word ("(Acme Corp.)", "Paris.") and a possessive ("Smith's"); honorific
// terms ("Mr.", "captain") are part of people(). Each span is normalised the way CoNLL marks
// names: honorifics dropped, then leading/trailing punctuation and white space and a final
// possessive 's trimmed. Offsets are then converted to bytes.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const [inPath, outPath] = process.argv.slice(2);
if (!inPath || !outPath) {
  console.error('usage: node compromise_ner.js IN.jsonl OUT.jsonl');
  process.exit(2);
}

const kinds = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']];
const edgePunct = /[\s\p{P}\p{S}]/u;

function trim(text, start, end) {
  for (;;) {
    const before = end;
    while (start < end && edgePunct.test(text[start])) start++;
    while (end > start && edgePunct.test(text[end - 1])) end--;
    if (end - start > 2 && /^['’]s$/i.test(text.slice(end - 2, end))) end -= 2;
    if (end === before) return [start, end];
  }
}

const out = [];
let seconds = 0;
for (const line of fs.readFileSync(inPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const text = JSON.parse(line).text;
  const t0 = process.hrtime.bigint();
  const doc = nlp(text);
  const entities = [];
  const seen = new Set();
  for (const [method, type] of kinds) {
    let view = doc[method]();
    if (type === 'PER') view = view.not('#Honorific');
    for (const m of view.json({ offset: true })) {
      const [s, e] = trim(text, m.offset.start, m.offset.start + m.offset.length);
      if (e <= s) continue;
      const start = Buffer.byteLength(text.slice(0, s), 'utf8');
      const end = start + Buffer.byteLength(text.slice(s, e), 'utf8');
      const key = `${start}:${end}:${type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entities.push({ start, end, type, text: text.slice(s, e) });
    }
  }
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  out.push(JSON.stringify({ entities }));
}
fs.writeFileSync(outPath, out.join('\n') + '\n');
console.error(`compromise_ner: ${out.length} documents in ${seconds.toFixed(2)} s`);
