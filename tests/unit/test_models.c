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

static void key_is(const char *name, const char *want)
{
    char *k = tracuu_model_key(name, strlen(name));
    CHECK_STR(k, want);
    free(k);
}

void tu_test_main(void)
{
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
                        "gọi nguồn từ quỹ “Vì người nghèo” các cấp"), "");
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
    CHECK_STR(models_of("Mô hình nuôi heo nái đen hỗ trợ sinh kế"), "");
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
