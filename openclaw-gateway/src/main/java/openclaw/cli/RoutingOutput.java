package openclaw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import openclaw.routing.BindingView;

/** Text and JSON rendering shared by the {@code agents} and {@code channels} commands. Stateless. */
final class RoutingOutput {

    private RoutingOutput() {}

    /** Prints rows as columns separated by two spaces, each as wide as its widest cell; the last is not padded. */
    static void table(PrintStream out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A binding as JSON: agent, channel, account ({@code ""} = whole channel), target, status, agent known, time. */
    static void json(ObjectNode node, BindingView v) {
        node.put("agentId", v.agentId())
                .put("channel", v.target().channel())
                .put("accountId", v.target().accountId())
                .put("target", v.target().target())
                .put("status", v.status())
                .put("agentDefined", v.agentDefined())
                .put("createdAt", v.binding().createdAt().toString());
    }
}
