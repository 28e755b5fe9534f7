/* The review through the C ABI: findings of the sample as a reviewer wrote them, the
 * configuration, the writers, and every export with hostile arguments.
 * Usage: review SAMPLE [--list]   (--list prints one line per finding for run.sh to compare) */
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

static size_t count_rule(const jx_findings *f, const char *rule, jx_severity *severity) {
    size_t n = 0;
    for (size_t i = 0; i < jx_findings_count(f); i++) {
        jx_finding x;
        if (jx_findings_get(f, i, &x) == JX_STATUS_OK && str_eq(x.rule, rule)) {
            n++;
            if (severity) *severity = x.severity;
        }
    }
    return n;
}

static void list(const jx_findings *f) {
    for (size_t i = 0; i < jx_findings_count(f); i++) {
        jx_finding x;
        if (jx_findings_get(f, i, &x) != JX_STATUS_OK) { failures++; continue; }
        printf("%.*s\t%s\t%zu\t%zu\t%u\t%u\t%.*s\t%.*s\n", (int)x.rule.len, x.rule.ptr, jx_severity_name(x.severity), x.line,
               x.location.line, x.section_number, x.table_number, (int)x.indicator.len, x.indicator.ptr, (int)x.text.len, x.text.ptr);
    }
}

static void defaults(const jx_document *doc) {
    jx_findings *f = NULL;
    EXPECT(jx_document_review(doc, NULL, &f) == JX_STATUS_OK);
    EXPECT(jx_findings_count(f) == 46);
    jx_severity s = JX_SEVERITY_NONE;
    EXPECT(count_rule(f, "vacuous-target", &s) == 4 && s == JX_SEVERITY_ERROR);
    EXPECT(count_rule(f, "shared-objective", &s) == 6 && s == JX_SEVERITY_INFO);
    EXPECT(count_rule(f, "missing-sign", NULL) == 0);
    /* The first finding: 2/1's stale TC field, at its title line. */
    jx_finding first;
    EXPECT(jx_findings_get(f, 0, &first) == JX_STATUS_OK);
    EXPECT(str_eq(first.rule, "toc-mismatch") && first.line == 109 && first.location.line == 109);
    EXPECT(first.section_number == 2 && first.table_number == 1 && first.indicator.len == 0);
    EXPECT(str_eq(first.text, "1、办案业务、办案设备及科技强检经费绩效目标表"));
    EXPECT(first.message.len > 0 && first.message_zh.len > 0 && first.suggestion.len > 0 && first.suggestion_zh.len > 0);
    char *json = NULL;
    size_t len = 0;
    EXPECT(jx_findings_to_json(f, false, &json, &len) == JX_STATUS_OK && len == strlen(json));
    EXPECT(json && strncmp(json, "{\"findings\":[{\"rule\":\"toc-mismatch\"", 35) == 0);
    jx_string_free(json);
    char *csv = NULL;
    EXPECT(jx_findings_to_csv(f, true, &csv, NULL) == JX_STATUS_OK);
    EXPECT(csv && strncmp(csv, "\xEF\xBB\xBF" "file,rule,severity,", 22) == 0);
    jx_string_free(csv);
    /* The form as HTML with the findings on their cells, in either language. */
    char *html = NULL;
    size_t html_len = 0;
    EXPECT(jx_document_to_html(doc, f, false, &html, &html_len) == JX_STATUS_OK && html_len == strlen(html));
    EXPECT(html && strncmp(html, "<!DOCTYPE html>", 15) == 0 && strstr(html, "class=\"jx-f jx-f-error") != NULL);
    EXPECT(strstr(html, "<script") == NULL && strstr(html, "rowspan=") != NULL);
    jx_string_free(html);
    html = NULL;
    EXPECT(jx_document_to_html(doc, NULL, true, &html, NULL) == JX_STATUS_OK && strstr(html, "<html lang=\"en\">") != NULL);
    EXPECT(strstr(html, "class=\"jx-f jx-f-") == NULL);
    jx_string_free(html);
    jx_findings_free(f);
}

static void configured(const jx_document *doc) {
    jx_review_config *c = NULL;
    EXPECT(jx_review_config_new(&c) == JX_STATUS_OK);
    EXPECT(jx_review_config_set(c, "vacuous-target", JX_LEVEL_ALLOW) == JX_STATUS_OK);
    EXPECT(jx_review_config_set(c, "missing-sign", JX_LEVEL_INFO) == JX_STATUS_OK);
    EXPECT(jx_review_config_set(c, "warnings", JX_LEVEL_DENY) == JX_STATUS_OK);
    jx_findings *f = NULL;
    EXPECT(jx_document_review(doc, c, &f) == JX_STATUS_OK);
    jx_severity s = JX_SEVERITY_NONE;
    EXPECT(count_rule(f, "vacuous-target", NULL) == 0);
    EXPECT(count_rule(f, "missing-sign", &s) == 42 && s == JX_SEVERITY_INFO);
    EXPECT(count_rule(f, "copied-text", &s) == 9 && s == JX_SEVERITY_ERROR);
    jx_findings_free(f);
    /* Unknown rules and levels are refused, and the configuration is unchanged. */
    EXPECT(jx_review_config_set(c, "no-such-rule", JX_LEVEL_DENY) == JX_STATUS_INVALID_ARGUMENT);
    EXPECT(strstr(jx_last_error(), "unknown review rule 'no-such-rule'") != NULL);
    EXPECT(jx_review_config_set(c, "numbering", 99) == JX_STATUS_INVALID_ARGUMENT);
    EXPECT(jx_review_config_set(c, "\xff\xfe", JX_LEVEL_DENY) == JX_STATUS_INVALID_UTF8);
    EXPECT(jx_review_config_set(c, NULL, JX_LEVEL_DENY) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_review_config_set(NULL, "numbering", JX_LEVEL_DENY) == JX_STATUS_NULL_ARGUMENT);
    jx_review_config_free(c);
}

static void hostile(const jx_document *doc) {
    jx_findings *f = (jx_findings *)0x1;
    EXPECT(jx_document_review(NULL, NULL, &f) == JX_STATUS_NULL_ARGUMENT && f == (jx_findings *)0x1);
    EXPECT(jx_document_review(doc, NULL, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_review_config_new(NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_findings_count(NULL) == 0);
    jx_finding x;
    memset(&x, 0x5a, sizeof x);
    EXPECT(jx_findings_get(NULL, 0, &x) == JX_STATUS_NULL_ARGUMENT);
    f = NULL;
    EXPECT(jx_document_review(doc, NULL, &f) == JX_STATUS_OK);
    EXPECT(jx_findings_get(f, 46, &x) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_findings_get(f, SIZE_MAX, &x) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_findings_get(f, 0, NULL) == JX_STATUS_NULL_ARGUMENT);
    char *out = (char *)0x1;
    EXPECT(jx_findings_to_json(NULL, true, &out, NULL) == JX_STATUS_NULL_ARGUMENT && out == (char *)0x1);
    EXPECT(jx_findings_to_json(f, true, NULL, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(jx_findings_to_csv(NULL, true, &out, NULL) == JX_STATUS_NULL_ARGUMENT && out == (char *)0x1);
    jx_findings_free(f);
    jx_findings_free(NULL);
    jx_review_config_free(NULL);
    /* The rules and the names. */
    EXPECT(jx_rule_count() == 25);
    jx_rule r;
    EXPECT(jx_rule_get(0, &r) == JX_STATUS_OK && str_eq(r.id, "missing-level1") && r.default_severity == JX_SEVERITY_ERROR);
    EXPECT(jx_rule_get(21, &r) == JX_STATUS_OK && str_eq(r.id, "missing-sign") && r.default_severity == JX_SEVERITY_NONE);
    EXPECT(jx_rule_get(22, &r) == JX_STATUS_OK && str_eq(r.id, "no-target-column") && r.default_severity == JX_SEVERITY_ERROR);
    EXPECT(jx_rule_get(23, &r) == JX_STATUS_OK && str_eq(r.id, "impossible-date") && r.default_severity == JX_SEVERITY_ERROR);
    EXPECT(jx_rule_get(24, &r) == JX_STATUS_OK && str_eq(r.id, "headless-table") && r.default_severity == JX_SEVERITY_WARNING);
    EXPECT(jx_rule_get(25, &r) == JX_STATUS_OUT_OF_RANGE);
    EXPECT(jx_rule_get(0, NULL) == JX_STATUS_NULL_ARGUMENT);
    EXPECT(strcmp(jx_severity_name(JX_SEVERITY_WARNING), "warning") == 0);
    EXPECT(jx_severity_name(4) == NULL && jx_severity_name(UINT32_MAX) == NULL);
    EXPECT(strstr(jx_findings_schema_json(), "\"jixiao findings\"") != NULL);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: review SAMPLE [--list]\n");
        return 2;
    }
    jx_document *doc = NULL;
    if (jx_document_open(argv[1], JX_FORMAT_AUTO, &doc) != JX_STATUS_OK) {
        fprintf(stderr, "%s\n", jx_last_error());
        return 1;
    }
    if (argc > 2 && strcmp(argv[2], "--list") == 0) {
        jx_findings *f = NULL;
        if (jx_document_review(doc, NULL, &f) != JX_STATUS_OK) return 1;
        list(f);
        jx_findings_free(f);
        jx_document_free(doc);
        return failures ? 1 : 0;
    }
    defaults(doc);
    configured(doc);
    hostile(doc);
    jx_document_free(doc);
    printf("review: %d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
