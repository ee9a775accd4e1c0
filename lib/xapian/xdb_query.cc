/* tracuu: the C wrapper over Xapian, part 2: query trees, search, facets.
 *
 * Query handles wrap a Xapian::Query by value (Xapian queries are reference
 * counted, so copies are cheap).  Constructors have no error channel: they
 * return NULL on failure (out of memory, invalid argument).
 *
 * Combining rules (tracuu_query_combine), chosen to match Xapian's own:
 *  - NULL sub-queries are skipped; the subs are always freed.
 *  - With no sub-query left the result is MatchNothing, for every operator
 *    (also AND: an empty conjunction matches nothing here, not everything).
 *  - AND_NOT, AND_MAYBE and FILTER treat the first slot as the left-hand
 *    side: if subs[0] is NULL the result is MatchNothing; with the left-hand
 *    side alone the result is that side.
 *  - Any operator with exactly one sub-query gives that sub-query.
 *  - PHRASE/NEAR: WINDOW 0 means "the number of sub-queries". */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "xapian/tu_xdb.h"

namespace {

tracuu_query *wrap(const Xapian::Query &q)
{
    return new tracuu_query{q};
}

/* Counts the items of a value slot holding a '\n'-separated list; each
 * distinct item counts once per document. */
/* Facets over value slots holding '\n'-separated lists.  Xapian's own
 * ValueCountMatchSpy counts the whole list strings (most documents share a
 * few distinct lists, and it is serialisable, so remote shards served by
 * xapian-tcpsrv count their part too); the lists are split once at the
 * end.  A document counts once per item, even if its list repeats it. */
/* Q is a positional boost: a phrase or nearness, or an AND_MAYBE standing
 * on one (the nearness holding the phrase). */
bool positional_boost(const Xapian::Query &q)
{
    const Xapian::Query::op t = q.get_type();
    if (t == Xapian::Query::OP_PHRASE || t == Xapian::Query::OP_NEAR)
        return true;
    return t == Xapian::Query::OP_AND_MAYBE && q.get_num_subqueries() > 0 &&
           positional_boost(q.get_subquery(0));
}

/* Q checks positions somewhere (a phrase or a nearness, filter or boost). */
bool checks_positions(const Xapian::Query &q)
{
    const Xapian::Query::op t = q.get_type();
    if (t == Xapian::Query::OP_PHRASE || t == Xapian::Query::OP_NEAR)
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (checks_positions(q.get_subquery(i)))
            return true;
    return false;
}

/* Q has sub-queries and an operator that takes nothing but them (so it can
 * be rebuilt from them). */
bool rebuildable(const Xapian::Query &q)
{
    const Xapian::Query::op t = q.get_type();
    return q.get_num_subqueries() > 0 &&
           (t == Xapian::Query::OP_AND_MAYBE || t == Xapian::Query::OP_FILTER ||
            t == Xapian::Query::OP_AND_NOT || t == Xapian::Query::OP_AND ||
            t == Xapian::Query::OP_OR);
}

/* Q rebuilt with every right-hand side R of its AND_MAYBEs (through the
 * rebuildable operators, at any depth, R's own first) replaced by EDIT(R);
 * an empty query drops R. */
template <typename F>
Xapian::Query edit_boosts(const Xapian::Query &q, F edit)
{
    if (!rebuildable(q))
        return q;
    const Xapian::Query::op t = q.get_type();
    const size_t n = q.get_num_subqueries();
    std::vector<Xapian::Query> subs;
    subs.reserve(n);
    for (size_t i = 0; i < n; i++) {
        Xapian::Query sub = edit_boosts(q.get_subquery(i), edit);
        if (t == Xapian::Query::OP_AND_MAYBE && i > 0)
            sub = edit(sub);
        if (!sub.empty())
            subs.push_back(sub);
    }
    if (subs.size() == 1)
        return subs[0];
    return Xapian::Query(t, subs.begin(), subs.end());
}

/* Q without its positional boosts (they only add weight: the same
 * documents match); CHANGED is set when one was taken out. */
Xapian::Query strip_boosts(const Xapian::Query &q, bool &changed)
{
    return edit_boosts(q, [&changed](const Xapian::Query &r) {
        if (!positional_boost(r))
            return r;
        changed = true;
        return Xapian::Query();
    });
}

/* The documents of a list (sorted docids), as a filter. */
class docid_source : public Xapian::PostingSource {
    const std::vector<Xapian::docid> &ids;
    size_t i = 0;
    bool started = false;

  public:
    explicit docid_source(const std::vector<Xapian::docid> &v) : ids(v) {}
    Xapian::doccount get_termfreq_min() const override { return ids.size(); }
    Xapian::doccount get_termfreq_est() const override { return ids.size(); }
    Xapian::doccount get_termfreq_max() const override { return ids.size(); }
    void init(const Xapian::Database &) override
    {
        i = 0;
        started = false;
    }
    void next(double) override
    {
        if (started)
            i++;
        started = true;
    }
    void skip_to(Xapian::docid did, double) override
    {
        started = true;
        i = static_cast<size_t>(
            std::lower_bound(ids.begin() + static_cast<std::ptrdiff_t>(i), ids.end(), did) -
            ids.begin());
    }
    bool at_end() const override { return i >= ids.size(); }
    Xapian::docid get_docid() const override { return ids[i]; }
    std::string get_description() const override { return "docid_source"; }
    /* each use in a query walks the list on its own */
    docid_source *clone() const override { return new docid_source(ids); }
};

/* Q with every right-hand side of its AND_MAYBEs restricted to F as well
 * (Xapian 1.4 moves an AND_MAYBE's right-hand side that is itself an
 * AND_MAYBE along on its own: restricted, a nearness that rarely holds is
 * checked on F's documents, not on every document holding its words). */
Xapian::Query restrict_boosts(const Xapian::Query &q, const Xapian::Query &f)
{
    return edit_boosts(q, [&f](const Xapian::Query &r) {
        return Xapian::Query(Xapian::Query::OP_FILTER, r, f);
    });
}

/* Documents are numbered in path order, so the first N matches of a query
 * all come from the first folders (a year's folder, say): a facet sample
 * takes runs of RUN documents spread over the whole archive instead.  Runs
 * keep the sample's reads of values and postings in few blocks. */
const Xapian::docid SAMPLE_RUN = 64;

/* DID lies in a run of the sample of every K-th run */
bool in_sample(uint64_t did, uint64_t k)
{
    return ((did - 1) / SAMPLE_RUN) % k == 0;
}

/* The documents Xapian shows it: every one while they are no more than
 * twice the sample (exact counts), else every K-th run of SAMPLE_RUN
 * documents, K doubled (and the kept documents thinned out) whenever they
 * pass twice the sample.  Sample 0: every one.  Their facet values are read
 * at the end, for the kept documents only, in docid order. */
class sample_spy : public Xapian::MatchSpy {
    size_t cap;
    Xapian::docid k = 1;
    Xapian::doccount shown = 0;
    std::vector<Xapian::docid> kept;
    bool sorted = true;

  public:
    explicit sample_spy(Xapian::doccount sample) : cap(sample ? 2 * static_cast<size_t>(sample) : 0) {}
    void operator()(const Xapian::Document &doc, double) override
    {
        shown++;
        const Xapian::docid did = doc.get_docid();
        if (!in_sample(did, k))
            return;
        sorted = sorted && (kept.empty() || kept.back() < did);
        kept.push_back(did);
        if (cap && kept.size() > cap) {
            k *= 2;
            kept.erase(std::remove_if(kept.begin(), kept.end(),
                                      [this](Xapian::docid d) { return !in_sample(d, k); }),
                       kept.end());
        }
    }
    Xapian::doccount get_shown() const { return shown; }
    size_t get_kept() const { return kept.size(); }
    bool thinned() const { return k > 1; }
    /* (value list, documents) of SLOT among the kept */
    std::vector<std::pair<std::string, uint32_t> > values(const Xapian::Database &db,
                                                          Xapian::valueno slot)
    {
        if (!sorted)   /* Xapian shows a local database's documents in order */
            std::sort(kept.begin(), kept.end());
        sorted = true;
        std::unordered_map<std::string, uint32_t> m;
        Xapian::ValueIterator it = db.valuestream_begin(slot);
        const Xapian::ValueIterator end = db.valuestream_end(slot);
        for (Xapian::docid did : kept) {
            if (it == end)
                break;
            it.skip_to(did);
            if (it == end)
                break;
            if (it.get_docid() == did)
                m[*it]++;
        }
        return std::vector<std::pair<std::string, uint32_t> >(m.begin(), m.end());
    }
};

/* Every K-th run of SAMPLE_RUN documents, as a filter: a facet sample of a
 * query Xapian stopped looking at early. */
class stride_source : public Xapian::PostingSource {
    uint64_t k, last = 0, cur = 0;   /* cur 0: not started */
    Xapian::doccount n = 0;

    void go(uint64_t d)
    {
        cur = in_sample(d, k) ? d : ((d - 1) / SAMPLE_RUN / k + 1) * k * SAMPLE_RUN + 1;
    }

  public:
    explicit stride_source(Xapian::docid step) : k(step ? step : 1) {}
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return n; }
    Xapian::doccount get_termfreq_max() const override { return n; }
    void init(const Xapian::Database &db) override
    {
        last = db.get_lastdocid();
        const uint64_t whole = last / (SAMPLE_RUN * k), rest = last % (SAMPLE_RUN * k);
        n = static_cast<Xapian::doccount>(whole * SAMPLE_RUN + std::min<uint64_t>(rest, SAMPLE_RUN));
        cur = 0;
    }
    void next(double) override { go(cur + 1); }
    void skip_to(Xapian::docid did, double) override
    {
        if (did > cur)
            go(did);
    }
    bool at_end() const override { return cur > last; }
    Xapian::docid get_docid() const override { return static_cast<Xapian::docid>(cur); }
    std::string get_description() const override { return "stride_source"; }
    stride_source *clone() const override
    {
        return new stride_source(static_cast<Xapian::docid>(k));
    }
};

std::vector<std::pair<std::string, uint32_t> >
split_counts(const std::vector<std::pair<std::string, uint32_t> > &lists, double scale)
{
    /* one entry per item; the lists are distinct, so an item is met once
     * per list holding it */
    std::unordered_map<std::string, uint32_t> counts;
    counts.reserve(1024);
    std::vector<std::string_view> seen;
    for (const auto &l : lists) {
        const uint32_t n = l.second;
        const std::string_view sv(l.first);
        seen.clear();
        size_t start = 0;
        while (start <= sv.size()) {
            size_t nl = sv.find('\n', start);
            if (nl == std::string_view::npos)
                nl = sv.size();
            if (nl > start && sv[start] != '\x01') {  /* \x01: a hash prefix */
                std::string_view item = sv.substr(start, nl - start);
                if (std::find(seen.begin(), seen.end(), item) == seen.end()) {
                    auto r = counts.try_emplace(std::string(item), 0);
                    r.first->second += n;
                    seen.push_back(item);
                }
            }
            start = nl + 1;
        }
    }
    std::vector<std::pair<std::string, uint32_t> > out;
    out.reserve(counts.size());
    for (auto &c : counts)
        out.emplace_back(c.first, scale != 1.0 ? static_cast<uint32_t>(c.second * scale + 0.5)
                                               : c.second);
    /* by count, then in byte order (as the ordered map gave before) */
    std::sort(out.begin(), out.end(),
              [](const std::pair<std::string, uint32_t> &x,
                 const std::pair<std::string, uint32_t> &y) {
                  return x.second != y.second ? x.second > y.second : x.first < y.first;
              });
    return out;
}

std::vector<std::pair<std::string, uint32_t> > spy_values(const Xapian::ValueCountMatchSpy &spy)
{
    std::vector<std::pair<std::string, uint32_t> > v;
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it)
        v.emplace_back(*it, it.get_termfreq());
    return v;
}

bool left_hand_op(tracuu_query_op_t op)
{
    return op == TRACUU_OP_AND_NOT || op == TRACUU_OP_AND_MAYBE ||
           op == TRACUU_OP_FILTER;
}

Xapian::Query::op xop(tracuu_query_op_t op)
{
    switch (op) {
    case TRACUU_OP_AND: return Xapian::Query::OP_AND;
    case TRACUU_OP_OR: return Xapian::Query::OP_OR;
    case TRACUU_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
    case TRACUU_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
    case TRACUU_OP_FILTER: return Xapian::Query::OP_FILTER;
    case TRACUU_OP_PHRASE: return Xapian::Query::OP_PHRASE;
    case TRACUU_OP_NEAR: return Xapian::Query::OP_NEAR;
    case TRACUU_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
    default: return Xapian::Query::OP_INVALID;
    }
}

void free_subs(tracuu_query_t **subs, size_t n)
{
    if (!subs)
        return;
    for (size_t i = 0; i < n; i++) {
        delete subs[i];
        subs[i] = NULL;
    }
}

} // namespace

/* ----------------------------------------------------------------- queries */

extern "C" tracuu_query_t *tracuu_query_term(const char *term, size_t len,
                                             uint32_t wqf)
{
    if (!term || len == 0)
        return NULL;
    try {
        /* A term over the limit cannot be in the index: match nothing
         * rather than hand Xapian a key it would refuse. */
        if (len > TU_XDB_MAX_TERM)
            return wrap(Xapian::Query());
        return wrap(Xapian::Query(std::string(term, len), wqf));
    } catch (...) {
        return NULL;
    }
}

extern "C" tracuu_query_t *tracuu_query_match_all(void)
{
    try {
        return wrap(Xapian::Query::MatchAll);
    } catch (...) {
        return NULL;
    }
}

extern "C" tracuu_query_t *tracuu_query_match_nothing(void)
{
    try {
        return wrap(Xapian::Query::MatchNothing);
    } catch (...) {
        return NULL;
    }
}

extern "C" tracuu_query_t *tracuu_query_combine(tracuu_query_op_t op,
                                                tracuu_query_t **subs,
                                                size_t n, uint32_t window)
{
    tracuu_query *res = NULL;
    Xapian::Query::op x = xop(op);
    if (x == Xapian::Query::OP_INVALID || (!subs && n > 0)) {
        free_subs(subs, n);
        return NULL;
    }
    try {
        if (left_hand_op(op) && (n == 0 || !subs[0])) {
            res = wrap(Xapian::Query());
        } else {
            std::vector<Xapian::Query> v;
            v.reserve(n);
            for (size_t i = 0; i < n; i++)
                if (subs[i])
                    v.push_back(subs[i]->q);
            if (v.empty())
                res = wrap(Xapian::Query());
            else if (v.size() == 1)
                res = wrap(v[0]);
            else
                res = wrap(Xapian::Query(x, v.begin(), v.end(), window));
        }
    } catch (...) {
        res = NULL;
    }
    free_subs(subs, n);
    return res;
}

extern "C" tracuu_query_t *tracuu_query_wildcard(const char *prefix,
                                                 size_t len, uint32_t limit,
                                                 int error_past_limit)
{
    if (!prefix || len == 0 || len > TU_XDB_MAX_TERM)
        return NULL;
    try {
        return wrap(Xapian::Query(Xapian::Query::OP_WILDCARD,
                                  std::string(prefix, len), limit,
                                  error_past_limit
                                      ? Xapian::Query::WILDCARD_LIMIT_ERROR
                                      : Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
    } catch (...) {
        return NULL;
    }
}

extern "C" tracuu_query_t *tracuu_query_value_range(unsigned slot,
                                                    const char *lo,
                                                    const char *hi)
{
    if (slot == Xapian::BAD_VALUENO)
        return NULL;
    try {
        if (lo && hi)
            return wrap(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                                      lo, hi));
        if (lo)
            return wrap(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo));
        if (hi)
            return wrap(Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi));
        /* both open: every document with a value in SLOT */
        return wrap(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
                                  std::string()));
    } catch (...) {
        return NULL;
    }
}

extern "C" tracuu_query_t *tracuu_query_scale(tracuu_query_t *q,
                                              double factor)
{
    if (!q)
        return NULL;
    tracuu_query *res = NULL;
    if (isfinite(factor) && factor >= 0) {
        try {
            res = wrap(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q,
                                     factor));
        } catch (...) {
            res = NULL;
        }
    }
    delete q;
    return res;
}

extern "C" tracuu_query_t *tracuu_query_const(double weight)
{
    if (!isfinite(weight) || weight < 0)
        return NULL;
    try {
        Xapian::PostingSource *ps = new Xapian::FixedWeightPostingSource(weight);
        return wrap(Xapian::Query(ps->release()));
    } catch (...) {
        return NULL;
    }
}

extern "C" tracuu_query_t *tracuu_query_copy(const tracuu_query_t *q)
{
    if (!q)
        return NULL;
    try {
        return wrap(q->q);
    } catch (...) {
        return NULL;
    }
}

extern "C" void tracuu_query_free(tracuu_query_t *q)
{
    delete q;
}

extern "C" int tracuu_query_is_empty(const tracuu_query_t *q)
{
    return !q || q->q.empty();
}

extern "C" char *tracuu_query_describe(const tracuu_query_t *q)
{
    if (!q)
        return NULL;
    try {
        std::string d = q->q.get_description();
        char *p = static_cast<char *>(malloc(d.size() + 1));
        if (!p)
            return NULL;
        memcpy(p, d.c_str(), d.size() + 1);
        return p;
    } catch (...) {
        return NULL;
    }
}

/* ------------------------------------------------------------------ search */

namespace {

/* The facet sample of FIRST (about TOTAL matches) when Xapian stopped
 * looking early (no better weight was to be had, or the sample was full):
 * the first matches come from the first folders.  Counts every K-th run of
 * documents in an unweighted pass, K for about twice the sample, but
 * looking at no more than four samples' worth of documents, half a
 * sample's when each costs a position check (a query matching few of the
 * documents holding its words then gets a smaller sample).  *SAMPLER gets
 * the new sample; returns 1 when it is not every match. */
bool resample(Xapian::Database &xdb, const Xapian::Query &first,
              const tracuu_search_opts_t &opts, Xapian::doccount total,
              std::unique_ptr<sample_spy> &sampler)
{
    const uint64_t sample = std::max<Xapian::doccount>(opts.facet_sample, 1);
    const uint64_t want_n = 2 * sample;
    const uint64_t budget = checks_positions(first) ? (sample + 1) / 2 : 4 * sample;
    const Xapian::docid k_min = static_cast<Xapian::docid>(
        std::max<uint64_t>(1, xdb.get_lastdocid() / budget));
    Xapian::docid k = std::max(k_min, static_cast<Xapian::docid>(
        std::max<uint64_t>(1, total / want_n)));
    for (int round = 0; round < 2; round++) {
        stride_source src(k);
        /* thins itself out should Xapian's estimate be too low */
        sampler.reset(new sample_spy(opts.facet_sample));
        Xapian::Enquire e(xdb);
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, first, Xapian::Query(&src)));
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.add_matchspy(sampler.get());
        e.get_mset(0, 0, xdb.get_doccount());
        /* far fewer than a sample (the estimate was far above the
         * total): once more, finer */
        const uint64_t kept = sampler->get_kept();
        if (round == 0 && k > k_min && kept < want_n / 8)
            k = std::max(k_min, static_cast<Xapian::docid>(
                                    std::max<uint64_t>(1, kept ? k * kept / want_n : k / 32)));
        else
            break;
    }
    return k > 1 || sampler->thinned();
}

/* One search: a new Enquire and new spies each time (it may be retried). */
tracuu_mset *run_search(Xapian::Database &xdb, const Xapian::Query &query,
                        const tracuu_search_opts_t &opts, bool can_rescore)
{
    /* Rescoring: the positional boosts weigh only the best matches of the
     * query without them; a query matching most of a large archive costs
     * a phrase and nearness check on every match otherwise. */
    bool rescore = false;
    Xapian::Query first = query;
    const uint64_t want = static_cast<uint64_t>(opts.offset) + opts.limit;
    if (can_rescore && opts.rescore_window && want <= opts.rescore_window) {
        first = strip_boosts(query, rescore);
        if (!rescore)
            first = query;
    }
    /* the spies outlive the Enquire that points at them */
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy> > spies;
    std::unique_ptr<sample_spy> sampler;
    Xapian::Enquire enq(xdb);
    enq.set_query(first);
    if (opts.sort_slot >= 0)
        enq.set_sort_by_value_then_relevance(
            static_cast<Xapian::valueno>(opts.sort_slot),
            opts.sort_descending != 0);
    Xapian::doccount check = opts.check_at_least;
    /* local databases: a spy keeping a sample spread over the archive;
     * remote shards need Xapian's own spies (they are sent to the server) */
    if (can_rescore && opts.n_facet_slots > 0) {
        sampler.reset(new sample_spy(opts.facet_sample));
        enq.add_matchspy(sampler.get());
    } else {
        for (size_t i = 0; i < opts.n_facet_slots; i++) {
            spies.emplace_back(new Xapian::ValueCountMatchSpy(opts.facet_slots[i]));
            enq.add_matchspy(spies.back().get());
        }
    }
    /* facet counts cover every match, or at least facet_sample of them */
    if (opts.n_facet_slots > 0)
        check = std::max(check, opts.facet_sample ? opts.facet_sample
                                                  : xdb.get_doccount());
    std::unique_ptr<tracuu_mset> res(new tracuu_mset());
    if (rescore) {
        Xapian::MSet best = enq.get_mset(0, opts.rescore_window, check);
        res->total_est = best.get_matches_estimated();
        res->total_lower = best.get_matches_lower_bound();
        res->total_upper = best.get_matches_upper_bound();
        std::vector<Xapian::docid> ids;
        ids.reserve(best.size());
        for (Xapian::MSetIterator it = best.begin(); it != best.end(); ++it)
            ids.push_back(*it);
        std::sort(ids.begin(), ids.end());
        docid_source src(ids);
        Xapian::Enquire again(xdb);
        const Xapian::Query only(&src);
        again.set_query(Xapian::Query(Xapian::Query::OP_FILTER, restrict_boosts(query, only), only));
        if (opts.sort_slot >= 0)
            again.set_sort_by_value_then_relevance(
                static_cast<Xapian::valueno>(opts.sort_slot), opts.sort_descending != 0);
        res->mset = again.get_mset(opts.offset, opts.limit);
    } else {
        res->mset = enq.get_mset(opts.offset, opts.limit, check);
        const Xapian::MSet &ms = res->mset;
        res->total_est = ms.get_matches_estimated();
        res->total_lower = ms.get_matches_lower_bound();
        res->total_upper = ms.get_matches_upper_bound();
    }
    const bool all_seen = res->total_lower == res->total_upper;
    if (sampler) {
        if (all_seen && sampler->get_shown() == res->total_lower) {
            /* Xapian showed the spy every match */
            res->facets_estimated = sampler->thinned();
        } else {
            res->facets_estimated = resample(xdb, first, opts, res->total_est, sampler);
        }
        /* (the estimate is the total when that is known) */
        const double scale = res->facets_estimated && sampler->get_kept() > 0
            ? static_cast<double>(res->total_est) / sampler->get_kept()
            : 1.0;
        res->facets.reserve(opts.n_facet_slots);
        for (size_t i = 0; i < opts.n_facet_slots; i++)
            res->facets.push_back(split_counts(sampler->values(xdb, opts.facet_slots[i]), scale));
    } else if (!spies.empty()) {
        /* every spy saw the same documents: exact if they saw every match */
        double scale = 1.0;
        const Xapian::doccount seen = spies[0]->get_total();
        if (!all_seen || seen != res->total_lower) {
            res->facets_estimated = true;
            if (seen > 0)
                scale = static_cast<double>(res->total_est) / seen;
        }
        res->facets.reserve(spies.size());
        for (const auto &sp : spies)
            res->facets.push_back(split_counts(spy_values(*sp), scale));
    }
    return res.release();
}

} // namespace

extern "C" tracuu_status_t tracuu_db_search(tracuu_db_t *db,
                                            const tracuu_query_t *q,
                                            const tracuu_search_opts_t *opts,
                                            tracuu_mset_t **out)
{
    if (out)
        *out = NULL;
    if (!db || !q || !out)
        return db ? tu_xdb_set_err(db->err, TRACUU_ERR_INVALID_ARG,
                                   "search: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    tracuu_search_opts_t def;
    memset(&def, 0, sizeof def);
    def.limit = 10;
    def.sort_slot = -1;
    if (!opts)
        opts = &def;
    if (opts->n_facet_slots > TRACUU_MAX_FACET_SLOTS)
        return tu_xdb_set_err(db->err, TRACUU_ERR_INVALID_ARG,
                              "search: too many facet slots");
    tracuu_mset *m = NULL;
    try {
        Xapian::Query sq = tu_xdb_scope_query(db, q->q);
        try {
            m = tu_xdb_retry(db, [&] { return run_search(*db->xdb, sq, *opts, !db->from_stub); });
        } catch (const Xapian::NetworkError &) {
            if (!db->from_stub)
                throw;
            /* a shard stopped answering since the opening: open the stub
             * again (it stands in an empty shard for each silent one, with
             * a warning) and search once more */
            std::vector<std::string> w;
            Xapian::Database *x = tu_xdb_open_stub(db->path, tu_xdb_shard_timeout_ms(), w);
            if (!x)
                throw;
            delete db->xdb;
            db->xdb = x;
            for (const std::string &s : w)
                if (std::find(db->warnings.begin(), db->warnings.end(), s) == db->warnings.end())
                    db->warnings.push_back(s);
            tu_xdb_scope_reset(db);
            m = run_search(*db->xdb, sq, *opts, false);
        }
    } catch (...) {
        return tu_xdb_caught(db->err, "search");
    }
    *out = m;
    return TRACUU_OK;
}

extern "C" uint32_t tracuu_mset_size(const tracuu_mset_t *m)
{
    return m ? m->mset.size() : 0;
}

extern "C" uint32_t tracuu_mset_total(const tracuu_mset_t *m)
{
    return m ? m->total_est : 0;
}

extern "C" uint32_t tracuu_mset_total_lower(const tracuu_mset_t *m)
{
    return m ? m->total_lower : 0;
}

extern "C" int tracuu_mset_total_exact(const tracuu_mset_t *m)
{
    return m && m->total_lower == m->total_upper;
}

extern "C" int tracuu_mset_facets_estimated(const tracuu_mset_t *m)
{
    return m && m->facets_estimated;
}

extern "C" tracuu_docid_t tracuu_mset_docid(const tracuu_mset_t *m,
                                            uint32_t i)
{
    if (!m || i >= m->mset.size())
        return 0;
    try {
        return *m->mset[i];
    } catch (...) {
        return 0;
    }
}

extern "C" double tracuu_mset_weight(const tracuu_mset_t *m, uint32_t i)
{
    if (!m || i >= m->mset.size())
        return 0.0;
    try {
        return m->mset[i].get_weight();
    } catch (...) {
        return 0.0;
    }
}

extern "C" size_t tracuu_mset_facet_size(const tracuu_mset_t *m, size_t i)
{
    if (!m || i >= m->facets.size())
        return 0;
    return m->facets[i].size();
}

extern "C" const char *tracuu_mset_facet_value(const tracuu_mset_t *m,
                                               size_t i, size_t j,
                                               uint32_t *count)
{
    if (count)
        *count = 0;
    if (!m || i >= m->facets.size() || j >= m->facets[i].size())
        return NULL;
    if (count)
        *count = m->facets[i][j].second;
    return m->facets[i][j].first.c_str();
}

extern "C" void tracuu_mset_free(tracuu_mset_t *m)
{
    delete m;
}

/* ------------------------------------------------------- more like this */

namespace {

/* Folded words only (unprefixed terms with a letter a-z in them) that
 * some other document has too. */
class WordDecider : public Xapian::ExpandDecider {
    const Xapian::Database &db;

  public:
    explicit WordDecider(const Xapian::Database &d) : db(d) {}
    bool operator()(const std::string &t) const override
    {
        if (t.empty() || (t[0] >= 'A' && t[0] <= 'Z'))
            return false;
        bool letter = false;
        for (char c : t)
            letter |= c >= 'a' && c <= 'z';
        return letter && db.get_termfreq(t) > 1;
    }
};

} // namespace

extern "C" tracuu_status_t tracuu_db_expand(tracuu_db_t *db,
                                            tracuu_docid_t docid,
                                            unsigned max, tracuu_term_cb cb,
                                            void *ctx)
{
    if (!db || !cb)
        return db ? tu_xdb_set_err(db->err, TRACUU_ERR_INVALID_ARG,
                                   "expand: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    try {
        if (!tu_xdb_in_scope(db, docid))
            return tu_xdb_set_err(db->err, TRACUU_ERR_NOT_FOUND, "expand: no such document");
        Xapian::ESet eset = tu_xdb_retry(db, [&] {
            db->xdb->get_document(docid);   /* DocNotFoundError if none */
            if (!tu_xdb_in_scope(db, docid))
                throw Xapian::DocNotFoundError("document outside the access scope");
            Xapian::Enquire enq(*db->xdb);
            Xapian::RSet rset;
            rset.add_document(docid);
            WordDecider decider(*db->xdb);
            return enq.get_eset(max, rset, &decider);
        });
        for (Xapian::ESetIterator it = eset.begin(); it != eset.end(); ++it) {
            const std::string t = *it;
            double w = it.get_weight() * 1000.0;
            uint32_t wi = w < 0 ? 0 : w > 4e9 ? 4000000000u : (uint32_t)w;
            if (cb(t.c_str(), t.size(), wi, 0, ctx) != 0)
                break;
        }
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "expand");
    }
}
