/* tracuu: the tables of document type codes and issuer codes (docs/design.md
 * section 3).  This file is the one place where they are documented.
 *
 * Sources: party documents follow Hướng dẫn 36-HD/VPTW (2018) on the form of
 * party documents ("25-NQ/TW": NUMBER-TYPE/ISSUER); state documents follow
 * Nghị định 30/2020/NĐ-CP, Phụ lục III ("61/2018/NĐ-CP", "16/CT-TTg":
 * NUMBER/[YEAR/]TYPE-ISSUER).  The spelling here is the display form
 * ("CTrPH", "TTg", "NĐ"); codes are matched in any case, with or without
 * marks ("qd", "QD", "Qđ" -> "QĐ"); an exact match (ignoring case) wins over
 * a match without marks, so "HD" is hướng dẫn and "HĐ" hợp đồng.
 *
 * Types (only these make a document number: "19/19", "2021-2022", "KT-XH"
 * are not document numbers):
 *   NQ nghị quyết, QĐ quyết định, CT chỉ thị, KL kết luận, NĐ nghị định,
 *   TT thông tư (in party numbers TT is a "thông tri"; one name is kept),
 *   TTLT thông tư liên tịch, NQLT nghị quyết liên tịch, HDLT hướng dẫn liên
 *   tịch, QĐLT quyết định liên tịch, CTLT chương trình liên tịch,
 *   KH kế hoạch, BC báo cáo, HD hướng dẫn, ĐA đề án, DA dự án, TB thông báo,
 *   TC thông cáo, CTr chương trình, CTrPH chương trình phối hợp, QC quy chế,
 *   QCPH quy chế phối hợp, KHPH kế hoạch phối hợp, QĐi quy định (party),
 *   QyĐ quy định (state), TTr tờ trình, CV công văn (not an official code,
 *   but common in party numbers "123-CV/TU"), CĐ công điện, PA phương án,
 *   ĐC đề cương, BB biên bản, HĐ hợp đồng, GM giấy mời, GGT giấy giới thiệu,
 *   GUQ giấy ủy quyền, TTh bản thỏa thuận, GN bản ghi nhớ.
 *   Laws and ordinances have no type code ("Luật số 77/2015/QH13"): the
 *   parser accepts NUMBER/YEAR/QHnn and NUMBER/YEAR/UBTVQHnn with type "".
 *
 * Issuers: the table below; an issuer code may carry a legislature or unit
 * number ("QH13", "UBTVQH14", "BCĐ389").  In running text an issuer not in
 * the table is still accepted when it looks like an upper-case code (2 to 10
 * upper-case letters, e.g. "SNV"); it is kept as written and
 * tracuu_issuer_name returns NULL for it.  Codes with two usual meanings
 * keep the one most frequent in party/state archives: BCT Bộ Chính trị (also
 * Bộ Công Thương), BTC Bộ Tài chính (also Ban Tổ chức). */
#include <string.h>
#include "knowledge/tu_doctables.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

typedef struct { const char *code; const char *name; } entry_t;

static const entry_t types[] = {
    {"NQ", "nghị quyết"}, {"QĐ", "quyết định"}, {"CT", "chỉ thị"},
    {"KL", "kết luận"}, {"NĐ", "nghị định"}, {"TT", "thông tư"},
    {"TTLT", "thông tư liên tịch"}, {"NQLT", "nghị quyết liên tịch"},
    {"HDLT", "hướng dẫn liên tịch"}, {"QĐLT", "quyết định liên tịch"},
    {"CTLT", "chương trình liên tịch"},
    {"KH", "kế hoạch"}, {"BC", "báo cáo"}, {"HD", "hướng dẫn"},
    {"ĐA", "đề án"}, {"DA", "dự án"}, {"TB", "thông báo"},
    {"TC", "thông cáo"}, {"CTr", "chương trình"},
    {"CTrPH", "chương trình phối hợp"}, {"QC", "quy chế"},
    {"QCPH", "quy chế phối hợp"}, {"KHPH", "kế hoạch phối hợp"},
    {"QĐi", "quy định"}, {"QyĐ", "quy định"}, {"TTr", "tờ trình"},
    {"CV", "công văn"}, {"CĐ", "công điện"}, {"PA", "phương án"},
    {"ĐC", "đề cương"}, {"BB", "biên bản"}, {"HĐ", "hợp đồng"},
    {"GM", "giấy mời"}, {"GGT", "giấy giới thiệu"},
    {"GUQ", "giấy ủy quyền"}, {"TTh", "bản thỏa thuận"},
    {"GN", "bản ghi nhớ"},
};

static const entry_t issuers[] = {
    /* party */
    {"TW", "Ban Chấp hành Trung ương"}, {"TƯ", "Ban Chấp hành Trung ương"},
    {"BCT", "Bộ Chính trị"}, {"BBT", "Ban Bí thư"},
    {"TU", "Tỉnh ủy"}, {"HU", "Huyện ủy"}, {"ĐU", "Đảng ủy"},
    {"TPU", "Thành ủy"}, {"ThU", "Thị ủy"}, {"QU", "Quận ủy"},
    {"ĐUK", "Đảng ủy khối"}, {"ĐUQSTW", "Quân ủy Trung ương"},
    {"QUTW", "Quân ủy Trung ương"}, {"ĐUCATW", "Đảng ủy Công an Trung ương"},
    {"BCS", "Ban cán sự đảng"}, {"BCSĐ", "Ban cán sự đảng"},
    {"ĐĐ", "Đảng đoàn"}, {"CB", "Chi bộ"}, {"BCĐ", "Ban Chỉ đạo"},
    {"VPTW", "Văn phòng Trung ương Đảng"},
    {"BTCTW", "Ban Tổ chức Trung ương"}, {"BTGTW", "Ban Tuyên giáo Trung ương"},
    {"BDVTW", "Ban Dân vận Trung ương"}, {"BDVTU", "Ban Dân vận Tỉnh ủy"},
    {"BDVHU", "Ban Dân vận Huyện ủy"}, {"BDVTHU", "Ban Dân vận Thành ủy"},
    {"BDV", "Ban Dân vận"}, {"BTG", "Ban Tuyên giáo"},
    {"BTGTU", "Ban Tuyên giáo Tỉnh ủy"}, {"BTCTU", "Ban Tổ chức Tỉnh ủy"},
    {"UBKTTW", "Ủy ban Kiểm tra Trung ương"}, {"UBKT", "Ủy ban Kiểm tra"},
    {"BNCTW", "Ban Nội chính Trung ương"}, {"BKTTW", "Ban Kinh tế Trung ương"},
    {"BĐNTW", "Ban Đối ngoại Trung ương"},
    /* state */
    {"QH", "Quốc hội"}, {"UBTVQH", "Ủy ban Thường vụ Quốc hội"},
    {"CP", "Chính phủ"}, {"TTg", "Thủ tướng Chính phủ"},
    {"VPCP", "Văn phòng Chính phủ"},
    {"UBND", "Ủy ban nhân dân"}, {"HĐND", "Hội đồng nhân dân"},
    {"BTC", "Bộ Tài chính"}, {"BNV", "Bộ Nội vụ"}, {"BCA", "Bộ Công an"},
    {"BQP", "Bộ Quốc phòng"}, {"BTP", "Bộ Tư pháp"}, {"BYT", "Bộ Y tế"},
    {"BXD", "Bộ Xây dựng"}, {"BGDĐT", "Bộ Giáo dục và Đào tạo"},
    {"BKHĐT", "Bộ Kế hoạch và Đầu tư"},
    {"BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
    {"BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
    {"BTNMT", "Bộ Tài nguyên và Môi trường"},
    {"BTTTT", "Bộ Thông tin và Truyền thông"},
    {"BGTVT", "Bộ Giao thông vận tải"},
    {"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
    {"BKHCN", "Bộ Khoa học và Công nghệ"}, {"BNG", "Bộ Ngoại giao"},
    {"NHNN", "Ngân hàng Nhà nước Việt Nam"}, {"TTCP", "Thanh tra Chính phủ"},
    {"UBDT", "Ủy ban Dân tộc"}, {"TANDTC", "Tòa án nhân dân tối cao"},
    {"VKSNDTC", "Viện kiểm sát nhân dân tối cao"},
    {"KTNN", "Kiểm toán nhà nước"},
    /* fronts and mass organisations */
    {"MTTQ", "Mặt trận Tổ quốc Việt Nam"},
    {"MTTW", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
    {"TLĐ", "Tổng Liên đoàn Lao động Việt Nam"},
    {"TWĐTN", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"},
    {"HLHPN", "Hội Liên hiệp Phụ nữ"}, {"HND", "Hội Nông dân"},
    {"HCCB", "Hội Cựu chiến binh"},
};

/* Lower-cased S[0..N) into OUT (CAP incl. NUL); -1 if it does not fit. */
static int lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, p = 0, l;
    while (p < n) {
        uint32_t c = tu_ch_tolower(tu_ch_dec(s, n, p, &l));
        char b[4];
        size_t bl = tu_ch_enc(c, b);
        if (o + bl >= cap) return -1;
        memcpy(out + o, b, bl);
        o += bl;
        p += l;
    }
    out[o] = '\0';
    return (int)o;
}

static const char *lookup(const entry_t *t, size_t nt, const char *code,
                          size_t n, int want_name)
{
    char a[64], b[64];
    if (n == 0 || n > 40 || lower(code, n, a, sizeof a) < 0) return NULL;
    for (size_t i = 0; i < nt; i++)
        if (lower(t[i].code, strlen(t[i].code), b, sizeof b) >= 0
            && strcmp(a, b) == 0)
            return want_name ? t[i].name : t[i].code;
    if (tu_scan_fold(code, n, a, sizeof a) < 0) return NULL;
    for (size_t i = 0; i < nt; i++)
        if (tu_scan_fold(t[i].code, strlen(t[i].code), b, sizeof b) >= 0
            && strcmp(a, b) == 0)
            return want_name ? t[i].name : t[i].code;
    return NULL;
}

#define NT (sizeof types / sizeof types[0])
#define NI (sizeof issuers / sizeof issuers[0])

const char *tu_type_canon(const char *code, size_t n)
{
    return lookup(types, NT, code, n, 0);
}

const char *tu_issuer_canon(const char *code, size_t n)
{
    return lookup(issuers, NI, code, n, 0);
}

const char *tracuu_type_name(const char *code)
{
    return code ? lookup(types, NT, code, strlen(code), 1) : NULL;
}

const char *tracuu_issuer_name(const char *code)
{
    if (!code) return NULL;
    size_t n = strlen(code);
    const char *r = lookup(issuers, NI, code, n, 1);
    /* "QH13", "UBTVQH14", "BCĐ389": the code with a number after it. */
    while (!r && n > 1 && code[n - 1] >= '0' && code[n - 1] <= '9') {
        n--;
        if (!(code[n - 1] >= '0' && code[n - 1] <= '9'))
            r = lookup(issuers, NI, code, n, 1);
    }
    return r;
}
