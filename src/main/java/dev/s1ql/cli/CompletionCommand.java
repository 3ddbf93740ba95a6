// `s1ql generate-completion`: picocli's bash/zsh completion script, plus file-name completion where picocli gives
// none: the PATH arguments of every command and `eval --events` (their values are strings, "-" among them, so
// picocli does not know they are files). Option values come from the commands (enums, the target registry).
package dev.s1ql.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "generate-completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script for s1ql: commands, options, option values (--to, --profile, "
                + "--format, --on-error, ...) and file names.",
        footer = {"", "Use it in the current shell:  source <(s1ql generate-completion)",
                "or install it:  s1ql generate-completion > ~/.local/share/bash-completion/completions/s1ql"})
public final class CompletionCommand implements Callable<Integer> {

    /** Options whose values are file names though picocli sees strings. */
    static final List<String> FILE_VALUED = List.of("'-e'|'--events'");

    private static final String FILES = "      local IFS=$'\\n'\n"
            + "      type compopt &>/dev/null && compopt -o filenames\n"
            + "      COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files\n"
            + "      return $?\n";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("s1ql", spec.root().commandLine());
        spec.commandLine().getOut().print(withFileCompletion(script));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The script with file names completed for positional arguments and for the options in FILE_VALUED. */
    static String withFileCompletion(String script) {
        // positional arguments: picocli offers only subcommand names; the commands that read PATHs get files too
        String positional = Pattern.quote("    local positionals=\"\"\n    local IFS=$'\\n'\n"
                + "    COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}${IFS}${positionals}\" -- \"${curr_word}\") )\n");
        String files = "    local IFS=$'\\n'\n    type compopt &>/dev/null && compopt -o filenames\n"
                + "    COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}\" -- \"${curr_word}\") "
                + "$( compgen -f -- \"${curr_word}\" ) ) # subcommands and files\n";
        StringBuilder out = new StringBuilder();
        Matcher fn = Pattern.compile("(?m)^function _picocli_s1ql_(\\w+)\\(\\)").matcher(script);
        int last = 0;
        while (fn.find()) {
            int end = script.indexOf("\n}\n", fn.end());
            if (end < 0) break;
            String body = script.substring(fn.start(), end);
            if (List.of("validate", "fmt", "parse", "translate", "eval").contains(fn.group(1))) {
                body = body.replaceAll(positional, Matcher.quoteReplacement(files));
            }
            for (String option : FILE_VALUED) {
                body = body.replace("    " + option + ")\n      return\n", "    " + option + ")\n" + FILES);
            }
            out.append(script, last, fn.start()).append(body);
            last = end;
        }
        return out.append(script.substring(last)).toString();
    }
}
