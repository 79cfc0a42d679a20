#include "support/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <set>

#include "support/ascii.hpp"

namespace liftlint {

std::optional<std::string> read_bounded(int fd, std::size_t limit) {
  std::string text;
  char buffer[65536];
  while (text.size() <= limit) {
    const auto wanted = std::min(sizeof buffer, limit + 1 - text.size());
    const auto got = ::read(fd, buffer, wanted);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

std::optional<std::string> read_bounded(const std::string& path, std::size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  auto text = read_bounded(fd, limit);
  ::close(fd);
  return text;
}

}  // namespace liftlint

namespace liftlint {
namespace {

namespace fs = std::filesystem;

// The system's message for an error, in lower case, to read as part of a sentence.
std::string error_text(int error) {
  std::string message = std::strerror(error);
  if (!message.empty()) message[0] = static_cast<char>(ascii::lower(static_cast<unsigned char>(message[0])));
  return message;
}

struct Walk {
  const std::vector<std::string>& extensions;
  std::vector<WalkProblem>& problems;
  std::set<std::pair<dev_t, ino_t>> listed;
  std::vector<std::string> found;
  fs::path real_root;
  std::size_t reported = 0;

  // Past a hundred, a walk is through something that is not a tree of plans (/proc, a mount gone bad):
  // it stops, and says so once.
  static constexpr std::size_t max_problems = 100;
  [[nodiscard]] bool given_up() const { return reported > max_problems; }

  void problem(const fs::path& path, const std::string& message) {
    if (given_up()) return;
    if (++reported > max_problems) {
      problems.push_back(
          WalkProblem{path.lexically_normal().string(),
                      fmt::format("more than {} entries cannot be read; the walk stops here", max_problems)});
      return;
    }
    problems.push_back(WalkProblem{path.lexically_normal().string(), message});
  }
  void problem(const fs::path& path, const std::error_code& ec) { problem(path, error_text(ec.value())); }

  // A link is followed while it stays in the tree given: a link in a checked-out repository must not
  // make a report quote /proc/self/environ or a key, nor make a walk cover the whole file system.
  bool leaves_the_tree(const fs::directory_entry& e) {
    std::error_code ec;
    if (!e.is_symlink(ec)) return false;
    const auto target = fs::canonical(e.path(), ec);
    if (ec) return false;  // a dangling link: its status says so
    const auto relative = target.lexically_relative(real_root).string();
    if (!relative.empty() && relative.rfind("..", 0) != 0) return false;
    problem(e.path(), fmt::format("a link to '{}', outside '{}'; not read (give it as an argument to check it)",
                                  target.string(), real_root.string()));
    return true;
  }

  // A directory reached again, by a link cycle or a second link, is not listed twice.
  bool first_visit(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return true;
    return listed.emplace(st.st_dev, st.st_ino).second;
  }

  bool wanted(const fs::path& path) const {
    return std::find(extensions.begin(), extensions.end(), path.extension().string()) != extensions.end();
  }

  void list(const fs::path& root) {
    std::vector<fs::path> pending{root};
    std::error_code ec;
    real_root = fs::canonical(root, ec);
    while (!pending.empty() && !given_up()) {
      const auto dir = std::move(pending.back());
      pending.pop_back();
      if (!first_visit(dir)) continue;
      std::vector<fs::path> subdirectories;
      for (const auto& e : entries(dir)) entry(e, subdirectories);
      // Depth first in name order, so that of two links to one directory the same one is always walked.
      pending.insert(pending.end(), subdirectories.rbegin(), subdirectories.rend());
    }
  }

  std::vector<fs::directory_entry> entries(const fs::path& dir) {
    std::vector<fs::directory_entry> out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) out.push_back(*it);
    if (ec) problem(dir, ec);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
    return out;
  }

  void entry(const fs::directory_entry& e, std::vector<fs::path>& subdirectories) {
    if (leaves_the_tree(e)) return;
    std::error_code ec;
    const auto status = e.status(ec);  // follows a symbolic link
    if (ec) return problem(e.path(), ec);
    if (fs::is_directory(status)) {
      subdirectories.push_back(e.path());
    } else if (fs::is_regular_file(status) && wanted(e.path())) {
      found.push_back(e.path().lexically_normal().string());
    }
  }
};

}  // namespace

std::vector<std::string> files_under(const std::string& root, const std::vector<std::string>& extensions,
                                     std::vector<WalkProblem>& problems) {
  Walk walk{extensions, problems, {}, {}, {}, 0};
  walk.list(root);
  std::sort(walk.found.begin(), walk.found.end());
  return walk.found;
}

}  // namespace liftlint

namespace liftlint {
namespace {

// The temporary file being written, removed if a signal ends the run before the rename.
char pending_temporary[4096];

extern "C" void remove_pending_temporary(int signal_number) {
  if (pending_temporary[0] != '\0') ::unlink(pending_temporary);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

class CleanupOnSignal {
 public:
  explicit CleanupOnSignal(const std::string& temporary) {
    if (temporary.size() >= sizeof pending_temporary) return;
    std::memcpy(pending_temporary, temporary.c_str(), temporary.size() + 1);
    for (std::size_t i = 0; i < signals.size(); ++i) previous_[i] = std::signal(signals[i], remove_pending_temporary);
  }
  ~CleanupOnSignal() {
    for (std::size_t i = 0; i < signals.size(); ++i) {
      if (previous_[i] != SIG_ERR) std::signal(signals[i], previous_[i]);
    }
    pending_temporary[0] = '\0';
  }
  CleanupOnSignal(const CleanupOnSignal&) = delete;
  CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;

 private:
  // Every signal whose default action ends the process and that a handler may catch.
  static constexpr std::array<int, 11> signals = {SIGINT,  SIGTERM, SIGHUP,  SIGPIPE, SIGQUIT, SIGABRT,
                                                  SIGXCPU, SIGXFSZ, SIGUSR1, SIGUSR2, SIGALRM};
  std::array<void (*)(int), 11> previous_{SIG_ERR, SIG_ERR, SIG_ERR, SIG_ERR, SIG_ERR, SIG_ERR,
                                          SIG_ERR, SIG_ERR, SIG_ERR, SIG_ERR, SIG_ERR};
};

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const auto wrote = ::write(fd, text.data(), text.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(wrote));
  }
  return true;
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

struct OutputFile::Temporary {
  std::string path;
  std::string target;
  std::optional<struct stat> old;  // the file replaced, whose permissions and owner the new one takes
  CleanupOnSignal cleanup;
  Temporary(std::string p, std::string t, std::optional<struct stat> o)
      : path(std::move(p)), target(std::move(t)), old(o), cleanup(path) {}
};

namespace {

bool names_an_open_file(const std::string& path) {
  std::error_code ec;
  fs::path hop = fs::absolute(path, ec);
  for (int hops = 0; !ec && hops < 40; ++hops) {
    const auto dir = fs::canonical(hop.parent_path(), ec).string();
    if (!ec && (dir == "/dev" || dir == "/proc" || dir.rfind("/proc/", 0) == 0 || dir.rfind("/dev/fd", 0) == 0)) {
      return true;
    }
    if (!fs::is_symlink(hop, ec)) return false;
    const auto target = fs::read_symlink(hop, ec);
    hop = target.is_absolute() ? target : hop.parent_path() / target;
  }
  return false;
}

}  // namespace

OutputFile::OutputFile() = default;

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (temporary_) ::unlink(temporary_->path.c_str());
}

std::string OutputFile::open(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return error_text(errno);
    return open_temporary(path, std::nullopt);
  }
  if (S_ISDIR(st.st_mode)) return "it is a directory";
  if (!S_ISREG(st.st_mode)) {  // a device, pipe or socket is written directly, never replaced
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    return fd_ < 0 ? error_text(errno) : std::string{};
  }
  // Through a link to the file it names, keeping the link. A name that goes through /proc or /dev itself
  // (/dev/stdout redirected to a file) stands for an open file: written in place. A file in /dev/shm is an
  // ordinary file, replaced like any other; so is one whose real path cannot be told (a directory above
  // it is hidden), under the name given.
  if (names_an_open_file(path)) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    return fd_ < 0 ? error_text(errno) : std::string{};
  }
  std::error_code ec;
  const auto real = fs::canonical(path, ec).string();
  return open_temporary(ec ? path : real, st);
}

std::string OutputFile::open_temporary(const std::string& target, std::optional<struct stat> old) {
  const fs::path where(target);
  const auto dir = where.has_parent_path() ? where.parent_path() : fs::path(".");
  std::string temporary = (dir / fmt::format(".{}.liftlint-XXXXXX", where.filename().string())).string();
  fd_ = ::mkstemp(temporary.data());  // O_EXCL with an unpredictable name: a planted link is never followed
  if (fd_ < 0) return error_text(errno);
  temporary_ = std::make_unique<Temporary>(std::move(temporary), target, old);
  return {};
}

bool OutputFile::write(std::string_view text) {
  if (fd_ < 0 || error_ != 0) return false;
  if (!write_all(fd_, text)) error_ = errno == 0 ? EIO : errno;
  return error_ == 0;
}

std::string OutputFile::finish() {
  if (fd_ < 0) return finished_ ? error_text(error_) : std::string("the file is not open");
  if (error_ == 0 && temporary_) error_ = finish_temporary();
  if (::close(fd_) != 0 && error_ == 0) error_ = errno;
  fd_ = -1;
  finished_ = true;
  return error_ == 0 ? std::string{} : error_text(error_);
}

std::string OutputFile::commit() {
  if (fd_ >= 0) (void)finish();
  if (!finished_) return "the file is not open";
  if (error_ == 0 && temporary_ && ::rename(temporary_->path.c_str(), temporary_->target.c_str()) != 0) error_ = errno;
  if (error_ == 0) temporary_.reset();  // renamed: nothing left to remove
  return error_ == 0 ? std::string{} : error_text(error_);
}

// The new file gets the old one's permissions (and, for root, its owner) before it takes its place.
int OutputFile::finish_temporary() {
  const auto& old = temporary_->old;
  if (::fchmod(fd_, old ? (old->st_mode & 07777) : new_file_mode()) != 0) return errno;
  if (old && ::geteuid() == 0 && ::fchown(fd_, old->st_uid, old->st_gid) != 0) return errno;
  return 0;
}

std::string write_output(const std::string& path, std::string_view text) {
  OutputFile out;
  if (auto error = out.open(path); !error.empty()) return error;
  out.write(text);
  return out.commit();
}

}  // namespace liftlint
