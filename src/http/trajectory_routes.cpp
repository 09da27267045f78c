// The trajectory of a case: moves between phases, handovers, the timeline.
#include "http/route_util.h"

namespace voordeur::http {
namespace {

// The kinds of ?kind=a&kind=b,c (repeatable, comma lists); empty items are dropped.
std::vector<std::string> timeline_kinds(const Request& req) {
  std::vector<std::string> kinds;
  for (const auto& value : req.query_params("kind")) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto comma = std::min(value.find(',', start), value.size());
      if (comma > start) kinds.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return kinds;
}

}  // namespace

void add_trajectory_routes(Router& router, Api& api) {
  router.add("POST", "/api/v1/cases/{id}/transitions",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_transition);
               if (!in) return error_response(in.error());
               return reply(api.cases.transition(s.actor, *id, in.value()), 200);
             }));

  router.add("POST", "/api/v1/cases/{id}/handover",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_handover);
               if (!in) return error_response(in.error());
               return reply(api.cases.handover(s.actor, *id, in.value()), 200);
             }));

  router.add("GET", "/api/v1/cases/{id}/timeline",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.cases.timeline(s.actor, *id, timeline_kinds(req)), 200,
                            [](JsonWriter& w, const std::vector<domain::TimelineItem>& items) { w.value(Items{items}); });
             }));
}

}  // namespace voordeur::http
