//! The text after each command's option list: examples, exit codes, the formats read.

pub const TOP: &str = "\
Formats read (told from the content, never from the file name):
  .docx                Word files
  .doc .wps            old binary Word files (Word 97–2003, WPS Writer)
  .xlsx .xls .ods      spreadsheets (one table per sheet, or a sheet of many projects)
  .xml .xls            Excel 2003 XML (SpreadsheetML), as budget systems export it
  .csv .tsv            a sheet of cells (comma, TAB or semicolon; UTF-8 or GBK), and jixiao's own CSV
  .txt                 Word's plain-text save, in UTF-8, UTF-16 or GBK/GB18030
  .json                jixiao's own JSON (what `jixiao parse` writes)
  .html .htm           web pages: published tables, and what Word, Excel, WPS or LibreOffice save as one
  .mht .mhtml          single-file web pages (as Word, IE or Chromium save one)
  .pdf                 PDF with a text layer (as Word, WPS or LibreOffice export it); a scan needs OCR first
Not read: Word 6/95 .doc files and WPS Spreadsheets .et files. Convert them first, e.g.
  libreoffice --headless --convert-to docx FILE.doc

Examples:
  jixiao parse report.docx                          the document as JSON
  jixiao parse *.txt --format csv --bom -o all.csv  every indicator of many files, for Excel
  jixiao check report.docx --lang zh                review the tables (审核), in Chinese
  jixiao score selfeval.xlsx                        re-score a self-evaluation (自评表)
  jixiao target '≥1,500人' '不超过10万元'            how a 指标值 reads
  jixiao completions bash > ~/.local/share/bash-completion/completions/jixiao

Exit codes:
  0  success
  1  check or score: an error-level finding remains
  2  an input could not be read (the others are still processed), or bad usage;
     one line on stderr names the file, the place and the reason";

pub const PARSE: &str = "\
Examples:
  jixiao parse report.txt                           pretty JSON
  jixiao parse a.docx b.xlsx --compact              one JSON document per line
  jixiao parse dir/ --format ndjson -o all.ndjson   the same for a directory, written as it is read
  jixiao parse dir/ --format csv --bom -o all.csv   every document under dir/, a `file` column
  jixiao parse report.docx --format text            Word-style text (reads back the same)
  jixiao parse report.docx --format html -o t.html  the tables drawn as the form, one page
  jixiao parse report.docx --format xlsx -o out.xlsx
  cat report.txt | jixiao parse - --encoding gb18030

Content the reader cannot place is kept in `notes` and reported on stderr (-q silences it).
Exit codes: 0 success; 2 an input could not be read (the others are still written), or bad usage.";

pub const CHECK: &str = "\
Examples:
  jixiao check report.docx                          findings with the text they point at
  jixiao check dir/ --format csv --bom -o f.csv     one row per finding, for Excel
  jixiao check dir/ --format ndjson -j 2            one finding per line, two files at a time
  jixiao check report.txt --deny warnings           fail on any warning too
  jixiao check report.txt --allow as-actual-target  turn a rule off
  jixiao check --list-rules                         every rule with its default
Settings come from the nearest jixiao.toml ([review]), then the options in order.
Exit codes: 0 no error-level finding; 1 an error-level finding; 2 an input could not be read.";

pub const SCORE: &str = "\
Examples:
  jixiao score selfeval.xlsx                        each table's score against the one it reports
  jixiao score targets.docx --actuals actual.csv    score a target table with actual results
  jixiao score selfeval.xlsx --format csv --bom -o scores.csv
  jixiao score dir/ --format ndjson                 each input's report on a line of its own
The rules' numbers come from [score] of the nearest jixiao.toml.
Exit codes: 0 no error-level finding; 1 an error-level finding; 2 an input could not be read.";

pub const SERVE: &str = "\
Examples:
  jixiao serve                                      open http://localhost:8080/ and drop files on the page
  jixiao serve tests/data                           every session starts with the documents under tests/data
  jixiao serve --port 0                             a free port (the address is printed on stdout)
  jixiao serve --listen 0.0.0.0:8080 --token-file t.txt   on the network, every request carrying the token
Nothing is written to disk and nothing is fetched from outside; each browser session sees its own files.
Exit codes: 0 stopped (Ctrl-C); 2 it could not start (address, token, a path).";

pub const TARGET: &str = "\
Examples:
  jixiao target '≥90%' '2-3次' '明显提高'
  cut -f5 table.tsv | jixiao target";

pub const SCHEMA: &str = "\
Examples:
  jixiao schema > jixiao.schema.json                the document's JSON Schema (draft 2020-12)
  jixiao schema --findings                          the schema of `check --format json`";

pub const COMPLETIONS: &str = "\
Examples:
  jixiao completions bash > ~/.local/share/bash-completion/completions/jixiao
  jixiao completions zsh > ~/.zfunc/_jixiao
  jixiao completions fish > ~/.config/fish/completions/jixiao.fish
`make install` puts them (and the man page) in place.";
