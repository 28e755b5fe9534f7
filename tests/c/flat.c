/* Flat iteration and enumeration names through the C ABI.
 * jx_document_indicator and jx_table_indicator give the same indicators, in the same order and
 * with the same places, as the nested walk (section → table → category → subcategory); every
 * enumeration value has its JSON name, and a value outside has NULL.
 * Usage: flat FILE...   (prints one summary line) */
#include <stdio.h>
#include <string.h>

#include "jixiao.h"

static int failures = 0;
static int checks = 0;

#define EXPECT(cond) do { checks++; if (!(cond)) { failures++; \
    fprintf(stderr, "%s:%d: expected %s (last error: %s)\n", __FILE__, __LINE__, #cond, jx_last_error()); } } while (0)

static int name_is(const char *name, const char *expected) { return name != NULL && strcmp(name, expected) == 0; }

static size_t walk(const jx_document *doc) {
    size_t flat = 0;
    for (size_t s = 0; s < jx_document_section_count(doc); s++) {
        const jx_section *section = NULL;
        EXPECT(jx_document_section(doc, s, &section) == JX_STATUS_OK);
        for (size_t t = 0; t < jx_section_table_count(section); t++) {
            const jx_table *table = NULL;
            EXPECT(jx_section_table(section, t, &table) == JX_STATUS_OK);
            size_t in_table = 0;
            for (size_t c = 0; c < jx_table_category_count(table); c++) {
                const jx_category *category = NULL;
                EXPECT(jx_table_category(table, c, &category) == JX_STATUS_OK);
                for (size_t k = 0; k < jx_category_child_count(category); k++) {
                    const jx_subcategory *sub = NULL;
                    EXPECT(jx_category_child(category, k, &sub) == JX_STATUS_OK);
                    for (size_t i = 0; i < jx_subcategory_indicator_count(sub); i++) {
                        const jx_indicator *ind = NULL;
                        EXPECT(jx_subcategory_indicator(sub, i, &ind) == JX_STATUS_OK);
                        jx_indicator_at at;
                        EXPECT(jx_document_indicator(doc, flat, &at) == JX_STATUS_OK);
                        EXPECT(at.section == section && at.table == table && at.category == category);
                        EXPECT(at.subcategory == sub && at.indicator == ind);
                        jx_indicator_at in;
                        EXPECT(jx_table_indicator(table, in_table, &in) == JX_STATUS_OK);
                        EXPECT(in.section == NULL && in.table == table && in.category == category);
                        EXPECT(in.subcategory == sub && in.indicator == ind);
                        flat++;
                        in_table++;
                    }
                }
            }
            EXPECT(jx_table_indicator_count(table) == in_table);
            jx_indicator_at untouched = {0};
            EXPECT(jx_table_indicator(table, in_table, &untouched) == JX_STATUS_OUT_OF_RANGE);
            EXPECT(untouched.indicator == NULL);
        }
    }
    return flat;
}

static void names(void) {
    EXPECT(name_is(jx_comparator_name(JX_COMPARATOR_GE), "ge"));
    EXPECT(name_is(jx_comparator_name(JX_COMPARATOR_NONE), "none"));
    EXPECT(jx_comparator_name(99) == NULL);
    EXPECT(name_is(jx_target_kind_name(JX_TARGET_AS_ACTUAL), "as_actual"));
    EXPECT(name_is(jx_unit_kind_name(JX_UNIT_MONEY), "money"));
    EXPECT(name_is(jx_direction_name(JX_DIRECTION_MAINTAIN), "maintain"));
    EXPECT(name_is(jx_likelihood_name(JX_LIKELIHOOD_IMPOSSIBLE), "impossible"));
    EXPECT(name_is(jx_table_kind_name(JX_TABLE_SELF_EVALUATION), "self_evaluation"));
    EXPECT(name_is(jx_section_kind_name(JX_SECTION_SPECIAL_FUND), "special_fund"));
    EXPECT(name_is(jx_level1_name(JX_LEVEL1_OUTPUT), "output"));
    EXPECT(name_is(jx_level1_name(JX_LEVEL1_OTHER), "other"));
    EXPECT(name_is(jx_level1_name(JX_LEVEL1_DECISION), "decision"));
    EXPECT(name_is(jx_level2_name(JX_LEVEL2_SERVICE_SATISFACTION), "service_satisfaction"));
    EXPECT(name_is(jx_score_rule_name(JX_SCORE_NOT_SCORED), "not_scored"));
    EXPECT(name_is(jx_band_name(JX_BAND_PARTLY_ACHIEVED), "partly_achieved"));
    EXPECT(name_is(jx_band_name(JX_BAND_NONE), "none"));
    EXPECT(name_is(jx_severity_name(JX_SEVERITY_WARNING), "warning"));
    EXPECT(name_is(jx_level_name(JX_LEVEL_DENY), "deny"));
    EXPECT(name_is(jx_format_name(JX_FORMAT_XLSX), "xlsx"));
    EXPECT(name_is(jx_format_name(JX_FORMAT_HTML), "html"));
    EXPECT(name_is(jx_format_name(JX_FORMAT_DOC), "doc"));
    EXPECT(name_is(jx_format_name(JX_FORMAT_PDF), "pdf"));
    EXPECT(name_is(jx_format_name(JX_FORMAT_CSV), "csv"));
    EXPECT(name_is(jx_encoding_name(JX_ENCODING_GB18030), "gb18030"));
    EXPECT(name_is(jx_status_name(JX_STATUS_OUT_OF_RANGE), "out_of_range"));
    /* Every value of every enumeration has a name, and the next value has none. */
    struct { const char *(*name)(uint32_t); uint32_t count; } all[] = {
        {jx_target_kind_name, 8}, {jx_comparator_name, 6}, {jx_unit_kind_name, 11}, {jx_direction_name, 5},
        {jx_likelihood_name, 4}, {jx_table_kind_name, 4}, {jx_section_kind_name, 4}, {jx_level1_name, 8},
        {jx_level2_name, 14}, {jx_score_rule_name, 8}, {jx_band_name, 4}, {jx_severity_name, 4},
        {jx_level_name, 4}, {jx_format_name, 9}, {jx_encoding_name, 5}, {jx_status_name, 12},
    };
    for (size_t e = 0; e < sizeof all / sizeof all[0]; e++) {
        for (uint32_t v = 0; v < all[e].count; v++) EXPECT(all[e].name(v) != NULL && all[e].name(v)[0] != '\0');
        EXPECT(all[e].name(all[e].count) == NULL);
        EXPECT(all[e].name(UINT32_MAX) == NULL);
    }
}

int main(int argc, char **argv) {
    size_t total = 0;
    for (int a = 1; a < argc; a++) {
        jx_document *doc = NULL;
        if (jx_document_open(argv[a], JX_FORMAT_AUTO, &doc) != JX_STATUS_OK) {
            fprintf(stderr, "%s: %s\n", argv[a], jx_last_error());
            return 2;
        }
        size_t n = walk(doc);
        EXPECT(n == jx_document_indicator_count(doc));
        jx_indicator_at untouched = {0};
        EXPECT(jx_document_indicator(doc, n, &untouched) == JX_STATUS_OUT_OF_RANGE && untouched.indicator == NULL);
        EXPECT(jx_document_indicator(doc, 0, NULL) == (n ? JX_STATUS_NULL_ARGUMENT : JX_STATUS_OUT_OF_RANGE));
        total += n;
        jx_document_free(doc);
    }
    EXPECT(jx_document_indicator(NULL, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_table_indicator(NULL, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_table_indicator_count(NULL) == 0);
    names();
    printf("flat: %zu indicators over %d documents, %d checks, %d failures\n", total, argc - 1, checks, failures);
    return failures ? 1 : 0;
}
