#!/usr/bin/env bash
# Queries as people type them (issue 9), on documents this test writes:
# typos corrected and searched, word* prefixes, nearness and NEAR/n, joined
# numbers and names, subject lines as titles, more like this.  Ranking is
# asserted by position.  The documents are written and indexed here; the
# queries run from one Python process (tests/integration/query_typing.py).
source "$(dirname "$0")/lib.sh" "$@"
I="$BIN/tracuu-index"
index() { "$I" --db "$SCRATCH/$1.db" "$SCRATCH/$1" >/dev/null 2>&1; expect_eq "index $1" "$?" 0; }

# ---------------------------------------------------------------- typos
mkdir -p "$SCRATCH/typo"
cat > "$SCRATCH/typo/dv.txt" <<'T'
Báo cáo công tác dân vận năm 2023 của Huyện ủy.
Đẩy mạnh phong trào thi đua dân vận khéo ở cơ sở.
T
cat > "$SCRATCH/typo/cds.txt" <<'T'
Kế hoạch chuyển đổi số trong cơ quan nhà nước, xây dựng chính quyền số.
T
cat > "$SCRATCH/typo/an.txt" <<'T'
Giữ vững an ninh trật tự trên địa bàn xã; phòng chống tội phạm ma túy.
T
cat > "$SCRATCH/typo/td.txt" <<'T'
Giải thi đấu bóng đá thiếu niên nhi đồng; đầu năm tổ chức khai mạc.
T
index typo

# --------------------------------------------------------------- prefix*
mkdir -p "$SCRATCH/pre"
echo "Thanh niên tình nguyện tham gia xây dựng nông thôn mới." > "$SCRATCH/pre/tn.txt"
echo "Thành phố phát triển kinh tế biển." > "$SCRATCH/pre/tp.txt"
echo "Giữ vững an ninh trật tự, an toàn xã hội." > "$SCRATCH/pre/an.txt"
echo "Phát triển bền vững; phát triển xanh và phát triển số." > "$SCRATCH/pre/pt.txt"
python3 -c "print(' '.join('zz' + a + b for a in 'abcdefghijklmnopq' for b in 'abcdefghijklmnopqrstu'))" > "$SCRATCH/pre/zz.txt"
index pre

# ------------------------------------------------------------- nearness
# Each pair: the same words, close together (a short word between) in
# *_gan, far apart in *_xa; the filler is the same.
mkdir -p "$SCRATCH/near"
python3 - "$SCRATCH/near" <<'PY'
import sys, os
d = sys.argv[1]
fill = "cây lá hoa quả sông núi mây gió đồi nương rẫy suối thác ghềnh bến".split()
pairs = {
    "cautreo": ("xây dựng", "cầu treo", "một"),
    "bch": ("ban chấp", "hành", "số"),
    "ctdv": ("công tác", "dân vận", "của"),
    "atgt": ("an toàn", "giao thông", "và"),
    "pcdb": ("phòng chống", "dịch bệnh", "các"),
    "ntm": ("nông thôn", "mới", "thật"),
    "cbdv": ("cán bộ", "đảng viên", "và"),
    "vsmt": ("vệ sinh", "môi trường", "của"),
}
for name, (a, b, short) in pairs.items():
    near = " ".join(fill[:7]) + f" {a} {short} {b} " + " ".join(fill[7:])
    far = f"{a} " + " ".join(fill[:7]) + f" {short} " + " ".join(fill[7:]) + f" {b}"
    open(os.path.join(d, name + "_gan.txt"), "w").write(near + "\n")
    open(os.path.join(d, name + "_xa.txt"), "w").write(far + "\n")
# a phrase in a row ranks above the same words a short word apart
open(os.path.join(d, "ctdv_lien.txt"), "w").write(" ".join(fill[:7]) + " công tác dân vận của " + " ".join(fill[7:]) + "\n")
# UBND: the phrase boost stays when the words are also an abbreviation
open(os.path.join(d, "ubnd_lien.txt"), "w").write("Ủy ban nhân dân huyện họp bàn " + " ".join(fill) + "\n")
open(os.path.join(d, "ubnd_roi.txt"), "w").write("Ủy ban " + " ".join(fill) + " huyện họp bàn nhân dân\n")
PY
index near

# -------------------------------------------------------- joined tokens
mkdir -p "$SCRATCH/join"
echo "Trồng mới 2.450 ha rừng; sản lượng 1.250,5 tấn; dân số 12.345.678 người." > "$SCRATCH/join/so.txt"
echo "Có 2 xã và 450 hộ, 1 250 người, sản lượng 5 tấn." > "$SCRATCH/join/roi.txt"
echo "Huyện Ia H'Drai, tỉnh Kon Tum, thành lập năm 2015." > "$SCRATCH/join/hdrai.txt"
echo "Huyện M’Drắk, tỉnh Đắk Lắk." > "$SCRATCH/join/mdrak.txt"
echo "Đồng bào Ê-đê và Xơ-đăng giữ gìn bản sắc." > "$SCRATCH/join/ede.txt"
echo "Xã Hdrai viết liền." > "$SCRATCH/join/lien.txt"
index join

# -------------------------------------------------------- subject lines
mkdir -p "$SCRATCH/subj"
body="Các đơn vị thực hiện nghiêm túc nội dung trên và báo cáo kết quả về cơ quan thường trực."
printf 'UBND HUYỆN LÂM HÀ\nSố: 123/UBND-VP\nV/v tăng cường công tác\nphòng chống dịch bệnh\n\tKính gửi: Ủy ban nhân dân các xã\n%s\n' "$body" > "$SCRATCH/subj/vv.txt"
printf 'SỞ NỘI VỤ\nSố: 45/SNV\nVề việc tổ chức hội nghị sơ kết thi đua\n\n%s\n' "$body" > "$SCRATCH/subj/vev.txt"
printf 'HUYỆN ỦY LÂM HÀ\n*\nSố 45-BC/HU\tLâm Hà, ngày 20 tháng 12 năm 2023\n\nBÁO CÁO\nKết quả thực hiện công tác dân vận năm 2023\n-----\n%s\n' "$body" > "$SCRATCH/subj/bc.txt"
printf 'UBND TỈNH\n\nKẾ HOẠCH\nTRIỂN KHAI CHUYỂN ĐỔI SỐ\nNĂM 2024\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n%s\n' "$body" > "$SCRATCH/subj/kh.txt"
printf 'BỘ Y TẾ\nTỜ TRÌNH Đề nghị phê duyệt đề án y tế cơ sở\n\n%s\n' "$body" > "$SCRATCH/subj/tt.txt"
printf 'ĐẢNG BỘ TỈNH\nTHÔNG BÁO\nkết luận của Thường trực về phòng chống thiên tai\n-----\n%s\n' "$body" > "$SCRATCH/subj/tb.txt"
# the same words in the body only, twice
line='Tăng cường công tác phòng chống dịch bệnh; tổ chức hội nghị sơ kết thi đua; kết quả thực hiện công tác dân vận năm 2023; triển khai chuyển đổi số năm 2024; đề nghị phê duyệt đề án y tế cơ sở; phòng chống thiên tai.'
printf 'Ghi chép\n%s\n%s\n' "$line" "$line" > "$SCRATCH/subj/than.txt"
index subj

# -------------------------------------------------------- more like this
mkdir -p "$SCRATCH/like"
echo "Xây dựng cầu treo dân sinh, giao thông nông thôn, cầu treo qua suối cho học sinh." > "$SCRATCH/like/cau1.txt"
echo "Sửa chữa cầu treo dân sinh và đường giao thông nông thôn vùng núi." > "$SCRATCH/like/cau2.txt"
echo "Giao thông đô thị: mở rộng đường phố." > "$SCRATCH/like/gt.txt"
echo "Giáo dục mầm non: trường lớp, giáo viên, học sinh." > "$SCRATCH/like/gd.txt"
index like

python3 "$SRC/tests/integration/query_typing.py" "$BIN/tracuu-search" "$SCRATCH"
expect_eq "query checks" "$?" 0
finish
