// One timed pass of compromise's extraction over the news corpus, for bench/bench_extract.sh
// (which runs it, repeats it and reports). usage: node bench/node/bench_extract.js FILE:FIELD...
// Prints one line: engine bytes texts items seconds (tab-separated), like bench_extract.lua.
//
// The nearest compromise 14 (core, no plugins) comes to lede's entities + quotes + dates +
// quantities: nlp(text) (tokenize and tag), then people(), places(), organizations(),
// quotations() and numbers(), each read out as an array. Core compromise has no dates() (that is
// the compromise-dates plugin), so dates are not extracted on this side.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

function loadTexts(specs) {
  const texts = [];
  for (const spec of specs) {
    const cut = spec.lastIndexOf(':');
    for (const line of fs.readFileSync(spec.slice(0, cut), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = JSON.parse(line)[spec.slice(cut + 1)];
      if (typeof text === 'string' && text !== '') texts.push(text);
    }
  }
  return texts;
}

const specs = process.argv.slice(2);
if (specs.length === 0) {
  console.error('usage: node bench_extract.js FILE:FIELD...');
  process.exit(2);
}
const texts = loadTexts(specs);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

let items = 0;
const t0 = process.hrtime.bigint();
for (const text of texts) {
  const doc = nlp(text);
  items += doc.people().out('array').length + doc.places().out('array').length +
    doc.organizations().out('array').length + doc.quotations().out('array').length +
    doc.numbers().out('array').length;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(['compromise', bytes, texts.length, items, seconds.toFixed(6)].join('\t'));
