rockspec_format = "3.0"
package = "lede"
version = "scm-1"
source = {
   url = "git+https://example.invalid/lede.git",
}
description = {
   summary = "News articles as structured data: tokens, sentences, entities, quotes, search, summaries and reports.",
   detailed = [[
lede is a C library exposed as a Lua 5.4 module for people who work with news text. It turns
articles into an addressable model (paragraphs, sentences, tokens with stems) with a news-aware
tokenizer and sentence splitter, and ships the `lede` command.
]],
   license = "MIT",
}
dependencies = {
   "lua >= 5.4",
   "lua-cjson",
}
external_dependencies = {
   STEMMER = { header = "libstemmer.h", library = "stemmer" },
   UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
   ZLIB = { header = "zlib.h", library = "z" },
   ZSTD = { header = "zstd.h", library = "zstd" },
}
build = {
   type = "builtin",
   modules = {
      ["lede.core"] = {
         sources = {
            "csrc/util/status.c", "csrc/util/strmap.c", "csrc/util/vec.c", "csrc/text/abbrev.c",
            "csrc/text/dateline.c", "csrc/text/normalize.c", "csrc/text/paragraph.c",
            "csrc/text/sentence.c", "csrc/text/stopwords.c", "csrc/text/tokenize.c",
            "csrc/text/utf8.c", "csrc/text/wordlist.c", "csrc/article/analyzer.c",
            "csrc/article/article.c", "csrc/article/date.c", "csrc/index/analyze.c",
            "csrc/index/buffer.c", "csrc/index/codec.c", "csrc/index/cursor.c",
            "csrc/index/document.c", "csrc/index/exec.c", "csrc/index/fields.c",
            "csrc/index/file.c", "csrc/index/index.c", "csrc/index/manifest.c",
            "csrc/index/merge.c", "csrc/index/plan.c", "csrc/index/query_lex.c",
            "csrc/index/query_parse.c", "csrc/index/search.c", "csrc/index/segment_read.c",
            "csrc/index/segment_write.c", "csrc/index/snippet.c", "csrc/summarize/auto.c",
            "csrc/summarize/centroid.c", "csrc/summarize/graph.c", "csrc/summarize/keyphrase.c",
            "csrc/summarize/keyphrase_candidates.c", "csrc/summarize/lead.c",
            "csrc/summarize/lexrank.c", "csrc/summarize/luhn.c", "csrc/summarize/pacsum.c",
            "csrc/summarize/select.c", "csrc/summarize/sentences.c", "csrc/summarize/summarize.c",
            "csrc/summarize/textrank.c", "csrc/extract/quantity.c", "csrc/extract/quantity_words.c",
            "csrc/extract/ner.c", "csrc/extract/ner_features.c", "csrc/extract/ner_model.c",
            "csrc/extract/ner_train.c", "csrc/lua/ner.c",
            "csrc/extract/gazetteer.c", "csrc/extract/entity_forms.c", "csrc/extract/entities.c",
            "csrc/lua/entities.c",
            "csrc/lua/article.c", "csrc/lua/index.c",
            "csrc/lua/keyphrase.c", "csrc/lua/lede_core.c", "csrc/lua/query.c",
            "csrc/lua/quantity.c", "csrc/lua/snippet.c", "csrc/lua/summarize.c",
            "csrc/extract/timex.c", "csrc/extract/timex_calendar.c", "csrc/extract/timex_lexicon.c",
            "csrc/extract/timex_match.c", "csrc/extract/timex_absolute.c",
            "csrc/extract/timex_relative.c", "csrc/extract/timex_holiday.c", "csrc/lua/timex.c",
            "csrc/extract/attribution.c", "csrc/extract/indirect.c", "csrc/extract/quote_marks.c",
            "csrc/extract/quotes.c", "csrc/extract/speaker_resolve.c", "csrc/extract/textview.c",
            "csrc/lua/quotes.c",
            "csrc/dedup/shingle.c", "csrc/dedup/signature.c", "csrc/dedup/lsh.c",
            "csrc/lua/dedup.c",
         },
         incdirs = { "csrc", "$(STEMMER_INCDIR)", "$(UTF8PROC_INCDIR)", "$(ZLIB_INCDIR)",
                     "$(ZSTD_INCDIR)" },
         libdirs = { "$(STEMMER_LIBDIR)", "$(UTF8PROC_LIBDIR)", "$(ZLIB_LIBDIR)",
                     "$(ZSTD_LIBDIR)" },
         libraries = { "stemmer", "utf8proc", "z", "zstd" },
         defines = { "_POSIX_C_SOURCE=200809L" },
      },
      ["lede.cli.analyze"] = "lua/lede/cli/analyze.lua",
      ["lede.cli.args"] = "lua/lede/cli/args.lua",
      ["lede.cli.demo"] = "lua/lede/cli/demo.lua",
      ["lede.cli.help"] = "lua/lede/cli/help.lua",
      ["lede.cli.index"] = "lua/lede/cli/index.lua",
      ["lede.cli"] = "lua/lede/cli/init.lua",
      ["lede.cli.keyphrases"] = "lua/lede/cli/keyphrases.lua",
      ["lede.cli.input"] = "lua/lede/cli/input.lua",
      ["lede.cli.json"] = "lua/lede/cli/json.lua",
      ["lede.cli.search"] = "lua/lede/cli/search.lua",
      ["lede.cli.sentences"] = "lua/lede/cli/sentences.lua",
      ["lede.cli.summarize"] = "lua/lede/cli/summarize.lua",
      ["lede.cli.util"] = "lua/lede/cli/util.lua",
      ["lede.dedup"] = "lua/lede/dedup.lua",
      ["lede.eval.rouge"] = "lua/lede/eval/rouge.lua",
      ["lede.index"] = "lua/lede/index.lua",
      ["lede"] = "lua/lede/init.lua",
      ["lede.read"] = "lua/lede/read.lua",
      ["lede.summarize"] = "lua/lede/summarize.lua",
   },
   install = {
      bin = { lede = "bin/lede" },
      lua = { -- the entity model and the gazetteer, beside lede/init.lua
         ["lede.ner"] = "data/ner.model",
         ["lede.gazetteer.countries"] = "data/gazetteer/countries.txt",
         ["lede.gazetteer.organizations"] = "data/gazetteer/organizations.txt",
         ["lede.gazetteer.titles"] = "data/gazetteer/titles.txt",
      },
   },
}
