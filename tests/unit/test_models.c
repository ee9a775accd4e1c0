/* "mô hình" names: the forms of the seeds, bounding of unquoted names,
 * de-duplication, keys. */
#include <stdlib.h>
#include "tu_test.h"
#include "tracuu/meta.h"

/* The models of TEXT joined by "|". */
static const char *models_of(const char *text)
{
    static char buf[4096];
    tracuu_meta_t m;
    size_t o = 0;
    memset(&m, 0, sizeof m);
    buf[0] = '\0';
    if (tracuu_meta_extract(text, strlen(text), &m) != TRACUU_OK)
        return "ERROR";
    for (size_t i = 0; i < m.n_models; i++) {
        int k = snprintf(buf + o, sizeof buf - o, "%s%s", i ? "|" : "",
                         m.models[i]);
        if (k < 0 || (size_t)k >= sizeof buf - o) break;
        o += (size_t)k;
    }
    tracuu_meta_clear(&m);
    return buf;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    if (b) b[n] = '\0';
    fclose(f);
    return b;
}

/* Precision and recall on the labelled set tests/data/knowledge/models.txt
 * (passages of report text and the names a reader would list): a name
 * found counts right when it is exactly one of the passage's names. */
static void measure(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/knowledge/models.txt",
             tu_test_srcdir);
    char *all = slurp(path);
    CHECK(all != NULL);
    if (!all) return;
    int found = 0, right = 0, want = 0, common = 0;
    char *p = strstr(all, "\n### ");
    while (p) {
        p++;
        char *name_end = strchr(p, '\n');
        if (!name_end) break;
        char *text = name_end + 1;
        char *next = strstr(text, "\n### ");
        char *rec_end = next ? next + 1 : text + strlen(text);
        char *exp = strstr(text, "\n@@ ");
        size_t tlen = (exp && exp < rec_end ? exp + 1 : rec_end) - text;
        tracuu_meta_t m;
        memset(&m, 0, sizeof m);
        CHECK(tracuu_meta_extract(text, tlen, &m) == TRACUU_OK);
        char *used = calloc(m.n_models + 1, 1);
        for (char *e = text + tlen; e && e < rec_end && strncmp(e, "@@ ", 3) == 0;) {
            char *eol = strchr(e, '\n');
            size_t el = eol ? (size_t)(eol - e) : strlen(e);
            if (strncmp(e, "@@ none: ", 9) == 0)
                common += (int)strtol(e + 9, NULL, 10);
            if (strncmp(e, "@@ model: ", 10) == 0) {
                want++;
                const char *w = e + 10;
                size_t wl = el - 10;
                int hit = 0;
                for (size_t i = 0; i < m.n_models && !hit; i++)
                    if (!used[i] && strlen(m.models[i]) == wl &&
                        strncmp(m.models[i], w, wl) == 0)
                        hit = 1, used[i] = 1;
                if (hit) right++;
                else fprintf(stderr, "  missed [%.*s]: %.*s\n",
                             (int)(name_end - p), p, (int)wl, w);
            }
            e = eol ? eol + 1 : NULL;
        }
        for (size_t i = 0; i < m.n_models; i++) {
            found++;
            if (!used[i])
                fprintf(stderr, "  wrong  [%.*s]: %s\n", (int)(name_end - p), p,
                        m.models[i]);
        }
        free(used);
        tracuu_meta_clear(&m);
        p = next;
    }
    free(all);
    double prec = found ? (double)right / found : 0;
    double rec = want ? (double)right / want : 0;
    fprintf(stderr, "models: %d names labelled, %d common-noun uses; found %d, "
            "right %d: precision %.3f, recall %.3f\n", want, common, found,
            right, prec, rec);
    CHECK(want >= 150);
    CHECK(common >= 40);
    CHECK(prec >= 0.95);
    CHECK(rec >= 0.95);
}

static void key_is(const char *name, const char *want)
{
    char *k = tracuu_model_key(name, strlen(name));
    CHECK_STR(k, want);
    free(k);
}

void tu_test_main(void)
{
    measure();

    /* quoted, every quote kind, mixed quotes (seed 001) */
    CHECK_STR(models_of("toàn tỉnh đã có 972 mô hình \"Dân vận khéo\" được "
                        "công nhận"), "Dân vận khéo");
    CHECK_STR(models_of("phong trào thi đua \"Dân vận khéo” tiếp tục; mô hình "
                        "“Chính quyền thân thiện vì nhân dân phục vụ” tiếp "
                        "tục; mô hình \"Chính quyền thân thiện vì nhân dân "
                        "phục vụ\", qua đó"),
              "Chính quyền thân thiện vì nhân dân phục vụ");
    CHECK_STR(models_of("mô hình «Nuôi heo đất» và mô hình ‘Mẹ đỡ đầu’"),
              "Nuôi heo đất|Mẹ đỡ đầu");
    /* words between "mô hình" and the quote (seeds 002, 003) */
    CHECK_STR(models_of("xây dựng mô hình và nhân rộng điển hình “Dân vận "
                        "khéo” năm 2023"), "Dân vận khéo");
    CHECK_STR(models_of("xây dựng các mô hình, điển hình “Dân vận khéo” có "
                        "tính bền vững"), "Dân vận khéo");
    CHECK_STR(models_of("Mô hình của Hội Liên hiệp Phụ nữ huyện: “Nuôi heo "
                        "đất chung tay ủng hộ phương tiện sinh kế cho phụ nữ "
                        "khó khăn trên địa bàn huyện” của đã vận động"),
              "Nuôi heo đất chung tay ủng hộ phương tiện sinh kế cho phụ nữ "
              "khó khăn trên địa bàn huyện");
    /* too far, or another name in between: nothing */
    CHECK_STR(models_of("những mô hình hay, cách làm hiệu quả trong phong "
                        "trào “Dân vận khéo”."), "");
    CHECK_STR(models_of("Mô hình vận động nguồn lực hỗ trợ sinh kế cho đồng "
                        "bào dân tộc thiểu số của Đảng ủy xã Liên Hà đã kêu "
                        "gọi nguồn từ quỹ “Vì người nghèo” các cấp"),
              "vận động nguồn lực hỗ trợ sinh kế cho đồng bào dân tộc thiểu số");
    CHECK_STR(models_of("191 mô hình về văn hoá xã hội. Cuộc vận động “Làm "
                        "thay đổi nếp nghĩ”"), "");
    CHECK_STR(models_of("mô hình; phong trào “Dân vận khéo”"), "");
    /* unclosed quote: bounded at "tại" (seed 002 caption) */
    CHECK_STR(models_of("Mô hình “Dân vận khéo xây dựng tuyến đường sáng – "
                        "xanh – sạch – đẹp tại thôn Liên Kết xã Liên Hà\n"),
              "Dân vận khéo xây dựng tuyến đường sáng – xanh – sạch – đẹp");
    /* unquoted names */
    CHECK_STR(models_of("Mô hình Dân vận khéo xây dựng và phát triển Hợp tác "
                        "xã của Hội Nông dân xã Mê Linh"),
              "Dân vận khéo xây dựng và phát triển Hợp tác xã");
    CHECK_STR(models_of("thực hiện mô hình Dân vận khéo."), "Dân vận khéo");
    CHECK_STR(models_of("mô hình Nuôi Heo Đất giúp hội viên nghèo"),
              "Nuôi Heo Đất");
    /* names in lower case (issue 11): bounded, and not a common noun */
    CHECK_STR(models_of("Mô hình nuôi heo nái đen hỗ trợ sinh kế"),
              "nuôi heo nái đen hỗ trợ sinh kế");
    CHECK_STR(models_of("đổi mới mô hình tăng trưởng; mô hình tổ chức bộ máy"), "");
    CHECK_STR(models_of("các mô hình sản xuất giỏi; nhân rộng mô hình này"), "");
    CHECK_STR(models_of("mô hình trồng dâu nuôi tằm tại xã Phúc Thọ"),
              "trồng dâu nuôi tằm");
    CHECK_STR(models_of("mô hình phân loại rác thải tại nguồn nhằm giảm"),
              "phân loại rác thải tại nguồn");
    CHECK_STR(models_of("các mô hình: nuôi dê sinh sản; trồng nấm linh chi và "
                        "dệt thổ cẩm truyền thống."),
              "nuôi dê sinh sản|trồng nấm linh chi|dệt thổ cẩm truyền thống");
    CHECK_STR(models_of("mô hình “Nuôi heo đất”, “Hũ gạo tình thương” và "
                        "“Mẹ đỡ đầu”"), "Nuôi heo đất|Hũ gạo tình thương|Mẹ đỡ đầu");
    CHECK_STR(models_of("mô hình “Camera an ninh\nkết nối cộng đồng” tại thôn"),
              "Camera an ninh kết nối cộng đồng");
    CHECK_STR(models_of("15 điển hình “Dân vận khéo”; nhiều điển hình tiên "
                        "tiến; cách làm hay “Thắp sáng đường quê”"),
              "Dân vận khéo|Thắp sáng đường quê");
    CHECK_STR(models_of("mô hình điểm “Khu dân cư kiểu mẫu”"), "Khu dân cư kiểu mẫu");
    CHECK_STR(models_of("mô hình Xanh Sạch Đẹp Sáng Tươi Vui Khỏe Mạnh Giàu "
                        "Đẹp Văn Minh Hiện Đại"), "");
    /* without marks, upper case */
    CHECK_STR(models_of("mo hinh “Dan van kheo” va MÔ HÌNH “Thu gom ve chai”"),
              "Dan van kheo|Thu gom ve chai");
    /* a quoted sentence is not a name */
    CHECK_STR(models_of("mô hình “Việc dân vận rất quan trọng. Dân vận kém "
                        "thì việc gì cũng kém”"), "");
    /* normalising and de-duplication by key: the first form is kept */
    CHECK_STR(models_of("mô hình “ Nuôi   heo đất. ” và mô hình “nuôi heo "
                        "đất” và mô hình “Nuoi heo dat”"), "Nuôi heo đất");
    CHECK_STR(models_of("mô hình “Thu gom ve chai” của Hội; mô hình “Thu gom "
                        "phế liệu”"), "Thu gom ve chai|Thu gom phế liệu");
    /* M’Drắk: an apostrophe inside a word does not close a ‘ quote */
    CHECK_STR(models_of("mô hình ‘Đoàn kết M’Drắk’"), "Đoàn kết M’Drắk");

    key_is("Dân vận khéo", "dan van kheo");
    key_is("  DÂN VẬN   KHÉO ", "dan van kheo");
    key_is("sáng – xanh — sạch - đẹp", "sang - xanh - sach - dep");
    key_is("Đường hoa", "duong hoa");
}
