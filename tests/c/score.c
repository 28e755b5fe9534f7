/* Self-evaluation scoring through the C ABI: the sample workbook re-scored as computed by hand,
 * the rules, actuals from memory, and every export with hostile arguments.
 * Usage: score DATA_DIR */
#include <math.h>
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
static int near(double a, double b) { return fabs(a - b) < 1e-3; }

static jx_document *open_doc(const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    jx_document *doc = NULL;
    if (jx_document_open(path, JX_FORMAT_AUTO, &doc) != JX_STATUS_OK) {
        fprintf(stderr, "%s: %s\n", path, jx_last_error());
        exit(1);
    }
    return doc;
}

static void workbook(const char *dir) {
    jx_document *doc = open_doc(dir, "selfeval-sample.xlsx");
    jx_score_report *r = NULL;
    EXPECT(jx_document_score(doc, NULL, &r) == JX_STATUS_OK);
    EXPECT(jx_score_table_count(r) == 4);
    /* Totals computed by hand (see crates/jixiao/tests/score.rs). */
    const double totals[4] = {91.0951, 93.2870, 83.7328, 85.8245};
    const char *grades[4] = {"优", "优", "良", "良"};
    for (size_t t = 0; t < 4; t++) {
        jx_table_score ts;
        EXPECT(jx_score_table_get(r, t, &ts) == JX_STATUS_OK);
        EXPECT(near(ts.total, totals[t]) && str_eq(ts.grade, grades[t]) && ts.table_number == t + 1);
        EXPECT(ts.indicator_count == 3 && ts.level1_count == 3 && ts.has_execution && ts.has_reported_total);
    }
    jx_table_score first;
    EXPECT(jx_score_table_get(r, 0, &first) == JX_STATUS_OK);
    EXPECT(near(first.execution.rate, 173.19 / 200.0) && near(first.execution.score, 8.6595) && first.execution.budget == 2000000.0);
    jx_indicator_score is;
    EXPECT(jx_score_indicator_get(r, 0, 0, &is) == JX_STATUS_OK);
    EXPECT(is.rule == JX_SCORE_QUALITATIVE && is.band == JX_BAND_ACHIEVED && is.has_score && is.score == 47.73 && is.weight_given);
    EXPECT(jx_score_indicator_get(r, 0, 2, &is) == JX_STATUS_OK);
    EXPECT(is.rule == JX_SCORE_AT_LEAST && near(is.score, 8.6556) && is.has_difference && near(is.difference, 1.3444));
    EXPECT(str_eq(is.target, "≥90%") && str_eq(is.actual, "77.9%") && is.level1 == JX_LEVEL1_SATISFACTION);
    jx_level1_score ls;
    EXPECT(jx_score_level1_get(r, 0, 1, &ls) == JX_STATUS_OK && str_eq(ls.label, "效果指标") && ls.weight == 30.0 && ls.level1 == JX_LEVEL1_EFFECT);
    const jx_findings *f = jx_score_findings(r);
    EXPECT(f != NULL && jx_findings_count(f) == 4);
    jx_finding x;
    EXPECT(jx_findings_get(f, 0, &x) == JX_STATUS_OK && str_eq(x.rule, "score-mismatch") && x.severity == JX_SEVERITY_ERROR);
    EXPECT(str_eq(x.location.cell, "A8") && x.table_number == 1);
    char *json = NULL;
    EXPECT(jx_score_to_json(r, false, &json, NULL) == JX_STATUS_OK && strncmp(json, "{\"tables\":[{", 12) == 0);
    jx_string_free(json);
    char *csv = NULL;
    size_t len = 0;
    EXPECT(jx_score_to_csv(r, false, &csv, &len) == JX_STATUS_OK && strncmp(csv, "file,section_number,", 20) == 0 && len == strlen(csv));
    jx_string_free(csv);
    jx_score_report_free(r);

    /* Rules: a tolerance of 2.5 points accepts every reported score of the sample (the largest
     * difference is 2.00). */
    jx_scoring_rules rules;
    EXPECT(jx_scoring_rules_default(&rules) == JX_STATUS_OK && rules.output == 50.0 && rules.deviation_over == 0.0);
    rules.tolerance = 2.5;
    EXPECT(jx_document_score(doc, &rules, &r) == JX_STATUS_OK);
    EXPECT(jx_findings_count(jx_score_findings(r)) == 0);
    jx_score_report_free(r);
    jx_document_free(doc);
}

static void actuals(const char *dir) {
    jx_document *doc = open_doc(dir, "000_3e963503b18f6771.txt");
    const char *rows = "section,table,indicator,actual\n3,11,参加培训的情况,1800人\n3,11,没有,1\n";
    jx_score_report *r = NULL;
    EXPECT(jx_document_score_with_actuals(doc, NULL, (const uint8_t *)rows, strlen(rows), &r) == JX_STATUS_OK);
    EXPECT(jx_score_table_count(r) == 1);
    jx_indicator_score is;
    EXPECT(jx_score_indicator_get(r, 0, 0, &is) == JX_STATUS_OK && is.has_score && near(is.score, 50.0));
    /* The unmatched row, two indicators without an actual, and 1800 of 2000 with no 偏差原因. */
    EXPECT(jx_findings_count(jx_score_findings(r)) == 4);
    jx_score_report_free(r);
    jx_score_report *keep = (jx_score_report *)0x1;
    EXPECT(jx_document_score_with_actuals(doc, NULL, (const uint8_t *)"a,b\n1,2\n", 8, &keep) == JX_STATUS_PARSE_ERROR);
    EXPECT(keep == (jx_score_report *)0x1 && strstr(jx_last_error(), "table, indicator and actual") != NULL);
    EXPECT(jx_document_score_with_actuals(doc, NULL, (const uint8_t *)"[{", 2, &keep) == JX_STATUS_JSON_ERROR);
    EXPECT(jx_document_score_with_actuals(doc, NULL, NULL, 5, &keep) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_document_score_with_actuals(doc, NULL, (const uint8_t *)"x", SIZE_MAX, &keep) == JX_STATUS_OUT_OF_RANGE);
    jx_document_free(doc);
}

static void hostile(void) {
    jx_score_report *r = (jx_score_report *)0x1;
    EXPECT(jx_document_score(NULL, NULL, &r) == JX_STATUS_NULL_ARGUMENT && r == (jx_score_report *)0x1);
    EXPECT(jx_scoring_rules_default(NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_score_table_count(NULL) == 0);
    EXPECT(jx_score_findings(NULL) == NULL);
    jx_table_score ts;
    jx_indicator_score is;
    jx_level1_score ls;
    EXPECT(jx_score_table_get(NULL, 0, &ts) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_score_indicator_get(NULL, 0, 0, &is) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_score_level1_get(NULL, 0, 0, &ls) == JX_STATUS_NULL_ARGUMENT);
    char *out = (char *)0x1;
    EXPECT(jx_score_to_json(NULL, true, &out, NULL) == JX_STATUS_NULL_ARGUMENT && out == (char *)0x1);
    EXPECT(jx_score_to_csv(NULL, true, &out, NULL) == JX_STATUS_NULL_ARGUMENT && out == (char *)0x1);
    jx_score_report_free(NULL);
    EXPECT(strstr(jx_score_schema_json(), "\"jixiao score\"") != NULL);
}

static void out_of_range(const char *dir) {
    jx_document *doc = open_doc(dir, "selfeval-sample.xlsx");
    jx_score_report *r = NULL;
    EXPECT(jx_document_score(doc, NULL, &r) == JX_STATUS_OK);
    jx_table_score ts;
    jx_indicator_score is;
    jx_level1_score ls;
    EXPECT(jx_score_table_get(r, 4, &ts) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_score_table_get(r, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_score_indicator_get(r, 4, 0, &is) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_score_indicator_get(r, 0, 3, &is) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_score_indicator_get(r, SIZE_MAX, SIZE_MAX, &is) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_score_level1_get(r, 0, 3, &ls) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_score_level1_get(r, 9, 0, &ls) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_score_to_json(r, true, NULL, NULL) == JX_STATUS_NULL_ARGUMENT);
    jx_score_report_free(r);
    jx_document_free(doc);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: score DATA_DIR\n");
        return 2;
    }
    workbook(argv[1]);
    actuals(argv[1]);
    hostile();
    out_of_range(argv[1]);
    printf("score: %d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
