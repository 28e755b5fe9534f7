/* The hostile files of the amplification tests (for each reader the smallest file with the
 * largest claim, written by `cargo run -p jixiao --example hostile -- DIR`), each read through
 * the C ABI from its path and from memory under a 2 GiB address-space limit (RLIMIT_AS, as
 * `prlimit --as` limits the CLI): each answers JX_STATUS_OK, or JX_STATUS_PARSE_ERROR with a
 * message naming the file; an allocation past the limit would abort the process, which fails the
 * test, and an alarm ends a read that hangs. Built without sanitizers: AddressSanitizer reserves
 * more address space than the limit. Prints each file's answer, time and the peak RSS so far.
 * Usage: amplify FILE... */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "jixiao.h"

#define ADDRESS_SPACE (2UL << 30)
/* Far longer than any read takes (a few seconds in a debug build): only a hang reaches it. */
#define HANG_SECONDS 300

static int failures = 0;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long peak_rss_kib(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *grown = realloc(buf, cap *= 2);
            if (!grown) { free(buf); buf = NULL; }
            else buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* One answer: a document, or a parse error whose message names `name` (the path, or `<input>`
 * for bytes). */
static void check(const char *file, const char *how, jx_status status, jx_document *doc, const char *name, double seconds) {
    if (status == JX_STATUS_OK && doc != NULL) {
        printf("%s (%s): read, %zu indicators, %.2f s, peak RSS %ld KiB\n", file, how, jx_document_indicator_count(doc), seconds, peak_rss_kib());
    } else if (status == JX_STATUS_PARSE_ERROR && doc == NULL && strstr(jx_last_error(), name) != NULL) {
        printf("%s (%s): %s, %.2f s, peak RSS %ld KiB\n", file, how, jx_last_error(), seconds, peak_rss_kib());
    } else {
        fprintf(stderr, "%s (%s): status %d, document %p: %s\n", file, how, (int)status, (void *)doc, jx_last_error());
        failures++;
    }
    jx_document_free(doc);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: amplify FILE...\n");
        return 2;
    }
    struct rlimit limit = {ADDRESS_SPACE, ADDRESS_SPACE};
    if (setrlimit(RLIMIT_AS, &limit) != 0) {
        perror("setrlimit");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *path = argv[i];
        alarm(HANG_SECONDS);
        jx_document *doc = NULL;
        double start = now();
        jx_status status = jx_document_open(path, JX_FORMAT_AUTO, &doc);
        check(path, "path", status, doc, path, now() - start);

        size_t len = 0;
        unsigned char *bytes = slurp(path, &len);
        if (bytes == NULL) {
            fprintf(stderr, "%s: cannot read it\n", path);
            failures++;
            continue;
        }
        doc = NULL;
        start = now();
        status = jx_document_parse(bytes, len, JX_FORMAT_AUTO, &doc);
        check(path, "memory", status, doc, "<input>", now() - start);
        free(bytes);
        alarm(0);
    }
    if (failures) {
        fprintf(stderr, "amplify: %d of %d files failed\n", failures, argc - 1);
        return 1;
    }
    printf("amplify: %d hostile files answered within %lu bytes of address space\n", argc - 1, ADDRESS_SPACE);
    return 0;
}
