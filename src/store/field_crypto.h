// Encryption at rest of sensitive text columns (docs/decisions.md "Encryption at rest").
//
// - Values are sealed with XChaCha20-Poly1305 (libsodium crypto_aead_xchacha20poly1305_ietf) under a
//   256-bit key and a random 192-bit nonce. A sealed value is text:
//   "vdenc:1:<key id>:<base64url(nonce || ciphertext)>", where the key id is 16 hex digits derived
//   from the key. The header "vdenc:1:<key id>" is the associated data, so it cannot be altered.
// - The repository seals on write (seal()); every Row opens sealed values when it is built (see
//   db.cpp), so all reads, present and future, see plain text. A value that is not well-formed
//   sealed text is returned as it is: rows written before encryption existed keep working until
//   app/encryption.h seals them at the first start.
// - The key ring is process-wide: the current key seals, every loaded key opens. Without a key ring
//   (unit tests that do not install one) seal() returns its input unchanged.
// Thread safety: install_key_ring() is meant for start-up; seal and open may run concurrently.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voordeur::store {

using FieldKey = std::array<unsigned char, 32>;

// Raises DbError(other) when sodium_init fails.
FieldKey generate_field_key();
// 16 lowercase hex digits naming the key; not secret.
std::string field_key_id(const FieldKey& key);

class KeyRing {
 public:
  explicit KeyRing(const FieldKey& current);
  // Adds a key that opens values (an older or a newer key during a rotation).
  void add(const FieldKey& key);
  const std::string& current_id() const { return current_id_; }
  bool has(const std::string& key_id) const;

  std::string seal(std::string_view plain) const;
  // nullopt when `text` is not sealed text; DbError(other) when it is sealed with an unknown key or
  // does not authenticate.
  std::optional<std::string> open(std::string_view text) const;
  // The key id of sealed text, nullopt for anything else.
  static std::optional<std::string> sealed_key_id(std::string_view text);

  // Binary form for files (for example scanned forms in the data directory):
  // "VDENC1" || key id (8 bytes) || nonce || ciphertext. open_bytes throws DbError(other) when the
  // buffer is not of this form, names an unknown key or does not authenticate.
  std::string seal_bytes(std::string_view plain) const;
  std::string open_bytes(std::string_view sealed) const;
  // Whether the bytes start as seal_bytes() output does.
  static bool is_sealed_bytes(std::string_view bytes);

 private:
  struct Entry {
    std::string id;
    FieldKey key;
  };
  const Entry* find(std::string_view key_id) const;
  std::vector<Entry> keys_;
  std::string current_id_;
};

// base64url without padding (RFC 4648 section 5), as sealed text stores its body; nullopt for any
// other character, or a length or final bits no encoder writes.
std::optional<std::string> decode_base64url(std::string_view text);

// The process-wide key ring (nullptr: none; seal() then stores plain text).
void install_key_ring(std::shared_ptr<const KeyRing> ring);
std::shared_ptr<const KeyRing> installed_key_ring();

// Seals with the installed key ring (unchanged without one). Used by repository writes. The empty
// text stays empty, so columns keep their '' default and only reveal whether a note was written.
std::string seal(std::string_view plain);
// Opens sealed text in place with the installed key ring; anything else is left as it is.
void open_sealed(std::string& value);

}  // namespace voordeur::store
