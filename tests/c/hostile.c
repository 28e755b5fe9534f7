/* Every export of the C ABI with hostile arguments: NULL handles and views, NULL out-params,
 * indices past the end. Getters give their neutral value, fallible calls their status, and no
 * out-parameter is written on failure. tests/c/exports.py checks that every export of
 * jixiao.h is called with NULL somewhere in tests/c. Usage: hostile SAMPLE */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "jixiao.h"

static int failures = 0;
static int checks = 0;

#define EXPECT(cond) do { checks++; if (!(cond)) { failures++; \
    fprintf(stderr, "%s:%d: expected %s (last error: %s)\n", __FILE__, __LINE__, #cond, jx_last_error()); } } while (0)

#define NEUTRAL_STR(s) ((s).len == 0 && (s).ptr != NULL)
#define NULL_STATUS(call) EXPECT((call) == JX_STATUS_NULL_ARGUMENT)

static void null_views(void) {
    jx_target t;
    jx_midterm m;
    jx_toc toc;
    jx_str s;
    jx_amount a;
    double d = 7.0;
    int32_t y = 7;
    uint32_t u = 7;
    jx_note note;
    jx_location loc;
    jx_goal_item gi;
    jx_responsibility r;
    jx_safeguard sg;
    jx_subheading sh;
    jx_remark rm;
    jx_subtotal st;
    jx_duty du;
    jx_funds_row fr;
    const jx_goal *goal = (const jx_goal *)0x1;
    const jx_table *table = (const jx_table *)0x1;
    const jx_category *cat = (const jx_category *)0x1;
    const jx_subcategory *sub = (const jx_subcategory *)0x1;
    const jx_indicator *ind = (const jx_indicator *)0x1;
    jx_document *doc = (jx_document *)0x1;
    jx_score_report *rep = (jx_score_report *)0x1;

    NULL_STATUS(jx_document_parse_with(NULL, 3, JX_FORMAT_AUTO, JX_ENCODING_AUTO, &doc));
    NULL_STATUS(jx_document_parse_within(NULL, 3, JX_FORMAT_AUTO, JX_ENCODING_AUTO, 0, &doc));
    NULL_STATUS(jx_document_parse_within((const uint8_t *)"abc", 3, JX_FORMAT_AUTO, JX_ENCODING_AUTO, 0, NULL));
    NULL_STATUS(jx_document_open_within(NULL, JX_FORMAT_AUTO, 0, &doc));
    NULL_STATUS(jx_document_open_within("x", JX_FORMAT_AUTO, 0, NULL));
    NULL_STATUS(jx_document_parse_with((const uint8_t *)"abc", 3, JX_FORMAT_AUTO, JX_ENCODING_AUTO, NULL));
    EXPECT(jx_document_parse_with((const uint8_t *)"abc", 3, 99, JX_ENCODING_AUTO, &doc) == JX_STATUS_UNSUPPORTED_FORMAT);
    EXPECT(jx_document_parse_with((const uint8_t *)"abc", 3, JX_FORMAT_AUTO, 99, &doc) == JX_STATUS_UNSUPPORTED_FORMAT);
    EXPECT(doc == (jx_document *)0x1);
    loc = jx_indicator_location(NULL);
    EXPECT(loc.line == 0 && loc.sheet.len == 0 && loc.page == 0);
    /* Every node's place from NULL: no place, all 0 and empty. */
    jx_location none[6] = {jx_section_location(NULL), jx_table_location(NULL), jx_category_location(NULL),
                           jx_subcategory_location(NULL), jx_overview_location(NULL), jx_goal_location(NULL)};
    for (size_t k = 0; k < 6; k++) {
        EXPECT(none[k].line == 0 && none[k].table == 0 && none[k].paragraph == 0 && none[k].cell.len == 0);
    }
    NULL_STATUS(jx_document_note(NULL, 0, &note));
    EXPECT(jx_document_indicator_count(NULL) == 0);
    NULL_STATUS(jx_document_score_with_actuals(NULL, NULL, (const uint8_t *)"x", 1, &rep));
    EXPECT(rep == (jx_score_report *)0x1);

    /* Indicators. */
    EXPECT(!jx_indicator_actual(NULL, &t) && !jx_indicator_progress(NULL, &t) && !jx_indicator_expected(NULL, &t));
    EXPECT(!jx_indicator_weight(NULL, &d) && !jx_indicator_reported_score(NULL, &d) && d == 7.0);
    EXPECT(NEUTRAL_STR(jx_indicator_deviation(NULL)) && NEUTRAL_STR(jx_indicator_name(NULL)));
    EXPECT(NEUTRAL_STR(jx_indicator_description(NULL)) && NEUTRAL_STR(jx_indicator_basis(NULL)));
    EXPECT(jx_indicator_likelihood(NULL) == JX_LIKELIHOOD_NONE);
    EXPECT(jx_indicator_get_likelihood(NULL) == JX_LIKELIHOOD_NONE);
    EXPECT(!jx_indicator_midterm(NULL, &m));
    EXPECT(jx_indicator_extra_count(NULL) == 0);
    jx_str k, v;
    NULL_STATUS(jx_indicator_extra(NULL, 0, &k, &v));

    /* The overview. */
    EXPECT(NEUTRAL_STR(jx_overview_heading(NULL)) && NEUTRAL_STR(jx_overview_intro(NULL)));
    EXPECT(jx_overview_line(NULL) == 0 && !jx_overview_toc(NULL, &toc));
    NULL_STATUS(jx_overview_goal(NULL, 0, &goal));
    EXPECT(goal == (const jx_goal *)0x1);
    EXPECT(jx_goal_number(NULL) == 0 && jx_goal_line(NULL) == 0 && jx_goal_item_count(NULL) == 0);
    NULL_STATUS(jx_goal_get_item(NULL, 0, &gi));
    EXPECT(jx_overview_responsibility_count(NULL) == 0 && jx_overview_safeguard_count(NULL) == 0);
    NULL_STATUS(jx_overview_responsibility(NULL, 0, &r));
    NULL_STATUS(jx_overview_safeguard(NULL, 0, &sg));
    EXPECT(jx_overview_subheading_count(NULL) == 0);
    NULL_STATUS(jx_overview_subheading(NULL, 0, &sh));

    /* Sections and tables. */
    EXPECT(!jx_section_number(NULL, &u) && u == 7);
    EXPECT(NEUTRAL_STR(jx_section_heading(NULL)) && jx_section_line(NULL) == 0 && !jx_section_toc(NULL, &toc));
    NULL_STATUS(jx_section_table(NULL, 0, &table));
    EXPECT(table == (const jx_table *)0x1);
    EXPECT(jx_table_get_kind(NULL) == JX_TABLE_TARGET);
    EXPECT(!jx_table_year(NULL, &y) && y == 7);
    EXPECT(!jx_table_code(NULL, &s) && !jx_table_unit(NULL, &s) && !jx_table_grade(NULL, &s) && !jx_table_objective(NULL, &s));
    EXPECT(!jx_table_budget(NULL, &a) && !jx_table_total_score(NULL, &d) && !jx_table_number(NULL, &u));
    EXPECT(jx_table_remark_count(NULL) == 0 && jx_table_subtotal_count(NULL) == 0 && jx_table_duty_count(NULL) == 0);
    EXPECT(jx_table_info_count(NULL) == 0);
    NULL_STATUS(jx_table_info(NULL, 0, &rm));
    NULL_STATUS(jx_table_remark(NULL, 0, &rm));
    NULL_STATUS(jx_table_subtotal(NULL, 0, &st));
    NULL_STATUS(jx_table_duty(NULL, 0, &du));
    EXPECT(!jx_table_has_funds(NULL) && NEUTRAL_STR(jx_table_funds_label(NULL)));
    EXPECT(jx_table_funds_column_count(NULL) == 0 && jx_table_funds_row_count(NULL) == 0);
    NULL_STATUS(jx_table_funds_column(NULL, 0, &s));
    NULL_STATUS(jx_table_funds_row(NULL, 0, &fr));
    NULL_STATUS(jx_table_funds_row_extra(NULL, 0, 0, &k, &v));
    EXPECT(NEUTRAL_STR(jx_table_title(NULL)) && jx_table_line(NULL) == 0);
    EXPECT(jx_table_column_count(NULL) == 0 && jx_table_category_count(NULL) == 0);
    NULL_STATUS(jx_table_column(NULL, 0, &s));
    NULL_STATUS(jx_table_category(NULL, 0, &cat));
    EXPECT(cat == (const jx_category *)0x1);

    /* Categories. */
    EXPECT(NEUTRAL_STR(jx_category_label(NULL)) && jx_category_line(NULL) == 0 && jx_category_child_count(NULL) == 0);
    NULL_STATUS(jx_category_child(NULL, 0, &sub));
    EXPECT(jx_subcategory_level2(NULL) == JX_LEVEL2_OTHER && NEUTRAL_STR(jx_subcategory_label(NULL)) && jx_subcategory_line(NULL) == 0);
    NULL_STATUS(jx_subcategory_indicator(NULL, 0, &ind));
    EXPECT(sub == (const jx_subcategory *)0x1 && ind == (const jx_indicator *)0x1);

    /* Statics. */
    EXPECT(jx_last_error() != NULL);
    EXPECT(jx_last_error_line() == 0);
    EXPECT(strlen(jx_version()) > 0 && strlen(jx_schema_json()) > 1000 && strlen(jx_findings_schema_json()) > 100);
    EXPECT(strlen(jx_score_schema_json()) > 100 && jx_rule_count() > 0);
    jx_rule rule;
    NULL_STATUS(jx_rule_get(0, NULL));
    EXPECT(jx_rule_get(SIZE_MAX, &rule) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_severity_name(7) == NULL && strcmp(jx_severity_name(JX_SEVERITY_INFO), "info") == 0);
    (void)t;
}

/* Real views, NULL out-parameters and indices past the end. */
static void past_the_end(const char *path) {
    jx_document *doc = NULL;
    if (jx_document_open(path, JX_FORMAT_AUTO, &doc) != JX_STATUS_OK) {
        fprintf(stderr, "%s\n", jx_last_error());
        exit(1);
    }
    jx_location loc;
    jx_note note;
    EXPECT(jx_document_note(doc, SIZE_MAX, &note) == JX_STATUS_OUT_OF_RANGE);
    loc = jx_overview_location(jx_document_overview(doc));
    EXPECT(loc.line == jx_overview_line(jx_document_overview(doc)) && loc.line > 0 && loc.sheet.len == 0);
    const jx_overview *ov = jx_document_overview(doc);
    const jx_goal *goal = NULL;
    jx_goal_item gi;
    jx_responsibility r;
    jx_safeguard sg;
    jx_subheading sh;
    EXPECT(jx_overview_goal(ov, SIZE_MAX, &goal) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_overview_goal(ov, 0, &goal) == JX_STATUS_OK);
    EXPECT(jx_goal_get_item(goal, SIZE_MAX, &gi) == JX_STATUS_OUT_OF_RANGE);
    NULL_STATUS(jx_goal_get_item(goal, 0, NULL));
    EXPECT(jx_overview_responsibility(ov, SIZE_MAX, &r) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_overview_safeguard(ov, SIZE_MAX, &sg) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_overview_subheading(ov, SIZE_MAX, &sh) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(!jx_overview_toc(ov, NULL));
    const jx_section *sec = NULL;
    EXPECT(jx_document_section(doc, 0, &sec) == JX_STATUS_OK);
    EXPECT(!jx_section_toc(sec, NULL));
    const jx_table *table = NULL;
    EXPECT(jx_section_table(sec, SIZE_MAX, &table) == JX_STATUS_OUT_OF_RANGE && table == NULL);
    EXPECT(jx_section_table(sec, 0, &table) == JX_STATUS_OK);
    jx_str s, k, v;
    jx_remark rm;
    jx_subtotal st;
    jx_duty du;
    jx_funds_row fr;
    EXPECT(jx_table_column(table, SIZE_MAX, &s) == JX_STATUS_OUT_OF_RANGE);
    NULL_STATUS(jx_table_column(table, 0, NULL));
    EXPECT(jx_table_remark(table, SIZE_MAX, &rm) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_info(table, SIZE_MAX, &rm) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_subtotal(table, SIZE_MAX, &st) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_duty(table, SIZE_MAX, &du) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_funds_column(table, 0, &s) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_funds_row(table, 0, &fr) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_funds_row_extra(table, 0, 0, &k, &v) == JX_STATUS_OUT_OF_RANGE);
    const jx_category *cat = NULL;
    EXPECT(jx_table_category(table, SIZE_MAX, &cat) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_table_category(table, 0, &cat) == JX_STATUS_OK);
    const jx_subcategory *sub = NULL;
    EXPECT(jx_category_child(cat, SIZE_MAX, &sub) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_category_child(cat, 0, &sub) == JX_STATUS_OK);
    const jx_indicator *ind = NULL;
    EXPECT(jx_subcategory_indicator(sub, SIZE_MAX, &ind) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_subcategory_indicator(sub, 0, &ind) == JX_STATUS_OK);
    EXPECT(!jx_indicator_actual(ind, NULL) && !jx_indicator_weight(ind, NULL) && !jx_indicator_midterm(ind, NULL));
    EXPECT(jx_indicator_extra(ind, SIZE_MAX, &k, &v) == JX_STATUS_OUT_OF_RANGE);
    jx_findings *f = NULL;
    EXPECT(jx_document_review(doc, NULL, &f) == JX_STATUS_OK);
    jx_finding x;
    EXPECT(jx_findings_get(f, SIZE_MAX, &x) == JX_STATUS_OUT_OF_RANGE);
    jx_findings_free(f);
    jx_document_free(doc);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: hostile SAMPLE\n");
        return 2;
    }
    null_views();
    past_the_end(argv[1]);
    printf("hostile: %d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
