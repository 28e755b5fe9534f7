/* Every error path of the C ABI, the version macros, and tests/data/targets.tsv read through
 * jx_target_parse. Usage: errors DATA_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "jixiao.h"

static int failures = 0;
static int checks = 0;

#define EXPECT(cond) do { checks++; if (!(cond)) { failures++; \
    fprintf(stderr, "%s:%d: expected %s (last error: %s)\n", __FILE__, __LINE__, #cond, jx_last_error()); } } while (0)

static int str_eq(jx_str s, const char *c) { return s.len == strlen(c) && memcmp(s.ptr, c, s.len) == 0; }

static void null_arguments(void) {
    jx_document *doc = (jx_document *)0x1; /* must stay untouched on failure */
    EXPECT(jx_document_parse(NULL, 10, JX_FORMAT_AUTO, &doc) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(doc == (jx_document *)0x1);
    EXPECT(strstr(jx_last_error(), "data") != NULL);
    EXPECT(jx_document_parse((const uint8_t *)"x", 1, JX_FORMAT_AUTO, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_open(NULL, JX_FORMAT_AUTO, &doc) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_open("x", JX_FORMAT_AUTO, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_from_json(NULL, 5, &doc) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(doc == (jx_document *)0x1);

    char *out = (char *)0x1;
    size_t len = 77;
    EXPECT(jx_document_to_json(NULL, true, &out, &len) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_to_csv(NULL, false, &out, &len) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_to_text(NULL, &out, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_to_html(NULL, NULL, false, &out, &len) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(out == (char *)0x1 && len == 77);

    /* Getters that cannot fail give neutral values. */
    EXPECT(jx_document_title(NULL).len == 0 && jx_document_title(NULL).ptr != NULL);
    EXPECT(jx_document_file(NULL).len == 0 && jx_document_file(NULL).ptr != NULL);
    int32_t year = 5;
    EXPECT(!jx_document_year(NULL, &year) && year == 5);
    EXPECT(jx_document_section_count(NULL) == 0);
    EXPECT(jx_document_note_count(NULL) == 0);
    EXPECT(jx_document_overview(NULL) == NULL);
    EXPECT(jx_section_table_count(NULL) == 0);
    EXPECT(jx_section_get_kind(NULL) == JX_SECTION_OTHER);
    EXPECT(jx_table_name(NULL).len == 0);
    EXPECT(!jx_table_toc(NULL, NULL));
    EXPECT(jx_category_level1(NULL) == JX_LEVEL1_OTHER);
    EXPECT(jx_subcategory_indicator_count(NULL) == 0);
    EXPECT(jx_indicator_line(NULL) == 0);
    EXPECT(jx_overview_goal_count(NULL) == 0);
    EXPECT(jx_goal_title(NULL).len == 0);

    const jx_section *sec = NULL;
    EXPECT(jx_document_section(NULL, 0, &sec) == JX_STATUS_NULL_ARGUMENT);
    jx_target t;
    EXPECT(jx_indicator_target(NULL, &t) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_target_get_part(NULL, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    jx_parsed_target *pt = NULL;
    EXPECT(jx_target_parse(NULL, 3, &pt) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_target_parse((const uint8_t *)"x", 1, NULL) == JX_STATUS_NULL_ARGUMENT);
    /* A length past PTRDIFF_MAX is refused before any byte is read. */
    EXPECT(jx_target_parse((const uint8_t *)"x", (size_t)PTRDIFF_MAX + 1, &pt) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_document_parse((const uint8_t *)"x", SIZE_MAX, JX_FORMAT_AUTO, &doc) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(doc == (jx_document *)0x1);
    EXPECT(jx_parsed_target_get(NULL, &t) == JX_STATUS_NULL_ARGUMENT);

    /* Freeing NULL is fine. */
    jx_document_free(NULL);
    jx_parsed_target_free(NULL);
    jx_string_free(NULL);
}

static void bad_input(const char *data_dir) {
    jx_document *doc = NULL;
    /* Garbage bytes. */
    const uint8_t garbage[] = {0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x01};
    EXPECT(jx_document_parse(garbage, sizeof garbage, JX_FORMAT_AUTO, &doc) == JX_STATUS_ENCODING_ERROR);
    EXPECT(doc == NULL);
    /* Text that is not a performance document: a parse error naming the problem. */
    const char *letter = "Dear reader,\nthis is a letter.\n";
    EXPECT(jx_document_parse((const uint8_t *)letter, strlen(letter), JX_FORMAT_AUTO, &doc) == JX_STATUS_PARSE_ERROR);
    EXPECT(strstr(jx_last_error(), "not a performance document") != NULL);
    /* Empty input. */
    EXPECT(jx_document_parse(NULL, 0, JX_FORMAT_AUTO, &doc) == JX_STATUS_PARSE_ERROR);
    /* An explicit encoding: GBK bytes of "第二部分" read as UTF-8 fail at line 1, as GB18030 they parse. */
    const char gbk[] = "\xb5\xda\xb6\xfe\xb2\xbf\xb7\xd6\n1\xa1\xa2x\xbc\xa8\xd0\xa7\xc4\xbf\xb1\xea\xb1\xed\n";
    EXPECT(jx_document_parse_with((const uint8_t *)gbk, strlen(gbk), JX_FORMAT_TEXT, JX_ENCODING_UTF8, &doc) == JX_STATUS_ENCODING_ERROR);
    EXPECT(jx_last_error_line() == 1);
    EXPECT(jx_document_parse_with((const uint8_t *)gbk, strlen(gbk), JX_FORMAT_TEXT, 77, &doc) == JX_STATUS_UNSUPPORTED_FORMAT);
    EXPECT(doc == NULL);
    EXPECT(jx_document_parse_with((const uint8_t *)gbk, strlen(gbk), JX_FORMAT_TEXT, JX_ENCODING_GB18030, &doc) == JX_STATUS_OK);
    EXPECT(jx_document_section_count(doc) == 1);
    jx_document_free(doc);
    doc = NULL;
    /* A ZIP container is named, not misread. */
    EXPECT(jx_document_parse((const uint8_t *)"PK\x03\x04zzzz", 8, JX_FORMAT_AUTO, &doc) == JX_STATUS_UNSUPPORTED_FORMAT);
    /* An unknown format code. */
    EXPECT(jx_document_parse((const uint8_t *)"x", 1, 999, &doc) == JX_STATUS_UNSUPPORTED_FORMAT);
    /* Broken JSON names the line. */
    const char *json = "{\"schema_version\": 1,\n\"title\": }";
    EXPECT(jx_document_from_json(json, strlen(json), &doc) == JX_STATUS_JSON_ERROR);
    EXPECT(jx_last_error_line() == 2);
    /* A path that is not UTF-8, and one that does not exist. */
    EXPECT(jx_document_open("/tmp/\xff\xfe.txt", JX_FORMAT_AUTO, &doc) == JX_STATUS_INVALID_UTF8);
    EXPECT(jx_document_open("/nonexistent/dept.txt", JX_FORMAT_AUTO, &doc) == JX_STATUS_IO_ERROR);
    EXPECT(strstr(jx_last_error(), "/nonexistent/dept.txt") != NULL);
    EXPECT(doc == NULL);
    /* Invalid UTF-8 for a single target. */
    jx_parsed_target *pt = NULL;
    EXPECT(jx_target_parse((const uint8_t *)"\xff\xfe", 2, &pt) == JX_STATUS_INVALID_UTF8 && pt == NULL);

    /* Out of range on a real document; the last error clears on success. */
    char path[4096];
    snprintf(path, sizeof path, "%s/000_3e963503b18f6771.txt", data_dir);
    EXPECT(jx_document_open(path, JX_FORMAT_TEXT, &doc) == JX_STATUS_OK);
    EXPECT(strcmp(jx_last_error(), "") == 0);
    const jx_section *sec = NULL;
    EXPECT(jx_document_section(doc, 2, &sec) == JX_STATUS_OUT_OF_RANGE && sec == NULL);
    EXPECT(strstr(jx_last_error(), "out of range") != NULL);
    EXPECT(jx_document_section(doc, (size_t)-1, &sec) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_document_section(doc, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_section(doc, 0, &sec) == JX_STATUS_OK);
    const jx_table *table = NULL;
    EXPECT(jx_section_table(sec, 23, &table) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_section_table(sec, 0, &table) == JX_STATUS_OK);
    jx_str col;
    EXPECT(jx_table_column(table, 6, &col) == JX_STATUS_OUT_OF_RANGE);
    const jx_category *cat = NULL;
    EXPECT(jx_table_category(table, 3, &cat) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_category(table, 0, &cat) == JX_STATUS_OK);
    const jx_subcategory *sub = NULL;
    EXPECT(jx_category_child(cat, 4, &sub) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_category_child(cat, 0, &sub) == JX_STATUS_OK);
    const jx_indicator *ind = NULL;
    EXPECT(jx_subcategory_indicator(sub, 1, &ind) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_subcategory_indicator(sub, 0, &ind) == JX_STATUS_OK);
    jx_target t;
    EXPECT(jx_indicator_target(ind, &t) == JX_STATUS_OK && t.kind == JX_TARGET_COMPOUND && t.part_count == 2);
    jx_target_part part;
    EXPECT(jx_target_get_part(&t, 2, &part) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_target_get_part(&t, 1, &part) == JX_STATUS_OK && part.value == 1630.0 && str_eq(part.unit, "名"));
    jx_str k, v;
    EXPECT(jx_indicator_extra(ind, 0, &k, &v) == JX_STATUS_OUT_OF_RANGE);
    jx_note note;
    EXPECT(jx_document_note(doc, 0, &note) == JX_STATUS_OUT_OF_RANGE);
    const jx_overview *ov = jx_document_overview(doc);
    const jx_goal *goal = NULL;
    EXPECT(jx_overview_goal(ov, 6, &goal) == JX_STATUS_OUT_OF_RANGE);
    jx_safeguard sg;
    EXPECT(jx_overview_safeguard(ov, 2, &sg) == JX_STATUS_OUT_OF_RANGE);
    jx_subheading head;
    EXPECT(jx_overview_subheading(ov, 3, &head) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_overview_subheading(ov, 1, &head) == JX_STATUS_OK && head.has_toc && str_eq(head.toc.identifier, "A"));
    EXPECT(jx_overview_subheading(ov, 0, &head) == JX_STATUS_OK && !head.has_toc && head.line == 3);

    /* Writers, and JSON read back. */
    char *json_out = NULL;
    size_t json_len = 0;
    EXPECT(jx_document_to_json(doc, false, &json_out, &json_len) == JX_STATUS_OK);
    EXPECT(json_len == strlen(json_out) && strncmp(json_out, "{\"schema_version\":2,", 20) == 0);
    jx_document *again = NULL;
    EXPECT(jx_document_from_json(json_out, json_len, &again) == JX_STATUS_OK);
    EXPECT(jx_document_indicator_count(again) == 115);
    EXPECT(jx_document_file(again).len == 0);
    /* A line of `jixiao parse --format ndjson` names its file. */
    jx_document *line = NULL;
    const char *named = "{\"schema_version\":1,\"file\":\"dir/a.txt\",\"title\":\"\",\"year\":null,\"overview\":null,\"sections\":[],\"notes\":[]}";
    EXPECT(jx_document_from_json(named, strlen(named), &line) == JX_STATUS_OK && str_eq(jx_document_file(line), "dir/a.txt"));
    jx_document_free(line);
    char *csv = NULL;
    EXPECT(jx_document_to_csv(again, true, &csv, NULL) == JX_STATUS_OK && strncmp(csv, "\xEF\xBB\xBF" "section_kind,", 16) == 0);
    char *text = NULL;
    EXPECT(jx_document_to_text(again, &text, NULL) == JX_STATUS_OK && strncmp(text, "2020年", 7) == 0);
    jx_string_free(json_out);
    jx_string_free(csv);
    jx_string_free(text);
    jx_document_free(again);
    jx_document_free(doc);
}

/* The memory budget: a workbook read within a budget it passes is a parse error naming the
 * reader and the limit, and nothing is handed out; with 0 (the default) it reads. */
static void memory_budget(const char *data_dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/sheets-features.xlsx", data_dir);
    jx_document *doc = NULL;
    EXPECT(jx_document_open_within(path, JX_FORMAT_AUTO, 1000, &doc) == JX_STATUS_PARSE_ERROR);
    EXPECT(doc == NULL);
    EXPECT(strstr(jx_last_error(), "max_memory") != NULL && strstr(jx_last_error(), "xlsx reader") != NULL);
    EXPECT(strstr(jx_last_error(), "sheets-features.xlsx") != NULL);
    EXPECT(jx_document_open_within(path, JX_FORMAT_AUTO, 0, &doc) == JX_STATUS_OK);
    jx_document_free(doc);
    doc = NULL;
    const char *text = "1、x绩效目标表\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t人次\t≥10人次\n";
    EXPECT(jx_document_parse_within((const uint8_t *)text, strlen(text), JX_FORMAT_TEXT, JX_ENCODING_AUTO, 10, &doc) == JX_STATUS_PARSE_ERROR);
    EXPECT(doc == NULL && strstr(jx_last_error(), "max_memory") != NULL);
    EXPECT(jx_document_parse_within((const uint8_t *)text, strlen(text), JX_FORMAT_TEXT, JX_ENCODING_AUTO, 0, &doc) == JX_STATUS_OK);
    jx_document_free(doc);
}

static void version(void) {
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", JX_VERSION_MAJOR, JX_VERSION_MINOR, JX_VERSION_PATCH);
    EXPECT(strcmp(jx_version(), expected) == 0);
    EXPECT(strstr(jx_schema_json(), "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") != NULL);
}

/* A file of the sample in another format reads to its 115 indicators with nothing left over,
   told from its content and named by its format code alike. */
static void reads_as(const char *data_dir, const char *name, jx_format format) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    jx_format formats[] = {JX_FORMAT_AUTO, format};
    for (size_t i = 0; i < 2; i++) {
        jx_document *doc = NULL;
        EXPECT(jx_document_open(path, formats[i], &doc) == JX_STATUS_OK);
        EXPECT(jx_document_indicator_count(doc) == 115 && jx_document_note_count(doc) == 0);
        jx_document_free(doc);
    }
}

static const char *kind_name(jx_target_kind k) {
    static const char *names[] = {"empty", "quantity", "range", "compound", "qualitative", "as_actual", "deadline", "placeholder"};
    return (unsigned)k < 8 ? names[k] : "?";
}

static const char *comparator_name(jx_comparator c) {
    static const char *names[] = {"", "ge", "gt", "eq", "lt", "le"};
    return (unsigned)c < 6 ? names[c] : "?";
}

/* Every case of tests/data/targets.tsv reads the same through C as in Rust. */
static void targets(const char *data_dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/targets.tsv", data_dir);
    FILE *f = fopen(path, "rb");
    EXPECT(f != NULL);
    if (!f) return;
    char line[2048];
    int cases = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') continue;
        line[strcspn(line, "\n")] = 0;
        char *cells[11] = {0};
        int n = 0;
        char *p = line;
        while (n < 11) {
            cells[n++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        EXPECT(n == 11);
        if (n != 11) continue;
        jx_parsed_target *pt = NULL;
        EXPECT(jx_target_parse((const uint8_t *)cells[0], strlen(cells[0]), &pt) == JX_STATUS_OK);
        jx_target t;
        EXPECT(jx_parsed_target_get(pt, &t) == JX_STATUS_OK);
        int ok = str_eq(t.raw, cells[0]) && strcmp(kind_name(t.kind), cells[1]) == 0 &&
                 strcmp(comparator_name(t.comparator), cells[2]) == 0 && t.sign_given == (cells[3][0] == '1') &&
                 t.has_value == (cells[4][0] != 0) && (!t.has_value || t.value == strtod(cells[4], NULL)) &&
                 t.has_upper == (cells[5][0] != 0) && (!t.has_upper || t.upper == strtod(cells[5], NULL)) &&
                 str_eq(t.unit, cells[6]) && t.has_value_yuan == (cells[8][0] != 0) &&
                 (!t.has_value_yuan || t.value_yuan == strtod(cells[8], NULL)) &&
                 t.part_count == (size_t)atoi(cells[10]);
        if (!ok) fprintf(stderr, "target case %s reads differently through C\n", cells[0]);
        EXPECT(ok);
        jx_parsed_target_free(pt);
        cases++;
    }
    fclose(f);
    EXPECT(cases >= 150);
}

/* Word files and spreadsheets through C: by content or by format code, located, and written. */
static void word_and_excel(const char *data_dir) {
    char path[4096];
    jx_document *doc = NULL;
    snprintf(path, sizeof path, "%s/000_3e963503b18f6771.docx", data_dir);
    EXPECT(jx_document_open(path, JX_FORMAT_AUTO, &doc) == JX_STATUS_OK);
    EXPECT(jx_document_indicator_count(doc) == 115);
    const jx_section *sec = NULL;
    const jx_table *table = NULL;
    EXPECT(jx_document_section(doc, 0, &sec) == JX_STATUS_OK && jx_section_table(sec, 0, &table) == JX_STATUS_OK);
    /* Each node carries its own place: a Word file's table title is a body paragraph, and a
       Word file has no lines. */
    jx_location at = jx_table_location(table);
    EXPECT(at.paragraph > 0 && at.table == 0 && at.sheet.len == 0 && at.line == 0 && jx_table_line(table) == 0);
    at = jx_table_location(NULL);
    EXPECT(at.line == 0 && at.paragraph == 0 && at.sheet.len == 0);
    char out[4200];
    snprintf(out, sizeof out, "%s/../../build/c/roundtrip.xlsx", data_dir);
    EXPECT(jx_document_write_xlsx(doc, out, false) == JX_STATUS_OK);
    EXPECT(jx_document_write_xlsx(NULL, out, true) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_write_xlsx(doc, "/nonexistent-dir/x.xlsx", false) == JX_STATUS_IO_ERROR);
    jx_document_free(doc);
    doc = NULL;
    EXPECT(jx_document_open(out, JX_FORMAT_XLSX, &doc) == JX_STATUS_OK);
    EXPECT(jx_document_indicator_count(doc) == 115);
    EXPECT(jx_document_section(doc, 0, &sec) == JX_STATUS_OK && jx_section_table(sec, 0, &table) == JX_STATUS_OK);
    at = jx_table_location(table);
    EXPECT(at.sheet.len > 0 && at.cell.len > 0);
    jx_document_free(doc);
    doc = NULL;
    /* From memory as well as from a path, by content or by format code. */
    snprintf(path, sizeof path, "%s/docx-features.docx", data_dir);
    FILE *f = fopen(path, "rb");
    EXPECT(f != NULL);
    if (f) {
        static unsigned char buf[1 << 16];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        EXPECT(jx_document_parse(buf, n, JX_FORMAT_DOCX, &doc) == JX_STATUS_OK);
        EXPECT(jx_document_indicator_count(doc) == 3 && jx_document_note_count(doc) == 2);
        jx_note note;
        EXPECT(jx_document_note(doc, 0, &note) == JX_STATUS_OK);
        EXPECT(note.location.table == 1 && note.location.row == 4 && note.location.column == 3 && note.line == 0);
        jx_document_free(doc);
        doc = NULL;
    }
    /* The published formats, each by content and by its format code: a web page (the GBK page
       says GBK in its <meta>), an old binary Word file, a PDF. */
    reads_as(data_dir, "published/000_3e963503b18f6771-gbk.html", JX_FORMAT_HTML);
    reads_as(data_dir, "published/000_3e963503b18f6771-messy.doc", JX_FORMAT_DOC);
    reads_as(data_dir, "published/000_3e963503b18f6771-headers.pdf", JX_FORMAT_PDF);
    /* A PDF's places carry their page: the overview's heading is page 1's second paragraph. */
    snprintf(path, sizeof path, "%s/published/000_3e963503b18f6771.pdf", data_dir);
    EXPECT(jx_document_open(path, JX_FORMAT_PDF, &doc) == JX_STATUS_OK);
    at = jx_overview_location(jx_document_overview(doc));
    EXPECT(at.page == 1 && at.paragraph == 2 && at.table == 0);
    jx_document_free(doc);
    doc = NULL;
    /* A scan is an error that says OCR is needed. */
    snprintf(path, sizeof path, "%s/published/scan.pdf", data_dir);
    EXPECT(jx_document_open(path, JX_FORMAT_AUTO, &doc) == JX_STATUS_PARSE_ERROR && doc == NULL);
    EXPECT(strstr(jx_last_error(), "OCR") != NULL);
    snprintf(path, sizeof path, "%s/docx-features.docx", data_dir);
    /* A .docx given as a spreadsheet is an error, not a crash. */
    EXPECT(jx_document_open(path, JX_FORMAT_XLSX, &doc) != JX_STATUS_OK && doc == NULL);
    snprintf(path, sizeof path, "%s/sheets-features.ods", data_dir);
    EXPECT(jx_document_open(path, JX_FORMAT_AUTO, &doc) == JX_STATUS_OK);
    EXPECT(jx_document_note_count(doc) == 3);
    jx_document_free(doc);
}

/* Kangxi radicals (⽬, U+2F6C, as Chromium's PDFs map 目) read as the ideograph, counted. */
static void folded_chars(void) {
    const char text[] = "第二部分 专项资金绩效⽬标\n1、甲绩效⽬标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n"
                        "\t产出指标\n\t数量指标\n\t培训人数\n\t≥100人\n\n";
    jx_document *doc = NULL;
    EXPECT(jx_document_parse_with((const uint8_t *)text, sizeof text - 1, JX_FORMAT_TEXT, JX_ENCODING_UTF8, &doc) == JX_STATUS_OK);
    EXPECT(jx_document_folded_chars(doc) == 2);
    EXPECT(jx_document_indicator_count(doc) == 1);
    jx_document_free(doc);
    EXPECT(jx_document_folded_chars(NULL) == 0);
}

/* A damaged text: refused by default (naming its line), read with JX_ENCODING_REPLACE_ERRORS,
 * each bad byte sequence listed with its line and offset. */
static void replaced_bytes(void) {
    const char text[] = "第二部分 专项资金绩效目标\n1、甲绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n"
                        "\t产出指标\n\t数量指标\n\t培训\xff人数\n\t≥100人\n\n";
    jx_document *doc = NULL;
    EXPECT(jx_document_parse_with((const uint8_t *)text, sizeof text - 1, JX_FORMAT_TEXT, JX_ENCODING_UTF8, &doc) == JX_STATUS_ENCODING_ERROR);
    EXPECT(doc == NULL && jx_last_error_line() == 10);
    EXPECT(jx_document_parse_with((const uint8_t *)text, sizeof text - 1, JX_FORMAT_TEXT, JX_ENCODING_UTF8 | JX_ENCODING_REPLACE_ERRORS, &doc) == JX_STATUS_OK);
    EXPECT(jx_document_replaced_count(doc) == 1);
    jx_replaced_bytes r;
    EXPECT(jx_document_replaced(doc, 0, &r) == JX_STATUS_OK);
    EXPECT(r.line == 10 && str_eq(r.bytes, "ff") && text[r.offset] == '\xff');
    EXPECT(jx_document_replaced(doc, 1, &r) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_document_indicator_count(doc) == 1);
    jx_document_free(doc);
    EXPECT(jx_document_replaced_count(NULL) == 0);
    EXPECT(jx_document_replaced(NULL, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_parse_with((const uint8_t *)text, sizeof text - 1, JX_FORMAT_TEXT, 7 | JX_ENCODING_REPLACE_ERRORS, &doc) == JX_STATUS_UNSUPPORTED_FORMAT);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: errors DATA_DIR\n"); return 2; }
    replaced_bytes();
    folded_chars();
    null_arguments();
    bad_input(argv[1]);
    version();
    targets(argv[1]);
    word_and_excel(argv[1]);
    memory_budget(argv[1]);
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
