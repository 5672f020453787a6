package dev.labdesk.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Dockerfile syntax that only BuildKit understands. LabDesk builds through the engine's
 * classic builder (docker-java speaks no BuildKit session protocol), which would fail on these
 * with a terse parse error or, worse, silently ignore a parser directive.
 */
public final class DockerfileLint {

    /** One use of BuildKit-only syntax, with the line and what to write instead. */
    public record Finding(int line, String feature, String instead) {
        public String describe(String file) {
            return file + ":" + line + ": " + feature + " needs BuildKit; " + instead;
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*syntax\\s*=.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTRUCTION = Pattern.compile("\\s*([A-Za-z]+)\\s+(.*)");
    private static final Pattern RUN_FLAG = Pattern.compile("--(mount|network|security)(=|\\s)");
    private static final Pattern COPY_FLAG = Pattern.compile("--(link|chmod|checksum|parents|exclude|keep-git-dir)\\b");
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(?!<)-?\\s*[\"']?[A-Za-z_][A-Za-z0-9_]*[\"']?");

    private DockerfileLint() {
    }

    public static List<Finding> buildKitOnly(String dockerfile) {
        List<Finding> out = new ArrayList<>();
        String[] lines = dockerfile.split("\r?\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (header && trimmed.startsWith("#")) {
                if (DIRECTIVE.matcher(trimmed).matches()) {
                    out.add(new Finding(i + 1, "the '# syntax=' parser directive",
                            "remove the line: the classic builder reads the Dockerfile itself and would ignore it"));
                }
                continue;
            }
            if (!trimmed.isEmpty()) {
                header = false;
            }
            if (trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = INSTRUCTION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String instruction = m.group(1).toUpperCase(Locale.ROOT);
            String args = m.group(2);
            if (instruction.equals("RUN")) {
                Matcher flag = RUN_FLAG.matcher(args);
                if (flag.find() && args.trim().startsWith("--")) {
                    out.add(new Finding(i + 1, "'RUN --" + flag.group(1) + "'", switch (flag.group(1)) {
                        case "mount" -> "copy the files in with COPY before the RUN, and drop the --mount option";
                        case "network" -> "drop the --network option (RUN steps use the default network)";
                        default -> "drop the --security option";
                    }));
                }
            }
            if (instruction.equals("COPY") || instruction.equals("ADD")) {
                Matcher flag = COPY_FLAG.matcher(args);
                if (flag.find()) {
                    out.add(new Finding(i + 1, "'" + instruction + " --" + flag.group(1) + "'",
                            flag.group(1).equals("chmod") ? "drop --chmod and add a 'RUN chmod ...' step after the copy"
                                    : "drop the --" + flag.group(1) + " option"));
                }
            }
            if ((instruction.equals("RUN") || instruction.equals("COPY")) && HEREDOC.matcher(args).find()) {
                out.add(new Finding(i + 1, "a here-document ('" + instruction + " <<EOF')",
                        "put the script in a file, COPY it in and RUN it, or join the commands with && on one line"));
            }
        }
        return out;
    }
}
