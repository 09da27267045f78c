// The key file of the encryption at rest and its rotation (store/field_crypto.h seals the values).
//
// - The key lives outside the database, in the key file (--key-file, default <data-dir>/voordeur.key):
//   64 hex digits and a newline, mode 0600. A missing key file is created on the first start, but
//   only while the database records no key; a key file readable by group or others is refused.
// - start_encryption() runs before serving: it finishes or undoes an interrupted rotation, checks
//   that the key file holds the key the database records, seals rows written before encryption
//   existed (once, recorded in encryption_state), and installs the key ring for the process.
// - rotate_key() (`voordeur rotate-key`, with the server stopped) re-encrypts every sealed column
//   with a new key in one transaction. Crash-safe order:
//     1. copy the key file to <key>.old and write the new key to <key>.new (both 0600, fsync'd);
//     2. one transaction re-seals every value and records the new key id;
//     3. rename <key>.new over <key> (atomic), fsync the directory, remove <key>.old.
//   A crash before 2 commits leaves the old key in use; the next start removes <key>.new. A crash
//   after 2 leaves <key>.new holding the recorded key; the next start renames it into place.
// All functions throw std::runtime_error with a message a sysadmin can act on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/db.h"
#include "store/field_crypto.h"

namespace voordeur::app {

// Reads a key file; throws when missing, malformed or readable by group or others.
store::FieldKey read_key_file(const std::string& path);
// Creates a key file with mode 0600 holding `key`; fails when the file exists.
void write_key_file(const std::string& path, const store::FieldKey& key);

struct EncryptionStart {
  std::string key_id;
  bool key_created = false;
  std::int64_t sealed = 0;  // values sealed at this start (rows from before encryption)
};
EncryptionStart start_encryption(store::Database& db, const std::string& key_file, std::int64_t now);

struct Rotation {
  std::string old_key_id;
  std::string new_key_id;
  std::int64_t resealed = 0;
  std::int64_t files = 0;  // files re-encrypted by reseal_files
};
// reseal_files re-encrypts the files the caller stores (ScanFiles::reseal) with the ring's current
// key; it runs after the database's values and before the new key file replaces the old one, so an
// interrupted rotation leaves every file readable with one of the two keys.
Rotation rotate_key(store::Database& db, const std::string& key_file, std::int64_t now,
                    const std::function<std::int64_t(const store::KeyRing&)>& reseal_files = {});

// The bytes of a file in the data directory (for example a scanned consent form), encrypted with
// the key ring start_encryption() installed ("VDENC1" header, see store::KeyRing::seal_bytes).
// open_file_bytes throws std::runtime_error when the bytes are not such a file or need another key.
std::string seal_file_bytes(std::string_view plain);
std::string open_file_bytes(std::string_view sealed);

}  // namespace voordeur::app
