/* Abbreviations: the curated list compiled in, plausibility, learned
 * pairs. */
#include <stdlib.h>
#include "tu_test.h"
#include "tracuu/meta.h"

typedef struct { int n, implausible, found; const char *abbr, *exp; } st_t;

static int count(const char *abbr, const char *exp, void *ctx)
{
    st_t *st = ctx;
    st->n++;
    if (!tracuu_abbr_plausible(abbr, exp)) {
        st->implausible++;
        fprintf(stderr, "implausible curated pair: %s = %s\n", abbr, exp);
    }
    if (strcmp(abbr, st->abbr) == 0 && strcmp(exp, st->exp) == 0)
        st->found = 1;
    return 0;
}

static int stop_at_3(const char *abbr, const char *exp, void *ctx)
{
    (void)abbr; (void)exp;
    return ++*(int *)ctx == 3;
}

static void curated(const char *abbr, const char *exp)
{
    st_t st = {0, 0, 0, abbr, exp};
    tracuu_abbr_each(count, &st);
    if (!st.found) fprintf(stderr, "missing curated pair %s\n", abbr);
    CHECK(st.found);
}

static const char *pairs_of(const char *text)
{
    static char buf[2048];
    tracuu_meta_t m;
    size_t o = 0;
    memset(&m, 0, sizeof m);
    buf[0] = '\0';
    if (tracuu_meta_extract(text, strlen(text), &m) != TRACUU_OK)
        return "ERROR";
    for (size_t i = 0; i < m.n_pairs; i++) {
        int k = snprintf(buf + o, sizeof buf - o, "%s=%s;", m.pairs[i].abbr,
                         m.pairs[i].expansion);
        if (k < 0 || (size_t)k >= sizeof buf - o) break;
        o += (size_t)k;
    }
    tracuu_meta_clear(&m);
    return buf;
}

void tu_test_main(void)
{
    st_t st = {0, 0, 0, "", ""};
    tracuu_abbr_each(count, &st);
    CHECK(st.n >= 80);
    CHECK_INT(st.implausible, 0);
    int k = 0;
    tracuu_abbr_each(stop_at_3, &k);
    CHECK_INT(k, 3);
    curated("UBND", "ủy ban nhân dân");
    curated("HĐND", "hội đồng nhân dân");
    curated("MTTQ", "mặt trận tổ quốc");
    curated("CTDV", "công tác dân vận");
    curated("CBĐV", "cán bộ đảng viên");
    curated("DTTS", "dân tộc thiểu số");
    curated("KT-XH", "kinh tế - xã hội");
    curated("LLVT", "lực lượng vũ trang");
    curated("QCDC", "quy chế dân chủ");
    curated("TCĐ", "tổ chức đảng");
    curated("BCH", "ban chấp hành");
    curated("BTV", "ban thường vụ");
    curated("NTM", "nông thôn mới");
    curated("CCHC", "cải cách hành chính");
    curated("QP-AN", "quốc phòng - an ninh");
    curated("ANTT", "an ninh trật tự");
    curated("HTCT", "hệ thống chính trị");
    curated("CT-XH", "chính trị - xã hội");
    curated("BDV", "ban dân vận");
    curated("CVĐ", "cuộc vận động");
    curated("ĐTN", "đoàn thanh niên");
    curated("HLHPN", "hội liên hiệp phụ nữ");
    curated("HND", "hội nông dân");
    curated("HCCB", "hội cựu chiến binh");
    curated("TNCS", "thanh niên cộng sản");
    curated("CNH-HĐH", "công nghiệp hóa - hiện đại hóa");

    CHECK(tracuu_abbr_plausible("DTTS", "dân tộc thiểu số"));
    CHECK(tracuu_abbr_plausible("dtts", "Dân Tộc Thiểu Số"));
    CHECK(tracuu_abbr_plausible("CBĐV", "cán bộ, đảng viên"));
    CHECK(tracuu_abbr_plausible("CBDV", "cán bộ, đảng viên"));
    CHECK(tracuu_abbr_plausible("TCĐ", "tổ chức đảng"));
    CHECK(tracuu_abbr_plausible("KT-XH", "kinh tế - xã hội"));
    CHECK(tracuu_abbr_plausible("KTXH", "kinh tế-xã hội"));
    CHECK(tracuu_abbr_plausible("UBND", "Ủy ban nhân dân"));
    CHECK(tracuu_abbr_plausible("TW", "trung ương"));   /* W for Ư */
    CHECK(tracuu_abbr_plausible("TU", "trung ương"));
    CHECK(!tracuu_abbr_plausible("TW", "trung uy"));
    CHECK(!tracuu_abbr_plausible("DTTS", "dân tộc thiểu"));
    CHECK(!tracuu_abbr_plausible("DTTS", "dân tộc ít người"));
    CHECK(!tracuu_abbr_plausible("DTTS", "các dân tộc thiểu số"));
    CHECK(!tracuu_abbr_plausible("D", "dân"));
    CHECK(!tracuu_abbr_plausible("", ""));
    CHECK(!tracuu_abbr_plausible("AB", "an 2"));
    CHECK(!tracuu_abbr_plausible(NULL, "x"));

    /* learned pairs, sentences of seeds 000 and 001 */
    CHECK_STR(pairs_of("vai trò của già làng, người có uy tín trong vùng dân "
                       "tộc thiểu số (DTTS), thực hiện"),
              "DTTS=dân tộc thiểu số;");
    CHECK_STR(pairs_of("trách nhiệm của đội ngũ cán bộ, đảng viên (CBĐV), "
                       "công chức"), "CBĐV=cán bộ, đảng viên;");
    CHECK_STR(pairs_of("các chỉ tiêu cơ bản về phát triển kinh tế - xã hội "
                       "(KT-XH) đã đề ra"), "KT-XH=kinh tế - xã hội;");
    CHECK_STR(pairs_of("Việc thực hiện Quy chế dân chủ (QCDC) ở cơ sở"),
              "QCDC=quy chế dân chủ;");
    CHECK_STR(pairs_of("làm tốt công tác dân vận (gọi tắt là CTDV) và "
                       "Mặt trận Tổ quốc (sau đây gọi tắt là MTTQ)"),
              "CTDV=công tác dân vận;MTTQ=mặt trận tổ quốc;");
    /* not pairs */
    CHECK_STR(pairs_of("Trong 2 năm (2021, 2022); (baohanam.com.vn); "
                       "(Đề án 06); tỉnh Kon Tum (KTX); Nghị quyết (NQ-TW); "
                       "đảng viên (Đv); 25 (NQ)"), "");
    /* de-duplicated */
    CHECK_STR(pairs_of("dân tộc thiểu số (DTTS) và dân tộc thiểu số (DTTS)"),
              "DTTS=dân tộc thiểu số;");
}
