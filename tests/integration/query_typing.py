"""The queries of test_query_typing.sh: run tracuu-search on the databases
that script wrote, assert results and rank positions.  Usage:
query_typing.py TRACUU_SEARCH SCRATCH.  Exit 1 if any check failed."""
import json
import os
import subprocess
import sys

S, SCRATCH = sys.argv[1], sys.argv[2]
checks = fails = 0


def run(db, *args):
    """(exit status, stdout, stderr) of tracuu-search on DB."""
    p = subprocess.run([S, "--db", os.path.join(SCRATCH, db + ".db")] + list(args),
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def js(db, *args):
    rc, out, err = run(db, "--json", "--limit", "100", *args)
    if rc != 0:
        return {"error": err, "results": [], "corrected": None, "total": -1}
    return json.loads(out)


def names(db, *args):
    return [os.path.basename(r["path"])[:-4] for r in js(db, *args)["results"]]


def check(what, got, want):
    global checks, fails
    checks += 1
    if got != want:
        fails += 1
        print(f"FAIL: {what}: got [{got}], want [{want}]", file=sys.stderr)


def first(db, *args):
    n = names(db, *args)
    return n[0] if n else None


def before(db, a, b, *args):
    """A ranks above B, by a higher score (not by a tie broken by docid)."""
    res = js(db, *args)["results"]
    r = [os.path.basename(x["path"])[:-4] for x in res]
    sc = {os.path.basename(x["path"])[:-4]: x["score"] for x in res}
    check(f"{db}: {a} above {b} for {args}: {r}",
          a in r and (b not in r or (r.index(a) < r.index(b) and sc[a] > sc[b])), True)


def error(db, what, want_text, *args):
    rc, _, err = run(db, *args)
    check(what + ": exit status", rc, 2)
    check(what + ": message", want_text in err, True)


# ---------------------------------------------------------------- typos
def typo(q, corrected, top):
    d = js("typo", *q.split())
    check(f"typo [{q}]: corrected", d["corrected"], corrected)
    check(f"typo [{q}]: first result",
          os.path.basename(d["results"][0]["path"])[:-4] if d["results"] else None, top)


typo("cong tac dan vna", "cong tac dan van", "dv")            # swapped letters
typo("cong tac dan vn", "cong tac dan van", "dv")             # missing letter
typo("chuyen doi sso", "chuyen doi so", "cds")                # extra letter
typo("an ninh tret tu", "an ninh trat tu", "an")              # wrong letter
typo("công tác dân vậb", "công tác dân vận", "dv")            # marks, wrong letter
typo("chuyển đổi ốs", "chuyển đổi số", "cds")                 # marks, swapped
typo("an nnh trật tự", "an ninh trật tự", "an")               # marks, missing letter
typo("phòng chốngg tội phạm", "phòng chống tội phạm", "an")   # marks, extra letter
typo("phong trao thi dau dan van", "phong trao thi dua dan van", "dv")  # a real word, wrong here
typo("daan vaajn kheos", "dân vận khéo", "dv")                # Telex
typo("chuye63n d9o63i so61", "chuyển đổi số", "cds")          # VNI
check("typo: suggestion of the correction",
      js("typo", "cong tac dan vna")["suggestion"], "công tác dân vận")
check("typo: nothing to correct", js("typo", "cong tac dan van")["corrected"], None)
d = js("typo", "--as-typed", "cong tac dan vna")
check("typo: --as-typed", (d["corrected"], d["total"]), (None, 0))
check("typo: nothing near", js("typo", "xqzw")["corrected"], None)
d = js("typo", "cong", "tac", "dan", "vna")
check("typo: --json keeps every field",
      sorted(k for k in ["query", "total", "offset", "suggestion", "corrected", "results"]
             if k in d),
      sorted(["query", "total", "offset", "suggestion", "corrected", "results"]))
check("typo: query stays as typed", d["query"], "cong tac dan vna")
_, out, _ = run("typo", "cong", "tac", "dan", "vna")
check("typo: terminal says so",
      "Đang hiện kết quả cho cong tac dan van; tìm đúng như đã gõ:" in out, True)
check("typo: terminal names the typed query", "--as-typed cong tac dan vna" in out, True)

# --------------------------------------------------------------- prefix*
check("prefix: thanh ni*", names("pre", "thanh ni*"), ["tn"])
check("prefix: phat trien*", names("pre", "phat trien*"), ["pt", "tp"])
check("prefix: marks, phát tri*", names("pre", "phát tri*"), ["pt", "tp"])
check("prefix: an ninh tr*", names("pre", "an ninh tr*"), ["an"])
check("prefix: in a phrase", names("pre", '"an ninh tr*"'), ["an"])
check("prefix: in a phrase, in a row only", names("pre", '"an tr*"'), [])
check("prefix: title:", names("pre", "title:thanh title:ni*"), ["tn"])
check("prefix: excluded", names("pre", "phat trien* -ben*"), ["tp"])
check("prefix: nothing starts so", names("pre", "qqq*"), [])
check("prefix: under the cap", names("pre", "zzq*"), ["zz"])
r = js("pre", "thanh ni*")["results"][0]
snip = r["snippet"].encode()
check("prefix: highlighted",
      [snip[h[0]:h[0] + h[1]].decode() for h in r["highlights"]], ["Thanh", "niên"])
error("pre", "prefix: too short", "at least 2 letters", "t*")
error("pre", "prefix: too many", "more than 300 words start so", "zz*")

# ------------------------------------------------------------- nearness
before("near", "cautreo_gan", "cautreo_xa", "xay dung cau treo")
before("near", "bch_gan", "bch_xa", "ban chap hanh")
before("near", "ctdv_gan", "ctdv_xa", "cong tac dan van")
before("near", "atgt_gan", "atgt_xa", "an toàn giao thông")
before("near", "pcdb_gan", "pcdb_xa", "phong chong dich benh")
before("near", "ntm_gan", "ntm_xa", "nông thôn mới")
before("near", "cbdv_gan", "cbdv_xa", "can bo dang vien")
before("near", "vsmt_gan", "vsmt_xa", "ve sinh moi truong")
check("near: in a row, then close, then far", names("near", "cong tac dan van"),
      ["ctdv_lien", "ctdv_gan", "ctdv_xa"])
check("near: abbreviation keeps the phrase boost", first("near", "uy ban nhan dan"), "ubnd_lien")
check("near: Ủy ban nhân dân", first("near", "Ủy ban nhân dân"), "ubnd_lien")
check("NEAR/2", names("near", "xay NEAR/2 cau"), ["cautreo_gan"])
check("NEAR (10 words)", names("near", "dung NEAR treo"), ["cautreo_gan"])
check("NEAR with phrases", names("near", '"xay dung" NEAR/3 "cau treo"'), ["cautreo_gan"])
check("NEAR/0, any order", sorted(names("near", "treo NEAR/0 cau")), ["cautreo_gan", "cautreo_xa"])
check("NEAR chain", names("near", "xay NEAR/1 dung NEAR/2 cau"), ["cautreo_gan"])
error("near", "NEAR/x", "NEAR/n wants a number", "cau NEAR/x treo")
error("near", "NEAR at the end", "NEAR needs a word", "cau NEAR")

# -------------------------------------------------------- joined tokens
check("joined: 2450", names("join", "2450"), ["so"])
check("joined: 2.450", first("join", "2.450"), "so")
check("joined: 1250,5", names("join", "1250,5"), ["so"])
check("joined: 1.250,5", first("join", "1.250,5"), "so")
check("joined: 12345678", names("join", "12345678"), ["so"])
check("joined: H'Drai", sorted(names("join", "H'Drai")), ["hdrai", "lien"])
check("joined: hdrai", sorted(names("join", "hdrai")), ["hdrai", "lien"])
check("joined: H Drai", names("join", "H Drai"), ["hdrai"])
check('joined: "Ia Hdrai"', names("join", '"Ia Hdrai"'), ["hdrai"])
check("joined: M'Drak, straight apostrophe", names("join", "M'Drak"), ["mdrak"])
check("joined: mdrak", names("join", "mdrak"), ["mdrak"])
check("joined: M Drắk", names("join", "M Drắk"), ["mdrak"])
check("joined: ede", names("join", "ede"), ["ede"])
check("joined: Ê-đê", names("join", "Ê-đê"), ["ede"])
check("joined: Ê đê", names("join", "Ê đê"), ["ede"])
check("joined: xodang", names("join", "xodang"), ["ede"])
check("joined: Xơ-đăng", names("join", "Xơ-đăng"), ["ede"])


# -------------------------------------------------------- subject lines
def title(name, q):
    for r in js("subj", q)["results"]:
        if os.path.basename(r["path"]) == name + ".txt":
            return r["title"]
    return None


check("subject: V/v", title("vv", "tang cuong"), "V/v tăng cường công tác phòng chống dịch bệnh")
check("subject: Về việc", title("vev", "hoi nghi"), "Về việc tổ chức hội nghị sơ kết thi đua")
check("subject: BÁO CÁO", title("bc", "dan van"), "BÁO CÁO Kết quả thực hiện công tác dân vận năm 2023")
check("subject: KẾ HOẠCH", title("kh", "chuyen doi"), "KẾ HOẠCH TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024")
check("subject: on the heading's line", title("tt", "y te"), "TỜ TRÌNH Đề nghị phê duyệt đề án y tế cơ sở")
check("subject: THÔNG BÁO", title("tb", "thien tai"),
      "THÔNG BÁO kết luận của Thường trực về phòng chống thiên tai")
check("subject: none, the first line", title("than", "thien tai"), "Ghi chép")
check("subject: V/v ranks first", first("subj", "tang cuong cong tac phong chong dich benh"), "vv")
check("subject: Về việc ranks first", first("subj", "to chuc hoi nghi so ket thi dua"), "vev")
check("subject: BÁO CÁO ranks first", first("subj", "ket qua thuc hien cong tac dan van"), "bc")
check("subject: KẾ HOẠCH ranks first", first("subj", "trien khai chuyen doi so"), "kh")
check("subject: TỜ TRÌNH ranks first", first("subj", "phe duyet de an y te co so"), "tt")
check("subject: THÔNG BÁO ranks first", first("subj", "phong chong thien tai"), "tb")
check("subject: title: field", names("subj", 'title:"chuyen doi so"'), ["kh"])

# -------------------------------------------------------- more like this
did = js("like", "suoi")["results"][0]["docid"]
got = names("like", "--like", str(did))
check("like: the most similar first", got[:1], ["cau2"])
check("like: not the document itself", "cau1" in got, False)
before("like", "cau2", "gd", "--like", str(did))
check("like: query field", js("like", "--like", str(did))["query"], f"like:{did}")
check("like: unknown docid exits 1", run("like", "--like", "999")[0], 1)

print(f"query_typing.py: {checks} checks, {fails} failed")
sys.exit(1 if fails else 0)
