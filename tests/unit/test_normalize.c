/* Normaliser: every Vietnamese letter, tone placement in old/new style and
 * misplaced forms, NFC/NFD, invalid UTF-8, syllable structure. */
#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "tu_test.h"
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"

#define N_ELEMS(a) (sizeof(a) / sizeof(*(a)))

/* ---- helpers (test input generators; expectations are literals) ---- */

static char keybuf[512];

static const char *exact(const char *w)
{
    int n = tracuu_norm_exact(w, strlen(w), keybuf, sizeof keybuf);
    return n < 0 ? "(fail)" : keybuf;
}

static const char *fold(const char *w)
{
    int n = tracuu_norm_fold(w, strlen(w), keybuf, sizeof keybuf);
    return n < 0 ? "(fail)" : keybuf;
}

/* NFD of S by utf8proc (used only to make inputs); static buffer. */
static const char *nfd(const char *s)
{
    static char buf[512];
    utf8proc_uint8_t *d = utf8proc_NFD((const utf8proc_uint8_t *)s);
    size_t l = d ? strlen((char *)d) : 0;
    if (!d || l >= sizeof buf) {
        free(d);
        return "(nfd fail)";
    }
    memcpy(buf, d, l + 1);
    free(d);
    return buf;
}

/* Upper case of S, code point by code point; static buffer. */
static const char *upper(const char *s)
{
    static char buf[512];
    size_t k = 0, n = strlen(s);
    utf8proc_ssize_t i = 0;
    while ((size_t)i < n && k + 5 < sizeof buf) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)n - i, &cp);
        if (l <= 0)
            break;
        k += (size_t)utf8proc_encode_char(utf8proc_toupper(cp),
                                          (utf8proc_uint8_t *)buf + k);
        i += l;
    }
    buf[k] = '\0';
    return buf;
}

static const char *text(const char *s, size_t n, size_t *n_invalid)
{
    static char buf[1024];
    char *out = NULL;
    size_t len = 0;
    if (tracuu_norm_text(s, n, &out, &len, n_invalid) != TRACUU_OK || !out)
        return "(fail)";
    if (len >= sizeof buf || strlen(out) != len) {
        /* embedded NUL or too long: compare by hand below */
        free(out);
        return "(len)";
    }
    memcpy(buf, out, len + 1);
    free(out);
    return buf;
}

/* ---- every precomposed Vietnamese letter ---- */

/* Rows: base vowel; columns: ngang, huyền, sắc, hỏi, ngã, nặng. */
static const char *const lower_rows[12][6] = {
    {"a", "à", "á", "ả", "ã", "ạ"}, {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"},
    {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"}, {"e", "è", "é", "ẻ", "ẽ", "ẹ"},
    {"ê", "ề", "ế", "ể", "ễ", "ệ"}, {"i", "ì", "í", "ỉ", "ĩ", "ị"},
    {"o", "ò", "ó", "ỏ", "õ", "ọ"}, {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"},
    {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"}, {"u", "ù", "ú", "ủ", "ũ", "ụ"},
    {"ư", "ừ", "ứ", "ử", "ữ", "ự"}, {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"},
};
static const char *const upper_rows[12][6] = {
    {"A", "À", "Á", "Ả", "Ã", "Ạ"}, {"Ă", "Ằ", "Ắ", "Ẳ", "Ẵ", "Ặ"},
    {"Â", "Ầ", "Ấ", "Ẩ", "Ẫ", "Ậ"}, {"E", "È", "É", "Ẻ", "Ẽ", "Ẹ"},
    {"Ê", "Ề", "Ế", "Ể", "Ễ", "Ệ"}, {"I", "Ì", "Í", "Ỉ", "Ĩ", "Ị"},
    {"O", "Ò", "Ó", "Ỏ", "Õ", "Ọ"}, {"Ô", "Ồ", "Ố", "Ổ", "Ỗ", "Ộ"},
    {"Ơ", "Ờ", "Ớ", "Ở", "Ỡ", "Ợ"}, {"U", "Ù", "Ú", "Ủ", "Ũ", "Ụ"},
    {"Ư", "Ừ", "Ứ", "Ử", "Ữ", "Ự"}, {"Y", "Ỳ", "Ý", "Ỷ", "Ỹ", "Ỵ"},
};
static const char base_ascii[12] = "aaaeeiooouuy";
/* NFD built by hand: base, shape mark, tone, in canonical order (horn 216 <
 * dot below 220 < the others 230). */
static const char *const shape_mark[12] = {
    "", "\xCC\x86", "\xCC\x82", "", "\xCC\x82", "", "", "\xCC\x82",
    "\xCC\x9B", "", "\xCC\x9B", "",
};
static const char *const tone_mark[6] = {
    "", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3",
};

static void hand_nfd(char *buf, size_t cap, char base, int row, int tone)
{
    int horn = shape_mark[row][0] && shape_mark[row][1] == '\x9B';
    if (tone == 5 && !horn)
        snprintf(buf, cap, "%c%s%s", base, tone_mark[5], shape_mark[row]);
    else
        snprintf(buf, cap, "%c%s%s", base, shape_mark[row], tone_mark[tone]);
}

static void test_letters(void)
{
    int count = 0;
    for (int r = 0; r < 12; r++) {
        for (int t = 0; t < 6; t++) {
            const char *lo = lower_rows[r][t], *up = upper_rows[r][t];
            char want_fold[2] = {base_ascii[r], '\0'};
            char dl[16], du[16];
            int marked = r == 1 || r == 2 || r == 4 || r == 7 || r == 8 ||
                         r == 10 || t > 0;
            size_t bad = 99;

            hand_nfd(dl, sizeof dl, base_ascii[r], r, t);
            hand_nfd(du, sizeof du, (char)(base_ascii[r] - 32), r, t);
            CHECK_STR(fold(lo), want_fold);
            CHECK_STR(fold(up), want_fold);
            CHECK_STR(fold(dl), want_fold);
            CHECK_STR(fold(du), want_fold);
            CHECK_STR(exact(lo), lo);
            CHECK_STR(exact(up), lo);
            CHECK_STR(exact(dl), lo);
            CHECK_STR(exact(du), lo);
            CHECK_STR(text(dl, strlen(dl), &bad), lo);
            CHECK_INT(bad, 0);
            CHECK_STR(text(du, strlen(du), NULL), up);
            CHECK_STR(text(lo, strlen(lo), NULL), lo);
            CHECK_STR(nfd(lo), dl);    /* our hand NFD is the real NFD */
            CHECK_INT(tracuu_has_marks(lo, strlen(lo)), marked);
            CHECK_INT(tracuu_has_marks(up, strlen(up)), marked);
            CHECK_INT(tracuu_has_marks(dl, strlen(dl)), marked);
            count += 2;
        }
    }
    CHECK_STR(fold("đ"), "d");
    CHECK_STR(fold("Đ"), "d");
    CHECK_STR(exact("Đ"), "đ");
    CHECK_STR(exact("đ"), "đ");
    CHECK_INT(tracuu_has_marks("đ", 2), 1);
    CHECK_INT(tracuu_has_marks("Đ", 2), 1);
    count += 2;
    CHECK_INT(count, 146);
}

/* ---- tone placement ---- */

/* First: the canonical exact key (old style); then spellings that must give
 * it (new style, misplaced tones, mixed case). */
static const char *const tone_groups[][5] = {
    {"hòa", "hoà", "HOÀ", "Hoà", "hòa"},
    {"tòa", "toà", "Toà", "TÒA", NULL},
    {"hóa", "hoá", "Hoá", "HOÁ", NULL},
    {"lòa", "loà", NULL},
    {"xòe", "xoè", NULL},
    {"khỏe", "khoẻ", "KHOẺ", "Khỏe", NULL},
    {"thủy", "thuỷ", "Thuỷ", NULL},
    {"ủy", "uỷ", "Uỷ", "ỦY", NULL},
    {"tùy", "tuỳ", NULL},
    {"quỳ", "qùy", "Quỳ", NULL},
    {"quý", "qúy", "QUÝ", NULL},
    {"quỹ", "qũy", NULL},
    {"giá", "gía", "Gía", "GIÁ", NULL},
    {"người", "ngừơi", "ngươì", "NGƯỜI", NULL},
    {"được", "đựơc", "đươc\xCC\xA3", "Được", NULL},
    {"thuở", "thủơ", "Thuở", "THUỞ", NULL},
    {"khuỷu", "khủyu", "khuyủ", NULL},
    {"ngoặt", "ngọăt", NULL},
    {"hoạch", "họach", "HOẠCH", NULL},
    {"hoàn", "hòan", NULL},
    {"hoàng", "hòang", "HOÀNG", NULL},
    {"toán", "tóan", NULL},
    {"huỳnh", "hùynh", "Huỳnh", NULL},
    {"khuých", "khúych", NULL},
    {"cứu", "cưú", NULL},
    {"tiếng", "tíêng", "TIẾNG", NULL},
    {"muốn", "múôn", NULL},
    {"cửa", "cưả", NULL},
    {"chuyển", "chủyên", "chuỷên", NULL},
    {"oái", "óai", "oaí", NULL},
    {"ngoáy", "ngóay", "ngoaý", NULL},
    {"ngoẻo", "ngỏeo", "ngoeỏ", NULL},
    {"múa", "muá", NULL},
    {"mía", "miá", NULL},
    {"cái", "caí", NULL},
    {"cáo", "caó", NULL},
    {"túi", "tuí", NULL},
    {"gửi", "gưỉ", NULL},
    {"quyết", "quýêt", NULL},
    {"thuế", "thúê", NULL},
    {"huệ", "hụê", NULL},
    {"lũy", "luỹ", NULL},
    {"hỏa", "hoả", NULL},
    {"họa", "hoạ", NULL},
    {"khóa", "khoá", NULL},
    {"xóa", "xoá", NULL},
    {"hòe", "hoè", NULL},
    {"tủy", "tuỷ", NULL},
    {"lụy", "luỵ", NULL},
    {"thúy", "thuý", NULL},
    {"thụy", "thuỵ", NULL},
    {"giữ", "gĩư", NULL},
    {"giường", "gìương", NULL},
    {"rượu", "rựơu", NULL},
    {"yếu", "ýêu", NULL},
    {"uống", "úông", NULL},
    {"hoặc", "họăc", NULL},
    {"tuần", "tùân", NULL},
    {"quần", "qùân", NULL},
    {"gì", "GÌ", NULL},
    {"gìn", "Gìn", NULL},
    {"ngoại", "ngọai", "ngoaị", NULL},
    {"khuyến", "khúyên", NULL},
    {"thoại", "thọai", NULL},
    {"quả", "qủa", NULL},
    {"mỹ", "Mỹ", NULL},
    {"kỹ", "kỹ", NULL},
};

static void test_tone_placement(void)
{
    size_t ng = N_ELEMS(tone_groups), pairs = 0;
    for (size_t g = 0; g < ng; g++) {
        const char *want = tone_groups[g][0];
        for (int v = 0; v < 5 && tone_groups[g][v]; v++) {
            const char *w = tone_groups[g][v];
            char copy[128];
            snprintf(copy, sizeof copy, "%s", nfd(w));
            CHECK_STR(exact(w), want);
            CHECK_STR(exact(copy), want);                 /* NFD input */
            CHECK_STR(exact(upper(w)), want);             /* all caps */
            snprintf(copy, sizeof copy, "%s", nfd(upper(w)));
            CHECK_STR(exact(copy), want);                 /* NFD caps */
            CHECK_INT(tracuu_is_vn_syllable(w, strlen(w)), 1);
            if (v)
                pairs++;
        }
        /* keys of different words differ */
        for (size_t h = 0; h < g; h++)
            CHECK(strcmp(tone_groups[h][0], want) != 0);
    }
    CHECK(pairs >= 60);

    /* words that differ in tone keep different exact keys, same fold */
    {
        static const char *const hoa[] = {"hoa", "hòa", "hóa", "hỏa", "hõa",
                                          "họa"};
        char keys[6][520];
        for (int i = 0; i < 6; i++) {
            snprintf(keys[i], sizeof keys[i], "%s", exact(hoa[i]));
            CHECK_STR(keys[i], hoa[i]);
            CHECK_STR(fold(hoa[i]), "hoa");
            for (int j = 0; j < i; j++)
                CHECK(strcmp(keys[i], keys[j]) != 0);
        }
    }
    /* two tone marks: not a syllable, only NFC + lower case */
    CHECK_STR(exact("Hòá"), "hòá");
    CHECK_INT(tracuu_is_vn_syllable("hòá", strlen("hòá")), 0);
    /* non-Vietnamese words: lower case and NFC only */
    CHECK_STR(exact("Straße"), "straße");
    CHECK_STR(exact("NQ"), "nq");
    CHECK_STR(exact("25-NQ/TW"), "25-nq/tw");
    CHECK_STR(exact("Café"), "café");
    CHECK_STR(exact("Ωμέγα"), "ωμέγα");
    CHECK_STR(exact("Ο\xCC\x81"), "ό");
    CHECK_STR(exact(""), "");
    CHECK_STR(exact("e\xCC\x81\xCC\x82"), "ế");   /* marks in odd order */
    CHECK_STR(exact("ê\xCC\xA3"), "ệ");
    CHECK_STR(exact("o\xCC\xA3\xCC\x9B"), "ợ");
}

/* ---- fold, has_marks, errors ---- */

static void test_fold(void)
{
    char small[4];
    CHECK_STR(fold("Đảng"), "dang");
    CHECK_STR(fold("ĐẢNG"), "dang");
    CHECK_STR(fold(nfd("Đảng")), "dang");
    CHECK_STR(fold("ủy"), "uy");
    CHECK_STR(fold("Nghiêng"), "nghieng");
    CHECK_STR(fold("người"), "nguoi");
    CHECK_STR(fold("25-NQ/TW"), "25-nq/tw");
    CHECK_STR(fold("Ωμέγα"), "ωμεγα");
    CHECK_STR(fold("ПРИВЕТ"), "привет");
    CHECK_STR(fold("Straße"), "straße");
    CHECK_STR(fold("한국"), "한국");
    CHECK_STR(fold("Ǻ"), "a");
    CHECK_STR(fold("M’Drắk"), "m’drak");
    CHECK_STR(fold(""), "");
    CHECK_INT(tracuu_norm_fold("Đảng", strlen("Đảng"), small, sizeof small),
              -1);
    CHECK_INT(tracuu_norm_fold("abc", 3, small, sizeof small), 3);
    CHECK_STR(small, "abc");
    CHECK_INT(tracuu_norm_fold("abcd", 4, small, sizeof small), -1);
    CHECK_INT(tracuu_norm_fold("a\xC3", 2, keybuf, sizeof keybuf), -1);
    CHECK_INT(tracuu_norm_exact("a\xC3", 2, keybuf, sizeof keybuf), -1);
    CHECK_INT(tracuu_norm_exact("hòa", strlen("hòa"), small, sizeof small),
              -1);
    CHECK_INT(tracuu_norm_exact("hoà", strlen("hoà"), keybuf, 5), 4);
    CHECK_INT(tracuu_norm_exact("hoà", strlen("hoà"), keybuf, 4), -1);
    /* a length-limited slice of a larger string */
    CHECK_INT(tracuu_norm_fold("ĐẢNG ỦY", 7, keybuf, sizeof keybuf), 4);
    CHECK_STR(keybuf, "dang");

    CHECK_INT(tracuu_has_marks("dan", 3), 0);
    CHECK_INT(tracuu_has_marks("DAN 25", 6), 0);
    CHECK_INT(tracuu_has_marks("dân", strlen("dân")), 1);
    CHECK_INT(tracuu_has_marks("da\xCC\x82n", 5), 1);
    CHECK_INT(tracuu_has_marks("Café", strlen("Café")), 1);
    CHECK_INT(tracuu_has_marks("ωμεγα", strlen("ωμεγα")), 0);
    CHECK_INT(tracuu_has_marks("", 0), 0);
}

/* ---- syllables ---- */

static void test_syllables(void)
{
    static const char *const yes[] = {
        "dân", "nghiêng", "khuỷu", "gì", "quốc", "người", "được", "thuở",
        "dan", "nghi", "nguoi", "xoong", "khuya", "hoàng", "Việt", "VIỆT",
        "gìn", "giữ", "yêu", "oanh", "uyên", "ăn", "ân", "NGHIÊNG", "Đảng",
        "ủy", "a", "y", "ý", "anh", "ta", "kế", "ghế", "nghề", "tuyệt",
        "khuếch", "quyển", "gia", "giường", "thuế", "rượu", "ngoằn",
        "chuyện", "tháng", "học", "tập", "tiếp", "việc", "uống", "ươn",
        "âu", "ấy", "khoăn", "tuân", "quân",
    };
    static const char *const no[] = {
        "xyz", "abc", "word", "25", "NQ", "thw", "fan", "java", "wa", "za",
        "các\xCC\x80", "càc", "hõp", "kan", "gha", "ngha", "qa", "q", "tiê",
        "tr", "", "ba1", "Ω", "ă", "â", "khoă", "cafe\xCC\x81\xCC\x81",
        "aiu", "street", "ngt", "tiengg", "đđ", "ađ", "mpa", "uơa",
    };
    for (size_t i = 0; i < N_ELEMS(yes); i++) {
        CHECK_INT(tracuu_is_vn_syllable(yes[i], strlen(yes[i])), 1);
        if (tracuu_is_vn_syllable(yes[i], strlen(yes[i])) != 1)
            fprintf(stderr, "  (yes: %s)\n", yes[i]);
        CHECK_INT(tracuu_is_vn_syllable(nfd(yes[i]), strlen(nfd(yes[i]))), 1);
    }
    for (size_t i = 0; i < N_ELEMS(no); i++) {
        CHECK_INT(tracuu_is_vn_syllable(no[i], strlen(no[i])), 0);
        if (tracuu_is_vn_syllable(no[i], strlen(no[i])) != 0)
            fprintf(stderr, "  (no: %s)\n", no[i]);
    }
    CHECK_INT(tracuu_is_vn_syllable("d\xC3", 2), 0);
}

/* ---- stored text ---- */

static void test_text(void)
{
    size_t bad = 99, len = 0;
    char *out = NULL;
    const char *vn = "Ban Thường vụ Tỉnh ủy Kon Tum\nđã tổ chức hội nghị.";

    CHECK_STR(text("", 0, &bad), "");
    CHECK_INT(bad, 0);
    CHECK_STR(text("plain ASCII\r\n", 13, &bad), "plain ASCII\r\n");
    CHECK_STR(text(vn, strlen(vn), &bad), vn);
    CHECK_INT(bad, 0);
    CHECK_STR(text(nfd(vn), strlen(nfd(vn)), &bad), vn);
    CHECK_STR(text("Vie\xCC\xA3\xCC\x82t", 8, NULL), "Việt");
    CHECK_STR(text("Vie\xCC\x82\xCC\xA3t", 8, NULL), "Việt");
    CHECK_STR(text("\xCC\x81" "a", 3, NULL), "\xCC\x81" "a");   /* lone mark */
    CHECK_STR(text("a \xCC\x81", 4, NULL), "a \xCC\x81");
    CHECK_STR(text("Hoà", strlen("Hoà"), NULL), "Hoà");      /* tone kept */
    CHECK_STR(text("\xE2\x84\xAB", 3, NULL), "\xC3\x85");     /* U+212B */
    CHECK_STR(text("\xE0\xA5\x98", 3, NULL),                 /* U+0958 */
              "\xE0\xA4\x95\xE0\xA4\xBC");
    CHECK_STR(text("\xE1\x84\x80\xE1\x85\xA1", 6, NULL), "\xEA\xB0\x80");
    CHECK_STR(text("x\xF0\x9F\x98\x80y", 6, NULL), "x\xF0\x9F\x98\x80y");

    /* invalid sequences: each maximal invalid subpart becomes U+FFFD */
    CHECK_STR(text("a\xE1\xBA" "b", 4, &bad), "a\xEF\xBF\xBD" "b");
    CHECK_INT(bad, 1);
    CHECK_STR(text("x\xE1\xBA", 3, &bad), "x\xEF\xBF\xBD");
    CHECK_INT(bad, 1);
    CHECK_STR(text("\x80" "a\xBF", 3, &bad), "\xEF\xBF\xBD" "a\xEF\xBF\xBD");
    CHECK_INT(bad, 2);
    CHECK_STR(text("\xC0\xAF", 2, &bad), "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(bad, 2);
    CHECK_STR(text("\xE0\x80\xAF", 3, &bad),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(bad, 3);
    CHECK_STR(text("\xED\xA0\x80", 3, &bad),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(bad, 3);
    CHECK_STR(text("\xF4\x90\x80\x80", 4, &bad),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(bad, 4);
    CHECK_STR(text("\xFF" "a\xCC\x81", 4, &bad), "\xEF\xBF\xBD" "á");
    CHECK_INT(bad, 1);
    CHECK_STR(text("\xF0\x9F\x98", 3, &bad), "\xEF\xBF\xBD");
    CHECK_INT(bad, 1);

    /* embedded NUL is kept */
    CHECK_INT(tracuu_norm_text("a\0b", 3, &out, &len, &bad), TRACUU_OK);
    CHECK_INT(len, 3);
    CHECK(out && memcmp(out, "a\0b", 4) == 0);
    free(out);

    /* a whole seed document is already NFC: unchanged byte for byte */
    {
        char path[4096];
        FILE *f;
        snprintf(path, sizeof path, "%s/corpus/000_68f44c56ba93236f.txt",
                 tu_test_srcdir);
        f = fopen(path, "rb");
        CHECK(f != NULL);
        if (f) {
            static char doc[65536];
            size_t n = fread(doc, 1, sizeof doc, f);
            fclose(f);
            CHECK_INT(tracuu_norm_text(doc, n, &out, &len, &bad), TRACUU_OK);
            CHECK_INT(len, n);
            CHECK_INT(bad, 0);
            CHECK(out && memcmp(out, doc, n) == 0);
            free(out);
        }
    }

    CHECK_INT(tracuu_utf8_valid("", 0), 1);
    CHECK_INT(tracuu_utf8_valid(vn, strlen(vn)), 1);
    CHECK_INT(tracuu_utf8_valid("\xF0\x9F\x98\x80", 4), 1);
    CHECK_INT(tracuu_utf8_valid("\xF4\x8F\xBF\xBF", 4), 1);
    CHECK_INT(tracuu_utf8_valid("\xF4\x90\x80\x80", 4), 0);
    CHECK_INT(tracuu_utf8_valid("\xC0\xAF", 2), 0);
    CHECK_INT(tracuu_utf8_valid("\xC1\xBF", 2), 0);
    CHECK_INT(tracuu_utf8_valid("\xE0\x9F\xBF", 3), 0);
    CHECK_INT(tracuu_utf8_valid("\xED\xA0\x80", 3), 0);
    CHECK_INT(tracuu_utf8_valid("\xED\x9F\xBF", 3), 1);
    CHECK_INT(tracuu_utf8_valid("\xEE\x80\x80", 3), 1);
    CHECK_INT(tracuu_utf8_valid("\xF0\x8F\xBF\xBF", 4), 0);
    CHECK_INT(tracuu_utf8_valid("\xE1\xBA", 2), 0);
    CHECK_INT(tracuu_utf8_valid("\x80", 1), 0);
    CHECK_INT(tracuu_utf8_valid("\xF5\x80\x80\x80", 4), 0);
    CHECK_INT(tracuu_utf8_valid("\xFE", 1), 0);
    CHECK_INT(tracuu_utf8_valid("abcdefghij\xC3", 11), 0);
    CHECK_INT(tracuu_utf8_valid("abcdefghijklmnopqrstu", 21), 1);
}

/* ---- real sentences: keys word by word ---- */

typedef struct {
    char fold[256], exact[256];
} keys_t;

static int key_cb(const tracuu_token_t *tok, void *ctx)
{
    keys_t *k = ctx;
    char f[128], e[128];
    if (tracuu_norm_fold(tok->s, tok->len, f, sizeof f) < 0 ||
        tracuu_norm_exact(tok->s, tok->len, e, sizeof e) < 0)
        return 1;
    if (k->fold[0])
        strncat(k->fold, " ", sizeof k->fold - strlen(k->fold) - 1);
    strncat(k->fold, f, sizeof k->fold - strlen(k->fold) - 1);
    if (k->exact[0])
        strncat(k->exact, " ", sizeof k->exact - strlen(k->exact) - 1);
    strncat(k->exact, e, sizeof k->exact - strlen(k->exact) - 1);
    return 0;
}

static void sentence(const char *s, const char *want_fold,
                     const char *want_exact)
{
    keys_t k;
    memset(&k, 0, sizeof k);
    tracuu_tokenize(s, strlen(s), 0, key_cb, &k);
    CHECK_STR(k.fold, want_fold);
    CHECK_STR(k.exact, want_exact);
}

static void test_sentences(void)
{
    sentence("Huyện uỷ", "huyen uy", "huyện ủy");
    sentence("Huyện ủy", "huyen uy", "huyện ủy");
    sentence("HUYỆN UỶ", "huyen uy", "huyện ủy");
    sentence("Đảng ủy", "dang uy", "đảng ủy");
    sentence("Dân vận khéo", "dan van kheo", "dân vận khéo");
    sentence("Ban Thường vụ Tỉnh uỷ Kon Tum",
             "ban thuong vu tinh uy kon tum",
             "ban thường vụ tỉnh ủy kon tum");
    sentence("hoà giải cơ sở, khoẻ mạnh", "hoa giai co so khoe manh",
             "hòa giải cơ sở khỏe mạnh");
    sentence("Mặt trận Tổ quốc", "mat tran to quoc", "mặt trận tổ quốc");
}

void tu_test_main(void)
{
    test_letters();
    test_tone_placement();
    test_fold();
    test_syllables();
    test_text();
    test_sentences();
}
