// A C++17 consumer: the header is usable from C++ without warnings, and RAII owns the handles.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao.h"

namespace {

struct DocumentDeleter {
    void operator()(jx_document *d) const noexcept { jx_document_free(d); }
};
using Document = std::unique_ptr<jx_document, DocumentDeleter>;

std::string_view view(jx_str s) { return {s.ptr, s.len}; }

}  // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: consumer FILE\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    jx_document *raw = nullptr;
    if (jx_document_parse(bytes.data(), bytes.size(), JX_FORMAT_AUTO, &raw) != JX_STATUS_OK) {
        std::fprintf(stderr, "parse: %s\n", jx_last_error());
        return 1;
    }
    Document doc(raw);
    std::size_t quantities = 0;
    std::size_t indicators = 0;
    for (std::size_t s = 0; s < jx_document_section_count(doc.get()); ++s) {
        const jx_section *sec = nullptr;
        if (jx_document_section(doc.get(), s, &sec) != JX_STATUS_OK) return 1;
        for (std::size_t t = 0; t < jx_section_table_count(sec); ++t) {
            const jx_table *table = nullptr;
            if (jx_section_table(sec, t, &table) != JX_STATUS_OK) return 1;
            for (std::size_t c = 0; c < jx_table_category_count(table); ++c) {
                const jx_category *cat = nullptr;
                if (jx_table_category(table, c, &cat) != JX_STATUS_OK) return 1;
                for (std::size_t k = 0; k < jx_category_child_count(cat); ++k) {
                    const jx_subcategory *sub = nullptr;
                    if (jx_category_child(cat, k, &sub) != JX_STATUS_OK) return 1;
                    for (std::size_t i = 0; i < jx_subcategory_indicator_count(sub); ++i) {
                        const jx_indicator *ind = nullptr;
                        jx_target target{};
                        if (jx_subcategory_indicator(sub, i, &ind) != JX_STATUS_OK) return 1;
                        if (jx_indicator_target(ind, &target) != JX_STATUS_OK) return 1;
                        ++indicators;
                        if (target.kind == JX_TARGET_QUANTITY) ++quantities;
                    }
                }
            }
        }
    }
    const std::string title(view(jx_document_title(doc.get())));
    std::printf("%s: %zu indicators, %zu quantities\n", title.c_str(), indicators, quantities);
    const bool ok = indicators == jx_document_indicator_count(doc.get()) && indicators == 115 && quantities > 0;
    std::printf("%d passed, %d failed\n", ok ? 1 : 0, ok ? 0 : 1);
    return ok ? 0 : 1;
}
