// Consent and information exchange: the basis of an exchange (testdata/exchange_basis.tsv), the
// consent state of Bijlage 5 (testdata/consent_state.tsv) and the validation of the forms.
#include "domain/consent.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "domain/testdata.h"

namespace voordeur::domain {
namespace {

using testing::normalised;
using testing::read_table;
using testing::summary;

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, sep);)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::optional<std::string> opt_cell(const testing::Row& row, std::size_t i) {
  if (row.absent(i)) return std::nullopt;
  return row[i];
}

TEST(Consent, ExchangeBasisFollowsTheTable) {
  for (const auto& row : read_table("exchange_basis.tsv", 15)) {
    SCOPED_TRACE(row.where);
    std::vector<Consent> consents;
    if (!row.absent(0)) {
      Consent c;
      c.id = 7;
      c.recipient_category = row[0];
      c.organisation = row.value(1);
      c.scope = row[2];
      c.topics = split(row.value(3), ',');
      c.channels = split(row[4], ',');
      c.given_on = row[5];
      c.ends_on = opt_cell(row, 6);
      c.withdrawn_on = opt_cell(row, 7);
      consents.push_back(c);
    }
    ExchangeInput x;
    x.organisation_category = row[8];
    x.organisation = row[9];
    x.topics = split(row[10], ',');
    x.channel = row[11];
    x.occurred_on = row[12];
    x.basis = row[13];
    const auto decided = decide_exchange_basis(x, consents);
    std::string result;
    if (!decided) {
      EXPECT_EQ(decided.error().code, "consent_required");
      EXPECT_NE(decided.error().message.find("ground without consent"), std::string::npos);
      result = summary(decided.error().fields);
    } else if (decided.value()) {
      EXPECT_EQ(*decided.value(), 7);
      result = "consent";
    } else {
      result = "ground";
    }
    EXPECT_EQ(result, normalised(row[14]));
  }
}

TEST(Consent, TheCoveringConsentIsChosenAmongSeveral) {
  Consent bank;
  bank.id = 1;
  bank.recipient_category = "bank";
  bank.scope = "full";
  bank.channels = {"phone"};
  bank.given_on = "2026-01-01";
  Consent housing = bank;
  housing.id = 2;
  housing.recipient_category = "housing_corporation";
  Consent withdrawn = housing;
  withdrawn.id = 3;
  withdrawn.withdrawn_on = "2026-02-01";
  ExchangeInput x;
  x.organisation_category = "housing_corporation";
  x.organisation = "Woonstede";
  x.topics = {"housing"};
  x.channel = "phone";
  x.occurred_on = "2026-03-01";
  const auto decided = decide_exchange_basis(x, {bank, housing, withdrawn});
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided.value(), std::optional<Id>{2});
  // Without the valid one, the message names the closest consent and what it lacks.
  const auto refused = decide_exchange_basis(x, {bank, withdrawn});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("consent 3"), std::string::npos);
  EXPECT_NE(refused.error().message.find("withdrawn on 2026-02-01"), std::string::npos);
}

TEST(Consent, StateFollowsTheTable) {
  for (const auto& row : read_table("consent_state.tsv", 3)) {
    SCOPED_TRACE(row.where);
    std::vector<Consent> consents;
    for (const auto& item : split(row.value(0), ' ')) {
      const auto parts = split(item, ':');
      ASSERT_EQ(parts.size(), 4u);
      Consent c;
      c.scope = parts[0];
      c.given_on = parts[1];
      if (parts[2] != "x") c.ends_on = parts[2];
      if (parts[3] != "x") c.withdrawn_on = parts[3];
      consents.push_back(c);
    }
    std::optional<ConsentStance> stance;
    if (!row.absent(1)) {
      stance = ConsentStance{};
      stance->stance = row[1];
    }
    EXPECT_EQ(consent_state(consents, stance, "2026-11-22"), row[2]);
  }
}

ConsentInput full_consent() {
  ConsentInput c;
  c.recipient_category = "general_practitioner";
  c.scope = "full";
  c.channels = {"oral", "phone"};
  c.given_on = "2026-11-01";
  return c;
}

TEST(Consent, ValidationOfTheConsentForm) {
  const std::string today = "2026-11-22";
  EXPECT_EQ(summary(validate_consent(full_consent(), today)), "-");
  auto c = full_consent();
  c.topics = {"housing"};
  EXPECT_EQ(summary(validate_consent(c, today)), "topics:not_allowed");
  c.scope = "partial";
  EXPECT_EQ(summary(validate_consent(c, today)), "-");
  c.topics = {};
  EXPECT_EQ(summary(validate_consent(c, today)), "topics:required");
  c.topics = {"housing", "housing", "weather"};
  EXPECT_EQ(summary(validate_consent(c, today)), "topics[1]:duplicate topics[2]:unknown_value");
  c = full_consent();
  c.recipient_category = "other";
  c.channels = {"fax"};
  c.given_on = "2026-11-23";
  c.ends_on = "2026-02-30";
  EXPECT_EQ(summary(validate_consent(c, today)),
            "channels[0]:unknown_value ends_on:invalid_date given_on:in_future organisation:required");
  c = full_consent();
  c.ends_on = "2026-10-31";
  c.channels = {};
  c.recipient_category = "";
  EXPECT_EQ(summary(validate_consent(c, today)), "channels:required ends_on:out_of_range recipient_category:required");
}

TEST(Consent, ValidationOfWithdrawalAndStance) {
  EXPECT_EQ(summary(validate_withdrawal("2026-11-20", "2026-11-01", "2026-11-22")), "-");
  EXPECT_EQ(summary(validate_withdrawal("2026-10-20", "2026-11-01", "2026-11-22")), "withdrawn_on:out_of_range");
  EXPECT_EQ(summary(validate_withdrawal("2026-11-23", "2026-11-01", "2026-11-22")), "withdrawn_on:in_future");
  EXPECT_EQ(summary(validate_withdrawal("", "2026-11-01", "2026-11-22")), "withdrawn_on:required");
  EXPECT_EQ(summary(validate_consent_stance({"explicitly_refuses", "2026-11-22", ""}, "2026-11-22")), "-");
  EXPECT_EQ(summary(validate_consent_stance({"general", "2026-11-22", ""}, "2026-11-22")), "stance:unknown_value");
}

ExchangeInput exchange(std::string basis) {
  ExchangeInput x;
  x.occurred_on = "2026-11-20";
  x.direction = "given";
  x.channel = "phone";
  x.organisation_category = "general_practitioner";
  x.organisation = "Praktijk Oost";
  x.topics = {"health"};
  x.basis = std::move(basis);
  return x;
}

TEST(Consent, ValidationOfTheExchangeForm) {
  const std::string today = "2026-11-22";
  EXPECT_EQ(summary(validate_exchange(exchange("consent"), today)), "-");
  for (const char* ground : {"vital_interest", "legal_duty", "meldcode"}) {
    SCOPED_TRACE(ground);
    auto x = exchange(ground);
    EXPECT_EQ(summary(validate_exchange(x, today)), "justification:required");
    x.justification = "Acute danger";
    EXPECT_EQ(summary(validate_exchange(x, today)), "-");
  }
  auto art2 = exchange("professional_code_art2");
  art2.justification = "Cannot determine their will";
  EXPECT_EQ(summary(validate_exchange(art2, today)), "peer_consulted:required");
  art2.peer_consulted = "Colleague T.";
  EXPECT_EQ(summary(validate_exchange(art2, today)), "-");
  ExchangeInput empty;
  empty.basis = "";
  EXPECT_EQ(summary(validate_exchange(empty, today)),
            "basis:required channel:required direction:required occurred_on:required "
            "organisation:required organisation_category:required topics:required");
  auto wrong = exchange("gossip");
  wrong.direction = "sideways";
  wrong.occurred_on = "2026-11-23";
  EXPECT_EQ(summary(validate_exchange(wrong, today)), "basis:unknown_value direction:unknown_value occurred_on:in_future");
}

TEST(Consent, ScanTypeFollowsTheFirstBytes) {
  EXPECT_EQ(scan_media_type("%PDF-1.7\n..."), std::optional<std::string>{"application/pdf"});
  EXPECT_EQ(scan_media_type(std::string("\xFF\xD8\xFF\xE0rest", 8)), std::optional<std::string>{"image/jpeg"});
  EXPECT_EQ(scan_media_type(std::string("\x89PNG\r\n\x1A\n\0\0", 10)), std::optional<std::string>{"image/png"});
  EXPECT_FALSE(scan_media_type(""));
  EXPECT_FALSE(scan_media_type("%PD"));
  EXPECT_FALSE(scan_media_type("GIF89a"));
  EXPECT_FALSE(scan_media_type("<html>%PDF-"));
}

}  // namespace
}  // namespace voordeur::domain
