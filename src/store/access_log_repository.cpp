#include "store/access_log_repository.h"

#include <sodium.h>

namespace voordeur::store {
namespace {

constexpr const char* kRowColumns =
    "l.id, l.at, l.user_id, l.on_behalf_of, l.person_id, l.record_type, l.record_id, l.action, l.detail, "
    "l.break_glass_reason, l.prev_hash, l.hash";

void put(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
  out += ';';
}
void put(std::string& out, const std::optional<std::string>& s) {
  if (s) {
    put(out, *s);
  } else {
    out += "-;";
  }
}
void put(std::string& out, std::int64_t v) { put(out, std::to_string(v)); }
void put(std::string& out, const std::optional<std::int64_t>& v) {
  if (v) {
    put(out, *v);
  } else {
    out += "-;";
  }
}

AccessLogRow row_from(const Row& r) {
  AccessLogRow out;
  out.id = r.integer(0);
  out.entry = access_log_input_from(r);
  out.prev_hash = r.text(10);
  out.hash = r.text(11);
  return out;
}

// The rows with their user's display name and role (empty when the user no longer exists).
const std::string& view_select() {
  static const std::string sql = std::string("SELECT ") + kRowColumns +
                                 ", u.display_name, u.role FROM access_log l LEFT JOIN users u ON u.id = l.user_id";
  return sql;
}

AccessLogEntryView view_from(const Row& r) { return AccessLogEntryView{row_from(r), r.text(12), r.text(13)}; }

std::string id_range(std::int64_t first, std::int64_t last) {
  return first == last ? "row " + std::to_string(first) : "rows " + std::to_string(first) + "-" + std::to_string(last);
}

}  // namespace

AccessLogInput access_log_input_from(const Row& r) {
  AccessLogInput e;
  e.at = r.integer(1);
  e.user_id = r.integer(2);
  e.on_behalf_of = r.opt_text(3);
  e.person_id = r.opt_integer(4);
  e.record_type = r.text(5);
  e.record_id = r.opt_integer(6);
  e.action = r.text(7);
  e.detail = r.opt_text(8);
  e.break_glass_reason = r.opt_text(9);
  return e;
}

std::string canonical_access_log_row(std::int64_t id, const AccessLogInput& e, const std::string& prev_hash) {
  std::string out = "voordeur-access-log-v1;";
  put(out, id);
  put(out, e.at);
  put(out, e.user_id);
  put(out, e.on_behalf_of);
  put(out, e.person_id);
  put(out, e.record_type);
  put(out, e.record_id);
  put(out, e.action);
  put(out, e.detail);
  put(out, e.break_glass_reason);
  put(out, prev_hash);
  return out;
}

std::string access_log_hash(std::int64_t id, const AccessLogInput& e, const std::string& prev_hash) {
  const std::string data = canonical_access_log_row(id, e, prev_hash);
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr,
                     0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::int64_t append_access_log(Connection& c, const std::vector<AccessLogInput>& entries) {
  // Locks the head row until the transaction ends: the one-writer point of the chain.
  const auto head =
      c.query("UPDATE access_log_head SET last_id = last_id WHERE id = 1 RETURNING last_id, last_hash").rows.at(0);
  std::int64_t id = head.integer(0);
  std::string prev = head.text(1);
  for (const auto& e : entries) {
    ++id;
    std::string hash = access_log_hash(id, e, prev);
    c.query(
        "INSERT INTO access_log (id, at, user_id, on_behalf_of, person_id, record_type, record_id, action, detail, "
        "break_glass_reason, prev_hash, hash) "
        "VALUES ($1, $2, $3, CAST($4 AS TEXT), CAST($5 AS BIGINT), $6, CAST($7 AS BIGINT), $8, CAST($9 AS TEXT), "
        "CAST($10 AS TEXT), $11, $12)",
        {id, e.at, e.user_id, opt(e.on_behalf_of), opt(e.person_id), e.record_type, opt(e.record_id), e.action,
         opt(e.detail), opt(e.break_glass_reason), prev, hash});
    prev = std::move(hash);
  }
  c.query("UPDATE access_log_head SET last_id = $1, last_hash = $2 WHERE id = 1", {id, prev});
  return id;
}

AccessLogPage query_access_log(Connection& c, const AccessLogFilter& f) {
  // Only the conditions given, one statement per combination: "($1 IS NULL OR user_id = $1)" would
  // keep SQLite from the (user_id, at), (person_id, at) and (at) indexes and scan the whole log.
  // Newest first by time, which those indexes give without sorting.
  std::string filter;
  std::vector<Value> params;
  auto where = [&](const char* condition, std::int64_t value) {
    params.emplace_back(value);
    filter += params.size() == 1 ? " WHERE " : " AND ";
    filter += condition;
    filter += std::to_string(params.size());
  };
  if (f.user_id) where("l.user_id = $", *f.user_id);
  if (f.person_id) where("l.person_id = $", *f.person_id);
  if (f.from) where("l.at >= $", *f.from);
  if (f.to) where("l.at < $", *f.to);
  AccessLogPage page;
  page.total = c.query("SELECT COUNT(*) FROM access_log l" + filter, params).rows.at(0).integer(0);
  params.emplace_back(std::int64_t{f.limit});
  params.emplace_back(std::int64_t{f.offset});
  const auto rs = c.query(view_select() + filter + " ORDER BY l.at DESC, l.id DESC LIMIT $" +
                              std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size()),
                          params);
  page.items.reserve(rs.rows.size());
  for (const auto& r : rs.rows) page.items.push_back(view_from(r));
  return page;
}

std::vector<AccessLogEntryView> person_access_log(Connection& c, std::int64_t person_id) {
  const auto rs = c.query(view_select() + " WHERE l.person_id = $1 ORDER BY l.id", {person_id});
  std::vector<AccessLogEntryView> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(view_from(r));
  return out;
}

AccessLogVerification verify_access_log(Connection& c,
                                        const std::optional<std::pair<std::int64_t, std::string>>& expect_head) {
  AccessLogVerification v;
  const auto head = c.query("SELECT last_id, last_hash FROM access_log_head WHERE id = 1").rows;
  if (head.empty()) {
    v.ok = false;
    v.problem = "the head row of the access log is missing";
    return v;
  }
  v.head_id = head[0].integer(0);
  v.head_hash = head[0].text(1);
  std::int64_t expected_id = 1;
  std::string prev = kGenesisHash;
  const auto checkpoint =
      c.query("SELECT last_id, last_hash FROM access_log_checkpoints ORDER BY last_id DESC LIMIT 1").rows;
  if (!checkpoint.empty()) {
    expected_id = checkpoint[0].integer(0) + 1;
    prev = checkpoint[0].text(1);
  }
  bool anchor_seen = false;
  auto check_anchor = [&](std::int64_t id, const std::string& hash) {
    if (!expect_head || expect_head->first != id) return true;
    anchor_seen = true;
    return expect_head->second == hash;
  };
  auto fail = [&](std::int64_t id, std::string problem) {
    v.ok = false;
    v.first_bad_id = id;
    v.problem = std::move(problem);
    return v;
  };
  if (!checkpoint.empty() && !check_anchor(expected_id - 1, prev)) {
    return fail(expected_id - 1, "the purge checkpoint at row " + std::to_string(expected_id - 1) +
                                     " does not have the expected head hash: the chain was rewritten");
  }
  constexpr int kPage = 1000;
  for (;;) {
    const auto rs = c.query(std::string("SELECT ") + kRowColumns +
                                " FROM access_log l WHERE l.id >= $1 ORDER BY l.id LIMIT " + std::to_string(kPage),
                            {expected_id});
    for (const auto& r : rs.rows) {
      const AccessLogRow row = row_from(r);
      if (row.id > v.head_id) {
        return fail(row.id, "row " + std::to_string(row.id) + " comes after the newest row the head records (" +
                                std::to_string(v.head_id) + "): it was inserted");
      }
      if (row.id != expected_id) {
        return fail(expected_id, id_range(expected_id, row.id - 1) + " missing: deleted");
      }
      if (access_log_hash(row.id, row.entry, row.prev_hash) != row.hash) {
        return fail(row.id, "row " + std::to_string(row.id) + " does not match its hash: it was edited or forged");
      }
      if (row.prev_hash != prev) {
        return fail(row.id, "row " + std::to_string(row.id) +
                                " does not link to the row before it (prev_hash differs): a row before it was "
                                "deleted, replaced or inserted");
      }
      if (!check_anchor(row.id, row.hash)) {
        return fail(row.id, "row " + std::to_string(row.id) +
                                " does not have the expected head hash: the chain was rewritten");
      }
      prev = row.hash;
      ++expected_id;
      ++v.rows_checked;
    }
    if (static_cast<int>(rs.rows.size()) < kPage) break;
  }
  if (expected_id - 1 < v.head_id) {
    return fail(expected_id, id_range(expected_id, v.head_id) + " missing: the newest rows were deleted");
  }
  if (prev != v.head_hash) {
    return fail(v.head_id, "the head's hash does not match row " + std::to_string(v.head_id) +
                               ": the head or the newest row was changed");
  }
  if (expect_head && !anchor_seen) {
    return fail(expect_head->first, "row " + std::to_string(expect_head->first) +
                                        " of the expected head is not in the log (purged, or never written)");
  }
  return v;
}

AccessLogPurge purge_access_log(Connection& c, std::int64_t cutoff_at, std::int64_t now) {
  const auto head =
      c.query("UPDATE access_log_head SET last_id = last_id WHERE id = 1 RETURNING last_id").rows.at(0).integer(0);
  const auto first_kept = c.query("SELECT MIN(id) FROM access_log WHERE at >= $1", {cutoff_at}).rows.at(0);
  const std::int64_t last = first_kept.is_null(0) ? head : first_kept.integer(0) - 1;
  const auto last_row = c.query("SELECT id, hash FROM access_log WHERE id <= $1 ORDER BY id DESC LIMIT 1", {last}).rows;
  AccessLogPurge out;
  if (last_row.empty()) return out;
  out.last_deleted_id = last_row[0].integer(0);
  out.rows_deleted = c.query("DELETE FROM access_log WHERE id <= $1", {out.last_deleted_id}).affected;
  c.query(
      "INSERT INTO access_log_checkpoints (purged_at, cutoff_at, last_id, last_hash, rows_deleted) "
      "VALUES ($1, $2, $3, $4, $5)",
      {now, cutoff_at, out.last_deleted_id, last_row[0].text(1), out.rows_deleted});
  return out;
}

}  // namespace voordeur::store

namespace voordeur::store {

std::optional<CaseSubject> case_subject(Connection& c, std::int64_t case_id) {
  const auto rs = c.query("SELECT team_id, person_id FROM cases WHERE id = $1", {case_id});
  if (rs.rows.empty()) return std::nullopt;
  return CaseSubject{rs.rows[0].integer(0), rs.rows[0].integer(1)};
}

}  // namespace voordeur::store
