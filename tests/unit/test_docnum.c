/* Document numbers: tracuu_ref_parse, the extraction from running text
 * (real sentences of the seeds), and the type / issuer tables. */
#include <stdlib.h>
#include "tu_test.h"
#include "tracuu/meta.h"

/* Parse S as typed by a user and check every field. */
static void parse_ok(const char *s, const char *ref, const char *key,
                     const char *num, const char *type, const char *iss,
                     int year)
{
    tracuu_ref_t r;
    memset(&r, 0, sizeof r);
    CHECK_INT(tracuu_ref_parse(s, strlen(s), &r), TRACUU_OK);
    CHECK_STR(r.ref, ref);
    CHECK_STR(r.key, key);
    CHECK_STR(r.number, num);
    CHECK_STR(r.type, type);
    CHECK_STR(r.issuer, iss);
    CHECK_INT(r.year, year);
    CHECK_STR(r.date, "");
    tracuu_ref_clear(&r);
    CHECK(r.ref == NULL);
}

static void parse_bad(const char *s)
{
    tracuu_ref_t r;
    memset(&r, 0, sizeof r);
    CHECK_INT(tracuu_ref_parse(s, strlen(s), &r), TRACUU_ERR_QUERY);
    CHECK(r.ref == NULL && r.key == NULL);
}

/* Every ref of TEXT as "ref|key|type|issuer|year|date;" */
static char *refs_of(const char *text)
{
    static char buf[4096];
    tracuu_meta_t m;
    size_t o = 0;
    memset(&m, 0, sizeof m);
    buf[0] = '\0';
    if (tracuu_meta_extract(text, strlen(text), &m) != TRACUU_OK)
        return buf;
    for (size_t i = 0; i < m.n_refs && o < sizeof buf; i++) {
        tracuu_ref_t *r = &m.refs[i];
        int k = snprintf(buf + o, sizeof buf - o, "%s|%s|%s|%s|%d|%s;",
                         r->ref, r->key, r->type, r->issuer, r->year,
                         r->date);
        if (k < 0) break;
        o += (size_t)k;
    }
    tracuu_meta_clear(&m);
    return buf;
}

static void parsing(void)
{
    parse_ok("25-NQ/TW", "25-NQ/TW", "25-nq/tw", "25", "NQ", "TW", 0);
    parse_ok("25-nq/tw", "25-NQ/TW", "25-nq/tw", "25", "NQ", "TW", 0);
    parse_ok("  61/2018/ND-CP ", "61/2018/NĐ-CP", "61/2018/nd-cp", "61",
             "NĐ", "CP", 2018);
    parse_ok("61/2018/nđ-cp", "61/2018/NĐ-CP", "61/2018/nd-cp", "61", "NĐ",
             "CP", 2018);
    parse_ok("16/ct-ttg", "16/CT-TTg", "16/ct-ttg", "16", "CT", "TTg", 0);
    parse_ok("01-ctrph/bdvhu", "01-CTrPH/BDVHU", "01-ctrph/bdvhu", "01",
             "CTrPH", "BDVHU", 0);
    parse_ok("605-QD/HU", "605-QĐ/HU", "605-qd/hu", "605", "QĐ", "HU", 0);
    parse_ok("07/2024/TT-BTC", "07/2024/TT-BTC", "07/2024/tt-btc", "07", "TT",
             "BTC", 2024);
    parse_ok("05/2022/QĐ-UBND", "05/2022/QĐ-UBND", "05/2022/qd-ubnd", "05",
             "QĐ", "UBND", 2022);
    parse_ok("123/QĐ-UBND", "123/QĐ-UBND", "123/qd-ubnd", "123", "QĐ", "UBND",
             0);
    /* "DA" is dự án, "ĐA" đề án: typed without marks it reads as dự án,
     * but the key is the same, so the search finds 06-ĐA/TU all the same */
    parse_ok("06-DA/TU", "06-DA/TU", "06-da/tu", "06", "DA", "TU", 0);
    parse_ok("06-đa/tu", "06-ĐA/TU", "06-da/tu", "06", "ĐA", "TU", 0);
    parse_ok("08-QĐi/TW", "08-QĐi/TW", "08-qdi/tw", "08", "QĐi", "TW", 0);
    /* unknown issuer typed in lower case: kept, upper-cased */
    parse_ok("12/qd-snv", "12/QĐ-SNV", "12/qd-snv", "12", "QĐ", "SNV", 0);
    /* several issuers, a legislature number, a law */
    parse_ok("01/2015/TTLT-BTC-BNV", "01/2015/TTLT-BTC-BNV",
             "01/2015/ttlt-btc-bnv", "01", "TTLT", "BTC-BNV", 2015);
    parse_ok("77/2015/QH13", "77/2015/QH13", "77/2015/qh13", "77", "", "QH13",
             2015);
    parse_ok("1234/NQ-UBTVQH14", "1234/NQ-UBTVQH14", "1234/nq-ubtvqh14",
             "1234", "NQ", "UBTVQH14", 0);
    parse_bad("");
    parse_bad("19/19");
    parse_bad("2021-2022");
    parse_bad("KT-XH");
    parse_bad("14/12/2023");
    parse_bad("25-XY/TW");          /* XY is no type */
    parse_bad("25-NQ");
    parse_bad("25-NQ/TW thêm");
    parse_bad("NQ/TW");
    parse_bad("77/QH13");           /* a law needs its year */
}

static void running_text(void)
{
    /* seed 000 */
    CHECK_STR(refs_of("quán triệt Nghị quyết số 25-NQ/TW, Kết luận số "
                      "43-KL/TW đến tất cả cán bộ"),
              "25-NQ/TW|25-nq/tw|NQ|TW|0|;43-KL/TW|43-kl/tw|KL|TW|0|;");
    CHECK_STR(refs_of("thực hiện Kết luận số 114-KL/TW, ngày 14-7-2015 của "
                      "Ban Bí thư; Chỉ thị số 16/CT-TTg, ngày 16-5-2016 của "
                      "Thủ tướng Chính phủ"),
              "114-KL/TW|114-kl/tw|KL|TW|2015|2015-07-14;"
              "16/CT-TTg|16/ct-ttg|CT|TTg|2016|2016-05-16;");
    CHECK_STR(refs_of("Qua 10 năm thực hiện Nghị quyết số 25-NQ/TW ngày "
                      "03-6-2013 của Ban Chấp hành Trung ương (khóa XI)"),
              "25-NQ/TW|25-nq/tw|NQ|TW|2013|2013-06-03;");
    /* numbers inside numbers, fractions and dates are not refs */
    CHECK_STR(refs_of("đã tổ chức 2.343 cuộc đối thoại; có 19/19 cơ quan, "
                      "09/10 đơn vị, 102/102 đơn vị hành chính cấp xã, 1.623 "
                      "dịch vụ công; 15.000 lượt/25.000 ý kiến; nhiệm kỳ "
                      "2020-2025; ngày 14/12/2023, 03-6-2013, 14-7-2015; "
                      "phát triển KT-XH; quý III/ 2023; 32/63 tỉnh"), "");
    /* seed 002: upper-case title, state style with a year */
    CHECK_STR(refs_of("QUYẾT TÂM THỰC HIỆN THẮNG LỢI NGHỊ QUYẾT SỐ 13-NQ/HU, "
                      "NGÀY 14/12/2023 CỦA HUYỆN ỦY LÂM HÀ"),
              "13-NQ/HU|13-nq/hu|NQ|HU|2023|2023-12-14;");
    CHECK_STR(refs_of("ở huyện Lâm Hà theo Nghị định 61/2018/NĐ-CP của Chính "
                      "phủ” của Phòng Nội vụ"),
              "61/2018/NĐ-CP|61/2018/nd-cp|NĐ|CP|2018|;");
    CHECK_STR(refs_of("Quyết định số 605-QĐ/HU, ngày 5/11/2021 của Ban "
                      "Thường vụ Huyện ủy"),
              "605-QĐ/HU|605-qd/hu|QĐ|HU|2021|2021-11-05;");
    /* seed 004: long date in words, a party number without date */
    CHECK_STR(refs_of("Chương trình phối hợp số 01-CTrPH/BDVHU, ngày 05 tháng "
                      "3 năm 2021 về công tác dân vận; Chỉ thị số 30-CT/TW của "
                      "Bộ Chính trị (khoá VIII)"),
              "01-CTrPH/BDVHU|01-ctrph/bdvhu|CTrPH|BDVHU|2021|2021-03-05;"
              "30-CT/TW|30-ct/tw|CT|TW|0|;");
    /* seed 003: the date before the number is not its issue date */
    CHECK_STR(refs_of("tháng 12/2017 Ban Thường vụ Tỉnh ủy Bắc Kạn đã ban "
                      "hành Đề án số 06-ĐA/TU về nâng cao hiệu quả"),
              "06-ĐA/TU|06-da/tu|ĐA|TU|0|;");
    /* sloppy text: blanks around separators, a line break */
    CHECK_STR(refs_of("Nghị quyết số 25- NQ/TW và 43 -KL/TW, 13-NQ/\nHU"),
              "25-NQ/TW|25-nq/tw|NQ|TW|0|;43-KL/TW|43-kl/tw|KL|TW|0|;"
              "13-NQ/HU|13-nq/hu|NQ|HU|0|;");
    CHECK_STR(refs_of("số 25-NQ/\n\nTW"), "");        /* two line breaks */
    CHECK_STR(refs_of("Nghị định số 61/2018/ NĐ-CP"),
              "61/2018/NĐ-CP|61/2018/nd-cp|NĐ|CP|2018|;");
    /* the code wins over the type word before it; de-duplication by key;
     * a later mention gives the date */
    CHECK_STR(refs_of("Chỉ thị số 25-NQ/TW; Nghị quyết 25-nq/tw ngày "
                      "3/6/2013"),
              "25-NQ/TW|25-nq/tw|NQ|TW|2013|2013-06-03;");
    /* unknown issuers: upper-case codes only; glued letters refuse */
    CHECK_STR(refs_of("Quyết định 12/QĐ-SNV và 12/QĐ-snv, 25-NQ/TWx, "
                      "x25-NQ/TW, 25a-NQ/TW"),
              "12/QĐ-SNV|12/qd-snv|QĐ|SNV|0|;");
    /* bad dates after a number are not taken */
    CHECK_STR(refs_of("Kết luận 43-KL/TW, ngày 31/02/2019"),
              "43-KL/TW|43-kl/tw|KL|TW|0|;");
    CHECK_STR(refs_of("Luật số 77/2015/QH13 ngày 19 tháng 6 năm 2015"),
              "77/2015/QH13|77/2015/qh13||QH13|2015|2015-06-19;");
}

static void tables(void)
{
    CHECK_STR(tracuu_type_name("NQ"), "nghị quyết");
    CHECK_STR(tracuu_type_name("nq"), "nghị quyết");
    CHECK_STR(tracuu_type_name("QĐ"), "quyết định");
    CHECK_STR(tracuu_type_name("QD"), "quyết định");
    CHECK_STR(tracuu_type_name("CTrPH"), "chương trình phối hợp");
    CHECK_STR(tracuu_type_name("HD"), "hướng dẫn");
    CHECK_STR(tracuu_type_name("HĐ"), "hợp đồng");
    CHECK_STR(tracuu_type_name("ĐA"), "đề án");
    CHECK(tracuu_type_name("XY") == NULL);
    CHECK(tracuu_type_name("") == NULL);
    CHECK(tracuu_type_name(NULL) == NULL);
    CHECK_STR(tracuu_issuer_name("TW"), "Ban Chấp hành Trung ương");
    CHECK_STR(tracuu_issuer_name("TTg"), "Thủ tướng Chính phủ");
    CHECK_STR(tracuu_issuer_name("ttg"), "Thủ tướng Chính phủ");
    CHECK_STR(tracuu_issuer_name("HU"), "Huyện ủy");
    CHECK_STR(tracuu_issuer_name("ĐU"), "Đảng ủy");
    CHECK_STR(tracuu_issuer_name("BDVHU"), "Ban Dân vận Huyện ủy");
    CHECK_STR(tracuu_issuer_name("QH13"), "Quốc hội");
    CHECK_STR(tracuu_issuer_name("UBTVQH14"), "Ủy ban Thường vụ Quốc hội");
    CHECK(tracuu_issuer_name("SNV") == NULL);
    CHECK(tracuu_issuer_name("13") == NULL);
    CHECK(tracuu_issuer_name(NULL) == NULL);
}

void tu_test_main(void)
{
    parsing();
    running_text();
    tables();
}
