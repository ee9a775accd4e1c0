/* The document's own date: header forms, dates that belong to a document
 * number, invalid dates. */
#include "tu_test.h"
#include "tracuu/meta.h"

static const char *date_of(const char *text)
{
    static char buf[11];
    tracuu_meta_t m;
    memset(&m, 0, sizeof m);
    buf[0] = '\0';
    if (tracuu_meta_extract(text, strlen(text), &m) == TRACUU_OK)
        memcpy(buf, m.date, sizeof buf);
    tracuu_meta_clear(&m);
    return buf;
}

void tu_test_main(void)
{
    /* the forms of the seeds' headers */
    CHECK_STR(date_of("Tiêu đề\n21/12/2023 09:10 SA\n\nNội dung"),
              "2023-12-21");
    CHECK_STR(date_of("Thứ Năm, 18/7/2024\nHà Nam: Nâng cao chất lượng"),
              "2024-07-18");
    CHECK_STR(date_of("Sơ kết 02 năm.\n\n10/01/2023\nChiều ngày 05 tháng 01 "
                      "năm 2023, tại Hội trường"), "2023-01-10");
    CHECK_STR(date_of("ĐẢNG BỘ HUYỆN\nLâm Hà, ngày 05 tháng 01 năm 2023\n"),
              "2023-01-05");
    CHECK_STR(date_of("HUYỆN ỦY\nLÂM HÀ, NGÀY 5 THÁNG 1 NĂM 2023\n"),
              "2023-01-05");
    CHECK_STR(date_of("Báo cáo\n05-01-2023\n"), "2023-01-05");
    CHECK_STR(date_of("Báo cáo\n05.01.2023\n"), "2023-01-05");
    CHECK_STR(date_of("Cập nhật 2023-01-05\n"), "2023-01-05");
    /* the cited resolution's date in a title is not the document's */
    CHECK_STR(date_of("QUYẾT TÂM THỰC HIỆN NGHỊ QUYẾT SỐ 13-NQ/HU, NGÀY "
                      "14/12/2023 CỦA HUYỆN ỦY\nTiêu đề\n21/12/2023 09:10 SA\n"),
              "2023-12-21");
    CHECK_STR(date_of("Nghị quyết số 13-NQ/HU, ngày 14/12/2023\n"), "");
    CHECK_STR(date_of("Chương trình số 01-CTrPH/BDVHU, ngày 05 tháng 3 năm "
                      "2021\n"), "");
    /* a numeric date inside a long body line does not count, unless after
     * "ngày"; month/year alone is not a date */
    CHECK_STR(date_of("tháng 12/2017 Ban Thường vụ Tỉnh ủy Bắc Kạn đã ban "
                      "hành Đề án số 06-ĐA/TU về nâng cao hiệu quả phong trào"
                      " “Dân vận khéo” trong giai đoạn hiện nay, 12/10/2019"),
              "");
    CHECK_STR(date_of("Một đoạn văn rất dài về công tác dân vận của cả hệ "
                      "thống chính trị; ngày 20/5/2023 Huyện ủy tổ chức hội "
                      "nghị sơ kết công tác"), "2023-05-20");
    CHECK_STR(date_of("19/19 cơ quan\n09/10 đơn vị\n"), "");
    /* invalid dates and years */
    CHECK_STR(date_of("31/02/2023\n"), "");
    CHECK_STR(date_of("29/02/2023\n"), "");
    CHECK_STR(date_of("29/02/2024\n"), "2024-02-29");
    CHECK_STR(date_of("12/13/2023\n"), "");
    CHECK_STR(date_of("12/10/1930\n"), "");
    CHECK_STR(date_of("12/10/2101\n"), "");
    CHECK_STR(date_of("ngày 0 tháng 1 năm 2020\n"), "");
    CHECK_STR(date_of("12/10/20234\n"), "");
    CHECK_STR(date_of("112/10/2023\n"), "");
    /* only the header area (12 non-empty lines) */
    CHECK_STR(date_of("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n05/01/2023\n"),
              "");
    CHECK_STR(date_of("1\n\n2\n\n3\n4\n5\n6\n7\n8\n9\n10\n11\n05/01/2023\n"),
              "2023-01-05");
    CHECK_STR(date_of(""), "");
}
