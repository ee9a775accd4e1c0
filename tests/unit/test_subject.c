/* Subject lines (knowledge/subject.c): letters, reports, plans, and texts
 * without one. */
#include <stdlib.h>
#include <string.h>
#include "tu_test.h"
#include "knowledge/tu_subject.h"

static void subject(const char *text, const char *want)
{
    char *s = tu_subject_line(text, strlen(text));
    if (!want)
        CHECK(s == NULL);
    else
        CHECK_STR(s ? s : "(none)", want);
    free(s);
}

void tu_test_main(void)
{
    subject("UBND HUYỆN\nSố: 12/UBND\nV/v tăng cường công tác\nphòng chống dịch\n"
            "Kính gửi: các xã\n", "V/v tăng cường công tác phòng chống dịch");
    subject("SỞ\nV/V: báo cáo số liệu\n\nNội dung", "V/V: báo cáo số liệu");
    subject("Về việc tổ chức hội nghị\nNội dung", "Về việc tổ chức hội nghị");
    subject("VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\n", "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC");
    subject("HUYỆN ỦY\n*\nSố 45-BC/HU\n\nBÁO CÁO\nkết quả công tác dân vận\nnăm 2023\n-----\nI. Tình hình",
            "BÁO CÁO kết quả công tác dân vận năm 2023");
    subject("KẾ HOẠCH\nTRIỂN KHAI CHUYỂN ĐỔI SỐ\n\nCăn cứ Luật", "KẾ HOẠCH TRIỂN KHAI CHUYỂN ĐỔI SỐ");
    subject("TỜ TRÌNH Đề nghị phê duyệt đề án\n\nKính gửi", "TỜ TRÌNH Đề nghị phê duyệt đề án");
    subject("QUYẾT ĐỊNH\nSố: 5/QĐ\n", NULL);    /* only the number under it */
    subject("Báo cáo kết quả công tác trong năm.\nNội dung.", NULL);  /* body text */
    subject("Người dân về việc nhà.\n", NULL);   /* "về việc" inside a sentence */
    subject("", NULL);
    /* past the header: not looked at */
    char big[8192];
    size_t len = 0;
    for (int i = 0; i < 60; i++)
        len += (size_t)snprintf(big + len, sizeof big - len, "dòng\n");
    snprintf(big + len, sizeof big - len, "V/v muộn\n");
    subject(big, NULL);
}
