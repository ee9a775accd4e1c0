#!/usr/bin/env bash
# Document numbers as people type them (issue 15 point 4) and citation
# shorthand (issue 9 point 5): the documents citing the number typed rank
# first; documents citing another number (another type, issuer or year) or
# holding the digits elsewhere never rank above them.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A"
w() { printf '%s\n' "$2" > "$A/$1"; }
w nq36.txt "Báo cáo sơ kết
Thực hiện Nghị quyết số 36-NQ/TW của Bộ Chính trị về chuyển đổi số, tỉnh đã ban hành kế hoạch."
w nq36b.txt "Kế hoạch tuyên truyền
Tuyên truyền Nghị quyết 36-NQ/TW trong cán bộ, đảng viên."
w nq35.txt "Báo cáo tháng 3
Quán triệt Nghị quyết số 35-NQ/TW; 36 đồng chí tham dự, nghị quyết được phổ biến tới 36 chi bộ. NQ 36 chi bộ, nghị quyết 36 lần nhắc."
w nq36hu.txt "Nghị quyết Huyện ủy
Nghị quyết số 36-NQ/HU của Huyện ủy về phát triển du lịch."
w ct07.txt "Chỉ thị của Tỉnh ủy
Thực hiện Chỉ thị số 07-CT/TU ngày 12/3/2021 của Tỉnh ủy về công tác dân vận."
w ct17.txt "Chỉ thị 17
Thực hiện Chỉ thị số 17-CT/TU của Tỉnh ủy; 7 xã đã triển khai, CT 7 lần."
w ct07hu.txt "Chỉ thị của Huyện ủy
Chỉ thị số 07-CT/HU của Huyện ủy về phòng chống thiên tai."
w ct05.txt "Học tập chỉ thị
Học tập và làm theo Chỉ thị số 05-CT/TW của Bộ Chính trị về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
w ct15.txt "Sơ kết chỉ thị 15
Chỉ thị số 15-CT/TW; 05 tổ chức cơ sở đảng được khen thưởng, chỉ thị được quán triệt."
w tt07.txt "Hướng dẫn tài chính
Căn cứ Thông tư số 07/2024/TT-BTC của Bộ Tài chính hướng dẫn lập dự toán."
w tt07y23.txt "Hướng dẫn năm 2023
Căn cứ Thông tư số 07/2023/TT-BTC của Bộ Tài chính."
w report07.txt "Báo cáo hồ sơ
Tiếp nhận 07 hồ sơ theo thông tư hướng dẫn; năm 2024 giải quyết xong 07 hồ sơ, thông tư mới áp dụng năm 2024."
w qd217.txt "Quyết định của UBND huyện
Quyết định số 217/QĐ-UBND ngày 05/02/2024 của Ủy ban nhân dân huyện phê duyệt kế hoạch."
w qd218.txt "Quyết định 218
Quyết định số 218/QĐ-UBND của Ủy ban nhân dân huyện; QĐ 217 hộ được hỗ trợ, 217 hộ UBND xã."
w qd217hu.txt "Quyết định của Huyện ủy
Quyết định số 217-QĐ/HU của Huyện ủy về công tác cán bộ."
out=$("$BIN/tracuu-index" "$A" 2>&1) || fail "index: $out"

# one process for every search (tu_search_batch); checks in Python:
#   first QUERY EXACT... : the exact documents take the first places
#   below QUERY MISS...  : after every exact document (or absent)
python3 - "$BIN" "$TRACUU_DB" <<'PY'
import os, subprocess, sys
BIN, DB = sys.argv[1:3]
cases = []
def case(query, exact, misses):
    cases.append((query, exact, misses))
# --- loosely typed numbers (12)
case("36NQ/TW", ["nq36.txt", "nq36b.txt"], ["nq35.txt", "nq36hu.txt"])
case("36 NQ TW", ["nq36.txt", "nq36b.txt"], ["nq35.txt", "nq36hu.txt"])
case("36–NQ/TW", ["nq36.txt", "nq36b.txt"], ["nq35.txt", "nq36hu.txt"])     # en dash
case("36—NQ/TW", ["nq36.txt", "nq36b.txt"], ["nq35.txt", "nq36hu.txt"])     # em dash
case("7-CT/TU", ["ct07.txt"], ["ct17.txt", "ct07hu.txt"])
case("7–CT/TU", ["ct07.txt"], ["ct17.txt", "ct07hu.txt"])
case("07 ct tu", ["ct07.txt"], ["ct17.txt", "ct07hu.txt"])
case("QĐ 217/UBND", ["qd217.txt"], ["qd218.txt", "qd217hu.txt"])
case("qd 217/ubnd", ["qd217.txt"], ["qd218.txt", "qd217hu.txt"])
case("thông tư 07 2024", ["tt07.txt"], ["tt07y23.txt", "report07.txt"])
case("thong tu 07/2024", ["tt07.txt"], ["tt07y23.txt", "report07.txt"])
case("7/2024/TT-BTC", ["tt07.txt"], ["tt07y23.txt", "report07.txt"])
# --- citation shorthand (10)
case("NQ 36", ["nq36.txt", "nq36b.txt", "nq36hu.txt"], ["nq35.txt"])
case("nghi quyet 36", ["nq36.txt", "nq36b.txt", "nq36hu.txt"], ["nq35.txt"])
case("nghị quyết số 36", ["nq36.txt", "nq36b.txt", "nq36hu.txt"], ["nq35.txt"])
case("36/NQ-TW", ["nq36.txt", "nq36b.txt"], ["nq35.txt", "nq36hu.txt"])
case("nghị quyết 36 chuyển đổi số", ["nq36.txt"], ["nq35.txt", "nq36b.txt"])
case("chỉ thị 05", ["ct05.txt"], ["ct15.txt"])
case("chi thi so 5", ["ct05.txt"], ["ct15.txt"])
case("CT 7", ["ct07.txt", "ct07hu.txt"], ["ct17.txt"])
case("QĐ 217", ["qd217.txt", "qd217hu.txt"], ["qd218.txt"])
case("quyết định 217", ["qd217.txt", "qd217hu.txt"], ["qd218.txt"])
inp = "".join(c[0] + "\n" for c in cases)
out = subprocess.run([os.path.join(BIN, "tu_search_batch"), DB], input=inp,
                     capture_output=True, text=True, check=True).stdout.splitlines()
fails = 0
for (query, exact, misses), line in zip(cases, out):
    flag, _, names = line.partition("\t")
    names = names.split()
    bad = []
    if sorted(names[:len(exact)]) != sorted(exact):
        bad.append("want %s first" % " ".join(exact))
    for m in misses:
        if m in names[:len(exact)]:
            bad.append("%s above an exact document" % m)
    if bad:
        fails += 1
        print("FAIL: [%s] %s: %s" % (query, "; ".join(bad), " ".join(names)))
print("%d checks, %d failed" % (len(cases), fails))
sys.exit(1 if fails or len(out) != len(cases) else 0)
PY
