#include "http/route_util.h"

#include "domain/rules.h"
#include "domain/scoped_views.h"

namespace voordeur::http {

void add_signal_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/signals", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               auto paging = read_paging(req);
               if (!paging) return error_response(paging.error());
               std::string status = req.has_query_param("status") ? req.query_param("status") : "all";
               std::string feedback = req.has_query_param("feedback") ? req.query_param("feedback") : "all";
               return reply(api.signals.list(s.actor, status, paging->limit, paging->offset, feedback), 200, [](JsonWriter& w, const store::SignalPage& page) {
                 w.value(Items{page.items, page.total});
               });
             }));

  router.add("POST", "/api/v1/signals", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               auto in = read_input(req, [](FieldReader& r) { return std::pair{r.opt_id("team_id"), read_signal(r)}; });
               if (!in) return error_response(in.error());
               const bool partner = domain::can_follow_own_signals(s.actor);
               return reply(api.signals.create(s.actor, in->first, in->second), 201,
                            [partner](JsonWriter& w, const domain::Signal& sig) {
                              if (!partner) return w.value(sig);
                              w.value(domain::PartnerSignal{sig.id, sig.team_id, sig.intake_date,
                                                            domain::initials(sig.person.name),
                                                            domain::partner_status(sig.status), sig.feedback.given_on});
                            });
             }));

  router.add("GET", "/api/v1/signals/{id}", with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.signals.get(s.actor, *id), 200);
             }),
             local_read(api));

  router.add("POST", "/api/v1/signals/{id}/decision",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return std::pair{read_decision(r), read_triage(r)}; });
               if (!in) return error_response(in.error());
               return reply(api.signals.decide(s.actor, *id, in->first, in->second), 201, [](JsonWriter& w, const app::DecisionOutcome& o) {
                 w.begin_object();
                 w.field("signal", o.signal);
                 w.field("case_id", o.case_id);
                 w.end_object();
               });
             }));

  router.add("POST", "/api/v1/signals/{id}/feedback",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_feedback);
               if (!in) return error_response(in.error());
               return reply(api.signals.record_feedback(s.actor, *id, in.value()), 200);
             }));
}

}  // namespace voordeur::http
