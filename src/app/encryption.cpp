#include "app/encryption.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "app/log.h"
#include "store/encryption_repository.h"

namespace voordeur::app {
namespace {

namespace fs = std::filesystem;

std::runtime_error failure(const std::string& what) { return std::runtime_error(what); }

std::string errno_text() { return std::strerror(errno); }

void fsync_directory_of(const std::string& path) {
  const fs::path dir = fs::absolute(path).parent_path();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

void remove_file(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    throw failure("cannot remove " + path + ": " + errno_text());
  }
}

template <typename Fn>
void in_write(store::Database& db, Fn&& fn) {
  store::WriteTransaction tx(db);
  fn(tx.conn());
  tx.commit();
}

}  // namespace

store::FieldKey read_key_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw failure("cannot read key file " + path + ": " + errno_text());
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw failure("key file " + path + " is readable by group or others (mode " + mode +
                  "); make it private with: chmod 600 " + path);
  }
  std::ifstream in(path);
  std::string hex;
  if (!in || !std::getline(in, hex)) throw failure("cannot read key file " + path);
  store::FieldKey key{};
  std::size_t len = 0;
  if (hex.size() != key.size() * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != key.size()) {
    throw failure("key file " + path + " does not hold a key (64 hex digits expected)");
  }
  return key;
}

void write_key_file(const std::string& path, const store::FieldKey& key) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw failure("cannot create key file " + path + ": " + errno_text());
  char hex[sizeof(store::FieldKey) * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
  std::string text = std::string(hex) + "\n";
  const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  sodium_memzero(hex, sizeof hex);
  sodium_memzero(text.data(), text.size());
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    throw failure("cannot write key file " + path + ": " + errno_text());
  }
  fsync_directory_of(path);
}

EncryptionStart start_encryption(store::Database& db, const std::string& key_file, std::int64_t now) {
  EncryptionStart result;
  const std::string new_file = key_file + ".new";
  const std::string old_file = key_file + ".old";
  auto recorded = store::recorded_key_id(db.connection());

  // An interrupted rotation: <key>.new is in use once the database records its id.
  if (exists(new_file)) {
    const store::FieldKey next = read_key_file(new_file);
    if (recorded && *recorded == store::field_key_id(next)) {
      if (::rename(new_file.c_str(), key_file.c_str()) != 0) {
        throw failure("cannot rename " + new_file + " to " + key_file + ": " + errno_text());
      }
      fsync_directory_of(key_file);
      log::warn("key rotation completed at start", {{"key_id", *recorded}});
    } else {
      remove_file(new_file);
      log::warn("unfinished key rotation undone at start");
    }
  }

  if (!exists(key_file)) {
    if (recorded) {
      throw failure("the database is encrypted with key " + *recorded + ", but key file " + key_file +
                    " does not exist; restore that key file from your backup (or pass --key-file)");
    }
    write_key_file(key_file, store::generate_field_key());
    result.key_created = true;
    log::info("key file created", {{"path", key_file}});
  }
  const store::FieldKey key = read_key_file(key_file);
  auto ring = std::make_shared<store::KeyRing>(key);
  result.key_id = ring->current_id();
  if (recorded && *recorded != result.key_id) {
    throw failure("key file " + key_file + " holds key " + result.key_id + ", but the database is encrypted with key " +
                  *recorded + "; start with the key file that holds that key");
  }
  if (exists(old_file)) remove_file(old_file);

  if (!recorded) {
    // Rows written before encryption existed are sealed once, with the record of the key.
    in_write(db, [&](store::Connection& c) {
      result.sealed = store::reseal_all(c, *ring);
      store::record_key_id(c, ring->current_id(), now);
    });
    log::info("sensitive columns sealed", {{"values", result.sealed}, {"key_id", result.key_id}});
  }
  store::install_key_ring(ring);
  return result;
}

Rotation rotate_key(store::Database& db, const std::string& key_file, std::int64_t now,
                    const std::function<std::int64_t(const store::KeyRing&)>& reseal_files) {
  const EncryptionStart started = start_encryption(db, key_file, now);
  const store::FieldKey old_key = read_key_file(key_file);
  const store::FieldKey new_key = store::generate_field_key();
  const std::string new_file = key_file + ".new";
  const std::string old_file = key_file + ".old";

  write_key_file(old_file, old_key);
  write_key_file(new_file, new_key);

  auto ring = std::make_shared<store::KeyRing>(new_key);
  ring->add(old_key);
  Rotation rotation{started.key_id, ring->current_id(), 0};
  in_write(db, [&](store::Connection& c) {
    rotation.resealed = store::reseal_all(c, *ring);
    store::record_key_id(c, ring->current_id(), now);
  });
  if (reseal_files) rotation.files = reseal_files(*ring);

  if (::rename(new_file.c_str(), key_file.c_str()) != 0) {
    throw failure("the database now uses the key in " + new_file + ", but renaming it to " + key_file +
                  " failed (" + errno_text() + "); the next start finishes the rename");
  }
  fsync_directory_of(key_file);
  remove_file(old_file);
  store::install_key_ring(std::make_shared<store::KeyRing>(new_key));
  return rotation;
}

namespace {

std::shared_ptr<const store::KeyRing> ring_for_files() {
  auto ring = store::installed_key_ring();
  if (!ring) throw failure("no encryption key is loaded; call start_encryption first");
  return ring;
}

}  // namespace

std::string seal_file_bytes(std::string_view plain) { return ring_for_files()->seal_bytes(plain); }

std::string open_file_bytes(std::string_view sealed) {
  try {
    return ring_for_files()->open_bytes(sealed);
  } catch (const store::DbError& e) {
    throw failure(e.what());
  }
}

}  // namespace voordeur::app
