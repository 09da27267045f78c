// The subject-access export: every section of the table is in the JSON (the access log with who,
// their role and what they did, without the hash chain), and the PDF is a whole document also for
// text outside plain ASCII. All people are fictional.
#include <gtest/gtest.h>

#include "http/subject_export.h"

namespace voordeur::http {
namespace {

app::SubjectExport sample() {
  app::SubjectExport e;
  e.generated_at = 1'795'000'000;
  e.generated_by = domain::UserRef{7, "Priva Cy"};
  e.person.id = 3;
  e.person.name = "Zoë Voorbeëld – “test” € 漢";
  e.person.address = std::string(400, 'a') + " Straße 1";
  e.team = domain::TeamRef{1, "Team Noord"};
  e.household = app::SubjectExport::HouseholdPart{4, "Straße 1", "adult", 2};
  domain::Signal s;
  s.id = 5;
  s.decisions.push_back(domain::Decision{});
  e.signals.push_back(s);
  store::AccessLogEntryView read;
  read.row.id = 11;
  read.row.entry = store::AccessLogInput{1'795'000'100, 8, "team:1", 3, "case", 6, "read", "timeline",
                                         "Crisis at night; the team is unreachable"};
  read.row.prev_hash = "aa";
  read.row.hash = "bb";
  read.user_display_name = "Outreacher Voorbeëld";
  read.user_role = "outreacher";
  e.access_log.push_back(read);
  return e;
}

TEST(SubjectExport, TheJsonHasEverySection) {
  const json j = to_json(sample());
  for (const char* key : {"export", "person", "household", "signals", "cases", "consents", "exchanges", "access_log"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.at("person").at("name"), "Zoë Voorbeëld – “test” € 漢");
  EXPECT_EQ(j.at("person").at("team").at("name"), "Team Noord");
  EXPECT_EQ(j.at("household").at("member_count"), 2);
  EXPECT_EQ(j.at("signals").size(), 1u);
  EXPECT_TRUE(j.at("cases").empty());
  EXPECT_EQ(j.at("export").at("generated_at"), "2026-11-18T11:06:40Z");
  EXPECT_EQ(j.at("access_log"),
            json::parse(R"([{"id": 11, "at": "2026-11-18T11:08:20Z",
                             "user": {"id": 8, "display_name": "Outreacher Voorbeëld", "role": "outreacher"},
                             "action": "read", "record_type": "case", "record_id": 6, "detail": "timeline",
                             "on_behalf_of": "team:1",
                             "break_glass_reason": "Crisis at night; the team is unreachable"}])"));

  app::SubjectExport alone = sample();
  alone.household.reset();
  EXPECT_TRUE(to_json(alone).at("household").is_null());
}

TEST(SubjectExport, ThePdfIsAWholeDocumentForAnyText) {
  const std::string pdf = subject_export_pdf(sample());
  ASSERT_GT(pdf.size(), 500u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF", pdf.size() - 16), std::string::npos);
}

}  // namespace
}  // namespace voordeur::http
