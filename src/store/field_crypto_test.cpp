#include "store/field_crypto.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "store/db.h"

namespace voordeur::store {
namespace {

TEST(FieldCrypto, SealedTextOpensAndHidesThePlainText) {
  const KeyRing ring(generate_field_key());
  const std::string sealed = ring.seal("Bewoner wil geen contact");
  EXPECT_EQ(sealed.rfind("vdenc:1:" + ring.current_id() + ":", 0), 0u);
  EXPECT_EQ(sealed.find("contact"), std::string::npos);
  EXPECT_EQ(ring.open(sealed), "Bewoner wil geen contact");
  EXPECT_NE(ring.seal("same"), ring.seal("same")) << "a fresh nonce per value";
}

TEST(FieldCrypto, KeyIdsAreStableAndDiffer) {
  const FieldKey a = generate_field_key();
  const FieldKey b = generate_field_key();
  EXPECT_EQ(field_key_id(a), field_key_id(a));
  EXPECT_NE(field_key_id(a), field_key_id(b));
  EXPECT_EQ(field_key_id(a).size(), 16u);
}

TEST(FieldCrypto, PlainTextIsNotSealedText) {
  const KeyRing ring(generate_field_key());
  EXPECT_EQ(ring.open("gewone notitie"), std::nullopt);
  EXPECT_EQ(ring.open("vdenc:1: een notitie die zo begint"), std::nullopt);
  EXPECT_EQ(KeyRing::sealed_key_id(""), std::nullopt);
  // The shape of sealed text with an unknown key id, but a body that is not base64: plain text.
  const std::string shaped = "vdenc:1:0123456789abcdef:" + std::string(60, 'A') + " en meer";
  EXPECT_EQ(ring.open(shaped), std::nullopt);
  EXPECT_EQ(KeyRing::sealed_key_id(shaped), std::nullopt);
}

TEST(FieldCrypto, AnotherKeyOrAlteredTextIsRefused) {
  const KeyRing ring(generate_field_key());
  const KeyRing other(generate_field_key());
  const std::string sealed = ring.seal("geheim");
  EXPECT_THROW(other.open(sealed), DbError);
  std::string altered = sealed;
  char& inner = altered[altered.size() - 10];
  inner = inner == 'A' ? 'B' : 'A';
  EXPECT_THROW(ring.open(altered), DbError);
}

TEST(FieldCrypto, RingWithOldKeyOpensBothAndSealsWithNew) {
  const FieldKey old_key = generate_field_key();
  const KeyRing old_ring(old_key);
  const std::string old_sealed = old_ring.seal("oud");
  KeyRing ring(generate_field_key());
  ring.add(old_key);
  EXPECT_EQ(ring.open(old_sealed), "oud");
  EXPECT_EQ(KeyRing::sealed_key_id(ring.seal("nieuw")), ring.current_id());
}

TEST(FieldCrypto, BytesRoundTripAndRefuseForeignInput) {
  const KeyRing ring(generate_field_key());
  const std::string scan("%PDF-1.4\0binary\xff", 16);
  const std::string sealed = ring.seal_bytes(scan);
  EXPECT_EQ(sealed.find("binary"), std::string::npos);
  EXPECT_EQ(ring.open_bytes(sealed), scan);
  EXPECT_THROW(ring.open_bytes(scan), DbError);
  EXPECT_THROW(KeyRing(generate_field_key()).open_bytes(sealed), DbError);
}

TEST(FieldCrypto, InstalledRingIsUsedByRows) {
  auto ring = std::make_shared<KeyRing>(generate_field_key());
  install_key_ring(ring);
  const std::string sealed = seal("notitie");
  EXPECT_EQ(seal(""), "");
  const Row row({sealed, std::string("gewoon"), std::nullopt});
  EXPECT_EQ(row.text(0), "notitie");
  EXPECT_EQ(row.text(1), "gewoon");
  EXPECT_TRUE(row.is_null(2));
  install_key_ring(nullptr);
  EXPECT_EQ(seal("zonder sleutel"), "zonder sleutel");
  EXPECT_THROW(Row({sealed}), DbError) << "sealed text without its key is an error, not ciphertext shown";
}

std::optional<std::string> sodium_decode(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

TEST(FieldCrypto, Base64urlDecodingAcceptsExactlyWhatLibsodiumAccepts) {
  ASSERT_GE(sodium_init(), 0);
  std::mt19937 rng(4648);
  for (std::size_t n = 0; n <= 100; ++n) {
    std::string bytes(n, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng() & 0xFF);
    std::string text(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), n,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(text.size() - 1);
    EXPECT_EQ(decode_base64url(text), std::optional(bytes)) << text;
  }
  // Every text of up to four characters from valid letters with different final bits and from
  // characters outside the alphabet (padding, the standard alphabet's + and /, space).
  const std::string alphabet = "ABQgw-_=+/ ";
  std::vector<std::string> texts{""};
  for (int length = 1; length <= 4; ++length) {
    std::vector<std::string> longer;
    for (const auto& t : texts) {
      if (static_cast<int>(t.size()) != length - 1) continue;
      for (char c : alphabet) longer.push_back(t + c);
    }
    texts.insert(texts.end(), longer.begin(), longer.end());
  }
  for (const auto& text : texts) EXPECT_EQ(decode_base64url(text), sodium_decode(text)) << "'" << text << "'";
}

}  // namespace
}  // namespace voordeur::store
