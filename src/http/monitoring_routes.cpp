// Monitoring (cliënt volgen): check-ins and their outcomes, the team's overdue check-ins; and the
// monthly process reviews of a case.
#include "http/route_util.h"

namespace voordeur::http {

void add_monitoring_routes(Router& router, Api& api) {
  router.add("POST", "/api/v1/cases/{id}/check-ins",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_check_in);
               if (!in) return error_response(in.error());
               return reply(api.cases.schedule_check_in(s.actor, *id, in.value()), 201);
             }));

  router.add("POST", "/api/v1/cases/{id}/check-ins/{checkin_id}/outcome",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               auto check_in_id = path_id(p, "checkin_id");
               if (!id || !check_in_id) return error_response(unknown_id());
               auto in = read_input(req, read_check_in_outcome);
               if (!in) return error_response(in.error());
               return reply(api.cases.record_check_in_outcome(s.actor, *id, *check_in_id, in.value()), 200);
             }));

  router.add("GET", "/api/v1/check-ins",
             with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               if (req.query_param("overdue") != "true") {
                 return error_response(domain::validation_error(
                     {{"overdue", "unknown_value", "Choose overdue=true: the overdue check-ins are listed."}}));
               }
               return reply(api.cases.overdue_check_ins(s.actor), 200,
                            [](JsonWriter& w, const std::vector<store::OverdueCheckIn>& v) { w.value(Items{v}); });
             }));

  router.add("POST", "/api/v1/cases/{id}/reviews",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_review);
               if (!in) return error_response(in.error());
               return reply(api.cases.add_review(s.actor, *id, in.value()), 201);
             }));
}

}  // namespace voordeur::http
