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
}
build = {
   type = "builtin",
   modules = {
      ["lede.core"] = {
         sources = {
            "csrc/util/status.c", "csrc/util/strmap.c", "csrc/util/vec.c",
            "csrc/text/abbrev.c", "csrc/text/dateline.c", "csrc/text/normalize.c",
            "csrc/text/paragraph.c", "csrc/text/sentence.c", "csrc/text/stopwords.c",
            "csrc/text/tokenize.c", "csrc/text/utf8.c", "csrc/text/wordlist.c",
            "csrc/article/analyzer.c", "csrc/article/article.c", "csrc/article/date.c",
            "csrc/lua/article.c", "csrc/lua/lede_core.c",
         },
         incdirs = { "csrc", "$(STEMMER_INCDIR)", "$(UTF8PROC_INCDIR)" },
         libdirs = { "$(STEMMER_LIBDIR)", "$(UTF8PROC_LIBDIR)" },
         libraries = { "stemmer", "utf8proc" },
         defines = { "_POSIX_C_SOURCE=200809L" },
      },
      ["lede"] = "lua/lede/init.lua",
      ["lede.read"] = "lua/lede/read.lua",
      ["lede.cli"] = "lua/lede/cli/init.lua",
      ["lede.cli.args"] = "lua/lede/cli/args.lua",
      ["lede.cli.analyze"] = "lua/lede/cli/analyze.lua",
      ["lede.cli.demo"] = "lua/lede/cli/demo.lua",
      ["lede.cli.help"] = "lua/lede/cli/help.lua",
      ["lede.cli.input"] = "lua/lede/cli/input.lua",
      ["lede.cli.sentences"] = "lua/lede/cli/sentences.lua",
   },
   install = {
      bin = { lede = "bin/lede" },
   },
}
