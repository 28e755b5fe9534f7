/* Walks the whole tree of a document through the C ABI and prints one line per node.
 * tests/c/listing.py prints the same listing from `jixiao parse` JSON; the two must be equal.
 * Usage: walk FILE            (parses from a path)
 *        walk --memory FILE   (reads the file itself and parses from memory) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao.h"

static void die(const char *what, jx_status st) {
    fprintf(stderr, "%s failed: status %d: %s (line %zu)\n", what, (int)st, jx_last_error(), jx_last_error_line());
    exit(1);
}

#define CHECK(call) do { jx_status st_ = (call); if (st_ != JX_STATUS_OK) die(#call, st_); } while (0)

/* Prints text with \n and \t escaped so that each node stays on one line. */
static void put(const char *label, jx_str s) {
    printf(" %s=", label);
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (c == '\n') fputs("\\n", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else putchar(c);
    }
}

/* A node's place, every part (0 or empty when the format has no such part). */
static void put_location(jx_location at) {
    printf(" at=%zu,%.*s,%.*s,%zu,%zu,%zu,%zu,%zu", at.line, (int)at.sheet.len, at.sheet.ptr, (int)at.cell.len, at.cell.ptr, at.table, at.row,
           at.column, at.paragraph, at.page);
}

static void put_toc(const jx_toc *toc) {
    put("toc", toc->text);
    put("toc_id", toc->identifier);
    if (toc->has_level) printf(" toc_level=%u", toc->level);
    put("toc_switches", toc->switches);
}

static const char *kind_name(jx_target_kind k) {
    switch (k) {
    case JX_TARGET_EMPTY: return "empty";
    case JX_TARGET_QUANTITY: return "quantity";
    case JX_TARGET_RANGE: return "range";
    case JX_TARGET_COMPOUND: return "compound";
    case JX_TARGET_QUALITATIVE: return "qualitative";
    case JX_TARGET_AS_ACTUAL: return "as_actual";
    case JX_TARGET_DEADLINE: return "deadline";
    case JX_TARGET_PLACEHOLDER: return "placeholder";
    }
    return "?";
}

static const char *comparator_name(jx_comparator c) {
    switch (c) {
    case JX_COMPARATOR_NONE: return "none";
    case JX_COMPARATOR_GE: return "ge";
    case JX_COMPARATOR_GT: return "gt";
    case JX_COMPARATOR_EQ: return "eq";
    case JX_COMPARATOR_LT: return "lt";
    case JX_COMPARATOR_LE: return "le";
    }
    return "?";
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { perror("read"); exit(1); }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void put_amount(const char *label, jx_amount a) {
    put(label, a.raw);
    if (a.has_value) printf(" %s_value=%g", label, a.value);
    if (a.unit.len) put("unit", a.unit);
}

static void put_date(const char *label, jx_date d) {
    printf(" %s=%d-%u-%u", label, (int)d.year, d.month, d.day);
}

static void print_target(const char *what, jx_target t) {
    printf("    %s kind=%s comparator=%s sign=%d", what, kind_name(t.kind), comparator_name(t.comparator), t.sign_given);
    if (t.has_value) printf(" value=%g", t.value);
    if (t.has_upper) printf(" upper=%g", t.upper);
    put("unit", t.unit);
    put("raw", t.raw);
    if (t.comparator_inferred) printf(" inferred=1");
    if (t.has_date) put_date("date", t.date);
    if (t.has_until) put_date("until", t.until);
    if (t.note.len) put("note", t.note);
    printf("\n");
    for (size_t p = 0; p < t.part_count; p++) {
        jx_target_part part;
        CHECK(jx_target_get_part(&t, p, &part));
        printf("     part value=%g", part.value);
        put("unit", part.unit);
        put("text", part.text);
        printf("\n");
    }
}

static void walk_target(const jx_indicator *ind) {
    jx_target t;
    CHECK(jx_indicator_target(ind, &t));
    print_target("target", t);
    if (jx_indicator_actual(ind, &t)) print_target("actual", t);
    if (jx_indicator_progress(ind, &t)) print_target("progress", t);
    if (jx_indicator_expected(ind, &t)) print_target("expected", t);
    jx_midterm mid;
    if (jx_indicator_midterm(ind, &mid)) {
        printf("    midterm");
        put("level2", mid.level2_label);
        put("name", mid.name);
        printf("\n");
        print_target("midterm_target", mid.target);
    }
    double v = 0;
    printf("    evaluation");
    if (jx_indicator_weight(ind, &v)) printf(" weight=%g", v);
    if (jx_indicator_reported_score(ind, &v)) printf(" score=%g", v);
    printf(" likelihood=%d", (int)jx_indicator_likelihood(ind));
    put("deviation", jx_indicator_deviation(ind));
    printf("\n");
}

/* Labelled rows of a table (its fields above the header, its footer), one list of each kind. */
static void put_remarks(const char *kind, const jx_table *table, size_t (*count)(const jx_table *),
                        jx_status (*get)(const jx_table *, size_t, jx_remark *)) {
    for (size_t i = 0; i < count(table); i++) {
        jx_remark r;
        CHECK(get(table, i, &r));
        printf("  %s line=%zu", kind, r.line);
        put("label", r.label);
        put("text", r.text);
        printf("\n");
    }
}

static void walk_table_parts(const jx_table *table) {
    int32_t year = 0;
    jx_str s;
    jx_amount a;
    double v = 0;
    printf("  about kind=%d", (int)jx_table_get_kind(table));
    if (jx_table_year(table, &year)) printf(" year=%d", (int)year);
    if (jx_table_code(table, &s)) put("code", s);
    if (jx_table_unit(table, &s)) put("unit", s);
    if (jx_table_budget(table, &a)) put_amount("budget", a);
    if (jx_table_total_score(table, &v)) printf(" total=%g", v);
    if (jx_table_grade(table, &s)) put("grade", s);
    printf("\n");
    if (jx_table_has_funds(table)) {
        printf("  funds");
        put("label", jx_table_funds_label(table));
        for (size_t c = 0; c < jx_table_funds_column_count(table); c++) {
            CHECK(jx_table_funds_column(table, c, &s));
            put("c", s);
        }
        printf("\n");
        for (size_t r = 0; r < jx_table_funds_row_count(table); r++) {
            jx_funds_row row;
            CHECK(jx_table_funds_row(table, r, &row));
            printf("   funds_row line=%zu", row.line);
            put("label", row.label);
            if (row.has_initial) put_amount("initial", row.initial);
            if (row.has_adjusted) put_amount("adjusted", row.adjusted);
            if (row.has_executed) put_amount("executed", row.executed);
            if (row.has_rate) put_amount("rate", row.rate);
            if (row.has_weight) put_amount("weight", row.weight);
            if (row.has_score) put_amount("score", row.score);
            put("reason", row.reason);
            for (size_t e = 0; e < row.extra_count; e++) {
                jx_str key, value;
                CHECK(jx_table_funds_row_extra(table, r, e, &key, &value));
                put("extra_key", key);
                put("extra_value", value);
            }
            printf("\n");
        }
    }
    for (size_t i = 0; i < jx_table_duty_count(table); i++) {
        jx_duty d;
        CHECK(jx_table_duty(table, i, &d));
        printf("  duty line=%zu", d.line);
        put("function", d.function);
        put("task", d.task);
        put("project", d.project);
        if (d.has_budget) put_amount("budget", d.budget);
        printf("\n");
    }
    for (size_t i = 0; i < jx_table_subtotal_count(table); i++) {
        jx_subtotal st;
        CHECK(jx_table_subtotal(table, i, &st));
        printf("  subtotal line=%zu", st.line);
        put("unit", st.unit);
        if (st.has_amount) put_amount("amount", st.amount);
        printf("\n");
    }
    put_remarks("info", table, jx_table_info_count, jx_table_info);
    put_remarks("remark", table, jx_table_remark_count, jx_table_remark);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: walk [--memory] FILE\n"); return 2; }
    jx_document *doc = NULL;
    if (strcmp(argv[1], "--memory") == 0) {
        size_t len = 0;
        unsigned char *bytes = read_file(argv[2], &len);
        CHECK(jx_document_parse(bytes, len, JX_FORMAT_AUTO, &doc));
        free(bytes); /* the document owns copies of everything it holds */
    } else {
        CHECK(jx_document_open(argv[1], JX_FORMAT_AUTO, &doc));
    }

    int32_t year = 0;
    printf("document");
    put("title", jx_document_title(doc));
    if (jx_document_year(doc, &year)) printf(" year=%d", (int)year);
    printf("\n");

    const jx_overview *ov = jx_document_overview(doc);
    if (ov) {
        printf("overview line=%zu goals=%zu responsibilities=%zu safeguards=%zu", jx_overview_line(ov),
               jx_overview_goal_count(ov), jx_overview_responsibility_count(ov), jx_overview_safeguard_count(ov));
        put("heading", jx_overview_heading(ov));
        jx_toc part_toc;
        if (jx_overview_toc(ov, &part_toc)) put_toc(&part_toc);
        printf("\n");
        for (size_t h = 0; h < jx_overview_subheading_count(ov); h++) {
            jx_subheading head;
            CHECK(jx_overview_subheading(ov, h, &head));
            printf(" subheading line=%zu", head.line);
            put("text", head.text);
            if (head.has_toc) put_toc(&head.toc);
            printf("\n");
        }
        for (size_t g = 0; g < jx_overview_goal_count(ov); g++) {
            const jx_goal *goal = NULL;
            CHECK(jx_overview_goal(ov, g, &goal));
            printf(" goal %u line=%zu", jx_goal_number(goal), jx_goal_line(goal));
            put("title", jx_goal_title(goal));
            printf("\n");
            for (size_t i = 0; i < jx_goal_item_count(goal); i++) {
                jx_goal_item item;
                CHECK(jx_goal_get_item(goal, i, &item));
                printf("  item %u line=%zu%s", item.number, item.line, item.is_inline ? " inline" : "");
                put("text", item.text);
                printf("\n");
            }
        }
        for (size_t r = 0; r < jx_overview_responsibility_count(ov); r++) {
            jx_responsibility resp;
            CHECK(jx_overview_responsibility(ov, r, &resp));
            printf(" responsibility %u line=%zu", resp.number, resp.line);
            put("name", resp.name);
            put("description", resp.description);
            printf("\n");
        }
        for (size_t s = 0; s < jx_overview_safeguard_count(ov); s++) {
            jx_safeguard sg;
            CHECK(jx_overview_safeguard(ov, s, &sg));
            printf(" safeguard line=%zu", sg.line);
            put("title", sg.title);
            put("text", sg.text);
            printf("\n");
        }
    }

    for (size_t s = 0; s < jx_document_section_count(doc); s++) {
        const jx_section *sec = NULL;
        CHECK(jx_document_section(doc, s, &sec));
        uint32_t number = 0;
        printf("section");
        if (jx_section_number(sec, &number)) printf(" number=%u", number);
        printf(" kind=%d line=%zu", (int)jx_section_get_kind(sec), jx_section_line(sec));
        put("heading", jx_section_heading(sec));
        jx_toc part_toc;
        if (jx_section_toc(sec, &part_toc)) put_toc(&part_toc);
        printf("\n");
        for (size_t t = 0; t < jx_section_table_count(sec); t++) {
            const jx_table *table = NULL;
            CHECK(jx_section_table(sec, t, &table));
            printf(" table");
            if (jx_table_number(table, &number)) printf(" number=%u", number);
            printf(" line=%zu", jx_table_line(table));
            put("name", jx_table_name(table));
            put("title", jx_table_title(table));
            jx_toc toc;
            if (jx_table_toc(table, &toc)) put_toc(&toc);
            jx_str objective;
            if (jx_table_objective(table, &objective)) put("objective", objective);
            printf("\n");
            walk_table_parts(table);
            printf("  columns");
            for (size_t c = 0; c < jx_table_column_count(table); c++) {
                jx_str col;
                CHECK(jx_table_column(table, c, &col));
                put("c", col);
            }
            printf("\n");
            for (size_t c = 0; c < jx_table_category_count(table); c++) {
                const jx_category *cat = NULL;
                CHECK(jx_table_category(table, c, &cat));
                printf("  category level1=%d line=%zu", (int)jx_category_level1(cat), jx_category_line(cat));
                put("label", jx_category_label(cat));
                printf("\n");
                for (size_t k = 0; k < jx_category_child_count(cat); k++) {
                    const jx_subcategory *sub = NULL;
                    CHECK(jx_category_child(cat, k, &sub));
                    printf("   sub level2=%d line=%zu", (int)jx_subcategory_level2(sub), jx_subcategory_line(sub));
                    put("label", jx_subcategory_label(sub));
                    printf("\n");
                    for (size_t i = 0; i < jx_subcategory_indicator_count(sub); i++) {
                        const jx_indicator *ind = NULL;
                        CHECK(jx_subcategory_indicator(sub, i, &ind));
                        printf("    indicator line=%zu", jx_indicator_line(ind));
                        put_location(jx_indicator_location(ind));
                        put("name", jx_indicator_name(ind));
                        put("description", jx_indicator_description(ind));
                        put("basis", jx_indicator_basis(ind));
                        for (size_t e = 0; e < jx_indicator_extra_count(ind); e++) {
                            jx_str key, value;
                            CHECK(jx_indicator_extra(ind, e, &key, &value));
                            put("extra_key", key);
                            put("extra_value", value);
                        }
                        printf("\n");
                        walk_target(ind);
                    }
                }
            }
        }
    }
    for (size_t n = 0; n < jx_document_note_count(doc); n++) {
        jx_note note;
        CHECK(jx_document_note(doc, n, &note));
        printf("note line=%zu", note.line);
        put_location(note.location);
        put("text", note.text);
        printf("\n");
    }
    printf("indicators=%zu\n", jx_document_indicator_count(doc));
    jx_document_free(doc);
    return 0;
}
