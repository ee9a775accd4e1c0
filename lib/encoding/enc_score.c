/* tracuu: the detection score: how much of a text reads as Vietnamese
 * syllables.  Own syllable check (initial + vowel cluster + final + tone
 * rule), independent of the normaliser so that detection is self-contained
 * and cheap. */
#include <stdlib.h>
#include <string.h>
#include "tracuu/encoding.h"
#include "encoding/tu_vnchar.h"
#include "base/tu_utf8.h"

/* Letters of a word, lower case: consonants 'a'..'z' as themselves, 'D' for
 * đ, vowels by these codes (indexed by TU_V_*). */
static const char vcode[TU_V_COUNT] = {
    'a', 'A', 'B', 'e', 'E', 'i', 'o', 'O', 'P', 'u', 'U', 'y'
};

static const char *const initials[] = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "D", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
    "v", "x", ""
};
static const char *const finals[] = {   /* k: Đắk Lắk and other names */
    "ch", "ng", "nh", "c", "k", "m", "n", "p", "t", ""
};

enum { FIN_NO = 1, FIN_NEED = 2, FIN_ANY = 3 };
static const struct { const char *v; int fin; } clusters[] = {
    {"a", FIN_ANY}, {"A", FIN_ANY}, {"B", FIN_ANY}, {"e", FIN_ANY},
    {"E", FIN_ANY}, {"i", FIN_ANY}, {"o", FIN_ANY}, {"O", FIN_ANY},
    {"P", FIN_ANY}, {"u", FIN_ANY}, {"U", FIN_ANY}, {"y", FIN_NO},
    {"ai", FIN_NO}, {"ao", FIN_NO}, {"au", FIN_NO}, {"ay", FIN_NO},
    {"Bu", FIN_NO}, {"By", FIN_NO}, {"eo", FIN_NO}, {"Eu", FIN_NO},
    {"ia", FIN_NO}, {"iu", FIN_NO}, {"oi", FIN_NO}, {"Oi", FIN_NO},
    {"Pi", FIN_NO}, {"ui", FIN_NO}, {"Ui", FIN_NO}, {"Uu", FIN_NO},
    {"Ua", FIN_NO}, {"ua", FIN_NO}, {"uP", FIN_NO},
    {"iE", FIN_NEED}, {"yE", FIN_NEED}, {"uO", FIN_NEED}, {"UP", FIN_NEED},
    {"uyE", FIN_NEED}, {"oA", FIN_NEED}, {"uB", FIN_NEED}, {"oo", FIN_NEED},
    {"oa", FIN_ANY}, {"oe", FIN_ANY}, {"uE", FIN_ANY}, {"uy", FIN_ANY},
    {"iEu", FIN_NO}, {"yEu", FIN_NO}, {"oai", FIN_NO}, {"oay", FIN_NO},
    {"oeo", FIN_NO}, {"uBy", FIN_NO}, {"uOi", FIN_NO}, {"UPi", FIN_NO},
    {"UPu", FIN_NO}, {"uyu", FIN_NO}, {"uya", FIN_NO},
};

/* Frequent marked syllables of Vietnamese (general and administrative
 * prose), written by hand: a decoding that produces them wins a tie. */
static const char *const common_words[] = {
    "của", "và", "các", "có", "được", "là", "những", "với", "người", "năm",
    "đã", "không", "này", "một", "để", "đến", "từ", "về", "nhiều", "hơn",
    "cũng", "như", "thì", "đó", "tại", "nhà", "nước", "việc", "phát",
    "triển", "công", "tác", "hội", "đồng", "chính", "quyền", "thực", "hiện",
    "đảng", "ủy", "uỷ", "tỉnh", "huyện", "xã", "thành", "phố", "dân", "vận",
    "tế", "xây", "dựng", "tổ", "chức", "cán", "bộ", "đoàn", "viên", "kết",
    "quả", "cấp", "ngành", "thể", "hoạt", "động", "hệ", "thống", "chỉ",
    "đạo", "lãnh", "tập", "nâng", "hiệu", "tăng", "cường", "đổi", "mới",
    "tốt", "giải", "quyết", "định", "nghị", "kế", "hoạch", "vụ", "mặt",
    "trận", "ương", "thường", "xuyên", "tuyên", "truyền", "học", "sản",
    "xuất", "nông", "nghiệp", "cơ", "sở", "địa", "phương", "bàn", "vùng",
    "đặc", "biệt", "mô", "hình", "khéo", "tháng", "ngày", "số", "nguồn",
    "tiếp", "tục", "tình", "vì", "sự", "đời", "sống", "trên", "dưới", "sau",
    "trước", "bảo", "đảm", "vững", "mạnh", "trào", "đua", "bạn", "gửi",
    "thứ", "tư", "bốn", "sáu", "bảy", "tám", "chín", "mười", "trăm",
    "nghìn", "triệu", "tiền", "hộ", "nghèo", "giảm", "đường", "văn", "hóa",
    "hoá", "giáo", "dục", "quốc", "phòng", "lực", "lượng", "chiến", "sĩ",
    "chủ", "tịch", "bí", "thư", "phó", "trưởng", "đại", "biểu", "ý", "kiến",
    "nội", "yêu", "cầu", "nhiệm", "đề", "án", "chương", "trình", "phần",
    "tiêu", "chí", "đất", "điểm", "bản", "làng", "tộc", "thiểu", "động",
    "làm", "giúp", "đỡ", "hỗ", "trợ", "lợi", "ích", "pháp", "luật", "ngũ",
    "đội", "cuộc", "vào", "lên", "xuống", "rất", "mình", "họ", "chúng",
    "tôi", "còn", "nói", "biết", "sẽ", "đang", "nên", "nếu", "vẫn", "mà",
    "bằng", "lại", "ở", "tới", "cùng", "giữa", "hết", "toàn", "thế", "giới",
    "việt", "chị", "ông", "bà", "cô", "chú", "cháu", "gia", "đình", "điều",
    "tin", "khác", "liên", "quan", "ban", "kỳ", "kỷ", "hành", "đầu", "tư",
    "trị", "nhân", "hợp", "tích", "cực", "hướng", "dẫn", "đánh", "giá",
};

static int front_vowel(char c) { return c == 'i' || c == 'e' || c == 'E' || c == 'y'; }

/* L: coded letters (LEN), TONE: the word's tone. */
static int syllable(const char *l, size_t len, int tone)
{
    for (size_t a = 0; a < sizeof initials / sizeof *initials; a++) {
        size_t il = strlen(initials[a]);
        if (il > len || memcmp(l, initials[a], il) != 0)
            continue;
        const char *in = initials[a];
        char first = il < len ? l[il] : 0;
        /* gh, ngh only before i e ê y; c, ng never (k is free: Kon Tum,
         * Bắc Kạn). */
        if ((!strcmp(in, "gh") || !strcmp(in, "ngh")) && !front_vowel(first))
            continue;
        if ((!strcmp(in, "c") || !strcmp(in, "ng")) && front_vowel(first))
            continue;
        for (size_t b = 0; b < sizeof finals / sizeof *finals; b++) {
            size_t fl = strlen(finals[b]);
            if (il + fl >= len)
                continue;  /* no room for a vowel */
            if (memcmp(l + len - fl, finals[b], fl) != 0)
                continue;
            if (fl && (finals[b][0] == 'c' || finals[b][0] == 'p' ||
                       finals[b][0] == 't' || finals[b][0] == 'k') &&
                tone != TU_T_NONE && tone != TU_T_ACUTE && tone != TU_T_DOT)
                continue;
            size_t vl = len - il - fl;
            for (size_t c = 0; c < sizeof clusters / sizeof *clusters; c++) {
                if (strlen(clusters[c].v) != vl ||
                    memcmp(l + il, clusters[c].v, vl) != 0)
                    continue;
                if (fl == 0 && !(clusters[c].fin & FIN_NO)) continue;
                if (fl != 0 && clusters[c].fin == FIN_NO) continue;
                return 1;
            }
        }
    }
    return 0;
}

static int is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp >= 0xC0 && cp <= 0x24F)
        return cp != 0xD7 && cp != 0xF7;
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
           (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF);
}

typedef struct {
    char l[12];   /* coded letters, then a tone digit for keys */
    size_t len;
    int tone, ntones, marked, foreign, toolong, lastv;
    int nupper, first_upper, nlower_ascii;  /* case: abc, Abc, ABC */
    int nascii;                             /* ASCII letters */
} word_t;

static void word_reset(word_t *w)
{
    memset(w, 0, sizeof *w);
    w->lastv = -1;
}

static void word_add(word_t *w, uint32_t cp)
{
    int v, t, up;
    char c;
    if (cp >= 0x300 && cp <= 0x36F) {  /* combining mark on the letter before */
        int nt = -1;
        switch (cp) {
        case 0x300: nt = TU_T_GRAVE; break;
        case 0x301: nt = TU_T_ACUTE; break;
        case 0x303: nt = TU_T_TILDE; break;
        case 0x309: nt = TU_T_HOOK; break;
        case 0x323: nt = TU_T_DOT; break;
        case 0x302: case 0x306: case 0x31B: {
            int nv = w->lastv < 0 ? -1
                   : cp == 0x302 ? tu_vn_add_circumflex(w->lastv)
                   : cp == 0x306 ? tu_vn_add_breve(w->lastv)
                   : tu_vn_add_horn(w->lastv);
            if (nv < 0 || w->len == 0) { w->foreign = 1; return; }
            w->l[w->len - 1] = vcode[nv];
            w->lastv = nv;
            w->marked = 1;
            return;
        }
        default: w->foreign = 1; return;
        }
        if (w->lastv < 0) { w->foreign = 1; return; }
        w->tone = nt; w->ntones++; w->marked = 1;
        return;
    }
    w->lastv = -1;
    if (tu_vn_decompose(cp, &v, &t, &up) ||
        (cp < 0x80 && ((up = cp <= 'Z'), 1)) ||
        ((cp == 0x110 || cp == 0x111) && ((up = cp == 0x110), 1))) {
        if (up) {
            if (w->len == 0) w->first_upper = 1;
            w->nupper++;
        } else if (cp < 0x80) {
            w->nlower_ascii++;
        }
    }
    if (tu_vn_decompose(cp, &v, &t, &up)) {
        c = vcode[v];
        w->lastv = v;
        if (t != TU_T_NONE) { w->tone = t; w->ntones++; }
        if (t != TU_T_NONE || cp >= 0x80) w->marked = 1;
    } else if (cp < 0x80) {
        c = (char)(cp | 0x20);
        w->nascii++;
    } else if (cp == 0x111 || cp == 0x110) {
        c = 'D';
        w->marked = 1;
    } else {
        w->foreign = 1;
        c = '#';
    }
    if (w->len < sizeof w->l) w->l[w->len++] = c;
    else w->toolong = 1;
}

static int word_valid(const word_t *w)
{
    if (w->foreign || w->toolong || w->ntones > 1 || w->len > 7)
        return 0;
    /* "ThẾ" is not a word: capitals only first or everywhere (but in
     * TCVN3 capitals with a tone are lower case: "NGUYễN"). */
    if (w->nupper > 0 && w->nlower_ascii > 0 &&
        !(w->nupper == 1 && w->first_upper))
        return 0;
    return syllable(w->l, w->len, w->ntones ? w->tone : TU_T_NONE);
}

/* A word's key for the common list: coded letters and the tone digit. */
static size_t word_key(const word_t *w, char *key)
{
    memcpy(key, w->l, w->len);
    key[w->len] = (char)('0' + (w->ntones ? w->tone : 0));
    key[w->len + 1] = '\0';
    return w->len + 1;
}

static void word_parse(const char *text, size_t n, word_t *w);

typedef struct { char k[16]; } ckey_t;
static int key_cmp(const void *a, const void *b)
{
    return strcmp(((const ckey_t *)a)->k, ((const ckey_t *)b)->k);
}

#define N_COMMON (sizeof common_words / sizeof *common_words)

static void build_common(ckey_t *keys)
{
    for (size_t i = 0; i < N_COMMON; i++) {
        word_t w;
        word_parse(common_words[i], strlen(common_words[i]), &w);
        word_key(&w, keys[i].k);
    }
    qsort(keys, N_COMMON, sizeof *keys, key_cmp);
}

static void word_count(const word_t *w, tu_vn_stats *st, const ckey_t *common)
{
    if (w->len == 0 && !w->foreign)
        return;
    /* A lone non-ASCII letter is no evidence: in a wrong decoding it is
     * often a symbol read as a letter (VISCII 0xA0 is "Õ"). */
    if (w->len == 1 && !w->nascii)
        return;
    int ok = word_valid(w);
    if (ok && w->marked && common) {
        ckey_t k;
        word_key(w, k.k);
        st->common += bsearch(&k, common, N_COMMON, sizeof *common,
                              key_cmp) != NULL;
    }
    st->words++;
    st->valid += (size_t)ok;
    if (w->foreign) {
        st->foreign++;
    } else if (w->marked) {
        st->marked++;
        st->marked_valid += (size_t)ok;
    }
}

void tu_vn_stats_text(const char *text, size_t n, tu_vn_stats *st)
{
    const unsigned char *s = (const unsigned char *)text;
    word_t w;
    ckey_t common[N_COMMON];
    build_common(common);
    memset(st, 0, sizeof *st);
    word_reset(&w);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += tu_utf8_next(s + i, n - i, &cp);
        if (is_letter(cp)) {
            word_add(&w, cp);
        } else {
            word_count(&w, st, common);
            word_reset(&w);
        }
    }
    word_count(&w, st, common);
}

/* Read the word TEXT (N bytes) into *W; W->foreign is set if it holds a
 * character that is not a letter. */
static void word_parse(const char *text, size_t n, word_t *w)
{
    const unsigned char *s = (const unsigned char *)text;
    word_reset(w);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += tu_utf8_next(s + i, n - i, &cp);
        if (!is_letter(cp)) {
            w->foreign = 1;
            return;
        }
        word_add(w, cp);
    }
}

int tu_vn_syllable_utf8(const char *text, size_t n)
{
    word_t w;
    word_parse(text, n, &w);
    return w.len > 0 && word_valid(&w);
}

/* Words with Vietnamese-specific letters or tones, and words with other
 * non-ASCII letters, weigh MARK_WEIGHT times a plain ASCII word: a wrong
 * single-byte decoding turns the marked words into foreign ones. */
#define MARK_WEIGHT 3.0

double tu_vn_stats_score(const tu_vn_stats *st)
{
    size_t plain = st->words - st->marked - st->foreign;
    size_t plain_valid = st->valid - st->marked_valid;
    double den = (double)plain + MARK_WEIGHT * (double)(st->marked + st->foreign);
    if (den <= 0)
        return 0.0;
    return ((double)plain_valid + MARK_WEIGHT * (double)st->marked_valid) / den;
}

double tracuu_vn_score(const char *text, size_t n)
{
    tu_vn_stats st;
    if (!text)
        return 0.0;
    tu_vn_stats_text(text, n, &st);
    return tu_vn_stats_score(&st);
}
