#include "store/field_crypto.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include "store/db.h"

namespace voordeur::store {
namespace {

constexpr std::string_view kTextPrefix = "vdenc:1:";
constexpr std::string_view kBytesMagic = "VDENC1";
constexpr std::size_t kIdHexLen = 16;
constexpr std::size_t kIdBytes = kIdHexLen / 2;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kBase64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

void init_sodium() {
  if (sodium_init() < 0) throw DbError(DbError::Kind::other, "libsodium could not be initialised");
}

std::atomic<std::shared_ptr<const KeyRing>>& ring_slot() {
  static std::atomic<std::shared_ptr<const KeyRing>> slot;
  return slot;
}

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// nonce || ciphertext of `plain` under key, with `ad` as associated data.
std::string encrypt(const FieldKey& key, std::string_view plain, std::string_view ad) {
  std::string out(kNonce + plain.size() + kTag, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(o, kNonce);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(o + kNonce, &len, bytes(plain), plain.size(), bytes(ad), ad.size(),
                                             nullptr, o, key.data());
  return out;
}

std::string decrypt(const FieldKey& key, std::string_view sealed, std::string_view ad) {
  if (sealed.size() < kNonce + kTag) throw DbError(DbError::Kind::other, "encrypted value is truncated");
  std::string out(sealed.size() - kNonce - kTag, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &len, nullptr,
                                                 bytes(sealed) + kNonce, sealed.size() - kNonce, bytes(ad),
                                                 ad.size(), bytes(sealed), key.data()) != 0) {
    throw DbError(DbError::Kind::other, "encrypted value does not authenticate (altered, or another key)");
  }
  out.resize(len);
  return out;
}

bool is_hex_id(std::string_view s) {
  return s.size() == kIdHexLen &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A sealed text's key id and base64 body, when `text` has the shape "vdenc:1:<16 hex>:<body>" with
// a body long enough for a nonce and a tag. Whether the body is base64 is left to the caller.
struct SealedParts {
  std::string_view id;
  std::string_view body;
};

std::optional<SealedParts> sealed_parts(std::string_view text) {
  if (text.size() < kTextPrefix.size() + kIdHexLen + 1 || !text.starts_with(kTextPrefix)) return std::nullopt;
  const std::string_view id = text.substr(kTextPrefix.size(), kIdHexLen);
  if (!is_hex_id(id) || text[kTextPrefix.size() + kIdHexLen] != ':') return std::nullopt;
  const std::string_view body = text.substr(kTextPrefix.size() + kIdHexLen + 1);
  if (body.size() < 4 * (kNonce + kTag) / 3) return std::nullopt;
  return SealedParts{id, body};
}

DbError unknown_key(const std::string& id) {
  return DbError(DbError::Kind::other, "a value is encrypted with key " + id +
                                           ", which is not loaded; start with the key file that holds it");
}

}  // namespace

FieldKey generate_field_key() {
  init_sodium();
  FieldKey key;
  crypto_aead_xchacha20poly1305_ietf_keygen(key.data());
  return key;
}

std::string field_key_id(const FieldKey& key) {
  init_sodium();
  static constexpr std::string_view kContext = "voordeur field key id";
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, bytes(kContext), kContext.size(), key.data(), key.size());
  char hex[kIdHexLen + 1];
  sodium_bin2hex(hex, sizeof hex, digest, kIdBytes);
  return hex;
}

KeyRing::KeyRing(const FieldKey& current) : current_id_(field_key_id(current)) { keys_.push_back({current_id_, current}); }

void KeyRing::add(const FieldKey& key) {
  const std::string id = field_key_id(key);
  if (!find(id)) keys_.push_back({id, key});
}

bool KeyRing::has(const std::string& key_id) const { return find(key_id) != nullptr; }

const KeyRing::Entry* KeyRing::find(std::string_view key_id) const {
  for (const auto& e : keys_) {
    if (e.id == key_id) return &e;
  }
  return nullptr;
}

std::string KeyRing::seal(std::string_view plain) const {
  const std::string header = std::string(kTextPrefix) + current_id_;
  const std::string sealed = encrypt(keys_.front().key, plain, header);
  std::string b64(sodium_base64_ENCODED_LEN(sealed.size(), kBase64), '\0');
  sodium_bin2base64(b64.data(), b64.size(), bytes(sealed), sealed.size(), kBase64);
  b64.resize(b64.size() - 1);  // the terminating NUL
  return header + ":" + b64;
}

std::optional<std::string> KeyRing::sealed_key_id(std::string_view text) {
  const auto parts = sealed_parts(text);
  if (!parts || !decode_base64url(parts->body)) return std::nullopt;
  return std::string(parts->id);
}

// The body is checked by decoding it (the decoder refuses any character outside the alphabet), not
// by a scan of its own first: this runs for every sealed value a page shows.
std::optional<std::string> KeyRing::open(std::string_view text) const {
  const auto parts = sealed_parts(text);
  if (!parts) return std::nullopt;
  const auto raw = decode_base64url(parts->body);
  if (!raw) return std::nullopt;
  const Entry* entry = find(parts->id);
  if (!entry) throw unknown_key(std::string(parts->id));
  return decrypt(entry->key, *raw, text.substr(0, kTextPrefix.size() + kIdHexLen));
}

bool KeyRing::is_sealed_bytes(std::string_view bytes) { return bytes.starts_with(kBytesMagic); }

std::string KeyRing::seal_bytes(std::string_view plain) const {
  std::string header(kBytesMagic);
  unsigned char id[kIdBytes];
  sodium_hex2bin(id, sizeof id, current_id_.data(), current_id_.size(), nullptr, nullptr, nullptr);
  header.append(reinterpret_cast<const char*>(id), sizeof id);
  return header + encrypt(keys_.front().key, plain, header);
}

std::string KeyRing::open_bytes(std::string_view sealed) const {
  const std::size_t header_len = kBytesMagic.size() + kIdBytes;
  if (sealed.size() < header_len || sealed.substr(0, kBytesMagic.size()) != kBytesMagic) {
    throw DbError(DbError::Kind::other, "the file is not encrypted by Voordeur");
  }
  char hex[kIdHexLen + 1];
  sodium_bin2hex(hex, sizeof hex, bytes(sealed) + kBytesMagic.size(), kIdBytes);
  const Entry* entry = find(hex);
  if (!entry) throw unknown_key(hex);
  return decrypt(entry->key, sealed.substr(header_len), sealed.substr(0, header_len));
}

// A table decoder, not sodium_base642bin: libsodium's is constant-time, for secrets, and decoding a
// case view's sealed values with it cost twice their decryption. The input here is ciphertext,
// which is not secret. It accepts exactly what sodium_base642bin accepts for this variant
// (field_crypto_test compares the two).
std::optional<std::string> decode_base64url(std::string_view text) {
  static constexpr auto kValues = [] {
    std::array<std::int8_t, 256> values{};
    values.fill(-1);
    for (int i = 0; i < 26; ++i) {
      values['A' + i] = static_cast<std::int8_t>(i);
      values['a' + i] = static_cast<std::int8_t>(26 + i);
    }
    for (int i = 0; i < 10; ++i) values['0' + i] = static_cast<std::int8_t>(52 + i);
    values['-'] = 62;
    values['_'] = 63;
    return values;
  }();
  std::string out(text.size() * 3 / 4, '\0');
  std::size_t written = 0;
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    const int value = kValues[static_cast<unsigned char>(c)];
    if (value < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  // A final group of one character, or leftover bits that are not zero, no encoder writes.
  if (bits > 4 || (acc & ((1U << bits) - 1U)) != 0) return std::nullopt;
  out.resize(written);
  return out;
}

void install_key_ring(std::shared_ptr<const KeyRing> ring) { ring_slot().store(std::move(ring)); }

std::shared_ptr<const KeyRing> installed_key_ring() { return ring_slot().load(); }

std::string seal(std::string_view plain) {
  if (plain.empty()) return {};
  const auto ring = installed_key_ring();
  return ring ? ring->seal(plain) : std::string(plain);
}

void open_sealed(std::string& value) {
  if (!value.starts_with(kTextPrefix)) return;
  const auto ring = installed_key_ring();
  if (!ring) {
    if (const auto id = KeyRing::sealed_key_id(value)) throw unknown_key(*id);
    return;
  }
  if (auto plain = ring->open(value)) value = std::move(*plain);
}

}  // namespace voordeur::store
