/* tracuu_meta_extract on the five seed documents (corpus/, copies of
 * the shared seeds).  The expected values were found by reading each
 * seed by hand: every document number (none missed, none invented), each
 * document's own date, the models and the abbreviation pairs. */
#include <stdlib.h>
#include "tu_test.h"
#include "tracuu/meta.h"

typedef struct {
    const char *file;
    const char *date;
    const char *refs;      /* "ref|key|number|type|issuer|year|date;" */
    const char *models;    /* joined by "|" */
    int n_models;
    const char *pairs;     /* "abbr=expansion;" */
} seed_t;

static const seed_t seeds[] = {
    {"000_68f44c56ba93236f.txt", "",
     "25-NQ/TW|25-nq/tw|25|NQ|TW|2013|2013-06-03;"
     "43-KL/TW|43-kl/tw|43|KL|TW|2019|2019-01-07;"
     "114-KL/TW|114-kl/tw|114|KL|TW|2015|2015-07-14;"
     "16/CT-TTg|16/ct-ttg|16|CT|TTg|2016|2016-05-16;",
     "", 0, "DTTS=dân tộc thiểu số;"},
    {"001_24417e55f57db368.txt", "2024-07-18", "",
     "Dân vận khéo|Chính quyền thân thiện vì nhân dân phục vụ", 2,
     "CBĐV=cán bộ, đảng viên;KT-XH=kinh tế - xã hội;QCDC=quy chế dân chủ;"},
    {"002_b52b9df76fe3e092.txt", "2023-12-21",
     "13-NQ/HU|13-nq/hu|13|NQ|HU|2023|2023-12-14;"
     "61/2018/NĐ-CP|61/2018/nd-cp|61|NĐ|CP|2018|;"
     "25-NQ/TW|25-nq/tw|25|NQ|TW|2013|2013-06-03;"
     "605-QĐ/HU|605-qd/hu|605|QĐ|HU|2021|2021-11-05;",
     /* issue 11: the names written without quotes count too */
     "Dân vận khéo"
     "|Dân vận khéo xây dựng tuyến đường sáng – xanh – sạch – đẹp"
     "|kinh tế trang trại"
     "|Dân vận khéo về vận động nhân dân phát triển kinh tế - xã hội trong đồng bào dân tộc thiểu số thôn Đạ Ty, xã Đạ Đờn năm 2023"
     "|Nuôi heo đất chung tay ủng hộ phương tiện sinh kế cho phụ nữ khó khăn trên địa bàn huyện"
     "|Hỗ trợ vốn cho cán bộ phát triển kinh tế gia đình"
     "|vận động nguồn lực hỗ trợ sinh kế cho đồng bào dân tộc thiểu số"
     "|Dân vận khéo xây dựng và phát triển Hợp tác xã"
     "|nuôi heo nái đen hỗ trợ sinh kế cho phụ nữ nghèo"
     "|Nuôi heo đất"
     "|Thu gom ve chai chung tay bảo vệ môi trường sống xanh - sạch - đẹp, xây dựng nông thôn mới, đô thị văn minh"
     "|Dân vận khéo trong vận động phát triển kinh tế"
     "|vận động xây dựng công trình chào mừng Đại hội Hội Nông dân các cấp"
     "|phát triển kinh tế - xã hội trong vùng đồng bào dân tộc thiểu số"
     "|Thu gom rác thải nhựa gây quỹ giúp đỡ học sinh nghèo, học sinh khó khăn"
     "|Thu gom ve chai"
     "|Thu gom phế liệu"
     "|Thu gom rác thải bán gây quỹ"
     "|xây dựng tuyến đường hoa Văn Hà - Quảng Đức - Kon Tách Đăng"
     "|nhân rộng tuyến đường xanh - sạch - đẹp"
     "|giúp đỡ đảng viên có hoàn cảnh khó khăn"
     "|thu gom, xử lý rác thải nhựa, rác thải hữu cơ"
     "|Mẹ đỡ đầu"
     "|Nâng cao chất lượng giáo dục toàn diện, bồi dưỡng học sinh giỏi"
     "|Dân vận khéo đẩy mạnh cải cách hành chính - Vì nhân dân phục vụ"
     "|Dân vận khéo trong cải cách thủ tục hành chính"
     "|Dân vận khéo trong thực hiện cải cách thủ tục hành chính"
     "|Dân vận khéo trong tuyên truyền nhân dân chung tay thực hiện xã hội số"
     "|Dân vận khéo tuyên truyền, triển khai thực hiện dịch vụ công trực tuyến, nâng cao tỷ lệ công dân sử dụng tài khoản dịch vụ công công trong thực hiện thủ tục hành chính"
     "|Vận động toàn dân tham gia phòng ngừa, phát hiện tố giác tội phạm, cảm hóa, giáo dục, cải tạo người phạm tội tại gia đình và cộng đồng dân cư"
     , 30, ""},
    {"003_9df7450b690e7905.txt", "",
     "06-ĐA/TU|06-da/tu|06|ĐA|TU|0|;",
     "Dân vận khéo|Vận động nhân dân hiến đất làm đường", 2, ""},
    {"004_a0fd2a124f41bd1d.txt", "2023-01-10",
     "01-CTrPH/BDVHU|01-ctrph/bdvhu|01|CTrPH|BDVHU|2021|2021-03-05;"
     "25-NQ/TW|25-nq/tw|25|NQ|TW|2013|2013-06-03;"
     "30-CT/TW|30-ct/tw|30|CT|TW|0|;"
     "23-QĐ/TW|23-qd/tw|23|QĐ|TW|2021|2021-07-30;",
     "Dân vận khéo", 1, ""},
};

static char *slurp(const char *name, size_t *n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", tu_test_srcdir, name);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    *n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf) buf[*n] = '\0';
    return buf;
}

static void one(const seed_t *sd)
{
    size_t n;
    char *text = slurp(sd->file, &n);
    CHECK(text != NULL);
    if (!text) return;
    tracuu_meta_t m;
    memset(&m, 0, sizeof m);
    CHECK_INT(tracuu_meta_extract(text, n, &m), TRACUU_OK);
    char buf[8192];
    size_t o = 0;
    CHECK_STR(m.date, sd->date);

    buf[0] = '\0';
    for (size_t i = 0; i < m.n_refs; i++) {
        tracuu_ref_t *r = &m.refs[i];
        int k = snprintf(buf + o, sizeof buf - o, "%s|%s|%s|%s|%s|%d|%s;",
                         r->ref, r->key, r->number, r->type, r->issuer,
                         r->year, r->date);
        if (k < 0 || (size_t)k >= sizeof buf - o) break;
        o += (size_t)k;
    }
    CHECK_STR(buf, sd->refs);

    o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < m.n_models; i++) {
        int k = snprintf(buf + o, sizeof buf - o, "%s%s", i ? "|" : "",
                         m.models[i]);
        if (k < 0 || (size_t)k >= sizeof buf - o) break;
        o += (size_t)k;
    }
    CHECK_STR(buf, sd->models);
    CHECK_INT(m.n_models, sd->n_models);

    o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < m.n_pairs; i++) {
        int k = snprintf(buf + o, sizeof buf - o, "%s=%s;", m.pairs[i].abbr,
                         m.pairs[i].expansion);
        if (k < 0 || (size_t)k >= sizeof buf - o) break;
        o += (size_t)k;
    }
    CHECK_STR(buf, sd->pairs);

    /* Clearing twice is harmless; a cleared struct is all zero. */
    tracuu_meta_clear(&m);
    tracuu_meta_clear(&m);
    CHECK(m.refs == NULL && m.n_refs == 0 && m.models == NULL);
    free(text);
}

/* Damaged input: windows of every seed cut anywhere (inside a UTF-8
 * sequence, inside a number) with one byte overwritten; each extraction
 * must succeed (the sanitizer and valgrind runs check the memory). */
static void damaged(void)
{
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        size_t n;
        char *text = slurp(seeds[i].file, &n);
        if (!text) continue;
        for (size_t a = 0; a < n; a += 173) {
            size_t len = n - a < 311 ? n - a : 311;
            char *w = malloc(len ? len : 1);
            if (!w) break;
            memcpy(w, text + a, len);
            if (len) w[(a * 7) % len] = (char)(0x80 + a % 0x80);
            tracuu_meta_t m;
            memset(&m, 0, sizeof m);
            CHECK_INT(tracuu_meta_extract(w, len, &m), TRACUU_OK);
            tracuu_meta_clear(&m);
            free(w);
        }
        free(text);
    }
}

void tu_test_main(void)
{
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
        one(&seeds[i]);
    damaged();
    tracuu_meta_t m;
    memset(&m, 0, sizeof m);
    CHECK_INT(tracuu_meta_extract("", 0, &m), TRACUU_OK);
    CHECK(m.n_refs == 0 && m.n_models == 0 && m.n_pairs == 0);
    CHECK_STR(m.date, "");
    CHECK_INT(tracuu_meta_extract(NULL, 0, &m), TRACUU_ERR_INVALID_ARG);
    tracuu_meta_clear(&m);
    tracuu_meta_clear(NULL);
}
