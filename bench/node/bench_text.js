// One timed pass of a Node NLP library over the news corpus, for bench/bench_text.sh (which runs
// it, repeats it and reports). usage: node bench/node/bench_text.js wink-nlp|compromise FILE:FIELD...
// Prints one line: engine bytes texts sentences tokens seconds (tab-separated), like bench_text.lua.
'use strict';
const fs = require('fs');

// Each engine returns a function text -> [sentences, tokens]; building it (model load) is untimed.
const engines = {
  'wink-nlp': () => {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    // Tokenization always runs; 'sbd' is the only pipe asked for, so no POS, NER, sentiment...
    const nlp = winkNLP(model, ['sbd']);
    return (text) => {
      const doc = nlp.readDoc(text);
      return [doc.sentences().length(), doc.tokens().length()];
    };
  },
  compromise: () => {
    // compromise has no pipe to switch off: nlp() always tokenizes and tags.
    const nlp = require('compromise');
    return (text) => {
      const doc = nlp(text);
      return [doc.sentences().length, doc.terms().length];
    };
  },
};

function loadTexts(specs) {
  const texts = [];
  for (const spec of specs) {
    const cut = spec.lastIndexOf(':');
    const path = spec.slice(0, cut);
    const field = spec.slice(cut + 1);
    for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = JSON.parse(line)[field];
      if (typeof text === 'string' && text !== '') texts.push(text);
    }
  }
  return texts;
}

function main([name, ...specs]) {
  if (!engines[name] || specs.length === 0) {
    console.error(`usage: node bench_text.js ${Object.keys(engines).join('|')} FILE:FIELD...`);
    process.exit(2);
  }
  const analyse = engines[name]();
  const texts = loadTexts(specs);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

  let sentences = 0;
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  for (const text of texts) {
    const [s, t] = analyse(text);
    sentences += s;
    tokens += t;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  console.log([name, bytes, texts.length, sentences, tokens, seconds.toFixed(6)].join('\t'));
}

main(process.argv.slice(2));
