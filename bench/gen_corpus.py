#!/usr/bin/env python3
"""Generate a synthetic archive of Vietnamese reports for benchmarks.

usage: bench/gen_corpus.py N OUTDIR [--seed S]

Each document is built from sentences of the sample archive (corpus/) and,
one sentence in five, from the Vietnamese translations that Debian's
essential packages ship (the vi .mo catalogues of coreutils, dpkg, apt,
bash, grep, findutils, diffutils, tar and sed, read in a fixed order, so the
same Debian release gives the same archive), with a header date, document numbers and "mô hình" names drawn from realistic
pools, so that indexing and search exercise every code path.  Files are
spread over folders of 100; sizes vary from about 2 KB to 40 KB.
"""
import gettext
import os
import random
import re
import sys


MO_DIR = "/usr/share/locale/vi/LC_MESSAGES"
MO_PACKAGES = ["coreutils", "dpkg", "apt", "bash", "grep", "findutils",
               "diffutils", "tar", "sed"]


def debian_sentences():
    """Vietnamese sentences of the translations Debian ships, cleaned of
    printf directives, option names and markup; [] if none is installed."""
    out = []
    for pkg in MO_PACKAGES:
        path = os.path.join(MO_DIR, pkg + ".mo")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        for key in sorted(cat, key=repr):
            msg = cat[key]
            if not isinstance(msg, str) or not key:
                continue
            for line in msg.split("\n"):
                line = re.sub(r"%[-#0-9.*lhzjt]*[a-zA-Z%]|`[^']*'|--?[a-z][-a-z]*|[<>{}\[\]]", " ", line)
                line = re.sub(r"“\s*”|\"\s*\"|\(\s*\)", " ", line)
                line = re.sub(r"\s+", " ", line).strip(" :,")
                if 40 <= len(line) <= 400 and re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", line):
                    out.append(line if line[-1] in ".;!?" else line + ".")
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 1
    rnd = random.Random(seed)
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.join(here, "..", "corpus")
    sentences = []
    for name in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            text = f.read()
        for s in re.split(r"(?<=[.;!?])\s+", text):
            s = s.strip()
            if 40 <= len(s) <= 600:
                sentences.append(s)
    debian = debian_sentences()
    types = ["NQ", "QĐ", "CT", "KL", "KH", "BC", "HD", "TB", "ĐA"]
    party = ["TW", "TU", "HU", "ĐU"]
    models = ["Dân vận khéo", "Nuôi heo đất", "Mẹ đỡ đầu", "Thu gom phế liệu",
              "Tuyến đường tự quản", "Chi hội phụ nữ không có người sinh con thứ ba",
              "Khu dân cư không tội phạm", "Ngày thứ bảy tình nguyện"]
    places = ["Lâm Hà", "Krông Pa", "Đức Trọng", "Bảo Lâm", "Ea H'leo", "Sông Hinh"]
    for i in range(n):
        d = os.path.join(out, "%03d" % (i // 100))
        os.makedirs(d, exist_ok=True)
        year = rnd.randint(2005, 2024)
        day, month = rnd.randint(1, 28), rnd.randint(1, 12)
        lines = ["%d/%d/%d" % (day, month, year)]
        lines.append("Báo cáo kết quả công tác dân vận huyện %s năm %d" % (rnd.choice(places), year))
        body = []
        for _ in range(rnd.randint(4, 60)):
            if debian and rnd.random() < 0.2:
                body.append(rnd.choice(debian))
            else:
                body.append(rnd.choice(sentences))
        if rnd.random() < 0.7:
            t, iss = rnd.choice(types), rnd.choice(party)
            body.insert(rnd.randint(0, len(body)),
                        "Thực hiện văn bản số %d-%s/%s, ngày %d/%d/%d." %
                        (rnd.randint(1, 999), t, iss, rnd.randint(1, 28), rnd.randint(1, 12), year - 1))
        if rnd.random() < 0.5:
            body.insert(rnd.randint(0, len(body)),
                        "Toàn huyện xây dựng mô hình “%s” ở %d thôn." %
                        (rnd.choice(models), rnd.randint(2, 40)))
        if rnd.random() < 0.2:
            body.append("Thực hiện Nghị định số %d/%d/NĐ-CP của Chính phủ." %
                        (rnd.randint(1, 150), rnd.randint(2010, 2023)))
        lines.append(" ".join(body))
        with open(os.path.join(d, "bc%06d.txt" % i), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
