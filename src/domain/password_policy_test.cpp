#include "domain/password_policy.h"

#include <gtest/gtest.h>

namespace voordeur::domain {
namespace {

const CommonPasswords& common() {
  static const CommonPasswords list =
      CommonPasswords::parse("#!comment: a list in the format of john-data's password.lst\n123456\npassword\nQwertyuiop\r\n\n");
  return list;
}

TEST(PasswordPolicy, TheListSkipsCommentsAndIgnoresCase) {
  EXPECT_EQ(common().size(), 3u);
  EXPECT_TRUE(common().contains("qwertyuiop"));
  EXPECT_FALSE(common().contains("#!comment: a list in the format of john-data's password.lst"));
}

TEST(PasswordPolicy, RefusesCommonPasswordsWithDigitsOrSymbolsAround) {
  for (const char* p : {"Password1234", "!!password2024!!", "QWERTYUIOP12", "1234 password"}) {
    const auto e = check_password_strength(p, "j.example", common());
    ASSERT_TRUE(e) << p;
    EXPECT_EQ(e->field, "password");
    EXPECT_EQ(e->code, "weak_password");
  }
}

TEST(PasswordPolicy, RefusesOnlyDigitsOrSymbolsAndOneRepeatedCharacter) {
  EXPECT_TRUE(check_password_strength("123456789012", "j.example", common()));
  EXPECT_TRUE(check_password_strength("!!!!----1234", "j.example", common()));
  EXPECT_TRUE(check_password_strength("aaaaaaaaaaaa", "j.example", common()));
}

TEST(PasswordPolicy, RefusesThePasswordThatContainsTheUsername) {
  EXPECT_TRUE(check_password_strength("my-J.Example-secret", "j.example", common()));
  EXPECT_FALSE(check_password_strength("ab-long-enough-phrase", "ab", common())) << "too short a username to match";
}

TEST(PasswordPolicy, AcceptsAPhraseOfYourOwn) {
  EXPECT_FALSE(check_password_strength("correct horse battery", "j.example", common()));
  EXPECT_FALSE(check_password_strength("voordeur-demo", "demo-admin", common()));
  EXPECT_FALSE(check_password_strength("password manager tip", "j.example", common()))
      << "a common word inside a longer phrase is fine";
}

}  // namespace
}  // namespace voordeur::domain
