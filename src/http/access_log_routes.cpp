// The access log: the privacy officer's search (GET /api/v1/access-log) and a case's
// "who has seen this file" (GET /api/v1/cases/{id}/access-log).
#include <charconv>

#include "domain/dates.h"
#include "http/route_util.h"

namespace voordeur::http {

// Outside the unnamed namespace, so that JsonWriter::value finds it (argument-dependent lookup).
void write(JsonWriter& w, const store::AccessLogEntryView& v) {
  const auto& e = v.row.entry;
  w.begin_object();
  w.field("id", v.row.id);
  w.field("at", domain::format_timestamp(e.at));
  w.key("user");
  w.begin_object();
  w.field("id", e.user_id);
  w.field("display_name", v.user_display_name);
  w.end_object();
  w.field("on_behalf_of", e.on_behalf_of);
  w.field("person_id", e.person_id);
  w.field("record_type", e.record_type);
  w.field("record_id", e.record_id);
  w.field("action", e.action);
  w.field("detail", e.detail);
  w.field("break_glass_reason", e.break_glass_reason);
  w.end_object();
}

namespace {

// "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ" as Unix seconds.
std::optional<std::int64_t> parse_instant(const std::string& text) {
  const auto day = domain::day_number(text.substr(0, 10));
  if (!day || !domain::is_valid_date(text.substr(0, 10))) return std::nullopt;
  std::int64_t seconds = *day * 86400;
  if (text.size() == 10) return seconds;
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int limits[3] = {23, 59, 59};
  for (int i = 0; i < 3; ++i) {
    const char* first = text.data() + 11 + 3 * i;
    auto [ptr, ec] = std::from_chars(first, first + 2, parts[i]);
    if (ec != std::errc() || ptr != first + 2 || parts[i] < 0 || parts[i] > limits[i]) return std::nullopt;
  }
  return seconds + parts[0] * 3600 + parts[1] * 60 + parts[2];
}

}  // namespace

void add_access_log_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/access-log",
             with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               app::AccessLogQuery q;
               std::vector<domain::FieldError> errors;
               for (const char* name : {"user", "person"}) {
                 if (!req.has_query_param(name)) continue;
                 const auto id = path_id(PathParams{{name, req.query_param(name)}}, name);
                 if (!id) {
                   errors.push_back({name, "invalid_type", "Use the id number of the " + std::string(name) + "."});
                 } else {
                   (std::string(name) == "user" ? q.user_id : q.person_id) = *id;
                 }
               }
               for (const char* name : {"from", "to"}) {
                 if (!req.has_query_param(name)) continue;
                 const auto at = parse_instant(req.query_param(name));
                 if (!at) {
                   errors.push_back({name, "invalid_date", "Use a date (2026-11-22) or a UTC time (2026-11-22T08:00:00Z)."});
                 } else {
                   (std::string(name) == "from" ? q.from : q.to) = *at;
                 }
               }
               auto paging = read_paging(req);
               if (!paging) {
                 for (auto& f : paging.error().fields) errors.push_back(std::move(f));
               }
               if (!errors.empty()) return error_response(domain::validation_error(std::move(errors)));
               q.limit = paging->limit;
               q.offset = paging->offset;
               return reply(api.access_log.query(s.actor, q), 200,
                            [](JsonWriter& w, const store::AccessLogPage& page) { w.value(Items{page.items, page.total}); });
             }));

  router.add("GET", "/api/v1/cases/{id}/access-log",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto paging = read_paging(req);
               if (!paging) return error_response(paging.error());
               return reply(api.access_log.for_case(s.actor, *id, paging->limit, paging->offset), 200,
                            [](JsonWriter& w, const store::AccessLogPage& page) { w.value(Items{page.items, page.total}); });
             }));
}

}  // namespace voordeur::http
