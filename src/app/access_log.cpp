#include "app/access_log.h"

#include "app/case_errors.h"
#include "app/log.h"
#include "app/tx.h"
#include "domain/rules.h"

namespace voordeur::app {
namespace {

// The roles feature owns the permission table; reading the access log is the privacy officer's alone.
bool is_privacy_officer(const domain::Actor& a) { return a.role == "privacy_officer"; }

std::string query_detail(const AccessLogQuery& q) {
  std::string out;
  auto add = [&out](const char* key, const std::optional<std::int64_t>& v) {
    if (!v) return;
    if (!out.empty()) out += '&';
    out += key;
    out += '=';
    out += std::to_string(*v);
  };
  add("user", q.user_id);
  add("person", q.person_id);
  add("from", q.from);
  add("to", q.to);
  return out;
}

}  // namespace

std::string ids_detail(const std::vector<domain::Id>& ids) {
  std::string out = "ids=";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out;
}

AccessLog::AccessLog(store::Database& db, const Clock& clock, Options options)
    : db_(db), clock_(clock), options_(options) {
  if (!options_.spool_path.empty()) {
    spool_ = std::make_unique<store::AccessLogSpool>(options_.spool_path, db_, clock_.now());
    spooled_ = static_cast<std::size_t>(spool_->pending());
  }
  queue_.reserve(options_.batch_rows);
  writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() { stop(); }

store::AccessLogInput AccessLog::entry(const domain::Actor& a, const char* action, Access&& what,
                                       std::optional<std::string>&& break_glass_reason) const {
  store::AccessLogInput e;
  e.at = clock_.now();
  e.user_id = a.user_id;
  if (what.team_id) e.on_behalf_of = "team:" + std::to_string(*what.team_id);
  e.person_id = what.person_id;
  e.record_type = what.record_type;
  e.record_id = what.record_id;
  e.action = action;
  e.detail = std::move(what.detail);
  e.break_glass_reason = std::move(break_glass_reason);
  return e;
}

void AccessLog::record(store::Connection& c, const domain::Actor& a, const char* action, Access what,
                       std::optional<std::string> break_glass_reason) {
  store::append_access_log(c, {entry(a, action, std::move(what), std::move(break_glass_reason))});
}

void AccessLog::record_case(store::Connection& c, const domain::Actor& a, const char* action, domain::Id case_id,
                            const char* record_type, std::optional<domain::Id> record_id,
                            std::optional<std::string> detail, std::optional<std::string> break_glass_reason) {
  const auto subject = store::case_subject(c, case_id);
  record(c, a, action,
         Access{record_type, record_id ? record_id : std::optional{case_id},
                subject ? std::optional{subject->person_id} : std::nullopt,
                subject ? std::optional{subject->team_id} : std::nullopt, std::move(detail)},
         std::move(break_glass_reason));
}

void AccessLog::enqueue(const domain::Actor& a, const char* action, Access what,
                        std::optional<std::string> break_glass_reason) {
  auto e = entry(a, action, std::move(what), std::move(break_glass_reason));
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(e));
  if (queue_.size() == options_.batch_rows) wake_.notify_one();
}

bool AccessLog::write_queued() {
  {
    std::lock_guard lock(mutex_);
    if (batch_.empty()) {
      batch_.swap(queue_);
    } else {
      // A failed batch is retried first, in order, with what came since.
      std::move(queue_.begin(), queue_.end(), std::back_inserter(batch_));
      queue_.clear();
    }
  }
  if (batch_.empty()) return true;
  try {
    if (spool_) {
      spool_->append(batch_);
      spooled_ += batch_.size();
    } else {
      store::WriteTransaction tx(db_);
      store::append_access_log(tx.conn(), batch_);
      tx.commit();
    }
    batch_.clear();
    return true;
  } catch (const store::DbError& e) {
    log::error("access log batch not written; retrying",
               {{"rows", static_cast<std::int64_t>(batch_.size())}, {"error", e.what()}});
    return false;
  }
}

bool AccessLog::move_spooled(bool force) {
  if (!spool_) return true;
  const auto now = std::chrono::steady_clock::now();
  if (!force && spooled_ < options_.move_rows && now - last_move_ < options_.move_interval) return true;
  try {
    while (spool_->move(options_.move_rows) == options_.move_rows) {
    }
    spooled_ = 0;
    last_move_ = now;
    return true;
  } catch (const store::DbError& e) {
    log::error("spooled access log rows not moved into the log; retrying",
               {{"rows", static_cast<std::int64_t>(spooled_)}, {"error", e.what()}});
    return false;
  }
}

void AccessLog::flush() {
  std::lock_guard lock(write_mutex_);
  if (write_queued()) move_spooled(true);
}

void AccessLog::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.flush_interval,
                   [this] { return stopping_ || queue_.size() >= options_.batch_rows; });
    lock.unlock();
    {
      std::lock_guard write(write_mutex_);
      if (write_queued()) move_spooled(false);
    }
    lock.lock();
  }
}

void AccessLog::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
  std::lock_guard write(write_mutex_);
  if (!write_queued()) {
    log::error("access log rows lost at shutdown", {{"rows", static_cast<std::int64_t>(batch_.size())}});
  } else if (!move_spooled(true)) {
    log::error("access log rows left in the spool; they are moved at the next start",
               {{"rows", static_cast<std::int64_t>(spooled_)}});
  }
}

domain::Result<store::AccessLogPurge> AccessLog::purge(std::int64_t cutoff_at) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<store::AccessLogPurge> {
    return store::purge_access_log(c, cutoff_at, now);
  });
}

domain::Result<store::AccessLogVerification> AccessLog::verify(
    const std::optional<std::pair<std::int64_t, std::string>>& expect_head) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<store::AccessLogVerification> {
    return store::verify_access_log(c, expect_head);
  });
}

domain::Result<store::AccessLogPage> AccessLogService::query(const domain::Actor& a, const AccessLogQuery& q) {
  if (!is_privacy_officer(a)) {
    return domain::make_error("forbidden", "Only the privacy officer can search the access log.");
  }
  if (q.from && q.to && *q.to <= *q.from) {
    return domain::validation_error({{"to", "out_of_range", "Choose an end after the start of the period."}});
  }
  log_.flush();
  store::AccessLogFilter f{q.user_id, q.person_id, q.from, q.to, q.limit, q.offset};
  auto page = in_read(db_, [&](store::Connection& c) -> domain::Result<store::AccessLogPage> {
    return store::query_access_log(c, f);
  });
  if (page) log_.enqueue(a, access::search, Access{"access_log", std::nullopt, q.person_id, std::nullopt, query_detail(q)});
  return page;
}

domain::Result<store::AccessLogPage> AccessLogService::for_case(const domain::Actor& a, domain::Id case_id, int limit,
                                                                int offset) {
  const auto visible_subject = [&](store::Connection& c) -> domain::Result<store::CaseSubject> {
    const auto subject = store::case_subject(c, case_id);
    if (!subject || !(domain::can_see_team(a, subject->team_id) || is_privacy_officer(a))) return case_not_found();
    return *subject;
  };
  // Checked before the queue is written, so a refused request does not make the server write.
  if (auto checked = in_read(db_, visible_subject); !checked) return checked.error();
  log_.flush();
  std::optional<store::CaseSubject> subject;
  auto page = in_read(db_, [&](store::Connection& c) -> domain::Result<store::AccessLogPage> {
    auto checked = visible_subject(c);
    if (!checked) return checked.error();
    subject = checked.value();
    store::AccessLogFilter f;
    f.person_id = subject->person_id;
    f.limit = limit;
    f.offset = offset;
    return store::query_access_log(c, f);
  });
  // The privacy officer's look is logged; the team's own look at who saw their case is not (it
  // shows no client data, and would fill the list it looks at).
  if (page && is_privacy_officer(a)) {
    log_.enqueue(a, access::search,
                 Access{"access_log", case_id, subject->person_id, subject->team_id, "case=" + std::to_string(case_id)});
  }
  return page;
}

}  // namespace voordeur::app
