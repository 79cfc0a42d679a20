// Reading input without holding more of it than liftlint accepts.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liftlint {

// Reads at most limit + 1 bytes: enough to tell a file that is too large from one that is not,
// without holding a file of any size in memory. nullopt when the file cannot be opened or read.
[[nodiscard]] std::optional<std::string> read_bounded(const std::string& path, std::size_t limit);
// The same for an open descriptor, such as standard input.
[[nodiscard]] std::optional<std::string> read_bounded(int fd, std::size_t limit);

}  // namespace liftlint

namespace liftlint {

// An entry of a directory tree that could not be listed, with what went wrong.
struct WalkProblem {
  std::string path;
  std::string message;
};

// The regular files under `root` whose extension is one of `extensions`, in name order, however the
// file system lists them. Symbolic links are followed while their real path stays under the root's
// real path; a link leading out of the tree is reported, not read. Each directory is listed once,
// however many links lead to it, so a link cycle ends. Entries that cannot be read are reported, never
// skipped without a word, and the walk goes on, up to a hundred such problems.
[[nodiscard]] std::vector<std::string> files_under(const std::string& root, const std::vector<std::string>& extensions,
                                                   std::vector<WalkProblem>& problems);

}  // namespace liftlint

namespace liftlint {

// A report or formatted file written so that a reader never sees half of it and nothing but the path
// changes: a regular file (or a new path) is replaced at once, on commit, by a complete new file with
// the old file's permissions and owner, created beside it under an unpredictable name with O_EXCL, and
// removed again if writing fails, the run is interrupted or commit never comes; a symbolic link keeps
// pointing where it did. Devices, pipes and sockets (/dev/null, a FIFO, /dev/stdout) are written
// directly and never replaced. Errors are returned as text, empty on success.
class OutputFile {
 public:
  OutputFile();
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  [[nodiscard]] std::string open(const std::string& path);
  bool write(std::string_view text);  // false once a write has failed; commit says why
  // Completes the file without putting it in place yet, so that several reports of one run are all put
  // in place, or none of them is; commit then puts it in place.
  [[nodiscard]] std::string finish();
  [[nodiscard]] std::string commit();

 private:
  struct Temporary;
  std::string open_temporary(const std::string& target, std::optional<struct stat> old);
  int finish_temporary();
  int fd_ = -1;
  int error_ = 0;
  bool finished_ = false;
  std::unique_ptr<Temporary> temporary_;
};

// The whole text at once, as OutputFile writes it.
[[nodiscard]] std::string write_output(const std::string& path, std::string_view text);

}  // namespace liftlint
