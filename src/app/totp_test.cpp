#include "app/totp.h"

#include <gtest/gtest.h>

namespace voordeur::app {
namespace {

// RFC 6238 appendix B, SHA-1: the secret is the ASCII "12345678901234567890" (base32 below); the
// RFC lists 8-digit codes, whose last 6 digits are the 6-digit codes.
constexpr const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Totp, Rfc6238TestVectors) {
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
  };
  for (const auto& [time, code] : vectors) EXPECT_EQ(totp_code(kRfcSecret, time), code) << time;
}

TEST(Totp, AcceptsTheCurrentStepAndOneEitherSide) {
  const std::int64_t now = 1111111111;  // step 37037037
  const std::int64_t step = now / 30;
  EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, now), now), step);
  EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, now - 30), now), step - 1);
  EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, now + 30), now), step + 1);
  EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, now - 60), now), std::nullopt);
  EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, now + 60), now), std::nullopt);
}

TEST(Totp, RefusesMalformedCodesAndSecrets) {
  EXPECT_EQ(totp_match(kRfcSecret, "", 59), std::nullopt);
  EXPECT_EQ(totp_match(kRfcSecret, "28708", 59), std::nullopt);
  EXPECT_EQ(totp_match(kRfcSecret, "2870821", 59), std::nullopt);
  EXPECT_EQ(totp_match(kRfcSecret, "28708a", 59), std::nullopt);
  EXPECT_EQ(totp_code("not base32!", 59), std::nullopt);
}

TEST(Totp, NewSecretsAreBase32OfTwentyBytesAndDiffer) {
  const std::string a = new_totp_secret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
  EXPECT_NE(a, new_totp_secret());
  EXPECT_TRUE(totp_code(a, 0));
}

TEST(Totp, OtpauthUriNamesIssuerUserAndParameters) {
  EXPECT_EQ(otpauth_uri("demo admin", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/Voordeur:demo%20admin?secret=JBSWY3DPEHPK3PXP&issuer=Voordeur&algorithm=SHA1&digits=6&"
            "period=30");
}

}  // namespace
}  // namespace voordeur::app
