# Writes liftlint.1 from the command line's own help: help2man turns `liftlint --help` and `--version`
# into the page, and every subcommand's --help becomes a section of it.
# Usage: cmake -DLIFTLINT=path/to/liftlint -DOUT=liftlint.1 -DHELP2MAN=path -P manpage.cmake

# The subcommands a help text lists, each with the words that lead to it.
function(subcommands_of words out)
  execute_process(COMMAND ${LIFTLINT} ${words} --help OUTPUT_VARIABLE help RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "liftlint ${words} --help exited with ${code}")
  endif()
  set(found)
  string(FIND "${help}" "\nSubcommands:\n" at)
  if(at GREATER -1)
    string(SUBSTRING "${help}" ${at} -1 rest)
    string(REGEX MATCHALL "\n  [a-z]+" names "${rest}")
    foreach(name IN LISTS names)
      string(STRIP "${name}" name)
      list(APPEND found "${words} ${name}")
    endforeach()
  endif()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

# Help text as roff: kept as written, with what roff would read as a request escaped.
function(roff_of text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" text "\n${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(sections "[COMMANDS]\n")
subcommands_of("" pending)
while(pending)
  list(POP_FRONT pending words)
  string(STRIP "${words}" words)
  separate_arguments(argv UNIX_COMMAND "${words}")
  execute_process(COMMAND ${LIFTLINT} ${argv} --help OUTPUT_VARIABLE help)
  roff_of("${help}" help)
  string(APPEND sections ".SS \"liftlint ${words}\"\n.nf${help}\n.fi\n")
  subcommands_of("${argv}" more)
  list(APPEND pending ${more})
endwhile()
string(APPEND sections
  "[EXIT STATUS]\n0: no finding at or above the fail-on severity.\n.br\n"
  "1: findings at or above it, or more warnings than --max-warnings allows.\n.br\n"
  "2: an input could not be read (a plan, a rule file, a configuration file) or the command line is wrong.\n"
  "[FILES]\n.I .liftlint.json\nthe project configuration, found from each plan's directory upwards.\n"
  "[SEE ALSO]\nThe documentation in docs/ of the source distribution: the plan notation, the rule language, the\n"
  "command line, the output formats and the embedding API.\n")
get_filename_component(dir ${OUT} DIRECTORY)
file(WRITE ${dir}/liftlint.h2m "${sections}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section 1 --source "liftlint"
          --name "check workout plans against cited exercise guidelines" --include ${dir}/liftlint.h2m
          --output ${OUT} ${LIFTLINT}
  RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "help2man failed (${code})")
endif()
