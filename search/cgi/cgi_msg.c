/* cgi_msg: see cgi_msg.h. */
#include "cgi_msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *en;     /* the start of the parser's message */
    const char *vi;
} table[] = {
    {"unterminated quote", "thiếu dấu ngoặc kép đóng \""},
    {"unbalanced parenthesis: add the closing", "thiếu dấu ngoặc đóng )"},
    {"unbalanced parenthesis: ) without (", "có dấu ) mà không có dấu ( trước nó"},
    {"empty parentheses", "trong dấu ngoặc () không có gì"},
    {"parentheses nested too deeply", "quá nhiều dấu ngoặc lồng nhau"},
    {"query too complex", "câu tìm kiếm quá phức tạp"},
    {"query too long", "câu tìm kiếm quá dài"},
    {"query is not valid UTF-8", "câu tìm kiếm có chữ không phải UTF-8 hợp lệ"},
    {"the query has no word or number", "câu tìm kiếm không có từ hay số nào để tìm"},
    {"AND needs a term", "AND cần một từ ở trước và ở sau"},
    {"OR needs a term", "OR cần một từ ở trước và ở sau"},
    {"NOT needs a term", "NOT cần một từ ở sau"},
    {"a term is missing at the end", "thiếu một từ ở cuối câu tìm kiếm"},
    {"nam: wants a year or a range", "nam: cần một năm hoặc khoảng năm, ví dụ nam:2023 hoặc nam:2021..2023"},
    {"nam: wants a year", "nam: cần một năm, ví dụ nam:2023"},
    {"date range runs backwards", "khoảng ngày bị ngược: ngày đầu sau ngày cuối"},
    {"thumuc: wants an absolute", "thumuc: cần đường dẫn thư mục đầy đủ, ví dụ thumuc:/srv/luutru"},
    {"thumuc: needs a folder", "thumuc: cần tên hoặc đường dẫn thư mục"},
    {"title: needs a word", "title: cần một từ sau dấu hai chấm"},
    {"field value is not valid text", "giá trị sau dấu hai chấm không hợp lệ"},
};

const char *cgi_msg_vi(const char *en, char *buf, size_t n)
{
    const char *vi = "câu tìm kiếm chưa đúng cú pháp";
    for (size_t i = 0; en && i < sizeof table / sizeof *table; i++)
        if (strncmp(en, table[i].en, strlen(table[i].en)) == 0) {
            vi = table[i].vi;
            break;
        }
    const char *at = en ? strstr(en, "(at character ") : NULL;
    if (at)
        snprintf(buf, n, "%s (ở ký tự %ld)", vi, strtol(at + 14, NULL, 10));
    else
        snprintf(buf, n, "%s", vi);
    return buf;
}
